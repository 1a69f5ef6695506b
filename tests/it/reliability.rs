//! Reliability (issue 22): `--out` replaces only an export, the swap
//! cannot half-fail, the catalog and gazetteer are one snapshot, thread
//! counts are bounded, temporary folders do not pile up, and signals
//! clean up after themselves.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::util::{corpus, snapshot, stderr, stdout, TinyCorpus, PROSE};

fn tiny() -> TinyCorpus {
    TinyCorpus::new(&[("a", format!("A Title\n\n{PROSE}\n").as_bytes())])
}

/// Names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Waits for `child` at most `limit`; kills it and returns None if it is
/// still running then.
fn wait_at_most(mut child: Child, limit: Duration) -> Option<Output> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if child.try_wait().expect("wait").is_some() {
            return Some(child.wait_with_output().expect("output"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

fn spawn_build(cwd: &Path, extra: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["build", "--quiet", "--corpus", "corpus", "--out", "out"])
        .args(extra)
        .current_dir(cwd)
        .env("CI", "true")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn")
}

#[test]
fn an_out_folder_that_is_not_an_export_is_refused_and_kept() {
    let t = tiny();
    let out = t.path().join("out");
    std::fs::create_dir_all(out.join("sub")).expect("mkdir");
    std::fs::write(out.join("thesis.docx"), "three years of work").expect("write");
    std::fs::write(out.join("sub/notes.txt"), "notes").expect("write");
    let o = t.build("out");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("is not an export") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(out.join("thesis.docx")).expect("kept"), "three years of work");
    assert_eq!(std::fs::read_to_string(out.join("sub/notes.txt")).expect("kept"), "notes");
    assert_eq!(names(t.path()), [".out.lock", "corpus", "out"], "nothing left beside it");
    // --force replaces it.
    let o = corpus(t.path(), &["build", "--corpus", "corpus", "--out", "out", "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.join("thesis.docx").exists());
    assert_eq!(corpus(t.path(), &["verify", "out"]).status.code(), Some(0));
}

#[test]
fn an_export_with_a_file_added_is_refused_and_an_empty_folder_is_used() {
    let t = tiny();
    std::fs::create_dir(t.path().join("out")).expect("mkdir");
    let o = t.build("out");
    assert!(o.status.success(), "an empty folder is replaced: {}", stderr(&o));
    // A rebuild over a previous export is the normal case.
    let o = t.build("out");
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(t.path().join("out/my-analysis.R"), "library(arrow)").expect("write");
    let o = t.build("out");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("my-analysis.R"), "the message names the file: {err}");
    assert!(t.path().join("out/my-analysis.R").exists());
    // A merge refuses the same folder.
    let parts = corpus(t.path(), &["build", "--corpus", "corpus", "--out", "p1", "--shard", "1/1"]);
    assert!(parts.status.success(), "{}", stderr(&parts));
    let o = corpus(t.path(), &["merge", "p1", "--out", "out"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(t.path().join("out/my-analysis.R").exists());
}

/// The old export cannot be removed after the swap (in a shared folder it
/// belongs to someone else): the build succeeded, so exit 0 with a
/// warning naming what is left, and the new export in place.
#[cfg(unix)]
#[test]
fn a_failed_cleanup_after_the_swap_is_a_warning_not_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let t = tiny();
    assert!(t.build("out").status.success());
    t.write_doc("a", format!("A New Title\n\n{PROSE}\n").as_bytes());
    let run_as_root =
        Command::new("id").arg("-u").output().map(|o| stdout(&o).trim() == "0").unwrap_or(false);
    let o = if run_as_root {
        // Another user rebuilds root's export in a world-writable folder.
        let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
        mode(t.path(), 0o777).expect("chmod");
        mode(&t.path().join(".out.lock"), 0o666).expect("chmod");
        for d in [t.corpus(), t.corpus().join("documents")] {
            mode(&d, 0o755).expect("chmod");
        }
        // A copy of the binary nobody can run, wherever the checkout is.
        let binary = t.path().join("corpus-bin");
        std::fs::copy(env!("CARGO_BIN_EXE_corpus"), &binary).expect("copy the binary");
        mode(&binary, 0o755).expect("chmod");
        Command::new("setpriv")
            .args(["--reuid", "65534", "--regid", "65534", "--clear-groups"])
            .arg(&binary)
            .args(["build", "--quiet", "--corpus", "corpus", "--out", "out"])
            .current_dir(t.path())
            .output()
            .expect("setpriv runs")
    } else {
        std::fs::set_permissions(t.path().join("out"), std::fs::Permissions::from_mode(0o555))
            .expect("chmod");
        t.build("out")
    };
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "the new export is in place, so the build succeeded: {err}");
    assert!(err.contains("warning") && err.contains("previous export"), "{err}");
    let segments = std::fs::read_to_string(t.path().join("out/segments.csv")).expect("segments");
    assert!(segments.contains("A New Title"), "the new export is in place");
    // Let the temporary folder be removed.
    for entry in std::fs::read_dir(t.path()).expect("read") {
        let p = entry.expect("entry").path();
        if p.is_dir() {
            let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755));
        }
    }
}

#[test]
fn a_catalog_saved_again_during_a_build_is_detected_by_its_bytes() {
    use corpus_exporter::{build, BuildOptions, Progress};
    let t = TinyCorpus::new(&[
        ("a", format!("Title A\n\n{PROSE}\n").as_bytes()),
        ("b", format!("Title B\n\n{PROSE}\n").as_bytes()),
    ]);
    let catalog = "[[document]]\nid = \"a\"\nfile = \"documents/a.txt\"\ntitle = \"Title A\"\n\n\
                   [[document]]\nid = \"b\"\nfile = \"documents/b.txt\"\ntitle = \"Title B\"\n";
    t.set_catalog(catalog);
    let opts = BuildOptions::new(t.corpus(), t.path().join("out"));
    build(&opts, &mut |_| {}).expect("first build");
    let before = snapshot(&t.path().join("out"));
    for (file, text) in [
        // A same-length title edit, saved by rename (as editors do).
        ("catalog.toml", catalog.replace("Title B", "Title Q")),
        // The gazetteer, the same way.
        ("actors.toml", "[[actor]]\nid = \"x\"\nname = \"X Y\"\ntype = \"person\"\n".to_string()),
    ] {
        let corpus = t.corpus();
        let mut saved = false;
        let result = build(&opts, &mut |p| {
            if let (Progress::Started { .. }, false) = (&p, saved) {
                let tmp = corpus.join(".save.tmp");
                std::fs::write(&tmp, &text).expect("write");
                std::fs::rename(&tmp, corpus.join(file)).expect("rename");
                saved = true;
            }
        });
        let err = result.expect_err("a change during the build is an error").to_string();
        assert!(err.contains(file) && err.contains("changed while the build was running"), "{err}");
        assert_eq!(snapshot(&t.path().join("out")), before, "the previous export is intact");
        std::fs::write(t.corpus().join("catalog.toml"), catalog).expect("restore");
        let _ = std::fs::remove_file(t.corpus().join("actors.toml"));
    }
    // The same bytes saved again in place are no change.
    let mut saved = false;
    let corpus = t.corpus();
    build(&opts, &mut |p| {
        if let (Progress::Started { .. }, false) = (&p, saved) {
            std::fs::write(corpus.join("catalog.toml"), catalog).expect("write");
            saved = true;
        }
    })
    .expect("the same bytes are the same catalog");
}

#[cfg(unix)]
#[test]
fn a_catalog_or_gazetteer_that_is_a_fifo_is_rejected_at_once() {
    for file in ["catalog.toml", "actors.toml"] {
        let t = tiny();
        let path = t.corpus().join(file);
        let _ = std::fs::remove_file(&path);
        let made = Command::new("mkfifo").arg(&path).status().expect("mkfifo runs");
        assert!(made.success());
        let child = spawn_build(t.path(), &[]);
        let o = wait_at_most(child, Duration::from_secs(20)).expect("the build must not hang on a fifo");
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert!(err.contains(file) && err.contains("not a regular file"), "{err}");
        let o = corpus(t.path(), &["check", "--corpus", "corpus"]);
        assert_eq!(o.status.code(), Some(2), "check too: {}", stderr(&o));
    }
}

#[test]
fn thread_counts_are_bounded() {
    let t = tiny();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for n in [(4 * cores + 1).to_string(), "100000".to_string(), "99999999999".to_string()] {
        let child = spawn_build(t.path(), &["--threads", &n]);
        let o = wait_at_most(child, Duration::from_secs(20)).expect("refused at once");
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "--threads {n}: {err}");
        assert!(err.contains("--threads") && err.contains(&format!("at most {}", 4 * cores)), "{err}");
    }
    let o = corpus(
        t.path(),
        &["build", "--corpus", "corpus", "--out", "out", "--threads", &(4 * cores).to_string()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

/// A PID that is no longer running: a child that has exited.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().expect("spawn");
    let pid = child.id();
    child.wait().expect("wait");
    pid
}

#[test]
fn stale_temporary_folders_of_dead_builds_are_removed_and_nothing_else() {
    let t = tiny();
    let dead = dead_pid();
    let live = std::process::id();
    let stale = format!(".out.tmp-{dead}");
    let keep = [format!(".out.tmp-{live}"), format!(".other.tmp-{dead}"), ".out.tmp-x1".to_string()];
    for d in std::iter::once(&stale).chain(&keep) {
        std::fs::create_dir_all(t.path().join(d).join("sub")).expect("mkdir");
        std::fs::write(t.path().join(d).join("sub/part.parquet"), "half written").expect("write");
    }
    std::fs::write(t.path().join(format!(".out.tmp-{}", dead_pid())), "a file, not a folder").expect("write");
    let o = t.build("out");
    assert!(o.status.success(), "{}", stderr(&o));
    let left = names(t.path());
    assert!(!left.contains(&stale), "the dead build's folder is removed: {left:?}");
    for k in &keep {
        assert!(left.contains(k), "{k} is not a dead build's temporary folder of `out`: {left:?}");
    }
    assert_eq!(left.iter().filter(|n| n.starts_with(".out.tmp-") && n.len() > 10).count(), 3, "{left:?}");
}

/// A corpus whose build takes a few seconds.
fn slow_corpus() -> TinyCorpus {
    let body = format!("{PROSE} ").repeat(20);
    let docs: Vec<(String, Vec<u8>)> = (0..3000)
        .map(|k| (format!("d{k:04}"), format!("Title {k}\n\n{body}\n\n{body}\n").into_bytes()))
        .collect();
    let refs: Vec<(&str, &[u8])> = docs.iter().map(|(a, b)| (a.as_str(), b.as_slice())).collect();
    TinyCorpus::new(&refs)
}

#[cfg(unix)]
#[test]
fn sigint_and_sigterm_remove_the_temporary_folder_and_say_so() {
    let t = slow_corpus();
    std::fs::create_dir(t.path().join("out")).expect("mkdir");
    for (signal, code) in [("INT", 130), ("TERM", 143)] {
        let child = spawn_build(t.path(), &["--threads", "1"]);
        let tmp = t.path().join(format!(".out.tmp-{}", child.id()));
        let start = Instant::now();
        while !tmp.join("segments.csv").exists() && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(5));
        }
        let sent = Command::new("kill").arg(format!("-{signal}")).arg(child.id().to_string()).status();
        assert!(sent.expect("kill runs").success());
        let o = wait_at_most(child, Duration::from_secs(30)).expect("the build stops");
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(code), "SIG{signal}: {err}");
        assert!(err.contains("interrupted") && err.contains("removed"), "{err}");
        assert!(!tmp.exists(), "SIG{signal}: the temporary folder is removed");
        assert!(names(&t.path().join("out")).is_empty(), "the previous (empty) folder is intact");
    }
}

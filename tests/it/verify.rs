//! Invariant 2: `corpus verify` catches any changed, missing or extra file.

use super::util::{corpus, stdout, TinyCorpus, PROSE};

fn built() -> TinyCorpus {
    let t = TinyCorpus::new(&[("a", format!("A Title\n\n{PROSE}\n").as_bytes())]);
    assert!(t.build("out").status.success());
    let ok = corpus(t.path(), &["verify", "out"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));
    t
}

fn verify_fails(t: &TinyCorpus, expect: &str) {
    let o = corpus(t.path(), &["verify", "out"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains(expect), "expected {expect:?} in:\n{}", stdout(&o));
}

#[test]
fn a_changed_byte_is_caught() {
    let t = built();
    let path = t.path().join("out/segments.csv");
    let mut data = std::fs::read(&path).expect("read");
    let last = data.len() - 3;
    data[last] ^= 1;
    std::fs::write(&path, data).expect("write");
    verify_fails(&t, "out/segments.csv: changed");
}

#[test]
fn a_missing_file_is_caught() {
    let t = built();
    std::fs::remove_file(t.path().join("out/documents.parquet")).expect("remove");
    verify_fails(&t, "out/documents.parquet: missing");
}

#[test]
fn an_extra_file_is_caught() {
    let t = built();
    std::fs::write(t.path().join("out/notes.txt"), "hello").expect("write");
    verify_fails(&t, "out/notes.txt: extra");
}

#[test]
fn sums_edited_to_match_a_changed_file_disagree_with_the_data_package() {
    let t = built();
    let path = t.path().join("out/documents.csv");
    let mut data = std::fs::read(&path).expect("read");
    data.extend_from_slice(b"x");
    std::fs::write(&path, &data).expect("write");
    let new_hash = corpus_exporter::sha256_hex(&data);
    let sums_path = t.path().join("out/SHA256SUMS");
    let sums = std::fs::read_to_string(&sums_path).expect("read");
    let edited: String = sums
        .lines()
        .map(|l| {
            if l.ends_with("  documents.csv") {
                format!("{new_hash}  documents.csv\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(&sums_path, edited).expect("write");
    verify_fails(&t, "documents.csv: its hash in datapackage.json does not match SHA256SUMS");
}

#[test]
fn stats_summarises_an_export() {
    let t = built();
    let o = corpus(t.path(), &["stats", "out"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.contains("documents            1 rows"), "{text}");
    assert!(text.contains("segments             2 rows"), "{text}");
    assert!(text.lines().any(|l| l.trim_start().starts_with("a ") && l.contains("2 segments")), "{text}");
    assert!(text.lines().any(|l| l.trim_start().starts_with("a ") && l.contains("0 quotes")), "{text}");
}

#[test]
fn a_truncated_file_is_caught() {
    let t = built();
    let path = t.path().join("out/mentions.parquet");
    let data = std::fs::read(&path).expect("read");
    std::fs::write(&path, &data[..data.len() / 2]).expect("write");
    verify_fails(&t, "out/mentions.parquet: changed");
}

/// A build killed at any moment leaves the old export or the new one,
/// never a mix: `corpus verify` passes on whatever is there.
#[test]
fn a_killed_build_leaves_a_whole_export() {
    let docs: Vec<(String, Vec<u8>)> = (0..400)
        .map(|k| {
            (format!("d{k:03}"), format!("Title {k}\n\n{}\n", format!("{PROSE} ").repeat(40)).into_bytes())
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = docs.iter().map(|(a, b)| (a.as_str(), b.as_slice())).collect();
    let t = TinyCorpus::new(&refs);
    assert!(t.build("out").status.success());
    for delay_ms in [5u64, 30, 80, 150, 300] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_corpus"))
            .args(["build", "--quiet", "--corpus", "corpus", "--out", "out"])
            .current_dir(t.path())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        let o = corpus(t.path(), &["verify", "out"]);
        assert_eq!(o.status.code(), Some(0), "after a kill at {delay_ms} ms: {}", stdout(&o));
    }
}

/// A rebuild swaps the new export in for the old one in one step: a
/// reader polling the folder meanwhile always finds an export there, and
/// no temporary or old folder is left beside it.
#[test]
fn a_rebuild_never_leaves_the_export_missing() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let t = built();
    let sums = t.path().join("out/SHA256SUMS");
    let done = AtomicBool::new(false);
    let missing = AtomicUsize::new(0);
    std::thread::scope(|s| {
        s.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                if !sums.exists() {
                    missing.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
        for k in 0..20 {
            t.write_doc("a", format!("Title {k}\n\n{PROSE}\n").as_bytes());
            let o = t.build("out");
            assert!(o.status.success(), "{}", super::util::stderr(&o));
        }
        done.store(true, Ordering::Relaxed);
    });
    assert_eq!(missing.load(Ordering::Relaxed), 0, "the export was missing while it was replaced");
    let text = std::fs::read_to_string(t.path().join("out/segments.csv")).expect("segments.csv");
    assert!(text.contains("Title 19"), "the last build is in place");
    let mut beside: Vec<String> = std::fs::read_dir(t.path())
        .expect("read")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(beside, vec![".out.lock", "corpus", "out"], "leftovers beside the export");
}

/// Adds `line` to the export's `SHA256SUMS`.
fn add_sums_line(t: &TinyCorpus, line: &str) {
    let path = t.path().join("out/SHA256SUMS");
    let mut sums = std::fs::read_to_string(&path).expect("read");
    sums.push_str(line);
    sums.push('\n');
    std::fs::write(&path, sums).expect("write");
}

#[test]
fn an_extra_file_listed_only_in_the_sums_is_caught() {
    let t = built();
    std::fs::write(t.path().join("out/notes.txt"), "hello").expect("write");
    add_sums_line(&t, &format!("{}  notes.txt", corpus_exporter::sha256_hex(b"hello")));
    verify_fails(&t, "out/notes.txt: listed in SHA256SUMS but not in datapackage.json");
}

#[test]
fn a_sums_path_leading_outside_the_export_is_an_error_and_not_read() {
    for name in ["../outside.txt", "/tmp/outside.txt", "sub/../../outside.txt"] {
        let t = built();
        std::fs::write(t.path().join("outside.txt"), "hello").expect("write");
        add_sums_line(&t, &format!("{}  {name}", corpus_exporter::sha256_hex(b"hello")));
        verify_fails(&t, &format!("{name}: not a file of the export"));
    }
}

#[test]
fn an_empty_sub_folder_is_caught() {
    let t = built();
    std::fs::create_dir(t.path().join("out/extra")).expect("mkdir");
    verify_fails(&t, "out/extra: extra folder");
}

#[cfg(unix)]
#[test]
fn a_listed_file_replaced_by_a_symlink_to_an_identical_copy_is_caught() {
    let t = built();
    let file = t.path().join("out/documents.csv");
    let copy = t.path().join("copy.csv");
    std::fs::copy(&file, &copy).expect("copy");
    std::fs::remove_file(&file).expect("remove");
    std::os::unix::fs::symlink(&copy, &file).expect("symlink");
    verify_fails(&t, "out/documents.csv: a symbolic link");
}

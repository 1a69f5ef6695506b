//! Helpers: small corpora in temporary folders, running the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (where `corpus/` and `exports/` are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled corpus folder.
pub fn bundled() -> PathBuf {
    root().join("corpus")
}

/// Runs `corpus ARGS` in `cwd`.
pub fn corpus(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(args)
        .current_dir(cwd)
        .env("CI", "true")
        .output()
        .expect("the corpus binary runs")
}

/// Runs `corpus ARGS` in `cwd` (output discarded) and gives its exit
/// status and peak resident memory in bytes: the kernel's high-water mark
/// (`VmHWM` in `/proc/PID/status`), which only grows, read while it runs.
#[cfg(target_os = "linux")]
pub fn corpus_peak_memory(cwd: &Path, args: &[&str]) -> (std::process::ExitStatus, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(args)
        .current_dir(cwd)
        .env("CI", "true")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the corpus binary runs");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0u64;
    loop {
        let hwm = std::fs::read_to_string(&status_file).ok().and_then(|s| {
            let kb = s.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
            kb.trim().trim_end_matches("kB").trim().parse::<u64>().ok()
        });
        peak = peak.max(hwm.unwrap_or(0) * 1024);
        if let Some(status) = child.try_wait().expect("wait for corpus") {
            return (status, peak);
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A corpus in a temporary folder with one document per (id, bytes).
pub struct TinyCorpus {
    pub dir: tempfile::TempDir,
}

impl TinyCorpus {
    pub fn new(docs: &[(&str, &[u8])]) -> TinyCorpus {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("corpus")).expect("mkdir");
        std::fs::create_dir(dir.path().join("corpus/documents")).expect("mkdir");
        let mut catalog = String::new();
        for (id, bytes) in docs {
            std::fs::write(dir.path().join(format!("corpus/documents/{id}.txt")), bytes).expect("write");
            catalog.push_str(&format!("[[document]]\nid = \"{id}\"\nfile = \"documents/{id}.txt\"\n\n"));
        }
        let t = TinyCorpus { dir };
        t.set_catalog(&catalog);
        t
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn corpus(&self) -> PathBuf {
        self.dir.path().join("corpus")
    }

    pub fn set_catalog(&self, text: &str) {
        std::fs::write(self.corpus().join("catalog.toml"), text).expect("write catalog");
    }

    pub fn write_doc(&self, id: &str, bytes: &[u8]) {
        std::fs::write(self.corpus().join(format!("documents/{id}.txt")), bytes).expect("write");
    }

    /// `corpus build --corpus corpus --out OUT` in this folder.
    pub fn build(&self, out: &str) -> Output {
        corpus(self.path(), &["build", "--corpus", "corpus", "--out", out])
    }
}

/// Every file of a folder with its bytes, sorted by name.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| {
            let e = e.expect("entry");
            (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}

/// A paragraph long enough to count as prose.
pub const PROSE: &str = "The delegation met for several hours and agreed that the talks would resume after the holiday, according to people familiar with the meeting.";

/// The bundled corpus's gazetteer, compiled.
pub fn actors() -> corpus_exporter::Actors {
    let g = corpus_parser::Gazetteer::load(&bundled()).expect("bundled gazetteer loads");
    corpus_exporter::Actors::new(g)
}

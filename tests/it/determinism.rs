//! Invariant 1: the same inputs give byte-identical files, whatever the
//! thread count, the working directory or the output path.

use super::util::{bundled, corpus, snapshot};

#[test]
fn builds_are_byte_identical_across_threads_and_folders() {
    let a = tempfile::tempdir().expect("temp dir");
    let b = tempfile::tempdir().expect("temp dir");
    let corpus_dir = bundled();
    let c = corpus_dir.to_str().expect("utf-8 path");
    let one = corpus(a.path(), &["build", "--corpus", c, "--out", "out-one", "--threads", "1"]);
    assert!(one.status.success(), "{}", super::util::stderr(&one));
    std::fs::create_dir(b.path().join("nested")).expect("mkdir");
    let many = corpus(
        &b.path().join("nested"),
        &["build", "--corpus", c, "--out", "../elsewhere/export", "--threads", "8"],
    );
    assert!(many.status.success(), "{}", super::util::stderr(&many));
    let x = snapshot(&a.path().join("out-one"));
    let y = snapshot(&b.path().join("elsewhere/export"));
    assert_eq!(x.len(), y.len());
    for ((na, da), (nb, db)) in x.iter().zip(&y) {
        assert_eq!(na, nb);
        assert!(da == db, "{na} differs between the two builds");
    }
    // No absolute path or temp folder name leaks into any output.
    for (name, data) in &x {
        let text = String::from_utf8_lossy(data);
        assert!(!text.contains(a.path().to_str().expect("utf-8")), "{name} contains the output path");
        assert!(!text.contains(c), "{name} contains the corpus path");
    }
}

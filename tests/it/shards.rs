//! Shards and merge: building a corpus in N shards and merging the parts
//! gives the files of a single build, byte for byte; the merge refuses
//! parts that do not fit together.

use std::path::Path;

use corpus_exporter::{build, merge_with, BuildOptions, Progress, Shard};

use super::util::{bundled, corpus, snapshot, stderr, stdout};

/// Copies of the bundled documents (enough rows to fill several Parquet
/// row groups of every table: 300 documents, over 80,000 mentions) plus
/// documents that discover the same person under two spellings, in
/// different shards.
fn big_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let c = dir.path().join("corpus");
    std::fs::create_dir_all(c.join("documents")).expect("mkdir");
    std::fs::copy(bundled().join("actors.toml"), c.join("actors.toml")).expect("copy gazetteer");
    let sources: Vec<_> = std::fs::read_dir(bundled().join("documents"))
        .expect("bundled documents")
        .map(|e| e.expect("entry").path())
        .collect();
    let mut sources = sources;
    sources.sort();
    let mut catalog = String::from("[corpus]\nname = \"shard-test\"\ntitle = \"Shard test\"\n\n");
    let mut add = |id: &str, text: &[u8]| {
        std::fs::write(c.join(format!("documents/{id}.txt")), text).expect("write");
        catalog.push_str(&format!(
            "[[document]]\nid = \"{id}\"\nfile = \"documents/{id}.txt\"\npublished = \"2021-0{}\"\n\n",
            id.len() % 9 + 1
        ));
    };
    for k in 0..60 {
        for s in &sources {
            let stem = s.file_stem().and_then(|n| n.to_str()).expect("utf-8 name");
            // A closing paragraph of its own makes every text distinct, so
            // texts are not dictionary-encoded and Parquet pages fill up.
            let mut text = std::fs::read(s).expect("read");
            text.extend_from_slice(
                format!("\n\nThe delegation met again on day {k} and agreed that the talks would resume.\n")
                    .as_bytes(),
            );
            add(&format!("{stem}-{k:03}"), &text);
        }
    }
    // The same slug, `nadia-rahimi`, spelled two ways: the first document
    // in key order names the actor.
    let (early, late) = ("aaa-discovery", "zzz-discovery");
    assert_ne!(Shard::of(early, 3), Shard::of(late, 3), "the test needs them in different shards");
    let text = |name: &str| {
        format!(
            "A Report\n\nThe council met in the capital on Monday to discuss the border.\n\n\
             \u{201c}We will not accept the proposal,\u{201d} said Minister {name}, who leads the delegation.\n\n\
             Minister {name} later left the meeting early, and the talks were postponed until the spring.\n"
        )
    };
    add(early, text("Nadia Rahimí").as_bytes());
    add(late, text("Nadia Rahimi").as_bytes());
    std::fs::write(c.join("catalog.toml"), catalog).expect("write catalog");
    dir
}

fn assert_same_files(a: &Path, b: &Path) {
    let (x, y) = (snapshot(a), snapshot(b));
    let names = |s: &[(String, Vec<u8>)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&x), names(&y), "{} and {} hold different files", a.display(), b.display());
    let differ: Vec<&str> = x.iter().zip(&y).filter(|(f, g)| f.1 != g.1).map(|(f, _)| f.0.as_str()).collect();
    assert!(differ.is_empty(), "{differ:?} differ between {} and {}", a.display(), b.display());
}

#[test]
fn three_shards_merge_into_the_single_build_byte_for_byte() {
    let dir = big_corpus();
    let p = dir.path();
    let single = corpus(p, &["build", "--corpus", "corpus", "--out", "single"]);
    assert!(single.status.success(), "{}", stderr(&single));
    // The single build discovered the actor and named it as the earliest
    // document spelled it.
    let actors = std::fs::read_to_string(p.join("single/actors.csv")).expect("actors.csv");
    let row = actors.lines().find(|l| l.starts_with("nadia-rahimi,")).expect("a discovered actor row");
    assert!(row.starts_with("nadia-rahimi,Nadia Rahimí,person,"), "{row}");
    // Enough rows to span several row groups (16,384 rows; 64 documents).
    let mentions = std::fs::read_to_string(p.join("single/mentions.csv")).expect("mentions.csv");
    assert!(mentions.lines().count() > 3 * 16_384, "only {} mention rows", mentions.lines().count());

    for i in 1..=3 {
        let shard = format!("{i}/3");
        let out = format!("parts/{i}");
        let o = corpus(p, &["build", "--quiet", "--corpus", "corpus", "--shard", &shard, "--out", &out]);
        assert!(o.status.success(), "{}", stderr(&o));
        let v = corpus(p, &["verify", &out]);
        assert!(v.status.success(), "a part verifies like any export: {}", stdout(&v));
    }
    // Every document is in exactly one part.
    let docs = |part: &str| {
        let csv = std::fs::read_to_string(p.join(part).join("documents.csv")).expect("documents.csv");
        csv.lines().count() - 1
    };
    assert_eq!(docs("parts/1") + docs("parts/2") + docs("parts/3"), docs("single"));
    assert!(docs("parts/1") > 0 && docs("parts/2") > 0 && docs("parts/3") > 0);

    let m = corpus(p, &["merge", "parts/1", "parts/2", "parts/3", "--out", "merged"]);
    assert!(m.status.success(), "{}", stderr(&m));
    assert_same_files(&p.join("single"), &p.join("merged"));
    // The order of the parts on the command line does not matter.
    let m = corpus(p, &["merge", "parts/3", "parts/1", "parts/2", "--out", "merged-again", "--quiet"]);
    assert!(m.status.success(), "{}", stderr(&m));
    assert_same_files(&p.join("single"), &p.join("merged-again"));
}

#[test]
fn many_parts_merge_in_rounds_into_the_single_build_byte_for_byte() {
    let dir = big_corpus();
    let p = dir.path();
    let single =
        build(&BuildOptions::new(p.join("corpus"), p.join("single")), &mut |_| {}).expect("single build");
    let mut parts = Vec::new();
    for i in 1..=5 {
        let mut o = BuildOptions::new(p.join("corpus"), p.join(format!("parts/{i}")));
        o.shard = Some(Shard { index: i, count: 5 });
        build(&o, &mut |_| {}).expect("shard build");
        parts.push(o.out);
    }
    // Two parts at a time: rounds of 5 -> 3 -> 2 sources, then the export.
    let mut events = Vec::new();
    merge_with(&parts, &p.join("merged"), 2, false, &mut |e| events.push(e)).expect("merge in rounds");
    assert_same_files(&p.join("single"), &p.join("merged"));
    // Progress: each table announced with its rows in the parts three
    // times over (two rounds and the export), then read to the last row.
    let single: std::collections::HashMap<&str, u64> =
        single.rows.iter().map(|(t, n)| (*t, *n as u64)).collect();
    let mut announced: Vec<(&str, u64, u64)> = Vec::new();
    for e in events {
        match e {
            Progress::Table { name, rows } => announced.push((name, rows, 0)),
            Progress::Rows { rows } => announced.last_mut().expect("a table is announced first").2 += rows,
            _ => {}
        }
    }
    let names: Vec<&str> = announced.iter().map(|a| a.0).collect();
    assert_eq!(names, ["documents", "segments", "mentions", "quotes", "events"]);
    for (name, rows, read) in announced {
        assert_eq!(rows, 3 * single[name], "{name}");
        assert_eq!(read, rows, "{name}");
    }
    // One round (three parts, then two): the same.
    merge_with(&parts, &p.join("merged-3"), 3, false, &mut |_| {}).expect("merge in one round");
    assert_same_files(&p.join("single"), &p.join("merged-3"));
}

#[test]
fn the_bytes_do_not_depend_on_the_batch_size() {
    let dir = big_corpus();
    let mut a = BuildOptions::new(dir.path().join("corpus"), dir.path().join("a"));
    a.batch_documents = 32;
    let mut b = BuildOptions::new(dir.path().join("corpus"), dir.path().join("b"));
    b.batch_documents = 7;
    build(&a, &mut |_| {}).expect("build a");
    build(&b, &mut |_| {}).expect("build b");
    assert_same_files(&dir.path().join("a"), &dir.path().join("b"));
}

/// The bundled corpus in three parts, in a temporary folder.
fn bundled_parts() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let c = bundled();
    let c = c.to_str().expect("utf-8 path");
    for i in 1..=3 {
        let o = corpus(
            dir.path(),
            &["build", "-q", "--corpus", c, "--shard", &format!("{i}/3"), "--out", &format!("p{i}")],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    dir
}

fn refused(dir: &Path, args: &[&str], expected: &str) {
    let o = corpus(dir, args);
    assert_eq!(o.status.code(), Some(2), "{args:?} should fail: {}", stdout(&o));
    assert!(stderr(&o).contains(expected), "{args:?}: expected {expected:?} in:\n{}", stderr(&o));
    assert!(!dir.join("out").exists(), "{args:?} left an output folder");
}

#[test]
fn the_merge_refuses_parts_that_do_not_fit() {
    let dir = bundled_parts();
    let p = dir.path();
    refused(p, &["merge", "p1", "p2", "--out", "out"], "missing shard(s) 3/3");
    refused(p, &["merge", "p1", "p2", "p2", "p3", "--out", "out"], "is shard 2/3 and so is");
    // A whole export is not a part.
    let c = bundled();
    let o = corpus(p, &["build", "-q", "--corpus", c.to_str().expect("utf-8"), "--out", "whole"]);
    assert!(o.status.success(), "{}", stderr(&o));
    refused(p, &["merge", "whole", "--out", "out"], "is not a part");
    // Shards of 2 do not mix with shards of 3.
    let o = corpus(
        p,
        &["build", "-q", "--corpus", c.to_str().expect("utf-8"), "--shard", "1/2", "--out", "half"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    refused(p, &["merge", "half", "p2", "p3", "--out", "out"], "build every part with the same N");
    // The output may not swallow the parts.
    let o = corpus(p, &["merge", "p1", "p2", "p3", "--out", "."]);
    assert_eq!(o.status.code(), Some(2));
    std::fs::create_dir(p.join("all")).expect("mkdir");
    for i in 1..=3 {
        std::fs::rename(p.join(format!("p{i}")), p.join(format!("all/p{i}"))).expect("move");
    }
    let o = corpus(p, &["merge", "all/p1", "all/p2", "all/p3", "--out", "all"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("contains the part folder"), "{}", stderr(&o));
    assert!(p.join("all/p1/PART.json").exists(), "the parts are intact");
    // A damaged part is refused, not merged.
    let seg = p.join("all/p2/segments.csv");
    let mut bytes = std::fs::read(&seg).expect("read");
    let last = bytes.len() - 3;
    bytes[last] ^= 1;
    std::fs::write(&seg, bytes).expect("write");
    refused(p, &["merge", "all/p1", "all/p2", "all/p3", "--out", "out"], "is damaged");
}

#[test]
fn parts_of_different_corpora_are_refused() {
    let dir = bundled_parts();
    let p = dir.path();
    // The same corpus with a changed catalog: its shard 3 does not fit.
    let other = p.join("other");
    std::fs::create_dir_all(other.join("documents")).expect("mkdir");
    for e in std::fs::read_dir(bundled().join("documents")).expect("read") {
        let e = e.expect("entry");
        std::fs::copy(e.path(), other.join("documents").join(e.file_name())).expect("copy");
    }
    std::fs::copy(bundled().join("actors.toml"), other.join("actors.toml")).expect("copy");
    let catalog = std::fs::read_to_string(bundled().join("catalog.toml")).expect("catalog");
    std::fs::write(other.join("catalog.toml"), catalog.replace("Five documents", "5 documents"))
        .expect("write");
    let o = corpus(p, &["build", "-q", "--corpus", "other", "--shard", "3/3", "--out", "q3"]);
    assert!(o.status.success(), "{}", stderr(&o));
    refused(p, &["merge", "p1", "p2", "q3", "--out", "out"], "other corpus inputs");
}

#[test]
fn a_bad_shard_flag_is_explained() {
    let dir = tempfile::tempdir().expect("temp dir");
    for bad in ["0/3", "4/3", "three", "1/0"] {
        let o = corpus(dir.path(), &["build", "--shard", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("a shard is I/N with 1 <= I <= N"), "{bad}: {}", stderr(&o));
    }
}

#[test]
fn more_shards_than_documents_leave_empty_parts_that_merge() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = dir.path();
    let c = bundled();
    let c = c.to_str().expect("utf-8 path");
    let o = corpus(p, &["build", "-q", "--corpus", c, "--out", "single"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut parts = Vec::new();
    let mut empty = 0;
    for i in 1..=8 {
        let part = format!("p{i}");
        let o = corpus(p, &["build", "-q", "--corpus", c, "--shard", &format!("{i}/8"), "--out", &part]);
        assert!(o.status.success(), "{}", stderr(&o));
        let docs = std::fs::read_to_string(p.join(&part).join("documents.csv")).expect("documents.csv");
        empty += usize::from(docs.lines().count() == 1);
        parts.push(part);
    }
    assert!(empty > 0, "five documents in eight shards leave some empty");
    let mut args = vec!["merge", "-q"];
    args.extend(parts.iter().map(String::as_str));
    args.extend(["--out", "merged"]);
    let m = corpus(p, &args);
    assert!(m.status.success(), "{}", stderr(&m));
    assert_same_files(&p.join("single"), &p.join("merged"));
}

#[test]
fn parts_of_another_version_are_refused() {
    let dir = bundled_parts();
    let p = dir.path();
    let manifest = p.join("p2/PART.json");
    let text = std::fs::read_to_string(&manifest).expect("PART.json");
    assert!(text.contains(&format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"))), "{text}");
    let older =
        text.replace(&format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")), "\"version\": \"0.0.1\"");
    std::fs::write(&manifest, older).expect("write");
    refused(p, &["merge", "p1", "p2", "p3", "--out", "out"], "was built by corpus 0.0.1");
}

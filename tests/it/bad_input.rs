//! Bad input: a clear error naming the file and the place, exit status 2,
//! no panic, and the previous export left exactly as it was.

use super::util::{corpus, snapshot, stderr, stdout, TinyCorpus, PROSE};

/// Builds a good export into `out`, breaks the corpus with `breakit`,
/// builds again and checks the failure: status 2, `message` in stderr,
/// the old export untouched, no temporary folder left behind.
fn fails_cleanly(breakit: impl FnOnce(&TinyCorpus), message: &str) -> String {
    let t = TinyCorpus::new(&[("good", format!("{PROSE}\n").as_bytes())]);
    let first = t.build("out");
    assert!(first.status.success(), "{}", stderr(&first));
    let before = snapshot(&t.path().join("out"));
    breakit(&t);
    let second = t.build("out");
    let err = stderr(&second);
    assert_eq!(second.status.code(), Some(2), "exit status; stderr: {err}");
    assert!(err.contains(message), "expected {message:?} in:\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(snapshot(&t.path().join("out")), before, "the previous export changed");
    let leftovers: Vec<String> = std::fs::read_dir(t.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-") || n.contains(".old-"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
    err
}

/// A catalog that declares the one document UTF-8: invalid bytes are then
/// an error (undeclared, the encoding is detected instead).
const DECLARED_UTF8: &str =
    "[[document]]\nid = \"good\"\nfile = \"documents/good.txt\"\nencoding = \"utf-8\"\n";

#[test]
fn invalid_utf8_names_file_and_byte() {
    fails_cleanly(
        |t| {
            t.write_doc("good", b"Caf\xe9 au lait, said the man, in a long enough line.");
            t.set_catalog(DECLARED_UTF8);
        },
        "corpus/documents/good.txt: invalid UTF-8 at byte 3",
    );
}

#[test]
fn a_byte_the_declared_encoding_cannot_read_is_named() {
    let catalog = DECLARED_UTF8.replace("utf-8", "shift_jis");
    fails_cleanly(
        |t| {
            t.write_doc("good", b"A long enough line of text, then \x81\xff a byte pair Shift_JIS lacks.");
            t.set_catalog(&catalog);
        },
        "good.txt: byte 33 cannot be read as Shift_JIS",
    );
}

#[test]
fn an_undeclared_latin1_source_is_detected_and_built() {
    let t = TinyCorpus::new(&[(
        "good",
        b"Profits rose to \xa315.8m, the caf\xe9 chain said on Monday in London.\n",
    )]);
    let o = t.build("out");
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = std::fs::read_to_string(t.path().join("out/documents.csv")).expect("documents");
    assert!(docs.contains(",windows-1252"), "{docs}");
    let segments = std::fs::read_to_string(t.path().join("out/segments.csv")).expect("segments");
    assert!(segments.contains("£15.8m, the café chain"), "{segments}");
}

#[test]
fn an_empty_file_is_an_error() {
    fails_cleanly(|t| t.write_doc("good", b""), "good.txt: the file is empty");
    fails_cleanly(|t| t.write_doc("good", b" \n\t\r\n"), "good.txt: the file is empty");
}

#[test]
fn a_binary_file_is_an_error() {
    fails_cleanly(|t| t.write_doc("good", b"PK\x03\x04\x00\x00binary"), "good.txt: NUL byte at byte 4");
}

#[test]
fn a_catalog_pointing_outside_the_corpus_is_rejected() {
    fails_cleanly(
        |t| t.set_catalog("[[document]]\nid = \"good\"\nfile = \"../secret.txt\"\n"),
        "catalog.toml:3:8: document 'good': file '../secret.txt' leads outside the corpus folder",
    );
}

#[test]
fn a_duplicate_id_is_rejected() {
    fails_cleanly(
        |t| {
            t.set_catalog("[[document]]\nid = \"good\"\nfile = \"documents/good.txt\"\n\n[[document]]\nid = \"good\"\nfile = \"documents/good.txt\"\n")
        },
        "catalog.toml:6:6: document 'good': duplicate id (first used on line 2)",
    );
}

#[test]
fn a_missing_file_is_rejected() {
    fails_cleanly(
        |t| t.set_catalog("[[document]]\nid = \"good\"\nfile = \"documents/gone.txt\"\n"),
        "file 'documents/gone.txt' cannot be read",
    );
}

#[test]
fn malformed_toml_and_unknown_keys_name_line_and_column() {
    fails_cleanly(|t| t.set_catalog("[[document]\nid = 1\n"), "catalog.toml:1:");
    fails_cleanly(
        |t| {
            t.set_catalog(
                "[[document]]\nid = \"good\"\nfile = \"documents/good.txt\"\npublisehd = \"2020\"\n",
            )
        },
        "did you mean `published`?",
    );
}

#[test]
fn output_inside_the_corpus_or_on_a_file_is_refused() {
    let t = TinyCorpus::new(&[("good", format!("{PROSE}\n").as_bytes())]);
    let o = t.build("corpus/out");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is inside the corpus folder"), "{}", stderr(&o));
    std::fs::write(t.path().join("afile"), "x").expect("write");
    let o = t.build("afile");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("exists and is not a folder"), "{}", stderr(&o));
    // An output that contains the corpus would replace it, corpus and all.
    let nested = t.path().join("data");
    std::fs::create_dir(&nested).expect("mkdir");
    std::fs::rename(t.corpus(), nested.join("corpus")).expect("move the corpus");
    let o = corpus(t.path(), &["build", "--corpus", "data/corpus", "--out", "data"]);
    assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
    assert!(stderr(&o).contains("contains the corpus folder"), "{}", stderr(&o));
    assert!(nested.join("corpus/catalog.toml").exists(), "the corpus is intact");
}

#[test]
fn other_scripts_crlf_and_a_bom_build() {
    let t = TinyCorpus::new(&[
        ("arabic", "مرحبا بالعالم. هذا نص عربي طويل بما يكفي ليكون فقرة كاملة في المستند.\n".as_bytes()),
        ("cyrillic", "Привет, мир. Это русский текст, достаточно длинный для абзаца.\r\n".as_bytes()),
        ("bom", format!("\u{feff}{PROSE}\r\n").as_bytes()),
        ("lonecr", format!("Title\r{PROSE}\r").as_bytes()),
    ]);
    let o = t.build("out");
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn gazetteer_errors_name_the_file_line_and_actor() {
    fails_cleanly(
        |t| {
            let g = "[[actor]]\nid = \"a\"\nname = \"Islamic State\"\ntype = \"organization\"\naliases = [\"ISIS\"]\n\n\
                     [[actor]]\nid = \"b\"\nname = \"IS-K\"\ntype = \"organization\"\naliases = [\"ISIS\"]\n";
            std::fs::write(t.corpus().join("actors.toml"), g).expect("write");
        },
        "actors.toml:8: actor 'b': 'ISIS' is also claimed by actor 'a' (line 2)",
    );
    fails_cleanly(
        |t| {
            std::fs::write(
                t.corpus().join("actors.toml"),
                "[[actor]]\nid = \"a\"\nname = \"\"\ntype = \"person\"\n",
            )
            .expect("write")
        },
        "actors.toml:2: actor 'a': the name is empty",
    );
}

#[test]
fn corpus_check_reports_gazetteer_errors() {
    let t = TinyCorpus::new(&[("good", format!("{PROSE}\n").as_bytes())]);
    std::fs::write(t.corpus().join("actors.toml"), "[[actor]]\nid = \"a\"\nname = \"A\"\ntype = \"person\"\n[[actor]]\nid = \"a\"\nname = \"B\"\ntype = \"person\"\n").expect("write");
    let o = super::util::corpus(t.path(), &["check", "--corpus", "corpus"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("actors.toml:6: actor 'a': duplicate id (first used on line 2)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stderr(&o).matches("duplicate id").count(), 1, "said once: {}", stderr(&o));
}

#[test]
fn invalid_utf8_at_the_start_and_the_end() {
    let declared = |t: &TinyCorpus, bytes: &[u8]| {
        t.write_doc("good", bytes);
        t.set_catalog(DECLARED_UTF8);
    };
    fails_cleanly(|t| declared(t, b"\xc3 rest of the text"), "good.txt: invalid UTF-8 at byte 0");
    let mut tail = format!("{PROSE}\n").into_bytes();
    let at = tail.len();
    tail.push(0xc3); // a truncated two-byte sequence at the very end
    fails_cleanly(|t| declared(t, &tail), &format!("good.txt: invalid UTF-8 at byte {at}"));
}

#[test]
fn catalog_absolute_paths_impossible_dates_and_missing_fields() {
    fails_cleanly(
        |t| t.set_catalog("[[document]]\nid = \"good\"\nfile = \"/etc/hostname\"\n"),
        "file '/etc/hostname' is an absolute path",
    );
    fails_cleanly(
        |t| {
            t.set_catalog(
                "[[document]]\nid = \"good\"\nfile = \"documents/good.txt\"\npublished = \"2021-02-30\"\n",
            )
        },
        "published '2021-02-30' is not a real date",
    );
    fails_cleanly(|t| t.set_catalog("[[document]]\nfile = \"documents/good.txt\"\n"), "missing field `id`");
}

#[test]
fn an_empty_alias_in_the_gazetteer() {
    fails_cleanly(
        |t| {
            let g = "[[actor]]\nid = \"a\"\nname = \"A B\"\ntype = \"person\"\naliases = [\" \"]\n";
            std::fs::write(t.corpus().join("actors.toml"), g).expect("write");
        },
        "actors.toml:2: actor 'a': an alias is empty",
    );
}

#[test]
fn hostile_text_builds() {
    let long_word = "x".repeat(200_000);
    let quotes = "“".repeat(5_000) + &"\"".repeat(5_000) + " " + PROSE;
    let nested = "“‘“‘".repeat(2_500) + PROSE;
    let t = TinyCorpus::new(&[
        ("longword", format!("{PROSE} {long_word} {PROSE}\n").as_bytes()),
        ("quotes", quotes.as_bytes()),
        ("nested", nested.as_bytes()),
        ("pashto", "د افغانستان اسلامي امارت وايي چې دوی به هیڅ ډله ته اجازه ورنکړي.\n".as_bytes()),
    ]);
    let o = t.build("out");
    assert!(o.status.success(), "{}", stderr(&o));
    // Unbalanced marks are counted, not made into quotes.
    let v = super::util::corpus(t.path(), &["verify", "out"]);
    assert!(v.status.success());
    let docs = std::fs::read_to_string(t.path().join("out/documents.csv")).expect("read");
    assert!(docs.contains("unbalanced_quote_marks"));
}

#[test]
fn a_single_50_mb_line_builds() {
    let line = format!("{PROSE} ").repeat(50_000_000 / (PROSE.len() + 1) + 1);
    let t = TinyCorpus::new(&[("huge", line.as_bytes())]);
    let o = t.build("out");
    assert!(o.status.success(), "{}", stderr(&o));
    let segs = std::fs::read_to_string(t.path().join("out/segments.csv")).expect("read");
    assert!(segs.lines().count() > 1_500, "split into many segments, no cell cut");
}

#[test]
fn two_builds_at_once_into_one_folder_do_not_interleave() {
    let t = TinyCorpus::new(&[("good", format!("{PROSE}\n").as_bytes())]);
    // Hold the lock a build takes, as a running build would.
    let lock = std::fs::File::create(t.path().join(".out.lock")).expect("lock file");
    lock.lock().expect("take the lock");
    let o = t.build("out");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("another build is writing this export right now"), "{}", stderr(&o));
    assert!(!t.path().join("out").exists());
    drop(lock);
    assert!(t.build("out").status.success());
}

/// With several bad sources, the one reported is the first in key order,
/// whatever the thread count (documents finish in any order).
#[test]
fn the_first_bad_document_in_key_order_is_reported() {
    let good = format!("A Title\n\n{PROSE}\n");
    let mut docs: Vec<(String, Vec<u8>)> =
        (0..60).map(|k| (format!("d{k:02}"), good.clone().into_bytes())).collect();
    docs[17].1 = b"bad \0 byte".to_vec();
    docs[45].1 = Vec::new();
    let refs: Vec<(&str, &[u8])> = docs.iter().map(|(a, b)| (a.as_str(), b.as_slice())).collect();
    let t = TinyCorpus::new(&refs);
    for threads in ["1", "2", "8"] {
        let o = corpus(t.path(), &["build", "--corpus", "corpus", "--out", "out", "--threads", threads]);
        assert_eq!(o.status.code(), Some(2), "{threads} threads");
        assert!(stderr(&o).contains("d17.txt: NUL byte at byte 4"), "{threads} threads: {}", stderr(&o));
        assert!(!t.path().join("out").exists(), "no export is left");
    }
}

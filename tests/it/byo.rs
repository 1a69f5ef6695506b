//! Bring your own corpus: a folder of mixed files (text in two encodings,
//! saved web pages in subfolders) through `corpus init` and `corpus
//! build`; JSON Lines and CSV dumps through `corpus import`.

use std::collections::HashMap;
use std::path::Path;

use corpus_parser::{parse_source, Catalog, Hints};

use super::util::{corpus, stderr, stdout, PROSE};

/// A saved news page: chrome, a script, a cookie banner, a footer.
const PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
    <title>Dollar gains on Greenspan speech - BBC News</title>\
    <meta property=\"article:published_time\" content=\"2005-01-28T10:00:00Z\">\
    <meta name=\"author\" content=\"Jane Roe\">\
    <style>body { font-family: sans-serif }</style>\
    <script>window.dataLayer = [{\"page\": \"<p>news</p>\"}];</script></head>\n<body>\
    <header><a href=\"/\">BBC Homepage</a> <a href=\"/news\">News Sport Weather</a></header>\
    <nav><ul><li><a href=\"/business\">Business</a></li><li>Markets</li></ul></nav>\
    <article><h1>Dollar gains on Greenspan speech</h1>\
    <p>The dollar has hit its highest level against the euro in almost three months after the Federal \
    Reserve head said the US trade deficit is set to stabilise.</p>\
    <p>&ldquo;We are confident the deficit will narrow,&rdquo; Alan Greenspan said on Friday &mdash; \
    a view shared by the G7 finance ministers meeting in London.</p>\
    <blockquote><p>Markets rallied &amp; the euro fell.</p></blockquote></article>\
    <div class=\"cookie-banner\">We use cookies to give you the best online experience. \
    <button>Accept cookies</button></div>\
    <footer><p>&copy; BBC 2005. The BBC is not responsible for the content of external internet sites.</p>\
    </footer><script>track(\"pageview\");</script></body></html>\n";

/// A Latin-1 text (`£` is byte A3) and an ordinary UTF-8 one.
fn latin1_text() -> Vec<u8> {
    let mut t = b"Ad sales boost Time Warner profit\n\n".to_vec();
    t.extend_from_slice(b"Quarterly profits at US media giant TimeWarner jumped 76% to \xa31.13bn (\xa3600m) for the three months to December, from \xa3639m year-earlier. ");
    t.extend_from_slice(b"The caf\xe9 chain's results were announced on Wednesday, said Ren\xe9e Dupont.\n");
    t
}

fn write(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, bytes).expect("write");
}

/// `(header, rows)` of an export's CSV table.
fn csv_table(dir: &Path, table: &str) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let bytes = std::fs::read(dir.join(format!("{table}.csv"))).expect("csv");
    let mut r = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
    let header: Vec<String> = r.headers().expect("header").iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| header.iter().cloned().zip(rec.expect("row").iter().map(String::from)).collect())
        .collect();
    (header, rows)
}

/// A folder of mixed sources in subfolders.
fn mixed_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("my-folder");
    write(&root, "business/001.txt", &latin1_text());
    write(&root, "business/002.md", format!("# Markets rally\n\n{PROSE}\n").as_bytes());
    write(&root, "web/2005/01/28/dollar.html", PAGE.as_bytes());
    write(&root, "web/other page.htm", PAGE.replace("Dollar gains", "Euro falls").as_bytes());
    write(&root, "notes.pdf", b"%PDF-1.4 not a source");
    dir
}

#[test]
fn a_mixed_folder_becomes_an_export_with_init_and_build_and_no_hand_edits() {
    let dir = mixed_folder();
    let o = corpus(dir.path(), &["init", "my-folder"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("4 document(s) added"), "{}", stdout(&o));
    let catalog = Catalog::load(&dir.path().join("my-folder")).expect("init writes a valid catalog");
    let by_id: HashMap<&str, _> = catalog.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut ids: Vec<&str> = by_id.keys().copied().collect();
    ids.sort();
    assert_eq!(ids, ["business-001", "business-002", "web-2005-01-28-dollar", "web-other-page"]);
    let page = by_id["web-2005-01-28-dollar"];
    assert_eq!(page.title.as_deref(), Some("Dollar gains on Greenspan speech"), "without the site name");
    assert_eq!(page.published.map(|p| p.date), Some(jiff::civil::date(2005, 1, 28)));
    assert!(page.date_inferred, "a guessed date says so");
    assert_eq!(page.authors, ["Jane Roe"]);
    assert_eq!(page.language.as_deref(), Some("en"));
    let latin = by_id["business-001"];
    assert_eq!(latin.encoding.as_deref(), Some("windows-1252"), "the detected encoding is written down");
    assert_eq!(latin.title.as_deref(), Some("Ad sales boost Time Warner profit"));
    assert_eq!(by_id["business-002"].title.as_deref(), Some("Markets rally"));

    let o = corpus(dir.path(), &["build", "--corpus", "my-folder", "--out", "my-export"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = dir.path().join("my-export");
    let (header, docs) = csv_table(&out, "documents");
    assert!(header.contains(&"encoding".to_string()));
    let enc: HashMap<&str, &str> =
        docs.iter().map(|d| (d["doc_id"].as_str(), d["encoding"].as_str())).collect();
    assert_eq!(enc["business-001"], "windows-1252");
    assert_eq!(enc["web-2005-01-28-dollar"], "UTF-8");
    let (_, segments) = csv_table(&out, "segments");
    for s in segments.iter().filter(|s| s["kind"] != "boilerplate") {
        let t = &s["text"];
        for gone in
            ["<", "&copy;", "&amp;", "©", "dataLayer", "track(", "font-family", "cookies", "BBC Homepage"]
        {
            assert!(!t.contains(gone), "{gone:?} in a {} segment of {}: {t}", s["kind"], s["doc_id"]);
        }
    }
    let chrome: Vec<&str> =
        segments.iter().filter(|s| s["kind"] == "boilerplate").map(|s| s["text"].as_str()).collect();
    assert!(
        chrome.iter().any(|t| t.starts_with("© BBC 2005")),
        "the footer is kept as boilerplate: {chrome:?}"
    );
    assert!(segments
        .iter()
        .any(|s| s["text"] == "Markets rallied & the euro fell." && s["kind"] == "block_quote"));
    assert!(segments.iter().any(|s| s["text"].contains("£1.13bn") && s["doc_id"] == "business-001"));
    let (_, events) = csv_table(&out, "events");
    assert!(events.iter().all(|e| !e["sentence"].contains("BBC 2005")), "no event from the footer");

    // Files added later are picked up, hand edits kept; check warns
    // about files the catalog does not list.
    let catalog_path = dir.path().join("my-folder/catalog.toml");
    let edited = std::fs::read_to_string(&catalog_path)
        .expect("catalog")
        .replace("Markets rally", "Markets rally (edited)");
    std::fs::write(&catalog_path, &edited).expect("write");
    write(&dir.path().join("my-folder"), "late.txt", format!("Late news\n\n{PROSE}\n").as_bytes());
    let o = corpus(dir.path(), &["check", "--corpus", "my-folder"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 file(s) in my-folder are not in the catalog")
            && stderr(&o).contains("  late.txt"),
        "{}",
        stderr(&o)
    );
    let o = corpus(dir.path(), &["init", "my-folder"]);
    assert!(stdout(&o).contains("1 document(s) added, 4 already listed"), "{}", stdout(&o));
    let again = std::fs::read_to_string(&catalog_path).expect("catalog");
    assert!(again.starts_with(&edited) && again.contains("id = \"late\""), "{again}");
}

/// Whitespace-free text: an HTML fragment's text and a segment's text
/// compare equal whatever white space the cleaning folded.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn source_offsets_point_into_the_file_as_it_is() {
    let dir = mixed_folder();
    assert!(corpus(dir.path(), &["init", "my-folder"]).status.success());
    let catalog = Catalog::load(&dir.path().join("my-folder")).expect("catalog");
    let actors = super::util::actors();
    for entry in &catalog.documents {
        let raw = std::fs::read(catalog.source_path(entry)).expect("source");
        let p = corpus_exporter::process(&actors, &catalog.root, entry).expect("processes");
        for s in p.doc.segments.iter().filter(|s| s.kind != corpus_parser::BlockKind::Boilerplate) {
            assert_eq!(s.parts.len(), 1, "{}: no page breaks here", entry.id);
            let bytes = &raw[s.parts[0].clone()];
            let back = if entry.file.ends_with("htm") || entry.file.ends_with("html") {
                // The bytes of a web page's segment, read as HTML, hold its text.
                let page = corpus_parser::parse_page(std::str::from_utf8(bytes).expect("utf-8 page"));
                page.text
            } else {
                // The bytes of a re-encoded text decode to it.
                let enc =
                    encoding_rs::Encoding::for_label(entry.encoding.as_deref().unwrap_or("utf-8").as_bytes())
                        .expect("encoding");
                let (text, bad) = enc.decode_without_bom_handling(bytes);
                assert!(!bad, "{}: a range cuts a character", entry.id);
                text.into_owned()
            };
            assert_eq!(squeezed(&back), squeezed(&s.text), "{} segment {}", entry.id, s.seq);
        }
        for (m, src) in p.annotations.mentions.iter().zip(&p.sources.mentions) {
            let surface = &raw[src.clone()];
            if entry.file.ends_with(".txt") {
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(surface);
                assert_eq!(text, m.surface, "{}: mention bytes", entry.id);
            }
        }
    }
    // The page text a build reads, and its blocks, are the parser's.
    let page = parse_source(Path::new("x.html"), PAGE.as_bytes(), None, &Hints::default()).expect("page");
    assert!(!page.text.contains("track(") && page.text.contains("Markets rallied & the euro fell."));
}

#[test]
fn jsonl_and_csv_dumps_import_and_build() {
    let dir = tempfile::tempdir().expect("temp dir");
    let body = |k: usize| format!("Story {k}. {PROSE} The minister said on Monday that talks would go on.");
    let mut jsonl = String::new();
    for k in 0..3 {
        let record = serde_json::json!({
            "url": format!("https://news.example.org/story-{k}"),
            "title": format!("Story {k} \"quoted\" title"),
            "maintext": body(k),
            "date_publish": "2005-03-01 10:00:00",
            "authors": ["Jane Roe", "Ann Lee"],
            "source_domain": "news.example.org",
            "topic": "business",
            "language": "en",
        });
        jsonl.push_str(&record.to_string());
        jsonl.push('\n');
    }
    jsonl.push_str("{\"maintext\": \"\", \"title\": \"empty\"}\n");
    write(dir.path(), "dump.jsonl", jsonl.as_bytes());
    let o = corpus(dir.path(), &["import", "dump.jsonl", "--out", "from-jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("3 documents imported") && stdout(&o).contains("text <- maintext"),
        "{}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("line 4: the text is empty"), "{}", stderr(&o));
    let catalog = Catalog::load(&dir.path().join("from-jsonl")).expect("valid catalog");
    let d = &catalog.documents[1];
    assert_eq!(d.title.as_deref(), Some("Story 1 \"quoted\" title"));
    assert_eq!(d.published.map(|p| p.date), Some(jiff::civil::date(2005, 3, 1)));
    assert_eq!((d.authors.len(), d.publisher.as_deref()), (2, Some("news.example.org")));
    assert_eq!(d.extra.get("topic").map(String::as_str), Some("business"));
    assert_eq!(d.notes.as_deref(), Some("imported from dump.jsonl, line 2"));
    let written = std::fs::read(catalog.source_path(d)).expect("document");
    assert_eq!(written, body(1).as_bytes(), "the text byte for byte");

    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["ArticleId", "Text", "Category"]).expect("header");
    w.write_record(["1833", &body(7), "business"]).expect("row");
    w.write_record(["154", &format!("{}\nSecond line, with \"quotes\".", body(8)), "tech"]).expect("row");
    write(dir.path(), "bbc.csv", &w.into_inner().expect("csv"));
    let o = corpus(dir.path(), &["import", "bbc.csv", "--out", "from-csv", "--id", "ArticleId"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let catalog = Catalog::load(&dir.path().join("from-csv")).expect("valid catalog");
    let ids: Vec<&str> = catalog.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["doc-1833", "doc-154"], "no id a spreadsheet reads as a number");
    assert_eq!(catalog.documents[1].extra.get("Category").map(String::as_str), Some("tech"));

    for (corpus_dir, n) in [("from-jsonl", 3), ("from-csv", 2)] {
        let out = format!("{corpus_dir}-export");
        let o = corpus(dir.path(), &["build", "--corpus", corpus_dir, "--out", &out]);
        assert!(o.status.success(), "{}", stderr(&o));
        let (_, docs) = csv_table(&dir.path().join(&out), "documents");
        assert_eq!(docs.len(), n);
        let extra: serde_json::Value = serde_json::from_str(&docs[0]["extra"]).expect("extra is JSON");
        assert!(extra.is_object(), "{extra}");
    }
    let o = corpus(dir.path(), &["import", "bbc.csv", "--out", "from-csv"]);
    assert!(!o.status.success() && stderr(&o).contains("already has a catalog"), "{}", stderr(&o));
}

//! `corpus import FILE --out DIR`: a corpus folder from a dump.
//!
//! A JSON Lines file (one object a line) or a CSV file (a header row) with
//! a text field and metadata fields becomes DIR/documents/ID.txt (the
//! text, byte for byte as the dump has it) and DIR/catalog.toml (the
//! metadata, with where each document came from). The dump is read a
//! record at a time and each document written at once, so memory stays
//! small whatever the size of the dump.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use crate::init::{make_id, quoted, unique};

/// Which field of a record holds what; `None`: the first of the usual
/// names the dump has.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub text: Option<String>,
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub authors: Option<String>,
    pub publisher: Option<String>,
    pub language: Option<String>,
}

/// The field names scrapers and dataset dumps use (news-please,
/// trafilatura, newspaper3k, Hugging Face datasets, the BBC/AG News CSVs),
/// tried in order.
const TEXT: &[&str] = &["text", "maintext", "content", "body", "article", "full_text", "story", "raw_text"];
const ID: &[&str] = &["id", "doc_id", "document_id", "uuid", "guid", "article_id", "filename"];
const TITLE: &[&str] = &["title", "headline", "heading", "name"];
const DATE: &[&str] = &[
    "date",
    "published",
    "date_publish",
    "publish_date",
    "published_date",
    "published_at",
    "pubdate",
    "datetime",
    "date_published",
    "created_at",
];
const URL: &[&str] = &["url", "link", "source_url", "href", "uri"];
const AUTHORS: &[&str] = &["authors", "author", "byline", "creator"];
const PUBLISHER: &[&str] = &["publisher", "source_domain", "sitename", "site_name", "source", "domain"];
const LANGUAGE: &[&str] = &["language", "lang"];

/// What an import did.
pub struct ImportReport {
    pub documents: usize,
    /// Records left out, with their line and why.
    pub skipped: Vec<String>,
    /// The field each role was read from.
    pub fields: Vec<(&'static str, String)>,
}

/// One record: field name → value (strings; lists of strings for authors).
type Record = BTreeMap<String, serde_json::Value>;

/// Imports `file` into a new corpus folder `out`.
pub fn import(file: &Path, out: &Path, fields: &Fields) -> anyhow::Result<ImportReport> {
    if out.join(corpus_parser::CATALOG_FILE).exists() {
        bail!("{} already has a catalog: import into a new folder", out.display());
    }
    std::fs::create_dir_all(out.join("documents")).with_context(|| format!("creating {}", out.display()))?;
    let csv =
        file.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv") || e.eq_ignore_ascii_case("tsv"));
    let source_name =
        file.file_name().map_or_else(|| "the dump".into(), |n| n.to_string_lossy().into_owned());
    let mut writer = Writer::new(out, &source_name)?;
    let input = File::open(file).with_context(|| format!("opening {}", file.display()))?;
    if csv {
        let tab = file.extension().is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
        let mut reader =
            csv::ReaderBuilder::new().delimiter(if tab { b'\t' } else { b',' }).from_reader(input);
        let headers = reader.headers().context("reading the CSV header")?.clone();
        for (k, row) in reader.records().enumerate() {
            let row = row.with_context(|| format!("{}: CSV record {}", file.display(), k + 1))?;
            let line = row.position().map_or(k as u64 + 2, |p| p.line()) as usize;
            let record: Record = headers
                .iter()
                .zip(row.iter())
                .map(|(h, v)| (h.to_string(), serde_json::Value::from(v)))
                .collect();
            writer.add(&record, line, fields)?;
        }
    } else {
        let mut lines = BufReader::new(input);
        let mut buf = String::new();
        let mut line = 0;
        loop {
            buf.clear();
            if lines.read_line(&mut buf).with_context(|| format!("reading {}", file.display()))? == 0 {
                break;
            }
            line += 1;
            if buf.trim().is_empty() {
                continue;
            }
            let record: Record = serde_json::from_str(&buf).with_context(|| {
                format!("{}:{line}: not a JSON object (one object a line)", file.display())
            })?;
            writer.add(&record, line, fields)?;
        }
    }
    writer.finish()
}

/// Writes documents and catalog entries as records come.
struct Writer {
    out: PathBuf,
    catalog: BufWriter<File>,
    ids: HashSet<String>,
    source: String,
    report: ImportReport,
}

impl Writer {
    fn new(out: &Path, source: &str) -> anyhow::Result<Writer> {
        let path = out.join(corpus_parser::CATALOG_FILE);
        let mut catalog =
            BufWriter::new(File::create(&path).with_context(|| format!("creating {}", path.display()))?);
        writeln!(
            catalog,
            "# Written by `corpus import` from {source}: one [[document]] per record.\n\n[corpus]\nname = {}\n\
             description = {}",
            quoted(&make_id(source)),
            quoted(&format!("Imported from {source}"))
        )?;
        let report = ImportReport { documents: 0, skipped: Vec::new(), fields: Vec::new() };
        Ok(Writer {
            out: out.to_path_buf(),
            catalog,
            ids: HashSet::new(),
            source: source.to_string(),
            report,
        })
    }

    fn add(&mut self, record: &Record, line: usize, fields: &Fields) -> anyhow::Result<()> {
        let roles = self.roles(record, fields)?;
        let text = roles.get("text").and_then(|k| record.get(*k)).and_then(as_text).unwrap_or_default();
        if text.trim().is_empty() {
            self.report.skipped.push(format!("line {line}: the text is empty"));
            return Ok(());
        }
        let given = roles.get("id").and_then(|k| record.get(*k)).and_then(as_text);
        let id = unique(given.as_deref().map_or_else(|| format!("doc-{line:06}"), make_id), &mut self.ids);
        let file = format!("documents/{id}.txt");
        std::fs::write(self.out.join(&file), text.as_bytes()).with_context(|| format!("writing {file}"))?;
        let table = entry(record, &roles, &id, &file, &format!("{}, line {line}", self.source));
        self.catalog.write_all(table.as_bytes())?;
        self.report.documents += 1;
        Ok(())
    }

    /// The field of each role in this record (the first record fixes
    /// nothing: a dump's records may differ in which fields they have).
    fn roles<'r>(
        &mut self,
        record: &'r Record,
        fields: &Fields,
    ) -> anyhow::Result<BTreeMap<&'static str, &'r str>> {
        let mut roles = BTreeMap::new();
        let wanted = [
            ("text", &fields.text, TEXT),
            ("id", &fields.id, ID),
            ("title", &fields.title, TITLE),
            ("date", &fields.date, DATE),
            ("url", &fields.url, URL),
            ("authors", &fields.authors, AUTHORS),
            ("publisher", &fields.publisher, PUBLISHER),
            ("language", &fields.language, LANGUAGE),
        ];
        for (role, given, usual) in wanted {
            let found = match given {
                Some(name) => record.get_key_value(name.as_str()).map(|(k, _)| k.as_str()),
                None => usual
                    .iter()
                    .find_map(|u| record.keys().find(|k| k.eq_ignore_ascii_case(u)))
                    .map(String::as_str),
            };
            if let Some(k) = found {
                roles.insert(role, k);
                if !self.report.fields.iter().any(|(r, _)| *r == role) {
                    self.report.fields.push((role, k.to_string()));
                }
            }
        }
        if !roles.contains_key("text") {
            let have: Vec<&str> = record.keys().map(String::as_str).collect();
            bail!(
                "no text field (tried {}; the record has {}): name it with --text",
                TEXT.join(", "),
                have.join(", ")
            );
        }
        Ok(roles)
    }

    fn finish(mut self) -> anyhow::Result<ImportReport> {
        self.catalog.flush()?;
        Ok(self.report)
    }
}

/// A value as text: a string, a number, or a list joined by "; ".
fn as_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        serde_json::Value::Array(items) => {
            Some(items.iter().filter_map(as_text).collect::<Vec<_>>().join("; "))
        }
        _ => None,
    }
}

/// A date at the start of a value (`2005-03-01T10:00:00Z` → `2005-03-01`).
fn date_of(s: &str) -> Option<String> {
    let s = s.trim();
    let take = |n: usize| s.get(..n).filter(|_| s.len() == n || !s.as_bytes()[n].is_ascii_digit());
    let shape = |d: &str| {
        d.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() })
    };
    [10, 7, 4].into_iter().filter_map(take).find(|d| shape(d)).map(str::to_string)
}

fn authors_of(v: &serde_json::Value) -> Vec<String> {
    match v {
        serde_json::Value::Array(items) => items.iter().filter_map(as_text).collect(),
        other => as_text(other).map_or_else(Vec::new, |s| {
            s.split([';', '|']).map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect()
        }),
    }
}

/// The `[[document]]` of one record: the roles as catalog keys, every
/// other field with a value as `[document.extra]`.
fn entry(record: &Record, roles: &BTreeMap<&'static str, &str>, id: &str, file: &str, from: &str) -> String {
    let value = |role: &str| roles.get(role).and_then(|k| record.get(*k));
    let text =
        |role: &str| value(role).and_then(as_text).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let mut t = format!("\n[[document]]\nid = {}\nfile = {}\n", quoted(id), quoted(file));
    let mut extra: Vec<(String, String)> = Vec::new();
    if let Some(title) = text("title") {
        let _ = writeln!(t, "title = {}", quoted(&title));
    }
    if let Some(p) = text("publisher") {
        let _ = writeln!(t, "publisher = {}", quoted(&p));
    }
    let authors = value("authors").map(authors_of).unwrap_or_default();
    if !authors.is_empty() {
        let list: Vec<String> = authors.iter().map(|a| quoted(a)).collect();
        let _ = writeln!(t, "authors = [{}]", list.join(", "));
    }
    if let Some(raw) = text("date") {
        match date_of(&raw) {
            Some(d) => {
                let _ = writeln!(t, "published = {}", quoted(&d));
            }
            None => extra.push(("date_as_given".into(), raw)),
        }
    }
    if let Some(u) = text("url") {
        match url::Url::parse(&u) {
            Ok(parsed) if parsed.has_host() => {
                let _ = writeln!(t, "url = {}", quoted(&u));
            }
            _ => extra.push(("url_as_given".into(), u)),
        }
    }
    if let Some(l) = text("language") {
        let _ = writeln!(t, "language = {}", quoted(&l));
    }
    let _ = writeln!(t, "notes = {}", quoted(&format!("imported from {from}")));
    let used: HashSet<&str> = roles.values().copied().collect();
    for (k, v) in record.iter().filter(|(k, _)| !used.contains(k.as_str())) {
        if let Some(v) = as_text(v).filter(|v| !v.trim().is_empty()) {
            extra.push((k.clone(), v));
        }
    }
    if !extra.is_empty() {
        t.push_str("\n[document.extra]\n");
        for (k, v) in extra {
            let _ = writeln!(t, "{} = {}", quoted(&k), quoted(&v));
        }
    }
    t
}

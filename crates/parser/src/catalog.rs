//! The corpus catalog: `catalog.toml`, one `[[document]]` per source file.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::entry::{validate, Place, RawEntry, ENTRY_KEYS};
use crate::error::{Error, ErrorKind, Result};
use crate::input::Snapshot;

/// The name of the catalog file inside a corpus folder.
pub const CATALOG_FILE: &str = "catalog.toml";

/// A validated corpus catalog.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The corpus folder, as given (not canonicalised: outputs never show it).
    pub root: PathBuf,
    /// Corpus-level metadata from the optional `[corpus]` table.
    pub meta: CorpusMeta,
    /// The documents, in catalog order.
    pub documents: Vec<CatalogEntry>,
}

/// A validated catalog that keeps of each document only its id, its
/// source's size and where its table is in `catalog.toml`, and reads a
/// document's full entry again when it is needed ([`CatalogIndex::entry`]):
/// a build's memory does not grow by a whole entry per document (about
/// 0.5 KB each, 25 MB for 50,000 documents).
///
/// A catalog whose tables cannot be told apart line by line (a multi-line
/// string, another table after the documents: see `pieces`) is held whole.
#[derive(Debug)]
pub struct CatalogIndex {
    /// The corpus folder, as given.
    pub root: PathBuf,
    /// Corpus-level metadata from the optional `[corpus]` table.
    pub meta: CorpusMeta,
    /// The documents, in catalog order.
    pub documents: Vec<IndexedDocument>,
    path: PathBuf,
    real_root: Option<PathBuf>,
    held: Vec<CatalogEntry>,
    /// The catalog as read: entries are read again from it, never from
    /// the file, which may change during a build ([`CatalogIndex::snapshot`]).
    text: String,
    snapshot: Snapshot,
}

/// One document of a [`CatalogIndex`].
#[derive(Debug, Clone)]
pub struct IndexedDocument {
    /// The document's id.
    pub id: String,
    /// The size of its source file in bytes, when the catalog was read.
    pub source_bytes: u64,
    /// Where its entry is: the bytes of the piece of the catalog that
    /// holds its `[[document]]` table, which table of the piece it is (the
    /// first, unless a header was written in a way the split does not
    /// see) and its 1-based line; or its place among the held entries.
    at: EntryAt,
}

#[derive(Debug, Clone)]
enum EntryAt {
    Table { start: usize, end: usize, nth: usize, line: usize },
    Held(usize),
}

/// Corpus-level metadata (`[corpus]` in the catalog).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusMeta {
    /// A short machine name for the data package (lower case, `-`).
    #[serde(default)]
    pub name: Option<String>,
    /// A human title.
    #[serde(default)]
    pub title: Option<String>,
    /// What the corpus is.
    #[serde(default)]
    pub description: Option<String>,
}

/// How precise a publication date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// The day is known.
    Day,
    /// Only the month is known; the date is the first of the month.
    Month,
    /// Only the year is known; the date is 1 January.
    Year,
}

impl Precision {
    /// The name used in the tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// A publication date with its precision. `date` is the first day of the
/// period the precision names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// The first day of the period.
    pub date: jiff::civil::Date,
    /// Day, month or year.
    pub precision: Precision,
}

/// One validated `[[document]]`.
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    /// Unique id: lower-case letters, digits, `-` and `_`.
    pub id: String,
    /// Path of the source, relative to the corpus folder, with `/`.
    pub file: String,
    /// Title, if known.
    pub title: Option<String>,
    /// Publisher, if known.
    pub publisher: Option<String>,
    /// Authors, in byline order; empty when unknown.
    pub authors: Vec<String>,
    /// Publication date, if known.
    pub published: Option<Published>,
    /// Whether the date was inferred from the text rather than stated.
    pub date_inferred: bool,
    /// Where the document was published, if known.
    pub url: Option<String>,
    /// news, news_analysis, opinion, report …
    pub genre: Option<String>,
    /// BCP 47 language tag.
    pub language: Option<String>,
    /// The licence the document is published under, if known.
    pub licence: Option<String>,
    /// A licence that is not an SPDX id, in words.
    pub licence_note: Option<String>,
    /// The declared encoding of the source (canonical WHATWG name), when
    /// the catalog gives one; otherwise it is detected.
    pub encoding: Option<String>,
    /// Provenance and caveats.
    pub notes: Option<String>,
    /// The user's own metadata (`[document.extra]`), sorted by key.
    pub extra: BTreeMap<String, String>,
    /// 1-based line of the entry's `id` in the catalog.
    pub line: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    #[serde(default)]
    corpus: CorpusMeta,
    #[serde(default)]
    document: Vec<RawEntry>,
}

const TOP_KEYS: &[&str] =
    &["corpus", "document", "name", "title", "description", "actor", "type", "category", "aliases"];

impl Catalog {
    /// Reads and validates `DIR/catalog.toml`: unique ids, files that exist
    /// inside the corpus folder, valid dates, no unknown keys.
    pub fn load(root: &Path) -> Result<Catalog> {
        let path = root.join(CATALOG_FILE);
        let bytes = read_catalog(root, &path)?;
        let text = crate::decode(&path, &bytes)?;
        Catalog::parse(root, &path, text)
    }

    /// Validates catalog `text` (read from `path`) for the corpus in `root`.
    ///
    /// A catalog is parsed a `[[document]]` table at a time when its shape
    /// allows (see `pieces`): a TOML parser holds a tree of the whole
    /// text, about ten times its size, and a corpus of 50,000 documents
    /// has a 17 MB catalog.
    pub fn parse(root: &Path, path: &Path, text: &str) -> Result<Catalog> {
        let plan = pieces(text).unwrap_or_else(|| vec![(0, text)]);
        Catalog::parse_pieces(root, path, text, &plan)
    }

    fn parse_pieces(root: &Path, path: &Path, text: &str, plan: &[(usize, &str)]) -> Result<Catalog> {
        let mut documents = Vec::new();
        // The corpus folder, resolved once (every path must stay inside).
        let real_root = root.canonicalize().ok();
        let meta =
            visit_pieces(root, real_root.as_deref(), path, text, plan, |entry, _, _| documents.push(entry))?;
        Ok(Catalog { root: root.to_path_buf(), meta, documents })
    }

    /// The absolute-or-relative path of an entry's source file.
    pub fn source_path(&self, entry: &CatalogEntry) -> PathBuf {
        self.root.join(&entry.file)
    }
}

/// Parses and validates the pieces of a catalog (see [`pieces`]), giving
/// each entry with the piece it is in, `(offset, piece)`, and its place
/// among the piece's documents; returns the `[corpus]` metadata.
fn visit_pieces(
    root: &Path,
    real_root: Option<&Path>,
    path: &Path,
    text: &str,
    plan: &[(usize, &str)],
    mut each: impl FnMut(CatalogEntry, (usize, &str), usize),
) -> Result<CorpusMeta> {
    let mut meta = CorpusMeta::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut any = false;
    let mut errors = Vec::new();
    let lines = Lines::new(text);
    for &(offset, piece) in plan {
        let raw: RawCatalog = match toml::from_str(piece) {
            Ok(raw) => raw,
            Err(e) => {
                errors.push(toml_error(path, text, offset, &e));
                continue;
            }
        };
        if offset == 0 {
            meta = raw.corpus;
        }
        let place = Place { root, real_root, path, text, lines: &lines, offset, line_shift: 0 };
        for (nth, entry) in raw.document.into_iter().enumerate() {
            any = true;
            match validate(&place, entry, &mut seen) {
                Ok(entry) => each(entry, (offset, piece), nth),
                Err(more) => errors.extend(more),
            }
        }
    }
    if !any && errors.is_empty() {
        let message = "the catalog lists no documents: add a [[document]] table \
                       (or run `corpus init` on the folder to write one)"
            .to_string();
        errors.push(Error::new(path, ErrorKind::Catalog { id: None, line: None, column: None, message }));
    }
    match errors.len() {
        0 => Ok(meta),
        1 => Err(errors.remove(0)),
        _ => Err(Error::new(path, ErrorKind::Several(errors))),
    }
}

/// Reads a catalog's bytes; a missing catalog says how to make one.
fn read_catalog(root: &Path, path: &Path) -> Result<Vec<u8>> {
    if !path.exists() && root.is_dir() {
        let message = format!(
            "there is no {CATALOG_FILE} in this folder: run `corpus init {}` to write one for its files",
            root.display()
        );
        return Err(Error::new(path, ErrorKind::Catalog { id: None, line: None, column: None, message }));
    }
    crate::read_regular(path)
}

impl CatalogIndex {
    /// Reads and validates `DIR/catalog.toml` as [`Catalog::load`] does,
    /// keeping an index of it.
    pub fn load(root: &Path) -> Result<CatalogIndex> {
        let path = root.join(CATALOG_FILE);
        let bytes = read_catalog(root, &path)?;
        let snapshot = Snapshot::of(&path, Some(&bytes));
        crate::decode(&path, &bytes)?;
        let text = String::from_utf8(bytes)
            .map_err(|e| Error::new(&path, ErrorKind::Utf8 { offset: e.utf8_error().valid_up_to() }))?;
        let plan = pieces(&text);
        let mut held = Vec::new();
        let mut documents = Vec::new();
        let whole = [(0, text.as_str())];
        // The corpus folder, resolved once (every path must stay inside).
        let real_root = root.canonicalize().ok();
        let meta = visit_pieces(
            root,
            real_root.as_deref(),
            &path,
            &text,
            plan.as_deref().unwrap_or(&whole),
            |entry, (offset, piece), nth| {
                let source_bytes = std::fs::metadata(root.join(&entry.file)).map_or(0, |m| m.len());
                let at = if plan.is_some() {
                    EntryAt::Table { start: offset, end: offset + piece.len(), nth, line: entry.line }
                } else {
                    held.push(entry.clone());
                    EntryAt::Held(held.len() - 1)
                };
                documents.push(IndexedDocument { id: entry.id, source_bytes, at });
            },
        )?;
        drop(plan);
        Ok(CatalogIndex { root: root.to_path_buf(), meta, documents, path, real_root, held, text, snapshot })
    }

    /// The catalog's bytes as read, hashed: [`Snapshot::unchanged`] tells
    /// at the end of a build whether the file still has them.
    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// The full entry of an indexed document, read again from the catalog
    /// as it was read (and validated again: its source file must still be
    /// there).
    pub fn entry(&self, doc: &IndexedDocument) -> Result<CatalogEntry> {
        let (start, end, nth, line) = match doc.at {
            EntryAt::Held(k) => return Ok(self.held[k].clone()),
            EntryAt::Table { start, end, nth, line } => (start, end, nth, line),
        };
        let changed = |what: &str| {
            let message =
                format!("catalog.toml changed while the build was running ({what}): run the build again");
            Error::new(
                &self.path,
                ErrorKind::Catalog { id: Some(doc.id.clone()), line: Some(line), column: None, message },
            )
        };
        let piece = self.text.get(start..end).ok_or_else(|| changed("not UTF-8 where the entry was"))?;
        let raw: RawCatalog = toml::from_str(piece).map_err(|_| changed("the entry no longer parses"))?;
        let entry = raw.document.into_iter().nth(nth).ok_or_else(|| changed("fewer entries where it was"))?;
        if *entry.id.get_ref() != doc.id {
            return Err(changed("another entry where it was"));
        }
        let lines = Lines::new(piece);
        let line_shift = line - lines.line(entry.id.span().start);
        let place = Place {
            root: &self.root,
            real_root: self.real_root.as_deref(),
            path: &self.path,
            text: piece,
            lines: &lines,
            offset: 0,
            line_shift,
        };
        validate(&place, entry, &mut HashMap::new()).map_err(|mut errors| {
            if errors.len() == 1 {
                errors.remove(0)
            } else {
                Error::new(&self.path, ErrorKind::Several(errors))
            }
        })
    }

    /// The path of a document's source file.
    pub fn source_path(&self, entry: &CatalogEntry) -> PathBuf {
        self.root.join(&entry.file)
    }
}

/// Splits a catalog into pieces that parse alone, with their byte
/// offsets: the head (up to the first `[[document]]`) and then one piece
/// per `[[document]]` table. `None` when a piece boundary could be wrong:
/// the text has a multi-line string (which could hold a line that looks
/// like a header), another table header follows the first document, or
/// the head has a `document` key of its own.
fn pieces(text: &str) -> Option<Vec<(usize, &str)>> {
    if text.contains("\"\"\"") || text.contains("'''") {
        return None;
    }
    let mut starts = vec![0];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let code = line.split('#').next().unwrap_or("").trim();
        let key = code.split(['=', '.', ' ', '\t']).next().unwrap_or("").trim_matches(['"', '\'']);
        if starts.len() == 1 && key == "document" {
            return None;
        }
        if code.starts_with('[') {
            let header: String = code.chars().filter(|c| !c.is_whitespace()).collect();
            if header == "[[document]]" {
                starts.push(offset);
            } else if starts.len() > 1 && header != "[document.extra]" {
                return None;
            }
        }
        offset += line.len();
    }
    starts.push(text.len());
    starts.dedup();
    Some(starts.windows(2).map(|w| (w[0], &text[w[0]..w[1]])).collect())
}

/// 1-based line numbers of byte offsets, by binary search over the line
/// starts (a catalog of 100,000 documents has 100,000 entries to name).
pub(crate) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub(crate) fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    pub(crate) fn line(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s <= byte)
    }

    /// The 1-based line and column (in characters) of `byte` in `text`.
    pub(crate) fn line_col(&self, text: &str, byte: usize) -> (usize, usize) {
        let byte = byte.min(text.len());
        let line = self.line(byte);
        let start = self.starts[line - 1];
        (line, text.get(start..byte).map_or(1, |s| s.chars().count() + 1))
    }
}

pub(crate) fn line_of(text: &str, byte: usize) -> usize {
    text.as_bytes()[..byte.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// A TOML error with its line and column in `text`; `offset`: where the
/// piece that was parsed starts in `text`.
pub(crate) fn toml_error(path: &Path, text: &str, offset: usize, err: &toml::de::Error) -> Error {
    let (line, column) = match err.span().map(|s| (s.start + offset)..(s.end + offset)) {
        Some(span) => {
            let line = line_of(text, span.start);
            let line_start = text[..span.start.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
            let column = text[line_start..span.start.min(text.len())].chars().count() + 1;
            (Some(line), Some(column))
        }
        None => (None, None),
    };
    let mut message = err.message().trim().to_string();
    if let Some(hint) = unknown_key_hint(&message) {
        message.push_str(&hint);
    }
    message.push_str(shape_hint(&message));
    Error::new(path, ErrorKind::Toml { line, column, message })
}

/// What to do about the shape errors people meet most: a single
/// `[document]` table, a value that is not a string.
fn shape_hint(message: &str) -> &'static str {
    if message.contains("expected a sequence") {
        " (each document is a `[[document]]` table, with two brackets: `[document]` with one \
         bracket declares a single table)"
    } else if message.contains("expected a string") && message.contains("map") {
        " (a TOML date or an inline table is not a string here: quote the value, \
         e.g. published = \"2005-03-01\")"
    } else if message.contains("expected a string") {
        " (quote the value: key = \"text\"; every [document.extra] value is a string too)"
    } else {
        ""
    }
}

/// For "unknown field `titel`", suggests the nearest known key.
fn unknown_key_hint(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let key = &rest[..rest.find('`')?];
    let best = ENTRY_KEYS.iter().chain(TOP_KEYS).map(|k| (edit_distance(key, k), *k)).min()?;
    (best.0 <= 3).then(|| format!(" (did you mean `{}`?)", best.1))
}

/// Levenshtein distance over chars; keys are short, so O(n·m) is fine.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus_with(catalog: &str) -> (tempfile::TempDir, Result<Catalog>) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("documents")).expect("mkdir");
        std::fs::write(dir.path().join("documents/a.txt"), "Hello.\n").expect("write");
        std::fs::write(dir.path().join("documents/b.txt"), "World.\n").expect("write");
        let path = dir.path().join(CATALOG_FILE);
        let result = Catalog::parse(dir.path(), &path, catalog);
        (dir, result)
    }

    /// A catalog of three documents with comments and spacing, and what
    /// the piecewise and the whole parse make of it.
    const SPACED: &str = "# the corpus\n[corpus]\nname = \"x\"\ndescription = \"documents of a test\"\n\n\
        [[document]]\nid = \"a\"\nfile = \"documents/a.txt\"\ntitle = \"A # not a comment\"\n\n\
        [[ document ]] # the second\nid = \"b\"\nfile = \"documents/b.txt\"\nauthors = [\"X\", \"Y\"]\n\n\
        [[document]]\n\n# a comment\nid = \"c\"\nfile = \"documents/a.txt\"\npublished = \"2021-09\"\n";

    /// (id, line, title, authors) of each entry.
    type Summary = Vec<(String, usize, Option<String>, Vec<String>)>;

    fn both_ways(catalog: &str) -> (Summary, Summary) {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("documents")).expect("mkdir");
        std::fs::write(dir.path().join("documents/a.txt"), "Hello.\n").expect("write");
        std::fs::write(dir.path().join("documents/b.txt"), "World.\n").expect("write");
        let path = dir.path().join(CATALOG_FILE);
        let summary = |c: Catalog| {
            c.documents.into_iter().map(|d| (d.id, d.line, d.title, d.authors)).collect::<Vec<_>>()
        };
        let pieces = Catalog::parse(dir.path(), &path, catalog).expect("piecewise parse");
        let whole = Catalog::parse_pieces(dir.path(), &path, catalog, &[(0, catalog)]).expect("whole parse");
        assert_eq!(pieces.meta, whole.meta);
        (summary(pieces), summary(whole))
    }

    #[test]
    fn a_catalog_is_parsed_a_document_at_a_time_with_the_same_result() {
        let plan = pieces(SPACED).expect("a plain catalog splits");
        assert_eq!(plan.len(), 4, "head and three documents");
        assert!(plan[2].1.starts_with("[[ document ]] # the second"));
        assert_eq!(plan.iter().map(|p| p.1).collect::<String>(), SPACED, "nothing lost");
        let (pieces, whole) = both_ways(SPACED);
        assert_eq!(pieces, whole);
        assert_eq!(pieces.iter().map(|d| d.1).collect::<Vec<_>>(), vec![7, 12, 19], "lines of the ids");
    }

    /// Writes `catalog` into a corpus folder with two sources.
    fn corpus_folder(catalog: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("documents")).expect("mkdir");
        std::fs::write(dir.path().join("documents/a.txt"), "Hello.\n").expect("write");
        std::fs::write(dir.path().join("documents/b.txt"), "World!!\n").expect("write");
        std::fs::write(dir.path().join(CATALOG_FILE), catalog).expect("write");
        dir
    }

    /// Every field of an entry, to compare two reads of it.
    fn fields(e: &CatalogEntry) -> String {
        format!("{e:?}")
    }

    #[test]
    fn an_index_reads_each_entry_again_as_the_whole_catalog_has_it() {
        let tricky =
            "[[document]]\nid = \"a\"\nfile = \"documents/a.txt\"\nnotes = \"\"\"\n[[document]]\n\"\"\"\n";
        let no_head = "[[document]]\nid = \"z\"\nfile = \"documents/b.txt\"\ntitle = \"Z\"\n\n\
            [[document]]\nid = \"y\"\nfile = \"documents/a.txt\"\nauthors = [\"Q\"]\n";
        // A quoted first header, which the split does not see: the head
        // piece holds the first table.
        let quoted = no_head.replacen("[[document]]", "[[\"document\"]]", 1);
        for (catalog, split) in [(SPACED, true), (no_head, true), (quoted.as_str(), true), (tricky, false)] {
            assert_eq!(pieces(catalog).is_some(), split);
            let dir = corpus_folder(catalog);
            let whole = Catalog::load(dir.path()).expect("catalog");
            let index = CatalogIndex::load(dir.path()).expect("index");
            assert_eq!(index.meta, whole.meta);
            assert_eq!(index.documents.len(), whole.documents.len());
            for (d, e) in index.documents.iter().zip(&whole.documents) {
                assert_eq!(d.id, e.id);
                let size = std::fs::metadata(whole.source_path(e)).expect("source").len();
                assert_eq!(d.source_bytes, size);
                assert_eq!(fields(&index.entry(d).expect("entry")), fields(e), "{catalog}");
            }
        }
        // The split catalog's entries are read from the file, not held.
        let dir = corpus_folder(SPACED);
        let index = CatalogIndex::load(dir.path()).expect("index");
        assert!(index.held.is_empty());
        assert_eq!(index.documents.iter().map(|d| d.source_bytes).collect::<Vec<_>>(), [7, 8, 7]);
    }

    #[test]
    fn an_index_rejects_what_the_catalog_rejects() {
        let bad = SPACED.replace("published = \"2021-09\"", "publisehd = \"2021-09\"");
        let dir = corpus_folder(&bad);
        let err = CatalogIndex::load(dir.path()).expect_err("unknown key").to_string();
        assert!(err.contains(":21:") && err.contains("did you mean `published`"), "{err}");
        let dir = corpus_folder("[corpus]\nname = \"x\"\n");
        let err = CatalogIndex::load(dir.path()).expect_err("no documents").to_string();
        assert!(err.contains("lists no documents"), "{err}");
    }

    #[test]
    fn a_catalog_changed_under_an_index_is_found_by_its_snapshot_not_read() {
        let dir = corpus_folder(SPACED);
        let index = CatalogIndex::load(dir.path()).expect("index");
        // The same length, another id where the second entry was.
        let changed = SPACED.replace("id = \"b\"", "id = \"q\"");
        std::fs::write(dir.path().join(CATALOG_FILE), &changed).expect("write");
        assert_eq!(index.entry(&index.documents[1]).expect("the entry as read").id, "b");
        let err = index.snapshot().unchanged().expect_err("changed").to_string();
        assert!(err.contains("catalog.toml: changed while the build was running"), "{err}");
        // A source removed since: the entry is checked again.
        std::fs::write(dir.path().join(CATALOG_FILE), SPACED).expect("write");
        assert!(index.snapshot().unchanged().is_ok(), "the same bytes again");
        std::fs::remove_file(dir.path().join("documents/b.txt")).expect("remove");
        let err = index.entry(&index.documents[1]).expect_err("missing source").to_string();
        assert!(err.contains("documents/b.txt"), "{err}");
        assert!(index.entry(&index.documents[0]).is_ok());
    }

    #[test]
    fn an_index_reads_entries_from_its_snapshot_while_the_file_is_saved_again() {
        let dir = corpus_folder(SPACED);
        let index = CatalogIndex::load(dir.path()).expect("index");
        // Saved again in place: truncated, for a moment.
        std::fs::write(dir.path().join(CATALOG_FILE), "").expect("truncate");
        let entry = index.entry(&index.documents[2]).expect("the entry as it was read");
        assert_eq!((entry.id.as_str(), entry.line), ("c", 19));
        let err = index.snapshot().unchanged().expect_err("truncated").to_string();
        assert!(err.contains("changed while the build was running"), "{err}");
    }

    #[test]
    fn unusual_catalogs_are_parsed_whole() {
        // A multi-line string could hold a line that looks like a header.
        let tricky =
            "[[document]]\nid = \"a\"\nfile = \"documents/a.txt\"\nnotes = \"\"\"\n[[document]]\n\"\"\"\n";
        assert!(pieces(tricky).is_none());
        let (_, result) = corpus_with(tricky);
        let c = result.expect("parses whole");
        assert_eq!(c.documents.len(), 1);
        assert_eq!(c.documents[0].notes.as_deref(), Some("[[document]]"));
        // Another table after the documents; a `document` key in the head.
        assert!(pieces("[[document]]\nid = \"a\"\n[corpus]\nname = \"x\"\n").is_none());
        assert!(pieces("document = []\n[[document]]\nid = \"a\"\n").is_none());
        let both = "document = [{ id = \"a\", file = \"documents/a.txt\" }]\n[[document]]\nid = \"b\"\nfile = \"documents/b.txt\"\n";
        assert!(error_of(both).contains("catalog.toml"), "{}", error_of(both));
    }

    #[test]
    fn errors_in_a_later_document_name_their_line() {
        let bad = SPACED.replace("published = \"2021-09\"", "publisehd = \"2021-09\"");
        let err = error_of(&bad);
        assert!(err.contains(":21:"), "{err}");
        assert!(err.contains("did you mean `published`"), "{err}");
    }

    fn error_of(catalog: &str) -> String {
        match corpus_with(catalog).1 {
            Ok(_) => panic!("catalog should have been rejected:\n{catalog}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_valid_catalog_loads_with_dates_and_precision() {
        let (_dir, cat) = corpus_with(
            "[[document]]\nid = \"a\"\nfile = \"documents/a.txt\"\npublished = \"2021-09\"\n\
             published_precision = \"month\"\nauthors = [\"X Y\", \"\"]\n\n\
             [[document]]\nid = \"b\"\nfile = \"./documents/b.txt\"\n",
        );
        let cat = cat.expect("valid");
        assert_eq!(cat.documents.len(), 2);
        let p = cat.documents[0].published.expect("date");
        assert_eq!(p.date, jiff::civil::date(2021, 9, 1));
        assert_eq!(p.precision, Precision::Month);
        assert_eq!(cat.documents[0].authors, vec!["X Y".to_string()]);
        assert_eq!(cat.documents[1].file, "documents/b.txt");
        assert_eq!(cat.documents[1].line, 9);
    }

    #[test]
    fn duplicate_ids_name_both_lines() {
        let msg = error_of(
            "[[document]]\nid = \"a\"\nfile = \"documents/a.txt\"\n\
             [[document]]\nid = \"a\"\nfile = \"documents/b.txt\"\n",
        );
        assert!(msg.contains(":5:6: document 'a': duplicate id (first used on line 2)"), "{msg}");
    }

    #[test]
    fn paths_outside_the_corpus_are_rejected() {
        let msg = error_of("[[document]]\nid = \"a\"\nfile = \"../etc/passwd\"\n");
        assert!(msg.contains("leads outside the corpus folder"), "{msg}");
        let msg = error_of("[[document]]\nid = \"a\"\nfile = \"/etc/passwd\"\n");
        assert!(msg.contains("is an absolute path"), "{msg}");
        let msg = error_of("[[document]]\nid = \"a\"\nfile = \"documents/missing.txt\"\n");
        assert!(msg.contains("file 'documents/missing.txt' cannot be read"), "{msg}");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_leading_out_is_rejected() {
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::write(outside.path().join("secret.txt"), "x").expect("write");
        let dir = tempfile::tempdir().expect("temp dir");
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), dir.path().join("s.txt"))
            .expect("symlink");
        let cat = "[[document]]\nid = \"a\"\nfile = \"s.txt\"\n";
        let err =
            Catalog::parse(dir.path(), &dir.path().join(CATALOG_FILE), cat).expect_err("must be rejected");
        assert!(err.to_string().contains("is a link that leads outside"), "{err}");
    }

    #[test]
    fn unknown_keys_get_a_hint_with_line_and_column() {
        let msg = error_of("[[document]]\nid = \"a\"\nfile = \"documents/a.txt\"\ntitel = \"x\"\n");
        assert!(msg.contains("catalog.toml:4:1:"), "{msg}");
        assert!(msg.contains("unknown field `titel`"), "{msg}");
        assert!(msg.contains("did you mean `title`?"), "{msg}");
    }

    #[test]
    fn malformed_toml_gives_line_and_column() {
        let msg = error_of("[[document]]\nid = \"a\nfile = 3\n");
        assert!(msg.contains("catalog.toml:2:"), "{msg}");
    }

    #[test]
    fn impossible_or_inconsistent_dates_are_rejected() {
        let base = "[[document]]\nid = \"a\"\nfile = \"documents/a.txt\"\n";
        let msg = error_of(&format!("{base}published = \"2021-02-30\"\n"));
        assert!(msg.contains("published '2021-02-30' is not a real date"), "{msg}");
        let msg = error_of(&format!("{base}published = \"2023\"\npublished_precision = \"day\"\n"));
        assert!(msg.contains("has year precision but published_precision is 'day'"), "{msg}");
        let msg = error_of(&format!("{base}published = \"21/09/2021\"\n"));
        assert!(msg.contains("must be YYYY-MM-DD"), "{msg}");
    }

    #[test]
    fn missing_required_fields_and_bad_ids_are_rejected() {
        let msg = error_of("[[document]]\nid = \"a\"\n");
        assert!(msg.contains("missing field `file`"), "{msg}");
        let msg = error_of("[[document]]\nid = \"Has Space\"\nfile = \"documents/a.txt\"\n");
        assert!(msg.contains("an id must be"), "{msg}");
        let msg = error_of("");
        assert!(msg.contains("lists no documents"), "{msg}");
    }

    #[test]
    fn every_problem_of_a_catalog_is_reported_at_once_with_line_and_column() {
        let msg = error_of(
            "[[document]]\nid = \"a\"\nfile = \"documents/a.txt\"\nurl = \"not a url\"\n\n\
             [[document]]\nid = \"b\"\nfile = \"documents/missing.txt\"\nlicence = \"All rights reserved, BBC\"\n\n\
             [[document]]\nid = \"c\"\nfile = \"documents/a.txt\"\ntitel = \"x\"\n",
        );
        assert!(msg.contains("4 problems"), "{msg}");
        assert!(
            msg.contains("catalog.toml:4:7: document 'a': url 'not a url' is not a web address"),
            "{msg}"
        );
        assert!(
            msg.contains("catalog.toml:8:8: document 'b': file 'documents/missing.txt' cannot be read"),
            "{msg}"
        );
        assert!(
            msg.contains(
                "catalog.toml:9:11: document 'b': licence 'All rights reserved, BBC' is not an SPDX"
            ),
            "{msg}"
        );
        assert!(msg.contains("licence_note = \"All rights reserved, BBC\""), "{msg}");
        assert!(msg.contains("catalog.toml:14:1: unknown field `titel`"), "{msg}");
    }

    #[test]
    fn a_toml_date_is_a_day_and_a_date_with_a_time_is_refused_with_the_fix() {
        let base = "[[document]]\nid = \"a\"\nfile = \"documents/a.txt\"\n";
        let (_dir, cat) = corpus_with(&format!("{base}published = 2005-03-01\n"));
        let p = cat.expect("a TOML date is accepted").documents[0].published.expect("date");
        assert_eq!((p.date, p.precision), (jiff::civil::date(2005, 3, 1), Precision::Day));
        let msg = error_of(&format!("{base}published = 2005-03-01T10:00:00Z\n"));
        assert!(
            msg.contains(":4:13:") && msg.contains("write the date as a string: published = \"2005-03-01\""),
            "{msg}"
        );
        let msg = error_of(&format!("{base}published = 2005\n"));
        assert!(msg.contains("write it as a string: published = \"2005-03-01\""), "{msg}");
    }

    #[test]
    fn a_single_bracket_document_table_is_explained() {
        let msg = error_of("[document]\nid = \"a\"\nfile = \"documents/a.txt\"\n");
        assert!(msg.contains("`[[document]]` table, with two brackets"), "{msg}");
    }

    #[test]
    fn licences_urls_encodings_and_extra_metadata_are_checked_and_kept() {
        let (_dir, cat) = corpus_with(
            "[[document]]\nid = \"a\"\nfile = \"documents/a.txt\"\nlicence = \"MIT OR Apache-2.0\"\n\
             licence_note = \"All rights reserved\"\nurl = \"https://example.org/a\"\nencoding = \"latin1\"\n\n\
             [document.extra]\ntopic = \"business\"\nsource_id = \"017\"\n\n\
             [[document]]\nid = \"b\"\nfile = \"documents/b.txt\"\n",
        );
        let cat = cat.expect("valid");
        let a = &cat.documents[0];
        assert_eq!(a.licence.as_deref(), Some("MIT OR Apache-2.0"));
        assert_eq!(a.licence_note.as_deref(), Some("All rights reserved"));
        assert_eq!(
            a.encoding.as_deref(),
            Some("windows-1252"),
            "latin1 is windows-1252 to the Encoding Standard"
        );
        let extra: Vec<_> = a.extra.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(extra, [("source_id", "017"), ("topic", "business")]);
        assert!(cat.documents[1].extra.is_empty());
        let base = "[[document]]\nid = \"a\"\nfile = \"documents/a.txt\"\n";
        let msg = error_of(&format!("{base}encoding = \"klingon\"\n"));
        assert!(msg.contains(":4:12:") && msg.contains("encoding 'klingon' is not known"), "{msg}");
        let msg = error_of(&format!("{base}[document.extra]\nscore = 3\n"));
        assert!(msg.contains("every [document.extra] value is a string"), "{msg}");
        let msg = error_of(&format!("{base}url = \"mailto:x\"\n"));
        assert!(msg.contains("has no host"), "{msg}");
    }

    #[test]
    fn a_missing_catalog_says_how_to_make_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = Catalog::load(dir.path()).expect_err("no catalog").to_string();
        assert!(err.contains("run `corpus init"), "{err}");
    }
}

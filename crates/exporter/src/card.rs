//! The dataset card, `README.md` in the export: what each table is, how
//! the corpus was built, each source's licence, and the known limits, in
//! the style of a Hugging Face dataset card. Generated, deterministic,
//! covered by the checksums.

use std::collections::BTreeMap;
use std::fmt::Write;

use corpus_parser::CorpusMeta;

use crate::schema::{ColumnType, Table};

/// The file name of the card.
pub const CARD_FILE: &str = "README.md";

/// How many documents the card lists by name (the rest are counted).
const LISTED_DOCUMENTS: usize = 50;

/// What the card says about one document.
#[derive(Debug, Clone)]
pub struct CardDocument {
    /// doc_id.
    pub id: String,
    /// Title or "(unknown)".
    pub title: String,
    /// Publisher or "(unknown)".
    pub publisher: String,
    /// Date with precision, e.g. "2021-09 (month, inferred)".
    pub date: String,
    /// Licence or the note that none is stated.
    pub licence: String,
    /// Quality flags.
    pub flags: Vec<String>,
    /// Words.
    pub words: usize,
}

impl CardDocument {
    /// What the card says about a document, from its `documents` row.
    #[allow(clippy::too_many_arguments)] // one argument per column shown
    pub fn new(
        id: &str,
        title: Option<&str>,
        publisher: Option<&str>,
        published: Option<(jiff::civil::Date, &str)>,
        date_inferred: bool,
        licence: Option<&str>,
        flags: Vec<String>,
        words: usize,
    ) -> CardDocument {
        let date = match published {
            Some((date, precision)) => {
                let shown = match precision {
                    "month" => date.strftime("%Y-%m").to_string(),
                    "year" => date.year().to_string(),
                    _ => date.to_string(),
                };
                let inferred = if date_inferred { ", inferred" } else { "" };
                format!("{shown} ({precision}{inferred})")
            }
            None => "unknown".to_string(),
        };
        CardDocument {
            id: id.to_string(),
            title: title.unwrap_or("(unknown)").to_string(),
            publisher: publisher.unwrap_or("(unknown)").to_string(),
            date,
            licence: licence.unwrap_or("none stated").to_string(),
            flags,
            words,
        }
    }
}

/// Accumulates what the card needs while documents stream past.
#[derive(Debug, Default)]
pub struct CardBuilder {
    listed: Vec<CardDocument>,
    documents: usize,
    words: usize,
    flags: BTreeMap<String, usize>,
    licences: BTreeMap<String, usize>,
}

impl CardBuilder {
    /// Adds one document.
    pub fn add(&mut self, doc: CardDocument) {
        self.documents += 1;
        self.words += doc.words;
        for f in &doc.flags {
            *self.flags.entry(f.clone()).or_default() += 1;
        }
        *self.licences.entry(doc.licence.clone()).or_default() += 1;
        if self.listed.len() < LISTED_DOCUMENTS {
            self.listed.push(doc);
        }
    }

    /// Documents added so far.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The card text.
    pub fn render(&self, meta: &CorpusMeta, tables: &[(Table, usize)]) -> String {
        let mut s = String::new();
        let name = meta.name.as_deref().unwrap_or("corpus");
        let title = meta.title.as_deref().unwrap_or(name);
        let _ =
            writeln!(s, "---\npretty_name: \"{}\"\nlanguage:\n- en\nlicense: other", title.replace('"', "'"));
        let _ = writeln!(s, "size_categories:\n- {}", size_category(self.documents));
        let _ = writeln!(s, "configs:");
        for (t, _) in tables {
            let _ = writeln!(s, "- config_name: {0}\n  data_files: {0}.parquet", t.name);
        }
        let _ = writeln!(s, "---\n\n# {title}\n");
        if let Some(d) = &meta.description {
            let _ = writeln!(s, "{d}\n");
        }
        let _ = writeln!(
            s,
            "{} documents, {} words. Built by `corpus build` ({}); every file is listed in `SHA256SUMS` \
             and described in `datapackage.json` (Frictionless Data Package v2). The same inputs always \
             give the same bytes.\n",
            self.documents,
            self.words,
            crate::writers::created_by()
        );
        self.render_tables(&mut s, tables);
        self.render_documents(&mut s);
        render_method(&mut s);
        s
    }

    fn render_tables(&self, s: &mut String, tables: &[(Table, usize)]) {
        let _ = writeln!(s, "## Tables\n");
        let _ = writeln!(
            s,
            "Each table is in two editions with the same rows: `NAME.parquet`, the lossless master copy \
             (typed columns, lists as lists, dates as `date32`, column descriptions in the schema), and \
             `NAME.csv`, the spreadsheet edition (UTF-8 with BOM, CRLF, lists joined with `; `, an empty \
             cell is null or the empty list, and a text cell starting with `=`, `+`, `-`, `@`, tab, CR, LF \
             or `'` carries one extra leading `'`: strip exactly one to get the value back).\n\n\
             Offsets: `start`/`end` are Unicode code point offsets into `documents.text` (end-exclusive, \
             so `text[start:end]` in Python); `source_start`/`source_end` are byte offsets into the raw \
             source file.\n\n\
             Ids: `quote_id` is `q_` and `event_id` is `e_` followed by 16 hex digits of a SHA-256 (a \
             contract change: earlier exports had the bare 16 hex digits, which spreadsheets read as \
             numbers, such as `4297480322414e61` → 4.3E+73). No id is a string a spreadsheet reads as a \
             number or a date.\n"
        );
        for (t, rows) in tables {
            let _ = writeln!(s, "### {} ({rows} rows)\n\n{}\n", t.name, t.description);
            let _ = writeln!(s, "| column | type | description |\n|---|---|---|");
            for c in &t.columns {
                let mut desc = c.description.to_string();
                if !c.categories.is_empty() {
                    let _ = write!(desc, " One of: {}.", c.categories.join(", "));
                }
                if !c.in_csv {
                    desc.push_str(" (Parquet only.)");
                }
                let _ = writeln!(
                    s,
                    "| `{}` | {} | {} |",
                    c.name,
                    type_name(c.ty, c.nullable),
                    desc.replace('|', "\\|")
                );
            }
            let _ = writeln!(s);
        }
    }

    fn render_documents(&self, s: &mut String) {
        let _ = writeln!(s, "## Documents and licences\n");
        let _ = writeln!(
            s,
            "| doc_id | title | publisher | published | licence | quality flags |\n|---|---|---|---|---|---|"
        );
        for d in &self.listed {
            let flags = if d.flags.is_empty() { "—".to_string() } else { d.flags.join(", ") };
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | {} | {} | {} |",
                d.id,
                d.title.replace('|', "\\|"),
                d.publisher.replace('|', "\\|"),
                d.date,
                d.licence,
                flags
            );
        }
        if self.documents > self.listed.len() {
            let _ = writeln!(
                s,
                "\n… and {} more documents (see the `documents` table).",
                self.documents - self.listed.len()
            );
        }
        let _ = writeln!(
            s,
            "\nLicences: {}.",
            self.licences.iter().map(|(l, n)| format!("{l} ({n})")).collect::<Vec<_>>().join("; ")
        );
        let _ = writeln!(
            s,
            "A document with no stated licence remains the copyright of its publisher: the tables are \
             shared for research, and the source texts should not be republished.\n"
        );
        if !self.flags.is_empty() {
            let _ = writeln!(
                s,
                "Quality flags: {}.\n",
                self.flags.iter().map(|(f, n)| format!("`{f}` ({n})")).collect::<Vec<_>>().join(", ")
            );
        }
    }
}

fn render_method(s: &mut String) {
    let _ = writeln!(
        s,
        "## How it was built\n\n\
         Each source is decoded as UTF-8 and split into blocks by their shape (title, byline, headings, \
         paragraphs, block quotations, list items, footnotes, references, captions, table rows, web \
         chrome). The text is normalised to Unicode NFC, markdown/HTML residue is removed while the words \
         stay, white space is folded, paragraphs split by page breaks are re-joined, and superscript \
         footnote markers are taken out and linked (`segments.footnotes`). Boilerplate is kept as \
         segments but left out of `documents.text`. Every character of the text maps back to source \
         bytes. Quality flags say where a text is degraded.\n\n\
         ## Known limits\n\n\
         - Block recognition works on shape; an unusual layout can put a heading or a footnote in the \
         wrong kind. The `kind` of every segment can be checked against its source bytes.\n\
         - Dates the catalog marks as inferred (`date_inferred`) come from reading the text, not from \
         the publisher; `published` is the first day of the period `published_precision` names.\n\
         - `quote_marks_stripped` documents lost every non-ASCII character before collection \
         (apostrophes, quotation marks, dashes); the text cannot restore them.\n\
         - `spun_text` documents were passed through an article spinner; names mostly survived, \
         common words did not.\n\
         - A block longer than 30,000 characters is split into several segments so no CSV cell exceeds \
         a spreadsheet's 32,767-character limit."
    );
}

fn type_name(ty: ColumnType, nullable: bool) -> String {
    let base = match ty {
        ColumnType::Text => "string",
        ColumnType::Integer => "int64",
        ColumnType::Boolean => "bool",
        ColumnType::Date => "date",
        ColumnType::TextList => "list<string>",
        ColumnType::IntegerList => "list<int64>",
    };
    if nullable {
        format!("{base}, nullable")
    } else {
        base.to_string()
    }
}

fn size_category(n: usize) -> &'static str {
    match n {
        0..1_000 => "n<1K",
        1_000..10_000 => "1K<n<10K",
        10_000..100_000 => "10K<n<100K",
        100_000..1_000_000 => "100K<n<1M",
        _ => "n>1M",
    }
}

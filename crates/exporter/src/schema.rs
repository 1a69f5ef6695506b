//! The table contract: every table's columns, types and descriptions, in
//! one place. Arrow schemas, CSV headers and the data package's Table
//! Schemas are all derived from these definitions.

use std::collections::HashMap;
use std::sync::Arc;

use arrow_schema::{DataType, Field, Schema, SchemaRef};
use corpus_normaliser::{DatePrecision, DiscoveryCue, EventType, QualityFlag, QuoteMark, SpeakerKind};
use corpus_parser::BlockKind;

use crate::vocab::{self, names};

/// The separator of list items in a CSV cell.
pub const LIST_SEPARATOR: &str = "; ";

/// A column's logical type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Text,
    /// 64-bit signed integer.
    Integer,
    /// true / false.
    Boolean,
    /// A calendar date (Parquet `date32`, CSV `YYYY-MM-DD`).
    Date,
    /// A list of texts (CSV: joined with `; `).
    TextList,
    /// A list of integers (CSV: joined with `; `).
    IntegerList,
}

/// One column of a table.
#[derive(Debug, Clone)]
pub struct Column {
    /// The column name (part of the contract).
    pub name: &'static str,
    /// Its type.
    pub ty: ColumnType,
    /// Whether it may be null.
    pub nullable: bool,
    /// What it holds.
    pub description: &'static str,
    /// The closed vocabulary, if it has one.
    pub categories: Vec<&'static str>,
    /// Whether the CSV edition has it (`documents.text` is Parquet only).
    pub in_csv: bool,
}

/// A table: its columns, key and foreign keys.
#[derive(Debug, Clone)]
pub struct Table {
    /// The table name; files are `NAME.csv` and `NAME.parquet`.
    pub name: &'static str,
    /// What one row is.
    pub description: &'static str,
    /// The columns, in file order.
    pub columns: Vec<Column>,
    /// The primary key.
    pub primary_key: Vec<&'static str>,
    /// (columns, referenced table, referenced columns).
    pub foreign_keys: Vec<(Vec<&'static str>, &'static str, Vec<&'static str>)>,
}

fn col(name: &'static str, ty: ColumnType, nullable: bool, description: &'static str) -> Column {
    Column { name, ty, nullable, description, categories: Vec::new(), in_csv: true }
}

fn with_categories(mut c: Column, categories: Vec<&'static str>) -> Column {
    c.categories = categories;
    c
}

use ColumnType::*;

/// The `documents` table.
pub fn documents() -> Table {
    let mut text = col("text", Text, false, "The clean document text: the text segments joined by a blank line (Parquet only; in CSV the text is in segments).");
    text.in_csv = false;
    Table {
        name: "documents",
        description:
            "One row per source document: catalog metadata, provenance hashes, size and quality flags.",
        columns: vec![
            col("doc_id", Text, false, "Document id from the catalog (key)."),
            col("title", Text, true, "Title, if known."),
            col("publisher", Text, true, "Publisher, if known."),
            col("authors", TextList, false, "Authors in byline order; empty when unknown."),
            col(
                "published",
                Date,
                true,
                "Publication date: the first day of the period that published_precision names.",
            ),
            with_categories(
                col("published_precision", Text, true, "How precise published is."),
                vec!["day", "month", "year"],
            ),
            col(
                "date_inferred",
                Boolean,
                false,
                "Whether the date was inferred from the text rather than stated in it.",
            ),
            col("url", Text, true, "Where the document was published, if known."),
            col("genre", Text, true, "news, news_analysis, opinion, working_paper …"),
            col("language", Text, true, "BCP 47 language tag."),
            col("licence", Text, true, "SPDX licence expression (checked), if the document states one."),
            col("source_file", Text, false, "Path of the raw source inside the corpus folder."),
            col("source_sha256", Text, false, "SHA-256 (hex) of the raw source bytes."),
            col("source_bytes", Integer, false, "Size of the raw source in bytes."),
            col("text_sha256", Text, false, "SHA-256 (hex) of the UTF-8 clean text."),
            col("chars", Integer, false, "Length of the clean text in Unicode code points."),
            col(
                "words",
                Integer,
                false,
                "Words in the clean text (white-space separated tokens with a letter or digit).",
            ),
            col("segments", Integer, false, "Number of segments (rows in segments), boilerplate included."),
            col("quotes", Integer, false, "Number of quotes (rows in quotes)."),
            col("events", Integer, false, "Number of events (rows in events)."),
            col("unbalanced_quote_marks", Integer, false, "Quotation marks left unclosed (or closed too far away to be one quote): counted here, never turned into a quote."),
            with_categories(
                col("quality_flags", TextList, false, "Quality flags, sorted."),
                QualityFlag::ALL.iter().map(|f| f.as_str()).collect(),
            ),
            col("notes", Text, true, "Provenance notes from the catalog."),
            col("licence_note", Text, true, "The licence in words, when it is not an SPDX id (catalog `licence_note`)."),
            col(
                "extra",
                Text,
                true,
                "The user's own metadata from the catalog's [document.extra] table: a JSON object of strings, keys sorted (null when there is none).",
            ),
            col(
                "encoding",
                Text,
                false,
                "The character encoding the source was read in (WHATWG name: UTF-8, windows-1252 …), declared in the catalog or detected; source offsets count bytes of the file as it is.",
            ),
            text,
        ],
        primary_key: vec!["doc_id"],
        foreign_keys: Vec::new(),
    }
}

/// The `segments` table.
pub fn segments() -> Table {
    Table {
        name: "segments",
        description: "One row per block of a source: title, headings, paragraphs, footnotes, boilerplate … Every non-blank source byte lies in a segment.",
        columns: vec![
            col("doc_id", Text, false, "The document (documents.doc_id)."),
            col("seq", Integer, false, "1-based position in the document, in source order."),
            with_categories(col("kind", Text, false, "What the segment is."), BlockKind::ALL.iter().map(|k| k.as_str()).collect()),
            col("label", Text, true, "Footnote number, heading number or list number."),
            col("start", Integer, true, "Start in documents.text, in Unicode code points (null: left out of the text, e.g. boilerplate)."),
            col("end", Integer, true, "End (exclusive) in documents.text, in code points."),
            col("source_start", Integer, false, "Start in the raw source file, in bytes."),
            col("source_end", Integer, false, "End (exclusive) in the raw source file, in bytes."),
            col("source_parts", IntegerList, false, "Byte ranges of the source parts whose clean text, joined by a space, is text, as start, end pairs: one pair, or several for a paragraph re-joined across a page break."),
            col("footnotes", TextList, false, "Labels of the footnote markers taken out of this segment's text (links to footnote segments of the same document)."),
            col("text", Text, false, "The clean text of the segment."),
        ],
        primary_key: vec!["doc_id", "seq"],
        foreign_keys: vec![(vec!["doc_id"], "documents", vec!["doc_id"])],
    }
}

/// The `actors` table.
pub fn actors() -> Table {
    Table {
        name: "actors",
        description: "One row per person or organization: the curated gazetteer (corpus/actors.toml) and the actors discovered in the texts, with mention counts.",
        columns: vec![
            col("actor_id", Text, false, "Actor id (key): the gazetteer id, or for a discovered actor a slug of its name."),
            col("name", Text, false, "Canonical name (no titles or ranks)."),
            with_categories(col("type", Text, false, "Person or organization."), vec!["person", "organization"]),
            col("category", Text, true, "Category from the gazetteer (armed_group, government, media, research, official, analyst …); null for discovered actors."),
            col("aliases", TextList, false, "Other spellings matched in the texts (gazetteer actors)."),
            col("curated", Boolean, false, "true: from the gazetteer; false: discovered in the text (by the recogniser or a cue)."),
            with_categories(col("discovery_cue", Text, true, "For a discovered actor, what found it first: recogniser, or a cue."), names(&DiscoveryCue::ALL, vocab::discovery_cue)),
            col("mentions", Integer, false, "Number of mentions (rows in mentions)."),
            col("documents", Integer, false, "Number of documents that mention the actor."),
        ],
        primary_key: vec!["actor_id"],
        foreign_keys: Vec::new(),
    }
}

/// The `mentions` table.
pub fn mentions() -> Table {
    Table {
        name: "mentions",
        description:
            "One row per located mention of an actor in a document's text (boilerplate is not searched).",
        columns: vec![
            col("doc_id", Text, false, "The document (documents.doc_id)."),
            col("actor_id", Text, false, "The actor (actors.actor_id)."),
            col(
                "surface",
                Text,
                false,
                "The mention as written: documents.text[start:end] (titles such as Gen. are not part of it).",
            ),
            col("start", Integer, false, "Start in documents.text, in code points."),
            col("end", Integer, false, "End (exclusive) in documents.text, in code points."),
            col("source_start", Integer, false, "Start in the raw source file, in bytes."),
            col("source_end", Integer, false, "End (exclusive) in the raw source file, in bytes."),
            col(
                "segment_seq",
                Integer,
                false,
                "The segment the mention is in (segments.seq of the same document).",
            ),
        ],
        primary_key: vec!["doc_id", "start"],
        foreign_keys: vec![
            (vec!["doc_id"], "documents", vec!["doc_id"]),
            (vec!["actor_id"], "actors", vec!["actor_id"]),
            (vec!["doc_id", "segment_seq"], "segments", vec!["doc_id", "seq"]),
        ],
    }
}

/// The `quotes` table.
pub fn quotes() -> Table {
    Table {
        name: "quotes",
        description: "One row per quotation (speech only: scare quotes, titles and quoted terms are not quotes), with its speaker.",
        columns: vec![
            col("quote_id", Text, false, "Quote id (key): `q_` and the first 16 hex digits of SHA-256 of doc_id, start and end (the prefix keeps spreadsheets from reading it as a number)."),
            col("doc_id", Text, false, "The document (documents.doc_id)."),
            col("seq", Integer, false, "1-based position of the quote in its document."),
            col("text", Text, false, "The quoted words without the marks: documents.text[start:end]."),
            col("start", Integer, false, "Start in documents.text, in code points."),
            col("end", Integer, false, "End (exclusive) in documents.text, in code points."),
            col("source_start", Integer, false, "Start in the raw source file, in bytes."),
            col("source_end", Integer, false, "End (exclusive) in the raw source file, in bytes."),
            col("segment_seq", Integer, false, "The segment the quote starts in (segments.seq of the same document)."),
            with_categories(col("mark", Text, false, "How the quote was marked: double or single quotation marks, a displayed block quotation, or none (recovered from its attribution where the marks were stripped)."), names(&QuoteMark::ALL, vocab::quote_mark)),
            col("speaker", Text, true, "Who is quoted: an actor's name, or a short description of an anonymous source (\"Taliban commander, Kunar\"); null when unattributed."),
            col("speaker_actor_id", Text, true, "The speaker's actor (actors.actor_id), when the speaker is a known or discovered actor."),
            col("speaker_affiliation_id", Text, true, "For an anonymous speaker whose description names an actor (\"a spokesman for the Taliban\"), that actor (actors.actor_id); else null."),
            with_categories(col("speaker_kind", Text, false, "named, anonymous or unattributed."), names(&SpeakerKind::ALL, vocab::speaker_kind)),
            col("cue", Text, true, "The reporting verb or phrase that attributes the quote (said, told, according to …)."),
        ],
        primary_key: vec!["quote_id"],
        foreign_keys: vec![
            (vec!["doc_id"], "documents", vec!["doc_id"]),
            (vec!["speaker_actor_id"], "actors", vec!["actor_id"]),
            (vec!["speaker_affiliation_id"], "actors", vec!["actor_id"]),
            (vec!["doc_id", "segment_seq"], "segments", vec!["doc_id", "seq"]),
        ],
    }
}

/// The `events` table.
pub fn events() -> Table {
    Table {
        name: "events",
        description: "One row per date expression that anchors something that happened or is scheduled, in running text and in the notes that date an interview; typed by the nearest trigger word.",
        columns: vec![
            col("event_id", Text, false, "Event id (key): `e_` and the first 16 hex digits of SHA-256 of doc_id and the date expression's offsets (the prefix keeps spreadsheets from reading it as a number)."),
            col("doc_id", Text, false, "The document (documents.doc_id)."),
            col("seq", Integer, false, "1-based position of the event in its document."),
            col("date_text", Text, false, "The date expression as written (\"Feb. 29\", \"last year\", \"the 1990s\")."),
            col("date_start", Date, false, "First day of the period the expression names."),
            col("date_end", Date, false, "Last day of the period (inclusive)."),
            with_categories(col("precision", Text, false, "How precise the date is."), names(&DatePrecision::ALL, vocab::precision)),
            with_categories(col("event_type", Text, false, "PLOVER root category of the trigger nearest to the date, or OTHER."), names(&EventType::ALL, vocab::event_type)),
            col("trigger", Text, true, "The word that decided event_type; null for OTHER."),
            col("actor_ids", TextList, false, "Actors mentioned in the sentence (actors.actor_id), in order of first mention."),
            col("sentence", Text, false, "The sentence: documents.text[start:end]."),
            col("start", Integer, false, "Sentence start in documents.text, in code points."),
            col("end", Integer, false, "Sentence end (exclusive) in documents.text, in code points."),
            col("source_start", Integer, false, "Sentence start in the raw source file, in bytes."),
            col("source_end", Integer, false, "Sentence end (exclusive) in the raw source file, in bytes."),
            col("date_text_start", Integer, false, "Start of the date expression in documents.text, in code points."),
            col("date_text_end", Integer, false, "End (exclusive) of the date expression in documents.text, in code points."),
            col("segment_seq", Integer, false, "The segment of the sentence (segments.seq of the same document)."),
        ],
        primary_key: vec!["event_id"],
        foreign_keys: vec![
            (vec!["doc_id"], "documents", vec!["doc_id"]),
            (vec!["doc_id", "segment_seq"], "segments", vec!["doc_id", "seq"]),
        ],
    }
}

/// Every table, in export order.
pub fn tables() -> Vec<Table> {
    vec![documents(), segments(), actors(), mentions(), quotes(), events()]
}

impl Table {
    /// The Arrow schema, with each column's description as field metadata.
    pub fn arrow_schema(&self) -> SchemaRef {
        let fields: Vec<Field> = self
            .columns
            .iter()
            .map(|c| {
                let meta = HashMap::from([("description".to_string(), c.description.to_string())]);
                Field::new(c.name, c.ty.arrow(), c.nullable).with_metadata(meta)
            })
            .collect();
        let meta = HashMap::from([("description".to_string(), self.description.to_string())]);
        Arc::new(Schema::new_with_metadata(fields, meta))
    }

    /// The columns the CSV edition carries.
    pub fn csv_columns(&self) -> impl Iterator<Item = (usize, &Column)> {
        self.columns.iter().enumerate().filter(|(_, c)| c.in_csv)
    }
}

impl ColumnType {
    /// The Arrow type.
    pub fn arrow(self) -> DataType {
        match self {
            Text => DataType::Utf8,
            Integer => DataType::Int64,
            Boolean => DataType::Boolean,
            Date => DataType::Date32,
            TextList => DataType::List(Arc::new(Field::new("item", DataType::Utf8, false))),
            IntegerList => DataType::List(Arc::new(Field::new("item", DataType::Int64, false))),
        }
    }
}

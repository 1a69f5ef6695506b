//! The `documents` table: one row a processed document.

use corpus_normaliser::QualityFlag;

use super::cell::{int, Cell::*, TableDef};
use crate::process::Processed;

/// The `documents` table: the record is one processed document, its one
/// row.
#[rustfmt::skip]
pub(super) fn def() -> TableDef<Processed> {
    TableDef::new("documents", |_: &Processed| 1, "One row per source document: catalog metadata, provenance hashes, size and quality flags.")
        .column("doc_id", Text(|p, _| &p.entry.id), "Document id from the catalog (key).")
        .column("title", OptText(|p, _| p.entry.title.as_deref()), "Title, if known.")
        .column("publisher", OptText(|p, _| p.entry.publisher.as_deref()), "Publisher, if known.")
        .column("authors", TextList(|p, _| p.entry.authors.iter().map(String::as_str).collect()), "Authors in byline order; empty when unknown.")
        .column("published", OptDate(|p, _| p.entry.published.map(|d| d.date)), "Publication date: the first day of the period that published_precision names.")
        .column("published_precision", OptText(|p, _| p.entry.published.map(|d| d.precision.as_str())), "How precise published is.")
            .categories(vec!["day", "month", "year"])
        .column("date_inferred", Boolean(|p, _| p.entry.date_inferred), "Whether the date was inferred from the text rather than stated in it.")
        .column("url", OptText(|p, _| p.entry.url.as_deref()), "Where the document was published, if known.")
        .column("genre", OptText(|p, _| p.entry.genre.as_deref()), "news, news_analysis, opinion, working_paper …")
        .column("language", OptText(|p, _| p.entry.language.as_deref()), "BCP 47 language tag.")
        .column("licence", OptText(|p, _| p.entry.licence.as_deref()), "SPDX licence expression (checked), if the document states one.")
        .column("source_file", Text(|p, _| &p.entry.file), "Path of the raw source inside the corpus folder.")
        .column("source_sha256", Text(|p, _| &p.source_sha256), "SHA-256 (hex) of the raw source bytes.")
        .column("source_bytes", Integer(|p, _| int(p.source_bytes)), "Size of the raw source in bytes.")
        .column("text_sha256", Text(|p, _| &p.text_sha256), "SHA-256 (hex) of the UTF-8 clean text.")
        .column("chars", Integer(|p, _| int(p.doc.chars)), "Length of the clean text in Unicode code points.")
        .column("words", Integer(|p, _| int(p.doc.words)), "Words in the clean text (white-space separated tokens with a letter or digit).")
        .column("segments", Integer(|p, _| int(p.doc.segments.len())), "Number of segments (rows in segments), boilerplate included.")
        .column("quotes", Integer(|p, _| int(p.quotes.quotes.len())), "Number of quotes (rows in quotes).")
        .column("events", Integer(|p, _| int(p.events.len())), "Number of events (rows in events).")
        .column("unbalanced_quote_marks", Integer(|p, _| int(p.quotes.unbalanced)), "Quotation marks left unclosed (or closed too far away to be one quote): counted here, never turned into a quote.")
        .column("quality_flags", TextList(|p, _| p.doc.flags.iter().map(|f| f.as_str()).collect()), "Quality flags, sorted.")
            .categories(QualityFlag::ALL.iter().map(|f| f.as_str()).collect())
        .column("notes", OptText(|p, _| p.entry.notes.as_deref()), "Provenance notes from the catalog.")
        .column("licence_note", OptText(|p, _| p.entry.licence_note.as_deref()), "The licence in words, when it is not an SPDX id (catalog `licence_note`).")
        .column("extra", OptText(|p, _| p.extra.as_deref()), "The user's own metadata from the catalog's [document.extra] table: a JSON object of strings, keys sorted (null when there is none).")
        .column("encoding", Text(|p, _| p.encoding), "The character encoding the source was read in (WHATWG name: UTF-8, windows-1252 …), declared in the catalog or detected; source offsets count bytes of the file as it is.")
        .column("text", Text(|p, _| &p.doc.text), "The clean document text: the text segments joined by a blank line (Parquet only; in CSV the text is in segments).")
            .parquet_only()
        .primary_key(&["doc_id"])
}

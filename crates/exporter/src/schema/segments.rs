//! The `segments` table: one row a block of a source.

use corpus_normaliser::Segment;
use corpus_parser::BlockKind;

use super::cell::{int, Cell::*, TableDef};
use crate::process::Processed;

/// Row `k`'s segment.
fn segment(p: &Processed, k: usize) -> &Segment {
    &p.doc.segments[k]
}

/// The `segments` table: row `k` is the document's `k`th segment.
#[rustfmt::skip]
pub(super) fn def() -> TableDef<Processed> {
    TableDef::new("segments", |p: &Processed| p.doc.segments.len(), "One row per block of a source: title, headings, paragraphs, footnotes, boilerplate … Every non-blank source byte lies in a segment.")
        .column("doc_id", Text(|p, _| &p.entry.id), "The document (documents.doc_id).")
        .column("seq", Integer(|p, k| i64::from(segment(p, k).seq)), "1-based position in the document, in source order.")
        .column("kind", Text(|p, k| segment(p, k).kind.as_str()), "What the segment is.")
            .categories(BlockKind::ALL.iter().map(|k| k.as_str()).collect())
        .column("label", OptText(|p, k| segment(p, k).label.as_deref()), "Footnote number, heading number or list number.")
        .column("start", OptInteger(|p, k| segment(p, k).span.as_ref().map(|r| int(r.start))), "Start in documents.text, in Unicode code points (null: left out of the text, e.g. boilerplate).")
        .column("end", OptInteger(|p, k| segment(p, k).span.as_ref().map(|r| int(r.end))), "End (exclusive) in documents.text, in code points.")
        .column("source_start", Integer(|p, k| int(segment(p, k).source.start)), "Start in the raw source file, in bytes.")
        .column("source_end", Integer(|p, k| int(segment(p, k).source.end)), "End (exclusive) in the raw source file, in bytes.")
        .column("source_parts", IntegerList(|p, k| segment(p, k).parts.iter().flat_map(|r| [int(r.start), int(r.end)]).collect()), "Byte ranges of the source parts whose clean text, joined by a space, is text, as start, end pairs: one pair, or several for a paragraph re-joined across a page break.")
        .column("footnotes", TextList(|p, k| segment(p, k).footnotes.iter().map(String::as_str).collect()), "Labels of the footnote markers taken out of this segment's text (links to footnote segments of the same document).")
        .column("text", Text(|p, k| &segment(p, k).text), "The clean text of the segment.")
        .primary_key(&["doc_id", "seq"])
        .foreign_key(&["doc_id"], "documents", &["doc_id"])
}

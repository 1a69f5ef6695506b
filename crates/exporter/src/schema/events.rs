//! The `events` table: one row a dated event.

use corpus_normaliser::{DatePrecision, Event, EventType};

use super::cell::{int, Cell::*, TableDef};
use crate::process::Processed;
use crate::vocab::{self, names};

/// Row `k`'s event.
fn event(p: &Processed, k: usize) -> &Event {
    &p.events[k]
}

/// The `events` table: row `k` is the document's `k`th event; its
/// sentence's source bytes are the annotated document's
/// (`Processed::sources`).
#[rustfmt::skip]
pub(super) fn def() -> TableDef<Processed> {
    TableDef::new("events", |p: &Processed| p.events.len(), "One row per date expression that anchors something that happened or is scheduled, in running text and in the notes that date an interview; typed by the nearest trigger word.")
        .column("event_id", Text(|p, k| &p.event_ids[k].0), "Event id (key): `e_` and the first 16 hex digits of SHA-256 of doc_id and the date expression's offsets (the prefix keeps spreadsheets from reading it as a number).")
        .column("doc_id", Text(|p, _| &p.entry.id), "The document (documents.doc_id).")
        .column("seq", Integer(|_, k| int(k + 1)), "1-based position of the event in its document.")
        .column("date_text", Text(|p, k| &event(p, k).date_text), "The date expression as written (\"Feb. 29\", \"last year\", \"the 1990s\").")
        .column("date_start", Date(|p, k| event(p, k).date_start), "First day of the period the expression names.")
        .column("date_end", Date(|p, k| event(p, k).date_end), "Last day of the period (inclusive).")
        .column("precision", Text(|p, k| vocab::precision(event(p, k).precision)), "How precise the date is.")
            .categories(names(&DatePrecision::ALL, vocab::precision))
        .column("event_type", Text(|p, k| vocab::event_type(event(p, k).event_type)), "PLOVER root category of the trigger nearest to the date, or OTHER.")
            .categories(names(&EventType::ALL, vocab::event_type))
        .column("trigger", OptText(|p, k| event(p, k).trigger.as_deref()), "The word that decided event_type; null for OTHER.")
        .column("actor_ids", TextList(|p, k| p.event_ids[k].1.iter().map(String::as_str).collect()), "Actors mentioned in the sentence (actors.actor_id), in order of first mention.")
        .column("sentence", Text(|p, k| &event(p, k).sentence), "The sentence: documents.text[start:end].")
        .column("start", Integer(|p, k| int(event(p, k).start)), "Sentence start in documents.text, in code points.")
        .column("end", Integer(|p, k| int(event(p, k).end)), "Sentence end (exclusive) in documents.text, in code points.")
        .column("source_start", Integer(|p, k| int(p.sources.events[k].start)), "Sentence start in the raw source file, in bytes.")
        .column("source_end", Integer(|p, k| int(p.sources.events[k].end)), "Sentence end (exclusive) in the raw source file, in bytes.")
        .column("date_text_start", Integer(|p, k| int(event(p, k).date_span.0)), "Start of the date expression in documents.text, in code points.")
        .column("date_text_end", Integer(|p, k| int(event(p, k).date_span.1)), "End (exclusive) of the date expression in documents.text, in code points.")
        .column("segment_seq", Integer(|p, k| i64::from(event(p, k).segment_seq)), "The segment of the sentence (segments.seq of the same document).")
        .primary_key(&["event_id"])
        .foreign_key(&["doc_id"], "documents", &["doc_id"])
        .foreign_key(&["doc_id", "segment_seq"], "segments", &["doc_id", "seq"])
}

//! The `quotes` table: one row a quotation, with its speaker.

use corpus_normaliser::{Quote, QuoteMark, SpeakerKind};

use super::cell::{int, Cell::*, TableDef};
use crate::process::Processed;
use crate::vocab::{self, names};

/// Row `k`'s quote.
fn quote(p: &Processed, k: usize) -> &Quote {
    &p.quotes.quotes[k]
}

/// The `quotes` table: row `k` is the document's `k`th quote; its source
/// bytes are the annotated document's (`Processed::sources`).
#[rustfmt::skip]
pub(super) fn def() -> TableDef<Processed> {
    TableDef::new("quotes", |p: &Processed| p.quotes.quotes.len(), "One row per quotation (speech only: scare quotes, titles and quoted terms are not quotes), with its speaker.")
        .column("quote_id", Text(|p, k| &p.quote_ids[k].0), "Quote id (key): `q_` and the first 16 hex digits of SHA-256 of doc_id, start and end (the prefix keeps spreadsheets from reading it as a number).")
        .column("doc_id", Text(|p, _| &p.entry.id), "The document (documents.doc_id).")
        .column("seq", Integer(|_, k| int(k + 1)), "1-based position of the quote in its document.")
        .column("text", Text(|p, k| &quote(p, k).text), "The quoted words without the marks: documents.text[start:end].")
        .column("start", Integer(|p, k| int(quote(p, k).start)), "Start in documents.text, in code points.")
        .column("end", Integer(|p, k| int(quote(p, k).end)), "End (exclusive) in documents.text, in code points.")
        .column("source_start", Integer(|p, k| int(p.sources.quotes[k].start)), "Start in the raw source file, in bytes.")
        .column("source_end", Integer(|p, k| int(p.sources.quotes[k].end)), "End (exclusive) in the raw source file, in bytes.")
        .column("segment_seq", Integer(|p, k| i64::from(quote(p, k).segment_seq)), "The segment the quote starts in (segments.seq of the same document).")
        .column("mark", Text(|p, k| vocab::quote_mark(quote(p, k).mark)), "How the quote was marked: double or single quotation marks, a displayed block quotation, or none (recovered from its attribution where the marks were stripped).")
            .categories(names(&QuoteMark::ALL, vocab::quote_mark))
        .column("speaker", OptText(|p, k| quote(p, k).speaker.as_deref()), "Who is quoted: an actor's name, or a short description of an anonymous source (\"Taliban commander, Kunar\"); null when unattributed.")
        .column("speaker_actor_id", OptText(|p, k| p.quote_ids[k].1.as_deref()), "The speaker's actor (actors.actor_id), when the speaker is a known or discovered actor.")
        .column("speaker_affiliation_id", OptText(|p, k| p.quote_affiliation_ids[k].as_deref()), "For an anonymous speaker whose description names an actor (\"a spokesman for the Taliban\"), that actor (actors.actor_id); else null.")
        .column("speaker_kind", Text(|p, k| vocab::speaker_kind(quote(p, k).speaker_kind)), "named, anonymous or unattributed.")
            .categories(names(&SpeakerKind::ALL, vocab::speaker_kind))
        .column("cue", OptText(|p, k| quote(p, k).cue.as_deref()), "The reporting verb or phrase that attributes the quote (said, told, according to …).")
        .primary_key(&["quote_id"])
        .foreign_key(&["doc_id"], "documents", &["doc_id"])
        .foreign_key(&["speaker_actor_id"], "actors", &["actor_id"])
        .foreign_key(&["speaker_affiliation_id"], "actors", &["actor_id"])
        .foreign_key(&["doc_id", "segment_seq"], "segments", &["doc_id", "seq"])
}

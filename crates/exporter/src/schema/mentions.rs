//! The `mentions` table: one row a located mention of an actor.

use corpus_normaliser::Mention;

use super::cell::{int, Cell::*, TableDef};
use crate::process::Processed;

/// Row `k`'s mention.
fn mention(p: &Processed, k: usize) -> &Mention {
    &p.annotations.mentions[k]
}

/// The `mentions` table: row `k` is the document's `k`th mention; its
/// source bytes are the annotated document's (`Processed::sources`).
#[rustfmt::skip]
pub(super) fn def() -> TableDef<Processed> {
    TableDef::new("mentions", |p: &Processed| p.annotations.mentions.len(), "One row per located mention of an actor in a document's text (boilerplate is not searched).")
        .column("doc_id", Text(|p, _| &p.entry.id), "The document (documents.doc_id).")
        .column("actor_id", Text(|p, k| &p.mention_actor_ids[k]), "The actor (actors.actor_id).")
        .column("surface", Text(|p, k| &mention(p, k).surface), "The mention as written: documents.text[start:end] (titles such as Gen. are not part of it).")
        .column("start", Integer(|p, k| int(mention(p, k).start)), "Start in documents.text, in code points.")
        .column("end", Integer(|p, k| int(mention(p, k).end)), "End (exclusive) in documents.text, in code points.")
        .column("source_start", Integer(|p, k| int(p.sources.mentions[k].start)), "Start in the raw source file, in bytes.")
        .column("source_end", Integer(|p, k| int(p.sources.mentions[k].end)), "End (exclusive) in the raw source file, in bytes.")
        .column("segment_seq", Integer(|p, k| i64::from(mention(p, k).segment_seq)), "The segment the mention is in (segments.seq of the same document).")
        .column("title", OptText(|p, k| mention(p, k).title.as_deref()), "For a person, the titles and roles written right before the mention (\"Gen.\", \"Secretary of State\", \"spokesman\"), never part of the name; else null.")
        .primary_key(&["doc_id", "start"])
        .foreign_key(&["doc_id"], "documents", &["doc_id"])
        .foreign_key(&["actor_id"], "actors", &["actor_id"])
        .foreign_key(&["doc_id", "segment_seq"], "segments", &["doc_id", "seq"])
}

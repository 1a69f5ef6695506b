//! The `actors` table: one row a person or organization.

use corpus_normaliser::DiscoveryCue;

use super::cell::{Cell::*, TableDef};
use crate::actors::ActorRow;
use crate::vocab::{self, names};

/// The `actors` table: row `k` is the `k`th actor (sorted by id).
#[rustfmt::skip]
pub(super) fn def() -> TableDef<[ActorRow]> {
    TableDef::new("actors", <[ActorRow]>::len, "One row per person or organization: the curated gazetteer (corpus/actors.toml) and the actors discovered in the texts, with mention counts.")
        .column("actor_id", Text(|a, k| &a[k].id), "Actor id (key): the gazetteer id, or for a discovered actor a slug of its name.")
        .column("name", Text(|a, k| &a[k].name), "Canonical name (no titles or ranks).")
        .column("type", Text(|a, k| &a[k].kind), "Person or organization.")
            .categories(vec!["person", "organization"])
        .column("category", OptText(|a, k| a[k].category.as_deref()), "Category from the gazetteer (armed_group, government, media, research, official, analyst …); null for discovered actors.")
        .column("aliases", TextList(|a, k| a[k].aliases.iter().map(String::as_str).collect()), "Other spellings matched in the texts (gazetteer actors).")
        .column("curated", Boolean(|a, k| a[k].curated), "true: from the gazetteer; false: discovered in the text (by the recogniser or a cue).")
        .column("discovery_cue", OptText(|a, k| a[k].cue.as_deref()), "For a discovered actor, what found it first: recogniser, or a cue.")
            .categories(names(&DiscoveryCue::ALL, vocab::discovery_cue))
        .column("mentions", Integer(|a, k| a[k].mentions), "Number of mentions (rows in mentions).")
        .column("documents", Integer(|a, k| a[k].documents), "Number of documents that mention the actor.")
        .primary_key(&["actor_id"])
}

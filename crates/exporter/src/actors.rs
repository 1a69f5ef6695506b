//! The actors table: the gazetteer plus the discovered actors, with their
//! totals (the one table that is complete only after the last document).

use std::collections::{BTreeMap, HashMap, HashSet};

use corpus_normaliser::{ActorRef, Annotations, Annotator, DiscoveryCue};
use corpus_parser::{ActorType, Gazetteer};
use unicode_normalization::UnicodeNormalization;

use crate::batch::Value;
use crate::shard::PartActor;
use crate::vocab;

/// The gazetteer, compiled for the normaliser, and the rule that names
/// discovered actors.
pub struct Actors {
    gazetteer: Gazetteer,
    annotator: Annotator,
    curated_ids: HashSet<String>,
}

/// A slug: lower-case ASCII letters and digits joined by `-`, accents
/// dropped ("Asfandyar Mir" → "asfandyar-mir").
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.nfd().filter(char::is_ascii) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("actor");
    }
    out
}

impl Actors {
    /// Compiles a gazetteer.
    pub fn new(gazetteer: Gazetteer) -> Actors {
        let annotator = Annotator::new(&gazetteer);
        let curated_ids = gazetteer.actors.iter().map(|a| a.id.clone()).collect();
        Actors { gazetteer, annotator, curated_ids }
    }

    /// The normaliser's entry point, with this gazetteer.
    pub fn annotator(&self) -> &Annotator {
        &self.annotator
    }

    /// The id of a discovered actor: the slug of its name, set apart from
    /// the gazetteer's ids if it would collide.
    pub fn discovered_id(&self, name: &str) -> String {
        let s = slug(name);
        if self.curated_ids.contains(&s) {
            format!("{s}-discovered")
        } else {
            s
        }
    }

    /// The id of an actor of a document's annotations.
    pub fn id_of(&self, actor: ActorRef, a: &Annotations) -> String {
        match actor {
            ActorRef::Curated(i) => self.gazetteer.actors[i].id.clone(),
            ActorRef::Discovered(i) => self.discovered_id(&a.discovered[i].name),
        }
    }

    /// The actor id of every mention.
    pub fn mention_ids(&self, a: &Annotations) -> Vec<String> {
        a.mentions.iter().map(|m| self.id_of(m.actor, a)).collect()
    }
}

#[derive(Debug, Clone, Default)]
struct Totals {
    mentions: usize,
    documents: usize,
}

#[derive(Debug, Clone)]
struct Discovered {
    name: String,
    kind: ActorType,
    cue: DiscoveryCue,
    first_document: String,
}

/// Mention and document counts per actor, accumulated as documents pass.
#[derive(Debug, Default)]
pub struct ActorTotals {
    totals: HashMap<String, Totals>,
    discovered: BTreeMap<String, Discovered>,
}

impl ActorTotals {
    /// Adds one document's mentions.
    pub fn add(&mut self, actors: &Actors, doc_id: &str, a: &Annotations, ids: &[String]) {
        let mut seen = HashSet::new();
        for id in ids {
            let t = self.totals.entry(id.clone()).or_default();
            t.mentions += 1;
            if seen.insert(id.as_str()) {
                t.documents += 1;
            }
        }
        for d in &a.discovered {
            let id = actors.discovered_id(&d.name);
            // The same name across documents is one actor; the first
            // document (in key order) names it.
            self.discovered.entry(id).or_insert_with(|| Discovered {
                name: d.name.clone(),
                kind: d.kind,
                cue: d.cue,
                first_document: doc_id.to_string(),
            });
        }
    }

    /// Every discovered actor, as the first document (in key order) that
    /// discovered it named it: what a part passes on to the merge.
    pub(crate) fn part_actors(&self) -> BTreeMap<String, PartActor> {
        self.discovered
            .iter()
            .map(|(id, d)| {
                let actor = PartActor {
                    name: d.name.clone(),
                    kind: d.kind.as_str().to_string(),
                    cue: vocab::discovery_cue(d.cue).to_string(),
                    first_document: d.first_document.clone(),
                };
                (id.clone(), actor)
            })
            .collect()
    }

    /// The rows of the actors table, sorted by id. Discovered actors with
    /// no located mention are left out.
    pub fn rows<'a>(&'a self, actors: &'a Actors) -> Vec<Vec<Value<'a>>> {
        let zero = Totals::default();
        let mut rows: Vec<(String, Vec<Value<'a>>)> = Vec::new();
        for a in &actors.gazetteer.actors {
            let t = self.totals.get(&a.id).unwrap_or(&zero);
            rows.push((
                a.id.clone(),
                vec![
                    Value::Text(Some(&a.id)),
                    Value::Text(Some(&a.name)),
                    Value::Text(Some(a.kind.as_str())),
                    Value::Text(a.category.as_deref()),
                    Value::TextList(a.aliases.iter().map(String::as_str).collect()),
                    Value::Boolean(true),
                    Value::Text(None),
                    Value::Integer(Some(t.mentions as i64)),
                    Value::Integer(Some(t.documents as i64)),
                ],
            ));
        }
        for (id, d) in &self.discovered {
            let Some(t) = self.totals.get(id) else { continue };
            rows.push((
                id.clone(),
                vec![
                    Value::Text(Some(id)),
                    Value::Text(Some(&d.name)),
                    Value::Text(Some(d.kind.as_str())),
                    Value::Text(None),
                    Value::TextList(Vec::new()),
                    Value::Boolean(false),
                    Value::Text(Some(vocab::discovery_cue(d.cue))),
                    Value::Integer(Some(t.mentions as i64)),
                    Value::Integer(Some(t.documents as i64)),
                ],
            ));
        }
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        rows.into_iter().map(|(_, r)| r).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slug("Asfandyar Mir"), "asfandyar-mir");
        assert_eq!(slug("Institute for the Study of War"), "institute-for-the-study-of-war");
        assert_eq!(slug("Ayman al-Zawahiri"), "ayman-al-zawahiri");
        assert_eq!(slug("Zürich Café"), "zurich-cafe");
        assert_eq!(slug("—"), "actor");
    }
}

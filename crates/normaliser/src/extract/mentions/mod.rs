//! Actor mentions: every alias of the gazetteer found at once
//! (Aho-Corasick, leftmost-longest), people and organizations discovered
//! by general cues, and short forms linked back to the full name that
//! came before them in the same document.

mod cues;
mod discover;
mod gazetteer;
mod recognised;
mod short_forms;
mod terms;

use crate::clean::Document;
use crate::clean::QualityFlag;
use crate::hash::HashMap;
use crate::offsets::{CharCounter, CharPos};
use aho_corasick::dfa::DFA;
use corpus_parser::ActorType;
pub(crate) use cues::ascii_boundary;
use cues::CueWord;
use discover::discover;
use gazetteer::{web_addresses, Pattern};
use std::collections::BTreeMap;
use std::ops::Range;

/// Which actor a mention is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorRef {
    /// The gazetteer actor at this index.
    Curated(usize),
    /// The document's discovered actor at this index.
    Discovered(usize),
}

/// An actor not in the gazetteer, found by the recogniser or a discovery cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveredActor {
    /// The name as written (titles stripped).
    pub name: String,
    /// Person or organization.
    pub kind: ActorType,
    /// What found it first: the recogniser or a cue.
    pub cue: DiscoveryCue,
}

/// What found a discovered actor: the built-in recogniser, or a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DiscoveryCue {
    /// The statistical named-entity recogniser (crate::ner).
    Recogniser,
    /// A title before the name ("Gen. Austin Miller").
    Title,
    /// A reporting verb before or after it ("said Zabihullah Mujahid").
    ReportingVerb,
    /// A role before it ("analyst Asfandyar Mir").
    Role,
    /// An apposition after it ("Kim Kagan, founder of …").
    Apposition,
    /// A capitalised name ending in an organization head ("… Institute").
    OrganizationName,
}

impl DiscoveryCue {
    /// Every cue, in the order the tables list them.
    pub const ALL: [DiscoveryCue; 6] = [
        DiscoveryCue::Recogniser,
        DiscoveryCue::Title,
        DiscoveryCue::ReportingVerb,
        DiscoveryCue::Role,
        DiscoveryCue::Apposition,
        DiscoveryCue::OrganizationName,
    ];
}

/// A located mention. Offsets are **code points** of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The actor.
    pub actor: ActorRef,
    /// Start in the text (code points).
    pub start: CharPos,
    /// End in the text (code points, exclusive).
    pub end: CharPos,
    /// The text of the mention (`text[start..end]`).
    pub surface: String,
    /// The segment it is in.
    pub segment_seq: u32,
    /// For a person, the titles and roles the text puts right before the
    /// mention ("Gen.", "Senate Majority Leader", "spokesman"): never part
    /// of the name, kept here.
    pub title: Option<String>,
}

/// The mentions of one document and the actors discovered in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotations {
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Actors discovered in this document (referenced by `ActorRef::Discovered`).
    pub discovered: Vec<DiscoveredActor>,
}

/// The gazetteer compiled for matching. Build once, share across threads.
pub struct ActorMatcher {
    patterns: Vec<Pattern>,
    kinds: Vec<ActorType>,
    names: Vec<String>,
    /// Short forms (surnames) of curated people, with their actor.
    short_forms: HashMap<String, Vec<usize>>,
    /// `short_forms`' keys, in the order of their patterns in `scan`.
    short_keys: Vec<String>,
    /// The length of the longest gazetteer pattern, in bytes.
    longest: usize,
    /// One automaton for the three sets of words a document is searched
    /// for, ASCII case-insensitive: the gazetteer's patterns (ids from 0),
    /// then `short_keys`, then the cue words (`CUE_LIST`). See [`Scanned`].
    scan: DFA,
}

/// What one pass of [`ActorMatcher::scan`] finds in a text.
struct Scanned {
    /// The gazetteer's patterns, ASCII case-insensitive, leftmost-longest
    /// (what `AhoCorasick::find_iter` of them gives): (pattern, bytes).
    gazetteer: Vec<(usize, Range<usize>)>,
    /// Where the short forms occur, exact case, overlapping: starts, in
    /// no particular order.
    short_starts: Vec<usize>,
    /// The cue words, exact case, overlapping, by end: (kind, bytes).
    cues: Vec<(CueWord, Range<usize>)>,
}

impl ActorMatcher {
    /// The canonical name and type of an actor of a document's annotations.
    pub fn actor_name<'a>(&'a self, actor: ActorRef, ann: &'a Annotations) -> (&'a str, ActorType) {
        match actor {
            ActorRef::Curated(i) => (self.names[i].as_str(), self.kinds[i]),
            ActorRef::Discovered(i) => (ann.discovered[i].name.as_str(), ann.discovered[i].kind),
        }
    }
}

/// A mention in bytes, before conversion.
#[derive(Debug, Clone)]
struct Found {
    range: Range<usize>,
    actor: ActorRef,
}

/// The byte spans already taken by mentions: non-overlapping, so a
/// lookup is a binary search rather than a scan (a long document has
/// thousands of mentions). The spans it starts with are a sorted vector
/// (one sort, no tree to build); the few taken later go to a tree.
#[derive(Default)]
struct Taken {
    base: Vec<(usize, usize)>,
    added: BTreeMap<usize, usize>,
}

impl Taken {
    fn of(found: &[Found]) -> Taken {
        let mut base: Vec<(usize, usize)> = found.iter().map(|f| (f.range.start, f.range.end)).collect();
        base.sort_unstable();
        Taken { base, added: BTreeMap::new() }
    }

    fn overlaps(&self, r: &Range<usize>) -> bool {
        let k = self.base.partition_point(|&(start, _)| start < r.end);
        let in_base = k > 0 && self.base[k - 1].1 > r.start;
        in_base || self.added.range(..r.end).next_back().is_some_and(|(_, &end)| end > r.start)
    }

    fn take(&mut self, r: &Range<usize>) {
        self.added.insert(r.start, r.end);
    }
}

impl ActorMatcher {
    /// Finds the mentions of one document (outside boilerplate, which is
    /// not in the text) and the actors discovered in it.
    pub fn annotate(&self, doc: &Document) -> Annotations {
        let text = doc.text.as_str();
        let stripped = doc.flags.contains(&QualityFlag::QuoteMarksStripped);
        let scanned = self.scan(text);
        let mut found = self.gazetteer_mentions(text, &scanned.gazetteer, stripped);
        let mut discovered = discover(doc, &found, &scanned.cues);
        self.drop_bare_surnames(&mut discovered);
        let also: Vec<&str> = discovered.iter().map(|d| d.name.as_str()).collect();
        let rec = recognised::recognise(doc, &also);
        let curated_short = |w: &str| self.short_forms.contains_key(w);
        recognised::merge(text, &rec, &found, &curated_short, &mut discovered);
        self.locate_discovered(text, &discovered, &rec.occurrences, &mut found);
        let is_org = |a: ActorRef| match a {
            ActorRef::Curated(i) => self.kinds[i] == ActorType::Organization,
            ActorRef::Discovered(i) => discovered[i].kind == ActorType::Organization,
        };
        recognised::link_acronyms(text, &is_org, &discovered, &mut found);
        let people: Vec<usize> =
            rec.names.iter().filter(|(_, k)| *k == ActorType::Person).map(|(r, _)| r.start).collect();
        self.link_short_forms(text, &scanned.short_starts, &discovered, &people, &mut found);
        let addresses = web_addresses(text);
        if !addresses.is_empty() {
            found.retain(|f| !addresses.iter().any(|a| a.start <= f.range.start && f.range.end <= a.end));
        }
        found.sort_by_key(|f| f.range.start);
        let mut index = CharCounter::new(text);
        let spans: Vec<(usize, u32)> =
            doc.segments.iter().filter_map(|s| s.span.as_ref().map(|r| (r.start, s.seq))).collect();
        let mentions = found
            .into_iter()
            .map(|f| {
                let start = index.char_of(f.range.start);
                let end = index.char_of(f.range.end);
                let k = spans.partition_point(|&(s, _)| s <= start).saturating_sub(1);
                Mention {
                    actor: f.actor,
                    start,
                    end,
                    surface: text[f.range].to_string(),
                    segment_seq: spans.get(k).map_or(0, |s| s.1),
                    title: None,
                }
            })
            .collect();
        let mut ann = Annotations { mentions, discovered };
        // A speaker is an actor: the names read beside the cues.
        let verbs: Vec<Range<usize>> =
            scanned.cues.iter().filter(|(k, _)| *k == CueWord::Verb).map(|(_, r)| r.clone()).collect();
        crate::extract::quotes::add_speakers(doc, self, &verbs, &rec.names, &rec.place_spans, &mut ann);
        // Last, so that the speakers' names are joined too.
        recognised::link_company_short_forms(&ann.discovered, &mut ann.mentions);
        let mut index = CharCounter::new(text);
        for m in &mut ann.mentions {
            let person = match m.actor {
                ActorRef::Curated(i) => self.kinds[i] == ActorType::Person,
                ActorRef::Discovered(i) => ann.discovered.get(i).is_some_and(|d| d.kind == ActorType::Person),
            };
            if person {
                m.title = gazetteer::titles_before(text, index.byte_of(m.start)).map(|r| text[r].to_string());
            }
        }
        ann
    }
}

#[cfg(test)]
mod recognised_tests;
#[cfg(test)]
mod tests;

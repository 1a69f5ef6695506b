//! Names found by the built-in recogniser (`crate::ner`): people and
//! organizations become discovered actors (cue `recogniser`), places and
//! other names keep a cue from taking a place for an actor, and a defined
//! acronym ("… the Levant (ISIL)") links to its full name.

use super::discover::{discoverable, ByteOffsets};
use super::gazetteer::is_word;
use super::{ActorRef, DiscoveredActor, DiscoveryCue, Found, Taken};
use crate::clean::Document;
use crate::lexicon::{NOT_NAMES, PLACES, ROLES, TITLES};
use crate::ner::{Entity, EntityKind, Recogniser};
use corpus_parser::ActorType;
use corpus_parser::BlockKind;
use std::collections::HashSet;
use std::ops::Range;

/// The cue of an actor found by the recogniser.

/// Honorifics, with or without a full stop (British style: "Mr Brown").
/// Never part of a name; before a surname, they license it.
pub(super) const HONORIFICS: &[&str] =
    &["Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Sir", "Dame", "Lord", "Lady"];

/// Last words that make a name a place ("Helmand Province", "Durand Line").
const PLACE_HEADS: &[&str] =
    &["Province", "District", "Valley", "Line", "River", "Mountains", "Region", "Palace", "Pass"];

/// Last words that make a name a document or other work ("Annual Threat
/// Assessment", "Counterinsurgency Wars").
const WORK_HEADS: &[&str] = &["Assessment", "Report", "Review", "Strategy", "Doctrine", "Wars", "Warfare"];

/// Whether the segments the recogniser reads include titles, headings and
/// table rows (datelines, results tables), which cue discovery skips.
const SEARCH_HEADINGS: bool = true;

fn searched(kind: BlockKind) -> bool {
    discoverable(kind)
        || (SEARCH_HEADINGS && matches!(kind, BlockKind::Title | BlockKind::Heading | BlockKind::TableRow))
}

/// What the recogniser found in one document, in searched segments.
#[derive(Default)]
pub(super) struct Recognised {
    /// People and organizations (bytes), cleaned of titles and roles.
    pub(super) names: Vec<(Range<usize>, ActorType)>,
    /// The names found at least once in running text (not a title,
    /// heading or table row) other than at the start of a sentence.
    pub(super) in_running_text: HashSet<String>,
    /// The texts of places and other names.
    pub(super) places: HashSet<String>,
}

/// The byte spans of the document's segments of the kinds `keep` takes.
fn byte_spans(doc: &Document, keep: fn(BlockKind) -> bool) -> Vec<Range<usize>> {
    let mut index = ByteOffsets::new(doc.text.as_str());
    doc.segments
        .iter()
        .filter(|s| keep(s.kind))
        .filter_map(|s| s.span.as_ref().map(|r| index.byte_of(r.start)..index.byte_of(r.end)))
        .collect()
}

/// Whether `r` lies inside one of `spans` (sorted, not overlapping).
fn within(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    let k = spans.partition_point(|s| s.end <= r.start);
    spans.get(k).is_some_and(|s| s.start <= r.start && r.end <= s.end)
}

/// Runs the recogniser over a document (the whole text: its features read
/// the document) and keeps the entities in searched segments.
pub(super) fn recognise(doc: &Document) -> Recognised {
    let text = doc.text.as_str();
    let Ok(model) = Recogniser::english() else { return Recognised::default() };
    let spans = byte_spans(doc, searched);
    let running = byte_spans(doc, discoverable);
    let inside = |e: &Entity| within(&spans, &(e.start..e.end));
    let in_running = |r: &Range<usize>| within(&running, r);
    let mut out = Recognised::default();
    for e in model.recognise(text).into_iter().filter(inside) {
        match e.kind {
            EntityKind::Person | EntityKind::Organization => {
                let kind =
                    if e.kind == EntityKind::Person { ActorType::Person } else { ActorType::Organization };
                if let Some(r) = clean_span(text, e.start..e.end) {
                    if in_running(&r) && !sentence_initial(text, r.start) {
                        out.in_running_text.insert(text[r.clone()].to_string());
                    }
                    out.names.push((r, kind));
                }
            }
            EntityKind::Location | EntityKind::Misc => {
                out.places.insert(text[e.start..e.end].to_string());
            }
        }
    }
    out
}

/// The span without leading titles, honorifics, roles or "the", and
/// without a trailing possessive or full stop; `None` if nothing is left.
pub(super) fn clean_span(text: &str, mut r: Range<usize>) -> Option<Range<usize>> {
    loop {
        let s = &text[r.clone()];
        let lead = TITLES
            .iter()
            .chain(HONORIFICS)
            .chain(ROLES.iter())
            .chain(NOT_NAMES.iter())
            .chain(&["the", "The", "Via", "Ibid"])
            .filter(|t| s.starts_with(**t) && s[t.len()..].starts_with(' '))
            .map(|t| t.len() + 1)
            .max();
        match lead {
            Some(n) => r.start += n,
            None => break,
        }
    }
    let s = &text[r.clone()];
    let trimmed = s.trim_end_matches("'s").trim_end_matches('\u{2019}').trim_end_matches(['.', ',']);
    let trimmed = trimmed.strip_suffix("\u{2019}s").unwrap_or(trimmed);
    r.end = r.start + trimmed.len();
    let s = &text[r.clone()];
    let bad = s.is_empty()
        || s.contains(|c: char| c.is_whitespace() && c != ' ')
        || PLACE_HEADS.iter().chain(WORK_HEADS).any(|h| s.ends_with(&format!(" {h}")))
        || TITLES.contains(&s)
        || HONORIFICS.contains(&s)
        || ROLES.contains(&s)
        || !s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    (!bad).then_some(r)
}

/// Whether a one-word name is also a common word: in the list of
/// capitalised words that are not names, or written in lower case
/// elsewhere in the document. An acronym ("WTO") never is.
fn common_word(text: &str, name: &str) -> bool {
    if name.contains(' ') {
        return false;
    }
    if acronym(name) {
        return false;
    }
    NOT_NAMES.contains(name) || word_in(text, &name.to_lowercase())
}

/// Whether a one-word name (not an acronym) lacks the evidence to stand
/// as an actor of its own: the surname of a fuller person's name (short
/// forms link it to that person), a plural or the singular of a plural of
/// the document ("Muslims", "Zawahiris"), elsewhere a place or other name
/// ("Sunni"), always after "the " ("the Nineties"), or, for a person,
/// seen only in titles, headings and tables or at the start of sentences.
fn thin_word(
    text: &str,
    rec: &Recognised,
    name: &str,
    kind: ActorType,
    people: &[&str],
    curated_short: &dyn Fn(&str) -> bool,
) -> bool {
    let plural = name.strip_suffix('s').is_some_and(|stem| word_in(text, stem));
    let singular = word_in(text, &format!("{name}s"));
    surname_of(name, people)
        || curated_short(name)
        || plural
        || singular
        || rec.places.contains(name)
        || (kind == ActorType::Person && !rec.in_running_text.contains(name))
        || always_after_the(text, name)
}

/// Whether `at` starts a sentence or line: only quote marks, brackets and
/// spaces between it and a line break, the text's start, or ". ", "! ", "? ".
fn sentence_initial(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '"', '\'', '\u{2018}', '\u{201c}', '(', '[']);
    before.is_empty() || before.ends_with(['\n', '.', '!', '?', ':'])
}

/// Whether every occurrence of `word` in `text` (on word boundaries) has
/// "the " right before it: a noun of the text, not a name ("the Ministry").
fn always_after_the(text: &str, word: &str) -> bool {
    let mut any = false;
    for (at, _) in text.match_indices(word) {
        if is_word(text[..at].chars().next_back()) || is_word(text[at + word.len()..].chars().next()) {
            continue;
        }
        any = true;
        if !text[..at].ends_with("the ") {
            return false;
        }
    }
    any
}

/// Whether `word` occurs in `text` on word boundaries (exact case).
fn word_in(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.match_indices(word).any(|(at, _)| {
            !is_word(text[..at].chars().next_back()) && !is_word(text[at + word.len()..].chars().next())
        })
}

/// Two or more capitals and nothing else but digits, "&", "." or "-".
fn acronym(name: &str) -> bool {
    name.chars().filter(|c| c.is_uppercase()).count() >= 2
        && name.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '.' | '-'))
}

/// Whether `word` is a short form (the last word) of a multi-word person
/// name among `names`.
fn surname_of(word: &str, names: &[&str]) -> bool {
    names.iter().any(|n| n.contains(' ') && n.rsplit(' ').next() == Some(word))
}

/// Merges the recogniser's names into the cue-discovered actors: a cue
/// name the recogniser calls a place or other name goes; a cue name it
/// types otherwise takes its type; a new name (not over a gazetteer
/// mention, not a common word, not the surname of a fuller name of the
/// document, which short-form linking gives to that name) is added.
pub(super) fn merge(
    text: &str,
    rec: &Recognised,
    found: &[Found],
    curated_short: &dyn Fn(&str) -> bool,
    discovered: &mut Vec<DiscoveredActor>,
) {
    discovered.retain(|d| !rec.places.contains(&d.name) && !PLACES.contains(d.name.as_str()));
    for d in discovered.iter_mut() {
        if let Some((_, kind)) = rec.names.iter().find(|(r, _)| text[r.clone()] == d.name) {
            d.kind = *kind;
        }
    }
    let taken = Taken::of(found);
    let people: Vec<&str> = rec
        .names
        .iter()
        .filter(|(_, k)| *k == ActorType::Person)
        .map(|(r, _)| &text[r.clone()])
        .chain(discovered.iter().filter(|d| d.kind == ActorType::Person).map(|d| d.name.as_str()))
        .collect();
    let mut added: Vec<DiscoveredActor> = Vec::new();
    for (r, kind) in &rec.names {
        let name = &text[r.clone()];
        let known = discovered.iter().chain(&added).any(|d| d.name == name);
        if known || taken.overlaps(r) || PLACES.contains(name) || common_word(text, name) {
            continue;
        }
        if !name.contains(' ') && !acronym(name) && thin_word(text, rec, name, *kind, &people, curated_short)
        {
            continue;
        }
        added.push(DiscoveredActor { name: name.to_string(), kind: *kind, cue: DiscoveryCue::Recogniser });
    }
    discovered.extend(added);
}

/// The acronyms defined in the text after an organization's full mention
/// ("the Islamic State of Iraq and the Levant (ISIL)"): each occurrence of
/// the acronym, on word boundaries, becomes a mention of that actor,
/// taking it from a discovered actor named by the acronym alone.
pub(super) fn link_acronyms(
    text: &str,
    is_org: &dyn Fn(ActorRef) -> bool,
    discovered: &[DiscoveredActor],
    found: &mut Vec<Found>,
) {
    let mut defined: Vec<(String, ActorRef)> = Vec::new();
    for f in found.iter().filter(|f| is_org(f.actor)) {
        let rest = &text[f.range.end..];
        let Some(inner) = rest.strip_prefix(" (") else { continue };
        let Some(close) = inner.find(')') else { continue };
        let acr = &inner[..close];
        if initials_fit(acr, &text[f.range.clone()]) && !defined.iter().any(|(a, _)| a == acr) {
            defined.push((acr.to_string(), f.actor));
        }
    }
    for (acr, actor) in defined {
        for f in found.iter_mut() {
            let own = matches!(f.actor, ActorRef::Discovered(i) if discovered[i].name == acr);
            if own && text[f.range.clone()] == acr {
                f.actor = actor;
            }
        }
        let mut taken = Taken::of(found);
        for (at, _) in text.match_indices(acr.as_str()) {
            let r = at..at + acr.len();
            let clean = !is_word(text[..at].chars().next_back()) && !is_word(text[r.end..].chars().next());
            if clean && !taken.overlaps(&r) {
                taken.take(&r);
                found.push(Found { range: r, actor });
            }
        }
    }
}

/// Whether `acr` (2 to 8 capitals) starts with the name's first letter and
/// its letters are, in order, among the name's capitals.
fn initials_fit(acr: &str, name: &str) -> bool {
    let n = acr.chars().count();
    if !(2..=8).contains(&n) || !acr.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let capitals: Vec<char> = name.chars().filter(|c| c.is_uppercase()).collect();
    if capitals.first() != acr.chars().next().as_ref() {
        return false;
    }
    let mut it = capitals.iter();
    acr.chars().all(|c| it.any(|&k| k == c))
}

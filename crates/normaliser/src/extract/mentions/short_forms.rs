//! Short forms ("Zawahiri" for "Ayman al-Zawahiri") linked back to the
//! full name that came before them in the same document.

use super::discover::WORD;
use super::gazetteer::{is_word, title_before};
use super::recognised::HONORIFICS;
use super::{ActorMatcher, ActorRef, DiscoveredActor, Found, Taken};
use crate::hash::HashMap;
use crate::lexicon::{occurrences, COMMON_SURNAMES};
use corpus_parser::ActorType;
use std::ops::Range;
use std::sync::LazyLock;

/// Lower-case particles that may stand in lower case in the text where an
/// alias has a capital ("al Qaeda" for "Al Qaeda"): `data/en/name_particles.txt`.
pub(super) static PARTICLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| crate::lexicon::entries(crate::language::EN.name_particles));

/// The short forms of a person's name: the last word, and without an
/// `al-` prefix ("Ayman al-Zawahiri" → "al-Zawahiri", "Zawahiri").
pub(super) fn short_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let last = words[words.len() - 1];
    let mut out = vec![last.to_string()];
    for prefix in ["al-", "Al-", "el-", "El-"] {
        if let Some(rest) = last.strip_prefix(prefix) {
            if rest.chars().next().is_some_and(char::is_uppercase) {
                out.push(rest.to_string());
            }
        }
    }
    out
}

impl ActorMatcher {
    /// A surname alone links to the person named most often before it in
    /// the document whose full name came before it, the one named last of
    /// those named as often; or to a person right after a title.
    /// `short_starts`: where the curated short forms occur (`Scanned`).
    pub(super) fn link_short_forms(
        &self,
        text: &str,
        short_starts: &[usize],
        discovered: &[DiscoveredActor],
        people: &[usize],
        found: &mut Vec<Found>,
    ) {
        let forms = Forms::new(&self.short_forms, discovered);
        // Where each actor's full mentions start: sorted by actor, then start.
        let mut starts: Vec<(ActorRef, usize)> = found.iter().map(|f| (f.actor, f.range.start)).collect();
        starts.sort_unstable();
        let mut taken = Taken::of(found);
        // Surnames linked so far, by actor.
        let mut linked: HashMap<ActorRef, usize> = HashMap::default();
        for r in self.words_among(text, short_starts, &forms) {
            let actors = forms.get(&text[r.clone()]);
            if actors.is_empty() {
                continue;
            }
            let m = &text[r.clone()];
            if taken.overlaps(&r) || is_word(text[r.end..].chars().next()) {
                continue;
            }
            // Not the start of a longer name ("Kagan Smith").
            let rest = &text[r.end..];
            if rest.starts_with(' ') && rest[1..].starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            // A title or honorific before it ("Mr Brown").
            let titled = title_before(text, r.start).is_some() || honorific_before(text, r.start);
            // The recogniser took it for a person here (`people`: starts):
            // enough for a common surname to link back.
            let recognised = people.contains(&r.start);
            let article = text[..r.start].ends_with("the ") || text[..r.start].ends_with("The ");
            let common = COMMON_SURNAMES.contains(m.to_lowercase().as_str());
            if article || (common && !titled && !recognised) {
                continue;
            }
            // Of the people whose full name came before, the one named most
            // often so far (full names and surnames linked), then the one
            // named last: "Keith Lamont Scott … his wife, Rakeyia Scott …
            // shot Scott" is Keith; "Kim Kagan … Frederick Kagan … says
            // Kagan" is Frederick.
            let before = actors
                .iter()
                .filter_map(|a| {
                    let first = starts.partition_point(|&(b, _)| b < *a);
                    let k = starts.partition_point(|&(b, st)| (b, st) < (*a, r.start));
                    let (b, last) = *starts.get(k.checked_sub(1)?)?;
                    let named = k - first + linked.get(a).copied().unwrap_or(0);
                    (b == *a).then_some(((named, last), *a))
                })
                .max_by_key(|&(key, _)| key)
                .map(|(_, a)| a);
            let actor = before.or_else(|| (titled && actors.len() == 1).then(|| actors[0]));
            if let Some(actor) = actor {
                taken.take(&r);
                found.push(Found { range: r, actor });
                *linked.entry(actor).or_insert(0) += 1;
            }
        }
    }
}

impl ActorMatcher {
    /// The spans of the words (`WORD` matches, in the order
    /// `WORD.find_iter(text)` gives them) whose text is one of `forms`'
    /// keys. Rather than every capitalised word of the text, only the
    /// places where a key occurs are read: a `WORD` match holds letters and
    /// hyphens only, so the matches after any other character are the
    /// ones a search started there finds.
    /// `short_starts` are where `self.short_forms`' keys occur in `text`
    /// (exact case), the forms of discovered names are searched here.
    pub(super) fn words_among(&self, text: &str, short_starts: &[usize], forms: &Forms) -> Vec<Range<usize>> {
        let mut at: Vec<usize> = short_starts.to_vec();
        let keys: Vec<&str> = forms
            .discovered
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| !self.short_forms.contains_key(*k))
            .collect();
        at.extend(occurrences(text, &keys).into_iter().flatten());
        at.sort_unstable();
        at.dedup();
        let mut out: Vec<Range<usize>> = Vec::new();
        for p in at {
            if out.last().is_some_and(|r| r.end > p) {
                continue; // inside the word just found
            }
            // Back to a character no word holds: a search from there is in
            // step with the search of the whole text.
            let run = text[..p].trim_end_matches(|c: char| c.is_alphabetic() || c == '-').len();
            let mut from = run;
            while let Some(m) = WORD.find_at(text, from) {
                if m.start() >= p {
                    if m.start() == p && forms.contains(m.as_str()) {
                        out.push(m.range());
                    }
                    break;
                }
                from = m.end();
            }
        }
        out
    }
}

#[cfg(test)]
pub(crate) fn every_word_among(text: &str, forms: &Forms) -> Vec<Range<usize>> {
    WORD.find_iter(text).filter(|m| forms.contains(m.as_str())).map(|m| m.range()).collect()
}

/// The short forms a surname may link to: the curated people's (built
/// once) and the discovered people's of one document (a few).
pub(crate) struct Forms<'a> {
    curated: &'a HashMap<String, Vec<usize>>,
    /// (form, discovered actor), in the order of the actors.
    discovered: Vec<(String, usize)>,
}

impl<'a> Forms<'a> {
    pub(super) fn new(curated: &'a HashMap<String, Vec<usize>>, discovered: &[DiscoveredActor]) -> Self {
        let mut forms = Vec::new();
        for (i, d) in discovered.iter().enumerate() {
            if d.kind == ActorType::Person {
                forms.extend(short_forms(&d.name).into_iter().map(|s| (s, i)));
            }
        }
        Forms { curated, discovered: forms }
    }

    pub(super) fn contains(&self, word: &str) -> bool {
        self.curated.contains_key(word) || self.discovered.iter().any(|(k, _)| k == word)
    }

    /// The actors of a form: the curated ones, then the discovered ones.
    pub(super) fn get(&self, word: &str) -> Vec<ActorRef> {
        let curated = self.curated.get(word).into_iter().flatten().map(|&i| ActorRef::Curated(i));
        let discovered =
            self.discovered.iter().filter(|(k, _)| k == word).map(|&(_, i)| ActorRef::Discovered(i));
        curated.chain(discovered).collect()
    }
}

/// Whether an honorific ("Mr", "Ms.", "Dr") and a space stand right before `at`.
pub(super) fn honorific_before(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix(' ') else { return false };
    HONORIFICS.iter().any(|h| before.strip_suffix(h).is_some_and(|rest| !is_word(rest.chars().next_back())))
}

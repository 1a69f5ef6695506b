//! Names discovered by general cues (a title, a reporting verb, a role,
//! an apposition, an organization name), cleaned of what is not a name.

use super::cues::{
    cue_bits, cue_mask, maybe_name_end, maybe_space, CueWord, CUE_ALL, CUE_APPOSITION, CUE_ORGANIZATION,
    CUE_ROLE_BEFORE, CUE_TITLE, CUE_VERB_AFTER, CUE_VERB_BEFORE,
};
use super::{ActorMatcher, ActorRef, DiscoveredActor, DiscoveryCue, Found, Taken};
use crate::clean::Document;
use crate::hash::HashSet;
use crate::lexicon::alternation;
use crate::lexicon::word_occurrences;
use crate::lexicon::NOT_PERSON_WORDS;
use crate::lexicon::ORG_HEADS;
use crate::lexicon::PLACES;
use crate::lexicon::REPORTING_VERBS;
use crate::lexicon::ROLES;
use crate::lexicon::ROLE_WORDS;
use crate::lexicon::TITLES;
use crate::lexicon::{meta_re, re};
use crate::lexicon::{NAME_NEVER_STARTS, NOT_NAMES};
use crate::offsets::CharCounter;
use corpus_parser::ActorType;
use corpus_parser::BlockKind;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// One capitalised word of a name: "Kagan", "al-Zawahiri", "McKenzie",
/// "Nwajiaku-Dahou".
pub(super) const TOKEN: &str = r"(?:(?:al|el|Al|El)-)?\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+)*";

pub(super) const PARTICLE: &str = r"(?:bin|ibn|van|von|de|da|al|el)";

/// A person's name of `min` to four words: [`TOKEN`]s, each after an
/// apostrophe'd capital or not ("O’Rourke", "D'Souza"), with up to two
/// initials ("George W. Bush", "Lisa O. Monaco") or a particle before
/// each word but the first.
pub(super) fn person_name(min: usize) -> String {
    let word = format!(r"(?:\p{{Lu}}[’'])?{TOKEN}");
    format!(r"{word}(?:\s(?:\p{{Lu}}\.\s){{0,2}}(?:{PARTICLE}\s)?{word}){{{},3}}", min.saturating_sub(1))
}

fn title_cue() -> String {
    format!(r"(?:^|[^\p{{L}}])(?:{})\s({})", alternation(&TITLES), person_name(1))
}

fn verb_after() -> String {
    format!(r"\b(?:{})\s({})", alternation(&REPORTING_VERBS), person_name(2))
}

fn role_before() -> String {
    format!(r"\b(?:{})\s({})", alternation(&ROLES), person_name(2))
}

pub(super) static TITLE_CUE: LazyLock<Regex> = LazyLock::new(|| re(&title_cue()));

pub(super) static VERB_AFTER: LazyLock<Regex> = LazyLock::new(|| re(&verb_after()));

fn verb_before() -> String {
    format!(r"({}),?\s(?:{})\b", person_name(2), alternation(&REPORTING_VERBS))
}

pub(super) static VERB_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(&verb_before()));

pub(super) static ROLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(&role_before()));

/// How a pattern is searched in a segment with its cue words known.
#[derive(Clone, Copy)]
enum Search {
    /// Anchored where a cue word of this kind opens a match (see
    /// [`anchored_groups`]), in the pattern's anchored form.
    Opening(&'static regex_automata::meta::Regex, CueWord),
    /// Anchored before the cue words that can close a match (see
    /// [`closing_groups`]).
    Closing(&'static Closing),
}

/// [`TITLE_CUE`], [`VERB_AFTER`] and [`ROLE_BEFORE`] for anchored
/// searches (see [`anchored_groups`]): every match of these opens with a
/// cue word, or one character before it.
static OPENING_CUES: LazyLock<[regex_automata::meta::Regex; 3]> =
    LazyLock::new(|| [meta_re(&title_cue()), meta_re(&verb_after()), meta_re(&role_before())]);

fn apposition() -> String {
    format!(
        r"({}),\s(?:(?:(?:a|an|the)\s)?(?:[\p{{Ll}}-]+\s){{0,4}}(?:{})\b|of\sthe\s\p{{Lu}})",
        person_name(2),
        alternation(&ROLES)
    )
}

pub(super) static APPOSITION: LazyLock<Regex> = LazyLock::new(|| re(&apposition()));

/// A pattern whose every match ends with a cue word, for anchored
/// searches (see [`closing_groups`]): its anchored form, the kinds of the
/// cue words that can end a match, the pattern's bit of [`cue_bits`], and
/// the most white space (`\s`) a match holds before its cue word.
pub(super) struct Closing {
    pub(super) re: regex_automata::meta::Regex,
    pub(super) kinds: &'static [CueWord],
    pub(super) bit: u8,
    pub(super) spaces: usize,
}

/// [`VERB_BEFORE`] and [`APPOSITION`], which end with a cue word: a
/// reporting verb; a role noun or the "of" of ", of the X". Before it, a
/// name of two to four words holds at most 12 `\s` (three gaps between
/// words, each of one `\s` and up to two initials and a particle with
/// theirs); then `,?\s` before a verb, and `,\s`, an article's `\s` and
/// four words' before a role (", of" needs less).
pub(super) static CLOSING_CUES: LazyLock<[Closing; 2]> = LazyLock::new(|| {
    [
        Closing { re: meta_re(&verb_before()), kinds: &[CueWord::Verb], bit: CUE_VERB_BEFORE, spaces: 13 },
        Closing {
            re: meta_re(&apposition()),
            kinds: &[CueWord::Role, CueWord::Of],
            bit: CUE_APPOSITION,
            spaces: 18,
        },
    ]
});

/// Where a match of a [`Closing`] pattern can start in `seg`, a match
/// that ends with a cue word starting at one of `ends`: the positions
/// where its name can begin (`\p{Lu}`, or the "al-"/"el-" of a
/// [`TOKEN`]) among the characters before the word that a match can hold
/// (letters, `-`, `.`, `,`, `'`, white space, any character outside
/// ASCII), back to the first other character or to the white space past
/// the most the match holds (`spaces`; only ASCII white space but the
/// vertical tab is counted, so that none is counted that `\s` does not
/// match). Sorted, once each.
pub(super) fn closing_starts(seg: &str, ends: impl Iterator<Item = usize>, spaces: usize) -> Vec<usize> {
    let b = seg.as_bytes();
    let mut out = Vec::new();
    for end in ends {
        let mut seen = 0;
        for i in (0..end).rev() {
            match b[i] {
                b'A'..=b'Z' | 0xC0.. => out.push(i),
                b'a' | b'e' if b[i + 1..].starts_with(b"l-") => out.push(i),
                b'a'..=b'z' | b'-' | b'.' | b',' | b'\'' | 0x80..=0xBF | 0x0B => {}
                b' ' | b'\t' | b'\n' | b'\r' | 0x0C => {
                    seen += 1;
                    if seen > spaces {
                        break;
                    }
                }
                _ => break,
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The spans of group 1 of the matches of a [`Closing`] pattern in
/// `seg`, as `captures_iter` finds them, from the occurrences of the cue
/// words in `seg` (exact case, overlapping, any order): every match ends
/// with one of these occurrences, of one of the pattern's kinds, whose
/// [`cue_bits`] has the pattern's bit, and starts at one of the
/// [`closing_starts`] before it.
pub(super) fn closing_groups(
    closing: &Closing,
    seg: &str,
    cue_words: impl Iterator<Item = (CueWord, Range<usize>)>,
) -> Vec<Range<usize>> {
    let ends = cue_words
        .filter(|(k, r)| closing.kinds.contains(k) && cue_bits(seg, *k, r.clone()) & closing.bit != 0)
        .map(|(_, r)| r.start);
    anchored_groups(&closing.re, seg, &closing_starts(seg, ends, closing.spaces))
}

pub(super) static ORGANIZATION: LazyLock<Regex> = LazyLock::new(|| {
    let word = format!(r"(?:{TOKEN}|\p{{Lu}}{{2,}})");
    re(&format!(
        r"(?:{word}\s){{0,5}}(?:{})\b(?:\s(?:of|for|on)(?:\sthe)?(?:\s{word})+(?:\sand(?:\s{word})+)?)*",
        alternation(&ORG_HEADS)
    ))
});

pub(super) static WORD: LazyLock<Regex> = LazyLock::new(|| re(TOKEN));

/// The spans of group 1 of the matches of `re` in `hay`, as
/// `captures_iter` finds them (leftmost first, not overlapping), where
/// every match starts at one of `starts` (sorted): the pattern is tried
/// anchored at each start after the last match, not run over the whole
/// text. A start where no match starts is tried and gives nothing; every
/// start that has one is tried, so the matches are the same.
fn anchored_groups(re: &regex_automata::meta::Regex, hay: &str, starts: &[usize]) -> Vec<Range<usize>> {
    use regex_automata::{Anchored, Input};
    let mut caps = re.create_captures();
    let mut out = Vec::new();
    let mut free_from = 0;
    for &at in starts {
        if at < free_from {
            continue;
        }
        re.search_captures(&Input::new(hay).range(at..).anchored(Anchored::Yes), &mut caps);
        if let (Some(m), Some(g)) = (caps.get_match(), caps.get_group(1)) {
            out.push(g.range());
            free_from = m.end().max(at + 1);
        }
    }
    out
}

/// Whether an organization match around a head word (`head` before it,
/// `tail` after) can hold more than the head: a capitalised word and a
/// `\s` before it, or `\s(?:of|for|on)` after it. A match of the head
/// alone is one word, which `clean_org` always rejects, so a segment
/// whose head words all fail this gives no organization.
pub(super) fn org_of_two(head: &str, tail: &str) -> bool {
    let mut back = head.chars();
    let word_before = maybe_space(back.next_back()) && {
        let h = back.as_str();
        let run = h.len()
            - h.trim_end_matches(|c: char| !c.is_ascii() || c.is_ascii_alphabetic() || c == '-').len();
        let word = &h[h.len() - run..];
        // A `TOKEN` or `\p{Lu}{2,}` holds a capital and ends in a letter.
        word.contains(|c: char| !c.is_ascii() || c.is_ascii_uppercase()) && !word.ends_with('-')
    };
    let mut rest = tail.chars();
    let of_after =
        maybe_space(rest.next()) && ["of", "for", "on"].iter().any(|w| rest.as_str().starts_with(w));
    word_before || of_after
}

/// Whether `head` (the text before a role noun) can end with an
/// apposition's `TOKEN,\s(?:(?:a|an|the)\s)?(?:[\p{Ll}-]+\s){0,4}`.
pub(super) fn apposition_before(mut head: &str) -> bool {
    // The article and the four words are each a lower-case word.
    for _ in 0..=5 {
        let mut back = head.chars();
        if !maybe_space(back.next_back()) {
            return false;
        }
        let h = back.as_str();
        if let Some(name) = h.strip_suffix(',') {
            return maybe_name_end(name);
        }
        let run =
            h.len() - h.trim_end_matches(|c: char| !c.is_ascii() || c.is_ascii_lowercase() || c == '-').len();
        let (rest, word) = h.split_at(h.len() - run);
        if !word.is_ascii() {
            return true;
        }
        if word.is_empty() {
            return false;
        }
        head = rest;
    }
    false
}

/// Whether `head` (the text before a reporting verb) can end with
/// `TOKEN,?\s` of a name of two or more.
pub(super) fn name_before(head: &str) -> bool {
    let mut back = head.chars();
    if !maybe_space(back.next_back()) {
        return false;
    }
    let head = back.as_str();
    maybe_name_end(head.strip_suffix(',').unwrap_or(head))
}

impl ActorMatcher {
    /// A one-word name after a title ("President Trump", "Mawlawi Saib")
    /// is not discovered as an actor of its own: too thin to trust. If it
    /// is the surname of a fuller name, short-form linking gives it to that
    /// person.
    pub(super) fn drop_bare_surnames(&self, discovered: &mut Vec<DiscoveredActor>) {
        discovered.retain(|d| {
            d.kind == ActorType::Organization || d.name.contains(' ') || d.cue == DiscoveryCue::Recogniser
        });
    }

    /// Every occurrence of a discovered name, exact case, on word boundaries:
    /// from `known` (see [`word_occurrences`]) where it has the name.
    pub(super) fn locate_discovered(
        &self,
        text: &str,
        discovered: &[DiscoveredActor],
        known: &super::recognised::Occurrences,
        found: &mut Vec<Found>,
    ) {
        let mut taken = Taken::of(found);
        let unknown: Vec<&str> =
            discovered.iter().map(|d| d.name.as_str()).filter(|n| known.get(n).is_none()).collect();
        let searched = word_occurrences(text, &unknown);
        let mut searched = searched.iter();
        let starts: Vec<&[usize]> = discovered
            .iter()
            .map(|d| match known.get(&d.name) {
                Some(starts) => starts,
                None => searched.next().map_or(&[][..], Vec::as_slice),
            })
            .collect();
        // Longer names first, so that a name inside a longer one of the
        // document is not taken from it: "Wells Fargo" before "Wells",
        // "Pacific Gas and Electric Co" before "Pacific Gas".
        let mut order: Vec<usize> = (0..discovered.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(discovered[i].name.len()));
        for i in order {
            let d = &discovered[i];
            for &at in starts[i] {
                let r = at..at + d.name.len();
                if !taken.overlaps(&r) {
                    taken.take(&r);
                    found.push(Found { range: r, actor: ActorRef::Discovered(i) });
                }
            }
        }
    }
}

/// The segments discovery reads: running text, not references, tables,
/// or title-cased lines (a title or heading capitalises every word).
pub(super) fn discoverable(kind: BlockKind) -> bool {
    !matches!(
        kind,
        BlockKind::Reference
            | BlockKind::TableRow
            | BlockKind::Boilerplate
            | BlockKind::Title
            | BlockKind::Heading
    )
}

/// Whether `w` is a title or role word, or a capitalised word that is no
/// name ("Certainly"): what may stand before a person's name.
pub(super) fn lead_word(w: &str) -> bool {
    /// Titles, role words and roles (as written and capitalised).
    static LEAD_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        TITLES
            .iter()
            .chain(ROLE_WORDS.iter())
            .chain(ROLES.iter())
            .map(|w| w.to_string())
            .chain(capitalised_roles())
            .collect()
    });
    LEAD_WORDS.contains(w) || NOT_NAMES.contains(w)
}

/// The roles of `roles.txt` ("director"), capitalised ("Director").
pub(super) fn capitalised_roles() -> impl Iterator<Item = String> {
    ROLES.iter().map(|r| {
        let mut c = r.chars();
        c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
    })
}

/// Where a person's name starts in `words`: after the last title or role
/// word when two words or more follow it, else at the first.
pub(super) fn after_role(words: &[&str]) -> usize {
    match words.iter().rposition(|w| lead_word(w)) {
        Some(k) if words.len() - k > 2 => k + 1,
        _ => 0,
    }
}

/// A person's name read by a cue, without the titles and roles before it
/// ("City Attorney Brad Holm" → "Brad Holm", "Bethlehem Chairman Walter
/// F. Williams" → "Walter F. Williams": what stands before a role word is
/// the role's), when two words or more are left; `None` if it is no name.
pub(super) fn clean_person(name: &str) -> Option<String> {
    let name = name.trim();
    let mut words: Vec<&str> = name.split_whitespace().collect();
    // "Though Clinton said", "Says Michael Hirsch, …": not the name's.
    let lead = words.iter().take_while(|w| NAME_NEVER_STARTS.contains(**w)).count();
    words.drain(..lead);
    // An honorific, with or without its full stop, is no part of the name
    // even before a surname alone ("said Ms Sturgeon", "Mrs Thatcher
    // said": British style), as the recogniser's names have it.
    let honorifics = words.iter().take_while(|w| super::recognised::HONORIFICS.contains(*w)).count();
    if honorifics < words.len() {
        words.drain(..honorifics);
    }
    words.drain(..after_role(&words));
    let name = words.join(" ");
    let name = name.as_str();
    let bad = words.iter().any(|w| {
        NOT_NAMES.contains(w) || NOT_PERSON_WORDS.contains(w) || ORG_HEADS.contains(w) || TITLES.contains(w)
    });
    let all_caps = name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if bad || all_caps || PLACES.contains(name) || words.iter().any(|w| PLACES.contains(w)) {
        return None;
    }
    Some(name.to_string())
}

/// Trims an organization candidate: leading function words and
/// "X-based" adjectives go ("the", "Sydney-based"), and a trailing
/// "of/for/on …" tail that runs into a month or function word is cut
/// ("Committee on March" → "Committee").
pub(super) fn clean_org(name: &str) -> Option<String> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.first().is_some_and(|w| {
        NOT_NAMES.contains(w)
            || NAME_NEVER_STARTS.contains(w)
            || TITLES.contains(w)
            || w.ends_with("-based")
            || w.ends_with("-led")
    }) {
        words.remove(0);
    }
    let head = words.iter().position(|w| ORG_HEADS.contains(w))?;
    let cut = (head + 1..words.len()).find(|&k| NOT_NAMES.contains(words[k]));
    if let Some(mut k) = cut {
        while k > head + 1 && matches!(words[k - 1], "of" | "for" | "on" | "the" | "and") {
            k -= 1;
        }
        words.truncate(k);
    }
    if words.len() < 2 {
        return None;
    }
    let name = words.join(" ");
    (!PLACES.contains(name.as_str())).then_some(name)
}

/// Discovers people and organizations that are not in the gazetteer, by
/// cues: a title or rank, a reporting verb, a role noun, an apposition,
/// an organization head word. Candidates overlapping a gazetteer mention
/// are dropped: prefer missing a name to inventing one.
///
/// `cue_words`: the cue words' occurrences in the text (`Scanned::cues`).
pub(super) fn discover(
    doc: &Document,
    found: &[Found],
    cue_words: &[(CueWord, Range<usize>)],
) -> Vec<DiscoveredActor> {
    discover_with(doc, found, Some(cue_words))
}

/// [`discover`], with or without skipping the patterns that cannot match
/// a segment (without, `None`: for the test that the skip changes nothing).
/// (Never inlined: profiles show it apart.)
#[inline(never)]
pub(super) fn discover_with(
    doc: &Document,
    found: &[Found],
    cue_words: Option<&[(CueWord, Range<usize>)]>,
) -> Vec<DiscoveredActor> {
    let text = doc.text.as_str();
    let mut index = CharCounter::new(text);
    let mut out: Vec<DiscoveredActor> = Vec::new();
    let taken = Taken::of(found);
    let mut add = |name: Option<String>, kind: ActorType, cue: DiscoveryCue, r: Range<usize>| {
        let Some(name) = name else { return };
        if taken.overlaps(&r) || out.iter().any(|d| d.name == name) {
            return;
        }
        out.push(DiscoveredActor { name, kind, cue });
    };
    for seg in doc.segments.iter().filter(|s| discoverable(s.kind)) {
        let Some(span) = &seg.span else { continue };
        let base = index.byte_of(span.start);
        let end = index.byte_of(span.end);
        let slice = &text[base..end];
        // The occurrences inside the segment: those ending in it (they are
        // by end) that start in it, as a search of it finds them.
        let inside = cue_words.map(|cues| {
            let lo = cues.partition_point(|(_, r)| r.end <= base);
            let hi = cues.partition_point(|(_, r)| r.end <= end);
            &cues[lo..hi.max(lo)]
        });
        let inside = || inside.unwrap_or_default().iter().filter(|(_, r)| r.start >= base);
        let possible = match cue_words {
            Some(_) => cue_mask(slice, inside().map(|(k, r)| (*k, r.start - base..r.end - base))),
            None => CUE_ALL,
        };
        let (opening, closing) = (&*OPENING_CUES, &*CLOSING_CUES);
        // Each pattern, and how it is searched for with the cue words
        // known. (A pattern read through its anchored form is not
        // compiled as a `Regex` too: it is only dereferenced, and so
        // built, when searched for without them.)
        let person_cues: [(&LazyLock<Regex>, Search, DiscoveryCue, u8); 5] = [
            (&TITLE_CUE, Search::Opening(&opening[0], CueWord::Title), DiscoveryCue::Title, CUE_TITLE),
            (
                &VERB_AFTER,
                Search::Opening(&opening[1], CueWord::Verb),
                DiscoveryCue::ReportingVerb,
                CUE_VERB_AFTER,
            ),
            (&VERB_BEFORE, Search::Closing(&closing[0]), DiscoveryCue::ReportingVerb, CUE_VERB_BEFORE),
            (&ROLE_BEFORE, Search::Opening(&opening[2], CueWord::Role), DiscoveryCue::Role, CUE_ROLE_BEFORE),
            (&APPOSITION, Search::Closing(&closing[1]), DiscoveryCue::Apposition, CUE_APPOSITION),
        ];
        // Where a match of a pattern that opens with a cue word of `kind`
        // can start: at the word (`\bVERB`, `\bROLE`), or one character
        // before it (a title's `[^\p{L}]`, or the text's start). The scan
        // reports every occurrence of every listed word (overlapping, a
        // word in two lists under both kinds).
        let starts = |kind: CueWord| {
            let mut starts: Vec<usize> = inside()
                .filter(|(k, _)| *k == kind)
                .map(|(_, r)| {
                    let at = r.start - base;
                    match kind {
                        CueWord::Title => slice[..at].chars().next_back().map_or(at, |c| at - c.len_utf8()),
                        _ => at,
                    }
                })
                .collect();
            starts.sort_unstable();
            starts.dedup();
            starts
        };
        for (cue_re, search, cue, bit) in person_cues {
            if possible & bit == 0 {
                continue;
            }
            let mut take = |m: Range<usize>| {
                let r = base + m.start..base + m.end;
                add(clean_person(&slice[m]), ActorType::Person, cue, r);
            };
            let relative = || inside().map(|(k, r)| (*k, r.start - base..r.end - base));
            match (cue_words, search) {
                (Some(_), Search::Opening(a, kind)) => {
                    anchored_groups(a, slice, &starts(kind)).into_iter().for_each(take)
                }
                (Some(_), Search::Closing(c)) => {
                    closing_groups(c, slice, relative()).into_iter().for_each(take)
                }
                (None, _) => cue_re
                    .captures_iter(slice)
                    .for_each(|c| take(c.get(1).expect("group 1 always takes part").range())),
            }
        }
        if possible & CUE_ORGANIZATION == 0 {
            continue;
        }
        for m in ORGANIZATION.find_iter(slice) {
            let r = base + m.start()..base + m.end();
            add(clean_org(m.as_str()), ActorType::Organization, DiscoveryCue::OrganizationName, r);
        }
    }
    out
}

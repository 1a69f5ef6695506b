//! The word lists the extraction rules use, loaded from `data/` (one entry
//! a line, `#` comments). Each file says what it is for.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

/// The entries of a data file: trimmed, comments and blank lines removed.
pub(crate) fn entries(data: &'static str) -> Vec<&'static str> {
    data.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()).collect()
}

fn set(data: &'static str) -> HashSet<&'static str> {
    entries(data).into_iter().collect()
}

/// Titles and ranks before a name ("Gen.", "Secretary of State").
pub(crate) static TITLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut t = entries(include_str!("../data/titles.txt"));
    // Longest first, so "Army Gen." wins over "Gen.".
    t.sort_by_key(|s| std::cmp::Reverse(s.len()));
    t
});
/// Role nouns of an apposition ("a former deputy chief").
pub(crate) static ROLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/roles.txt")));
/// Last words of organization names.
pub(crate) static ORG_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/org_heads.txt")));
/// Reporting verbs and phrases.
pub(crate) static REPORTING_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/reporting_verbs.txt")));
/// Capitalised words that are not names.
pub(crate) static NOT_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../data/not_names.txt")));
/// Capitalised words that cannot be part of a person's name.
pub(crate) static NOT_PERSON_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../data/not_person_words.txt")));
/// Places.
pub(crate) static PLACES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../data/places.txt")));
/// Surnames that are common words.
pub(crate) static COMMON_SURNAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(include_str!("../data/common_surnames.txt")));

/// Compiles a built-in pattern. Word boundaries are ASCII (`\b` becomes
/// `(?-u:\b)`): a Unicode `\b` stops the fast lazy DFA at the first
/// non-ASCII byte (every curly quote) and makes matching crawl; the words
/// these patterns look for are ASCII. The lazy DFA also gets a large
/// cache: the organization pattern's reverse DFA (Unicode classes under a
/// counted repetition) outgrows 2 MiB, and a lazy DFA that keeps clearing
/// its cache rebuilds states on every search — four times slower discovery.
pub(crate) fn re(pattern: &str) -> regex::Regex {
    regex::RegexBuilder::new(&corpus_parser::ascii_word_boundaries(pattern))
        .dfa_size_limit(8 << 20)
        .size_limit(32 << 20)
        .build()
        .expect("a built-in pattern compiles (tested)")
}

/// Whether `text` holds the Kelvin sign or the long s, the only non-ASCII
/// characters that Unicode case folding maps to ASCII letters (k, s): an
/// ASCII case-insensitive prefilter must let such a text through. Two
/// memchr-backed searches, not a decode of every character.
pub(crate) fn has_case_folding_letter(text: &str) -> bool {
    text.contains('\u{212a}') || text.contains('\u{17f}')
}

/// A regex alternation of `items`, escaped, longest first.
pub(crate) fn alternation(items: &[&str]) -> String {
    let mut v: Vec<&str> = items.to_vec();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.iter().map(|s| regex::escape(s)).collect::<Vec<_>>().join("|")
}

/// A DFA Aho-Corasick automaton without a prefilter (these pattern sets
/// are too many and too varied for one), for [`Overlapping`]: standard
/// match semantics, the only ones that report overlapping matches.
pub(crate) fn dfa<I, P>(ascii_case_insensitive: bool, patterns: I) -> Result<DFA, aho_corasick::BuildError>
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    DFA::builder()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(ascii_case_insensitive)
        .prefilter(false)
        .build(patterns)
}

/// The unanchored start state of a DFA built by [`dfa`].
fn start_state(dfa: &DFA) -> StateID {
    dfa.start_state(Anchored::No).expect("the automaton is built for unanchored searches")
}

/// Every match of a standard DFA in a haystack, overlapping ones too, as
/// `AhoCorasick::find_overlapping_iter` gives them (by end, then in the
/// order the match state lists them; no pattern is empty), from a tight
/// loop that keeps its state in registers (the library's loop took three
/// times the instructions per byte). Items are (pattern, byte range).
pub(crate) struct Overlapping<'a> {
    dfa: &'a DFA,
    hay: &'a [u8],
    sid: StateID,
    /// Bytes read so far: where the current state's matches end.
    at: usize,
    /// The next of the current state's matches to report, and how many it has.
    next: usize,
    len: usize,
}

impl<'a> Overlapping<'a> {
    pub(crate) fn new(dfa: &'a DFA, hay: &'a [u8]) -> Self {
        Overlapping { dfa, hay, sid: start_state(dfa), at: 0, next: 0, len: 0 }
    }
}

impl Iterator for Overlapping<'_> {
    type Item = (usize, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        let dfa = self.dfa;
        if self.next == self.len {
            let (hay, mut sid, mut at) = (self.hay, self.sid, self.at);
            loop {
                let Some(&b) = hay.get(at) else {
                    (self.at, self.next, self.len) = (hay.len(), 0, 0);
                    return None;
                };
                sid = dfa.next_state(Anchored::No, sid, b);
                at += 1;
                if dfa.is_special(sid) {
                    if dfa.is_dead(sid) {
                        (self.at, self.next, self.len) = (hay.len(), 0, 0);
                        return None;
                    }
                    if dfa.is_match(sid) {
                        break;
                    }
                }
            }
            (self.sid, self.at, self.next, self.len) = (sid, at, 0, dfa.match_len(sid));
        }
        let pid = dfa.match_pattern(self.sid, self.next);
        self.next += 1;
        Some((pid.as_usize(), self.at - dfa.pattern_len(pid)..self.at))
    }
}

/// Haystacks shorter than this are read in one lane by [`each_match`].
const TWO_LANES_FROM: usize = 256;

/// Calls `f` on every match of a standard DFA in `hay`, in [`Overlapping`]'s
/// order. A long haystack is read as two halves at once, in one loop: a
/// DFA scan waits on each transition's load before the next, and two
/// independent chains of loads overlap those waits. The second lane starts
/// `max_pattern_len` bytes before the middle: an Aho-Corasick state is the
/// longest suffix of the text read that is a prefix of a pattern, never
/// longer than the longest pattern, so from the middle on the second lane
/// is in the state a scan from the start would be in. The first lane
/// reports the matches ending up to the middle, the second (held until the
/// first is done) those ending after it.
pub(crate) fn each_match(dfa: &DFA, hay: &[u8], mut f: impl FnMut(usize, Range<usize>)) {
    let longest = dfa.max_pattern_len();
    if hay.len() < TWO_LANES_FROM.max(4 * longest) {
        for (p, r) in Overlapping::new(dfa, hay) {
            f(p, r);
        }
        return;
    }
    // The matches of state `sid`, reading having ended at `end`.
    let matches = |sid: StateID, end: usize| {
        (0..dfa.match_len(sid)).map(move |k| {
            let p = dfa.match_pattern(sid, k);
            (p.as_usize(), end - dfa.pattern_len(p)..end)
        })
    };
    let mid = hay.len() / 2;
    let from = mid - longest;
    let (first, second) = (&hay[..mid], &hay[from..]);
    let start = start_state(dfa);
    let (mut a, mut b) = (start, start);
    // The second lane's matches, all ending after the middle.
    let mut held: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, (&x, &y)) in first.iter().zip(second).enumerate() {
        a = dfa.next_state(Anchored::No, a, x);
        b = dfa.next_state(Anchored::No, b, y);
        // An unanchored standard automaton has no reachable dead state;
        // were one reached, the scan ends there, as `Overlapping` ends.
        if dfa.is_special(a) {
            if dfa.is_dead(a) {
                return;
            }
            if dfa.is_match(a) {
                matches(a, i + 1).for_each(|(p, r)| f(p, r));
            }
        }
        if dfa.is_special(b) && dfa.is_match(b) && from + i + 1 > mid {
            held.extend(matches(b, from + i + 1));
        }
    }
    for (i, &y) in second.iter().enumerate().skip(first.len()) {
        b = dfa.next_state(Anchored::No, b, y);
        if dfa.is_special(b) {
            if dfa.is_dead(b) {
                break;
            }
            if dfa.is_match(b) {
                held.extend(matches(b, from + i + 1));
            }
        }
    }
    for (p, r) in held {
        f(p, r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_lanes_find_what_one_lane_finds() {
        let words =
            ["Taliban", "al-Qaeda", "al", "Qaeda", "said", "aid", "Islamic Emirate of Afghanistan", "a", "é"];
        let dfa = dfa(true, words).expect("plain words compile");
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let pieces =
            ["Taliban ", "al-", "Qaeda", "SAID", "Islamic Emirate of ", "Afghanistan", " ", "x", "é", "—"];
        let mut lengths_seen = 0;
        for n in [0, 1, 10, 200, 257, 300, 400, 1000] {
            for _ in 0..20 {
                let mut t = String::new();
                for _ in 0..n {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                }
                let one: Vec<_> = Overlapping::new(&dfa, t.as_bytes()).collect();
                let mut two = Vec::new();
                each_match(&dfa, t.as_bytes(), |p, r| two.push((p, r)));
                assert_eq!(one, two, "{} bytes", t.len());
                lengths_seen += usize::from(t.len() >= TWO_LANES_FROM);
            }
        }
        assert!(lengths_seen > 50, "{lengths_seen}");
        // The longest pattern at every place around the middle (which is
        // at 590 + k / 2): across it, ending at it, starting at it.
        for k in 0..100 {
            let t = format!("{}Islamic Emirate of Afghanistan{}", "x".repeat(550 + k), "y".repeat(600));
            let one: Vec<_> = Overlapping::new(&dfa, t.as_bytes()).collect();
            let mut two = Vec::new();
            each_match(&dfa, t.as_bytes(), |p, r| two.push((p, r)));
            assert_eq!(one, two);
        }
    }

    #[test]
    fn word_boundaries_become_ascii() {
        assert!(re(r"\bsaid\b").is_match("“it is,” said he"));
    }

    #[test]
    fn case_folding_letters_are_found_as_a_char_scan_finds_them() {
        let texts = [
            "",
            "plain ASCII kills and says",
            "Kelvin \u{212a} here",
            "long \u{17f} here",
            "\u{212a}",
            "\u{17f}",
            "near misses: \u{2129} \u{212b} \u{17e} \u{180} K s ſ",
            "curly “quotes” — Kābul, Ærø, 東京",
        ];
        for t in texts {
            assert_eq!(has_case_folding_letter(t), t.contains(['\u{212a}', '\u{17f}']), "{t:?}");
        }
        assert!(has_case_folding_letter("near misses: ſ") && !has_case_folding_letter("Kābul"));
    }

    #[test]
    fn the_lexicons_load() {
        assert!(TITLES.contains(&"Gen.") && TITLES.contains(&"Secretary of State"));
        assert!(TITLES.iter().position(|t| *t == "Army Gen.") < TITLES.iter().position(|t| *t == "Gen."));
        assert!(ROLES.contains(&"analyst") && ORG_HEADS.contains(&"Institute"));
        assert!(REPORTING_VERBS.contains(&"according to"));
        assert!(NOT_NAMES.contains("The") && PLACES.contains("Kabul") && COMMON_SURNAMES.contains("west"));
    }
}

//! The word lists the extraction rules use, loaded from `data/` (one entry
//! a line, `#` comments). Each file says what it is for.

use crate::hash::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

use crate::ner::KeyMap;
use std::hash::BuildHasher;

/// The entries of a data file: trimmed, comments and blank lines removed.
pub(crate) fn entries(data: &'static str) -> Vec<&'static str> {
    data.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()).collect()
}

/// Named word lists, one a line: `name: word, word, word` (order kept).
pub(crate) fn named_lists(data: &'static str) -> HashMap<&'static str, Vec<&'static str>> {
    entries(data)
        .into_iter()
        .filter_map(|line| {
            let (name, words) = line.split_once(':')?;
            Some((name.trim(), words.split(',').map(str::trim).filter(|w| !w.is_empty()).collect()))
        })
        .collect()
}

fn set(data: &'static str) -> HashSet<&'static str> {
    entries(data).into_iter().collect()
}

/// Titles and ranks before a name ("Gen.", "Secretary of State").
pub(crate) static TITLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut t = entries(crate::language::EN.titles);
    // Longest first, so "Army Gen." wins over "Gen.".
    t.sort_by_key(|s| std::cmp::Reverse(s.len()));
    t
});
/// Role nouns of an apposition ("a former deputy chief").
pub(crate) static ROLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| entries(crate::language::EN.roles));
/// Last words of organization names.
pub(crate) static ORG_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.org_heads));
/// Capitalised words that stand before a name as its role, or that make a
/// run of capitalised words a group rather than a person ("Senate
/// Majority Leader", "Republican", "Press Secretary", "Mayor").
pub(crate) static ROLE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.speaker_role_words));
/// Reporting verbs and phrases.
pub(crate) static REPORTING_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.reporting_verbs));
/// Capitalised words that are not names.
pub(crate) static NOT_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(crate::language::EN.not_names));
/// Other words a name never starts with (`name_never_starts` of
/// `name_words.txt`): "Though Clinton said" names Clinton.
pub(crate) static NAME_NEVER_STARTS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    named_lists(crate::language::EN.name_words)
        .remove("name_never_starts")
        .unwrap_or_default()
        .into_iter()
        .collect()
});
/// Capitalised words that cannot be part of a person's name.
pub(crate) static NOT_PERSON_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(crate::language::EN.not_person_words));
/// Places.
pub(crate) static PLACES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set(crate::language::EN.places));
/// Surnames that are common words.
pub(crate) static COMMON_SURNAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| set(crate::language::EN.common_surnames));

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

/// [`re`]'s pattern as a `regex_automata` meta regex, with the same
/// syntax, match semantics and limits (`regex::Regex` is built on it):
/// for anchored searches, which `regex` does not offer.
pub(crate) fn meta_re(pattern: &str) -> regex_automata::meta::Regex {
    use regex_automata::{meta, util::syntax, MatchKind};
    let config = meta::Config::new()
        .nfa_size_limit(Some(32 << 20))
        .hybrid_cache_capacity(8 << 20)
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true);
    meta::Builder::new()
        .configure(config)
        .syntax(syntax::Config::default().utf8(true))
        .build(&corpus_parser::ascii_word_boundaries(pattern))
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

/// Where each of `patterns` occurs in `text`: for each, the starts
/// `str::match_indices` of it alone gives (left to right; an occurrence
/// overlapping the previous one of the same pattern is skipped), from one
/// Aho-Corasick pass over the text rather than one search per pattern.
/// An empty pattern has no occurrences.
pub(crate) fn occurrences<P: AsRef<str>>(text: &str, patterns: &[P]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); patterns.len()];
    let ids: Vec<usize> = (0..patterns.len()).filter(|&i| !patterns[i].as_ref().is_empty()).collect();
    if ids.is_empty() {
        return out;
    }
    let built = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .match_kind(MatchKind::Standard)
        .build(ids.iter().map(|&i| patterns[i].as_ref()));
    let Ok(ac) = built else {
        for &i in &ids {
            out[i] = text.match_indices(patterns[i].as_ref()).map(|(at, _)| at).collect();
        }
        return out;
    };
    let mut free_from = vec![0usize; patterns.len()];
    for m in ac.find_overlapping_iter(text) {
        let i = ids[m.pattern().as_usize()];
        if m.start() >= free_from[i] {
            out[i].push(m.start());
            free_from[i] = m.end();
        }
    }
    out
}

/// `s` with every repetition of `suffix` (not empty) taken off its end:
/// what `s.trim_end_matches(suffix)` gives, without the string searcher
/// that builds for every call.
pub(crate) fn trim_end_str<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    debug_assert!(!suffix.is_empty(), "an empty suffix would never be taken off");
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

/// Where each of `patterns` occurs in `text` **as a whole word**: not
/// preceded or followed by a letter or digit. For each pattern, the starts
/// of such occurrences, left to right, an occurrence overlapping the
/// previous one of the same pattern skipped. One walk over the text's
/// words with a hash look-up each, not an automaton built per call: the
/// callers ask about a few hundred names of one document, and building an
/// Aho-Corasick automaton for them cost more than searching with it. A
/// pattern that does not start with a letter or digit is searched for on
/// its own; an empty one has no occurrences.
pub(crate) fn word_occurrences<P: AsRef<str>>(text: &str, patterns: &[P]) -> Vec<Vec<usize>> {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut out = vec![Vec::new(); patterns.len()];
    // Each pattern by its first word (up to its first non-alphanumeric).
    // Keyed by the word's hash: a hash shared by two first words only
    // costs a comparison, `starts_with` below decides.
    let mut by_first: KeyMap<Vec<usize>> = KeyMap::default();
    // The words' hash: foldhash's, a few multiplications a word (FNV-1a
    // waited on one for every byte); its seed is of no consequence, a
    // pattern is checked against the text before it counts.
    let words = foldhash::fast::RandomState::default();
    // One bit per first word's hash (4,096 bits, in cache): most words of
    // a text are no pattern's first, and this turns them away before the
    // map is looked up.
    let mut bloom = [0u64; 64];
    let bloom_bit = |h: u64| (h >> 52) as usize;
    // Before that, one bit per first byte and length (up to 63 bytes) of
    // a first word: a word of another first byte or length is no
    // pattern's first word, and needs no hash.
    let mut shapes = [0u64; 256];
    let shape_bit = |word: &[u8]| (word[0] as usize) << 6 | word.len().min(63);
    for (i, p) in patterns.iter().enumerate() {
        let p = p.as_ref();
        let first = p.find(|c: char| !c.is_alphanumeric()).map_or(p, |e| &p[..e]);
        if p.is_empty() {
            continue;
        }
        if first.is_empty() {
            let clean = |at: usize| {
                !alnum(text[..at].chars().next_back()) && !alnum(text[at + p.len()..].chars().next())
            };
            let mut free_from = 0;
            for (at, _) in text.match_indices(p) {
                if at >= free_from && clean(at) {
                    out[i].push(at);
                    free_from = at + p.len();
                }
            }
            continue;
        }
        let h = words.hash_one(first.as_bytes());
        by_first.entry(h).or_default().push(i);
        bloom[bloom_bit(h) / 64] |= 1 << (bloom_bit(h) % 64);
        let b = shape_bit(first.as_bytes());
        shapes[b / 64] |= 1 << (b % 64);
    }
    if by_first.is_empty() {
        return out;
    }
    let mut free_from = vec![0usize; patterns.len()];
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if !ASCII_ALNUM[b as usize] {
            if b < 0x80 {
                at += 1;
                continue;
            }
            let (word_char, len) = char_class(text, at);
            if !word_char {
                at += len;
                continue;
            }
        }
        let s = at;
        at = word_end(text, at);
        let b = shape_bit(&bytes[s..at]);
        if shapes[b / 64] >> (b % 64) & 1 == 0 {
            continue;
        }
        let h = words.hash_one(&bytes[s..at]);
        if bloom[bloom_bit(h) / 64] >> (bloom_bit(h) % 64) & 1 == 0 {
            continue;
        }
        let Some(ids) = by_first.get(&h) else { continue };
        for &i in ids {
            let p = patterns[i].as_ref();
            let fits = text[s..].starts_with(p) && !alnum(text[s + p.len()..].chars().next());
            if fits && s >= free_from[i] {
                out[i].push(s);
                free_from[i] = s + p.len();
            }
        }
    }
    out
}

/// Whether the character at byte `at` of `text` is a letter or digit, and
/// its length (ASCII by byte, most of a text; other characters decoded).
#[inline]
fn char_class(text: &str, at: usize) -> (bool, usize) {
    match text.as_bytes()[at] {
        b if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
        _ => text[at..].chars().next().map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
    }
}

/// The end of the word of letters and digits starting at byte `at`.
#[inline]
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // A run of ASCII letters and digits (most of a word).
        at += ascii_alnum_run(&bytes[at..]);
        if at == bytes.len() || bytes[at] < 0x80 {
            return at;
        }
        let (word_char, len) = char_class(text, at);
        if !word_char {
            return at;
        }
        at += len;
    }
}

/// The length of the run of ASCII letters and digits that `bytes` starts
/// with: 8 bytes at a time (one branch for most words, not one a byte),
/// then byte by byte.
#[inline]
pub(crate) fn ascii_alnum_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("a chunk of 8 bytes"));
        let stops = !ascii_alnum_bytes(x) & HIGH_BITS;
        if stops != 0 {
            return n + (stops.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..].iter().position(|&b| !ASCII_ALNUM[b as usize]).unwrap_or(bytes.len() - n)
}

/// The high bit of every byte.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` (little-endian) set where that byte
/// is an ASCII letter or digit, the other bits clear.
#[inline]
fn ascii_alnum_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Every byte of `y` is 0x80 or more: subtracting a byte below 0x80
    // from each borrows from no neighbour, and for an ASCII byte `b` the
    // high bit of (0x80 + b - lo) says b >= lo.
    let y = x | HIGH_BITS;
    let at_least = |v: u64, lo: u8| v.wrapping_sub(ONES * lo as u64);
    let within = |v: u64, lo: u8, hi: u8| at_least(v, lo) & !at_least(v, hi + 1);
    // A letter in either case is a lower-case letter with bit 5 set.
    let alnum = within(y, b'0', b'9') | within(y | (ONES * 0x20), b'a', b'z');
    alnum & !x & HIGH_BITS
}

/// Whether a byte is an ASCII letter or digit (false for every byte of a
/// character outside ASCII).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

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
const LANES_FROM: usize = 256;
/// How many lanes [`each_match`] reads at once.
const LANES: usize = 2;

/// Calls `f` on every match of a standard DFA in `hay`, in [`Overlapping`]'s
/// order. A long haystack is read as [`LANES`] pieces at once, in one
/// loop: a DFA scan waits on each transition's load before the next, and
/// independent chains of loads overlap those waits. Each lane but the
/// first starts `max_pattern_len` bytes before its piece: an Aho-Corasick
/// state is the longest suffix of the text read that is a prefix of a
/// pattern, never longer than the longest pattern, so from its piece on a
/// lane is in the state a scan from the start would be in. A lane reports
/// the matches ending in its piece; those of later lanes are held until
/// the earlier ones are done.
pub(crate) fn each_match(dfa: &DFA, hay: &[u8], f: impl FnMut(usize, Range<usize>)) {
    each_match_in::<LANES>(dfa, hay, f);
}

/// [`each_match`] with `K` lanes.
fn each_match_in<const K: usize>(dfa: &DFA, hay: &[u8], mut f: impl FnMut(usize, Range<usize>)) {
    let longest = dfa.max_pattern_len();
    if K < 2 || hay.len() < LANES_FROM.max(4 * K * longest) {
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
    let piece = hay.len() / K;
    // Lane j reports the matches ending in (j * piece, (j + 1) * piece]
    // (the last lane: to the end) and reads from `from[j]`.
    let from: [usize; K] = std::array::from_fn(|j| (j * piece).saturating_sub(longest));
    let to: [usize; K] = std::array::from_fn(|j| if j + 1 == K { hay.len() } else { (j + 1) * piece });
    let mut sid = [start_state(dfa); K];
    let mut held: [Vec<(usize, Range<usize>)>; K] = std::array::from_fn(|_| Vec::new());
    // All lanes read `piece` bytes together (the first lane's share).
    for i in 0..piece {
        for j in 0..K {
            sid[j] = dfa.next_state(Anchored::No, sid[j], hay[from[j] + i]);
        }
        for j in 0..K {
            if dfa.is_special(sid[j]) {
                // An unanchored standard automaton has no reachable dead
                // state; were one reached, the scan would end there.
                if dfa.is_dead(sid[j]) {
                    return;
                }
                let end = from[j] + i + 1;
                if dfa.is_match(sid[j]) && end > j * piece {
                    if j == 0 {
                        matches(sid[0], end).for_each(|(p, r)| f(p, r));
                    } else {
                        held[j].extend(matches(sid[j], end));
                    }
                }
            }
        }
    }
    // Then each other lane reads the rest of its piece alone.
    for j in 1..K {
        for (at, &byte) in hay.iter().enumerate().take(to[j]).skip(from[j] + piece) {
            sid[j] = dfa.next_state(Anchored::No, sid[j], byte);
            if dfa.is_special(sid[j]) {
                if dfa.is_dead(sid[j]) {
                    return;
                }
                if dfa.is_match(sid[j]) {
                    held[j].extend(matches(sid[j], at + 1));
                }
            }
        }
    }
    for (p, r) in held.into_iter().flatten() {
        f(p, r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every place of a chunk of 8, and runs that
    /// end in the chunk, at its end, in the tail after it or never.
    #[test]
    fn ascii_alnum_runs_are_those_of_a_byte_loop() {
        let naive = |b: &[u8]| b.iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(b.len());
        for v in 0..=255u8 {
            for at in 0..8 {
                let mut x = *b"aZ09zA9a";
                x[at] = v;
                assert_eq!(
                    ascii_alnum_bytes(u64::from_le_bytes(x)) >> (8 * at + 7) & 1 == 1,
                    v.is_ascii_alphanumeric(),
                    "{v:#x} at {at}"
                );
            }
        }
        let pieces: [&[u8]; 9] = [b"word", b"A", b"9", b" ", b"-", b"\xc3\xa9", b"@", b"[", b"`"];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut t = Vec::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            for k in 0..seed % 12 {
                t.extend_from_slice(pieces[((seed >> (4 * k)) % pieces.len() as u64) as usize]);
            }
            for from in 0..t.len() {
                assert_eq!(ascii_alnum_run(&t[from..]), naive(&t[from..]), "{t:?} from {from}");
            }
        }
    }

    /// Each pattern's occurrences are those `match_indices` of it alone
    /// gives: patterns inside others, overlapping themselves, repeated.
    #[test]
    fn occurrences_are_each_patterns_match_indices() {
        let text = "aaaa abab (ISIL) ISIL ISILS aISIL TTP-TTP (TTP) baaab é aé";
        let patterns = ["aa", "a", "ab", "bab", "ISIL", "ISILS", "TTP", "é", "a", ""];
        let got = occurrences(text, &patterns);
        for (p, starts) in patterns.iter().zip(&got) {
            let want: Vec<usize> =
                if p.is_empty() { Vec::new() } else { text.match_indices(p).map(|(i, _)| i).collect() };
            assert_eq!(*starts, want, "{p:?}");
        }
    }

    #[test]
    fn trim_end_str_is_trim_end_matches() {
        for s in ["", "a", ", ", "x, , ", "x,  ,", "a and and ", "and ", " and  and ", ", , , x, , "] {
            for suffix in [", ", " and ", "'s", ","] {
                assert_eq!(trim_end_str(s, suffix), s.trim_end_matches(suffix), "{s:?} {suffix:?}");
            }
        }
    }

    /// Whole-word occurrences: not inside a longer word (either side),
    /// multi-word and dotted names, a pattern starting with punctuation,
    /// non-ASCII letters as word characters, exact case.
    #[test]
    fn word_occurrences_are_whole_words() {
        let text = "Ali met Alison and U.S. Central Command; Ali's aide, (Ali) and Zoë.\nAlix, ali, Ali";
        let patterns = ["Ali", "U.S. Central Command", "U.S", "(Ali)", "Zoë", "Zo", "Alison and", ""];
        let got = word_occurrences(text, &patterns);
        let at = |s: &str, n: usize| text.match_indices(s).nth(n).map_or(usize::MAX, |(i, _)| i);
        assert_eq!(got[0], [0, at("Ali's", 0), at("(Ali)", 0) + 1, text.len() - 3]);
        assert_eq!(got[1], [at("U.S.", 0)]);
        assert_eq!(got[2], [at("U.S.", 0)]);
        assert_eq!(got[3], [at("(Ali)", 0)]);
        assert_eq!(got[4], [at("Zoë", 0)]);
        assert!(got[5].is_empty() && got[7].is_empty());
        assert_eq!(got[6], [at("Alison", 0)]);
        // Words that start with, or hold, a letter outside ASCII; a
        // letter outside ASCII ends no word ("Émile" is not in "Émilea").
        let text = "«Émile» met Émilea and Łódź—Émile";
        let got = word_occurrences(text, &["Émile", "Łódź", "met"]);
        assert_eq!(got[0], [text.find("Émile").unwrap_or(0), text.rfind("Émile").unwrap_or(0)]);
        assert_eq!(got[1], [text.find("Łódź").unwrap_or(0)]);
        assert_eq!(got[2], [text.find("met").unwrap_or(0)]);
    }

    /// Every match of `dfa` in `t` by `each_match_in::<K>`.
    fn lanes<const K: usize>(dfa: &DFA, t: &str) -> Vec<(usize, Range<usize>)> {
        let mut out = Vec::new();
        each_match_in::<K>(dfa, t.as_bytes(), |p, r| out.push((p, r)));
        out
    }

    #[test]
    fn lanes_find_what_one_lane_finds() {
        let words =
            ["Taliban", "al-Qaeda", "al", "Qaeda", "said", "aid", "Islamic Emirate of Afghanistan", "a", "é"];
        let dfa = dfa(true, words).expect("plain words compile");
        let check = |t: &str| {
            let one: Vec<_> = Overlapping::new(&dfa, t.as_bytes()).collect();
            assert_eq!(one, lanes::<2>(&dfa, t), "2 lanes, {} bytes", t.len());
            assert_eq!(one, lanes::<3>(&dfa, t), "3 lanes, {} bytes", t.len());
            assert_eq!(one, lanes::<4>(&dfa, t), "4 lanes, {} bytes", t.len());
            assert_eq!(one, lanes::<7>(&dfa, t), "7 lanes, {} bytes", t.len());
            one.len()
        };
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let pieces =
            ["Taliban ", "al-", "Qaeda", "SAID", "Islamic Emirate of ", "Afghanistan", " ", "x", "é", "—"];
        let (mut long, mut found) = (0, 0);
        for n in [0, 1, 10, 200, 257, 300, 400, 1000] {
            for _ in 0..20 {
                let mut t = String::new();
                for _ in 0..n {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                }
                found += check(&t);
                long += usize::from(t.len() >= LANES_FROM.max(4 * 7 * dfa.max_pattern_len()));
            }
        }
        assert!(long > 50 && found > 10_000, "{long} {found}");
        // The longest pattern at every place: across each piece's edge,
        // ending at it, starting at it.
        for at in 0..1000 {
            let t = format!("{}Islamic Emirate of Afghanistan{}", "x".repeat(at), "y".repeat(1000 - at));
            assert!(check(&t) > 1);
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

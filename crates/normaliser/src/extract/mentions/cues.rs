//! Which discovery cues a segment can match, read from its cue words
//! in one pass (speed: a pattern whose words are absent is not run).

use super::discover::{apposition_before, name_before, org_of_two};
#[cfg(test)]
use crate::lexicon::dfa;
#[cfg(test)]
use crate::lexicon::Overlapping;
use crate::lexicon::ORG_HEADS;
use crate::lexicon::REPORTING_VERBS;
use crate::lexicon::ROLES;
use crate::lexicon::TITLES;
#[cfg(test)]
use aho_corasick::dfa::DFA;
use std::ops::Range;
use std::sync::LazyLock;

/// The discovery cues, as bits of a mask of those that can match a segment.
pub(super) const CUE_TITLE: u8 = 1;

pub(super) const CUE_VERB_AFTER: u8 = 2;

pub(super) const CUE_VERB_BEFORE: u8 = 4;

pub(super) const CUE_ROLE_BEFORE: u8 = 8;

pub(super) const CUE_APPOSITION: u8 = 16;

pub(super) const CUE_ORGANIZATION: u8 = 32;

pub(super) const CUE_ALL: u8 = 63;

/// Which lexicon a cue word comes from: its occurrence counts for a cue
/// only in the context the cue's pattern demands around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueWord {
    Title,
    Verb,
    Role,
    OrgHead,
    /// "of" of an apposition's ", of the X".
    Of,
}

/// Every word some discovery pattern needs literally (the patterns are
/// case-sensitive, so is the search for these), with the lexicon it
/// comes from: most segments hold none of a pattern's words, and six
/// regexes each scanning every segment were 40% of mention finding.
pub(super) static CUE_LIST: LazyLock<Vec<(&'static str, CueWord)>> = LazyLock::new(|| {
    let lists: [(&[&str], CueWord); 4] = [
        (&TITLES, CueWord::Title),
        (&REPORTING_VERBS, CueWord::Verb),
        (&ROLES, CueWord::Role),
        (&ORG_HEADS, CueWord::OrgHead),
    ];
    let mut words: Vec<(&'static str, CueWord)> = Vec::new();
    for (list, kind) in lists {
        words.extend(list.iter().map(|&w| (w, kind)));
    }
    words.push(("of", CueWord::Of));
    words
});

/// The cue words alone, exact case, for [`possible_cues`] (the reference
/// the scan of [`ActorMatcher::scan`] is tested against).
#[cfg(test)]
pub(super) static CUE_WORDS: LazyLock<(DFA, Vec<CueWord>)> = LazyLock::new(|| {
    let words = CUE_LIST.iter().map(|&(w, _)| w);
    let ac = dfa(false, words).expect("cue words compile (they are plain strings)");
    (ac, CUE_LIST.iter().map(|&(_, k)| k).collect())
});

/// Whether a byte is a word byte of an ASCII `\b`.
pub(super) fn word_byte(b: Option<&u8>) -> bool {
    b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether an ASCII `\b` can hold at byte `at`.
pub(crate) fn ascii_boundary(bytes: &[u8], at: usize) -> bool {
    word_byte(at.checked_sub(1).and_then(|i| bytes.get(i))) != word_byte(bytes.get(at))
}

/// Whether `c` can be a `\s`: white space, or any non-ASCII character
/// (erring towards running the pattern).
pub(super) fn maybe_space(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_whitespace() || !c.is_ascii())
}

/// Whether `c` can begin a name token (`TOKEN`: a capital, or the "a"/"e"
/// of "al-"/"el-"); any non-ASCII character can.
pub(super) fn maybe_name_start(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_ascii() || c.is_ascii_uppercase() || matches!(c, 'a' | 'e'))
}

/// Whether `head` can end with the last token of a name of two or more
/// (`TOKEN` after a `\s`, or after a capital and an apostrophe): its last
/// run of ASCII letters and hyphens must follow white space or "O'" and
/// begin like a name. A run holding non-ASCII
/// characters, which may be letters or spaces, always can.
pub(super) fn maybe_name_end(head: &str) -> bool {
    let run = head.len()
        - head.trim_end_matches(|c: char| !c.is_ascii() || c.is_ascii_alphabetic() || c == '-').len();
    let (before, word) = head.split_at(head.len() - run);
    if !word.is_ascii() {
        return true;
    }
    // "O'Reilly": a capital and an apostrophe may open the last word.
    let mut back = before.chars();
    let apostrophe = back.next_back() == Some('\'') && back.next_back().is_some_and(|c| c.is_uppercase());
    !word.is_empty()
        && maybe_name_start(word.chars().next())
        && (apostrophe || maybe_space(before.chars().next_back()))
}

/// The discovery patterns that can match `seg`, as `CUE_*` bits: a bit is
/// clear only if no occurrence of the pattern's required words has the
/// context the pattern requires around it (a superset of its matches, so
/// skipping a pattern whose bit is clear changes nothing).
#[cfg(test)]
pub(super) fn possible_cues(seg: &str) -> u8 {
    let (ac, kinds) = &*CUE_WORDS;
    cue_mask(seg, Overlapping::new(ac, seg.as_bytes()).map(|(p, m)| (kinds[p], m)))
}

/// [`possible_cues`] from the occurrences of the cue words in `seg`
/// (exact case, overlapping; any order): (kind, bytes of `seg`).
pub(super) fn cue_mask(seg: &str, cue_words: impl Iterator<Item = (CueWord, Range<usize>)>) -> u8 {
    let mut mask = 0u8;
    for (kind, m) in cue_words {
        mask |= cue_bits(seg, kind, m);
        if mask == CUE_ALL {
            break;
        }
    }
    mask
}

/// The discovery patterns that can match `seg` with this one occurrence
/// `m` of a cue word of `kind` where the pattern needs the word, as
/// `CUE_*` bits: a bit is clear only if the context around `m` rules
/// out every match of the pattern that holds its word there.
pub(super) fn cue_bits(seg: &str, kind: CueWord, m: Range<usize>) -> u8 {
    let bytes = seg.as_bytes();
    let (s, e) = (m.start, m.end);
    let mut rest = seg[e..].chars();
    let after = rest.next();
    let name_after = maybe_space(after) && maybe_name_start(rest.next());
    let before = seg[..s].chars().next_back();
    match kind {
        // (?:^|[^\p{L}])TITLE\sTOKEN
        CueWord::Title => {
            if before.is_some_and(|c| c.is_ascii_alphabetic()) || !name_after {
                0
            } else {
                CUE_TITLE
            }
        }
        CueWord::Verb => {
            // \bVERB\sTOKEN
            let after_cue = if ascii_boundary(bytes, s) && name_after { CUE_VERB_AFTER } else { 0 };
            // TOKEN,?\sVERB\b
            let before_cue =
                if ascii_boundary(bytes, e) && name_before(&seg[..s]) { CUE_VERB_BEFORE } else { 0 };
            after_cue | before_cue
        }
        CueWord::Role => {
            // \bROLE\sTOKEN
            let role = if ascii_boundary(bytes, s) && name_after { CUE_ROLE_BEFORE } else { 0 };
            // TOKEN,\s…\sROLE\b
            let appo =
                if ascii_boundary(bytes, e) && apposition_before(&seg[..s]) { CUE_APPOSITION } else { 0 };
            role | appo
        }
        // HEAD\b, with a word before it or an "of …" after it
        CueWord::OrgHead => {
            if ascii_boundary(bytes, e) && org_of_two(&seg[..s], &seg[e..]) {
                CUE_ORGANIZATION
            } else {
                0
            }
        }
        // TOKEN,\sof
        CueWord::Of => {
            let mut back = seg[..s].chars();
            let comma = maybe_space(back.next_back()) && back.next_back() == Some(',');
            if comma && maybe_name_end(back.as_str()) {
                CUE_APPOSITION
            } else {
                0
            }
        }
    }
}

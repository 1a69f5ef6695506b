//! Which patterns can match a paragraph, read from its anchor words in
//! one pass (speed: a pattern whose anchor is absent is not run).

use crate::lexicon::dfa;
use crate::lexicon::each_match;
use crate::lexicon::has_case_folding_letter;
use regex::Regex;
use std::sync::LazyLock;

/// A set of anchor groups, one bit each.
pub(super) type Anchors = u32;

// Anchors: every match of a gated pattern holds something of each group
// it is gated on (a word, a digit, a dash…), so a paragraph that lacks one
// is not searched with it (see `find_dates_with`).
/// Month names (their first three letters).
pub(super) const MONTHS: Anchors = 1;

/// "early", "mid", "late".
pub(super) const PARTS: Anchors = 2;

/// Seasons.
pub(super) const SEASONS: Anchors = 4;

/// Units of relative dates ("wee" for "week": see [`anchors`]).
pub(super) const UNITS: Anchors = 8;

/// "after", "before", "later".
pub(super) const SEQUENCE: Anchors = 16;

/// Days of the week.
pub(super) const WEEKDAYS: Anchors = 32;

/// A decimal digit (`\d`, which is Unicode: see [`anchors`]).
pub(super) const DIGITS: Anchors = 64;

/// A hyphen or an en dash (ISO dates, year ranges).
pub(super) const DASH: Anchors = 128;

/// A slash (numeric dates, 9/11).
pub(super) const SLASH: Anchors = 256;

/// "0s" (decades).
pub(super) const DECADE_S: Anchors = 512;

/// The other words of relative dates: "last", "this", "next", "ago",
/// "yesterday", "current", "full", "past".
pub(super) const RELATIVE_WORDS: Anchors = 1024;

/// "ties", the end of every decade word ("Nineties").
pub(super) const TIES: Anchors = 2048;

/// "quarter".
pub(super) const QUARTER: Anchors = 4096;

/// "century".
pub(super) const CENTURY: Anchors = 8192;

/// "today", "tomorrow", "tonight", "morning", "afternoon", "evening",
/// "night".
pub(super) const NOW: Anchors = 16384;

/// The names of holidays up to an apostrophe ("thanksgiving", "new
/// year"), from the `holidays` list.
pub(super) const HOLIDAY_NAMES: Anchors = 32768;

/// "fiscal".
pub(super) const FISCAL: Anchors = 1 << 16;

/// "beginning", "start", "middle", "end" ("the end of last month").
pub(super) const PART_NOUNS: Anchors = 1 << 17;

/// "earlier" ("a year earlier").
pub(super) const EARLIER: Anchors = 1 << 18;

/// "period" ("the same period").
pub(super) const PERIOD: Anchors = 1 << 19;

/// "that" ("later that year").
pub(super) const THAT: Anchors = 1 << 20;

/// "following", "next", "previous", "preceding" ("the following day").
pub(super) const STEPS: Anchors = 1 << 21;

pub(super) static ANCHOR_WORDS: LazyLock<(aho_corasick::dfa::DFA, Vec<Anchors>)> = LazyLock::new(|| {
    let groups: [(Anchors, &[&str]); 21] = [
        (MONTHS, &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        (PARTS, &["early", "mid", "late"]),
        (SEASONS, &["spring", "summer", "autumn", "fall", "winter"]),
        (UNITS, &["year", "month", "wee", "day", "decade"]),
        (SEQUENCE, &["after", "before", "later"]),
        (WEEKDAYS, &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
        (DIGITS, &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]),
        (DASH, &["-", "\u{2013}"]),
        (SLASH, &["/"]),
        (DECADE_S, &["0s"]),
        (RELATIVE_WORDS, &["last", "this", "next", "ago", "yesterday", "current", "full", "past"]),
        (TIES, &["ties"]),
        (QUARTER, &["quarter"]),
        (CENTURY, &["century"]),
        (NOW, &["today", "tomorrow", "tonight", "morning", "afternoon", "evening", "night"]),
        (FISCAL, &["fiscal"]),
        (PART_NOUNS, &["beginning", "start", "middle", "end"]),
        (EARLIER, &["earlier"]),
        (PERIOD, &["period"]),
        (THAT, &["that"]),
        (STEPS, &["following", "next", "previous", "preceding"]),
    ];
    // Each word once, with every group it is in ("next").
    let mut words: Vec<(String, Anchors)> = Vec::new();
    let all = groups.iter().flat_map(|(g, ws)| ws.iter().map(move |w| (w.to_string(), *g)));
    for (w, g) in all.chain(super::holidays::anchor_words().into_iter().map(|w| (w, HOLIDAY_NAMES))) {
        match words.iter_mut().find(|(v, _)| *v == w) {
            Some((_, bits)) => *bits |= g,
            None => words.push((w, g)),
        }
    }
    let ac = dfa(true, words.iter().map(|w| w.0.as_bytes())).expect("plain words compile");
    (ac, words.iter().map(|w| w.1).collect())
});

/// The anchor groups whose words occur in `text`, ASCII case-insensitively
/// (a superset of what the case-sensitive patterns need). Unicode case
/// folding also lets `k` match the Kelvin sign and `s` the long s: a text
/// with either gets every group. `\d` is Unicode (Arabic-Indic, Devanagari
/// digits...): a text without an ASCII digit gets [`DIGITS`] if it has any
/// numeric character (`char::is_numeric`, a superset of `\d`).
pub(super) fn anchors(text: &str) -> Anchors {
    if has_case_folding_letter(text) {
        return Anchors::MAX;
    }
    let (ac, group) = &*ANCHOR_WORDS;
    let bytes = text.as_bytes();
    let mut bits = 0;
    each_match(ac, bytes, |p, m| {
        // Month names are matched case-sensitively, and every form starts
        // with a capital ("Mar", "MARCH"): "summary" is no anchor.
        if group[p] != MONTHS || bytes[m.start].is_ascii_uppercase() {
            bits |= group[p];
        }
    });
    if bits & DIGITS == 0 && !text.is_ascii() && text.chars().any(|c| !c.is_ascii() && c.is_numeric()) {
        return bits | DIGITS;
    }
    bits
}

/// Whether `anchors` has every group of `needed`.
pub(super) fn has(anchors: Anchors, needed: Anchors) -> bool {
    anchors & needed == needed
}

/// `re`'s captures in `text` if `run`, else none.
pub(super) fn captures_if<'r, 't>(
    run: bool,
    re: &'r Regex,
    text: &'t str,
) -> impl Iterator<Item = regex::Captures<'t>> + use<'r, 't> {
    run.then(|| re.captures_iter(text)).into_iter().flatten()
}

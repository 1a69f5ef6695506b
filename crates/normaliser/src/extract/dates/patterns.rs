//! The patterns of date expressions, and month names and number words
//! read from them.

use crate::lexicon::re;
use regex::Regex;
use std::sync::LazyLock;

pub(super) const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)";

pub(super) static DAY_MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(\d{{1,2}})\s+({MONTH})\.?,?\s+(\d{{4}})\b")));

pub(super) static MONTH_DAY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")));

pub(super) static ISO: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})-(\d{2})-(\d{2})\b"));

pub(super) static NUMERIC: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"));

pub(super) static NINE_ELEVEN: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|[^\w/-])(9/11)\b"));

pub(super) static PART_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(early|mid|late)[- ])?({MONTH})\.?(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?\b|,?\s+(\d{{4}})\b)"
    ))
});

pub(super) static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b(\d{{1,2}})\s+({MONTH})\b")));

pub(super) static SEASON: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b"));

pub(super) static PART_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(early|mid|late)[- ](\d{4})\b"));

pub(super) static DECADE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:(1[89]|20)(\d)0s|[’'](\d)0s)\b"));

/// "Nineties": the decades of the 1900s in words, capitalised ("in the
/// nineties" may be a temperature or an age); "the" must stand before.
pub(super) static DECADE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(Twenties|Thirties|Forties|Fifties|Sixties|Seventies|Eighties|Nineties|TWENTIES|THIRTIES|FORTIES|FIFTIES|SIXTIES|SEVENTIES|EIGHTIES|NINETIES)\b",
    )
});

pub(super) static YEAR_RANGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(1[89]\d\d|20\d\d)\s?[–-]\s?(1[89]\d\d|20\d\d|\d\d)\b"));

pub(super) static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(1[89]\d\d|20\d\d)\b"));

/// The rest of a range of years in words after its first year: "between
/// 1996| and 2001", "from 2012| to 2014" (anchored: read where the first
/// year ends, never searched for).
pub(super) static YEAR_SPAN_REST: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s+(and|to|until|till|through)\s+(1[89]\d\d|20\d\d)\b"));

pub(super) static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(last|this|next|the\s+current|the\s+full|the\s+past)\s+(year|month|week)|(yesterday)|(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(years?|months?|weeks?|days?|decades?)\s+ago)\b",
    )
});

pub(super) static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:on\s+|((?i:last|next|this\s+coming|the\s+previous|the\s+following))\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b",
    )
});

/// A day of the week before a month and day: "Saturday, April 25" is one
/// date, that of "April 25".
pub(super) static WEEKDAY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"
    ))
});

/// What follows a four-digit time of day ("1830 GMT", "0600 hours").
pub(super) static CLOCK_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s?(?:GMT|UTC|Z\b|[ECMP][SD]T\b|BST|CET|CEST|IST|JST|local\s+time|hours?\b|hrs\b|h\b|[ap]\.?m\b)")
});

pub(super) static OFFSET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(days?|weeks?|months?|years?)\s+(after|before|later)\b",
    )
});

pub(super) fn month_number(name: &str) -> Option<i8> {
    let lower = name.to_lowercase();
    let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    names.iter().position(|m| lower.starts_with(m)).map(|i| i as i8 + 1)
}

pub(super) fn number(word: &str) -> Option<i64> {
    if word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("an") {
        return Some(1);
    }
    let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    words
        .iter()
        .position(|w| word.eq_ignore_ascii_case(w))
        .map(|i| i as i64 + 1)
        .or_else(|| word.parse().ok())
}

/// Words before a number that make it no date ("Resolution 1267").
pub(super) static NUMBER_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::words::list("number_words"));

//! Date expressions: found in a text and normalised to the period they
//! name, with its precision. Pure: give it the text and what is known of
//! the document's date; it knows nothing of events.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use regex::Regex;

use crate::lexicon::{dfa, each_match, has_case_folding_letter, re};

/// How precise a date expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DatePrecision {
    /// One day.
    Day,
    /// One week (Monday to Sunday).
    Week,
    /// One month, or a part of one ("late August 2021").
    Month,
    /// A season or a third of a year ("spring of 2011", "mid-2024").
    Season,
    /// One year, or a range of years.
    Year,
    /// A decade ("the 1990s").
    Decade,
}

impl DatePrecision {
    /// The name used in the tables.
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Week => "week",
            DatePrecision::Month => "month",
            DatePrecision::Season => "season",
            DatePrecision::Year => "year",
            DatePrecision::Decade => "decade",
        }
    }
}

/// A normalised date expression. `start`/`end` are byte offsets into the
/// text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    /// Byte offset of the expression.
    pub start: usize,
    /// Byte offset of its end (exclusive).
    pub end: usize,
    /// First day of the period.
    pub first: Date,
    /// Last day of the period (inclusive).
    pub last: Date,
    /// Precision.
    pub precision: DatePrecision,
}

/// The years a month and day without a year can belong to: the last
/// explicit year of the paragraph, else the publication year, else the
/// last explicit year of the document. Reset `paragraph` at each paragraph.
#[derive(Debug, Clone, Copy, Default)]
pub struct YearState {
    /// The last explicit year read in this paragraph.
    pub paragraph: Option<i16>,
    /// The last explicit year read in the document.
    pub document: Option<i16>,
}

/// What a date reader knows about the document.
#[derive(Debug, Clone, Copy, Default)]
pub struct DateContext {
    /// The publication date and how precise it is (for "last year", "on
    /// Monday", and a month and day without a year).
    pub published: Option<(Date, DatePrecision)>,
    /// Whether numeric dates are day-first (12/02/2021 = 12 February).
    pub day_first: bool,
}

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)";

static DAY_MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(\d{{1,2}})\s+({MONTH})\.?,?\s+(\d{{4}})\b")));
static MONTH_DAY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")));
static ISO: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})-(\d{2})-(\d{2})\b"));
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"));
static NINE_ELEVEN: LazyLock<Regex> = LazyLock::new(|| re(r"(?:^|[^\w/-])(9/11)\b"));
static PART_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:(early|mid|late)[- ])?({MONTH})\.?(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?\b|,?\s+(\d{{4}})\b)"
    ))
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b(\d{{1,2}})\s+({MONTH})\b")));
static SEASON: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b"));
static PART_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(early|mid|late)[- ](\d{4})\b"));
static DECADE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:(1[89]|20)(\d)0s|[’'](\d)0s)\b"));
/// "Nineties": the decades of the 1900s in words, capitalised ("in the
/// nineties" may be a temperature or an age); "the" must stand before.
static DECADE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(Twenties|Thirties|Forties|Fifties|Sixties|Seventies|Eighties|Nineties|TWENTIES|THIRTIES|FORTIES|FIFTIES|SIXTIES|SEVENTIES|EIGHTIES|NINETIES)\b",
    )
});
static YEAR_RANGE: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(1[89]\d\d|20\d\d)\s?[–-]\s?(1[89]\d\d|20\d\d|\d\d)\b"));
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"\b(1[89]\d\d|20\d\d)\b"));
/// The rest of a range of years in words after its first year: "between
/// 1996| and 2001", "from 2012| to 2014" (anchored: read where the first
/// year ends, never searched for).
static YEAR_SPAN_REST: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s+(and|to|until|till|through)\s+(1[89]\d\d|20\d\d)\b"));
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:(last|this|next)\s+(year|month|week)|(yesterday)|(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(years?|months?|weeks?|days?)\s+ago)\b",
    )
});
static WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:on\s+|last\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"));
static OFFSET: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(days?|weeks?|months?|years?)\s+(after|before|later)\b",
    )
});

fn month_number(name: &str) -> Option<i8> {
    let lower = name.to_lowercase();
    let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    names.iter().position(|m| lower.starts_with(m)).map(|i| i as i8 + 1)
}

fn number(word: &str) -> Option<i64> {
    let words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    words
        .iter()
        .position(|w| word.eq_ignore_ascii_case(w))
        .map(|i| i as i64 + 1)
        .or_else(|| word.parse().ok())
}

fn year(s: &str) -> Option<i16> {
    s.parse().ok().filter(|y| (1000..=2999).contains(y))
}

fn day(y: i16, m: i8, d: i8) -> Option<(Date, Date)> {
    let date = Date::new(y, m, d).ok()?;
    Some((date, date))
}

fn month(y: i16, m: i8) -> Option<(Date, Date)> {
    let first = Date::new(y, m, 1).ok()?;
    Some((first, first.last_of_month()))
}

fn years(a: i16, b: i16) -> Option<(Date, Date)> {
    Some((Date::new(a, 1, 1).ok()?, Date::new(b, 12, 31).ok()?))
}

fn week_of(d: Date) -> Option<(Date, Date)> {
    let monday = d.checked_sub(i64::from(d.weekday().to_monday_zero_offset()).days()).ok()?;
    Some((monday, monday.checked_add(6.days()).ok()?))
}

/// The parts of a period: early, mid and late thirds. A year's thirds
/// are January–April, May–August, September–December; a month's are the
/// 1st–10th, 11th–20th, 21st–end.
fn third(first: Date, last: Date, part: &str) -> Option<(Date, Date)> {
    let part = part.to_lowercase();
    if first.month() == 1 && first.day() == 1 && last.month() == 12 && last.day() == 31 {
        let (a, b) = match part.as_str() {
            "early" => (1, 4),
            "mid" => (5, 8),
            _ => (9, 12),
        };
        return Some((
            Date::new(first.year(), a, 1).ok()?,
            Date::new(first.year(), b, 1).ok()?.last_of_month(),
        ));
    }
    let (a, b) = match part.as_str() {
        "early" => (first, first.checked_add(9.days()).ok()?),
        "mid" => (first.checked_add(10.days()).ok()?, first.checked_add(19.days()).ok()?),
        _ => (first.checked_add(20.days()).ok()?, last),
    };
    Some((a, b.min(last)))
}

/// A found expression before overlap resolution.
struct Found {
    start: usize,
    end: usize,
    period: Option<(Date, Date)>,
    precision: DatePrecision,
    /// A month (and day, and early/mid/late part) with no year: resolved
    /// in text order, once the years before it are known.
    bare: Option<(i8, Option<i8>, Option<String>)>,
}

/// The last day a publication date known to `precision` can be: a
/// document published "2023" may be from 31 December 2023.
fn latest_publication(first: Date, precision: DatePrecision) -> Option<Date> {
    match precision {
        DatePrecision::Day => Some(first),
        DatePrecision::Week => first.checked_add(6.days()).ok(),
        DatePrecision::Month => Some(first.last_of_month()),
        // A season may run into the next year (winter): its year's end
        // would be too early, the next year's end is safe.
        DatePrecision::Season => Date::new(first.year().checked_add(1)?, 12, 31).ok(),
        DatePrecision::Year => Date::new(first.year(), 12, 31).ok(),
        DatePrecision::Decade => Date::new(first.year().checked_add(9)?, 12, 31).ok(),
    }
}

/// A bare "March 13": this paragraph's year, else the publication year,
/// else the document's last year. With the publication year, a day after
/// the latest day the publication date allows is a year earlier (Dec. 6
/// in an article of 1 June 2020 is 2019-12-06), and a day that could fall
/// either side of publication (a document published "2023", or
/// "2021-09" for 20 September) is left out (`None`): it cannot be told
/// from the text. A bare "mid-March" takes the year without these checks.
/// A bare "in March" takes the publication year only if the month cannot
/// begin after publication; else it is left out (last year's, or a coming
/// one?).
fn resolve_bare(
    m: i8,
    d: Option<i8>,
    part: Option<&str>,
    ctx: &DateContext,
    state: &YearState,
) -> Option<(Date, Date)> {
    let pubdate = ctx.published.map(|p| p.0);
    let y = state.paragraph.or(pubdate.map(|p| p.year())).or(state.document)?;
    // The first and last day publication can be, when its year is used.
    let window = match (state.paragraph, ctx.published) {
        (None, Some((first, precision))) => Some((first, latest_publication(first, precision)?)),
        _ => None,
    };
    match d {
        Some(d) => {
            let mut date = Date::new(y, m, d).ok()?;
            if let Some((earliest, latest)) = window {
                if date > latest {
                    date = Date::new(y - 1, m, d).ok()?;
                } else if date > earliest {
                    return None;
                }
            }
            Some((date, date))
        }
        None => {
            let (a, b) = month(y, m)?;
            if part.is_none() && window.is_some_and(|(earliest, _)| a > earliest) {
                return None;
            }
            part.map_or(Some((a, b)), |p| third(a, b, p))
        }
    }
}

/// The word (ASCII letters) that ends right before the white space
/// before byte `at`, and where it starts: "in" for "in March". None if no
/// white space or no such word stands there.
fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = &text[..at];
    let trimmed = before.trim_end_matches(char::is_whitespace);
    if trimmed.len() == before.len() {
        return None;
    }
    let start = trimmed.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
    let word = &trimmed[start..];
    let boundary = !trimmed[..start].ends_with(|c: char| c.is_alphanumeric() || c == '_');
    (!word.is_empty() && boundary).then_some((start, word))
}

fn is_citation(text: &str, start: usize, end: usize) -> bool {
    // "(Bacon, 2018)", "(2018a; 2018b)", "Zelin (2020)", "Mir, 2020;"
    let after = &text[end..];
    let before = &text[..start];
    let lettered = after.starts_with(|c: char| c.is_ascii_lowercase());
    let in_parens = before.rfind('(').is_some_and(|o| before.rfind(')').is_none_or(|c| c < o))
        && after.find(')').is_some_and(|c| after.find('(').is_none_or(|o| c < o));
    let author_before = before.trim_end().ends_with(',') || before.trim_end().ends_with('(');
    lettered || (in_parens && author_before)
}

/// Words before a number that make it no date ("Resolution 1267").
const NUMBER_WORDS: [&str; 10] =
    ["resolution", "no.", "number", "page", "pp.", "p.", "article", "section", "report", "volume"];

fn is_not_a_date_number(text: &str, start: usize) -> bool {
    // The words are ASCII and at most ten bytes long, and every character
    // lowers to at least one byte: the last ten characters, lower-cased,
    // end as the whole text before the number would, lower-cased. (Not a
    // lower-cased copy of the paragraph up to every year in it.)
    let before = text[..start].trim_end();
    let tail = before.char_indices().rev().nth(9).map_or(before, |(i, _)| &before[i..]);
    let tail = tail.to_lowercase();
    NUMBER_WORDS.iter().any(|w| tail.ends_with(w))
}

// Anchors: every match of a gated pattern holds something of each group
// it is gated on (a word, a digit, a dash…), so a paragraph that lacks one
// is not searched with it (see `find_dates_with`).
/// Month names (their first three letters).
const MONTHS: u16 = 1;
/// "early", "mid", "late".
const PARTS: u16 = 2;
/// Seasons.
const SEASONS: u16 = 4;
/// Units of relative dates ("wee" for "week": see [`anchors`]).
const UNITS: u16 = 8;
/// "after", "before", "later".
const SEQUENCE: u16 = 16;
/// Days of the week.
const WEEKDAYS: u16 = 32;
/// A decimal digit (`\d`, which is Unicode: see [`anchors`]).
const DIGITS: u16 = 64;
/// A hyphen or an en dash (ISO dates, year ranges).
const DASH: u16 = 128;
/// A slash (numeric dates, 9/11).
const SLASH: u16 = 256;
/// "0s" (decades).
const DECADE_S: u16 = 512;
/// The other words of relative dates: "last", "this", "next", "ago",
/// "yesterday".
const RELATIVE_WORDS: u16 = 1024;
/// "ties", the end of every decade word ("Nineties").
const TIES: u16 = 2048;

static ANCHOR_WORDS: LazyLock<(aho_corasick::dfa::DFA, Vec<u16>)> = LazyLock::new(|| {
    let groups: [(u16, &[&str]); 12] = [
        (MONTHS, &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
        (PARTS, &["early", "mid", "late"]),
        (SEASONS, &["spring", "summer", "autumn", "fall", "winter"]),
        (UNITS, &["year", "month", "wee", "day"]),
        (SEQUENCE, &["after", "before", "later"]),
        (WEEKDAYS, &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
        (DIGITS, &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]),
        (DASH, &["-", "\u{2013}"]),
        (SLASH, &["/"]),
        (DECADE_S, &["0s"]),
        (RELATIVE_WORDS, &["last", "this", "next", "ago", "yesterday"]),
        (TIES, &["ties"]),
    ];
    let words: Vec<(&str, u16)> =
        groups.iter().flat_map(|(g, ws)| ws.iter().map(move |w| (*w, *g))).collect();
    let ac = dfa(true, words.iter().map(|w| w.0)).expect("plain words compile");
    (ac, words.iter().map(|w| w.1).collect())
});

/// The anchor groups whose words occur in `text`, ASCII case-insensitively
/// (a superset of what the case-sensitive patterns need). Unicode case
/// folding also lets `k` match the Kelvin sign and `s` the long s: a text
/// with either gets every group. `\d` is Unicode (Arabic-Indic, Devanagari
/// digits...): a text without an ASCII digit gets [`DIGITS`] if it has any
/// numeric character (`char::is_numeric`, a superset of `\d`).
fn anchors(text: &str) -> u16 {
    if has_case_folding_letter(text) {
        return u16::MAX;
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
fn has(anchors: u16, needed: u16) -> bool {
    anchors & needed == needed
}

/// `re`'s captures in `text` if `run`, else none.
fn captures_if<'r, 't>(
    run: bool,
    re: &'r Regex,
    text: &'t str,
) -> impl Iterator<Item = regex::Captures<'t>> + use<'r, 't> {
    run.then(|| re.captures_iter(text)).into_iter().flatten()
}

/// Reads every date expression of `text` (one paragraph). `years` says
/// which year a month and day without one belong to (see [`YearState`]);
/// it is updated as explicit years are read, so call this on a document's
/// paragraphs in order.
pub fn find_dates(text: &str, ctx: &DateContext, state: &mut YearState) -> Vec<DateExpr> {
    find_dates_with(text, ctx, state, anchors(text))
}

/// [`find_dates`], running the patterns that need an anchor word only
/// where `anchors` has it.
fn find_dates_with(text: &str, ctx: &DateContext, state: &mut YearState, anchors: u16) -> Vec<DateExpr> {
    let mut found: Vec<Found> = Vec::new();
    let mut bare: Vec<Found> = Vec::new();
    let mut push = |start: usize, end: usize, period: Option<(Date, Date)>, precision: DatePrecision| {
        found.push(Found { start, end, period, precision, bare: None });
    };
    for c in captures_if(has(anchors, MONTHS | DIGITS), &DAY_MONTH_YEAR, text) {
        let m = c.get(0).expect("group 0");
        let p = (|| day(year(&c[3])?, month_number(&c[2])?, c[1].parse().ok()?))();
        push(m.start(), m.end(), p, DatePrecision::Day);
    }
    for c in captures_if(has(anchors, MONTHS | DIGITS), &MONTH_DAY_YEAR, text) {
        let m = c.get(0).expect("group 0");
        let p = (|| day(year(&c[3])?, month_number(&c[1])?, c[2].parse().ok()?))();
        push(m.start(), m.end(), p, DatePrecision::Day);
    }
    for c in captures_if(has(anchors, DIGITS | DASH), &ISO, text) {
        let m = c.get(0).expect("group 0");
        let p = (|| day(year(&c[1])?, c[2].parse().ok()?, c[3].parse().ok()?))();
        push(m.start(), m.end(), p, DatePrecision::Day);
    }
    for c in captures_if(has(anchors, DIGITS | SLASH), &NUMERIC, text) {
        let m = c.get(0).expect("group 0");
        let (a, b): (i8, i8) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        let (d, mo) = if a > 12 || (ctx.day_first && b <= 12) { (a, b) } else { (b, a) };
        push(m.start(), m.end(), (|| day(year(&c[3])?, mo, d))(), DatePrecision::Day);
    }
    for c in captures_if(has(anchors, DIGITS | SLASH), &NINE_ELEVEN, text) {
        let m = c.get(1).expect("group 1");
        let prefixed = text[..m.start()].ends_with("pre-") || text[..m.start()].ends_with("post-");
        if !prefixed {
            push(m.start(), m.end(), day(2001, 9, 11), DatePrecision::Day);
        }
    }
    for c in captures_if(has(anchors, MONTHS | DIGITS), &PART_MONTH, text) {
        let m = c.get(0).expect("group 0");
        let Some(mo) = month_number(&c[2]) else { continue };
        // "May" and "March" are words too: only with a capital and a number.
        if matches!(&c[2], "May" | "March") && c.get(3).is_none() && c.get(4).is_none() {
            continue;
        }
        let part = c.get(1).map(|p| p.as_str());
        if let Some(d) = c.get(3) {
            let d = d.as_str().parse().ok();
            let f = Found {
                start: m.start(),
                end: m.end(),
                period: None,
                precision: DatePrecision::Day,
                bare: Some((mo, d, None)),
            };
            bare.push(f);
        } else if let Some(y) = c.get(4) {
            let p = (|| {
                let (a, b) = month(year(y.as_str())?, mo)?;
                part.map_or(Some((a, b)), |part| third(a, b, part))
            })();
            push(m.start(), m.end(), p, DatePrecision::Month);
        }
    }
    for c in captures_if(has(anchors, MONTHS | DIGITS), &DAY_MONTH, text) {
        let m = c.get(0).expect("group 0");
        let Some(mo) = month_number(&c[2]) else { continue };
        let d = c[1].parse().ok();
        bare.push(Found {
            start: m.start(),
            end: m.end(),
            period: None,
            precision: DatePrecision::Day,
            bare: Some((mo, d, None)),
        });
    }
    // "mid-March", "late August" without a year.
    static PART_BARE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b(early|mid|late)[- ]({MONTH})\b")));
    for c in captures_if(has(anchors, MONTHS), &PART_BARE, text) {
        let m = c.get(0).expect("group 0");
        let Some(mo) = month_number(&c[2]) else { continue };
        let part = Some(c[1].to_string());
        bare.push(Found {
            start: m.start(),
            end: m.end(),
            period: None,
            precision: DatePrecision::Month,
            bare: Some((mo, None, part)),
        });
    }
    // "in March", "since August": a month alone after a preposition. A
    // month that is also a given name not before a capitalised word ("in
    // June Carter's song"), and "May" only after "in", "since", "until",
    // "till" or "during" ("a speech by May"). The month is searched (a
    // literal prefilter), then the preposition before it.
    static MONTH_WORD: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b({MONTH})\b")));
    const PREPOSITIONS: [&str; 10] =
        ["in", "since", "until", "till", "during", "through", "throughout", "by", "before", "after"];
    for m in has(anchors, MONTHS).then(|| MONTH_WORD.find_iter(text)).into_iter().flatten() {
        let Some(mo) = month_number(m.as_str()) else { continue };
        let Some((_, preposition)) = word_before(text, m.start()) else { continue };
        let preposition = preposition.to_ascii_lowercase();
        if !PREPOSITIONS.contains(&preposition.as_str()) {
            continue;
        }
        let next_word = text[m.end()..].trim_start_matches(['.', ' ']);
        let given_name = matches!(m.as_str(), "April" | "May" | "June" | "August");
        if given_name && text[m.end()..].starts_with(' ') && next_word.starts_with(char::is_uppercase) {
            continue;
        }
        if m.as_str() == "May"
            && !matches!(preposition.as_str(), "in" | "since" | "until" | "till" | "during")
        {
            continue;
        }
        bare.push(Found {
            start: m.start(),
            end: m.end(),
            period: None,
            precision: DatePrecision::Month,
            bare: Some((mo, None, None)),
        });
    }
    for c in captures_if(has(anchors, SEASONS | DIGITS), &SEASON, text) {
        let m = c.get(0).expect("group 0");
        let p = (|| {
            let y = year(&c[2])?;
            match c[1].to_lowercase().as_str() {
                "spring" => Some((Date::new(y, 3, 1).ok()?, Date::new(y, 5, 31).ok()?)),
                "summer" => Some((Date::new(y, 6, 1).ok()?, Date::new(y, 8, 31).ok()?)),
                "winter" => Some((Date::new(y, 12, 1).ok()?, Date::new(y + 1, 3, 1).ok()?.yesterday().ok()?)),
                _ => Some((Date::new(y, 9, 1).ok()?, Date::new(y, 11, 30).ok()?)),
            }
        })();
        push(m.start(), m.end(), p, DatePrecision::Season);
    }
    for c in captures_if(has(anchors, PARTS | DIGITS), &PART_YEAR, text) {
        let m = c.get(0).expect("group 0");
        let p = (|| {
            let (a, b) = years(year(&c[2])?, year(&c[2])?)?;
            third(a, b, &c[1])
        })();
        push(m.start(), m.end(), p, DatePrecision::Season);
    }
    for c in captures_if(has(anchors, DIGITS | DECADE_S), &DECADE, text) {
        let m = c.get(0).expect("group 0");
        let decade: Option<i16> = match (c.get(1), c.get(2), c.get(3)) {
            (Some(cent), Some(d), _) => format!("{}{}0", cent.as_str(), d.as_str()).parse().ok(),
            (_, _, Some(d)) => {
                let d: i16 = d.as_str().parse().unwrap_or(0);
                Some(if d >= 3 { 1900 + d * 10 } else { 2000 + d * 10 })
            }
            _ => None,
        };
        let p = decade.and_then(|y| years(y, y + 9));
        push(m.start(), m.end(), p, DatePrecision::Decade);
    }
    for c in captures_if(has(anchors, TIES), &DECADE_WORD, text) {
        let word = c.get(1).expect("group 1");
        // The word is searched (a literal prefilter), then "the " before it.
        let Some(the) = word_before(text, word.start()).filter(|w| w.1.eq_ignore_ascii_case("the")) else {
            continue;
        };
        let m = the.0..word.end();
        let tens =
            ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"];
        let word = c[1].to_lowercase();
        let decade = tens.iter().position(|t| *t == word).map(|i| 1920 + 10 * i as i16);
        push(m.start, m.end, decade.and_then(|y| years(y, y + 9)), DatePrecision::Decade);
    }
    for c in captures_if(has(anchors, DIGITS | DASH), &YEAR_RANGE, text) {
        let m = c.get(0).expect("group 0");
        let a = year(&c[1]);
        let b = if c[2].len() == 2 {
            a.map(|a| a / 100 * 100 + c[2].parse::<i16>().unwrap_or(0))
        } else {
            year(&c[2])
        };
        if let (Some(a), Some(b)) = (a, b) {
            if b > a && b - a <= 100 && !is_citation(text, m.start(), m.end()) {
                push(m.start(), m.end(), years(a, b), DatePrecision::Year);
            }
        }
    }
    for c in captures_if(has(anchors, DIGITS), &YEAR, text) {
        let m = c.get(0).expect("group 0");
        // "between 1996 and 2001", "from 2012 to 2014": one date, from the
        // word before the first year (its years alone overlap it and drop).
        if let Some((start, word)) = word_before(text, m.start()) {
            let between = matches!(word, "between" | "Between");
            if between || matches!(word, "from" | "From") {
                if let Some(rest) = YEAR_SPAN_REST.captures(&text[m.end()..]) {
                    let fits = (&rest[1] == "and") == between;
                    if let (true, Some(a), Some(b)) = (fits, year(&c[1]), year(&rest[2])) {
                        if b > a && b - a <= 100 {
                            let end = m.end() + rest.get(0).map_or(0, |r| r.end());
                            push(start, end, years(a, b), DatePrecision::Year);
                        }
                    }
                }
            }
        }
        let next = text[m.end()..].chars().next();
        let in_number = next
            .is_some_and(|n| n == ',' && text[m.end() + 1..].starts_with(|d: char| d.is_ascii_digit()))
            || text[..m.start()].ends_with([',', '.', '$', '/', '-', '#'])
                && text[..m.start()].chars().rev().nth(1).is_some_and(|p| p.is_ascii_digit());
        // "post-2001", "pre-2001": the time after or before, as "post-9/11".
        let before = &text[..m.start()];
        let prefixed = ["pre-", "post-", "Pre-", "Post-"].iter().any(|p| before.ends_with(p));
        if in_number
            || prefixed
            || is_citation(text, m.start(), m.end())
            || is_not_a_date_number(text, m.start())
        {
            continue;
        }
        let y = year(&c[1]);
        push(m.start(), m.end(), y.and_then(|y| years(y, y)), DatePrecision::Year);
    }
    relative(text, ctx, anchors, &mut push);
    found.append(&mut bare);

    // Longest first at each start; no overlaps; unresolvable ones dropped.
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut out: Vec<DateExpr> = Vec::new();
    let mut taken_to = 0;
    for f in found {
        if f.start < taken_to {
            continue;
        }
        taken_to = f.end;
        let period = match &f.bare {
            Some((m, d, part)) => resolve_bare(*m, *d, part.as_deref(), ctx, state),
            None => f.period,
        };
        if let Some((first, last)) = period {
            // An explicit year (not 9/11, not a decade) sets the year.
            let written = &text[f.start..f.end];
            let explicit = f.bare.is_none()
                && written != "9/11"
                && written.chars().filter(char::is_ascii_digit).count() >= 4
                && !matches!(f.precision, DatePrecision::Decade | DatePrecision::Week);
            if explicit {
                state.paragraph = Some(last.year());
                state.document = Some(last.year());
            }
            out.push(DateExpr { start: f.start, end: f.end, first, last, precision: f.precision });
        }
    }
    offsets(text, anchors, &mut out);
    out
}

/// "last year", "next week", "two years ago", "on Monday": against the
/// publication date, when it is known precisely enough.
fn relative(
    text: &str,
    ctx: &DateContext,
    anchors: u16,
    push: &mut dyn FnMut(usize, usize, Option<(Date, Date)>, DatePrecision),
) {
    let Some((pubdate, pubprec)) = ctx.published else { return };
    for c in captures_if(has(anchors, UNITS | RELATIVE_WORDS), &RELATIVE, text) {
        let m = c.get(0).expect("group 0");
        let (period, precision) = if let (Some(which), Some(unit)) = (c.get(1), c.get(2)) {
            let step: i64 = match which.as_str().to_lowercase().as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            match unit.as_str().to_lowercase().as_str() {
                "year" => (
                    pubdate.checked_add(step.years()).ok().and_then(|d| years(d.year(), d.year())),
                    DatePrecision::Year,
                ),
                "month" if pubprec <= DatePrecision::Month => {
                    let d = pubdate.first_of_month().checked_add(step.months()).ok();
                    (d.and_then(|d| month(d.year(), d.month())), DatePrecision::Month)
                }
                "week" if pubprec == DatePrecision::Day => {
                    (pubdate.checked_add((7 * step).days()).ok().and_then(week_of), DatePrecision::Week)
                }
                _ => continue,
            }
        } else if c.get(3).is_some() {
            if pubprec != DatePrecision::Day {
                continue;
            }
            (pubdate.yesterday().ok().map(|d| (d, d)), DatePrecision::Day)
        } else {
            let (Some(n), Some(unit)) = (c.get(4).and_then(|n| number(n.as_str())), c.get(5)) else {
                continue;
            };
            let unit = unit.as_str().to_lowercase();
            if unit.starts_with("year") {
                let d = pubdate.checked_sub(n.years()).ok();
                (d.and_then(|d| years(d.year(), d.year())), DatePrecision::Year)
            } else if unit.starts_with("month") && pubprec <= DatePrecision::Month {
                let d = pubdate.checked_sub(n.months()).ok();
                (d.and_then(|d| month(d.year(), d.month())), DatePrecision::Month)
            } else {
                continue;
            }
        };
        push(m.start(), m.end(), period, precision);
    }
    // "this August", "last October", "next March": against the publication
    // month (not with a day or a year after it: "last August 2020").
    static RELATIVE_MONTH: LazyLock<Regex> =
        LazyLock::new(|| re(&format!(r"\b(?i:(last|this|next))\s+({MONTH})\b")));
    if pubprec <= DatePrecision::Month {
        for c in captures_if(has(anchors, MONTHS | RELATIVE_WORDS), &RELATIVE_MONTH, text) {
            let m = c.get(0).expect("group 0");
            if text[m.end()..].trim_start_matches([' ', ',', '.']).starts_with(|d: char| d.is_ascii_digit()) {
                continue;
            }
            let Some(mo) = month_number(&c[2]) else { continue };
            let y = pubdate.year();
            let y = match c[1].to_lowercase().as_str() {
                "last" if mo >= pubdate.month() => y - 1,
                "next" if mo <= pubdate.month() => y + 1,
                _ => y,
            };
            push(m.start(), m.end(), month(y, mo), DatePrecision::Month);
        }
    }
    if pubprec != DatePrecision::Day {
        return;
    }
    for c in captures_if(has(anchors, WEEKDAYS), &WEEKDAY, text) {
        let m = c.get(0).expect("group 0");
        let name = c.get(1).expect("group 1");
        let wd = match name.as_str() {
            "Monday" => Weekday::Monday,
            "Tuesday" => Weekday::Tuesday,
            "Wednesday" => Weekday::Wednesday,
            "Thursday" => Weekday::Thursday,
            "Friday" => Weekday::Friday,
            "Saturday" => Weekday::Saturday,
            _ => Weekday::Sunday,
        };
        // The most recent such day on or before publication (news style:
        // "released on Monday").
        let back = (i64::from(pubdate.weekday().to_monday_zero_offset())
            - i64::from(wd.to_monday_zero_offset()))
        .rem_euclid(7);
        let d = pubdate.checked_sub(back.days()).ok();
        let _ = m;
        push(name.start(), name.end(), d.map(|d| (d, d)), DatePrecision::Day);
    }
}

/// "two days after the strikes on 20 August 1998": shifts the date that
/// follows in the same text. Rewrites the found expressions in place.
fn offsets(text: &str, anchors: u16, out: &mut Vec<DateExpr>) {
    for c in captures_if(has(anchors, SEQUENCE | UNITS), &OFFSET, text) {
        let m = c.get(0).expect("group 0");
        let Some(n) = number(&c[1]) else { continue };
        let sign = if c[3].eq_ignore_ascii_case("before") { -1 } else { 1 };
        // The first full date after the phrase, within the same text.
        let Some(k) = out.iter().position(|d| d.start >= m.end() && d.precision == DatePrecision::Day) else {
            continue;
        };
        let base = out[k].first;
        let unit = c[2].to_lowercase();
        let shifted = if unit.starts_with("day") {
            base.checked_add((sign * n).days())
        } else if unit.starts_with("week") {
            base.checked_add((sign * n * 7).days())
        } else if unit.starts_with("month") {
            base.checked_add((sign * n).months())
        } else {
            base.checked_add((sign * n).years())
        };
        if let Ok(d) = shifted {
            out.push(DateExpr {
                start: m.start(),
                end: m.end(),
                first: d,
                last: d,
                precision: DatePrecision::Day,
            });
        }
    }
    out.sort_by_key(|d| d.start);
}

/// Whether a document writes dates day first ("2 December 2020") more
/// often than month first ("December 2, 2020").
pub fn writes_day_first(text: &str) -> bool {
    DAY_MONTH_YEAR.find_iter(text).count() > MONTH_DAY_YEAR.find_iter(text).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_words_prefilter_changes_nothing() {
        let texts = [
            "In mid-March 2020 and late 2021, last year, two weeks ago, on Monday, three days later.",
            "Early spring of 1999, then the 1990s; yesterday; 4 months before the 12 JUNE 2020 raid.",
            "No anchors: 2019, 2020–2021, 9/11, 2021-02-03, 12/02/2021.",
            "Kelvin: two wee\u{212a}s ago, in \u{17f}pring 2011 and \u{17f}ummer of 2012.",
            "Ünïcödé: on Tuesday 3 Feb. 2021, late-May 2019, a month after, WINTER 2020.",
            "Other digits: \u{661}\u{662} March \u{662}\u{660}\u{662}\u{660} and March \u{661}\u{662} 2020.",
            "Only other digits (an ASCII `\\b` needs a letter after them): late March \u{662}\u{660}\u{662}\u{660}th, \u{661}\u{662} March \u{662}\u{660}\u{662}\u{660}, \u{661}\u{662}/\u{660}\u{662}/\u{662}\u{660}\u{662}\u{661}.",
            "No digits: in March, late August, last year, on Monday, two weeks later, in the spring.",
            "No dash, slash or decade: 2019 and 2021, 3 March 2020, 12 June, in the 90 days.",
            "Dashes alone: 2019 - 2021, 2019–21, 2021-02-03, 1990s.",
            "Lower case: 3 march 2020, on june 5, 2021, in mid-april, 3 mar. 2020; may 2019, MARCH 4, 2020, 4 JUNE.",
            "Sequences: two days after 3 March 2020, a year later, after 2019, 5 weeks before June 1, 2021.",
            "Relative: this week, LAST YEAR, next month, yesterday, 3 days ago; a day, a year, the last word.",
            "Units without relative words: for a year, in 30 days, every week, a month-long siege.",
            "Only ago: two years ago, 3 days ago.",
            "Only yesterday: the talks of yesterday.",
            "Decade words: the Nineties, THE EIGHTIES, the sixties, in the Twenties, the parties.",
            "Named: this August, LAST MARCH, next may, last August 2020.",
            "",
        ];
        let mut pubday = ctx();
        pubday.day_first = true;
        for t in texts {
            for c in [ctx(), pubday, DateContext::default()] {
                let (mut a, mut b) = (YearState::default(), YearState::default());
                assert_eq!(find_dates(t, &c, &mut a), find_dates_with(t, &c, &mut b, u16::MAX), "{t}");
            }
        }
        assert_eq!(anchors("No anchors: 2019."), DIGITS);
        assert_eq!(anchors("No anchors, no digits."), 0);
        assert_eq!(anchors("a summary of the market may decide"), 0);
        assert_eq!(anchors("Mar. MAY Decision"), MONTHS);
        assert_eq!(anchors("Arabic-Indic \u{661}\u{669}\u{669}\u{668}"), DIGITS | DASH);
        assert_eq!(anchors("9/11 and the 1990s–2000s"), DIGITS | SLASH | DASH | DECADE_S);
        assert_eq!(anchors("a wee\u{212a} ago"), u16::MAX);
    }

    #[test]
    fn number_words_are_read_from_the_last_characters_as_from_the_whole_text() {
        let whole = |text: &str, start: usize| {
            let before = text[..start].trim_end().to_lowercase();
            NUMBER_WORDS.iter().any(|w| before.ends_with(w))
        };
        assert!(NUMBER_WORDS.iter().all(|w| w.is_ascii() && w.len() <= 10));
        // Characters that lower to more or fewer bytes, or to ASCII.
        let pieces = [
            "Resolution",
            "RESOLUTION ",
            "No.",
            "pp.",
            "p. ",
            "İ",
            "Σ",
            "\u{212a}",
            "é",
            "x",
            " ",
            "\n",
            "Report",
            "ΣΣ",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c} 1999");
                    let start = text.len() - 4;
                    assert_eq!(is_not_a_date_number(&text, start), whole(&text, start), "{text:?}");
                    n += usize::from(whole(&text, start));
                }
            }
        }
        assert!(n > 100, "{n}");
        assert!(is_not_a_date_number("UN Security Council Resolution 1267", 31));
        assert!(!is_not_a_date_number("In 1267", 3));
    }

    fn ctx() -> DateContext {
        DateContext { published: Some((jiff::civil::date(2020, 6, 1), DatePrecision::Day)), day_first: false }
    }

    /// (expression, first, last, precision) for every date found.
    fn read(text: &str, ctx: &DateContext) -> Vec<(String, String, String, &'static str)> {
        let mut years = YearState::default();
        find_dates(text, ctx, &mut years)
            .into_iter()
            .map(|d| {
                (
                    text[d.start..d.end].to_string(),
                    d.first.to_string(),
                    d.last.to_string(),
                    d.precision.as_str(),
                )
            })
            .collect()
    }

    fn one(text: &str, ctx: &DateContext) -> (String, String, String, &'static str) {
        let r = read(text, ctx);
        assert_eq!(r.len(), 1, "{text}: {r:?}");
        r[0].clone()
    }

    fn check(text: &str, expr: &str, first: &str, last: &str, precision: &str) {
        let (e, f, l, p) = one(text, &ctx());
        assert_eq!((e.as_str(), f.as_str(), l.as_str(), p), (expr, first, last, precision), "{text}");
    }

    #[test]
    fn full_dates() {
        check(
            "The deal was signed on 29 February 2020 in Doha.",
            "29 February 2020",
            "2020-02-29",
            "2020-02-29",
            "day",
        );
        check("It was signed Feb. 29, 2020, in Doha.", "Feb. 29, 2020", "2020-02-29", "2020-02-29", "day");
        check(
            "A meeting on September 18, 1996, took place.",
            "September 18, 1996",
            "1996-09-18",
            "1996-09-18",
            "day",
        );
        check("SEPTEMBER 21, 2021, 4:02 PM", "SEPTEMBER 21, 2021", "2021-09-21", "2021-09-21", "day");
        check("Logged 2021-03-04 by the clerk.", "2021-03-04", "2021-03-04", "2021-03-04", "day");
        check("The attacks of 9/11 changed it.", "9/11", "2001-09-11", "2001-09-11", "day");
    }

    #[test]
    fn numeric_dates_follow_the_document_convention() {
        let day_first = DateContext { day_first: true, ..ctx() };
        assert_eq!(one("Date: 12/02/2021", &day_first).1, "2021-02-12");
        assert_eq!(one("Date: 12/02/2021", &ctx()).1, "2021-12-02");
        // A first field over 12 can only be a day.
        assert_eq!(one("Date: 25/02/2021", &ctx()).1, "2021-02-25");
        assert!(writes_day_first("on 2 December 2020 and 3 March 2021, and on May 4, 2020"));
    }

    #[test]
    fn partial_dates() {
        check("He spoke on March 13 to reporters.", "March 13", "2020-03-13", "2020-03-13", "day");
        check("It began in September 2020.", "September 2020", "2020-09-01", "2020-09-30", "month");
        check("It was founded in 2014.", "2014", "2014-01-01", "2014-12-31", "year");
        check("By mid-2024 it had grown.", "mid-2024", "2024-05-01", "2024-08-31", "season");
        check("Plans for late 2022 were made.", "late 2022", "2022-09-01", "2022-12-31", "season");
        check("In early 2019 they met.", "early 2019", "2019-01-01", "2019-04-30", "season");
        check("In the spring of 2011 they met.", "spring of 2011", "2011-03-01", "2011-05-31", "season");
        check("Throughout the 1990s they pressed.", "1990s", "1990-01-01", "1999-12-31", "decade");
        check("During 2012–2013 they fought.", "2012–2013", "2012-01-01", "2013-12-31", "year");
        check("It left in late August 2021.", "late August 2021", "2021-08-21", "2021-08-31", "month");
        check("They met in mid-March.", "mid-March", "2020-03-11", "2020-03-20", "month");
        check("Since December 2021 it has grown.", "December 2021", "2021-12-01", "2021-12-31", "month");
        check(
            "Interview with Taliban commander, Kunar, 2 December 2020.",
            "2 December 2020",
            "2020-12-02",
            "2020-12-02",
            "day",
        );
    }

    #[test]
    fn a_bare_month_and_day_takes_the_paragraph_year_then_the_publication_year() {
        let c = ctx(); // published 2020-06-01
        let mut years = YearState::default();
        let d = find_dates("The war began in 1998. On 16 March the talks resumed.", &c, &mut years);
        assert_eq!(d[1].first.to_string(), "1998-03-16");
        // A new paragraph: the publication year, but never after publication.
        years.paragraph = None;
        let d = find_dates("On March 13 he spoke; on Dec. 6 a gunman attacked.", &c, &mut years);
        assert_eq!(
            (d[0].first.to_string(), d[1].first.to_string()),
            ("2020-03-13".into(), "2019-12-06".into())
        );
        // No publication date: the document's last year.
        let none = DateContext::default();
        let d = find_dates(
            "On 16 March the talks resumed.",
            &none,
            &mut YearState { paragraph: None, document: Some(2004) },
        );
        assert_eq!(d[0].first.to_string(), "2004-03-16");
        // 9/11 sets no year.
        let mut years = YearState::default();
        let d = find_dates("After 9/11, on March 13, they met.", &c, &mut years);
        assert_eq!(d[1].first.to_string(), "2020-03-13");
    }

    #[test]
    fn last_this_and_next_month_against_the_publication_month() {
        let sept = |precision| DateContext {
            published: Some((jiff::civil::date(2021, 9, 21), precision)),
            day_first: false,
        };
        let c = sept(DatePrecision::Day);
        let firsts = |text: &str, c: &DateContext| -> Vec<(String, String)> {
            read(text, c).into_iter().map(|d| (d.0, d.1)).collect()
        };
        assert_eq!(
            firsts("this August, last August, last October, last September, next March, next October", &c),
            [
                ("this August".to_string(), "2021-08-01".to_string()),
                ("last August".to_string(), "2021-08-01".to_string()),
                ("last October".to_string(), "2020-10-01".to_string()),
                ("last September".to_string(), "2020-09-01".to_string()),
                ("next March".to_string(), "2022-03-01".to_string()),
                ("next October".to_string(), "2021-10-01".to_string()),
            ]
        );
        // A month-precise publication date is enough; a year is not.
        assert_eq!(firsts("this August", &sept(DatePrecision::Month)).len(), 1);
        assert!(firsts("this August", &sept(DatePrecision::Year)).is_empty());
        // With a year or a day after it, the full date.
        assert_eq!(firsts("last August 2020", &c), [("August 2020".to_string(), "2020-08-01".to_string())]);
        assert_eq!(firsts("this May 5", &c)[0].0, "May 5");
    }

    #[test]
    fn decades_in_words() {
        check("In the Nineties the group grew.", "the Nineties", "1990-01-01", "1999-12-31", "decade");
        check("Since THE TWENTIES it has.", "THE TWENTIES", "1920-01-01", "1929-12-31", "decade");
        for text in ["temperatures in the nineties", "a man in his Sixties", "the parties"] {
            assert!(read(text, &ctx()).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_range_of_years_in_words_is_one_date() {
        check(
            "Between 1996 and 2001 the group ruled.",
            "Between 1996 and 2001",
            "1996-01-01",
            "2001-12-31",
            "year",
        );
        check(
            "It grew from 2012 to 2014 in the east.",
            "from 2012 to 2014",
            "2012-01-01",
            "2014-12-31",
            "year",
        );
        check(
            "It grew from 2012 until 2014 in the east.",
            "from 2012 until 2014",
            "2012-01-01",
            "2014-12-31",
            "year",
        );
        // Backwards or too long: the years one by one.
        let r: Vec<String> = read("between 2001 and 1996", &ctx()).into_iter().map(|d| d.0).collect();
        assert_eq!(r, ["2001", "1996"]);
        let r: Vec<String> = read("from 1850 to 2001", &ctx()).into_iter().map(|d| d.0).collect();
        assert_eq!(r, ["1850", "2001"]);
    }

    #[test]
    fn a_month_alone_after_a_preposition() {
        // Published 2020-06-01.
        assert_eq!(
            read(
                "In March the talks stalled; by August they had failed, and since May nothing moved.",
                &ctx()
            ),
            vec![
                ("March".to_string(), "2020-03-01".to_string(), "2020-03-31".to_string(), "month"),
                ("May".to_string(), "2020-05-01".to_string(), "2020-05-31".to_string(), "month"),
            ],
            "August would begin after publication: last year's or a coming one, left out"
        );
        let mut years = YearState::default();
        let d = find_dates("The war began in 1998. In November the embassy closed.", &ctx(), &mut years);
        assert_eq!(
            (d[1].first.to_string(), d[1].last.to_string()),
            ("1998-11-01".into(), "1998-11-30".into())
        );
        assert_eq!(one("In March Kabul fell.", &ctx()).0, "March");
        // A year or a day with it: the full expression, once.
        assert_eq!(one("In March 2019 they met.", &ctx()).0, "March 2019");
        assert_eq!(one("By 13 March they met.", &ctx()).0, "13 March");
        assert_eq!(one("until March 13 they met.", &ctx()).0, "March 13");
        assert_eq!(one("in mid-March they met.", &ctx()).0, "mid-March");
        // Not a month: names, words, no preposition.
        for text in [
            "a speech by May in Parliament",
            "in June Carter's song",
            "after May said so",
            "They march in may and in march.",
            "March is cold.",
            "in Marseille",
        ] {
            assert!(read(text, &ctx()).is_empty(), "{text}");
        }
        // Published "2023": September may be before or after it.
        let year_only = DateContext {
            published: Some((jiff::civil::date(2023, 1, 1), DatePrecision::Year)),
            day_first: false,
        };
        assert!(read("in September they met.", &year_only).is_empty());
    }

    #[test]
    fn a_bare_month_and_day_that_could_fall_either_side_of_publication_is_left_out() {
        let dates = |text: &str, published: (Date, DatePrecision)| -> Vec<String> {
            let c = DateContext { published: Some(published), day_first: false };
            find_dates(text, &c, &mut YearState::default()).iter().map(|d| d.first.to_string()).collect()
        };
        // Published on a day: after it goes back a year.
        let day = (jiff::civil::date(2021, 9, 21), DatePrecision::Day);
        assert_eq!(dates("On September 21 and on September 22 they met.", day), ["2021-09-21", "2020-09-22"]);
        // Published "2021-09": August is before it, October after it, and
        // 20 September either side.
        let sept = (jiff::civil::date(2021, 9, 1), DatePrecision::Month);
        assert_eq!(
            dates("On August 31, on September 1, on September 20 and on October 1 they met.", sept),
            ["2021-08-31", "2021-09-01", "2020-10-01"]
        );
        // Published "2023": only 1 January is sure to be on or before it.
        let year = (jiff::civil::date(2023, 1, 1), DatePrecision::Year);
        assert_eq!(dates("On January 1, on March 16 and on December 31 they met.", year), ["2023-01-01"]);
        // A year in the paragraph decides.
        assert_eq!(dates("In 2022, on March 16, they met.", year), ["2022-01-01", "2022-03-16"]);
        // Months alone: only one that begins on or before the earliest day.
        assert_eq!(dates("in January, in February, in September", year), ["2023-01-01"]);
        assert_eq!(dates("in August, in September, in October", sept), ["2021-08-01", "2021-09-01"]);
        assert_eq!(
            latest_publication(jiff::civil::date(2020, 1, 1), DatePrecision::Decade),
            Some(jiff::civil::date(2029, 12, 31))
        );
        assert_eq!(
            latest_publication(jiff::civil::date(2020, 12, 1), DatePrecision::Season),
            Some(jiff::civil::date(2021, 12, 31))
        );
    }

    #[test]
    fn relative_dates_need_a_publication_date() {
        check("The report released on Monday shows it.", "Monday", "2020-06-01", "2020-06-01", "day");
        check("according to the report released Friday", "Friday", "2020-05-29", "2020-05-29", "day");
        check("He said last year that it failed.", "last year", "2019-01-01", "2019-12-31", "year");
        check("It happened last week.", "last week", "2020-05-25", "2020-05-31", "week");
        check("It happened last month.", "last month", "2020-05-01", "2020-05-31", "month");
        check("It happened two years ago.", "two years ago", "2018-01-01", "2018-12-31", "year");
        let none = DateContext { published: None, day_first: false };
        assert!(read("He said last year that the report released on Monday was wrong.", &none).is_empty());
        // A year-precise publication date resolves "last year" but not "Monday".
        let year_only = DateContext {
            published: Some((jiff::civil::date(2023, 1, 1), DatePrecision::Year)),
            day_first: false,
        };
        assert_eq!(read("last year and on Monday", &year_only).len(), 1);
    }

    #[test]
    fn an_offset_from_a_date_in_the_same_sentence() {
        let r = read("Two days after the strikes on 20 August 1998, a call was arranged.", &ctx());
        assert_eq!(
            r[0],
            ("Two days after".to_string(), "1998-08-22".to_string(), "1998-08-22".to_string(), "day")
        );
    }

    #[test]
    fn numbers_that_are_not_dates() {
        let cases = [
            "The group killed nearly 3,000 people.",
            "A force of 8,600 troops and 2,000 fighters remained.",
            "It counted 643 deaths and 400 to 600 operatives.",
            "Under Resolution 1988 the committee listed them.",
            "See page 2019 of the file, and No. 2020 in the list.",
            "The meeting started at 4:02 PM and ended at 10:30.",
            // (Capitalised after "in", "May" is the month: see
            // `a_month_alone_after_a_preposition`.)
            "They may march if they must, and May they did.",
            "the post-2001 order and the pre-2001 regime; Post-2001 politics",
            "as argued elsewhere (Bacon, 2018; Mir, 2020) and by Zelin (2020) and Bacon (2018a; 2018b)",
        ];
        for t in cases {
            assert!(read(t, &ctx()).is_empty(), "{t}: {:?}", read(t, &ctx()));
        }
    }
}

//! Named periods that are not a calendar date written out: quarters ("the
//! third quarter of 1989", "third-quarter"), seasons against the
//! publication date ("last summer"), centuries ("the 20th century"),
//! fiscal years, the beginning, middle and end of a period ("by the end
//! of the year", "early this year", "late last July"), a month with "this
//! year"/"last year", and "today", "tomorrow", "tonight". Hooked into
//! [`super`]: each reading is a candidate like the others there,
//! the longest at a position winning.

use std::sync::LazyLock;

use jiff::civil::Date;
use jiff::ToSpan;
use regex::Regex;

use super::calendar::{month, third, years};
use super::patterns::{month_number, MONTH};
use super::relative::relative_month;
use super::tense::{tense_around, Tense};
use super::{DateContext, DatePrecision};
use crate::lexicon::re;

/// A period found here: its bytes, dates and precision; `bare` is a month
/// (with an early/mid/late part) whose year is still to be resolved.
pub(crate) struct Candidate {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) period: Option<(Date, Date)>,
    pub(crate) precision: DatePrecision,
    pub(crate) bare: Option<(i8, Option<i8>, Option<String>)>,
}

const QUARTER_WORD: &str = r"(first|second|third|fourth|1st|2nd|3rd|4th)";

fn quarter_number(word: &str) -> Option<i8> {
    match word.to_ascii_lowercase().as_str() {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" => Some(4),
        _ => None,
    }
}

/// The quarter `q` (1–4) of year `y`: three months.
pub(crate) fn quarter(y: i16, q: i8) -> Option<(Date, Date)> {
    let first = Date::new(y, (q - 1) * 3 + 1, 1).ok()?;
    Some((first, Date::new(y, q * 3, 1).ok()?.last_of_month()))
}

/// The season `name` that begins in year `y` (winter runs into the next).
fn season(y: i16, name: &str) -> Option<(Date, Date)> {
    let (a, b) = match name.to_ascii_lowercase().as_str() {
        "spring" => (3, 5),
        "summer" => (6, 8),
        "autumn" | "fall" => (9, 11),
        _ => {
            let first = Date::new(y, 12, 1).ok()?;
            return Some((first, Date::new(y.checked_add(1)?, 3, 1).ok()?.yesterday().ok()?));
        }
    };
    Some((Date::new(y, a, 1).ok()?, Date::new(y, b, 1).ok()?.last_of_month()))
}

/// "last summer" (the latest one over before the publication month),
/// "this summer" (the one of the publication year; in January, this
/// winter began last December), "next summer" (the first one after).
fn relative_season(which: &str, name: &str, published: Date) -> Option<(Date, Date)> {
    let y = published.year();
    let month_start = published.first_of_month();
    match which {
        "this" => {
            let winter_of_last_year = name.eq_ignore_ascii_case("winter") && published.month() <= 2;
            season(if winter_of_last_year { y - 1 } else { y }, name)
        }
        // "well into the summer": the latest one begun by publication.
        "the" => (y - 1..=y).rev().filter_map(|y| season(y, name)).find(|(first, _)| *first <= published),
        // "will end in the spring": the first one not over.
        "the coming" => (y - 1..=y + 1).filter_map(|y| season(y, name)).find(|(_, last)| *last >= published),
        "next" | "coming" => {
            (y - 1..=y + 1).filter_map(|y| season(y, name)).find(|(first, _)| *first > published)
        }
        _ => (y - 2..=y).rev().filter_map(|y| season(y, name)).find(|(_, last)| *last < month_start),
    }
}

/// The ordinal centuries in words.
static CENTURY_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::words::list("century_words"));

/// The century a hundred years start: "the 20th century" is 1900–1999
/// (as TimeML writes it, "19"), not 1901–2000.
fn century(n: i16) -> Option<(Date, Date)> {
    let first = (n - 1).checked_mul(100)?;
    years(first.max(1), first.checked_add(99)?)
}

/// The part ("early", "mid", "late") a word names.
fn part(word: &str) -> &'static str {
    match word.to_ascii_lowercase().as_str() {
        "beginning" | "start" | "early" => "early",
        "middle" | "mid" => "mid",
        _ => "late",
    }
}

/// The year or month "this", "last", "next" (or "the") names against
/// the publication date, with its precision.
fn relative_unit(which: &str, unit: &str, ctx: &DateContext) -> Option<((Date, Date), DatePrecision)> {
    let (published, precision) = ctx.published?;
    let step: i64 = match which.to_ascii_lowercase().as_str() {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    if unit.eq_ignore_ascii_case("year") {
        let y = published.checked_add(step.years()).ok()?.year();
        return Some((years(y, y)?, DatePrecision::Year));
    }
    if precision > DatePrecision::Month {
        return None;
    }
    let d = published.first_of_month().checked_add(step.months()).ok()?;
    Some((month(d.year(), d.month())?, DatePrecision::Month))
}

static QUARTER_OF_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:the\s+)?{QUARTER_WORD}[- ](?:fiscal[- ])?quarter\s+of\s+(?:fiscal\s+)?(\d{{4}})\b"
    ))
});
static YEAR_QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"(?i)\b(?:the\s+)?(?:fiscal\s+)?(\d{{4}})\s+(?:fiscal\s+)?{QUARTER_WORD}[- ]quarter\b"))
});
static RELATIVE_YEAR_QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"(?i)\b(this|last|next)\s+year(?:['’]s)?\s+(?:fiscal\s+)?{QUARTER_WORD}[- ]quarter\b"))
});
static BARE_QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:the\s+)?(?:(?:comparable\s+)?(year[- ](?:ago|earlier))\s+)?(?:fiscal[- ])?{QUARTER_WORD}[- ](?:fiscal[- ])?quarter\b"
    ))
});
static NAMED_QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:the\s+(latest|most\s+recent|past|current)|(this))\s+(?:fiscal\s+)?quarter\b")
});
static RELATIVE_SEASON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(last|this\s+past|this\s+coming|this|next|the(?:\s+(?:early|late))?)\s+(spring|summer|autumn|fall|winter)\b",
    )
});
static CENTURY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\bthe\s+(?:(\d{{1,2}})(?:st|nd|rd|th)|({}))[- ]century\b|\b(this|last|next)\s+century\b",
        CENTURY_WORDS.join("|")
    ))
});
static FISCAL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\bfiscal(?:\s+year)?\s+(\d{4})\b|\b(this|last|next|the\s+current)\s+fiscal\s+year\b")
});
static PART_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:the\s+)?(beginning|start|middle|end)\s+of\s+(?:(this|last|next|the)\s+(year|month)\b|(\d{{4}})\b|(?-i:({MONTH}))(?:\s+(\d{{4}}))?\b)"
    ))
});
static PART_RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(early|mid|late|earlier|later)[- ](this|last|next)\s+(?:(year|month)\b|(?-i:({MONTH}))\b)"
    ))
});
static MONTH_OF_RELATIVE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b({MONTH})\.?(?:\s+(\d{{1,2}}))?,?\s+(?i:(this|last|next))\s+year\b")));
static NOW_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(today|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b")
});

/// Whether the text before `at` ends a sentence (or is empty): a
/// capitalised "Today" there is the word, elsewhere a name ("USA Today").
fn at_sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '"', '“', '‘', '\'', '(', '`']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';', '\n'])
}

/// Every named period of `text` (see the module doc). `quarters`,
/// `seasons`, `centuries`, `parts` and `now` say whether the text has
/// the words each family needs (the anchor prefilter of [`super`]).
pub(crate) fn named_periods(text: &str, ctx: &DateContext, gates: Gates) -> Vec<Candidate> {
    let mut out = Vec::new();
    let published = ctx.published;
    let month_known = published.filter(|p| p.1 <= DatePrecision::Month).map(|p| p.0);
    if gates.quarters {
        quarters_with_year(text, published, &mut out);
        if let Some(p) = month_known {
            quarters_without_year(text, p, &mut out);
        }
    }
    if let (true, Some(p)) = (gates.seasons, month_known) {
        relative_seasons(text, p, &mut out);
    }
    if gates.centuries {
        centuries(text, published, &mut out);
    }
    if gates.units_or_digits && gates.fiscal {
        fiscal_years(text, ctx, &mut out);
    }
    if (gates.units_or_digits || gates.months) && gates.part_nouns {
        parts_of(text, ctx, &mut out);
    }
    if gates.relative {
        parts_of_relative(text, ctx, month_known, &mut out);
        if let Some((p, _)) = published {
            months_of_relative_years(text, p, &mut out);
        }
    }
    if let (true, Some((p, DatePrecision::Day))) = (gates.now, published) {
        now_words(text, p, &mut out);
    }
    // The months without a year last (a stable sort keeps the order).
    out.sort_by_key(|c| c.bare.is_some());
    out
}

/// A candidate with its period.
fn push(
    out: &mut Vec<Candidate>,
    start: usize,
    end: usize,
    period: Option<(Date, Date)>,
    precision: DatePrecision,
) {
    out.push(Candidate { start, end, period, precision, bare: None });
}

/// "the third quarter of 1989", "the 1989 third quarter", "last year's
/// third quarter".
fn quarters_with_year(text: &str, published: Option<(Date, DatePrecision)>, out: &mut Vec<Candidate>) {
    for c in QUARTER_OF_YEAR.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let p = (|| quarter(c[2].parse().ok()?, quarter_number(&c[1])?))();
        push(out, m.start(), m.end(), p, DatePrecision::Season);
    }
    for c in YEAR_QUARTER.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let p = (|| quarter(c[1].parse().ok()?, quarter_number(&c[2])?))();
        push(out, m.start(), m.end(), p, DatePrecision::Season);
    }
    if let Some(p) = published {
        for c in RELATIVE_YEAR_QUARTER.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            let step = match c[1].to_ascii_lowercase().as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let q = (|| quarter(p.0.year().checked_add(step)?, quarter_number(&c[2])?))();
            push(out, m.start(), m.end(), q, DatePrecision::Season);
        }
    }
}

/// A quarter without a year, against the publication month `p`.
fn quarters_without_year(text: &str, p: Date, out: &mut Vec<Candidate>) {
    // A quarter without a year: the latest one begun by
    // publication, unless the clause looks ahead ("will open in
    // the fourth quarter" in March); "the year-ago third quarter"
    // is the year before's.
    for c in BARE_QUARTER.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let Some(q) = quarter_number(&c[2]) else { continue };
        let y = if c.get(1).is_some() { p.year() - 1 } else { p.year() };
        let resolved = match quarter(y, q) {
            Some((first, _)) if first > p && tense_around(text, m.start(), m.end()) != Tense::Future => {
                quarter(y - 1, q)
            }
            other => other,
        };
        push(out, m.start(), m.end(), resolved, DatePrecision::Season);
    }
    for c in NAMED_QUARTER.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        // "the latest quarter" is the last one over; "the current
        // quarter", "this quarter" the publication's.
        let current = c.get(2).is_some() || c.get(1).is_some_and(|w| w.as_str() == "current");
        if text[m.end()..].trim_start().starts_with("of") {
            continue;
        }
        let q_now = (p.month() - 1) / 3 + 1;
        let q = if current {
            quarter(p.year(), q_now)
        } else if q_now == 1 {
            quarter(p.year() - 1, 4)
        } else {
            quarter(p.year(), q_now - 1)
        };
        push(out, m.start(), m.end(), q, DatePrecision::Season);
    }
}

/// "last summer", "this spring", against the publication month `p`.
fn relative_seasons(text: &str, p: Date, out: &mut Vec<Candidate>) {
    for c in RELATIVE_SEASON.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let which = c[1].to_ascii_lowercase();
        let the = which.starts_with("the");
        let which = which.split_whitespace().last().unwrap_or("");
        let which = if which == "past" { "last" } else { which };
        // "the summer" in a future clause is the next one.
        let future = the && tense_around(text, m.start(), m.end()) == Tense::Future;
        let which = match (the, future) {
            (true, true) => "the coming",
            (true, false) => "the",
            _ => which,
        };
        // "the spring of 2011" is read with its year.
        let rest = text[m.end()..].trim_start();
        if the && (rest.starts_with("of ") || rest.starts_with(|c: char| c.is_ascii_digit())) {
            continue;
        }
        push(out, m.start(), m.end(), relative_season(which, &c[2], p), DatePrecision::Season);
    }
}

/// "the 20th century", "the nineteenth century", "last century".
fn centuries(text: &str, published: Option<(Date, DatePrecision)>, out: &mut Vec<Candidate>) {
    for c in CENTURY.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let n: Option<i16> = if let Some(n) = c.get(1) {
            n.as_str().parse().ok()
        } else if let Some(w) = c.get(2) {
            let w = w.as_str().to_ascii_lowercase();
            CENTURY_WORDS.iter().position(|x| *x == w).map(|i| i as i16 + 1)
        } else {
            let Some((p, _)) = published else { continue };
            let step = match c[3].to_ascii_lowercase().as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            Some(p.year() / 100 + 1 + step)
        };
        let n = n.filter(|n| (1..=30).contains(n));
        push(out, m.start(), m.end(), n.and_then(century), DatePrecision::Century);
    }
}

/// "fiscal 2012", "the last fiscal year".
fn fiscal_years(text: &str, ctx: &DateContext, out: &mut Vec<Candidate>) {
    for c in FISCAL.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        if let Some(y) = c.get(1) {
            let y: Option<i16> = y.as_str().parse().ok().filter(|y| (1000..=2999).contains(y));
            push(out, m.start(), m.end(), y.and_then(|y| years(y, y)), DatePrecision::Year);
        } else if let Some(which) = c.get(2) {
            let which = which.as_str().split_whitespace().last().unwrap_or("");
            let r = relative_unit(which, "year", ctx);
            push(out, m.start(), m.end(), r.map(|r| r.0), DatePrecision::Year);
        }
    }
}

/// "the end of last month", "the beginning of 2012", "the middle of
/// March (2011)".
fn parts_of(text: &str, ctx: &DateContext, out: &mut Vec<Candidate>) {
    for c in PART_OF.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let part = part(&c[1]);
        if let (Some(which), Some(unit)) = (c.get(2), c.get(3)) {
            let Some(((a, b), precision)) = relative_unit(which.as_str(), unit.as_str(), ctx) else {
                continue;
            };
            let precision = if precision == DatePrecision::Year { DatePrecision::Season } else { precision };
            push(out, m.start(), m.end(), third(a, b, part), precision);
        } else if let Some(y) = c.get(4) {
            let p = (|| {
                let y = y.as_str().parse().ok()?;
                let (a, b) = years(y, y)?;
                third(a, b, part)
            })();
            push(out, m.start(), m.end(), p, DatePrecision::Season);
        } else if let Some(name) = c.get(5) {
            let Some(mo) = month_number(name.as_str()) else { continue };
            if let Some(y) = c.get(6) {
                let p = (|| {
                    let (a, b) = month(y.as_str().parse().ok()?, mo)?;
                    third(a, b, part)
                })();
                push(out, m.start(), m.end(), p, DatePrecision::Month);
            } else {
                out.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    period: None,
                    precision: DatePrecision::Month,
                    bare: Some((mo, None, Some(part.to_string()))),
                });
            }
        }
    }
}

/// "earlier this year", "early this month", "late last October".
fn parts_of_relative(text: &str, ctx: &DateContext, month_known: Option<Date>, out: &mut Vec<Candidate>) {
    for c in PART_RELATIVE.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let word = c[1].to_ascii_lowercase();
        let which = c[2].to_ascii_lowercase();
        let (period, precision) = if let Some(unit) = c.get(3) {
            let Some(((a, b), precision)) = relative_unit(&which, unit.as_str(), ctx) else { continue };
            if word.starts_with("earlier") || word.starts_with("later") {
                // "earlier this year": the year, as "this year".
                (Some((a, b)), precision)
            } else {
                let precision =
                    if precision == DatePrecision::Year { DatePrecision::Season } else { precision };
                (third(a, b, part(&word)), precision)
            }
        } else {
            let Some(p) = month_known else { continue };
            let Some(mo) = c.get(4).and_then(|n| month_number(n.as_str())) else { continue };
            let whole = relative_month(&which, mo, p);
            let p = if word.starts_with("earlier") || word.starts_with("later") {
                whole
            } else {
                whole.and_then(|(a, b)| third(a, b, part(&word)))
            };
            (p, DatePrecision::Month)
        };
        push(out, m.start(), m.end(), period, precision);
    }
}

/// "July last year", "March 3 this year", against the publication year.
fn months_of_relative_years(text: &str, p: Date, out: &mut Vec<Candidate>) {
    for c in MONTH_OF_RELATIVE_YEAR.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let step = match c[3].to_ascii_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        let Some(mo) = month_number(&c[1]) else { continue };
        let y = p.year() + step;
        let (period, precision) = match c.get(2).and_then(|d| d.as_str().parse().ok()) {
            Some(d) => (Date::new(y, mo, d).ok().map(|d| (d, d)), DatePrecision::Day),
            None => (month(y, mo), DatePrecision::Month),
        };
        push(out, m.start(), m.end(), period, precision);
    }
}

/// "today", "tomorrow", "tonight", "this morning" against a publication
/// day `p`.
fn now_words(text: &str, p: Date, out: &mut Vec<Candidate>) {
    for c in NOW_WORDS.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let word = c[1].to_ascii_lowercase();
        let d = if word == "tomorrow" {
            p.tomorrow().ok()
        } else if word.starts_with("last") {
            p.yesterday().ok()
        } else if word == "today" {
            // "Today" inside a sentence is a name ("USA Today"), and
            // "today's" mostly means nowadays ("today's youth"). In any
            // tense "today" is the publication day, as TimeML dates it
            // ("Today the group is stronger"): 46 of the 47 "today" of
            // TimeBank + AQUAINT.
            let named = c[1].starts_with('T') && !at_sentence_start(text, m.start());
            let possessive = text[m.end()..].starts_with("'s") || text[m.end()..].starts_with("’s");
            (!named && !possessive).then_some(p)
        } else {
            Some(p)
        };
        if let Some(d) = d {
            push(out, m.start(), m.end(), Some((d, d)), DatePrecision::Day);
        }
    }
}

/// Which families of [`named_periods`] the text has the words for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Gates {
    /// "quarter".
    pub(crate) quarters: bool,
    /// A season and "last", "this" or "next".
    pub(crate) seasons: bool,
    /// "century".
    pub(crate) centuries: bool,
    /// A unit ("year", "month") or a digit: fiscal years, "the end of".
    pub(crate) units_or_digits: bool,
    /// "fiscal".
    pub(crate) fiscal: bool,
    /// "beginning", "start", "middle", "end": "the end of".
    pub(crate) part_nouns: bool,
    /// A month name: "the middle of October".
    pub(crate) months: bool,
    /// "last", "this" or "next".
    pub(crate) relative: bool,
    /// "today", "tomorrow", "tonight", "morning", "evening", "afternoon".
    pub(crate) now: bool,
}

impl Gates {
    /// Every family.
    #[cfg(test)]
    pub(crate) const ALL: Gates = Gates {
        quarters: true,
        seasons: true,
        centuries: true,
        units_or_digits: true,
        fiscal: true,
        part_nouns: true,
        months: true,
        relative: true,
        now: true,
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(y: i16, m: i8, d: i8) -> DateContext {
        DateContext { published: Some((jiff::civil::date(y, m, d), DatePrecision::Day)), day_first: false }
    }

    /// (text, first, last, precision) of each candidate.
    fn read(text: &str, ctx: &DateContext) -> Vec<(String, String, String, String)> {
        named_periods(text, ctx, Gates::ALL)
            .into_iter()
            .filter_map(|c| {
                let (a, b) = c.period?;
                Some((
                    text[c.start..c.end].to_string(),
                    a.to_string(),
                    b.to_string(),
                    format!("{:?}", c.precision).to_lowercase(),
                ))
            })
            .collect()
    }

    fn first(text: &str, ctx: &DateContext) -> (String, String, String, String) {
        let mut r = read(text, ctx);
        // The longest at the first position, as the date reader keeps.
        r.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        assert!(!r.is_empty(), "{text}");
        r[0].clone()
    }

    #[test]
    fn quarters() {
        let oct = ctx(1989, 10, 26);
        let cases = [
            (
                "Net rose in the third quarter of 1984.",
                "the third quarter of 1984",
                "1984-07-01",
                "1984-09-30",
            ),
            ("Sales in the 1988 second quarter fell.", "the 1988 second quarter", "1988-04-01", "1988-06-30"),
            ("Third-quarter profit rose 5%.", "Third-quarter", "1989-07-01", "1989-09-30"),
            ("The fourth quarter looks weak.", "The fourth quarter", "1989-10-01", "1989-12-31"),
            (
                "It expects a loss in next year's first quarter.",
                "next year's first quarter",
                "1990-01-01",
                "1990-03-31",
            ),
            ("Results for the latest quarter were flat.", "the latest quarter", "1989-07-01", "1989-09-30"),
            (
                "In the year-ago third quarter it lost.",
                "the year-ago third quarter",
                "1988-07-01",
                "1988-09-30",
            ),
            ("Sales this quarter are up.", "this quarter", "1989-10-01", "1989-12-31"),
        ];
        for (text, expr, a, b) in cases {
            assert_eq!(
                first(text, &oct),
                (expr.to_string(), a.to_string(), b.to_string(), "season".to_string()),
                "{text}"
            );
        }
        // Published in March: the fourth quarter was last year's, unless
        // the clause looks ahead.
        let march = ctx(1990, 3, 5);
        assert_eq!(first("Fourth-quarter net fell.", &march).1, "1989-10-01");
        assert_eq!(first("The plant will open in the fourth quarter.", &march).1, "1990-10-01");
        // Not a time: "the French Quarter", a quarter of the votes.
        assert!(read("the French Quarter and a quarter of the votes", &oct).is_empty());
    }

    #[test]
    fn seasons_against_the_publication_date() {
        let march = ctx(2010, 3, 15);
        let cases = [
            ("They met last summer.", "last summer", "2009-06-01", "2009-08-31"),
            ("They will meet this summer.", "this summer", "2010-06-01", "2010-08-31"),
            ("It snowed last winter.", "last winter", "2009-12-01", "2010-02-28"),
            ("It may end next spring.", "next spring", "2011-03-01", "2011-05-31"),
            ("It fell this past fall.", "this past fall", "2009-09-01", "2009-11-30"),
            // "the": the latest one begun, or the next in a future clause.
            ("It lasted well into the winter.", "the winter", "2009-12-01", "2010-02-28"),
            ("It rose from the early summer on.", "the early summer", "2009-06-01", "2009-08-31"),
            ("It will end in the spring.", "the spring", "2010-03-01", "2010-05-31"),
            ("It will end in the summer.", "the summer", "2010-06-01", "2010-08-31"),
            ("It will end in the winter.", "the winter", "2010-12-01", "2011-02-28"),
        ];
        for (text, expr, a, b) in cases {
            assert_eq!(
                first(text, &march),
                (expr.to_string(), a.to_string(), b.to_string(), "season".to_string()),
                "{text}"
            );
        }
        // Published in October: last summer is this year's.
        assert_eq!(first("They met last summer.", &ctx(2010, 10, 2)).1, "2010-06-01");
        // No publication date: nothing to count from.
        assert!(read("They met last summer.", &DateContext::default()).is_empty());
    }

    #[test]
    fn centuries() {
        let c = ctx(2013, 5, 1);
        for (text, expr, a) in [
            ("Wars of the 20th century", "the 20th century", "1900-01-01"),
            ("since the nineteenth century", "the nineteenth century", "1800-01-01"),
            ("by the end of this century", "this century", "2000-01-01"),
        ] {
            let r = read(text, &c);
            let hit = r.iter().find(|x| x.0 == expr).unwrap_or_else(|| panic!("{text}: {r:?}"));
            assert_eq!((hit.1.as_str(), hit.3.as_str()), (a, "century"), "{text}");
        }
        assert!(read("a 21st-century army", &c).is_empty());
    }

    #[test]
    fn fiscal_years_and_parts_of_periods() {
        let c = ctx(2010, 3, 15);
        let cases = [
            ("Profit for fiscal 1988 rose.", "fiscal 1988", "1988-01-01", "1988-12-31", "year"),
            ("Sales this fiscal year will rise.", "this fiscal year", "2010-01-01", "2010-12-31", "year"),
            (
                "It will close by the end of the year.",
                "the end of the year",
                "2010-09-01",
                "2010-12-31",
                "season",
            ),
            (
                "It closed at the end of last month.",
                "the end of last month",
                "2010-02-21",
                "2010-02-28",
                "month",
            ),
            (
                "It began at the beginning of 1999.",
                "the beginning of 1999",
                "1999-01-01",
                "1999-04-30",
                "season",
            ),
            ("It ended at the end of May 2008.", "the end of May 2008", "2008-05-21", "2008-05-31", "month"),
            ("It rose early this year.", "early this year", "2010-01-01", "2010-04-30", "season"),
            ("It rose earlier this year.", "earlier this year", "2010-01-01", "2010-12-31", "year"),
            ("It fell late last July.", "late last July", "2009-07-21", "2009-07-31", "month"),
            ("In January this year they met.", "January this year", "2010-01-01", "2010-01-31", "month"),
            ("In June last year they met.", "June last year", "2009-06-01", "2009-06-30", "month"),
        ];
        for (text, expr, a, b, p) in cases {
            assert_eq!(
                first(text, &c),
                (expr.to_string(), a.to_string(), b.to_string(), p.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn today_tomorrow_and_tonight() {
        let c = ctx(2000, 4, 3);
        assert_eq!(first("The jury will decide tomorrow.", &c).1, "2000-04-04");
        assert_eq!(first("He said today that he would go.", &c).1, "2000-04-03");
        assert_eq!(first("The vote will be held today.", &c).1, "2000-04-03");
        assert_eq!(first("Talks resume tonight.", &c).1, "2000-04-03");
        assert_eq!(first("CBS first reported last night that it was so.", &c).1, "2000-04-02");
        // A quotation opened with two backquotes, as wire copy writes it.
        assert_eq!(first("``Today, I'm here to tell you,'' he said.", &c).1, "2000-04-03");
        // The publication day in any tense; a name and a possessive
        // ("today's youth": nowadays) are no date.
        assert_eq!(first("Today the group is stronger than ever.", &c).1, "2000-04-03");
        assert!(read("He told USA Today it failed.", &c).is_empty());
        assert!(read("It rose in today's markets.", &c).is_empty());
        // A publication date known to the day is needed.
        let month = DateContext {
            published: Some((jiff::civil::date(2000, 4, 1), DatePrecision::Month)),
            day_first: false,
        };
        assert!(read("The jury will decide tomorrow.", &month).is_empty());
    }
}

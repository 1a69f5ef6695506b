//! Dates that point back at the last date the text named: "a year
//! earlier", "the year-ago quarter", "the quarter" (after "the third
//! quarter"), "the following month". They need that reference: with none
//! read yet, they are left out, never guessed.

use std::sync::LazyLock;

use jiff::civil::Date;
use jiff::ToSpan;
use regex::Regex;

use super::anchors::{
    captures_if, Anchors, EARLIER, PERIOD, QUARTER, RELATIVE_WORDS, SEQUENCE, STEPS, THAT, UNITS,
};
use super::DatePrecision;
use crate::lexicon::re;

/// What an anaphoric expression does to the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anaphor {
    /// The same period a year back: "a year earlier", "the year-ago
    /// period"; with `true`, the quarter of the reference a year back
    /// ("the year-ago quarter" after "the quarter ended Sept. 30").
    YearBefore(bool),
    /// The reference quarter itself: "the quarter", "that quarter" (only
    /// when the reference is a quarter).
    SameQuarter,
    /// The next (`1`) or previous (`-1`) year, month or day: "the
    /// following year", "the previous month", "the next day".
    Step(i8, DatePrecision),
    /// "a year ago": read against the publication date (the year before
    /// it), unless the document reports on a quarter: then the same
    /// quarter a year back ("net rose to $5 million from $4 million a
    /// year ago" in a third-quarter report is 1988-Q3).
    YearAgo,
    /// "that year", "later that year": the year of the reference.
    ThatYear,
    /// "the 1988 period", "the 1989 quarter": in a quarterly report the
    /// document's quarter in that year, else the year.
    QuarterOf(i16),
}

/// A found anaphoric expression: its bytes and what it does.
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) anaphor: Anaphor,
}

static YEAR_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\ba\s+year\s+(?:earlier|before)\b|\b(?:the\s+)?(?:comparable\s+)?year[- ](?:earlier|ago)(?:\s+(?:period|quarter))?\b",
    )
});
static SAME_QUARTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:[Tt]he|[Tt]hat)\s+(?:same\s+|latest\s+)?(?:quarter|period)\b"));
static QUARTER_OF: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b[Tt]he\s+((?:19|20)\d\d)\s+(?:period|quarter)\b"));
static THAT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?year\b"));
static STEP: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bthe\s+(following|next|previous|preceding)\s+(year|month|day)\b"));

/// Every anaphoric expression of `text`, whose anchor groups are
/// `anchors` (see [`super::anchors::anchors`]): a pattern whose words the
/// text lacks is not run.
pub(super) fn find_anaphors(text: &str, anchors: Anchors) -> Vec<Found> {
    let has = |g: Anchors| anchors & g == g;
    let any = |g: Anchors| anchors & g != 0;
    let run = |go: bool, re: &'static Regex| go.then(|| re.find_iter(text)).into_iter().flatten();
    let mut out = Vec::new();
    for m in run(has(UNITS) && any(SEQUENCE | RELATIVE_WORDS | EARLIER), &YEAR_BEFORE) {
        // "year-ago" inside a longer date ("the year-ago third quarter")
        // is read there; here it stands alone.
        let quarter = m.as_str().ends_with("quarter");
        out.push(Found { start: m.start(), end: m.end(), anaphor: Anaphor::YearBefore(quarter) });
    }
    let quarter_or_period = any(QUARTER | PERIOD);
    for m in run(quarter_or_period, &SAME_QUARTER) {
        // "the quarter of 1989", "the period from": more than an anaphor.
        let rest = text[m.end()..].trim_start();
        if rest.starts_with("of ")
            || rest.starts_with("from ")
            || rest.starts_with("ended")
            || rest.starts_with("ending")
        {
            continue;
        }
        out.push(Found { start: m.start(), end: m.end(), anaphor: Anaphor::SameQuarter });
    }
    for c in captures_if(quarter_or_period, &QUARTER_OF, text) {
        let (m, year) = (c.get(0).expect("group 0"), c[1].parse().ok());
        if let Some(y) = year {
            out.push(Found { start: m.start(), end: m.end(), anaphor: Anaphor::QuarterOf(y) });
        }
    }
    for m in run(has(THAT | UNITS), &THAT_YEAR) {
        out.push(Found { start: m.start(), end: m.end(), anaphor: Anaphor::ThatYear });
    }
    for c in captures_if(has(STEPS | UNITS), &STEP, text) {
        let m = c.get(0).expect("group 0");
        let step =
            if matches!(c[1].to_ascii_lowercase().as_str(), "previous" | "preceding") { -1 } else { 1 };
        let unit = match c[2].to_ascii_lowercase().as_str() {
            "year" => DatePrecision::Year,
            "month" => DatePrecision::Month,
            _ => DatePrecision::Day,
        };
        out.push(Found { start: m.start(), end: m.end(), anaphor: Anaphor::Step(step, unit) });
    }
    out
}

/// Whether a period is a calendar quarter.
pub(crate) fn is_quarter(first: Date, last: Date) -> bool {
    first.day() == 1
        && matches!(first.month(), 1 | 4 | 7 | 10)
        && first.checked_add(3.months()).ok().and_then(|d| d.yesterday().ok()) == Some(last)
}

/// The period `anaphor` names against `reference` (the last date read)
/// or, when the document has named a quarter, `quarter` (the last one
/// it named): in a quarterly report "a year earlier", "the year-ago
/// period" and "the quarter" are that quarter (a year back), whatever
/// date was read last.
pub(crate) fn resolve_in(
    anaphor: Anaphor,
    reference: Option<(Date, Date, DatePrecision)>,
    quarter: Option<(Date, Date)>,
) -> Option<(Date, Date, DatePrecision)> {
    match (anaphor, quarter) {
        (Anaphor::YearBefore(_) | Anaphor::YearAgo, Some((a, b))) => {
            resolve(Anaphor::YearBefore(true), (a, b, DatePrecision::Season))
        }
        (Anaphor::SameQuarter, Some((a, b))) => Some((a, b, DatePrecision::Season)),
        (Anaphor::QuarterOf(y), Some((a, _))) => {
            let a = Date::new(y, a.month(), 1).ok()?;
            Some((a, a.checked_add(3.months()).ok()?.yesterday().ok()?, DatePrecision::Season))
        }
        (Anaphor::QuarterOf(y), None) => {
            Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?, DatePrecision::Year))
        }
        (Anaphor::YearAgo, None) => None,
        _ => reference.and_then(|r| resolve(anaphor, r)),
    }
}

/// The period `anaphor` names against `reference` (the last date read).
pub(crate) fn resolve(
    anaphor: Anaphor,
    reference: (Date, Date, DatePrecision),
) -> Option<(Date, Date, DatePrecision)> {
    let (first, last, precision) = reference;
    match anaphor {
        Anaphor::YearAgo | Anaphor::QuarterOf(_) => resolve_in(anaphor, None, None),
        Anaphor::ThatYear => Some((
            Date::new(first.year(), 1, 1).ok()?,
            Date::new(first.year(), 12, 31).ok()?,
            DatePrecision::Year,
        )),
        Anaphor::YearBefore(true) => {
            let q = (first.month() - 1) / 3;
            let a = Date::new(first.year().checked_sub(1)?, q * 3 + 1, 1).ok()?;
            let b = a.checked_add(3.months()).ok()?.yesterday().ok()?;
            Some((a, b, DatePrecision::Season))
        }
        Anaphor::YearBefore(false) => {
            let a = first.checked_sub(1.year()).ok()?;
            // The last day of the same period a year back (29 February
            // maps to the 28th, a month keeps its own end).
            let b = match precision {
                DatePrecision::Day => a,
                DatePrecision::Month => a.last_of_month(),
                _ => last.checked_sub(1.year()).ok()?,
            };
            Some((a, b, precision))
        }
        Anaphor::SameQuarter => is_quarter(first, last).then_some((first, last, precision)),
        Anaphor::Step(step, unit) => {
            // At the reference's own precision ("the following month"
            // after "May 1998", not after "1998"), and a year after any
            // finer date ("the following year" after "May 22, 1995").
            if unit != precision && !(unit == DatePrecision::Year && precision < unit) {
                return None;
            }
            let n = i64::from(step);
            let a = match unit {
                DatePrecision::Year => Date::new(first.year().checked_add(i16::from(step))?, 1, 1).ok()?,
                DatePrecision::Month => first.checked_add(n.months()).ok()?,
                _ => first.checked_add(n.days()).ok()?,
            };
            let b = match unit {
                DatePrecision::Year => Date::new(a.year(), 12, 31).ok()?,
                DatePrecision::Month => a.last_of_month(),
                _ => a,
            };
            Some((a, b, unit))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn resolved(text: &str, reference: (Date, Date, DatePrecision)) -> Vec<(String, String, String)> {
        find_anaphors(text, super::super::anchors::anchors(text))
            .into_iter()
            .filter_map(|f| {
                let (a, b, _) = resolve(f.anaphor, reference)?;
                Some((text[f.start..f.end].to_string(), a.to_string(), b.to_string()))
            })
            .collect()
    }

    #[test]
    fn a_year_earlier_is_the_reference_a_year_back() {
        let q3 = (date(1989, 7, 1), date(1989, 9, 30), DatePrecision::Season);
        let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(
            resolved("up from $3 million a year earlier", q3),
            [s("a year earlier", "1988-07-01", "1988-09-30")]
        );
        assert_eq!(
            resolved("compared with the year-earlier quarter", q3),
            [s("the year-earlier quarter", "1988-07-01", "1988-09-30")]
        );
        assert_eq!(
            resolved("Sales in the quarter rose.", q3),
            [s("the quarter", "1989-07-01", "1989-09-30")]
        );
        let sept30 = (date(1989, 9, 30), date(1989, 9, 30), DatePrecision::Day);
        assert_eq!(
            resolved("in the year-ago quarter", sept30),
            [s("the year-ago quarter", "1988-07-01", "1988-09-30")]
        );
        let day = (date(2000, 2, 29), date(2000, 2, 29), DatePrecision::Day);
        assert_eq!(resolved("a year before", day), [s("a year before", "1999-02-28", "1999-02-28")]);
        let month = (date(1998, 5, 1), date(1998, 5, 31), DatePrecision::Month);
        assert_eq!(
            resolved("the following month", month),
            [s("the following month", "1998-06-01", "1998-06-30")]
        );
        assert_eq!(resolved("a year earlier", month), [s("a year earlier", "1997-05-01", "1997-05-31")]);
    }

    #[test]
    fn what_does_not_fit_the_reference_is_left_out() {
        let year = (date(1998, 1, 1), date(1998, 12, 31), DatePrecision::Year);
        // "the quarter" after a year is no quarter; "the following month"
        // after a year is not a month of it.
        assert!(resolved("Sales in the quarter rose.", year).is_empty());
        assert!(resolved("the following month", year).is_empty());
        // A year after a day is the next year.
        let day = (date(1995, 5, 22), date(1995, 5, 22), DatePrecision::Day);
        let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(
            resolved("the following year", day),
            [s("the following year", "1996-01-01", "1996-12-31")]
        );
        assert_eq!(resolved("later that year", day), [s("later that year", "1995-01-01", "1995-12-31")]);
        // A place, a quarter of something, a period with its own bounds.
        let q3 = (date(1989, 7, 1), date(1989, 9, 30), DatePrecision::Season);
        for text in [
            "the French Quarter",
            "a quarter of the votes",
            "the quarter ended Sept. 30",
            "the period from May",
        ] {
            assert!(resolved(text, q3).is_empty(), "{text}");
        }
    }
}

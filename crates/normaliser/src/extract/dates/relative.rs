//! Relative dates ("last year", "two days ago", "on Monday", "this
//! August") against the publication date, and offsets from a date in
//! the same text ("two days after").

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use regex::Regex;

use super::anchors::{captures_if, has, Anchors, MONTHS, RELATIVE_WORDS, SEQUENCE, UNITS, WEEKDAYS};
use super::calendar::{month, week_of, years};
use super::patterns::{month_number, number, MONTH, OFFSET, RELATIVE, WEEKDAY};
use super::tense::{tense_around, Tense};
use super::{Candidates, DateContext, DateExpr, DatePrecision};
use crate::lexicon::re;

impl Candidates<'_> {
    /// "last year", "next week", "two years ago", "this August", "on
    /// Monday": against the publication date, when it is known precisely
    /// enough.
    pub(super) fn relative(&mut self, ctx: &DateContext) {
        let Some((pubdate, pubprec)) = ctx.published else { return };
        self.relative_units(pubdate, pubprec);
        if pubprec <= DatePrecision::Month {
            self.relative_months(pubdate);
        }
        if pubprec == DatePrecision::Day {
            self.weekdays(pubdate);
        }
    }

    /// "last year", "next month", "this week", "yesterday", "two years
    /// ago".
    fn relative_units(&mut self, pubdate: Date, pubprec: DatePrecision) {
        for c in self.captures(UNITS | RELATIVE_WORDS, &RELATIVE) {
            let m = c.get(0).expect("group 0");
            let found = if let (Some(which), Some(unit)) = (c.get(1), c.get(2)) {
                this_or_next(which.as_str(), unit.as_str(), pubdate, pubprec)
            } else if c.get(3).is_some() {
                (pubprec == DatePrecision::Day)
                    .then(|| (pubdate.yesterday().ok().map(|d| (d, d)), DatePrecision::Day))
            } else {
                let (Some(n), Some(unit)) = (c.get(4).and_then(|n| number(n.as_str())), c.get(5)) else {
                    continue;
                };
                let found = ago(n, unit.as_str(), pubdate, pubprec);
                if n == 1 && unit.as_str().eq_ignore_ascii_case("year") {
                    self.push_year_ago(m.start(), m.end(), found.and_then(|f| f.0));
                    continue;
                }
                found
            };
            if let Some((period, precision)) = found {
                self.push_relative(m.start(), m.end(), period, precision);
            }
        }
    }

    /// "this August", "last October", "next March": against the
    /// publication month (not with a day or a year after it: "last August
    /// 2020").
    fn relative_months(&mut self, pubdate: Date) {
        static RELATIVE_MONTH: LazyLock<Regex> =
            LazyLock::new(|| re(&format!(r"\b(?i:(last|this|next))\s+({MONTH})\b")));
        let text = self.text;
        for c in self.captures(MONTHS | RELATIVE_WORDS, &RELATIVE_MONTH) {
            let m = c.get(0).expect("group 0");
            if text[m.end()..].trim_start_matches([' ', ',', '.']).starts_with(|d: char| d.is_ascii_digit()) {
                continue;
            }
            let Some(mo) = month_number(&c[2]) else { continue };
            self.push_relative(m.start(), m.end(), relative_month(&c[1], mo, pubdate), DatePrecision::Month);
        }
    }

    /// "on Monday": the most recent such day on or before publication
    /// (news style: "released on Monday"); "last Monday" is before it; in
    /// a future clause ("will meet on Monday"), "next Monday" and "this
    /// coming Monday", the first such day after it.
    fn weekdays(&mut self, pubdate: Date) {
        let text = self.text;
        for c in self.captures(WEEKDAYS, &WEEKDAY) {
            let m = c.get(0).expect("group 0");
            let name = c.get(2).expect("group 2");
            let which = c.get(1).map(|w| w.as_str().to_ascii_lowercase());
            let wd = match name.as_str() {
                "Monday" => Weekday::Monday,
                "Tuesday" => Weekday::Tuesday,
                "Wednesday" => Weekday::Wednesday,
                "Thursday" => Weekday::Thursday,
                "Friday" => Weekday::Friday,
                "Saturday" => Weekday::Saturday,
                _ => Weekday::Sunday,
            };
            let back = (i64::from(pubdate.weekday().to_monday_zero_offset())
                - i64::from(wd.to_monday_zero_offset()))
            .rem_euclid(7);
            let (future, strictly_before) = match which.as_deref() {
                Some("next" | "the following") => (true, false),
                Some("last" | "the previous") => (false, true),
                Some(w) if w.starts_with("this") => (true, false),
                // "until Tuesday", "as soon as Tuesday": ahead, in a past
                // clause too ("has given them until Tuesday"), unless the
                // clause begins with it and its verb is a past ("until
                // Thursday they had not called").
                _ => {
                    let tense = tense_around(text, m.start(), m.end());
                    let past = matches!(tense, Tense::Past | Tense::Perfect);
                    let ahead = ahead_of(text, name.start())
                        .is_some_and(|(w, opens)| !past || (w != "as soon as" && !opens));
                    (tense == Tense::Future || ahead, false)
                }
            };
            let d = if future {
                pubdate.checked_add((7 - back).days()).ok()
            } else if strictly_before && back == 0 {
                pubdate.checked_sub(7.days()).ok()
            } else {
                pubdate.checked_sub(back.days()).ok()
            };
            let start =
                if which.is_some() { c.get(1).map_or(name.start(), |w| w.start()) } else { name.start() };
            self.push_relative(start, m.end(), d.map(|d| (d, d)), DatePrecision::Day);
        }
    }
}

/// Whether the words before a weekday at `at` point ahead: "until",
/// "till", "as soon as", with a time of day between them or not ("until
/// 9 a.m. EST Tuesday").
/// The word found, and whether it opens its clause.
fn ahead_of(text: &str, at: usize) -> Option<(&'static str, bool)> {
    static CLOCK_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?i)\s(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?(?:\s+[ECMP][SD]T)?|noon|midnight)\s*$")
    });
    let before = text[..at].trim_end();
    // A time of day is short: search the last 24 bytes only.
    let tail =
        (before.len().saturating_sub(24)..before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(0);
    let before = CLOCK_BEFORE.find_at(before, tail).map_or(before, |m| &before[..m.start()]);
    let before = before.trim_end().to_ascii_lowercase();
    ["until", "till", "as soon as"].into_iter().find_map(|w| {
        let rest = before.strip_suffix(w)?;
        if rest.ends_with(|c: char| c.is_ascii_alphanumeric()) {
            return None;
        }
        // "up until Thursday, they had …" opens its clause; "it was not
        // until Tuesday that …" looks back as its clause does.
        let rest = rest.trim_end();
        let rest = rest.strip_suffix("up").filter(|r| !r.ends_with(char::is_alphanumeric)).unwrap_or(rest);
        let not = rest.strip_suffix("not").is_some_and(|r| !r.ends_with(char::is_alphanumeric));
        let opens = not
            || rest.trim_end().is_empty()
            || rest.trim_end().ends_with([',', '.', ';', ':', '"', '(', '`']);
        Some((w, opens))
    })
}

/// "last October", "this August", "next March" against the publication
/// date `published` (`which` is "last", "this" or "next"): "last
/// October" in September 2021 is October 2020.
pub(super) fn relative_month(which: &str, mo: i8, published: Date) -> Option<(Date, Date)> {
    let y = published.year();
    let y = match which.to_lowercase().as_str() {
        "last" if mo >= published.month() => y - 1,
        "next" if mo <= published.month() => y + 1,
        _ => y,
    };
    month(y, mo)
}

/// A period and its precision, or `None` when the expression is skipped.
type Relative = Option<(Option<(Date, Date)>, DatePrecision)>;

/// "last year", "this month", "next week" against the publication date
/// (a month needs it to the month, a week to the day); "the past year"
/// is last year.
fn this_or_next(which: &str, unit: &str, pubdate: Date, pubprec: DatePrecision) -> Relative {
    let which = which.to_lowercase();
    let step: i64 = match which.split_whitespace().last() {
        Some("last" | "past") => -1,
        Some("next") => 1,
        _ => 0,
    };
    match unit.to_lowercase().as_str() {
        "year" => Some((
            pubdate.checked_add(step.years()).ok().and_then(|d| years(d.year(), d.year())),
            DatePrecision::Year,
        )),
        "month" if pubprec <= DatePrecision::Month => {
            let d = pubdate.first_of_month().checked_add(step.months()).ok();
            Some((d.and_then(|d| month(d.year(), d.month())), DatePrecision::Month))
        }
        "week" if pubprec == DatePrecision::Day => {
            Some((pubdate.checked_add((7 * step).days()).ok().and_then(week_of), DatePrecision::Week))
        }
        _ => None,
    }
}

/// "two years ago", "a decade ago", "three months ago", "two weeks
/// ago", "five days ago" (weeks and days need a publication day).
fn ago(n: i64, unit: &str, pubdate: Date, pubprec: DatePrecision) -> Relative {
    let unit = unit.to_lowercase();
    if unit.starts_with("year") {
        let d = pubdate.checked_sub(n.years()).ok();
        Some((d.and_then(|d| years(d.year(), d.year())), DatePrecision::Year))
    } else if unit.starts_with("decade") {
        // "a decade ago" in 1999 is about 1989, not the 1980s.
        let d = pubdate.checked_sub((10 * n).years()).ok();
        Some((d.and_then(|d| years(d.year(), d.year())), DatePrecision::Year))
    } else if unit.starts_with("month") && pubprec <= DatePrecision::Month {
        let d = pubdate.checked_sub(n.months()).ok();
        Some((d.and_then(|d| month(d.year(), d.month())), DatePrecision::Month))
    } else if unit.starts_with("week") && pubprec == DatePrecision::Day {
        Some((pubdate.checked_sub((7 * n).days()).ok().and_then(week_of), DatePrecision::Week))
    } else if unit.starts_with("day") && pubprec == DatePrecision::Day {
        Some((pubdate.checked_sub(n.days()).ok().map(|d| (d, d)), DatePrecision::Day))
    } else {
        None
    }
}

/// "two days after the strikes on 20 August 1998": shifts the date that
/// follows in the same text. Rewrites the found expressions in place.
pub(super) fn offsets(text: &str, anchors: Anchors, out: &mut Vec<DateExpr>) {
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

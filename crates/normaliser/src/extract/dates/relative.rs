//! Relative dates ("last year", "two days ago", "on Monday", "this
//! August") against the publication date, and offsets from a date in
//! the same text ("two days after").

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use regex::Regex;

use super::anchors::{captures_if, has, MONTHS, RELATIVE_WORDS, SEQUENCE, UNITS, WEEKDAYS};
use super::calendar::{month, week_of, years};
use super::patterns::{month_number, number, MONTH, OFFSET, RELATIVE, WEEKDAY};
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
                ago(n, unit.as_str(), pubdate, pubprec)
            };
            if let Some((period, precision)) = found {
                self.push(m.start(), m.end(), period, precision);
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
            let y = pubdate.year();
            let y = match c[1].to_lowercase().as_str() {
                "last" if mo >= pubdate.month() => y - 1,
                "next" if mo <= pubdate.month() => y + 1,
                _ => y,
            };
            self.push(m.start(), m.end(), month(y, mo), DatePrecision::Month);
        }
    }

    /// "on Monday": the most recent such day on or before publication
    /// (news style: "released on Monday").
    fn weekdays(&mut self, pubdate: Date) {
        for c in self.captures(WEEKDAYS, &WEEKDAY) {
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
            let back = (i64::from(pubdate.weekday().to_monday_zero_offset())
                - i64::from(wd.to_monday_zero_offset()))
            .rem_euclid(7);
            let d = pubdate.checked_sub(back.days()).ok();
            self.push(name.start(), name.end(), d.map(|d| (d, d)), DatePrecision::Day);
        }
    }
}

/// A period and its precision, or `None` when the expression is skipped.
type Relative = Option<(Option<(Date, Date)>, DatePrecision)>;

/// "last year", "this month", "next week" against the publication date
/// (a month needs it to the month, a week to the day).
fn this_or_next(which: &str, unit: &str, pubdate: Date, pubprec: DatePrecision) -> Relative {
    let step: i64 = match which.to_lowercase().as_str() {
        "last" => -1,
        "next" => 1,
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

/// "two years ago", "three months ago" (days and weeks ago are skipped).
fn ago(n: i64, unit: &str, pubdate: Date, pubprec: DatePrecision) -> Relative {
    let unit = unit.to_lowercase();
    if unit.starts_with("year") {
        let d = pubdate.checked_sub(n.years()).ok();
        Some((d.and_then(|d| years(d.year(), d.year())), DatePrecision::Year))
    } else if unit.starts_with("month") && pubprec <= DatePrecision::Month {
        let d = pubdate.checked_sub(n.months()).ok();
        Some((d.and_then(|d| month(d.year(), d.month())), DatePrecision::Month))
    } else {
        None
    }
}

/// "two days after the strikes on 20 August 1998": shifts the date that
/// follows in the same text. Rewrites the found expressions in place.
pub(super) fn offsets(text: &str, anchors: u16, out: &mut Vec<DateExpr>) {
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

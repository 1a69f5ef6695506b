//! Holidays named without a date: "Thanksgiving Day", "Christmas Eve",
//! "Election Day" (the list and each one's rule are in
//! `data/en/date_words.txt`). With a year after them ("Christmas 1914")
//! they are that year's; else the publication date and the tense of the
//! clause place them: the latest one by publication in a past clause,
//! the first one after it in a future clause, the nearer of the two
//! otherwise. With neither, nothing is guessed.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use regex::Regex;

use super::anchors::HOLIDAY_NAMES;
use super::calendar::year;
use super::tense::{tense_around, Tense};
use super::{Candidates, DateContext, DatePrecision};
use crate::lexicon::re;

/// How a holiday falls in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    /// A fixed month and day.
    Fixed(i8, i8),
    /// The `n`-th `weekday` of the month on or after its day `from`
    /// (`n` = -1: the last one of the month).
    Nth { month: i8, weekday: Weekday, n: i8, from: i8 },
}

impl Rule {
    /// The holiday's day in year `y`.
    fn day_in(self, y: i16) -> Option<Date> {
        match self {
            Rule::Fixed(m, d) => Date::new(y, m, d).ok(),
            Rule::Nth { month, weekday, n, from } if n > 0 => {
                let start = Date::new(y, month, from).ok()?;
                let first = start.nth_weekday_of_month(1, weekday).ok()?;
                let first = if first < start { first.checked_add(7.days()).ok()? } else { first };
                first.checked_add((7 * i64::from(n - 1)).days()).ok()
            }
            Rule::Nth { month, weekday, .. } => {
                Date::new(y, month, 1).ok()?.nth_weekday_of_month(-1, weekday).ok()
            }
        }
    }
}

/// The rule a line of the `holidays` list writes: "11 Thu 4", "12 25",
/// "11 Tue 1 from 2".
fn rule(spec: &str) -> Option<Rule> {
    let parts: Vec<&str> = spec.split_whitespace().collect();
    let month: i8 = parts.first()?.parse().ok()?;
    match parts.as_slice() {
        [_, d] => Some(Rule::Fixed(month, d.parse().ok()?)),
        [_, wd, n, rest @ ..] => {
            let weekday = match *wd {
                "Mon" => Weekday::Monday,
                "Tue" => Weekday::Tuesday,
                "Wed" => Weekday::Wednesday,
                "Thu" => Weekday::Thursday,
                "Fri" => Weekday::Friday,
                "Sat" => Weekday::Saturday,
                _ => Weekday::Sunday,
            };
            let from = match rest {
                ["from", d] => d.parse().ok()?,
                _ => 1,
            };
            Some(Rule::Nth { month, weekday, n: n.parse().ok()?, from })
        }
        _ => None,
    }
}

/// The holidays: (name, rule), longest name first.
static HOLIDAYS: LazyLock<Vec<(&'static str, Rule)>> = LazyLock::new(|| {
    let mut out: Vec<(&'static str, Rule)> = super::words::list("holidays")
        .into_iter()
        .filter_map(|entry| {
            let (name, spec) = entry.split_once('=')?;
            Some((name.trim(), rule(spec)?))
        })
        .collect();
    out.sort_by_key(|(name, _)| std::cmp::Reverse(name.len()));
    out
});

/// What the anchor pass looks for ([`super::anchors::HOLIDAY_NAMES`]):
/// each name up to an apostrophe, lower-cased ("new year" for "New
/// Year's Day", written with either apostrophe).
pub(super) fn anchor_words() -> Vec<String> {
    HOLIDAYS
        .iter()
        .map(|(name, _)| name.split(['\'', '’']).next().unwrap_or(name).to_ascii_lowercase())
        .collect()
}

/// A holiday's name (with "last", "next" or "this" before it) and the
/// year that may follow it.
static HOLIDAY: LazyLock<Regex> = LazyLock::new(|| {
    let names: Vec<String> = HOLIDAYS.iter().map(|(n, _)| regex::escape(n).replace('\'', "['’]")).collect();
    re(&format!(r"\b(?:(last|next|this)\s+)?({})\b(?:,?\s+(\d{{4}})\b)?", names.join("|")))
});

/// The holiday whose day in a year is nearest to the publication day
/// `p` in the direction of the clause.
fn against_publication(rule: Rule, p: Date, which: Option<&str>, tense: Tense) -> Option<Date> {
    let days = [p.year() - 1, p.year(), p.year() + 1].map(|y| rule.day_in(y));
    let before = days.iter().flatten().filter(|d| **d <= p).max().copied();
    let after = days.iter().flatten().filter(|d| **d > p).min().copied();
    match (which, tense) {
        (Some("last"), _) | (None, Tense::Past | Tense::Perfect) => before,
        (Some("next"), _) | (None, Tense::Future) => after,
        _ => {
            let distance = |d: Option<Date>| d.and_then(|d| d.since(p).ok()).map(|s| s.get_days().abs());
            if distance(after) < distance(before) && after.is_some() {
                after
            } else {
                before
            }
        }
    }
}

impl Candidates<'_> {
    /// "Thanksgiving Day", "last Christmas", "Christmas 1914" (see the
    /// module doc). An adjective ("Christmas shopping") is no date.
    pub(super) fn holidays(&mut self, ctx: &DateContext) {
        let text = self.text;
        for c in self.captures(HOLIDAY_NAMES, &HOLIDAY) {
            let m = c.get(0).expect("group 0");
            let name = c.get(2).expect("group 2");
            let Some(&(_, rule)) =
                HOLIDAYS.iter().find(|(n, _)| n.replace('’', "'") == name.as_str().replace('’', "'"))
            else {
                continue;
            };
            let day_or_eve = name.as_str().ends_with("Day") || name.as_str().ends_with("Eve");
            let adjective_free = c.get(3).is_some() || c.get(1).is_some() || day_or_eve;
            if !adjective_free
                && text[m.end()..].starts_with(' ')
                && text[m.end()..].trim_start().starts_with(char::is_lowercase)
            {
                continue;
            }
            if let Some(y) = c.get(3).and_then(|y| year(y.as_str())) {
                self.push(m.start(), m.end(), rule.day_in(y).map(|d| (d, d)), DatePrecision::Day);
                continue;
            }
            let Some((p, DatePrecision::Day)) = ctx.published else { continue };
            let which = c.get(1).map(|w| w.as_str().to_ascii_lowercase());
            let tense = tense_around(text, m.start(), m.end());
            let d = against_publication(rule, p, which.as_deref(), tense);
            self.push_relative(m.start(), m.end(), d.map(|d| (d, d)), DatePrecision::Day);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{find_dates, YearState};
    use super::*;

    fn read(text: &str, ctx: &DateContext) -> Vec<(String, String)> {
        find_dates(text, ctx, &mut YearState::default())
            .into_iter()
            .map(|d| (text[d.start..d.end].to_string(), d.first.to_string()))
            .collect()
    }

    #[test]
    fn each_rule_gives_its_day() {
        let day = |name: &str, y: i16| -> String {
            let rule = HOLIDAYS.iter().find(|(n, _)| *n == name).map(|h| h.1).expect("listed");
            rule.day_in(y).map(|d| d.to_string()).unwrap_or_default()
        };
        assert_eq!(day("Thanksgiving Day", 1999), "1999-11-25");
        assert_eq!(day("Thanksgiving", 2020), "2020-11-26");
        assert_eq!(day("Christmas Eve", 2020), "2020-12-24");
        // The Tuesday after the first Monday: 3 November 1998, 8 November 2016.
        assert_eq!(day("Election Day", 1998), "1998-11-03");
        assert_eq!(day("Election Day", 2016), "2016-11-08");
        assert_eq!(day("Memorial Day", 2021), "2021-05-31");
        assert_eq!(day("Labor Day", 2021), "2021-09-06");
    }

    #[test]
    fn a_holiday_is_placed_by_the_tense_or_its_year() {
        // Published Friday 7 January 2000.
        let jan = DateContext {
            published: Some((jiff::civil::date(2000, 1, 7), DatePrecision::Day)),
            day_first: false,
        };
        let cases = [
            ("The boy was found on Thanksgiving Day at sea.", "Thanksgiving Day", "1999-11-25"),
            ("He was found last Thanksgiving following a wreck.", "last Thanksgiving", "1999-11-25"),
            ("The vote will be held on Election Day.", "Election Day", "2000-11-07"),
            ("They met on Christmas Eve.", "Christmas Eve", "1999-12-24"),
            ("It began on Christmas Day 1914.", "Christmas Day 1914", "1914-12-25"),
            ("Sales rose on New Year’s Eve.", "New Year’s Eve", "1999-12-31"),
        ];
        for (text, expr, first) in cases {
            assert_eq!(read(text, &jan), [(expr.to_string(), first.to_string())], "{text}");
        }
        // An adjective is no date; nothing is guessed without a
        // publication date.
        assert!(read("Christmas shopping fell.", &jan).is_empty());
        assert!(read("He was found on Thanksgiving Day.", &DateContext::default()).is_empty());
    }
}

//! Periods: a day, a month, a range of years, a week, the early, mid
//! or late third of a period, and the latest day a publication date
//! allows.

use super::DatePrecision;
use jiff::civil::Date;
use jiff::ToSpan;

pub(super) fn year(s: &str) -> Option<i16> {
    s.parse().ok().filter(|y| (1000..=2999).contains(y))
}

pub(super) fn day(y: i16, m: i8, d: i8) -> Option<(Date, Date)> {
    let date = Date::new(y, m, d).ok()?;
    Some((date, date))
}

pub(super) fn month(y: i16, m: i8) -> Option<(Date, Date)> {
    let first = Date::new(y, m, 1).ok()?;
    Some((first, first.last_of_month()))
}

pub(super) fn years(a: i16, b: i16) -> Option<(Date, Date)> {
    Some((Date::new(a, 1, 1).ok()?, Date::new(b, 12, 31).ok()?))
}

pub(super) fn week_of(d: Date) -> Option<(Date, Date)> {
    let monday = d.checked_sub(i64::from(d.weekday().to_monday_zero_offset()).days()).ok()?;
    Some((monday, monday.checked_add(6.days()).ok()?))
}

/// The parts of a period: early, mid and late thirds. A year's thirds
/// are January–April, May–August, September–December; a month's are the
/// 1st–10th, 11th–20th, 21st–end.
pub(super) fn third(first: Date, last: Date, part: &str) -> Option<(Date, Date)> {
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

/// The last day a publication date known to `precision` can be: a
/// document published "2023" may be from 31 December 2023.
pub(super) fn latest_publication(first: Date, precision: DatePrecision) -> Option<Date> {
    match precision {
        DatePrecision::Day => Some(first),
        DatePrecision::Week => first.checked_add(6.days()).ok(),
        DatePrecision::Month => Some(first.last_of_month()),
        // A season may run into the next year (winter): its year's end
        // would be too early, the next year's end is safe.
        DatePrecision::Season => Date::new(first.year().checked_add(1)?, 12, 31).ok(),
        DatePrecision::Year => Date::new(first.year(), 12, 31).ok(),
        DatePrecision::Decade => Date::new(first.year().checked_add(9)?, 12, 31).ok(),
        DatePrecision::Century => Date::new(first.year().checked_add(99)?, 12, 31).ok(),
    }
}

//! A month (and day) written without a year, resolved against the
//! sentence's year or the publication date (by the tense of its clause),
//! and dates that point back at the last one read ("a year earlier").

use super::anaphora::{self, Anaphor};
use super::calendar::{day, latest_publication, month, third, years};
use super::tense::{sentence_around, tense_around, Tense};
use super::{Candidates, DateContext, DateExpr, DatePrecision, Found, YearState};
use jiff::civil::Date;

/// A bare "March 13", "in March" or "late March": the year its sentence
/// gives (`anchor`: an explicit year earlier in the same sentence, or,
/// without a publication date, in the same paragraph), else one against
/// the publication date, by the tense of the clause:
/// - past ("said on March 13", "closed in July"): the latest one begun
///   by publication ("Dec. 6" in an article of 1 June 2020 is
///   2019-12-06, "in July" in a March article last year's);
/// - future ("will meet on Nov. 21", "is due in May"): the first one not
///   over by publication;
/// - neither: a day takes the nearest year (a publication date known to
///   the day) or the latest begun by publication; a month must have
///   begun by publication, else it is left out (last year's, or a coming
///   one?).
///
/// Whatever could fall either side of an imprecise publication date is
/// left out (`None`): "March 16" in a document published "2023", "20
/// September" in one published "2021-09". With neither an anchor nor a
/// publication date, nothing is guessed (`None`).
pub(super) fn resolve_bare(
    m: i8,
    d: Option<i8>,
    part: Option<&str>,
    ctx: &DateContext,
    anchor: Option<i16>,
    tense: Tense,
) -> Option<(Date, Date)> {
    let period = |y: i16| -> Option<(Date, Date)> {
        match d {
            Some(d) => day(y, m, d),
            None => {
                let (a, b) = month(y, m)?;
                part.map_or(Some((a, b)), |p| third(a, b, p))
            }
        }
    };
    if let Some(y) = anchor {
        return period(y);
    }
    let (earliest, precision) = ctx.published?;
    let latest = latest_publication(earliest, precision)?;
    let y = earliest.year();
    let (a, b) = period(y)?;
    if d.is_some() && precision == DatePrecision::Day {
        // A day against a day: the one in a year-long window around
        // publication, placed by the tense, with two weeks of slack for
        // a publication date that trails the story ("said on Nov. 6"
        // in a story dated 2 November) or a deadline just passed.
        let (back, ahead) = match tense {
            Tense::Past | Tense::Perfect => (351, 14),
            Tense::Future => (14, 351),
            Tense::Present | Tense::Unknown => (270, 95),
        };
        return [y - 1, y, y + 1].into_iter().filter_map(period).find(|(first, _)| {
            first.since(earliest).is_ok_and(|s| (-back..=ahead).contains(&i64::from(s.get_days())))
        });
    }
    match tense {
        Tense::Future => {
            if b < earliest {
                period(y + 1)
            } else if b < latest {
                None
            } else {
                Some((a, b))
            }
        }
        Tense::Past | Tense::Perfect => past_of(a, y, earliest, latest, &period),
        Tense::Present | Tense::Unknown if d.is_some() => past_of(a, y, earliest, latest, &period),
        Tense::Present | Tense::Unknown => (a <= earliest).then_some((a, b)),
    }
}

/// The latest period begun by publication: `a` is its first day in year
/// `y`; one begun after the latest day publication can be is a year
/// earlier, one that may have begun either side of it is left out.
fn past_of(
    a: Date,
    y: i16,
    earliest: Date,
    latest: Date,
    period: &dyn Fn(i16) -> Option<(Date, Date)>,
) -> Option<(Date, Date)> {
    if a > latest {
        period(y - 1)
    } else if a > earliest {
        None
    } else {
        period(y)
    }
}

/// The document's quarter, unless the sentence reports on a longer
/// stretch ("for the nine months, … a year earlier" is the year).
fn quarter_in_view(text: &str, f: &Found, state: &YearState) -> Option<(Date, Date)> {
    state.quarter.filter(|_| !reports_a_longer_stretch(text, f))
}

/// Whether the sentence of `f` reports on more than a quarter ("for the
/// nine months", "the full year").
fn reports_a_longer_stretch(text: &str, f: &Found) -> bool {
    let (s, e) = sentence_around(text, f.start, f.end);
    let sentence = &text[s..e];
    ["months", "-month", "full year", "fiscal year"].iter().any(|w| sentence.contains(w))
}

/// Words before a date that make it a deadline ("extended until March
/// 6", "effective Feb. 1"): whatever the verb's tense, the date is still
/// ahead or just past. "by" and "through" only outside a past clause
/// ("to pay down the loan by February", but "by August they had failed",
/// "the data was gathered through mid-March").
const DEADLINE: [&str; 5] = ["until", "till", "effective", "through", "by"];

/// The tense a deadline word before `start` gives a bare date: a month
/// is the first one not over by publication (a future), a day the one
/// nearest publication (no tense). `None` without a deadline word.
fn deadline_tense(text: &str, start: usize, with_day: bool, tense: Tense) -> Option<Tense> {
    let (at, word) = super::rules::word_before(text, start)?;
    // "extended to Nov. 20", "postponed to March": a new deadline.
    if word == "to" {
        let (_, verb) = super::rules::word_before(text, at)?;
        let moved = matches!(verb, "extended" | "postponed" | "delayed" | "deferred" | "adjourned");
        return moved.then_some(if with_day { Tense::Unknown } else { Tense::Future });
    }
    let past = matches!(tense, Tense::Past | Tense::Perfect);
    let range_end = word.eq_ignore_ascii_case("by") || word.eq_ignore_ascii_case("through");
    let deadline = DEADLINE.iter().any(|w| w.eq_ignore_ascii_case(word)) && !(range_end && past);
    deadline.then_some(if with_day { Tense::Unknown } else { Tense::Future })
}

/// The period and precision of one candidate: a bare month (and day)
/// takes its year (see [`resolve_bare`]); an anaphor takes its
/// reference's, read from `state.last`. `year_end` is where the last
/// explicit year read in this text ends.
fn period_of(
    text: &str,
    f: &Found,
    ctx: &DateContext,
    state: &YearState,
    year_end: Option<usize>,
) -> (Option<(Date, Date)>, DatePrecision) {
    if let Some((m, d, part)) = &f.bare {
        // With a publication date, a year only counts in the same
        // sentence ("in 1998, on 16 March"): a news paragraph naming
        // 1988 goes on to this year's "Aug. 2".
        let anchor = match ctx.published {
            None => state.paragraph,
            Some(_) => {
                year_end.filter(|&at| sentence_around(text, f.start, f.end).0 <= at).and(state.paragraph)
            }
        };
        let tense = tense_around(text, f.start, f.end);
        // "invited in July 1997, will join on March 12" (published in
        // 1999): a future clause is not dated by an earlier year.
        let published_year = ctx.published.map(|p| p.0.year());
        let anchor = anchor.filter(|&y| tense != Tense::Future || published_year.is_none_or(|p| y >= p));
        let tense = match anchor {
            Some(_) => Tense::Unknown,
            None => deadline_tense(text, f.start, d.is_some(), tense).unwrap_or(tense),
        };
        return (resolve_bare(*m, *d, part.as_deref(), ctx, anchor, tense), f.precision);
    }
    match f.anaphor {
        // "For the nine months, net fell from a year earlier" in a
        // quarterly report: the year before the quarter's, not a quarter.
        Some(Anaphor::YearBefore(false) | Anaphor::YearAgo)
            if state.quarter.is_some() && reports_a_longer_stretch(text, f) =>
        {
            let y = state.quarter.map(|(q, _)| q.year() - 1);
            (y.and_then(|y| years(y, y)), DatePrecision::Year)
        }
        Some(a) => match anaphora::resolve_in(a, state.last, quarter_in_view(text, f, state)) {
            Some((first, last, p)) => (Some((first, last)), p),
            // "a year ago" outside a quarterly report: the year before
            // publication, read already.
            None if a == Anaphor::YearAgo => (f.period, f.precision),
            None => (None, f.precision),
        },
        None => (f.period, f.precision),
    }
}

impl Candidates<'_> {
    /// The expressions kept: longest first at each start, no overlaps,
    /// unresolvable ones dropped; a bare month takes its year in text
    /// order, and an explicit year (not 9/11, not a decade or a week) sets
    /// the year of what follows.
    pub(super) fn resolve(mut self, ctx: &DateContext, state: &mut YearState) -> Vec<DateExpr> {
        let text = self.text;
        self.found.append(&mut self.bare);
        self.found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
        let mut out: Vec<DateExpr> = Vec::new();
        let mut taken_to = 0;
        // Where the last explicit year read in this text ends.
        let mut year_end: Option<usize> = None;
        for f in self.found {
            if f.start < taken_to {
                continue;
            }
            taken_to = f.end;
            let (period, precision) = period_of(text, &f, ctx, state, year_end);
            if let Some((first, last)) = period {
                let written = &text[f.start..f.end];
                let explicit = f.bare.is_none()
                    && written != "9/11"
                    && written.chars().filter(char::is_ascii_digit).count() >= 4
                    && !matches!(f.precision, DatePrecision::Decade | DatePrecision::Week);
                if explicit {
                    state.paragraph = Some(last.year());
                    state.document = Some(last.year());
                    year_end = Some(f.end);
                }
                // An anaphor is no new reference: "a year earlier … a
                // year earlier" both point at the same date.
                if f.anaphor.is_none() {
                    state.last = Some((first, last, precision));
                    if anaphora::is_quarter(first, last) {
                        state.quarter = Some((first, last));
                    }
                }
                out.push(DateExpr { start: f.start, end: f.end, first, last, precision });
            }
        }
        out
    }
}

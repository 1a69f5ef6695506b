//! Date expressions: found in a text and normalised to the period they
//! name, with its precision. Pure: give it the text and what is known of
//! the document's date; it knows nothing of events.

mod anaphora;
mod anchors;
mod calendar;
mod holidays;
mod patterns;
mod periods;
mod quoted_dates;
mod relative;
mod resolve;
mod rules;
mod tense;
mod words;

use anaphora::find_anaphors;
use anchors::{anchors, Anchors};
use anchors::{
    captures_if, has, CENTURY, DIGITS, FISCAL, MONTHS, NOW, PART_NOUNS, QUARTER, RELATIVE_WORDS, SEASONS,
    UNITS,
};
use jiff::civil::Date;

use crate::offsets::BytePos;
use patterns::{DAY_MONTH_YEAR, MONTH_DAY_YEAR};
use periods::{named_periods, Gates};
use quoted_dates::older_quotations;
use regex::Regex;
use relative::offsets;

/// How precise a date expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DatePrecision {
    /// One day.
    Day,
    /// One week (Monday to Sunday).
    Week,
    /// One month, or a part of one ("late August 2021").
    Month,
    /// A season, a quarter or a third of a year ("spring of 2011", "the
    /// third quarter of 1989", "mid-2024").
    Season,
    /// One year, or a range of years.
    Year,
    /// A decade ("the 1990s").
    Decade,
    /// A century ("the 20th century": 1900–1999).
    Century,
}

impl DatePrecision {
    /// Every value, in the order the tables list them.
    pub const ALL: [DatePrecision; 7] = [
        DatePrecision::Day,
        DatePrecision::Week,
        DatePrecision::Month,
        DatePrecision::Season,
        DatePrecision::Year,
        DatePrecision::Decade,
        DatePrecision::Century,
    ];
}

/// A normalised date expression. `start`/`end` are byte offsets into the
/// text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    /// Byte offset of the expression in the text read.
    pub start: BytePos,
    /// Byte offset of its end (exclusive).
    pub end: BytePos,
    /// First day of the period.
    pub first: Date,
    /// Last day of the period (inclusive).
    pub last: Date,
    /// Precision.
    pub precision: DatePrecision,
}

/// The explicit years read so far, for a month and day without a year
/// (see `resolve_bare`): the paragraph's gives their year when there is
/// no publication date; the document's is kept for callers but never
/// guessed from. Reset `paragraph` at each paragraph.
#[derive(Debug, Clone, Copy, Default)]
pub struct YearState {
    /// The last explicit year read in this paragraph.
    pub paragraph: Option<i16>,
    /// The last explicit year read in the document.
    pub document: Option<i16>,
    /// The last date read in the document (first day, last day,
    /// precision): what "a year earlier" or "the quarter" points back at.
    pub last: Option<(Date, Date, DatePrecision)>,
    /// The last calendar quarter read in the document: in a quarterly
    /// report, what "a year ago" and "the quarter" point at.
    pub quarter: Option<(Date, Date)>,
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

/// A found expression before overlap resolution.
struct Found {
    start: usize,
    end: usize,
    period: Option<(Date, Date)>,
    precision: DatePrecision,
    /// A month (and day, and early/mid/late part) with no year: resolved
    /// in text order, once the years before it are known.
    bare: Option<(i8, Option<i8>, Option<String>)>,
    /// A date that points back at the last one read ("a year earlier"):
    /// resolved in text order too.
    anaphor: Option<anaphora::Anaphor>,
}

/// The expressions the rules found in one paragraph, before overlaps are
/// resolved, in the order the rules ran (a stable sort keeps that order
/// between candidates of the same span).
struct Candidates<'t> {
    text: &'t str,
    /// The anchor groups of the text (see [`anchors`]).
    anchors: Anchors,
    /// Expressions with their period (`None`: no valid date).
    found: Vec<Found>,
    /// Months (and days) without a year, resolved in text order later.
    bare: Vec<Found>,
    /// Dates read against the publication date: kept apart, for the
    /// quotations of older texts (see `quoted_relative`).
    against_publication: Vec<Found>,
}

impl<'t> Candidates<'t> {
    fn new(text: &'t str, anchors: Anchors) -> Self {
        Candidates { text, anchors, found: Vec::new(), bare: Vec::new(), against_publication: Vec::new() }
    }

    /// Whether the text has every anchor group of `needed`.
    fn has(&self, needed: Anchors) -> bool {
        has(self.anchors, needed)
    }

    /// `re`'s captures in the text, if it has every anchor group of
    /// `needed` (else none: the pattern cannot match).
    fn captures(
        &self,
        needed: Anchors,
        re: &'static Regex,
    ) -> impl Iterator<Item = regex::Captures<'t>> + use<'t> {
        captures_if(self.has(needed), re, self.text)
    }

    fn push(&mut self, start: usize, end: usize, period: Option<(Date, Date)>, precision: DatePrecision) {
        self.found.push(Found { start, end, period, precision, bare: None, anaphor: None });
    }

    /// A date read against the publication date (see
    /// `against_publication`).
    fn push_relative(
        &mut self,
        start: usize,
        end: usize,
        period: Option<(Date, Date)>,
        precision: DatePrecision,
    ) {
        self.against_publication.push(Found { start, end, period, precision, bare: None, anaphor: None });
    }

    /// "a year ago": read against the publication date (`period`) unless
    /// the document reports on a quarter (see [`anaphora::Anaphor::YearAgo`]).
    fn push_year_ago(&mut self, start: usize, end: usize, period: Option<(Date, Date)>) {
        let anaphor = Some(anaphora::Anaphor::YearAgo);
        let precision = DatePrecision::Year;
        self.against_publication.push(Found { start, end, period, precision, bare: None, anaphor });
    }

    /// Quarters, relative seasons, centuries, fiscal years, parts of a
    /// period, "today" and the like (see [`periods`]).
    fn named_periods(&mut self, ctx: &DateContext) {
        let gates = Gates {
            quarters: self.has(QUARTER),
            seasons: self.has(SEASONS),
            centuries: self.has(CENTURY),
            units_or_digits: self.has(UNITS) || self.has(DIGITS),
            fiscal: self.has(FISCAL),
            part_nouns: self.has(PART_NOUNS),
            months: self.has(MONTHS),
            relative: self.has(RELATIVE_WORDS),
            now: self.has(NOW),
        };
        for c in named_periods(self.text, ctx, gates) {
            let f = Found {
                start: c.start,
                end: c.end,
                period: c.period,
                precision: c.precision,
                bare: c.bare,
                anaphor: None,
            };
            if f.bare.is_some() {
                self.bare.push(f);
            } else {
                self.against_publication.push(f);
            }
        }
    }

    /// "Call me Sunday night" quoted from a 2012 e-mail in 2013: inside a
    /// quotation whose sentence dates it before publication, relative
    /// dates are read against that date, or left out if it is not precise
    /// enough. Then the dates read against publication join the others.
    fn quoted_relative(&mut self, ctx: &DateContext) {
        let text = self.text;
        if ctx.published.is_some() && (text.contains('"') || text.contains('\u{201c}')) {
            let explicit: Vec<(usize, usize, Date, Date, DatePrecision)> = self
                .found
                .iter()
                .filter_map(|f| f.period.map(|(a, b)| (f.start, f.end, a, b, f.precision)))
                .collect();
            for q in older_quotations(text, ctx, &explicit) {
                self.against_publication.retain(|f| !(f.start >= q.start && f.end <= q.end));
                let quoted = &text[q.start..q.end];
                let inner = DateContext { published: Some(q.dated), day_first: ctx.day_first };
                let mut sub = Candidates::new(quoted, anchors(quoted));
                sub.relative(&inner);
                for mut f in sub.against_publication {
                    f.start += q.start;
                    f.end += q.start;
                    self.against_publication.push(f);
                }
            }
        }
        self.found.append(&mut self.against_publication);
    }

    /// "a year earlier", "the year-ago quarter": resolved against the last
    /// date read (see [`anaphora`]).
    fn anaphors(&mut self) {
        for a in find_anaphors(self.text, self.anchors) {
            let (start, end, anaphor) = (a.start, a.end, Some(a.anaphor));
            self.found.push(Found {
                start,
                end,
                period: None,
                precision: DatePrecision::Day,
                bare: None,
                anaphor,
            });
        }
    }

    fn push_bare(
        &mut self,
        start: usize,
        end: usize,
        precision: DatePrecision,
        bare: (i8, Option<i8>, Option<String>),
    ) {
        self.bare.push(Found { start, end, period: None, precision, bare: Some(bare), anaphor: None });
    }
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
fn find_dates_with(text: &str, ctx: &DateContext, state: &mut YearState, anchors: Anchors) -> Vec<DateExpr> {
    let mut found = Candidates::new(text, anchors);
    found.full_dates(ctx.day_first);
    found.months();
    found.month_parts();
    found.months_alone();
    found.seasons();
    found.decades();
    found.year_ranges();
    found.years();
    found.spoken_years();
    found.relative(ctx);
    found.holidays(ctx);
    found.named_periods(ctx);
    found.quoted_relative(ctx);
    found.anaphors();
    let mut out = found.resolve(ctx, state);
    offsets(text, anchors, &mut out);
    out
}

/// Whether a document writes dates day first ("2 December 2020") more
/// often than month first ("December 2, 2020").
pub fn writes_day_first(text: &str) -> bool {
    DAY_MONTH_YEAR.find_iter(text).count() > MONTH_DAY_YEAR.find_iter(text).count()
}

#[cfg(test)]
mod tests;

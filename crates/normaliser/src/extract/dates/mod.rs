//! Date expressions: found in a text and normalised to the period they
//! name, with its precision. Pure: give it the text and what is known of
//! the document's date; it knows nothing of events.

mod anchors;
mod calendar;
mod patterns;
mod relative;
mod resolve;
mod rules;

use anchors::anchors;
use anchors::{captures_if, has};
use jiff::civil::Date;
use patterns::{DAY_MONTH_YEAR, MONTH_DAY_YEAR};
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
    /// A season or a third of a year ("spring of 2011", "mid-2024").
    Season,
    /// One year, or a range of years.
    Year,
    /// A decade ("the 1990s").
    Decade,
}

impl DatePrecision {
    /// Every value, in the order the tables list them.
    pub const ALL: [DatePrecision; 6] = [
        DatePrecision::Day,
        DatePrecision::Week,
        DatePrecision::Month,
        DatePrecision::Season,
        DatePrecision::Year,
        DatePrecision::Decade,
    ];
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

/// The expressions the rules found in one paragraph, before overlaps are
/// resolved, in the order the rules ran (a stable sort keeps that order
/// between candidates of the same span).
struct Candidates<'t> {
    text: &'t str,
    /// The anchor groups of the text (see [`anchors`]).
    anchors: u16,
    /// Expressions with their period (`None`: no valid date).
    found: Vec<Found>,
    /// Months (and days) without a year, resolved in text order later.
    bare: Vec<Found>,
}

impl<'t> Candidates<'t> {
    fn new(text: &'t str, anchors: u16) -> Self {
        Candidates { text, anchors, found: Vec::new(), bare: Vec::new() }
    }

    /// Whether the text has every anchor group of `needed`.
    fn has(&self, needed: u16) -> bool {
        has(self.anchors, needed)
    }

    /// `re`'s captures in the text, if it has every anchor group of
    /// `needed` (else none: the pattern cannot match).
    fn captures(
        &self,
        needed: u16,
        re: &'static Regex,
    ) -> impl Iterator<Item = regex::Captures<'t>> + use<'t> {
        captures_if(self.has(needed), re, self.text)
    }

    fn push(&mut self, start: usize, end: usize, period: Option<(Date, Date)>, precision: DatePrecision) {
        self.found.push(Found { start, end, period, precision, bare: None });
    }

    fn push_bare(
        &mut self,
        start: usize,
        end: usize,
        precision: DatePrecision,
        bare: (i8, Option<i8>, Option<String>),
    ) {
        self.bare.push(Found { start, end, period: None, precision, bare: Some(bare) });
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
fn find_dates_with(text: &str, ctx: &DateContext, state: &mut YearState, anchors: u16) -> Vec<DateExpr> {
    let mut found = Candidates::new(text, anchors);
    found.full_dates(ctx.day_first);
    found.months();
    found.month_parts();
    found.months_alone();
    found.seasons();
    found.decades();
    found.year_ranges();
    found.years();
    found.relative(ctx);
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

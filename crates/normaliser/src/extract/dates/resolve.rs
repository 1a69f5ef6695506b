//! A month (and day) written without a year, resolved against the
//! paragraph's year, the publication date, or the document's year.

use super::calendar::{latest_publication, month, third};
use super::{Candidates, DateContext, DateExpr, DatePrecision, YearState};
use jiff::civil::Date;

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
pub(super) fn resolve_bare(
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
        for f in self.found {
            if f.start < taken_to {
                continue;
            }
            taken_to = f.end;
            let period = match &f.bare {
                Some((m, d, part)) => resolve_bare(*m, *d, part.as_deref(), ctx, state),
                None => f.period,
            };
            if let Some((first, last)) = period {
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
        out
    }
}

//! Quotations of an older text: "In a 3 May 2012 e-mail he wrote: “Call
//! me Sunday night.”" The quoted "Sunday" is that e-mail's Sunday, not
//! the one before the 2013 article that quotes it.

use jiff::civil::Date;

use super::tense::sentence_around;
use super::{DateContext, DatePrecision};

/// A quotation whose sentence dates the quoted text before publication:
/// its bytes (inside the marks) and that date, as a publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OlderQuotation {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) dated: (Date, DatePrecision),
}

/// The double-quoted stretches of `text` (“…” or "…"), inside the marks.
fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '\u{201c}' => open = Some(i + c.len_utf8()),
            '\u{201d}' => {
                if let Some(s) = open.take() {
                    out.push((s, i));
                }
            }
            '"' => match straight.take() {
                Some(s) => out.push((s, i)),
                None => straight = Some(i + 1),
            },
            _ => {}
        }
    }
    out
}

/// The quotations of `text` whose sentence names, outside the quotation,
/// a date that ended before the publication date (the nearest such one):
/// `explicit` holds the dates read in `text` (start, end, first day, last
/// day, precision).
pub(crate) fn older_quotations(
    text: &str,
    ctx: &DateContext,
    explicit: &[(usize, usize, Date, Date, DatePrecision)],
) -> Vec<OlderQuotation> {
    let Some((published, _)) = ctx.published else { return Vec::new() };
    // Only a date that ended before publication can date a quotation
    // (most paragraphs have none: their sentences are not read).
    let older: Vec<_> = explicit.iter().filter(|d| d.3 < published).collect();
    if older.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (qs, qe) in quotations(text) {
        let (s, _) = sentence_around(text, qs, qs);
        let (_, e) = sentence_around(text, qe, qe);
        let dated = older
            .iter()
            .filter(|d| d.0 >= s && d.1 <= e && (d.1 <= qs || d.0 >= qe))
            .min_by_key(|d| if d.1 <= qs { qs - d.1 } else { d.0 - qe });
        if let Some(d) = dated {
            out.push(OlderQuotation { start: qs, end: qe, dated: (d.2, d.4) });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::{find_dates, YearState};
    use super::*;

    fn read(text: &str) -> Vec<(String, String)> {
        let ctx = DateContext {
            published: Some((jiff::civil::date(2013, 6, 12), DatePrecision::Day)),
            day_first: false,
        };
        find_dates(text, &ctx, &mut YearState::default())
            .into_iter()
            .map(|d| (text[d.start..d.end].to_string(), d.first.to_string()))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn a_quoted_older_text_dates_its_own_relative_dates() {
        // The e-mail's date is given to the day: its last Sunday (3 May
        // 2012 was a Thursday; the Sunday before it, 29 April), not the
        // one before the article (9 June 2013).
        assert_eq!(
            read("In an e-mail of 3 May 2012 he wrote: “We met on Sunday night.”"),
            pairs(&[("3 May 2012", "2012-05-03"), ("Sunday night", "2012-04-29")])
        );
        // Only its year: a weekday cannot be placed, and is left out.
        assert_eq!(
            read("In a 2012 e-mail he wrote: “Call me Sunday night.”"),
            pairs(&[("2012", "2012-01-01")])
        );
        // A quotation with no older date in its sentence: the
        // publication date, as before.
        assert_eq!(read("He said: “Call me Sunday.”"), pairs(&[("Sunday", "2013-06-09")]));
    }

    #[test]
    fn quotation_marks_pair() {
        // "“" is three bytes: b at 5, d at 13.
        assert_eq!(quotations("a “b” c \"d\" e"), [(5, 6), (13, 14)]);
        assert_eq!(quotations("no marks"), []);
    }
}

//! The rules that find date expressions in a paragraph, each a method
//! of [`Candidates`], run in the order [`super::find_dates_with`] calls
//! them (the order breaks ties between overlapping candidates).

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::anchors::{DASH, DECADE_S, DIGITS, MONTHS, PARTS, SEASONS, SLASH, TIES, WEEKDAYS};
use super::calendar::{day, month, third, year, years};
use super::patterns::{
    month_number, number, CLOCK_AFTER, DAY_MONTH, DAY_MONTH_YEAR, DECADE, DECADE_WORD, ISO, MONTH,
    MONTH_DAY_YEAR, NINE_ELEVEN, NUMBER_WORDS, NUMERIC, PART_MONTH, PART_YEAR, SEASON, WEEKDAY_DATE, YEAR,
    YEAR_RANGE, YEAR_SPAN_REST,
};
use super::{Candidates, DatePrecision};
use crate::lexicon::re;

impl Candidates<'_> {
    /// Full dates: "2 December 2020", "December 2, 2020", ISO, numeric
    /// (day or month first as the document writes), and 9/11.
    pub(super) fn full_dates(&mut self, day_first: bool) {
        let text = self.text;
        for c in self.captures(MONTHS | DIGITS, &DAY_MONTH_YEAR) {
            let m = c.get(0).expect("group 0");
            let p = (|| day(year(&c[3])?, month_number(&c[2])?, c[1].parse().ok()?))();
            self.push(m.start(), m.end(), p, DatePrecision::Day);
        }
        for c in self.captures(MONTHS | DIGITS, &MONTH_DAY_YEAR) {
            let m = c.get(0).expect("group 0");
            let p = (|| day(year(&c[3])?, month_number(&c[1])?, c[2].parse().ok()?))();
            self.push(m.start(), m.end(), p, DatePrecision::Day);
        }
        for c in self.captures(DIGITS | DASH, &ISO) {
            let m = c.get(0).expect("group 0");
            let p = (|| day(year(&c[1])?, c[2].parse().ok()?, c[3].parse().ok()?))();
            self.push(m.start(), m.end(), p, DatePrecision::Day);
        }
        for c in self.captures(DIGITS | SLASH, &NUMERIC) {
            let m = c.get(0).expect("group 0");
            let (a, b): (i8, i8) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
            let (d, mo) = if a > 12 || (day_first && b <= 12) { (a, b) } else { (b, a) };
            self.push(m.start(), m.end(), (|| day(year(&c[3])?, mo, d))(), DatePrecision::Day);
        }
        for c in self.captures(DIGITS | SLASH, &NINE_ELEVEN) {
            let m = c.get(1).expect("group 1");
            let prefixed = text[..m.start()].ends_with("pre-") || text[..m.start()].ends_with("post-");
            if !prefixed {
                self.push(m.start(), m.end(), day(2001, 9, 11), DatePrecision::Day);
            }
        }
    }

    /// A month with a day or a year ("mid-March 2020", "March 13"), and a
    /// day before a month ("13 March"): the ones without a year are bare.
    pub(super) fn months(&mut self) {
        for c in self.captures(MONTHS | DIGITS, &PART_MONTH) {
            let m = c.get(0).expect("group 0");
            let Some(mo) = month_number(&c[2]) else { continue };
            // "May" and "March" are words too: only with a capital and a number.
            if matches!(&c[2], "May" | "March") && c.get(3).is_none() && c.get(4).is_none() {
                continue;
            }
            let part = c.get(1).map(|p| p.as_str());
            if let Some(d) = c.get(3) {
                let d = d.as_str().parse().ok();
                self.push_bare(m.start(), m.end(), DatePrecision::Day, (mo, d, None));
            } else if let Some(y) = c.get(4) {
                let p = (|| {
                    let (a, b) = month(year(y.as_str())?, mo)?;
                    part.map_or(Some((a, b)), |part| third(a, b, part))
                })();
                self.push(m.start(), m.end(), p, DatePrecision::Month);
            }
        }
        for c in self.captures(MONTHS | DIGITS, &DAY_MONTH) {
            let m = c.get(0).expect("group 0");
            let Some(mo) = month_number(&c[2]) else { continue };
            let d = c[1].parse().ok();
            self.push_bare(m.start(), m.end(), DatePrecision::Day, (mo, d, None));
        }
        // "Saturday, April 25": one date, that of "April 25".
        for c in self.captures(WEEKDAYS | MONTHS | DIGITS, &WEEKDAY_DATE) {
            let m = c.get(0).expect("group 0");
            let Some(mo) = month_number(&c[1]) else { continue };
            self.push_bare(m.start(), m.end(), DatePrecision::Day, (mo, c[2].parse().ok(), None));
        }
    }

    /// "mid-March", "late August" without a year.
    pub(super) fn month_parts(&mut self) {
        static PART_BARE: LazyLock<Regex> =
            LazyLock::new(|| re(&format!(r"\b(early|mid|late)[- ]({MONTH})\b")));
        for c in self.captures(MONTHS, &PART_BARE) {
            let m = c.get(0).expect("group 0");
            let Some(mo) = month_number(&c[2]) else { continue };
            let part = Some(c[1].to_string());
            self.push_bare(m.start(), m.end(), DatePrecision::Month, (mo, None, part));
        }
    }

    /// "in March", "since August": a month alone after a preposition. A
    /// month that is also a given name not before a capitalised word ("in
    /// June Carter's song"), and "May" only after "in", "since", "until",
    /// "till" or "during" ("a speech by May"). The month is searched (a
    /// literal prefilter), then the preposition before it.
    pub(super) fn months_alone(&mut self) {
        static MONTH_WORD: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b({MONTH})\b")));
        static PREPOSITIONS: LazyLock<Vec<&'static str>> =
            LazyLock::new(|| super::words::list("month_prepositions"));
        let text = self.text;
        for m in self.has(MONTHS).then(|| MONTH_WORD.find_iter(text)).into_iter().flatten() {
            let Some(mo) = month_number(m.as_str()) else { continue };
            let given_name = matches!(m.as_str(), "April" | "May" | "June" | "August");
            if is_modifier(text, m.start(), m.end(), given_name) {
                self.push_bare(m.start(), m.end(), DatePrecision::Month, (mo, None, None));
                continue;
            }
            let Some((_, preposition)) = word_before(text, m.start()) else { continue };
            let preposition = preposition.to_ascii_lowercase();
            if !PREPOSITIONS.contains(&preposition.as_str()) {
                continue;
            }
            let next_word = text[m.end()..].trim_start_matches(['.', ' ']);
            if given_name && text[m.end()..].starts_with(' ') && next_word.starts_with(char::is_uppercase) {
                continue;
            }
            if m.as_str() == "May"
                && !matches!(preposition.as_str(), "in" | "since" | "until" | "till" | "during")
            {
                continue;
            }
            self.push_bare(m.start(), m.end(), DatePrecision::Month, (mo, None, None));
        }
    }

    /// Seasons of a year ("spring of 2011") and thirds of a year
    /// ("mid-2024").
    pub(super) fn seasons(&mut self) {
        for c in self.captures(SEASONS | DIGITS, &SEASON) {
            let m = c.get(0).expect("group 0");
            let p = (|| {
                let y = year(&c[2])?;
                match c[1].to_lowercase().as_str() {
                    "spring" => Some((Date::new(y, 3, 1).ok()?, Date::new(y, 5, 31).ok()?)),
                    "summer" => Some((Date::new(y, 6, 1).ok()?, Date::new(y, 8, 31).ok()?)),
                    "winter" => {
                        Some((Date::new(y, 12, 1).ok()?, Date::new(y + 1, 3, 1).ok()?.yesterday().ok()?))
                    }
                    _ => Some((Date::new(y, 9, 1).ok()?, Date::new(y, 11, 30).ok()?)),
                }
            })();
            self.push(m.start(), m.end(), p, DatePrecision::Season);
        }
        for c in self.captures(PARTS | DIGITS, &PART_YEAR) {
            let m = c.get(0).expect("group 0");
            let p = (|| {
                let (a, b) = years(year(&c[2])?, year(&c[2])?)?;
                third(a, b, &c[1])
            })();
            self.push(m.start(), m.end(), p, DatePrecision::Season);
        }
    }

    /// Decades: "the 1990s", "’90s", and "the Nineties" in words.
    pub(super) fn decades(&mut self) {
        let text = self.text;
        for c in self.captures(DIGITS | DECADE_S, &DECADE) {
            let m = c.get(0).expect("group 0");
            let decade: Option<i16> = match (c.get(1), c.get(2), c.get(3)) {
                (Some(cent), Some(d), _) => format!("{}{}0", cent.as_str(), d.as_str()).parse().ok(),
                (_, _, Some(d)) => {
                    let d: i16 = d.as_str().parse().unwrap_or(0);
                    Some(if d >= 3 { 1900 + d * 10 } else { 2000 + d * 10 })
                }
                _ => None,
            };
            let p = decade.and_then(|y| years(y, y + 9));
            self.push(m.start(), m.end(), p, DatePrecision::Decade);
        }
        for c in self.captures(TIES, &DECADE_WORD) {
            let word = c.get(1).expect("group 1");
            // The word is searched (a literal prefilter), then "the " before it.
            let Some(the) = word_before(text, word.start()).filter(|w| w.1.eq_ignore_ascii_case("the"))
            else {
                continue;
            };
            let m = the.0..word.end();
            let tens = [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ];
            let word = c[1].to_lowercase();
            let decade = tens.iter().position(|t| *t == word).map(|i| 1920 + 10 * i as i16);
            self.push(m.start, m.end, decade.and_then(|y| years(y, y + 9)), DatePrecision::Decade);
        }
    }

    /// Ranges of years in figures: "1996–2001", "2012-14" (not a citation).
    pub(super) fn year_ranges(&mut self) {
        let text = self.text;
        for c in self.captures(DIGITS | DASH, &YEAR_RANGE) {
            let m = c.get(0).expect("group 0");
            let a = year(&c[1]);
            let b = if c[2].len() == 2 {
                a.map(|a| a / 100 * 100 + c[2].parse::<i16>().unwrap_or(0))
            } else {
                year(&c[2])
            };
            if let (Some(a), Some(b)) = (a, b) {
                if b > a && b - a <= 100 && !is_citation(text, m.start(), m.end()) {
                    self.push(m.start(), m.end(), years(a, b), DatePrecision::Year);
                }
            }
        }
    }

    /// Years alone ("in 2014"), not inside a number, a citation, "post-"
    /// or "pre-", or after "Resolution"; and a range of years in words
    /// read from its first year.
    pub(super) fn years(&mut self) {
        let text = self.text;
        for c in self.captures(DIGITS, &YEAR) {
            let m = c.get(0).expect("group 0");
            self.years_in_words(m.start(), m.end(), &c[1]);
            let next = text[m.end()..].chars().next();
            let in_number = next.is_some_and(|n| {
                matches!(n, ',' | '.') && text[m.end() + 1..].starts_with(|d: char| d.is_ascii_digit())
            }) || text[..m.start()].ends_with([',', '.', '$', '/', '-', '#'])
                && text[..m.start()].chars().rev().nth(1).is_some_and(|p| p.is_ascii_digit());
            // "post-2001", "pre-2001": the time after or before, as "post-9/11".
            let before = &text[..m.start()];
            let prefixed = ["pre-", "post-", "Pre-", "Post-"].iter().any(|p| before.ends_with(p));
            // "1830 GMT", "at 0600 local time": a time of day, never a year.
            let clock = CLOCK_AFTER.is_match(&text[m.end()..]);
            if in_number
                || prefixed
                || clock
                || is_citation(text, m.start(), m.end())
                || is_not_a_date_number(text, m.start())
            {
                continue;
            }
            let y = year(&c[1]);
            self.push(m.start(), m.end(), y.and_then(|y| years(y, y)), DatePrecision::Year);
        }
    }

    /// Years in words, as broadcast transcripts write them: "nineteen
    /// ninety-six", "January nineteen ninety-seven" (a month), "the year
    /// two thousand". A literal check first: most texts have none.
    pub(super) fn spoken_years(&mut self) {
        static YEAR_WORDS: LazyLock<Regex> = LazyLock::new(|| {
            re(&format!(
                r"(?i)\b(?:({MONTH})\s+)?(eighteen|nineteen)\s+(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine)\b)?\b|\bthe\s+year\s+two\s+thousand\b"
            ))
        });
        let text = self.text;
        let lower_or_upper = |w: &str| text.contains(w) || text.contains(&w.to_ascii_uppercase());
        if !(lower_or_upper("ineteen") || lower_or_upper("ighteen") || lower_or_upper("thousand")) {
            return;
        }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for c in YEAR_WORDS.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            let year = match (c.get(2), c.get(3)) {
                (Some(century), Some(ten)) => {
                    let hundreds: i16 =
                        if century.as_str().eq_ignore_ascii_case("nineteen") { 1900 } else { 1800 };
                    let ten = ten.as_str().to_ascii_lowercase();
                    let t = tens.iter().position(|x| *x == ten).map_or(0, |i| 20 + 10 * i as i16);
                    let unit = c.get(4).and_then(|u| number(u.as_str())).map_or(0, |u| u as i16);
                    hundreds + t + unit
                }
                _ => 2000,
            };
            match c.get(1).and_then(|mo| month_number(mo.as_str())) {
                Some(mo) => self.push(m.start(), m.end(), month(year, mo), DatePrecision::Month),
                None => self.push(m.start(), m.end(), years(year, year), DatePrecision::Year),
            }
        }
    }

    /// "between 1996 and 2001", "from 2012 to 2014": one date, from the
    /// word before the first year at `start..end` (its years alone overlap
    /// it and drop).
    fn years_in_words(&mut self, start: usize, end: usize, first: &str) {
        let text = self.text;
        let Some((from, word)) = word_before(text, start) else { return };
        let between = matches!(word, "between" | "Between");
        if !between && !matches!(word, "from" | "From") {
            return;
        }
        let Some(rest) = YEAR_SPAN_REST.captures(&text[end..]) else { return };
        let fits = (&rest[1] == "and") == between;
        if let (true, Some(a), Some(b)) = (fits, year(first), year(&rest[2])) {
            if b > a && b - a <= 100 {
                let to = end + rest.get(0).map_or(0, |r| r.end());
                self.push(from, to, years(a, b), DatePrecision::Year);
            }
        }
    }
}

/// The word (ASCII letters) that ends right before the white space
/// before byte `at`, and where it starts: "in" for "in March". None if no
/// white space or no such word stands there.
pub(super) fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = &text[..at];
    let trimmed = before.trim_end_matches(char::is_whitespace);
    if trimmed.len() == before.len() {
        return None;
    }
    let start = trimmed.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
    let word = &trimmed[start..];
    let boundary = !trimmed[..start].ends_with(|c: char| c.is_alphanumeric() || c == '_');
    (!word.is_empty() && boundary).then_some((start, word))
}

/// A month written out in full before a noun it dates ("the October
/// slaying", "a June agreement") or with a possessive ("December's
/// figures"; not a given name: "May's government").
fn is_modifier(text: &str, start: usize, end: usize, given_name: bool) -> bool {
    let word = &text[start..end];
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_alphabetic()) || word.len() <= 3 && word != "May" {
        return false;
    }
    let after = &text[end..];
    if after.starts_with("'s ") || after.starts_with("’s ") {
        return !given_name;
    }
    let article =
        word_before(text, start).is_some_and(|(_, w)| matches!(w, "the" | "The" | "a" | "A" | "an" | "An"));
    let noun = after.strip_prefix(' ').is_some_and(|a| a.starts_with(|c: char| c.is_ascii_lowercase()));
    article && noun
}

pub(super) fn is_citation(text: &str, start: usize, end: usize) -> bool {
    // "(Bacon, 2018)", "(2018a; 2018b)", "Zelin (2020)", "Mir, 2020;"
    let after = &text[end..];
    let before = &text[..start];
    let lettered = after.starts_with(|c: char| c.is_ascii_lowercase());
    let in_parens = before.rfind('(').is_some_and(|o| before.rfind(')').is_none_or(|c| c < o))
        && after.find(')').is_some_and(|c| after.find('(').is_none_or(|o| c < o));
    let author_before = before.trim_end().ends_with(',') || before.trim_end().ends_with('(');
    lettered || (in_parens && author_before)
}

pub(super) fn is_not_a_date_number(text: &str, start: usize) -> bool {
    // The words are ASCII and at most ten bytes long, and every character
    // lowers to at least one byte: the last ten characters, lower-cased,
    // end as the whole text before the number would, lower-cased. (Not a
    // lower-cased copy of the paragraph up to every year in it.)
    let before = text[..start].trim_end();
    let tail = before.char_indices().rev().nth(9).map_or(before, |(i, _)| &before[i..]);
    let tail = tail.to_lowercase();
    NUMBER_WORDS.iter().any(|w| tail.ends_with(w))
}

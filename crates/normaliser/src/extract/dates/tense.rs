//! The tense of the clause around a date expression, read from a small
//! verb lexicon: enough to tell whether a "May 5", an "in July" or a
//! "Friday" without a year lies before or after the publication date
//! ("said on Friday" is the last Friday, "will meet on Friday" the next).

use std::sync::LazyLock;

/// Which way from the publication date the clause points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    /// A past tense: "was", "said", "had risen".
    Past,
    /// A present perfect: "has risen", "have met" (a past that reaches
    /// now: a date for "since March", no date for "today").
    Perfect,
    /// A present tense: "is", "are", "says".
    Present,
    /// A future: "will", "would", "is due to", "is set to", "plans to".
    Future,
    /// No marker in the sentence.
    Unknown,
}

/// Words that mark a future by themselves (lower case).
static FUTURE: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::words::list("future"));

/// Words that mark a future when "to" or "for" follows them ("is due
/// to", "is set to", "plans to", "scheduled for") and no past of "be"
/// stands before them ("had been due to expire" is a past).
static FUTURE_BEFORE_TO: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::words::list("future_before_to"));

/// The words of [`FUTURE_BEFORE_TO`] that look ahead after "is" or
/// "has" without a "to": "is expected in May", "has scheduled a vote".
static FUTURE_PARTICIPLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::words::list("future_participles"));

/// Past forms of common verbs that do not end in "-ed".
static PAST: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::words::list("past"));

/// Present forms that say the clause is about now.
static PRESENT: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::words::list("present"));

/// Words after which an "-ed" form is a participle of a passive or a
/// future, not a past ("will be delayed", "is expected", "to be closed").
static NOT_PAST_BEFORE: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::words::list("not_past_before"));

/// How sure a marker is: a word of the lexicon, or any "-ed" form (a
/// past, or an adjective: "new markets untouched").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Strong,
    Weak,
}

/// The tense a word marks, given the words before and after it.
fn marks(word: &str, before: Option<&str>, after: Option<&str>) -> Option<(Tense, Strength)> {
    let lower = word.to_ascii_lowercase();
    let w = lower.as_str();
    if FUTURE.contains(&w) || w.ends_with("'ll") || w.ends_with("\u{2019}ll") {
        return Some((Tense::Future, Strength::Strong));
    }
    if FUTURE_BEFORE_TO.contains(&w) {
        let to = after.is_some_and(|a| a.eq_ignore_ascii_case("to") || a.eq_ignore_ascii_case("for"));
        let was = before.is_some_and(|b| matches!(b, "been" | "was" | "were" | "had"));
        // "due to" alone is "because of": "is due to" is a future.
        let be = before.is_some_and(|b| matches!(b, "is" | "are" | "am" | "be" | "'s" | "’s"));
        // "closing is expected in December", "has scheduled a news
        // conference Thursday": a participle after "is" or "has" looks
        // ahead without a "to".
        let has = before.is_some_and(|b| matches!(b, "has" | "have"));
        let ahead = (be || has) && FUTURE_PARTICIPLES.contains(&w);
        return ((to && !was && (w != "due" || be)) || ahead).then_some((Tense::Future, Strength::Strong));
    }
    // "is to resume trading Tuesday": "is to" with a verb is a future.
    if matches!(w, "is" | "are") && after.is_some_and(|a| a.eq_ignore_ascii_case("to")) {
        return Some((Tense::Future, Strength::Strong));
    }
    let perfect = before.is_some_and(|b| matches!(b, "has" | "have" | "hasn't" | "haven't"));
    let past = if perfect { Tense::Perfect } else { Tense::Past };
    // "will be paid", "is held": a participle of a passive, no past.
    let passive = before.is_some_and(|b| NOT_PAST_BEFORE.contains(&b));
    if PAST.contains(&w) && (!passive || matches!(w, "was" | "were" | "had" | "did")) {
        return Some((past, Strength::Strong));
    }
    if PRESENT.contains(&w) {
        return Some((Tense::Present, Strength::Strong));
    }
    if w.len() >= 5 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return (!passive).then_some((past, Strength::Weak));
    }
    None
}

/// The byte range of the sentence of `text` around `start..end`: from
/// after the last ". ", "? ", "! " or ";" before it to the next one.
pub(crate) fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let ends_sentence = |i: usize| {
        matches!(bytes[i], b'.' | b'?' | b'!' | b';')
            && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace())
            // "Nov. 21", "Dec. 6", "Mr. Smith": an abbreviation, not an end.
            && !(i >= 1 && bytes[i] == b'.' && is_abbreviation(&text[..i]))
    };
    let s = (0..start).rev().find(|&i| ends_sentence(i)).map_or(0, |i| i + 1);
    let e = (end..bytes.len()).find(|&i| ends_sentence(i)).unwrap_or(bytes.len());
    (s, e)
}

/// Abbreviations a period follows inside a sentence.
static ABBREVIATIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| super::words::list("abbreviations"));

/// Whether the word ending `before` (a period follows it) is an
/// abbreviation ("Nov", "Mr", "Inc") or a single capital ("U.S.").
fn is_abbreviation(before: &str) -> bool {
    let word = &before[before.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len()..];
    ABBREVIATIONS.contains(&word) || (word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// The clause of the sentence `s..e` around `start..end`: bounded by
/// commas, parentheses, dashes and "that" ("told reporters on Friday |
/// that he will resign").
fn clause_around(text: &str, s: usize, e: usize, start: usize, end: usize) -> (usize, usize) {
    // A comma between digits is in a number ("1,800"), not a clause end.
    let bytes = text.as_bytes();
    // The length of the boundary at byte `i`, if one starts there.
    let cut = |i: usize| -> Option<usize> {
        match bytes[i] {
            b',' => {
                let in_number = bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                    && i > 0
                    && bytes[i - 1].is_ascii_digit();
                (!in_number).then_some(1)
            }
            b'(' | b')' => Some(1),
            _ => ["\u{2013}", "\u{2014}", " that "]
                .iter()
                .find(|w| bytes[i..].starts_with(w.as_bytes()))
                .map(|w| w.len()),
        }
    };
    let cs = (s..start).rev().find_map(|i| cut(i).map(|n| i + n)).map_or(s, |c| c.min(start));
    let ce = (end..e).find(|&i| cut(i).is_some()).unwrap_or(e);
    (cs, ce)
}

/// The words of `text[from..to]`.
fn words(text: &str, from: usize, to: usize) -> Vec<&str> {
    text[from..to]
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// The marker of `strength` nearest to `start..end` within `s..e`, in
/// words; one before the expression wins a tie.
fn nearest(
    text: &str,
    (s, e): (usize, usize),
    (start, end): (usize, usize),
    strength: Strength,
) -> Option<Tense> {
    let before = words(text, s, start.max(s));
    let after = words(text, end.min(e), e);
    let lower = |w: Option<&&str>| w.map(|w| w.to_ascii_lowercase());
    let mut back = None;
    for k in (0..before.len()).rev() {
        let prev = lower(k.checked_sub(1).and_then(|p| before.get(p)));
        let next = before.get(k + 1).or(after.first());
        if let Some((t, st)) = marks(before[k], prev.as_deref(), next.copied()) {
            if st <= strength {
                back = Some((before.len() - k, t));
                break;
            }
        }
    }
    let mut ahead = None;
    for k in 0..after.len() {
        let prev = lower(k.checked_sub(1).and_then(|p| after.get(p)));
        if let Some((t, st)) = marks(after[k], prev.as_deref(), after.get(k + 1).copied()) {
            if st <= strength {
                ahead = Some((k + 1, t));
                break;
            }
        }
    }
    match (back, ahead) {
        (Some((db, tb)), Some((da, ta))) => Some(if db <= da { tb } else { ta }),
        (Some((_, t)), None) | (None, Some((_, t))) => Some(t),
        (None, None) => None,
    }
}

/// The tense around `start..end` (byte offsets of a date expression in
/// `text`): the nearest lexicon marker of its clause, else the nearest "-ed" form of its clause, else the nearest
/// marker of either kind in its sentence.
pub(crate) fn tense_around(text: &str, start: usize, end: usize) -> Tense {
    let sentence = sentence_around(text, start, end);
    let clause = clause_around(text, sentence.0, sentence.1, start, end);
    let date = (start, end);
    nearest(text, clause, date, Strength::Strong)
        .or_else(|| nearest(text, clause, date, Strength::Weak))
        .or_else(|| nearest(text, sentence, date, Strength::Weak))
        .unwrap_or(Tense::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(text: &str, date: &str) -> Tense {
        let start = text.find(date).expect("the date is in the text");
        tense_around(text, start, start + date.len())
    }

    #[test]
    fn the_nearest_verb_gives_the_tense() {
        use Tense::*;
        let cases = [
            ("The board will meet on Nov. 21 to vote.", "Nov. 21", Future),
            ("Holders of record Nov. 21 will be paid.", "Nov. 21", Future),
            ("The dividend will be paid Dec. 14 to holders.", "Dec. 14", Future),
            ("They said they expect the sale to close by Dec. 15.", "Dec. 15", Future),
            ("The book is due to be published in May.", "May", Future),
            ("The talks are set to resume in June.", "June", Future),
            ("He said the company would sell the unit in October.", "October", Future),
            ("The vote was postponed until Saturday.", "Saturday", Future),
            ("The closing, which is expected in December, waits.", "December", Future),
            ("She has scheduled a news conference Thursday.", "Thursday", Future),
            ("Shares are to resume trading in Paris Tuesday.", "Tuesday", Future),
            // Without "is" or "has" before it, "expected" is a past.
            ("The closing, which was expected in December, slipped.", "December", Past),
            ("The closing was scheduled Thursday.", "Thursday", Past),
            ("Later Thursday, the cousins sought support for a bill that would help.", "Thursday", Past),
            ("The plant closed in July.", "July", Past),
            ("In August, the group said it had left.", "August", Past),
            ("Profits had risen since March.", "March", Past),
            // "since" says the period began before: a past.
            ("Profits have climbed since March.", "March", Past),
            ("Today, he has pledged his loyalty again.", "Today", Perfect),
            ("He told reporters on Friday that he will resign.", "Friday", Past),
            ("The group would be ready to leave as soon as Tuesday, Castro said.", "Tuesday", Future),
            ("Qantas will double its flights by August in search of markets untouched.", "August", Future),
            ("It had been due to expire Friday evening.", "Friday", Past),
            ("It cut the dividend due to its third-quarter loss.", "third-quarter", Unknown),
            ("They signed an economic cooperation plan Friday.", "Friday", Past),
            ("On Friday, he will resign.", "Friday", Future),
            ("The meeting in May is the first.", "May", Present),
            ("Tuesday, April 7", "April 7", Unknown),
            // A passive after "will be" is no past.
            ("It will be completed in December.", "December", Future),
            // "Nov." is an abbreviation, not a sentence end.
            ("Shares rose. Trading ends Nov. 30 when it will close.", "Nov. 30", Future),
        ];
        for (text, date, want) in cases {
            assert_eq!(tense_of(text, date), want, "{text}");
        }
    }

    #[test]
    fn the_sentence_bounds_the_search() {
        // Clauses: a comma in a number does not end one; a dash does.
        assert_eq!(tense_of("Shares issued July 1, which will rise.", "July 1"), Tense::Past);
        assert_eq!(tense_of("It closed \u{2014} on May 5 it will reopen.", "May 5"), Tense::Future);
        assert_eq!(tense_of("They sold 1,800 shares on July 1, and will sell more.", "July 1"), Tense::Past);
        // The "will" of the next sentence does not count.
        assert_eq!(tense_of("They met in March. He will go.", "March"), Tense::Past);
        assert_eq!(tense_of("Prices in March. He will go.", "March"), Tense::Unknown);
        assert_eq!(tense_of("Prices in May. He will go.", "May"), Tense::Unknown);
    }
}

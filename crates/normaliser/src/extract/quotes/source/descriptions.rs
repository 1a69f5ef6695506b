//! A described source beside a cue: a determiner, modifiers and a
//! lower-case head noun ("the team", "her senior policy adviser", "a
//! person close to the Clintons").

use std::ops::Range;
use std::sync::LazyLock;

use super::{last_words_start, words};
use crate::lexicon::{entries, NOT_NAMES};

/// Determiners that open a description of a source ("the team", "a senior
/// official", "her senior policy adviser").
pub(super) static DETERMINERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.source_determiners));

/// Lower-case words that end no description: auxiliaries, adverbs,
/// pronouns ("the group has said", "the two later said").
static NOT_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.not_source_heads));

/// A description ending `hay` (the text before a cue): a determiner, up to
/// four modifiers and a lower-case head noun ("the gambling tycoon", "The
/// Vermont senator", "her senior policy adviser"), as a byte range.
pub(crate) fn description_before(hay: &str) -> Option<Range<usize>> {
    // It reads at most the last 7 words.
    let cut = last_words_start(hay, 16);
    description_before_in(&hay[cut..]).map(|r| r.start + cut..r.end + cut)
}

/// [`description_before`] on all of `hay`.
fn description_before_in(hay: &str) -> Option<Range<usize>> {
    let ws = words(hay);
    let n = ws.len();
    let head = *ws.last()?;
    if !head.tail.is_empty()
        || !hay[head.start + head.text.len()..].trim().is_empty()
        || !head.text.chars().all(|c| c.is_lowercase() || c == '-')
        || NOT_HEADS.contains(&head.text)
        || DETERMINERS.contains(&head.text)
    {
        return None;
    }
    for k in (n.saturating_sub(6)..n - 1).rev() {
        let w = ws[k];
        if !w.tail.is_empty() && !w.tail.starts_with(['’', '\'']) || w.opened {
            return None;
        }
        if DETERMINERS.contains(&w.text) {
            // Not inside a longer phrase ("in the statement", "of the group").
            let before = k.checked_sub(1).map(|j| ws[j]);
            let clause_start = before.is_none_or(|b| !b.tail.is_empty() || NOT_NAMES.contains(b.text));
            return clause_start.then(|| w.start..head.start + head.text.len());
        }
        if !w.text.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'' | '.')) {
            return None;
        }
    }
    None
}

/// A description opening `hay` (the text after an inverted cue: "said the
/// researchers.", "said a person close to the Clintons."): from a
/// determiner to the punctuation that ends it, at most eight words.
pub(crate) fn description_after(hay: &str) -> Option<Range<usize>> {
    let ws = words(hay);
    let first = *ws.first()?;
    if !DETERMINERS.contains(&first.text) || !hay[..first.start].trim().is_empty() || !first.tail.is_empty() {
        return None;
    }
    let end = (0..ws.len().min(9)).find(|&k| !ws[k].tail.is_empty())?;
    let last = ws[end];
    if end == 0 || !last.tail.starts_with([',', '.', ';']) || NOT_HEADS.contains(&ws[1].text) {
        return None;
    }
    // The head: a lower-case word among them ("the campaign", not "the
    // New York Times", which is a name); after an indefinite determiner
    // any word, since no name takes one ("a Nevada Democrat").
    let indefinite = ["a", "an", "one", "another"].contains(&first.text);
    ws[1..=end]
        .iter()
        .any(|w| (indefinite || w.text.chars().all(|c| c.is_lowercase())) && !NOT_HEADS.contains(&w.text))
        .then(|| first.start..last.start + last.text.len())
}

#[cfg(test)]
mod tests {
    use super::super::inside_quotes;
    use super::*;

    #[test]
    fn descriptions_beside_a_cue() {
        let table: &[(&str, Option<&str>)] = &[
            ("“It was very nice,” the gambling tycoon ", Some("the gambling tycoon")),
            ("The Vermont senator ", Some("The Vermont senator")),
            ("In a statement, her senior policy adviser ", Some("her senior policy adviser")),
            ("“We won,” the team ", Some("the team")),
            // Not a description: an auxiliary, a name, a phrase inside another.
            ("“We won,” the group has ", None),
            ("Trump ", None),
            ("in a statement the group ", None),
        ];
        for (hay, want) in table {
            assert_eq!(description_before(hay).map(|r| &hay[r]), *want, "{hay:?}");
        }
        let table: &[(&str, Option<&str>)] = &[
            (" the researchers.", Some("the researchers")),
            (" a person close to the Clintons.", Some("a person close to the Clintons")),
            (" the New York Times.", None),
            (" the same thing.", None),
            (" one New Hampshire Democrat.", Some("one New Hampshire Democrat")),
            (" Trump.", None),
        ];
        for (hay, want) in table {
            assert_eq!(description_after(hay).map(|r| &hay[r]), *want, "{hay:?}");
        }
        assert!(inside_quotes(&["He said “Trump is"]));
        assert!(!inside_quotes(&["“Trump is here,” he"]));
        assert!(inside_quotes(&["He said \"Trump"]));
        // A doubled apostrophe is a straight double mark; parts join.
        assert!(inside_quotes(&["He said ''Trump", " is"]));
        assert!(!inside_quotes(&["''Trump is here,'' he ", "didn't say"]));
        assert!(!inside_quotes(&["“The vote. ", "And so on,” said Sabato"]));
    }
}

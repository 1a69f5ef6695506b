//! Trigger words used in a sense that is not the event: "bidding war",
//! "heart attack", "consumer demand", "at a rally", "exit polls", "the
//! best-funded PAC", "World War II" (see `data/en/event_senses.txt`).

use crate::hash::HashMap;
use std::sync::LazyLock;

/// Where a rule's words stand from the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Right before it ("bidding war").
    Before,
    /// Right after it ("exit polls").
    After,
    /// Among the five words after it ("demand for ice cream rose").
    Near,
}

/// One rule: where its words stand, and the words.
type Rule = (Place, Vec<&'static str>);

/// The rules by trigger word (lower case).
static SENSES: LazyLock<HashMap<&'static str, Vec<Rule>>> = LazyLock::new(|| {
    let mut rules: HashMap<&'static str, Vec<Rule>> = HashMap::default();
    let data = crate::language::EN.event_senses;
    for line in crate::lexicon::entries(data) {
        let Some(at) = line.find(['<', '>', '~']) else { continue };
        let place = match &line[at..=at] {
            "<" => Place::Before,
            ">" => Place::After,
            _ => Place::Near,
        };
        let words = line[at + 1..].split(',').map(str::trim).filter(|w| !w.is_empty()).collect();
        rules.entry(line[..at].trim()).or_default().push((place, words));
    }
    rules
});

/// Whether the word at bytes `start..end` of `sentence`, a trigger, is
/// used in the sense of its event (see the module doc).
pub(super) fn in_sense(sentence: &str, start: usize, end: usize) -> bool {
    let word = &sentence[start..end];
    let before = &sentence[..start];
    let after = &sentence[end..];
    // The first part of a hyphenated word ("war-torn"), or the second
    // after a prefix that turns it into a quality ("anti-war",
    // "best-funded"; but "Über-raids" are raids).
    let mut ahead = after.chars();
    if ahead.next() == Some('-') && ahead.next().is_some_and(char::is_alphanumeric) {
        return false;
    }
    if let Some(stem) = before.strip_suffix('-') {
        let prefix = stem[stem.trim_end_matches(char::is_alphanumeric).len()..].to_lowercase();
        let mut qualities = SENSES.get("-").into_iter().flatten().flat_map(|r| r.1.iter());
        if qualities.any(|q| *q == prefix) {
            return false;
        }
    }
    // A capital inside a sentence: a name ("World War II", "Mr. Ban").
    let opening = before.trim_end_matches(|c: char| c.is_whitespace() || "\"“‘'(".contains(c));
    let capital = word.starts_with(|c: char| c.is_uppercase()) && word.chars().any(char::is_lowercase);
    if capital && !opening.is_empty() && !starts_sentence(opening) {
        return false;
    }
    let lower = word.to_lowercase();
    let Some(rules) = SENSES.get(lower.as_str()) else { return true };
    let before = before.to_lowercase();
    let after = after.to_lowercase();
    !rules.iter().any(|(place, words)| match place {
        Place::Before => words.iter().any(|w| ends_with_word(before.trim_end(), w)),
        Place::After => words.iter().any(|w| starts_with_word(after.trim_start(), w)),
        Place::Near => {
            let next: Vec<&str> = after
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .take(5)
                .collect();
            words.iter().any(|w| next.contains(w))
        }
    })
}

/// Whether what stands before a word (white space and opening quotes
/// trimmed) ends a sentence or a lead-in ("He said: War is coming"), not
/// an abbreviation ("Mr. Ban").
fn starts_sentence(opening: &str) -> bool {
    if opening.ends_with([':', '!', '?', ';', '—', '–']) {
        return true;
    }
    let Some(stem) = opening.strip_suffix('.') else { return false };
    let last = &stem[stem.trim_end_matches(char::is_alphabetic).len()..];
    let abbreviation = last.starts_with(char::is_uppercase) && last.chars().count() <= 3;
    !abbreviation
}

/// Whether `text` ends with the words `w`, a whole word.
fn ends_with_word(text: &str, w: &str) -> bool {
    text.strip_suffix(w).is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric()))
}

/// Whether `text` starts with the words `w`, a whole word.
fn starts_with_word(text: &str, w: &str) -> bool {
    text.strip_prefix(w).is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the first occurrence of `trigger` in `sentence` is in
    /// the event's sense.
    fn sense(sentence: &str, trigger: &str) -> bool {
        let at = sentence.find(trigger).expect("trigger in the sentence");
        in_sense(sentence, at, at + trigger.len())
    }

    #[test]
    fn triggers_in_another_sense_are_not_the_event() {
        let not_the_event = [
            ("A bidding war broke out for the studio in May.", "war"),
            ("The price war between the airlines ended in 2019.", "war"),
            ("Phishing attacks rose in March.", "attacks"),
            ("He had a heart attack on Monday.", "attack"),
            ("Demand for ice cream rose in July.", "Demand"),
            ("Consumer demand slowed in the third quarter.", "demand"),
            ("According to exit polls, Romney led in 2012.", "exit"),
            ("At a rally Friday in Florida, Clinton spoke.", "rally"),
            ("During the rally Monday, he spoke of prices.", "rally"),
            ("It became the best-funded group of 2016.", "funded"),
            ("He said he paid nothing in federal taxes last year.", "paid"),
            ("The nominee sits at 85 percent support among black voters in May.", "support"),
            ("She looks to shore up support amid sagging polls on Monday.", "support"),
            ("Veterans in 2014 were killing themselves at three times the rate.", "killing"),
            ("The island changed the course of World War II in 1942.", "War"),
            ("Iraq War veteran Tom Young, 30, lay down last year.", "War"),
            ("Mr. Ban's successor takes over on Jan. 1.", "Ban"),
            ("They were seeing a glimmer of the Promised Land in 1968.", "Promised"),
            ("Jabs in the debate on Monday cut at his populist appeal.", "appeal"),
            ("The bill passed in May with wide support.", "support"),
            ("The anti-war vote came in 2003.", "war"),
            ("The war-torn city was rebuilt in 2005.", "war"),
        ];
        for (sentence, trigger) in not_the_event {
            assert!(!sense(sentence, trigger), "{sentence}");
        }
    }

    #[test]
    fn triggers_in_their_sense_are_the_event() {
        let the_event = [
            ("The war began in 2003.", "war"),
            ("Rebels launched attacks on the capital in March.", "attacks"),
            ("Protesters demand the release of prisoners, they said on Monday.", "demand"),
            ("Thousands joined a rally against the war on Sunday.", "rally"),
            ("The US paid $2 million to the rebels in 2014.", "paid"),
            ("Congress voted to support the rebels in May.", "support"),
            ("Police killed two men on Friday.", "killed"),
            ("Attacks on the city resumed in April.", "Attacks"),
            ("“Attacks will continue,” he said on Monday.", "Attacks"),
            ("He said: War is coming, on Monday.", "War"),
            ("The rebels struck the base on 5 May.", "struck"),
            ("A drone strike killed him in 2011.", "strike"),
            ("Über-raids in Kābul began in March 2019.", "raids"),
            ("A counter-attack followed in May.", "attack"),
        ];
        for (sentence, trigger) in the_event {
            assert!(sense(sentence, trigger), "{sentence}");
        }
    }
}

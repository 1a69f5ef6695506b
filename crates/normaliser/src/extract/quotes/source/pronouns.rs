//! The gender a pronoun or a mention of a person shows, for linking
//! "he" and "she" to a compatible person.

use super::word_iter;
use std::sync::LazyLock;

/// A person's grammatical gender, as the text shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// he, him, his; Mr.
    Male,
    /// she, her; Mrs., Ms.
    Female,
}

/// The gender one mention of a person shows: a title right before it
/// (`before` ends where the name starts: "Mr. ", "Mrs. ", "Ms. "), or the
/// first subject or reflexive pronoun after it in its sentence ("Clinton
/// said she …") when no other name, quotation mark or sentence end comes
/// first. An object or a possessive ("Trump attacked her", "Clinton
/// praised his record") is as often someone else's: it shows nothing.
pub(crate) fn mention_gender(before: &str, after: &str) -> Option<Gender> {
    let t = before.trim_end();
    if t.ends_with("Mr.") || t.ends_with("Mr") {
        return Some(Gender::Male);
    }
    if t.ends_with("Mrs.") || t.ends_with("Ms.") || t.ends_with("Mrs") || t.ends_with("Ms") {
        return Some(Gender::Female);
    }
    // "Clinton accused him of sexism, he warned": a subject pronoun after
    // an object of its gender is that other person ("him"; "her" before
    // punctuation or a preposition; not a possessive, which may be the
    // subject's own: "Kagan thanked her staff and said she would run").
    let (mut him, mut her) = (false, false);
    for w in word_iter(after) {
        if w.opened || w.text.starts_with(char::is_uppercase) {
            return None;
        }
        match w.text {
            "he" | "himself" => return (!him).then_some(Gender::Male),
            "she" | "herself" => return (!her).then_some(Gender::Female),
            "him" => him = true,
            "her" => {
                let object = !w.tail.is_empty()
                    || after[w.start + 3..]
                        .split_whitespace()
                        .next()
                        .is_some_and(|n| OBJECT_FOLLOWERS.contains(&n));
                her |= object;
            }
            _ => {}
        }
        if !w.tail.is_empty() && !w.tail.starts_with(',') {
            return None;
        }
    }
    None
}

/// Given names and the gender the training texts show for them
/// (`given_names.txt`: name, m or f, then counts).
static GIVEN_NAMES: LazyLock<crate::hash::HashMap<&'static str, Gender>> = LazyLock::new(|| {
    crate::lexicon::entries(crate::language::EN.given_names)
        .into_iter()
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let name = cols.next()?;
            let g = match cols.next()? {
                "m" => Gender::Male,
                "f" => Gender::Female,
                _ => return None,
            };
            Some((name, g))
        })
        .collect()
});

/// The gender a person's name suggests by its first word, a given name
/// the training texts show with one gender ("Hillary Clinton": female);
/// none for a single word ("Clinton") or a given name not learned.
pub(crate) fn name_gender(name: &str) -> Option<Gender> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    GIVEN_NAMES.get(first).copied()
}

/// Words after which "her" is an object, not a possessive ("told her
/// that", "accused her of").
const OBJECT_FOLLOWERS: [&str; 12] =
    ["of", "to", "that", "and", "for", "in", "on", "at", "with", "as", "about", "after"];

/// The gender of `pronoun` (he or she, any case), if it has one.
pub(crate) fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    if pronoun.eq_ignore_ascii_case("he") {
        Some(Gender::Male)
    } else if pronoun.eq_ignore_ascii_case("she") {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The byte where the first "he" or "she" (any case) of gender `g`
/// stands in `text`, as a whole word.
pub(crate) fn pronoun_of_gender(text: &str, g: Gender) -> Option<usize> {
    word_iter(text).find(|w| pronoun_gender(w.text) == Some(g)).map(|w| w.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gender_a_mention_shows() {
        let table: &[(&str, &str, Option<Gender>)] = &[
            ("said Mr. ", " on Tuesday.", Some(Gender::Male)),
            ("Mrs. ", " spoke.", Some(Gender::Female)),
            ("", " said she would run.", Some(Gender::Female)),
            ("", " said that he would win.", Some(Gender::Male)),
            // An object or a possessive is often someone else's.
            ("", " said that his plan works.", None),
            ("", " praised her at length.", None),
            // Another name, a quotation or a sentence end comes first.
            ("", " told Trump he would lose.", None),
            ("", " said “she is wrong.”", None),
            ("", " left. He said", None),
            // After an object of the same gender, the subject pronoun is
            // that other person.
            ("", " accused him of sexism, he warned.", None),
            ("", " accused her of lying, she said.", None),
            ("", " praised her rival, he said.", Some(Gender::Male)),
            // A possessive may be the subject's own.
            ("", " thanked her staff and said she would run.", Some(Gender::Female)),
            ("", " thanked his staff and said he would run.", Some(Gender::Male)),
        ];
        for (before, after, want) in table {
            assert_eq!(mention_gender(before, after), *want, "{before:?} {after:?}");
        }
        assert_eq!(pronoun_gender("She"), Some(Gender::Female));
        assert_eq!(pronoun_gender("they"), None);
    }

    #[test]
    fn the_gender_a_given_name_suggests() {
        let table: &[(&str, Option<Gender>)] = &[
            ("Hillary Clinton", Some(Gender::Female)),
            ("Bernie Sanders", Some(Gender::Male)),
            // A surname alone, or a given name the texts did not show.
            ("Clinton", None),
            ("Hillary", None),
            ("Xqzt Sanders", None),
            // Case counts: a given name is written capitalised.
            ("hillary clinton", None),
        ];
        for (name, want) in table {
            assert_eq!(name_gender(name), *want, "{name}");
        }
        // Every line of the file is read: name, m or f, two counts.
        let lines = crate::lexicon::entries(crate::language::EN.given_names);
        assert!(!lines.is_empty());
        assert_eq!(GIVEN_NAMES.len(), lines.len());
    }
}

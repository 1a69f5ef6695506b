//! The gender a pronoun or a mention of a person shows, for linking
//! "he" and "she" to a compatible person.

use super::word_iter;

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
    for w in word_iter(after) {
        if w.opened || w.text.starts_with(char::is_uppercase) {
            return None;
        }
        match w.text {
            "he" | "himself" => return Some(Gender::Male),
            "she" | "herself" => return Some(Gender::Female),
            _ => {}
        }
        if !w.tail.is_empty() && !w.tail.starts_with(',') {
            return None;
        }
    }
    None
}

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
        ];
        for (before, after, want) in table {
            assert_eq!(mention_gender(before, after), *want, "{before:?} {after:?}");
        }
        assert_eq!(pronoun_gender("She"), Some(Gender::Female));
        assert_eq!(pronoun_gender("they"), None);
    }
}

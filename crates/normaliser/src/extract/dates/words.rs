//! The word lists of the date reader, from `data/en/date_words.txt`
//! (one list a line: `name: word, word`).

use crate::hash::HashMap;
use std::sync::LazyLock;

static LISTS: LazyLock<HashMap<&'static str, Vec<&'static str>>> =
    LazyLock::new(|| crate::lexicon::named_lists(crate::language::EN.date_words));

/// The words of list `name`, in the file's order (empty if it has none).
pub(super) fn list(name: &str) -> Vec<&'static str> {
    LISTS.get(name).cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_list_loads() {
        for name in [
            "future",
            "future_before_to",
            "future_participles",
            "past",
            "present",
            "not_past_before",
            "abbreviations",
            "century_words",
            "number_words",
            "month_prepositions",
            "holidays",
        ] {
            assert!(!super::list(name).is_empty(), "{name}");
        }
        assert_eq!(super::list("century_words")[19], "twentieth");
        assert!(super::list("future").contains(&"won't"));
    }
}

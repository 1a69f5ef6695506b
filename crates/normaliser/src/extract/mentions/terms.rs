//! Names the recogniser finds that are not actors by the way the text
//! uses them: the title of a work, a word used as an adjective, a name
//! that only qualifies a group of people, an acronym the text defines as
//! a phrase that is no name.

use super::recognised::list;
use std::sync::LazyLock;

/// Words before a title that make it a work's ("the author of …").
static WORK_LEADS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("work_leads"));
/// Last words that make a name a document or other work.
pub(super) static WORK_HEADS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("work_heads"));
/// Words after a title that make it a work's ("… author Michelle Alexander").
static WORK_TAILS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("work_tails"));
/// Adverbs of degree, before which a capitalised word is an adjective.
static DEGREE_ADVERBS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("degree_adverbs"));
/// Plural nouns of members of a group ("factions", "fighters").
static GROUP_NOUNS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("group_nouns"));
/// Small words a title or a defined phrase may hold in lower case.
static FUNCTION_WORDS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("title_function_words"));

/// Whether a word starts with a capital letter (or a digit).
fn capitalised(w: &str) -> bool {
    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the name at `at..end` is part of the title of a work: the
/// title-case run around it ("Why Allies Rebel: Defiant Local Partners in
/// Counterinsurgency Wars", capitalised words joined by small words and
/// colons) ends in a word of `work_heads`, is followed by one of
/// `work_tails` ("The New Jim Crow author …") or comes after a word of
/// `work_leads` ("the author of", "a book,", "titled").
pub(super) fn work_title(text: &str, at: usize, end: usize) -> bool {
    // Forward: the words after the name while the run goes on.
    let mut last = text[at..end].rsplit(' ').next().unwrap_or("");
    let mut rest = &text[end..];
    loop {
        let r = rest.strip_prefix(": ").or_else(|| rest.strip_prefix(' '));
        let Some(r) = r else { break };
        let word = r.split([' ', ',', '.', ';', ')', '\n', ':']).next().unwrap_or("");
        if capitalised(word) {
            last = word;
            rest = &r[word.len()..];
        } else if FUNCTION_WORDS.contains(&word) {
            let after = &r[word.len()..];
            let next = after.strip_prefix(' ').and_then(|a| a.split([' ', ',', '.', ';', ')', '\n']).next());
            if !next.is_some_and(capitalised) {
                break;
            }
            rest = after;
        } else {
            break;
        }
    }
    // "The New Jim Crow author Michelle Alexander": a run followed by
    // "author" is a work's title.
    let tail = rest.strip_prefix(' ').and_then(|r| r.split([' ', ',', '.']).next()).unwrap_or("");
    if WORK_HEADS.contains(&last) || WORK_TAILS.contains(&tail) {
        return true;
    }
    // Backward: over the run's capitalised words, the small words between
    // them and colons, to the first capitalised word; then the lead.
    let (mut run_start, mut cursor) = (at, at);
    loop {
        let spaced = text[..cursor].trim_end_matches(' ');
        let before = spaced.strip_suffix(':').unwrap_or(spaced).trim_end_matches(' ');
        if before.len() == cursor {
            break;
        }
        let start = before.rfind([' ', '\n']).map_or(0, |i| i + 1);
        let word = &before[start..];
        if capitalised(word) && !word.ends_with(['.', '!', '?', ',', ';']) {
            run_start = start;
        } else if !FUNCTION_WORDS.contains(&word) {
            break;
        }
        cursor = start;
    }
    let lead = text[..run_start].trim_end_matches([' ', ',']);
    WORK_LEADS
        .iter()
        .any(|l| lead.strip_suffix(l).is_some_and(|b| b.is_empty() || b.ends_with([' ', '\n', '('])))
}

/// Whether the word at `at` follows an adverb of degree ("mostly
/// Punjabi"): then it is an adjective, not a name.
pub(super) fn adjective_use(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix(' ') else { return false };
    let prev = before.rsplit([' ', '\n', '\'', '"', '\u{2018}', '\u{201c}']).next().unwrap_or("");
    DEGREE_ADVERBS.iter().any(|a| a.eq_ignore_ascii_case(prev))
}

/// Whether the name ending at `end` is followed by a plural noun of the
/// members of a group ("Ansar factions"): it qualifies the group.
pub(super) fn group_modifier(text: &str, end: usize) -> bool {
    let Some(after) = text[end..].strip_prefix(' ') else { return false };
    let next = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    GROUP_NOUNS.contains(&next)
}

/// Whether the text defines acronym `acr` as a phrase that is not a name:
/// words whose initials spell it, not all capitalised ("improvised
/// explosive device (IED)", a glossary line "SWT<tab>Subhanahu wa
/// ta'ala"), before it in brackets or after it at the start of a line.
pub(super) fn glossed_acronym(text: &str, acr: &str) -> bool {
    let n = acr.chars().count();
    let spelled = |words: &[&str]| {
        let initials = |ws: &[&str]| -> String {
            ws.iter().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect()
        };
        let content: Vec<&str> = words.iter().copied().filter(|w| !FUNCTION_WORDS.contains(w)).collect();
        initials(words) == acr || initials(&content) == acr
    };
    // A word of three letters or more in lower case, not a small word.
    let common = |words: &[&str]| {
        words.iter().any(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && w.starts_with(char::is_lowercase)
                && !FUNCTION_WORDS.contains(w)
        })
    };
    // "… improvised explosive device (IED)": the last n to 2n words.
    let bracketed = format!(" ({acr})");
    let before = text.match_indices(bracketed.as_str()).any(|(at, _)| {
        let line = text[..at].rsplit('\n').next().unwrap_or("");
        let words = words_of(line);
        (n..=(2 * n).min(words.len())).any(|k| {
            let tail = &words[words.len() - k..];
            spelled(tail) && common(tail)
        })
    });
    // A glossary line: the acronym, a tab, dash, colon, "=" or a space,
    // the phrase.
    let line_start = text.match_indices(acr).any(|(at, _)| {
        let starts_line = at == 0 || text[..at].ends_with('\n');
        let rest = &text[at + acr.len()..];
        let Some(def) =
            ["\t", " \u{2013} ", " - ", ": ", " = ", " "].iter().find_map(|s| rest.strip_prefix(s))
        else {
            return false;
        };
        let line = def.split('\n').next().unwrap_or("");
        let words = words_of(line.split([',', '(', ';']).next().unwrap_or(line));
        starts_line && (n..=(2 * n).min(words.len())).any(|k| spelled(&words[..k]) && common(&words[..k]))
    });
    before || line_start
}

/// The words of `s` (split at spaces and tabs), without the punctuation
/// around them.
fn words_of(s: &str) -> Vec<&str> {
    s.split([' ', '\t'])
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .filter(|w| !w.is_empty())
        .collect()
}

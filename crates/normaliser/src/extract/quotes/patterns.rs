//! The words and patterns attribution reads: reporting verbs, source
//! nouns, anonymous-source phrases, pronouns, naming cues.

use crate::lexicon::alternation;
use crate::lexicon::entries;
use crate::lexicon::re;
use crate::lexicon::REPORTING_VERBS;
use regex::Regex;
use std::sync::LazyLock;

pub(super) static SOURCE_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.source_nouns));

pub(super) static NAMING_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.naming_cues));

/// A reporting verb or phrase, as a whole word.
pub(super) static CUE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\b(?:{})\b", alternation(&REPORTING_VERBS))));

/// A verb that judges what it quotes, then its object, right before a
/// quotation: "Clinton called the Republican frontrunner “", "with the AFT
/// calling her “", "described the plan as “". Group 1 is the verb, group
/// 2 the object (up to six words, none with punctuation), possibly empty.
static EVALUATIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(call(?:s|ed|ing)?|describ(?:es|ed|ing)|brand(?:s|ed|ing)|dub(?:s|bed|bing)|label(?:s|ed|led|ing|ling)?)((?:\s+[^\s,.;:!?()“”\x22'‘’]+){0,6}?)(?:\s+as(?:\s+being)?)?\s*$",
    )
});

/// Words an evaluative verb's object never starts with: "called for “…”",
/// "called on them to “…”", "his calls to end the “…”", "was described as
/// “…”" (naming, a request or a noun, not a judgement of someone).
const NOT_AN_OBJECT: [&str; 7] = ["for", "on", "upon", "to", "as", "in", "by"];

/// The evaluative verb whose object ends `before` (the text up to an
/// opening quotation mark), if any: [`EVALUATIVE`], the object not
/// starting with [`NOT_AN_OBJECT`], and without an object only after
/// "what" ("what he calls “…”"). The verb is not a noun after a
/// determiner ("his calls").
pub(super) fn evaluative_cue(before: &str) -> Option<regex::Match<'_>> {
    let c = EVALUATIVE.captures(before)?;
    let (verb, object) = (c.get(1)?, c.get(2)?);
    let head = &before[..verb.start()];
    // "so-called “rapists”" names.
    if head.ends_with('-') {
        return None;
    }
    let prev = head.split_whitespace().next_back().unwrap_or("");
    if ["his", "her", "their", "its", "our", "my", "your", "a", "the", "this", "that"].contains(&prev) {
        return None;
    }
    match object.as_str().split_whitespace().next() {
        Some(first) if NOT_AN_OBJECT.contains(&first) => None,
        Some(_) => Some(verb),
        None => head.split_whitespace().rev().take(4).any(|w| w == "what").then_some(verb),
    }
}

/// The cues of `hay` (see [`CUE`]) but a capitalised one inside a name:
/// right after a capitalised word and before a word in lower case or
/// punctuation ("the United States, many of them …, argue", "Consumer
/// Reports said"). In a headline in title case the words after it are
/// capitalised too ("Zoe Saldana Asked Men To …"), and it counts; not when
/// one of the eight words before it is a longer word in lower case, as no
/// headline in title case has ("the president of the United States
/// Hispanic Chamber").
pub(super) fn cues(hay: &str) -> impl Iterator<Item = regex::Match<'_>> {
    CUE.find_iter(hay).filter(move |m| {
        let head = &hay[..m.start()];
        let prev = head.strip_suffix(' ').and_then(|b| b.rsplit(' ').next()).unwrap_or("");
        let next = hay[m.end()..].strip_prefix(' ').unwrap_or("");
        let running_text = || {
            let line = head.rsplit(['\n', '“', '"']).next().unwrap_or(head);
            line.split_whitespace()
                .rev()
                .take(8)
                .any(|w| w.chars().count() > 4 && w.starts_with(char::is_lowercase))
        };
        let in_name = m.as_str().starts_with(char::is_uppercase)
            && prev.starts_with(char::is_uppercase)
            && prev.chars().last().is_some_and(char::is_alphanumeric)
            && (!next.starts_with(char::is_uppercase) || running_text());
        // A noun of speech before a colon still introduces its quote ("He
        // then issued a warning: “…”").
        let noun = after_determiner(prev, m.as_str()) && !hay[m.end()..].starts_with(':');
        !in_name && !noun
    })
}

/// Whether a cue word is a noun, by the determiner or possessive right
/// before it: "one of the states suing the EPA", "his remarks", "whose
/// tweets", "a warning", "the saying goes". After "her" only a plural is
/// (an object before a verb: "heard her say", "made her laugh").
fn after_determiner(prev: &str, cue: &str) -> bool {
    const DETERMINERS: [&str; 11] =
        ["the", "a", "an", "his", "their", "its", "our", "my", "your", "whose", "her"];
    let prev = prev.trim_start_matches(['(', '“', '"', '‘']);
    DETERMINERS.iter().any(|d| prev.eq_ignore_ascii_case(d))
        && !cue.contains(' ')
        && (!prev.eq_ignore_ascii_case("her") || cue.ends_with('s'))
}

/// An anonymous source phrase ending at the end of the haystack.
pub(super) static ANON_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"{}\s*$", anonymous_np())));

/// An anonymous source phrase at the start of the haystack.
pub(super) static ANON_AFTER: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^\s*{}", anonymous_np())));

/// A source noun, as a whole word.
pub(super) static SOURCE_NOUN_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\b(?:{})\b", alternation(&SOURCE_NOUNS))));

/// The source nouns (`source_nouns.txt`) that name a text, which "it" can
/// stand for (`text_nouns.txt`).
pub(super) static TEXT_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.text_nouns));

/// A preposition (and "the") ending the haystack: what stands between a
/// source noun and the actor it is related to ("aide to", "commander
/// with the").
pub(super) static PREPOSITION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\s(?:(?:speaking|talking|writing)\s+)?(?:to|for|with|of|from|in|at|near|close\s+to)\s+(?:the\s+)?$",
    )
});

/// "of" or "from" and a place's capitalised words (up to three, maybe
/// after "the") ending the haystack: where a person is from ("Jeb Bush
/// of Florida", "Bill Eastland of Texas", "a farmer from New Hampshire").
pub(super) static PLACE_AFTER_NAME: LazyLock<Regex> =
    LazyLock::new(|| re(r"\s(?:of|from)\s+(?:the\s+)?(?:\p{Lu}[\p{L}.’'-]*\s+){1,3}$"));

pub(super) static PRONOUN_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(he|she|they|it)\s*$"));

pub(super) static PRONOUN_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(he|she|they|it)\b"));

/// A naming word or phrase right before a quote, or "refer to them as"
/// (up to three words between "to" and "as").
pub(super) static NAMING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:{}|refer(?:s|red|ring)?\s+to\s+(?:\S+\s+){{0,3}}?as)(?:\s+(?:a|an|the))?[\s,:]*$",
        alternation(&NAMING_CUES)
    ))
});

/// "what" and a subject of up to four words before a naming verb, right
/// before a quote ("what he called “", "what multiple lawmakers called a
/// “"): the subject's judgement, not a name ("a group called “…”").
pub(super) static WHAT_THEY_CALL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\bwhat\s+(?:[^\s,.;:“”\x22]+\s+){1,4}(?:calls?|called|dubs?|dubbed|labels?|labell?ed|brands?|branded)(?:\s+(?:a|an|the))?\s*$",
    )
});

/// A kind of work ending the haystack, with a comma at most after it
/// ("the show ", "his book, "): lower case only.
pub(super) static WORK_NOUN_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(?:{})[\s,]*$", alternation(&entries(crate::language::EN.work_nouns)))));

pub(super) static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:I|me|my|we|us|our|To me|dont|thats|Its|isnt|arent|wont|cant|doesnt|didnt|Im|weve|Ive)\b")
});

/// Group 1 of [`ANON_BEFORE`] or [`PRONOUN_BEFORE`] in `hay`, as a byte
/// range, found without a capture engine. Both patterns are `(X)\b\s*$`
/// with a group `X` that starts the match and ends in a letter or a
/// hyphen, never in white space: the trailing `\s*` is then the whole run
/// of white space ending the match, so the group is the match less that
/// run. A `find` (one reverse DFA scan) instead of `captures` (that scan,
/// then a backtracker whose visited set is cleared per call).
pub(super) fn group_before(re: &Regex, hay: &str) -> Option<std::ops::Range<usize>> {
    let m = re.find(hay)?;
    Some(m.start()..m.start() + m.as_str().trim_end().len())
}

/// Group 1 of [`ANON_AFTER`] or [`PRONOUN_AFTER`] in `hay`, as a byte
/// range: both are `^\s*(X)` with a group that ends the match (but for a
/// zero-width `\b`) and starts with a letter, so the group is the match
/// less its leading white space. See [`group_before`].
pub(super) fn group_after(re: &Regex, hay: &str) -> Option<std::ops::Range<usize>> {
    let m = re.find(hay)?;
    Some(m.end() - m.as_str().trim_start().len()..m.end())
}

/// "one commander from Kandahar", "a senior western official", or without
/// a determiner after capitalised modifiers ("U.N. experts", "Afghan
/// officials"). A modifier is a word without a full stop or an initialism
/// ("U.S."), and the phrase stays in its paragraph: "the talks were
/// over.\n\nThe statement" is no source phrase.
pub(super) fn anonymous_np() -> String {
    let nouns = alternation(&SOURCE_NOUNS);
    format!(
        r"((?:(?i:a|an|one|another|two|three|four|several|some|many|other|those|these|the)\s+(?:(?:[\p{{L}}’'-]+|(?:\p{{L}}\.)+)[^\S\n]+){{0,4}}?|(?:\p{{Lu}}(?:[\p{{L}}’'-]*|\.(?:\p{{L}}\.)*)[^\S\n]+){{1,3}})(?i:{nouns})(?:\s+(?:from|in|of)\s+(?:the\s+)?\p{{Lu}}[\p{{L}}-]*(?:\s+\p{{Lu}}[\p{{L}}-]*)?)?)\b"
    )
}

/// Reporting verbs that are also nouns ("assertive claims", "the notes"):
/// they count only with a subject right before them.
pub(super) static NOUN_LIKE_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.noun_like_cues));

#[cfg(test)]
mod tests {
    use super::*;

    /// A source phrase before a cue is read within its sentence and its
    /// paragraph; initialisms and plain words are its modifiers.
    #[test]
    fn source_phrases_stay_in_their_sentence() {
        let table: &[(&str, Option<&str>)] = &[
            ("The talks were over.\n\nThe statement ", Some("The statement")),
            ("The talks were over. The statement ", Some("The statement")),
            ("It ended on Monday.\n\nU.N. experts ", Some("U.N. experts")),
            ("It ended on Monday. Afghan officials ", Some("Afghan officials")),
            ("as one senior western official ", Some("one senior western official")),
            ("the U.S. officials ", Some("the U.S. officials")),
            ("The talks were over.\n\n", None),
        ];
        for (hay, want) in table {
            assert_eq!(group_before(&ANON_BEFORE, hay).map(|r| &hay[r]), *want, "{hay:?}");
        }
    }

    /// Attribution texts, ASCII and not, with every kind of white space.
    const ATTRIBUTIONS: &[&str] = &[
        "",
        " ",
        "“We will not leave,” said one commander from Kandahar  and left.",
        "as one senior western official\u{a0}reportedly\u{2003}said, U.N. experts\tagree",
        "Taliban fighters’ leaders, those sources in the Kunar Valley\nsaid ſhe \u{212a}im",
        "“Why?” he asked. She\u{3000}added: they  insisted. THEY ſaid. a man from Kābul Ærø",
        "the spokesman\u{2028}of the Taliban-Group said that Ça va reportedly\u{a0}\u{a0}",
        "Kim Kagan quietly  he  one elder said she’s the people of Helmand’s Ghazni Province ",
        "some  local\u{85}residents in Nangarhar, two   commanders  from Khost Paktia x",
    ];

    #[test]
    fn regex_groups_by_find_are_the_captured_groups() {
        let group = |r: &Regex, h: &str| r.captures(h).map(|c| c.get(1).expect("group 1 takes part").range());
        for t in ATTRIBUTIONS {
            let cuts = t.char_indices().map(|(i, _)| i).chain([t.len()]);
            for i in cuts {
                let (head, tail) = (&t[..i], &t[i..]);
                for r in [&*ANON_BEFORE, &*PRONOUN_BEFORE] {
                    assert_eq!(group_before(r, head), group(r, head), "{head:?}");
                }
                for r in [&*ANON_AFTER, &*PRONOUN_AFTER] {
                    assert_eq!(group_after(r, tail), group(r, tail), "{tail:?}");
                }
            }
        }
        // The texts do exercise the patterns.
        assert!(
            ANON_BEFORE.is_match("one commander from Kandahar  ") && PRONOUN_BEFORE.is_match("she\u{3000}")
        );
    }

    #[test]
    fn text_nouns_are_source_nouns() {
        for t in TEXT_NOUNS.iter() {
            let singular = t
                .strip_suffix("ies")
                .map_or_else(|| t.trim_end_matches('s').to_string(), |s| format!("{s}y"));
            assert!(SOURCE_NOUNS.contains(&singular.as_str()), "{t}: {singular} is not in source_nouns.txt");
        }
    }
}

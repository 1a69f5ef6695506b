//! The source of a quote read from the sentence around its cue, by its
//! shape, not from a list of known actors: a name ("Morrissey", "Lisa O.
//! Monaco", "Beto O’Rourke"; a title or role before it is the role, not
//! the name: "Wales coach Mike Ruddock", "Senate Majority Leader Mitch
//! McConnell"), or an organization ("the White House", "CNN", "Breitbart
//! News").
//!
//! [`add_speakers`] runs after the actor mentions are found: a name that
//! speaks ("…,” Morrissey said", "said Wales coach Mike Ruddock", "Lisa
//! O. Monaco, Obama’s adviser, said", "Howard Kurtz: “…”") and is no
//! actor yet becomes a discovered actor (`curated = false`, cue
//! `reporting_verb`), with a mention there and wherever else the document
//! names it (the full name; the surname after it). A surname alone links
//! to the person of the document whose name ends with it, else to the
//! full name written earlier in the document ("Tom Coale … Mr. Coale
//! said"), else it is the actor's name itself. The quote rules then find
//! the speaker among the mentions as they find any actor.
//!
//! Offsets of the mentions are code points of the document text.
//!
//! By concept: [`names`] reads a name by its shape, [`descriptions`] a
//! described source ("the team", "a spokesman for X"), [`pronouns`] the
//! gender a pronoun or a mention shows, [`discover`] finds the speakers
//! of a document and makes the new ones actors.

mod descriptions;
mod discover;
mod names;
mod pronouns;

use std::ops::Range;
use std::sync::LazyLock;

use corpus_parser::ActorType;

use crate::lexicon::{entries, TITLES};

pub(crate) use descriptions::{
    anon_before, bare_source_before, description_after, description_before, description_opening,
    quantifier_after, text_described_in, verb_like, well_formed_description, CLAUSE_WORDS,
};
pub(crate) use discover::{add_speakers, signature_start};
pub(crate) use names::is_role_word;
pub(crate) use pronouns::{mention_gender, name_gender, pronoun_gender, pronoun_of_gender, Gender};

/// Generational suffixes ending a name ("Jr.", "III").
pub(super) static SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.name_suffixes));

/// A source read from the text: its byte range in the haystack it was
/// read from, the name as the actor is to be called, and its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceName {
    /// Bytes of the haystack: where the name stands (titles left out).
    pub range: Range<usize>,
    /// The name, without titles, roles or a possessive.
    pub name: String,
    /// Person or organization.
    pub kind: ActorType,
}

/// One word of a haystack: its bytes, without the punctuation that
/// follows it (kept in `tail`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'a> {
    pub(super) start: usize,
    pub(super) text: &'a str,
    /// The punctuation right after the word (",", ".", ":", "”,"…).
    pub(super) tail: &'a str,
    /// Whether a mark or bracket opens the word ("“We", "(R-S.C.)").
    pub(super) opened: bool,
    /// Where the word starts with its opening marks.
    pub(super) outer: usize,
}

/// Where the last `n` words of `hay` (as [`words`] splits it) start, with
/// their opening marks: 0 when it has no more than `n`. The words of
/// `&hay[cut..]` are the last `n` of `hay`'s, shifted by `cut`, so a
/// reader that looks at no more than the last `n` words of a long text
/// (the text before a cue) need not split all of it.
pub(super) fn last_words_start(hay: &str, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in hay.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return i + c.len_utf8();
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    0
}

/// The words of `hay`, split at white space; trailing punctuation other
/// than the full stop of an abbreviation or an initial ("Sen.", "O.") is
/// set apart in `tail`.
pub(super) fn words(hay: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(hay.len() / 6 + 1);
    out.extend(word_iter(hay));
    out
}

/// [`words`] one at a time: for a reader that stops at the first word it
/// wants.
pub(super) fn word_iter(hay: &str) -> impl Iterator<Item = Word<'_>> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (start, end) = next_run(hay, at)?;
        at = end;
        Some(word_of(hay, start, end))
    })
}

/// Whether the character starting at byte `i` of `hay` is white space,
/// and its length.
#[inline]
fn space_at(hay: &str, i: usize) -> (bool, usize) {
    let b = hay.as_bytes()[i];
    if b < 0x80 {
        return (matches!(b, b' ' | b'\t'..=b'\r'), 1);
    }
    hay[i..].chars().next().map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()))
}

/// The next run of characters that are not white space at or after byte
/// `from`: its byte range.
fn next_run(hay: &str, mut from: usize) -> Option<(usize, usize)> {
    while from < hay.len() {
        let (space, len) = space_at(hay, from);
        if !space {
            break;
        }
        from += len;
    }
    if from >= hay.len() {
        return None;
    }
    Some((from, run_end(hay, from)))
}

/// The first white space at or after byte `at` of `hay` (its length if
/// none): 8 bytes at a time while none can be white space (an ASCII byte
/// above the space, the bulk of a word), else a character at a time.
fn run_end(hay: &str, mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let bytes = hay.as_bytes();
    loop {
        while let Some(chunk) = bytes.get(at..at + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("a chunk of 8 bytes"));
            // The high bit of each byte below 0x21 or outside ASCII (see
            // `lexicon::ascii_alnum_run` for the per-byte subtraction).
            let maybe = (!(x | HIGH).wrapping_sub(ONES * 0x21) | x) & HIGH;
            if maybe != 0 {
                at += (maybe.trailing_zeros() / 8) as usize;
                break;
            }
            at += 8;
        }
        if at >= bytes.len() {
            return bytes.len();
        }
        let (space, len) = space_at(hay, at);
        if space {
            return at;
        }
        at += len;
    }
}

/// The word of the run `start..end` (no white space in it): its opening
/// marks and trailing punctuation set apart.
fn word_of(hay: &str, start: usize, end: usize) -> Word<'_> {
    let chunk = &hay[start..end];
    // Most words open with an ASCII letter or digit and end with one.
    let lead = match chunk.as_bytes().first() {
        Some(b) if b.is_ascii_alphanumeric() => 0,
        _ => chunk.len() - chunk.trim_start_matches(['“', '"', '‘', '(', '[']).len(),
    };
    let body = &chunk[lead..];
    let mut cut = match body.as_bytes().last() {
        Some(b) if b.is_ascii_alphanumeric() => body.len(),
        _ => body.trim_end_matches(|c: char| !c.is_alphanumeric()).len(),
    };
    // Keep the full stop of an abbreviation or an initial.
    if body[cut..].starts_with('.') && is_abbreviation(&body[..cut + 1]) {
        cut += 1;
    }
    Word { start: start + lead, text: &body[..cut], tail: &body[cut..], opened: lead > 0, outer: start }
}

/// A regular verb in the past, by its shape: lower-case ASCII letters
/// ending in "ed", five or more ("smiled", "fumed"; not "red", "bed").
pub(crate) fn past_tense(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase())
}

/// `before` (the text before a cue) without the auxiliaries and adverbs
/// and asides that end it ("Miller reportedly ", "The State Department
/// has also ", "The campaign, for example, " → "Miller ", "The State
/// Department ", "The campaign"): what is left ends in white space or
/// before an aside's comma, or is `before` itself.
pub(crate) fn strip_auxiliaries(before: &str) -> &str {
    let mut t = before;
    loop {
        let trimmed = t.trim_end();
        // "Kelly Ayotte’s campaign, for example, said": an aside between
        // commas; what is left ends with the word before it.
        if let Some(inner) = trimmed.strip_suffix(',') {
            if let Some((head, aside)) = inner.rsplit_once(", ") {
                if ASIDES.contains(&aside) && !head.is_empty() {
                    t = head;
                    continue;
                }
            }
        }
        // "The Foreign Office on Monday said", "the ministry less than two
        // weeks ago said": a time between the source and its cue.
        if let Some(time) = TIME_BEFORE_CUE.captures(trimmed).and_then(|c| c.get(1)) {
            t = &trimmed[..time.start()];
            continue;
        }
        let Some((head, last)) = trimmed.rsplit_once(char::is_whitespace) else { return t };
        // "Sherry smiled and said", "Trump paused and added": a verb in
        // the past joined to the cue shares its subject.
        if last == "and" {
            let head = head.trim_end();
            if let Some((_, verb)) = head.rsplit_once(char::is_whitespace) {
                if past_tense(verb) {
                    // Up to the verb, the white space before it kept
                    // (whatever its width).
                    t = &before[..head.len() - verb.len()];
                    continue;
                }
            }
        }
        if !(adverb(last) || WORDS_BEFORE_CUE.contains(&last)) {
            return t;
        }
        t = &trimmed[..trimmed.len() - last.len()];
    }
}

/// Whether a word is shaped like an adverb: lower case, in -ly, more than
/// three letters ("strongly", "reportedly"), and not one of the common
/// nouns or adjectives so shaped ("The family said", "The conservative
/// weekly said").
pub(crate) fn adverb(w: &str) -> bool {
    const NOUNS: [&str; 14] = [
        "family",
        "ally",
        "assembly",
        "rally",
        "supply",
        "monopoly",
        "reply",
        "anomaly",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "yearly",
        "elderly",
    ];
    w.len() > 3 && w.ends_with("ly") && w.chars().all(char::is_lowercase) && !NOUNS.contains(&w)
}

/// A time that ends the text before a cue, after white space: a day of
/// the week ("on Monday night"), a relative one ("last week", "earlier
/// this month", "less than two weeks ago", "yesterday") or a date ("on
/// March 3", "in 2014").
static TIME_BEFORE_CUE: LazyLock<regex::Regex> = LazyLock::new(|| {
    let weekday = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)";
    let period =
        r"(?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|fall|autumn|winter)";
    let count = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\sfew|several|\d{1,2})";
    let times = [
        format!(r"(?:on\s)?{weekday}(?:\s(?:morning|afternoon|evening|night))?"),
        format!(r"(?:last|this|next|earlier\sthis|earlier\sthat|later\sthat)\s(?:{period}|{weekday})"),
        format!(r"(?:(?:less|more)\sthan\s)?{count}\s(?:days?|weeks?|months?|years?)\sago"),
        r"yesterday|today|tonight".to_string(),
        format!(r"(?:on\s)?{month}\s\d{{1,2}}(?:,\s\d{{4}})?"),
        format!(r"in\s(?:{month}(?:\s(?:19|20)\d\d)?|(?:19|20)\d\d)"),
    ];
    crate::lexicon::re(&format!(r"\s({})$", times.join("|")))
});

/// Asides between commas that may stand between a source and its cue.
const ASIDES: [&str; 14] = [
    "for example",
    "for instance",
    "however",
    "in turn",
    "meanwhile",
    "too",
    "though",
    "in fact",
    "of course",
    "instead",
    "in response",
    "in a statement",
    "in an interview",
    "in particular",
];

/// Auxiliaries between a source and its cue (`words_before_cue.txt`).
static WORDS_BEFORE_CUE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.words_before_cue));

/// "O.", "Sen.", "Jr.", "U.S.": a capital and a full stop, or a title
/// written with one.
pub(crate) fn is_abbreviation(w: &str) -> bool {
    let mut chars = w.chars();
    let initial =
        matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase());
    initial
        || TITLES.contains(&w)
        || SUFFIXES.contains(&w)
        || (w.len() >= 4
            && w.split_terminator('.').all(|p| p.len() == 1 && p.chars().all(char::is_uppercase)))
}

/// Whether `w` has the shape of a title's abbreviation, listed or not: a
/// capital, one to three lower-case letters and a full stop ("Del.",
/// "Supt.", "Cmdr."; an initial is a capital alone, "O."). Only before a
/// name does it read as one.
pub(crate) fn title_abbreviation(w: &str) -> bool {
    w.strip_suffix('.').is_some_and(title_stem)
}

/// A title's abbreviation without its full stop (see
/// [`title_abbreviation`]).
pub(super) fn title_stem(stem: &str) -> bool {
    let mut chars = stem.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && (1..=3).contains(&chars.as_str().len())
        && chars.all(|c| c.is_ascii_lowercase())
}

/// The end of a name that stands before `hay`'s closing apposition ("Lisa
/// O. Monaco, Obama’s adviser on counterterrorism and homeland security,"
/// → the byte where "Monaco" ends): `hay` ends with a comma, and the one
/// before it (at most 160 bytes back, no quote mark or clause between)
/// follows a name.
pub(crate) fn apposition_start(hay: &str) -> Option<usize> {
    let t = hay.trim_end();
    let inner = t.strip_suffix(',')?;
    let comma = inner.rfind(',')?;
    let apposition = &inner[comma + 1..];
    if inner.len() - comma > 160
        || apposition.contains(['“', '”', '"', '‘', ';', ':', '(', ')'])
        || apposition.trim().is_empty()
        || apposition.split_whitespace().count() > 18
    {
        return None;
    }
    Some(comma)
}

/// Whether the end of the text `parts` make one after the other (a
/// paragraph up to a point) is inside a quotation: more “ than ”, or an
/// odd number of straight marks (a doubled apostrophe is one).
pub(crate) fn inside_quotes(parts: &[&str]) -> bool {
    let (mut open, mut close, mut straight) = (0usize, 0usize, 0usize);
    let mut apostrophe = false;
    for c in parts.iter().flat_map(|p| p.chars()) {
        match c {
            '“' => open += 1,
            '”' => close += 1,
            '"' => straight += 1,
            '\'' if apostrophe => {
                straight += 1;
                apostrophe = false;
                continue;
            }
            _ => {}
        }
        apostrophe = c == '\'';
    }
    open > close || straight % 2 == 1
}

/// Where the brackets closing `hay` open ("Harry M. Reid (D-Nev.) " →
/// the byte of "("): a short aside, at most 40 bytes, no mark inside.
pub(crate) fn bracket_before(hay: &str) -> Option<usize> {
    let t = hay.trim_end().strip_suffix(')')?;
    let open = t.rfind('(')?;
    (t.len() - open <= 40 && !t[open..].contains(['“', '”', '"', ')'])).then_some(open)
}

/// The byte of the first sentence stop in `text` ("." "!" "?" or "(")
/// that is not the full stop of an initial or a title ("Lisa O. Monaco",
/// "Mr. Schmidt").
pub(crate) fn first_stop(text: &str) -> Option<usize> {
    text.match_indices(['.', '!', '?', '(']).map(|(i, _)| i).find(|&i| {
        if &text[i..i + 1] != "." {
            return true;
        }
        let word_start = text[..i].rfind(char::is_whitespace).map_or(0, |k| k + 1);
        !is_abbreviation(&text[word_start..=i])
    })
}

/// The words of `text` less those of an apposition between its first and
/// its last comma ("Lisa O. Monaco, Obama’s adviser on terrorism, said"
/// counts "Lisa O. Monaco said").
pub(crate) fn words_outside_apposition(text: &str) -> usize {
    let all = text.split_whitespace().count();
    match (text.find(','), text.rfind(',')) {
        (Some(a), Some(b)) if b > a => all - text[a + 1..=b].split_whitespace().count(),
        _ => all,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What stands between a subject and its cue is stripped: an adverb,
    /// an auxiliary, a verb in the past joined by "and" (whatever the
    /// white space before that verb).
    #[test]
    fn words_between_a_subject_and_its_cue() {
        let table: &[(&str, &str)] = &[
            ("Kim Kagan reportedly ", "Kim Kagan "),
            ("The department has also ", "The department "),
            ("Jane Sherry smiled and ", "Jane Sherry "),
            ("Jane Sherry\u{2003}paused and ", "Jane Sherry\u{2003}"),
            ("Jane Sherry\u{a0}smiled and ", "Jane Sherry\u{a0}"),
            // Not a verb in the past: kept.
            ("Bread and ", "Bread and "),
            ("The red and ", "The red and "),
        ];
        for (before, kept) in table {
            assert_eq!(strip_auxiliaries(before), *kept, "{before:?}");
        }
        assert!(past_tense("smiled") && !past_tense("red") && !past_tense("Smiled"));
    }

    /// The words as a plain split at white space gives them (the reading
    /// `words` had before it scanned bytes): on text with non-ASCII white
    /// space, runs of it, marks, initials and abbreviations.
    #[test]
    fn words_are_the_runs_between_white_space() {
        fn split(hay: &str) -> Vec<(usize, &str, &str, bool, usize)> {
            let mut out = Vec::new();
            let mut at = 0;
            for chunk in hay.split_inclusive(char::is_whitespace) {
                let start = at;
                at += chunk.len();
                let chunk = chunk.trim_end();
                if chunk.is_empty() {
                    continue;
                }
                let lead = chunk.len() - chunk.trim_start_matches(['“', '"', '‘', '(', '[']).len();
                let body = &chunk[lead..];
                let mut cut = body.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
                if body[cut..].starts_with('.') && is_abbreviation(&body[..cut + 1]) {
                    cut += 1;
                }
                out.push((start + lead, &body[..cut], &body[cut..], lead > 0, start));
            }
            out
        }
        let texts = [
            "",
            "   ",
            "“We will win,” said Sen. Lisa O. Monaco of the U.S. State Department.",
            "a\u{a0}b\u{2003}c\u{3000}d\te\n\nf\r\ng\u{85}h\u{202f}i",
            "  (R-S.C.)  “…” ― Carla Sanchez.  ",
            "Jr. III, Mr. Coale’s “quote”? [bracket] ‘single’ Ünïcödé ße",
            "ends with space ",
            "\u{2028}leading",
        ];
        // And generated texts: words longer than 8 bytes, control
        // characters, white space and marks outside ASCII at every place.
        let pieces = [
            "Administration",
            "a",
            "Z9",
            " ",
            "  ",
            "\t",
            "\u{b}",
            "\u{1}",
            "\u{1f}",
            "!",
            ",",
            ".",
            "\u{a0}",
            "\u{2003}",
            "é",
            "“",
            "”",
            "’s",
            "(",
            "Sen.",
            "U.S.",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut generated = Vec::new();
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..seed % 16 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            generated.push(t);
        }
        for t in texts.iter().copied().chain(generated.iter().map(String::as_str)) {
            let got: Vec<_> = words(t).iter().map(|w| (w.start, w.text, w.tail, w.opened, w.outer)).collect();
            assert_eq!(got, split(t), "{t:?}");
            assert_eq!(word_iter(t).count(), got.len());
        }
    }
}

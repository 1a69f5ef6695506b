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

use std::ops::Range;
use std::sync::LazyLock;

use corpus_parser::{ActorType, BlockKind};
use regex::Regex;

use crate::clean::Document;
use crate::extract::mentions::{ActorMatcher, ActorRef, Annotations, DiscoveredActor, DiscoveryCue, Mention};
use crate::lexicon::{
    alternation, entries, re, NOT_NAMES, ORG_HEADS, PLACES, REPORTING_VERBS, ROLES, TITLES,
};
use crate::offsets::CharCounter;

/// A reporting verb or phrase, as a whole word, exact case (a capitalised
/// "Says" opens a headline, not an attribution).
static CUE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b(?:{})\b", alternation(&REPORTING_VERBS))));

/// Capitalised words that stand before a name as its role, or that make a
/// run of capitalised words a group rather than a person ("Senate
/// Majority Leader", "Republican", "Press Secretary").
static ROLE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    entries(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/en/speaker_role_words.txt")))
});

/// Lower-case particles inside a name ("Charles de Gaulle", "Osama bin
/// Laden").
const PARTICLES: &[&str] =
    &["de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "bin", "ibn", "al", "el"];

/// Generational suffixes ending a name ("Jr.", "III").
const SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

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
struct Word<'a> {
    start: usize,
    text: &'a str,
    /// The punctuation right after the word (",", ".", ":", "”,"…).
    tail: &'a str,
    /// Whether a mark or bracket opens the word ("“We", "(R-S.C.)").
    opened: bool,
    /// Where the word starts with its opening marks.
    outer: usize,
}

/// The words of `hay`, split at white space; trailing punctuation other
/// than the full stop of an abbreviation or an initial ("Sen.", "O.") is
/// set apart in `tail`.
fn words(hay: &str) -> Vec<Word<'_>> {
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
        // Keep the full stop of an abbreviation or an initial.
        if body[cut..].starts_with('.') && is_abbreviation(&body[..cut + 1]) {
            cut += 1;
        }
        let outer = start + (chunk.len() - chunk.trim_start().len());
        out.push(Word {
            start: start + lead,
            text: &body[..cut],
            tail: &body[cut..],
            opened: lead > 0,
            outer,
        });
    }
    out
}

/// "O.", "Sen.", "Jr.", "U.S.": a capital and a full stop, or a title
/// written with one.
pub(crate) fn is_abbreviation(w: &str) -> bool {
    let letters: Vec<char> = w.chars().collect();
    (letters.len() == 2 && letters[0].is_uppercase() && letters[1] == '.')
        || TITLES.contains(&w)
        || SUFFIXES.contains(&w)
        || (w.len() >= 4
            && w.split_terminator('.').all(|p| p.len() == 1 && p.chars().all(char::is_uppercase)))
}

/// Whether `w` may be part of a name: a capitalised word (letters,
/// hyphens, apostrophes, an inner capital: "O’Rourke", "McConnell",
/// "Ocasio-Cortez"), an initial ("O."), or an acronym ("CNN").
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    first.is_uppercase()
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'' | '.'))
        && !w.ends_with(['’', '\''])
        && !w.ends_with("’s")
        && !w.ends_with("'s")
}

fn is_role_word(w: &str) -> bool {
    let bare = w.trim_end_matches('.');
    ROLE_WORDS.iter().any(|r| r.eq_ignore_ascii_case(bare))
        || ROLES.iter().any(|r| r.eq_ignore_ascii_case(bare))
        || TITLES.contains(&w)
        || TITLES.iter().any(|t| t.trim_end_matches('.').eq_ignore_ascii_case(bare) && !t.contains(' '))
}

/// Words that make a capitalised run an organization ("Institute", "News",
/// "House", "Times"), or an acronym ("CNN", "F.B.I.").
fn is_org_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    ORG_HEADS.contains(&w)
        || MEDIA_HEADS.contains(&w)
        || (letters >= 2 && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase))
}

/// Last words of the names of news outlets and of the White House.
const MEDIA_HEADS: &[&str] = &[
    "News", "Times", "Post", "Journal", "Press", "House", "Tribune", "Herald", "Gazette", "Radio", "Magazine",
];

/// Words that make a capitalised run a text, not an actor ("the 2023
/// Annual Threat Assessment said"): a text speaks as a description.
const TEXT_WORDS: &[&str] = &[
    "Report",
    "Assessment",
    "Review",
    "Strategy",
    "Statement",
    "Agreement",
    "Accord",
    "Act",
    "Resolution",
    "Poll",
];

/// Reads a run of name words (`run`: indices into `ws`) as a source: the
/// person after the last role word ("Wales coach Mike Ruddock", "Senate
/// Majority Leader Mitch McConnell"), or, with no person after it, an
/// organization ("the Clinton Foundation", "CNN"). Words that open a
/// sentence ("But", "The") and possessives are left out.
fn read_run(hay: &str, ws: &[Word<'_>], run: Range<usize>) -> Option<SourceName> {
    let (mut a, b) = (run.start, run.end);
    if ws[a..b].iter().any(|w| TEXT_WORDS.contains(&w.text)) {
        return None;
    }
    while a < b && (NOT_NAMES.contains(ws[a].text) || ws[a].text == "Mr") {
        a += 1;
    }
    if a >= b {
        return None;
    }
    // The word after "Mr." is a name, whatever else it is ("Mr. King").
    let honorific =
        |k: usize| k > a && ["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms"].contains(&ws[k - 1].text);
    let last_role = (a..b).rev().find(|&k| is_role_word(ws[k].text) && !honorific(k));
    let person_from = last_role.map_or(a, |k| k + 1);
    // A person: name words after the last role word, not an organization
    // word among them, not a place.
    let person = &ws[person_from..b];
    let is_person = !person.is_empty()
        && person.len() <= 5
        && !person
            .iter()
            .any(|w| is_org_word(w.text) || PLACES.contains(w.text) || NOT_NAMES.contains(w.text))
        && !PARTICLES.contains(&person[0].text)
        && (person.len() != 1 || !person[0].text.ends_with('.'));
    let span = |from: usize| ws[from].start..ws[b - 1].start + ws[b - 1].text.len();
    // One word that is a source noun or a role ("Officials", "Aides") is
    // a description, not a name.
    let lone_noun = person.len() == 1 && !honorific(person_from) && {
        let lower = person[0].text.to_lowercase();
        super::patterns::SOURCE_NOUNS.contains(&lower.as_str()) || is_role_word(person[0].text)
    };
    if is_person && !lone_noun {
        let r = span(person_from);
        if PLACES.contains(&hay[r.clone()]) {
            return None;
        }
        return Some(SourceName { name: hay[r.clone()].to_string(), range: r, kind: ActorType::Person });
    }
    // An organization: the whole run, when it holds an organization word
    // and no role word ends it ("White House", "Breitbart News").
    let org = &ws[a..b];
    let has_org_word = org.iter().any(|w| is_org_word(w.text));
    if has_org_word && last_role.is_none_or(|k| k + 1 < b) && org.len() <= 6 {
        let r = span(a);
        let name = hay[r.clone()].to_string();
        if PLACES.contains(name.as_str()) {
            return None;
        }
        return Some(SourceName { name, range: r, kind: ActorType::Organization });
    }
    None
}

/// Whether the word at `k` may continue a run of name words that ends
/// after it (a capitalised word, or a particle between two).
fn joins(ws: &[Word<'_>], k: usize) -> bool {
    let w = ws[k];
    if w.opened {
        return false;
    }
    if is_name_word(w.text) || SUFFIXES.contains(&w.text) {
        return true;
    }
    PARTICLES.contains(&w.text) && k > 0 && is_name_word(ws[k - 1].text) && ws[k - 1].tail.is_empty()
}

/// The source that ends `hay` (the text before a cue: "… Mr. Coale",
/// "… Senate Majority Leader Mitch McConnell"). A possessive ("Trump’s")
/// is no source, nor a run that follows an opening quote mark.
pub(crate) fn name_before(hay: &str) -> Option<SourceName> {
    let ws = words(hay);
    let end = ws.len();
    if end == 0
        || !ws[end - 1].tail.is_empty()
        || !hay[ws[end - 1].start + ws[end - 1].text.len()..].trim().is_empty()
    {
        return None;
    }
    let mut a = end;
    while a > 0
        && joins(&ws, a - 1)
        && (a == end || ws[a - 1].tail.is_empty() || ws[a - 1].text.ends_with('.'))
    {
        a -= 1;
        if end - a > 8 {
            return None;
        }
    }
    if a == end {
        return None;
    }
    // "Marco Rubio of Florida", "a spokesman for the Clinton campaign": the
    // run after a preposition is where the source is from; the person
    // before it speaks.
    let mut j = a;
    if j > 0 && ws[j - 1].text == "the" {
        j -= 1;
    }
    if j > 0 && ["of", "from", "for", "at", "with", "in"].contains(&ws[j - 1].text) {
        let k = j - 1;
        if k == 0 || !ws[k - 1].tail.is_empty() {
            return None;
        }
        let head = &hay[..ws[k - 1].start + ws[k - 1].text.len()];
        return name_before(head).filter(|s| s.kind == ActorType::Person);
    }
    let name = read_run(hay, &ws, a..end)?;
    // A word that opens a sentence is capitalised whatever it is: a single
    // one ("Critics said") is read by `common_word` at the call site.
    Some(name)
}

/// The source that opens `hay` (the text after an inverted cue: "said
/// Wales coach Mike Ruddock.", "says Morrissey,"): up to six words of role
/// ("coach", "political consultant", "the campaign’s spokesman,") and then
/// a run of name words that ends at punctuation, at the end, or before a
/// lower-case word.
pub(crate) fn name_after(hay: &str) -> Option<SourceName> {
    let ws = words(hay);
    let mut k = 0;
    while k < ws.len() && k <= 8 {
        let w = ws[k];
        if joins(&ws, k) && !PARTICLES.contains(&w.text) && !NOT_NAMES.contains(w.text) {
            let mut b = k + 1;
            while b < ws.len() && ws[b - 1].tail.is_empty() && joins(&ws, b) {
                b += 1;
            }
            // A particle does not end a name.
            while b > k + 1 && PARTICLES.contains(&ws[b - 1].text) {
                b -= 1;
            }
            let name = read_run(hay, &ws, k..b);
            // "NRF spokesman Ali Maisam Nazary", "Republican political
            // consultant Chris Russell": a run of role words, or one right
            // before a lower-case role noun, is the role; the name follows.
            let role_follows = ws[b - 1].tail.is_empty()
                && ws.get(b).is_some_and(|n| n.text.starts_with(char::is_lowercase) && is_role_word(n.text));
            let only_roles =
                name.is_none() && ws[b - 1].tail.is_empty() && (k..b).any(|j| is_role_word(ws[j].text));
            if !(role_follows || only_roles) {
                return name;
            }
            k = b;
            continue;
        }
        // Role words before the name: lower case, or a capitalised word
        // that is not a name ("the", "coach", "the campaign’s spokesman,").
        let lower = w.text.chars().next().is_some_and(char::is_lowercase);
        if !(lower || NOT_NAMES.contains(w.text)) || w.tail.contains(['.', ';', ':', '“', '”', '"', '(', ')'])
        {
            return None;
        }
        // "on Tuesday", "in a statement": a preposition ends the cue's
        // inversion.
        if STOP_AFTER.contains(&w.text) {
            return None;
        }
        k += 1;
    }
    None
}

/// Words after an inverted cue that end it: what follows is no source
/// ("said on Tuesday", "told reporters that …").
const STOP_AFTER: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "during",
    "after",
    "before",
    "of",
    "that",
    "about",
    "with",
    "as",
    "by",
    "for",
    "from",
    "and",
    "but",
    "while",
    "when",
    "if",
    "this",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "reporters",
];

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

/// Whether the end of `text` (a sentence up to a point) is inside a
/// quotation: more “ than ”, or an odd number of straight marks.
pub(crate) fn inside_quote(text: &str) -> bool {
    let (mut open, mut close, mut straight) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match c {
            '“' => open += 1,
            '”' => close += 1,
            '"' => straight += 1,
            _ => {}
        }
    }
    open > close || straight % 2 == 1
}

/// Determiners that open a description of a source ("the team", "a senior
/// official", "her senior policy adviser").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "two", "three", "some", "many", "several", "another", "other", "those", "these",
    "his", "her", "their", "its", "our", "most", "both", "The", "A", "An", "One", "Two", "Three", "Some",
    "Many", "Several", "Another", "Other", "Those", "These", "His", "Her", "Their", "Its", "Our", "Most",
    "Both",
];

/// Lower-case words that end no description: auxiliaries, adverbs,
/// pronouns ("the group has said", "the two later said").
const NOT_HEADS: &[&str] = &[
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "also",
    "then",
    "later",
    "who",
    "which",
    "that",
    "and",
    "or",
    "but",
    "not",
    "never",
    "once",
    "again",
    "first",
    "last",
    "same",
    "time",
    "day",
    "week",
    "year",
    "month",
    "morning",
    "evening",
    "night",
    "statement",
    "interview",
    "email",
    "letter",
    "tweet",
    "speech",
    "way",
    "end",
    "other",
    "others",
    "one",
    "all",
    "both",
    "each",
    "would",
    "will",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "did",
    "does",
    "do",
];

/// A description ending `hay` (the text before a cue): a determiner, up to
/// four modifiers and a lower-case head noun ("the gambling tycoon", "The
/// Vermont senator", "her senior policy adviser"), as a byte range.
pub(crate) fn description_before(hay: &str) -> Option<Range<usize>> {
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
    // New York Times", which is a name).
    ws[1..=end]
        .iter()
        .any(|w| w.text.chars().all(|c| c.is_lowercase()) && !NOT_HEADS.contains(&w.text))
        .then(|| first.start..last.start + last.text.len())
}

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
/// first pronoun after it in its sentence ("Clinton said she …") when no
/// other name, quotation mark or sentence end comes first.
pub(crate) fn mention_gender(before: &str, after: &str) -> Option<Gender> {
    let t = before.trim_end();
    if t.ends_with("Mr.") || t.ends_with("Mr") {
        return Some(Gender::Male);
    }
    if t.ends_with("Mrs.") || t.ends_with("Ms.") || t.ends_with("Mrs") || t.ends_with("Ms") {
        return Some(Gender::Female);
    }
    for w in words(after) {
        if w.opened || w.text.starts_with(char::is_uppercase) {
            return None;
        }
        match w.text {
            "he" | "him" | "his" | "himself" => return Some(Gender::Male),
            "she" | "her" | "hers" | "herself" => return Some(Gender::Female),
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

/// Whether `word`, written with a capital at a sentence start, is a common
/// word: the document writes it in lower case too ("Critics said" beside
/// "the critics").
fn common_word(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word {
        return true;
    }
    text.match_indices(lower.as_str()).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + lower.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether `hay` ends at a sentence start: nothing, or a sentence end, an
/// opening mark or a closing mark before (`“…,” Critics said` is not).
fn at_sentence_start(hay: &str) -> bool {
    let t = hay.trim_end();
    t.is_empty() || t.ends_with(['.', '!', '?', ':', '“', '"', '(', '—'])
}

/// Whether a cue ending the text `before` follows a closing quotation mark
/// ("…,” said X" / "…?” asked X"): then the subject may come after it.
fn after_a_quote(before: &str) -> bool {
    let t = before.trim_end().trim_end_matches([',', '—', '–', ' ']);
    t.ends_with(['”', '"', '’', '\''])
}

/// The segments whose sources are read: running text.
fn readable(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Paragraph
            | BlockKind::ListItem
            | BlockKind::Standfirst
            | BlockKind::Caption
            | BlockKind::BlockQuote
    )
}

/// A source found in a segment: its bytes in the document text.
struct Found {
    bytes: Range<usize>,
    name: String,
    kind: ActorType,
}

/// The speakers of a document read from its sentences: beside every cue
/// ("X said", "said X", "X, role, said", "according to X") and before a
/// colon that opens a quote ("X: “…”").
fn read_speakers(doc: &Document) -> Vec<Found> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    let mut index = ByteOf::new(text);
    for seg in doc.segments.iter().filter(|s| readable(s.kind)) {
        let Some(span) = &seg.span else { continue };
        let base = index.byte_of(span.start);
        let end = index.byte_of(span.end);
        let slice = &text[base..end];
        let mut push = |hay_start: usize, hay: &str, s: SourceName| {
            let at = hay_start + s.range.start;
            // A lone capitalised word at a sentence start that the
            // document also writes in lower case is a common word.
            let lone = !s.name.contains(' ');
            if lone && at_sentence_start(&slice[..at - base]) && common_word(text, &s.name) {
                return;
            }
            let _ = hay;
            out.push(Found { bytes: at..at + s.range.len(), name: s.name, kind: s.kind });
        };
        for m in CUE.find_iter(slice) {
            let before = &slice[..m.start()];
            let before = strip_adverb(before);
            let before = bracket_before(before).map_or(before, |open| &before[..open]);
            let mut found = name_before(before).map(|s| (base, s));
            if found.is_none() {
                if let Some(comma) = apposition_start(before) {
                    found = name_before(&before[..comma]).map(|s| (base, s));
                }
            }
            if found.is_none() && (after_a_quote(before) || m.as_str() == "according to") {
                let after = &slice[m.end()..];
                found = name_after(after).map(|s| (base + m.end(), s));
            }
            if let Some((hay_start, s)) = found {
                push(hay_start, slice, s);
            }
        }
        // The subject of a sentence that holds a quote ("Tracy Martin,
        // Trayvon's father, issued a statement Thursday, saying … “…”",
        // "Comey indicated that … “…”"): a name opening it.
        for (a, b) in sentence_spans(slice) {
            let sentence = &slice[a..b];
            if !sentence.contains(['“', '"']) {
                continue;
            }
            if let Some(s) = subject_of(sentence) {
                push(base + a, slice, s);
            }
        }
        // "Howard Kurtz: “…”" — a name and a colon open a quote.
        for (i, _) in slice.match_indices(':') {
            let next = slice[i + 1..].trim_start();
            if next.starts_with(['“', '"']) {
                // "Howard Kurtz, Fox News:": the person before the comma.
                let head = &slice[..i];
                let person = head
                    .rfind(", ")
                    .and_then(|c| name_before(&head[..c]))
                    .filter(|s| s.kind == ActorType::Person);
                if let Some(s) = person.or_else(|| name_before(head)) {
                    push(base, slice, s);
                }
            }
        }
    }
    out
}

/// Byte offsets of code point offsets of a text, counted forward from the
/// last one asked (the segments come in text order).
struct ByteOf<'a> {
    text: &'a str,
    ch: usize,
    byte: usize,
}

impl<'a> ByteOf<'a> {
    fn new(text: &'a str) -> Self {
        ByteOf { text, ch: 0, byte: 0 }
    }

    fn byte_of(&mut self, ch: usize) -> usize {
        if ch < self.ch {
            (self.ch, self.byte) = (0, 0);
        }
        let rest = &self.text[self.byte..];
        self.byte += rest.char_indices().nth(ch - self.ch).map_or(rest.len(), |(i, _)| i);
        self.ch = ch;
        self.byte
    }
}

/// The sentences of a paragraph, as byte ranges: a break after ". ", "? "
/// or "! " (a closing mark may stand between) before a capital or an
/// opening mark; not after an initial or a title ("Lisa O. Monaco", "Mr.
/// Coale").
fn sentence_spans(p: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let ws = words(p);
    for (k, w) in ws.iter().enumerate() {
        let ends = w.tail.starts_with(['.', '?', '!']) || (w.text.ends_with('.') && !is_abbreviation(w.text));
        let next_opens = ws.get(k + 1).is_some_and(|n| n.opened || n.text.starts_with(char::is_uppercase));
        if ends && next_opens {
            let next = ws[k + 1].outer;
            out.push((start, p[..next].trim_end().len().max(start)));
            start = next;
        }
    }
    if start < p.len() {
        out.push((start, p.len()));
    }
    out
}

/// Verbs that show a capitalised word opening a sentence is its subject
/// (besides the reporting verbs and the past tenses in -ed).
const VERBS_AFTER_A_NAME: &[&str] = &[
    "has",
    "had",
    "is",
    "was",
    "will",
    "would",
    "could",
    "also",
    "then",
    "went",
    "made",
    "took",
    "gave",
    "spoke",
    "wants",
    "thinks",
    "believes",
    "calls",
    "called",
    "described",
    "describes",
    "took",
    "sought",
    "did",
    "does",
];

/// The name that opens a sentence as its subject: a run of name words
/// (after an opening word such as "But" or "When", or after an
/// introductory phrase closed by a comma: "In October, Trump called …")
/// followed by a lower-case word or an apposition.
fn subject_of(sentence: &str) -> Option<SourceName> {
    let ws = words(sentence);
    let mut from = 0;
    for _ in 0..2 {
        let mut k = from;
        while k < ws.len() && NOT_NAMES.contains(ws[k].text) && matches!(ws[k].tail, "" | ",") {
            k += 1;
        }
        if k < ws.len() && !ws[k].opened && joins(&ws, k) {
            let mut b = k + 1;
            while b < ws.len() && ws[b - 1].tail.is_empty() && joins(&ws, b) {
                b += 1;
            }
            let tail = ws[b - 1].tail;
            let next = ws.get(b).map_or("", |n| n.text);
            let verb_follows = tail.is_empty() && next.starts_with(char::is_lowercase);
            // One capitalised word opening a sentence may be any word
            // ("Furthermore, …", "Toward the end …"): a name only before a
            // verb ("Trump called", "Comey indicated") or an apposition
            // with a determiner ("Miller, a retired worker, …").
            let lone = b == k + 1 && k == from;
            let verb_like = next.ends_with("ed") || CUE.is_match(next) || VERBS_AFTER_A_NAME.contains(&next);
            let closed = (b + 1..ws.len().min(b + 16)).find(|&j| ws[j].tail == ",").is_some_and(|j| {
                ws.get(j + 1)
                    .is_some_and(|n| n.text.starts_with(char::is_lowercase) && !DETERMINERS.contains(&n.text))
            });
            let apposition = tail == "," && (!lone || (DETERMINERS.contains(&next) && closed));
            if (verb_follows && (!lone || verb_like)) || apposition {
                return read_run(sentence, &ws, k..b);
            }
            if !(lone && tail == ",") {
                return None;
            }
        }
        // An introductory phrase: up to eight words and a comma.
        let comma = (from..ws.len().min(from + 8)).find(|&j| ws[j].tail == ",")?;
        from = comma + 1;
    }
    None
}

/// `before` without an adverb ending it ("Miller reportedly" → "Miller").
fn strip_adverb(before: &str) -> &str {
    let t = before.trim_end();
    match t.rsplit_once(char::is_whitespace) {
        Some((head, last))
            if last.len() > 3 && last.ends_with("ly") && last.chars().all(|c| c.is_lowercase()) =>
        {
            head
        }
        _ => before,
    }
}

/// Adds the document's speakers that are no actor yet as discovered actors
/// (see the module doc), with their mentions. The mentions stay sorted by
/// start and do not overlap.
pub(crate) fn add_speakers(doc: &Document, matcher: &ActorMatcher, ann: &mut Annotations) {
    let found = read_speakers(doc);
    if found.is_empty() {
        return;
    }
    let text = doc.text.as_str();
    let mut chars = CharCounter::new(text);
    let mut added: Vec<Mention> = Vec::new();
    let mut new_actors: Vec<usize> = Vec::new();
    for f in found {
        let start = chars.char_of(f.bytes.start);
        let end = chars.char_of(f.bytes.end);
        let overlaps = |m: &Mention| m.start < end && start < m.end;
        if ann.mentions.iter().any(overlaps) || added.iter().any(overlaps) {
            continue;
        }
        let actor = match link_name(text, matcher, ann, &added, &f, start) {
            Some(a) => a,
            None => {
                let name = full_name(text, &f).unwrap_or_else(|| f.name.clone());
                match ann.discovered.iter().position(|d| d.name == name) {
                    Some(i) => ActorRef::Discovered(i),
                    None => {
                        ann.discovered.push(DiscoveredActor {
                            name,
                            kind: f.kind,
                            cue: DiscoveryCue::ReportingVerb,
                        });
                        new_actors.push(ann.discovered.len() - 1);
                        ActorRef::Discovered(ann.discovered.len() - 1)
                    }
                }
            }
        };
        added.push(Mention { actor, start, end, surface: text[f.bytes].to_string(), segment_seq: 0 });
    }
    // Every other place the document names a new actor: the full name, and
    // for a person the surname after it.
    for &i in &new_actors {
        let d = ann.discovered[i].clone();
        let mut forms = vec![d.name.clone()];
        if d.kind == ActorType::Person {
            if let Some(last) = d.name.rsplit(' ').next().filter(|l| *l != d.name) {
                forms.push(last.to_string());
            }
        }
        let first_full = text.find(d.name.as_str());
        for (k, form) in forms.iter().enumerate() {
            for (at, _) in text.match_indices(form.as_str()) {
                if k > 0 && first_full.is_none_or(|f| at < f) {
                    continue;
                }
                let r = at..at + form.len();
                let clean = !text[..at].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '-')
                    && !text[r.end..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '-');
                if !clean {
                    continue;
                }
                let (s, e) = (chars.char_of(r.start), chars.char_of(r.end));
                let overlaps = |m: &Mention| m.start < e && s < m.end;
                if ann.mentions.iter().any(overlaps) || added.iter().any(overlaps) {
                    continue;
                }
                added.push(Mention {
                    actor: ActorRef::Discovered(i),
                    start: s,
                    end: e,
                    surface: form.clone(),
                    segment_seq: 0,
                });
            }
        }
    }
    if added.is_empty() {
        return;
    }
    let spans: Vec<(usize, u32)> =
        doc.segments.iter().filter_map(|s| s.span.as_ref().map(|r| (r.start, s.seq))).collect();
    for m in &mut added {
        let k = spans.partition_point(|&(s, _)| s <= m.start).saturating_sub(1);
        m.segment_seq = spans.get(k).map_or(0, |s| s.1);
    }
    ann.mentions.extend(added);
    ann.mentions.sort_by_key(|m| m.start);
}

/// The actor a name read from the text already is: one whose name is the
/// same, or, for a one-word name, the person of the document whose name
/// ends with it and who was mentioned last before `at`.
fn link_name(
    text: &str,
    matcher: &ActorMatcher,
    ann: &Annotations,
    added: &[Mention],
    f: &Found,
    at: usize,
) -> Option<ActorRef> {
    let _ = text;
    let lone = !f.name.contains(' ');
    let mut best: Option<(usize, ActorRef)> = None;
    for m in ann.mentions.iter().chain(added) {
        if m.start >= at && lone {
            continue;
        }
        let (name, kind) = matcher.actor_name(m.actor, ann);
        let same = name == f.name
            || (lone && kind == ActorType::Person && name.rsplit(' ').next() == Some(f.name.as_str()));
        if same && best.is_none_or(|(s, _)| m.start > s || !lone) {
            best = Some((m.start, m.actor));
        }
    }
    best.map(|(_, a)| a)
}

/// The full name of a person written earlier in the document, for a
/// surname alone ("Tom Coale … Mr. Coale said" → "Tom Coale").
fn full_name(text: &str, f: &Found) -> Option<String> {
    if f.kind != ActorType::Person || f.name.contains(' ') {
        return None;
    }
    for (at, _) in text[..f.bytes.start].match_indices(f.name.as_str()) {
        let end = at + f.name.len();
        if text[end..].chars().next().is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        if let Some(s) = name_before(&text[..end]) {
            if s.kind == ActorType::Person && s.name.contains(' ') && s.name.ends_with(f.name.as_str()) {
                return Some(s.name);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(hay: &str) -> Option<(String, &'static str)> {
        name_before(hay).map(|s| {
            assert_eq!(&hay[s.range.clone()], s.name, "the range is the name");
            (s.name, if s.kind == ActorType::Person { "person" } else { "organization" })
        })
    }

    fn after(hay: &str) -> Option<(String, &'static str)> {
        name_after(hay).map(|s| {
            assert_eq!(&hay[s.range.clone()], s.name, "the range is the name");
            (s.name, if s.kind == ActorType::Person { "person" } else { "organization" })
        })
    }

    #[test]
    fn names_before_a_cue() {
        let p = |n: &str| Some((n.to_string(), "person"));
        let o = |n: &str| Some((n.to_string(), "organization"));
        let table: &[(&str, Option<(String, &str)>)] = &[
            ("“We will win,” Morrissey ", p("Morrissey")),
            ("“We will win,” Mr. Coale ", p("Coale")),
            ("“We will win,” Mr Murray ", p("Murray")),
            ("“I was never edited,” Mr. King, 82, ", None),
            ("“I was never edited,” Mr. King", p("King")),
            ("“It is over,” Pfizer ", p("Pfizer")),
            ("“Why?” Lisa O. Monaco", p("Lisa O. Monaco")),
            ("“No,” Beto O’Rourke ", p("Beto O’Rourke")),
            ("“No,” Dinesh D'Souza ", p("Dinesh D'Souza")),
            ("“No,” Alexandria Ocasio-Cortez ", p("Alexandria Ocasio-Cortez")),
            ("“No,” Charles de Gaulle ", p("Charles de Gaulle")),
            ("“No,” Cal Ripken Jr. ", p("Cal Ripken Jr.")),
            ("Senate Majority Leader Mitch McConnell ", p("Mitch McConnell")),
            ("But Trump ", p("Trump")),
            ("In a statement, Sen. Ted Cruz ", p("Ted Cruz")),
            ("The White House ", o("White House")),
            ("“No,” CNN ", o("CNN")),
            ("the Clinton Foundation ", o("Clinton Foundation")),
            ("Breitbart News ", o("Breitbart News")),
            // Not a source: a possessive, a lower-case word, a role alone.
            ("Trump’s campaign ", None),
            ("Trump’s ", None),
            ("The 2023 Annual Threat Assessment ", None),
            ("Senator Marco Rubio of Florida ", p("Marco Rubio")),
            ("Kim Kagan of the Institute for the Study of War ", p("Kim Kagan")),
            ("a spokesman for the Clinton Foundation ", None),
            ("“No,” Florida ", None),
            ("Officials in Afghanistan ", None),
            ("the team ", None),
            ("The President ", None),
            ("“No,” he ", None),
            ("On Tuesday, ", None),
        ];
        for (hay, want) in table {
            assert_eq!(&before(hay), want, "{hay:?}");
        }
    }

    #[test]
    fn names_after_an_inverted_cue() {
        let p = |n: &str| Some((n.to_string(), "person"));
        let table: &[(&str, Option<(String, &str)>)] = &[
            (" Morrissey.", p("Morrissey")),
            (" Wales coach Mike Ruddock.", p("Mike Ruddock")),
            (" NRF spokesman Ali Maisam Nazary, who spoke by phone.", p("Ali Maisam Nazary")),
            (" Republican political consultant Chris Russell.", p("Chris Russell")),
            (" O'Donnell, who wrote about it.", p("O'Donnell")),
            (" Sen. Lindsey O. Graham (R-S.C.).", p("Lindsey O. Graham")),
            (" Trump in a statement.", p("Trump")),
            (" the campaign’s spokesman, Brian Fallon.", p("Brian Fallon")),
            // Not a source.
            (" in a statement on Tuesday.", None),
            (" on Tuesday that the group had left.", None),
            (" the researchers.", None),
            (" he.", None),
        ];
        for (hay, want) in table {
            assert_eq!(&after(hay), want, "{hay:?}");
        }
    }

    #[test]
    fn an_apposition_between_a_name_and_its_cue() {
        let hay = "“Why?” Lisa O. Monaco, Obama’s adviser on counterterrorism and homeland security, ";
        let comma = apposition_start(hay).expect("an apposition");
        assert_eq!(before(&hay[..comma]), Some(("Lisa O. Monaco".to_string(), "person")));
        assert_eq!(apposition_start("“Why?” she asked, "), None);
        let hay = "“No,” Senate Minority Leader Harry M. Reid (D-Nev.) ";
        let open = bracket_before(hay).expect("an aside");
        assert_eq!(before(&hay[..open]), Some(("Harry M. Reid".to_string(), "person")));
        assert_eq!(bracket_before("“No,” Reid "), None);
        let rest = " Lisa O. Monaco, Obama’s adviser, said. Then";
        assert_eq!(first_stop(rest).map(|i| &rest[..i]), Some(" Lisa O. Monaco, Obama’s adviser, said"));
        assert_eq!(words_outside_apposition(" Lisa O. Monaco, Obama’s adviser, said"), 4);
        assert_eq!(apposition_start("Monaco, “a quote,” "), None);
    }

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
            (" Trump.", None),
        ];
        for (hay, want) in table {
            assert_eq!(description_after(hay).map(|r| &hay[r]), *want, "{hay:?}");
        }
        assert!(inside_quote("He said “Trump is"));
        assert!(!inside_quote("“Trump is here,” he"));
        assert!(inside_quote("He said \"Trump"));
    }

    #[test]
    fn the_subject_that_opens_a_sentence() {
        let p = |n: &str| Some((n.to_string(), "person"));
        let table: &[(&str, Option<(String, &str)>)] = &[
            ("Tracy Martin, Trayvon's father, issued a statement, saying “no.”", p("Tracy Martin")),
            ("In October, Trump called them “fools.”", p("Trump")),
            ("But Comey indicated that it “should have been known.”", p("Comey")),
            ("“We won,” Trump said.", None),
            ("Furthermore, he emphasised “the points.”", None),
            ("Furthermore, Mullah Jalil emphasised “the points.”", p("Jalil")),
            ("Furthermore, one other report notes that Jalil “agreed.”", None),
            ("The United States says “no.”", None),
            ("Florida voters said “no.”", None),
            ("Toward the end, he said “no.”", None),
            ("Miller, a retired worker, said “no.”", p("Miller")),
            ("He went on to call Cruz “the worst.”", None),
        ];
        for (s, want) in table {
            let got = subject_of(s)
                .map(|n| (n.name, if n.kind == ActorType::Person { "person" } else { "organization" }));
            assert_eq!(&got, want, "{s:?}");
        }
        let p = "Mr. Coale spoke. “We won,” he said. Lisa O. Monaco left! Then";
        let spans: Vec<&str> = sentence_spans(p).into_iter().map(|(a, b)| &p[a..b]).collect();
        assert_eq!(spans, ["Mr. Coale spoke.", "“We won,” he said.", "Lisa O. Monaco left!", "Then"]);
    }

    #[test]
    fn the_gender_a_mention_shows() {
        let table: &[(&str, &str, Option<Gender>)] = &[
            ("said Mr. ", " on Tuesday.", Some(Gender::Male)),
            ("Mrs. ", " spoke.", Some(Gender::Female)),
            ("", " said she would run.", Some(Gender::Female)),
            ("", " said that his plan works.", Some(Gender::Male)),
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

    #[test]
    fn common_words_at_a_sentence_start() {
        let text = "Critics said the plan would fail. The critics were many.";
        assert!(common_word(text, "Critics"));
        assert!(!common_word(text, "Morrissey"));
        assert!(at_sentence_start("The plan failed. "));
        assert!(!at_sentence_start("“It failed,” "));
    }
}

//! A described source beside a cue: a determiner, modifiers and a
//! lower-case head noun ("the team", "her senior policy adviser", "a
//! person close to the Clintons").

use std::ops::Range;
use std::sync::LazyLock;

use super::super::patterns::{group_before, ANON_BEFORE, SOURCE_NOUNS, TEXT_NOUNS};
use super::discover::PREPOSITIONS;
use super::{inside_quotes, last_words_start, words};
use crate::lexicon::{entries, NOT_NAMES};

/// Determiners that open a description of a source ("the team", "a senior
/// official", "her senior policy adviser").
pub(super) static DETERMINERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.source_determiners));

/// Lower-case words that end no description: auxiliaries, adverbs,
/// pronouns ("the group has said", "the two later said").
static NOT_HEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.not_source_heads));

/// Whether `w` ends no description read beside a cue or opening a
/// sentence: `not_source_heads.txt`, but for the texts that speak ("the
/// statement talked about", "“…,” read the email"; before a cue, "in a
/// statement" stays out by its preposition).
fn not_head(w: &str) -> bool {
    NOT_HEADS.contains(&w) && !["statement", "email", "letter", "tweet"].contains(&w)
}

/// The last text `hay` describes outside quotation marks, up to its noun
/// ("a statement", "A letter" of "A letter this month from the staff",
/// "Thursday's memo"): a determiner or a possessive, up to three words and
/// a text noun (`text_nouns.txt`), no punctuation between; its byte range.
pub(crate) fn text_described_in(hay: &str) -> Option<Range<usize>> {
    let ws = words(hay);
    for (k, w) in ws.iter().enumerate().rev() {
        if !TEXT_NOUNS.iter().any(|t| w.text.eq_ignore_ascii_case(t)) || w.opened {
            continue;
        }
        for j in (k.saturating_sub(4)..k).rev() {
            let t = ws[j];
            if !t.tail.is_empty() || (t.opened && j + 1 < k) {
                break;
            }
            let lower = t.text.to_lowercase();
            let opens =
                DETERMINERS.contains(&lower.as_str()) || t.text.ends_with("'s") || t.text.ends_with("’s");
            if opens {
                if inside_quotes(&[&hay[..t.start]]) {
                    break;
                }
                return Some(t.start..w.start + w.text.len());
            }
        }
    }
    None
}

/// A description ending `hay` (the text before a cue): a determiner, up to
/// six modifiers and a lower-case head noun ("the gambling tycoon", "The
/// Vermont senator", "her senior policy adviser", "a NY1 representative",
/// "the Florida senator and Republican presidential candidate", "the
/// 43-year-old", "the email"), maybe with a complement ("an official with
/// the agency"), as a byte range.
pub(crate) fn description_before(hay: &str) -> Option<Range<usize>> {
    // It reads at most the last 16 words (a description with its
    // complement takes 13).
    let cut = last_words_start(hay, 16);
    let hay = &hay[cut..];
    description_before_in(hay).or_else(|| with_complement(hay)).map(|r| r.start + cut..r.end + cut)
}

/// A description with a complement ending `hay`: a description (see
/// [`description_before_in`]), a preposition and its object of up to
/// four words with no punctuation ("an official with the agency", "a
/// spokesman for committee Democrats").
fn with_complement(hay: &str) -> Option<Range<usize>> {
    complemented(hay, description_before_in)
}

/// A phrase that `head` reads, then a preposition and its object of up to
/// four words with no punctuation, ending `hay`.
fn complemented(hay: &str, head: fn(&str) -> Option<Range<usize>>) -> Option<Range<usize>> {
    let ws = words(hay);
    let n = ws.len();
    let last = *ws.last()?;
    let end = last.start + last.text.len();
    if !hay[end..].trim().is_empty() {
        return None;
    }
    let k = (n.saturating_sub(5)..n.saturating_sub(1)).rev().find(|&k| PREPOSITIONS.contains(&ws[k].text))?;
    if ws[k..].iter().any(|w| !w.tail.is_empty() || w.opened) {
        return None;
    }
    let r = head(&hay[..ws[k].start])?;
    Some(r.start..end)
}

/// Members of a party, capitalised as common nouns ("one senior Democrat
/// said", "the Republican said", "Some Democrats say").
const PARTY_MEMBERS: [&str; 18] = [
    "Democrat",
    "Democrats",
    "Republican",
    "Republicans",
    "Independent",
    "Independents",
    "Libertarian",
    "Libertarians",
    "Conservative",
    "Conservatives",
    "Liberal",
    "Liberals",
    "Progressive",
    "Progressives",
    "Tory",
    "Tories",
    "Socialist",
    "Socialists",
];

/// Whether `w` can be the head noun of a description: lower-case letters
/// and hyphens, an age ("43-year-old": digits, a hyphen, lower-case
/// letters), or a party's member ("Democrat").
fn head_shape(w: &str) -> bool {
    PARTY_MEMBERS.contains(&w)
        || w.chars().all(|c| c.is_lowercase() || c == '-')
        || w.contains('-')
            && w.chars().any(char::is_lowercase)
            && w.chars().all(|c| c.is_lowercase() || c == '-' || c.is_ascii_digit())
}

/// [`description_before`] on all of `hay`.
fn description_before_in(hay: &str) -> Option<Range<usize>> {
    let ws = words(hay);
    let n = ws.len();
    let head = *ws.last()?;
    // "the Texan said", "the Saudis said": "the" and one capitalised word
    // that no name list holds (a name the text has found is read before
    // this, as a mention).
    let after_the = n >= 2 && ws[n - 2].text.eq_ignore_ascii_case("the") && ws[n - 2].tail.is_empty();
    let the_capitalised =
        after_the && is_capitalised(head.text) && head.text.chars().all(char::is_alphabetic);
    // "the two write", "the three said": a number of people (whom the
    // text named before, as a rule; not checked).
    let the_number = after_the && ["two", "three", "four", "five"].contains(&head.text);
    if !head.tail.is_empty()
        || !hay[head.start + head.text.len()..].trim().is_empty()
        || !(head_shape(head.text) || the_capitalised)
        || not_head(head.text)
        || (DETERMINERS.contains(&head.text) && !the_number)
        || CLAUSE_WORDS.contains(&head.text)
    {
        return None;
    }
    for k in (n.saturating_sub(8)..n - 1).rev() {
        let w = ws[k];
        // An apostrophe after a word is a possessive's ("Reynolds’ office");
        // a doubled one closes a quote ("on ''The Late Show With Stephen
        // Colbert'' last month when asked").
        let apostrophe = matches!(w.tail, "’" | "'");
        if !w.tail.is_empty() && !apostrophe || w.opened {
            return None;
        }
        // "Ryan’s office", "New Hampshire Sen. Kelly Ayotte’s campaign": a
        // name's possessive is a determiner, the name run with it.
        let owner = w.text.trim_end_matches("’s").trim_end_matches("'s");
        let possessive = is_capitalised(owner) && (owner.len() < w.text.len() || apostrophe);
        if DETERMINERS.contains(&w.text) || possessive {
            let mut from = k;
            while possessive && from > 0 && ws[from - 1].tail.is_empty() && is_capitalised(ws[from - 1].text)
            {
                from -= 1;
            }
            // Not inside a longer phrase ("in the statement", "of the group"),
            // but after a conjunction ("a trend that the foundation predicts").
            let before = from.checked_sub(1).map(|j| ws[j]);
            let clause_start = before.is_none_or(|b| {
                !b.tail.is_empty() || NOT_NAMES.contains(b.text) || CLAUSE_WORDS.contains(&b.text)
            });
            return clause_start.then(|| ws[from].start..head.start + head.text.len());
        }
        if !w.text.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '’' | '\'' | '.'))
            || !w.text.chars().any(char::is_alphabetic)
        {
            return None;
        }
    }
    None
}

/// Lower-case words after which a clause, and a description as its
/// subject, may start ("a trend that the foundation predicts").
pub(crate) const CLAUSE_WORDS: [&str; 19] = [
    "that", "and", "but", "which", "as", "while", "when", "because", "after", "before", "since", "though",
    "although", "so", "where", "whereas", "if", "unless", "until",
];

/// A capitalised word that is not a sentence opener ("Sen.", "Kelly",
/// "New"; not "But").
fn is_capitalised(w: &str) -> bool {
    w.starts_with(char::is_uppercase) && !NOT_NAMES.contains(w)
}

/// The description that opens a sentence as its subject (`hay`: the
/// sentence up to its quote), after opening words or an introductory
/// phrase closed by a comma ("The Rove ad hits Clinton for …", "In its
/// filing, the commission recognized …", "Ryan’s office promised …"): a
/// determiner or a name's possessive, up to four modifiers, a lower-case
/// head noun (and a complement: "A reporter for Agence France-Presse"),
/// then a verb: a word in -ed or -s, or one of `verbs_after_a_name.txt`
/// and `words_before_cue.txt`. As a byte range of `hay`.
pub(crate) fn description_opening(hay: &str) -> Option<Range<usize>> {
    // Only its start is read: at most 400 bytes, cut at a character.
    let cut = (0..=hay.len().min(400)).rev().find(|&i| hay.is_char_boundary(i)).unwrap_or(0);
    let ws = words(&hay[..cut]);
    let mut from = 0;
    for _ in 0..2 {
        // Conjunctions and adverbs before the subject ("But", "Instead,");
        // a preposition or a subordinator opens an introductory phrase,
        // whose description is no subject ("As the race turned, …", "In a
        // poll conducted on Thursday, …").
        let mut k = from;
        while k < ws.len() && OPENERS.contains(&ws[k].text) && matches!(ws[k].tail, "" | ",") {
            k += 1;
        }
        let intro = ws.get(k).is_some_and(|w| NOT_NAMES.contains(w.text) && !DETERMINERS.contains(&w.text));
        if !intro {
            if let Some(r) = opening_at(&ws, k) {
                return Some(r);
            }
        }
        // An introductory phrase: up to eight words and a comma.
        let comma = (from..ws.len().min(from + 8)).find(|&j| ws[j].tail == ",")?;
        from = comma + 1;
    }
    None
}

/// [`description_opening`] at word `k` of `ws`.
fn opening_at(ws: &[super::Word<'_>], k: usize) -> Option<Range<usize>> {
    let w = *ws.get(k)?;
    let possessive = |x: &super::Word<'_>| {
        let owner = x.text.trim_end_matches("’s").trim_end_matches("'s");
        is_capitalised(owner) && (owner.len() < x.text.len() || x.tail.starts_with(['’', '\'']))
    };
    // A name's possessive may follow a title and the first names
    // ("Congressman Trey Gowdy’s office slammed …").
    let mut d = k;
    while d < k + 3
        && ws.get(d + 1).is_some_and(|n| !n.opened)
        && ws[d].tail.is_empty()
        && is_capitalised(ws[d].text)
        && !possessive(&ws[d])
    {
        d += 1;
    }
    let k = if d > k && possessive(&ws[d]) { d } else { k };
    let owner = ws[k];
    if w.opened || !owner.tail.is_empty() && !owner.tail.starts_with(['’', '\'']) {
        return None;
    }
    if !(DETERMINERS.contains(&owner.text) || possessive(&owner)) {
        return None;
    }
    let plain = |x: &super::Word<'_>| {
        !x.opened && x.text.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'' | '.'))
    };
    for h in k + 1..(k + 6).min(ws.len()) {
        let head = ws[h];
        if !plain(&head) {
            return None;
        }
        let lower = head.text.chars().all(|c| c.is_lowercase() || c == '-');
        // An adverb before the verb is no head ("The Anti-Defamation League
        // strongly denounced"), unless it is the only word ("The family").
        let adverb = |x: &super::Word<'_>| super::adverb(x.text) && x.tail.is_empty() && !x.opened;
        let adverb_head = h > k + 1 && adverb(&head);
        if lower && !adverb_head && !not_head(head.text) && !DETERMINERS.contains(&head.text) {
            // "A reporter for Agence France-Presse called": a complement.
            let mut end = h;
            if head.tail.is_empty()
                && ws.get(h + 1).is_some_and(|p| ["for", "of", "at", "with", "from"].contains(&p.text))
            {
                let mut j = h + 2;
                if ws.get(j).is_some_and(|t| t.text == "the") {
                    j += 1;
                }
                while ws.get(j).is_some_and(|n| is_capitalised(n.text) && plain(n)) {
                    end = j;
                    if !ws[j].tail.is_empty() {
                        break;
                    }
                    j += 1;
                }
            }
            let last = ws[end];
            // The verb, after adverbs ("the Obama administration quickly
            // denounced").
            let mut at = end + 1;
            while last.tail.is_empty() && ws.get(at).is_some_and(adverb) {
                at += 1;
            }
            // A verb in -s only before what an object or a complement opens
            // with ("The ad hits Clinton", "… projects that"; not "college
            // columns,", "tax cut plans are").
            let verb = ws.get(at).is_some_and(|v| {
                let plural =
                    !v.text.ends_with("ed") && v.text.ends_with('s') && !VERBS_AFTER.contains(&v.text);
                let object = ws.get(at + 1).is_some_and(|o| {
                    v.tail.is_empty()
                        && (o.text.starts_with(char::is_uppercase) || OBJECT_STARTS.contains(&o.text))
                });
                last.tail.is_empty()
                    && !v.opened
                    && verb_like(v.text)
                    && !verb_like(last.text)
                    && !last.text.ends_with("ing")
                    && (!plural || object)
            });
            if verb {
                return Some(w.start..last.start + last.text.len());
            }
        }
        if !head.tail.is_empty() {
            return None;
        }
    }
    None
}

/// A lower-case word that reads as a verb after a subject: in -ed or
/// -s (not -ss), an auxiliary or common verb (`verbs_after_a_name.txt`,
/// `words_before_cue.txt`), or a reporting verb.
/// Words that may open a sentence before its subject.
const OPENERS: [&str; 14] = [
    "But",
    "And",
    "Yet",
    "So",
    "Still",
    "Instead",
    "Meanwhile",
    "Now",
    "Then",
    "Also",
    "Indeed",
    "However",
    "Moreover",
    "Furthermore",
];

/// Words an object or a complement of a verb opens with ("hits the …",
/// "projects that …", "promises to …").
const OBJECT_STARTS: [&str; 24] = [
    "the", "a", "an", "that", "to", "on", "for", "his", "her", "its", "their", "it", "him", "them", "up",
    "out", "in", "about", "with", "at", "from", "by", "this", "those",
];

pub(crate) fn verb_like(w: &str) -> bool {
    w.chars().all(|c| c.is_lowercase())
        && ((w.len() > 3 && w.ends_with("ed"))
            || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
            || VERBS_AFTER.contains(&w)
            || BEFORE_CUE.contains(&w)
            || super::super::patterns::CUE.find(w).is_some_and(|m| m.range() == (0..w.len())))
}

static VERBS_AFTER: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.verbs_after_a_name));

static BEFORE_CUE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.words_before_cue));

/// Articles: no word of a role.
const ARTICLES: [&str; 3] = ["the", "a", "an"];

/// Conjunctions and relatives: no word of a role, and none inside a
/// source phrase before its noun.
const CONNECTIVES: [&str; 8] = ["and", "or", "but", "as", "who", "which", "that", "whose"];

/// Auxiliaries: none inside a source phrase before its noun ("The deal
/// was done and officials said").
const AUXILIARIES: [&str; 12] =
    ["was", "were", "is", "are", "be", "been", "has", "have", "had", "would", "will", "could"];

/// A preposition, a connective or an auxiliary (lower case): a word that
/// opens or continues a clause, never a modifier of a source noun.
fn clause_word(w: &str) -> bool {
    PREPOSITIONS.contains(&w) || CONNECTIVES.contains(&w) || AUXILIARIES.contains(&w)
}

/// The anonymous source phrase ending `hay` ([`ANON_BEFORE`]), with no
/// preposition, connective or auxiliary before its noun: where one
/// stands, the phrase after it ("one of the officials" → "the
/// officials"; "The deal was done and officials" → none).
pub(crate) fn anon_before(hay: &str) -> Option<Range<usize>> {
    let not_modifier = |w: &str| clause_word(&w.to_lowercase());
    let mut off = 0;
    loop {
        let g = group_before(&ANON_BEFORE, &hay[off..])?;
        let phrase = &hay[off + g.start..off + g.end];
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in phrase.char_indices().chain([(phrase.len(), ' ')]) {
            match (c.is_whitespace(), start) {
                (true, Some(a)) => {
                    words.push((a, &phrase[a..i]));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        let noun = (1..words.len()).find(|&k| SOURCE_NOUNS.contains(&words[k].1.to_lowercase().as_str()));
        let Some(noun) = noun else { return Some(off + g.start..off + g.end) };
        match (1..noun).rev().find(|&k| not_modifier(words[k].1)) {
            Some(k) => off += g.start + words[k].0 + words[k].1.len(),
            None => return Some(off + g.start..off + g.end),
        }
    }
}

/// A description opening `hay` (the text after an inverted cue: "said the
/// researchers.", "said a person close to the Clintons.", "said Rubio’s
/// deputy campaign manager, Rich Beeson"): from a determiner or a name's
/// possessive to the punctuation that ends it, or to a name after its
/// lower-case words ("said the campaign’s manager Rich Beeson"), at most
/// eight words.
pub(crate) fn description_after(hay: &str) -> Option<Range<usize>> {
    let ws = words(hay);
    let first = *ws.first()?;
    let possessive_word = |w: &super::Word<'_>| w.text.ends_with("’s") || w.text.ends_with("'s");
    // The words of a name before its possessive ("Nadia Korver’s …").
    let lead = ws
        .iter()
        .take(4)
        .take_while(|w| is_capitalised(w.text) && w.tail.is_empty() && !possessive_word(w))
        .count();
    if lead > 0 && hay[..first.start].trim().is_empty() && ws.get(lead).is_some_and(possessive_word) {
        let off = ws[lead].start;
        return description_after(&hay[off..]).map(|r| first.start..r.end + off);
    }
    let owner = first.text.strip_suffix("’s").or_else(|| first.text.strip_suffix("'s"));
    let possessive = owner.is_some_and(is_capitalised);
    if !(DETERMINERS.contains(&first.text) || possessive)
        || !hay[..first.start].trim().is_empty()
        || !first.tail.is_empty()
    {
        return None;
    }
    // Words of a role (not a preposition, an article, a conjunction or a
    // relative: "a person close to the Clintons", "one source who
    // identified Sullivan" are not followed by their person).
    let lower = |w: &super::Word<'_>| {
        w.text.starts_with(char::is_lowercase)
            && !PREPOSITIONS.contains(&w.text)
            && !ARTICLES.contains(&w.text)
            && !CONNECTIVES.contains(&w.text)
    };
    // A capitalised word after two role words or more starts a name.
    let named = (3..ws.len().min(9))
        .find(|&k| is_capitalised(ws[k].text) && ws[1..k].iter().all(|w| lower(w) && w.tail.is_empty()));
    let end = match named {
        Some(k) => k - 1,
        None => (0..ws.len().min(9)).find(|&k| !ws[k].tail.is_empty())?,
    };
    let last = ws[end];
    if end == 0 || (named.is_none() && !last.tail.starts_with([',', '.', ';'])) || not_head(ws[1].text) {
        return None;
    }
    // The head: a lower-case word among them ("the campaign", not "the
    // New York Times", which is a name) or an age ("the 46-year-old");
    // after an indefinite determiner any word, since no name takes one
    // ("a Nevada Democrat").
    let indefinite = ["a", "an", "one", "another"].contains(&first.text);
    ws[1..=end]
        .iter()
        .any(|w| (indefinite || head_shape(w.text)) && !not_head(w.text))
        .then(|| first.start..last.start + last.text.len())
}

/// Pronouns of quantity that stand for a group of people ("Several said",
/// "Another tweeted", "most said they were …").
const QUANTIFIERS: [&str; 9] = ["several", "another", "many", "most", "some", "others", "few", "both", "all"];

/// Whether `hay` ends where a clause starts: nothing, a sentence end, a
/// semicolon, a colon, a line break, or a closing quotation mark with or
/// without a comma before it ("“…,” officials said", "“…” officials said").
fn clause_start(hay: &str) -> bool {
    let t = hay.trim_end_matches([' ', '\t']);
    let t = t.strip_suffix(',').map_or(t, |u| if u.ends_with(['”', '"']) { u } else { t });
    t.is_empty() || t.ends_with(['.', '!', '?', ';', ':', '\n', '”', '"'])
}

/// Whether a description read as a source is a noun phrase, not a piece
/// of a clause: it does not end with an article, a connective, a
/// preposition or a pronoun ("timeline of", "member of the", "the
/// organization that", "… when he"), holds no
/// auxiliary ("race has turned to …", "group needs to be …") and no
/// quotation of words in lower case (a title in capitals may stand in it:
/// "the authors of the “Growth and Opportunity Project”"), and is not a
/// lone adverb ("previously").
pub(crate) fn well_formed_description(np: &str) -> bool {
    const PRONOUNS: [&str; 8] = ["he", "she", "it", "they", "his", "her", "its", "their"];
    let words: Vec<&str> = np.split_whitespace().collect();
    let Some(last) = words.last() else { return false };
    let function_word = ARTICLES.contains(last)
        || CONNECTIVES.contains(last)
        || PREPOSITIONS.contains(last)
        || PRONOUNS.contains(last);
    let lone_adverb =
        words.len() == 1 && last.len() > 3 && last.ends_with("ly") && last.chars().all(char::is_lowercase);
    !function_word
        && !lone_adverb
        && !words.iter().any(|w| AUXILIARIES.contains(w))
        && !words
            .iter()
            .any(|w| w.strip_prefix(['“', '"']).is_some_and(|rest| rest.starts_with(char::is_lowercase)))
}

/// A source that is one word opening its clause before a cue: a plural
/// source noun with no determiner ("Aides say", "“…,” officials said") or
/// a pronoun of quantity ("Several said", "Another tweeted"); the noun
/// may have a complement ("Leaders of the organization", "Supporters of
/// Kim Kagan").
pub(crate) fn bare_source_before(hay: &str) -> Option<Range<usize>> {
    bare_word_before(hay).or_else(|| complemented(hay, bare_word_before))
}

/// [`bare_source_before`]: the one word, and for a plural noun up to two
/// modifiers in lower case before it ("“…,” federal prosecutors wrote",
/// "Police say").
fn bare_word_before(hay: &str) -> Option<Range<usize>> {
    let t = hay.trim_end();
    if t.len() == hay.len() {
        return None;
    }
    let start = t.rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let word = &t[start..];
    let lower = word.to_lowercase();
    // A plural: in -s, or "police".
    let noun = (lower.ends_with('s') || lower == "police") && SOURCE_NOUNS.contains(&lower.as_str());
    if !(noun || QUANTIFIERS.contains(&lower.as_str())) || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    let mut from = start;
    for modifiers in 0..=2 {
        if clause_start(&hay[..from]) {
            return Some(from..t.len());
        }
        // "Yet another said", "And others say": a conjunction opening the
        // sentence is not part of the source.
        if modifiers == 0 {
            let lead = hay[..from].trim_end();
            let opener = lead.rsplit(char::is_whitespace).next().unwrap_or("");
            let conjunction = ["and", "but", "yet", "still"].iter().any(|c| opener.eq_ignore_ascii_case(c));
            let before = lead[..lead.len() - opener.len()].trim_end();
            if conjunction && (before.is_empty() || before.ends_with(['.', '!', '?', '\n'])) {
                return Some(from..t.len());
            }
        }
        if !noun || modifiers == 2 {
            return None;
        }
        // The word before, after white space: a modifier in lower case.
        let lead = &hay[..from];
        let before = lead.trim_end();
        if before.len() == lead.len() {
            return None;
        }
        let s = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let m = &before[s..];
        if m.is_empty()
            || !m.chars().all(|c| c.is_lowercase() || c == '-')
            || ARTICLES.contains(&m)
            || clause_word(m)
        {
            return None;
        }
        from = s;
    }
    None
}

/// A pronoun of quantity right after an inverted cue, ending the clause
/// ("“…,” tweeted another."): its range in `hay`.
pub(crate) fn quantifier_after(hay: &str) -> Option<Range<usize>> {
    let t = hay.trim_start();
    let start = hay.len() - t.len();
    let end = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    let rest = &t[end..];
    let closes = rest.is_empty() || rest.starts_with(['.', ',', ';', '!', '?']);
    (start > 0 && closes && QUANTIFIERS.contains(&t[..end].to_lowercase().as_str()))
        .then(|| start..start + end)
}

#[cfg(test)]
mod tests {
    use super::super::inside_quotes;
    use super::*;

    /// A description read as a source is a noun phrase, not a piece of a
    /// clause.
    #[test]
    fn a_description_is_a_noun_phrase() {
        let table = [
            ("senior Cruz adviser", true),
            ("authors of the “Growth and Opportunity Project", true),
            ("spokesman for the Taliban", true),
            ("timeline of", false),
            ("member of the", false),
            ("race has turned to primary contests in", false),
            ("Islamic State group needs to be destroyed", false),
            ("emotional impact as \"horrendous", false),
            ("previously", false),
            ("", false),
        ];
        for (np, want) in table {
            assert_eq!(well_formed_description(np), want, "{np:?}");
        }
    }

    /// No clause or partitive word stands between a source phrase's
    /// determiner and its noun; a preposition after the noun does.
    #[test]
    fn a_source_phrase_holds_no_clause_before_its_noun() {
        let table: &[(&str, Option<&str>)] = &[
            ("The deal was done and officials ", None),
            ("“We will stay,” one of the officials ", Some("the officials")),
            ("the charge that Colorado Republican leaders ", Some("Colorado Republican leaders")),
            ("one commander from Kandahar ", Some("one commander from Kandahar")),
            ("a senior western official ", Some("a senior western official")),
            // People a story meets: workers, owners, lawyers, neighbours.
            ("“We are shocked,” one factory employee ", Some("one factory employee")),
            ("“It is over,” two local farmers ", Some("two local farmers")),
            ("“It is over,” the shop owner ", Some("the shop owner")),
        ];
        for (hay, want) in table {
            assert_eq!(anon_before(hay).map(|r| &hay[r]), *want, "{hay:?}");
        }
    }

    /// A plural source noun or a quantifier opening a clause, the noun with
    /// up to two modifiers in lower case.
    #[test]
    fn bare_sources_open_a_clause() {
        let table: &[(&str, Option<&str>)] = &[
            ("“It is over,” officials ", Some("officials")),
            ("“It is over,” federal prosecutors ", Some("federal prosecutors")),
            ("“It is over,” local election officials ", Some("local election officials")),
            ("“It is over,” several ", Some("several")),
            ("The march ended. Police ", Some("Police")),
            ("“It is over,” local police ", Some("local police")),
            // Not at a clause start, a function word, three modifiers, a
            // singular noun.
            ("The deal was done as officials ", None),
            ("“It is over,” and officials ", None),
            ("“It is over,” the prosecutors ", None),
            ("“It is over,” very many local election officials ", None),
            ("“It is over,” federal prosecutor ", None),
        ];
        for (hay, want) in table {
            assert_eq!(bare_source_before(hay).map(|r| &hay[r]), *want, "{hay:?}");
        }
    }

    #[test]
    fn descriptions_beside_a_cue() {
        let table: &[(&str, Option<&str>)] = &[
            ("“It was very nice,” the gambling tycoon ", Some("the gambling tycoon")),
            ("The Vermont senator ", Some("The Vermont senator")),
            ("In a statement, her senior policy adviser ", Some("her senior policy adviser")),
            ("“We won,” the team ", Some("the team")),
            ("“It is indefinite,” a NY1 representative ", Some("a NY1 representative")),
            (
                "“He is a lunatic,” the Florida senator and Republican presidential candidate ",
                Some("the Florida senator and Republican presidential candidate"),
            ),
            ("“What if?” the 43-year-old ", Some("the 43-year-old")),
            ("“We need to win,” the email ", Some("the email")),
            ("“We need to win,” Reynolds’ office ", Some("Reynolds’ office")),
            ("“We will win,” this local organizer ", Some("this local organizer")),
            // A preposition and its object after the head.
            ("“It has not changed,” an official with the agency ", Some("an official with the agency")),
            (
                "“It has not changed,” a spokesman for committee Democrats ",
                Some("a spokesman for committee Democrats"),
            ),
            // Not a description: an auxiliary, a name, a phrase inside another.
            ("“We won,” the group has ", None),
            ("Trump ", None),
            ("in a statement the group ", None),
            // A doubled apostrophe closes a quote; a subordinator is no head.
            ("said on ''The Late Show With Stephen Colbert'' last month when ", None),
            ("“We won,” the group as ", None),
            ("said on ''The Late Show With Stephen Colbert'' audience ", None),
            // A number is no modifier, nor a year a head.
            ("“We won,” the 2 ", None),
            ("“We won,” on March 5 ", None),
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
        let table: &[(&str, Option<&str>)] = &[
            ("The Rove ad hits Clinton for ", Some("The Rove ad")),
            ("In its filing, the commission recognized that ", Some("the commission")),
            ("Ryan’s office promised ", Some("Ryan’s office")),
            ("But the group also called ", Some("the group")),
            ("A reporter for Agence France-Presse called it ", Some("A reporter for Agence France-Presse")),
            // No verb after it, or no description.
            ("The plan to build the wall, ", None),
            ("Trump called it ", None),
            ("On Monday, he called it ", None),
            ("The senators’ claims ", None),
        ];
        for (hay, want) in table {
            assert_eq!(description_opening(hay).map(|r| &hay[r]), *want, "{hay:?}");
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

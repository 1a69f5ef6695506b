//! Actor mentions: every alias of the gazetteer found at once
//! (Aho-Corasick, leftmost-longest), people and organizations discovered
//! by general cues, and short forms linked back to the full name that
//! came before them in the same document.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::dfa::DFA;
use corpus_parser::{ActorType, BlockKind, Gazetteer};
use regex::Regex;

use crate::document::Document;
use crate::flags::QualityFlag;
#[cfg(test)]
use crate::lexicon::Overlapping;
use crate::lexicon::{
    alternation, re, COMMON_SURNAMES, NOT_NAMES, NOT_PERSON_WORDS, ORG_HEADS, PLACES, REPORTING_VERBS, ROLES,
    TITLES,
};
use crate::lexicon::{dfa, each_match};
use crate::mapped::CharCounter;

/// Which actor a mention is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorRef {
    /// The gazetteer actor at this index.
    Curated(usize),
    /// The document's discovered actor at this index.
    Discovered(usize),
}

/// An actor found by a discovery cue, not in the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveredActor {
    /// The name as written (titles stripped).
    pub name: String,
    /// Person or organization.
    pub kind: ActorType,
    /// The cue that found it: title, reporting_verb, role, apposition, organization_name.
    pub cue: &'static str,
}

/// A located mention. Offsets are **code points** of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The actor.
    pub actor: ActorRef,
    /// Start in the text (code points).
    pub start: usize,
    /// End in the text (code points, exclusive).
    pub end: usize,
    /// The text of the mention (`text[start..end]`).
    pub surface: String,
    /// The segment it is in.
    pub segment_seq: u32,
}

/// The mentions of one document and the actors discovered in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotations {
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Actors discovered in this document (referenced by `ActorRef::Discovered`).
    pub discovered: Vec<DiscoveredActor>,
}

/// The spellings of one actor that differ only in ASCII case ("Pakistan
/// Army", "Pakistan army"): one automaton pattern, several case rules.
struct Pattern {
    actor: usize,
    spellings: Vec<String>,
}

/// The gazetteer compiled for matching. Build once, share across threads.
pub struct ActorMatcher {
    patterns: Vec<Pattern>,
    kinds: Vec<ActorType>,
    names: Vec<String>,
    /// Short forms (surnames) of curated people, with their actor.
    short_forms: HashMap<String, Vec<usize>>,
    /// `short_forms`' keys, in the order of their patterns in `scan`.
    short_keys: Vec<String>,
    /// The length of the longest gazetteer pattern, in bytes.
    longest: usize,
    /// One automaton for the three sets of words a document is searched
    /// for, ASCII case-insensitive: the gazetteer's patterns (ids from 0),
    /// then `short_keys`, then the cue words (`CUE_LIST`). See [`Scanned`].
    scan: DFA,
}

/// What one pass of [`ActorMatcher::scan`] finds in a text.
struct Scanned {
    /// The gazetteer's patterns, ASCII case-insensitive, leftmost-longest
    /// (what `AhoCorasick::find_iter` of them gives): (pattern, bytes).
    gazetteer: Vec<(usize, Range<usize>)>,
    /// Where the short forms occur, exact case, overlapping: starts, in
    /// no particular order.
    short_starts: Vec<usize>,
    /// The cue words, exact case, overlapping, by end: (kind, bytes).
    cues: Vec<(CueWord, Range<usize>)>,
}

/// Lower-case particles that may stand in lower case in the text where an
/// alias has a capital ("al Qaeda" for "Al Qaeda").
const PARTICLES: &[&str] = &["al", "el", "bin", "ibn", "de", "van", "von", "the", "of", "al-", "el-"];

/// The short forms of a person's name: the last word, and without an
/// `al-` prefix ("Ayman al-Zawahiri" → "al-Zawahiri", "Zawahiri").
fn short_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let last = words[words.len() - 1];
    let mut out = vec![last.to_string()];
    for prefix in ["al-", "Al-", "el-", "El-"] {
        if let Some(rest) = last.strip_prefix(prefix) {
            if rest.chars().next().is_some_and(char::is_uppercase) {
                out.push(rest.to_string());
            }
        }
    }
    out
}

impl ActorMatcher {
    /// Compiles a gazetteer.
    pub fn new(gazetteer: &Gazetteer) -> ActorMatcher {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut folded: HashMap<String, usize> = HashMap::new();
        let mut short: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, a) in gazetteer.actors.iter().enumerate() {
            for spelling in std::iter::once(&a.name).chain(&a.aliases) {
                match folded.get(&spelling.to_ascii_lowercase()) {
                    Some(&k) => patterns[k].spellings.push(spelling.clone()),
                    None => {
                        folded.insert(spelling.to_ascii_lowercase(), patterns.len());
                        patterns.push(Pattern { actor: i, spellings: vec![spelling.clone()] });
                    }
                }
            }
            if a.kind == ActorType::Person {
                for s in short_forms(&a.name) {
                    short.entry(s).or_default().push(i);
                }
            }
        }
        let kinds = gazetteer.actors.iter().map(|a| a.kind).collect();
        let names = gazetteer.actors.iter().map(|a| a.name.clone()).collect();
        let mut short_keys: Vec<String> = short.keys().cloned().collect();
        short_keys.sort_unstable();
        let all = patterns
            .iter()
            .map(|p| p.spellings[0].as_str())
            .chain(short_keys.iter().map(String::as_str))
            .chain(CUE_LIST.iter().map(|&(w, _)| w));
        let scan = dfa(true, all).expect("the words compile (they are plain strings)");
        let longest = patterns.iter().map(|p| p.spellings[0].len()).max().unwrap_or(0);
        ActorMatcher { patterns, kinds, names, short_forms: short, short_keys, longest, scan }
    }

    /// One pass of the scan automaton over `text`, as three: the
    /// gazetteer's leftmost-longest matches, the short forms' and the cue
    /// words' overlapping ones. An overlapping search reports every
    /// occurrence of every pattern (ASCII case aside), so
    /// - an exact-case pattern's occurrences are those whose bytes equal it;
    /// - the leftmost-longest matches are found as the search finds them:
    ///   from where the last one ended, the occurrence that starts first,
    ///   the longest of those (two patterns never cover the same bytes:
    ///   spellings equal but for ASCII case are one pattern).
    ///
    /// No pattern is empty (the gazetteer refuses empty spellings).
    fn scan(&self, text: &str) -> Scanned {
        let hay = text.as_bytes();
        let (n_gaz, n_short) = (self.patterns.len(), self.short_keys.len());
        let mut gazetteer = LeftmostLongest::new(self.longest);
        let mut short_starts: Vec<usize> = Vec::new();
        let mut cues: Vec<(CueWord, Range<usize>)> = Vec::new();
        each_match(&self.scan, hay, |p, r| {
            if p < n_gaz {
                gazetteer.push(p, r);
            } else if p < n_gaz + n_short {
                if hay[r.clone()] == *self.short_keys[p - n_gaz].as_bytes() {
                    short_starts.push(r.start);
                }
            } else {
                let (word, kind) = CUE_LIST[p - n_gaz - n_short];
                if hay[r.clone()] == *word.as_bytes() {
                    cues.push((kind, r));
                }
            }
        });
        Scanned { gazetteer: gazetteer.finish(), short_starts, cues }
    }

    /// The canonical name and type of an actor of a document's annotations.
    pub fn actor_name(&self, actor: ActorRef, ann: &Annotations) -> (String, ActorType) {
        match actor {
            ActorRef::Curated(i) => (self.names[i].clone(), self.kinds[i]),
            ActorRef::Discovered(i) => (ann.discovered[i].name.clone(), ann.discovered[i].kind),
        }
    }
}

/// The leftmost-longest matches of a set of patterns, chosen among all
/// their occurrences as an overlapping search gives them (by end): from
/// where the last choice ended, the occurrence that starts first, the
/// longest of those, as a leftmost-longest search finds them. An
/// occurrence is chosen once none still to come can start as early: those
/// end where the last one given ends or later, and are at most `longest`
/// bytes long. No sorting: the undecided ones are those of the last
/// `longest` bytes.
struct LeftmostLongest {
    longest: usize,
    /// Where the last choice ends.
    at: usize,
    /// The occurrences given that start at `at` or later, undecided.
    pending: Vec<(usize, Range<usize>)>,
    chosen: Vec<(usize, Range<usize>)>,
}

impl LeftmostLongest {
    fn new(longest: usize) -> Self {
        LeftmostLongest { longest, at: 0, pending: Vec::new(), chosen: Vec::new() }
    }

    /// The next occurrence: (pattern, bytes), ending no earlier than the last.
    fn push(&mut self, pattern: usize, r: Range<usize>) {
        self.settle(r.end.saturating_sub(self.longest));
        if r.start >= self.at {
            self.pending.push((pattern, r));
        }
    }

    /// Chooses while the best undecided occurrence starts before `from`,
    /// where every occurrence still to come starts.
    fn settle(&mut self, from: usize) {
        loop {
            let best = self.pending.iter().min_by_key(|(p, r)| (r.start, std::cmp::Reverse(r.end), *p));
            let Some((p, r)) = best.filter(|(_, r)| r.start < from).cloned() else { return };
            self.at = r.end;
            let at = self.at;
            self.pending.retain(|(_, r)| r.start >= at);
            self.chosen.push((p, r));
        }
    }

    /// The choices, once every occurrence is given.
    fn finish(mut self) -> Vec<(usize, Range<usize>)> {
        self.settle(usize::MAX);
        self.chosen
    }
}

/// One capitalised word of a name: "Kagan", "al-Zawahiri", "McKenzie",
/// "Nwajiaku-Dahou".
const TOKEN: &str = r"(?:(?:al|el|Al|El)-)?\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}?\p{Ll}+)*";
const PARTICLE: &str = r"(?:bin|ibn|van|von|de|da|al|el)";

fn person_name(min: usize) -> String {
    format!(r"{TOKEN}(?:\s(?:{PARTICLE}\s)?{TOKEN}){{{},3}}", min.saturating_sub(1))
}

static TITLE_CUE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?:^|[^\p{{L}}])(?:{})\s({})", alternation(&TITLES), person_name(1))));
static VERB_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(?:{})\s({})", alternation(&REPORTING_VERBS), person_name(2))));
static VERB_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"({}),?\s(?:{})\b", person_name(2), alternation(&REPORTING_VERBS))));
static ROLE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"\b(?:{})\s({})", alternation(&ROLES), person_name(2))));
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"({}),\s(?:(?:(?:a|an|the)\s)?(?:[\p{{Ll}}-]+\s){{0,4}}(?:{})\b|of\sthe\s\p{{Lu}})",
        person_name(2),
        alternation(&ROLES)
    ))
});
static ORGANIZATION: LazyLock<Regex> = LazyLock::new(|| {
    let word = format!(r"(?:{TOKEN}|\p{{Lu}}{{2,}})");
    re(&format!(
        r"(?:{word}\s){{0,5}}(?:{})\b(?:\s(?:of|for|on)(?:\sthe)?(?:\s{word})+(?:\sand(?:\s{word})+)?)*",
        alternation(&ORG_HEADS)
    ))
});
static WORD: LazyLock<Regex> = LazyLock::new(|| re(TOKEN));

/// The byte ranges of the web addresses in `text`: a scheme and `://`,
/// or `www.` at a word start, up to a space, an angle bracket or a
/// quotation mark ("…/Al-Qaeda-in-the-Indian-Subcontinent.pdf" names no
/// one). Found from each "://" and "www." (one Aho-Corasick pass), not
/// by a regex, which would have no literal to start from.
fn web_addresses(text: &str) -> Vec<Range<usize>> {
    let ends_address = |c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '“' | '”' | '‘' | '’');
    let end_from = |at: usize| text[at..].find(ends_address).map_or(text.len(), |k| at + k);
    static MARKERS: LazyLock<aho_corasick::AhoCorasick> =
        LazyLock::new(|| aho_corasick::AhoCorasick::new(["://", "www."]).expect("two plain strings compile"));
    let word_char_before = |at: usize| text[..at].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let mut out: Vec<Range<usize>> = Vec::new();
    for m in MARKERS.find_iter(text) {
        let at = m.start();
        if m.pattern().as_usize() == 0 {
            // The scheme: a letter, then letters, digits, "+", "." or "-".
            let scheme = text[..at]
                .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
            let letter = text[scheme.len()..at].find(|c: char| c.is_ascii_alphabetic());
            let start = letter.map_or(at, |k| scheme.len() + k);
            if start < at && !word_char_before(start) {
                out.push(start..end_from(at + 3));
            }
        } else if !word_char_before(at) && end_from(at) > at + 4 {
            out.push(at..end_from(at));
        }
    }
    // In text order, without the "www." inside an address with a scheme.
    out.sort_by_key(|r| r.start);
    out.dedup_by(|later, first| later.end <= first.end);
    out
}

/// The discovery cues, as bits of a mask of those that can match a segment.
const CUE_TITLE: u8 = 1;
const CUE_VERB_AFTER: u8 = 2;
const CUE_VERB_BEFORE: u8 = 4;
const CUE_ROLE_BEFORE: u8 = 8;
const CUE_APPOSITION: u8 = 16;
const CUE_ORGANIZATION: u8 = 32;
const CUE_ALL: u8 = 63;

/// Which lexicon a cue word comes from: its occurrence counts for a cue
/// only in the context the cue's pattern demands around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueWord {
    Title,
    Verb,
    Role,
    OrgHead,
    /// "of" of an apposition's ", of the X".
    Of,
}

/// Every word some discovery pattern needs literally (the patterns are
/// case-sensitive, so is the search for these), with the lexicon it
/// comes from: most segments hold none of a pattern's words, and six
/// regexes each scanning every segment were 40% of mention finding.
static CUE_LIST: LazyLock<Vec<(&'static str, CueWord)>> = LazyLock::new(|| {
    let lists: [(&[&str], CueWord); 4] = [
        (&TITLES, CueWord::Title),
        (&REPORTING_VERBS, CueWord::Verb),
        (&ROLES, CueWord::Role),
        (&ORG_HEADS, CueWord::OrgHead),
    ];
    let mut words: Vec<(&'static str, CueWord)> = Vec::new();
    for (list, kind) in lists {
        words.extend(list.iter().map(|&w| (w, kind)));
    }
    words.push(("of", CueWord::Of));
    words
});

/// The cue words alone, exact case, for [`possible_cues`] (the reference
/// the scan of [`ActorMatcher::scan`] is tested against).
#[cfg(test)]
static CUE_WORDS: LazyLock<(DFA, Vec<CueWord>)> = LazyLock::new(|| {
    let words = CUE_LIST.iter().map(|&(w, _)| w);
    let ac = dfa(false, words).expect("cue words compile (they are plain strings)");
    (ac, CUE_LIST.iter().map(|&(_, k)| k).collect())
});

/// Whether a byte is a word byte of an ASCII `\b`.
fn word_byte(b: Option<&u8>) -> bool {
    b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Whether an ASCII `\b` can hold at byte `at`.
fn ascii_boundary(bytes: &[u8], at: usize) -> bool {
    word_byte(at.checked_sub(1).and_then(|i| bytes.get(i))) != word_byte(bytes.get(at))
}

/// Whether `c` can be a `\s`: white space, or any non-ASCII character
/// (erring towards running the pattern).
fn maybe_space(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_whitespace() || !c.is_ascii())
}

/// Whether `c` can begin a name token (`TOKEN`: a capital, or the "a"/"e"
/// of "al-"/"el-"); any non-ASCII character can.
fn maybe_name_start(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_ascii() || c.is_ascii_uppercase() || matches!(c, 'a' | 'e'))
}

/// Whether `head` can end with the last token of a name of two or more
/// (`TOKEN` after a `\s`): its last run of ASCII letters and hyphens must
/// follow white space and begin like a name. A run holding non-ASCII
/// characters, which may be letters or spaces, always can.
fn maybe_name_end(head: &str) -> bool {
    let run = head.len()
        - head.trim_end_matches(|c: char| !c.is_ascii() || c.is_ascii_alphabetic() || c == '-').len();
    let (before, word) = head.split_at(head.len() - run);
    if !word.is_ascii() {
        return true;
    }
    !word.is_empty() && maybe_name_start(word.chars().next()) && maybe_space(before.chars().next_back())
}

/// The discovery patterns that can match `seg`, as `CUE_*` bits: a bit is
/// clear only if no occurrence of the pattern's required words has the
/// context the pattern requires around it (a superset of its matches, so
/// skipping a pattern whose bit is clear changes nothing).
#[cfg(test)]
fn possible_cues(seg: &str) -> u8 {
    let (ac, kinds) = &*CUE_WORDS;
    cue_mask(seg, Overlapping::new(ac, seg.as_bytes()).map(|(p, m)| (kinds[p], m)))
}

/// [`possible_cues`] from the occurrences of the cue words in `seg`
/// (exact case, overlapping; any order): (kind, bytes of `seg`).
fn cue_mask(seg: &str, cue_words: impl Iterator<Item = (CueWord, Range<usize>)>) -> u8 {
    let bytes = seg.as_bytes();
    let mut mask = 0u8;
    for (kind, m) in cue_words {
        let (s, e) = (m.start, m.end);
        let mut rest = seg[e..].chars();
        let after = rest.next();
        let name_after = maybe_space(after) && maybe_name_start(rest.next());
        let before = seg[..s].chars().next_back();
        mask |= match kind {
            // (?:^|[^\p{L}])TITLE\sTOKEN
            CueWord::Title => {
                if before.is_some_and(|c| c.is_ascii_alphabetic()) || !name_after {
                    0
                } else {
                    CUE_TITLE
                }
            }
            CueWord::Verb => {
                // \bVERB\sTOKEN
                let after_cue = if ascii_boundary(bytes, s) && name_after { CUE_VERB_AFTER } else { 0 };
                // TOKEN,?\sVERB\b
                let before_cue =
                    if ascii_boundary(bytes, e) && name_before(&seg[..s]) { CUE_VERB_BEFORE } else { 0 };
                after_cue | before_cue
            }
            CueWord::Role => {
                // \bROLE\sTOKEN
                let role = if ascii_boundary(bytes, s) && name_after { CUE_ROLE_BEFORE } else { 0 };
                // TOKEN,\s…\sROLE\b
                let appo =
                    if ascii_boundary(bytes, e) && apposition_before(&seg[..s]) { CUE_APPOSITION } else { 0 };
                role | appo
            }
            // HEAD\b, with a word before it or an "of …" after it
            CueWord::OrgHead => {
                if ascii_boundary(bytes, e) && org_of_two(&seg[..s], &seg[e..]) {
                    CUE_ORGANIZATION
                } else {
                    0
                }
            }
            // TOKEN,\sof
            CueWord::Of => {
                let mut back = seg[..s].chars();
                let comma = maybe_space(back.next_back()) && back.next_back() == Some(',');
                if comma && maybe_name_end(back.as_str()) {
                    CUE_APPOSITION
                } else {
                    0
                }
            }
        };
        if mask == CUE_ALL {
            break;
        }
    }
    mask
}

/// Whether an organization match around a head word (`head` before it,
/// `tail` after) can hold more than the head: a capitalised word and a
/// `\s` before it, or `\s(?:of|for|on)` after it. A match of the head
/// alone is one word, which `clean_org` always rejects, so a segment
/// whose head words all fail this gives no organization.
fn org_of_two(head: &str, tail: &str) -> bool {
    let mut back = head.chars();
    let word_before = maybe_space(back.next_back()) && {
        let h = back.as_str();
        let run = h.len()
            - h.trim_end_matches(|c: char| !c.is_ascii() || c.is_ascii_alphabetic() || c == '-').len();
        let word = &h[h.len() - run..];
        // A `TOKEN` or `\p{Lu}{2,}` holds a capital and ends in a letter.
        word.contains(|c: char| !c.is_ascii() || c.is_ascii_uppercase()) && !word.ends_with('-')
    };
    let mut rest = tail.chars();
    let of_after =
        maybe_space(rest.next()) && ["of", "for", "on"].iter().any(|w| rest.as_str().starts_with(w));
    word_before || of_after
}

/// Whether `head` (the text before a role noun) can end with an
/// apposition's `TOKEN,\s(?:(?:a|an|the)\s)?(?:[\p{Ll}-]+\s){0,4}`.
fn apposition_before(mut head: &str) -> bool {
    // The article and the four words are each a lower-case word.
    for _ in 0..=5 {
        let mut back = head.chars();
        if !maybe_space(back.next_back()) {
            return false;
        }
        let h = back.as_str();
        if let Some(name) = h.strip_suffix(',') {
            return maybe_name_end(name);
        }
        let run =
            h.len() - h.trim_end_matches(|c: char| !c.is_ascii() || c.is_ascii_lowercase() || c == '-').len();
        let (rest, word) = h.split_at(h.len() - run);
        if !word.is_ascii() {
            return true;
        }
        if word.is_empty() {
            return false;
        }
        head = rest;
    }
    false
}

/// Whether `head` (the text before a reporting verb) can end with
/// `TOKEN,?\s` of a name of two or more.
fn name_before(head: &str) -> bool {
    let mut back = head.chars();
    if !maybe_space(back.next_back()) {
        return false;
    }
    let head = back.as_str();
    maybe_name_end(head.strip_suffix(',').unwrap_or(head))
}

/// A mention in bytes, before conversion.
#[derive(Debug, Clone)]
struct Found {
    range: Range<usize>,
    actor: ActorRef,
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Whether the text's spelling fits the alias's case: a single word must
/// match exactly (acronyms stay exact, "West" is not "west"); in longer
/// aliases a capital may stand in lower case only on a particle, or, if
/// `head_may_lower`, on a last word that is an organization's generic
/// head ("the Haqqani network", "the State department": house styles
/// lower-case those).
fn case_fits(surface: &str, alias: &str, head_may_lower: bool) -> bool {
    if surface == alias {
        return true;
    }
    // A one-word alias (most of the scan's matches: "IS" in "this") must
    // match exactly; no need to split the words.
    if !alias.contains(|c: char| c.is_whitespace() || c == '-') {
        return false;
    }
    let s_words: Vec<&str> = surface.split(|c: char| c.is_whitespace() || c == '-').collect();
    let a_words: Vec<&str> = alias.split(|c: char| c.is_whitespace() || c == '-').collect();
    if a_words.len() < 2 || s_words.len() != a_words.len() {
        return false;
    }
    let last = a_words.len() - 1;
    s_words.iter().zip(&a_words).enumerate().all(|(i, (s, a))| {
        let (sf, af) = (s.chars().next(), a.chars().next());
        let lowered = sf.is_some_and(char::is_lowercase) && af.is_some_and(char::is_uppercase);
        !lowered
            || PARTICLES.contains(&a.to_lowercase().as_str())
            || head_may_lower && i == last && ORG_HEADS.contains(a)
    })
}

/// Whether a match at byte `at` stands inside a sentence, after a word or
/// a comma: there a capital on its first word marks a name. At a sentence
/// start every word has one ("Monitoring team members met" is no Monitoring
/// Team), so a lower-case generic head is not let through there.
fn mid_sentence(text: &str, at: usize) -> bool {
    text[..at].trim_end().chars().next_back().is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';'))
}

/// A title that ends right before byte `at` ("Gen. " before "Kurilla").
fn title_before(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].strip_suffix(' ')?;
    TITLES.iter().find_map(|t| {
        let start = before.len().checked_sub(t.len())?;
        let ok = before.is_char_boundary(start)
            && &before[start..] == *t
            && !is_word(before[..start].chars().next_back());
        ok.then_some(start)
    })
}

/// The length of a title at the start of `s` (with its space), if any.
fn leading_title(s: &str) -> usize {
    TITLES.iter().find(|t| s.starts_with(*t) && s[t.len()..].starts_with(' ')).map_or(0, |t| t.len() + 1)
}

/// The byte spans already taken by mentions: non-overlapping, so a
/// lookup is a binary search rather than a scan (a long document has
/// thousands of mentions). The spans it starts with are a sorted vector
/// (one sort, no tree to build); the few taken later go to a tree.
#[derive(Default)]
struct Taken {
    base: Vec<(usize, usize)>,
    added: BTreeMap<usize, usize>,
}

impl Taken {
    fn of(found: &[Found]) -> Taken {
        let mut base: Vec<(usize, usize)> = found.iter().map(|f| (f.range.start, f.range.end)).collect();
        base.sort_unstable();
        Taken { base, added: BTreeMap::new() }
    }

    fn overlaps(&self, r: &Range<usize>) -> bool {
        let k = self.base.partition_point(|&(start, _)| start < r.end);
        let in_base = k > 0 && self.base[k - 1].1 > r.start;
        in_base || self.added.range(..r.end).next_back().is_some_and(|(_, &end)| end > r.start)
    }

    fn take(&mut self, r: &Range<usize>) {
        self.added.insert(r.start, r.end);
    }
}

/// Code point → byte offsets of one text, for offsets asked in increasing
/// order (the segments' spans): each counts on from the last, skipping
/// ASCII eight bytes at a time. Gives what `CharCounter::byte_of` gives.
struct ByteOffsets<'a> {
    text: &'a str,
    /// A char boundary, and the number of chars before it.
    byte: usize,
    chars: usize,
}

impl<'a> ByteOffsets<'a> {
    fn new(text: &'a str) -> Self {
        ByteOffsets { text, byte: 0, chars: 0 }
    }

    /// The byte offset of code point offset `ch` (the text's length past
    /// its end).
    fn byte_of(&mut self, ch: usize) -> usize {
        if ch < self.chars {
            (self.byte, self.chars) = (0, 0);
        }
        let bytes = self.text.as_bytes();
        let (mut at, mut left) = (self.byte, ch - self.chars);
        while left > 0 && at < bytes.len() {
            // Eight ASCII bytes are eight code points.
            if left >= 8 {
                if let Some(chunk) = bytes.get(at..at + 8) {
                    if chunk.is_ascii() {
                        at += 8;
                        left -= 8;
                        continue;
                    }
                }
            }
            // One code point: its lead byte and any continuation bytes.
            at += 1;
            while bytes.get(at).is_some_and(|&b| b & 0xc0 == 0x80) {
                at += 1;
            }
            left -= 1;
        }
        (self.byte, self.chars) = (at, ch - left);
        at
    }
}

impl ActorMatcher {
    /// Finds the mentions of one document (outside boilerplate, which is
    /// not in the text) and the actors discovered in it.
    pub fn annotate(&self, doc: &Document) -> Annotations {
        let text = doc.text.as_str();
        let stripped = doc.flags.contains(&QualityFlag::QuoteMarksStripped);
        let scanned = self.scan(text);
        let mut found = self.gazetteer_mentions(text, &scanned.gazetteer, stripped);
        let mut discovered = discover(doc, &found, &scanned.cues);
        self.drop_bare_surnames(&mut discovered);
        self.locate_discovered(text, &discovered, &mut found);
        self.link_short_forms(text, &scanned.short_starts, &discovered, &mut found);
        let addresses = web_addresses(text);
        if !addresses.is_empty() {
            found.retain(|f| !addresses.iter().any(|a| a.start <= f.range.start && f.range.end <= a.end));
        }
        found.sort_by_key(|f| f.range.start);
        let mut index = CharCounter::new(text);
        let spans: Vec<(usize, u32)> =
            doc.segments.iter().filter_map(|s| s.span.as_ref().map(|r| (r.start, s.seq))).collect();
        let mentions = found
            .into_iter()
            .map(|f| {
                let start = index.char_of(f.range.start);
                let end = index.char_of(f.range.end);
                let k = spans.partition_point(|&(s, _)| s <= start).saturating_sub(1);
                Mention {
                    actor: f.actor,
                    start,
                    end,
                    surface: text[f.range].to_string(),
                    segment_seq: spans.get(k).map_or(0, |s| s.1),
                }
            })
            .collect();
        let mut ann = Annotations { mentions, discovered };
        // A speaker is an actor: the names read beside the cues.
        crate::quote_source::add_speakers(doc, self, &mut ann);
        ann
    }

    /// The gazetteer's mentions among its patterns' leftmost-longest
    /// matches in `text` (`Scanned::gazetteer`).
    fn gazetteer_mentions(
        &self,
        text: &str,
        matches: &[(usize, Range<usize>)],
        stripped: bool,
    ) -> Vec<Found> {
        let mut found = Vec::new();
        for (pattern, range) in matches.iter().cloned() {
            let p = &self.patterns[pattern];
            let surface = &text[range.clone()];
            let head_may_lower = mid_sentence(text, range.start);
            let fits = p.spellings.iter().any(|a| case_fits(surface, a, head_may_lower));
            if !fits || is_word(text[..range.start].chars().next_back()) {
                continue;
            }
            let mut after = text[range.end..].chars();
            let next = after.next();
            // "Talibans" is a possessive only where apostrophes were stripped.
            let bare_possessive = stripped && next == Some('s') && !is_word(after.next());
            if is_word(next) && !bare_possessive {
                continue;
            }
            let mut start = range.start;
            if self.kinds[p.actor] == ActorType::Person {
                start += leading_title(surface);
            }
            found.push(Found { range: start..range.end, actor: ActorRef::Curated(p.actor) });
        }
        found
    }

    /// A one-word name after a title ("President Trump", "Mawlawi Saib")
    /// is not discovered as an actor of its own: too thin to trust. If it
    /// is the surname of a fuller name, short-form linking gives it to that
    /// person.
    fn drop_bare_surnames(&self, discovered: &mut Vec<DiscoveredActor>) {
        discovered.retain(|d| d.kind == ActorType::Organization || d.name.contains(' '));
    }

    /// Every occurrence of a discovered name, exact case, on word boundaries.
    fn locate_discovered(&self, text: &str, discovered: &[DiscoveredActor], found: &mut Vec<Found>) {
        let mut taken = Taken::of(found);
        for (i, d) in discovered.iter().enumerate() {
            for (at, _) in text.match_indices(d.name.as_str()) {
                let r = at..at + d.name.len();
                let clean =
                    !is_word(text[..at].chars().next_back()) && !is_word(text[r.end..].chars().next());
                if clean && !taken.overlaps(&r) {
                    taken.take(&r);
                    found.push(Found { range: r, actor: ActorRef::Discovered(i) });
                }
            }
        }
    }

    /// A surname alone links to the person whose full name came last
    /// before it in the document, or to a person right after a title.
    /// `short_starts`: where the curated short forms occur (`Scanned`).
    fn link_short_forms(
        &self,
        text: &str,
        short_starts: &[usize],
        discovered: &[DiscoveredActor],
        found: &mut Vec<Found>,
    ) {
        let forms = Forms::new(&self.short_forms, discovered);
        // Where each actor's full mentions start: sorted by actor, then start.
        let mut starts: Vec<(ActorRef, usize)> = found.iter().map(|f| (f.actor, f.range.start)).collect();
        starts.sort_unstable();
        let mut taken = Taken::of(found);
        for r in self.words_among(text, short_starts, &forms) {
            let actors = forms.get(&text[r.clone()]);
            if actors.is_empty() {
                continue;
            }
            let m = &text[r.clone()];
            if taken.overlaps(&r) || is_word(text[r.end..].chars().next()) {
                continue;
            }
            // Not the start of a longer name ("Kagan Smith").
            let rest = &text[r.end..];
            if rest.starts_with(' ') && rest[1..].starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let titled = title_before(text, r.start).is_some();
            let article = text[..r.start].ends_with("the ") || text[..r.start].ends_with("The ");
            let common = COMMON_SURNAMES.contains(m.to_lowercase().as_str());
            if article || (common && !titled) {
                continue;
            }
            // The person whose full mention is the latest before this one.
            let before = actors
                .iter()
                .filter_map(|a| {
                    // The actor's last start before this one.
                    let k = starts.partition_point(|&(b, st)| (b, st) < (*a, r.start));
                    let (b, st) = *starts.get(k.checked_sub(1)?)?;
                    (b == *a).then_some((st, *a))
                })
                .max_by_key(|&(st, _)| st)
                .map(|(_, a)| a);
            let actor = before.or_else(|| (titled && actors.len() == 1).then(|| actors[0]));
            if let Some(actor) = actor {
                taken.take(&r);
                found.push(Found { range: r, actor });
            }
        }
    }
}

impl ActorMatcher {
    /// The spans of the words (`WORD` matches, in the order
    /// `WORD.find_iter(text)` gives them) whose text is one of `forms`'
    /// keys. Rather than every capitalised word of the text, only the
    /// places where a key occurs are read: a `WORD` match holds letters and
    /// hyphens only, so the matches after any other character are the
    /// ones a search started there finds.
    /// `short_starts` are where `self.short_forms`' keys occur in `text`
    /// (exact case), the forms of discovered names are searched here.
    fn words_among(&self, text: &str, short_starts: &[usize], forms: &Forms) -> Vec<Range<usize>> {
        let mut at: Vec<usize> = short_starts.to_vec();
        for k in forms.discovered.iter().map(|(k, _)| k).filter(|k| !self.short_forms.contains_key(*k)) {
            at.extend(text.match_indices(k.as_str()).map(|(i, _)| i));
        }
        at.sort_unstable();
        at.dedup();
        let mut out: Vec<Range<usize>> = Vec::new();
        for p in at {
            if out.last().is_some_and(|r| r.end > p) {
                continue; // inside the word just found
            }
            // Back to a character no word holds: a search from there is in
            // step with the search of the whole text.
            let run = text[..p].trim_end_matches(|c: char| c.is_alphabetic() || c == '-').len();
            let mut from = run;
            while let Some(m) = WORD.find_at(text, from) {
                if m.start() >= p {
                    if m.start() == p && forms.contains(m.as_str()) {
                        out.push(m.range());
                    }
                    break;
                }
                from = m.end();
            }
        }
        out
    }
}

#[cfg(test)]
pub(crate) fn every_word_among(text: &str, forms: &Forms) -> Vec<Range<usize>> {
    WORD.find_iter(text).filter(|m| forms.contains(m.as_str())).map(|m| m.range()).collect()
}

/// The short forms a surname may link to: the curated people's (built
/// once) and the discovered people's of one document (a few).
pub(crate) struct Forms<'a> {
    curated: &'a HashMap<String, Vec<usize>>,
    /// (form, discovered actor), in the order of the actors.
    discovered: Vec<(String, usize)>,
}

impl<'a> Forms<'a> {
    fn new(curated: &'a HashMap<String, Vec<usize>>, discovered: &[DiscoveredActor]) -> Self {
        let mut forms = Vec::new();
        for (i, d) in discovered.iter().enumerate() {
            if d.kind == ActorType::Person {
                forms.extend(short_forms(&d.name).into_iter().map(|s| (s, i)));
            }
        }
        Forms { curated, discovered: forms }
    }

    fn contains(&self, word: &str) -> bool {
        self.curated.contains_key(word) || self.discovered.iter().any(|(k, _)| k == word)
    }

    /// The actors of a form: the curated ones, then the discovered ones.
    fn get(&self, word: &str) -> Vec<ActorRef> {
        let curated = self.curated.get(word).into_iter().flatten().map(|&i| ActorRef::Curated(i));
        let discovered =
            self.discovered.iter().filter(|(k, _)| k == word).map(|&(_, i)| ActorRef::Discovered(i));
        curated.chain(discovered).collect()
    }
}

/// The segments discovery reads: running text, not references, tables,
/// or title-cased lines (a title or heading capitalises every word).
fn discoverable(kind: BlockKind) -> bool {
    !matches!(
        kind,
        BlockKind::Reference
            | BlockKind::TableRow
            | BlockKind::Boilerplate
            | BlockKind::Title
            | BlockKind::Heading
    )
}

fn clean_person(name: &str) -> Option<String> {
    let name = name.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let bad = words.iter().any(|w| {
        NOT_NAMES.contains(w) || NOT_PERSON_WORDS.contains(w) || ORG_HEADS.contains(w) || TITLES.contains(w)
    });
    let all_caps = name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if bad || all_caps || PLACES.contains(name) || words.iter().any(|w| PLACES.contains(w)) {
        return None;
    }
    Some(name.to_string())
}

/// Trims an organization candidate: leading function words and
/// "X-based" adjectives go ("the", "Sydney-based"), and a trailing
/// "of/for/on …" tail that runs into a month or function word is cut
/// ("Committee on March" → "Committee").
fn clean_org(name: &str) -> Option<String> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.first().is_some_and(|w| {
        NOT_NAMES.contains(w) || TITLES.contains(w) || w.ends_with("-based") || w.ends_with("-led")
    }) {
        words.remove(0);
    }
    let head = words.iter().position(|w| ORG_HEADS.contains(w))?;
    let cut = (head + 1..words.len()).find(|&k| NOT_NAMES.contains(words[k]));
    if let Some(mut k) = cut {
        while k > head + 1 && matches!(words[k - 1], "of" | "for" | "on" | "the" | "and") {
            k -= 1;
        }
        words.truncate(k);
    }
    if words.len() < 2 {
        return None;
    }
    let name = words.join(" ");
    (!PLACES.contains(name.as_str())).then_some(name)
}

/// Discovers people and organizations that are not in the gazetteer, by
/// cues: a title or rank, a reporting verb, a role noun, an apposition,
/// an organization head word. Candidates overlapping a gazetteer mention
/// are dropped: prefer missing a name to inventing one.
///
/// `cue_words`: the cue words' occurrences in the text (`Scanned::cues`).
fn discover(doc: &Document, found: &[Found], cue_words: &[(CueWord, Range<usize>)]) -> Vec<DiscoveredActor> {
    discover_with(doc, found, Some(cue_words))
}

/// [`discover`], with or without skipping the patterns that cannot match
/// a segment (without, `None`: for the test that the skip changes nothing).
fn discover_with(
    doc: &Document,
    found: &[Found],
    cue_words: Option<&[(CueWord, Range<usize>)]>,
) -> Vec<DiscoveredActor> {
    let text = doc.text.as_str();
    let mut index = ByteOffsets::new(text);
    let mut out: Vec<DiscoveredActor> = Vec::new();
    let taken = Taken::of(found);
    let mut add = |name: Option<String>, kind: ActorType, cue: &'static str, r: Range<usize>| {
        let Some(name) = name else { return };
        if taken.overlaps(&r) || out.iter().any(|d| d.name == name) {
            return;
        }
        out.push(DiscoveredActor { name, kind, cue });
    };
    for seg in doc.segments.iter().filter(|s| discoverable(s.kind)) {
        let Some(span) = &seg.span else { continue };
        let base = index.byte_of(span.start);
        let end = index.byte_of(span.end);
        let slice = &text[base..end];
        let possible = match cue_words {
            // The occurrences inside the segment: those ending in it (they
            // are by end) that start in it, as a search of it finds them.
            Some(cues) => {
                let lo = cues.partition_point(|(_, r)| r.end <= base);
                let hi = cues.partition_point(|(_, r)| r.end <= end);
                let inside = cues[lo..hi.max(lo)].iter().filter(|(_, r)| r.start >= base);
                cue_mask(slice, inside.map(|(k, r)| (*k, r.start - base..r.end - base)))
            }
            None => CUE_ALL,
        };
        let person_cues: [(&Regex, &'static str, u8); 5] = [
            (&TITLE_CUE, "title", CUE_TITLE),
            (&VERB_AFTER, "reporting_verb", CUE_VERB_AFTER),
            (&VERB_BEFORE, "reporting_verb", CUE_VERB_BEFORE),
            (&ROLE_BEFORE, "role", CUE_ROLE_BEFORE),
            (&APPOSITION, "apposition", CUE_APPOSITION),
        ];
        for (cue_re, cue, bit) in person_cues {
            if possible & bit == 0 {
                continue;
            }
            for c in cue_re.captures_iter(slice) {
                let m = c.get(1).expect("group 1 always takes part");
                let r = base + m.start()..base + m.end();
                add(clean_person(m.as_str()), ActorType::Person, cue, r);
            }
        }
        if possible & CUE_ORGANIZATION == 0 {
            continue;
        }
        for m in ORGANIZATION.find_iter(slice) {
            let r = base + m.start()..base + m.end();
            add(clean_org(m.as_str()), ActorType::Organization, "organization_name", r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus_parser::{parse_blocks, Hints};
    use std::path::Path;

    const GAZETTEER: &str = r#"
[[actor]]
id = "taliban"
name = "Taliban"
type = "organization"
aliases = ["Islamic Emirate of Afghanistan"]

[[actor]]
id = "al-qaeda"
name = "Al Qaeda"
type = "organization"
aliases = ["al-Qaeda", "AQ", "AQIS-core"]

[[actor]]
id = "islamic-state"
name = "Islamic State"
type = "organization"

[[actor]]
id = "zalmay-khalilzad"
name = "Zalmay Khalilzad"
type = "person"

[[actor]]
id = "thomas-west"
name = "Thomas West"
type = "person"

[[actor]]
id = "kim-kagan"
name = "Kim Kagan"
type = "person"

[[actor]]
id = "frederick-kagan"
name = "Frederick Kagan"
type = "person"

[[actor]]
id = "ayman-al-zawahiri"
name = "Ayman al-Zawahiri"
type = "person"

[[actor]]
id = "mohammed-omar"
name = "Mohammed Omar"
type = "person"
aliases = ["Mullah Omar"]
"#;

    fn matcher() -> (ActorMatcher, Gazetteer) {
        let g = Gazetteer::parse(Path::new("actors.toml"), GAZETTEER).expect("test gazetteer");
        (ActorMatcher::new(&g), g)
    }

    fn doc(text: &str) -> Document {
        crate::normalise(text, &parse_blocks(text, &Hints::default()))
    }

    /// (surface, actor id or discovered name) for every mention.
    fn mentions(text: &str) -> Vec<(String, String)> {
        let (m, g) = matcher();
        let d = doc(text);
        let a = m.annotate(&d);
        for x in &a.mentions {
            let slice: String = d.text.chars().skip(x.start).take(x.end - x.start).collect();
            assert_eq!(slice, x.surface, "offsets slice the surface");
        }
        a.mentions
            .iter()
            .map(|x| {
                let who = match x.actor {
                    ActorRef::Curated(i) => g.actors[i].id.clone(),
                    ActorRef::Discovered(i) => format!("new:{}", a.discovered[i].name),
                };
                (x.surface.clone(), who)
            })
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn aliases_and_possessives() {
        assert_eq!(
            mentions("The Taliban’s leaders met al-Qaeda and the Islamic Emirate of Afghanistan's envoys; AQ agreed."),
            pairs(&[("Taliban", "taliban"), ("al-Qaeda", "al-qaeda"), ("Islamic Emirate of Afghanistan", "taliban"), ("AQ", "al-qaeda")])
        );
        // Lower-case particle is fine; an acronym in lower case or inside a word is not.
        assert_eq!(
            mentions("They said al Qaeda was weak; aq and AQUA are not it."),
            pairs(&[("al Qaeda", "al-qaeda")])
        );
        // A generic lower-case phrase is not the group.
        assert_eq!(mentions("They wanted an islamic state of their own."), pairs(&[]));
    }

    #[test]
    fn names_inside_web_addresses_are_not_mentions() {
        assert_eq!(
            mentions(
                "Al Qaeda said so (https://example.org/uploads/Al-Qaeda-in-Yemen-AQ.pdf), \
                 and see www.example.org/Taliban or ftp://files.example/AQ; the Taliban replied."
            ),
            pairs(&[("Al Qaeda", "al-qaeda"), ("Taliban", "taliban")])
        );
        // An address ends at a space or a quotation mark: the name after it counts.
        assert_eq!(mentions("(“https://example.org/x”) Al Qaeda"), pairs(&[("Al Qaeda", "al-qaeda")]));
        // Trailing punctuation stays in the address (no name is a comma).
        let text = "a www.x.org/b and HTTPS://Y.org/c, not wwwx.org";
        let found: Vec<&str> = web_addresses(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["www.x.org/b", "HTTPS://Y.org/c,"]);
        let text = "see http://www.x.org/a, 9x://no, x-y.z://b and (git+ssh://c)";
        let found: Vec<&str> = web_addresses(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["http://www.x.org/a,", "x-y.z://b", "git+ssh://c)"]);
    }

    #[test]
    fn a_generic_head_may_be_lower_case_at_the_end_of_a_name() {
        let g = Gazetteer::parse(
            Path::new("actors.toml"),
            "[[actor]]\nid = \"hn\"\nname = \"Haqqani Network\"\ntype = \"organization\"\n\n\
             [[actor]]\nid = \"nc\"\nname = \"Network Coalition\"\ntype = \"organization\"\n",
        )
        .expect("gazetteer");
        let d = doc(
            "They met the Haqqani network, the Haqqani Network, the haqqani network, a network coalition.",
        );
        let a = ActorMatcher::new(&g).annotate(&d);
        let surfaces: Vec<&str> = a.mentions.iter().map(|m| m.surface.as_str()).collect();
        // Only the last word may be lowered, and only the other words keep the name.
        assert_eq!(surfaces, vec!["Haqqani network", "Haqqani Network"]);
        // At a sentence start every word has a capital: not a name there.
        let d = doc("Haqqani network members met. “Haqqani network” is a term. So did the Haqqani Network.");
        let a = ActorMatcher::new(&g).annotate(&d);
        let surfaces: Vec<&str> = a.mentions.iter().map(|m| m.surface.as_str()).collect();
        assert_eq!(surfaces, vec!["Haqqani Network"]);
    }

    #[test]
    fn spellings_that_differ_in_case_each_keep_their_rule() {
        let g = Gazetteer::parse(
            Path::new("actors.toml"),
            "[[actor]]\nid = \"pa\"\nname = \"Pakistan Army\"\ntype = \"organization\"\naliases = [\"Pakistan army\"]\n",
        )
        .expect("gazetteer");
        let d = doc("The Pakistan army moved, and the Pakistan Army stayed.");
        let a = ActorMatcher::new(&g).annotate(&d);
        let surfaces: Vec<&str> = a.mentions.iter().map(|m| m.surface.as_str()).collect();
        assert_eq!(surfaces, vec!["Pakistan army", "Pakistan Army"]);
    }

    #[test]
    fn bare_possessives_only_where_apostrophes_were_stripped() {
        let stripped =
            "The Talibans rank and file wont fight, he said. Thats the view of the Talibans leaders today.";
        assert_eq!(mentions(stripped), pairs(&[("Taliban", "taliban"), ("Taliban", "taliban")]));
        assert_eq!(
            mentions("Talibans is not a word in a text that keeps its apostrophes’ marks."),
            pairs(&[])
        );
    }

    #[test]
    fn surnames_link_back_within_the_document_only() {
        assert_eq!(
            mentions("Khalilzad arrived. Later Zalmay Khalilzad spoke, and Khalilzad left."),
            pairs(&[("Zalmay Khalilzad", "zalmay-khalilzad"), ("Khalilzad", "zalmay-khalilzad")])
        );
        // The nearest full name before a shared surname wins.
        assert_eq!(
            mentions("Kim Kagan spoke first. Frederick Kagan disagreed, said Kagan."),
            pairs(&[
                ("Kim Kagan", "kim-kagan"),
                ("Frederick Kagan", "frederick-kagan"),
                ("Kagan", "frederick-kagan")
            ])
        );
        assert_eq!(
            mentions("Ayman al-Zawahiri was killed; Zawahiri had led the group, and al-Zawahiri hid."),
            pairs(&[
                ("Ayman al-Zawahiri", "ayman-al-zawahiri"),
                ("Zawahiri", "ayman-al-zawahiri"),
                ("al-Zawahiri", "ayman-al-zawahiri")
            ])
        );
    }

    #[test]
    fn words_among_short_forms_are_the_words_a_full_scan_finds() {
        let (m, _) = matcher();
        let person =
            |name: &str| DiscoveredActor { name: name.into(), kind: ActorType::Person, cue: "title" };
        let org =
            DiscoveredActor { name: "Omar Kagan Group".into(), kind: ActorType::Organization, cue: "title" };
        let discovered = [
            person("Asfandyar Mir"),
            person("Michael Kurilla"),
            person("Ali Nazary"),
            person("Ahmed al-Mir"),
            org,
        ];
        let forms = Forms::new(&m.short_forms, &discovered);
        for k in m.short_forms.keys().map(String::as_str).chain(["Mir", "Kurilla", "Nazary", "al-Mir"]) {
            assert!(forms.contains(k), "{k}");
        }
        assert!(!forms.contains("Group") && !forms.contains("Ali"));
        assert_eq!(forms.get("Mir"), [ActorRef::Discovered(0), ActorRef::Discovered(3)]);
        assert_eq!(forms.get("Zawahiri"), [ActorRef::Curated(7)]);
        let texts = [
            "Kagan said Kagan’s view, McKagan and Kagans, Kagan-Smith, al-Kagan and Al-kagan: Kagan.",
            "Khalilzad—Khalilzad, ÉKhalilzad, Khalilzadé and éKhalilzad; Zawahiri al-Zawahiri El-Zawahiri.",
            "Mir, Mirza, al-Mir, AMir, KuriLla Kurilla-Nazary Nazary West West-West WestWest 3West.",
            "Omar Omar’s OmarOmar Ömar “Omar” (Omar) -Omar Omar- Kurilla",
            "",
        ];
        for t in texts {
            let starts = m.scan(t).short_starts;
            assert_eq!(m.words_among(t, &starts, &forms), every_word_among(t, &forms), "{t}");
        }
        assert!(!m.words_among(texts[0], &m.scan(texts[0]).short_starts, &forms).is_empty());
    }

    #[test]
    fn a_direction_is_not_a_surname() {
        assert_eq!(
            mentions("Thomas West spoke. The West worries, and West Africa too; the West is divided."),
            pairs(&[("Thomas West", "thomas-west")])
        );
    }

    #[test]
    fn titles_are_not_part_of_the_name() {
        assert_eq!(
            mentions("Mullah Omar ruled, and Omar hid."),
            pairs(&[("Omar", "mohammed-omar"), ("Omar", "mohammed-omar")])
        );
        let m = mentions("Gen. Michael Kurilla said the threat grew, and Kurilla repeated it.");
        assert_eq!(
            m,
            pairs(&[("Michael Kurilla", "new:Michael Kurilla"), ("Kurilla", "new:Michael Kurilla")])
        );
    }

    #[test]
    fn discovery_cues_each_find_a_name() {
        let cases = [
            ("The risk is growing, said Asfandyar Mir in an interview.", "Asfandyar Mir"),
            ("Asfandyar Mir said the risk is growing.", "Asfandyar Mir"),
            ("Annie Pforzheimer, a former deputy chief of mission, disagreed.", "Annie Pforzheimer"),
            ("NRF spokesman Ali Maisam Nazary disagreed.", "Ali Maisam Nazary"),
            ("The panel heard Secretary of State Madeleine Albright.", "Madeleine Albright"),
            ("Analysts at the Institute for the Study of War disagreed.", "Institute for the Study of War"),
            ("The Haqqani Network grew stronger.", "Haqqani Network"),
            ("A letter from the Military Affairs Commission arrived.", "Military Affairs Commission"),
            ("He joined the American Enterprise Institute in May.", "American Enterprise Institute"),
            (
                "The Sydney-based Institute for Economics and Peace agreed.",
                "Institute for Economics and Peace",
            ),
            ("The Senate Armed Services Committee on March 16 heard him.", "Senate Armed Services Committee"),
            ("The Haqqani Network and Al Qaeda met.", "Haqqani Network"),
        ];
        for (text, name) in cases {
            let m = mentions(text);
            assert!(m.contains(&(name.to_string(), format!("new:{name}"))), "{text}: {m:?}");
        }
    }

    #[test]
    fn a_surname_after_a_title_joins_the_full_name() {
        assert_eq!(
            mentions("President Donald Trump spoke. Later President Trump left."),
            pairs(&[("Donald Trump", "new:Donald Trump"), ("Trump", "new:Donald Trump")])
        );
    }

    #[test]
    fn discovery_does_not_invent_names() {
        let cases = [
            "The report said the group was weak.",    // no name after the verb
            "In March the talks said little.",        // a month
            "Kabul said it would respond.",           // a place
            "This Council of elders met.",            // one word after stripping
            "Officials in Afghanistan said nothing.", // a place after the verb
            "The Annual Threat Assessment said the group was weak.", // a document
            "The White House said nothing.",          // an institution, not a person
        ];
        for text in cases {
            let m = mentions(text);
            assert!(m.iter().all(|(_, who)| !who.starts_with("new:")), "{text}: {m:?}");
        }
    }

    /// Sentences for the discovery prefilter: cue words in and out of the
    /// context their patterns need, odd case, and non-ASCII around them.
    const CUE_SENTENCES: &[&str] = &[
        "The risk is growing, said Asfandyar Mir in an interview.",
        "Asfandyar Mir said the risk is growing.",
        "Annie Pforzheimer, a former deputy chief of mission, disagreed.",
        "Annie Pforzheimer, of the Brookings Institution, disagreed.",
        "Annie Pforzheimer,\u{a0}of\u{a0}the Brookings Institution, disagreed.",
        "NRF spokesman Ali Maisam Nazary disagreed.",
        "The panel heard Secretary of State Madeleine Albright.",
        "The panel heard SECRETARY OF STATE Madeleine Albright and secretary of state John Kerry.",
        "Analysts at the Institute for the Study of War disagreed.",
        "«Gen. Kurilla» vowed; ‘Lt. Gen. Scott Miller’ SAID nothing.",
        "Ms.\u{2003}Lyse Doucet told Ahmad\u{a0}Massoud — the analyst Ékaterina Ødegaard said.",
        "The person in the reasonable Armyworm Groups essays was a Kingfisher.",
        "Der Präsident Olaf Scholz sagte, dass die Kommission tagt.",
        "Zalmay Khalilzad,\u{2009}a senior fellow at the Atlantic Council, WARNED.",
        "The person said that the unsaid sayings of Presidents were unclear.",
        "Hamid Karzai said\u{212a}abul was ſafe; the Taliban Councilſ met.",
        "Hamid Karzai, the son of a chief, met the CommitteeX and the Committee_ of Afghans.",
        "Lt.Gen. Mark Milley, an expert, noted the Defense Department’s view.",
        "The Cabinet met; nobody spoke. Prices rose in Kabul.",
        "He said Ali Khan, the one true and only real chief, of the era.",
        "Ali Khan, the one true only chief of Kabul; al-Hakim, the chief; Ali el-Khan, of the Army.",
        "Ali Khan, the ñew chief; Ali Kħan, the new chief; Ali Khan,\u{2002}a new\u{a0}chief; Ali Khan, an-old chief.",
        "Ali Khan ,a chief; Ali Khan , of the Army; Ali Khan, of the Army; Khan said; officials say Ali said.",
        "McChrystal, a 2nd chief; Ali McChrystal,a chief; Nwajiaku-Dahou said; Ali Nwajiaku-Dahou, said.",
        "Ali Khan\tsaid; Ali Ékhan said; Ali ÉKhan, said; said Ékhan Ali; the analyst Ékhan; analyst\u{a0}Ali Khan.",
        "He met the Council, a Group and al-Group in the Army.",
        "He met the Council of Elders, the Council for Peace, the Council on War and the NATO Council.",
        "The ÉCouncil met; the Ébert Council met; the Ba-Council; the B Council; the x-Y Council.",
        "Council\u{a0}of Elders; the council of Elders; a Council\u{2009}Armed; Council met; The Army.",
        "The Committee\u{a0}on Foreign Relations met the cheap Office of the Council; the-Congress.",
        "",
    ];

    #[test]
    fn the_cue_prefilter_keeps_every_pattern_that_can_match() {
        let cues: [(&Regex, u8); 5] = [
            (&TITLE_CUE, CUE_TITLE),
            (&VERB_AFTER, CUE_VERB_AFTER),
            (&VERB_BEFORE, CUE_VERB_BEFORE),
            (&ROLE_BEFORE, CUE_ROLE_BEFORE),
            (&APPOSITION, CUE_APPOSITION),
        ];
        // The organization pattern is skipped where it finds only names
        // `clean_org` rejects.
        let org = |s: &str| ORGANIZATION.find_iter(s).any(|m| clean_org(m.as_str()).is_some());
        for (cue_re, _) in cues {
            assert!(CUE_SENTENCES.iter().any(|s| cue_re.is_match(s)), "{cue_re} is never tried");
        }
        assert!(CUE_SENTENCES.iter().any(|s| org(s)));
        assert!(CUE_SENTENCES.iter().any(|s| ORGANIZATION.is_match(s) && !org(s)));
        for s in CUE_SENTENCES {
            let mask = possible_cues(s);
            for (cue_re, bit) in cues {
                assert!(!cue_re.is_match(s) || mask & bit != 0, "{s:?}: {cue_re} skipped");
            }
            assert!(!org(s) || mask & CUE_ORGANIZATION != 0, "{s:?}: organization skipped");
        }
        // And it does skip: no cue word in context, or only some.
        assert_eq!(possible_cues("The Cabinet met; nobody spoke. Prices rose in Kabul."), 0);
        assert_eq!(possible_cues("The person in the reasonable Armyworm Groups essays was a Kingfisher."), 0);
        assert_eq!(possible_cues("Asfandyar Mir said the risk is growing."), CUE_VERB_BEFORE);
        assert_eq!(
            possible_cues("He said Ali Khan, the one true and only real chief, of the era."),
            CUE_VERB_AFTER
        );
        assert_eq!(possible_cues("Ali Khan, the one true only chief of Kabul."), CUE_APPOSITION);
        assert_eq!(possible_cues("He met the Council, a Group and al-Group in the Army."), 0);
        assert_eq!(possible_cues("He met the Council of Elders."), CUE_ORGANIZATION);
        assert_eq!(possible_cues("He met the Haqqani Network."), CUE_ORGANIZATION);
        assert_eq!(
            possible_cues("Annie Pforzheimer, of the Brookings Institute."),
            CUE_APPOSITION | CUE_ORGANIZATION
        );
    }

    /// Texts for the automaton loops: words of the patterns in and out of
    /// case, glued, overlapping and cut short, among non-ASCII letters
    /// (the Kelvin sign and the long s fold to ASCII k and s in Unicode,
    /// not in ASCII case folding) and a pseudo-random mix of all of them.
    fn scan_texts(words: &[&str]) -> Vec<String> {
        let mut texts: Vec<String> = [
            "",
            "The Taliban’s leaders met al-Qaeda and the Islamic Emirate of Afghanistan's envoys; AQ agreed.",
            "they said AL QAEDA, al qaeda, Al-Qaeda, al-qaedas and AQIS-core; aqis-CORE! \u{212a}agan Ta\u{17f}iban",
            "Zalmay KhalilzadKhalilzad al-Zawahiri Zawahiri El-Zawahiri KaganKagan Kim Kagan Frederick Kagan",
            "said, says, according to, the analyst, Gen. Gen.eral Council of Councils, Secretary of State of of of",
            "Islamic State Islamic StateIslamic State Islamic Emirate of Afghanista Islamic Emirate of Afghanistan",
            "é“Omar”é ÉMullah Omarå Mohammed Omar—Mohammed\u{a0}Omar 東京Taliban東京 😀AQ😀",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let pieces: Vec<String> = words
            .iter()
            .flat_map(|w| [w.to_string(), w.to_uppercase(), w.to_lowercase(), w[..w.len() / 2].to_string()])
            .chain([" ", " ", "-", "’s ", ", ", "é", "\u{212a}", "\u{17f}", "“", "x", "s"].map(String::from))
            .filter(|p| !p.is_empty())
            .collect();
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..200 {
            let mut t = String::new();
            for _ in 0..40 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let p = &pieces[(seed % pieces.len() as u64) as usize];
                // Keep slices of multi-byte words on char boundaries.
                let cut = (0..=p.len()).rev().find(|&k| p.is_char_boundary(k)).unwrap_or(0);
                t.push_str(&p[..cut]);
            }
            texts.push(t);
        }
        texts
    }

    /// The test gazetteer, and more spellings that nest and overlap
    /// ("Islamic State" in "Islamic State Khorasan", "ISIS" in "ISIS-K",
    /// "State Department" across "Islamic State Department").
    const MORE_ACTORS: &str = r#"
[[actor]]
id = "iskp"
name = "Islamic State Khorasan"
type = "organization"
aliases = ["ISIS-K", "ISKP", "Khorasan Province", "IS-Khorasan"]

[[actor]]
id = "isis"
name = "ISIS"
type = "organization"
aliases = ["IS", "SIS Group"]

[[actor]]
id = "state-department"
name = "State Department"
type = "organization"
aliases = ["state department of the United States"]

[[actor]]
id = "ali-state"
name = "Ali al-State"
type = "person"
"#;

    #[test]
    fn the_one_scan_finds_what_three_aho_corasick_searches_find() {
        let text = format!("{GAZETTEER}{MORE_ACTORS}");
        let g = Gazetteer::parse(Path::new("actors.toml"), &text).expect("test gazetteer");
        let m = ActorMatcher::new(&g);
        let spellings: Vec<&str> = m.patterns.iter().map(|p| p.spellings[0].as_str()).collect();
        let short: Vec<&str> = m.short_forms.keys().map(String::as_str).collect();
        let (cue_dfa, _) = &*CUE_WORDS;
        let cues: Vec<&str> = TITLES
            .iter()
            .chain(&*REPORTING_VERBS)
            .chain(&*ROLES)
            .chain(&*ORG_HEADS)
            .copied()
            .chain(["of"])
            .collect();
        let kinds: Vec<CueWord> = CUE_LIST.iter().map(|&(_, k)| k).collect();
        assert_eq!(cues, CUE_LIST.iter().map(|&(w, _)| w).collect::<Vec<_>>());
        let gaz_ac = aho_corasick::AhoCorasickBuilder::new()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&spellings)
            .expect("patterns");
        let all_gaz = aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(&spellings)
            .expect("patterns");
        let short_ac = aho_corasick::AhoCorasick::new(&short).expect("patterns");
        let cue_ac = aho_corasick::AhoCorasick::new(&cues).expect("patterns");
        let words: Vec<&str> = g
            .actors
            .iter()
            .flat_map(|a| std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str)))
            .chain(short.iter().copied())
            .chain(cues.iter().copied())
            .collect();
        let mut seen = [0usize; 4];
        for t in scan_texts(&words) {
            let scanned = m.scan(&t);
            let slow: Vec<_> = gaz_ac.find_iter(&t).map(|m| (m.pattern().as_usize(), m.range())).collect();
            assert_eq!(scanned.gazetteer, slow, "{t:?}");
            let mut slow: Vec<usize> = short_ac.find_overlapping_iter(&t).map(|m| m.start()).collect();
            let mut fast = scanned.short_starts.clone();
            slow.sort_unstable();
            fast.sort_unstable();
            assert_eq!(fast, slow, "{t:?}");
            // The cue words: by end, and the same occurrences.
            assert!(scanned.cues.windows(2).all(|w| w[0].1.end <= w[1].1.end), "{t:?}");
            let key = |(k, r): &(CueWord, Range<usize>)| (r.end, r.start, *k as u8);
            let mut fast: Vec<_> = scanned.cues.iter().map(key).collect();
            let mut slow: Vec<_> = cue_ac
                .find_overlapping_iter(&t)
                .map(|m| key(&(kinds[m.pattern().as_usize()], m.range())))
                .collect();
            fast.sort_unstable();
            slow.sort_unstable();
            assert_eq!(fast, slow, "{t:?}");
            // And the cue automaton's own loop, for `possible_cues`.
            let fast: Vec<_> = Overlapping::new(cue_dfa, t.as_bytes()).collect();
            let slow: Vec<_> =
                cue_ac.find_overlapping_iter(&t).map(|m| (m.pattern().as_usize(), m.range())).collect();
            assert_eq!(fast, slow, "{t:?}");
            let overlapped = scanned.gazetteer.len() < all_gaz.find_overlapping_iter(&t).count();
            let n = [
                scanned.gazetteer.len(),
                scanned.short_starts.len(),
                scanned.cues.len(),
                overlapped as usize,
            ];
            for k in 0..4 {
                seen[k] += n[k];
            }
        }
        // The texts do hold matches, and gazetteer matches that overlap.
        assert!(seen[..3].iter().all(|&n| n > 100) && seen[3] > 20, "{seen:?}");
    }

    #[test]
    fn case_fits_as_without_its_one_word_shortcut() {
        // The rule as it was before the shortcut for one-word aliases.
        fn reference(surface: &str, alias: &str, head_may_lower: bool) -> bool {
            if surface == alias {
                return true;
            }
            let s_words: Vec<&str> = surface.split(|c: char| c.is_whitespace() || c == '-').collect();
            let a_words: Vec<&str> = alias.split(|c: char| c.is_whitespace() || c == '-').collect();
            if a_words.len() < 2 || s_words.len() != a_words.len() {
                return false;
            }
            let n = a_words.len();
            s_words.iter().zip(&a_words).enumerate().all(|(i, (s, a))| {
                let (sf, af) = (s.chars().next(), a.chars().next());
                let lowered = sf.is_some_and(char::is_lowercase) && af.is_some_and(char::is_uppercase);
                !lowered
                    || PARTICLES.contains(&a.to_lowercase().as_str())
                    || head_may_lower && i + 1 == n && ORG_HEADS.contains(a)
            })
        }
        let spellings = [
            "IS",
            "is",
            "Is",
            "AQ",
            "Al Qaeda",
            "al-Qaeda",
            "AL QAEDA",
            "al qaeda",
            "Al\u{a0}Qaeda",
            "al\u{2003}Qaeda",
            "Al-Qaeda",
            "al-qaeda",
            "AQIS-core",
            "aqis-CORE",
            "Ibn Sina",
            "ibn Sina",
            "Islamic State",
            "islamic state",
            "Van Gogh",
            "van Gogh",
            "-",
            " ",
            "",
            "\u{212a}agan",
            "Kagan",
            "É-Ø",
            "é-Ø",
            "The Group",
            "the Group",
            "a b",
            "A B",
            "A-B-C",
            "a-b-c",
            "of the West",
            "Haqqani Network",
            "Haqqani network",
            "haqqani network",
            "Network Haqqani",
            "network Haqqani",
        ];
        let mut fast_true = 0;
        for surface in spellings {
            for alias in spellings {
                for head_may_lower in [false, true] {
                    let fast = case_fits(surface, alias, head_may_lower);
                    assert_eq!(fast, reference(surface, alias, head_may_lower), "{surface:?} for {alias:?}");
                    fast_true += fast as usize;
                }
            }
        }
        assert!(fast_true > spellings.len() + 5, "{fast_true}");
    }

    #[test]
    fn byte_offsets_are_what_the_char_counter_gives() {
        let texts = [
            "",
            "plain ASCII, long enough to take the eight-byte steps several times over",
            "“Curly” quotes — dashes, Kābul, Ærø, 東京, \u{212a}elvin and \u{17f}ong s; emoji 😀 at the end😀",
            "é",
            "😀😀😀😀😀😀😀😀😀",
            "abcdefg😀abcdefgh\u{301}abcdefghijklmnop€",
        ];
        for t in texts {
            let n = t.chars().count();
            let mut fast = ByteOffsets::new(t);
            let mut slow = CharCounter::new(t);
            let order = (0..=n + 2).chain((0..=n + 2).rev()).chain((0..=n).step_by(3)).chain([n + 5, 1, 0]);
            for ch in order {
                assert_eq!(fast.byte_of(ch), slow.byte_of(ch), "{t:?} at {ch}");
            }
        }
    }

    #[test]
    fn taken_spans_overlap_as_a_scan_of_every_span_says() {
        let found: Vec<Found> = [(40, 45), (3, 7), (10, 20), (25, 26)]
            .into_iter()
            .map(|(s, e)| Found { range: s..e, actor: ActorRef::Curated(0) })
            .collect();
        let mut taken = Taken::of(&found);
        let mut all: Vec<Range<usize>> = found.iter().map(|f| f.range.clone()).collect();
        let scan =
            |all: &[Range<usize>], r: &Range<usize>| all.iter().any(|t| t.start < r.end && t.end > r.start);
        for add in [30..33, 0..2, 46..50, 21..24] {
            for s in 0..52 {
                for e in s + 1..53 {
                    assert_eq!(taken.overlaps(&(s..e)), scan(&all, &(s..e)), "{s}..{e}");
                }
            }
            assert!(!taken.overlaps(&add));
            taken.take(&add);
            all.push(add);
        }
    }

    #[test]
    fn discovery_with_the_cue_prefilter_finds_what_it_finds_without() {
        let text = CUE_SENTENCES.join("\n\n");
        let d = doc(&text);
        let (m, _) = matcher();
        let scanned = m.scan(&d.text);
        let found = m.gazetteer_mentions(&d.text, &scanned.gazetteer, false);
        let filtered = discover_with(&d, &found, Some(&scanned.cues));
        assert!(filtered.len() > 5, "{filtered:?}");
        assert_eq!(filtered, discover_with(&d, &found, None));
        for s in CUE_SENTENCES {
            let d = doc(s);
            let cues = m.scan(&d.text).cues;
            assert_eq!(discover_with(&d, &[], Some(&cues)), discover_with(&d, &[], None), "{s:?}");
            // The segments' cue words from the scan of the whole text are
            // those a scan of each segment finds.
            let mut index = ByteOffsets::new(&d.text);
            for seg in &d.segments {
                let Some(span) = &seg.span else { continue };
                let (a, b) = (index.byte_of(span.start), index.byte_of(span.end));
                let inside = cues.iter().filter(|(_, r)| r.start >= a && r.end <= b);
                let mask = cue_mask(&d.text[a..b], inside.map(|(k, r)| (*k, r.start - a..r.end - a)));
                assert_eq!(mask, possible_cues(&d.text[a..b]), "{s:?}");
            }
        }
    }
}

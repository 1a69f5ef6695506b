//! The gazetteer compiled into one automaton: every alias found at once
//! (leftmost-longest), with the case rules of each spelling, web
//! addresses left out, and titles kept outside the name.

use super::cues::{CueWord, CUE_LIST};
use super::short_forms::{short_forms, PARTICLES};
use super::{ActorMatcher, ActorRef, Found, Scanned};
use crate::extract::quotes::is_role_word;
use crate::hash::{HashMap, HashSet};
use crate::lexicon::dfa;
use crate::lexicon::each_match;
use crate::lexicon::ORG_HEADS;
use crate::lexicon::{ROLES, ROLE_WORDS, TITLES};
use corpus_parser::ActorType;
use corpus_parser::Gazetteer;
use std::ops::Range;
use std::sync::LazyLock;

/// The spellings of one actor that differ only in ASCII case ("Pakistan
/// Army", "Pakistan army"): one automaton pattern, several case rules.
pub(super) struct Pattern {
    actor: usize,
    pub(super) spellings: Vec<String>,
}

impl ActorMatcher {
    /// Compiles a gazetteer.
    pub fn new(gazetteer: &Gazetteer) -> ActorMatcher {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut folded: HashMap<String, usize> = HashMap::default();
        let mut short: HashMap<String, Vec<usize>> = HashMap::default();
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
    pub(super) fn scan(&self, text: &str) -> Scanned {
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
}

/// The leftmost-longest matches of a set of patterns, chosen among all
/// their occurrences as an overlapping search gives them (by end): from
/// where the last choice ended, the occurrence that starts first, the
/// longest of those, as a leftmost-longest search finds them. An
/// occurrence is chosen once none still to come can start as early: those
/// end where the last one given ends or later, and are at most `longest`
/// bytes long. No sorting: the undecided ones are those of the last
/// `longest` bytes.
pub(super) struct LeftmostLongest {
    longest: usize,
    /// Where the last choice ends.
    at: usize,
    /// The occurrences given that start at `at` or later, undecided.
    pending: Vec<(usize, Range<usize>)>,
    chosen: Vec<(usize, Range<usize>)>,
}

impl LeftmostLongest {
    pub(super) fn new(longest: usize) -> Self {
        LeftmostLongest { longest, at: 0, pending: Vec::new(), chosen: Vec::new() }
    }

    /// The next occurrence: (pattern, bytes), ending no earlier than the last.
    pub(super) fn push(&mut self, pattern: usize, r: Range<usize>) {
        self.settle(r.end.saturating_sub(self.longest));
        if r.start >= self.at {
            self.pending.push((pattern, r));
        }
    }

    /// Chooses while the best undecided occurrence starts before `from`,
    /// where every occurrence still to come starts.
    pub(super) fn settle(&mut self, from: usize) {
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
    pub(super) fn finish(mut self) -> Vec<(usize, Range<usize>)> {
        self.settle(usize::MAX);
        self.chosen
    }
}

/// The byte ranges of the web addresses in `text`: a scheme and `://`,
/// or `www.` at a word start, up to a space, an angle bracket or a
/// quotation mark ("…/Al-Qaeda-in-the-Indian-Subcontinent.pdf" names no
/// one). Found from each "://" and "www." (one Aho-Corasick pass), not
/// by a regex, which would have no literal to start from.
pub(super) fn web_addresses(text: &str) -> Vec<Range<usize>> {
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

pub(super) fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Whether the text's spelling fits the alias's case: a single word must
/// match exactly (acronyms stay exact, "West" is not "west"); in longer
/// aliases a capital may stand in lower case only on a particle, or, if
/// `head_may_lower`, on a last word that is an organization's generic
/// head ("the Haqqani network", "the State department": house styles
/// lower-case those).
pub(super) fn case_fits(surface: &str, alias: &str, head_may_lower: bool) -> bool {
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
pub(super) fn mid_sentence(text: &str, at: usize) -> bool {
    text[..at].trim_end().chars().next_back().is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';'))
}

/// [`TITLES`] by their last byte, in their order (longest first): a title
/// that ends a text ends with its last byte.
static TITLES_BY_LAST_BYTE: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut by = vec![Vec::new(); 256];
    for t in TITLES.iter() {
        if let Some(&b) = t.as_bytes().last() {
            by[b as usize].push(*t);
        }
    }
    by
});

/// A title that ends right before byte `at` ("Gen. " before "Kurilla").
pub(super) fn title_before(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].strip_suffix(' ')?;
    let last = *before.as_bytes().last()?;
    TITLES_BY_LAST_BYTE[last as usize].iter().find_map(|t| {
        let start = before.len().checked_sub(t.len())?;
        let ok = before.is_char_boundary(start)
            && &before[start..] == *t
            && !is_word(before[..start].chars().next_back());
        ok.then_some(start)
    })
}

/// The titles and roles that end one space before byte `at` ("Gen."
/// before "Kurilla", "Senate Majority Leader" before "Mitch McConnell",
/// "spokesman" in "Taliban spokesman Zabihullah Mujahid"): a run of listed
/// titles (`titles.txt`, "Secretary of State" too) and role words
/// (`speaker_role_words.txt`, `roles.txt`), each one space from the next;
/// at most six words.
pub(crate) fn titles_before(text: &str, at: usize) -> Option<Range<usize>> {
    let mut start = at;
    for _ in 0..6 {
        // Most mentions follow no such word: a look-up or two say so. A
        // title may be glued to what precedes it by a character that is
        // no letter or digit ("then-President", "(Gen."): the word and
        // each of its ends after such a character are looked up.
        let Some(before) = text[..start].strip_suffix(' ') else { break };
        let word = before.rsplit(char::is_whitespace).next().unwrap_or(before);
        let listed = |w: &str| TITLE_ENDS.contains(w.trim_end_matches('.').to_ascii_lowercase().as_str());
        let mut ends =
            word.char_indices().filter(|(_, c)| !c.is_alphanumeric()).map(|(i, c)| &word[i + c.len_utf8()..]);
        if !(listed(word) || ends.any(listed)) {
            break;
        }
        if let Some(t) = title_before(text, start) {
            start = t;
            continue;
        }
        let word_start = before.len() - word.len();
        let letters = word.trim_end_matches('.');
        let clean = !letters.is_empty() && letters.chars().all(|c| c.is_alphabetic() || c == '-');
        if !(clean && is_role_word(word)) {
            break;
        }
        start = word_start;
    }
    (start < at).then(|| start..at - 1)
}

/// The words a title or role of [`titles_before`] can end with, ASCII
/// lower case, without a final full stop: every role word, every title's
/// last word.
static TITLE_ENDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let last = |w: &str| w.rsplit(' ').next().unwrap_or(w).trim_end_matches('.').to_ascii_lowercase();
    ROLE_WORDS.iter().chain(ROLES.iter()).chain(TITLES.iter()).map(|w| last(w)).collect()
});

/// The length of a title at the start of `s` (with its space), if any.
pub(super) fn leading_title(s: &str) -> usize {
    TITLES.iter().find(|t| s.starts_with(*t) && s[t.len()..].starts_with(' ')).map_or(0, |t| t.len() + 1)
}

impl ActorMatcher {
    /// The gazetteer's mentions among its patterns' leftmost-longest
    /// matches in `text` (`Scanned::gazetteer`).
    pub(super) fn gazetteer_mentions(
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
}

//! The speakers of a document found beside its cues, and the new ones
//! made discovered actors with their mentions (see [`add_speakers`]).

use std::ops::Range;
use std::sync::LazyLock;

use corpus_parser::ActorType;
use regex::Regex;

use super::descriptions::DETERMINERS;
use super::names::{joins, name_after, name_before, read_run};
use super::{apposition_start, bracket_before, is_abbreviation, words, SourceName};
use crate::clean::Document;
use crate::extract::mentions::{
    ascii_boundary, ActorMatcher, ActorRef, Annotations, DiscoveredActor, DiscoveryCue, Mention,
};
use crate::lexicon::{alternation, entries, re, NOT_NAMES, NOT_PERSON_WORDS, PLACES, REPORTING_VERBS};
use crate::offsets::CharCounter;

/// A reporting verb or phrase, as a whole word, exact case (a capitalised
/// "Says" opens a headline, not an attribution).
static CUE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b(?:{})\b", alternation(&REPORTING_VERBS))));

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

/// Whether `hay` holds an opening curly or a straight quotation mark:
/// one search for each character (a search for a single character skips
/// to its last byte; one for either of two decodes every character).
fn has_quote_mark(hay: &str) -> bool {
    hay.contains('“') || hay.contains('"')
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

/// Where the name of a signature starts in the text after a closing
/// mark ("” ― Carla Sanchez.", "”— Steve Quinlan"): a dash (―, — or –)
/// right after the mark, white space aside. The name must end the
/// paragraph (the caller checks).
pub(crate) fn signature_start(after: &str) -> Option<usize> {
    let t = after.trim_start();
    let rest = t.strip_prefix(['―', '—', '–'])?;
    let name = rest.trim_start();
    name.starts_with(char::is_uppercase).then(|| after.len() - name.len())
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
///
/// `verbs`: every occurrence of a reporting verb in the text, exact case,
/// overlapping, ordered by end (the scan of the mentions gives them).
fn read_speakers(doc: &Document, verbs: &[Range<usize>]) -> Vec<Found> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    let mut index = CharCounter::new(text);
    for seg in doc.segments.iter().filter(|s| super::super::quotable(s.kind)) {
        let Some(span) = &seg.span else { continue };
        let base = index.byte_of(span.start);
        let end = index.byte_of(span.end);
        let slice = &text[base..end];
        let mut push = |hay_start: usize, s: SourceName| {
            let at = hay_start + s.range.start;
            // A lone capitalised word at a sentence start that the
            // document also writes in lower case is a common word.
            let lone = !s.name.contains(' ');
            if lone && at_sentence_start(&slice[..at - base]) && common_word(text, &s.name) {
                return;
            }
            out.push(Found { bytes: at..at + s.range.len(), name: s.name, kind: s.kind });
        };
        for m in cue_matches(slice, base, verbs) {
            // "According to Kim Kagan, …": the source is after the cue,
            // whatever stands before it; after "the", an organization's
            // name ("according to the Daily Caller": a person's name takes
            // no article).
            if slice[m.clone()].eq_ignore_ascii_case("according to") {
                let after = &slice[m.end..];
                if let Some(mut s) = name_after(after) {
                    let article = after[..s.range.start].trim().eq_ignore_ascii_case("the");
                    if article {
                        s.kind = ActorType::Organization;
                    }
                    push(base + m.end, s);
                }
                continue;
            }
            let before = &slice[..m.start];
            let before = super::strip_auxiliaries(before);
            let before = bracket_before(before).map_or(before, |open| &before[..open]);
            let mut found = name_before(before).map(|s| (base, s));
            if found.is_none() {
                if let Some(comma) = apposition_start(before) {
                    found = name_before(&before[..comma]).map(|s| (base, s));
                }
            }
            if found.is_none() && after_a_quote(before) {
                let after = &slice[m.end..];
                found = name_after(after).map(|s| (base + m.end, s));
            }
            if let Some((hay_start, s)) = found {
                push(hay_start, s);
            }
        }
        // The subject of a sentence that holds a quote ("Tracy Martin,
        // Trayvon's father, issued a statement Thursday, saying … “…”",
        // "Comey indicated that … “…”"): a name opening it.
        let quoted = has_quote_mark(slice);
        for (a, b) in if quoted { sentence_spans(slice) } else { Vec::new() } {
            let sentence = &slice[a..b];
            if !has_quote_mark(sentence) {
                continue;
            }
            if let Some(s) = subject_of(sentence) {
                push(base + a, s);
            }
        }
        // "“…” ― Carla Sanchez.": a quote signed with a dash and a name
        // that ends the paragraph (most paragraphs have no dash: the
        // closing marks are not read).
        let dashed = ['―', '—', '–'].iter().any(|&d| slice.contains(d));
        let closing = if dashed { slice.match_indices(['”', '"']).collect() } else { Vec::new() };
        for (i, m) in closing {
            if let Some(at) = signature_start(&slice[i + m.len()..]) {
                let hay = &slice[i + m.len() + at..];
                if let Some(s) =
                    name_after(hay).filter(|s| hay[s.range.end..].trim().trim_end_matches('.').is_empty())
                {
                    push(base + i + m.len() + at, s);
                }
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
                    push(base, s);
                }
            }
        }
    }
    out
}

/// The reporting verbs of `slice` (bytes `base..` of the text) as
/// `CUE.find_iter(slice)` finds them, as byte ranges of `slice`: whole
/// words (an ASCII `\b` at both ends, the ends of `slice` counting as
/// edges), leftmost first, the longest of those starting at one place,
/// none overlapping the one before. `verbs` as for [`read_speakers`]: the
/// occurrences are looked up, not searched for again.
fn cue_matches(slice: &str, base: usize, verbs: &[Range<usize>]) -> Vec<Range<usize>> {
    let end = base + slice.len();
    let lo = verbs.partition_point(|r| r.end <= base);
    let hi = verbs.partition_point(|r| r.end <= end).max(lo);
    let bytes = slice.as_bytes();
    let mut inside: Vec<Range<usize>> = verbs[lo..hi]
        .iter()
        .filter(|r| r.start >= base)
        .map(|r| r.start - base..r.end - base)
        .filter(|r| ascii_boundary(bytes, r.start) && ascii_boundary(bytes, r.end))
        .collect();
    inside.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut at = 0;
    inside.retain(|r| {
        let keep = r.start >= at;
        if keep {
            at = r.end;
        }
        keep
    });
    inside
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
static VERBS_AFTER_A_NAME: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.verbs_after_a_name));

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
            // "On Twitter, she wrote": a name after a preposition ends an
            // introductory phrase, it is no subject with an apposition.
            let object = ws[from..k].iter().any(|w| PREPOSITIONS.contains(&w.text.to_lowercase().as_str()));
            let apposition = tail == "," && !object && (!lone || (DETERMINERS.contains(&next) && closed));
            if (verb_follows && (!lone || verb_like)) || apposition {
                return read_run(sentence, &ws, k..b);
            }
            if !((lone || object) && tail == ",") {
                return None;
            }
        }
        // An introductory phrase: up to eight words and a comma.
        let comma = (from..ws.len().min(from + 8)).find(|&j| ws[j].tail == ",")?;
        from = comma + 1;
    }
    None
}

/// Adds the document's speakers that are no actor yet as discovered actors
/// (see the module doc), with their mentions. The mentions stay sorted by
/// start and do not overlap.
pub(crate) fn add_speakers(
    doc: &Document,
    matcher: &ActorMatcher,
    verbs: &[Range<usize>],
    recognised: &[(Range<usize>, ActorType)],
    places: &[Range<usize>],
    ann: &mut Annotations,
) {
    let found = read_speakers(doc, verbs);
    if found.is_empty() {
        return;
    }
    let text = doc.text.as_str();
    let mut chars = CharCounter::new(text);
    let mut added: Vec<Mention> = Vec::new();
    let mut new_actors: Vec<usize> = Vec::new();
    let taken = Spans::of(&ann.mentions);
    for f in found {
        let start = chars.char_of(f.bytes.start);
        let end = chars.char_of(f.bytes.end);
        let overlaps = |m: &Mention| m.start < end && start < m.end;
        if taken.overlaps(start, end) || added.iter().any(overlaps) {
            continue;
        }
        let actor = match link_name(matcher, ann, &added, &f, start) {
            Some(a) => a,
            None => {
                let name = full_name(text, &f).unwrap_or_else(|| f.name.clone());
                let place = read_as_place(places, &f.bytes);
                if !may_be_actor(text, &f, &name) || (place && !name.contains(' ')) {
                    continue;
                }
                match ann.discovered.iter().position(|d| d.name == name) {
                    Some(i) => ActorRef::Discovered(i),
                    None => {
                        // The recogniser's type where it reads a lone
                        // word as a name ("Intel said": an organization;
                        // a full name keeps the reader's type). A place
                        // is no actor ("Kuwait said", above), but a longer
                        // one that speaks is an institution ("The White
                        // House said").
                        let k = recognised.partition_point(|(r, _)| r.end <= f.bytes.start);
                        let kind = recognised
                            .get(k)
                            .filter(|(r, _)| r.start < f.bytes.end && !name.contains(' '))
                            .map_or(f.kind, |(_, kind)| *kind);
                        let kind = if place { ActorType::Organization } else { kind };
                        ann.discovered.push(DiscoveredActor { name, kind, cue: DiscoveryCue::ReportingVerb });
                        new_actors.push(ann.discovered.len() - 1);
                        ActorRef::Discovered(ann.discovered.len() - 1)
                    }
                }
            }
        };
        added.push(Mention {
            actor,
            start,
            end,
            surface: text[f.bytes].to_string(),
            segment_seq: 0,
            title: None,
        });
    }
    mentions_elsewhere(text, &mut chars, ann, &taken, &mut added, &new_actors);
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

/// Prepositions: a word right after one is its object, not a subject
/// ("the ambassador to Venezuela said").
pub(super) const PREPOSITIONS: [&str; 12] =
    ["to", "of", "in", "for", "from", "at", "with", "by", "on", "about", "against", "near"];

/// Whether a speaker no actor of the document names may become an actor
/// (`full`: its full name, if the document gives one before): not a place
/// of the word list; a lone word (with no full name) not after a determiner or at
/// a sentence or line start unless a cue word or a colon follows it, not a person
/// named by a word that names no one ("Americans"; "the Times" may be an
/// organization), nor a person after a determiner ("the Texan said": a
/// person's name takes none), and not right after a preposition ("the Iraqi
/// ambassador to Venezuela said": the ambassador speaks; "according to X"
/// is a cue).
fn may_be_actor(text: &str, f: &Found, full: &str) -> bool {
    if PLACES.contains(f.name.as_str()) {
        return false;
    }
    if full.contains(' ') {
        return true;
    }
    let before = text[..f.bytes.start].trim_end();
    let word_before = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    // After a determiner or at a sentence start, only right before a cue
    // word or a colon ("the Times reported", "Shen wrote", "Politifact:
    // …"; not "An Israeli official", "Amid reports").
    let next = text[f.bytes.end..].trim_start();
    let next_word = next.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let line_start = text[..f.bytes.start].trim_end_matches([' ', '\t']).ends_with('\n');
    let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
    let sentence_start = at_sentence_start(before) && !is_abbreviation(last);
    let opens = sentence_start || line_start || DETERMINERS.contains(&word_before);
    let cue_next = next.starts_with(':') || REPORTING_VERBS.contains(&next_word);
    let according = before.len() >= 12
        && before.is_char_boundary(before.len() - 12)
        && before[before.len() - 12..].eq_ignore_ascii_case("according to");
    let object = PREPOSITIONS.contains(&word_before) && !according;
    let no_one = f.kind == ActorType::Person && NOT_PERSON_WORDS.contains(f.name.as_str());
    // "the Texan said", "one senior Democrat said": a person's name takes
    // no determiner; a lone word after one describes the person.
    let described = f.kind == ActorType::Person && DETERMINERS.contains(&word_before);
    (!opens || cue_next) && !object && !no_one && !described
}

/// The character spans of a document's mentions, sorted by start, for
/// overlap look-ups in logarithmic time (the mentions may overlap).
struct Spans {
    starts: Vec<usize>,
    /// The largest end among the first i + 1 mentions.
    max_end: Vec<usize>,
}

impl Spans {
    /// `mentions` must be sorted by start.
    fn of(mentions: &[Mention]) -> Spans {
        let mut max = 0;
        let max_end = mentions
            .iter()
            .map(|m| {
                max = max.max(m.end);
                max
            })
            .collect();
        Spans { starts: mentions.iter().map(|m| m.start).collect(), max_end }
    }

    /// Whether a mention overlaps the characters `start..end`: one starts
    /// before `end` and ends after `start`.
    fn overlaps(&self, start: usize, end: usize) -> bool {
        let k = self.starts.partition_point(|&s| s < end);
        k > 0 && self.max_end[k - 1] > start
    }
}

/// Whether the recogniser reads a place at `r` (`places`: byte spans, in
/// order).
fn read_as_place(places: &[Range<usize>], r: &Range<usize>) -> bool {
    let k = places.partition_point(|p| p.end <= r.start);
    places.get(k).is_some_and(|p| p.start <= r.start && r.end <= p.end)
}

/// Every other place the document names a new actor (`new_actors`,
/// indices of `ann.discovered`): the full name, and for a person the
/// surname after it; added to `added` where no mention is yet.
fn mentions_elsewhere(
    text: &str,
    chars: &mut CharCounter<'_>,
    ann: &Annotations,
    taken: &Spans,
    added: &mut Vec<Mention>,
    new_actors: &[usize],
) {
    for &i in new_actors {
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
                if taken.overlaps(s, e) || added.iter().any(overlaps) {
                    continue;
                }
                added.push(Mention {
                    actor: ActorRef::Discovered(i),
                    start: s,
                    end: e,
                    surface: form.clone(),
                    segment_seq: 0,
                    title: None,
                });
            }
        }
    }
}

/// The actor a name read from the text already is: one whose name is the
/// same, or, for a one-word name, the person of the document whose name
/// ends with it and who was mentioned last before `at`.
fn link_name(
    matcher: &ActorMatcher,
    ann: &Annotations,
    added: &[Mention],
    f: &Found,
    at: usize,
) -> Option<ActorRef> {
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

    /// The logarithmic look-up answers as a scan of every mention does,
    /// mentions overlapping one another included.
    #[test]
    fn spans_find_the_overlaps_a_scan_finds() {
        let mention = |start: usize, end: usize| Mention {
            actor: ActorRef::Discovered(0),
            start,
            end,
            surface: String::new(),
            segment_seq: 0,
            title: None,
        };
        let mentions = [mention(0, 10), mention(2, 4), mention(5, 6), mention(20, 25), mention(21, 30)];
        let spans = Spans::of(&mentions);
        for start in 0..35 {
            for end in start + 1..36 {
                let scan = mentions.iter().any(|m| m.start < end && start < m.end);
                assert_eq!(spans.overlaps(start, end), scan, "{start}..{end}");
            }
        }
        assert!(!Spans::of(&[]).overlaps(0, 5));
    }

    /// The reporting verbs looked up among the scanned occurrences are
    /// those the regex finds: whole words, longest at one start, not
    /// overlapping, within the slice only.
    #[test]
    fn cues_looked_up_are_those_the_regex_finds() {
        let texts = [
            "“We won,” he said. She says so, said Ms. Lee, according to reporters.",
            "The unsaid saidx said_ resaid wrote; writes:wrote",
            "He went on to say it. As he put it, “no.” He puts it plainly and went on.",
            "ésaid said€ “said” (says) claims-claimed",
            "asks asked asking, says say sayings",
            "",
        ];
        for text in texts {
            let mut verbs: Vec<Range<usize>> = Vec::new();
            // Each twice, as a word in two lists is found twice.
            for v in REPORTING_VERBS.iter().chain(REPORTING_VERBS.iter()) {
                verbs.extend(text.match_indices(v).map(|(i, _)| i..i + v.len()));
            }
            verbs.sort_by_key(|r| (r.end, r.start));
            let want: Vec<Range<usize>> = CUE.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(cue_matches(text, 0, &verbs), want, "{text:?}");
            // A slice of the text: occurrences across its edges are not its own.
            if text.len() > 20 {
                let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
                let a = starts.iter().copied().find(|&i| i >= 9).unwrap_or(text.len());
                let b = starts.iter().copied().rfind(|&i| i <= text.len() - 9).unwrap_or(a);
                let slice = &text[a..b];
                let want: Vec<Range<usize>> = CUE.find_iter(slice).map(|m| m.range()).collect();
                assert_eq!(cue_matches(slice, a, &verbs), want, "{slice:?}");
            }
        }
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
            // A name after a preposition ends an introductory phrase.
            ("On Twitter, she wrote “no.”", None),
            ("With Obama, Biden said “no.”", p("Biden")),
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
    fn common_words_at_a_sentence_start() {
        let text = "Critics said the plan would fail. The critics were many.";
        assert!(common_word(text, "Critics"));
        assert!(!common_word(text, "Morrissey"));
        assert!(at_sentence_start("The plan failed. "));
        assert!(!at_sentence_start("“It failed,” "));
    }
}

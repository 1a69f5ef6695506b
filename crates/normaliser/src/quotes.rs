//! Quotations and their speakers: marked quotes in every mark style,
//! block quotations, unmarked quotes in documents whose marks were
//! stripped, and the attribution of each to a named actor, an anonymous
//! source, or no one.
//!
//! Everything here works in code points of the document text.

use std::cell::OnceCell;
use std::sync::LazyLock;

use corpus_parser::{ActorType, BlockKind};
use regex::Regex;

use crate::document::{Document, Segment};
use crate::flags::QualityFlag;
use crate::lexicon::{alternation, entries, re, ORG_HEADS, REPORTING_VERBS};
use crate::mentions::{ActorMatcher, ActorRef, Annotations};
use crate::quote_source;
use crate::sentences::{position_of, Sentences};

/// The longest quote, in code points. A pair of marks further apart than
/// this is not a quote (it is reported as an unbalanced mark): an
/// unclosed mark never swallows the rest of a document.
pub const MAX_QUOTE_CHARS: usize = 3_000;

/// How many paragraphs one quote may run over (opening mark on each,
/// closing mark on the last).
const MAX_QUOTE_PARAGRAPHS: usize = 6;

/// How a quote was marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteMark {
    /// “double” or "straight double".
    Double,
    /// ‘single’ or 'straight single'.
    Single,
    /// A displayed block quotation without marks.
    Block,
    /// No marks: recovered from the attribution in a document whose marks
    /// were stripped.
    None,
}

impl QuoteMark {
    /// The name used in the tables.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteMark::Double => "double",
            QuoteMark::Single => "single",
            QuoteMark::Block => "block",
            QuoteMark::None => "none",
        }
    }
}

/// Who is quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    /// A named person or organization.
    Named,
    /// A described but unnamed source ("one commander from Kandahar").
    Anonymous,
    /// No speaker could be found.
    Unattributed,
}

impl SpeakerKind {
    /// The name used in the tables.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Named => "named",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Unattributed => "unattributed",
        }
    }
}

/// One quotation. Offsets are code points of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Start in the text.
    pub start: usize,
    /// End (exclusive) in the text.
    pub end: usize,
    /// The quoted words (`text[start..end]`), without the marks.
    pub text: String,
    /// The segment the quote starts in.
    pub segment_seq: u32,
    /// How it was marked.
    pub mark: QuoteMark,
    /// The speaker: an actor's name or a short description.
    pub speaker: Option<String>,
    /// The speaker's actor, when the speaker is a known or discovered actor.
    pub speaker_actor: Option<ActorRef>,
    /// Named, anonymous or unattributed.
    pub speaker_kind: SpeakerKind,
    /// The reporting verb or phrase ("said", "according to").
    pub cue: Option<String>,
}

/// The quotes of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotes {
    /// In text order.
    pub quotes: Vec<Quote>,
    /// Quotation marks left unclosed (or closed too far away): reported,
    /// never turned into a giant quote.
    pub unbalanced: usize,
}

static SOURCE_NOUNS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/source_nouns.txt")));
static NAMING_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../data/naming_cues.txt")));

/// A reporting verb or phrase, as a whole word.
static CUE: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\b(?:{})\b", alternation(&REPORTING_VERBS))));
/// An anonymous source phrase ending at the end of the haystack.
static ANON_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"{}\s*$", anonymous_np())));
/// An anonymous source phrase at the start of the haystack.
static ANON_AFTER: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^\s*{}", anonymous_np())));
/// A source noun, as a whole word.
static SOURCE_NOUN_WORD: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?i)\b(?:{})\b", alternation(&SOURCE_NOUNS))));
/// The source nouns (`source_nouns.txt`) that name a text, which "it" can
/// stand for.
const TEXT_NOUNS: &[&str] = &[
    "report",
    "statement",
    "memo",
    "letter",
    "assessment",
    "study",
    "document",
    "cable",
    "reports",
    "statements",
    "memos",
    "letters",
    "assessments",
    "studies",
    "documents",
    "cables",
];

/// A preposition (and "the") ending the haystack: what stands between a
/// source noun and the actor it is related to ("aide to", "commander
/// with the").
static PREPOSITION_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\s(?:to|for|with|of|from|in|at|near|close\s+to)\s+(?:the\s+)?$"));
static PRONOUN_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(he|she|they|it)\s*$"));
static PRONOUN_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s*(he|she|they|it)\b"));
/// A naming word or phrase right before a quote, or "refer to them as"
/// (up to three words between "to" and "as").
static NAMING_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:{}|refer(?:s|red|ring)?\s+to\s+(?:\S+\s+){{0,3}}?as)(?:\s+(?:a|an|the))?[\s,:]*$",
        alternation(&NAMING_CUES)
    ))
});
/// An adverb between a subject and its cue, ending the haystack.
static ADVERB: LazyLock<Regex> = LazyLock::new(|| re(r"\s\p{Ll}+ly\s+$"));
static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:I|me|my|we|us|our|To me|dont|thats|Its|isnt|arent|wont|cant|doesnt|didnt|Im|weve|Ive)\b")
});

/// Group 1 of [`ANON_BEFORE`] or [`PRONOUN_BEFORE`] in `hay`, as a byte
/// range, found without a capture engine. Both patterns are `(X)\b\s*$`
/// with a group `X` that starts the match and ends in a letter or a
/// hyphen, never in white space: the trailing `\s*` is then the whole run
/// of white space ending the match, so the group is the match less that
/// run. A `find` (one reverse DFA scan) instead of `captures` (that scan,
/// then a backtracker whose visited set is cleared per call).
fn group_before(re: &Regex, hay: &str) -> Option<std::ops::Range<usize>> {
    let m = re.find(hay)?;
    Some(m.start()..m.start() + m.as_str().trim_end().len())
}

/// Group 1 of [`ANON_AFTER`] or [`PRONOUN_AFTER`] in `hay`, as a byte
/// range: both are `^\s*(X)` with a group that ends the match (but for a
/// zero-width `\b`) and starts with a letter, so the group is the match
/// less its leading white space. See [`group_before`].
fn group_after(re: &Regex, hay: &str) -> Option<std::ops::Range<usize>> {
    let m = re.find(hay)?;
    Some(m.end() - m.as_str().trim_start().len()..m.end())
}

/// A necessary condition for `\s\p{Ll}+ly\s+$` (the adverb before a cue)
/// to match `hay`: "ly" right before the white space ending it. The `y`
/// is not white space, so a match's `\s+` is that whole run.
fn may_end_in_adverb(hay: &str) -> bool {
    let t = hay.trim_end();
    t.len() < hay.len() && t.ends_with("ly")
}

/// "one commander from Kandahar", "a senior western official", or without
/// a determiner after capitalised modifiers ("U.N. experts", "Afghan
/// officials").
fn anonymous_np() -> String {
    let nouns = alternation(&SOURCE_NOUNS);
    format!(
        r"((?:(?i:a|an|one|another|two|three|four|several|some|many|other|those|these|the)\s+(?:[\p{{L}}’'.-]+\s+){{0,4}}?|(?:\p{{Lu}}[\p{{L}}.’'-]*\s+){{1,3}})(?i:{nouns})(?:\s+(?:from|in|of)\s+(?:the\s+)?\p{{Lu}}[\p{{L}}-]*(?:\s+\p{{Lu}}[\p{{L}}-]*)?)?)\b"
    )
}

/// The attribution found for a quote.
#[derive(Debug, Clone, Default)]
struct Speaker {
    name: Option<String>,
    actor: Option<ActorRef>,
    kind: Option<SpeakerKind>,
    cue: Option<String>,
    /// How the speaker was found: "cue", "footnote" or "continuation".
    via: &'static str,
}

/// Reporting verbs that are also nouns ("assertive claims", "the notes"):
/// they count only with a subject right before them.
const NOUN_LIKE_CUES: &[&str] = &["claims", "claim", "notes", "note", "states", "remarks"];

/// The quote before, for continuations.
#[derive(Debug, Clone)]
struct Last {
    segment: usize,
    close: usize,
    speaker: Speaker,
}

/// A pair of marks: the quoted words are `open + 1 .. close`.
#[derive(Debug, Clone, Copy)]
struct Pair {
    open: usize,
    close: usize,
    mark: QuoteMark,
}

struct Extractor<'a> {
    doc: &'a Document,
    /// (span start, segment index) of the segments in the text, in order.
    spans: Vec<(usize, usize)>,
    chars: &'a [char],
    /// Byte offsets of `chars` in the document text, for borrowing slices.
    offsets: ByteOffsets,
    sentences: Sentences<'a>,
    /// The footnote segments, in order, and the source each names (read
    /// once, when a quote first asks).
    notes: Vec<&'a Segment>,
    note_sources: Vec<OnceCell<Option<String>>>,
    ann: &'a Annotations,
    actors: &'a ActorMatcher,
    /// The gender each person's mentions show (read once, when a pronoun
    /// first asks).
    genders: OnceCell<std::collections::HashMap<ActorRef, quote_source::Gender>>,
    quotes: Vec<Quote>,
    unbalanced: usize,
}

/// Finds the quotes of a document and their speakers.
pub fn extract_quotes(doc: &Document, ann: &Annotations, actors: &ActorMatcher) -> Quotes {
    let spans =
        doc.segments.iter().enumerate().filter_map(|(i, s)| s.span.as_ref().map(|r| (r.start, i))).collect();
    let (chars, offsets) = collect_chars(&doc.text);
    let sentences = Sentences::new(&chars);
    let notes: Vec<&Segment> = doc.segments.iter().filter(|s| s.kind == BlockKind::Footnote).collect();
    let note_sources = notes.iter().map(|_| OnceCell::new()).collect();
    let mut x = Extractor {
        doc,
        spans,
        chars: &chars,
        offsets,
        sentences,
        notes,
        note_sources,
        ann,
        actors,
        genders: OnceCell::new(),
        quotes: Vec::new(),
        unbalanced: 0,
    };
    x.marked();
    x.blocks();
    if doc.flags.contains(&QualityFlag::QuoteMarksStripped) {
        x.unmarked();
    }
    x.quotes.sort_by_key(|q| q.start);
    x.quotes.dedup_by_key(|q| q.start);
    Quotes { quotes: x.quotes, unbalanced: x.unbalanced }
}

/// Segments whose text can hold quotations.
fn quotable(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Paragraph
            | BlockKind::ListItem
            | BlockKind::Standfirst
            | BlockKind::Caption
            | BlockKind::BlockQuote
    )
}

fn is_open_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || "([{—–-/“‘\"'".contains(p))
}

fn is_close_context(next: Option<char>) -> bool {
    next.is_none_or(|n| {
        n.is_whitespace() || n.is_ascii_punctuation() || "—–…”’".contains(n) || is_footnote_gap(n)
    })
}

/// Whether `c` may be a quotation mark: true for every character the
/// pairing acts on (`“ ” " ‘ ’ '`), and for few others (`#`, `&`). Two
/// comparisons: `x | 5` ignores bits 0 and 2, which tell apart
/// U+2018/2019/201C/201D and `"`/`#`/`&`/`'`.
fn maybe_mark(c: char) -> bool {
    let x = c as u32 | 5;
    (x == 0x201D) | (x == 0x27)
}

fn is_footnote_gap(c: char) -> bool {
    corpus_parser::is_superscript_digit(c)
}

/// The byte offset of every code point of a text, kept at every
/// [`ByteOffsets::STRIDE`]th code point and counted from there: slices of
/// the document text borrowed by code point range, where collecting the
/// `char`s into a fresh `String` cost an allocation and an encoding each.
struct ByteOffsets {
    /// `marks[k]`: the byte offset of code point `k * STRIDE` (up to and
    /// including the text's end).
    marks: Vec<usize>,
}

impl ByteOffsets {
    const STRIDE: usize = 16;

    /// The offsets counted from the characters alone: the reference for
    /// [`collect_chars`].
    #[cfg(test)]
    fn new(chars: &[char]) -> Self {
        let mut marks = Vec::with_capacity(chars.len() / Self::STRIDE + 1);
        let mut at = 0;
        marks.push(0);
        for chunk in chars.chunks(Self::STRIDE) {
            at += chunk.iter().map(|c| c.len_utf8()).sum::<usize>();
            if chunk.len() == Self::STRIDE {
                marks.push(at);
            }
        }
        ByteOffsets { marks }
    }

    /// The byte offset of code point `i` (`i <= chars.len()`) of the text
    /// `chars` was built from.
    fn byte(&self, chars: &[char], i: usize) -> usize {
        let k = i / Self::STRIDE;
        self.marks[k] + chars[k * Self::STRIDE..i].iter().map(|c| c.len_utf8()).sum::<usize>()
    }
}

/// Whether `hay` holds `needle` in any mix of ASCII case.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `text.chars().collect()` and the [`ByteOffsets`] of the result, in one
/// pass, with runs of ASCII (most of any text) copied eight bytes at a
/// time rather than decoded one by one.
fn collect_chars(text: &str) -> (Vec<char>, ByteOffsets) {
    const STRIDE: usize = ByteOffsets::STRIDE;
    let mut out = Vec::with_capacity(text.len());
    let mut marks = Vec::with_capacity(text.len() / STRIDE + 1);
    let mut rest = text;
    while !rest.is_empty() {
        let at = text.len() - rest.len();
        let n = ascii_prefix_len(rest.as_bytes());
        // One byte a character: the marks in the run are arithmetic.
        let first = out.len().div_ceil(STRIDE) * STRIDE;
        marks.extend((first..out.len() + n).step_by(STRIDE).map(|k| at + (k - out.len())));
        out.extend(rest.as_bytes()[..n].iter().map(|&b| char::from(b)));
        // `n` is a character boundary: an ASCII byte ends a character.
        let mut more = rest[n..].chars();
        if let Some(c) = more.next() {
            if out.len() % STRIDE == 0 {
                marks.push(at + n);
            }
            out.push(c);
        }
        rest = more.as_str();
    }
    if out.len() % STRIDE == 0 {
        marks.push(text.len());
    }
    (out, ByteOffsets { marks })
}

/// How many bytes `b` starts with are ASCII, read eight at a time.
fn ascii_prefix_len(b: &[u8]) -> usize {
    let mut n = 0;
    for word in b.chunks_exact(8) {
        let w = u64::from_le_bytes(word.try_into().expect("chunks of eight bytes"));
        let high = w & 0x8080_8080_8080_8080;
        if high != 0 {
            return n + (high.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + b[n..].iter().take_while(|b| b.is_ascii()).count()
}

fn words(s: &[char]) -> usize {
    // What `split_whitespace().count()` of the collected text gives: the
    // runs of non-white-space characters, counted without building it.
    let mut n = 0;
    let mut in_word = false;
    for c in s {
        let word = !c.is_whitespace();
        n += usize::from(word && !in_word);
        in_word = word;
    }
    n
}

impl Extractor<'_> {
    /// The text of code points `a..b` (`b` clamped to the text's end).
    fn text(&self, a: usize, b: usize) -> &str {
        let (a, b) = (a.min(b), b.min(self.chars.len()));
        &self.doc.text[self.offsets.byte(self.chars, a)..self.offsets.byte(self.chars, b)]
    }

    fn segments(&self) -> impl Iterator<Item = (&Segment, usize, usize)> {
        self.doc
            .segments
            .iter()
            .filter(|s| quotable(s.kind))
            .filter_map(|s| s.span.as_ref().map(|r| (s, r.start, r.end)))
    }

    // ---------------------------------------------------------------
    // Marked quotes
    // ---------------------------------------------------------------

    /// Pairs the marks of one segment. Returns the top-level pairs and the
    /// openers left unclosed at its end (outermost first).
    fn pairs(&self, s: usize, e: usize) -> (Vec<Pair>, Vec<(usize, QuoteMark)>) {
        let c = &self.chars;
        let mut stack: Vec<(usize, QuoteMark, char)> = Vec::new();
        let mut out = Vec::new();
        let close =
            |stack: &mut Vec<(usize, QuoteMark, char)>, out: &mut Vec<Pair>, mark: QuoteMark, at: usize| {
                if let Some(k) = stack.iter().rposition(|x| x.1 == mark) {
                    let (open, _, _) = stack[k];
                    stack.truncate(k);
                    if stack.is_empty() {
                        out.push(Pair { open, close: at, mark });
                    }
                    true
                } else {
                    false
                }
            };
        // Most characters are not marks: only the ones that may be are read.
        let mut from = s;
        let marks = std::iter::from_fn(|| {
            let i = from + position_of(&c[from..e], maybe_mark)?;
            from = i + 1;
            Some(i)
        });
        for i in marks {
            let prev = (i > s).then(|| c[i - 1]);
            let next = (i + 1 < e).then(|| c[i + 1]);
            let letter = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
            match c[i] {
                '“' => stack.push((i, QuoteMark::Double, '“')),
                '”' => {
                    close(&mut stack, &mut out, QuoteMark::Double, i);
                }
                '"' => {
                    let has_open = stack.iter().any(|x| x.1 == QuoteMark::Double);
                    if has_open && (is_close_context(next) || !is_open_context(prev)) {
                        close(&mut stack, &mut out, QuoteMark::Double, i);
                    } else if is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace()) {
                        stack.push((i, QuoteMark::Double, '"'));
                    }
                }
                '‘' | '\'' | '’' => {
                    // Apostrophes: inside a word (don’t, Taliban’s), before
                    // a year (’90s), or a possessive with no quote open.
                    if letter(prev) && letter(next) {
                        continue;
                    }
                    // rock ’n’ roll
                    if prev == Some('n') && i >= s + 2 && matches!(c[i - 2], '’' | '\'') {
                        continue;
                    }
                    if next.is_some_and(|n| n.is_ascii_digit()) && !letter(prev) {
                        continue;
                    }
                    let has_open = stack.iter().any(|x| x.1 == QuoteMark::Single);
                    let opens =
                        c[i] != '’' && is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace());
                    let closes = c[i] != '‘'
                        && has_open
                        && prev.is_some_and(|p| !p.is_whitespace())
                        && is_close_context(next);
                    if closes {
                        close(&mut stack, &mut out, QuoteMark::Single, i);
                    } else if opens {
                        stack.push((i, QuoteMark::Single, c[i]));
                    }
                }
                _ => {}
            }
        }
        let open: Vec<(usize, QuoteMark)> = stack.iter().map(|x| (x.0, x.1)).collect();
        (out, open.into_iter().take(1).collect())
    }

    fn marked(&mut self) {
        let segs: Vec<(usize, usize, usize, BlockKind)> =
            self.segments().enumerate().map(|(k, (s, a, b))| (k, a, b, s.kind)).collect();
        let mut carry: Option<(usize, QuoteMark, usize)> = None; // open position, mark, paragraphs so far
        let mut last_speaker: Option<Last> = None;
        for &(k, a, b, kind) in &segs {
            // A block quotation with its own marks and cue ("“…,” Trump
            // said." after "Like the page:") is a paragraph.
            if kind == BlockKind::BlockQuote && !self.block_has_own_quotes(a, b) {
                carry = None;
                continue;
            }
            let (pairs, open) = self.pairs(a, b);
            // A quote running on from the previous paragraph: this one must
            // open with the same mark.
            let mut consumed = None;
            if let Some((start, mark, n)) = carry.take() {
                let first = self.chars.get(a).copied();
                let reopens = matches!(
                    (mark, first),
                    (QuoteMark::Double, Some('“' | '"')) | (QuoteMark::Single, Some('‘' | '\''))
                );
                if reopens {
                    if let Some(p) = pairs.first().filter(|p| p.open == a) {
                        consumed = Some(p.open);
                        self.emit_multi(start, p.close, mark, &mut last_speaker, k);
                    } else if open.first().is_some_and(|o| o.0 == a) && n < MAX_QUOTE_PARAGRAPHS {
                        carry = Some((start, mark, n + 1));
                    } else {
                        self.unbalanced += 1;
                    }
                } else {
                    self.unbalanced += 1;
                }
            }
            for p in &pairs {
                if consumed != Some(p.open) {
                    self.emit_pair(*p, k, &mut last_speaker);
                }
            }
            if carry.is_none() {
                if let Some(&(o, mark)) = open.first() {
                    let continues =
                        segs.iter().find(|s| s.0 == k + 1).and_then(|s| self.chars.get(s.1)).is_some_and(
                            |&c| {
                                matches!(
                                    (mark, c),
                                    (QuoteMark::Double, '“' | '"') | (QuoteMark::Single, '‘' | '\'')
                                )
                            },
                        );
                    if continues {
                        carry = Some((o, mark, 1));
                    } else {
                        self.unbalanced += 1;
                    }
                }
            }
        }
        if carry.is_some() {
            self.unbalanced += 1;
        }
    }

    /// A quote over several paragraphs: from the first opening mark to the
    /// last closing one (the repeated opening marks stay in the text).
    fn emit_multi(&mut self, open: usize, close: usize, mark: QuoteMark, last: &mut Option<Last>, k: usize) {
        if close - open > MAX_QUOTE_CHARS * 2 {
            self.unbalanced += 1;
            return;
        }
        let pair = Pair { open, close, mark };
        let sp = self.attribute(pair, k, last);
        self.push_quote(open + 1, close, mark, sp.clone());
        *last = Some(Last { segment: k, close, speaker: sp });
    }

    fn emit_pair(&mut self, p: Pair, k: usize, last: &mut Option<Last>) {
        if p.close - p.open > MAX_QUOTE_CHARS {
            self.unbalanced += 1;
            return;
        }
        let inner = &self.chars[p.open + 1..p.close];
        if inner.iter().all(|c| c.is_whitespace()) {
            return;
        }
        let sp = self.attribute(p, k, last);
        if !self.is_speech(p, &sp) {
            return;
        }
        self.push_quote(p.open + 1, p.close, p.mark, sp.clone());
        if sp.kind.is_some() {
            *last = Some(Last { segment: k, close: p.close, speaker: sp });
        }
    }

    /// Scare quotes, titles and terms are not speech: a quoted phrase is a
    /// quote if a reporting cue attributes it, or if it is sentence-long (six
    /// words or more) or carries a footnote to its source — and never if a
    /// naming word comes right before it ("titled", "known as").
    fn is_speech(&self, p: Pair, sp: &Speaker) -> bool {
        let inner = &self.chars[p.open + 1..p.close];
        let n = words(inner);
        let before = self.text(p.open.saturating_sub(30), p.open);
        if NAMING_BEFORE.is_match(before) && n <= 8 {
            return false;
        }
        // The cheap test first: the scan back can cross the whole document.
        let in_parens = self.chars.get(p.close + 1) == Some(&')')
            && self.chars[..p.open].iter().rev().take_while(|&&c| c != ')').any(|&c| c == '(');
        if in_parens && n <= 4 {
            return false;
        }
        match sp.via {
            "cue" => n >= 2,
            "footnote" => n >= 3,
            _ => n >= 6,
        }
    }

    fn push_quote(&mut self, start: usize, mut end: usize, mark: QuoteMark, sp: Speaker) {
        // A trailing comma belongs to the sentence around the quote.
        while end > start && (self.chars[end - 1] == ',' || self.chars[end - 1].is_whitespace()) {
            end -= 1;
        }
        let mut start = start;
        while start < end && self.chars[start].is_whitespace() {
            start += 1;
        }
        if start >= end {
            return;
        }
        let seq = self.segment_at(start).map_or(0, |s| s.seq);
        self.quotes.push(Quote {
            start,
            end,
            text: self.text(start, end).to_string(),
            segment_seq: seq,
            mark,
            speaker_kind: sp.kind.unwrap_or(SpeakerKind::Unattributed),
            speaker: sp.name.filter(|_| sp.kind.is_some()),
            speaker_actor: sp.actor,
            cue: sp.cue,
        });
    }

    /// The text segment holding `pos` (a binary search over the segments
    /// in the text, which are in order).
    fn segment_at(&self, pos: usize) -> Option<&Segment> {
        let k = self.spans.partition_point(|&(start, _)| start <= pos);
        let (_, i) = *self.spans.get(k.checked_sub(1)?)?;
        let seg = &self.doc.segments[i];
        seg.span.as_ref().is_some_and(|r| pos < r.end).then_some(seg)
    }

    // ---------------------------------------------------------------
    // Attribution
    // ---------------------------------------------------------------

    /// The sentence around `pos` within its segment.
    fn sentence(&self, pos: usize) -> (usize, usize) {
        let Some(seg) = self.segment_at(pos.min(self.chars.len().saturating_sub(1))) else {
            return (pos, pos);
        };
        match seg.span.clone() {
            Some(r) => self.sentences.bounds(r, pos),
            None => (pos, pos),
        }
    }

    /// The mentions that start in `a..b` (mentions are sorted by start:
    /// a binary search, not a scan).
    fn mentions_in(&self, a: usize, b: usize) -> &[crate::mentions::Mention] {
        let m = &self.ann.mentions;
        let lo = m.partition_point(|x| x.start < a);
        let hi = m.partition_point(|x| x.start < b);
        &m[lo..hi.max(lo)]
    }

    fn mention_ending_at(&self, at: usize, slack: usize) -> Option<(usize, ActorRef)> {
        self.mentions_in(at.saturating_sub(slack + 200), at)
            .iter()
            .filter(|m| m.end <= at && at - m.end <= slack)
            .max_by_key(|m| m.end)
            .map(|m| (m.start, m.actor))
    }

    /// The first mention after `at`, if only a few words stand between
    /// (a role or title: "said NRF spokesman Ali Maisam Nazary") and no
    /// punctuation.
    fn mention_starting_at(&self, at: usize, slack: usize) -> Option<(usize, ActorRef)> {
        let m = self.mentions_in(at, at + slack + 1).iter().min_by_key(|m| m.start)?;
        let between = self.text(at, m.start);
        // A title's full stop is no punctuation ("said Mr. Schmidt").
        let plain = between.split_whitespace().count() <= 4
            && between.split_whitespace().all(|w| {
                quote_source::is_abbreviation(w) || !w.contains([',', '.', ';', ':', '“', '"', '‘'])
            });
        plain.then_some((m.end, m.actor))
    }

    fn named(&self, actor: ActorRef) -> Speaker {
        let (name, _) = self.actors.actor_name(actor, self.ann);
        Speaker { name: Some(name), actor: Some(actor), kind: Some(SpeakerKind::Named), ..Speaker::default() }
    }

    /// he / she → the person the text is about: the first person named in
    /// the same sentence before the pronoun, else the first person named
    /// in the sentence before (its subject, usually: "Joscelyn says … its
    /// leader Khalid Batarfi … “…,” he says" is Joscelyn), else the nearest
    /// person before. they → the nearest organization close by.
    /// Unresolved: none.
    fn resolve_pronoun(&self, pronoun: &str, at: usize) -> Speaker {
        if pronoun.eq_ignore_ascii_case("it") {
            return self.resolve_it(at);
        }
        let is =
            |m: &&crate::mentions::Mention, t: ActorType| self.actors.actor_name(m.actor, self.ann).1 == t;
        if pronoun.eq_ignore_ascii_case("they") {
            let found = self
                .mentions_in(at.saturating_sub(600), at)
                .iter()
                .filter(|m| m.end <= at && at - m.end <= 400)
                .filter(|m| is(m, ActorType::Organization))
                .max_by_key(|m| m.end);
            return found.map_or_else(Speaker::default, |m| self.named(m.actor));
        }
        let (s, _) = self.sentence(at);
        // he and she agree with what the text shows of the person.
        let gender = quote_source::pronoun_gender(pronoun);
        let agrees = |m: &&crate::mentions::Mention| {
            gender.is_none_or(|g| self.genders().get(&m.actor).is_none_or(|&known| known == g))
        };
        // A name inside a quotation is not what a pronoun outside it means.
        let first_person = |a: usize, b: usize| {
            self.mentions_in(a, b)
                .iter()
                .filter(|m| m.end <= b)
                .filter(|m| !quote_source::inside_quote(self.text(a, m.start)))
                .filter(agrees)
                .find(|m| is(m, ActorType::Person))
                .map(|m| m.actor)
        };
        let mut found = first_person(s, at);
        if found.is_none() && s >= 2 {
            let (ps, _) = self.sentence(s - 2);
            found = first_person(ps, s);
        }
        if found.is_none() {
            found = self
                .mentions_in(at.saturating_sub(2_200), at)
                .iter()
                .filter(|m| m.end <= at && at - m.end <= 2_000)
                .filter(|m| is(m, ActorType::Person))
                .filter(agrees)
                .filter(|m| !quote_source::inside_quote(self.text(self.sentence(m.start).0, m.start)))
                .max_by_key(|m| m.end)
                .map(|m| m.actor);
        }
        found.map_or_else(Speaker::default, |a| self.named(a))
    }

    /// The gender of each person of the document, where its mentions
    /// show one and do not disagree (see [`quote_source::mention_gender`]).
    fn genders(&self) -> &std::collections::HashMap<ActorRef, quote_source::Gender> {
        self.genders.get_or_init(|| {
            let mut votes: std::collections::HashMap<ActorRef, (u32, u32)> = std::collections::HashMap::new();
            for m in &self.ann.mentions {
                if self.actors.actor_name(m.actor, self.ann).1 != ActorType::Person {
                    continue;
                }
                let before = self.text(m.start.saturating_sub(6), m.start);
                let after = self.text(m.end, m.end + 150);
                if let Some(g) = quote_source::mention_gender(before, after) {
                    let v = votes.entry(m.actor).or_default();
                    match g {
                        quote_source::Gender::Male => v.0 += 1,
                        quote_source::Gender::Female => v.1 += 1,
                    }
                }
            }
            votes
                .into_iter()
                .filter(|(_, (m, f))| m != f)
                .map(|(a, (m, f))| {
                    (a, if m > f { quote_source::Gender::Male } else { quote_source::Gender::Female })
                })
                .collect()
        })
    }

    /// it → the text that spoke last, close before ("…,” the report says.
    /// “…,” it says."): the speaker of the last attributed quote ending at
    /// most 600 characters before, if that is a text (a source noun such as
    /// report, study or statement) or an organization. Else none.
    fn resolve_it(&self, at: usize) -> Speaker {
        let Some(q) =
            self.quotes.iter().rev().find(|q| q.end <= at && q.speaker_kind != SpeakerKind::Unattributed)
        else {
            return Speaker::default();
        };
        if at - q.end > 600 {
            return Speaker::default();
        }
        let is_text = q.speaker_kind == SpeakerKind::Anonymous
            && q.speaker
                .as_deref()
                .and_then(|n| n.rsplit(' ').next())
                .is_some_and(|noun| TEXT_NOUNS.iter().any(|t| noun.eq_ignore_ascii_case(t)));
        let is_organization =
            q.speaker_actor.is_some_and(|a| self.actors.actor_name(a, self.ann).1 == ActorType::Organization);
        if !(is_text || is_organization) {
            return Speaker::default();
        }
        Speaker {
            name: q.speaker.clone(),
            actor: q.speaker_actor,
            kind: Some(q.speaker_kind),
            ..Speaker::default()
        }
    }

    fn anonymous(&self, np: &str) -> Speaker {
        let mut np = np.trim();
        // "official in December" : a month is not where the source is from.
        for sep in [" in ", " from ", " of "] {
            if let Some(k) = np.rfind(sep) {
                let tail = np[k + sep.len()..].split_whitespace().next().unwrap_or("");
                if crate::lexicon::NOT_NAMES.contains(tail) {
                    np = &np[..k];
                }
            }
        }
        let lower = np.to_lowercase();
        let determiners = ["a ", "an ", "one ", "another ", "the ", "those ", "these ", "some ", "other "];
        let desc = determiners.iter().find_map(|d| lower.starts_with(d).then(|| np[d.len()..].to_string()));
        Speaker {
            name: Some(desc.unwrap_or_else(|| np.to_string())),
            kind: Some(SpeakerKind::Anonymous),
            ..Speaker::default()
        }
    }

    /// The subject of a cue that ends at `at` looking right (inverted: "said
    /// Kim Kagan", "according to one commander").
    fn subject_after(&self, at: usize) -> Speaker {
        let rest = self.text(at, (at + 120).min(self.chars.len()));
        // "said one Taliban official": the anonymous phrase, not the group in it.
        if let Some(g) = group_after(&ANON_AFTER, rest) {
            // "said NRF spokesman Ali Maisam Nazary": a name right after the
            // role is the speaker.
            let np_end = at + rest[..g.end].chars().count();
            // …and the description's complement with it ("a person close
            // to the Clintons").
            let g = match quote_source::description_after(rest) {
                Some(d) if d.start <= g.start && d.end > g.end => d,
                _ => g,
            };
            match self.mention_starting_at(np_end, 1) {
                Some((_, actor)) => return self.named(actor),
                None => return self.anonymous(&rest[g]),
            }
        }
        if let Some((_, actor)) = self.mention_starting_at(at, 40) {
            return self.named(actor);
        }
        if let Some(g) = group_after(&PRONOUN_AFTER, rest) {
            return self.resolve_pronoun(&rest[g], at);
        }
        if let Some(g) = quote_source::description_after(rest) {
            return self.anonymous(&rest[g]);
        }
        Speaker::default()
    }

    /// The subject of a cue that starts at `at` looking left ("Kagan said",
    /// "one commander said", "he said").
    fn subject_before(&self, at: usize) -> Speaker {
        // "al-Libi reportedly said": an adverb may stand between.
        let window = self.text(at.saturating_sub(120), at);
        let adverb = if may_end_in_adverb(window) { ADVERB.find(window) } else { None };
        let (at, before) = match adverb {
            Some(m) => {
                let at = at - window[m.start()..].chars().count() + 1;
                (at, self.text(at.saturating_sub(120), at))
            }
            None => (at, window),
        };
        // "Lisa O. Monaco, Obama’s adviser on counterterrorism, said": the
        // name before the apposition speaks, not a name or a role in it.
        if let Some(comma) = quote_source::apposition_start(before) {
            let comma_at = at - before[comma..].chars().count();
            if let Some((_, actor)) = self.mention_ending_at(comma_at, 0) {
                return self.named(actor);
            }
        }
        // "Harry M. Reid (D-Nev.) said": the affiliation in brackets aside.
        if let Some(open) = quote_source::bracket_before(before) {
            let open_at = at - before[open..].chars().count();
            if let Some((_, actor)) = self.mention_ending_at(open_at, 1) {
                return self.named(actor);
            }
        }
        let mention = self.mention_ending_at(at, 2);
        if let Some(g) = group_before(&ANON_BEFORE, before) {
            // "the Institute for the Study of War said": a source noun
            // inside an actor's name makes no anonymous source.
            let np_start = at - before[g.start..].chars().count();
            let in_name = mention.is_some_and(|(start, _)| {
                start > np_start && SOURCE_NOUN_WORD.is_match(self.text(start, at))
            });
            if !in_name {
                return self.anonymous(&before[g]);
            }
        }
        if let Some((start, actor)) = mention {
            return self.related_source(start, at).unwrap_or_else(|| self.named(actor));
        }
        if let Some(g) = quote_source::description_before(before) {
            return self.anonymous(&before[g]);
        }
        if let Some(g) = group_before(&PRONOUN_BEFORE, before) {
            return self.resolve_pronoun(&before[g], at);
        }
        Speaker::default()
    }

    /// The speaker when the actor mentioned at `start` (up to `end`) is
    /// the object of a preposition: a person right before it ("Kim Kagan
    /// of the Institute for the Study of War said" is Kim Kagan), or an
    /// anonymous source phrase with it ("one former aide to bin Laden
    /// said", "a commander with the Haqqanis said": the phrase speaks, not
    /// the actor). Else `None`: the actor speaks.
    fn related_source(&self, start: usize, end: usize) -> Option<Speaker> {
        let before = self.text(start.saturating_sub(120), start);
        let preposition = PREPOSITION_BEFORE.find(before)?;
        let head_end = start - before[preposition.start()..].chars().count();
        if let Some((_, actor)) = self.mention_ending_at(head_end, 0) {
            if self.actors.actor_name(actor, self.ann).1 == ActorType::Person {
                return Some(self.named(actor));
            }
        }
        let g = group_before(&ANON_BEFORE, &before[..preposition.start()])?;
        let np_start = start - before[g.start..].chars().count();
        Some(self.anonymous(self.text(np_start, end).trim_end_matches([',', ' '])))
    }

    /// The attribution of a marked quote: a cue after it in the same
    /// sentence, or before it, or at the end of the sentence before; else
    /// the footnote it carries; else, as a continuation, the speaker of the
    /// quote just before (see [`Extractor::continues`]).
    fn attribute(&self, p: Pair, k: usize, last: &Option<Last>) -> Speaker {
        let (s, _) = self.sentence(p.open);
        let (_, e2) = self.sentence(p.close);
        // After: ", says Kim Kagan" / ", Kagan said" / "he said".
        let mut sp = self.cue_after(p);
        // Before, in the same sentence: "X said: “…" / "insisting that “…".
        if sp.cue.is_none() {
            sp = self.cue_before(s, p.open);
        }
        // "Howard Kurtz, Fox News: “…”": a name and a colon.
        if sp.cue.is_none() {
            sp = self.colon_source(s, p.open).unwrap_or(sp);
        }
        // "…remains “A” while … it still believes “B,” the report says":
        // the attribution after the sentence's last quote is that of all
        // its quotes.
        if sp.cue.is_none() {
            let last_close =
                (p.close + 1..e2.min(self.chars.len())).rev().find(|&i| matches!(self.chars[i], '”' | '"'));
            if let Some(close) = last_close {
                let later = self.cue_after(Pair { close, ..p });
                if later.kind.is_some() {
                    sp = later;
                }
            }
        }
        self.attribute_rest(p, k, last, sp)
    }

    /// The attribution of a quote by a cue after it in its sentence (", says
    /// Kim Kagan" / ", Kagan said" / "he said"); no cue: none.
    fn cue_after(&self, p: Pair) -> Speaker {
        let (s, e) = self.sentence(p.open);
        let (_, e2) = self.sentence(p.close);
        let mut sp = Speaker::default();
        let after_end = e2.max(e).min(p.close + 160).min(self.chars.len());
        let after = self.text(p.close + 1, after_end);
        // A quote that ends its sentence ("… for any price.” (In 2019 …")
        // takes no attribution from what follows, unless that goes on in
        // lower case ("?” he asked").
        let seg_end =
            self.segment_at(p.close).and_then(|x| x.span.as_ref().map(|r| r.end)).unwrap_or(after_end);
        let rest = self.text(p.close + 1, (p.close + 160).min(seg_end));
        let ends_sentence = matches!(self.chars[p.close.saturating_sub(1)], '.' | '!' | '?')
            && rest.trim_start().chars().next().is_none_or(|c| !c.is_lowercase());
        // …but a short attribution sentence right after still counts:
        // “Are we ready?” Kagan asked.
        let after = if ends_sentence {
            // The sentence ends at a stop that is no initial or title
            // ("Lisa O. Monaco"); an apposition in it does not count
            // ("Lisa O. Monaco, Obama’s adviser on …, said").
            let next = &rest[..quote_source::first_stop(rest).unwrap_or(rest.len())];
            if quote_source::words_outside_apposition(next) <= 8
                && rest.trim_start().starts_with(|c: char| c.is_alphabetic())
            {
                next
            } else {
                ""
            }
        } else {
            after
        };
        // Near, with no other quote between, and not in an aside opened
        // after the quote ("‘X’ (although this was confirmed …)").
        let near = |m: &regex::Match<'_>| {
            let between = &after[..m.start()];
            m.start() <= 90
                && !between.contains(['“', '"', '‘'])
                && between.matches('(').count() <= between.matches(')').count()
        };
        if let Some(m) = CUE.find(after).filter(near) {
            let cue = m.as_str().to_lowercase();
            let cue_start = p.close + 1 + after[..m.start()].chars().count();
            let cue_end = cue_start + m.as_str().chars().count();
            let mut subject = self.subject_before(cue_start);
            if subject.kind.is_none()
                || self.text(p.close + 1, cue_start).trim_matches([',', ' ', '.']).is_empty()
            {
                let inverted = self.subject_after(cue_end);
                if inverted.kind.is_some() {
                    subject = inverted;
                }
            }
            // ", adding that …": the sentence's own subject speaks.
            if subject.kind.is_none() && !NOUN_LIKE_CUES.contains(&cue.as_str()) {
                subject = self.sentence_subject(s, p.open);
            }
            if subject.kind.is_some() || !NOUN_LIKE_CUES.contains(&cue.as_str()) {
                sp = Speaker { cue: Some(cue), via: "cue", ..subject };
            }
        }
        sp
    }

    /// The speaker named right before a colon that opens the quote at
    /// `open` ("Howard Kurtz: “…”"; with an affiliation after a comma,
    /// "Howard Kurtz, Fox News: “…”", the person before the comma).
    fn colon_source(&self, s: usize, open: usize) -> Option<Speaker> {
        let before = self.text(s, open);
        let head = before.trim_end().strip_suffix(':')?;
        let colon = s + head.chars().count();
        let person = |at: usize| {
            self.mention_ending_at(at, 0)
                .filter(|(_, a)| self.actors.actor_name(*a, self.ann).1 == ActorType::Person)
        };
        let found = head.rfind(", ").and_then(|c| person(s + head[..c].chars().count()));
        let (_, actor) = found.or_else(|| self.mention_ending_at(colon, 0))?;
        Some(Speaker { cue: Some(":".to_string()), via: "cue", ..self.named(actor) })
    }

    /// The rest of [`Extractor::attribute`]: the sentence before, the
    /// footnote, the quote before.
    fn attribute_rest(&self, p: Pair, k: usize, last: &Option<Last>, mut sp: Speaker) -> Speaker {
        let (s, _) = self.sentence(p.open);
        // A quote opening its sentence takes the attribution of the sentence
        // before, in the same paragraph, when that one has a cue and a
        // speaker and no quote of its own ("Kagan put it this way:", "the
        // study authors say.").
        if sp.cue.is_none() && self.text(s, p.open).trim().is_empty() && s > 0 {
            let same_segment =
                self.segment_at(s.saturating_sub(2)).map(|x| x.seq) == self.segment_at(s).map(|x| x.seq);
            let (ps, _) = self.sentence(s.saturating_sub(2));
            let prev = self.text(ps, s);
            if same_segment && !prev.contains(['“', '”', '"', '‘']) {
                let candidate = self.cue_before(ps, s);
                if candidate.kind.is_some() || prev.trim_end().ends_with(':') {
                    sp = candidate;
                }
            }
        }
        if sp.kind.is_none() || sp.kind == Some(SpeakerKind::Anonymous) {
            if let Some(desc) = self.footnote_source(p.close) {
                let cue = sp.cue.take();
                sp = Speaker {
                    name: Some(desc),
                    kind: Some(SpeakerKind::Anonymous),
                    cue,
                    via: "footnote",
                    ..Speaker::default()
                };
            }
        }
        if sp.kind.is_none() && sp.cue.is_none() {
            if let Some(prev) = last.as_ref().filter(|l| self.continues(l, p, k)) {
                return Speaker { cue: None, via: "continuation", ..prev.speaker.clone() };
            }
        }
        sp
    }

    /// The last cue in `s..end` and its subject: right before the cue, or
    /// after "according to", or the person the sentence is about.
    fn cue_before(&self, s: usize, end: usize) -> Speaker {
        let before = self.text(s, end);
        let Some(m) = CUE.find_iter(before).last() else { return Speaker::default() };
        let cue = m.as_str().to_lowercase();
        let cue_start = s + before[..m.start()].chars().count();
        let cue_end = cue_start + m.as_str().chars().count();
        if cue == "according to" {
            return Speaker { cue: Some(cue), via: "cue", ..self.subject_after(cue_end) };
        }
        // "Trump issued a statement saying …", "took to Twitter, writing:":
        // a participle's subject is the sentence's, not the word before it.
        if cue.ends_with("ing") {
            let subject = self.sentence_subject(s, cue_start);
            if subject.kind == Some(SpeakerKind::Named) {
                return Speaker { cue: Some(cue), via: "cue", ..subject };
            }
        }
        let mut subject = self.subject_before(cue_start);
        if subject.kind.is_none() {
            if NOUN_LIKE_CUES.contains(&cue.as_str()) {
                return Speaker::default();
            }
            subject = self.sentence_subject(s, cue_start);
        }
        Speaker { cue: Some(cue), via: "cue", ..subject }
    }

    /// A quote with no attribution of its own continues the speaker of the
    /// quote before it when nothing else intervenes: in the same paragraph
    /// with no other actor named in between, or opening the next paragraph
    /// right after a paragraph that ended with that quote's sentence.
    fn continues(&self, last: &Last, p: Pair, k: usize) -> bool {
        if last.speaker.kind.is_none() {
            return false;
        }
        if last.segment == k {
            // The previous quote's own attribution may name actors.
            let (_, attribution_end) = self.sentence(last.close);
            let between = attribution_end.max(last.close)..p.open;
            let other = self
                .mentions_in(between.start, between.end)
                .iter()
                .any(|m| Some(m.actor) != last.speaker.actor);
            return !other && p.open - last.close <= 200;
        }
        let Some(seg) = self.segment_at(p.open) else { return false };
        let opens_paragraph = seg.span.as_ref().is_some_and(|r| r.start == p.open);
        let prev_end = self.segment_at(last.close).and_then(|s| s.span.as_ref().map(|r| r.end)).unwrap_or(0);
        last.segment + 1 == k && opens_paragraph && prev_end.saturating_sub(last.close) <= 60
    }

    /// The subject of a sentence whose verb comes later ("Secretary of State
    /// Mike Pompeo went even further in March, insisting …"): the first
    /// person mentioned in it, or an anonymous source phrase at its start.
    fn sentence_subject(&self, s: usize, before: usize) -> Speaker {
        let person = self
            .mentions_in(s, before)
            .iter()
            .filter(|m| m.end <= before)
            .filter(|m| self.actors.actor_name(m.actor, self.ann).1 == ActorType::Person)
            .min_by_key(|m| m.start);
        if let Some(m) = person {
            return self.named(m.actor);
        }
        let head = self.text(s, before);
        static HE_SHE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(he|she|He|She)\b"));
        if let Some(m) = HE_SHE.find(head) {
            let at = s + head[..m.start()].chars().count();
            let sp = self.resolve_pronoun(m.as_str(), at);
            if sp.kind.is_some() {
                return sp;
            }
        }
        let cleaned = head.trim_start_matches(|c: char| !c.is_alphanumeric());
        let cleaned = cleaned.strip_prefix("As ").or_else(|| cleaned.strip_prefix("as ")).unwrap_or(cleaned);
        if let Some(g) = group_after(&ANON_AFTER, cleaned) {
            return self.anonymous(&cleaned[g]);
        }
        Speaker::default()
    }

    /// The source named by a footnote marked right after a quote: for
    /// "Interview with Taliban commander, Kunar, 2 December 2020." it is
    /// "Taliban commander, Kunar". "Ibid." repeats the note before.
    fn footnote_source(&self, close: usize) -> Option<String> {
        let seg = self.segment_at(close)?;
        let base = seg.span.as_ref()?.start;
        let rel = close - base;
        let label =
            seg.footnote_marks.iter().find(|(at, _)| *at > rel && *at <= rel + 3).map(|(_, l)| l.as_str())?;
        let notes = &self.notes;
        let k = notes.iter().position(|s| s.label.as_deref() == Some(label))?;
        let mut j = k;
        while notes[j].text.trim() == "Ibid." && j > 0 {
            j -= 1;
        }
        self.note_sources[j].get_or_init(|| interview_source(&notes[j].text)).clone()
    }

    // ---------------------------------------------------------------
    // Block quotes
    // ---------------------------------------------------------------

    /// Whether the block quotation `a..b` holds quotes of its own with a
    /// cue outside them ("“…,” Trump said.", "Carson said that “…”"): then
    /// it is read as a paragraph, and its cue attributes its quotes.
    fn block_has_own_quotes(&self, a: usize, b: usize) -> bool {
        let (pairs, _) = self.pairs(a, b);
        // A quote that fills most of the block, with a cue right after it
        // or right before it.
        pairs.iter().any(|p| {
            let long = (p.close - p.open) * 10 >= (b - a) * 6;
            let after = self.text(p.close + 1, (p.close + 40).min(b));
            let before = self.text(p.open.saturating_sub(40).max(a), p.open);
            long && (CUE.is_match(after) || CUE.is_match(before))
        })
    }

    fn blocks(&mut self) {
        let blocks: Vec<(usize, usize)> = self
            .segments()
            .filter(|(s, _, _)| s.kind == BlockKind::BlockQuote)
            .map(|(_, a, b)| (a, b))
            .collect();
        for (a, b) in blocks {
            if self.block_has_own_quotes(a, b) {
                continue;
            }
            let (mut s, mut e) = (a, b);
            // Marks around the whole block are not part of the quote.
            if "“‘\"'".contains(self.chars[s]) {
                s += 1;
            }
            while e > s && "”’\"'".contains(self.chars[e - 1]) {
                e -= 1;
            }
            let mut sp = Speaker::default();
            // The introduction: the sentence before, up to its colon.
            if a >= 2 {
                let (ps, _) = self.sentence(a - 3);
                sp = self.cue_before(ps, a);
                if sp.kind.is_none() {
                    let cue = sp.cue.take();
                    sp = Speaker { cue, ..self.sentence_subject(ps, a) };
                }
            }
            if sp.kind.is_none() || sp.kind == Some(SpeakerKind::Anonymous) {
                if let Some(desc) = self.footnote_source(e.saturating_sub(1)) {
                    let cue = sp.cue.take();
                    sp = Speaker {
                        name: Some(desc),
                        kind: Some(SpeakerKind::Anonymous),
                        cue,
                        ..Speaker::default()
                    };
                }
            }
            self.push_quote(s, e, QuoteMark::Block, sp);
        }
    }

    // ---------------------------------------------------------------
    // Unmarked quotes (marks stripped by the scraper)
    // ---------------------------------------------------------------

    /// In a document whose quotation marks were deleted, a quote is found
    /// from an attribution that *follows* it: "…, said NRF spokesman Ali
    /// Maisam Nazary." / "…, Nazary said." / "…, she wrote recently." The
    /// quote runs from the sentence start to the comma; it takes in the
    /// sentences before it in the paragraph when those carry marks of
    /// direct speech (I, we, dont …) and neither a cue nor the speaker.
    /// Indirect speech ("he said that …") has its cue first and is never a
    /// quote; a sentence an organization "said", with no mark of speech, is
    /// taken for a paraphrase.
    fn unmarked(&mut self) {
        let paragraphs: Vec<(usize, usize)> = self
            .segments()
            .filter(|(s, _, _)| s.kind == BlockKind::Paragraph)
            .map(|(_, a, b)| (a, b))
            .collect();
        for (a, b) in paragraphs {
            let mut pos = a;
            while pos < b {
                let (s, e) = self.sentence(pos);
                if e <= s {
                    break;
                }
                if let Some((comma, sp)) = self.trailing_attribution(s, e) {
                    let start = self.extend_back(a, s, comma, &sp);
                    // An organization "said" a figure far more often than it
                    // spoke words: without marks of speech, a paraphrase.
                    let org = sp
                        .actor
                        .is_some_and(|x| self.actors.actor_name(x, self.ann).1 == ActorType::Organization)
                        || sp
                            .name
                            .as_deref()
                            .is_some_and(|n| n.split_whitespace().any(|w| ORG_HEADS.contains(&w)));
                    let speechlike = FIRST_PERSON.is_match(self.text(start, comma));
                    if words(&self.chars[start..comma]) >= 5 && (!org || speechlike) {
                        self.push_quote(start, comma, QuoteMark::None, sp);
                    }
                }
                pos = e + 1;
            }
        }
    }

    /// ", said X[, apposition][ …]." or ", X said[ adverbial]." in the
    /// sentence `s..e`: the comma's position and the speaker.
    fn trailing_attribution(&self, s: usize, e: usize) -> Option<(usize, Speaker)> {
        let sentence = self.text(s, e);
        for m in CUE.find_iter(sentence) {
            let cue = m.as_str().to_lowercase();
            if cue.ends_with("ing") || cue == "according to" {
                continue;
            }
            let cue_start = s + sentence[..m.start()].chars().count();
            let cue_end = cue_start + m.as_str().chars().count();
            // Inverted: ", said X".
            if self.chars.get(cue_start.wrapping_sub(2)) == Some(&',') {
                let sp = self.subject_after(cue_end);
                if sp.kind.is_some() {
                    return Some((cue_start - 2, Speaker { cue: Some(cue), ..sp }));
                }
            }
            // ", X said[ last year]." — the subject follows a comma and the
            // sentence ends within a few words of the cue.
            let tail = self.text(cue_end, e);
            let tail_words = tail.split_whitespace().count();
            if tail_words <= 3 && tail.trim_end().ends_with(['.', '?', '!']) {
                let sp = self.subject_before(cue_start);
                let subject_start = self.mention_ending_at(cue_start, 2).map(|(st, _)| st).or_else(|| {
                    let before = self.text(s, cue_start);
                    let np =
                        group_before(&PRONOUN_BEFORE, before).or_else(|| group_before(&ANON_BEFORE, before));
                    np.map(|g| s + before[..g.start].chars().count())
                });
                let Some(mut st) = subject_start else { continue };
                // A title or role noun before the name ("terrorism analyst
                // Bill Roggio"): walk back to the comma.
                let back = self.text(s, st);
                if let Some(comma) = back.rfind(", ") {
                    let between = &back[comma + 2..];
                    if between.split_whitespace().count() <= 3
                        && between.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '.')
                    {
                        st = s + back[..comma].chars().count() + 2;
                    }
                }
                if sp.kind.is_some() && st >= s + 2 && self.chars[st - 2] == ',' {
                    return Some((st - 2, Speaker { cue: Some(cue), ..sp }));
                }
            }
        }
        None
    }

    /// Sentences before an unmarked quote in the same paragraph belong to
    /// it when they read as direct speech and mention neither a cue nor
    /// the speaker.
    fn extend_back(&self, para_start: usize, s: usize, comma: usize, sp: &Speaker) -> usize {
        let mut start = s;
        let mut speechlike = FIRST_PERSON.is_match(self.text(s, comma));
        let mut candidates = Vec::new();
        while start > para_start {
            let (ps, _) = self.sentence(start.saturating_sub(2));
            if ps >= start {
                break;
            }
            let prev = self.text(ps, start);
            let names_speaker = sp
                .actor
                .is_some_and(|a| self.mentions_in(ps, start).iter().any(|m| m.actor == a && m.end <= start));
            if CUE.is_match(prev)
                || names_speaker
                || prev.contains([':', ';']) && !FIRST_PERSON.is_match(prev)
            {
                break;
            }
            speechlike |= FIRST_PERSON.is_match(prev);
            candidates.push(ps);
            start = ps;
            if candidates.len() >= 8 {
                break;
            }
        }
        if speechlike {
            candidates.last().copied().unwrap_or(s)
        } else {
            s
        }
    }
}

/// "Interview with Taliban commander, Kunar, 2 December 2020." → "Taliban
/// commander, Kunar"; "Interviewee from Kunar, 2 September 2020." →
/// "interviewee from Kunar". Notes that name no interview give none.
pub fn interview_source(note: &str) -> Option<String> {
    static INTERVIEW: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:(?:phone|telephone|skype|email|online)\s+)?(?:interview(?:ed)?\s+with\s+(?:an?\s+|the\s+)?|(interviewee)s?\s+)(.*)$",
        )
    });
    static DATE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i),?\s*(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\.?\s*$",
        )
    });
    // Both branches of the pattern spell out "interview", whose letters
    // have no case variants outside ASCII: without it, no match.
    if !contains_ignore_ascii_case(note, "interview") {
        return None;
    }
    let c = INTERVIEW.captures(note.trim())?;
    let rest = DATE_TAIL.replace(&c[2], "");
    let rest = rest.trim().trim_end_matches('.').trim_end_matches(',').trim();
    if rest.is_empty() {
        return None;
    }
    Some(match c.get(1) {
        Some(_) => format!("interviewee {rest}"),
        None => rest.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus_parser::{parse_blocks, Gazetteer, Hints};
    use std::path::Path;

    const GAZETTEER: &str = r#"
[[actor]]
id = "taliban"
name = "Taliban"
type = "organization"

[[actor]]
id = "kim-kagan"
name = "Kim Kagan"
type = "person"

[[actor]]
id = "isw"
name = "Institute for the Study of War"
type = "organization"

[[actor]]
id = "mike-pompeo"
name = "Mike Pompeo"
type = "person"

[[actor]]
id = "ali-maisam-nazary"
name = "Ali Maisam Nazary"
type = "person"

[[actor]]
id = "annie-pforzheimer"
name = "Annie Pforzheimer"
type = "person"

[[actor]]
id = "bill-roggio"
name = "Bill Roggio"
type = "person"
"#;

    type Row = (String, &'static str, Option<String>, &'static str, Option<String>);

    fn run(text: &str) -> (Quotes, Vec<Row>) {
        let g = Gazetteer::parse(Path::new("actors.toml"), GAZETTEER).expect("gazetteer");
        let m = ActorMatcher::new(&g);
        let doc = crate::normalise(text, &parse_blocks(text, &Hints::default()));
        let ann = m.annotate(&doc);
        let q = extract_quotes(&doc, &ann, &m);
        for x in &q.quotes {
            let slice: String = doc.text.chars().skip(x.start).take(x.end - x.start).collect();
            assert_eq!(slice, x.text, "text[start:end] is the quote");
        }
        let rows = q
            .quotes
            .iter()
            .map(|x| {
                (x.text.clone(), x.mark.as_str(), x.speaker.clone(), x.speaker_kind.as_str(), x.cue.clone())
            })
            .collect();
        (q, rows)
    }

    fn rows(text: &str) -> Vec<Row> {
        run(text).1
    }

    fn row(
        text: &str,
        mark: &'static str,
        speaker: Option<&str>,
        kind: &'static str,
        cue: Option<&str>,
    ) -> Row {
        (text.to_string(), mark, speaker.map(String::from), kind, cue.map(String::from))
    }

    #[test]
    fn words_counts_what_split_whitespace_counts() {
        for t in ["", " ", "one", " two  words ", "a\u{a0}b\u{2003}c\td\n", "“Why?” she asked.", "x y"] {
            let c: Vec<char> = t.chars().collect();
            assert_eq!(words(&c), t.split_whitespace().count(), "{t:?}");
        }
    }

    #[test]
    fn maybe_mark_lets_every_mark_through() {
        // Every code point: the prefilter must be true for each character
        // the pairing matches on, and it is true for only two others.
        let marks = ['“', '”', '"', '‘', '’', '\''];
        let mut others = Vec::new();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if marks.contains(&c) {
                assert!(maybe_mark(c), "{c:?}");
            } else if maybe_mark(c) {
                others.push(c);
            }
        }
        assert_eq!(others, ['#', '&']);
    }

    #[test]
    fn byte_offsets_slice_what_collecting_the_chars_gives() {
        let long: String = "Kābul “quotes” — Ærø, 東京 \u{212a}\u{17f} 🦀 plain ascii ".repeat(9);
        for t in ["", "a", "“", "plain ASCII only", long.as_str()] {
            let c: Vec<char> = t.chars().collect();
            let o = ByteOffsets::new(&c);
            for a in 0..=c.len() {
                for b in a..=c.len() {
                    let want: String = c[a..b].iter().collect();
                    assert_eq!(&t[o.byte(&c, a)..o.byte(&c, b)], want, "{a}..{b}");
                }
            }
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
                if ADVERB.is_match(head) {
                    assert!(may_end_in_adverb(head), "{head:?}");
                }
            }
        }
        // The texts do exercise the patterns.
        let ends: Vec<&str> =
            ["one commander from Kandahar  ", "she\u{3000}", "  reportedly\u{a0}\u{a0}"].to_vec();
        assert!(
            ANON_BEFORE.is_match(ends[0]) && PRONOUN_BEFORE.is_match(ends[1]) && ADVERB.is_match(ends[2])
        );
        assert!(!may_end_in_adverb("reportedly") && !may_end_in_adverb("fly away "));
    }

    #[test]
    fn collected_chars_are_the_chars() {
        let mixed = "Kābul “quotes” — Ærø, 東京 \u{212a}\u{17f} 🦀 plain ascii runs of more than eight bytes";
        let e16 = "é".repeat(16);
        let sixteen =
            ["abcdefghijklmnop", "abcdefghijklmnoé", e16.as_str(), "abcdefghijklmnopqrstuvwxyzabcdef"];
        for t in ["", "a", "é", "🦀", "12345678", "1234567é", "12345678é", "abcdefghijklmnopq", mixed]
            .into_iter()
            .chain(sixteen)
        {
            for (i, _) in t.char_indices().chain([(t.len(), ' ')]) {
                for part in [&t[..i], &t[i..]] {
                    let (chars, offsets) = collect_chars(part);
                    assert_eq!(chars, part.chars().collect::<Vec<_>>(), "{part:?}");
                    assert_eq!(offsets.marks, ByteOffsets::new(&chars).marks, "{part:?}");
                    let ascii = part.bytes().take_while(u8::is_ascii).count();
                    assert_eq!(ascii_prefix_len(part.as_bytes()), ascii, "{part:?}");
                }
            }
        }
    }

    #[test]
    fn interview_notes_need_the_word_interview() {
        // The prefilter's premise: only ASCII letters are case variants of
        // the letters of "interview" (unlike k and s, which the Kelvin sign
        // and the long s fold to).
        let letters = Regex::new("(?i)^[interview]$").expect("compiles");
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if letters.is_match(c.encode_utf8(&mut [0; 4])) {
                assert!(c.is_ascii(), "{c:?}");
            }
        }
        assert!(contains_ignore_ascii_case("Phone INTERVIEW with x", "interview"));
        assert!(contains_ignore_ascii_case("InTeRvIeWeEs from Kunar", "interview"));
        assert!(
            !contains_ignore_ascii_case("Interveiw with x", "interview")
                && !contains_ignore_ascii_case("", "x")
        );
        assert_eq!(interview_source("Skype \u{212a}interview with x"), None);
        assert_eq!(interview_source("ſkype interview with an aide, 3 May 2021").as_deref(), Some("aide"));
    }

    #[test]
    fn curly_double_quote_with_verb_and_apposition_after() {
        assert_eq!(
            rows("“Troop cuts put the counterterrorism mission at risk,” says Kim Kagan, founder and president of the Institute for the Study of War."),
            vec![row("Troop cuts put the counterterrorism mission at risk", "double", Some("Kim Kagan"), "named", Some("says"))]
        );
    }

    #[test]
    fn straight_double_quote_with_subject_before_verb() {
        assert_eq!(
            rows("\"We will not leave this country,\" Ali Maisam Nazary said on Tuesday."),
            vec![row(
                "We will not leave this country",
                "double",
                Some("Ali Maisam Nazary"),
                "named",
                Some("said")
            )]
        );
    }

    #[test]
    fn single_quotes_and_apostrophes() {
        assert_eq!(
            rows("The Taliban’s fighters weren’t sure. ‘We don’t know where they go in the ’90s style of rock ’n’ roll,’ said one commander from Kandahar."),
            vec![row(
                "We don’t know where they go in the ’90s style of rock ’n’ roll",
                "single",
                Some("commander from Kandahar"),
                "anonymous",
                Some("said")
            )]
        );
        assert_eq!(
            rows("As one elder said, 'the Arabs came at night and left before the sun was up'."),
            vec![row(
                "the Arabs came at night and left before the sun was up",
                "single",
                Some("elder"),
                "anonymous",
                Some("said")
            )]
        );
    }

    #[test]
    fn cue_before_the_quote_with_the_subject_earlier_in_the_sentence() {
        assert_eq!(
            rows("Mike Pompeo went further in March, insisting that “the Taliban have now made the break” with the group."),
            vec![row("the Taliban have now made the break", "double", Some("Mike Pompeo"), "named", Some("insisting"))]
        );
        assert_eq!(
            rows("According to a senior western official, “the group is finished as a fighting force in the east.”"),
            vec![row("the group is finished as a fighting force in the east.", "double", Some("senior western official"), "anonymous", Some("according to"))]
        );
    }

    #[test]
    fn text_nouns_are_source_nouns() {
        for t in TEXT_NOUNS {
            let singular = t
                .strip_suffix("ies")
                .map_or_else(|| t.trim_end_matches('s').to_string(), |s| format!("{s}y"));
            assert!(SOURCE_NOUNS.contains(&singular.as_str()), "{t}: {singular} is not in source_nouns.txt");
        }
    }

    #[test]
    fn an_attribution_after_the_last_quote_of_a_sentence_is_that_of_all_its_quotes() {
        assert_eq!(
            rows("The group remains “strong enough to fight” while divided, with a “large faction” that believes “they can win by force,” the report says."),
            vec![
                row("strong enough to fight", "double", Some("report"), "anonymous", Some("says")),
                row("large faction", "double", Some("report"), "anonymous", Some("says")),
                row("they can win by force", "double", Some("report"), "anonymous", Some("says")),
            ]
        );
        // Not across sentences: a short phrase in the sentence before stays out.
        assert_eq!(
            rows("The group remains “strong enough”. It believes “they can win by force,” the report says."),
            vec![row("they can win by force", "double", Some("report"), "anonymous", Some("says"))]
        );
    }

    #[test]
    fn it_is_the_text_or_organization_that_spoke_last() {
        assert_eq!(
            rows("“The group is strong in the east,” the report says. It adds that “the group has 2,000 fighters in the valley,” it says."),
            vec![
                row("The group is strong in the east", "double", Some("report"), "anonymous", Some("says")),
                row("the group has 2,000 fighters in the valley", "double", Some("report"), "anonymous", Some("says")),
            ]
        );
        assert_eq!(
            rows("“We will not leave the valley,” the Taliban said. “We have never left it,” it said."),
            vec![
                row("We will not leave the valley", "double", Some("Taliban"), "named", Some("said")),
                row("We have never left it", "double", Some("Taliban"), "named", Some("said")),
            ]
        );
        // A person is not "it"; nothing before: unattributed.
        assert_eq!(
            rows("“We will not leave the valley,” Kim Kagan said. “We have never left it at all,” it said."),
            vec![
                row("We will not leave the valley", "double", Some("Kim Kagan"), "named", Some("said")),
                row("We have never left it at all", "double", None, "unattributed", Some("said")),
            ]
        );
        assert_eq!(
            rows("“We have never left it at all,” it said."),
            vec![row("We have never left it at all", "double", None, "unattributed", Some("said"))]
        );
    }

    #[test]
    fn a_name_after_refer_to_as_or_a_cue_in_an_aside_is_no_quote() {
        assert_eq!(rows("They would not refer to them as ‘Al Qaeda’, the interviewees said."), vec![]);
        assert_eq!(rows("He refers to the group as “the base”, Kim Kagan said."), vec![]);
        assert_eq!(
            rows("They spoke of ‘the Arabs’ (although this was always confirmed in interviews)."),
            vec![]
        );
        // A parenthesis closed before the cue is no aside.
        assert_eq!(
            rows("“The Arabs stay,” (in 2019) Kim Kagan said."),
            vec![row("The Arabs stay", "double", Some("Kim Kagan"), "named", Some("said"))]
        );
    }

    #[test]
    fn a_source_related_to_an_actor_is_not_that_actor() {
        assert_eq!(
            rows("One former aide to Kim Kagan explained that “we never trusted them.”"),
            vec![row(
                "we never trusted them.",
                "double",
                Some("former aide to Kim Kagan"),
                "anonymous",
                Some("explained")
            )]
        );
        assert_eq!(
            rows("“We fight where we are told,” one commander with the Taliban said."),
            vec![row(
                "We fight where we are told",
                "double",
                Some("commander with the Taliban"),
                "anonymous",
                Some("said")
            )]
        );
        // A source noun inside an actor's name ("Study") is that actor.
        assert_eq!(
            rows("“We will stay,” the Institute for the Study of War said."),
            vec![row(
                "We will stay",
                "double",
                Some("Institute for the Study of War"),
                "named",
                Some("said")
            )]
        );
        // A person before the preposition speaks; the actor alone speaks.
        assert_eq!(
            rows("“We will stay,” Kim Kagan of the Institute for the Study of War said. “We fight where we are told,” the Taliban said."),
            vec![
                row("We will stay", "double", Some("Kim Kagan"), "named", Some("said")),
                row("We fight where we are told", "double", Some("Taliban"), "named", Some("said")),
            ]
        );
    }

    #[test]
    fn attribution_in_the_sentence_before_an_adverb_or_a_participle() {
        assert_eq!(
            rows("Kim Kagan insists the movement is split. “The fighters have begun to accuse the government of bad faith in every meeting.”"),
            vec![row("The fighters have begun to accuse the government of bad faith in every meeting.", "double", Some("Kim Kagan"), "named", Some("insists"))]
        );
        assert_eq!(
            rows("“We are not leaving this valley again,” Kim Kagan reportedly said."),
            vec![row(
                "We are not leaving this valley again",
                "double",
                Some("Kim Kagan"),
                "named",
                Some("said")
            )]
        );
        assert_eq!(
            rows("Mike Pompeo hailed the deal as a chance to “bring our people back home,” adding that the talks would go on."),
            vec![row("bring our people back home", "double", Some("Mike Pompeo"), "named", Some("adding"))]
        );
        // A question ends its sentence; a short attribution after it counts.
        assert_eq!(
            rows("“Why would we ever leave this place?” Kim Kagan asked. Nobody answered."),
            vec![row(
                "Why would we ever leave this place?",
                "double",
                Some("Kim Kagan"),
                "named",
                Some("asked")
            )]
        );
        // A quote that ends its sentence takes nothing from the next one.
        let r = rows("The son said “the movement would not break its historical ties for any price.” (In 2019 the White House stated he had died.)");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].4.as_deref(), Some("said"));
        // A role right before a name: the name speaks.
        assert_eq!(
            rows("“The group will never fight them,” said NRF spokesman Ali Maisam Nazary."),
            vec![row(
                "The group will never fight them",
                "double",
                Some("Ali Maisam Nazary"),
                "named",
                Some("said")
            )]
        );
    }

    #[test]
    fn a_pronoun_is_resolved_to_the_person_before_it() {
        assert_eq!(
            rows("Annie Pforzheimer spoke last. “There should be no illusions about the Taliban at all,” she wrote."),
            vec![row("There should be no illusions about the Taliban at all", "double", Some("Annie Pforzheimer"), "named", Some("wrote"))]
        );
    }

    #[test]
    fn a_pronoun_goes_to_the_subject_not_the_last_name() {
        assert_eq!(
            rows("Kim Kagan says the group praised Mike Pompeo in a video. “The movement bred a generation of fighters,” he says."),
            vec![row("The movement bred a generation of fighters", "double", Some("Kim Kagan"), "named", Some("says"))]
        );
    }

    #[test]
    fn nested_quotes_are_part_of_the_outer_quote() {
        assert_eq!(
            rows("“They told us ‘leave now or stay forever’ and we stayed,” Kim Kagan said."),
            vec![row(
                "They told us ‘leave now or stay forever’ and we stayed",
                "double",
                Some("Kim Kagan"),
                "named",
                Some("said")
            )]
        );
    }

    #[test]
    fn a_second_quote_continues_the_speaker() {
        let r = rows("“We won’t be able to strike them,” says Kim Kagan. “They will not be able to operate from boats far away.”");
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[1],
            row(
                "They will not be able to operate from boats far away.",
                "double",
                Some("Kim Kagan"),
                "named",
                None
            )
        );
    }

    #[test]
    fn a_quote_over_several_paragraphs() {
        let (q, r) = run("“The first paragraph of the statement runs on here,\n\n“and the second paragraph ends it with a close,” Kim Kagan said.\n");
        assert_eq!(q.unbalanced, 0);
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(r[0].0.starts_with("The first paragraph") && r[0].0.ends_with("ends it with a close"));
        assert_eq!(r[0].2.as_deref(), Some("Kim Kagan"));
    }

    #[test]
    fn block_quote_after_a_colon() {
        let text = "One commander in Helmand said:\n\nThey came at night and left before dawn, and we never asked them where they were going or why.\n";
        assert_eq!(
            rows(text),
            vec![row(
                "They came at night and left before dawn, and we never asked them where they were going or why.",
                "block",
                Some("commander in Helmand"),
                "anonymous",
                Some("said")
            )]
        );
    }

    #[test]
    fn a_footnote_to_an_interview_names_the_source() {
        let text = "Commanders were blunt about it. ‘We will never hand them over to anyone, whatever happens,’¹ he added, and left.\n\n\
             1 Interview with Taliban commander, Kunar, 2 December 2020.\n";
        let r = rows(text);
        assert_eq!(
            r,
            vec![row(
                "We will never hand them over to anyone, whatever happens",
                "single",
                Some("Taliban commander, Kunar"),
                "anonymous",
                Some("added")
            )]
        );
    }

    #[test]
    fn unmarked_quotes_where_marks_were_stripped() {
        let text = "The Talibans rank and file will never fight against ISIS, said NRF spokesman Ali Maisam Nazary. He said the two groups are two sides of the same coin.\n\n\
            To me, the group is the greater threat. But I dont think it has a real plan, terrorism analyst Bill Roggio said last year.\n\n\
            Annie Pforzheimer called it a miscalculation. There should be no illusions that the Taliban is doing anything, she wrote recently.\n";
        assert_eq!(
            rows(text),
            vec![
                row(
                    "The Talibans rank and file will never fight against ISIS",
                    "none",
                    Some("Ali Maisam Nazary"),
                    "named",
                    Some("said")
                ),
                row(
                    "To me, the group is the greater threat. But I dont think it has a real plan",
                    "none",
                    Some("Bill Roggio"),
                    "named",
                    Some("said")
                ),
                row(
                    "There should be no illusions that the Taliban is doing anything",
                    "none",
                    Some("Annie Pforzheimer"),
                    "named",
                    Some("wrote")
                ),
            ]
        );
    }

    #[test]
    fn not_quotes_scare_quotes_titles_terms_and_indirect_speech() {
        let cases = [
            "The Taliban call them “guests” and nothing more.", // scare quote
            "He wrote a memo titled “The Road Ahead in the East” in 1999.", // title of a work
            "The fighters, known as ‘the Lions of the Valley’, left.", // nickname
            "They used the word shura ('council') for the meeting.", // translation
            "Ali Maisam Nazary said that the group could not win the war.", // indirect speech
            "The report described a “very small” percentage of fighters.", // short phrase
        ];
        for t in cases {
            assert_eq!(rows(t), vec![], "{t}");
        }
        // In a stripped document, a figure an organization "said" is a paraphrase.
        let stripped = "Deaths more than doubled to 643 last year, said the Institute for the Study of War. Thats all they dont know.\n";
        assert_eq!(rows(stripped), vec![]);
        // In a stripped document, indirect speech stays indirect.
        let stripped =
            "He said the Taliban and IS-K are two sides of the same coin, and they dont agree. Thats all.\n";
        assert_eq!(rows(stripped), vec![]);
    }

    #[test]
    fn an_unclosed_mark_is_reported_not_swallowed() {
        let (q, r) = run("“This opens and never closes, said someone.\n\nThe next paragraph is ordinary text about the talks.\n");
        assert!(r.is_empty(), "{r:?}");
        assert_eq!(q.unbalanced, 1);
    }

    #[test]
    fn a_megabyte_with_one_unclosed_mark_is_fast_and_bounded() {
        let para = "The talks went on for a long time and nobody said anything new about them at all. ";
        let mut text = String::from("“Here the mark opens. ");
        while text.len() < 1_000_000 {
            text.push_str(para);
        }
        let (q, _) = run(&text);
        assert!(q.quotes.iter().all(|x| x.text.chars().count() <= MAX_QUOTE_CHARS));
        assert_eq!(q.unbalanced, 1);
    }

    #[test]
    fn a_speaker_who_is_no_actor_yet_is_read_from_the_sentence() {
        let named = |q: &str, who: &str, cue: &str| row(q, "double", Some(who), "named", Some(cue));
        let table: &[(&str, Row)] = &[
            ("“We will win this one,” says Morrissey.", named("We will win this one", "Morrissey", "says")),
            ("“We will win this one,” Mr. Coale said.", named("We will win this one", "Coale", "said")),
            ("“We will win this one,” Pfizer said.", named("We will win this one", "Pfizer", "said")),
            (
                "“Is this the end?” Lisa O. Monaco, Obama’s adviser on counterterrorism and homeland security, said at a briefing.",
                named("Is this the end?", "Lisa O. Monaco", "said"),
            ),
            ("“We played very well,” said Wales coach Mike Ruddock.", named("We played very well", "Mike Ruddock", "said")),
            ("“We played very well,” said Mr. Schmidt, who coached them.", named("We played very well", "Schmidt", "said")),
            (
                "“Pfizer is gaming the system,” Senate Minority Leader Harry M. Reid (D-Nev.) said.",
                named("Pfizer is gaming the system", "Harry M. Reid", "said"),
            ),
            (
                "Michael Howard, the Conservative leader, said: “Nobody believes him.”",
                named("Nobody believes him.", "Michael Howard", "said"),
            ),
            (
                "Howard Kurtz, Fox News: “This is the story of the year.”",
                named("This is the story of the year.", "Howard Kurtz", ":"),
            ),
            (
                "Mrs. Clinton assured supporters that the review would “change nothing at all.”",
                named("change nothing at all.", "Clinton", "assured"),
            ),
            (
                "Donald Trump issued a statement saying the judge was “a remarkable person.”",
                named("a remarkable person.", "Donald Trump", "saying"),
            ),
            (
                "“We are finished here,” the team wrote in a statement.",
                row("We are finished here", "double", Some("team"), "anonymous", Some("wrote")),
            ),
            (
                "“It was very nice,” the gambling tycoon told Reuters.",
                row("It was very nice", "double", Some("gambling tycoon"), "anonymous", Some("told")),
            ),
            (
                "“The drop is about the emails,” said a person close to the Clintons.",
                row("The drop is about the emails", "double", Some("person close to the Clintons"), "anonymous", Some("said")),
            ),
            // A surname alone links to the full name written before it.
            (
                "Tom Coale ran for the seat. “We will win this one,” Coale said.",
                named("We will win this one", "Tom Coale", "said"),
            ),
            // he/she agree with what the text shows of the person.
            (
                "Hillary Clinton said she would stay. Bill Clinton left early. “I will stay,” she said.",
                named("I will stay", "Hillary Clinton", "said"),
            ),
            // A name inside a quotation is not what "he" means.
            (
                "Rick Perry said the plan was sound. “Mike Pompeo is right,” he said.",
                named("Mike Pompeo is right", "Rick Perry", "said"),
            ),
        ];
        for (text, want) in table {
            let got = rows(text);
            assert_eq!(got.last(), Some(want), "{text}");
        }
    }

    #[test]
    fn a_block_quotation_with_its_own_marks_and_cue_is_a_paragraph() {
        let text = "Do you support him? Like the page:\n\n“This is not what we need as a president,” Ben Carson said.\n";
        assert_eq!(
            rows(text),
            vec![row(
                "This is not what we need as a president",
                "double",
                Some("Ben Carson"),
                "named",
                Some("said")
            )]
        );
        // Without a cue of its own, the block is the quote.
        let text = "One commander in Helmand said:\n\nThey came at night, and we never asked them where they went or “why”.\n";
        let r = rows(text);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].1, "block");
    }

    #[test]
    fn interview_notes_give_a_source() {
        assert_eq!(
            interview_source("Interview with Taliban commander, Kunar, 2 December 2020.").as_deref(),
            Some("Taliban commander, Kunar")
        );
        assert_eq!(
            interview_source("Interview with a western diplomat, 26 April 2021.").as_deref(),
            Some("western diplomat")
        );
        assert_eq!(
            interview_source("Interviewee from Kunar, 2 September 2020.").as_deref(),
            Some("interviewee from Kunar")
        );
        assert_eq!(interview_source("Via Zelin (2020)."), None);
    }
}

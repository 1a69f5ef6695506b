//! Quotations and their speakers: marked quotes in every mark style,
//! block quotations, unmarked quotes in documents whose marks were
//! stripped, and the attribution of each to a named actor, an anonymous
//! source, or no one.
//!
//! Everything here works in code points of the document text.

mod attribute;
mod blocks;
mod chars;
mod pairs;
mod patterns;
mod source;
mod speakers;
mod unmarked;

use crate::clean::Document;
use crate::clean::QualityFlag;
use crate::clean::Segment;
use crate::extract::mentions::ActorMatcher;
use crate::extract::mentions::ActorRef;
use crate::extract::mentions::Annotations;
use crate::extract::sentences::Sentences;
use crate::offsets::CharPos;
pub use attribute::interview_source;
use chars::{collect_chars, ByteOffsets};
use corpus_parser::BlockKind;
use source as quote_source;
pub(crate) use source::{add_speakers, is_role_word};
use std::cell::OnceCell;

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
    /// Every value, in the order the tables list them.
    pub const ALL: [QuoteMark; 4] = [QuoteMark::Double, QuoteMark::Single, QuoteMark::Block, QuoteMark::None];
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
    /// Every value, in the order the tables list them.
    pub const ALL: [SpeakerKind; 3] = [SpeakerKind::Named, SpeakerKind::Anonymous, SpeakerKind::Unattributed];
}

/// One quotation. Offsets are code points of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Start in the text.
    pub start: CharPos,
    /// End (exclusive) in the text.
    pub end: CharPos,
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
    /// The actor an anonymous speaker's description names ("a spokesman
    /// for the Taliban": the Taliban), if any.
    pub speaker_affiliation: Option<ActorRef>,
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

/// The attribution found for a quote.
#[derive(Debug, Clone, Default)]
struct Speaker {
    name: Option<String>,
    actor: Option<ActorRef>,
    /// The actor an anonymous description names.
    affiliation: Option<ActorRef>,
    kind: Option<SpeakerKind>,
    cue: Option<String>,
    /// How the speaker was found.
    via: Via,
}

impl Speaker {
    /// The speaker of quote `q` (none of its cue).
    fn of(q: &Quote) -> Speaker {
        Speaker {
            name: q.speaker.clone(),
            actor: q.speaker_actor,
            affiliation: q.speaker_affiliation,
            kind: Some(q.speaker_kind),
            ..Speaker::default()
        }
    }
}

/// How a quote's speaker was found (how far a quote must run to be
/// speech depends on it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Via {
    /// Not found.
    #[default]
    Nothing,
    /// A reporting verb or phrase next to the quote.
    Cue,
    /// A footnote naming an interview.
    Footnote,
    /// The speaker of the quote before, continued.
    Continuation,
    /// The speaker of the quote before, continued right after that quote's
    /// attribution ("“…,” Teske said. “Big time.”").
    Resumed,
    /// No cue: the subject of the quote's sentence ("Bradley criticized
    /// people …, hitting “…”").
    Subject,
    /// No cue: a description or an organization opening a sentence that
    /// names no person ("The new ad attacks the plan as “…”"): a quote
    /// only when sentence-long.
    Opening,
}

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
    genders: OnceCell<crate::hash::HashMap<ActorRef, quote_source::Gender>>,
    quotes: Vec<Quote>,
    /// The speakers of the block quotations, by start, as `marked` found
    /// them (the quotes after a block go on with its speaker; `blocks`
    /// gives the block the same one).
    block_speakers: std::collections::BTreeMap<usize, Speaker>,
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
        block_speakers: std::collections::BTreeMap::new(),
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
}

#[cfg(test)]
mod tests;

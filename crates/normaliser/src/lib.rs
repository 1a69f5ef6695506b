//! Document in, annotated document out: turns parsed blocks into one
//! clean document text, reads names, quotes, dates and events from it,
//! and keeps everything read tied to the source.
//!
//! [`Annotator::annotate`] is the one entry point: it cleans the text
//! (`clean/`), then runs the extractors in order (`extract/`: mentions,
//! quotes, dates and events) and gives an [`AnnotatedDocument`] with the
//! source bytes of every span it found.
//!
//! [`normalise`], its first step, takes a decoded source and its [`corpus_parser::Block`]s
//! and gives a [`Document`]: the clean text (Unicode NFC, markup residue
//! removed, white space folded, paragraphs split by page breaks
//! re-joined, superscript footnote markers taken out and linked), its
//! [`Segment`]s (boilerplate kept but left out of the text), an
//! [`OffsetMap`] from every text character back to source bytes, and
//! [`QualityFlag`]s.
//!
//! Offsets: a segment's `span` is in **code points** of the text
//! (`text[start:end]` in Python, [`CharPos`]); `source` and `parts` are
//! **bytes** of the source file ([`BytePos`]).
//!
//! ```
//! use corpus_parser::{parse_blocks, Hints};
//! use corpus_normaliser::normalise;
//! let src = "A Title\n\nThe **group** said it would leave, and the talks went on for a long while after that.\n";
//! let doc = normalise(src, &parse_blocks(src, &Hints { title: Some("A Title"), ..Hints::default() }));
//! assert_eq!(doc.text, "A Title\n\nThe group said it would leave, and the talks went on for a long while after that.");
//! let seg = &doc.segments[1];
//! let span = seg.span.clone().unwrap();
//! assert_eq!(doc.text.chars().skip(span.start).take(span.len()).collect::<String>(), seg.text);
//! assert_eq!(doc.flags[0].as_str(), "markup_residue");
//! ```
#![deny(missing_docs)]

mod annotate;
mod clean;
mod extract;
mod hash;
mod language;
mod lexicon;
mod ner;
mod offsets;

pub use annotate::{AnnotatedDocument, Annotator, Sources, StepTimes};
pub use clean::{
    normalise, normalise_parts, Document, QualityFlag, Segment, MAX_SEGMENT_CHARS, SEGMENT_SEPARATOR,
};
pub use extract::dates::{find_dates, writes_day_first, DateContext, DateExpr, DatePrecision, YearState};
pub use extract::events::{extract_events, Event, EventType};
pub use extract::mentions::{ActorMatcher, ActorRef, Annotations, DiscoveredActor, DiscoveryCue, Mention};
pub use extract::quotes::{
    extract_quotes, interview_source, Quote, QuoteMark, Quotes, SpeakerKind, MAX_QUOTE_CHARS,
};
pub use language::{Language, UnknownLanguage};
pub use ner::{
    detokenise, detokenise_typeset, read_conll, sentences, tokenize, tokenize_into, train_recogniser, Entity,
    EntityKind, FeatureGroups, LabelledDocument, ModelInfo, NerError, NerErrorKind, NerEvaluation, NerScores,
    Recogniser, Token, TrainOptions, MAX_SENTENCE_TOKENS,
};
pub use offsets::{BytePos, CharPos, OffsetMap};

//! The one entry point: a parsed source in, an annotated document out.
//! [`Annotator::annotate`] cleans the text, then runs the extractors in
//! order (mentions, quotes, events) and looks up the source bytes of
//! every span they found.

use std::ops::Range;
use std::time::{Duration, Instant};

use corpus_parser::{Block, Gazetteer, Precision, Published};

use crate::clean::{normalise, Document, QualityFlag};
use crate::extract::dates::DatePrecision;
use crate::extract::events::{extract_events, Event};
use crate::extract::mentions::{ActorMatcher, Annotations};
use crate::extract::quotes::{extract_quotes, Quotes};
use crate::offsets::BytePos;

/// The gazetteer, compiled: annotates documents one at a time (and may
/// serve many threads at once).
pub struct Annotator {
    matcher: ActorMatcher,
}

/// A document after cleaning and every extraction step.
#[derive(Debug, Clone)]
pub struct AnnotatedDocument {
    /// The clean text, segments, offset map and quality flags.
    pub doc: Document,
    /// Its mentions and discovered actors.
    pub annotations: Annotations,
    /// Its quotes and unbalanced quotation marks.
    pub quotes: Quotes,
    /// Its events.
    pub events: Vec<Event>,
    /// The source bytes of each mention, quote and event.
    pub sources: Sources,
    /// Time spent per step.
    pub times: StepTimes,
}

/// The source byte ranges of a document's mentions, quotes and events (in
/// their order), looked up in the offset map while it is still warm: the
/// map, 8 bytes a character, is cold by the time a writer gets the
/// document.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// One per mention.
    pub mentions: Vec<Range<BytePos>>,
    /// One per quote.
    pub quotes: Vec<Range<BytePos>>,
    /// One per event.
    pub events: Vec<Range<BytePos>>,
}

impl Sources {
    /// The ranges of `doc`'s characters `annotations`, `quotes` and
    /// `events` span.
    pub fn of(doc: &Document, annotations: &Annotations, quotes: &Quotes, events: &[Event]) -> Sources {
        let map = &doc.map;
        Sources {
            mentions: annotations.mentions.iter().map(|m| map.source_range(m.start..m.end)).collect(),
            quotes: quotes.quotes.iter().map(|q| map.source_range(q.start..q.end)).collect(),
            events: events.iter().map(|e| map.source_range(e.start..e.end)).collect(),
        }
    }

    /// Every range, of every kind (to move them all into another file's
    /// offsets). The fields are named exhaustively: a new kind that is
    /// not listed here does not compile.
    pub fn ranges_mut(&mut self) -> impl Iterator<Item = &mut Range<BytePos>> {
        let Sources { mentions, quotes, events } = self;
        mentions.iter_mut().chain(quotes).chain(events)
    }
}

/// Time spent per step of [`Annotator::annotate`].
#[derive(Debug, Clone, Copy, Default)]
pub struct StepTimes {
    /// Clean text, segments, offset map, flags.
    pub normalise: Duration,
    /// Mentions and discovery.
    pub mentions: Duration,
    /// Quotes.
    pub quotes: Duration,
    /// Dates and events.
    pub events: Duration,
}

/// Runs `f`, adding its time to `slot`.
fn timed<T>(slot: &mut Duration, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    *slot += t.elapsed();
    out
}

/// The catalog's publication precision as a date precision.
fn precision(p: Precision) -> DatePrecision {
    match p {
        Precision::Day => DatePrecision::Day,
        Precision::Month => DatePrecision::Month,
        Precision::Year => DatePrecision::Year,
    }
}

impl Annotator {
    /// Compiles a gazetteer.
    pub fn new(gazetteer: &Gazetteer) -> Annotator {
        Annotator { matcher: ActorMatcher::new(gazetteer) }
    }

    /// The compiled gazetteer (names of a document's actors).
    pub fn matcher(&self) -> &ActorMatcher {
        &self.matcher
    }

    /// Cleans a decoded source split into `blocks`, then finds its
    /// mentions, quotes and events. `published` dates relative
    /// expressions ("last year").
    pub fn annotate(
        &self,
        source: &str,
        blocks: &[Block],
        published: Option<Published>,
    ) -> AnnotatedDocument {
        let mut times = StepTimes::default();
        let mut doc = timed(&mut times.normalise, || normalise(source, blocks));
        let annotations = timed(&mut times.mentions, || self.matcher.annotate(&doc));
        let quotes = timed(&mut times.quotes, || extract_quotes(&doc, &annotations, &self.matcher));
        if quotes.unbalanced > 0 {
            doc.flags.push(QualityFlag::UnbalancedQuoteMarks);
            doc.flags.sort();
        }
        let published = published.map(|p| (p.date, precision(p.precision)));
        let events = timed(&mut times.events, || extract_events(&doc, &annotations, published));
        let sources = Sources::of(&doc, &annotations, &quotes, &events);
        AnnotatedDocument { doc, annotations, quotes, events, sources, times }
    }
}

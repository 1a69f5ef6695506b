//! One document through the pipeline: read, hash, decode, parse, then
//! the normaliser's one entry point (clean text and every extraction),
//! then the ids the tables key rows by.

use std::path::Path;
use std::time::{Duration, Instant};

use corpus_normaliser::{Annotations, Document, Event, Quotes, Sources};
use corpus_parser::{parse_source, read_source, CatalogEntry, Hints, SourceMap};

use crate::actors::Actors;
use crate::digest::sha256_hex;
use crate::error::Result;
use crate::report::StageTimes;

/// A document after the pipeline, ready to be written.
#[derive(Debug, Clone)]
pub struct Processed {
    /// Its catalog entry.
    pub entry: CatalogEntry,
    /// SHA-256 of the raw bytes.
    pub source_sha256: String,
    /// Size of the raw source.
    pub source_bytes: usize,
    /// The encoding the source was read in.
    pub encoding: &'static str,
    /// The catalog's `[document.extra]` as a JSON object, if any.
    pub extra: Option<String>,
    /// SHA-256 of the clean text.
    pub text_sha256: String,
    /// Time spent on it, per stage.
    pub times: StageTimes,
    /// The normalised document.
    pub doc: Document,
    /// Its mentions and discovered actors.
    pub annotations: Annotations,
    /// The actor id of each mention (same order as `annotations.mentions`).
    pub mention_actor_ids: Vec<String>,
    /// Its quotes.
    pub quotes: Quotes,
    /// Each quote's id and speaker actor id (same order as `quotes.quotes`).
    pub quote_ids: Vec<(String, Option<String>)>,
    /// Its events.
    pub events: Vec<Event>,
    /// Each event's id and actor ids (same order as `events`).
    pub event_ids: Vec<(String, Vec<String>)>,
    /// The source bytes of each mention, quote and event (in their
    /// order), looked up in `doc.map` where the document was processed:
    /// the map, 8 bytes a character, is cold by the time the writer thread
    /// gets the document, and its lookups took half of that thread's own
    /// time. A span without a range here is looked up in the map.
    pub sources: Sources,
}

/// Runs `f`, adding its time to `slot`.
fn timed<T>(slot: &mut Duration, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    *slot += t.elapsed();
    out
}

/// Processes one document of the corpus in folder `root`: read, hash,
/// decode, parse, normalise and annotate (the normaliser), then the row
/// ids.
pub fn process(actors: &Actors, root: &Path, entry: &CatalogEntry) -> Result<Processed> {
    let mut times = StageTimes::default();
    let path = root.join(&entry.file);
    let bytes = timed(&mut times.read, || read_source(&path))?;
    let hints = Hints { title: entry.title.as_deref(), authors: &entry.authors };
    let parsed = timed(&mut times.parse, || parse_source(&path, &bytes, entry.encoding.as_deref(), &hints))?;
    let annotated = actors.annotator().annotate(&parsed.text, &parsed.blocks, entry.published);
    let (mut doc, annotations, quotes, events) =
        (annotated.doc, annotated.annotations, annotated.quotes, annotated.events);
    let mut sources = annotated.sources;
    to_file_offsets(&parsed.map, &mut doc, &mut sources);
    times.add_steps(&annotated.times);
    let mention_actor_ids = actors.mention_ids(&annotations);
    let quote_ids = quotes
        .quotes
        .iter()
        .map(|q| {
            (row_id("q", &entry.id, q.start, q.end), q.speaker_actor.map(|a| actors.id_of(a, &annotations)))
        })
        .collect();
    let event_ids = events
        .iter()
        .map(|e| {
            let mut ids: Vec<String> = Vec::new();
            for a in &e.actors {
                let id = actors.id_of(*a, &annotations);
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            (row_id("e", &entry.id, e.date_span.0, e.date_span.1), ids)
        })
        .collect();
    let (source_sha256, text_sha256) =
        timed(&mut times.hash, || (sha256_hex(&bytes), sha256_hex(doc.text.as_bytes())));
    Ok(Processed {
        entry: entry.clone(),
        source_sha256,
        source_bytes: bytes.len(),
        encoding: parsed.encoding,
        extra: (!entry.extra.is_empty()).then(|| serde_json::to_string(&entry.extra).unwrap_or_default()),
        text_sha256,
        times,
        doc,
        annotations,
        mention_actor_ids,
        quotes,
        quote_ids,
        sources,
        events,
        event_ids,
    })
}

/// Turns the source offsets of a document read from a derived text (a
/// file in another encoding, a web page) into offsets in the file.
fn to_file_offsets(map: &SourceMap, doc: &mut Document, sources: &mut Sources) {
    if map.is_identity() {
        return;
    }
    for s in &mut doc.segments {
        s.source = map.range(s.source.clone());
        s.parts.iter_mut().for_each(|p| *p = map.range(p.clone()));
    }
    for r in sources.mentions.iter_mut().chain(&mut sources.quotes).chain(&mut sources.events) {
        *r = map.range(r.clone());
    }
}

/// A quote's (`prefix` `q`) or an event's (`e`) id: the prefix, `_` and
/// the first 16 hex digits of SHA-256 of `doc_id:start:end`. The letter
/// prefix keeps spreadsheets from reading the id as a number.
fn row_id(prefix: &str, doc_id: &str, start: usize, end: usize) -> String {
    let key = format!("{doc_id}:{start}:{end}");
    format!("{prefix}_{}", &sha256_hex(key.as_bytes())[..16])
}

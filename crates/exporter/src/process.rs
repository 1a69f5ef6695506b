//! One document through the pipeline: read, hash, decode, parse, then
//! the normaliser's one entry point (clean text and every extraction),
//! then the ids the tables key rows by.

use std::path::Path;
use std::time::{Duration, Instant};

use corpus_normaliser::{Annotations, Document, Event, Language, Quotes, Sources};
use corpus_parser::{parse_source, read_source, CatalogEntry, Hints, SourceMap, CATALOG_FILE};

use crate::actors::Actors;
use crate::digest::sha256_hex;
use crate::error::{Error, Result};
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
    /// Each quote's speaker affiliation actor id (same order).
    pub quote_affiliation_ids: Vec<Option<String>>,
    /// Its events.
    pub events: Vec<Event>,
    /// Each event's id and actor ids (same order as `events`).
    pub event_ids: Vec<(String, Vec<String>)>,
    /// The source bytes of each mention, quote and event (same order and
    /// length as theirs), from the annotated document: the only place the
    /// tables' `source_start`/`source_end` come from (the map is cold by
    /// the time a worker encodes the rows).
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
    // Only documents in a language with data are read (today English).
    Language::for_tag(entry.language.as_deref()).map_err(|e| Error::Language {
        catalog: root.join(CATALOG_FILE),
        id: entry.id.clone(),
        line: entry.line,
        message: e.to_string(),
    })?;
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
    let quote_affiliation_ids =
        quotes.quotes.iter().map(|q| q.speaker_affiliation.map(|a| actors.id_of(a, &annotations))).collect();
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
        quote_affiliation_ids,
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
    for r in sources.ranges_mut() {
        *r = map.range(r.clone());
    }
}

/// A quote's (`prefix` `q`) or an event's (`e`) id: the prefix, `_` and
/// the first 16 hex digits of SHA-256 of `doc_id:start:end`. The letter
/// prefix keeps spreadsheets from reading the id as a number.
///
/// The key is hashed in pieces (no string built for it) and only the 8
/// bytes shown are written in hex: the same id as
/// `format!("{prefix}_{}", &sha256_hex(format!("{doc_id}:{start}:{end}"))[..16])`
/// (a test holds it to that), at about half the cost a row.
fn row_id(prefix: &str, doc_id: &str, start: usize, end: usize) -> String {
    use sha2::{Digest, Sha256};
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut numbers = (itoa::Buffer::new(), itoa::Buffer::new());
    let mut h = Sha256::new();
    h.update(doc_id.as_bytes());
    h.update(b":");
    h.update(numbers.0.format(start).as_bytes());
    h.update(b":");
    h.update(numbers.1.format(end).as_bytes());
    let digest = h.finalize();
    let mut id = String::with_capacity(prefix.len() + 17);
    id.push_str(prefix);
    id.push('_');
    for &b in &digest[..8] {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 15)]));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The id as it was first written: the key formatted, all of its
    /// SHA-256 in hex, the first 16 digits kept.
    fn row_id_plain(prefix: &str, doc_id: &str, start: usize, end: usize) -> String {
        let key = format!("{doc_id}:{start}:{end}");
        format!("{prefix}_{}", &sha256_hex(key.as_bytes())[..16])
    }

    /// Ids of ASCII and non-ASCII document ids (curly quotes, é, emoji),
    /// short and long (a key past one SHA-256 block), with offsets from 0
    /// to the largest, are the plain ones.
    #[test]
    fn row_ids_are_the_plain_ones() {
        let long = "x".repeat(100);
        let docs =
            ["", "a", "doc-1", "time-2020-taliban-backs-al-qaeda-000000", "“curly”-é-😀", long.as_str()];
        let offsets = [0, 1, 9, 10, 99, 12_345, 1 << 32, usize::MAX];
        for prefix in ["q", "e"] {
            for doc in docs {
                for &start in &offsets {
                    for &end in &offsets {
                        assert_eq!(row_id(prefix, doc, start, end), row_id_plain(prefix, doc, start, end));
                    }
                }
            }
        }
        assert_eq!(row_id("q", "d", 1, 2).len(), "q_".len() + 16);
    }
}

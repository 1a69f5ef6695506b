//! Building an export: read, process in parallel, write in key order,
//! checksum, and move into place atomically.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use corpus_normaliser::{extract_events, extract_quotes, normalise, DatePrecision, QualityFlag};
use corpus_parser::{decode, parse_blocks, read_source, Catalog, CatalogEntry, Gazetteer, Hints};
use rayon::prelude::*;

use crate::actors::{ActorTotals, Actors};
use crate::card::{CardBuilder, CardDocument, CARD_FILE};
use crate::error::{Error, Result};
use crate::package::{datapackage, file_entry, sums, FileEntry, PACKAGE_FILE, SUMS_FILE};
use crate::rows::{sha256_hex, BatchBuilder, Processed};
use crate::schema;
use crate::writers::TableWriter;

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The corpus folder (with `catalog.toml`).
    pub corpus: PathBuf,
    /// The export folder to create or replace.
    pub out: PathBuf,
    /// Documents processed (in parallel) per batch: bounds memory.
    pub batch_documents: usize,
}

impl BuildOptions {
    /// Options with the default batch size.
    pub fn new(corpus: impl Into<PathBuf>, out: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions { corpus: corpus.into(), out: out.into(), batch_documents: 32 }
    }
}

/// What a build reports as it goes (for a progress bar).
#[derive(Debug, Clone)]
pub enum Progress {
    /// The catalog is read: this many documents, this many source bytes.
    Started {
        /// Documents in the catalog.
        documents: usize,
        /// Total size of their source files.
        bytes: u64,
    },
    /// One more document is written.
    Document {
        /// Its source size.
        bytes: u64,
    },
    /// Checksums and data package are being written.
    Finishing,
}

/// What a build made.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Documents exported.
    pub documents: usize,
    /// Source bytes read.
    pub source_bytes: u64,
    /// Rows per table.
    pub rows: Vec<(&'static str, usize)>,
    /// The files of the export, as listed in `SHA256SUMS`.
    pub files: Vec<FileEntry>,
    /// Time per stage.
    pub times: StageTimes,
}

/// Time spent per stage. The per-document stages are summed over all
/// documents (CPU time across threads); `write` and `checksums` are wall
/// time of the writing thread.
#[derive(Debug, Clone, Copy, Default)]
pub struct StageTimes {
    /// Reading source files.
    pub read: Duration,
    /// SHA-256 of sources and texts.
    pub hash: Duration,
    /// Decoding and splitting into blocks.
    pub parse: Duration,
    /// Clean text, segments, offset map, flags.
    pub normalise: Duration,
    /// Mentions and discovery.
    pub mentions: Duration,
    /// Quotes.
    pub quotes: Duration,
    /// Dates and events.
    pub events: Duration,
    /// Building rows and writing CSV and Parquet.
    pub write: Duration,
    /// Hashing the export, data package, SHA256SUMS.
    pub checksums: Duration,
}

impl StageTimes {
    fn add(&mut self, o: &StageTimes) {
        self.read += o.read;
        self.hash += o.hash;
        self.parse += o.parse;
        self.normalise += o.normalise;
        self.mentions += o.mentions;
        self.quotes += o.quotes;
        self.events += o.events;
    }

    /// (stage, time) in pipeline order.
    pub fn stages(&self) -> [(&'static str, Duration); 9] {
        [
            ("read", self.read),
            ("hash", self.hash),
            ("parse", self.parse),
            ("normalise", self.normalise),
            ("mentions", self.mentions),
            ("quotes", self.quotes),
            ("events", self.events),
            ("write", self.write),
            ("checksums", self.checksums),
        ]
    }
}

/// Runs `f`, adding its time to `slot`.
fn timed<T>(slot: &mut Duration, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let out = f();
    *slot += t.elapsed();
    out
}

/// Processes one document: read, hash, decode, parse, normalise, annotate.
pub fn process(actors: &Actors, catalog: &Catalog, entry: &CatalogEntry) -> Result<Processed> {
    let mut times = StageTimes::default();
    let path = catalog.source_path(entry);
    let bytes = timed(&mut times.read, || read_source(&path))?;
    let text = timed(&mut times.parse, || decode(&path, &bytes))?;
    let hints = Hints { title: entry.title.as_deref(), authors: &entry.authors };
    let blocks = timed(&mut times.parse, || parse_blocks(text, &hints));
    let mut doc = timed(&mut times.normalise, || normalise(text, &blocks));
    let annotations = timed(&mut times.mentions, || actors.matcher().annotate(&doc));
    let mention_actor_ids = actors.mention_ids(&annotations);
    let quotes = timed(&mut times.quotes, || extract_quotes(&doc, &annotations, actors.matcher()));
    if quotes.unbalanced > 0 {
        doc.flags.push(QualityFlag::UnbalancedQuoteMarks);
        doc.flags.sort();
    }
    let quote_ids = quotes
        .quotes
        .iter()
        .map(|q| {
            let key = format!("{}:{}:{}", entry.id, q.start, q.end);
            let id = sha256_hex(key.as_bytes())[..16].to_string();
            (id, q.speaker_actor.map(|a| actors.id_of(a, &annotations)))
        })
        .collect();
    let published = entry.published.map(|p| {
        let precision = match p.precision {
            corpus_parser::Precision::Day => DatePrecision::Day,
            corpus_parser::Precision::Month => DatePrecision::Month,
            corpus_parser::Precision::Year => DatePrecision::Year,
        };
        (p.date, precision)
    });
    let events = timed(&mut times.events, || extract_events(&doc, &annotations, published));
    let event_ids = events
        .iter()
        .map(|e| {
            let key = format!("{}:{}:{}", entry.id, e.date_span.0, e.date_span.1);
            let mut ids: Vec<String> = Vec::new();
            for a in &e.actors {
                let id = actors.id_of(*a, &annotations);
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            (sha256_hex(key.as_bytes())[..16].to_string(), ids)
        })
        .collect();
    let (source_sha256, text_sha256) =
        timed(&mut times.hash, || (sha256_hex(&bytes), sha256_hex(doc.text.as_bytes())));
    Ok(Processed {
        entry: entry.clone(),
        source_sha256,
        source_bytes: bytes.len(),
        text_sha256,
        times,
        doc,
        annotations,
        mention_actor_ids,
        quotes,
        quote_ids,
        events,
        event_ids,
    })
}

/// Removes a half-written folder unless the build completed.
struct TempDir {
    path: PathBuf,
    keep: bool,
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// Where the export goes: checks, the lock, and the temporary folder.
struct Target {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    _lock: File,
}

fn output_error(out: &Path, message: impl Into<String>) -> Error {
    Error::Output { path: out.to_path_buf(), message: message.into() }
}

impl Target {
    fn prepare(corpus: &Path, out: &Path) -> Result<Target> {
        let name = out
            .file_name()
            .and_then(|n| n.to_str())
            .filter(|n| !n.starts_with('.'))
            .ok_or_else(|| output_error(out, "give a folder name, such as `exports`"))?
            .to_string();
        if out.exists() && !out.is_dir() {
            return Err(output_error(out, "exists and is not a folder: choose another --out"));
        }
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let real_parent = parent.canonicalize().map_err(|e| Error::io(&parent, e))?;
        let real_corpus = corpus.canonicalize().map_err(|e| Error::io(corpus, e))?;
        if real_parent.join(&name).starts_with(&real_corpus) {
            return Err(output_error(out, "is inside the corpus folder: write the export somewhere else"));
        }
        let lock_path = parent.join(format!(".{name}.lock"));
        let lock = File::create(&lock_path).map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied => {
                output_error(out, format!("the folder {} is not writable", parent.display()))
            }
            _ => Error::io(&lock_path, e),
        })?;
        match lock.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(output_error(
                    out,
                    "another build is writing this export right now: wait for it to finish",
                ));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&lock_path, e)),
        }
        Ok(Target { out: out.to_path_buf(), parent, name, _lock: lock })
    }

    fn temp_dir(&self) -> Result<TempDir> {
        let path = self.parent.join(format!(".{}.tmp-{}", self.name, std::process::id()));
        if path.exists() {
            std::fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
        }
        std::fs::create_dir(&path).map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied => {
                output_error(&self.out, format!("the folder {} is not writable", self.parent.display()))
            }
            _ => Error::io(&path, e),
        })?;
        Ok(TempDir { path, keep: false })
    }

    /// Moves the finished folder into place; the old export is removed
    /// only after the new one is there.
    fn commit(&self, mut tmp: TempDir) -> Result<()> {
        let old = self.parent.join(format!(".{}.old-{}", self.name, std::process::id()));
        let had_old = self.out.exists();
        if had_old {
            std::fs::rename(&self.out, &old).map_err(|e| Error::io(&self.out, e))?;
        }
        if let Err(e) = std::fs::rename(&tmp.path, &self.out) {
            if had_old {
                let _ = std::fs::rename(&old, &self.out);
            }
            return Err(Error::io(&self.out, e));
        }
        tmp.keep = true;
        if had_old {
            std::fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
        }
        Ok(())
    }
}

/// What the writer thread made.
struct Written {
    counts: HashMap<&'static str, usize>,
    card: CardBuilder,
    write: Duration,
}

/// The writer thread: rows of each batch into CSV and Parquet as they
/// come, then the actors table (the one global total) at the end.
fn write_tables(
    dir: &Path,
    actors: &Actors,
    rx: std::sync::mpsc::Receiver<Vec<Processed>>,
) -> Result<Written> {
    let streamed =
        [schema::documents(), schema::segments(), schema::mentions(), schema::quotes(), schema::events()];
    let mut writers = Vec::new();
    let mut builders = Vec::new();
    for t in &streamed {
        writers.push(TableWriter::create(dir, t.clone())?);
        builders.push(BatchBuilder::new(t.clone()));
    }
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    let mut card = CardBuilder::default();
    let mut totals = ActorTotals::default();
    let mut write = Duration::ZERO;
    for batch in rx {
        let start = Instant::now();
        for p in &batch {
            builders[0].push(&p.document_row())?;
            for row in p.segment_rows() {
                builders[1].push(&row)?;
            }
            for row in p.mention_rows() {
                builders[2].push(&row)?;
            }
            for row in p.quote_rows() {
                builders[3].push(&row)?;
            }
            for row in p.event_rows() {
                builders[4].push(&row)?;
            }
            totals.add(actors, &p.annotations, &p.mention_actor_ids);
            card.add(card_document(p));
        }
        for (b, w) in builders.iter_mut().zip(writers.iter_mut()) {
            *counts.entry(w.name()).or_default() += b.rows();
            w.write(&b.finish()?)?;
        }
        write += start.elapsed();
    }
    let start = Instant::now();
    for w in writers {
        w.finish()?;
    }
    let mut actor_writer = TableWriter::create(dir, schema::actors())?;
    let mut actor_rows = BatchBuilder::new(schema::actors());
    for row in totals.rows(actors) {
        actor_rows.push(&row)?;
    }
    counts.insert("actors", actor_rows.rows());
    actor_writer.write(&actor_rows.finish()?)?;
    actor_writer.finish()?;
    write += start.elapsed();
    Ok(Written { counts, card, write })
}

/// Builds the export of `opts.corpus` into `opts.out`. The export is
/// written to a temporary folder beside `out` and moved into place only
/// when complete, so a failed build leaves the previous export intact.
pub fn build(opts: &BuildOptions, progress: &mut dyn FnMut(Progress)) -> Result<Summary> {
    let catalog = Catalog::load(&opts.corpus)?;
    let actors = Actors::new(Gazetteer::load(&opts.corpus)?);
    let target = Target::prepare(&opts.corpus, &opts.out)?;
    let tmp = target.temp_dir()?;

    let mut entries: Vec<&CatalogEntry> = catalog.documents.iter().collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let bytes: u64 =
        entries.iter().map(|e| std::fs::metadata(catalog.source_path(e)).map_or(0, |m| m.len())).sum();
    progress(Progress::Started { documents: entries.len(), bytes });

    let tables = schema::tables();
    // Streamed tables: documents, segments, mentions. Actors come last.
    // Documents are processed a batch at a time on all cores while a
    // writer thread turns the previous batch into rows: output order is
    // the key order of `entries`, whatever the thread count.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Processed>>(1);
    let mut source_bytes = 0u64;
    let mut cpu = StageTimes::default();
    let written = std::thread::scope(|scope| -> Result<Written> {
        let writer = scope.spawn(|| write_tables(&tmp.path, &actors, rx));
        for chunk in entries.chunks(opts.batch_documents.max(1)) {
            let processed: Result<Vec<Processed>> =
                chunk.par_iter().map(|e| process(&actors, &catalog, e)).collect();
            let processed = match processed {
                Ok(p) => p,
                Err(e) => {
                    drop(tx);
                    let _ = writer.join();
                    return Err(e);
                }
            };
            for p in &processed {
                cpu.add(&p.times);
                source_bytes += p.source_bytes as u64;
                progress(Progress::Document { bytes: p.source_bytes as u64 });
            }
            if tx.send(processed).is_err() {
                break; // the writer failed: its error is returned below
            }
        }
        drop(tx);
        writer.join().map_err(|_| output_error(&opts.out, "the writer thread panicked"))?
    })?;
    let Written { counts, card, write: write_time } = written;
    let mut times = cpu;
    times.write = write_time;
    progress(Progress::Finishing);
    let checksum_start = Instant::now();

    let mut table_files = Vec::new();
    for t in &tables {
        let csv = file_entry(&tmp.path, &format!("{}.csv", t.name))?;
        let parquet = file_entry(&tmp.path, &format!("{}.parquet", t.name))?;
        table_files.push((t.clone(), csv, parquet));
    }
    let row_counts: Vec<(schema::Table, usize)> =
        tables.iter().map(|t| (t.clone(), counts.get(t.name).copied().unwrap_or(0))).collect();
    write(&tmp.path.join(CARD_FILE), card.render(&catalog.meta, &row_counts).as_bytes())?;
    let card_entry = file_entry(&tmp.path, CARD_FILE)?;
    let package = datapackage(&catalog.meta, &table_files, std::slice::from_ref(&card_entry));
    write(&tmp.path.join(PACKAGE_FILE), package.as_bytes())?;
    let mut files: Vec<FileEntry> = table_files.iter().flat_map(|(_, c, p)| [c.clone(), p.clone()]).collect();
    files.push(card_entry);
    files.push(file_entry(&tmp.path, PACKAGE_FILE)?);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    write(&tmp.path.join(SUMS_FILE), sums(&files).as_bytes())?;

    target.commit(tmp)?;
    times.checksums = checksum_start.elapsed();
    Ok(Summary {
        documents: entries.len(),
        source_bytes,
        rows: row_counts.iter().map(|(t, n)| (t.name, *n)).collect(),
        files,
        times,
    })
}

fn card_document(p: &Processed) -> CardDocument {
    let e = &p.entry;
    let date = match e.published {
        Some(d) => {
            let shown = match d.precision {
                corpus_parser::Precision::Day => d.date.to_string(),
                corpus_parser::Precision::Month => d.date.strftime("%Y-%m").to_string(),
                corpus_parser::Precision::Year => d.date.year().to_string(),
            };
            let inferred = if e.date_inferred { ", inferred" } else { "" };
            format!("{shown} ({}{inferred})", d.precision.as_str())
        }
        None => "unknown".to_string(),
    };
    CardDocument {
        id: e.id.clone(),
        title: e.title.clone().unwrap_or_else(|| "(unknown)".into()),
        publisher: e.publisher.clone().unwrap_or_else(|| "(unknown)".into()),
        date,
        licence: e.licence.clone().unwrap_or_else(|| "none stated".into()),
        flags: p.doc.flags.iter().map(|f| f.as_str()).collect(),
        words: p.doc.words,
    }
}

fn write(path: &Path, data: &[u8]) -> Result<()> {
    std::fs::write(path, data).map_err(|e| Error::io(path, e))
}

/// Checks a corpus without exporting: the catalog, and every source
/// decodes and parses. Returns the processed documents' ids and their
/// quality flags.
pub fn check(corpus: &Path) -> Result<Vec<Processed>> {
    let catalog = Catalog::load(corpus)?;
    let actors = Actors::new(Gazetteer::load(corpus)?);
    catalog.documents.par_iter().map(|e| process(&actors, &catalog, e)).collect()
}

//! Building an export: read, process in parallel, write in key order,
//! checksum, and move into place atomically.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use corpus_normaliser::{extract_events, extract_quotes, normalise, DatePrecision, QualityFlag};
use corpus_parser::{
    parse_source, read_source, Catalog, CatalogEntry, CatalogIndex, CorpusMeta, Gazetteer, Hints,
    IndexedDocument,
};
use rayon::prelude::*;

use crate::actors::{ActorTotals, Actors};
use crate::card::{CardBuilder, CardDocument, CARD_FILE};
use crate::error::{Error, Result};
use crate::package::{datapackage, file_entry, sums, FileEntry, PACKAGE_FILE, SUMS_FILE};
use crate::rows::{sha256_hex, BatchBuilder, Processed, Sources};
use crate::schema;
use crate::shard::{inputs_fingerprint, PartActor, PartManifest, Shard, PART_FILE};
use crate::writers::TableWriter;

/// What to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The corpus folder (with `catalog.toml`).
    pub corpus: PathBuf,
    /// The export folder to create or replace.
    pub out: PathBuf,
    /// Documents handed to the writer at a time; up to twice as many are
    /// processed or waiting at once, which bounds memory.
    pub batch_documents: usize,
    /// Build only this shard's documents, as a part for `merge`.
    pub shard: Option<Shard>,
}

impl BuildOptions {
    /// Options with the default batch size.
    pub fn new(corpus: impl Into<PathBuf>, out: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions { corpus: corpus.into(), out: out.into(), batch_documents: 8, shard: None }
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
    /// One more document is written (a build).
    Document {
        /// Its source size.
        bytes: u64,
    },
    /// A merge starts on a table (a merge reports rows, not documents).
    Table {
        /// The table.
        name: &'static str,
        /// The rows it will go through: the table's rows in the parts,
        /// once for each round of a merge of many parts and once more for
        /// the export.
        rows: u64,
    },
    /// A merge went through this many more rows of its table.
    Rows {
        /// How many.
        rows: u64,
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
    /// Building rows and writing CSV and Parquet (the table files are
    /// hashed as they are written, so their hashing counts here).
    pub write: Duration,
    /// The data card, data package and SHA256SUMS, and moving the export
    /// into place.
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

/// Processes one document of the corpus in folder `root`: read, hash,
/// decode, parse, normalise, annotate.
pub fn process(actors: &Actors, root: &Path, entry: &CatalogEntry) -> Result<Processed> {
    let mut times = StageTimes::default();
    let path = root.join(&entry.file);
    let bytes = timed(&mut times.read, || read_source(&path))?;
    let hints = Hints { title: entry.title.as_deref(), authors: &entry.authors };
    let parsed = timed(&mut times.parse, || parse_source(&path, &bytes, entry.encoding.as_deref(), &hints))?;
    let mut doc = timed(&mut times.normalise, || normalise(&parsed.text, &parsed.blocks));
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
            // A letter prefix: no spreadsheet reads the id as a number.
            let id = format!("q_{}", &sha256_hex(key.as_bytes())[..16]);
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
            (format!("e_{}", &sha256_hex(key.as_bytes())[..16]), ids)
        })
        .collect();
    let (source_sha256, text_sha256) =
        timed(&mut times.hash, || (sha256_hex(&bytes), sha256_hex(doc.text.as_bytes())));
    let mut sources = Sources::of(&doc, &annotations, &quotes, &events);
    crate::rows::to_file_offsets(&parsed.map, &mut doc, &mut sources);
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

/// Removes a half-written folder unless the build completed.
pub(crate) struct TempDir {
    pub(crate) path: PathBuf,
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
pub(crate) struct Target {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    _lock: File,
}

fn output_error(out: &Path, message: impl Into<String>) -> Error {
    Error::Output { path: out.to_path_buf(), message: message.into() }
}

impl Target {
    /// `inputs`: folders the build reads (the corpus, or the parts of a
    /// merge), with what they are called: the output may neither be
    /// inside one nor contain one, since replacing it would lose them.
    pub(crate) fn prepare(out: &Path, inputs: &[(&Path, &str)]) -> Result<Target> {
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
        let real_out = parent.canonicalize().map_err(|e| Error::io(&parent, e))?.join(&name);
        for (input, what) in inputs {
            let real_input = input.canonicalize().map_err(|e| Error::io(input, e))?;
            if real_out.starts_with(&real_input) {
                return Err(output_error(out, format!("is inside the {what}: write it somewhere else")));
            }
            if real_input.starts_with(&real_out) {
                return Err(output_error(
                    out,
                    format!("contains the {what} {}: write it somewhere else", input.display()),
                ));
            }
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

    pub(crate) fn temp_dir(&self) -> Result<TempDir> {
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
    /// only after the new one is there. Where the system can swap two
    /// folders in one step, a reader sees the old export or the new one,
    /// never neither; elsewhere the folder is absent for the instant
    /// between two renames.
    pub(crate) fn commit(&self, mut tmp: TempDir) -> Result<()> {
        if self.out.is_dir() && exchange(&tmp.path, &self.out) {
            // The temporary folder now holds the old export.
            tmp.keep = true;
            return std::fs::remove_dir_all(&tmp.path).map_err(|e| Error::io(&tmp.path, e));
        }
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

/// Swaps two existing folders atomically (renameat2 with RENAME_EXCHANGE
/// on Linux, renameatx_np on macOS); false if the system or the file
/// system cannot, and nothing moved.
#[cfg(any(target_os = "linux", target_os = "macos"))]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn exchange(_: &Path, _: &Path) -> bool {
    false
}

/// What the writer thread made.
struct Written {
    counts: HashMap<&'static str, usize>,
    files: TableFiles,
    card: CardBuilder,
    write: Duration,
    discovered: BTreeMap<String, PartActor>,
}

/// Rows of one table on their way to its writer: handed over in batches
/// of exactly the writer's call size (see [`TableWriter`]), straight from
/// the builder, so no rows are copied twice.
struct Sink {
    builder: BatchBuilder,
    writer: TableWriter,
    rows: usize,
}

impl Sink {
    fn create(dir: &Path, table: schema::Table) -> Result<Sink> {
        Ok(Sink {
            builder: BatchBuilder::new(table.clone()),
            writer: TableWriter::create(dir, table)?,
            rows: 0,
        })
    }

    fn push(&mut self, row: &[crate::rows::Value<'_>]) -> Result<()> {
        self.builder.push(row)?;
        self.rows += 1;
        if self.builder.rows() == self.writer.call_rows() {
            self.writer.write(&self.builder.finish()?)?;
        }
        Ok(())
    }

    /// Writes the last rows and closes the files; returns the table's
    /// name, rows and files.
    fn finish(mut self) -> Result<(&'static str, usize, [FileEntry; 2])> {
        if self.builder.rows() > 0 {
            self.writer.write(&self.builder.finish()?)?;
        }
        let name = self.writer.name();
        let files = self.writer.finish()?;
        Ok((name, self.rows, files))
    }
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
    let mut sinks = Vec::new();
    for t in &streamed {
        sinks.push(Sink::create(dir, t.clone())?);
    }
    let mut card = CardBuilder::default();
    let mut totals = ActorTotals::default();
    let mut write = Duration::ZERO;
    for batch in rx {
        let start = Instant::now();
        for p in &batch {
            sinks[0].push(&p.document_row())?;
            for row in p.segment_rows() {
                sinks[1].push(&row)?;
            }
            for row in p.mention_rows() {
                sinks[2].push(&row)?;
            }
            for row in p.quote_rows() {
                sinks[3].push(&row)?;
            }
            for row in p.event_rows() {
                sinks[4].push(&row)?;
            }
            totals.add(actors, &p.entry.id, &p.annotations, &p.mention_actor_ids);
            card.add(card_document(p));
        }
        write += start.elapsed();
    }
    let start = Instant::now();
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    let mut files = TableFiles::new();
    for sink in sinks {
        let (name, rows, entries) = sink.finish()?;
        counts.insert(name, rows);
        files.insert(name, entries);
    }
    let mut actor_writer = TableWriter::create(dir, schema::actors())?;
    let mut actor_rows = BatchBuilder::new(schema::actors());
    for row in totals.rows(actors) {
        actor_rows.push(&row)?;
    }
    counts.insert("actors", actor_rows.rows());
    actor_writer.write(&actor_rows.finish()?)?;
    files.insert("actors", actor_writer.finish()?);
    write += start.elapsed();
    Ok(Written { counts, files, card, write, discovered: totals.part_actors() })
}

/// Builds the export of `opts.corpus` into `opts.out`. The export is
/// written to a temporary folder beside `out` and moved into place only
/// when complete, so a failed build leaves the previous export intact.
pub fn build(opts: &BuildOptions, progress: &mut dyn FnMut(Progress)) -> Result<Summary> {
    let catalog = CatalogIndex::load(&opts.corpus)?;
    let actors = Actors::new(Gazetteer::load(&opts.corpus)?);
    let inputs_sha256 = match opts.shard {
        Some(_) => Some(inputs_fingerprint(&opts.corpus)?),
        None => None,
    };
    let target = Target::prepare(&opts.out, &[(&opts.corpus, "corpus folder")])?;
    let tmp = target.temp_dir()?;

    let mut entries: Vec<&IndexedDocument> =
        catalog.documents.iter().filter(|e| opts.shard.is_none_or(|s| s.contains(&e.id))).collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let bytes: u64 = entries.iter().map(|e| e.source_bytes).sum();
    progress(Progress::Started { documents: entries.len(), bytes });

    // Documents are processed on all cores, up to `window` at a time, in
    // any order; this thread puts them back in key order and hands them
    // to the writer thread a batch at a time, so the output does not
    // depend on the thread count and no core waits for the slowest
    // document of a batch.
    let batch_size = opts.batch_documents.max(1);
    let window = 2 * batch_size;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Processed>>(1);
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Result<Processed>)>();
    let cancel = AtomicBool::new(false);
    let mut source_bytes = 0u64;
    let mut cpu = StageTimes::default();
    let written = std::thread::scope(|scope| -> Result<Written> {
        let writer = scope.spawn(|| write_tables(&tmp.path, &actors, rx));
        let processed = rayon::in_place_scope(|pool| -> Result<()> {
            let (mut next_spawn, mut next_emit) = (0, 0);
            let mut ready: BTreeMap<usize, Result<Processed>> = BTreeMap::new();
            let mut batch = Vec::with_capacity(batch_size);
            while next_emit < entries.len() {
                while next_spawn < entries.len() && next_spawn - next_emit < window {
                    let (k, entry, done) = (next_spawn, entries[next_spawn], done_tx.clone());
                    let (actors, catalog, cancel) = (&actors, &catalog, &cancel);
                    pool.spawn(move |_| {
                        let result = if cancel.load(Ordering::Relaxed) {
                            Err(output_error(Path::new(""), "cancelled"))
                        } else {
                            // The entry is read again from the catalog
                            // (the build keeps only its index). A panic is
                            // a bug; reported as an error of this document
                            // rather than a hung build.
                            catalog.entry(entry).map_err(Error::from).and_then(|entry| {
                                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                    // The offset map (8 bytes a character)
                                    // has served: the rows need only the
                                    // ranges in `sources`.
                                    process(actors, &catalog.root, &entry).map(|mut p| {
                                        p.doc.map = Default::default();
                                        p
                                    })
                                }))
                                .unwrap_or_else(|_| Err(Error::Bug { path: catalog.source_path(&entry) }))
                            })
                        };
                        let _ = done.send((k, result));
                    });
                    next_spawn += 1;
                }
                let Ok((k, result)) = done_rx.recv() else { break };
                ready.insert(k, result);
                while let Some(result) = ready.remove(&next_emit) {
                    let p = match result {
                        Ok(p) => p,
                        Err(e) => {
                            // The first failure in key order is the one reported.
                            cancel.store(true, Ordering::Relaxed);
                            return Err(e);
                        }
                    };
                    cpu.add(&p.times);
                    source_bytes += p.source_bytes as u64;
                    progress(Progress::Document { bytes: p.source_bytes as u64 });
                    batch.push(p);
                    next_emit += 1;
                    if batch.len() == batch_size && tx.send(std::mem::take(&mut batch)).is_err() {
                        cancel.store(true, Ordering::Relaxed);
                        return Ok(()); // the writer failed: its error is returned below
                    }
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
            Ok(())
        });
        drop(tx);
        let written = writer.join().map_err(|_| output_error(&opts.out, "the writer thread panicked"))?;
        processed?;
        written
    })?;
    let Written { counts, files: table_files, card, write: write_time, discovered } = written;
    let mut times = cpu;
    times.write = write_time;
    progress(Progress::Finishing);
    let checksum_start = Instant::now();
    let part = match (opts.shard, inputs_sha256) {
        (Some(shard), Some(inputs_sha256)) => Some(PartManifest {
            shard,
            version: env!("CARGO_PKG_VERSION").to_string(),
            inputs_sha256,
            meta: catalog.meta.clone(),
            documents: entries.len(),
            discovered,
        }),
        _ => None,
    };
    let (rows, files) = finish_folder(&tmp.path, &catalog.meta, &counts, &table_files, &card, part.as_ref())?;
    target.commit(tmp)?;
    times.checksums = checksum_start.elapsed();
    Ok(Summary { documents: entries.len(), source_bytes, rows, files, times })
}

/// Rows per table, in table order.
pub(crate) type RowCounts = Vec<(&'static str, usize)>;

/// Each table's files (CSV, Parquet), hashed as they were written.
pub(crate) type TableFiles = HashMap<&'static str, [FileEntry; 2]>;

/// Writes the card, the data package, `PART.json` for a part, and
/// `SHA256SUMS` into a folder whose tables are written; returns the rows
/// per table and the files listed in `SHA256SUMS`.
pub(crate) fn finish_folder(
    dir: &Path,
    meta: &CorpusMeta,
    counts: &HashMap<&'static str, usize>,
    written: &TableFiles,
    card: &CardBuilder,
    part: Option<&PartManifest>,
) -> Result<(RowCounts, Vec<FileEntry>)> {
    let tables = schema::tables();
    let table_files = tables
        .iter()
        .map(|t| match written.get(t.name) {
            Some([csv, parquet]) => Ok((t.clone(), csv.clone(), parquet.clone())),
            None => Err(output_error(dir, format!("the {} table was not written", t.name))),
        })
        .collect::<Result<Vec<_>>>()?;
    let row_counts: Vec<(schema::Table, usize)> =
        tables.iter().map(|t| (t.clone(), counts.get(t.name).copied().unwrap_or(0))).collect();
    write(&dir.join(CARD_FILE), card.render(meta, &row_counts).as_bytes())?;
    let card_entry = file_entry(dir, CARD_FILE)?;
    let package = datapackage(meta, &table_files, std::slice::from_ref(&card_entry));
    write(&dir.join(PACKAGE_FILE), package.as_bytes())?;
    let mut files: Vec<FileEntry> = table_files.iter().flat_map(|(_, c, p)| [c.clone(), p.clone()]).collect();
    files.push(card_entry);
    files.push(file_entry(dir, PACKAGE_FILE)?);
    if let Some(part) = part {
        write(&dir.join(PART_FILE), part.to_json().as_bytes())?;
        files.push(file_entry(dir, PART_FILE)?);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    write(&dir.join(SUMS_FILE), sums(&files).as_bytes())?;
    Ok((row_counts.iter().map(|(t, n)| (t.name, *n)).collect(), files))
}

fn card_document(p: &Processed) -> CardDocument {
    let e = &p.entry;
    CardDocument::new(
        &e.id,
        e.title.as_deref(),
        e.publisher.as_deref(),
        e.published.map(|d| (d.date, d.precision.as_str())),
        e.date_inferred,
        e.licence.as_deref(),
        p.doc.flags.iter().map(|f| f.as_str().to_string()).collect(),
        p.doc.words,
    )
}

pub(crate) fn write(path: &Path, data: &[u8]) -> Result<()> {
    std::fs::write(path, data).map_err(|e| Error::io(path, e))
}

/// Checks a corpus without exporting: the catalog, and every source
/// decodes and parses. Returns the processed documents' ids and their
/// quality flags.
pub fn check(corpus: &Path) -> Result<Vec<Processed>> {
    let catalog = Catalog::load(corpus)?;
    let actors = Actors::new(Gazetteer::load(corpus)?);
    catalog.documents.par_iter().map(|e| process(&actors, &catalog.root, e)).collect()
}

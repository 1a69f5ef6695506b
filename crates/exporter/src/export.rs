//! Building an export: read, process in parallel, write in key order,
//! checksum, and move into place atomically.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use corpus_parser::{Catalog, CatalogIndex, Gazetteer, IndexedDocument};
use rayon::prelude::*;

use crate::actors::{ActorTotals, Actors};
use crate::batch::{BatchBuilder, Value};
use crate::card::{CardBuilder, CardDocument};
use crate::digest::FileEntry;
use crate::error::{Error, Result};
use crate::finish::{finish_folder, TableFiles};
use crate::process::{process, Processed};
use crate::report::{Progress, StageTimes, Summary};
use crate::schema;
use crate::shard::{inputs_fingerprint, PartActor, PartManifest, Shard};
use crate::target::{output_error, Target};
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
    /// Replace `out` even if it is not an export of this tool (or empty).
    pub force: bool,
}

impl BuildOptions {
    /// Options with the default batch size.
    pub fn new(corpus: impl Into<PathBuf>, out: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions { corpus: corpus.into(), out: out.into(), batch_documents: 8, shard: None, force: false }
    }
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

    fn push(&mut self, row: &[Value<'_>]) -> Result<()> {
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

/// One document of a build, on a worker thread: the entry is read again
/// from the catalog (the build keeps only its index), then processed. A
/// panic is a bug, reported as an error of this document rather than a
/// hung build.
fn process_job(
    actors: &Actors,
    catalog: &CatalogIndex,
    entry: &IndexedDocument,
    cancel: &AtomicBool,
) -> Result<Processed> {
    if cancel.load(Ordering::Relaxed) {
        return Err(output_error(Path::new(""), "cancelled"));
    }
    let entry = catalog.entry(entry)?;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // The offset map (8 bytes a character) has served: the rows need
        // only the ranges in `sources`.
        process(actors, &catalog.root, &entry).map(|mut p| {
            p.doc.map = Default::default();
            p
        })
    }))
    .unwrap_or_else(|_| Err(Error::Bug { path: catalog.source_path(&entry) }))
}

/// Processes `entries` on all cores, up to `window` (twice a batch) at a
/// time, in any order; puts them back in key order and hands them to the
/// writer thread (`tx`) a batch at a time, so the output does not depend
/// on the thread count and no core waits for the slowest document of a
/// batch. `on_document` sees each document as it is handed over.
fn process_in_order(
    entries: &[&IndexedDocument],
    actors: &Actors,
    catalog: &CatalogIndex,
    batch_size: usize,
    tx: &std::sync::mpsc::SyncSender<Vec<Processed>>,
    on_document: &mut dyn FnMut(&Processed),
) -> Result<()> {
    let window = 2 * batch_size;
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Result<Processed>)>();
    let cancel = AtomicBool::new(false);
    rayon::in_place_scope(|pool| -> Result<()> {
        let (mut next_spawn, mut next_emit) = (0, 0);
        let mut ready: BTreeMap<usize, Result<Processed>> = BTreeMap::new();
        let mut batch = Vec::with_capacity(batch_size);
        while next_emit < entries.len() {
            while next_spawn < entries.len() && next_spawn - next_emit < window {
                let (k, entry, done) = (next_spawn, entries[next_spawn], done_tx.clone());
                let (actors, catalog, cancel) = (&actors, &catalog, &cancel);
                pool.spawn(move |_| {
                    let _ = done.send((k, process_job(actors, catalog, entry, cancel)));
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
                on_document(&p);
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
    })
}

/// Builds the export of `opts.corpus` into `opts.out`. The export is
/// written to a temporary folder beside `out` and moved into place only
/// when complete, so a failed build leaves the previous export intact.
pub fn build(opts: &BuildOptions, progress: &mut dyn FnMut(Progress)) -> Result<Summary> {
    let catalog = CatalogIndex::load(&opts.corpus)?;
    let (gazetteer, gazetteer_snapshot) = Gazetteer::load_snapshot(&opts.corpus)?;
    let actors = Actors::new(gazetteer);
    let inputs_sha256 = match opts.shard {
        Some(_) => Some(inputs_fingerprint(&opts.corpus)?),
        None => None,
    };
    let target = Target::prepare(&opts.out, &[(&opts.corpus, "corpus folder")], opts.force)?;
    let tmp = target.temp_dir()?;

    let mut entries: Vec<&IndexedDocument> =
        catalog.documents.iter().filter(|e| opts.shard.is_none_or(|s| s.contains(&e.id))).collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let bytes: u64 = entries.iter().map(|e| e.source_bytes).sum();
    progress(Progress::Started { documents: entries.len(), bytes });

    let batch_size = opts.batch_documents.max(1);
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Processed>>(1);
    let mut source_bytes = 0u64;
    let mut cpu = StageTimes::default();
    let written = std::thread::scope(|scope| -> Result<Written> {
        let writer = scope.spawn(|| write_tables(&tmp.path, &actors, rx));
        let processed = process_in_order(&entries, &actors, &catalog, batch_size, &tx, &mut |p| {
            cpu.add(&p.times);
            source_bytes += p.source_bytes as u64;
            progress(Progress::Document { bytes: p.source_bytes as u64 });
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
    let part = opts.shard.zip(inputs_sha256).map(|(shard, inputs_sha256)| PartManifest {
        shard,
        version: env!("CARGO_PKG_VERSION").to_string(),
        inputs_sha256,
        meta: catalog.meta.clone(),
        documents: entries.len(),
        discovered,
    });
    let (rows, files) = finish_folder(&tmp.path, &catalog.meta, &counts, &table_files, &card, part.as_ref())?;
    // The build used the catalog and gazetteer as first read: if either
    // file changed since, the export may be of neither version.
    catalog.snapshot().unchanged()?;
    gazetteer_snapshot.unchanged()?;
    let warnings = target.commit(tmp)?;
    times.checksums = checksum_start.elapsed();
    Ok(Summary { documents: entries.len(), source_bytes, rows, files, times, warnings })
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

/// Checks a corpus without exporting: the catalog, and every source
/// decodes and parses. Returns the processed documents' ids and their
/// quality flags.
pub fn check(corpus: &Path) -> Result<Vec<Processed>> {
    let catalog = Catalog::load(corpus)?;
    let actors = Actors::new(Gazetteer::load(corpus)?);
    catalog.documents.par_iter().map(|e| process(&actors, &catalog.root, e)).collect()
}

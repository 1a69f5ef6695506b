//! Building an export: read, process in parallel, write in key order,
//! checksum, and move into place atomically.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use corpus_parser::{Catalog, CatalogIndex, Gazetteer, IndexedDocument};
use rayon::prelude::*;

use crate::actors::{ActorTotals, Actors};
use crate::batch::BatchBuilder;
use crate::card::{CardBuilder, CardDocument};
use crate::encode::{encode_document, open_table, Encoding, Pieces, Streamed, TableFile};
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
    actor_rows: usize,
    files: TableFiles,
    card: CardBuilder,
    /// The writer thread's busy time (not its waits).
    write: Duration,
    /// Workers' time encoding row groups.
    encode: Duration,
    discovered: BTreeMap<String, PartActor>,
}

/// A processed document and its encoded rows.
struct Encoded {
    /// The document, without the data of its rows (see [`shed_rows`]).
    processed: Processed,
    pieces: Pieces,
}

/// What the writer thread appends for one document, in key order: the
/// CSV bytes of each streamed table, the row groups the document
/// completed, and the document for the card and the actor totals.
struct Message {
    csv: Vec<Vec<u8>>,
    row_groups: Vec<(usize, Encoding)>,
    processed: Option<Processed>,
}

/// The writer thread: appends what the workers encoded, in key order,
/// hashing as it goes; then the actors table (the one global total).
fn write_tables(
    dir: &Path,
    actors: &Actors,
    mut tables: Vec<TableFile>,
    rx: std::sync::mpsc::Receiver<Vec<Message>>,
) -> Result<Written> {
    let mut card = CardBuilder::default();
    let mut totals = ActorTotals::default();
    let (mut write, mut encode) = (Duration::ZERO, Duration::ZERO);
    for batch in rx {
        for m in batch {
            let start = Instant::now();
            for (file, bytes) in tables.iter_mut().zip(&m.csv) {
                file.append_csv(bytes)?;
            }
            write += start.elapsed();
            for (k, group) in m.row_groups {
                // Waiting for a worker is not the writer's own time.
                let (chunks, took) =
                    group.recv().map_err(|_| output_error(dir, "a Parquet encoding job panicked"))??;
                encode += took;
                let start = Instant::now();
                match tables.get_mut(k) {
                    Some(file) => file.append_row_group(chunks)?,
                    None => return Err(output_error(dir, "a row group of no table")),
                }
                write += start.elapsed();
            }
            if let Some(p) = m.processed {
                let start = Instant::now();
                totals.add(actors, &p.entry.id, &p.annotations, &p.mention_actor_ids);
                card.add(card_document(&p));
                write += start.elapsed();
            }
        }
    }
    let start = Instant::now();
    let mut files = TableFiles::new();
    for file in tables {
        files.insert(file.name, file.finish()?);
    }
    let actors_def = schema::actors_def();
    let mut actor_writer = TableWriter::create(dir, actors_def.table.clone())?;
    let mut rows = BatchBuilder::new(actors_def.table.clone());
    rows.push_rows(&actors_def, totals.rows(actors).as_slice())?;
    let actor_rows = rows.rows();
    actor_writer.write(&rows.finish()?)?;
    files.insert("actors", actor_writer.finish()?);
    write += start.elapsed();
    Ok(Written { actor_rows, files, card, write, encode, discovered: totals.part_actors() })
}

/// One document of a build, on a worker thread: the entry is read again
/// from the catalog (the build keeps only its index), processed, and its
/// rows encoded. A panic is a bug, reported as an error of this document
/// rather than a hung build.
fn process_job(
    actors: &Actors,
    catalog: &CatalogIndex,
    streamed: &Streamed,
    entry: &IndexedDocument,
    cancel: &AtomicBool,
) -> Result<Encoded> {
    if cancel.load(Ordering::Relaxed) {
        return Err(output_error(Path::new(""), "cancelled"));
    }
    let entry = catalog.entry(entry)?;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut p = process(actors, &catalog.root, &entry)?;
        // The offset map (8 bytes a character) has served: the rows need
        // only the ranges in `sources`.
        p.doc.map = Default::default();
        let start = Instant::now();
        let pieces = encode_document(&p, streamed)?;
        p.times.encode += start.elapsed();
        shed_rows(&mut p);
        Ok(Encoded { processed: p, pieces })
    }))
    .unwrap_or_else(|_| Err(Error::Bug { path: catalog.source_path(&entry) }))
}

/// Drops what only the rows needed, once they are encoded: the writer
/// thread keeps a document for its card entry and actor totals only.
fn shed_rows(p: &mut Processed) {
    p.doc.text = String::new();
    p.doc.segments = Vec::new();
    p.annotations.mentions = Vec::new();
    p.quotes.quotes = Vec::new();
    p.quote_ids = Vec::new();
    p.events = Vec::new();
    p.event_ids = Vec::new();
    p.sources = Default::default();
}

/// Processes `entries` on all cores, up to `window` at a time, in any
/// order; puts them back in key order and hands them to `emit`, so the
/// output does not depend on the thread count and no core waits for the
/// slowest document of a batch. `emit` returns false to stop (the writer
/// is gone).
fn process_in_order(
    entries: &[&IndexedDocument],
    actors: &Actors,
    catalog: &CatalogIndex,
    streamed: &Streamed,
    window: usize,
    emit: &mut dyn FnMut(Encoded) -> Result<bool>,
) -> Result<()> {
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Result<Encoded>)>();
    let cancel = AtomicBool::new(false);
    rayon::in_place_scope(|pool| -> Result<()> {
        let (mut next_spawn, mut next_emit) = (0, 0);
        let mut ready: BTreeMap<usize, Result<Encoded>> = BTreeMap::new();
        while next_emit < entries.len() {
            while next_spawn < entries.len() && next_spawn - next_emit < window {
                let (k, entry, done) = (next_spawn, entries[next_spawn], done_tx.clone());
                let (actors, catalog, streamed, cancel) = (&actors, &catalog, &streamed, &cancel);
                pool.spawn(move |_| {
                    let _ = done.send((k, process_job(actors, catalog, streamed, entry, cancel)));
                });
                next_spawn += 1;
            }
            let Ok((k, result)) = done_rx.recv() else { break };
            ready.insert(k, result);
            while let Some(result) = ready.remove(&next_emit) {
                // The first failure in key order is the one reported.
                let go_on =
                    result.and_then(&mut *emit).inspect_err(|_| cancel.store(true, Ordering::Relaxed))?;
                if !go_on {
                    cancel.store(true, Ordering::Relaxed);
                    return Ok(()); // the writer failed: its error is returned by the caller
                }
                next_emit += 1;
            }
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
    let inputs_sha256 = opts.shard.map(|_| inputs_fingerprint(&opts.corpus)).transpose()?;
    let target = Target::prepare(&opts.out, &[(&opts.corpus, "corpus folder")], opts.force)?;
    let tmp = target.temp_dir()?;

    let mut entries: Vec<&IndexedDocument> =
        catalog.documents.iter().filter(|e| opts.shard.is_none_or(|s| s.contains(&e.id))).collect();
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    let bytes: u64 = entries.iter().map(|e| e.source_bytes).sum();
    progress(Progress::Started { documents: entries.len(), bytes });

    let batch_size = opts.batch_documents.max(1);
    let streamed = Streamed::new();
    let (files, mut groups): (Vec<_>, Vec<_>) = streamed
        .tables()
        .zip(&streamed.schemas)
        .map(|(table, schema)| open_table(&tmp.path, table, schema))
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .unzip();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Message>>(1);
    let mut source_bytes = 0u64;
    let mut cpu = StageTimes::default();
    let written = std::thread::scope(|scope| -> Result<Written> {
        let writer = scope.spawn(|| write_tables(&tmp.path, &actors, files, rx));
        let mut batch = Vec::with_capacity(batch_size);
        let processed = process_in_order(&entries, &actors, &catalog, &streamed, 2 * batch_size, &mut |e| {
            let Encoded { processed: p, pieces } = e;
            cpu.add(&p.times);
            source_bytes += p.source_bytes as u64;
            progress(Progress::Document { bytes: p.source_bytes as u64 });
            let mut row_groups = Vec::new();
            for (k, (cutter, rows)) in groups.iter_mut().zip(pieces.batches).enumerate() {
                let mut done = Vec::new();
                cutter.push(rows, &mut done)?;
                row_groups.extend(done.into_iter().map(|g| (k, g)));
            }
            batch.push(Message { csv: pieces.csv, row_groups, processed: Some(p) });
            Ok(batch.len() < batch_size || tx.send(std::mem::take(&mut batch)).is_ok())
        })
        .and_then(|()| {
            // The last row group of each table.
            let mut row_groups = Vec::new();
            for (k, cutter) in groups.iter_mut().enumerate() {
                row_groups.extend(cutter.finish()?.map(|g| (k, g)));
            }
            batch.push(Message { csv: Vec::new(), row_groups, processed: None });
            let _ = tx.send(std::mem::take(&mut batch));
            Ok(())
        });
        drop(tx);
        let written = writer.join().map_err(|_| output_error(&opts.out, "the writer thread panicked"))?;
        processed?;
        written
    })?;
    let Written { actor_rows, files: table_files, card, write: write_time, encode, discovered } = written;
    let mut counts: HashMap<&'static str, usize> =
        streamed.tables().zip(&groups).map(|(t, g)| (t.name, g.rows)).collect();
    counts.insert("actors", actor_rows);
    let mut times = cpu;
    times.write = write_time;
    times.encode += encode;
    progress(Progress::Finishing);
    let checksum_start = Instant::now();
    let part = opts.shard.zip(inputs_sha256).map(|(shard, inputs_sha256)| {
        part_manifest(shard, inputs_sha256, &catalog, entries.len(), discovered)
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

/// The manifest of a shard's part (`corpus build --shard`).
fn part_manifest(
    shard: Shard,
    inputs_sha256: String,
    catalog: &CatalogIndex,
    documents: usize,
    discovered: BTreeMap<String, PartActor>,
) -> PartManifest {
    PartManifest {
        shard,
        version: env!("CARGO_PKG_VERSION").to_string(),
        inputs_sha256,
        meta: catalog.meta.clone(),
        documents,
        discovered,
    }
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

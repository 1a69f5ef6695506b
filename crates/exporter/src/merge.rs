//! Merging parts (built with `corpus build --shard I/N`) into one export,
//! byte for byte the export a single build of the whole corpus makes.
//!
//! Every streamed table of a part is in `doc_id` order, and every
//! document is in exactly one part, so the merge is a k-way merge by
//! `doc_id`: a table at a time, one record batch per part in memory, at
//! most [`FAN_IN`] parts at once (more are merged in rounds). The
//! writers hand rows to Parquet on a fixed grid of calls (see
//! `TableWriter`), so the bytes do not depend on how the parts cut the
//! rows. The actors table is the sum of the parts' totals; a
//! discovered actor is named by the earliest document that discovered
//! it, as in a single build.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::Instant;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int64Type};
use arrow_array::{Array, RecordBatch, StringArray};
use arrow_schema::SchemaRef;
use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};

use crate::batch::{BatchBuilder, Value};
use crate::card::{CardBuilder, CardDocument};
use crate::error::{Error, Result};
use crate::finish::{finish_folder, TableFiles};
use crate::report::{Progress, StageTimes, Summary};
use crate::schema::{self, Table};
use crate::shard::{PartManifest, Shard};
use crate::target::Target;
use crate::verify::verify;
use crate::writers::TableWriter;

fn part_error(path: &Path, message: impl Into<String>) -> Error {
    Error::Part { path: path.to_path_buf(), message: message.into() }
}

/// Reads and cross-checks the parts' manifests: one version, one set of
/// corpus inputs, one shard count, and every shard exactly once. Returns
/// the parts in shard order.
fn check_parts(parts: &[PathBuf]) -> Result<Vec<(PathBuf, PartManifest)>> {
    let Some(first) = parts.first() else {
        return Err(part_error(Path::new("."), "give the part folders to merge"));
    };
    let mut read = Vec::new();
    for p in parts {
        read.push((p.clone(), PartManifest::read(p)?));
    }
    let (first_path, m0) = (&read[0].0, read[0].1.clone());
    let ours = env!("CARGO_PKG_VERSION");
    let mut by_index: BTreeMap<u32, &Path> = BTreeMap::new();
    for (path, m) in &read {
        if m.version != ours {
            return Err(part_error(
                path,
                format!(
                    "was built by corpus {}, this is {ours}: build every part with one version",
                    m.version
                ),
            ));
        }
        if m.inputs_sha256 != m0.inputs_sha256 {
            return Err(part_error(
                path,
                format!(
                    "was built from other corpus inputs (catalog.toml or actors.toml) than {}: \
                     build every part from the same corpus",
                    first_path.display()
                ),
            ));
        }
        if m.shard.count != m0.shard.count {
            return Err(part_error(
                path,
                format!(
                    "is shard {} but {} is shard {}: build every part with the same N",
                    m.shard,
                    first_path.display(),
                    m0.shard
                ),
            ));
        }
        if let Some(other) = by_index.insert(m.shard.index, path) {
            return Err(part_error(path, format!("is shard {} and so is {}", m.shard, other.display())));
        }
    }
    let missing: Vec<String> = (1..=m0.shard.count)
        .filter(|i| !by_index.contains_key(i))
        .map(|i| Shard { index: i, count: m0.shard.count }.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(part_error(
            first,
            format!("missing shard(s) {}: every shard of the corpus must be merged", missing.join(", ")),
        ));
    }
    for (path, _) in &read {
        let problems = verify(path)?;
        if let Some(p) = problems.first() {
            return Err(part_error(
                path,
                format!("is damaged ({}: {}): build this shard again", p.path, p.what),
            ));
        }
    }
    read.sort_by_key(|(_, m)| m.shard.index);
    Ok(read)
}

/// One part's table, read a record batch at a time.
struct Cursor {
    /// The part (or parts) it reads, for messages.
    path: PathBuf,
    schema: SchemaRef,
    reader: ParquetRecordBatchReader,
    batch: Option<RecordBatch>,
    row: usize,
    last: Option<String>,
}

/// The rows of a record batch read from a part. Document rows carry
/// whole texts: few of them per batch (every part read holds a batch of
/// the table; 32 documents a batch took 156 MB to merge 16 parts of the
/// 150 MB corpus, 8 take 120 MB).
fn batch_rows(table: &Table) -> usize {
    if table.name == "documents" {
        8
    } else {
        4096
    }
}

/// A table to merge: a part's Parquet file, or the merge of a group of
/// parts (a round's temporary file), with the part named in messages.
struct Source {
    file: PathBuf,
    part: PathBuf,
}

impl Cursor {
    fn open(source: &Source, table: &Table) -> Result<Cursor> {
        let path = &source.file;
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let reader = ParquetRecordBatchReaderBuilder::try_new(file)
            .and_then(|b| b.with_batch_size(batch_rows(table)).build())
            .map_err(|e| Error::format(path, e))?;
        let path = source.part.clone();
        Ok(Cursor { path, schema: table.arrow_schema(), reader, batch: None, row: 0, last: None })
    }

    /// Makes sure a row is at hand; false when the table is used up.
    fn ready(&mut self) -> Result<bool> {
        loop {
            if let Some(b) = &self.batch {
                if self.row < b.num_rows() {
                    return Ok(true);
                }
            }
            let Some(next) = self.reader.next() else {
                self.batch = None;
                return Ok(false);
            };
            let next = next.map_err(|e| Error::format(&self.path, e))?;
            // The table contract's schema (with its descriptions), checked
            // against what the part holds.
            let next = RecordBatch::try_new(self.schema.clone(), next.columns().to_vec()).map_err(|e| {
                part_error(&self.path, format!("does not have the columns of this version: {e}"))
            })?;
            self.batch = Some(next);
            self.row = 0;
        }
    }

    fn ids(&self) -> Option<&StringArray> {
        self.batch.as_ref()?.column_by_name("doc_id")?.as_string_opt::<i32>()
    }

    fn id(&self) -> Option<&str> {
        self.ids().map(|ids| ids.value(self.row))
    }
}

/// The most parts a merge reads at once. Each part read holds a record
/// batch and a page of each column (about 5 MB for the 150 MB corpus in
/// 16 parts), so with more parts than this the table is merged in rounds:
/// each group of `FAN_IN` parts into one temporary file, then those, so
/// memory does not grow with the number of parts.
pub const FAN_IN: usize = 8;

/// How many times a merge of `parts` parts reading at most `fan_in` at
/// once goes through a table's rows: once per round (see [`merge_table`])
/// and once for the export.
fn passes(parts: usize, fan_in: usize) -> u64 {
    let (fan_in, mut sources, mut passes) = (fan_in.max(2), parts, 1);
    while sources > fan_in {
        sources = sources.div_ceil(fan_in);
        passes += 1;
    }
    passes
}

/// The rows of a Parquet file, from its footer.
fn parquet_rows(path: &Path) -> Result<u64> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let reader = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| Error::format(path, e))?;
    Ok(u64::try_from(reader.metadata().file_metadata().num_rows()).unwrap_or(0))
}

/// Merges one table of every part into `writer`, by `doc_id`, reading at
/// most `fan_in` parts at once; calls `each` with every slice written and
/// `tick` with the rows of every slice read, in the rounds too.
/// Returns the rows written.
fn merge_table(
    parts: &[(PathBuf, PartManifest)],
    table: &Table,
    writer: &mut TableWriter,
    scratch: &Path,
    fan_in: usize,
    tick: &mut dyn FnMut(usize),
    each: &mut dyn FnMut(&RecordBatch) -> Result<()>,
) -> Result<usize> {
    let fan_in = fan_in.max(2);
    let mut sources: Vec<Source> = parts
        .iter()
        .map(|(part, _)| Source { file: part.join(format!("{}.parquet", table.name)), part: part.clone() })
        .collect();
    let rounds = scratch.join(format!("rounds-{}", table.name));
    let mut round = 0;
    while sources.len() > fan_in {
        round += 1;
        std::fs::create_dir_all(&rounds).map_err(|e| Error::io(&rounds, e))?;
        let mut merged = Vec::new();
        for (k, group) in sources.chunks(fan_in).enumerate() {
            let file = rounds.join(format!("{round}-{k}.parquet"));
            merged.push(merge_group(group, table, &file, tick)?);
        }
        // The last round's files are read: done with.
        for s in sources.iter().filter(|s| s.file.starts_with(&rounds)) {
            std::fs::remove_file(&s.file).map_err(|e| Error::io(&s.file, e))?;
        }
        sources = merged;
    }
    let rows = merge_cursors(&sources, table, &mut |slice| {
        writer.write(slice)?;
        tick(slice.num_rows());
        each(slice)
    });
    if round > 0 {
        std::fs::remove_dir_all(&rounds).map_err(|e| Error::io(&rounds, e))?;
    }
    rows
}

/// Merges a group of sources into one temporary Parquet `file` (written
/// plainly: it is read once, by the next round).
fn merge_group(group: &[Source], table: &Table, file: &Path, tick: &mut dyn FnMut(usize)) -> Result<Source> {
    let out = File::create(file).map_err(|e| Error::io(file, e))?;
    // Small row groups: the writer holds one in memory.
    let props = parquet::file::properties::WriterProperties::builder()
        .set_compression(parquet::basic::Compression::UNCOMPRESSED)
        .set_dictionary_enabled(false)
        .set_max_row_group_row_count(Some(batch_rows(table)))
        .build();
    let mut w = parquet::arrow::ArrowWriter::try_new(out, table.arrow_schema(), Some(props))
        .map_err(|e| Error::format(file, e))?;
    merge_cursors(group, table, &mut |slice| {
        tick(slice.num_rows());
        w.write(slice).map_err(|e| Error::format(file, e))
    })?;
    w.close().map_err(|e| Error::format(file, e))?;
    let part = match group {
        [one] => one.part.clone(),
        [first, ..] => PathBuf::from(format!("{} (or a part merged with it)", first.part.display())),
        [] => PathBuf::new(),
    };
    Ok(Source { file: file.to_path_buf(), part })
}

/// The k-way merge by `doc_id` of the sources' table: gives `out` the
/// rows in order, a slice at a time; returns the rows given.
fn merge_cursors(
    sources: &[Source],
    table: &Table,
    out: &mut dyn FnMut(&RecordBatch) -> Result<()>,
) -> Result<usize> {
    let mut cursors = Vec::new();
    for source in sources {
        cursors.push(Cursor::open(source, table)?);
    }
    let mut rows = 0;
    loop {
        let mut live = Vec::new();
        for (k, c) in cursors.iter_mut().enumerate() {
            if c.ready()? {
                live.push(k);
            }
        }
        let ids: Vec<(usize, String)> =
            live.iter().filter_map(|&k| cursors[k].id().map(|id| (k, id.to_string()))).collect();
        let Some((pick, id)) = ids.iter().min_by(|a, b| a.1.cmp(&b.1)).cloned() else { break };
        // Rows of the picked part are taken up to the next id another
        // part holds.
        let bound = ids.iter().filter(|(k, _)| *k != pick).map(|(_, id)| id.as_str()).min();
        let c = &mut cursors[pick];
        if bound == Some(id.as_str()) {
            return Err(part_error(&c.path, format!("document {id} is in two parts: the parts do not fit")));
        }
        let (Some(batch), Some(ids)) = (c.batch.clone(), c.ids().cloned()) else { break };
        let mut end = c.row;
        let mut prev = c.last.clone().unwrap_or_default();
        while end < batch.num_rows() {
            let here = ids.value(end);
            if bound.is_some_and(|b| here >= b) {
                break;
            }
            if here < prev.as_str() {
                return Err(part_error(&c.path, format!("is not in doc_id order at {here}: build it again")));
            }
            if here != prev {
                prev = here.to_string();
            }
            end += 1;
        }
        let slice = batch.slice(c.row, end - c.row);
        c.row = end;
        c.last = Some(prev);
        out(&slice)?;
        rows += slice.num_rows();
    }
    Ok(rows)
}

/// The card's entry for each row of a `documents` batch; also returns
/// their source bytes.
fn card_documents(batch: &RecordBatch) -> Result<Vec<(CardDocument, u64)>> {
    let missing = || Error::Format { path: "documents.parquet".into(), message: "missing columns".into() };
    let text =
        |name: &str| batch.column_by_name(name).and_then(|c| c.as_string_opt::<i32>()).ok_or_else(missing);
    let int = |name: &str| {
        batch.column_by_name(name).and_then(|c| c.as_primitive_opt::<Int64Type>()).ok_or_else(missing)
    };
    let (ids, titles, publishers, precisions, licences) =
        (text("doc_id")?, text("title")?, text("publisher")?, text("published_precision")?, text("licence")?);
    let (words, bytes) = (int("words")?, int("source_bytes")?);
    let published = batch
        .column_by_name("published")
        .and_then(|c| c.as_primitive_opt::<Date32Type>())
        .ok_or_else(missing)?;
    let inferred =
        batch.column_by_name("date_inferred").and_then(|c| c.as_boolean_opt()).ok_or_else(missing)?;
    let flags =
        batch.column_by_name("quality_flags").and_then(|c| c.as_list_opt::<i32>()).ok_or_else(missing)?;
    fn opt(a: &StringArray, i: usize) -> Option<&str> {
        (!a.is_null(i)).then(|| a.value(i))
    }
    let mut out = Vec::new();
    for i in 0..batch.num_rows() {
        let date = if published.is_null(i) {
            None
        } else {
            jiff::civil::date(1970, 1, 1).checked_add(jiff::Span::new().days(published.value(i))).ok()
        };
        let flag_list = flags.value(i);
        let doc = CardDocument::new(
            ids.value(i),
            opt(titles, i),
            opt(publishers, i),
            date.map(|d| (d, opt(precisions, i).unwrap_or("day"))),
            inferred.value(i),
            opt(licences, i),
            flag_list.as_string::<i32>().iter().flatten().map(String::from).collect(),
            usize::try_from(words.value(i)).unwrap_or(0),
        );
        out.push((doc, u64::try_from(bytes.value(i)).unwrap_or(0)));
    }
    Ok(out)
}

/// A row of a part's actors table, owned.
#[derive(Debug, Clone, PartialEq)]
struct ActorRow {
    id: String,
    name: String,
    kind: String,
    category: Option<String>,
    aliases: Vec<String>,
    curated: bool,
    cue: Option<String>,
    mentions: i64,
    documents: i64,
}

fn read_actor_rows(part: &Path) -> Result<Vec<ActorRow>> {
    let path = part.join("actors.parquet");
    let table = schema::actors();
    let columns: Vec<&str> = table.columns.iter().map(|c| c.name).collect();
    let batches = crate::stats::read(part, "actors", &columns)?;
    let missing = || part_error(&path, "does not have the columns of this version");
    let mut rows = Vec::new();
    for batch in batches {
        let text = |name: &str| {
            batch.column_by_name(name).and_then(|c| c.as_string_opt::<i32>()).ok_or_else(missing)
        };
        let int = |name: &str| {
            batch.column_by_name(name).and_then(|c| c.as_primitive_opt::<Int64Type>()).ok_or_else(missing)
        };
        let (ids, names, kinds, categories, cues) =
            (text("actor_id")?, text("name")?, text("type")?, text("category")?, text("discovery_cue")?);
        let (mentions, documents) = (int("mentions")?, int("documents")?);
        let curated = batch.column_by_name("curated").and_then(|c| c.as_boolean_opt()).ok_or_else(missing)?;
        let aliases =
            batch.column_by_name("aliases").and_then(|c| c.as_list_opt::<i32>()).ok_or_else(missing)?;
        let opt = |a: &StringArray, i: usize| (!a.is_null(i)).then(|| a.value(i).to_string());
        for i in 0..batch.num_rows() {
            let alias_list = aliases.value(i);
            rows.push(ActorRow {
                id: ids.value(i).to_string(),
                name: names.value(i).to_string(),
                kind: kinds.value(i).to_string(),
                category: opt(categories, i),
                aliases: alias_list.as_string::<i32>().iter().flatten().map(String::from).collect(),
                curated: curated.value(i),
                cue: opt(cues, i),
                mentions: mentions.value(i),
                documents: documents.value(i),
            });
        }
    }
    Ok(rows)
}

/// The actors table of the merged export: curated rows as every part has
/// them, discovered rows named by the earliest document that discovered
/// them, totals summed (a document is in one part only).
fn merge_actors(parts: &[(PathBuf, PartManifest)]) -> Result<Vec<ActorRow>> {
    let mut merged: BTreeMap<String, ActorRow> = BTreeMap::new();
    for (part, _) in parts {
        for row in read_actor_rows(part)? {
            match merged.get_mut(&row.id) {
                Some(m) => {
                    if m.curated != row.curated
                        || (row.curated && (m.name != row.name || m.aliases != row.aliases))
                    {
                        return Err(part_error(
                            part,
                            format!("actor {} differs from another part's", row.id),
                        ));
                    }
                    m.mentions += row.mentions;
                    m.documents += row.documents;
                }
                None => {
                    merged.insert(row.id.clone(), row);
                }
            }
        }
    }
    // Name each discovered actor as the earliest document did.
    let mut first: BTreeMap<&str, &crate::shard::PartActor> = BTreeMap::new();
    for (_, m) in parts {
        for (id, a) in &m.discovered {
            let earlier = first.get(id.as_str()).is_none_or(|f| a.first_document < f.first_document);
            if earlier {
                first.insert(id, a);
            }
        }
    }
    for row in merged.values_mut().filter(|r| !r.curated) {
        if let Some(a) = first.get(row.id.as_str()) {
            row.name = a.name.clone();
            row.kind = a.kind.clone();
            row.cue = Some(a.cue.clone());
        }
    }
    Ok(merged.into_values().collect())
}

/// Merges part folders into one export at `out` (replaced atomically, as
/// by `build`). The parts must be every shard of one corpus, built by
/// this version; each is verified against its checksums first. An
/// existing `out` must be an export (or empty): see [`merge_with`].
pub fn merge(parts: &[PathBuf], out: &Path, progress: &mut dyn FnMut(Progress)) -> Result<Summary> {
    merge_with(parts, out, FAN_IN, false, progress)
}

/// [`merge`], reading at most `fan_in` parts at once (see [`FAN_IN`]);
/// with `force`, `out` is replaced even if it is not an export.
pub fn merge_with(
    parts: &[PathBuf],
    out: &Path,
    fan_in: usize,
    force: bool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary> {
    let parts = check_parts(parts)?;
    let inputs: Vec<(&Path, &str)> = parts.iter().map(|(p, _)| (p.as_path(), "part folder")).collect();
    let target = Target::prepare(out, &inputs, force)?;
    let tmp = target.temp_dir()?;
    let documents: usize = parts.iter().map(|(_, m)| m.documents).sum();
    progress(Progress::Started { documents, bytes: 0 });

    let start = Instant::now();
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    let mut table_files = TableFiles::new();
    let mut card = CardBuilder::default();
    let mut source_bytes = 0u64;
    let streamed =
        [schema::documents(), schema::segments(), schema::mentions(), schema::quotes(), schema::events()];
    for table in &streamed {
        let mut in_parts = 0;
        for (part, _) in &parts {
            in_parts += parquet_rows(&part.join(format!("{}.parquet", table.name)))?;
        }
        progress(Progress::Table { name: table.name, rows: in_parts * passes(parts.len(), fan_in) });
        let mut writer = TableWriter::create(&tmp.path, table.clone())?;
        let mut tick = |rows: usize| progress(Progress::Rows { rows: rows as u64 });
        let rows = if table.name == "documents" {
            merge_table(&parts, table, &mut writer, &tmp.path, fan_in, &mut tick, &mut |batch| {
                for (doc, bytes) in card_documents(batch)? {
                    card.add(doc);
                    source_bytes += bytes;
                }
                Ok(())
            })?
        } else {
            merge_table(&parts, table, &mut writer, &tmp.path, fan_in, &mut tick, &mut |_| Ok(()))?
        };
        table_files.insert(table.name, writer.finish()?);
        counts.insert(table.name, rows);
    }
    if card.documents() != documents {
        return Err(part_error(
            &parts[0].0,
            format!("the parts' manifests count {documents} documents, their tables {}", card.documents()),
        ));
    }
    let actor_rows = merge_actors(&parts)?;
    let mut writer = TableWriter::create(&tmp.path, schema::actors())?;
    let mut builder = BatchBuilder::new(schema::actors());
    for a in &actor_rows {
        builder.push(&[
            Value::Text(Some(&a.id)),
            Value::Text(Some(&a.name)),
            Value::Text(Some(&a.kind)),
            Value::Text(a.category.as_deref()),
            Value::TextList(a.aliases.iter().map(String::as_str).collect()),
            Value::Boolean(a.curated),
            Value::Text(a.cue.as_deref()),
            Value::Integer(Some(a.mentions)),
            Value::Integer(Some(a.documents)),
        ])?;
    }
    counts.insert("actors", builder.rows());
    writer.write(&builder.finish()?)?;
    table_files.insert("actors", writer.finish()?);
    let write = start.elapsed();

    progress(Progress::Finishing);
    let checksum_start = Instant::now();
    let (rows, files) = finish_folder(&tmp.path, &parts[0].1.meta, &counts, &table_files, &card, None)?;
    let warnings = target.commit(tmp)?;
    let times = StageTimes { write, checksums: checksum_start.elapsed(), ..StageTimes::default() };
    Ok(Summary { documents, source_bytes, rows, files, times, warnings })
}

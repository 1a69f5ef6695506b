//! Encoding off the writer thread.
//!
//! A worker turns each document's rows into the pieces of the streamed
//! tables: an Arrow batch per table (for Parquet) and the CSV bytes of
//! its rows ([`encode_document`]). The thread that puts documents back
//! in key order cuts each table's batches into row groups of the table's
//! fixed size ([`RowGroups`]) and has a worker encode each row group
//! into Parquet column chunks (dictionaries, pages, zstd). The writer
//! thread only appends CSV bytes and column chunks to the files in key
//! order, hashing them as they go ([`TableFile`]).
//!
//! The bytes are those of [`crate::writers::TableWriter`] fed the same
//! rows: CSV rows do not depend on each other, row groups hold the same
//! rows (their boundaries depend on row counts only, never on threads),
//! and each row group's columns get the same calls of
//! [`WRITE_BATCH_ROWS`] rows.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use arrow_select::concat::concat_batches;
use parquet::arrow::arrow_writer::{
    compute_leaves, ArrowColumnChunk, ArrowColumnWriter, ArrowRowGroupWriterFactory,
};
use parquet::arrow::ArrowWriter;
use parquet::file::writer::SerializedFileWriter;

use crate::batch::BatchBuilder;
use crate::digest::FileEntry;
use crate::error::{Error, Result};
use crate::process::Processed;
use crate::schema::{self, Table, TableDef};
use crate::writers::{
    create, create_unbuffered, csv_started, csv_writer, file_name, group_rows, write_csv, writer_properties,
    Hashing, FILE_BUFFER, WRITE_BATCH_ROWS,
};

/// The tables written document by document (all but `actors`), with
/// their Arrow schemas, made once.
pub(crate) struct Streamed {
    /// Each table's declaration, in [`schema::streamed`] order.
    pub defs: Vec<TableDef<Processed>>,
    /// Their Arrow schemas, in the same order.
    pub schemas: Vec<SchemaRef>,
}

impl Streamed {
    pub(crate) fn new() -> Streamed {
        let defs = schema::streamed();
        let schemas = defs.iter().map(|d| d.table.arrow_schema()).collect();
        Streamed { defs, schemas }
    }

    /// The tables, in order.
    pub(crate) fn tables(&self) -> impl Iterator<Item = &Table> {
        self.defs.iter().map(|d| &d.table)
    }
}

/// One document's rows of every streamed table, in [`Streamed`] order.
pub(crate) struct Pieces {
    /// The rows as Arrow batches, for Parquet.
    pub batches: Vec<RecordBatch>,
    /// The same rows in the CSV edition.
    pub csv: Vec<Vec<u8>>,
}

/// Encodes one document's rows (on a worker thread).
pub(crate) fn encode_document(p: &Processed, streamed: &Streamed) -> Result<Pieces> {
    let mut batches = Vec::with_capacity(streamed.defs.len());
    for (def, schema) in streamed.defs.iter().zip(&streamed.schemas) {
        let mut rows = BatchBuilder::with_schema(def.table.clone(), schema.clone(), (def.rows)(p));
        rows.push_rows(def, p)?;
        batches.push(rows.finish()?);
    }
    let mut buf = Vec::new();
    let csv =
        streamed.tables().zip(&batches).map(|(t, b)| csv_piece(t, b, &mut buf)).collect::<Result<_>>()?;
    Ok(Pieces { batches, csv })
}

/// The CSV bytes of a batch of `table`'s rows (`buf` is scratch).
fn csv_piece(table: &Table, batch: &RecordBatch, buf: &mut Vec<u8>) -> Result<Vec<u8>> {
    let path = PathBuf::from(format!("{}.csv", table.name));
    let mut out = csv_writer(Vec::new(), 1 << 12);
    write_csv(table, batch, &mut out, buf, &path)?;
    out.into_inner().map_err(|e| Error::format(&path, e.error()))
}

/// A row group being encoded on a worker: its column chunks and the time
/// the worker took, once done.
pub(crate) type Encoding = Receiver<Result<(Vec<ArrowColumnChunk>, Duration)>>;

/// A table's rows on their way to Parquet row groups, on the thread that
/// puts documents in key order: batches are cut into row groups of the
/// table's size, and each full row group goes to a worker to encode.
pub(crate) struct RowGroups {
    factory: ArrowRowGroupWriterFactory,
    schema: SchemaRef,
    group_rows: usize,
    call_rows: usize,
    pending: Vec<RecordBatch>,
    pending_rows: usize,
    groups: usize,
    /// Rows so far.
    pub rows: usize,
    path: PathBuf,
}

impl RowGroups {
    /// Adds a document's batch; a row group it completes goes to a worker
    /// and its encoding is pushed to `out`.
    pub(crate) fn push(&mut self, batch: RecordBatch, out: &mut Vec<Encoding>) -> Result<()> {
        self.rows += batch.num_rows();
        let mut batch = batch;
        while batch.num_rows() > 0 && self.pending_rows + batch.num_rows() >= self.group_rows {
            let take = self.group_rows - self.pending_rows;
            self.pending.push(batch.slice(0, take));
            self.pending_rows += take;
            batch = batch.slice(take, batch.num_rows() - take);
            out.push(self.spawn()?);
        }
        if batch.num_rows() > 0 {
            self.pending_rows += batch.num_rows();
            self.pending.push(batch);
        }
        Ok(())
    }

    /// The last, partial row group, if any rows are left.
    pub(crate) fn finish(&mut self) -> Result<Option<Encoding>> {
        if self.pending_rows == 0 {
            return Ok(None);
        }
        self.spawn().map(Some)
    }

    /// Hands the pending rows, one row group, to a worker.
    fn spawn(&mut self) -> Result<Encoding> {
        let writers =
            self.factory.create_column_writers(self.groups).map_err(|e| Error::format(&self.path, e))?;
        self.groups += 1;
        let batches = std::mem::take(&mut self.pending);
        self.pending_rows = 0;
        let (schema, call_rows, path) = (self.schema.clone(), self.call_rows, self.path.clone());
        let (tx, rx) = channel();
        rayon::spawn(move || {
            let start = Instant::now();
            let chunks = encode_row_group(&schema, writers, &batches, call_rows)
                .map_err(|e| Error::format(&path, e))
                .map(|chunks| (chunks, start.elapsed()));
            let _ = tx.send(chunks);
        });
        Ok(rx)
    }
}

/// Encodes the rows of one row group into its column chunks: the rows
/// are handed to the column writers in calls of `call_rows` rows, as
/// [`crate::writers::TableWriter`] hands them to the Parquet writer (the
/// writer cuts pages at the calls' mini-batches).
fn encode_row_group(
    schema: &SchemaRef,
    mut writers: Vec<ArrowColumnWriter>,
    batches: &[RecordBatch],
    call_rows: usize,
) -> std::result::Result<Vec<ArrowColumnChunk>, String> {
    let rows = concat_batches(schema, batches).map_err(|e| e.to_string())?;
    let mut offset = 0;
    while offset < rows.num_rows() {
        let call = rows.slice(offset, call_rows.min(rows.num_rows() - offset));
        let mut leaves_writers = writers.iter_mut();
        for (field, column) in schema.fields().iter().zip(call.columns()) {
            for leaf in compute_leaves(field, column).map_err(|e| e.to_string())? {
                let writer = leaves_writers.next().ok_or("more leaves than column writers")?;
                writer.write(&leaf).map_err(|e| e.to_string())?;
            }
        }
        offset += call.num_rows();
    }
    writers.into_iter().map(|w| w.close().map_err(|e| e.to_string())).collect()
}

/// A streamed table's two files, on the writer thread: pieces are
/// appended in key order and hashed as they are written.
pub(crate) struct TableFile {
    /// The table's name.
    pub name: &'static str,
    parquet: SerializedFileWriter<BufWriter<Hashing>>,
    parquet_path: PathBuf,
    csv: BufWriter<Hashing>,
    csv_path: PathBuf,
}

/// Creates `NAME.csv` (with its header) and `NAME.parquet` of `table` in
/// `dir`: the files for the writer thread, and the row groups' cutter.
pub(crate) fn open_table(dir: &Path, table: &Table, schema: &SchemaRef) -> Result<(TableFile, RowGroups)> {
    open_table_with(dir, table, schema, group_rows(table))
}

/// [`open_table`] with `rows` rows per row group.
pub(crate) fn open_table_with(
    dir: &Path,
    table: &Table,
    schema: &SchemaRef,
    rows: usize,
) -> Result<(TableFile, RowGroups)> {
    let parquet_path = dir.join(format!("{}.parquet", table.name));
    let csv_path = dir.join(format!("{}.csv", table.name));
    let writer = ArrowWriter::try_new(create(&parquet_path)?, schema.clone(), Some(writer_properties(rows)))
        .map_err(|e| Error::format(&parquet_path, e))?;
    let (parquet, factory) = writer.into_serialized_writer().map_err(|e| Error::format(&parquet_path, e))?;
    let header = csv_started(Vec::new(), 1 << 12, table, &csv_path)?;
    let header = header.into_inner().map_err(|e| Error::format(&csv_path, e.error()))?;
    let mut csv = BufWriter::with_capacity(FILE_BUFFER, create_unbuffered(&csv_path)?);
    csv.write_all(&header).map_err(|e| Error::io(&csv_path, e))?;
    let groups = RowGroups {
        factory,
        schema: schema.clone(),
        group_rows: rows,
        call_rows: rows.min(WRITE_BATCH_ROWS),
        pending: Vec::new(),
        pending_rows: 0,
        groups: 0,
        rows: 0,
        path: parquet_path.clone(),
    };
    Ok((TableFile { name: table.name, parquet, parquet_path, csv, csv_path }, groups))
}

impl TableFile {
    /// Appends CSV rows.
    pub(crate) fn append_csv(&mut self, bytes: &[u8]) -> Result<()> {
        self.csv.write_all(bytes).map_err(|e| Error::io(&self.csv_path, e))
    }

    /// Appends an encoded row group.
    pub(crate) fn append_row_group(&mut self, chunks: Vec<ArrowColumnChunk>) -> Result<()> {
        let path = &self.parquet_path;
        let mut group = self.parquet.next_row_group().map_err(|e| Error::format(path, e))?;
        for chunk in chunks {
            chunk.append_to_row_group(&mut group).map_err(|e| Error::format(path, e))?;
        }
        group.close().map_err(|e| Error::format(path, e))?;
        Ok(())
    }

    /// Writes the Parquet footer, syncs and closes both files; returns
    /// their entries, CSV then Parquet.
    pub(crate) fn finish(self) -> Result<[FileEntry; 2]> {
        let parquet = self.parquet.into_inner().map_err(|e| Error::format(&self.parquet_path, e))?;
        let parquet = Hashing::close(parquet, &self.parquet_path, file_name(&self.parquet_path))?;
        let csv = Hashing::close(self.csv, &self.csv_path, file_name(&self.csv_path))?;
        Ok([csv, parquet])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::batch::Value;
    use crate::writers::tests::awkward_table;
    use crate::writers::TableWriter;

    /// "Documents" of 0 to 400 rows (some repeated texts for the
    /// dictionaries, some unique, some null), as the workers make them.
    fn documents(table: &Table) -> Vec<RecordBatch> {
        let words = ["alpha", "=beta", "gamma", "delta"];
        let mut out = Vec::new();
        let mut n = 0i64;
        for doc in 0..60usize {
            let rows = (doc * 137) % 401;
            let mut b = BatchBuilder::with_schema(table.clone(), table.arrow_schema(), rows);
            for _ in 0..rows {
                n += 1;
                let id = format!("d{doc}:{n}");
                let sentence = format!("Sentence {} of document {doc}, \"quoted\"", n % 50);
                let k = usize::try_from(n).unwrap_or(0);
                b.push(&[
                    Value::Text(Some(&id)),
                    Value::Integer((n % 7 != 0).then_some(n * 31)),
                    Value::Boolean(n % 3 == 0),
                    Value::Date((n % 5 != 0).then_some(i32::try_from(n % 20_000).unwrap_or(0))),
                    Value::TextList(words[..k % 4].to_vec()),
                    Value::IntegerList((0..k % 3).map(|i| n + i64::try_from(i).unwrap_or(0)).collect()),
                    Value::Text((n % 11 != 0).then_some(sentence.as_str())),
                ])
                .expect("push");
            }
            out.push(b.finish().expect("batch"));
        }
        out
    }

    /// The files of `documents` written the plain way: one writer thread
    /// (`TableWriter`) fed the documents' batches in order.
    fn plain(dir: &Path, table: &Table, documents: &[RecordBatch], group_rows: usize) -> [FileEntry; 2] {
        std::fs::create_dir_all(dir).expect("folder");
        let mut writer = TableWriter::with_group_rows(dir, table.clone(), group_rows).expect("create");
        for batch in documents {
            writer.write(batch).expect("write");
        }
        writer.finish().expect("finish")
    }

    /// The same through CSV pieces and row groups encoded on `pool`
    /// (waited for here, off the pool, as the writer thread does).
    fn pieces(
        pool: &rayon::ThreadPool,
        dir: &Path,
        table: &Table,
        documents: &[RecordBatch],
        group_rows: usize,
    ) -> [FileEntry; 2] {
        std::fs::create_dir_all(dir).expect("folder");
        let (mut file, mut groups) =
            open_table_with(dir, table, &table.arrow_schema(), group_rows).expect("open");
        let mut buf = Vec::new();
        let mut encodings = Vec::new();
        for batch in documents {
            file.append_csv(&csv_piece(table, batch, &mut buf).expect("csv")).expect("append");
            pool.install(|| groups.push(batch.clone(), &mut encodings)).expect("push");
        }
        encodings.extend(pool.install(|| groups.finish()).expect("last group"));
        for e in encodings {
            let (chunks, _) = e.recv().expect("encoded").expect("encoding");
            file.append_row_group(chunks).expect("append group");
        }
        let rows: usize = documents.iter().map(RecordBatch::num_rows).sum();
        assert_eq!(groups.rows, rows);
        file.finish().expect("finish")
    }

    #[test]
    fn pieces_encoded_on_any_number_of_threads_make_the_plain_writers_bytes() {
        // Text, integer, boolean, date, text list, integer list, and a
        // text column left out of the CSV.
        let table = awkward_table();
        let docs = documents(&table);
        let rows: usize = docs.iter().map(RecordBatch::num_rows).sum();
        // Several row groups of each size, and a partial last one.
        for group_rows in [64, 1024, 3072] {
            assert!(rows > 3 * group_rows && !rows.is_multiple_of(group_rows), "{rows} rows");
            let dir = tempfile::tempdir().expect("temp dir");
            let want = plain(&dir.path().join("plain"), &table, &docs, group_rows);
            for threads in [1, 2, 8] {
                let out = dir.path().join(format!("threads-{threads}"));
                let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("pool");
                let got = pieces(&pool, &out, &table, &docs, group_rows);
                assert_eq!(got, want, "{group_rows} rows a group, {threads} threads");
                let metadata = parquet::file::reader::SerializedFileReader::new(
                    std::fs::File::open(out.join("awkward.parquet")).expect("open"),
                )
                .map(|r| parquet::file::reader::FileReader::metadata(&r).num_row_groups())
                .expect("read");
                assert_eq!(metadata, rows.div_ceil(group_rows));
            }
        }
    }
}

//! Writing a table as Parquet (the lossless master copy) and CSV (the
//! spreadsheet edition of the same rows), batch by batch.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::{Array, BooleanArray, Date32Array, Int64Array, ListArray, RecordBatch, StringArray};
use arrow_schema::DataType;
use arrow_select::concat::concat_batches;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties, WriterVersion, DEFAULT_CREATED_BY};
use sha2::{Digest, Sha256};

use crate::digest::{hex, FileEntry};
use crate::error::{Error, Result};
use crate::schema::{ColumnType, Table, LIST_SEPARATOR};

/// The most characters a spreadsheet cell holds (Excel, LibreOffice).
pub const MAX_CELL_CHARS: usize = 32_767;

/// Rows per call of the Parquet writer, and its mini-batch size.
pub const WRITE_BATCH_ROWS: usize = 1024;

/// Rows per Parquet row group (a multiple of [`WRITE_BATCH_ROWS`]).
pub const ROW_GROUP_ROWS: usize = 16_384;

/// Rows per row group of the `documents` table, whose rows carry whole
/// texts: a row group is buffered in memory until full (its rows in the
/// batch builder, then its pages in the Parquet writer), so this bounds
/// memory. 64 rows of 90 KB texts are under 6 MB; 256 rows took 23 MB,
/// doubled by the builder's growth. It divides [`WRITE_BATCH_ROWS`].
pub const DOCUMENT_ROW_GROUP_ROWS: usize = 64;

// Row groups must end on the grid of writer calls (see `TableWriter`).
const _: () = assert!(ROW_GROUP_ROWS.is_multiple_of(WRITE_BATCH_ROWS));
const _: () = assert!(WRITE_BATCH_ROWS.is_multiple_of(DOCUMENT_ROW_GROUP_ROWS));

/// Rows per Parquet row group of `table`.
pub(crate) fn group_rows(table: &Table) -> usize {
    if table.name == "documents" {
        DOCUMENT_ROW_GROUP_ROWS
    } else {
        ROW_GROUP_ROWS
    }
}

/// `created_by` in parquet-java's shape ("NAME version X.Y.Z (build B)"),
/// so that Spark, Hive and Trino trust our string statistics. The build
/// names the Parquet library, never a time or a commit: the bytes must
/// not change unless the code that writes them does.
pub fn created_by() -> String {
    let parquet = DEFAULT_CREATED_BY.rsplit(' ').next().unwrap_or("unknown");
    format!("corpus version {} (build parquet-rs-{parquet})", env!("CARGO_PKG_VERSION"))
}

/// Every writer setting, pinned, so a crate upgrade cannot silently
/// change the bytes.
pub fn writer_properties(row_group_rows: usize) -> WriterProperties {
    WriterProperties::builder()
        .set_writer_version(WriterVersion::PARQUET_1_0)
        .set_created_by(created_by())
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(3).unwrap_or_default()))
        .set_dictionary_enabled(true)
        .set_statistics_enabled(EnabledStatistics::Page)
        .set_max_row_group_row_count(Some(row_group_rows))
        .set_max_row_group_bytes(None)
        .set_data_page_size_limit(1024 * 1024)
        .set_dictionary_page_size_limit(1024 * 1024)
        .set_data_page_row_count_limit(20_000)
        .set_write_batch_size(WRITE_BATCH_ROWS)
        .set_bloom_filter_enabled(false)
        .set_offset_index_disabled(false)
        .set_write_page_header_statistics(false)
        .set_column_index_truncate_length(Some(64))
        .set_statistics_truncate_length(Some(64))
        .set_coerce_types(false)
        .build()
}

/// Writes one table to `NAME.parquet` and `NAME.csv` in a folder.
///
/// CSV rows are written as they come. Parquet rows are handed to the
/// Parquet writer in calls of exactly [`WRITE_BATCH_ROWS`] rows (fewer
/// only for the last), counted from the first row of the table: the
/// writer cuts pages at its mini-batches, which start afresh with every
/// call, so this fixed grid makes the file's bytes depend on the sequence
/// of rows only, never on how a build or a merge of shards batched them.
/// Row groups are a multiple of the grid, so they end on it.
///
/// Both files are hashed as they are written, so their `SHA256SUMS` lines
/// are known when they close, without reading them back.
pub struct TableWriter {
    table: Table,
    parquet: ArrowWriter<BufWriter<Hashing>>,
    call_rows: usize,
    pending: Vec<RecordBatch>,
    pending_rows: usize,
    parquet_path: PathBuf,
    /// The CSV writer's own buffer is the only one: it writes straight
    /// to the file (a `BufWriter` under it copied every byte once more).
    csv: csv::Writer<Hashing>,
    csv_path: PathBuf,
    cell: Vec<u8>,
}

/// A file that hashes and counts the bytes written to it, and has the
/// system write it to disk as it grows (see [`SYNC_EVERY`]).
pub(crate) struct Hashing {
    file: File,
    hasher: Sha256,
    bytes: u64,
    /// Bytes written when the last background sync started.
    synced: u64,
    /// [`SYNC_EVERY`] (smaller in a test).
    sync_every: u64,
    /// That sync, while it runs.
    syncing: Option<std::thread::JoinHandle<()>>,
}

/// Every this many bytes written to a table file, a background thread
/// syncs what is written so far (`fdatasync` on a duplicate of the file
/// handle). The sync at the end, which the export needs before it is
/// moved into place, then finds little left to write: the disk writes
/// overlap the build rather than follow it (they took 0.2 s after the 5 s
/// build of the 150 MB corpus). A failed background sync is not an error
/// here: the final sync reports it.
const SYNC_EVERY: u64 = 32 << 20;

impl Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        if self.bytes - self.synced >= self.sync_every
            && self.syncing.as_ref().is_none_or(|t| t.is_finished())
        {
            self.synced = self.bytes;
            if let Some(t) = self.syncing.take() {
                let _ = t.join();
            }
            if let Ok(file) = self.file.try_clone() {
                self.syncing = std::thread::Builder::new()
                    .name("sync".into())
                    .spawn(move || {
                        let _ = file.sync_data();
                    })
                    .ok();
            }
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl Hashing {
    /// Flushes `out`, syncs the file to disk and returns its entry (`name`
    /// is its path inside the export folder).
    pub(crate) fn close(out: BufWriter<Hashing>, path: &Path, name: String) -> Result<FileEntry> {
        let h = out.into_inner().map_err(|e| Error::io(path, e.into_error()))?;
        h.finish(path, name)
    }

    /// Syncs the file to disk and returns its entry.
    pub(crate) fn finish(mut self, path: &Path, name: String) -> Result<FileEntry> {
        if let Some(t) = self.syncing.take() {
            let _ = t.join();
        }
        self.file.sync_all().map_err(|e| Error::io(path, e))?;
        Ok(FileEntry { path: name, bytes: self.bytes, sha256: hex(&self.hasher.finalize()) })
    }
}

/// Bytes buffered before a write to a table file.
pub(crate) const FILE_BUFFER: usize = 1 << 17;

pub(crate) fn create(path: &Path) -> Result<BufWriter<Hashing>> {
    Ok(BufWriter::with_capacity(FILE_BUFFER, create_unbuffered(path)?))
}

pub(crate) fn create_unbuffered(path: &Path) -> Result<Hashing> {
    let file = File::create(path).map_err(|e| Error::io(path, e))?;
    Ok(Hashing { file, hasher: Sha256::new(), bytes: 0, synced: 0, sync_every: SYNC_EVERY, syncing: None })
}

/// The file's name, for its [`FileEntry`].
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

impl TableWriter {
    /// Creates both files in `dir` and writes the CSV header.
    pub fn create(dir: &Path, table: Table) -> Result<TableWriter> {
        let rows = group_rows(&table);
        TableWriter::with_group_rows(dir, table, rows)
    }

    /// [`TableWriter::create`] with `rows` rows per row group (a multiple
    /// of [`WRITE_BATCH_ROWS`], or a divisor of it).
    pub(crate) fn with_group_rows(dir: &Path, table: Table, rows: usize) -> Result<TableWriter> {
        let parquet_path = dir.join(format!("{}.parquet", table.name));
        let csv_path = dir.join(format!("{}.csv", table.name));
        let parquet =
            ArrowWriter::try_new(create(&parquet_path)?, table.arrow_schema(), Some(writer_properties(rows)))
                .map_err(|e| Error::format(&parquet_path, e))?;
        let csv = csv_started(create_unbuffered(&csv_path)?, FILE_BUFFER, &table, &csv_path)?;
        Ok(TableWriter {
            table,
            parquet,
            call_rows: rows.min(WRITE_BATCH_ROWS),
            pending: Vec::new(),
            pending_rows: 0,
            parquet_path,
            csv,
            csv_path,
            cell: Vec::new(),
        })
    }

    /// Appends a batch to both files.
    pub fn write(&mut self, batch: &RecordBatch) -> Result<()> {
        self.write_csv(batch)?;
        let mut offset = 0;
        while offset < batch.num_rows() {
            let take = (self.call_rows - self.pending_rows).min(batch.num_rows() - offset);
            self.pending.push(batch.slice(offset, take));
            self.pending_rows += take;
            offset += take;
            if self.pending_rows == self.call_rows {
                self.write_pending()?;
            }
        }
        Ok(())
    }

    /// Writes the pending rows to Parquet in one call.
    fn write_pending(&mut self) -> Result<()> {
        let joined = match self.pending.as_slice() {
            [] => return Ok(()),
            [one] => one.clone(),
            many => {
                concat_batches(&many[0].schema(), many).map_err(|e| Error::format(&self.parquet_path, e))?
            }
        };
        self.parquet.write(&joined).map_err(|e| Error::format(&self.parquet_path, e))?;
        self.pending.clear();
        self.pending_rows = 0;
        Ok(())
    }

    fn write_csv(&mut self, batch: &RecordBatch) -> Result<()> {
        write_csv(&self.table, batch, &mut self.csv, &mut self.cell, &self.csv_path)
    }

    /// Flushes, syncs and closes both files; returns their entries, CSV
    /// then Parquet.
    pub fn finish(mut self) -> Result<[FileEntry; 2]> {
        self.write_pending()?;
        let parquet = self.parquet.into_inner().map_err(|e| Error::format(&self.parquet_path, e))?;
        let parquet = Hashing::close(parquet, &self.parquet_path, file_name(&self.parquet_path))?;
        let csv = self.csv.into_inner().map_err(|e| Error::format(&self.csv_path, e.error()))?;
        let csv = csv.finish(&self.csv_path, file_name(&self.csv_path))?;
        Ok([csv, parquet])
    }
}

/// A CSV writer in the edition's dialect (CRLF, quotes only where needed).
pub(crate) fn csv_writer<W: Write>(out: W, buffer: usize) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .buffer_capacity(buffer)
        .from_writer(out)
}

/// A CSV writer of `table` (see [`csv_writer`]) that has written what the
/// file starts with: the UTF-8 byte-order mark (Excel needs it to read
/// UTF-8) and the header.
pub(crate) fn csv_started<W: Write>(
    mut out: W,
    buffer: usize,
    table: &Table,
    path: &Path,
) -> Result<csv::Writer<W>> {
    out.write_all("\u{feff}".as_bytes()).map_err(|e| Error::io(path, e))?;
    let mut csv = csv_writer(out, buffer);
    let header: Vec<&str> = table.csv_columns().map(|(_, c)| c.name).collect();
    csv.write_record(&header).map_err(|e| Error::format(path, e))?;
    Ok(csv)
}

/// Appends the rows of `batch` to a CSV edition of `table` (`path` names
/// the file in errors; `buf` is a scratch buffer). A row's bytes depend
/// on that row only, so rows formatted apart and joined are the file.
pub(crate) fn write_csv<W: Write>(
    table: &Table,
    batch: &RecordBatch,
    csv: &mut csv::Writer<W>,
    buf: &mut Vec<u8>,
    path: &Path,
) -> Result<()> {
    // Each column is looked up and downcast once per batch, not per cell.
    let columns = table
        .csv_columns()
        .map(|(i, column)| {
            let array = batch.column(i).as_ref();
            let typed = Column::new(array, column.ty).ok_or_else(|| Error::Value {
                table: table.name,
                column: column.name,
                key: String::new(),
                message: format!("array of type {} does not fit the column type", array.data_type()),
            })?;
            Ok((column.name, typed))
        })
        .collect::<Result<Vec<_>>>()?;
    for row in 0..batch.num_rows() {
        for (name, column) in &columns {
            let cell = csv_cell(column, row, buf).map_err(|message| Error::Value {
                table: table.name,
                column: name,
                key: row_key(batch, row),
                message,
            })?;
            let field = match cell {
                Cell::Borrowed(s) => s.as_bytes(),
                Cell::Formatted => buf.as_slice(),
            };
            // Bytes bound characters: count them only when it matters.
            if field.len() > MAX_CELL_CHARS && utf8_chars(field) > MAX_CELL_CHARS {
                return Err(Error::Value {
                    table: table.name,
                    column: name,
                    key: row_key(batch, row),
                    message: format!("a CSV cell would exceed {MAX_CELL_CHARS} characters"),
                });
            }
            csv.write_field(field).map_err(|e| Error::format(path, e))?;
        }
        // Ends the record whose fields were just written.
        csv.write_record(None::<&[u8]>).map_err(|e| Error::format(path, e))?;
    }
    Ok(())
}

/// The first column's value, to name a row in an error.
fn row_key(batch: &RecordBatch, row: usize) -> String {
    let col = batch.column(0);
    match col.data_type() {
        DataType::Utf8 => col.as_string::<i32>().value(row).to_string(),
        _ => row.to_string(),
    }
}

/// Whether a text cell needs the formula guard: it starts with a
/// character a spreadsheet reads as a formula (or the guard itself).
pub fn needs_guard(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r', '\n', '\''])
}

/// A column of a batch, downcast to its Arrow array type.
enum Column<'a> {
    Text(&'a StringArray),
    Integer(&'a Int64Array),
    Boolean(&'a BooleanArray),
    Date(&'a Date32Array),
    /// A list and its items (downcast once: `ListArray::value` would make
    /// a new array for every cell).
    TextList(&'a ListArray, &'a StringArray),
    IntegerList(&'a ListArray, &'a Int64Array),
}

impl<'a> Column<'a> {
    /// `None` if the array is not of the column type's Arrow type.
    fn new(array: &'a dyn Array, ty: ColumnType) -> Option<Column<'a>> {
        let any = array.as_any();
        Some(match ty {
            ColumnType::Text => Column::Text(any.downcast_ref()?),
            ColumnType::Integer => Column::Integer(any.downcast_ref()?),
            ColumnType::Boolean => Column::Boolean(any.downcast_ref()?),
            ColumnType::Date => Column::Date(any.downcast_ref()?),
            ColumnType::TextList => {
                let list: &ListArray = any.downcast_ref()?;
                Column::TextList(list, list.values().as_any().downcast_ref()?)
            }
            ColumnType::IntegerList => {
                let list: &ListArray = any.downcast_ref()?;
                Column::IntegerList(list, list.values().as_any().downcast_ref()?)
            }
        })
    }

    fn is_null(&self, row: usize) -> bool {
        match self {
            Column::Text(a) => a.is_null(row),
            Column::Integer(a) => a.is_null(row),
            Column::Boolean(a) => a.is_null(row),
            Column::Date(a) => a.is_null(row),
            Column::TextList(a, _) | Column::IntegerList(a, _) => a.is_null(row),
        }
    }
}

/// The positions in a list array's values of row `row`'s non-null items.
fn list_items<'v>(list: &ListArray, values: &'v dyn Array, row: usize) -> impl Iterator<Item = usize> + 'v {
    let offsets = list.value_offsets();
    let at = |k: usize| offsets.get(k).and_then(|&o| usize::try_from(o).ok()).unwrap_or(0);
    (at(row)..at(row + 1)).filter(move |&i| values.is_valid(i))
}

/// Where a formatted cell is: borrowed straight from the batch, or
/// formatted into the caller's buffer.
enum Cell<'a> {
    Borrowed(&'a str),
    Formatted,
}

/// Formats one cell of the CSV edition (null = empty): a text that needs
/// no guard is borrowed as it is; anything else is formatted into `out`.
fn csv_cell<'a>(column: &Column<'a>, row: usize, out: &mut Vec<u8>) -> std::result::Result<Cell<'a>, String> {
    out.clear();
    if column.is_null(row) {
        return Ok(Cell::Borrowed(""));
    }
    match column {
        Column::Text(a) => {
            let s = a.value(row);
            if !needs_guard(s) {
                return Ok(Cell::Borrowed(s));
            }
            push_text(out, s);
        }
        Column::Integer(a) => push_int(out, a.value(row)),
        Column::Boolean(a) => return Ok(Cell::Borrowed(if a.value(row) { "true" } else { "false" })),
        Column::Date(a) => push_date(out, a.value(row))?,
        Column::TextList(list, values) => {
            for (k, item) in list_items(list, *values, row).map(|i| values.value(i)).enumerate() {
                if item.contains(LIST_SEPARATOR) || item.is_empty() {
                    return Err(format!(
                        "list item {item:?} is empty or contains the list separator {LIST_SEPARATOR:?}"
                    ));
                }
                if k > 0 {
                    out.extend_from_slice(LIST_SEPARATOR.as_bytes());
                } else if needs_guard(item) {
                    // Items are never empty, so the joined text starts
                    // with the first item: the guard goes before it.
                    out.push(b'\'');
                }
                out.extend_from_slice(item.as_bytes());
            }
        }
        Column::IntegerList(list, values) => {
            for (k, item) in list_items(list, *values, row).map(|i| values.value(i)).enumerate() {
                if k > 0 {
                    out.extend_from_slice(LIST_SEPARATOR.as_bytes());
                }
                push_int(out, item);
            }
        }
    }
    Ok(Cell::Formatted)
}

/// Appends a date (days since 1970-01-01) as `YYYY-MM-DD`.
fn push_date(out: &mut Vec<u8>, days: i32) -> std::result::Result<(), String> {
    let date = jiff::Span::new()
        .try_days(i64::from(days))
        .and_then(|span| jiff::civil::date(1970, 1, 1).checked_add(span))
        .map_err(|e| e.to_string())?;
    let _ = write!(out, "{date}");
    Ok(())
}

/// Appends an integer in decimal, as `Display` writes it, without the
/// formatting machinery.
fn push_int(out: &mut Vec<u8>, n: i64) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A text cell, with the reversible formula guard: one leading `'`.
fn push_text(out: &mut Vec<u8>, s: &str) {
    if needs_guard(s) {
        out.push(b'\'');
    }
    out.extend_from_slice(s.as_bytes());
}

/// Characters of UTF-8 text: the bytes that do not continue a character.
fn utf8_chars(text: &[u8]) -> usize {
    text.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    use crate::batch::{BatchBuilder, Value};
    use crate::schema::Column as SchemaColumn;

    #[test]
    fn a_file_synced_in_the_background_holds_and_hashes_every_byte() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("t.csv");
        let mut h = create_unbuffered(&path).expect("create");
        h.sync_every = 1000;
        let mut all = Vec::new();
        for k in 0..2000u32 {
            let chunk = format!("row {k}, {}\r\n", "x".repeat((k % 97) as usize));
            h.write_all(chunk.as_bytes()).expect("write");
            all.extend_from_slice(chunk.as_bytes());
        }
        assert!(h.synced > 0, "no background sync ran");
        let entry = h.finish(&path, "t.csv".into()).expect("finish");
        assert_eq!(std::fs::read(&path).expect("read"), all);
        assert_eq!(entry.bytes, all.len() as u64);
        assert_eq!(entry.sha256, hex(&Sha256::digest(&all)));
    }

    #[test]
    fn cells_over_the_spreadsheet_limit_are_refused() {
        let table = Table {
            name: "long",
            description: "",
            columns: vec![column("text", ColumnType::Text), column("texts", ColumnType::TextList)],
            primary_key: Vec::new(),
            foreign_keys: Vec::new(),
        };
        let fits = "é".repeat(MAX_CELL_CHARS);
        let over = "é".repeat(MAX_CELL_CHARS + 1);
        let guarded = format!("={}", "x".repeat(MAX_CELL_CHARS - 1));
        let cases = [
            (fits.as_str(), true),
            (over.as_str(), false),
            // The guard makes the cell one character longer.
            (&guarded[1..], true),
            (guarded.as_str(), false),
        ];
        for (text, ok) in cases {
            for list in [false, true] {
                let row = if list {
                    [Value::Text(None), Value::TextList(vec![text])]
                } else {
                    [Value::Text(Some(text)), Value::TextList(Vec::new())]
                };
                let dir = tempfile::tempdir().expect("temp dir");
                let mut writer = TableWriter::create(dir.path(), table.clone()).expect("create");
                let mut builder = BatchBuilder::new(table.clone());
                builder.push(&row).expect("push");
                let written = writer.write(&builder.finish().expect("batch"));
                assert_eq!(written.is_ok(), ok, "{} chars, list {list}", text.chars().count());
            }
        }
    }

    #[test]
    fn utf8_chars_counts_characters() {
        for text in ["", "abc", "ünïcödé", "日本語", "😀 x", "\u{7ff}\u{800}\u{ffff}\u{10000}"] {
            assert_eq!(utf8_chars(text.as_bytes()), text.chars().count(), "{text:?}");
        }
    }

    #[test]
    fn push_int_matches_display() {
        let mut cases =
            vec![0, 1, -1, 9, 10, -10, 99, 100, 12_345, -987_654_321, i64::MAX, i64::MIN, i64::MIN + 1];
        cases.extend((0..64).map(|k| 1i64 << k).flat_map(|n| [n, n - 1, -n, 1 - n]));
        for n in cases {
            let mut out = b"x".to_vec();
            push_int(&mut out, n);
            assert_eq!(String::from_utf8_lossy(&out), format!("x{n}"));
        }
    }

    #[test]
    fn push_date_writes_iso_dates() {
        // Checked by hand: 1970-01-01 is day 0, 2000-03-01 day 11,017,
        // 1969-12-31 day -1.
        for (d, want) in [(0, "1970-01-01"), (11_017, "2000-03-01"), (-1, "1969-12-31")] {
            let mut out = b"x".to_vec();
            push_date(&mut out, d).expect("in range");
            assert_eq!(String::from_utf8_lossy(&out), format!("x{want}"));
        }
        // Out of jiff's range: an error, not a panic.
        for d in [i32::MIN, i32::MAX] {
            assert!(push_date(&mut Vec::new(), d).is_err());
        }
    }

    fn column(name: &'static str, ty: ColumnType) -> SchemaColumn {
        SchemaColumn { name, ty, nullable: true, description: "", categories: Vec::new(), in_csv: true }
    }

    /// The CSV edition, written the straightforward way: every cell
    /// formatted into its own `String`, then written by the `csv` crate.
    fn reference_csv(rows: &[Vec<Value<'_>>]) -> Vec<u8> {
        let mut out = "\u{feff}".as_bytes().to_vec();
        let mut csv = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(&mut out);
        csv.write_record(["text", "int", "bool", "date", "texts", "ints"]).expect("header");
        let guard = |s: &str| if needs_guard(s) { format!("'{s}") } else { s.to_string() };
        for row in rows {
            let mut record = Vec::new();
            for v in &row[..6] {
                record.push(match v {
                    Value::Text(t) => t.map(guard).unwrap_or_default(),
                    Value::Integer(n) => n.map(|n| n.to_string()).unwrap_or_default(),
                    Value::Boolean(b) => b.to_string(),
                    Value::Date(d) => d
                        .map(|d| {
                            jiff::civil::date(1970, 1, 1)
                                .checked_add(jiff::Span::new().days(d))
                                .expect("date")
                                .to_string()
                        })
                        .unwrap_or_default(),
                    Value::TextList(items) => guard(&items.join(LIST_SEPARATOR)),
                    Value::IntegerList(items) => {
                        items.iter().map(i64::to_string).collect::<Vec<_>>().join(LIST_SEPARATOR)
                    }
                });
            }
            csv.write_record(&record).expect("record");
        }
        drop(csv);
        out
    }

    /// A table with a column of every type, and one left out of the CSV.
    pub(crate) fn awkward_table() -> Table {
        let mut hidden = column("hidden", ColumnType::Text);
        hidden.in_csv = false;
        Table {
            name: "awkward",
            description: "",
            columns: vec![
                column("text", ColumnType::Text),
                column("int", ColumnType::Integer),
                column("bool", ColumnType::Boolean),
                column("date", ColumnType::Date),
                column("texts", ColumnType::TextList),
                column("ints", ColumnType::IntegerList),
                hidden,
            ],
            primary_key: Vec::new(),
            foreign_keys: Vec::new(),
        }
    }

    #[test]
    fn csv_cells_match_the_csv_crate_on_awkward_fields() {
        let table = awkward_table();
        let texts = [
            "",
            "plain",
            "a,b",
            "say \"hi\"",
            "\"",
            "line\nbreak",
            "cr\rhere",
            "crlf\r\n",
            " spaced ",
            "=SUM(A1)",
            "+1",
            "-1",
            "@x",
            "\tt",
            "\rr",
            "\nn",
            "'quoted",
            "ünïcödé",
            "a;b",
            "#hash",
        ];
        let lists: [&[&str]; 6] =
            [&[], &["one"], &["=f", "x"], &["a", "=b"], &["x,y", "q\"q", "n\nl"], &["'g"]];
        let ints: [&[i64]; 4] = [&[], &[0], &[-1, i64::MAX, i64::MIN], &[10, 200, 3000]];
        let dates = [None, Some(0), Some(-1), Some(19_000), Some(-719_162), Some(2_932_896)];
        let mut rows = Vec::new();
        for (k, t) in texts.iter().enumerate() {
            rows.push(vec![
                Value::Text(if k == 0 { None } else { Some(*t) }),
                Value::Integer([None, Some(0), Some(-7), Some(i64::MIN), Some(i64::MAX), Some(42)][k % 6]),
                Value::Boolean(k % 2 == 0),
                Value::Date(dates[k % dates.len()]),
                Value::TextList(lists[k % lists.len()].to_vec()),
                Value::IntegerList(ints[k % ints.len()].to_vec()),
                Value::Text(Some("not in the CSV, \"quoted\"")),
            ]);
            rows.push(vec![
                Value::Text(Some(*t)),
                Value::Integer(None),
                Value::Boolean(true),
                Value::Date(None),
                Value::TextList(Vec::new()),
                Value::IntegerList(Vec::new()),
                Value::Text(None),
            ]);
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let mut writer = TableWriter::create(dir.path(), table.clone()).expect("create");
        let mut builder = BatchBuilder::new(table);
        // Uneven batches, so cells are read at several offsets of a batch.
        for chunk in rows.chunks(7) {
            for row in chunk {
                builder.push(row).expect("push");
            }
            writer.write(&builder.finish().expect("batch")).expect("write");
        }
        let entries = writer.finish().expect("finish");
        let written = std::fs::read(dir.path().join("awkward.csv")).expect("read");
        assert_eq!(String::from_utf8_lossy(&written), String::from_utf8_lossy(&reference_csv(&rows)));
        // The entries hashed on the way out are those of the files on disk.
        for (entry, name) in entries.iter().zip(["awkward.csv", "awkward.parquet"]) {
            assert_eq!(entry, &crate::digest::file_entry(dir.path(), name).expect("hash the file"));
        }
        assert!(entries[1].bytes > 1_000, "the Parquet file has its footer: {entries:?}");
    }
}

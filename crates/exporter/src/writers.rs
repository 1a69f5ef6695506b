//! Writing a table as Parquet (the lossless master copy) and CSV (the
//! spreadsheet edition of the same rows), batch by batch.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use arrow_select::concat::concat_batches;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties, WriterVersion, DEFAULT_CREATED_BY};

use crate::error::{Error, Result};
use crate::schema::{ColumnType, Table};

/// The most characters a spreadsheet cell holds (Excel, LibreOffice).
pub const MAX_CELL_CHARS: usize = 32_767;

/// The separator of list items in a CSV cell.
pub const LIST_SEPARATOR: &str = "; ";

/// Rows per call of the Parquet writer, and its mini-batch size.
pub const WRITE_BATCH_ROWS: usize = 1024;

/// Rows per Parquet row group (a multiple of [`WRITE_BATCH_ROWS`]).
pub const ROW_GROUP_ROWS: usize = 16_384;

/// Rows per row group of the `documents` table, whose rows carry whole
/// texts: a row group is buffered in memory until full, so this bounds
/// memory (256 rows of even 1 MB texts stay well under 300 MB). It
/// divides [`WRITE_BATCH_ROWS`].
pub const DOCUMENT_ROW_GROUP_ROWS: usize = 256;

// Row groups must end on the grid of writer calls (see `TableWriter`).
const _: () = assert!(ROW_GROUP_ROWS.is_multiple_of(WRITE_BATCH_ROWS));
const _: () = assert!(WRITE_BATCH_ROWS.is_multiple_of(DOCUMENT_ROW_GROUP_ROWS));

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
pub struct TableWriter {
    table: Table,
    parquet: ArrowWriter<BufWriter<File>>,
    call_rows: usize,
    pending: Vec<RecordBatch>,
    pending_rows: usize,
    parquet_path: PathBuf,
    csv: csv::Writer<BufWriter<File>>,
    csv_path: PathBuf,
    cell: String,
}

fn create(path: &Path) -> Result<BufWriter<File>> {
    File::create(path).map(|f| BufWriter::with_capacity(1 << 17, f)).map_err(|e| Error::io(path, e))
}

impl TableWriter {
    /// Creates both files in `dir` and writes the CSV header.
    pub fn create(dir: &Path, table: Table) -> Result<TableWriter> {
        let parquet_path = dir.join(format!("{}.parquet", table.name));
        let csv_path = dir.join(format!("{}.csv", table.name));
        let rows = if table.name == "documents" { DOCUMENT_ROW_GROUP_ROWS } else { ROW_GROUP_ROWS };
        let parquet =
            ArrowWriter::try_new(create(&parquet_path)?, table.arrow_schema(), Some(writer_properties(rows)))
                .map_err(|e| Error::format(&parquet_path, e))?;
        let mut out = create(&csv_path)?;
        // UTF-8 byte-order mark: Excel needs it to read UTF-8.
        out.write_all("\u{feff}".as_bytes()).map_err(|e| Error::io(&csv_path, e))?;
        let mut csv = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(out);
        let header: Vec<&str> = table.csv_columns().map(|(_, c)| c.name).collect();
        csv.write_record(&header).map_err(|e| Error::format(&csv_path, e))?;
        Ok(TableWriter {
            table,
            parquet,
            call_rows: rows.min(WRITE_BATCH_ROWS),
            pending: Vec::new(),
            pending_rows: 0,
            parquet_path,
            csv,
            csv_path,
            cell: String::new(),
        })
    }

    /// The table's name.
    pub fn name(&self) -> &'static str {
        self.table.name
    }

    /// Rows per call of the Parquet writer: a caller that hands over
    /// batches of exactly this size (but the last) saves a copy.
    pub fn call_rows(&self) -> usize {
        self.call_rows
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
        for row in 0..batch.num_rows() {
            for (i, column) in self.table.csv_columns() {
                csv_cell(batch.column(i).as_ref(), column.ty, row, &mut self.cell).map_err(|message| {
                    Error::Value {
                        table: self.table.name,
                        column: column.name,
                        key: row_key(batch, row),
                        message,
                    }
                })?;
                // Bytes bound characters: count them only when it matters.
                if self.cell.len() > MAX_CELL_CHARS && self.cell.chars().count() > MAX_CELL_CHARS {
                    return Err(Error::Value {
                        table: self.table.name,
                        column: column.name,
                        key: row_key(batch, row),
                        message: format!("a CSV cell would exceed {MAX_CELL_CHARS} characters"),
                    });
                }
                self.csv.write_field(&self.cell).map_err(|e| Error::format(&self.csv_path, e))?;
            }
            // Ends the record whose fields were just written.
            self.csv.write_record(None::<&[u8]>).map_err(|e| Error::format(&self.csv_path, e))?;
        }
        Ok(())
    }

    /// Flushes and closes both files.
    pub fn finish(mut self) -> Result<()> {
        self.write_pending()?;
        self.parquet.close().map_err(|e| Error::format(&self.parquet_path, e))?;
        let out = self.csv.into_inner().map_err(|e| Error::format(&self.csv_path, e.error()))?;
        let file = out.into_inner().map_err(|e| Error::io(&self.csv_path, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(&self.csv_path, e))
    }
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

/// Formats one cell of the CSV edition into `out` (null = empty).
fn csv_cell(
    array: &dyn Array,
    ty: ColumnType,
    row: usize,
    out: &mut String,
) -> std::result::Result<(), String> {
    out.clear();
    if array.is_null(row) {
        return Ok(());
    }
    match ty {
        ColumnType::Text => push_text(out, array.as_string::<i32>().value(row)),
        ColumnType::Integer => {
            let _ = write!(out, "{}", array.as_primitive::<Int64Type>().value(row));
        }
        ColumnType::Boolean => out.push_str(if array.as_boolean().value(row) { "true" } else { "false" }),
        ColumnType::Date => {
            let days = array.as_primitive::<Date32Type>().value(row);
            let date = jiff::civil::date(1970, 1, 1)
                .checked_add(jiff::Span::new().days(i64::from(days)))
                .map_err(|e| e.to_string())?;
            let _ = write!(out, "{date}");
        }
        ColumnType::TextList => {
            let list = array.as_list::<i32>().value(row);
            let items = list.as_string::<i32>();
            let mut joined = String::new();
            for (k, item) in items.iter().flatten().enumerate() {
                if item.contains(LIST_SEPARATOR) || item.is_empty() {
                    return Err(format!(
                        "list item {item:?} is empty or contains the list separator {LIST_SEPARATOR:?}"
                    ));
                }
                if k > 0 {
                    joined.push_str(LIST_SEPARATOR);
                }
                joined.push_str(item);
            }
            push_text(out, &joined);
        }
        ColumnType::IntegerList => {
            let list = array.as_list::<i32>().value(row);
            let items = list.as_primitive::<Int64Type>();
            for (k, item) in items.iter().flatten().enumerate() {
                if k > 0 {
                    out.push_str(LIST_SEPARATOR);
                }
                let _ = write!(out, "{item}");
            }
        }
    }
    Ok(())
}

/// A text cell, with the reversible formula guard: one leading `'`.
fn push_text(out: &mut String, s: &str) {
    if needs_guard(s) {
        out.push('\'');
    }
    out.push_str(s);
}

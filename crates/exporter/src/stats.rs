//! A short summary of an export, read back from its Parquet files: what
//! a newcomer looks at first.

use std::fs::File;
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::RecordBatch;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;

use crate::error::{Error, Result};
use crate::schema;

/// One document in the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentStats {
    /// doc_id.
    pub id: String,
    /// Words in the clean text.
    pub words: i64,
    /// Segments.
    pub segments: i64,
    /// Quality flags.
    pub flags: Vec<String>,
}

/// The summary of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Rows per table, in export order.
    pub tables: Vec<(&'static str, i64)>,
    /// Every document, in key order.
    pub documents: Vec<DocumentStats>,
}

fn read(dir: &Path, table: &str, columns: &[&str]) -> Result<Vec<RecordBatch>> {
    let path = dir.join(format!("{table}.parquet"));
    let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| Error::format(&path, e))?;
    let parquet_schema = builder.parquet_schema();
    let mask = ProjectionMask::columns(parquet_schema, columns.iter().copied());
    let reader = builder.with_projection(mask).build().map_err(|e| Error::format(&path, e))?;
    reader.map(|b| b.map_err(|e| Error::format(&path, e))).collect()
}

fn rows(dir: &Path, table: &str) -> Result<i64> {
    let path = dir.join(format!("{table}.parquet"));
    let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| Error::format(&path, e))?;
    Ok(builder.metadata().file_metadata().num_rows())
}

/// Reads the summary of the export in `dir`.
pub fn stats(dir: &Path) -> Result<Stats> {
    let mut tables = Vec::new();
    for t in schema::tables() {
        tables.push((t.name, rows(dir, t.name)?));
    }
    let mut documents = Vec::new();
    for batch in read(dir, "documents", &["doc_id", "words", "segments", "quality_flags"])? {
        let ids = batch.column_by_name("doc_id").map(|c| c.as_string::<i32>().clone());
        let words = batch.column_by_name("words").map(|c| c.as_primitive::<Int64Type>().clone());
        let segs = batch.column_by_name("segments").map(|c| c.as_primitive::<Int64Type>().clone());
        let flags = batch.column_by_name("quality_flags").map(|c| c.as_list::<i32>().clone());
        let (Some(ids), Some(words), Some(segs), Some(flags)) = (ids, words, segs, flags) else {
            return Err(Error::format(dir.join("documents.parquet"), "missing columns"));
        };
        for i in 0..batch.num_rows() {
            let f = flags.value(i);
            documents.push(DocumentStats {
                id: ids.value(i).to_string(),
                words: words.value(i),
                segments: segs.value(i),
                flags: f.as_string::<i32>().iter().flatten().map(String::from).collect(),
            });
        }
    }
    Ok(Stats { tables, documents })
}

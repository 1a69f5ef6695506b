//! A short summary of an export, read back from its Parquet files: what
//! a newcomer looks at first.

use std::collections::BTreeMap;
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
    /// Quotes.
    pub quotes: i64,
    /// Events.
    pub events: i64,
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
    /// The most mentioned actors: (name, mentions, documents), at most 15.
    pub top_actors: Vec<(String, i64, i64)>,
    /// Per document, its most mentioned actors: (doc_id, [(name, mentions)]), at most 5 each.
    pub top_actors_by_document: Vec<(String, Vec<(String, i64)>)>,
}

/// The named columns of a table of an export, every record batch.
pub(crate) fn read(dir: &Path, table: &str, columns: &[&str]) -> Result<Vec<RecordBatch>> {
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
    for batch in
        read(dir, "documents", &["doc_id", "words", "segments", "quotes", "events", "quality_flags"])?
    {
        let int = |name: &str| batch.column_by_name(name).map(|c| c.as_primitive::<Int64Type>().clone());
        let (Some(quotes), Some(events)) = (int("quotes"), int("events")) else {
            return Err(Error::format(dir.join("documents.parquet"), "missing columns"));
        };
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
                quotes: quotes.value(i),
                events: events.value(i),
                flags: f.as_string::<i32>().iter().flatten().map(String::from).collect(),
            });
        }
    }
    let (top_actors, top_actors_by_document) = top_actors(dir)?;
    Ok(Stats { tables, documents, top_actors, top_actors_by_document })
}

type TopActors = (Vec<(String, i64, i64)>, Vec<(String, Vec<(String, i64)>)>);

fn top_actors(dir: &Path) -> Result<TopActors> {
    let mut names = BTreeMap::new();
    let mut all = Vec::new();
    for b in read(dir, "actors", &["actor_id", "name", "mentions", "documents"])? {
        let (Some(id), Some(name), Some(m), Some(d)) = (
            b.column_by_name("actor_id"),
            b.column_by_name("name"),
            b.column_by_name("mentions"),
            b.column_by_name("documents"),
        ) else {
            return Err(Error::format(dir.join("actors.parquet"), "missing columns"));
        };
        let (id, name) = (id.as_string::<i32>(), name.as_string::<i32>());
        let (m, d) = (m.as_primitive::<Int64Type>(), d.as_primitive::<Int64Type>());
        for i in 0..b.num_rows() {
            names.insert(id.value(i).to_string(), name.value(i).to_string());
            all.push((name.value(i).to_string(), m.value(i), d.value(i)));
        }
    }
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    all.truncate(15);
    let mut per_doc: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
    for b in read(dir, "mentions", &["doc_id", "actor_id"])? {
        let (Some(doc), Some(actor)) = (b.column_by_name("doc_id"), b.column_by_name("actor_id")) else {
            return Err(Error::format(dir.join("mentions.parquet"), "missing columns"));
        };
        let (doc, actor) = (doc.as_string::<i32>(), actor.as_string::<i32>());
        for i in 0..b.num_rows() {
            let name = names.get(actor.value(i)).cloned().unwrap_or_else(|| actor.value(i).to_string());
            *per_doc.entry(doc.value(i).to_string()).or_default().entry(name).or_default() += 1;
        }
    }
    let by_doc = per_doc
        .into_iter()
        .map(|(doc, counts)| {
            let mut v: Vec<(String, i64)> = counts.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v.truncate(5);
            (doc, v)
        })
        .collect();
    Ok((all, by_doc))
}

//! The files written after the tables: the data card, the data package,
//! a part's manifest, and `SHA256SUMS`.

use std::collections::HashMap;
use std::path::Path;

use corpus_parser::CorpusMeta;

use crate::card::{CardBuilder, CARD_FILE};
use crate::digest::{file_entry, FileEntry};
use crate::error::{Error, Result};
use crate::package::{datapackage, sums, PACKAGE_FILE, SUMS_FILE};
use crate::schema;
use crate::shard::{PartManifest, PART_FILE};
use crate::target::output_error;

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

pub(crate) fn write(path: &Path, data: &[u8]) -> Result<()> {
    std::fs::write(path, data).map_err(|e| Error::io(path, e))
}

//! Round trips: every Parquet file reads back with the schema we wrote,
//! and every CSV parses back to the same rows as its Parquet twin (after
//! removing the formula guard).

use std::fs::File;
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use corpus_exporter::schema::{self, ColumnType, Table};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use super::util::{bundled, corpus, TinyCorpus, PROSE};

fn read_parquet(path: &Path) -> (RecordBatch, String) {
    let builder = ParquetRecordBatchReaderBuilder::try_new(File::open(path).expect("open")).expect("parquet");
    let created_by = builder.metadata().file_metadata().created_by().unwrap_or("").to_string();
    let schema = builder.schema().clone();
    let batches: Vec<RecordBatch> = builder.build().expect("reader").map(|b| b.expect("batch")).collect();
    (arrow_select_concat(&schema, &batches), created_by)
}

fn arrow_select_concat(schema: &arrow_schema::SchemaRef, batches: &[RecordBatch]) -> RecordBatch {
    // Tests read small files: one batch, or several of one schema.
    if batches.len() == 1 {
        return batches[0].clone();
    }
    let columns = (0..schema.fields().len())
        .map(|i| {
            let parts: Vec<&dyn Array> = batches.iter().map(|b| b.column(i).as_ref()).collect();
            arrow_select::concat::concat(&parts).expect("concat")
        })
        .collect();
    RecordBatch::try_new(schema.clone(), columns).expect("batch")
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = std::fs::read(path).expect("read csv");
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "{} starts with a BOM", path.display());
    let body = &bytes[3..];
    assert!(body.windows(2).filter(|w| w == b"\r\n").count() > 0, "CRLF line ends");
    let mut r = csv::ReaderBuilder::new().has_headers(true).from_reader(body);
    let header = r.headers().expect("header").iter().map(String::from).collect();
    let rows = r.records().map(|rec| rec.expect("row").iter().map(String::from).collect()).collect();
    (header, rows)
}

/// Removes the formula guard from a text cell.
fn unguard(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if corpus_exporter::needs_guard(rest) => rest.to_string(),
        _ => cell.to_string(),
    }
}

fn date_from_days(days: i32) -> String {
    jiff::civil::date(1970, 1, 1)
        .checked_add(jiff::Span::new().days(i64::from(days)))
        .expect("date")
        .to_string()
}

/// Compares one CSV cell with the Parquet value, parsing the CSV by type.
fn assert_cell(table: &str, column: &str, ty: ColumnType, array: &dyn Array, row: usize, cell: &str) {
    let at = format!("{table}.{column} row {row}");
    if array.is_null(row) {
        assert_eq!(cell, "", "{at}: null is an empty cell");
        return;
    }
    match ty {
        ColumnType::Text => assert_eq!(unguard(cell), array.as_string::<i32>().value(row), "{at}"),
        ColumnType::Integer => assert_eq!(
            cell.parse::<i64>().expect("integer"),
            array.as_primitive::<Int64Type>().value(row),
            "{at}"
        ),
        ColumnType::Boolean => assert_eq!(cell == "true", array.as_boolean().value(row), "{at}"),
        ColumnType::Date => {
            assert_eq!(cell, date_from_days(array.as_primitive::<Date32Type>().value(row)), "{at}")
        }
        ColumnType::TextList => {
            let list = array.as_list::<i32>().value(row);
            let want: Vec<String> =
                list.as_string::<i32>().iter().map(|s| s.expect("item").to_string()).collect();
            let cell = unguard(cell);
            let got: Vec<String> =
                if cell.is_empty() { Vec::new() } else { cell.split("; ").map(String::from).collect() };
            assert_eq!(got, want, "{at}");
        }
        ColumnType::IntegerList => {
            let list = array.as_list::<i32>().value(row);
            let want: Vec<i64> = list.as_primitive::<Int64Type>().iter().map(|v| v.expect("item")).collect();
            let got: Vec<i64> = if cell.is_empty() {
                Vec::new()
            } else {
                cell.split("; ").map(|v| v.parse().expect("int")).collect()
            };
            assert_eq!(got, want, "{at}");
        }
    }
}

fn check_table(dir: &Path, table: &Table) -> RecordBatch {
    let (batch, created_by) = read_parquet(&dir.join(format!("{}.parquet", table.name)));
    assert_eq!(created_by, corpus_exporter::created_by());
    assert!(created_by.starts_with("corpus version ") && created_by.contains(" (build "), "{created_by}");
    // The schema read back is the one we wrote, descriptions included.
    let want = table.arrow_schema();
    assert_eq!(batch.schema().fields(), want.fields(), "{} schema", table.name);
    let (header, rows) = read_csv(&dir.join(format!("{}.csv", table.name)));
    let csv_cols: Vec<_> = table.csv_columns().collect();
    assert_eq!(header, csv_cols.iter().map(|(_, c)| c.name.to_string()).collect::<Vec<_>>());
    assert_eq!(rows.len(), batch.num_rows(), "{}: CSV and Parquet row counts", table.name);
    for (r, row) in rows.iter().enumerate() {
        for (k, (i, c)) in csv_cols.iter().enumerate() {
            assert!(row[k].chars().count() <= corpus_exporter::MAX_CELL_CHARS);
            assert_cell(table.name, c.name, c.ty, batch.column(*i).as_ref(), r, &row[k]);
        }
    }
    batch
}

#[test]
fn bundled_export_round_trips_through_parquet_and_csv() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = corpus(tmp.path(), &["build", "--corpus", bundled().to_str().expect("utf-8"), "--out", "out"]);
    assert!(out.status.success(), "{}", super::util::stderr(&out));
    let dir = tmp.path().join("out");
    for t in schema::tables() {
        check_table(&dir, &t);
    }
    let docs = check_table(&dir, &schema::documents());
    let segs = check_table(&dir, &schema::segments());
    // Rows sorted by key.
    let ids: Vec<&str> = docs.column(0).as_string::<i32>().iter().map(|s| s.expect("id")).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted);
    let seg_ids = segs.column(0).as_string::<i32>();
    let seqs = segs.column(1).as_primitive::<Int64Type>();
    for r in 1..segs.num_rows() {
        assert!(
            (seg_ids.value(r - 1), seqs.value(r - 1)) < (seg_ids.value(r), seqs.value(r)),
            "segments sorted at {r}"
        );
    }
    // Parquet holds exactly what the pipeline produced.
    let catalog = corpus_parser::Catalog::load(&bundled()).expect("catalog");
    let texts = docs.column_by_name("text").expect("text column").as_string::<i32>();
    for (row, id) in ids.iter().enumerate() {
        let entry = catalog.documents.iter().find(|e| e.id == *id).expect("entry");
        let p = corpus_exporter::process(&super::util::actors(), &catalog.root, entry).expect("process");
        assert_eq!(texts.value(row), p.doc.text, "{id}: documents.text");
    }
}

#[test]
fn formula_injection_is_guarded_in_csv_and_exact_in_parquet() {
    let hostile = format!(
        "=HYPERLINK(\"http://example.invalid\",\"x\") is what the first line says, and it goes on long enough to be prose.\n\n\
+cmd and more words here to make this a paragraph of running text, said someone.\n\n\
-2+3 is not a formula but looks like one, and this line is long enough to be a paragraph.\n\n\
@SUM(1) starts this line, which also has enough words in it to be counted as prose.\n\n{PROSE}\n"
    );
    let t = TinyCorpus::new(&[("inject", hostile.as_bytes())]);
    let out = t.build("out");
    assert!(out.status.success(), "{}", super::util::stderr(&out));
    let dir = t.path().join("out");
    let (_, rows) = read_csv(&dir.join("segments.csv"));
    let texts: Vec<&str> = rows.iter().map(|r| r[r.len() - 1].as_str()).collect();
    assert!(texts[0].starts_with("'=HYPERLINK("), "{}", texts[0]);
    assert!(texts[1].starts_with("'+cmd"));
    assert!(texts[2].starts_with("'-2+3"));
    assert!(texts[3].starts_with("'@SUM(1)"));
    assert!(!texts[4].starts_with('\''));
    let (batch, _) = read_parquet(&dir.join("segments.parquet"));
    let text = batch.column_by_name("text").expect("text").as_string::<i32>();
    assert!(text.value(0).starts_with("=HYPERLINK("));
    check_table(&dir, &schema::segments());
}

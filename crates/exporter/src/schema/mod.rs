//! The table contract: every table's columns, types and descriptions, in
//! one place, each column declared once together with how its cell is
//! read from the row's record (one file a table: `documents.rs`,
//! `segments.rs`, `actors.rs`, `mentions.rs`, `quotes.rs`, `events.rs`).
//! Arrow schemas, CSV headers, the data package's Table Schemas and the
//! rows themselves are all derived from these declarations, so a column
//! cannot be in the schema without a value, and its value cannot have
//! another type (see `Cell` in `schema/cell.rs`).

use std::collections::HashMap;
use std::sync::Arc;

use arrow_schema::{DataType, Field, Schema, SchemaRef};

use crate::actors::ActorRow;
use crate::batch::Value;
use crate::process::Processed;

mod actors;
mod cell;
mod documents;
mod events;
mod mentions;
mod quotes;
mod segments;

pub(crate) use cell::TableDef;

/// The separator of list items in a CSV cell.
pub const LIST_SEPARATOR: &str = "; ";

/// A column's logical type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text.
    Text,
    /// 64-bit signed integer.
    Integer,
    /// true / false.
    Boolean,
    /// A calendar date (Parquet `date32`, CSV `YYYY-MM-DD`).
    Date,
    /// A list of texts (CSV: joined with `; `).
    TextList,
    /// A list of integers (CSV: joined with `; `).
    IntegerList,
}

/// One column of a table (its contract; the value comes from the
/// column's `Cell` in its table's declaration).
#[derive(Debug, Clone)]
pub struct Column {
    /// The column name (part of the contract).
    pub name: &'static str,
    /// Its type.
    pub ty: ColumnType,
    /// Whether it may be null.
    pub nullable: bool,
    /// What it holds.
    pub description: &'static str,
    /// The closed vocabulary, if it has one.
    pub categories: Vec<&'static str>,
    /// Whether the CSV edition has it (`documents.text` is Parquet only).
    pub in_csv: bool,
}

/// A table: its columns, key and foreign keys.
#[derive(Debug, Clone)]
pub struct Table {
    /// The table name; files are `NAME.csv` and `NAME.parquet`.
    pub name: &'static str,
    /// What one row is.
    pub description: &'static str,
    /// The columns, in file order.
    pub columns: Vec<Column>,
    /// The primary key.
    pub primary_key: Vec<&'static str>,
    /// (columns, referenced table, referenced columns).
    pub foreign_keys: Vec<(Vec<&'static str>, &'static str, Vec<&'static str>)>,
}

/// The tables written document by document (all but `actors`), in the
/// order the build streams them: row `k` of each is read from one
/// processed document.
pub(crate) fn streamed() -> Vec<TableDef<Processed>> {
    vec![documents::def(), segments::def(), mentions::def(), quotes::def(), events::def()]
}

/// The `actors` table, whose rows are the corpus's actors with their
/// totals (complete only after the last document).
pub(crate) fn actors_def() -> TableDef<[ActorRow]> {
    actors::def()
}

/// The rows one processed document gives each streamed table, as values
/// in column order: for tests and inspection (a build streams the
/// values straight into its batches).
pub fn document_rows(p: &Processed) -> Vec<(Table, Vec<Vec<Value<'_>>>)> {
    streamed()
        .into_iter()
        .map(|def| {
            let rows = def.values(p);
            (def.table, rows)
        })
        .collect()
}

/// The `documents` table.
pub fn documents() -> Table {
    documents::def().table
}

/// The `segments` table.
pub fn segments() -> Table {
    segments::def().table
}

/// The `actors` table.
pub fn actors() -> Table {
    actors::def().table
}

/// The `mentions` table.
pub fn mentions() -> Table {
    mentions::def().table
}

/// The `quotes` table.
pub fn quotes() -> Table {
    quotes::def().table
}

/// The `events` table.
pub fn events() -> Table {
    events::def().table
}

/// Every table, in export order.
pub fn tables() -> Vec<Table> {
    vec![documents(), segments(), actors(), mentions(), quotes(), events()]
}

impl Table {
    /// The Arrow schema, with each column's description as field metadata.
    pub fn arrow_schema(&self) -> SchemaRef {
        let fields: Vec<Field> = self
            .columns
            .iter()
            .map(|c| {
                let meta = HashMap::from([("description".to_string(), c.description.to_string())]);
                Field::new(c.name, c.ty.arrow(), c.nullable).with_metadata(meta)
            })
            .collect();
        let meta = HashMap::from([("description".to_string(), self.description.to_string())]);
        Arc::new(Schema::new_with_metadata(fields, meta))
    }

    /// The columns the CSV edition carries.
    pub fn csv_columns(&self) -> impl Iterator<Item = (usize, &Column)> {
        self.columns.iter().enumerate().filter(|(_, c)| c.in_csv)
    }
}

impl ColumnType {
    /// The Arrow type.
    pub fn arrow(self) -> DataType {
        use ColumnType::*;
        match self {
            Text => DataType::Utf8,
            Integer => DataType::Int64,
            Boolean => DataType::Boolean,
            Date => DataType::Date32,
            TextList => DataType::List(Arc::new(Field::new("item", DataType::Utf8, false))),
            IntegerList => DataType::List(Arc::new(Field::new("item", DataType::Int64, false))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_streamed_tables_are_every_table_but_actors_in_export_order() {
        let streamed: Vec<&str> = streamed().iter().map(|d| d.table.name).collect();
        let all: Vec<&str> = tables().iter().map(|t| t.name).filter(|n| *n != "actors").collect();
        assert_eq!(streamed, all);
        assert_eq!(actors_def().table.name, "actors");
    }

    #[test]
    fn the_readme_shows_a_column_line_as_it_is_declared() {
        let readme = include_str!("../../../../README.md");
        let section = readme.split("### Adding a column or a table").nth(1).expect("the README section");
        let shown = section.split("```rust\n").nth(1).and_then(|s| s.split("```").next()).expect("a snippet");
        assert!(!shown.trim().is_empty());
        for line in shown.lines() {
            assert!(include_str!("quotes.rs").lines().any(|l| l == line), "not in schema/quotes.rs: {line}");
        }
    }

    #[test]
    fn keys_name_columns_that_exist() {
        let tables = tables();
        let has = |table: &str, column: &str| {
            tables.iter().any(|t| t.name == table && t.columns.iter().any(|c| c.name == column))
        };
        for t in &tables {
            let mut names: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), t.columns.len(), "{}: a column declared twice", t.name);
            assert!(!t.primary_key.is_empty(), "{}: no primary key", t.name);
            for k in &t.primary_key {
                assert!(has(t.name, k), "{}: primary key {k}", t.name);
            }
            for (columns, other, refs) in &t.foreign_keys {
                assert_eq!(columns.len(), refs.len(), "{}: foreign key {columns:?}", t.name);
                for (c, r) in columns.iter().zip(refs) {
                    assert!(has(t.name, c) && has(other, r), "{}: {c} -> {other}.{r}", t.name);
                }
            }
        }
    }
}

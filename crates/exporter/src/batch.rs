//! Cells of a row, and rows of one table collected into an Arrow record
//! batch.

use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Date32Builder, Int64Builder, ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, SchemaRef};

use crate::error::{Error, Result};
use crate::schema::{Column, ColumnType, Table, TableDef};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// Text or null.
    Text(Option<&'a str>),
    /// Integer or null.
    Integer(Option<i64>),
    /// Boolean.
    Boolean(bool),
    /// Days since 1970-01-01, or null.
    Date(Option<i32>),
    /// A list of texts.
    TextList(Vec<&'a str>),
    /// A list of integers.
    IntegerList(Vec<i64>),
}

enum ColumnBuilder {
    Text(StringBuilder),
    Integer(Int64Builder),
    Boolean(BooleanBuilder),
    Date(Date32Builder),
    TextList(ListBuilder<StringBuilder>),
    IntegerList(ListBuilder<Int64Builder>),
}

/// Collects rows of one table into a record batch.
pub struct BatchBuilder {
    table: Table,
    schema: SchemaRef,
    columns: Vec<ColumnBuilder>,
    rows: usize,
}

fn item(ty: DataType) -> Arc<Field> {
    Arc::new(Field::new("item", ty, false))
}

impl BatchBuilder {
    /// An empty batch for `table`.
    pub fn new(table: Table) -> BatchBuilder {
        let schema = table.arrow_schema();
        BatchBuilder::with_schema(table, schema, 1024)
    }

    /// An empty batch for `table`, whose Arrow schema (made once by the
    /// caller) is `schema`, with room for `rows` rows: a builder's
    /// default room (1,024 rows, 8 KB an integer column) is kept by the
    /// arrays it makes, which a batch of one document's rows would hold
    /// on to (600 KB a document over the streamed tables).
    pub(crate) fn with_schema(table: Table, schema: SchemaRef, rows: usize) -> BatchBuilder {
        let text = || StringBuilder::with_capacity(rows, 0);
        let columns = table
            .columns
            .iter()
            .map(|c| match c.ty {
                ColumnType::Text => ColumnBuilder::Text(text()),
                ColumnType::Integer => ColumnBuilder::Integer(Int64Builder::with_capacity(rows)),
                ColumnType::Boolean => ColumnBuilder::Boolean(BooleanBuilder::with_capacity(rows)),
                ColumnType::Date => ColumnBuilder::Date(Date32Builder::with_capacity(rows)),
                ColumnType::TextList => ColumnBuilder::TextList(
                    ListBuilder::with_capacity(text(), rows).with_field(item(DataType::Utf8)),
                ),
                ColumnType::IntegerList => ColumnBuilder::IntegerList(
                    ListBuilder::with_capacity(Int64Builder::with_capacity(rows), rows)
                        .with_field(item(DataType::Int64)),
                ),
            })
            .collect();
        BatchBuilder { table, schema, columns, rows: 0 }
    }

    /// Rows added since the last [`BatchBuilder::finish`].
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Adds one row; its values must follow the table's columns (tests
    /// write tables of their own with it).
    #[cfg(test)]
    pub(crate) fn push(&mut self, row: &[Value<'_>]) -> Result<()> {
        if row.len() != self.columns.len() {
            return Err(self.wrong_width());
        }
        for ((b, v), c) in self.columns.iter_mut().zip(row).zip(&self.table.columns) {
            append(b, v, self.table.name, c)?;
        }
        self.rows += 1;
        Ok(())
    }

    /// Adds every row of `record` (this builder's table must be `def`'s).
    pub(crate) fn push_rows<R: ?Sized>(&mut self, def: &TableDef<R>, record: &R) -> Result<()> {
        if def.cells.len() != self.columns.len() {
            return Err(self.wrong_width());
        }
        for k in 0..(def.rows)(record) {
            for ((b, cell), c) in self.columns.iter_mut().zip(&def.cells).zip(&self.table.columns) {
                append(b, &cell.value(record, k), self.table.name, c)?;
            }
            self.rows += 1;
        }
        Ok(())
    }

    fn wrong_width(&self) -> Error {
        Error::Value {
            table: self.table.name,
            column: "*",
            key: String::new(),
            message: "row has the wrong number of values".into(),
        }
    }

    /// The rows as a record batch; the builder is empty again afterwards.
    pub fn finish(&mut self) -> Result<RecordBatch> {
        let arrays: Vec<ArrayRef> = self
            .columns
            .iter_mut()
            .map(|b| -> ArrayRef {
                match b {
                    ColumnBuilder::Text(b) => Arc::new(b.finish()),
                    ColumnBuilder::Integer(b) => Arc::new(b.finish()),
                    ColumnBuilder::Boolean(b) => Arc::new(b.finish()),
                    ColumnBuilder::Date(b) => Arc::new(b.finish()),
                    ColumnBuilder::TextList(b) => Arc::new(b.finish()),
                    ColumnBuilder::IntegerList(b) => Arc::new(b.finish()),
                }
            })
            .collect();
        self.rows = 0;
        RecordBatch::try_new(self.schema.clone(), arrays)
            .map_err(|e| Error::format(format!("{}.parquet", self.table.name), e))
    }
}

/// Appends `v` to the builder of column `c` of table `table`.
#[inline]
fn append(b: &mut ColumnBuilder, v: &Value<'_>, table: &'static str, c: &Column) -> Result<()> {
    match (b, v) {
        (ColumnBuilder::Text(b), Value::Text(t)) => b.append_option(*t),
        (ColumnBuilder::Integer(b), Value::Integer(n)) => b.append_option(*n),
        (ColumnBuilder::Boolean(b), Value::Boolean(x)) => b.append_value(*x),
        (ColumnBuilder::Date(b), Value::Date(d)) => b.append_option(*d),
        (ColumnBuilder::TextList(b), Value::TextList(items)) => {
            for i in items {
                b.values().append_value(i);
            }
            b.append(true);
        }
        (ColumnBuilder::IntegerList(b), Value::IntegerList(items)) => {
            for i in items {
                b.values().append_value(*i);
            }
            b.append(true);
        }
        _ => {
            return Err(Error::Value {
                table,
                column: c.name,
                key: String::new(),
                message: format!("value {v:?} does not fit the column type"),
            })
        }
    }
    Ok(())
}

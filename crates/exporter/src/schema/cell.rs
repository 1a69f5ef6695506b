//! A table's declaration: its contract ([`Table`]) and, column by
//! column, the [`Cell`] that reads the column's value from a row.
//!
//! A table's rows come from a record `R` (a processed document for the
//! streamed tables, the list of actors for `actors`), and row `k` is
//! read from it: the `k`th mention of the document, the `k`th actor.
//! Every cell is a plain function of `(record, k)`. The cell's variant
//! fixes the column's type and whether it may be null, so a declaration
//! cannot give a column a value of another type, and a required column
//! cannot get a null.

use super::{Column, ColumnType, Table};
use crate::batch::Value;

/// How a column's cell is read from row `k` of the record `R`; the
/// variant is the column's type (`Opt…`: the column may be null).
pub(crate) enum Cell<R: ?Sized> {
    /// Text.
    Text(fn(&R, usize) -> &str),
    /// Text or null.
    OptText(fn(&R, usize) -> Option<&str>),
    /// An integer.
    Integer(fn(&R, usize) -> i64),
    /// An integer or null.
    OptInteger(fn(&R, usize) -> Option<i64>),
    /// true or false.
    Boolean(fn(&R, usize) -> bool),
    /// A date.
    Date(fn(&R, usize) -> jiff::civil::Date),
    /// A date or null.
    OptDate(fn(&R, usize) -> Option<jiff::civil::Date>),
    /// A list of texts (never null; may be empty).
    TextList(fn(&R, usize) -> Vec<&str>),
    /// A list of integers (never null; may be empty).
    IntegerList(fn(&R, usize) -> Vec<i64>),
}

impl<R: ?Sized> Cell<R> {
    /// The column type and whether it may be null.
    fn column_type(&self) -> (ColumnType, bool) {
        match self {
            Cell::Text(_) => (ColumnType::Text, false),
            Cell::OptText(_) => (ColumnType::Text, true),
            Cell::Integer(_) => (ColumnType::Integer, false),
            Cell::OptInteger(_) => (ColumnType::Integer, true),
            Cell::Boolean(_) => (ColumnType::Boolean, false),
            Cell::Date(_) => (ColumnType::Date, false),
            Cell::OptDate(_) => (ColumnType::Date, true),
            Cell::TextList(_) => (ColumnType::TextList, false),
            Cell::IntegerList(_) => (ColumnType::IntegerList, false),
        }
    }

    /// The value of row `k` of `rows`.
    #[inline]
    pub(crate) fn value<'a>(&self, rows: &'a R, k: usize) -> Value<'a> {
        match self {
            Cell::Text(f) => Value::Text(Some(f(rows, k))),
            Cell::OptText(f) => Value::Text(f(rows, k)),
            Cell::Integer(f) => Value::Integer(Some(f(rows, k))),
            Cell::OptInteger(f) => Value::Integer(f(rows, k)),
            Cell::Boolean(f) => Value::Boolean(f(rows, k)),
            Cell::Date(f) => Value::Date(Some(days(f(rows, k)))),
            Cell::OptDate(f) => Value::Date(f(rows, k).map(days)),
            Cell::TextList(f) => Value::TextList(f(rows, k)),
            Cell::IntegerList(f) => Value::IntegerList(f(rows, k)),
        }
    }
}

/// A table: its contract, how many rows a record has, and the cell of
/// each column (in column order).
pub(crate) struct TableDef<R: ?Sized> {
    /// The contract (what the writers, the data package and the card see).
    pub table: Table,
    /// How many rows a record gives.
    pub rows: fn(&R) -> usize,
    /// One per column of `table`, in the same order.
    pub cells: Vec<Cell<R>>,
}

impl<R: ?Sized> TableDef<R> {
    /// A table named `name` with no columns yet, whose record `R` gives
    /// `rows(record)` rows.
    pub(crate) fn new(name: &'static str, rows: fn(&R) -> usize, description: &'static str) -> TableDef<R> {
        let table = Table {
            name,
            description,
            columns: Vec::new(),
            primary_key: Vec::new(),
            foreign_keys: Vec::new(),
        };
        TableDef { table, rows, cells: Vec::new() }
    }

    /// Adds a column: its name, its cell, and what it holds.
    pub(crate) fn column(mut self, name: &'static str, cell: Cell<R>, description: &'static str) -> Self {
        let (ty, nullable) = cell.column_type();
        let column = Column { name, ty, nullable, description, categories: Vec::new(), in_csv: true };
        self.table.columns.push(column);
        self.cells.push(cell);
        self
    }

    /// The closed vocabulary of the column added last.
    pub(crate) fn categories(mut self, categories: Vec<&'static str>) -> Self {
        if let Some(c) = self.table.columns.last_mut() {
            c.categories = categories;
        }
        self
    }

    /// Leaves the column added last out of the CSV edition.
    pub(crate) fn parquet_only(mut self) -> Self {
        if let Some(c) = self.table.columns.last_mut() {
            c.in_csv = false;
        }
        self
    }

    /// The primary key.
    pub(crate) fn primary_key(mut self, columns: &[&'static str]) -> Self {
        self.table.primary_key = columns.to_vec();
        self
    }

    /// A foreign key: `columns` refer to `refs` of table `table`.
    pub(crate) fn foreign_key(
        mut self,
        columns: &[&'static str],
        table: &'static str,
        refs: &[&'static str],
    ) -> Self {
        self.table.foreign_keys.push((columns.to_vec(), table, refs.to_vec()));
        self
    }

    /// Every row of `rows`, as values in column order (for tests and
    /// inspection; a build streams the values straight into a batch).
    pub(crate) fn values<'a>(&self, rows: &'a R) -> Vec<Vec<Value<'a>>> {
        (0..(self.rows)(rows)).map(|k| self.cells.iter().map(|c| c.value(rows, k)).collect()).collect()
    }
}

/// A count or an offset as a table integer.
pub(crate) fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Days since 1970-01-01 (Parquet `date32`).
fn days(date: jiff::civil::Date) -> i32 {
    let epoch = jiff::civil::date(1970, 1, 1);
    epoch.until(date).map_or(0, |span| span.get_days())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record of two rows.
    struct Pair {
        names: [&'static str; 2],
    }

    fn def() -> TableDef<Pair> {
        TableDef::new("pairs", |_: &Pair| 2, "Two rows.")
            .column("name", Cell::Text(|p, k| p.names[k]), "A name.")
            .column("nick", Cell::OptText(|p, k| (k == 1).then_some(p.names[0])), "Maybe a nick.")
            .column("k", Cell::Integer(|_, k| int(k)), "The row.")
            .column("on", Cell::Date(|_, k| jiff::civil::date(1970, 1, 2 + k as i8)), "A day.")
            .categories(vec!["x"])
            .parquet_only()
            .primary_key(&["name"])
    }

    #[test]
    fn a_cell_gives_its_column_type_and_nullability_and_the_values_of_each_row() {
        let d = def();
        let shape: Vec<(&str, ColumnType, bool, bool)> =
            d.table.columns.iter().map(|c| (c.name, c.ty, c.nullable, c.in_csv)).collect();
        assert_eq!(
            shape,
            [
                ("name", ColumnType::Text, false, true),
                ("nick", ColumnType::Text, true, true),
                ("k", ColumnType::Integer, false, true),
                ("on", ColumnType::Date, false, false),
            ]
        );
        assert_eq!(d.table.columns[3].categories, ["x"]);
        assert!(d.table.columns[2].categories.is_empty());
        let rows = d.values(&Pair { names: ["a", "b"] });
        assert_eq!(
            rows,
            [
                [Value::Text(Some("a")), Value::Text(None), Value::Integer(Some(0)), Value::Date(Some(1))],
                [
                    Value::Text(Some("b")),
                    Value::Text(Some("a")),
                    Value::Integer(Some(1)),
                    Value::Date(Some(2))
                ],
            ]
        );
    }
}

//! `datapackage.json` (Frictionless Data Package v2) and `SHA256SUMS`.

use corpus_parser::CorpusMeta;
use serde_json::{json, Map, Value};

use crate::digest::FileEntry;
use crate::schema::LIST_SEPARATOR;
use crate::schema::{ColumnType, Table};

/// The name of the checksum file.
pub const SUMS_FILE: &str = "SHA256SUMS";
/// The name of the data package descriptor.
pub const PACKAGE_FILE: &str = "datapackage.json";

const GUARD_NOTE: &str = "CSV edition: UTF-8 with a byte-order mark, comma-separated, CRLF line ends, RFC 4180 quoting. An empty cell is null (in a list column, the empty list). Lists are joined with '; '. Formula guard: a text cell whose value starts with =, +, -, @, tab, CR, LF or ' is written with one extra leading ' so that spreadsheets show it as text; strip exactly one leading ' from such a cell to get the value back.";

fn field(c: &crate::schema::Column) -> Value {
    let mut f = Map::new();
    f.insert("name".into(), json!(c.name));
    let (ty, item) = match c.ty {
        ColumnType::Text => ("string", None),
        ColumnType::Integer => ("integer", None),
        ColumnType::Boolean => ("boolean", None),
        ColumnType::Date => ("date", None),
        ColumnType::TextList => ("list", Some("string")),
        ColumnType::IntegerList => ("list", Some("integer")),
    };
    f.insert("type".into(), json!(ty));
    if let Some(item) = item {
        f.insert("delimiter".into(), json!(LIST_SEPARATOR));
        f.insert("itemType".into(), json!(item));
    }
    if c.ty == ColumnType::Boolean {
        f.insert("trueValues".into(), json!(["true"]));
        f.insert("falseValues".into(), json!(["false"]));
    }
    f.insert("description".into(), json!(c.description));
    if !c.categories.is_empty() && item.is_none() {
        f.insert("categories".into(), json!(c.categories));
    }
    if !c.nullable && item.is_none() {
        f.insert("constraints".into(), json!({ "required": true }));
    }
    Value::Object(f)
}

fn table_resource(table: &Table, csv: &FileEntry) -> Value {
    let fields: Vec<Value> = table.csv_columns().map(|(_, c)| field(c)).collect();
    let mut schema = Map::new();
    schema.insert("$schema".into(), json!("https://datapackage.org/profiles/2.0/tableschema.json"));
    schema.insert("fields".into(), Value::Array(fields));
    schema.insert("missingValues".into(), json!([""]));
    schema.insert("primaryKey".into(), json!(table.primary_key));
    if !table.foreign_keys.is_empty() {
        let fks: Vec<Value> = table
            .foreign_keys
            .iter()
            .map(|(fields, resource, refs)| json!({ "fields": fields, "reference": { "resource": resource, "fields": refs } }))
            .collect();
        schema.insert("foreignKeys".into(), Value::Array(fks));
    }
    json!({
        "name": table.name,
        "type": "table",
        "path": csv.path,
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "title": table.name,
        "description": format!("{} {GUARD_NOTE}", table.description),
        "bytes": csv.bytes,
        "hash": format!("sha256:{}", csv.sha256),
        "dialect": {
            "$schema": "https://datapackage.org/profiles/2.0/tabledialect.json",
            "header": true,
            "delimiter": ",",
            "lineTerminator": "\r\n",
            "quoteChar": "\"",
            "doubleQuote": true
        },
        "schema": Value::Object(schema),
    })
}

fn file_resource(name: &str, description: String, file: &FileEntry, format: &str, mediatype: &str) -> Value {
    json!({
        "name": name,
        "type": "file",
        "path": file.path,
        "scheme": "file",
        "format": format,
        "mediatype": mediatype,
        "description": description,
        "bytes": file.bytes,
        "hash": format!("sha256:{}", file.sha256),
    })
}

/// The data package descriptor, as pretty JSON with a final newline.
pub fn datapackage(
    meta: &CorpusMeta,
    tables: &[(Table, FileEntry, FileEntry)],
    extra: &[FileEntry],
) -> String {
    let mut resources = Vec::new();
    for (table, csv, _) in tables {
        resources.push(table_resource(table, csv));
    }
    for (table, _, parquet) in tables {
        let description = format!(
            "{} Parquet edition (the lossless master copy): typed columns, lists as lists, dates as date32, column descriptions in the schema.",
            table.description
        );
        let name = format!("{}-parquet", table.name);
        resources.push(file_resource(
            &name,
            description,
            parquet,
            "parquet",
            "application/vnd.apache.parquet",
        ));
    }
    for file in extra {
        let name = file.path.to_lowercase().replace(['.', '_'], "-");
        resources.push(file_resource(
            &name,
            "The dataset card: what each table is and how it was built.".into(),
            file,
            "md",
            "text/markdown",
        ));
    }
    let name = meta.name.clone().unwrap_or_else(|| "corpus".to_string());
    let mut package = Map::new();
    package.insert("$schema".into(), json!("https://datapackage.org/profiles/2.0/datapackage.json"));
    package.insert("name".into(), json!(name));
    if let Some(t) = &meta.title {
        package.insert("title".into(), json!(t));
    }
    if let Some(d) = &meta.description {
        package.insert("description".into(), json!(d));
    }
    package.insert("version".into(), json!(env!("CARGO_PKG_VERSION")));
    package.insert("resources".into(), Value::Array(resources));
    let mut s = serde_json::to_string_pretty(&Value::Object(package)).unwrap_or_default();
    s.push('\n');
    s
}

/// `SHA256SUMS`: `<hex>  <path>` lines sorted by path.
pub fn sums(files: &[FileEntry]) -> String {
    let mut sorted: Vec<&FileEntry> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    sorted.iter().map(|f| format!("{}  {}\n", f.sha256, f.path)).collect()
}

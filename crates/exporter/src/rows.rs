//! Rows of the tables, and turning them into Arrow record batches.

use std::ops::Range;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Date32Builder, Int64Builder, ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field};
use corpus_normaliser::{Annotations, Document, Event, Quotes};
use corpus_parser::CatalogEntry;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::schema::{ColumnType, Table};

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

/// Hex SHA-256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Size and hex SHA-256 of a file, read a block at a time (an export's
/// files can be far larger than memory should hold).
pub fn sha256_file(path: &std::path::Path) -> std::io::Result<(u64, String)> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buf[..n]);
    }
    Ok((size, hex(&hasher.finalize())))
}

pub(crate) fn hex(digest: &[u8]) -> String {
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    s
}

/// A document after the pipeline, ready to be written.
#[derive(Debug, Clone)]
pub struct Processed {
    /// Its catalog entry.
    pub entry: CatalogEntry,
    /// SHA-256 of the raw bytes.
    pub source_sha256: String,
    /// Size of the raw source.
    pub source_bytes: usize,
    /// The encoding the source was read in.
    pub encoding: &'static str,
    /// The catalog's `[document.extra]` as a JSON object, if any.
    pub extra: Option<String>,
    /// SHA-256 of the clean text.
    pub text_sha256: String,
    /// Time spent on it, per stage.
    pub times: crate::export::StageTimes,
    /// The normalised document.
    pub doc: Document,
    /// Its mentions and discovered actors.
    pub annotations: Annotations,
    /// The actor id of each mention (same order as `annotations.mentions`).
    pub mention_actor_ids: Vec<String>,
    /// Its quotes.
    pub quotes: Quotes,
    /// Each quote's id and speaker actor id (same order as `quotes.quotes`).
    pub quote_ids: Vec<(String, Option<String>)>,
    /// Its events.
    pub events: Vec<Event>,
    /// Each event's id and actor ids (same order as `events`).
    pub event_ids: Vec<(String, Vec<String>)>,
    /// The source bytes of each mention, quote and event (in their
    /// order), looked up in `doc.map` where the document was processed:
    /// the map, 8 bytes a character, is cold by the time the writer thread
    /// gets the document, and its lookups took half of that thread's own
    /// time. A span without a range here is looked up in the map.
    pub sources: Sources,
}

/// The source byte ranges of a document's mentions, quotes and events.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// One per mention.
    pub mentions: Vec<Range<usize>>,
    /// One per quote.
    pub quotes: Vec<Range<usize>>,
    /// One per event.
    pub events: Vec<Range<usize>>,
}

impl Sources {
    /// The ranges of `doc`'s characters `annotations`, `quotes` and
    /// `events` span.
    pub fn of(doc: &Document, annotations: &Annotations, quotes: &Quotes, events: &[Event]) -> Sources {
        let map = &doc.map;
        Sources {
            mentions: annotations.mentions.iter().map(|m| map.source_range(m.start..m.end)).collect(),
            quotes: quotes.quotes.iter().map(|q| map.source_range(q.start..q.end)).collect(),
            events: events.iter().map(|e| map.source_range(e.start..e.end)).collect(),
        }
    }
}

/// Turns the source offsets of a document read from a derived text (a
/// file in another encoding, a web page) into offsets in the file.
pub(crate) fn to_file_offsets(map: &corpus_parser::SourceMap, doc: &mut Document, sources: &mut Sources) {
    if map.is_identity() {
        return;
    }
    for s in &mut doc.segments {
        s.source = map.range(s.source.clone());
        s.parts.iter_mut().for_each(|p| *p = map.range(p.clone()));
    }
    for r in sources.mentions.iter_mut().chain(&mut sources.quotes).chain(&mut sources.events) {
        *r = map.range(r.clone());
    }
}

fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn days(date: jiff::civil::Date) -> i32 {
    let epoch = jiff::civil::date(1970, 1, 1);
    epoch.until(date).map_or(0, |span| span.get_days())
}

impl Processed {
    /// The source bytes of the `k`th span of a kind: from `sources` (see
    /// [`Processed::sources`]), or looked up in the offset map.
    fn source(&self, sources: &[Range<usize>], k: usize, chars: Range<usize>) -> Range<usize> {
        sources.get(k).cloned().unwrap_or_else(|| self.doc.map.source_range(chars))
    }

    /// The `documents` row.
    pub fn document_row(&self) -> Vec<Value<'_>> {
        let e = &self.entry;
        let d = &self.doc;
        vec![
            Value::Text(Some(&e.id)),
            Value::Text(e.title.as_deref()),
            Value::Text(e.publisher.as_deref()),
            Value::TextList(e.authors.iter().map(String::as_str).collect()),
            Value::Date(e.published.map(|p| days(p.date))),
            Value::Text(e.published.map(|p| p.precision.as_str())),
            Value::Boolean(e.date_inferred),
            Value::Text(e.url.as_deref()),
            Value::Text(e.genre.as_deref()),
            Value::Text(e.language.as_deref()),
            Value::Text(e.licence.as_deref()),
            Value::Text(Some(&e.file)),
            Value::Text(Some(&self.source_sha256)),
            Value::Integer(Some(int(self.source_bytes))),
            Value::Text(Some(&self.text_sha256)),
            Value::Integer(Some(int(d.chars))),
            Value::Integer(Some(int(d.words))),
            Value::Integer(Some(int(d.segments.len()))),
            Value::Integer(Some(int(self.quotes.quotes.len()))),
            Value::Integer(Some(int(self.events.len()))),
            Value::Integer(Some(int(self.quotes.unbalanced))),
            Value::TextList(d.flags.iter().map(|f| f.as_str()).collect()),
            Value::Text(e.notes.as_deref()),
            Value::Text(e.licence_note.as_deref()),
            Value::Text(self.extra.as_deref()),
            Value::Text(Some(self.encoding)),
            Value::Text(Some(&d.text)),
        ]
    }

    /// The `mentions` rows.
    pub fn mention_rows(&self) -> impl Iterator<Item = [Value<'_>; 8]> {
        self.annotations.mentions.iter().zip(&self.mention_actor_ids).enumerate().map(move |(k, (m, id))| {
            let src = self.source(&self.sources.mentions, k, m.start..m.end);
            [
                Value::Text(Some(&self.entry.id)),
                Value::Text(Some(id)),
                Value::Text(Some(&m.surface)),
                Value::Integer(Some(int(m.start))),
                Value::Integer(Some(int(m.end))),
                Value::Integer(Some(int(src.start))),
                Value::Integer(Some(int(src.end))),
                Value::Integer(Some(i64::from(m.segment_seq))),
            ]
        })
    }

    /// The `quotes` rows.
    pub fn quote_rows(&self) -> impl Iterator<Item = [Value<'_>; 14]> {
        self.quotes.quotes.iter().zip(&self.quote_ids).enumerate().map(move |(k, (q, (id, speaker_id)))| {
            let src = self.source(&self.sources.quotes, k, q.start..q.end);
            [
                Value::Text(Some(id)),
                Value::Text(Some(&self.entry.id)),
                Value::Integer(Some(int(k + 1))),
                Value::Text(Some(&q.text)),
                Value::Integer(Some(int(q.start))),
                Value::Integer(Some(int(q.end))),
                Value::Integer(Some(int(src.start))),
                Value::Integer(Some(int(src.end))),
                Value::Integer(Some(i64::from(q.segment_seq))),
                Value::Text(Some(q.mark.as_str())),
                Value::Text(q.speaker.as_deref()),
                Value::Text(speaker_id.as_deref()),
                Value::Text(Some(q.speaker_kind.as_str())),
                Value::Text(q.cue.as_deref()),
            ]
        })
    }

    /// The `events` rows.
    pub fn event_rows(&self) -> impl Iterator<Item = [Value<'_>; 18]> {
        self.events.iter().zip(&self.event_ids).enumerate().map(move |(k, (e, (id, actors)))| {
            let src = self.source(&self.sources.events, k, e.start..e.end);
            [
                Value::Text(Some(id)),
                Value::Text(Some(&self.entry.id)),
                Value::Integer(Some(int(k + 1))),
                Value::Text(Some(&e.date_text)),
                Value::Date(Some(days(e.date_start))),
                Value::Date(Some(days(e.date_end))),
                Value::Text(Some(e.precision.as_str())),
                Value::Text(Some(e.event_type)),
                Value::Text(e.trigger.as_deref()),
                Value::TextList(actors.iter().map(String::as_str).collect()),
                Value::Text(Some(&e.sentence)),
                Value::Integer(Some(int(e.start))),
                Value::Integer(Some(int(e.end))),
                Value::Integer(Some(int(src.start))),
                Value::Integer(Some(int(src.end))),
                Value::Integer(Some(int(e.date_span.0))),
                Value::Integer(Some(int(e.date_span.1))),
                Value::Integer(Some(i64::from(e.segment_seq))),
            ]
        })
    }

    /// The `segments` rows.
    pub fn segment_rows(&self) -> impl Iterator<Item = [Value<'_>; 11]> {
        self.doc.segments.iter().map(move |s| {
            [
                Value::Text(Some(&self.entry.id)),
                Value::Integer(Some(i64::from(s.seq))),
                Value::Text(Some(s.kind.as_str())),
                Value::Text(s.label.as_deref()),
                Value::Integer(s.span.as_ref().map(|r| int(r.start))),
                Value::Integer(s.span.as_ref().map(|r| int(r.end))),
                Value::Integer(Some(int(s.source.start))),
                Value::Integer(Some(int(s.source.end))),
                Value::IntegerList(s.parts.iter().flat_map(|p| [int(p.start), int(p.end)]).collect()),
                Value::TextList(s.footnotes.iter().map(String::as_str).collect()),
                Value::Text(Some(&s.text)),
            ]
        })
    }
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
    columns: Vec<ColumnBuilder>,
    rows: usize,
}

fn item(ty: DataType) -> Arc<Field> {
    Arc::new(Field::new("item", ty, false))
}

impl BatchBuilder {
    /// An empty batch for `table`.
    pub fn new(table: Table) -> BatchBuilder {
        let columns = table
            .columns
            .iter()
            .map(|c| match c.ty {
                ColumnType::Text => ColumnBuilder::Text(StringBuilder::new()),
                ColumnType::Integer => ColumnBuilder::Integer(Int64Builder::new()),
                ColumnType::Boolean => ColumnBuilder::Boolean(BooleanBuilder::new()),
                ColumnType::Date => ColumnBuilder::Date(Date32Builder::new()),
                ColumnType::TextList => ColumnBuilder::TextList(
                    ListBuilder::new(StringBuilder::new()).with_field(item(DataType::Utf8)),
                ),
                ColumnType::IntegerList => ColumnBuilder::IntegerList(
                    ListBuilder::new(Int64Builder::new()).with_field(item(DataType::Int64)),
                ),
            })
            .collect();
        BatchBuilder { table, columns, rows: 0 }
    }

    /// Rows added since the last [`BatchBuilder::finish`].
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Adds one row; its values must follow the table's columns.
    pub fn push(&mut self, row: &[Value<'_>]) -> Result<()> {
        let name = self.table.name;
        if row.len() != self.columns.len() {
            return Err(Error::Value {
                table: name,
                column: "*",
                key: String::new(),
                message: "row has the wrong number of values".into(),
            });
        }
        for ((b, v), c) in self.columns.iter_mut().zip(row).zip(&self.table.columns) {
            let mismatch = || Error::Value {
                table: name,
                column: c.name,
                key: String::new(),
                message: format!("value {v:?} does not fit the column type"),
            };
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
                _ => return Err(mismatch()),
            }
        }
        self.rows += 1;
        Ok(())
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
        RecordBatch::try_new(self.table.arrow_schema(), arrays)
            .map_err(|e| Error::format(format!("{}.parquet", self.table.name), e))
    }
}

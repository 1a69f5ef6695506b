//! The rows of the streamed tables for one processed document.

use std::ops::Range;

use crate::batch::Value;
use crate::process::Processed;
use crate::vocab;

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
                Value::Text(Some(vocab::quote_mark(q.mark))),
                Value::Text(q.speaker.as_deref()),
                Value::Text(speaker_id.as_deref()),
                Value::Text(Some(vocab::speaker_kind(q.speaker_kind))),
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
                Value::Text(Some(vocab::precision(e.precision))),
                Value::Text(Some(vocab::event_type(e.event_type))),
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

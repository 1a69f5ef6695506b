//! Invariants 3 and 4 on the bundled corpus and on small hostile texts:
//! offsets slice the text, source bytes re-normalise to the segment text,
//! and every non-blank source byte lies in a segment.

use std::collections::HashSet;

use corpus_exporter::{process, Processed};
use corpus_normaliser::{normalise, normalise_parts, Document};
use corpus_parser::{is_blank, parse_blocks, BlockKind, Catalog, Hints};

use super::util::bundled;

fn bundled_docs() -> Vec<(Processed, String)> {
    let catalog = Catalog::load(&bundled()).expect("bundled catalog loads");
    catalog
        .documents
        .iter()
        .map(|e| {
            let p = process(&super::util::actors(), &catalog.root, e).expect("bundled document processes");
            let source = std::fs::read_to_string(catalog.source_path(e)).expect("utf-8 source");
            (p, source)
        })
        .collect()
}

fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// Checks invariants 3 and 4 for one document; `name` names it in failures.
fn check_document(name: &str, source: &str, doc: &Document) {
    let labels: HashSet<String> = doc
        .segments
        .iter()
        .filter(|s| s.kind == BlockKind::Footnote)
        .filter_map(|s| s.label.clone())
        .collect();
    assert_eq!(doc.text.chars().count(), doc.chars, "{name}: chars");
    assert_eq!(doc.map.len(), doc.chars, "{name}: one map entry per character");
    for s in &doc.segments {
        let what = format!("{name} segment {} ({})", s.seq, s.kind.as_str());
        assert!(!s.text.is_empty(), "{what}: empty text");
        if let Some(span) = &s.span {
            assert_eq!(chars(&doc.text, span.start, span.end), s.text, "{what}: text[start:end]");
            let src = doc.map.source_range(span.clone());
            assert!(src.start >= s.source.start && src.end <= s.source.end, "{what}: map leaves the segment");
        } else {
            assert_eq!(s.kind, BlockKind::Boilerplate, "{what}: only boilerplate is left out of the text");
        }
        for p in &s.parts {
            assert!(p.start >= s.source.start && p.end <= s.source.end, "{what}: part outside source span");
        }
        if s.kind != BlockKind::Boilerplate {
            assert_eq!(
                normalise_parts(source, &s.parts, s.kind, &labels),
                s.text,
                "{what}: source bytes re-normalise"
            );
        }
    }
    // Segments in source order, seq 1..n.
    for (k, w) in doc.segments.windows(2).enumerate() {
        assert!(w[0].source.start < w[1].source.start, "{name}: segments out of order at {}", k + 1);
    }
    for (k, s) in doc.segments.iter().enumerate() {
        assert_eq!(s.seq as usize, k + 1, "{name}: seq");
    }
    // Coverage: no non-blank byte outside every segment.
    let mut covered = vec![false; source.len()];
    for s in &doc.segments {
        covered[s.source.clone()].iter_mut().for_each(|c| *c = true);
    }
    for (i, c) in source.char_indices() {
        assert!(covered[i] || is_blank(c), "{name}: byte {i} ({c:?}) is in no segment");
    }
}

#[test]
fn bundled_corpus_keeps_offsets_and_coverage() {
    let docs = bundled_docs();
    assert_eq!(docs.len(), 5);
    for (p, source) in &docs {
        check_document(&p.entry.id, source, &p.doc);
        check_mentions(p);
        check_quotes(p);
        check_events(p);
    }
}

/// Every event's sentence slices the text and holds its date expression;
/// its period is ordered; its actors are mentioned in the sentence.
fn check_events(p: &Processed) {
    let id = &p.entry.id;
    assert!(!p.events.is_empty(), "{id}: no events");
    for (e, (_, actor_ids)) in p.events.iter().zip(&p.event_ids) {
        assert_eq!(chars(&p.doc.text, e.start, e.end), e.sentence, "{id}: event sentence");
        assert_eq!(chars(&p.doc.text, e.date_span.0, e.date_span.1), e.date_text, "{id}: date text");
        assert!(e.start <= e.date_span.0 && e.date_span.1 <= e.end, "{id}: date outside its sentence");
        assert!(e.date_start <= e.date_end, "{id}: period reversed");
        for a in actor_ids {
            let mentioned = p
                .annotations
                .mentions
                .iter()
                .zip(&p.mention_actor_ids)
                .any(|(m, mid)| mid == a && m.start >= e.start && m.end <= e.end);
            assert!(mentioned, "{id}: event actor {a} is not mentioned in the sentence");
        }
    }
}

/// Every quote slices its text, is bounded, and every speaker actor id
/// is an actor of the export.
fn check_quotes(p: &Processed) {
    let id = &p.entry.id;
    let actors = super::util::actors();
    for (q, (_, speaker_id)) in p.quotes.quotes.iter().zip(&p.quote_ids) {
        assert_eq!(chars(&p.doc.text, q.start, q.end), q.text, "{id}: quote text");
        assert!(q.text.chars().count() <= 2 * corpus_normaliser::MAX_QUOTE_CHARS, "{id}: quote too long");
        if let Some(sid) = speaker_id {
            let known = corpus_parser::Gazetteer::load(&bundled())
                .expect("gazetteer")
                .actors
                .iter()
                .any(|a| &a.id == sid)
                || p.annotations.discovered.iter().any(|d| &actors.discovered_id(&d.name) == sid);
            assert!(known, "{id}: speaker {sid} is not an actor");
        }
    }
}

/// Every mention slices its surface from the text, lies inside its
/// segment, and maps to source bytes inside that segment.
fn check_mentions(p: &Processed) {
    let id = &p.entry.id;
    assert!(!p.annotations.mentions.is_empty(), "{id}: no mentions");
    for m in &p.annotations.mentions {
        assert_eq!(chars(&p.doc.text, m.start, m.end), m.surface, "{id}: mention surface");
        let seg = &p.doc.segments[m.segment_seq as usize - 1];
        let span = seg.span.clone().expect("mentions are in text segments");
        assert!(span.start <= m.start && m.end <= span.end, "{id}: mention outside its segment");
        let src = p.doc.map.source_range(m.start..m.end);
        assert!(seg.source.start <= src.start && src.end <= seg.source.end, "{id}: mention source bytes");
    }
}

/// The rows give each mention, quote and event the source bytes its
/// characters map to (the ranges are looked up before the rows are made).
#[test]
fn rows_carry_the_source_bytes_of_their_spans() {
    use corpus_exporter::Value;
    let int = |n: usize| Value::Integer(Some(n as i64));
    let (mut mentions, mut quotes, mut events) = (0, 0, 0);
    for (p, _) in bundled_docs() {
        // Without the ranges, the rows look them up in the map: the same.
        let mut bare = p.clone();
        bare.sources = Default::default();
        assert!(p.mention_rows().eq(bare.mention_rows()) && p.event_rows().eq(bare.event_rows()));
        assert!(p.quote_rows().eq(bare.quote_rows()));
        let map = &p.doc.map;
        for (row, m) in p.mention_rows().zip(&p.annotations.mentions) {
            let src = map.source_range(m.start..m.end);
            assert_eq!(row[5..7], [int(src.start), int(src.end)], "{}: mention {}", p.entry.id, m.surface);
            mentions += 1;
        }
        for (row, q) in p.quote_rows().zip(&p.quotes.quotes) {
            let src = map.source_range(q.start..q.end);
            assert_eq!(row[6..8], [int(src.start), int(src.end)], "{}: quote {}", p.entry.id, q.text);
            quotes += 1;
        }
        for (row, e) in p.event_rows().zip(&p.events) {
            let src = map.source_range(e.start..e.end);
            assert_eq!(row[13..15], [int(src.start), int(src.end)], "{}: event {}", p.entry.id, e.sentence);
            events += 1;
        }
    }
    assert!(mentions > 100 && quotes > 10 && events > 10, "{mentions} {quotes} {events}");
}

#[test]
fn hostile_small_texts_keep_offsets_and_coverage() {
    let long_line = format!("{} ", super::util::PROSE).repeat(400);
    let texts = [
        "\u{feff}Title line\r\n\r\nA paragraph with CRLF line ends that is long enough to be prose, said the man.\r\n".to_string(),
        "Lone\rCR\rline ends, with enough words here to be a paragraph in the middle of it all.\r".to_string(),
        "Cafe\u{301} de\u{301}ja\u{300} vu: **bold** and *it* and <u>u</u> &amp; e\u{301}.\n\n12 A note.\n".to_string(),
        "مرحبا بالعالم. هذا نص عربي طويل بما يكفي ليكون فقرة كاملة في المستند.\n\nПривет, мир. Это русский текст.\n".to_string(),
        "\"\"\"\"\"'''''“““‘‘‘ unbalanced ” marks ' everywhere\n".to_string(),
        long_line,
        "x\u{0}y control\u{7} chars\u{200b}\n".to_string(),
    ];
    for (k, text) in texts.iter().enumerate() {
        let blocks = parse_blocks(text, &Hints::default());
        let doc = normalise(text, &blocks);
        check_document(&format!("text {k}"), text, &doc);
    }
}

#[test]
fn long_blocks_are_split_so_no_cell_exceeds_the_spreadsheet_limit() {
    let text = format!("{} ", super::util::PROSE).repeat(600); // ~ 85,000 chars, one line
    let doc = normalise(&text, &parse_blocks(&text, &Hints::default()));
    assert!(doc.segments.len() >= 3, "split into {} segments", doc.segments.len());
    for s in &doc.segments {
        assert!(s.text.chars().count() <= corpus_normaliser::MAX_SEGMENT_CHARS);
        assert_eq!(s.kind, BlockKind::Paragraph);
    }
    // Nothing lost: the pieces hold every word.
    let words: usize = doc.segments.iter().map(|s| s.text.split_whitespace().count()).sum();
    assert_eq!(words, text.split_whitespace().count());
    check_document("long", &text, &doc);
}

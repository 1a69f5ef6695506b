//! Invariants 3 and 4 on the bundled corpus and on small hostile texts:
//! offsets slice the text, source bytes re-normalise to the segment text,
//! and every non-blank source byte lies in a segment.

use std::collections::{HashMap, HashSet};

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

/// Every row of every table with source offsets (found by column name,
/// so a new table is checked too), on the bundled corpus: a non-empty
/// range of the source file, on character boundaries, that holds the
/// bytes its characters `start..end` came from; for a mention, quote or
/// event exactly those bytes (a segment's range is its whole block,
/// markup included). A range missing from the annotated document, or
/// made up (`0..0`), fails here.
#[test]
fn every_row_with_source_offsets_has_the_bytes_of_its_characters() {
    use corpus_exporter::schema::{self, document_rows};
    use corpus_exporter::Value;
    let int = |v: &Value| match v {
        Value::Integer(Some(n)) => Some(usize::try_from(*n).expect("offsets are not negative")),
        _ => None,
    };
    let mut checked: HashMap<&str, usize> = HashMap::new();
    for (p, source) in bundled_docs() {
        for (table, rows) in document_rows(&p) {
            let at = |name: &str| table.columns.iter().position(|c| c.name == name);
            let (Some(ss), Some(se)) = (at("source_start"), at("source_end")) else { continue };
            let (s, e) = (at("start"), at("end"));
            for row in &rows {
                let what = format!("{} of {}: {row:?}", table.name, p.entry.id);
                let src = int(&row[ss]).expect("source_start")..int(&row[se]).expect("source_end");
                assert!(src.start < src.end && src.end <= source.len(), "{what}: empty or outside the file");
                assert!(source.is_char_boundary(src.start) && source.is_char_boundary(src.end), "{what}");
                let (Some(start), Some(end)) = (s.and_then(|i| int(&row[i])), e.and_then(|i| int(&row[i])))
                else {
                    continue;
                };
                let chars = p.doc.map.source_range(start..end);
                if table.name == "segments" {
                    assert!(src.start <= chars.start && chars.end <= src.end, "{what}: {chars:?} outside");
                } else {
                    assert_eq!(src, chars, "{what}");
                }
                *checked.entry(table.name).or_default() += 1;
            }
        }
    }
    let with_sources: Vec<&str> = schema::tables()
        .iter()
        .filter(|t| t.columns.iter().any(|c| c.name == "source_start"))
        .map(|t| t.name)
        .collect();
    assert_eq!(with_sources, ["segments", "mentions", "quotes", "events"]);
    for name in with_sources {
        assert!(checked.get(name).copied().unwrap_or(0) > 10, "{name}: {checked:?}");
    }
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

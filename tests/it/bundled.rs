//! The bundled corpus: what its users were promised (regression tests on
//! the real documents, in addition to the fixtures in `structure`).

use corpus_exporter::process;
use corpus_normaliser::QualityFlag;
use corpus_parser::{BlockKind, Catalog};

use super::util::bundled;

fn doc(id: &str) -> corpus_exporter::Processed {
    let catalog = Catalog::load(&bundled()).expect("catalog");
    let entry = catalog.documents.iter().find(|e| e.id == id).expect("document in catalog");
    process(&super::util::actors(), &catalog.root, entry).expect("process")
}

fn count(p: &corpus_exporter::Processed, kind: BlockKind) -> usize {
    p.doc.segments.iter().filter(|s| s.kind == kind).count()
}

#[test]
fn sources_are_byte_identical_to_the_seeds() {
    let catalog = Catalog::load(&bundled()).expect("catalog");
    let want = [
        ("time-2020-taliban-backs-al-qaeda", "e110dbe77f60"),
        ("fp-2023-taliban-pledge-terrorism", "ddd19a53f4b8"),
        ("fp-2021-why-taliban-wont-quit-al-qaeda", "636ab9a966e8"),
        ("odi-2021-taliban-narratives-al-qaeda", "d3a68da72b68"),
        ("cipher-brief-2025-al-qaeda-afghanistan", "46a7286ef5df"),
    ];
    for (id, prefix) in want {
        let e = catalog.documents.iter().find(|e| e.id == id).expect("entry");
        let bytes = std::fs::read(catalog.source_path(e)).expect("read");
        assert!(corpus_exporter::sha256_hex(&bytes).starts_with(prefix), "{id} was modified");
    }
}

#[test]
fn odi_footnotes_are_segments_and_page_breaks_are_joined() {
    let p = doc("odi-2021-taliban-narratives-al-qaeda");
    let labels: Vec<u32> = p
        .doc
        .segments
        .iter()
        .filter(|s| s.kind == BlockKind::Footnote)
        .map(|s| s.label.as_deref().unwrap_or("0").parse().expect("numeric label"))
        .collect();
    assert_eq!(labels, (1..=43).collect::<Vec<u32>>(), "footnotes 1..43, in order, once each");
    assert!(p.doc.joins_across_notes >= 8, "page-break joins: {}", p.doc.joins_across_notes);
    // No paragraph in the text starts in lower case: every split was re-joined.
    for s in p.doc.segments.iter().filter(|s| s.kind == BlockKind::Paragraph) {
        assert!(
            !s.text.starts_with(char::is_lowercase),
            "unjoined fragment: {}",
            &s.text[..60.min(s.text.len())]
        );
    }
    // Superscript markers are out of the text and linked.
    assert!(!p.doc.text.contains(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰']));
    assert!(p.doc.segments.iter().any(|s| s.footnotes.contains(&"18".to_string())));
    assert!(count(&p, BlockKind::Reference) >= 40);
    assert!(count(&p, BlockKind::TableRow) >= 10);
    assert!(count(&p, BlockKind::BlockQuote) >= 3);
    assert!(p.doc.flags.contains(&QualityFlag::PdfArtefacts));
}

#[test]
fn time_navigation_chrome_is_boilerplate() {
    let p = doc("time-2020-taliban-backs-al-qaeda");
    let s = &p.doc.segments;
    assert_eq!((s[0].kind, s[0].text.as_str()), (BlockKind::Boilerplate, "• Politics"));
    assert_eq!((s[1].kind, s[1].text.as_str()), (BlockKind::Boilerplate, "• Foreign Policy"));
    assert_eq!(s[2].kind, BlockKind::Title);
    assert!(!p.doc.text.contains("minute read") && !p.doc.text.contains("Must-Reads"));
}

#[test]
fn quality_flags_of_the_bundled_documents() {
    let flags = |id: &str| doc(id).doc.flags;
    assert_eq!(flags("fp-2023-taliban-pledge-terrorism"), vec![QualityFlag::QuoteMarksStripped]);
    assert_eq!(flags("cipher-brief-2025-al-qaeda-afghanistan"), vec![QualityFlag::SpunText]);
    assert_eq!(flags("fp-2021-why-taliban-wont-quit-al-qaeda"), vec![QualityFlag::MarkupResidue]);
    assert!(flags("time-2020-taliban-backs-al-qaeda").is_empty());
}

#[test]
fn no_actor_or_mention_is_a_fragment() {
    let catalog = Catalog::load(&bundled()).expect("catalog");
    let actors = super::util::actors();
    for e in &catalog.documents {
        let p = process(&actors, &catalog.root, e).expect("process");
        for (m, id) in p.annotations.mentions.iter().zip(&p.mention_actor_ids) {
            let s = m.surface.as_str();
            let bad = s.ends_with("'s") || s.ends_with("’s") || s.ends_with('\'') || s.ends_with('’');
            assert!(!bad, "{}: mention {s:?} of {id} is a fragment", e.id);
            for title in ["Gen.", "General ", "President ", "Mullah ", "Secretary of State "] {
                assert!(!s.starts_with(title), "{}: title in mention {s:?}", e.id);
            }
        }
        // "Talibans" (apostrophe deleted) is a mention of the Taliban, surface "Taliban".
        if e.id == "fp-2023-taliban-pledge-terrorism" {
            let text = &p.doc.text;
            let talibans = text.matches("Talibans").count();
            let at: Vec<usize> = p
                .annotations
                .mentions
                .iter()
                .filter(|m| m.surface == "Taliban")
                .map(|m| m.end)
                .filter(|&end| text.chars().nth(end) == Some('s'))
                .collect();
            assert_eq!(at.len(), talibans, "every Talibans is a Taliban mention");
        }
    }
}

#[test]
fn the_gazetteer_links_what_the_texts_name() {
    let p = doc("time-2020-taliban-backs-al-qaeda");
    let ids: Vec<&str> = p.mention_actor_ids.iter().map(String::as_str).collect();
    for id in ["taliban", "al-qaeda", "donald-trump", "mike-pompeo", "kimberly-kagan", "frederick-kagan"] {
        assert!(ids.contains(&id), "TIME mentions {id}");
    }
    // "says Kagan" after Frederick Kagan is Frederick, not Kim.
    let last_kagan =
        p.annotations.mentions.iter().zip(&p.mention_actor_ids).rfind(|(m, _)| m.surface == "Kagan");
    assert_eq!(last_kagan.map(|(_, id)| id.as_str()), Some("frederick-kagan"));
}

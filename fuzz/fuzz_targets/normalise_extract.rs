//! The normaliser and every extraction step on arbitrary text: clean text,
//! segments, mentions, quotes, events. Invariants: no panic; every span
//! slices the text on code point offsets; quotes are bounded.
#![no_main]

use std::sync::LazyLock;

use corpus_normaliser::{extract_events, extract_quotes, normalise, ActorMatcher, DatePrecision, MAX_QUOTE_CHARS};
use corpus_parser::{parse_blocks, Gazetteer, Hints};
use libfuzzer_sys::fuzz_target;

static MATCHER: LazyLock<ActorMatcher> = LazyLock::new(|| {
    let g = Gazetteer::parse(
        "actors.toml".as_ref(),
        "[[actor]]\nid = \"t\"\nname = \"Taliban\"\ntype = \"organization\"\naliases = [\"IEA\"]\n\n\
         [[actor]]\nid = \"k\"\nname = \"Kim Kagan\"\ntype = \"person\"\n",
    )
    .expect("fuzz gazetteer");
    ActorMatcher::new(&g)
});

fuzz_target!(|text: &str| {
    let doc = normalise(text, &parse_blocks(text, &Hints::default()));
    let n = doc.text.chars().count();
    assert_eq!(n, doc.chars);
    for s in &doc.segments {
        if let Some(r) = &s.span {
            assert!(r.start <= r.end && r.end <= n);
        }
    }
    let ann = MATCHER.annotate(&doc);
    for m in &ann.mentions {
        assert!(m.start < m.end && m.end <= n);
    }
    let quotes = extract_quotes(&doc, &ann, &MATCHER);
    for q in &quotes.quotes {
        assert!(q.start < q.end && q.end <= n);
        assert!(q.text.chars().count() <= 2 * MAX_QUOTE_CHARS);
    }
    let published = Some((jiff::civil::date(2020, 6, 1), DatePrecision::Day));
    for e in extract_events(&doc, &ann, published) {
        assert!(e.start <= e.date_span.0 && e.date_span.1 <= e.end && e.end <= n);
        assert!(e.date_start <= e.date_end);
    }
});

//! Per-stage micro-benchmarks on the bundled documents (`make
//! bench-stages`): block parsing, normalising, mentions, quotes and
//! events, each in bytes of source per second. `make bench` measures the
//! whole build; this says which stage to look at, and on which kind of
//! document (a web article, a PDF-extracted working paper, a spun text).

use std::path::PathBuf;

use corpus_normaliser::{extract_events, extract_quotes, normalise, ActorMatcher, DatePrecision, Document};
use corpus_parser::{parse_blocks, Block, Gazetteer, Hints};
use divan::counter::BytesCount;
use divan::Bencher;

fn main() {
    divan::main();
}

/// The bundled documents, by file stem.
const DOCS: &[&str] = &[
    "cipher-brief-2025-al-qaeda-afghanistan",
    "fp-2021-why-taliban-wont-quit-al-qaeda",
    "fp-2023-taliban-pledge-terrorism",
    "odi-2021-taliban-narratives-al-qaeda",
    "time-2020-taliban-backs-al-qaeda",
];

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

fn source(name: &str) -> String {
    let path = corpus().join("documents").join(format!("{name}.txt"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn matcher() -> ActorMatcher {
    ActorMatcher::new(&Gazetteer::load(&corpus()).expect("the bundled gazetteer loads"))
}

fn blocks(text: &str) -> Vec<Block> {
    parse_blocks(text, &Hints::default())
}

fn document(text: &str) -> Document {
    normalise(text, &blocks(text))
}

#[divan::bench(args = DOCS)]
fn parse(bencher: Bencher, name: &str) {
    let text = source(name);
    bencher.counter(BytesCount::of_str(&text)).bench(|| blocks(&text));
}

#[divan::bench(args = DOCS)]
fn normalise_text(bencher: Bencher, name: &str) {
    let text = source(name);
    let b = blocks(&text);
    bencher.counter(BytesCount::of_str(&text)).bench(|| normalise(&text, &b));
}

#[divan::bench(args = DOCS)]
fn mentions(bencher: Bencher, name: &str) {
    let text = source(name);
    let (doc, m) = (document(&text), matcher());
    bencher.counter(BytesCount::of_str(&text)).bench(|| m.annotate(&doc));
}

#[divan::bench(args = DOCS)]
fn quotes(bencher: Bencher, name: &str) {
    let text = source(name);
    let (doc, m) = (document(&text), matcher());
    let ann = m.annotate(&doc);
    bencher.counter(BytesCount::of_str(&text)).bench(|| extract_quotes(&doc, &ann, &m));
}

#[divan::bench(args = DOCS)]
fn events(bencher: Bencher, name: &str) {
    let text = source(name);
    let (doc, m) = (document(&text), matcher());
    let ann = m.annotate(&doc);
    let published = Some((jiff::civil::date(2021, 9, 1), DatePrecision::Month));
    bencher.counter(BytesCount::of_str(&text)).bench(|| extract_events(&doc, &ann, published));
}

//! The source parser on arbitrary bytes: decoding and block structure.
//! Invariants: no panic; blocks in order, inside the text, on char
//! boundaries; every non-blank character inside a block.
#![no_main]

use corpus_parser::{decode, is_blank, parse_blocks, Hints};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode("fuzz.txt".as_ref(), data) else { return };
    let blocks = parse_blocks(text, &Hints { title: Some("A Title"), ..Hints::default() });
    let mut covered = vec![false; text.len()];
    let mut last = 0;
    for b in &blocks {
        assert!(b.span.start >= last && b.span.end <= text.len() && b.span.start < b.span.end);
        assert!(text.is_char_boundary(b.span.start) && text.is_char_boundary(b.span.end));
        assert!(b.content.start >= b.span.start && b.content.end <= b.span.end);
        covered[b.span.clone()].iter_mut().for_each(|c| *c = true);
        last = b.span.end;
    }
    for (i, c) in text.char_indices() {
        assert!(covered[i] || is_blank(c), "byte {i} is in no block");
    }
});

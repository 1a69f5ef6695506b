//! Reads a corpus folder: the catalog (`catalog.toml`) and the raw source
//! files, which it decodes and splits into [`Block`]s with byte spans.
//!
//! The parser knows formats, not meaning: it tells a title from a
//! footnote by shape (a numbered sentence interleaved with the body, a
//! short capitalised line, a tab-separated row), never by the exact
//! strings of one document. Cleaning the text and everything read from it
//! is the normaliser's job.
//!
//! ```
//! use corpus_parser::{decode, parse_blocks, BlockKind, Hints};
//! let bytes = "A Title\n\nBy Jane Roe\n\nSome words make a paragraph, and this one has enough of them to count as prose for sure.\n\n1 Interview with a source, 2 May 2021.\n";
//! let text = decode("x.txt".as_ref(), bytes.as_bytes()).unwrap();
//! let blocks = parse_blocks(text, &Hints { title: Some("A Title"), ..Hints::default() });
//! let kinds: Vec<_> = blocks.iter().map(|b| b.kind).collect();
//! assert_eq!(kinds, [BlockKind::Title, BlockKind::Byline, BlockKind::Paragraph, BlockKind::Footnote]);
//! assert_eq!(blocks[3].label.as_deref(), Some("1"));
//! ```
#![deny(missing_docs)]

mod align;
mod blocks;
mod catalog;
mod decode;
mod entry;
mod error;
mod gazetteer;
mod html;
mod input;
mod meta;
mod scan;
mod source;

pub use blocks::{is_blank, is_superscript_digit, parse_blocks, Block, BlockKind, Hints};
pub use catalog::{
    Catalog, CatalogEntry, CatalogIndex, CorpusMeta, IndexedDocument, Precision, Published, CATALOG_FILE,
};
pub use decode::{decode_source, Decoded, SourceMap};
pub use error::{Error, ErrorKind, Result};
pub use gazetteer::{Actor, ActorType, Gazetteer, GAZETTEER_FILE};
pub use html::{is_html, parse_page, Page};
pub use input::{read_regular, Snapshot};
pub use meta::{page_meta, path_date, strip_site_suffix, text_meta, SourceMeta};
pub use scan::{source_files, unlisted_files, SOURCE_EXTENSIONS};
pub use source::{parse_source, Parsed, SourceFormat};

use std::path::Path;

/// Decodes a source file as UTF-8. A NUL byte (a binary file) or an
/// invalid sequence is an error naming `path` and the byte offset. A
/// leading byte-order mark is kept (it is blank, so no segment holds it).
pub fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str> {
    // `contains` searches a word at a time; the offset is found only for
    // a binary file.
    if let Some(offset) = bytes.contains(&0).then(|| bytes.iter().position(|&b| b == 0)).flatten() {
        return Err(Error::new(path, ErrorKind::Binary { offset }));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| Error::new(path, ErrorKind::Utf8 { offset: e.valid_up_to() }))?;
    if text.chars().all(is_blank) {
        return Err(Error::new(path, ErrorKind::Empty));
    }
    Ok(text)
}

/// Reads a source file's bytes, naming the file on failure.
pub fn read_source(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::new(path, ErrorKind::Io(e)))
}

/// Rewrites `\b` in a regular expression as the ASCII word boundary
/// `(?-u:\b)`, leaving an escaped backslash alone. A Unicode `\b` stops
/// the regex crate's fast lazy DFA at the first non-ASCII byte (every
/// curly quote of a text), which makes matching many times slower; the
/// words the built-in patterns look for are ASCII.
///
/// ```
/// assert_eq!(corpus_parser::ascii_word_boundaries(r"\bsaid\b|\\b"), r"(?-u:\b)said(?-u:\b)|\\b");
/// ```
pub fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str("(?-u:\\b)"),
            Some(n) => {
                out.push('\\');
                out.push(n);
            }
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_names_the_first_nul_byte_and_passes_text() {
        let path = Path::new("x.txt");
        for (bytes, offset) in [(&b"\0"[..], 0), (b"abc\0def\0", 3), (b"a long line of text, then\0", 25)] {
            let err = decode(path, bytes).expect_err("a NUL byte is binary");
            assert!(matches!(err.kind(), ErrorKind::Binary { offset: o } if *o == offset), "{err}");
        }
        assert_eq!(decode(path, "“text” é".as_bytes()).ok(), Some("“text” é"));
    }
}

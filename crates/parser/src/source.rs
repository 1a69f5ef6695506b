//! A source file from bytes to blocks: decoded in its encoding, read as
//! plain text or as a web page, with the map back to the file's bytes.

use std::borrow::Cow;
use std::path::Path;

use crate::blocks::{parse_blocks, Block, Hints};
use crate::decode::{decode_source, SourceMap};
use crate::error::{Error, ErrorKind, Result};
use crate::html::{is_html, parse_page};

/// How a source was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    /// Plain text or Markdown: blocks told apart by their shape.
    Text,
    /// A web page: blocks from its element tree.
    Html,
}

/// A source read into blocks.
#[derive(Debug, Clone)]
pub struct Parsed<'a> {
    /// The text the blocks are in: the file itself for UTF-8 text; the
    /// decoded text in another encoding; a web page's page text.
    pub text: Cow<'a, str>,
    /// The blocks, with byte spans in `text`.
    pub blocks: Vec<Block>,
    /// From byte offsets in `text` to byte offsets in the file.
    pub map: SourceMap,
    /// The encoding the file was read in (WHATWG name).
    pub encoding: &'static str,
    /// Text or web page.
    pub format: SourceFormat,
}

/// Reads a source file's `bytes` (from `path`, whose extension tells a
/// web page from text) in its `declared` encoding or the detected one,
/// and splits it into blocks.
///
/// ```
/// use corpus_parser::{parse_source, BlockKind, Hints};
/// let page = b"<html><body><nav>Home</nav><h1>Rates rise</h1><p>Rates rose &amp; fell.</p></body></html>";
/// let parsed = parse_source("a.html".as_ref(), page, None, &Hints::default()).unwrap();
/// let last = &parsed.blocks[2];
/// assert_eq!((last.kind, &parsed.text[last.content.clone()]), (BlockKind::Paragraph, "Rates rose & fell."));
/// assert_eq!(&page[parsed.map.range(last.content.clone())], b"Rates rose &amp; fell.");
/// ```
pub fn parse_source<'a>(
    path: &Path,
    bytes: &'a [u8],
    declared: Option<&str>,
    hints: &Hints<'_>,
) -> Result<Parsed<'a>> {
    let decoded = decode_source(path, bytes, declared)?;
    if !is_html(path) {
        let blocks = parse_blocks(&decoded.text, hints);
        return Ok(Parsed {
            text: decoded.text,
            blocks,
            map: decoded.map,
            encoding: decoded.encoding,
            format: SourceFormat::Text,
        });
    }
    let page = parse_page(&decoded.text);
    if page.blocks.is_empty() {
        return Err(Error::new(path, ErrorKind::Empty));
    }
    Ok(Parsed {
        text: Cow::Owned(page.text),
        blocks: page.blocks,
        map: page.map.then(decoded.map),
        encoding: decoded.encoding,
        format: SourceFormat::Html,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_latin1_web_page_maps_through_both_layers() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>\
            <p>Profits of \xa315.8m &amp; more.</p><footer>&copy; BBC 2005</footer></body></html>";
        let parsed = parse_source(Path::new("p.htm"), page, None, &Hints::default()).expect("parses");
        assert_eq!(parsed.encoding, "windows-1252");
        assert_eq!(parsed.format, SourceFormat::Html);
        let text = &parsed.text;
        let at = text.find('£').expect("pound");
        assert_eq!(&page[parsed.map.range(at..at + 2)], b"\xa3");
        let at = text.find("& more").expect("amp");
        assert_eq!(&page[parsed.map.range(at..at + 6)], b"&amp; more");
        let footer = &parsed.blocks[1];
        assert_eq!(footer.kind, crate::BlockKind::Boilerplate);
        assert_eq!(&page[parsed.map.range(footer.span.clone())], b"&copy; BBC 2005");
    }

    #[test]
    fn a_page_without_text_is_empty() {
        let err =
            parse_source(Path::new("p.html"), b"<html><script>x</script></html>", None, &Hints::default())
                .expect_err("no text");
        assert!(matches!(err.kind(), ErrorKind::Empty), "{err}");
    }
}

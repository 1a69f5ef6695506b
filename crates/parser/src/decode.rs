//! Reading a source's bytes as text in its encoding, and the map from the
//! decoded text back to the bytes of the file.
//!
//! A UTF-8 file is its own text: offsets into it are offsets into the
//! file, and nothing is copied. A file in another encoding (declared in
//! the catalog, or detected) is decoded into a new string, and a
//! [`SourceMap`] says which bytes of the file each character came from,
//! so that `source_start..source_end` in the tables still count bytes of
//! the file as it is: those bytes, decoded in the document's encoding,
//! normalise to the row's text. The file itself is never changed.

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use encoding_rs::{DecoderResult, Encoding, UTF_8};

use crate::error::{Error, ErrorKind, Result};

/// Byte offsets in a derived text mapped to byte offsets in the file.
///
/// Stored as runs: a *copy* run maps each byte to a byte (ASCII in a
/// single-byte encoding, text between HTML tags), an *atom* maps a
/// whole character (or entity) to the whole byte range it came from. A
/// map may have a second layer (an HTML page in windows-1252: page text →
/// decoded HTML → file bytes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    layers: Vec<Layer>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Layer {
    runs: Vec<Run>,
    /// The length of the text the layer maps to.
    raw_len: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    view: u32,
    raw: u32,
    view_len: u32,
    raw_len: u32,
    copy: bool,
}

impl Layer {
    fn start(&self, v: usize) -> usize {
        let v = v as u32;
        let k = self.runs.partition_point(|r| r.view + r.view_len <= v);
        match self.runs.get(k) {
            Some(r) if r.copy => (r.raw + (v.max(r.view) - r.view)) as usize,
            Some(r) => r.raw as usize,
            None => self.raw_len as usize,
        }
    }

    fn end(&self, v: usize) -> usize {
        if v == 0 {
            return self.start(0);
        }
        let v = v as u32;
        let k = self.runs.partition_point(|r| r.view + r.view_len < v);
        match self.runs.get(k) {
            Some(r) if r.copy => (r.raw + (v - r.view).min(r.view_len)) as usize,
            Some(r) => (r.raw + r.raw_len) as usize,
            None => self.raw_len as usize,
        }
    }
}

impl SourceMap {
    /// The map of a text that is its source (UTF-8).
    pub fn identity() -> SourceMap {
        SourceMap::default()
    }

    /// Whether offsets are the same in the text and the file.
    pub fn is_identity(&self) -> bool {
        self.layers.is_empty()
    }

    /// The file bytes that text bytes `range` came from. An empty range
    /// maps to an empty range.
    pub fn range(&self, range: Range<usize>) -> Range<usize> {
        if range.start >= range.end {
            let at = self.layers.iter().rev().fold(range.start, |v, l| l.start(v));
            return at..at;
        }
        let (mut start, mut end) = (range.start, range.end);
        for layer in self.layers.iter().rev() {
            (start, end) = (layer.start(start), layer.end(end));
        }
        start..end.max(start)
    }

    /// The map of a text derived from a decoded text: `self` maps the
    /// derived text to the decoded one, `outer` the decoded text to the file.
    pub(crate) fn then(mut self, outer: SourceMap) -> SourceMap {
        // `range` applies layers from the last to the first.
        let mut layers = outer.layers;
        layers.append(&mut self.layers);
        SourceMap { layers }
    }
}

/// Builds one layer of a [`SourceMap`], a character or run at a time,
/// in text order.
#[derive(Debug, Default)]
pub(crate) struct MapBuilder {
    runs: Vec<Run>,
    view: u32,
}

impl MapBuilder {
    /// `len` bytes copied from file offset `raw`.
    pub(crate) fn copy(&mut self, raw: usize, len: usize) {
        if len == 0 {
            return;
        }
        let raw = raw as u32;
        let len = len as u32;
        if let Some(last) = self.runs.last_mut() {
            if last.copy && last.raw + last.raw_len == raw && last.view + last.view_len == self.view {
                last.view_len += len;
                last.raw_len += len;
                self.view += len;
                return;
            }
        }
        self.runs.push(Run { view: self.view, raw, view_len: len, raw_len: len, copy: true });
        self.view += len;
    }

    /// `view_len` text bytes made from file bytes `raw` (a decoded
    /// character, an entity; an empty `raw` for a separator).
    pub(crate) fn atom(&mut self, view_len: usize, raw: Range<usize>) {
        if view_len == 0 {
            return;
        }
        let view_len = view_len as u32;
        let run =
            Run { view: self.view, raw: raw.start as u32, view_len, raw_len: raw.len() as u32, copy: false };
        self.runs.push(run);
        self.view += view_len;
    }

    /// The map, for a file (or text) of `raw_len` bytes.
    pub(crate) fn finish(self, raw_len: usize) -> SourceMap {
        SourceMap { layers: vec![Layer { runs: self.runs, raw_len: raw_len as u32 }] }
    }
}

/// A source's text in its encoding.
#[derive(Debug, Clone)]
pub struct Decoded<'a> {
    /// The text: the file itself when it is UTF-8.
    pub text: Cow<'a, str>,
    /// From text offsets to file offsets.
    pub map: SourceMap,
    /// The encoding the file was read in (WHATWG name: `UTF-8`,
    /// `windows-1252` …).
    pub encoding: &'static str,
}

/// Decodes a source file: in the `declared` encoding (a WHATWG label) if
/// there is one; else UTF-8 (with or without a byte-order mark) when the
/// bytes are valid UTF-8; else UTF-16 after its byte-order mark; else, for
/// a web page, the `<meta charset>` it declares; else the encoding
/// chardetng guesses. A NUL byte in an 8-bit file, an undecodable byte in
/// a declared encoding and an empty text are errors naming `path` (and
/// the byte offset).
pub fn decode_source<'a>(path: &Path, bytes: &'a [u8], declared: Option<&str>) -> Result<Decoded<'a>> {
    let declared = match declared {
        Some(label) => Some(Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
            let message = format!("encoding '{label}' is not known");
            Error::new(path, ErrorKind::Catalog { id: None, line: None, column: None, message })
        })?),
        None => None,
    };
    let utf16 = Encoding::for_bom(bytes).map(|(e, _)| e).filter(|e| *e != UTF_8);
    if let Some(encoding) = declared.filter(|e| *e != UTF_8).or(utf16) {
        return decode_as(path, bytes, encoding);
    }
    match crate::decode(path, bytes) {
        Ok(text) => {
            Ok(Decoded { text: Cow::Borrowed(text), map: SourceMap::identity(), encoding: UTF_8.name() })
        }
        Err(e) if declared.is_none() && matches!(e.kind(), ErrorKind::Utf8 { .. }) => {
            detect(path, bytes, crate::html::is_html(path))
        }
        Err(e) => Err(e),
    }
}

/// Decodes `bytes` that are not valid UTF-8 (no declared encoding): a
/// web page's `<meta charset>`, else chardetng's guess.
fn detect(path: &Path, bytes: &[u8], html: bool) -> Result<Decoded<'static>> {
    let meta = if html { meta_charset(bytes) } else { None };
    let encoding = meta.unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new();
        detector.feed(bytes, true);
        detector.guess(None, true)
    });
    decode_as(path, bytes, encoding)
}

/// The encoding a web page declares in its first 1024 bytes
/// (`<meta charset="…">` or `content="text/html; charset=…"`).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes()).filter(|e| *e != UTF_8)
}

/// Decodes all of `bytes` in `encoding`, a byte at a time so that every
/// character is mapped to the bytes it came from.
fn decode_as(path: &Path, bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded<'static>> {
    let (encoding, skip) = match Encoding::for_bom(bytes) {
        Some((e, len)) if e == encoding => (e, len),
        _ => (encoding, 0),
    };
    if !matches!(encoding.name(), "UTF-16LE" | "UTF-16BE") {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(Error::new(path, ErrorKind::Binary { offset }));
        }
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut map = MapBuilder::default();
    let mut pending = skip;
    for i in skip..bytes.len() {
        let before = text.len();
        let need = decoder.max_utf8_buffer_length_without_replacement(1).unwrap_or(16);
        text.reserve(need);
        let (result, _) =
            decoder.decode_to_string_without_replacement(&bytes[i..=i], &mut text, i + 1 == bytes.len());
        if let DecoderResult::Malformed(_, _) = result {
            let encoding = encoding.name();
            return Err(Error::new(path, ErrorKind::Undecodable { offset: pending, encoding }));
        }
        let made = text.len() - before;
        if made == 0 {
            continue;
        }
        if made == 1 && i == pending && text.as_bytes()[before] == bytes[i] {
            map.copy(i, 1);
        } else {
            map.atom(made, pending..i + 1);
        }
        pending = i + 1;
    }
    if text.chars().all(crate::is_blank) {
        return Err(Error::new(path, ErrorKind::Empty));
    }
    Ok(Decoded { text: Cow::Owned(text), map: map.finish(bytes.len()), encoding: encoding.name() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path() -> &'static Path {
        Path::new("x.txt")
    }

    #[test]
    fn utf8_is_borrowed_and_maps_to_itself() {
        let d = decode_source(path(), "Café £5".as_bytes(), None).expect("utf-8");
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert!(d.map.is_identity());
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.map.range(3..5), 3..5);
    }

    /// The invariant: the file bytes a text range maps to decode to that
    /// text, for every character boundary range.
    fn check_round_trip(bytes: &[u8], d: &Decoded<'_>, encoding: &'static Encoding) {
        let text = &d.text;
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for (a, &s) in bounds.iter().enumerate() {
            for &e in &bounds[a + 1..] {
                let raw = d.map.range(s..e);
                let (back, bad) = encoding.decode_without_bom_handling(&bytes[raw.clone()]);
                assert!(!bad, "{raw:?} cuts a character");
                assert_eq!(back, &text[s..e], "text {s}..{e} from bytes {raw:?}");
            }
        }
    }

    #[test]
    fn latin1_is_decoded_and_every_range_maps_to_the_bytes_it_came_from() {
        let bytes = b"Profits rose to \xa315.8m, said Ren\xe9e \x96 the chief.";
        let err = decode_source(path(), bytes, Some("utf-8")).expect_err("declared UTF-8, but it is not");
        assert!(matches!(err.kind(), ErrorKind::Utf8 { offset: 16 }), "{err}");
        let d = decode_source(path(), bytes, None).expect("detected");
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.text, "Profits rose to £15.8m, said Renée – the chief.");
        assert_eq!(d.map.range(16..18), 16..17, "£ is one byte in the file, two in the text");
        let e = d.text.find("the").expect("word");
        assert_eq!(&bytes[d.map.range(e..e + 3)], b"the");
        check_round_trip(bytes, &d, encoding_rs::WINDOWS_1252);
        let declared = decode_source(path(), bytes, Some("latin1")).expect("declared");
        assert_eq!(declared.text, d.text);
    }

    #[test]
    fn multibyte_encodings_map_each_character_to_all_its_bytes() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode("東京 said: “yes”.");
        let d = decode_source(path(), &bytes, Some("shift_jis")).expect("decodes");
        assert_eq!(d.encoding, "Shift_JIS");
        check_round_trip(&bytes, &d, encoding_rs::SHIFT_JIS);
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend("Zürich".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode_source(path(), &utf16, None).expect("utf-16 by its BOM");
        assert_eq!((d.text.as_ref(), d.encoding), ("Zürich", "UTF-16LE"));
        assert_eq!(d.map.range(0..1), 2..4, "after the byte-order mark");
    }

    #[test]
    fn an_undecodable_byte_is_named() {
        let err = decode_source(path(), b"ab\x81\xffcd", Some("shift_jis")).expect_err("invalid");
        assert!(matches!(err.kind(), ErrorKind::Undecodable { offset: 2, .. }), "{err}");
        let err = detect(path(), b"abc\0\xe9", false).expect_err("binary");
        assert!(matches!(err.kind(), ErrorKind::Binary { offset: 3 }), "{err}");
    }

    #[test]
    fn a_web_page_declares_its_charset() {
        let page = b"<html><head><meta charset=\"iso-8859-15\"></head><body>\xa4 5</body></html>";
        let d = detect(Path::new("x.html"), page, true).expect("decodes");
        assert_eq!(d.encoding, "ISO-8859-15");
        assert!(d.text.contains("€ 5"));
    }
}

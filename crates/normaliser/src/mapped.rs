//! Text that remembers where every character came from.

use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A source byte range per character of a derived text. Character `i` of
/// the text came from source bytes `spans[i]` (several characters may
/// share one range, for example after NFC composition or a replaced
/// entity). Offsets are **bytes** into the source file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    spans: Vec<(u32, u32)>,
}

impl OffsetMap {
    /// The number of characters mapped.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether no character is mapped.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The source bytes that characters `start..end` (code points,
    /// end-exclusive) came from. An empty range maps to an empty range.
    pub fn source_range(&self, chars: Range<usize>) -> Range<usize> {
        if chars.start >= chars.end || chars.end > self.spans.len() {
            let at = self.spans.get(chars.start).map_or(0, |s| s.0 as usize);
            return at..at;
        }
        let first = self.spans[chars.start].0 as usize;
        let last = self.spans[chars.end - 1].1 as usize;
        first..last.max(first)
    }

    /// How many characters came from source bytes before `byte`.
    pub fn chars_before(&self, byte: usize) -> usize {
        self.spans.partition_point(|s| (s.0 as usize) < byte)
    }

    /// An empty map with room for `n` characters.
    pub(crate) fn with_capacity(n: usize) -> OffsetMap {
        OffsetMap { spans: Vec::with_capacity(n) }
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.spans.shrink_to_fit();
    }

    pub(crate) fn push(&mut self, span: (u32, u32)) {
        self.spans.push(span);
    }

    pub(crate) fn extend(&mut self, other: &OffsetMap) {
        self.spans.extend_from_slice(&other.spans);
    }

    pub(crate) fn truncate(&mut self, len: usize) {
        self.spans.truncate(len);
    }

    pub(crate) fn slice(&self, chars: Range<usize>) -> OffsetMap {
        OffsetMap { spans: self.spans[chars].to_vec() }
    }
}

/// A string and its offset map, built one character at a time.
#[derive(Debug, Clone, Default)]
pub(crate) struct Mapped {
    pub text: String,
    pub map: OffsetMap,
}

impl Mapped {
    /// An empty text with room for `n` bytes and characters.
    pub fn with_capacity(n: usize) -> Mapped {
        Mapped { text: String::with_capacity(n), map: OffsetMap::with_capacity(n) }
    }

    pub fn push(&mut self, c: char, span: (u32, u32)) {
        self.text.push(c);
        self.map.push(span);
    }

    /// Appends printable ASCII that stands at source byte `at`: one
    /// character per byte, each mapped to its own byte.
    pub fn push_ascii(&mut self, run: &str, at: usize) {
        debug_assert!(run.is_ascii());
        self.text.push_str(run);
        self.map.spans.extend((at..at + run.len()).map(|b| (b as u32, b as u32 + 1)));
    }

    pub fn char_len(&self) -> usize {
        self.map.len()
    }

    /// Removes trailing white space.
    pub fn trim_end(&mut self) {
        while self.text.ends_with(char::is_whitespace) {
            self.text.pop();
            let len = self.map.len() - 1;
            self.map.truncate(len);
        }
    }

    /// Unicode NFC, keeping the map: each starter and the combining marks
    /// after it are normalised together and share their source range.
    pub fn nfc(self) -> Mapped {
        if self.text.is_ascii() || is_nfc_quick(self.text.chars()) == IsNormalized::Yes {
            return self;
        }
        let mut out = Mapped::default();
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let mut j = i + 1;
            while j < chars.len() && joins_previous(chars[j]) {
                j += 1;
            }
            let span = (self.map.spans[i].0, self.map.spans[j - 1].1);
            for c in chars[i..j].iter().copied().nfc() {
                out.push(c, span);
            }
            i = j;
        }
        out
    }
}

/// Combining marks, and Hangul vowel/trailing jamo, compose with what
/// comes before them.
fn joins_previous(c: char) -> bool {
    canonical_combining_class(c) != 0 || ('\u{1160}'..='\u{11ff}').contains(&c)
}

/// Byte ↔ code point offsets in one text, for offsets that mostly come
/// in increasing order: each counts on from the last one rather than
/// from the start (and starts over when asked for an earlier one).
pub(crate) struct CharCounter<'a> {
    text: &'a str,
    /// A char boundary, and the number of chars before it.
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    pub fn new(text: &'a str) -> Self {
        CharCounter { text, byte: 0, chars: 0 }
    }

    /// The code point offset of byte offset `byte` (a char boundary).
    pub fn char_of(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            (self.byte, self.chars) = (0, 0);
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }

    /// The byte offset of code point offset `ch` (the text's length past
    /// its end). Only the reference for the tests of `mentions`' faster one.
    #[cfg(test)]
    pub fn byte_of(&mut self, ch: usize) -> usize {
        if ch < self.chars {
            (self.byte, self.chars) = (0, 0);
        }
        let rest = &self.text[self.byte..];
        match rest.char_indices().nth(ch - self.chars) {
            Some((off, _)) => (self.byte, self.chars) = (self.byte + off, ch),
            None => (self.byte, self.chars) = (self.text.len(), self.chars + rest.chars().count()),
        }
        self.byte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_counter_converts_in_any_order() {
        let text = "a“b”cé€d";
        let bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let mut c = CharCounter::new(text);
        for &byte in bytes.iter().rev().chain(&bytes).chain(bytes.iter().step_by(3)) {
            assert_eq!(c.char_of(byte), text[..byte].chars().count());
        }
        for ch in (0..12).rev().chain(0..12).chain([3, 1, 9, 2]) {
            assert_eq!(c.byte_of(ch), bytes.get(ch).copied().unwrap_or(text.len()), "{ch}");
            assert_eq!(c.char_of(bytes[ch.min(8)]), ch.min(8));
        }
    }

    #[test]
    fn nfc_composes_and_keeps_source_ranges() {
        let mut m = Mapped::default();
        // "e" + combining acute from bytes 0..1 and 1..3, then "x" at 3..4.
        m.push('e', (0, 1));
        m.push('\u{301}', (1, 3));
        m.push('x', (3, 4));
        let m = m.nfc();
        assert_eq!(m.text, "éx");
        assert_eq!(m.map.source_range(0..1), 0..3);
        assert_eq!(m.map.source_range(1..2), 3..4);
    }
}

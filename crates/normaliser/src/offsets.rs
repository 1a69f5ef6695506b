//! Text that remembers where every character came from.

use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A position in a text in **code points** (Unicode scalar values): what
/// `text[start:end]` means in Python, and what every `start`/`end` of the
/// tables is. Mentions, quotes, events and segment spans are in code
/// points of the clean document text.
pub type CharPos = usize;

/// A position in **bytes** (UTF-8): of the raw source file for
/// `source_start`/`source_end` and segment sources, or of a paragraph for
/// the date reader ([`crate::DateExpr`]). Code points and bytes are
/// converted by the offset map (text → source) and, within one text, by
/// one counter (`CharCounter`).
pub type BytePos = usize;

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
    #[inline]
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether no character is mapped.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The source bytes that characters `start..end` (code points,
    /// end-exclusive) came from. An empty range maps to an empty range.
    #[inline]
    pub fn source_range(&self, chars: Range<CharPos>) -> Range<BytePos> {
        if chars.start >= chars.end || chars.end > self.spans.len() {
            let at = self.spans.get(chars.start).map_or(0, |s| s.0 as usize);
            return at..at;
        }
        let first = self.spans[chars.start].0 as usize;
        let last = self.spans[chars.end - 1].1 as usize;
        first..last.max(first)
    }

    /// How many characters came from source bytes before `byte`.
    #[inline]
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

    #[inline]
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

    #[inline]
    pub fn push(&mut self, c: char, span: (u32, u32)) {
        self.text.push(c);
        self.map.push(span);
    }

    /// Appends printable ASCII that stands at source byte `at`: one
    /// character per byte, each mapped to its own byte.
    #[inline]
    pub fn push_ascii(&mut self, run: &str, at: usize) {
        debug_assert!(run.is_ascii());
        self.text.push_str(run);
        self.map.spans.extend((at..at + run.len()).map(|b| (b as u32, b as u32 + 1)));
    }

    #[inline]
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
        if is_plainly_nfc(&self.text) || is_nfc_quick(self.text.chars()) == IsNormalized::Yes {
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

/// Characters that are NFC whatever stands around them: no combining
/// class and an NFC quick check of Yes (tested for each). Below U+0300
/// (Latin, with the accented letters of Latin-1 and Latin Extended), and
/// General Punctuation from U+2002 to the currency signs: the dashes,
/// curly quotes, ellipsis and spaces of ordinary text.
fn is_plainly_nfc_char(c: char) -> bool {
    c < '\u{300}' || ('\u{2002}'..='\u{20cf}').contains(&c)
}

/// A text made only of such characters is NFC: the quick check would say
/// Yes, but this asks much less of each character (and nothing of ASCII).
fn is_plainly_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_non_ascii(bytes, i) {
        let Some(c) = text[at..].chars().next() else { break };
        if !is_plainly_nfc_char(c) {
            return false;
        }
        i = at + c.len_utf8();
    }
    true
}

/// Eight 0x01 bytes, for tests on eight bytes at a time.
pub(crate) const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// Eight 0x80 bytes: the high bit of each byte.
pub(crate) const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);

/// The offset of the first non-ASCII byte of `bytes` at or after `from`,
/// eight bytes at a time.
pub(crate) fn next_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        if u64::from_ne_bytes(chunk.try_into().expect("a chunk of 8 bytes")) & HIGH != 0 {
            break;
        }
        i += 8;
    }
    bytes.get(i..)?.iter().position(|b| !b.is_ascii()).map(|p| i + p)
}

/// Combining marks, and Hangul vowel/trailing jamo, compose with what
/// comes before them.
fn joins_previous(c: char) -> bool {
    canonical_combining_class(c) != 0 || ('\u{1160}'..='\u{11ff}').contains(&c)
}

/// Byte ↔ code point offsets in one text, for offsets that mostly come
/// in increasing order: each counts on from the last one rather than
/// from the start (and starts over when asked for an earlier one). The
/// converter of the extractors' offsets within one text.
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
    /// its end).
    pub fn byte_of(&mut self, ch: usize) -> usize {
        if ch < self.chars {
            (self.byte, self.chars) = (0, 0);
        }
        let bytes = self.text.as_bytes();
        let (mut at, mut left) = (self.byte, ch - self.chars);
        while left > 0 && at < bytes.len() {
            // Eight ASCII bytes are eight code points.
            if left >= 8 {
                if let Some(chunk) = bytes.get(at..at + 8) {
                    if chunk.is_ascii() {
                        at += 8;
                        left -= 8;
                        continue;
                    }
                }
            }
            // One code point: its lead byte and any continuation bytes.
            at += 1;
            while bytes.get(at).is_some_and(|&b| b & 0xc0 == 0x80) {
                at += 1;
            }
            left -= 1;
        }
        (self.byte, self.chars) = (at, ch - left);
        at
    }

    /// [`CharCounter::byte_of`] one code point at a time: the reference
    /// of its tests.
    #[cfg(test)]
    pub fn byte_of_plain(&mut self, ch: usize) -> usize {
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
    fn plainly_nfc_characters_pass_the_quick_check_alone_and_together() {
        let plain: Vec<char> = ('\0'..=char::MAX).filter(|&c| is_plainly_nfc_char(c)).collect();
        for &c in &plain {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        // Just outside the ranges stand characters that are not plain.
        for c in ['\u{300}', '\u{2000}', '\u{2001}', '\u{20d0}', '\u{212a}'] {
            assert!(!is_plainly_nfc_char(c));
            let quick = is_nfc_quick(std::iter::once(c));
            assert!(canonical_combining_class(c) != 0 || quick != IsNormalized::Yes, "{c:?}");
        }
        for text in
            ["", "plain", "“Café” — déjà vu…\u{a0}€ ß ſ", "Ωmega", "e\u{301}", "\u{212a}elvin", "A\u{2001}B"]
        {
            if is_plainly_nfc(text) {
                assert_eq!(is_nfc_quick(text.chars()), IsNormalized::Yes, "{text:?}");
                assert_eq!(text.nfc().collect::<String>(), text);
            }
        }
        assert!(is_plainly_nfc("“Café” — déjà vu…\u{a0}€ ß ſ"));
        assert!(
            !is_plainly_nfc("e\u{301}") && !is_plainly_nfc("\u{212a}elvin") && !is_plainly_nfc("A\u{2001}B")
        );
        let mut m = Mapped::default();
        for (k, c) in "A\u{2001}B".chars().enumerate() {
            m.push(c, (k as u32, k as u32 + 1));
        }
        assert_eq!(m.nfc().text, "A\u{2003}B");
    }

    #[test]
    fn next_non_ascii_finds_the_first_non_ascii_byte() {
        let texts = ["", "a", "é", "abcdefghé", "abcdefgh", "abcdefghijklmnopé", "a“b", "\u{7f}\u{80}"];
        for t in texts {
            for from in 0..=t.len() {
                let want = t.bytes().enumerate().skip(from).find(|(_, b)| !b.is_ascii()).map(|(i, _)| i);
                assert_eq!(next_non_ascii(t.as_bytes(), from), want, "{t:?} {from}");
            }
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

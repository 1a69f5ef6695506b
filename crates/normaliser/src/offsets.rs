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
/// the text came from source bytes `span(i)` (several characters may
/// share one range, for example after NFC composition or a replaced
/// entity). Offsets are **bytes** into the source file.
///
/// Stored as runs: characters whose ranges follow each other at one
/// width (`b..b+w`, then `b+w..b+2w`, …) share one run of 16 bytes, so
/// copied text costs next to nothing (a 50 MB line of prose maps in a few
/// kilobytes, not 8 bytes a character); a character that breaks the run
/// (an entity, folded white space, a wider UTF-8 character) starts a new
/// one. [`OffsetMap::spans`] is the plain per-character list, the
/// reference of its tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    /// In character order; each run ends where the next starts.
    runs: Vec<Run>,
    /// The number of characters mapped.
    len: usize,
}

/// Characters `char..` (up to the next run) came from source bytes
/// `byte + k * width .. byte + (k + 1) * width`, `k` counted from `char`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    char: usize,
    byte: u32,
    width: u32,
}

impl OffsetMap {
    /// The number of characters mapped.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no character is mapped.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The source bytes that characters `start..end` (code points,
    /// end-exclusive) came from. An empty range maps to an empty range.
    #[inline]
    pub fn source_range(&self, chars: Range<CharPos>) -> Range<BytePos> {
        if chars.start >= chars.end || chars.end > self.len {
            let at = if chars.start < self.len { self.span(chars.start).0 as usize } else { 0 };
            return at..at;
        }
        let first = self.span(chars.start).0 as usize;
        let last = self.span(chars.end - 1).1 as usize;
        first..last.max(first)
    }

    /// How many characters came from source bytes before `byte`.
    #[inline]
    pub fn chars_before(&self, byte: usize) -> usize {
        // Runs whose first character starts before `byte`: every
        // character of the runs before the last of them does too.
        let k = self.runs.partition_point(|r| (r.byte as usize) < byte);
        let Some(r) = k.checked_sub(1).map(|k| self.runs[k]) else { return 0 };
        let n = self.run_len(k - 1);
        if r.width == 0 {
            return r.char + n;
        }
        let w = r.width as usize;
        r.char + n.min((byte - r.byte as usize).div_ceil(w))
    }

    /// The source range of character `i` (`i < len`).
    #[inline]
    fn span(&self, i: usize) -> (u32, u32) {
        let k = self.runs.partition_point(|r| r.char <= i) - 1;
        let r = self.runs[k];
        let start = r.byte + (i - r.char) as u32 * r.width;
        (start, start + r.width)
    }

    /// The number of characters of run `k`.
    fn run_len(&self, k: usize) -> usize {
        self.runs.get(k + 1).map_or(self.len, |r| r.char) - self.runs[k].char
    }

    /// Every character's source range, one at a time (the plain form of
    /// the map).
    pub fn spans(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.runs.len()).flat_map(move |k| {
            let r = self.runs[k];
            (0..self.run_len(k) as u32).map(move |j| (r.byte + j * r.width, r.byte + (j + 1) * r.width))
        })
    }

    /// Bytes its runs take (for the tests of its size).
    #[cfg(test)]
    pub(crate) fn run_bytes(&self) -> usize {
        self.runs.len() * std::mem::size_of::<Run>()
    }

    /// An empty map with room for `n` runs.
    pub(crate) fn with_runs(n: usize) -> OffsetMap {
        OffsetMap { runs: Vec::with_capacity(n), len: 0 }
    }

    /// The number of runs (what [`OffsetMap::with_runs`] makes room for).
    pub(crate) fn runs(&self) -> usize {
        self.runs.len()
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.runs.shrink_to_fit();
    }

    /// Appends `n` characters from bytes `byte..`, `width` bytes each.
    #[inline]
    fn push_run(&mut self, byte: u32, width: u32, n: usize) {
        if n == 0 {
            return;
        }
        if let Some(last) = self.runs.last() {
            let k = (self.len - last.char) as u32;
            if last.width == width && last.byte + k * width == byte {
                self.len += n;
                return;
            }
        }
        self.runs.push(Run { char: self.len, byte, width });
        self.len += n;
    }

    #[inline]
    pub(crate) fn push(&mut self, span: (u32, u32)) {
        self.push_run(span.0, span.1.saturating_sub(span.0), 1);
    }

    /// Appends characters at bytes `at..at + n`, one byte each.
    #[inline]
    pub(crate) fn push_bytes(&mut self, at: u32, n: usize) {
        self.push_run(at, 1, n);
    }

    pub(crate) fn extend(&mut self, other: &OffsetMap) {
        for k in 0..other.runs.len() {
            let r = other.runs[k];
            self.push_run(r.byte, r.width, other.run_len(k));
        }
    }

    pub(crate) fn truncate(&mut self, len: usize) {
        if len >= self.len {
            return;
        }
        let keep = self.runs.partition_point(|r| r.char < len);
        self.runs.truncate(keep);
        self.len = len;
    }

    pub(crate) fn slice(&self, chars: Range<usize>) -> OffsetMap {
        let mut out = OffsetMap::default();
        if chars.start >= chars.end {
            return out;
        }
        let first = self.runs.partition_point(|r| r.char <= chars.start) - 1;
        for k in first..self.runs.len() {
            let r = self.runs[k];
            let from = r.char.max(chars.start);
            let to = (r.char + self.run_len(k)).min(chars.end);
            if from >= to {
                break;
            }
            out.push_run(r.byte + (from - r.char) as u32 * r.width, r.width, to - from);
        }
        out
    }
}

/// A string and its offset map, built one character at a time.
#[derive(Debug, Clone, Default)]
pub(crate) struct Mapped {
    pub text: String,
    pub map: OffsetMap,
}

impl Mapped {
    /// An empty text with room for `n` bytes.
    pub fn with_capacity(n: usize) -> Mapped {
        Mapped { text: String::with_capacity(n), map: OffsetMap::default() }
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
        self.map.push_bytes(at as u32, run.len());
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
        let spans: Vec<(u32, u32)> = self.map.spans().collect();
        let mut i = 0;
        while i < chars.len() {
            let mut j = i + 1;
            while j < chars.len() && joins_previous(chars[j]) {
                j += 1;
            }
            let span = (spans[i].0, spans[j - 1].1);
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

    /// The plain per-character form: what the runs must give.
    fn plain_source_range(spans: &[(u32, u32)], chars: Range<usize>) -> Range<usize> {
        if chars.start >= chars.end || chars.end > spans.len() {
            let at = spans.get(chars.start).map_or(0, |s| s.0 as usize);
            return at..at;
        }
        let (first, last) = (spans[chars.start].0 as usize, spans[chars.end - 1].1 as usize);
        first..last.max(first)
    }

    /// Spans as the cleaning makes them: ASCII runs, wider characters,
    /// entities, zero-width separators, shared ranges, gaps.
    fn sample_spans() -> Vec<(u32, u32)> {
        let mut v = Vec::new();
        let mut b = 0u32;
        for k in 0..400u32 {
            let (w, gap, repeat) = match k % 11 {
                0..=3 => (1, 0, 1),
                4 => (2, 0, 1),
                5 => (3, 0, 2),
                6 => (5, 0, 1),
                7 => (0, 0, 2),
                8 => (1, 7, 1),
                9 => (4, 0, 1),
                _ => (1, 1, 1),
            };
            b += gap;
            for _ in 0..repeat {
                v.push((b, b + w));
            }
            b += w;
            if k % 37 == 0 {
                // Two characters sharing one range (an NFC composition).
                v.push((b, b + 3));
                v.push((b, b + 3));
                b += 3;
            }
        }
        v
    }

    #[test]
    fn runs_give_what_the_plain_spans_give() {
        let spans = sample_spans();
        let mut m = OffsetMap::default();
        for &s in &spans {
            m.push(s);
        }
        assert_eq!(m.len(), spans.len());
        assert_eq!(m.spans().collect::<Vec<_>>(), spans);
        let n = spans.len();
        for a in (0..=n + 1).step_by(7).chain([0, 1, n - 1, n]) {
            for b in (a..=n + 2).step_by(5).chain([a, a + 1, n]) {
                assert_eq!(m.source_range(a..b), plain_source_range(&spans, a..b), "{a}..{b}");
            }
        }
        let last = spans.last().map_or(0, |s| s.1);
        for byte in 0..=last + 2 {
            let want = spans.partition_point(|s| s.0 < byte);
            assert_eq!(m.chars_before(byte as usize), want, "byte {byte}");
        }
        for (a, b) in [(0, 0), (0, 5), (3, 90), (17, n), (n - 1, n), (n, n)] {
            let s = m.slice(a..b);
            assert_eq!(s.spans().collect::<Vec<_>>(), spans[a..b], "{a}..{b}");
            // Built piece by piece, the same map (runs merge across pieces).
            let mut joined = m.slice(0..a);
            joined.extend(&s);
            joined.extend(&m.slice(b..n));
            assert_eq!(joined, m, "{a}..{b}");
            let mut t = m.clone();
            t.truncate(b);
            assert_eq!(t, m.slice(0..b));
        }
    }

    #[test]
    fn a_long_line_of_prose_maps_in_a_few_bytes() {
        let labels = std::collections::HashSet::new();
        let line =
            "The group said on Monday that it would leave, and “the talks” went on — for a long while. "
                .repeat(20_000);
        let cleaned =
            crate::clean::markup::clean(&line, 0..line.len(), corpus_parser::BlockKind::Paragraph, &labels);
        let map = &cleaned.mapped.map;
        assert_eq!(map.len(), cleaned.mapped.text.chars().count());
        // Two wider characters (curly quotes, dash) a sentence: a few runs
        // each, instead of 8 bytes a character.
        let per_char = map.run_bytes() as f64 / map.len() as f64;
        assert!(per_char < 1.5, "{per_char} bytes a character");
        for (k, (a, b)) in map.spans().enumerate().step_by(997) {
            let c = cleaned.mapped.text.chars().nth(k).expect("in the text");
            assert_eq!(&line[a as usize..b as usize], c.to_string(), "char {k}");
        }
    }

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

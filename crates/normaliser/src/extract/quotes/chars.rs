//! The document text as code points, with the byte offset of any of
//! them (speed: slices are borrowed, not collected), and word counting.

/// The byte offset of every code point of a text, kept at every
/// [`ByteOffsets::STRIDE`]th code point and counted from there: slices of
/// the document text borrowed by code point range, where collecting the
/// `char`s into a fresh `String` cost an allocation and an encoding each.
pub(super) struct ByteOffsets {
    /// `marks[k]`: the byte offset of code point `k * STRIDE` (up to and
    /// including the text's end).
    marks: Vec<usize>,
}

impl ByteOffsets {
    pub(super) const STRIDE: usize = 16;

    /// The offsets counted from the characters alone: the reference for
    /// [`collect_chars`].
    #[cfg(test)]
    pub(super) fn new(chars: &[char]) -> Self {
        let mut marks = Vec::with_capacity(chars.len() / Self::STRIDE + 1);
        let mut at = 0;
        marks.push(0);
        for chunk in chars.chunks(Self::STRIDE) {
            at += chunk.iter().map(|c| c.len_utf8()).sum::<usize>();
            if chunk.len() == Self::STRIDE {
                marks.push(at);
            }
        }
        ByteOffsets { marks }
    }

    /// The byte offset of code point `i` (`i <= chars.len()`) of the text
    /// `chars` was built from.
    pub(super) fn byte(&self, chars: &[char], i: usize) -> usize {
        let k = i / Self::STRIDE;
        self.marks[k] + chars[k * Self::STRIDE..i].iter().map(|c| c.len_utf8()).sum::<usize>()
    }
}

/// Whether `hay` holds `needle` in any mix of ASCII case.
pub(super) fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `text.chars().collect()` and the [`ByteOffsets`] of the result, in one
/// pass, with runs of ASCII (most of any text) copied eight bytes at a
/// time rather than decoded one by one.
pub(super) fn collect_chars(text: &str) -> (Vec<char>, ByteOffsets) {
    const STRIDE: usize = ByteOffsets::STRIDE;
    let mut out = Vec::with_capacity(text.len());
    let mut marks = Vec::with_capacity(text.len() / STRIDE + 1);
    let mut rest = text;
    while !rest.is_empty() {
        let at = text.len() - rest.len();
        let n = ascii_prefix_len(rest.as_bytes());
        // One byte a character: the marks in the run are arithmetic.
        let first = out.len().div_ceil(STRIDE) * STRIDE;
        marks.extend((first..out.len() + n).step_by(STRIDE).map(|k| at + (k - out.len())));
        out.extend(rest.as_bytes()[..n].iter().map(|&b| char::from(b)));
        // `n` is a character boundary: an ASCII byte ends a character.
        let mut more = rest[n..].chars();
        if let Some(c) = more.next() {
            if out.len() % STRIDE == 0 {
                marks.push(at + n);
            }
            out.push(c);
        }
        rest = more.as_str();
    }
    if out.len() % STRIDE == 0 {
        marks.push(text.len());
    }
    (out, ByteOffsets { marks })
}

/// How many bytes `b` starts with are ASCII, read eight at a time.
pub(super) fn ascii_prefix_len(b: &[u8]) -> usize {
    let mut n = 0;
    for word in b.chunks_exact(8) {
        let w = u64::from_le_bytes(word.try_into().expect("chunks of eight bytes"));
        let high = w & 0x8080_8080_8080_8080;
        if high != 0 {
            return n + (high.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + b[n..].iter().take_while(|b| b.is_ascii()).count()
}

pub(super) fn words(s: &[char]) -> usize {
    // What `split_whitespace().count()` of the collected text gives: the
    // runs of non-white-space characters, counted without building it.
    let mut n = 0;
    let mut in_word = false;
    for c in s {
        let word = !c.is_whitespace();
        n += usize::from(word && !in_word);
        in_word = word;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_counts_what_split_whitespace_counts() {
        for t in ["", " ", "one", " two  words ", "a\u{a0}b\u{2003}c\td\n", "“Why?” she asked.", "x y"] {
            let c: Vec<char> = t.chars().collect();
            assert_eq!(words(&c), t.split_whitespace().count(), "{t:?}");
        }
    }

    #[test]
    fn byte_offsets_slice_what_collecting_the_chars_gives() {
        let long: String = "Kābul “quotes” — Ærø, 東京 \u{212a}\u{17f} 🦀 plain ascii ".repeat(9);
        for t in ["", "a", "“", "plain ASCII only", long.as_str()] {
            let c: Vec<char> = t.chars().collect();
            let o = ByteOffsets::new(&c);
            for a in 0..=c.len() {
                for b in a..=c.len() {
                    let want: String = c[a..b].iter().collect();
                    assert_eq!(&t[o.byte(&c, a)..o.byte(&c, b)], want, "{a}..{b}");
                }
            }
        }
    }

    #[test]
    fn collected_chars_are_the_chars() {
        let mixed = "Kābul “quotes” — Ærø, 東京 \u{212a}\u{17f} 🦀 plain ascii runs of more than eight bytes";
        let e16 = "é".repeat(16);
        let sixteen =
            ["abcdefghijklmnop", "abcdefghijklmnoé", e16.as_str(), "abcdefghijklmnopqrstuvwxyzabcdef"];
        for t in ["", "a", "é", "🦀", "12345678", "1234567é", "12345678é", "abcdefghijklmnopq", mixed]
            .into_iter()
            .chain(sixteen)
        {
            for (i, _) in t.char_indices().chain([(t.len(), ' ')]) {
                for part in [&t[..i], &t[i..]] {
                    let (chars, offsets) = collect_chars(part);
                    assert_eq!(chars, part.chars().collect::<Vec<_>>(), "{part:?}");
                    assert_eq!(offsets.marks, ByteOffsets::new(&chars).marks, "{part:?}");
                    let ascii = part.bytes().take_while(u8::is_ascii).count();
                    assert_eq!(ascii_prefix_len(part.as_bytes()), ascii, "{part:?}");
                }
            }
        }
    }
}

//! Sentence bounds, for attribution windows and event sentences.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// Whether `i` is the space after a sentence end, within segment `r` of
/// `c`: a `.`, `?` or `!` (closing quotes and brackets may follow)
/// followed by a space and a capital, an opening quote or a bracket —
/// and not the dot of an abbreviation ("U.S.", "Gen.", "e.g.").
fn is_boundary(c: &[char], r: &Range<usize>, i: usize) -> bool {
    if i == 0 || i + 1 >= r.end || !c[i].is_whitespace() {
        return false;
    }
    let mut j = i;
    while j > r.start && matches!(c[j - 1], '”' | '’' | '"' | '\'' | ')') {
        j -= 1;
    }
    if j == r.start || !matches!(c[j - 1], '.' | '?' | '!') {
        return false;
    }
    let n = c[i + 1];
    if !(n.is_uppercase() || matches!(n, '“' | '‘' | '"' | '\'' | '(')) {
        return false;
    }
    // The word before the stop (`c[w..j - 1]`), read without collecting
    // it: short and ending in a capital at its start ("U", "Gen"), or
    // holding a dot ("U.S", "e.g").
    let stop = j - 1;
    let w = c[r.start..stop].iter().rposition(|ch| ch.is_whitespace()).map_or(r.start, |k| r.start + k + 1);
    let word = &c[w..stop];
    let abbrev = (word.len() <= 3 && word.first().is_some_and(|ch| ch.is_uppercase()) && c[stop] == '.')
        || word.contains(&'.');
    !abbrev
}

/// A cheap necessary condition for [`is_boundary`]: the character before
/// `i` is a stop or one of the closing marks that may follow one (a
/// boundary's scan back starts there). Most positions fail it, so the
/// scans test it first.
#[inline]
fn may_be_boundary(c: &[char], i: usize) -> bool {
    i > 0 && matches!(c[i - 1], '.' | '?' | '!' | '”' | '’' | '"' | '\'' | ')')
}

/// The first position in `c` whose character passes `test`. Reads 16
/// characters at a time with a test of all of them that does not stop
/// early (the compiler makes it a few vector instructions), then finds
/// the one in the block: for tests that most characters fail.
pub(crate) fn position_of(c: &[char], test: impl Fn(char) -> bool) -> Option<usize> {
    const BLOCK: usize = 16;
    let blocks = c.chunks_exact(BLOCK);
    let tail = blocks.remainder();
    for (k, block) in blocks.enumerate() {
        // A fixed-size block: the test of all of it is unrolled.
        let block: &[char; BLOCK] = block.try_into().expect("chunks_exact gives whole blocks");
        let mut hit = false;
        for &x in block {
            hit |= test(x);
        }
        if hit {
            return block.iter().position(|&x| test(x)).map(|i| k * BLOCK + i);
        }
    }
    tail.iter().position(|&x| test(x)).map(|i| c.len() - tail.len() + i)
}

fn is_stop(x: char) -> bool {
    (x == '.') | (x == '?') | (x == '!')
}

fn is_closer(x: char) -> bool {
    matches!(x, '”' | '’' | '"' | '\'' | ')')
}

/// The boundaries ([`is_boundary`]) in segment `seg` of `c`, in order. A
/// boundary is the first character after a stop and the closing marks
/// following it (it must be white space; the marks are then exactly what
/// `is_boundary` scans back over): one test per stop, and the stops are
/// found 16 characters at a time.
fn boundaries(c: &[char], seg: &Range<usize>) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut from = seg.start;
    while let Some(k) = position_of(&c[from..seg.end], is_stop) {
        let mut i = from + k + 1;
        while i < seg.end && is_closer(c[i]) {
            i += 1;
        }
        if i < seg.end && is_boundary(c, seg, i) {
            ends.push(i);
        }
        // No stop among the closing marks: the next one is at `i` or after.
        from = i;
    }
    ends
}

/// The sentence around code point `pos` within `seg` (a segment's span in
/// `chars`): from the end of the sentence before to the next sentence end
/// (see [`is_boundary`]). End-exclusive. Scans from `pos`: cheapest for a
/// position or two per segment (events); [`Sentences`] for many (quotes).
pub(crate) fn sentence_bounds(c: &[char], seg: Range<usize>, pos: usize) -> (usize, usize) {
    let r = seg;
    let pos = pos.clamp(r.start, r.end);
    let mut s = pos;
    while s > r.start && !(may_be_boundary(c, s - 1) && is_boundary(c, &r, s - 1)) {
        s -= 1;
    }
    let mut e = pos;
    while e < r.end && !(may_be_boundary(c, e) && is_boundary(c, &r, e)) {
        e += 1;
    }
    // Trim the space a boundary leaves.
    while s < e && c[s].is_whitespace() {
        s += 1;
    }
    (s, e)
}

/// A hasher for the segment spans keying [`Sentences`]' cache: spans are
/// positions, not attacker-chosen keys, and SipHash cost more than the
/// look-up it guards.
#[derive(Default)]
struct SpanHasher(u64);

impl Hasher for SpanHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Segment span → the positions in it that are sentence boundaries.
type EndsBySpan = HashMap<(usize, usize), Vec<usize>, BuildHasherDefault<SpanHasher>>;

/// Sentence bounds of one text, as [`sentence_bounds`] gives them, with
/// each segment's sentence ends found once: quotes and events ask for
/// the sentence around many positions of the same segment.
pub(crate) struct Sentences<'a> {
    chars: &'a [char],
    ends: RefCell<EndsBySpan>,
}

impl<'a> Sentences<'a> {
    pub(crate) fn new(chars: &'a [char]) -> Self {
        Sentences { chars, ends: RefCell::new(HashMap::default()) }
    }

    /// The sentence around code point `pos` within segment span `seg`.
    pub(crate) fn bounds(&self, seg: Range<usize>, pos: usize) -> (usize, usize) {
        let c = self.chars;
        let pos = pos.clamp(seg.start, seg.end);
        let mut cache = self.ends.borrow_mut();
        let ends = cache.entry((seg.start, seg.end)).or_insert_with(|| boundaries(c, &seg));
        // The sentence starts after the last boundary before `pos` and ends
        // at the first boundary at or after it.
        let k = ends.partition_point(|&i| i < pos);
        let mut s = k.checked_sub(1).map_or(seg.start, |k| ends[k] + 1);
        let e = ends.get(k).copied().unwrap_or(seg.end);
        // Trim the space a boundary leaves.
        while s < e && c[s].is_whitespace() {
            s += 1;
        }
        (s, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_at(text: &str, needle: &str) -> String {
        let c: Vec<char> = text.chars().collect();
        let pos = text[..text.find(needle).expect("needle")].chars().count();
        let (s, e) = sentence_bounds(&c, 0..c.len(), pos);
        c[s..e].iter().collect()
    }

    #[test]
    fn cached_bounds_are_the_scanned_bounds_everywhere() {
        let text = "Gen. Kurilla spoke to U.S. troops. Then he left. “Why?” she asked. (It rained.)\n\n\
                    Ça va? Élan vital! “Oui.” Dr. Ng said so. It grew 3.5 percent in 2020. Then fell. e.g. this  one.";
        let c: Vec<char> = text.chars().collect();
        let split = text[..text.find("\n\n").expect("two segments")].chars().count();
        let segs = [0..split, split + 2..c.len(), 5..40, 0..c.len()];
        let cached = Sentences::new(&c);
        for seg in segs {
            for pos in 0..=c.len() + 1 {
                assert_eq!(
                    cached.bounds(seg.clone(), pos),
                    sentence_bounds(&c, seg.clone(), pos),
                    "{seg:?} {pos}"
                );
            }
        }
    }

    /// `is_boundary` as first written: it collects the word before the
    /// stop into a string. The reference for the allocation-free version
    /// and the prefilter.
    fn reference_is_boundary(c: &[char], r: &Range<usize>, i: usize) -> bool {
        if i == 0 || i + 1 >= r.end || !c[i].is_whitespace() {
            return false;
        }
        let mut j = i;
        while j > r.start && matches!(c[j - 1], '”' | '’' | '"' | '\'' | ')') {
            j -= 1;
        }
        if j == r.start || !matches!(c[j - 1], '.' | '?' | '!') {
            return false;
        }
        let n = c[i + 1];
        if !(n.is_uppercase() || matches!(n, '“' | '‘' | '"' | '\'' | '(')) {
            return false;
        }
        let tok: String = c[r.start..j - 1].iter().rev().take_while(|ch| !ch.is_whitespace()).collect();
        let abbrev = (tok.chars().count() <= 3
            && tok.chars().last().is_some_and(char::is_uppercase)
            && c[j - 1] == '.')
            || tok.contains('.');
        !abbrev
    }

    /// `sentence_bounds` as first written: every position tested in full.
    fn reference_sentence_bounds(c: &[char], r: Range<usize>, pos: usize) -> (usize, usize) {
        let pos = pos.clamp(r.start, r.end);
        let mut s = pos;
        while s > r.start && !reference_is_boundary(c, &r, s - 1) {
            s -= 1;
        }
        let mut e = pos;
        while e < r.end && !reference_is_boundary(c, &r, e) {
            e += 1;
        }
        while s < e && c[s].is_whitespace() {
            s += 1;
        }
        (s, e)
    }

    /// Texts with every kind of stop, closer, abbreviation and white space,
    /// ASCII and not.
    const TRICKY: &[&str] = &[
        "",
        " ",
        ".",
        ". A",
        "A. B",
        "Gen. Kurilla spoke to U.S. troops. Then he left. “Why?” she asked. (It rained.)",
        "Ça va? Élan vital! “Oui.” Dr. Ng said so. It grew 3.5 percent in 2020. Then fell. e.g. this  one.",
        "He left.’ ‘Now,’ she said.\u{a0}Then.\u{2003}Él vino. ÉL. Ab. Ñu.) (Yes.)\tOK.\n“Fine.”) ‘No.",
        "x.\u{212a}elvin left. ſo it goes. Mr. \u{212a}. A.B. C'. D\". E.) F.’” G!?! H",
        "Ends with a stop.",
        ".\u{2029}A .. B ... C. 'D' . (E",
        "東京. 東京。Tokyo. Ωmega. ωmega. İstanbul. ǅemal.",
    ];

    #[test]
    fn is_boundary_and_its_prefilter_agree_with_the_reference() {
        for t in TRICKY {
            let c: Vec<char> = t.chars().collect();
            let n = c.len();
            for a in 0..=n {
                for b in a..=n {
                    let r = a..b;
                    for i in a..b {
                        let want = reference_is_boundary(&c, &r, i);
                        assert_eq!(is_boundary(&c, &r, i), want, "{t:?} {r:?} {i}");
                        if want {
                            assert!(may_be_boundary(&c, i), "{t:?} {r:?} {i}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn boundaries_are_the_positions_is_boundary_accepts() {
        for t in TRICKY {
            let c: Vec<char> = t.chars().collect();
            let n = c.len();
            for a in 0..=n {
                for b in a..=n {
                    let r = a..b;
                    let want: Vec<usize> = r.clone().filter(|&i| reference_is_boundary(&c, &r, i)).collect();
                    assert_eq!(boundaries(&c, &r), want, "{t:?} {r:?}");
                }
            }
        }
    }

    #[test]
    fn position_of_finds_the_first_passing_character() {
        let long: String = "ab.c “x” d! ".repeat(7);
        for t in ["", ".", "abc", "a.b.c", long.as_str(), &"x".repeat(40), &format!("{}!", "y".repeat(47))] {
            let c: Vec<char> = t.chars().collect();
            for from in 0..=c.len() {
                let want = c[from..].iter().position(|&x| is_stop(x));
                assert_eq!(position_of(&c[from..], is_stop), want, "{t:?} {from}");
            }
        }
    }

    #[test]
    fn scanned_and_cached_bounds_agree_with_the_reference() {
        for t in TRICKY {
            let c: Vec<char> = t.chars().collect();
            let n = c.len();
            let cached = Sentences::new(&c);
            for a in 0..=n {
                for b in a..=n {
                    for pos in 0..=n + 1 {
                        let want = reference_sentence_bounds(&c, a..b, pos);
                        assert_eq!(sentence_bounds(&c, a..b, pos), want, "{t:?} {a}..{b} {pos}");
                        assert_eq!(cached.bounds(a..b, pos), want, "{t:?} {a}..{b} {pos}");
                    }
                }
            }
        }
    }

    #[test]
    fn sentences_end_at_stops_not_abbreviations() {
        let t = "Gen. Kurilla spoke to U.S. troops. Then he left. “Why?” she asked. (It rained.)";
        assert_eq!(sentence_at(t, "Kurilla"), "Gen. Kurilla spoke to U.S. troops.");
        assert_eq!(sentence_at(t, "he left"), "Then he left.");
        assert_eq!(sentence_at(t, "she asked"), "“Why?” she asked.");
        assert_eq!(sentence_at(t, "rained"), "(It rained.)");
        assert_eq!(
            sentence_at("It grew 3.5 percent in 2020. Then fell.", "grew"),
            "It grew 3.5 percent in 2020."
        );
    }
}

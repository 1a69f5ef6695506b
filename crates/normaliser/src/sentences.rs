//! Sentence bounds, for attribution windows and event sentences.

use std::cell::RefCell;
use std::collections::HashMap;
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
    let tok: String = c[r.start..j - 1].iter().rev().take_while(|ch| !ch.is_whitespace()).collect();
    let abbrev =
        (tok.chars().count() <= 3 && tok.chars().last().is_some_and(char::is_uppercase) && c[j - 1] == '.')
            || tok.contains('.');
    !abbrev
}

/// The sentence around code point `pos` within `seg` (a segment's span in
/// `chars`): from the end of the sentence before to the next sentence end
/// (see [`is_boundary`]). End-exclusive. Scans from `pos`: cheapest for a
/// position or two per segment (events); [`Sentences`] for many (quotes).
pub(crate) fn sentence_bounds(c: &[char], seg: Range<usize>, pos: usize) -> (usize, usize) {
    let r = seg;
    let pos = pos.clamp(r.start, r.end);
    let mut s = pos;
    while s > r.start && !is_boundary(c, &r, s - 1) {
        s -= 1;
    }
    let mut e = pos;
    while e < r.end && !is_boundary(c, &r, e) {
        e += 1;
    }
    // Trim the space a boundary leaves.
    while s < e && c[s].is_whitespace() {
        s += 1;
    }
    (s, e)
}

/// Sentence bounds of one text, as [`sentence_bounds`] gives them, with
/// each segment's sentence ends found once: quotes and events ask for
/// the sentence around many positions of the same segment.
pub(crate) struct Sentences<'a> {
    chars: &'a [char],
    /// Segment span → the positions in it that are sentence boundaries.
    ends: RefCell<HashMap<(usize, usize), Vec<usize>>>,
}

impl<'a> Sentences<'a> {
    pub(crate) fn new(chars: &'a [char]) -> Self {
        Sentences { chars, ends: RefCell::new(HashMap::new()) }
    }

    /// The sentence around code point `pos` within segment span `seg`.
    pub(crate) fn bounds(&self, seg: Range<usize>, pos: usize) -> (usize, usize) {
        let c = self.chars;
        let pos = pos.clamp(seg.start, seg.end);
        let mut cache = self.ends.borrow_mut();
        let ends = cache.entry((seg.start, seg.end)).or_insert_with(|| {
            // Only white space can be a boundary: the cheap test first.
            (seg.start..seg.end).filter(|&i| c[i].is_whitespace() && is_boundary(c, &seg, i)).collect()
        });
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

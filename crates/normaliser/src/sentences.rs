//! Sentence bounds, for attribution windows and event sentences.

use std::ops::Range;

/// The sentence around code point `pos` within `seg` (a segment's span in
/// `chars`): from the end of the sentence before to the next `.`, `?` or
/// `!` (closing quotes and brackets may follow) that is followed by a
/// space and a capital, an opening quote or a bracket — and is not the dot
/// of an abbreviation ("U.S.", "Gen.", "e.g."). End-exclusive.
pub(crate) fn sentence_bounds(c: &[char], seg: Range<usize>, pos: usize) -> (usize, usize) {
    let r = seg;
    // Is `i` the space after a sentence end?
    let boundary = |i: usize| -> bool {
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
    };
    let pos = pos.clamp(r.start, r.end);
    let mut s = pos;
    while s > r.start && !boundary(s - 1) {
        s -= 1;
    }
    let mut e = pos;
    while e < r.end && !boundary(e) {
        e += 1;
    }
    // Trim the space a boundary leaves.
    while s < e && c[s].is_whitespace() {
        s += 1;
    }
    (s, e)
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

//! Viterbi decoding over BIO tags: the best tag sequence under a
//! first-order model, where `I-X` may only follow `B-X` or `I-X`.

use std::ops::{Add, Range};

use super::model::NTAGS;
use super::EntityKind;

/// A score the decoder adds and compares (integers at run time, floats
/// in training).
pub(crate) trait Score: Copy + PartialOrd + Add<Output = Self> {
    /// Worse than any reachable score.
    const WORST: Self;
}

impl Score for i32 {
    const WORST: i32 = i32::MIN / 4;
}

impl Score for f32 {
    const WORST: f32 = f32::MIN / 4.0;
}

/// Whether tag `cur` may follow `prev` (0 the sentence start, `1 + t`
/// tag `t`).
#[inline]
pub(crate) fn allowed(prev: usize, cur: usize) -> bool {
    // O and B-X anywhere; I-X (even indices from 2) after B-X or I-X.
    cur == 0 || cur % 2 == 1 || (prev == cur || prev == cur + 1)
}

/// The best tags for per-token `scores` under `trans` (row 0 from the
/// start, row `1 + t` from tag `t`), into `out`.
pub(crate) fn viterbi<S: Score>(
    scores: &[[S; NTAGS]],
    trans: &[[S; NTAGS]; NTAGS + 1],
    back: &mut Vec<[u8; NTAGS]>,
    out: &mut Vec<u8>,
) {
    viterbi_between(scores, trans, Ends { after_o: false, before_o: false }, back, out);
}

/// What lies around the tokens a decoding reads (see [`viterbi_between`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ends {
    /// A token tagged O comes before them (else the sentence starts).
    pub after_o: bool,
    /// A token tagged O comes after them (else the sentence ends).
    pub before_o: bool,
}

/// [`viterbi`] over a stretch of a sentence between tokens that can only
/// be O (or its ends). A token that can only be O cuts the best path in
/// two: the path passes through O there whatever comes before or after,
/// so each stretch between such tokens is decoded alone, from O (row 1)
/// rather than from the start, and its last tag chosen with the
/// transition into O added. The tags are those [`viterbi`] gives the
/// whole sentence, ties broken alike (the lowest tag wins).
pub(crate) fn viterbi_between<S: Score>(
    scores: &[[S; NTAGS]],
    trans: &[[S; NTAGS]; NTAGS + 1],
    ends: Ends,
    back: &mut Vec<[u8; NTAGS]>,
    out: &mut Vec<u8>,
) {
    out.clear();
    back.clear();
    let Some(first) = scores.first() else { return };
    let from = if ends.after_o { 1 } else { 0 };
    let mut best = [S::WORST; NTAGS];
    for (t, b) in best.iter_mut().enumerate() {
        if allowed(from, t) {
            *b = trans[from][t] + first[t];
        }
    }
    back.push([0; NTAGS]);
    for s in &scores[1..] {
        let mut next = [S::WORST; NTAGS];
        let mut from = [0u8; NTAGS];
        // A token that can only be O (most of them): one column.
        let only_o = s[1..].iter().all(|&x| x <= S::WORST);
        for (t, n) in next.iter_mut().enumerate().take(if only_o { 1 } else { NTAGS }) {
            // The tags `t` may follow (see `allowed`), in order: any tag
            // before O or B-X (odd), B-X and I-X before I-X (even from 2).
            let mut step = |p: usize| {
                let v = best[p] + trans[p + 1][t];
                if v > *n {
                    *n = v;
                    from[t] = p as u8;
                }
            };
            if t == 0 || t % 2 == 1 {
                (0..NTAGS).for_each(&mut step);
            } else {
                step(t - 1);
                step(t);
            }
            *n = *n + s[t];
        }
        best = next;
        back.push(from);
    }
    if ends.before_o {
        for (t, b) in best.iter_mut().enumerate() {
            *b = *b + trans[t + 1][0];
        }
    }
    let mut t = (0..NTAGS).fold(0, |b, t| if best[t] > best[b] { t } else { b });
    out.resize(scores.len(), 0);
    for i in (0..scores.len()).rev() {
        out[i] = t as u8;
        t = back[i][t] as usize;
    }
}

/// The entities a BIO tag sequence marks: token ranges and kinds.
#[cfg(test)]
pub(crate) fn spans(tags: &[u8]) -> Vec<(Range<usize>, EntityKind)> {
    let mut out = Vec::new();
    spans_into(tags, &mut out);
    out
}

/// [`spans`] into a buffer the caller reuses (cleared first).
pub(crate) fn spans_into(tags: &[u8], out: &mut Vec<(Range<usize>, EntityKind)>) {
    out.clear();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let t = t as usize;
        let continues = t != 0 && t.is_multiple_of(2) && open.is_some_and(|(_, k)| k == t / 2 - 1);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s..i, EntityKind::ALL[k]));
            }
            if t != 0 {
                open = Some((i, (t - 1) / 2));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s..tags.len(), EntityKind::ALL[k]));
    }
}

/// BIO tags of `len` tokens with these entities.
pub(crate) fn tags_of(len: usize, entities: &[(Range<usize>, EntityKind)]) -> Vec<u8> {
    let mut tags = vec![0u8; len];
    for (r, kind) in entities {
        let k = kind.index() as u8;
        for i in r.clone() {
            tags[i] = if i == r.start { 1 + 2 * k } else { 2 + 2 * k };
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The decoder as first written, every predecessor tried through
    /// `allowed`: [`viterbi`] must give its tags, ties broken alike.
    fn viterbi_by_allowed(scores: &[[i32; NTAGS]], trans: &[[i32; NTAGS]; NTAGS + 1]) -> Vec<u8> {
        let mut best = [i32::WORST; NTAGS];
        for (t, b) in best.iter_mut().enumerate() {
            if allowed(0, t) {
                *b = trans[0][t] + scores[0][t];
            }
        }
        let mut back = vec![[0u8; NTAGS]];
        for s in &scores[1..] {
            let (mut next, mut from) = ([i32::WORST; NTAGS], [0u8; NTAGS]);
            for (t, n) in next.iter_mut().enumerate() {
                for (p, &bp) in best.iter().enumerate() {
                    if allowed(p + 1, t) && bp + trans[p + 1][t] > *n {
                        *n = bp + trans[p + 1][t];
                        from[t] = p as u8;
                    }
                }
                *n += s[t];
            }
            best = next;
            back.push(from);
        }
        let mut t = (0..NTAGS).fold(0, |b, t| if best[t] > best[b] { t } else { b });
        let mut out = vec![0u8; scores.len()];
        for i in (0..scores.len()).rev() {
            out[i] = t as u8;
            t = back[i][t] as usize;
        }
        out
    }

    #[test]
    fn the_tags_are_those_of_every_allowed_predecessor_tried() {
        let mut seed: u64 = 11;
        let mut next = |m: i32| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) % m as u64) as i32
        };
        let (mut back, mut out) = (Vec::new(), Vec::new());
        for _ in 0..3000 {
            let mut trans = [[0; NTAGS]; NTAGS + 1];
            for w in trans.iter_mut().flatten() {
                *w = next(7) - 3;
            }
            let len = 1 + next(8) as usize;
            let scores: Vec<[i32; NTAGS]> = (0..len).map(|_| std::array::from_fn(|_| next(9) - 4)).collect();
            viterbi(&scores, &trans, &mut back, &mut out);
            assert_eq!(out, viterbi_by_allowed(&scores, &trans), "scores {scores:?} trans {trans:?}");
        }
    }

    #[test]
    fn i_only_after_its_b() {
        // Tag I-PER (2) scores best everywhere, but cannot start a
        // sentence: B-PER then I-PER.
        let s = [[0, 5, 9, 0, 0, 0, 0, 0, 0]; 3];
        let trans = [[0; NTAGS]; NTAGS + 1];
        let mut out = Vec::new();
        viterbi(&s, &trans, &mut Vec::new(), &mut out);
        assert_eq!(out, [1, 2, 2]);
        assert_eq!(spans(&out), [(0..3, EntityKind::Person)]);
    }

    /// Stretches between tokens that can only be O, decoded alone, give
    /// the tags of the whole sentence: on random scores and transitions
    /// (small integers, so that ties happen too).
    #[test]
    fn stretches_between_outside_tokens_decode_as_the_whole() {
        let mut seed: u64 = 7;
        let mut next = |m: i32| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) % m as u64) as i32
        };
        let mut only_o = [i32::WORST; NTAGS];
        only_o[0] = 0;
        let (mut back, mut whole, mut part) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..2000 {
            let mut trans = [[0; NTAGS]; NTAGS + 1];
            for w in trans.iter_mut().flatten() {
                *w = next(7) - 3;
            }
            let len = 1 + next(9) as usize;
            let outside: Vec<bool> = (0..len).map(|_| next(3) == 0).collect();
            let scores: Vec<[i32; NTAGS]> = outside
                .iter()
                .map(|&o| if o { only_o } else { std::array::from_fn(|_| next(9) - 4) })
                .collect();
            viterbi(&scores, &trans, &mut back, &mut whole);
            let mut joined = vec![0u8; len];
            let mut i = 0;
            while i < len {
                if outside[i] {
                    i += 1;
                    continue;
                }
                let end = (i..len).find(|&j| outside[j]).unwrap_or(len);
                let ends = Ends { after_o: i > 0, before_o: end < len };
                viterbi_between(&scores[i..end], &trans, ends, &mut back, &mut part);
                joined[i..end].copy_from_slice(&part);
                i = end;
            }
            assert_eq!(joined, whole, "scores {scores:?} trans {trans:?}");
        }
    }

    #[test]
    fn spans_round_trip() {
        let e = vec![
            (0..2, EntityKind::Organization),
            (2..3, EntityKind::Organization),
            (4..5, EntityKind::Location),
        ];
        assert_eq!(spans(&tags_of(6, &e)), e);
    }

    /// A buffer reused by [`spans_into`] holds the spans of the last tags
    /// only, whatever it held: none, fewer or more.
    #[test]
    fn a_reused_buffer_holds_the_last_spans_only() {
        let sets = [
            vec![(0..2, EntityKind::Person), (3..4, EntityKind::Misc)],
            vec![],
            vec![(1..2, EntityKind::Location)],
            vec![(0..1, EntityKind::Misc), (1..3, EntityKind::Organization), (4..6, EntityKind::Person)],
            vec![(2..3, EntityKind::Organization)],
        ];
        let mut buffer = Vec::new();
        for e in sets.iter().chain(sets.iter().rev()) {
            spans_into(&tags_of(6, e), &mut buffer);
            assert_eq!(&buffer, e);
        }
    }
}

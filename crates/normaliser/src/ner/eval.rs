//! Scoring names the way the field does: mention-level precision, recall
//! and F1, a found entity counting only with the gold one's exact span and
//! kind.

use std::fmt;

use super::{detokenise, detokenise_typeset, Entity, EntityKind, LabelledDocument, Recogniser};

/// True positives, false positives and false negatives per kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NerScores {
    counts: [[u64; 3]; 4],
}

impl NerScores {
    /// Adds one document: its `gold` and `found` entities.
    pub fn add(&mut self, gold: &[Entity], found: &[Entity]) {
        let mut gold = gold.to_vec();
        let mut found = found.to_vec();
        gold.sort_unstable();
        found.sort_unstable();
        let (mut i, mut j) = (0, 0);
        while i < gold.len() || j < found.len() {
            match (gold.get(i), found.get(j)) {
                (Some(g), Some(f)) if g == f => {
                    self.counts[g.kind.index()][0] += 1;
                    i += 1;
                    j += 1;
                }
                (Some(g), Some(f)) if g < f => {
                    self.counts[g.kind.index()][2] += 1;
                    i += 1;
                }
                (Some(g), None) => {
                    self.counts[g.kind.index()][2] += 1;
                    i += 1;
                }
                (_, Some(f)) => {
                    self.counts[f.kind.index()][1] += 1;
                    j += 1;
                }
                (None, None) => unreachable!("the loop runs while one side has entities"),
            }
        }
    }

    /// (true positives, false positives, false negatives) over `kinds`.
    pub fn counts(&self, kinds: &[EntityKind]) -> (u64, u64, u64) {
        kinds.iter().fold((0, 0, 0), |(tp, fp, fneg), k| {
            let c = self.counts[k.index()];
            (tp + c[0], fp + c[1], fneg + c[2])
        })
    }

    /// (precision, recall, F1) over `kinds` (0 where undefined).
    pub fn prf(&self, kinds: &[EntityKind]) -> (f64, f64, f64) {
        let (tp, fp, fneg) = self.counts(kinds);
        let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fneg));
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }
}

/// A recogniser's scores on labelled documents, three ways.
pub struct NerEvaluation {
    /// On their gold tokens and sentences.
    pub on_gold: NerScores,
    /// On their [`detokenise`]d text through [`Recogniser::recognise`].
    pub on_text: NerScores,
    /// On that text typeset with curly apostrophes and quotes
    /// ([`detokenise_typeset`]), as news on the web mostly is.
    pub on_typeset: NerScores,
}

impl Recogniser {
    /// Scores on `docs` (see [`NerEvaluation`]).
    pub fn evaluate(&self, docs: &[LabelledDocument]) -> NerEvaluation {
        let mut e = NerEvaluation {
            on_gold: NerScores::default(),
            on_text: NerScores::default(),
            on_typeset: NerScores::default(),
        };
        for d in docs {
            e.on_gold.add(&d.gold_entities(), &self.recognise_tokens(&d.text, &d.tokens, &d.sentences));
            let (text, gold) = detokenise(d);
            e.on_text.add(&gold, &self.recognise(&text));
            let (text, gold) = detokenise_typeset(d);
            e.on_typeset.add(&gold, &self.recognise(&text));
        }
        e
    }
}

/// A table: one row per kind, then PERSON+ORGANIZATION, then all.
impl fmt::Display for NerScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use EntityKind::*;
        writeln!(
            f,
            "{:<20} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}",
            "type", "precision", "recall", "F1", "gold", "found", "right"
        )?;
        let rows: [(&str, &[EntityKind]); 6] = [
            ("PERSON", &[Person]),
            ("ORGANIZATION", &[Organization]),
            ("LOCATION", &[Location]),
            ("MISC", &[Misc]),
            ("PERSON+ORGANIZATION", &[Person, Organization]),
            ("all", &EntityKind::ALL),
        ];
        for (name, kinds) in rows {
            let (p, r, f1) = self.prf(kinds);
            let (tp, fp, fneg) = self.counts(kinds);
            writeln!(f, "{name:<20} {p:>9.4} {r:>9.4} {f1:>9.4} {:>7} {:>7} {tp:>7}", tp + fneg, tp + fp)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(start: usize, end: usize, kind: EntityKind) -> Entity {
        Entity { start, end, kind }
    }

    #[test]
    fn exact_span_and_kind_count() {
        let mut s = NerScores::default();
        let gold = [
            e(0, 5, EntityKind::Person),
            e(10, 15, EntityKind::Organization),
            e(20, 25, EntityKind::Location),
        ];
        // One right, one with the wrong kind, one with a shorter span.
        let found =
            [e(0, 5, EntityKind::Person), e(10, 15, EntityKind::Person), e(20, 24, EntityKind::Location)];
        s.add(&gold, &found);
        assert_eq!(s.counts(&[EntityKind::Person]), (1, 1, 0));
        assert_eq!(s.counts(&[EntityKind::Organization]), (0, 0, 1));
        assert_eq!(s.counts(&[EntityKind::Location]), (0, 1, 1));
        let (p, r, f) = s.prf(&[EntityKind::Person, EntityKind::Organization]);
        assert_eq!((p, r), (0.5, 0.5));
        assert!((f - 0.5).abs() < 1e-12);
    }
}

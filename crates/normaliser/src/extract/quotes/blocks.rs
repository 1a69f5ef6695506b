//! Displayed block quotations, attributed by the sentence before them.

use super::{Extractor, QuoteMark, Speaker, SpeakerKind};
use corpus_parser::BlockKind;

impl Extractor<'_> {
    // ---------------------------------------------------------------
    // Block quotes
    // ---------------------------------------------------------------

    pub(super) fn blocks(&mut self) {
        let blocks: Vec<(usize, usize)> = self
            .segments()
            .filter(|(s, _, _)| s.kind == BlockKind::BlockQuote)
            .map(|(_, a, b)| (a, b))
            .collect();
        for (a, b) in blocks {
            let (mut s, mut e) = (a, b);
            // Marks around the whole block are not part of the quote.
            if "“‘\"'".contains(self.chars[s]) {
                s += 1;
            }
            while e > s && "”’\"'".contains(self.chars[e - 1]) {
                e -= 1;
            }
            let mut sp = Speaker::default();
            // The introduction: the sentence before, up to its colon.
            if a >= 2 {
                let (ps, _) = self.sentence(a - 3);
                sp = self.cue_before(ps, a);
                if sp.kind.is_none() {
                    let cue = sp.cue.take();
                    sp = Speaker { cue, ..self.sentence_subject(ps, a) };
                }
            }
            if sp.kind.is_none() || sp.kind == Some(SpeakerKind::Anonymous) {
                if let Some(desc) = self.footnote_source(e.saturating_sub(1)) {
                    let cue = sp.cue.take();
                    sp = Speaker {
                        name: Some(desc),
                        kind: Some(SpeakerKind::Anonymous),
                        cue,
                        ..Speaker::default()
                    };
                }
            }
            self.push_quote(s, e, QuoteMark::Block, sp);
        }
    }
}

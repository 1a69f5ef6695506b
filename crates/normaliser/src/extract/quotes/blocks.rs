//! Displayed block quotations, attributed by the sentence before them.

use super::patterns::cues;
use super::{Extractor, QuoteMark, Speaker, SpeakerKind};
use corpus_parser::BlockKind;

impl Extractor<'_> {
    // ---------------------------------------------------------------
    // Block quotes
    // ---------------------------------------------------------------

    /// Whether the block quotation `a..b` holds quotes of its own with a
    /// cue outside them (within 40 characters after one, or before it in
    /// its sentence: "“…,” Trump said.", "Carson said that “…”"): then
    /// it is read as a paragraph, and its cue attributes its quotes.
    pub(super) fn block_has_own_quotes(&self, a: usize, b: usize) -> bool {
        let (pairs, _) = self.pairs(a, b);
        // A block read as a quotation from its place alone, after a
        // paragraph ending with a colon that names no speaker ("Like the
        // page:", "12:20 p.m.:"), is a paragraph of reporting if it holds
        // a quote with a cue. After an introduction with a speaker ("One
        // commander said:"), the quote must fill most of the block.
        let mut introduced = None;
        pairs.iter().any(|p| {
            let after = self.text(p.close + 1, (p.close + 40).min(b));
            // The cue before the quote in its sentence ("The National
            // Rifle Association says President Obama’s actions are “…”").
            let before = self.text(self.sentence(p.open).0.max(a), p.open);
            let long = (p.close - p.open) * 10 >= (b - a) * 6;
            (cues(after).next().is_some() || cues(before).next().is_some())
                && (long || !*introduced.get_or_insert_with(|| self.introduction(a).kind.is_some()))
        })
    }

    /// The speaker named by the sentence before the block at `a`, up to
    /// its colon ("One commander in Helmand said:").
    fn introduction(&self, a: usize) -> Speaker {
        let Some(before) = a.checked_sub(3) else { return Speaker::default() };
        let (ps, _) = self.sentence(before);
        self.cue_before(ps, a)
    }

    /// The quoted text of the block `a..b`: the marks around the whole
    /// block are not part of it.
    pub(super) fn block_text(&self, a: usize, b: usize) -> (usize, usize) {
        let (mut s, mut e) = (a, b);
        if "“‘\"'".contains(self.chars[s]) {
            s += 1;
        }
        while e > s && "”’\"'".contains(self.chars[e - 1]) {
            e -= 1;
        }
        (s, e)
    }

    /// The speaker of the block quotation at `a` whose text ends at `e`:
    /// its introduction (the sentence before, up to its colon), else the
    /// source its footnote names.
    pub(super) fn block_speaker(&self, a: usize, e: usize) -> Speaker {
        let mut sp = Speaker::default();
        // The introduction: the sentence before, up to its colon.
        if let Some(before) = a.checked_sub(3) {
            let (ps, _) = self.sentence(before);
            sp = self.introduction(a);
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
        sp
    }

    pub(super) fn blocks(&mut self) {
        let blocks: Vec<(usize, usize)> = self
            .segments()
            .filter(|(s, _, _)| s.kind == BlockKind::BlockQuote)
            .map(|(_, a, b)| (a, b))
            .collect();
        for (a, b) in blocks {
            if self.block_has_own_quotes(a, b) {
                continue;
            }
            let (s, e) = self.block_text(a, b);
            let sp = match self.block_speakers.remove(&a) {
                Some(sp) => sp,
                None => self.block_speaker(a, e),
            };
            self.push_quote(s, e, QuoteMark::Block, sp);
        }
    }
}

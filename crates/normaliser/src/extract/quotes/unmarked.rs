//! Unmarked quotes, in documents whose quotation marks were stripped:
//! recovered from an attribution that ends the sentence.

use super::chars::words;
use super::patterns::{group_before, CUE, FIRST_PERSON, PRONOUN_BEFORE};
use super::source::anon_before;
use super::{Extractor, QuoteMark, Speaker};
use crate::lexicon::ORG_HEADS;
use corpus_parser::ActorType;
use corpus_parser::BlockKind;

impl Extractor<'_> {
    // ---------------------------------------------------------------
    // Unmarked quotes (marks stripped by the scraper)
    // ---------------------------------------------------------------

    /// In a document whose quotation marks were deleted, a quote is found
    /// from an attribution that *follows* it: "…, said NRF spokesman Ali
    /// Maisam Nazary." / "…, Nazary said." / "…, she wrote recently." The
    /// quote runs from the sentence start to the comma; it takes in the
    /// sentences before it in the paragraph when those carry marks of
    /// direct speech (I, we, dont …) and neither a cue nor the speaker.
    /// Indirect speech ("he said that …") has its cue first and is never a
    /// quote; a sentence an organization "said", with no mark of speech, is
    /// taken for a paraphrase.
    pub(super) fn unmarked(&mut self) {
        let paragraphs: Vec<(usize, usize)> = self
            .segments()
            .filter(|(s, _, _)| s.kind == BlockKind::Paragraph)
            .map(|(_, a, b)| (a, b))
            .collect();
        for (a, b) in paragraphs {
            let mut pos = a;
            while pos < b {
                let (s, e) = self.sentence(pos);
                if e <= s {
                    break;
                }
                if let Some((comma, sp)) = self.trailing_attribution(s, e) {
                    let start = self.extend_back(a, s, comma, &sp);
                    // An organization "said" a figure far more often than it
                    // spoke words: without marks of speech, a paraphrase.
                    let org = sp
                        .actor
                        .is_some_and(|x| self.actors.actor_name(x, self.ann).1 == ActorType::Organization)
                        || sp
                            .name
                            .as_deref()
                            .is_some_and(|n| n.split_whitespace().any(|w| ORG_HEADS.contains(&w)));
                    let speechlike = FIRST_PERSON.is_match(self.text(start, comma));
                    if words(&self.chars[start..comma]) >= 5 && (!org || speechlike) {
                        self.push_quote(start, comma, QuoteMark::None, sp);
                    }
                }
                pos = e + 1;
            }
        }
    }

    /// ", said X[, apposition][ …]." or ", X said[ adverbial]." in the
    /// sentence `s..e`: the comma's position and the speaker.
    pub(super) fn trailing_attribution(&self, s: usize, e: usize) -> Option<(usize, Speaker)> {
        let sentence = self.text(s, e);
        for m in CUE.find_iter(sentence) {
            let cue = m.as_str().to_lowercase();
            if cue.ends_with("ing") || cue == "according to" {
                continue;
            }
            let cue_start = s + sentence[..m.start()].chars().count();
            let cue_end = cue_start + m.as_str().chars().count();
            // Inverted: ", said X".
            if self.chars.get(cue_start.wrapping_sub(2)) == Some(&',') {
                let sp = self.subject_after(cue_end);
                if sp.kind.is_some() {
                    return Some((cue_start - 2, Speaker { cue: Some(cue), ..sp }));
                }
            }
            // ", X said[ last year]." — the subject follows a comma and the
            // sentence ends within a few words of the cue.
            let tail = self.text(cue_end, e);
            let tail_words = tail.split_whitespace().count();
            if tail_words <= 3 && tail.trim_end().ends_with(['.', '?', '!']) {
                let sp = self.subject_before(cue_start);
                let subject_start = self.mention_ending_at(cue_start, 2).map(|(st, _)| st).or_else(|| {
                    let before = self.text(s, cue_start);
                    let np = group_before(&PRONOUN_BEFORE, before).or_else(|| anon_before(before));
                    np.map(|g| s + before[..g.start].chars().count())
                });
                let Some(mut st) = subject_start else { continue };
                // A title or role noun before the name ("terrorism analyst
                // Bill Roggio"): walk back to the comma.
                let back = self.text(s, st);
                if let Some(comma) = back.rfind(", ") {
                    let between = &back[comma + 2..];
                    if between.split_whitespace().count() <= 3
                        && between.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '.')
                    {
                        st = s + back[..comma].chars().count() + 2;
                    }
                }
                if sp.kind.is_some() && st >= s + 2 && self.chars[st - 2] == ',' {
                    return Some((st - 2, Speaker { cue: Some(cue), ..sp }));
                }
            }
        }
        None
    }

    /// Sentences before an unmarked quote in the same paragraph belong to
    /// it when they read as direct speech and mention neither a cue nor
    /// the speaker.
    pub(super) fn extend_back(&self, para_start: usize, s: usize, comma: usize, sp: &Speaker) -> usize {
        let mut start = s;
        let mut speechlike = FIRST_PERSON.is_match(self.text(s, comma));
        let mut candidates = Vec::new();
        while start > para_start {
            let (ps, _) = self.sentence(start.saturating_sub(2));
            if ps >= start {
                break;
            }
            let prev = self.text(ps, start);
            let names_speaker = sp
                .actor
                .is_some_and(|a| self.mentions_in(ps, start).iter().any(|m| m.actor == a && m.end <= start));
            if CUE.is_match(prev)
                || names_speaker
                || prev.contains([':', ';']) && !FIRST_PERSON.is_match(prev)
            {
                break;
            }
            speechlike |= FIRST_PERSON.is_match(prev);
            candidates.push(ps);
            start = ps;
            if candidates.len() >= 8 {
                break;
            }
        }
        if speechlike {
            candidates.last().copied().unwrap_or(s)
        } else {
            s
        }
    }
}

//! Marked quotes: pairing the quotation marks of a segment, quotes
//! that run over several paragraphs, and telling speech from scare
//! quotes and quoted terms.

use super::chars::words;
use super::patterns::{NAMING_BEFORE, WHAT_THEY_CALL, WORK_NOUN_BEFORE};
use super::{
    Extractor, Last, Pair, Quote, QuoteMark, Speaker, SpeakerKind, Via, MAX_QUOTE_CHARS, MAX_QUOTE_PARAGRAPHS,
};
use crate::extract::sentences::position_of;
use corpus_parser::BlockKind;

pub(super) fn is_open_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || "([{—–-/“‘\"'".contains(p))
}

pub(super) fn is_close_context(next: Option<char>) -> bool {
    next.is_none_or(|n| {
        n.is_whitespace() || n.is_ascii_punctuation() || "—–…”’".contains(n) || is_footnote_gap(n)
    })
}

/// Whether `c` may be a quotation mark: true for every character the
/// pairing acts on (`“ ” " ‘ ’ '`), and for few others (`#`, `&`). Two
/// comparisons: `x | 5` ignores bits 0 and 2, which tell apart
/// U+2018/2019/201C/201D and `"`/`#`/`&`/`'`.
pub(super) fn maybe_mark(c: char) -> bool {
    let x = c as u32 | 5;
    (x == 0x201D) | (x == 0x27)
}

pub(super) fn is_footnote_gap(c: char) -> bool {
    corpus_parser::is_superscript_digit(c)
}

/// The marks open in a segment: (position, mark, character).
type Stack = Vec<(usize, QuoteMark, char)>;

/// Closes the innermost open `mark` at `at`: a top-level pair when it was
/// the outermost. False if none is open.
fn close_mark(stack: &mut Stack, out: &mut Vec<Pair>, mark: QuoteMark, at: usize) -> bool {
    let Some(k) = stack.iter().rposition(|x| x.1 == mark) else { return false };
    let (open, _, _) = stack[k];
    stack.truncate(k);
    if stack.is_empty() {
        out.push(Pair { open, close: at, mark });
    }
    true
}

/// A doubled apostrophe at `i` (`prev` before it, `next` after both): a
/// double mark, read as a straight one.
fn doubled_mark(stack: &mut Stack, out: &mut Vec<Pair>, i: usize, prev: Option<char>, next: Option<char>) {
    let has_open = stack.iter().any(|x| x.1 == QuoteMark::Double);
    if has_open && (is_close_context(next) || !is_open_context(prev)) {
        close_mark(stack, out, QuoteMark::Double, i);
    } else if is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace()) {
        stack.push((i, QuoteMark::Double, '"'));
    }
}

impl Extractor<'_> {
    // ---------------------------------------------------------------
    // Marked quotes
    // ---------------------------------------------------------------

    /// Pairs the marks of one segment. Returns the top-level pairs and the
    /// openers left unclosed at its end (outermost first).
    pub(super) fn pairs(&self, s: usize, e: usize) -> (Vec<Pair>, Vec<(usize, QuoteMark)>) {
        let c = &self.chars;
        let mut stack: Stack = Vec::new();
        let mut out = Vec::new();
        let close = close_mark;
        // Most characters are not marks: only the ones that may be are read.
        let mut from = s;
        let marks = std::iter::from_fn(|| {
            let i = from + position_of(&c[from..e], maybe_mark)?;
            from = i + 1;
            Some(i)
        });
        // The second apostrophe of a doubled one, read with the first.
        let mut skip = None;
        for i in marks {
            if skip == Some(i) {
                continue;
            }
            let prev = (i > s).then(|| c[i - 1]);
            let next = (i + 1 < e).then(|| c[i + 1]);
            let letter = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
            // Two apostrophes ('' for ", as some archives write it): one
            // double mark, at the first.
            if c[i] == '\'' && next == Some('\'') {
                skip = Some(i + 1);
                doubled_mark(&mut stack, &mut out, i, prev, (i + 2 < e).then(|| c[i + 2]));
                continue;
            }
            match c[i] {
                '“' => stack.push((i, QuoteMark::Double, '“')),
                '”' => {
                    close(&mut stack, &mut out, QuoteMark::Double, i);
                }
                '"' => {
                    let has_open = stack.iter().any(|x| x.1 == QuoteMark::Double);
                    if has_open && (is_close_context(next) || !is_open_context(prev)) {
                        close(&mut stack, &mut out, QuoteMark::Double, i);
                    } else if (is_open_context(prev) || (prev == Some(':') && !has_open))
                        && next.is_some_and(|n| !n.is_whitespace())
                    {
                        // (A colon right before, with no space: "Rep. Trey
                        // Gowdy (R-S.C.):"I have not …"" opens.)
                        stack.push((i, QuoteMark::Double, '"'));
                    }
                }
                '‘' | '\'' | '’' => {
                    // Apostrophes: inside a word (don’t, Taliban’s), before
                    // a year (’90s), or a possessive with no quote open.
                    if letter(prev) && letter(next) {
                        continue;
                    }
                    // rock ’n’ roll
                    if prev == Some('n') && i >= s + 2 && matches!(c[i - 2], '’' | '\'') {
                        continue;
                    }
                    if next.is_some_and(|n| n.is_ascii_digit()) && !letter(prev) {
                        continue;
                    }
                    let has_open = stack.iter().any(|x| x.1 == QuoteMark::Single);
                    let opens =
                        c[i] != '’' && is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace());
                    let closes = c[i] != '‘'
                        && has_open
                        && prev.is_some_and(|p| !p.is_whitespace())
                        && is_close_context(next);
                    if closes {
                        close(&mut stack, &mut out, QuoteMark::Single, i);
                    } else if opens {
                        stack.push((i, QuoteMark::Single, c[i]));
                    }
                }
                _ => {}
            }
        }
        let open: Vec<(usize, QuoteMark)> = stack.iter().map(|x| (x.0, x.1)).collect();
        (out, open.into_iter().take(1).collect())
    }

    pub(super) fn marked(&mut self) {
        let segs: Vec<(usize, usize, usize, BlockKind)> =
            self.segments().enumerate().map(|(k, (s, a, b))| (k, a, b, s.kind)).collect();
        let mut carry: Option<(usize, QuoteMark, usize, usize)> = None; // open position, mark, paragraphs so far, its paragraph
        let mut last_speaker: Option<Last> = None;
        for &(k, a, b, kind) in &segs {
            // A block quotation with its own marks and cue ("“…,” Trump
            // said." after "Like the page:") is a paragraph.
            // Its speaker goes on to the quotes opening the paragraphs
            // after it ("Dr. Ward stated: ¶ …block… ¶ “…” ¶ “…”").
            if kind == BlockKind::BlockQuote && !self.block_has_own_quotes(a, b) {
                carry = None;
                let speaker = self.block_speaker(a, self.block_text(a, b).1);
                self.block_speakers.insert(a, speaker.clone());
                last_speaker = speaker.kind.is_some().then(|| Last { segment: k, close: b - 1, speaker });
                continue;
            }
            let (pairs, open) = self.pairs(a, b);
            // A quote running on from the previous paragraph: this one must
            // open with the same mark.
            let mut consumed = None;
            if let Some((start, mark, n, from)) = carry.take() {
                let first = self.chars.get(a).copied();
                let reopens = matches!(
                    (mark, first),
                    (QuoteMark::Double, Some('“' | '"')) | (QuoteMark::Single, Some('‘' | '\''))
                ) || (mark == QuoteMark::Double && self.doubled_apostrophe(a));
                if reopens {
                    if let Some(p) = pairs.first().filter(|p| p.open == a) {
                        consumed = Some(p.open);
                        self.emit_multi(start, p.close, mark, &mut last_speaker, from, k);
                    } else if open.first().is_some_and(|o| o.0 == a) && n < MAX_QUOTE_PARAGRAPHS {
                        carry = Some((start, mark, n + 1, from));
                    } else {
                        self.unbalanced += 1;
                    }
                } else {
                    self.unbalanced += 1;
                }
            }
            for p in &pairs {
                if consumed != Some(p.open) {
                    self.emit_pair(*p, k, &mut last_speaker);
                }
            }
            if carry.is_none() {
                if let Some(&(o, mark)) = open.first() {
                    let continues = segs.iter().find(|s| s.0 == k + 1).is_some_and(|s| {
                        self.chars.get(s.1).is_some_and(|&c| {
                            matches!(
                                (mark, c),
                                (QuoteMark::Double, '“' | '"') | (QuoteMark::Single, '‘' | '\'')
                            )
                        }) || (mark == QuoteMark::Double && self.doubled_apostrophe(s.1))
                    });
                    if continues {
                        carry = Some((o, mark, 1, k));
                    } else {
                        self.unbalanced += 1;
                    }
                }
            }
        }
        if carry.is_some() {
            self.unbalanced += 1;
        }
    }

    /// A quote over several paragraphs: from the first opening mark to the
    /// last closing one (the repeated opening marks stay in the text). It
    /// is attributed in the paragraph it opens in (`from`: “…,” said X.
    /// “…” there continues X's quote) and ends in paragraph `k`.
    pub(super) fn emit_multi(
        &mut self,
        open: usize,
        close: usize,
        mark: QuoteMark,
        last: &mut Option<Last>,
        from: usize,
        k: usize,
    ) {
        if close - open > MAX_QUOTE_CHARS * 2 {
            self.unbalanced += 1;
            return;
        }
        let pair = Pair { open, close, mark };
        let sp = self.attribute(pair, from, last);
        self.push_quote(open + 1, close, mark, sp.clone());
        *last = Some(Last { segment: k, close, speaker: sp });
    }

    pub(super) fn emit_pair(&mut self, p: Pair, k: usize, last: &mut Option<Last>) {
        if p.close - p.open > MAX_QUOTE_CHARS {
            self.unbalanced += 1;
            return;
        }
        let inner = &self.chars[p.open + 1..p.close];
        if inner.iter().all(|c| c.is_whitespace()) {
            return;
        }
        let mut sp = self.attribute(p, k, last);
        // "Cruz called Trump a “pathological liar” who is “utterly amoral,”
        // a “serial philanderer” and a “bully”", "calling it “meritless”
        // and “improper”": a quote joined to the quote right before it by
        // a comma, "and" or "or" (and an article) is said with it, by its
        // speaker, when it has no attribution of its own.
        if sp.kind.is_none() || !self.is_speech(p, &sp) {
            if let Some(before) = self.coordinated_with(p) {
                sp = Speaker { via: Via::Cue, cue: before.cue.clone(), ..Speaker::of(before) };
            }
        }
        if !self.is_speech(p, &sp) {
            return;
        }
        self.push_quote(p.open + 1, p.close, p.mark, sp.clone());
        if sp.kind.is_some() {
            *last = Some(Last { segment: k, close: p.close, speaker: sp });
        }
    }

    /// The quote this pair is coordinated with: the last quote found, in
    /// the same sentence, attributed, whose closing mark is followed by no
    /// more than a comma, "and" or "or" and an article before `p` opens
    /// (", a “…”", "” and “…”", ",” or an “…”").
    fn coordinated_with(&self, p: Pair) -> Option<&Quote> {
        let q = self.quotes.last().filter(|q| q.speaker_kind != SpeakerKind::Unattributed)?;
        if q.end >= p.open || p.open - q.end > 16 || self.sentence(q.start).0 != self.sentence(p.open).0 {
            return None;
        }
        let between = self.text(q.end, p.open);
        let words = between.trim_start_matches([',', '”', '"', '\'', ' ']);
        let joined = words.split_whitespace().all(|w| {
            let w = w.trim_end_matches(',');
            w.is_empty() || ["and", "or", "a", "an", "the"].contains(&w)
        });
        (joined && between.trim_start_matches([',', ' ']).starts_with(['”', '"', '\''])).then_some(q)
    }

    /// Scare quotes, titles and terms are not speech: a quoted phrase is a
    /// quote if a reporting cue attributes it, or if it is sentence-long (six
    /// words or more) or carries a footnote to its source — and never if a
    /// naming word comes right before it ("titled", "known as").
    pub(super) fn is_speech(&self, p: Pair, sp: &Speaker) -> bool {
        let inner = &self.chars[p.open + 1..p.close];
        let n = words(inner);
        let before = self.text(p.open.saturating_sub(30), p.open);
        let judged = || WHAT_THEY_CALL.is_match(self.text(p.open.saturating_sub(60), p.open));
        if NAMING_BEFORE.is_match(before) && n <= 8 && !judged() {
            return false;
        }
        // "told ABC’s “This Week”", "on Wednesday’s “Sean Hannity Show”",
        // "his book, “Clinton Cash”": a name in title case after a
        // possessive or a kind of work is a programme or a work.
        let possessive = before.trim_end().strip_suffix(['s', 'S']).is_some_and(|t| t.ends_with(['’', '\'']));
        if (possessive || WORK_NOUN_BEFORE.is_match(before)) && n <= 8 && title_case(inner) {
            return false;
        }
        // The cheap test first: the scan back can cross the whole document.
        let in_parens = self.chars.get(p.close + 1) == Some(&')')
            && self.chars[..p.open].iter().rev().take_while(|&&c| c != ')').any(|&c| c == '(');
        if in_parens && n <= 4 {
            return false;
        }
        match sp.via {
            // A one-word quotation with a cue and its speaker in the same
            // sentence is a quote ("Sanders said the trip was “absolutely”
            // worth it", "“Never,” he said"): on PolNeAR train, limiting
            // it to a cue before the quote lost recall (short quotes .569
            // -> .529) and gained no precision.
            Via::Cue => n >= 2 || sp.kind.is_some(),
            Via::Footnote => n >= 3,
            // "“…,” Teske said. “Big time.”": any length.
            Via::Resumed => n >= 1,
            Via::Subject => n >= 6 || (p.mark == QuoteMark::Double && !title_case(inner)),
            Via::Continuation | Via::Nothing | Via::Opening => n >= 6,
        }
    }

    /// Whether a doubled apostrophe (a double mark) starts at `i`.
    pub(super) fn doubled_apostrophe(&self, i: usize) -> bool {
        self.chars.get(i) == Some(&'\'') && self.chars.get(i + 1) == Some(&'\'')
    }

    pub(super) fn push_quote(&mut self, start: usize, mut end: usize, mark: QuoteMark, sp: Speaker) {
        // A trailing comma belongs to the sentence around the quote.
        while end > start && (self.chars[end - 1] == ',' || self.chars[end - 1].is_whitespace()) {
            end -= 1;
        }
        let mut start = start;
        // The second apostrophe of a doubled opening mark.
        if start > 0 && self.doubled_apostrophe(start - 1) {
            start += 1;
        }
        while start < end && self.chars[start].is_whitespace() {
            start += 1;
        }
        if start >= end {
            return;
        }
        let seq = self.segment_at(start).map_or(0, |s| s.seq);
        self.quotes.push(Quote {
            start,
            end,
            text: self.text(start, end).to_string(),
            segment_seq: seq,
            mark,
            speaker_kind: sp.kind.unwrap_or(SpeakerKind::Unattributed),
            speaker: sp.name.filter(|_| sp.kind.is_some()),
            speaker_actor: sp.actor,
            speaker_affiliation: sp.affiliation.filter(|_| sp.kind == Some(SpeakerKind::Anonymous)),
            cue: sp.cue,
        });
    }
}

/// Whether `inner` is written as a title: its first word and every word
/// of four letters or more start with a capital ("Meet the Press", "State
/// of the Union", "Hannity"; not "Never again").
fn title_case(inner: &[char]) -> bool {
    let mut first = true;
    let mut ok = true;
    for w in inner.split(|c| c.is_whitespace()).filter(|w| !w.is_empty()) {
        let letters = w.iter().filter(|c| c.is_alphabetic()).count();
        let capital =
            w.iter().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_numeric());
        ok &= capital || (!first && letters < 4);
        first = false;
    }
    ok && !first
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maybe_mark_lets_every_mark_through() {
        // Every code point: the prefilter must be true for each character
        // the pairing matches on, and it is true for only two others.
        let marks = ['“', '”', '"', '‘', '’', '\''];
        let mut others = Vec::new();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if marks.contains(&c) {
                assert!(maybe_mark(c), "{c:?}");
            } else if maybe_mark(c) {
                others.push(c);
            }
        }
        assert_eq!(others, ['#', '&']);
    }
}

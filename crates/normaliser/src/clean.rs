//! Cleaning one block: markup residue out, footnote markers out, white
//! space folded, NFC — with every character mapped back to source bytes.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use corpus_parser::{is_superscript_digit, BlockKind};
use regex::Regex;

use crate::lexicon::re;

use crate::mapped::Mapped;

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)</?(?:u|i|b|em|strong|sup|sub|span|a|p|br|small|mark|del|ins|s|strike|font|div|cite|abbr)(?:\s[^<>]{0,300})?/?>",
    )
});
static SUP_MARKER: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)<sup>\s*(\d{1,3})\s*</sup>"));
static AUTOLINK: LazyLock<Regex> = LazyLock::new(|| re(r"<((?:https?://|www\.)[^<>\s]{1,2000})>"));
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| re(r"\[([^\[\]\n]{1,500})\]\(((?:https?://|www\.|/)[^()\s]{0,2000})\)"));
static STRONG: LazyLock<Regex> = LazyLock::new(|| re(r"\*{2,}"));
static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp|ndash|mdash|lsquo|rsquo|ldquo|rdquo|hellip);",
    )
});

/// One change to the source: delete a byte range, or replace it by one
/// character.
#[derive(Debug, Clone)]
struct Edit {
    range: Range<usize>,
    with: Option<char>,
}

/// A cleaned block.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cleaned {
    pub mapped: Mapped,
    /// How many markup tokens were removed.
    pub markup: usize,
    /// The labels of the footnote markers taken out, in order.
    pub footnotes: Vec<String>,
    /// Each marker's source byte offset and label.
    pub markers: Vec<(usize, String)>,
}

/// Cleans `source[range]`. `labels` are the footnote labels of the
/// document: a superscript number is a footnote marker only if a footnote
/// with that label exists (so `km²` keeps its square).
pub(crate) fn clean(source: &str, range: Range<usize>, kind: BlockKind, labels: &HashSet<String>) -> Cleaned {
    let slice = &source[range.clone()];
    let base = range.start;
    let mut edits = Vec::new();
    let mut markup = 0;
    let mut markers = Vec::new();

    // Each pattern needs a character most text does not have: test for it
    // first (a byte search) rather than run the regex over every block.
    let (angle, bracket, star, amp) =
        (slice.contains('<'), slice.contains("]("), slice.contains('*'), slice.contains('&'));
    if angle {
        for c in SUP_MARKER.captures_iter(slice) {
            let whole = c.get(0).expect("group 0 always takes part");
            if labels.contains(&c[1]) {
                markers.push((base + whole.start(), c[1].to_string()));
                edits.push(Edit { range: shift(whole.range(), base), with: None });
            }
        }
    }
    if angle {
        for m in TAG.find_iter(slice) {
            markup += 1;
            edits.push(Edit { range: shift(m.range(), base), with: None });
        }
    }
    if angle {
        for c in AUTOLINK.captures_iter(slice) {
            let whole = c.get(0).expect("group 0 always takes part");
            markup += 1;
            edits.push(Edit { range: base + whole.start()..base + whole.start() + 1, with: None });
            edits.push(Edit { range: base + whole.end() - 1..base + whole.end(), with: None });
        }
    }
    if bracket {
        for c in MD_LINK.captures_iter(slice) {
            let whole = c.get(0).expect("group 0 always takes part");
            let text = c.get(1).expect("group 1 always takes part");
            markup += 1;
            edits.push(Edit { range: base + whole.start()..base + text.start(), with: None });
            edits.push(Edit { range: base + text.end()..base + whole.end(), with: None });
        }
    }
    if star {
        for m in STRONG.find_iter(slice) {
            markup += 1;
            edits.push(Edit { range: shift(m.range(), base), with: None });
        }
    }
    if star {
        for at in italic_stars(slice) {
            markup += 1;
            edits.push(Edit { range: base + at..base + at + 1, with: None });
        }
    }
    if amp {
        for c in ENTITY.captures_iter(slice) {
            let whole = c.get(0).expect("group 0 always takes part");
            if let Some(ch) = entity(&c[1]) {
                markup += 1;
                edits.push(Edit { range: shift(whole.range(), base), with: Some(ch) });
            }
        }
    }
    if !labels.is_empty() && !slice.is_ascii() {
        superscript_markers(slice, base, labels, &mut edits, &mut markers);
    }

    edits.sort_by_key(|e| (e.range.start, std::cmp::Reverse(e.range.end)));
    let mapped = emit(source, range, &edits, kind == BlockKind::TableRow).nfc();
    markers.sort();
    let footnotes = markers.iter().map(|m| m.1.clone()).collect();
    Cleaned { mapped, markup, footnotes, markers }
}

fn shift(r: Range<usize>, by: usize) -> Range<usize> {
    r.start + by..r.end + by
}

/// Runs of superscript digits naming a known footnote.
fn superscript_markers(
    slice: &str,
    base: usize,
    labels: &HashSet<String>,
    edits: &mut Vec<Edit>,
    markers: &mut Vec<(usize, String)>,
) {
    let mut run: Option<(usize, String)> = None;
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_superscript_digit(c) {
            let digit = superscript_value(c);
            match &mut run {
                Some((_, s)) => s.push(digit),
                None => run = Some((i, digit.to_string())),
            }
        }
        let ends = !is_superscript_digit(c) || iter.peek().is_none_or(|&(_, n)| !is_superscript_digit(n));
        if ends {
            if let Some((start, label)) = run.take() {
                let end = if is_superscript_digit(c) { i + c.len_utf8() } else { i };
                if labels.contains(&label) {
                    edits.push(Edit { range: base + start..base + end, with: None });
                    markers.push((base + start, label));
                }
            }
        }
    }
}

fn superscript_value(c: char) -> char {
    match c {
        '\u{00b9}' => '1',
        '\u{00b2}' => '2',
        '\u{00b3}' => '3',
        '\u{2070}' => '0',
        other => char::from_digit(other as u32 - 0x2070, 10).unwrap_or('0'),
    }
}

/// Byte offsets of single `*` that open or close an emphasis (`*word*`),
/// not a lone `*` between spaces and not part of `**`.
fn italic_stars(slice: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if c != '*' {
            continue;
        }
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|n| n.1);
        if prev == Some('*') || next == Some('*') {
            continue;
        }
        let opens = prev.is_none_or(|p| p.is_whitespace() || "([{\"'‘“—–-/".contains(p))
            && next.is_some_and(|n| !n.is_whitespace());
        let closes = prev.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation() || "’”—–…".contains(n));
        if opens || closes {
            out.push(i);
        }
    }
    out
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        n if n.starts_with("#x") || n.starts_with("#X") => {
            char::from_u32(u32::from_str_radix(&n[2..], 16).ok()?).filter(|c| !c.is_control())?
        }
        n => char::from_u32(n[1..].parse().ok()?).filter(|c| !c.is_control())?,
    })
}

/// Characters that are deleted wherever they are: soft hyphens,
/// zero-width characters, byte-order marks and control characters.
fn invisible(c: char) -> bool {
    matches!(c, '\u{00ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
        || (c.is_control() && !c.is_whitespace())
}

/// Writes `source[range]` with the edits applied and white space folded
/// (runs become one space — or one tab in a table row, where tabs
/// separate cells), trimmed at both ends.
fn emit(source: &str, range: Range<usize>, edits: &[Edit], table: bool) -> Mapped {
    // At most one character per source byte: no growing as it is written.
    let mut out = Mapped::with_capacity(range.len());
    let mut pending: Option<(usize, usize, bool)> = None; // start, end, has tab
    let mut next_edit = 0;
    let span = |a: usize, b: usize| (a as u32, b as u32);
    let flush = |out: &mut Mapped, pending: &mut Option<(usize, usize, bool)>| {
        if let Some((a, b, tab)) = pending.take() {
            if !out.text.is_empty() {
                out.push(if tab && table { '\t' } else { ' ' }, span(a, b));
            }
        }
    };
    let bytes = source.as_bytes();
    let mut i = range.start;
    while i < range.end {
        while next_edit < edits.len() && edits[next_edit].range.end <= i {
            next_edit += 1;
        }
        if let Some(e) = edits.get(next_edit).filter(|e| e.range.start <= i) {
            // The edit's bytes are skipped, whatever they hold.
            i = e.range.end;
            next_edit += 1;
            match e.with {
                Some(w) if w.is_whitespace() => extend_ws(&mut pending, e.range.start, e.range.end, false),
                Some(w) => {
                    flush(&mut out, &mut pending);
                    out.push(w, span(e.range.start, e.range.end));
                }
                None => {}
            }
            continue;
        }
        // Printable ASCII up to the next edit is copied as it is, in one go.
        let stop = edits.get(next_edit).map_or(range.end, |e| e.range.start.min(range.end));
        let run = bytes[i..stop].iter().take_while(|b| matches!(b, b'!'..=b'~')).count();
        if run > 0 {
            flush(&mut out, &mut pending);
            out.push_ascii(&source[i..i + run], i);
            i += run;
            continue;
        }
        let Some(c) = source[i..].chars().next() else { break };
        if c.is_whitespace() {
            extend_ws(&mut pending, i, i + c.len_utf8(), c == '\t');
        } else if !invisible(c) {
            flush(&mut out, &mut pending);
            out.push(c, span(i, i + c.len_utf8()));
        }
        i += c.len_utf8();
    }
    out.trim_end();
    out
}

fn extend_ws(pending: &mut Option<(usize, usize, bool)>, a: usize, b: usize, tab: bool) {
    *pending = Some(match *pending {
        Some((s, _, t)) => (s, b, t || tab),
        None => (a, b, tab),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(s: &str) -> String {
        let labels: HashSet<String> = ["4", "12"].iter().map(|s| s.to_string()).collect();
        clean(s, 0..s.len(), BlockKind::Paragraph, &labels).mapped.text
    }

    #[test]
    fn markup_residue_goes_and_the_words_stay() {
        let cases = [
            ("By **Jane Roe**, a writer.", "By Jane Roe, a writer."),
            ("the <u>analyses</u> show", "the analyses show"),
            ("her book *Why Allies Rebel* is", "her book Why Allies Rebel is"),
            ("Al Emarah** (2017) 'x'", "Al Emarah (2017) 'x'"),
            ("see <https://odi.org/x> now", "see https://odi.org/x now"),
            ("a [link text](https://e.org/p) here", "a link text here"),
            ("<i>mahaz</i> unit", "mahaz unit"),
            ("Tom &amp; Jerry&nbsp;&nbsp;run", "Tom & Jerry run"),
            ("5 * 3 = 15", "5 * 3 = 15"),
        ];
        for (input, want) in cases {
            assert_eq!(cleaned(input), want, "input: {input}");
        }
    }

    #[test]
    fn white_space_is_folded_and_nfc_applied() {
        assert_eq!(cleaned("  a \t b\u{a0}\u{a0}c  "), "a b c");
        assert_eq!(cleaned("Cafe\u{301} soft\u{ad}hyphen zero\u{200b}width"), "Café softhyphen zerowidth");
    }

    #[test]
    fn only_known_footnote_markers_are_removed() {
        let labels: HashSet<String> = ["4", "12"].iter().map(|s| s.to_string()).collect();
        let s = "entity.¹² The area is 3 km² and ’⁴ more³";
        let c = clean(s, 0..s.len(), BlockKind::Paragraph, &labels);
        assert_eq!(c.mapped.text, "entity. The area is 3 km² and ’ more³");
        assert_eq!(c.footnotes, vec!["12".to_string(), "4".to_string()]);
    }

    #[test]
    fn table_rows_keep_one_tab_between_cells() {
        let s = "AQIS\tAl Qaeda in the  Indian Subcontinent";
        let c = clean(s, 0..s.len(), BlockKind::TableRow, &HashSet::new());
        assert_eq!(c.mapped.text, "AQIS\tAl Qaeda in the Indian Subcontinent");
    }

    /// `emit` as it was, one character at a time: the reference for the
    /// copy of ASCII runs.
    fn emit_reference(source: &str, range: Range<usize>, edits: &[Edit], table: bool) -> Mapped {
        let mut out = Mapped::default();
        let mut pending: Option<(usize, usize, bool)> = None;
        let mut next_edit = 0;
        let mut skip_to = range.start;
        let span = |a: usize, b: usize| (a as u32, b as u32);
        let flush = |out: &mut Mapped, pending: &mut Option<(usize, usize, bool)>| {
            if let Some((a, b, tab)) = pending.take() {
                if !out.text.is_empty() {
                    out.push(if tab && table { '\t' } else { ' ' }, span(a, b));
                }
            }
        };
        for (off, c) in source[range.clone()].char_indices() {
            let i = range.start + off;
            if i < skip_to {
                continue;
            }
            while next_edit < edits.len() && edits[next_edit].range.end <= i {
                next_edit += 1;
            }
            if let Some(e) = edits.get(next_edit).filter(|e| e.range.start <= i) {
                skip_to = e.range.end;
                next_edit += 1;
                match e.with {
                    Some(w) if w.is_whitespace() => {
                        extend_ws(&mut pending, e.range.start, e.range.end, false)
                    }
                    Some(w) => {
                        flush(&mut out, &mut pending);
                        out.push(w, span(e.range.start, e.range.end));
                    }
                    None => {}
                }
                continue;
            }
            if c.is_whitespace() {
                extend_ws(&mut pending, i, i + c.len_utf8(), c == '\t');
            } else if !invisible(c) {
                flush(&mut out, &mut pending);
                out.push(c, span(i, i + c.len_utf8()));
            }
        }
        out.trim_end();
        out
    }

    #[test]
    fn emit_copies_ascii_runs_as_it_copied_characters() {
        let texts = [
            "  plain ASCII text, with punctuation!  ",
            "x **bold** &amp; é\u{ad}z\u{200b}\t\tcell\u{a0}“quoted”  ",
            "<i>a</i>\u{301}bc ¹² déjà-vu \r\n end",
            "",
            "é",
        ];
        for t in texts {
            let n = t.len();
            let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([n]).collect();
            let b = |k: usize| bounds[k.min(bounds.len() - 1)];
            let edit = |a: usize, z: usize, with: Option<char>| Edit { range: b(a)..b(z).max(b(a)), with };
            let mut edit_sets = vec![
                vec![],
                vec![edit(0, 2, None)],
                vec![edit(1, 3, Some('&')), edit(5, 6, Some(' ')), edit(8, 12, None)],
                vec![edit(2, 9, None), edit(3, 5, Some('x')), edit(7, 11, Some('—'))],
                vec![edit(0, 100, None)],
            ];
            for edits in &mut edit_sets {
                edits.retain(|e| !e.range.is_empty());
                edits.sort_by_key(|e| (e.range.start, std::cmp::Reverse(e.range.end)));
                for range in [0..n, b(1)..b(7), b(3)..n] {
                    for table in [false, true] {
                        let (got, want) = (
                            emit(t, range.clone(), edits, table),
                            emit_reference(t, range.clone(), edits, table),
                        );
                        assert_eq!(
                            (&got.text, &got.map),
                            (&want.text, &want.map),
                            "{t:?} {range:?} {edits:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_character_maps_back_to_its_source_bytes() {
        let s = "x **bold** &amp; é";
        let c = clean(s, 0..s.len(), BlockKind::Paragraph, &HashSet::new());
        assert_eq!(c.mapped.text, "x bold & é");
        let m = &c.mapped.map;
        assert_eq!(&s[m.source_range(2..6)], "bold");
        assert_eq!(&s[m.source_range(7..8)], "&amp;");
        assert_eq!(&s[m.source_range(9..10)], "é");
    }
}

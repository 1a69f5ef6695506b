//! Cleaning one block: markup residue out, footnote markers out, white
//! space folded, NFC — with every character mapped back to source bytes.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use corpus_parser::{is_superscript_digit, BlockKind};
use regex::Regex;

use crate::lexicon::re;

use crate::offsets::{next_non_ascii, Mapped, HIGH, ONES};

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
    // first (one pass over the bytes) rather than run the regex over every
    // block.
    let Markup { angle, bracket, star, amp } = markup_chars(slice);
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
    if !labels.is_empty() {
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

/// Which of the characters the markup patterns need a text holds.
#[derive(Debug, Default, PartialEq, Eq)]
struct Markup {
    /// `<`: tags, `<sup>` markers, autolinks.
    angle: bool,
    /// `](`: Markdown links.
    bracket: bool,
    /// `*`: bold and italic.
    star: bool,
    /// `&`: entities.
    amp: bool,
}

/// Whether some byte of `v` is `b` (exact for "some", not for which).
fn has_byte(v: u64, b: u8) -> bool {
    let x = v ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & HIGH != 0
}

/// [`Markup`] of `slice`, eight bytes at a time: a word with none of the
/// bytes `<`, `]`, `*`, `&` is passed over in a few instructions.
fn markup_chars(slice: &str) -> Markup {
    let bytes = slice.as_bytes();
    let mut m = Markup::default();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let v = u64::from_ne_bytes(chunk.try_into().expect("a chunk of 8 bytes"));
            if !(has_byte(v, b'<') || has_byte(v, b']') || has_byte(v, b'*') || has_byte(v, b'&')) {
                i += 8;
                continue;
            }
        }
        for k in i..(i + 8).min(bytes.len()) {
            match bytes[k] {
                b'<' => m.angle = true,
                b']' => m.bracket |= bytes.get(k + 1) == Some(&b'('),
                b'*' => m.star = true,
                b'&' => m.amp = true,
                _ => {}
            }
        }
        i += 8;
    }
    m
}

/// Runs of superscript digits naming a known footnote. The digits are
/// not ASCII: only the non-ASCII characters are looked at.
fn superscript_markers(
    slice: &str,
    base: usize,
    labels: &HashSet<String>,
    edits: &mut Vec<Edit>,
    markers: &mut Vec<(usize, String)>,
) {
    let bytes = slice.as_bytes();
    let mut i = 0;
    while let Some(start) = next_non_ascii(bytes, i) {
        // The longest run of superscript digits from `start` (a run that
        // started before would have taken this character).
        let mut end = start;
        let mut label = String::new();
        for c in slice[start..].chars().take_while(|&c| is_superscript_digit(c)) {
            label.push(superscript_value(c));
            end += c.len_utf8();
        }
        if end == start {
            i = start + slice[start..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if labels.contains(&label) {
            edits.push(Edit { range: base + start..base + end, with: None });
            markers.push((base + start, label));
        }
        i = end;
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
    let mut out = Vec::new();
    for (i, _) in slice.match_indices('*') {
        let prev = slice[..i].chars().next_back();
        let next = slice[i + 1..].chars().next();
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
        let run = printable_run(&bytes[i..stop]);
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

/// The length of the run of printable ASCII at the start of `bytes`,
/// taking in single spaces between printable bytes: such a space is
/// written as it is (a space mapped to its own byte), as the white space
/// folding would write it.
fn printable_run(bytes: &[u8]) -> usize {
    let printable = |b: u8| matches!(b, b'!'..=b'~');
    let mut n = 0;
    loop {
        // Here `bytes[n - 1]` is printable, or a space before a printable
        // `bytes[n]`: a whole word of the run can follow.
        if n > 0 {
            while let Some(chunk) = bytes.get(n..n + 8) {
                if !continues_run(u64::from_le_bytes(chunk.try_into().expect("a chunk of 8 bytes"))) {
                    break;
                }
                n += 8;
            }
        }
        while n < bytes.len() && printable(bytes[n]) {
            n += 1;
        }
        if n > 0 && n + 1 < bytes.len() && bytes[n] == b' ' && printable(bytes[n + 1]) {
            n += 1;
        } else {
            return n;
        }
    }
}

/// Whether eight bytes (little-endian `v`) all continue a run of
/// [`printable_run`] that stands before them and ends in a printable
/// byte, or in a space before a printable first byte: all are printable
/// or single spaces, and the last is not a space.
fn continues_run(v: u64) -> bool {
    // Each test is exact per byte: no carry crosses a byte below 0x80.
    let ascii = v & HIGH == 0;
    let at_least_space = v.wrapping_add(ONES * 0x60) & HIGH == HIGH;
    let below_del = v.wrapping_add(ONES) & HIGH == 0;
    let x = v ^ (ONES * u64::from(b' '));
    let spaces = !((x & !HIGH).wrapping_add(!HIGH) | x) & HIGH;
    ascii && at_least_space && below_del && spaces & (spaces << 8) == 0 && spaces >> 56 == 0
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

    /// Texts of random pieces (a fixed sequence): printable ASCII, single
    /// and double spaces, tabs, control and non-ASCII characters.
    fn random_texts(n: usize) -> Vec<String> {
        let pieces = [
            "a", "Zz", "~!", "word", "text", " ", " ", " ", " ", "  ", "\t", "\u{7f}", "\u{1f}", "é", "“",
            "\u{a0}", "\u{ad}",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        (0..n).map(|_| (0..next() % 32).map(|_| pieces[next() % pieces.len()]).collect()).collect()
    }

    #[test]
    fn printable_run_reads_eight_bytes_as_it_reads_one() {
        let reference = |bytes: &[u8]| {
            let printable = |b: u8| matches!(b, b'!'..=b'~');
            let mut n = 0;
            loop {
                while n < bytes.len() && printable(bytes[n]) {
                    n += 1;
                }
                if n > 0 && n + 1 < bytes.len() && bytes[n] == b' ' && printable(bytes[n + 1]) {
                    n += 1;
                } else {
                    return n;
                }
            }
        };
        let mut long = 0;
        for t in random_texts(30_000) {
            for start in 0..t.len().min(4) {
                let b = &t.as_bytes()[start..];
                assert_eq!(printable_run(b), reference(b), "{:?}", String::from_utf8_lossy(b));
                long += usize::from(reference(b) >= 16);
            }
        }
        assert!(long > 100, "runs long enough for the eight-byte steps: {long}");
        for v in [
            *b"abcdefgh",
            *b"a b c d ",
            *b" bcdefgh",
            *b"ab  efgh",
            *b"abc\x7fefgh",
            *b"abc\x1fefgh",
            *b"abc\xc3efgh",
        ] {
            let want = v.iter().all(|b| matches!(b, b' '..=b'~'))
                && !v.windows(2).any(|w| w == b"  ")
                && v[7] != b' ';
            assert_eq!(continues_run(u64::from_le_bytes(v)), want, "{v:?}");
        }
    }

    #[test]
    fn emit_copies_ascii_runs_as_it_copied_characters() {
        let texts = [
            "  plain ASCII text, with punctuation!  ",
            "x **bold** &amp; é\u{ad}z\u{200b}\t\tcell\u{a0}“quoted”  ",
            "<i>a</i>\u{301}bc ¹² déjà-vu \r\n end",
            "",
            "é",
            "a b c d e f g h",
            "ab cd  ef\tgh i \u{a0}j k\u{ad} l",
            " x y ",
        ];
        let random = random_texts(3000);
        for t in texts.into_iter().chain(random.iter().map(String::as_str)) {
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

    /// Texts for the fast paths: markup characters at every offset of a
    /// word, superscripts, curly quotes, stars in every position.
    fn tricky_texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            "",
            "*",
            "**",
            "a*b",
            "*a*",
            " *a* ",
            "x * y",
            "(*a*) “*b*” —*c*— *d*’ *e*…",
            "**bold** and *it* and ***both***",
            "*\u{a0}a*",
            "a ](x) [b](https://e.org) ]( ](",
            "]",
            "(",
            "&amp; & &#x41; <b> <",
            "entity.¹² The area is 3 km² and ’⁴ more³",
            "¹²³⁰⁴⁵⁶⁷⁸⁹ ¹ ² ⁴⁴ x¹²y ⁽¹⁾ ₁₂",
            "\u{2070}\u{2071}\u{2074}",
            "“Curly” quotes — and dashes… é",
        ]
        .map(String::from)
        .to_vec();
        for c in ["<", "]", "](", "*", "&", "¹", "⁴"] {
            for at in 0..18 {
                texts.push(format!("{}{c}{}", "a".repeat(at), "b".repeat(17 - at)));
            }
        }
        texts
    }

    #[test]
    fn markup_chars_finds_what_contains_finds() {
        for t in tricky_texts() {
            let want = Markup {
                angle: t.contains('<'),
                bracket: t.contains("]("),
                star: t.contains('*'),
                amp: t.contains('&'),
            };
            assert_eq!(markup_chars(&t), want, "{t:?}");
        }
    }

    #[test]
    fn superscript_markers_and_italic_stars_find_what_a_char_by_char_scan_finds() {
        // The scans as they were, over every character.
        fn markers_reference(slice: &str, labels: &HashSet<String>) -> Vec<(usize, String)> {
            let mut out = Vec::new();
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
                let ends =
                    !is_superscript_digit(c) || iter.peek().is_none_or(|&(_, n)| !is_superscript_digit(n));
                if ends {
                    if let Some((start, label)) = run.take() {
                        if labels.contains(&label) {
                            out.push((start, label));
                        }
                    }
                }
            }
            out
        }
        fn stars_reference(slice: &str) -> Vec<usize> {
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
                    && next
                        .is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation() || "’”—–…".contains(n));
                if opens || closes {
                    out.push(i);
                }
            }
            out
        }
        let labels: HashSet<String> =
            ["1", "4", "12", "44", "0456789", "1230456789"].iter().map(|s| s.to_string()).collect();
        let mut found = 0;
        for t in tricky_texts() {
            let (mut edits, mut markers) = (Vec::new(), Vec::new());
            superscript_markers(&t, 7, &labels, &mut edits, &mut markers);
            let want: Vec<(usize, String)> =
                markers_reference(&t, &labels).into_iter().map(|(at, l)| (at + 7, l)).collect();
            assert_eq!(markers, want, "{t:?}");
            assert_eq!(edits.len(), markers.len());
            found += markers.len();
            assert_eq!(italic_stars(&t), stars_reference(&t), "{t:?}");
        }
        assert!(found >= 5, "the texts hold known markers");
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

//! From blocks to one clean document text with its segments.

use std::collections::HashSet;
use std::ops::Range;

use corpus_parser::{Block, BlockKind};

use super::flags::{quality_flags, QualityFlag};
use super::markup::{clean, Cleaned};
use crate::offsets::{BytePos, CharPos, Mapped, OffsetMap};

/// The longest segment text, in characters. Longer blocks are split at a
/// space into several segments of the same kind, so that no spreadsheet
/// cell (limit 32,767) is ever cut.
pub const MAX_SEGMENT_CHARS: usize = 30_000;

/// The separator between two segments in the document text.
pub const SEGMENT_SEPARATOR: &str = "\n\n";

/// A segment of a document: one block (or a paragraph re-joined across a
/// page break, or one piece of a very long block).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// 1-based position in the document, in source order.
    pub seq: u32,
    /// What the segment is.
    pub kind: BlockKind,
    /// Footnote, heading or list number.
    pub label: Option<String>,
    /// Code point offsets into [`Document::text`]; `None` for segments
    /// left out of the text (boilerplate).
    pub span: Option<Range<CharPos>>,
    /// Byte span in the source, covering everything the segment was made
    /// from (for a re-joined paragraph, also the footnotes between).
    pub source: Range<BytePos>,
    /// The source byte ranges whose cleaned text, joined, is `text`: one
    /// for most segments, two or more for a re-joined paragraph.
    pub parts: Vec<Range<BytePos>>,
    /// Labels of the footnote markers taken out of this segment's text.
    pub footnotes: Vec<String>,
    /// Where each marker stood: (code point offset in `text`, label).
    pub footnote_marks: Vec<(usize, String)>,
    /// The clean text.
    pub text: String,
}

/// A normalised document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The clean text: the text segments joined by a blank line.
    pub text: String,
    /// Every segment, in source order.
    pub segments: Vec<Segment>,
    /// Source byte range of every character of `text`.
    pub map: OffsetMap,
    /// Quality flags, sorted.
    pub flags: Vec<QualityFlag>,
    /// Number of characters (code points) of `text`.
    pub chars: usize,
    /// Number of words of `text` (white-space separated, with a letter or digit).
    pub words: usize,
    /// How many paragraphs were re-joined across a page break.
    pub joins: usize,
    /// How many of those joins crossed footnotes or chrome (the mark of
    /// a PDF page break rather than a stray line break).
    pub joins_across_notes: usize,
}

struct Piece {
    kind: BlockKind,
    label: Option<String>,
    source: Range<usize>,
    parts: Vec<Range<usize>>,
    cleaned: Cleaned,
}

/// Normalises a decoded source and its blocks (from
/// [`corpus_parser::parse_blocks`]) into a [`Document`].
pub fn normalise(source: &str, blocks: &[Block]) -> Document {
    let labels = footnote_labels(blocks);
    let mut pieces: Vec<Piece> = blocks
        .iter()
        .map(|b| Piece {
            kind: b.kind,
            label: b.label.clone(),
            source: b.span.clone(),
            parts: vec![b.content.clone()],
            cleaned: clean(source, b.content.clone(), b.kind, &labels),
        })
        .collect();
    let (joins, joins_across_notes) = rejoin_page_breaks(&mut pieces);
    let mut split = Vec::with_capacity(pieces.len());
    for piece in pieces {
        split_long(piece, &mut split);
    }
    let pieces = split;
    let markup: usize =
        pieces.iter().filter(|p| p.kind != BlockKind::Boilerplate).map(|p| p.cleaned.markup).sum();
    let mut doc = assemble(source, pieces);
    doc.joins = joins;
    doc.joins_across_notes = joins_across_notes;
    doc.flags = quality_flags(&doc, markup);
    doc
}

fn footnote_labels(blocks: &[Block]) -> HashSet<String> {
    blocks.iter().filter(|b| b.kind == BlockKind::Footnote).filter_map(|b| b.label.clone()).collect()
}

/// The cleaned text of source `parts` of a segment of `kind`, joined the
/// way a paragraph split by a page break is: the same function the build
/// uses, so a segment's text can be re-derived from its source bytes.
pub fn normalise_parts(
    source: &str,
    parts: &[Range<usize>],
    kind: BlockKind,
    footnote_labels: &HashSet<String>,
) -> String {
    let mut out = Mapped::default();
    for part in parts {
        let c = clean(source, part.clone(), kind, footnote_labels);
        append_joined(&mut out, c.mapped);
    }
    out.text
}

/// Appends the continuation of a paragraph: after a hyphen, directly
/// ("counter-" + "terrorism"); otherwise after one space.
fn append_joined(into: &mut Mapped, next: Mapped) {
    if !into.text.is_empty() && !into.text.ends_with('-') {
        let at = into.map.source_range(into.char_len() - 1..into.char_len()).end as u32;
        let to = next.map.source_range(0..1).start as u32;
        into.push(' ', (at, to.max(at)));
    }
    into.text.push_str(&next.text);
    into.map.extend(&next.map);
}

/// Whether a paragraph's text stops mid-sentence.
fn is_open(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| "\"'’”)]*".contains(c));
    !matches!(t.chars().next_back(), None | Some('.' | '!' | '?' | '…' | ':'))
}

/// A paragraph split by a page break (a PDF extraction) continues after
/// the footnotes and chrome that interrupt it. The next paragraph is
/// re-joined to it when the first stops mid-sentence and the next starts
/// in lower case or follows footnotes, or when the next starts in lower
/// case right after footnotes. Returns how many joins were made,
/// and how many of them crossed footnotes or chrome.
fn rejoin_page_breaks(pieces: &mut Vec<Piece>) -> (usize, usize) {
    let mut joins = 0;
    let mut across = 0;
    let mut open: Option<usize> = None;
    let mut last_text: Option<usize> = None;
    let mut interrupted = false;
    // Pieces joined to an earlier one: removed after the loop (removing
    // each at once would shift the rest of the list every time).
    let mut joined = vec![false; pieces.len()];
    let mut i = 0;
    while i < pieces.len() {
        match pieces[i].kind {
            BlockKind::Footnote | BlockKind::Boilerplate => {
                interrupted = true;
                i += 1;
                continue;
            }
            BlockKind::Paragraph => {
                let starts_lower =
                    pieces[i].cleaned.mapped.text.chars().next().is_some_and(char::is_lowercase);
                // After footnotes, a paragraph starting in lower case continues
                // the last one even if that one looks closed (the extraction
                // lost what stood between, such as a figure).
                let target = open.or_else(|| last_text.filter(|_| interrupted && starts_lower));
                if let Some(o) = target.filter(|_| starts_lower || interrupted) {
                    // Taken out of the list below, all at once.
                    joined[i] = true;
                    let next = &mut pieces[i];
                    let (end, parts, cleaned) =
                        (next.source.end, std::mem::take(&mut next.parts), std::mem::take(&mut next.cleaned));
                    let target = &mut pieces[o];
                    target.source.end = end;
                    target.parts.extend(parts);
                    target.cleaned.markup += cleaned.markup;
                    target.cleaned.footnotes.extend(cleaned.footnotes);
                    target.cleaned.markers.extend(cleaned.markers);
                    append_joined(&mut target.cleaned.mapped, cleaned.mapped);
                    joins += 1;
                    across += usize::from(interrupted);
                    open = is_open(&pieces[o].cleaned.mapped.text).then_some(o);
                    last_text = Some(o);
                    interrupted = false;
                    i += 1;
                    continue;
                }
            }
            _ => {}
        }
        let k = pieces[i].kind;
        let continuable = matches!(k, BlockKind::Paragraph | BlockKind::BlockQuote);
        open = (continuable && is_open(&pieces[i].cleaned.mapped.text)).then_some(i);
        last_text = continuable.then_some(i);
        interrupted = false;
        i += 1;
    }
    if joins > 0 {
        let mut k = 0;
        pieces.retain(|_| {
            k += 1;
            !joined[k - 1]
        });
    }
    (joins, across)
}

/// Pushes `piece` to `out`, split at spaces if it is longer than
/// [`MAX_SEGMENT_CHARS`]. The text is walked once, in place: no copy of
/// it as characters (a 50 MB line would take 200 MB more).
fn split_long(piece: Piece, out: &mut Vec<Piece>) {
    let n = piece.cleaned.mapped.char_len();
    if n <= MAX_SEGMENT_CHARS {
        out.push(piece);
        return;
    }
    let text = piece.cleaned.mapped.text.as_str();
    let first = out.len();
    // `start`/`end` count characters, `at`/`to` are their bytes in `text`.
    let (mut start, mut at) = (0, 0);
    while start < n {
        let (mut end, mut to) = (start, at);
        for c in text[at..].chars().take(MAX_SEGMENT_CHARS) {
            (end, to) = (end + 1, to + c.len_utf8());
        }
        if end < n {
            // The last space after the first character (one byte each).
            let after_first = at + text[at..].chars().next().map_or(0, char::len_utf8);
            if let Some(sp) = text.get(after_first..to).and_then(|t| t.rfind(' ')) {
                let sp = after_first + sp;
                end -= text[sp..to].chars().count();
                to = sp;
            }
        }
        let map = piece.cleaned.mapped.map.slice(start..end);
        let src = map.source_range(0..end - start);
        out.push(Piece {
            kind: piece.kind,
            label: piece.label.clone(),
            source: if start == 0 { piece.source.start..src.end } else { src.clone() },
            parts: vec![src],
            cleaned: Cleaned {
                mapped: Mapped { text: text[at..to].to_string(), map },
                markup: 0,
                footnotes: Vec::new(),
                markers: Vec::new(),
            },
        });
        (start, at) = (end, to);
        let spaces = text[at..].bytes().take_while(|&b| b == b' ').count();
        (start, at) = (start + spaces, at + spaces);
    }
    if let Some(last) = out[first..].last_mut() {
        last.source.end = piece.source.end;
    }
}

/// The number of white-space separated words with a letter or digit:
/// `text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()`,
/// with ASCII bytes read through a table that does not depend on the
/// state, so the loop carries only two logic operations from byte to byte
/// (a table indexed by the state made every byte wait for the last load).
fn count_words(text: &str) -> usize {
    // `alnum`: the word being read has a letter or digit (so it is a word).
    let (mut words, mut alnum) = (0usize, 0u8);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            let class = ASCII_CLASS[usize::from(b)];
            let space = class >> 1;
            words += usize::from(alnum & space);
            alnum = (alnum & !space) | (class & 1);
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("`i` is a char boundary");
        if c.is_whitespace() {
            words += usize::from(alnum);
            alnum = 0;
        } else if c.is_alphanumeric() {
            alnum = 1;
        }
        i += c.len_utf8();
    }
    words + usize::from(alnum)
}

/// [`count_words`]'s classes of the ASCII bytes: 1 for a letter or digit,
/// 2 for white space, 0 for the rest.
static ASCII_CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, b'\t'..=b'\r' | b' ') {
            2
        } else if c.is_ascii_alphanumeric() {
            1
        } else {
            0
        };
        b += 1;
    }
    t
};

fn assemble(source: &str, pieces: Vec<Piece>) -> Document {
    // Room for every piece and separator: the text is not regrown.
    let room: usize = pieces.iter().map(|p| p.cleaned.mapped.text.len() + SEGMENT_SEPARATOR.len()).sum();
    let runs: usize = pieces.iter().map(|p| p.cleaned.mapped.map.runs() + 1).sum();
    let mut text = String::with_capacity(room);
    let mut map = OffsetMap::with_runs(runs);
    let mut chars = 0usize;
    let mut segments = Vec::with_capacity(pieces.len());
    for (k, p) in pieces.into_iter().enumerate() {
        let in_text = p.kind != BlockKind::Boilerplate && !p.cleaned.mapped.text.is_empty();
        let span = in_text.then(|| {
            if chars > 0 {
                let at = map.source_range(chars - 1..chars).end as u32;
                for c in SEGMENT_SEPARATOR.chars() {
                    text.push(c);
                    map.push((at, at));
                }
                chars += SEGMENT_SEPARATOR.chars().count();
            }
            let start = chars;
            text.push_str(&p.cleaned.mapped.text);
            map.extend(&p.cleaned.mapped.map);
            chars += p.cleaned.mapped.char_len();
            start..chars
        });
        // A block with no text left (markup only) keeps its raw bytes.
        let seg_text = if p.cleaned.mapped.text.is_empty() {
            source[p.source.clone()].to_string()
        } else {
            p.cleaned.mapped.text
        };
        let kind = if in_text { p.kind } else { BlockKind::Boilerplate };
        segments.push(Segment {
            seq: u32::try_from(k + 1).unwrap_or(u32::MAX),
            kind,
            label: p.label,
            span,
            source: p.source,
            parts: p.parts,
            footnote_marks: p
                .cleaned
                .markers
                .iter()
                .map(|(byte, label)| (p.cleaned.mapped.map.chars_before(*byte), label.clone()))
                .collect(),
            footnotes: p.cleaned.footnotes,
            text: seg_text,
        });
    }
    let words = count_words(&text);
    map.shrink_to_fit();
    Document { text, segments, map, flags: Vec::new(), chars, words, joins: 0, joins_across_notes: 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus_parser::{parse_blocks, Hints};

    #[test]
    fn count_words_counts_as_split_whitespace_does() {
        let reference =
            |t: &str| t.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
        let mut texts: Vec<String> =
            (0u8..128).map(|b| format!("a{}b c {} d", b as char, b as char)).collect();
        texts.extend(
            [
                "",
                " ",
                "— – …",
                "one",
                "  two  words ",
                "x — y",
                "tab\tand\u{b}vt\u{c}ff\r\ncr\u{1c}fs",
                "nbsp\u{a0}here\u{2009}thin\u{3000}ideo\u{85}nel\u{200b}zw",
                "“Curly” quotes — and dashes…  é ü ٣ ² Ⅻ",
                "\u{2028}\u{2029}",
                "end“",
            ]
            .map(String::from),
        );
        for t in &texts {
            assert_eq!(count_words(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn a_paragraph_split_twice_by_footnotes_is_joined_once_in_order() {
        let text = "The Title\n\nThe group said on Monday, after a long meeting of its leaders in the city, that it\n\n1 A first note, in full.\n\nwould not, whatever the cost,\n\n2 A second note, in full.\n\ncut its ties with the network.\n\nA new paragraph starts here and it is closed.\n";
        let blocks = parse_blocks(text, &Hints { title: Some("The Title"), ..Hints::default() });
        let doc = normalise(text, &blocks);
        let segs: Vec<(BlockKind, &str, bool)> =
            doc.segments.iter().map(|s| (s.kind, s.text.as_str(), s.span.is_some())).collect();
        let joined = "The group said on Monday, after a long meeting of its leaders in the city, that it would not, whatever the cost, cut its ties with the network.";
        assert_eq!(
            segs,
            [
                (BlockKind::Title, "The Title", true),
                (BlockKind::Paragraph, joined, true),
                (BlockKind::Footnote, "A first note, in full.", true),
                (BlockKind::Footnote, "A second note, in full.", true),
                (BlockKind::Paragraph, "A new paragraph starts here and it is closed.", true),
            ]
        );
        for s in &doc.segments {
            let span = s.span.clone().expect("in the text");
            assert_eq!(doc.text.chars().skip(span.start).take(span.len()).collect::<String>(), s.text);
        }
        assert_eq!((doc.joins, doc.joins_across_notes), (2, 2));
        assert_eq!(doc.segments[1].parts.len(), 3);
        let p = &doc.segments[1];
        assert_eq!(normalise_parts(text, &p.parts, p.kind, &HashSet::new()), joined);
    }
}

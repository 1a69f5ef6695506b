//! From blocks to one clean document text with its segments.

use std::collections::HashSet;
use std::ops::Range;

use corpus_parser::{Block, BlockKind};

use crate::clean::{clean, Cleaned};
use crate::flags::{quality_flags, QualityFlag};
use crate::mapped::{Mapped, OffsetMap};

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
    pub span: Option<Range<usize>>,
    /// Byte span in the source, covering everything the segment was made
    /// from (for a re-joined paragraph, also the footnotes between).
    pub source: Range<usize>,
    /// The source byte ranges whose cleaned text, joined, is `text`: one
    /// for most segments, two or more for a re-joined paragraph.
    pub parts: Vec<Range<usize>>,
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
    let pieces: Vec<Piece> = pieces.into_iter().flat_map(split_long).collect();
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
                    let next = pieces.remove(i);
                    let target = &mut pieces[o];
                    target.source.end = next.source.end;
                    target.parts.extend(next.parts);
                    target.cleaned.markup += next.cleaned.markup;
                    target.cleaned.footnotes.extend(next.cleaned.footnotes);
                    target.cleaned.markers.extend(next.cleaned.markers);
                    append_joined(&mut target.cleaned.mapped, next.cleaned.mapped);
                    joins += 1;
                    across += usize::from(interrupted);
                    open = is_open(&pieces[o].cleaned.mapped.text).then_some(o);
                    last_text = Some(o);
                    interrupted = false;
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
    (joins, across)
}

/// Splits a piece longer than [`MAX_SEGMENT_CHARS`] at spaces.
fn split_long(piece: Piece) -> Vec<Piece> {
    let n = piece.cleaned.mapped.char_len();
    if n <= MAX_SEGMENT_CHARS {
        return vec![piece];
    }
    let chars: Vec<char> = piece.cleaned.mapped.text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < n {
        let mut end = (start + MAX_SEGMENT_CHARS).min(n);
        if end < n {
            if let Some(sp) = (start + 1..end).rev().find(|&k| chars[k] == ' ') {
                end = sp;
            }
        }
        let map = piece.cleaned.mapped.map.slice(start..end);
        let src = map.source_range(0..end - start);
        let text: String = chars[start..end].iter().collect();
        out.push(Piece {
            kind: piece.kind,
            label: piece.label.clone(),
            source: if start == 0 { piece.source.start..src.end } else { src.clone() },
            parts: vec![src],
            cleaned: Cleaned {
                mapped: Mapped { text, map },
                markup: 0,
                footnotes: Vec::new(),
                markers: Vec::new(),
            },
        });
        start = end;
        while start < n && chars[start] == ' ' {
            start += 1;
        }
    }
    if let Some(last) = out.last_mut() {
        last.source.end = piece.source.end;
    }
    out
}

fn assemble(source: &str, pieces: Vec<Piece>) -> Document {
    // Room for every piece and separator: the text is not regrown.
    let room: usize = pieces.iter().map(|p| p.cleaned.mapped.text.len() + SEGMENT_SEPARATOR.len()).sum();
    let mut text = String::with_capacity(room);
    let mut map = OffsetMap::with_capacity(room);
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
    let words = text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    map.shrink_to_fit();
    Document { text, segments, map, flags: Vec::new(), chars, words, joins: 0, joins_across_notes: 0 }
}

//! Block structure: which lines of a source are titles, headings,
//! paragraphs, footnotes, chrome … decided by their shape.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// The kind of a block. The names (see [`BlockKind::as_str`]) are the
/// closed vocabulary of the `segments.kind` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The document title.
    Title,
    /// A one-sentence summary under the title.
    Standfirst,
    /// Author, date line, or an author's bio.
    Byline,
    /// A section heading (numbered or not).
    Heading,
    /// Running text.
    Paragraph,
    /// A displayed quotation.
    BlockQuote,
    /// A numbered or bulleted item.
    ListItem,
    /// A numbered note (as a PDF extraction interleaves them with the body).
    Footnote,
    /// An entry of a references list.
    Reference,
    /// A photo or figure caption.
    Caption,
    /// A tab-separated table row.
    TableRow,
    /// Web chrome and publisher template: kept, but left out of the text.
    Boilerplate,
}

impl BlockKind {
    /// All kinds, in the order of the contract.
    pub const ALL: [BlockKind; 12] = [
        BlockKind::Title,
        BlockKind::Standfirst,
        BlockKind::Byline,
        BlockKind::Heading,
        BlockKind::Paragraph,
        BlockKind::BlockQuote,
        BlockKind::ListItem,
        BlockKind::Footnote,
        BlockKind::Reference,
        BlockKind::Caption,
        BlockKind::TableRow,
        BlockKind::Boilerplate,
    ];

    /// The name used in the tables.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Standfirst => "standfirst",
            BlockKind::Byline => "byline",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::BlockQuote => "block_quote",
            BlockKind::ListItem => "list_item",
            BlockKind::Footnote => "footnote",
            BlockKind::Reference => "reference",
            BlockKind::Caption => "caption",
            BlockKind::TableRow => "table_row",
            BlockKind::Boilerplate => "boilerplate",
        }
    }
}

/// A block of a source file. Offsets are **bytes** into the source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The whole block, without surrounding whitespace.
    pub span: Range<usize>,
    /// The block's text, after its label, bullet or markdown prefix.
    pub content: Range<usize>,
    /// A footnote, heading or list number, when the block has one.
    pub label: Option<String>,
    /// Whether the block follows a blank line (or starts the file).
    pub after_blank: bool,
}

/// What the catalog knows about a document, used to recognise its title
/// (and a site name after it) and its byline.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// The catalog title.
    pub title: Option<&'a str>,
    /// The catalog authors.
    pub authors: &'a [String],
}

/// The patterns of a lexicon file: one per line, blank lines and `#`
/// comments left out.
fn lexicon_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// One regular expression that matches where any of `patterns` matches
/// (a single automaton: far faster than a `RegexSet` when only "does
/// any match" is asked). `None` for no patterns.
fn alternation<'p>(patterns: impl Iterator<Item = &'p str>, case_insensitive: bool) -> Option<Regex> {
    let alternatives: Vec<String> =
        patterns.map(|l| format!("(?:{})", crate::ascii_word_boundaries(l))).collect();
    if alternatives.is_empty() {
        return None;
    }
    let flags = if case_insensitive { "(?i)" } else { "" };
    Some(
        Regex::new(&format!("{flags}{}", alternatives.join("|")))
            .expect("the bundled lexicon compiles (tested)"),
    )
}

/// Whether a lexicon pattern is anchored at the start of the line: `^…`
/// or `(?flags)^…`.
fn starts_anchored(pattern: &str) -> bool {
    let rest = match pattern.strip_prefix("(?") {
        Some(flags) => {
            flags.trim_start_matches(|c: char| c.is_ascii_alphabetic() || c == '-').strip_prefix(')')
        }
        None => Some(pattern),
    };
    rest.is_some_and(|r| r.starts_with('^'))
}

/// A lexicon file (`data/en/*.txt`) as two automata: the patterns anchored
/// at the start of the line, and the others. A line matches the lexicon
/// when either matches — the same as one alternation of all the lines,
/// but each automaton can use its own search: the anchored one gives up
/// at the first bytes of a line that starts otherwise, the other (whose
/// patterns end with `$`) reads the line from its end.
struct Lexicon {
    anchored: Option<Regex>,
    rest: Option<Regex>,
}

impl Lexicon {
    fn new(data: &str, case_insensitive: bool) -> Lexicon {
        Lexicon {
            anchored: alternation(lexicon_lines(data).filter(|l| starts_anchored(l)), case_insensitive),
            rest: alternation(lexicon_lines(data).filter(|l| !starts_anchored(l)), case_insensitive),
        }
    }

    fn is_match(&self, line: &str) -> bool {
        self.anchored.as_ref().is_some_and(|r| r.is_match(line))
            || self.rest.as_ref().is_some_and(|r| r.is_match(line))
    }
}

fn re(pattern: &str) -> Regex {
    Regex::new(&crate::ascii_word_boundaries(pattern)).expect("a built-in pattern compiles (tested)")
}

/// The longest line that can be chrome or a table-of-contents entry.
const MAX_CHROME_BYTES: usize = 600;

/// Whether a line is web chrome or publisher template (`data/en/boilerplate.txt`).
fn is_chrome(line: &str) -> bool {
    line.len() <= MAX_CHROME_BYTES && CHROME.is_match(line)
}

fn is_toc_entry(line: &str) -> bool {
    // The pattern needs a line that ends with a page number (digits or
    // lower-case roman numerals) and holds a slash: most lines do not.
    // (`\d` is any decimal digit: every one is numeric.)
    let page_end = line.chars().next_back().is_some_and(|c| c.is_numeric() || "ivxlcdm".contains(c));
    line.len() <= MAX_CHROME_BYTES && page_end && line.contains('/') && TOC_ENTRY.is_match(line)
}

static CHROME: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(include_str!("../data/en/boilerplate.txt"), true));
static CAPTION: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::new(include_str!("../data/en/captions.txt"), false));
static EMAIL: LazyLock<Regex> = LazyLock::new(|| re(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"));
static TOC_ENTRY: LazyLock<Regex> = LazyLock::new(|| re(r"^\S.{1,150}?\s/\s*([ivxlcdm]{1,6}|\d{1,4})$"));
// A marker, then the text: `marker (\S.*)$`, matched as `marker` (which
// ends in `\s+`) and the text checked by hand: see [`marked`].
static NUMBERED_HEADING: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+"));
static FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,3})\s+"));
static NUMBERED_ITEM: LazyLock<Regex> = LazyLock::new(|| re(r"^\(?(\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+"));
static BULLET: LazyLock<Regex> = LazyLock::new(|| re(r"^[-*•◦▪‣–]\s+"));
static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| re(r"^#{1,6}\s+"));
static MD_QUOTE: LazyLock<Regex> = LazyLock::new(|| re(r"^>\s?(\S.*)$"));
static BY_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^(?i:by)\s+\S"));
static KICKER: LazyLock<Regex> = LazyLock::new(|| re(r"^([A-Z]{3,}(?: [A-Z]{2,}){0,3}) [—–] "));
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
    re(&format!(
        r"(?i)^({month}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{month}\s+\d{{4}}|{month}\s+\d{{4}})[\s,0-9:apm.]*$"
    ))
});
static REFERENCES_HEADING: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(references|bibliography|works cited|sources|literature|further reading)$"));
static AUTHOR_BIO: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+(is|was)\s+(a|an|the)\s"));

// The anchored patterns above each need a line to start in a certain
// way; these tests say so in a byte or two, before any regex runs (most
// lines are prose that starts with a capital). Each lets through every
// line its pattern can match: `\d` is any Unicode decimal digit, so a
// line starting with a non-ASCII character is always let through.

/// The first byte of a line (0 for an empty one).
fn first_byte(l: &str) -> u8 {
    l.as_bytes().first().copied().unwrap_or(0)
}

/// Whether `l` can start with `\d`: [`NUMBERED_HEADING`], [`FOOTNOTE`].
fn may_start_with_digit(l: &str) -> bool {
    let b = first_byte(l);
    b.is_ascii_digit() || !b.is_ascii()
}

/// Whether `l` can start like a [`NUMBERED_ITEM`]: `(`, `\d` or `[a-z]`.
fn may_start_numbered_item(l: &str) -> bool {
    let b = first_byte(l);
    b == b'(' || b.is_ascii_digit() || b.is_ascii_lowercase() || !b.is_ascii()
}

/// The characters a [`BULLET`] line starts with.
const BULLET_CHARS: [char; 7] = ['-', '*', '•', '◦', '▪', '‣', '–'];

/// A line made of a marker (a number, a bullet, `#` …) and a text.
#[derive(Debug, PartialEq, Eq)]
struct Marked<'l> {
    /// The marker's label (its group 1), for the patterns that take one.
    label: Option<&'l str>,
    /// The byte range of the text in the line: to its end.
    text: Range<usize>,
}

/// `l` as `marker` followed by a text, as the pattern `marker(\S.*)$`
/// would match it, with the text as the last group — but without running
/// a capturing search over the whole text (most of a long footnote or list
/// item). `marker` ends in a greedy `\s+`, and every way it can match ends
/// at the same byte: the white space after the marker's non-space part.
/// So the text starts where `marker` stops, with a non-space (`\s+` took
/// them all), and `.*$` holds iff it is not empty and has no `\n`.
fn marked<'l>(marker: &Regex, l: &'l str) -> Option<Marked<'l>> {
    let c = marker.captures(l)?;
    let end = c.get(0).expect("group 0 always takes part").end();
    let text = &l[end..];
    (!text.is_empty() && !text.contains('\n'))
        .then(|| Marked { label: c.get(1).map(|m| m.as_str()), text: end..l.len() })
}

fn is_bullet(l: &str) -> bool {
    bullet(l).is_some()
}

fn bullet(l: &str) -> Option<Marked<'_>> {
    l.starts_with(BULLET_CHARS).then(|| marked(&BULLET, l)).flatten()
}

fn md_heading(l: &str) -> Option<Marked<'_>> {
    (first_byte(l) == b'#').then(|| marked(&MD_HEADING, l)).flatten()
}

fn md_quote(l: &str) -> Option<regex::Captures<'_>> {
    (first_byte(l) == b'>').then(|| MD_QUOTE.captures(l)).flatten()
}

fn numbered_heading(l: &str) -> Option<Marked<'_>> {
    may_start_with_digit(l).then(|| marked(&NUMBERED_HEADING, l)).flatten()
}

fn footnote(l: &str) -> Option<Marked<'_>> {
    may_start_with_digit(l).then(|| marked(&FOOTNOTE, l)).flatten()
}

fn numbered_item(l: &str) -> Option<Marked<'_>> {
    may_start_numbered_item(l).then(|| marked(&NUMBERED_ITEM, l)).flatten()
}

/// A [`KICKER`] starts with three ASCII capitals.
fn kicker(l: &str) -> Option<regex::Match<'_>> {
    let caps = l.as_bytes().get(..3).is_some_and(|b| b.iter().all(u8::is_ascii_uppercase));
    caps.then(|| KICKER.find(l)).flatten()
}

/// One non-blank line: its trimmed byte span and whether a blank line
/// (or the start of the file) comes before it.
#[derive(Debug, Clone)]
struct Line {
    span: Range<usize>,
    after_blank: bool,
}

/// Splits on `\n`, `\r\n` and lone `\r`; trims Unicode white space and a
/// byte-order mark; drops blank lines.
fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut after_blank = true;
    loop {
        let end = line_end(bytes, start);
        let raw = &text[start..end];
        let trimmed = raw.trim_matches(is_blank);
        if trimmed.is_empty() {
            after_blank = true;
        } else {
            let lead = raw.len() - raw.trim_start_matches(is_blank).len();
            let s = start + lead;
            out.push(Line { span: s..s + trimmed.len(), after_blank });
            after_blank = false;
        }
        if end >= bytes.len() {
            return out;
        }
        start = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') { end + 2 } else { end + 1 };
    }
}

/// The offset of the first `\n` or `\r` at or after `from`, or the
/// length of `bytes`. Eight bytes at a time while none of them is one.
fn line_end(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // Exact for "some byte of `v` is zero" (not for which one).
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH != 0;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let v = u64::from_ne_bytes(chunk.try_into().expect("a chunk of 8 bytes"));
        if has_zero(v ^ (ONES * u64::from(b'\n'))) || has_zero(v ^ (ONES * u64::from(b'\r'))) {
            break;
        }
        i += 8;
    }
    bytes[i.min(bytes.len())..].iter().position(|&b| b == b'\n' || b == b'\r').map_or(bytes.len(), |p| i + p)
}

/// Characters that count as blank for coverage: white space and the BOM.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Lower-case letters and digits only: for comparing titles.
fn fold(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A line that is the title again, perhaps with a site name after it
/// (not a paragraph that happens to start with the title's words).
fn repeats_title(line: &str, title_fold: &str) -> bool {
    if line.len() > 4 * title_fold.len() + 160 {
        return false;
    }
    // `fold(line)` must start with the title and be at most 40 bytes
    // longer: compared as it is folded, stopping as soon as it cannot.
    let limit = title_fold.len() + 40;
    let mut len = 0;
    let mut buf = [0u8; 4];
    for c in line.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase) {
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        let (from, to) = (len, len + bytes.len());
        if to > limit {
            return false;
        }
        // The folded text's bytes that overlap the title must equal it.
        if from < title_fold.len() {
            let n = to.min(title_fold.len()) - from;
            if bytes[..n] != title_fold.as_bytes()[from..from + n] {
                return false;
            }
        }
        len = to;
    }
    !title_fold.is_empty() && len >= title_fold.len()
}

/// The number of white-space separated words of `s`, counted up to `cap`
/// (callers compare it with small bounds; a paragraph has thousands).
fn words_up_to(s: &str, cap: usize) -> usize {
    // `s.split_whitespace().take(cap).count()`, with ASCII bytes tested
    // as bytes.
    let bytes = s.as_bytes();
    let (mut count, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() && count < cap {
        let b = bytes[i];
        let (white, len) = if b.is_ascii() {
            (matches!(b, b'\t'..=b'\r' | b' '), 1)
        } else {
            let c = s[i..].chars().next().expect("`i` is a char boundary");
            (c.is_whitespace(), c.len_utf8())
        };
        count += usize::from(!white && !in_word);
        in_word = !white;
        i += len;
    }
    count
}

fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(is_superscript_digit);
    matches!(
        s.chars().next_back(),
        Some('.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | ']' | '…' | ':' | ';')
    )
}

/// ¹²³⁴⁵⁶⁷⁸⁹⁰: the footnote markers of PDF extractions.
pub fn is_superscript_digit(c: char) -> bool {
    matches!(c, '\u{2070}' | '\u{00b9}' | '\u{00b2}' | '\u{00b3}' | '\u{2074}'..='\u{2079}')
}

/// A short line that starts with a capital or digit and does not end like
/// a sentence or a clause.
fn heading_shaped(s: &str) -> bool {
    let s = s.trim_matches(|c| c == '*' || c == '_');
    let first = s.chars().next();
    let last = s.chars().next_back();
    // The cheap tests first: a paragraph fails at its last character.
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !matches!(
            last,
            Some('.' | ',' | ';' | ':' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | '-' | '–' | '—' | '(')
        )
        && (s.len() <= 100 || s.chars().nth(100).is_none())
        && (1..=14).contains(&words_up_to(s, 15))
}

/// Splits a source text into blocks. Every non-blank byte of `text` lies
/// in exactly one block's `span`; blocks come in source order.
///
/// ```
/// use corpus_parser::{parse_blocks, BlockKind, Hints};
/// let text = "Big News\n\nIt happened today, said a man, and it was big news for all.\n";
/// let blocks = parse_blocks(text, &Hints { title: Some("Big News"), ..Hints::default() });
/// assert_eq!(blocks[0].kind, BlockKind::Title);
/// assert_eq!(blocks[1].kind, BlockKind::Paragraph);
/// ```
pub fn parse_blocks(text: &str, hints: &Hints<'_>) -> Vec<Block> {
    let lines = lines(text);
    let mut classifier = Classifier::new(text, hints, &lines);
    classifier.run();
    classifier.blocks
}

struct Classifier<'a> {
    text: &'a str,
    hints: &'a Hints<'a>,
    lines: &'a [Line],
    blocks: Vec<Block>,
    last_footnote: u32,
    in_references: bool,
}

impl<'a> Classifier<'a> {
    fn new(text: &'a str, hints: &'a Hints<'a>, lines: &'a [Line]) -> Self {
        Classifier {
            text,
            hints,
            lines,
            blocks: Vec::with_capacity(lines.len()),
            last_footnote: 0,
            in_references: false,
        }
    }

    fn line(&self, i: usize) -> &'a str {
        &self.text[self.lines[i].span.clone()]
    }

    fn push(
        &mut self,
        kind: BlockKind,
        span: Range<usize>,
        content: Range<usize>,
        label: Option<String>,
        after_blank: bool,
    ) {
        self.blocks.push(Block { kind, span, content, label, after_blank });
    }

    fn push_line(&mut self, i: usize, kind: BlockKind) {
        let span = self.lines[i].span.clone();
        self.push(kind, span.clone(), span, None, self.lines[i].after_blank);
    }

    /// The head is everything before the first line of real prose.
    fn head_len(&self) -> usize {
        (0..self.lines.len())
            .find(|&i| {
                let l = self.line(i);
                words_up_to(l, 30) >= 30 && !is_chrome(l) && !self.is_caption(l)
            })
            .unwrap_or(self.lines.len())
    }

    fn find_title(&self, head: usize) -> Option<usize> {
        let limit = head.max(1).min(self.lines.len()).min(12);
        match self.hints.title.map(fold).filter(|t| !t.is_empty()) {
            Some(title) => (0..limit).find(|&i| {
                let line = fold(self.line(i));
                line.starts_with(&title) || (line.len() * 10 >= title.len() * 8 && title.starts_with(&line))
            }),
            // No title in the catalog: the first line, past chrome, if it
            // is shaped like a title (a numbered heading is not one).
            None => (0..limit)
                .find(|&i| {
                    let l = self.line(i);
                    !(is_chrome(l) || is_bullet(l))
                })
                .filter(|&i| {
                    let l = self.line(i);
                    heading_shaped(l) && numbered_heading(l).is_none()
                }),
        }
    }

    fn run(&mut self) {
        let head = self.head_len();
        let title = self.find_title(head);
        let mut i = 0;
        if let Some(t) = title {
            // Navigation before the title: bullets and chrome.
            while i < t {
                let l = self.line(i);
                if is_bullet(l) || is_chrome(l) || words_up_to(l, 4) <= 3 {
                    self.push_line(i, BlockKind::Boilerplate);
                } else {
                    self.classify(i);
                }
                i += 1;
            }
            self.title(t);
            i = t + 1;
            if i < head && self.is_standfirst(i) && (i + 1..head).any(|j| self.is_byline(self.line(j))) {
                self.push_line(i, BlockKind::Standfirst);
                i += 1;
            }
        }
        let title_fold = self
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Title)
            .map(|b| fold(&self.text[b.content.clone()]));
        while i < self.lines.len() {
            let l = self.line(i);
            if i < head && self.is_byline(l) {
                self.push_line(i, BlockKind::Byline);
            } else if title.is_some_and(|t| i > t)
                && title_fold.as_deref().is_some_and(|t| repeats_title(l, t))
            {
                // The title repeated in a footer ("Link:" + title).
                self.push_line(i, BlockKind::Boilerplate);
            } else {
                self.classify(i);
            }
            i += 1;
        }
        self.mark_tables_of_contents();
    }

    /// The title line; a site name after the title (" – Foreign Policy")
    /// is split off as boilerplate.
    fn title(&mut self, i: usize) {
        let span = self.lines[i].span.clone();
        let line = self.line(i);
        let after_blank = self.lines[i].after_blank;
        if let Some(cut) = self.site_suffix(line) {
            let title_end = span.start + line[..cut].trim_end().len();
            self.push(BlockKind::Title, span.start..title_end, span.start..title_end, None, after_blank);
            let rest = span.start + cut;
            self.push(BlockKind::Boilerplate, rest..span.end, rest..span.end, None, false);
        } else {
            self.push(BlockKind::Title, span.clone(), span, None, after_blank);
        }
    }

    /// Byte index in `line` of a " – Site Name" suffix after the known title.
    fn site_suffix(&self, line: &str) -> Option<usize> {
        let title = fold(self.hints.title?);
        for (idx, c) in line.char_indices().rev() {
            if matches!(c, '–' | '—' | '|' | '-') && idx > 0 && line[..idx].ends_with(' ') {
                let before = fold(&line[..idx]);
                if before == title && !fold(&line[idx..]).is_empty() {
                    return Some(line[..idx].trim_end().len());
                }
            }
        }
        None
    }

    /// A one-sentence summary between the title and the byline.
    fn is_standfirst(&self, i: usize) -> bool {
        let l = self.line(i);
        (4..=60).contains(&words_up_to(l, 61))
            && ends_sentence(l)
            && !is_chrome(l)
            && !self.is_caption(l)
            && !self.is_byline(l)
            && !is_bullet(l)
    }

    fn is_caption(&self, l: &str) -> bool {
        CAPTION.is_match(l)
    }

    fn is_byline(&self, l: &str) -> bool {
        if words_up_to(l, 61) > 60 {
            return false;
        }
        if BY_LINE.is_match(l) || DATE_LINE.is_match(l) {
            return true;
        }
        if self.hints.authors.is_empty() {
            return false;
        }
        // A line made only of the authors' names.
        let mut rest = l.to_string();
        for a in self.hints.authors {
            rest = rest.replace(a.as_str(), " ");
        }
        rest.split(|c: char| c.is_whitespace() || c == ',' || c == '&' || c == ';')
            .all(|w| w.is_empty() || w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("by"))
    }

    fn is_author_bio(&self, l: &str) -> bool {
        self.hints
            .authors
            .iter()
            .any(|a| l.strip_prefix(a.as_str()).is_some_and(|rest| AUTHOR_BIO.is_match(rest)))
    }

    /// The previous block that is part of the running text (footnotes and
    /// chrome interleave and do not count).
    fn previous_text_block(&self) -> Option<&Block> {
        self.blocks.iter().rev().find(|b| !matches!(b.kind, BlockKind::Footnote | BlockKind::Boilerplate))
    }

    fn classify(&mut self, i: usize) {
        let l = self.line(i);
        if l.contains('\t') {
            return self.push_line(i, BlockKind::TableRow);
        }
        // Compared with 40 only, and rarely needed.
        if is_chrome(l)
            || (l.contains('@') && EMAIL.is_match(l) && words_up_to(l, 41) <= 40)
            || is_toc_entry(l)
        {
            return self.push_line(i, BlockKind::Boilerplate);
        }
        if self.marked_heading_or_quote(i)
            || self.footnote_line(i)
            || self.reference_or_list_item(i)
            || self.shaped_line(i)
        {
            return;
        }
        self.push_line(i, BlockKind::Paragraph)
    }

    /// Pushes line `i` as `kind`, its content the text after mark `m`.
    fn push_marked(&mut self, i: usize, kind: BlockKind, m: &Marked<'_>, label: Option<String>) {
        let span = self.lines[i].span.clone();
        let content = span.start + m.text.start..span.end;
        self.push(kind, span, content, label, self.lines[i].after_blank);
    }

    /// A heading or block quotation by its Markdown mark ("## ", "> "),
    /// or a numbered heading ("2.1 Methods"). Whether line `i` was one.
    fn marked_heading_or_quote(&mut self, i: usize) -> bool {
        let l = self.line(i);
        if let Some(m) = md_heading(l) {
            self.in_references = REFERENCES_HEADING.is_match(&l[m.text.clone()]);
            self.push_marked(i, BlockKind::Heading, &m, None);
            return true;
        }
        if let Some(c) = md_quote(l) {
            let m = c.get(1).expect("group 1 always takes part");
            self.push_marked(
                i,
                BlockKind::BlockQuote,
                &Marked { label: None, text: m.start()..l.len() },
                None,
            );
            return true;
        }
        if let Some(m) = numbered_heading(l) {
            let rest = &l[m.text.clone()];
            if heading_shaped(rest) && rest.chars().next().is_some_and(char::is_uppercase) {
                self.in_references = REFERENCES_HEADING.is_match(rest);
                self.push_marked(i, BlockKind::Heading, &m, m.label.map(str::to_string));
                return true;
            }
        }
        false
    }

    /// A footnote: a plausible next number, then a sentence starting in
    /// upper case. Whether line `i` was one.
    fn footnote_line(&mut self, i: usize) -> bool {
        let l = self.line(i);
        let Some(m) = footnote(l) else { return false };
        let rest = &l[m.text.clone()];
        let label = m.label.expect("the footnote pattern has a group 1");
        let n: u32 = label.parse().unwrap_or(u32::MAX);
        let plausible = n > self.last_footnote.saturating_sub(3)
            && n <= self.last_footnote + 10
            && (self.last_footnote > 0 || n <= 5);
        let sentence = ends_sentence(rest) || rest.chars().count() > 100;
        let starts_upper = rest.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        if !(plausible && sentence && starts_upper) {
            return false;
        }
        self.last_footnote = self.last_footnote.max(n);
        self.push_marked(i, BlockKind::Footnote, &m, Some(label.to_string()));
        true
    }

    /// An entry of a reference list (under a references heading), or a
    /// numbered or bulleted list item. Whether line `i` was one.
    fn reference_or_list_item(&mut self, i: usize) -> bool {
        let l = self.line(i);
        if self.in_references && (!heading_shaped(l) || is_bullet(l)) {
            let m = bullet(l).unwrap_or(Marked { label: None, text: 0..l.len() });
            self.push_marked(i, BlockKind::Reference, &m, None);
            return true;
        }
        if let Some(m) = numbered_item(l) {
            self.push_marked(i, BlockKind::ListItem, &m, m.label.map(str::to_string));
            return true;
        }
        if let Some(m) = bullet(l) {
            self.push_marked(i, BlockKind::ListItem, &m, None);
            return true;
        }
        false
    }

    /// A line known by its shape and place: a caption, an author's bio, a
    /// heading, a block quotation after a colon, a kicker before the body.
    /// Whether line `i` was one.
    fn shaped_line(&mut self, i: usize) -> bool {
        let span = self.lines[i].span.clone();
        let l = self.line(i);
        // Compared with 12 only, and rarely needed.
        let words = || words_up_to(l, 41);
        let kind = if self.is_caption(l) {
            BlockKind::Caption
        } else if self.is_author_bio(l) {
            BlockKind::Byline
        } else if heading_shaped(l) {
            self.in_references = REFERENCES_HEADING.is_match(l.trim_matches('*'));
            BlockKind::Heading
        } else if self.after_colon() && words() >= 12 {
            BlockKind::BlockQuote
        } else {
            let Some(m) = kicker(l).filter(|_| words() >= 12) else { return false };
            let cut = span.start + m.as_str().trim_end().len();
            let body = span.start + m.end();
            let after_blank = self.lines[i].after_blank;
            self.push(BlockKind::Boilerplate, span.start..cut, span.start..cut, None, after_blank);
            self.push(BlockKind::Paragraph, body..span.end, body..span.end, None, false);
            return true;
        };
        self.push_line(i, kind);
        true
    }

    /// Whether the last text block is a paragraph ending with a colon.
    fn after_colon(&self) -> bool {
        self.previous_text_block()
            .is_some_and(|b| b.kind == BlockKind::Paragraph && self.text[b.content.clone()].ends_with(':'))
    }

    /// A short heading directly followed by table-of-contents entries
    /// ("Contents", "List of figures" + "Figures") is part of the table of
    /// contents: boilerplate.
    fn mark_tables_of_contents(&mut self) {
        let mut toc = vec![false; self.blocks.len()];
        for i in (0..self.blocks.len()).rev() {
            let b = &self.blocks[i];
            let text = &self.text[b.span.clone()];
            if b.kind == BlockKind::Boilerplate && is_toc_entry(text) {
                toc[i] = true;
            } else if matches!(b.kind, BlockKind::Heading | BlockKind::Title)
                && words_up_to(text, 5) <= 4
                && toc.get(i + 1) == Some(&true)
            {
                toc[i] = true;
                self.blocks[i].kind = BlockKind::Boilerplate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contents_line_is_read_only_where_the_pattern_can_match() {
        let lines = [
            "Introduction / 3",
            "The Taliban and al-Qaeda / xiv",
            "Chapter 2: The Doha talks /\u{a0}112",
            "Annex / \u{661}\u{662}",
            "Notes / \u{2167}",
            "Results / 3a",
            "Results / 3.",
            "Results / 3\n",
            "Results 3",
            "X / 12345",
            "and/or 4",
            "",
        ];
        let mut toc = 0;
        for l in lines {
            let expected = l.len() <= MAX_CHROME_BYTES && TOC_ENTRY.is_match(l);
            assert_eq!(is_toc_entry(l), expected, "{l:?}");
            toc += usize::from(expected);
        }
        assert_eq!(toc, 4);
    }

    #[test]
    fn promos_and_disclaimers_are_chrome_but_news_with_their_words_is_not() {
        for promo in [
            "Sign up for our newsletter to get the latest analysis.",
            "Subscribe to our daily briefing.",
            "Want more? Become a subscriber and get unlimited access to your account.",
            "Get the best of our reporting delivered to your inbox: join our e-newsletter.",
            "Subscribe now",
            "The Review is committed to publishing a wide range of views on security.",
        ] {
            assert!(is_chrome(promo), "a promo: {promo}");
        }
        for news in [
            "The Taliban newsletter Al-Somood said in its March issue that the movement had cut its ties.",
            "He said subscribers to the militant channel grew to 20,000 in a month, according to the report.",
            "The group ran a subscription drive among its supporters in the Gulf, officials said.",
            "The ministry is committed to publishing the report before the end of the year.",
        ] {
            assert!(!is_chrome(news), "running text: {news}");
        }
    }

    #[test]
    fn repeats_title_compares_as_folding_the_whole_line_would() {
        let reference = |line: &str, t: &str| {
            let l = fold(line);
            !t.is_empty() && l.starts_with(t) && l.len() <= t.len() + 40
        };
        let titles = ["", "bignews", "çavabien", "the talibans pledge", "x"];
        let lines = [
            "",
            "Big News",
            "Big News – Foreign Policy",
            "BIG NEWS: a much longer line that goes on and on well past forty more letters",
            "Ça va bien — Le Monde",
            "ÇA VA BIEN",
            "Ça va",
            "İstanbul Big News",
            "The Taliban’s Pledge",
            "X",
            "x y z",
        ];
        for t in titles {
            let t = fold(t);
            for line in lines {
                assert_eq!(repeats_title(line, &t), reference(line, &t), "{line:?} / {t:?}");
            }
        }
    }

    /// `lines` as it was, a byte at a time: the reference for the eight
    /// bytes at a time search.
    fn lines_reference(text: &str) -> Vec<Range<usize>> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let (mut start, mut i) = (0, 0);
        while i <= bytes.len() {
            if i == bytes.len() || bytes[i] == b'\n' || bytes[i] == b'\r' {
                let raw = &text[start..i];
                let trimmed = raw.trim_matches(is_blank);
                if !trimmed.is_empty() {
                    let s = start + raw.len() - raw.trim_start_matches(is_blank).len();
                    out.push(s..s + trimmed.len());
                }
                if i + 1 < bytes.len() && bytes[i] == b'\r' && bytes[i + 1] == b'\n' {
                    i += 1;
                }
                start = i + 1;
            }
            i += 1;
        }
        out
    }

    #[test]
    fn lines_split_as_a_byte_by_byte_scan_does() {
        let pieces =
            ["", "a", "\n", "\r", "\r\n", "\n\r", " \t ", "\u{feff}", "é“x”", "twelve bytes", "\u{2028}"];
        let mut texts = vec![String::new()];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}{c}"));
                    texts.push(format!("A first line of some length{a}{b}more text here, long{c}end"));
                }
            }
        }
        for t in &texts {
            let got: Vec<Range<usize>> = lines(t).into_iter().map(|l| l.span).collect();
            assert_eq!(got, lines_reference(t), "{t:?}");
        }
        let blank: Vec<bool> = lines("a\n\n b\r\nc").iter().map(|l| l.after_blank).collect();
        assert_eq!(blank, [true, true, false]);
    }

    #[test]
    fn words_up_to_counts_as_split_whitespace_does() {
        let mut texts: Vec<String> = (0u8..128).map(|b| format!("a{}b c", b as char)).collect();
        texts.extend(
            [
                "",
                " ",
                "one",
                "  two  words ",
                "tab\tand\u{b}vt\u{c}ff\r\ncr\u{1c}fs",
                "nbsp\u{a0}here\u{2009}thin\u{3000}ideo\u{85}nel\u{200b}zw",
                "“Curly” quotes — and dashes…  é ü",
                "\u{2028}\u{2029}",
            ]
            .map(String::from),
        );
        for t in &texts {
            for cap in 0..8 {
                assert_eq!(words_up_to(t, cap), t.split_whitespace().take(cap).count(), "{t:?} {cap}");
            }
        }
    }

    /// Lines for the pattern tests: prose, and every shape a pattern
    /// looks for, with ASCII and non-ASCII starts.
    const SHAPES: &[&str] = &[
        "The Taliban said on Monday that it would not comment.",
        "the movement, which",
        "# Heading",
        "###### Deep heading",
        "#NoSpace",
        "> quoted text",
        ">",
        "1. Introduction",
        "2.1 Background and Context",
        "12 The footnote text, said a source.",
        "٣ A footnote with an Arabic-Indic digit.",
        "١٢.٣ Heading With Arabic Digits",
        "(a) an item",
        "(iv) another",
        "iv. a roman item",
        "a) lettered",
        "3) numbered",
        "- a bullet",
        "* a star bullet",
        "• a dot bullet",
        "◦ white bullet",
        "▪ square bullet",
        "‣ triangle bullet",
        "– en dash bullet",
        "—em dash is not a bullet",
        "-no space",
        "KABUL — The Taliban said on Monday that the group would never cut ties with al Qaeda.",
        "KABUL – The",
        "AB — too short",
        "ÉCOLE — not ASCII",
        "“Quoted” start",
        "é",
        "",
        "Photo 3: the valley",
        "photo 12. the valley at dusk",
        "FIGURE 2 Map of the region",
        "Fig. 4: a chart",
        "Mapping the network 3 ways",
        "JOHN DOE/AFP",
        "Taliban fighters in Kabul. WAKIL KOHSAR/AFP via Getty Images",
        "Taliban fighters in Kabul. REUTERS",
        "A fighter (Photo: Jane Roe)",
        "A fighter (credit: x).",
        "Read more",
        "Share this article",
        "Subscribe to our newsletter",
        "5 min read",
        "© 2021 The Publisher",
        "Copyright 2021",
        "updated: 3 May",
        "Sign up for our newsletter to get the latest analysis.",
        "The ministry is committed to publishing the report before the end of the year.",
        "Want more? Become a subscriber and get unlimited access to your account.",
        "ſubscribe now",
        "\u{212a}abul",
    ];

    /// The whole patterns the marker patterns and [`marked`] stand for.
    static REFERENCE_PATTERNS: LazyLock<[Regex; 5]> = LazyLock::new(|| {
        [
            re(r"^#{1,6}\s+(\S.*)$"),
            re(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$"),
            re(r"^(\d{1,3})\s+(\S.*)$"),
            re(r"^\(?(\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+(\S.*)$"),
            re(r"^[-*•◦▪‣–]\s+(\S.*)$"),
        ]
    });

    /// What a whole pattern captures, as [`Marked`]: the label (group 1
    /// of a two-group pattern) and the text (the last group).
    fn reference<'l>(k: usize, l: &'l str) -> Option<Marked<'l>> {
        let c = REFERENCE_PATTERNS[k].captures(l)?;
        let text = c.get(c.len() - 1).expect("the text group takes part").range();
        Some(Marked { label: c.get(1).filter(|_| c.len() == 3).map(|m| m.as_str()), text })
    }

    #[test]
    fn prefiltered_patterns_match_as_the_patterns_do() {
        let tricky = [
            "1.2.3.4.5 Too Deep",
            "1.2.3.4 Deep Enough",
            "123 x",
            "1234 x",
            "12.x",
            "1.\u{a0}Non-breaking",
            "(iv) x",
            "i.) x",
            "ivxi. x",
            "(12) item",
            "- \n x",
            "- x\ny",
            "#\tHeading\nmore",
            "# ",
            "-\u{2003}em space",
            "3 \u{3000}ideographic",
            "4  \t two spaces",
        ];
        for l in SHAPES.iter().copied().chain(tricky) {
            let got = [md_heading(l), numbered_heading(l), footnote(l), numbered_item(l), bullet(l)];
            for (k, got) in got.into_iter().enumerate() {
                assert_eq!(got, reference(k, l), "pattern {k}: {l:?}");
            }
            assert_eq!(is_bullet(l), REFERENCE_PATTERNS[4].is_match(l), "{l}");
            let groups = |c: Option<regex::Captures<'_>>| {
                c.map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>())
            };
            assert_eq!(groups(md_quote(l)), groups(MD_QUOTE.captures(l)), "{l}");
            assert_eq!(kicker(l).map(|m| m.range()), KICKER.find(l).map(|m| m.range()), "{l}");
        }
        // Each shape is met at least once, so the tests above test something.
        for found in [
            md_heading("# H").is_some(),
            md_quote("> q").is_some(),
            numbered_heading("١٢.٣ Heading").is_some(),
            footnote("٣ A note.").is_some(),
            numbered_item("(iv) x").is_some(),
            bullet("‣ x").is_some(),
            kicker("KABUL — The x").is_some(),
        ] {
            assert!(found);
        }
    }

    #[test]
    fn a_lexicon_split_in_two_matches_as_one_alternation() {
        for (data, ci) in [
            (include_str!("../data/en/boilerplate.txt"), true),
            (include_str!("../data/en/captions.txt"), false),
        ] {
            let one = alternation(lexicon_lines(data), ci).expect("the lexicon has patterns");
            let two = Lexicon::new(data, ci);
            let mut hits = 0;
            for &l in SHAPES {
                assert_eq!(two.is_match(l), one.is_match(l), "{l}");
                hits += usize::from(one.is_match(l));
            }
            assert!(hits >= 3, "the shapes include lines of this lexicon");
        }
        assert!(starts_anchored("^a") && starts_anchored("(?i)^a") && starts_anchored("(?-u)^a"));
        assert!(
            !starts_anchored("a^")
                && !starts_anchored("(?i)a")
                && !starts_anchored("(a)^")
                && !starts_anchored("")
        );
    }

    #[test]
    fn heading_shaped_tests_as_it_did_in_any_order() {
        let reference = |s: &str| {
            let s = s.trim_matches(|c| c == '*' || c == '_');
            let (first, last) = (s.chars().next(), s.chars().next_back());
            (1..=14).contains(&s.split_whitespace().take(15).count())
                && s.chars().nth(100).is_none()
                && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && !matches!(
                    last,
                    Some(
                        '.' | ','
                            | ';'
                            | ':'
                            | '!'
                            | '?'
                            | '…'
                            | '"'
                            | '”'
                            | '’'
                            | '\''
                            | '-'
                            | '–'
                            | '—'
                            | '('
                    )
                )
        };
        let long = "Word ".repeat(30);
        let wide = "É".repeat(60);
        for l in SHAPES.iter().copied().chain([long.as_str(), wide.as_str(), "**Bold Heading**", "_", "Éé"])
        {
            assert_eq!(heading_shaped(l), reference(l), "{l}");
        }
    }

    #[test]
    fn words_are_counted_up_to_the_cap() {
        assert_eq!(words_up_to("a b  c\td", 10), 4);
        assert_eq!(words_up_to("a b  c\td", 3), 3);
        assert_eq!(words_up_to("  ", 3), 0);
    }
}

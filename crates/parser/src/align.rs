//! Finding the text nodes of a parsed web page again in its HTML.
//!
//! html5ever builds the tree but keeps no source positions. The text
//! nodes come in document order, so each is looked for from where the
//! previous one ended: tags and comments are stepped over, and a node's
//! characters are matched against the HTML one at a time, an entity
//! (`&amp;`, `&#8212;`, `&pound`) or a CR LF standing for what the
//! parser made of it. A node that cannot be found (the tree builder moved
//! it, as it moves text out of a table) is left unaligned.

use std::ops::Range;

/// A stretch of a text node and the HTML bytes it came from: `copy` when
/// the bytes are the same (then `text` and `raw` have the same length).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Seg {
    pub(crate) text: Range<usize>,
    pub(crate) raw: Range<usize>,
    pub(crate) copy: bool,
}

/// Looks for text nodes in the HTML, in order.
pub(crate) struct Aligner<'h> {
    html: &'h str,
    cursor: usize,
}

/// The longest entity name (`&CounterClockwiseContourIntegral;`).
const LONGEST_ENTITY: usize = 33;

impl<'h> Aligner<'h> {
    pub(crate) fn new(html: &'h str) -> Aligner<'h> {
        Aligner { html, cursor: 0 }
    }

    /// Where text node `t` is, after the previous node found; `raw_text`:
    /// the node is the content of a script or style (no entities, no tags).
    pub(crate) fn align(&mut self, t: &str, raw_text: bool) -> Option<Vec<Seg>> {
        if t.is_empty() {
            return Some(Vec::new());
        }
        let mut p = self.cursor;
        while p < self.html.len() {
            if let Some((segs, end)) = self.match_at(p, t, raw_text) {
                self.cursor = end;
                return Some(segs);
            }
            p = self.next_text_position(p);
        }
        None
    }

    /// The next place text could start after `p`: past a tag or comment
    /// at `p`, else past one character.
    fn next_text_position(&self, p: usize) -> usize {
        let rest = &self.html[p..];
        if rest.starts_with('<') {
            if let Some(len) = markup_len(rest) {
                return p + len;
            }
        }
        p + rest.chars().next().map_or(1, char::len_utf8)
    }

    /// Matches all of `t` from HTML offset `p`, stepping over markup
    /// inside it (a tag the tree builder ignored leaves one text node).
    fn match_at(&self, mut p: usize, t: &str, raw_text: bool) -> Option<(Vec<Seg>, usize)> {
        let html = self.html;
        let mut segs: Vec<Seg> = Vec::new();
        let mut i = 0;
        while i < t.len() {
            let ct = t[i..].chars().next()?;
            let cs = html[p..].chars().next()?;
            let (text_len, raw_len, copy) = if cs == '&' && !raw_text {
                match entity(&html[p..]) {
                    Some((decoded, len)) if t[i..].starts_with(&decoded) => (decoded.len(), len, false),
                    _ if ct == '&' => (1, 1, true),
                    // What the parser made of a numeric reference it
                    // remaps (`&#150;` is an en dash): one character.
                    Some((_, len)) => (ct.len_utf8(), len, false),
                    None => return None,
                }
            } else if cs == ct {
                (ct.len_utf8(), ct.len_utf8(), true)
            } else if cs == '\r' && ct == '\n' {
                (1, if html[p + 1..].starts_with('\n') { 2 } else { 1 }, false)
            } else if cs == '\0' && ct == '\u{fffd}' {
                (ct.len_utf8(), 1, false)
            } else if cs == '<' && !raw_text && i > 0 {
                p += markup_len(&html[p..])?;
                continue;
            } else {
                return None;
            };
            push(&mut segs, i..i + text_len, p..p + raw_len, copy);
            i += text_len;
            p += raw_len;
        }
        Some((segs, p))
    }
}

/// Adds a stretch, merging it into the last when both are copies.
fn push(segs: &mut Vec<Seg>, text: Range<usize>, raw: Range<usize>, copy: bool) {
    if let Some(last) = segs.last_mut() {
        if copy && last.copy && last.raw.end == raw.start && last.text.end == text.start {
            last.text.end = text.end;
            last.raw.end = raw.end;
            return;
        }
    }
    segs.push(Seg { text, raw, copy });
}

/// The entity at the start of `rest` (which starts with `&`): what it
/// stands for and its length in bytes.
fn entity(rest: &str) -> Option<(String, usize)> {
    let body = &rest[1..];
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex.bytes().take_while(u8::is_ascii_hexdigit).count(), 16, 1),
            None => (num.bytes().take_while(u8::is_ascii_digit).count(), 10, 0),
        };
        if digits == 0 {
            return None;
        }
        let n = u32::from_str_radix(&num[skip..skip + digits], radix).unwrap_or(0xfffd);
        let c = char::from_u32(n).filter(|&c| c != '\0').unwrap_or('\u{fffd}');
        let semi = usize::from(num[skip + digits..].starts_with(';'));
        return Some((c.to_string(), 2 + skip + digits + semi));
    }
    let name_len = body.bytes().take(LONGEST_ENTITY).take_while(u8::is_ascii_alphanumeric).count();
    // With its semicolon, or the longest legacy name without one.
    let semi = body[name_len..].starts_with(';');
    let with_semi = semi.then(|| &body[..=name_len]);
    let keys = with_semi.into_iter().chain((1..=name_len).rev().map(|len| &body[..len]));
    for key in keys {
        // The table also holds every prefix of a name, as (0, 0).
        if let Some(&(a, b)) = html5ever::data::NAMED_ENTITIES.get(key).filter(|v| v.0 != 0) {
            let decoded: String = [a, b].into_iter().filter(|&c| c != 0).filter_map(char::from_u32).collect();
            return Some((decoded, 1 + key.len()));
        }
    }
    None
}

/// The length of the tag, comment or declaration at the start of `rest`
/// (which starts with `<`); `None` when the `<` is text.
fn markup_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    if let Some(comment) = rest.strip_prefix("<!--") {
        return Some(comment.find("-->").map_or(rest.len(), |e| 4 + e + 3));
    }
    let tagish = b.get(1).is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'));
    if !tagish {
        return None;
    }
    let mut quote = None;
    for (k, &c) in b.iter().enumerate().skip(1) {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if b[k - 1].is_ascii_whitespace() || b[k - 1] == b'=' => quote = Some(c),
            (None, b'>') => return Some(k + 1),
            _ => {}
        }
    }
    Some(rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_read_as_the_html_parser_reads_them() {
        for (html, decoded, len) in [
            ("&amp; x", "&", 5),
            ("&amp x", "&", 4),
            ("&#8212;", "—", 7),
            ("&#x2014", "—", 7),
            ("&ldquo;", "“", 7),
            ("&pound;15", "£", 7),
            ("&copy 2005", "©", 5),
            ("&NotEqualTilde;", "≂\u{338}", 15),
        ] {
            assert_eq!(entity(html), Some((decoded.to_string(), len)), "{html}");
        }
        assert_eq!(entity("& x"), None);
        assert_eq!(entity("&nosuchthing;"), None);
    }

    #[test]
    fn tags_comments_and_quoted_angles_are_stepped_over() {
        assert_eq!(markup_len("<a href=\"x>y\">z"), Some(14));
        assert_eq!(markup_len("<!-- a > b -->c"), Some(14));
        assert_eq!(markup_len("< 3"), None);
        assert_eq!(markup_len("<br/>"), Some(5));
    }

    #[test]
    fn nodes_are_found_in_order_across_markup_entities_and_line_ends() {
        let html = "<p>Tom &amp; Jerry</p><!-- Tom -->\r\n<p>a\r\nb</p><p>x </span>y</p>";
        let mut a = Aligner::new(html);
        let segs = a.align("Tom & Jerry", false).expect("first");
        assert_eq!(
            segs,
            [
                Seg { text: 0..4, raw: 3..7, copy: true },
                Seg { text: 4..5, raw: 7..12, copy: false },
                Seg { text: 5..11, raw: 12..18, copy: true }
            ]
        );
        let segs = a.align("a\nb", false).expect("second");
        assert_eq!(segs[1], Seg { text: 1..2, raw: 40..42, copy: false }, "CR LF is one line end");
        let segs = a.align("x y", false).expect("an ignored end tag inside");
        assert_eq!((segs[0].raw.start, segs[1].raw.clone()), (50, 59..60));
        assert!(a.align("Tom", false).is_none(), "nothing is found twice");
    }
}

//! Web pages as sources: the page is parsed with html5ever (through
//! scraper) into its element tree, and its text is read block by block —
//! headings, paragraphs, block quotations, list items, captions, table
//! rows. Scripts, styles and templates are dropped; navigation, page
//! headers and footers and cookie or subscribe banners become
//! [`BlockKind::Boilerplate`] blocks (kept, left out of the text).
//!
//! The blocks are laid out in a *page text* (their text, entities decoded
//! and tags gone, one blank line between blocks) that the rest of the
//! pipeline reads like any text file. html5ever does not give source
//! positions, so each text node of the tree is found again in the HTML,
//! in document order (the `align` module): the page text's
//! [`SourceMap`] then gives every character the bytes of the page it came
//! from (`&amp;` → the five bytes of the entity).

use std::collections::HashMap;
use std::path::Path;

use ego_tree::NodeRef;
use scraper::{Html, Node};

use crate::align::{Aligner, Seg};
use crate::blocks::{Block, BlockKind};
use crate::decode::{MapBuilder, SourceMap};

/// Whether a source path names a web page (`.html`, `.htm`, `.xhtml`).
pub fn is_html(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["html", "htm", "xhtml"].iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// A web page read into blocks.
#[derive(Debug, Clone)]
pub struct Page {
    /// The page text: each block's text, blocks separated by a blank line.
    pub text: String,
    /// From page text offsets to offsets in the HTML.
    pub map: SourceMap,
    /// The blocks, with byte spans in `text`.
    pub blocks: Vec<Block>,
}

/// Elements whose content is never text of the page.
const DROPPED: &[&str] = &[
    "head", "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "embed", "canvas",
    "video", "audio", "button", "select", "textarea", "input", "form", "dialog",
];

/// Elements that start a block of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "ul",
];

/// Words in an element's id, class or role that mark page chrome.
const CHROME_WORDS: &[&str] = &[
    "advert",
    "banner",
    "breadcrumb",
    "consent",
    "cookie",
    "footer",
    "masthead",
    "menu",
    "navbar",
    "navigation",
    "newsletter",
    "paywall",
    "promo",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "sign-up",
    "skip-link",
    "social",
    "sponsor",
    "subscribe",
    "subscription",
    "contentinfo",
    "complementary",
];

/// One text of a block being read: a text node, or a separator made here
/// (a line break for `<br>`, a tab between table cells).
#[derive(Debug, Clone, Copy)]
enum Piece<'t> {
    Node(&'t str, usize),
    Made(&'static str),
}

/// The block being read, and the blocks read.
struct Reader<'t> {
    aligned: HashMap<usize, Vec<Seg>>,
    pending: Vec<Piece<'t>>,
    kind: BlockKind,
    out: Vec<(BlockKind, Vec<Piece<'t>>)>,
    seen_title: bool,
}

/// Reads a (decoded) web page into its page text and blocks.
pub fn parse_page(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut aligner = Aligner::new(html);
    let mut aligned = HashMap::new();
    for (k, node) in doc.tree.root().descendants().enumerate() {
        if let Node::Text(t) = node.value() {
            if let Some(segs) = aligner.align(t, raw_text(node)) {
                aligned.insert(k, segs);
            }
        }
    }
    let index: HashMap<_, _> = doc.tree.root().descendants().enumerate().map(|(k, n)| (n.id(), k)).collect();
    let mut reader = Reader {
        aligned,
        pending: Vec::new(),
        kind: BlockKind::Paragraph,
        out: Vec::new(),
        seen_title: false,
    };
    reader.visit(doc.tree.root(), &index, BlockKind::Paragraph, false, false);
    reader.flush();
    reader.lay_out(html.len())
}

/// Whether a text node is raw text (no entities): script, style and the like.
fn raw_text(node: NodeRef<'_, Node>) -> bool {
    node.parent().and_then(|p| p.value().as_element().map(|e| e.name().to_string())).is_some_and(|name| {
        matches!(
            name.as_str(),
            "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" | "plaintext"
        )
    })
}

/// Whether an element is page chrome: `<nav>`, a page-level `<header>` or
/// `<footer>`, an ARIA landmark of chrome, or an id or class naming it.
fn is_chrome(el: &scraper::node::Element, in_article: bool) -> bool {
    match el.name() {
        "nav" => return true,
        "header" | "footer" | "aside" => return !in_article || el.name() != "header",
        _ => {}
    }
    let mut names = el.id().into_iter().chain(el.classes()).chain(el.attr("role"));
    names.any(|n| {
        let n = n.to_ascii_lowercase();
        CHROME_WORDS.iter().any(|w| n.split(['-', '_', ' ']).any(|part| part == *w) || n == *w)
            || ["navigation", "banner", "contentinfo"].contains(&n.as_str())
    })
}

/// The kind of the block an element starts, inside a block of `outer` kind.
fn block_kind(el: &scraper::node::Element, outer: BlockKind, seen_title: bool) -> BlockKind {
    let classy = |w: &str| el.classes().chain(el.attr("rel")).any(|c| c.to_ascii_lowercase().contains(w));
    match el.name() {
        "h1" if !seen_title => BlockKind::Title,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dd" | "dt" => BlockKind::ListItem,
        "blockquote" => BlockKind::BlockQuote,
        "figcaption" | "caption" => BlockKind::Caption,
        "tr" => BlockKind::TableRow,
        "address" => BlockKind::Byline,
        _ if classy("byline") || classy("author") => BlockKind::Byline,
        _ if classy("standfirst") || classy("summary") || classy("dek") => BlockKind::Standfirst,
        "p" | "pre" | "div" | "section" | "article" | "main" | "body" | "figure" | "details" | "summary" => {
            match outer {
                BlockKind::BlockQuote | BlockKind::ListItem | BlockKind::Caption | BlockKind::Byline => outer,
                _ => BlockKind::Paragraph,
            }
        }
        _ => outer,
    }
}

impl<'t> Reader<'t> {
    fn visit(
        &mut self,
        node: NodeRef<'t, Node>,
        index: &HashMap<ego_tree::NodeId, usize>,
        kind: BlockKind,
        chrome: bool,
        in_article: bool,
    ) {
        match node.value() {
            Node::Text(t) => {
                if self.pending.is_empty() {
                    self.kind = if chrome { BlockKind::Boilerplate } else { kind };
                }
                self.pending.push(Piece::Node(t, index[&node.id()]));
            }
            Node::Element(el) => {
                let name = el.name();
                if DROPPED.contains(&name) {
                    return;
                }
                let chrome = chrome || is_chrome(el, in_article);
                let in_article = in_article || matches!(name, "article" | "main");
                if name == "br" {
                    self.pending.push(Piece::Made("\n"));
                    return;
                }
                if matches!(name, "td" | "th") && !self.pending.is_empty() {
                    self.pending.push(Piece::Made("\t"));
                }
                let block = BLOCKS.contains(&name);
                let inner = if block {
                    self.flush();
                    block_kind(el, kind, self.seen_title)
                } else {
                    kind
                };
                self.seen_title |= inner == BlockKind::Title;
                for child in node.children() {
                    self.visit(child, index, inner, chrome, in_article);
                }
                if block {
                    self.flush();
                }
            }
            _ => {
                for child in node.children() {
                    self.visit(child, index, kind, chrome, in_article);
                }
            }
        }
    }

    /// Ends the block being read (dropped when it has no visible text).
    fn flush(&mut self) {
        let pieces = std::mem::take(&mut self.pending);
        let visible =
            pieces.iter().any(|p| matches!(p, Piece::Node(t, _) if !t.chars().all(crate::is_blank)));
        if visible {
            self.out.push((self.kind, pieces));
        }
    }

    /// Writes the blocks' text one after the other, mapping every byte.
    fn lay_out(self, html_len: usize) -> Page {
        let mut text = String::new();
        let mut map = MapBuilder::default();
        let mut blocks = Vec::with_capacity(self.out.len());
        let mut raw_at = 0;
        for (kind, pieces) in &self.out {
            if !text.is_empty() {
                text.push_str("\n\n");
                map.atom(2, raw_at..raw_at);
            }
            let start = text.len();
            for piece in pieces {
                match *piece {
                    Piece::Made(s) => {
                        text.push_str(s);
                        map.atom(s.len(), raw_at..raw_at);
                    }
                    Piece::Node(t, k) => {
                        text.push_str(t);
                        raw_at = write_node(&mut map, t, self.aligned.get(&k), raw_at);
                    }
                }
            }
            let content = trimmed(&text, start);
            blocks.push(Block {
                kind: *kind,
                span: content.clone(),
                content,
                label: None,
                after_blank: true,
            });
        }
        Page { map: map.finish(html_len), text, blocks }
    }
}

/// Maps a text node's characters: to the bytes it was found at, or (a
/// node not found in the HTML) to the place the previous one ended.
fn write_node(map: &mut MapBuilder, t: &str, segs: Option<&Vec<Seg>>, raw_at: usize) -> usize {
    match segs {
        Some(segs) => {
            for s in segs {
                if s.copy {
                    map.copy(s.raw.start, s.raw.len());
                } else {
                    map.atom(s.text.len(), s.raw.clone());
                }
            }
            segs.last().map_or(raw_at, |s| s.raw.end)
        }
        None => {
            map.atom(t.len(), raw_at..raw_at);
            raw_at
        }
    }
}

/// `text[start..]` without blank characters at either end.
fn trimmed(text: &str, start: usize) -> std::ops::Range<usize> {
    let tail = &text[start..];
    let lead = tail.len() - tail.trim_start_matches(crate::is_blank).len();
    let end = start + tail.trim_end_matches(crate::is_blank).len();
    (start + lead).min(end)..end
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!DOCTYPE html>\r\n<html lang=\"en\"><head><title>Dollar gains - BBC News</title>\
        <style>p { color: red }</style><script>var a = 1 < 2 && \"</p>\";</script></head>\n<body>\
        <header class=\"site\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></header>\
        <nav><ul><li>Business</li><li>Markets</li></ul></nav>\
        <article><header><h1>Dollar gains on Greenspan speech</h1></header>\
        <p class=\"byline\">By Jane Roe</p>\
        <p>The dollar has hit its highest level against the euro in almost three months after the \
        Federal Reserve head said the US trade deficit is set to stabilise.<br>It rose &amp; rose.</p>\
        <blockquote><p>&ldquo;We are  confident,&rdquo; he said.</p></blockquote>\
        <ul><li>Profits of &pound;15.8m</li></ul>\
        <figure><img src=\"x.jpg\"><figcaption>Alan Greenspan</figcaption></figure>\
        <table><tr><th>Year</th><td>2004</td></tr></table>\
        <template><p>hidden template text</p></template></article>\
        <div id=\"cookie-banner\">We use cookies. <button>Accept</button></div>\
        <footer><p>&copy; BBC 2005</p></footer></body></html>";

    fn kinds_and_texts(page: &Page) -> Vec<(BlockKind, &str)> {
        page.blocks.iter().map(|b| (b.kind, &page.text[b.content.clone()])).collect()
    }

    #[test]
    fn a_page_is_read_into_blocks_with_chrome_set_apart_and_scripts_dropped() {
        let page = parse_page(PAGE);
        use BlockKind::*;
        assert_eq!(
            kinds_and_texts(&page),
            [
                (Boilerplate, "Home News"),
                (Boilerplate, "Business"),
                (Boilerplate, "Markets"),
                (Title, "Dollar gains on Greenspan speech"),
                (Byline, "By Jane Roe"),
                (
                    Paragraph,
                    "The dollar has hit its highest level against the euro in almost three months after the \
                     Federal Reserve head said the US trade deficit is set to stabilise.\nIt rose & rose."
                ),
                (BlockQuote, "“We are  confident,” he said."),
                (ListItem, "Profits of £15.8m"),
                (Caption, "Alan Greenspan"),
                (TableRow, "Year\t2004"),
                (Boilerplate, "We use cookies."),
                (Boilerplate, "© BBC 2005"),
            ]
        );
        for gone in ["color", "var a", "hidden template", "Accept", "Dollar gains - BBC"] {
            assert!(!page.text.contains(gone), "{gone} is in the text");
        }
    }

    #[test]
    fn every_character_maps_to_the_html_it_came_from() {
        let page = parse_page(PAGE);
        let raw = |s: &str| {
            let at = page.text.find(s).expect("in the text");
            &PAGE[page.map.range(at..at + s.len())]
        };
        assert_eq!(raw("&"), "&amp;");
        assert_eq!(raw("“We"), "&ldquo;We");
        assert_eq!(raw("£15.8m"), "&pound;15.8m");
        assert_eq!(raw("©"), "&copy;");
        assert_eq!(raw("Year\t2004"), "Year</th><td>2004");
        assert_eq!(raw("stabilise.\nIt"), "stabilise.<br>It");
        for b in &page.blocks {
            let src = page.map.range(b.span.clone());
            let words = page.text[b.content.clone()].split_whitespace().next().expect("a word");
            let first = words.trim_start_matches(|c: char| !c.is_alphanumeric());
            assert!(PAGE[src].contains(first), "block {:?} from its bytes", b.kind);
        }
    }

    #[test]
    fn an_unclosed_and_misnested_page_still_maps_its_text() {
        let html = "<p>One <b>two <i>three</b> four</i>\n<p>Five &amp six &#8212; seven &#x2014;";
        let page = parse_page(html);
        assert_eq!(kinds_and_texts(&page).len(), 2);
        let t = &page.text;
        let at = t.find("four").expect("four");
        assert_eq!(&html[page.map.range(at..at + 4)], "four");
        let at = t.find('—').expect("dash");
        assert_eq!(&html[page.map.range(at..at + 3)], "&#8212;");
        let at = t.find("& six").expect("amp");
        assert_eq!(&html[page.map.range(at..at + 1)], "&amp");
    }

    #[test]
    fn web_page_paths_are_told_from_text_files() {
        assert!(is_html(Path::new("a/b.HTML")) && is_html(Path::new("x.htm")));
        assert!(!is_html(Path::new("x.txt")) && !is_html(Path::new("html")));
    }
}

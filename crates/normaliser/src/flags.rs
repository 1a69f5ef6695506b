//! Quality flags: what a user should know about a document's text before
//! trusting what is read from it. Each is one documented rule.

use std::collections::HashSet;
use std::sync::LazyLock;

use corpus_parser::BlockKind;
use regex::Regex;

use crate::document::Document;

/// A quality flag on a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QualityFlag {
    /// Markdown or HTML residue (`**bold**`, `<u>…</u>`, entities) was removed.
    MarkupResidue,
    /// PDF extraction artefacts: footnotes interleaved with the body,
    /// paragraphs split by page breaks, superscript footnote markers.
    PdfArtefacts,
    /// The scraper deleted quotation marks and apostrophes: the running
    /// text has none, and contractions appear without them ("dont").
    QuoteMarksStripped,
    /// The text was run through an article spinner: two or more known
    /// "tortured phrases", or spinner template residue like `{dollars}`.
    SpunText,
    /// A quotation mark is left unclosed (or closed too far away to be one
    /// quote); set by the quote extractor.
    UnbalancedQuoteMarks,
}

impl QualityFlag {
    /// Every flag, in name order.
    pub const ALL: [QualityFlag; 5] = [
        QualityFlag::MarkupResidue,
        QualityFlag::PdfArtefacts,
        QualityFlag::QuoteMarksStripped,
        QualityFlag::SpunText,
        QualityFlag::UnbalancedQuoteMarks,
    ];

    /// The name used in the tables.
    pub fn as_str(self) -> &'static str {
        match self {
            QualityFlag::MarkupResidue => "markup_residue",
            QualityFlag::PdfArtefacts => "pdf_artefacts",
            QualityFlag::QuoteMarksStripped => "quote_marks_stripped",
            QualityFlag::SpunText => "spun_text",
            QualityFlag::UnbalancedQuoteMarks => "unbalanced_quote_marks",
        }
    }

    /// One sentence saying what the flag means (for data package docs).
    pub fn description(self) -> &'static str {
        match self {
            QualityFlag::MarkupResidue => "markdown or HTML residue was removed from the text",
            QualityFlag::PdfArtefacts => {
                "PDF extraction artefacts: interleaved footnotes, paragraphs split by page breaks (re-joined), superscript footnote markers (removed)"
            }
            QualityFlag::QuoteMarksStripped => {
                "quotation marks and apostrophes were deleted before collection: the running text has none and contractions appear without them"
            }
            QualityFlag::SpunText => {
                "the text was passed through an article spinner (known tortured phrases or template residue)"
            }
            QualityFlag::UnbalancedQuoteMarks => {
                "a quotation mark is left unclosed (counted in documents.unbalanced_quote_marks, never made into a quote)"
            }
        }
    }
}

fn words_of(data: &str) -> Vec<String> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_lowercase())
        .filter(|l| !l.is_empty())
        .collect()
}

static TORTURED: LazyLock<Vec<String>> =
    LazyLock::new(|| words_of(include_str!("../data/tortured_phrases.txt")));
/// All tortured phrases at once, case-insensitively.
static TORTURED_AC: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(TORTURED.iter())
        .expect("plain phrases compile")
});
static CONTRACTIONS: LazyLock<HashSet<String>> =
    LazyLock::new(|| words_of(include_str!("../data/contractions.txt")).into_iter().collect());
static TEMPLATE_RESIDUE: LazyLock<Regex> = LazyLock::new(|| crate::lexicon::re(r"\{[a-z_]{2,30}\}"));
/// A reporting verb of the shared lexicon (`data/reporting_verbs.txt`).
static REPORTING_VERB: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = crate::lexicon::alternation(&crate::lexicon::REPORTING_VERBS);
    crate::lexicon::re(&format!(r"(?i)\b(?:{verbs})\b"))
});

/// Quotation marks of any style (apostrophes included: a text that keeps
/// its apostrophes did not lose its quote marks).
const QUOTE_MARKS: &[char] = &['"', '“', '”', '„', '«', '»', '‘', '’', '\''];

fn is_running_text(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Paragraph | BlockKind::BlockQuote | BlockKind::ListItem | BlockKind::Standfirst)
}

pub(crate) fn quality_flags(doc: &Document, markup: usize) -> Vec<QualityFlag> {
    let mut flags = Vec::new();
    if markup > 0 {
        flags.push(QualityFlag::MarkupResidue);
    }
    if pdf_artefacts(doc) {
        flags.push(QualityFlag::PdfArtefacts);
    }
    let body: Vec<&str> =
        doc.segments.iter().filter(|s| is_running_text(s.kind)).map(|s| s.text.as_str()).collect();
    if quote_marks_stripped(&body) {
        flags.push(QualityFlag::QuoteMarksStripped);
    }
    if spun(&body) {
        flags.push(QualityFlag::SpunText);
    }
    flags.sort();
    flags
}

/// Footnotes interleaved with the body (a footnote followed by running
/// text), a paragraph re-joined across footnotes, or a superscript
/// footnote marker removed. (A paragraph re-joined across a plain blank
/// line alone is not enough: web scrapes have those too.)
fn pdf_artefacts(doc: &Document) -> bool {
    let interleaved =
        doc.segments.windows(2).any(|w| w[0].kind == BlockKind::Footnote && is_running_text(w[1].kind));
    let markers = doc.segments.iter().any(|s| !s.footnotes.is_empty());
    interleaved || markers || doc.joins_across_notes > 0
}

/// No quotation mark or apostrophe anywhere in the running text, and at
/// least two apostrophe-less contractions — or one, with a reporting verb.
fn quote_marks_stripped(body: &[&str]) -> bool {
    if body.iter().any(|t| t.contains(QUOTE_MARKS)) {
        return false;
    }
    let contractions = body
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| CONTRACTIONS.contains(&w.to_lowercase()))
        .count();
    let reporting = body.iter().any(|t| REPORTING_VERB.is_match(t));
    contractions >= 2 || (contractions == 1 && reporting)
}

/// Two or more different tortured phrases, or template residue.
fn spun(body: &[&str]) -> bool {
    let residue = body.iter().any(|t| TEMPLATE_RESIDUE.is_match(t));
    let mut seen = vec![false; TORTURED.len()];
    // Most texts have no tortured phrase at all: a quick search says so
    // before the slower search for every occurrence.
    for t in body.iter().filter(|t| TORTURED_AC.is_match(**t)) {
        for m in TORTURED_AC.find_overlapping_iter(*t) {
            if on_word_boundaries(t, m.start(), m.end()) {
                seen[m.pattern().as_usize()] = true;
            }
        }
    }
    let distinct = seen.iter().filter(|&&s| s).count();
    distinct >= 2 || (residue && distinct >= 1)
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// `phrase` in `text` on word boundaries.
#[cfg(test)]
fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| on_word_boundaries(text, i, i + phrase.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripped_quote_marks_need_no_marks_and_bare_contractions() {
        assert!(quote_marks_stripped(&["He said it doesnt matter.", "Thats all."]));
        assert!(quote_marks_stripped(&["We dont know, the official said."]));
        // One apostrophe anywhere means the marks survived.
        assert!(!quote_marks_stripped(&["It doesnt matter.", "Thats the Taliban's view."]));
        // No bare contractions: an ordinary text without quotes.
        assert!(!quote_marks_stripped(&["The report was released on Monday."]));
        // One bare contraction and no reporting verb is not enough.
        assert!(!quote_marks_stripped(&["The cant of the deck was steep."]));
    }

    #[test]
    fn spun_text_needs_two_tortured_phrases_or_residue() {
        assert!(spun(&["The nationwide safety advisor visited coaching camps."]));
        assert!(spun(&["It cost {dollars} to run the nationwide safety office."]));
        assert!(!spun(&["The nationwide safety campaign for cars began."]));
        assert!(!spun(&["National security officials visited training camps."]));
        // Word boundaries: "coaching campsite" is not "coaching camps".
        assert!(!contains_phrase("the coaching campsite", "coaching camps"));
    }

    #[test]
    fn the_lexicons_load() {
        assert!(TORTURED.len() >= 20);
        assert!(CONTRACTIONS.contains("dont") && !CONTRACTIONS.contains("its"));
    }
}

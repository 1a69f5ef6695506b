//! Quality flags: what a user should know about a document's text before
//! trusting what is read from it. Each is one documented rule.

use crate::hash::HashSet;
use std::sync::LazyLock;

use corpus_parser::BlockKind;
use regex::Regex;

use crate::clean::Document;
use crate::lexicon::each_match;

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

static TORTURED: LazyLock<Vec<String>> = LazyLock::new(|| words_of(crate::language::EN.tortured_phrases));
/// All tortured phrases at once, ASCII case-insensitively, for
/// [`each_match`]: one pass over a paragraph (a quick regex test of each
/// paragraph and then a library search of those it matched took more).
static TORTURED_DFA: LazyLock<aho_corasick::dfa::DFA> =
    LazyLock::new(|| crate::lexicon::dfa(true, TORTURED.iter()).expect("plain phrases compile"));
static CONTRACTIONS: LazyLock<HashSet<String>> =
    LazyLock::new(|| words_of(crate::language::EN.contractions).into_iter().collect());
/// The byte lengths of the contractions: shortest, longest.
static CONTRACTION_LENS: LazyLock<(usize, usize)> = LazyLock::new(|| {
    let lens = CONTRACTIONS.iter().map(String::len);
    (lens.clone().min().unwrap_or(0), lens.max().unwrap_or(0))
});
/// Every quotation mark of [`QUOTE_MARKS`], as UTF-8: in valid UTF-8 the
/// encoding of a character occurs only where that character is.
static QUOTE_MARKS_AC: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(QUOTE_MARKS.iter().map(|c| c.to_string())).expect("plain marks compile")
});
static TEMPLATE_RESIDUE: LazyLock<Regex> = LazyLock::new(|| crate::lexicon::re(r"\{[a-z_]{2,30}\}"));
/// A reporting verb of the shared lexicon (`data/en/reporting_verbs.txt`).
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
    if body.iter().any(|t| QUOTE_MARKS_AC.is_match(*t)) {
        return false;
    }
    let contractions = body
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| is_contraction(w))
        .count();
    contractions >= 2 || (contractions == 1 && body.iter().any(|t| REPORTING_VERB.is_match(t)))
}

/// Whether `word` in lower case is a contraction. An ASCII word's lower
/// case is its ASCII lower case, of the same length: it is looked up
/// without an allocation, and not at all when no contraction is that long.
fn is_contraction(word: &str) -> bool {
    if !word.is_ascii() {
        return CONTRACTIONS.contains(&word.to_lowercase());
    }
    let (min, max) = *CONTRACTION_LENS;
    let mut buf = [0u8; 32];
    let Some(lower) = buf.get_mut(..word.len()).filter(|_| (min..=max).contains(&word.len())) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|w| CONTRACTIONS.contains(w))
}

/// Two or more different tortured phrases, or template residue.
fn spun(body: &[&str]) -> bool {
    let residue = body.iter().any(|t| TEMPLATE_RESIDUE.is_match(t));
    let mut seen = vec![false; TORTURED.len()];
    for t in body {
        each_match(&TORTURED_DFA, t.as_bytes(), |p, m| {
            if on_word_boundaries(t, m.start, m.end) {
                seen[p] = true;
            }
        });
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

    /// `spun` as it was: each paragraph searched on its own, ASCII
    /// case-insensitively.
    fn spun_reference(body: &[&str]) -> bool {
        static AC: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(TORTURED.iter())
                .expect("plain phrases compile")
        });
        let ac = &*AC;
        let residue = body.iter().any(|t| TEMPLATE_RESIDUE.is_match(t));
        let mut seen = vec![false; TORTURED.len()];
        for t in body {
            for m in ac.find_overlapping_iter(*t) {
                if on_word_boundaries(t, m.start(), m.end()) {
                    seen[m.pattern().as_usize()] = true;
                }
            }
        }
        let distinct = seen.iter().filter(|&&s| s).count();
        distinct >= 2 || (residue && distinct >= 1)
    }

    #[test]
    fn spun_text_is_found_as_each_paragraph_searched_on_its_own_finds_it() {
        let bodies: [&[&str]; 16] = [
            &[],
            &[""],
            &["", ""],
            &["The NATIONWIDE Safety advisor visited Coaching Camps."],
            &["The nationwide safety advisor", "visited coaching camps."],
            // Across two paragraphs is not a phrase.
            &["the nationwide", "safety advisor visited coaching camps"],
            &["it went nationwide", "safety first; coaching", "camps"],
            // Non-ASCII letters are word characters; curly quotes are not.
            &["énationwide safety and coaching campsé"],
            &["“nationwide safety” and ‘coaching camps’"],
            // The Kelvin sign and the long s are not k and s here.
            &["nationwide \u{17f}afety and coaching camp\u{17f}"],
            &["nationwide safety and wor\u{212a}ing coaching camps"],
            &["{dollars} and nationwide safety"],
            &["{dollars}", "NATIONWIDE SAFETY"],
            &["{Dollars} and nationwide safety"],
            &["{dol", "lars} and nationwide safety"],
            &["secure havens and secure haven, İstanbul Kābul 東京 nationwide safetyy"],
        ];
        for body in bodies {
            assert_eq!(spun(body), spun_reference(body), "{body:?}");
        }
        assert!(spun(bodies[3]) && spun(bodies[4]) && !spun(bodies[5]) && !spun(bodies[9]));
        assert!(spun(bodies[12]) && !spun(bodies[13]) && spun(bodies[15]));
        // Every phrase, in each case, alone and next to each other one.
        for p in TORTURED.iter() {
            for q in TORTURED.iter() {
                for body in [
                    [p.to_uppercase(), q.clone()],
                    [format!("x{p}"), format!("{q}.")],
                    [format!("{p} {q}"), String::new()],
                    [format!("{p}{q}"), format!("{{residue}} {q}")],
                ] {
                    let body = [body[0].as_str(), body[1].as_str()];
                    assert_eq!(spun(&body), spun_reference(&body), "{body:?}");
                }
            }
        }
    }

    #[test]
    fn quote_marks_are_found_as_a_char_scan_finds_them() {
        let has = |t: &str| QUOTE_MARKS_AC.is_match(t);
        // Every character, alone and among others.
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let t = format!("a{c}b");
            assert_eq!(has(&t), QUOTE_MARKS.contains(&c), "{c:?}");
        }
        for t in ["", "plain", "Kābul 東京 — « »", "it’s", "\u{2019}", "\u{201f}\u{201b}\u{2039}\u{203a}"]
        {
            assert_eq!(has(t), t.contains(QUOTE_MARKS), "{t:?}");
        }
    }

    #[test]
    fn contractions_are_found_as_lower_casing_finds_them() {
        let words = [
            "",
            "dont",
            "DONT",
            "DoNt",
            "shouldve",
            "SHOULDVE",
            "shouldvee",
            "dontt",
            "x",
            "its",
            "cant1",
            "\u{212a}",
            "isn\u{212a}",
            "\u{17f}houldnt",
            "İsnt",
            "ISNT",
            "Dön",
            "wouldnt",
            "theyre",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ];
        for w in words {
            assert_eq!(is_contraction(w), CONTRACTIONS.contains(&w.to_lowercase()), "{w:?}");
        }
        for c in CONTRACTIONS.iter() {
            assert!(is_contraction(c) && is_contraction(&c.to_uppercase()), "{c}");
        }
        // Only the Kelvin sign lower-cases to ASCII from outside it (the
        // dotted capital I leaves a combining dot): a non-ASCII word that is
        // a contraction in lower case holds it, and is looked up the slow way.
        let to_ascii: Vec<char> = (0x80..=0x10_ffff)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()) && c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(to_ascii, ['\u{212a}']);
    }

    #[test]
    fn the_lexicons_load() {
        assert!(TORTURED.len() >= 20);
        assert!(CONTRACTIONS.contains("dont") && !CONTRACTIONS.contains("its"));
    }
}

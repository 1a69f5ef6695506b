//! Block structure on small fixtures written for the purpose: each
//! asserts the segment kinds, labels and texts a reader would expect.

use corpus_normaliser::{normalise, Document, QualityFlag};
use corpus_parser::{parse_blocks, Hints};

fn run(text: &str, hints: &Hints<'_>) -> Document {
    normalise(text, &parse_blocks(text, hints))
}

fn rows(doc: &Document) -> Vec<(&'static str, Option<&str>, &str)> {
    doc.segments.iter().map(|s| (s.kind.as_str(), s.label.as_deref(), s.text.as_str())).collect()
}

#[test]
fn web_page_chrome_is_boilerplate_and_left_out_of_the_text() {
    let page = "• World\n  • Asia\n\nRebels Agree to Talks, Officials Say\n\n4 min read\nUpdated: | Originally published:\n\n\
KABUL — The rebels agreed on Tuesday to hold talks with the government next month, officials said, in a move welcomed by neighbouring states.\n\n\
Subscribe to our Morning Brief newsletter for the day's top stories.\n\n\
400 fighters were seen near the border last week, a local official said.\n\n\
Related Posts\n\nComments are closed.\n";
    let doc = run(page, &Hints { title: Some("Rebels Agree to Talks, Officials Say"), ..Hints::default() });
    assert_eq!(
        rows(&doc),
        vec![
            ("boilerplate", None, "• World"),
            ("boilerplate", None, "• Asia"),
            ("title", None, "Rebels Agree to Talks, Officials Say"),
            ("boilerplate", None, "4 min read"),
            ("boilerplate", None, "Updated: | Originally published:"),
            ("boilerplate", None, "KABUL —"),
            ("paragraph", None, "The rebels agreed on Tuesday to hold talks with the government next month, officials said, in a move welcomed by neighbouring states."),
            ("boilerplate", None, "Subscribe to our Morning Brief newsletter for the day's top stories."),
            ("paragraph", None, "400 fighters were seen near the border last week, a local official said."),
            ("boilerplate", None, "Related Posts"),
            ("boilerplate", None, "Comments are closed."),
        ]
    );
    assert!(!doc.text.contains("Subscribe") && !doc.text.contains("min read"));
    assert!(doc.text.starts_with("Rebels Agree to Talks, Officials Say\n\nThe rebels agreed"));
}

#[test]
fn a_site_name_after_the_title_and_a_repeated_title_are_boilerplate() {
    let page = format!(
        "How the Talks Failed – Example Review\n\n{}\n\nLink:\nHow the Talks Failed - Example Review\n",
        super::util::PROSE
    );
    let doc = run(&page, &Hints { title: Some("How the Talks Failed"), ..Hints::default() });
    let kinds: Vec<_> = rows(&doc).into_iter().map(|r| (r.0, r.2)).collect();
    assert_eq!(kinds[0], ("title", "How the Talks Failed"));
    assert_eq!(kinds[1], ("boilerplate", "– Example Review"));
    assert_eq!(kinds[3], ("boilerplate", "Link:"));
    assert_eq!(kinds[4], ("boilerplate", "How the Talks Failed - Example Review"));
}

#[test]
fn markdown_residue_is_removed_and_the_words_stay() {
    let article = "Why **Markup** Lingers\n\nA short summary of what follows here.\n\nBy **Jane Roe**, a reporter.\n\n\
The <u>report</u> says the *group* is &amp; was active, and [officials](https://example.org/x) agree with that assessment in full, as they have for years.\n\n\
Jane Roe is a reporter at the *Example Times*.\n";
    let authors = ["Jane Roe".to_string()];
    let doc = run(article, &Hints { title: Some("Why Markup Lingers"), authors: &authors });
    assert_eq!(
        rows(&doc),
        vec![
            ("title", None, "Why Markup Lingers"),
            ("standfirst", None, "A short summary of what follows here."),
            ("byline", None, "By Jane Roe, a reporter."),
            ("paragraph", None, "The report says the group is & was active, and officials agree with that assessment in full, as they have for years."),
            ("byline", None, "Jane Roe is a reporter at the Example Times."),
        ]
    );
    assert_eq!(doc.flags, vec![QualityFlag::MarkupResidue]);
}

#[test]
fn pdf_page_footnotes_page_break_and_block_quote() {
    let page = "2.1 Patterns of cooperation\n\n\
The commanders described how the visitors arrived at night and stayed with local families, which meant that\n\n\
3 Interview with Taliban commander, Kunar, 2 December 2020.\n\n\
4 Interview with a tribal elder, Zabul, 5 May 2021.\n\n\
the villages bore most of the risk.³ Most of them never saw the visitors again.\n\n\
One commander described the arrangement:\n\n\
They came at night and left before dawn, and we never asked them where they were going or why they had come.⁴\n\n\
5 A third note that is not referenced anywhere in the text at all.\n";
    let doc = run(page, &Hints::default());
    assert_eq!(
        rows(&doc),
        vec![
            ("heading", Some("2.1"), "Patterns of cooperation"),
            ("paragraph", None, "The commanders described how the visitors arrived at night and stayed with local families, which meant that the villages bore most of the risk. Most of them never saw the visitors again."),
            ("footnote", Some("3"), "Interview with Taliban commander, Kunar, 2 December 2020."),
            ("footnote", Some("4"), "Interview with a tribal elder, Zabul, 5 May 2021."),
            ("paragraph", None, "One commander described the arrangement:"),
            ("block_quote", None, "They came at night and left before dawn, and we never asked them where they were going or why they had come."),
            ("footnote", Some("5"), "A third note that is not referenced anywhere in the text at all."),
        ]
    );
    // The joined paragraph spans the footnotes that interrupt it and links its marker.
    let joined = &doc.segments[1];
    assert_eq!(joined.parts.len(), 2);
    assert!(
        joined.source.start < doc.segments[2].source.start && joined.source.end > doc.segments[3].source.end
    );
    assert_eq!(joined.footnotes, vec!["3".to_string()]);
    assert_eq!(doc.segments[5].footnotes, vec!["4".to_string()]);
    assert_eq!(doc.flags, vec![QualityFlag::PdfArtefacts]);
}

#[test]
fn lists_references_tables_and_contents() {
    let doc = "Contents\n\nIntroduction / 1\nFindings / 4\n\n1 Introduction\n\n\
The findings below draw on interviews with officials and fighters over two years in four provinces of the country.\n\n\
1. The first rule applies to every member.\n2) The second rule applies to guests.\n- A bulleted point.\n\n\
Acronyms\n\nIEA\tIslamic Emirate of Afghanistan\nTTP\tTehrik-e-Taliban Pakistan\n\n\
References\n\n- Roe, J.** (2020) 'A paper'. Journal, 1 May.\nDoe, A. (2019) *A book*. London: Press.\n\nAppendix 1\n";
    let d = run(doc, &Hints::default());
    assert_eq!(
        rows(&d),
        vec![
            ("boilerplate", None, "Contents"),
            ("boilerplate", None, "Introduction / 1"),
            ("boilerplate", None, "Findings / 4"),
            ("heading", Some("1"), "Introduction"),
            ("paragraph", None, "The findings below draw on interviews with officials and fighters over two years in four provinces of the country."),
            ("list_item", Some("1"), "The first rule applies to every member."),
            ("list_item", Some("2"), "The second rule applies to guests."),
            ("list_item", None, "A bulleted point."),
            ("heading", None, "Acronyms"),
            ("table_row", None, "IEA\tIslamic Emirate of Afghanistan"),
            ("table_row", None, "TTP\tTehrik-e-Taliban Pakistan"),
            ("heading", None, "References"),
            ("reference", None, "Roe, J. (2020) 'A paper'. Journal, 1 May."),
            ("reference", None, "Doe, A. (2019) A book. London: Press."),
            ("heading", None, "Appendix 1"),
        ]
    );
}

#[test]
fn numbers_at_a_line_start_are_not_footnotes_without_the_shape() {
    // A count, a year and a number far from any footnote sequence.
    let text = format!("{p}\n\n400 operatives were seen near the border, officials said.\n\n2021 was a year of change for the movement and its allies.\n\n3,000 people died.\n", p = super::util::PROSE);
    let d = run(&text, &Hints::default());
    let kinds: Vec<&str> = d.segments.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(kinds, vec!["paragraph", "paragraph", "paragraph", "paragraph"]);
}

#[test]
fn flags_for_stripped_quotes_and_spun_text() {
    let stripped = format!("{}\n\nThe group wont fight, said a spokesman. Thats the view of the leadership, and it doesnt change.\n", super::util::PROSE);
    assert_eq!(run(&stripped, &Hints::default()).flags, vec![QualityFlag::QuoteMarksStripped]);
    let spun = format!(
        "{}\n\nThe worldwide group worries about nationwide safety and the coaching camps near the border.\n",
        super::util::PROSE
    );
    assert_eq!(run(&spun, &Hints::default()).flags, vec![QualityFlag::SpunText]);
    let clean = format!("{}\n\n“We won’t fight,” said a spokesman.\n", super::util::PROSE);
    assert!(run(&clean, &Hints::default()).flags.is_empty());
}

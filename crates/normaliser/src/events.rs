//! Dated events: one per date expression of the running text (and the
//! footnotes that date an interview), typed by the trigger word nearest
//! to the date, with the actors mentioned in the sentence.

use std::sync::LazyLock;

use corpus_parser::BlockKind;
use jiff::civil::Date;
use regex::Regex;

use crate::dates::{find_dates, writes_day_first, DateContext, DatePrecision, YearState};
use crate::document::Document;
use crate::mentions::{ActorRef, Annotations};
use crate::sentences::sentence_bounds;

/// One dated event. Offsets are code points of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The date expression as written.
    pub date_text: String,
    /// Where the date expression is.
    pub date_span: (usize, usize),
    /// First day of the period.
    pub date_start: Date,
    /// Last day of the period.
    pub date_end: Date,
    /// Precision of the date.
    pub precision: DatePrecision,
    /// PLOVER root category, or OTHER.
    pub event_type: &'static str,
    /// The word that decided the type.
    pub trigger: Option<String>,
    /// Actors mentioned in the sentence, in order, once each.
    pub actors: Vec<ActorRef>,
    /// The sentence: `text[start..end]`.
    pub sentence: String,
    /// Sentence start.
    pub start: usize,
    /// Sentence end (exclusive).
    pub end: usize,
    /// The segment the sentence is in.
    pub segment_seq: u32,
}

/// The event categories, in the order of the data file.
pub const EVENT_TYPES: [&str; 17] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "OTHER",
];

/// (category, trigger regex) from `data/event_triggers.txt`.
static TRIGGERS: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    crate::lexicon::entries(include_str!("../data/event_triggers.txt"))
        .into_iter()
        .filter_map(|line| {
            let (cat, words) = line.split_once(':')?;
            let cat = EVENT_TYPES.iter().find(|t| **t == cat.trim())?;
            let alts: Vec<String> =
                words.split(',').map(str::trim).filter(|w| !w.is_empty()).map(regex::escape).collect();
            let re = crate::lexicon::re(&format!(r"(?i)\b(?:{})\b", alts.join("|")));
            Some((*cat, re))
        })
        .collect()
});

/// Segments whose dates are events: running text and notes, not titles,
/// headings, bylines, references, tables or boilerplate.
fn dated(kind: BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::Paragraph
            | BlockKind::BlockQuote
            | BlockKind::ListItem
            | BlockKind::Footnote
            | BlockKind::Standfirst
            | BlockKind::Caption
    )
}

/// Reads the events of a document. `published` is the document's date
/// and precision, for relative dates ("last year", "on Monday").
pub fn extract_events(
    doc: &Document,
    ann: &Annotations,
    published: Option<(Date, DatePrecision)>,
) -> Vec<Event> {
    let chars: Vec<char> = doc.text.chars().collect();
    let ctx = DateContext { published, day_first: writes_day_first(&doc.text) };
    let mut years = YearState::default();
    let mut out = Vec::new();
    for seg in &doc.segments {
        let Some(span) = seg.span.clone() else { continue };
        if !dated(seg.kind) {
            continue;
        }
        let text: String = chars[span.clone()].iter().collect();
        // byte offset in `text` → code point offset in the document
        let to_char = |byte: usize| span.start + text[..byte].chars().count();
        years.paragraph = None;
        for d in find_dates(&text, &ctx, &mut years) {
            let (ds, de) = (to_char(d.start), to_char(d.end));
            let (s, e) = sentence_bounds(&chars, span.clone(), ds);
            let sentence: String = chars[s..e].iter().collect();
            // Trigger words inside an actor's name ("Sanctions Monitoring
            // Team") are names, not events.
            let names: Vec<(usize, usize)> = ann
                .mentions
                .iter()
                .skip(ann.mentions.partition_point(|m| m.start < s))
                .take_while(|m| m.start < e)
                .filter(|m| m.end <= e)
                .map(|m| (m.start - s, m.end - s))
                .collect();
            let (event_type, trigger) = classify(&sentence, ds - s, de - s, &names);
            let mut actors: Vec<ActorRef> = Vec::new();
            let lo = ann.mentions.partition_point(|m| m.start < s);
            let hi = ann.mentions.partition_point(|m| m.start < e);
            for m in ann.mentions[lo..hi.max(lo)].iter().filter(|m| m.end <= e) {
                if !actors.contains(&m.actor) {
                    actors.push(m.actor);
                }
            }
            out.push(Event {
                date_text: text[d.start..d.end].to_string(),
                date_span: (ds, de),
                date_start: d.first,
                date_end: d.last,
                precision: d.precision,
                event_type,
                trigger,
                actors,
                sentence,
                start: s,
                end: e,
                segment_seq: seg.seq,
            });
        }
    }
    out
}

/// The trigger nearest to the date (`date_start..date_end`, code points of
/// `sentence`) and its category; OTHER when the sentence has none.
fn classify(
    sentence: &str,
    date_start: usize,
    date_end: usize,
    names: &[(usize, usize)],
) -> (&'static str, Option<String>) {
    let mut best: Option<(usize, &'static str, String)> = None;
    for (cat, re) in TRIGGERS.iter() {
        for m in re.find_iter(sentence) {
            let (ts, te) = (sentence[..m.start()].chars().count(), sentence[..m.end()].chars().count());
            if names.iter().any(|&(a, b)| ts < b && a < te) {
                continue;
            }
            let distance = if te <= date_start {
                date_start - te
            } else if ts >= date_end {
                ts - date_end
            } else {
                continue; // inside the date expression itself
            };
            if best.as_ref().is_none_or(|b| distance < b.0) {
                best = Some((distance, cat, m.as_str().to_string()));
            }
        }
    }
    match best {
        Some((_, cat, word)) => (cat, Some(word)),
        None => ("OTHER", None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::ActorMatcher;
    use corpus_parser::{parse_blocks, Gazetteer, Hints};
    use std::path::Path;

    /// (date text, first, last, precision, type, trigger, actors)
    type Row = (String, String, String, &'static str, &'static str, Option<String>, usize);

    fn events(text: &str, published: Option<(Date, DatePrecision)>) -> Vec<Row> {
        let g = Gazetteer::parse(
            Path::new("actors.toml"),
            "[[actor]]\nid = \"taliban\"\nname = \"Taliban\"\ntype = \"organization\"\n\n[[actor]]\nid = \"us\"\nname = \"United States\"\ntype = \"organization\"\n",
        )
        .expect("gazetteer");
        let doc = crate::normalise(text, &parse_blocks(text, &Hints::default()));
        let ann = ActorMatcher::new(&g).annotate(&doc);
        let ev = extract_events(&doc, &ann, published);
        for e in &ev {
            let slice: String = doc.text.chars().skip(e.start).take(e.end - e.start).collect();
            assert_eq!(slice, e.sentence, "text[start:end] is the sentence");
        }
        ev.into_iter()
            .map(|e| {
                (
                    e.date_text,
                    e.date_start.to_string(),
                    e.date_end.to_string(),
                    e.precision.as_str(),
                    e.event_type,
                    e.trigger,
                    e.actors.len(),
                )
            })
            .collect()
    }

    #[test]
    fn events_are_typed_by_the_nearest_trigger() {
        let e = events(
            "The Taliban and the United States signed a deal in Doha on 29 February 2020. Fighting resumed.",
            None,
        );
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].4, e[0].5.as_deref(), e[0].6), ("AGREE", Some("deal"), 2));
        let e = events("A U.S. drone killed the leader in Kabul in July 2022, officials said.", None);
        assert_eq!((e[0].3, e[0].4, e[0].5.as_deref()), ("month", "ASSAULT", Some("killed")));
        let e = events("The United States completed its withdrawal in late August 2021.", None);
        assert_eq!(e[0].4, "RETREAT");
        let e = events("The weather in 2019 was mild.", None);
        assert_eq!((e[0].4, e[0].5.clone()), ("OTHER", None));
    }

    #[test]
    fn a_trigger_inside_an_actor_name_does_not_count() {
        let e = events("The United States Sanctions Office met nobody in 2019.", None);
        assert_eq!(e[0].5.as_deref(), Some("met"));
    }

    #[test]
    fn interview_footnotes_are_consult_events() {
        let text = "Commanders spoke of it at length, and many of them agreed on the main points made.¹\n\n1 Interview with Taliban commander, Kunar, 2 December 2020.\n";
        let e = events(text, None);
        assert_eq!(e.len(), 1);
        assert_eq!(
            (e[0].1.as_str(), e[0].4, e[0].5.as_deref(), e[0].6),
            ("2020-12-02", "CONSULT", Some("Interview"), 1)
        );
    }

    #[test]
    fn relative_dates_with_and_without_a_publication_date() {
        let text = "The Taliban attacked the town last year, and the United States responded.";
        let with = events(text, Some((jiff::civil::date(2023, 1, 1), DatePrecision::Year)));
        assert_eq!((with[0].1.as_str(), with[0].3, with[0].4), ("2022-01-01", "year", "ASSAULT"));
        assert!(events(text, None).is_empty());
    }

    #[test]
    fn references_headings_and_boilerplate_have_no_events() {
        let text = "2 The Taliban after 9/11\n\nReferences\n\n- Bacon, T. (2018) 'Deadly cooperation'. War on the Rocks, 11 September.\n\nCopyright 2021 Example.\n";
        assert!(events(text, None).is_empty());
    }
}

//! Dated events: one per date expression of the running text (and the
//! footnotes that date an interview), typed by the trigger word nearest
//! to the date, with the actors mentioned in the sentence.

use std::sync::LazyLock;

use corpus_parser::BlockKind;
use jiff::civil::Date;
use regex::Regex;

use crate::dates::{find_dates, writes_day_first, DateContext, DatePrecision, YearState};
use crate::document::Document;
use crate::lexicon::has_case_folding_letter;
use crate::mapped::CharCounter;
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

/// Every trigger word of every category, ASCII case-insensitive: which
/// categories can match a sentence at all, so the others' regexes are
/// not run. Pattern `k` belongs to category `TRIGGER_OF[k]`.
static TRIGGER_WORDS: LazyLock<(aho_corasick::AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut of = Vec::new();
    // The same lines, in the same order, as `TRIGGERS` reads.
    let lines =
        crate::lexicon::entries(include_str!("../data/event_triggers.txt")).into_iter().filter_map(|line| {
            let (cat, list) = line.split_once(':')?;
            EVENT_TYPES.contains(&cat.trim()).then_some(list)
        });
    for (k, list) in lines.enumerate() {
        for w in list.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            words.push(w.to_string());
            of.push(k);
        }
    }
    let ac = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&words)
        .expect("plain words compile");
    (ac, of)
});

/// A trigger match in a sentence: category, code point span, the word.
type Hit = (&'static str, usize, usize, String);

/// Every trigger match of a sentence, category by category in the order
/// of the data file, each category's matches in text order.
fn trigger_hits(sentence: &str) -> Vec<Hit> {
    let candidates = candidate_categories(sentence);
    let mut hits = Vec::new();
    for (k, (cat, re)) in TRIGGERS.iter().enumerate() {
        if !candidates[k] {
            continue;
        }
        for m in re.find_iter(sentence) {
            let (ts, te) = (sentence[..m.start()].chars().count(), sentence[..m.end()].chars().count());
            hits.push((*cat, ts, te, m.as_str().to_string()));
        }
    }
    hits
}

/// The categories whose regex can match `sentence`: those with a word in
/// it (ASCII case-insensitive). Unicode case folding also lets `k` match
/// the Kelvin sign and `s` the long s; a sentence with either has every
/// category run.
fn candidate_categories(sentence: &str) -> Vec<bool> {
    let n = TRIGGERS.len();
    if has_case_folding_letter(sentence) {
        return vec![true; n];
    }
    let (ac, of) = &*TRIGGER_WORDS;
    let mut out = vec![false; n];
    for m in ac.find_overlapping_iter(sentence) {
        out[of[m.pattern().as_usize()]] = true;
    }
    out
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
    // The trigger matches of the last sentence read (several dates often
    // share a sentence).
    let mut cached: Option<((usize, usize), Vec<Hit>)> = None;
    for seg in &doc.segments {
        let Some(span) = seg.span.clone() else { continue };
        if !dated(seg.kind) {
            continue;
        }
        // A segment with a span holds exactly its slice of the document text.
        let text = seg.text.as_str();
        debug_assert_eq!(text.chars().count(), span.len());
        let mut counter = CharCounter::new(text);
        years.paragraph = None;
        for d in find_dates(text, &ctx, &mut years) {
            let (ds, de) = (span.start + counter.char_of(d.start), span.start + counter.char_of(d.end));
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
            if cached.as_ref().is_none_or(|c| c.0 != (s, e)) {
                cached = Some(((s, e), trigger_hits(&sentence)));
            }
            let hits = cached.as_ref().map_or(&[][..], |c| c.1.as_slice());
            let (event_type, trigger) = classify(hits, ds - s, de - s, &names);
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
/// the sentence) among the sentence's `hits`, and its category; OTHER
/// when the sentence has none.
fn classify(
    hits: &[Hit],
    date_start: usize,
    date_end: usize,
    names: &[(usize, usize)],
) -> (&'static str, Option<String>) {
    let mut best: Option<(usize, &'static str, &str)> = None;
    for (cat, ts, te, word) in hits {
        let (ts, te) = (*ts, *te);
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
            best = Some((distance, cat, word));
        }
    }
    match best {
        Some((_, cat, word)) => (cat, Some(word.to_string())),
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

    /// The trigger matches of every category, with no prefilter.
    fn unfiltered_hits(sentence: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        for (cat, re) in TRIGGERS.iter() {
            for m in re.find_iter(sentence) {
                let ts = sentence[..m.start()].chars().count();
                let te = sentence[..m.end()].chars().count();
                hits.push((*cat, ts, te, m.as_str().to_string()));
            }
        }
        hits
    }

    #[test]
    fn the_trigger_prefilter_finds_what_every_regex_finds() {
        let sentences = [
            "The Taliban SIGNED a deal and then Attacked the town in 2020.",
            "Talks were held; “we met them,” he said, before the ceasefire collapsed.",
            "Nothing happened in 2019.",
            "The \u{212a}ILLED count rose: “attac\u{212a}s” in Kābul, and the talk\u{17f} stalled.",
            "Über-raids, décret: they seized power and took control of Kabul in August 2021.",
            "signedsigned unsigned re-signed co-operation",
        ];
        for s in sentences {
            assert_eq!(trigger_hits(s), unfiltered_hits(s), "{s}");
        }
        // Inside a word, the Kelvin sign and the long s fold to k and s.
        assert!(trigger_hits("They attac\u{212a}ed him in 2020.").iter().any(|h| h.0 == "ASSAULT"));
        assert!(trigger_hits("They di\u{17f}cussed it.").iter().any(|h| h.0 == "CONSULT"));
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

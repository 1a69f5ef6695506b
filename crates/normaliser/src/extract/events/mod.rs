//! Dated events: one per date expression of the running text (and the
//! footnotes that date an interview), typed by the trigger word nearest
//! to the date, with the actors mentioned in the sentence.

use std::sync::LazyLock;

use corpus_parser::BlockKind;
use jiff::civil::Date;
use regex::Regex;

use crate::clean::Document;
use crate::extract::dates::{find_dates, writes_day_first, DateContext, DatePrecision, YearState};
use crate::extract::mentions::{ActorRef, Annotations, Mention};
use crate::extract::sentences::sentence_bounds;
use crate::lexicon::{dfa, has_case_folding_letter, Overlapping};
use crate::offsets::CharCounter;

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
    pub event_type: EventType,
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

/// What kind of event a date anchors: a PLOVER root category, or
/// [`EventType::Other`] when no trigger word types it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    /// Agree, sign, settle.
    Agree,
    /// Meet, talk, negotiate.
    Consult,
    /// Praise, endorse, defend.
    Support,
    /// Yield, ease, release.
    Concede,
    /// Cooperate, ally, coordinate.
    Cooperate,
    /// Give aid, supply, shelter.
    Aid,
    /// Withdraw, leave, retreat.
    Retreat,
    /// Ask, demand, appeal.
    Request,
    /// Accuse, blame, criticise.
    Accuse,
    /// Reject, refuse, deny.
    Reject,
    /// Threaten, warn.
    Threaten,
    /// Protest, demonstrate.
    Protest,
    /// Sanction, ban, designate.
    Sanction,
    /// Mobilise, deploy, recruit.
    Mobilize,
    /// Arrest, seize, expel.
    Coerce,
    /// Attack, kill, bomb.
    Assault,
    /// No trigger word near the date.
    Other,
}

impl EventType {
    /// Every event type, in the order of the PLOVER categories (the order
    /// of the tables' category list).
    pub const ALL: [EventType; 17] = [
        EventType::Agree,
        EventType::Consult,
        EventType::Support,
        EventType::Concede,
        EventType::Cooperate,
        EventType::Aid,
        EventType::Retreat,
        EventType::Request,
        EventType::Accuse,
        EventType::Reject,
        EventType::Threaten,
        EventType::Protest,
        EventType::Sanction,
        EventType::Mobilize,
        EventType::Coerce,
        EventType::Assault,
        EventType::Other,
    ];

    /// The category a line of `event_triggers.txt` names (its PLOVER name
    /// in capitals); `None` for a name the data may not use.
    fn from_data(name: &str) -> Option<EventType> {
        Some(match name {
            "AGREE" => EventType::Agree,
            "CONSULT" => EventType::Consult,
            "SUPPORT" => EventType::Support,
            "CONCEDE" => EventType::Concede,
            "COOPERATE" => EventType::Cooperate,
            "AID" => EventType::Aid,
            "RETREAT" => EventType::Retreat,
            "REQUEST" => EventType::Request,
            "ACCUSE" => EventType::Accuse,
            "REJECT" => EventType::Reject,
            "THREATEN" => EventType::Threaten,
            "PROTEST" => EventType::Protest,
            "SANCTION" => EventType::Sanction,
            "MOBILIZE" => EventType::Mobilize,
            "COERCE" => EventType::Coerce,
            "ASSAULT" => EventType::Assault,
            _ => return None,
        })
    }
}

/// (category, trigger regex) from `data/en/event_triggers.txt`.
static TRIGGERS: LazyLock<Vec<(EventType, Regex)>> = LazyLock::new(|| {
    crate::lexicon::entries(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/en/event_triggers.txt")))
        .into_iter()
        .filter_map(|line| {
            let (cat, words) = line.split_once(':')?;
            let cat = EventType::from_data(cat.trim())?;
            let alts: Vec<String> =
                words.split(',').map(str::trim).filter(|w| !w.is_empty()).map(regex::escape).collect();
            let re = crate::lexicon::re(&format!(r"(?i)\b(?:{})\b", alts.join("|")));
            Some((cat, re))
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

/// Every trigger word of every category, ASCII case-insensitive, with
/// the category it belongs to and its place in that category's list.
struct TriggerWords {
    ac: aho_corasick::dfa::DFA,
    /// Pattern `k` is word `alt[k]` of category `of[k]`.
    of: Vec<usize>,
    alt: Vec<usize>,
    /// The categories, as `TRIGGERS` has them (without compiling its regexes).
    cats: Vec<EventType>,
    /// Every word is ASCII and starts and ends with an ASCII word byte:
    /// then, on a text without the Kelvin sign or the long s, a category's
    /// regex matches exactly the words the automaton finds on ASCII word
    /// boundaries, chosen leftmost-first (see [`trigger_hits`]).
    plain: bool,
}

static TRIGGER_WORDS: LazyLock<TriggerWords> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut of = Vec::new();
    let mut alt = Vec::new();
    let mut cats = Vec::new();
    // The same lines, in the same order, as `TRIGGERS` reads.
    let lines = crate::lexicon::entries(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/en/event_triggers.txt"
    )))
    .into_iter()
    .filter_map(|line| {
        let (cat, list) = line.split_once(':')?;
        Some((EventType::from_data(cat.trim())?, list))
    });
    for (k, (cat, list)) in lines.enumerate() {
        cats.push(cat);
        for (a, w) in list.split(',').map(str::trim).filter(|w| !w.is_empty()).enumerate() {
            words.push(w.to_string());
            of.push(k);
            alt.push(a);
        }
    }
    let plain = words.iter().all(|w| {
        let b = w.as_bytes();
        w.is_ascii()
            && b.first().is_some_and(|&c| is_word_byte(c))
            && b.last().is_some_and(|&c| is_word_byte(c))
    });
    let ac = dfa(true, &words).expect("plain words compile");
    TriggerWords { ac, of, alt, cats, plain }
});

/// A word byte of an ASCII word boundary (`(?-u:\b)`).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A trigger match in a sentence: category, code point span, the word.
type Hit = (EventType, usize, usize, String);

/// Every trigger match of a sentence, category by category in the order
/// of the data file, each category's matches in text order: what each
/// category's regex `(?i)\b(?:w1|w2|…)\b` (ASCII `\b`) finds.
///
/// One automaton pass finds every occurrence of every word. Without the
/// Kelvin sign and the long s in the sentence, (Unicode) case-insensitive
/// matching of ASCII words is ASCII case-insensitive matching, so the
/// regex's matches are these occurrences: those on word boundaries (the
/// words start and end with word bytes, so a boundary is a non-word byte
/// or the edge of the text outside the word), taken leftmost-first — from
/// where the last match ended, the leftmost start, and at that start the
/// word listed first. Otherwise the regexes are run.
fn trigger_hits(sentence: &str) -> Vec<Hit> {
    let tw = &*TRIGGER_WORDS;
    if !tw.plain || has_case_folding_letter(sentence) {
        return trigger_hits_by_regex(sentence, &vec![true; TRIGGERS.len()]);
    }
    let b = sentence.as_bytes();
    // (category, start, word index, end), byte offsets.
    let mut found: Vec<(usize, usize, usize, usize)> = Overlapping::new(&tw.ac, b)
        .filter(|(_, m)| {
            (m.start == 0 || !is_word_byte(b[m.start - 1])) && b.get(m.end).is_none_or(|&c| !is_word_byte(c))
        })
        .map(|(p, m)| (tw.of[p], m.start, tw.alt[p], m.end))
        .collect();
    found.sort_unstable();
    let mut hits = Vec::new();
    // The end of the last match taken, per category.
    let mut last: Option<(usize, usize)> = None;
    let mut chars = CharCounter::new(sentence);
    let mut chars_end = CharCounter::new(sentence);
    for (k, start, _, end) in found {
        if last.is_some_and(|(lk, le)| lk == k && start < le) {
            continue;
        }
        last = Some((k, end));
        let (ts, te) = (chars.char_of(start), chars_end.char_of(end));
        hits.push((tw.cats[k], ts, te, sentence[start..end].to_string()));
    }
    hits
}

/// The matches of the categories' regexes, for the `run` ones.
fn trigger_hits_by_regex(sentence: &str, run: &[bool]) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (k, (cat, re)) in TRIGGERS.iter().enumerate() {
        if !run[k] {
            continue;
        }
        for m in re.find_iter(sentence) {
            let (ts, te) = (sentence[..m.start()].chars().count(), sentence[..m.end()].chars().count());
            hits.push((*cat, ts, te, m.as_str().to_string()));
        }
    }
    hits
}

/// A sentence's bounds (code points of its segment), its text, its
/// trigger matches and its quoted stretches ([`quoted_spans`]).
type CachedSentence = ((usize, usize), String, Vec<Hit>, Vec<(usize, usize)>);

/// Reads the events of a document. `published` is the document's date
/// and precision, for relative dates ("last year", "on Monday").
pub fn extract_events(
    doc: &Document,
    ann: &Annotations,
    published: Option<(Date, DatePrecision)>,
) -> Vec<Event> {
    let ctx = DateContext { published, day_first: writes_day_first(&doc.text) };
    let mut years = YearState::default();
    let mut out = Vec::new();
    // The code points of the segment being read: sentence bounds never
    // look outside the segment, so its own code points, indexed from its
    // start, give the same bounds as those of the whole text.
    let mut chars: Vec<char> = Vec::new();
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
        chars.clear();
        // The sentence of the last date read, as (start, end) code points of
        // the segment, its text and its trigger matches (several dates
        // often share a sentence).
        let mut cached: Option<CachedSentence> = None;
        for d in find_dates(text, &ctx, &mut years) {
            if chars.is_empty() {
                decode_into(text, &mut chars);
            }
            let (ls, le) = (counter.char_of(d.start), counter.char_of(d.end));
            let (s, e) = sentence_bounds(&chars, 0..chars.len(), ls);
            if cached.as_ref().is_none_or(|c| c.0 != (s, e)) {
                // Byte offsets of the sentence, counted from the date's.
                let (bs, be) = (byte_offset(&chars, (ls, d.start), s), byte_offset(&chars, (ls, d.start), e));
                let sentence = text.get(bs..be).map_or_else(|| chars[s..e].iter().collect(), str::to_string);
                let hits = trigger_hits(&sentence);
                let quoted = quoted_spans(&sentence);
                cached = Some(((s, e), sentence, hits, quoted));
            }
            let (ds, de) = (span.start + ls, span.start + le);
            let (s, e) = (span.start + s, span.start + e);
            let (sentence, hits, quoted) = cached
                .as_ref()
                .map_or(("", &[][..], &[][..]), |c| (c.1.as_str(), c.2.as_slice(), c.3.as_slice()));
            // Mentions from the first starting in the sentence.
            let from = &ann.mentions[ann.mentions.partition_point(|m| m.start < s)..];
            let (event_type, trigger) = classify(hits, quoted, ds - s, de - s, from, (s, e));
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
                sentence: sentence.to_string(),
                start: s,
                end: e,
                segment_seq: seg.seq,
            });
        }
    }
    out
}

/// The double-quoted stretches of a sentence, in code points, marks
/// included: “…” and "…" pairs; a mark left open runs to the sentence's
/// end and a closing mark with no opening one runs from its start (a
/// quotation over several sentences).
fn quoted_spans(sentence: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    // Most sentences have no mark: substring searches, not a char loop.
    if !sentence.contains('"') && !sentence.contains('“') && !sentence.contains('”') {
        return spans;
    }
    let (mut curly, mut straight): (Option<usize>, Option<usize>) = (None, None);
    let mut first_open = true;
    let mut n = 0;
    for (i, c) in sentence.chars().enumerate() {
        n = i + 1;
        match c {
            '“' => curly = curly.or(Some(i)),
            '”' => {
                spans.push((curly.take().unwrap_or(if first_open { 0 } else { i }), i + 1));
            }
            '"' => match straight.take() {
                Some(open) => spans.push((open, i + 1)),
                None => straight = Some(i),
            },
            _ => continue,
        }
        first_open = false;
    }
    spans.extend(curly.into_iter().chain(straight).map(|open| (open, n)));
    spans.sort_unstable();
    spans
}

/// Appends the code points of `text` to `out`: each run of ASCII bytes
/// (each byte a code point) in one go, the other code points one by one.
fn decode_into(text: &str, out: &mut Vec<char>) {
    out.reserve(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let n = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        out.extend(rest.as_bytes()[..n].iter().map(|&b| char::from(b)));
        // A non-ASCII byte of a `str` starts a code point.
        let mut tail = rest[n..].chars();
        out.extend(tail.next());
        rest = tail.as_str();
    }
}

/// The byte offset of code point `to` of `chars`, given that code point
/// `at.0` is at byte `at.1`.
fn byte_offset(chars: &[char], at: (usize, usize), to: usize) -> usize {
    let (c, b) = at;
    let len = |r: &[char]| r.iter().map(|ch| ch.len_utf8()).sum::<usize>();
    if to >= c {
        b + len(&chars[c..to])
    } else {
        b - len(&chars[to..c])
    }
}

/// The trigger nearest to the date (`date_start..date_end`, code points of
/// the sentence) among the sentence's `hits`, and its category; OTHER
/// when the sentence has none. `from` are the mentions from the first
/// that starts in the sentence `s..e` (code points of the text).
fn classify(
    hits: &[Hit],
    quoted: &[(usize, usize)],
    date_start: usize,
    date_end: usize,
    from: &[Mention],
    (s, e): (usize, usize),
) -> (EventType, Option<String>) {
    // Trigger words inside an actor's name ("Sanctions Monitoring Team")
    // are names, not events: the mentions within the sentence, as code
    // points of the sentence.
    let names = || {
        from.iter()
            .take_while(move |m| m.start < e)
            .filter(move |m| m.end <= e)
            .map(move |m| (m.start - s, m.end - s))
    };
    let mut best: Option<(usize, EventType, &str)> = None;
    for (cat, ts, te, word) in hits {
        let (ts, te) = (*ts, *te);
        if names().any(|(a, b)| ts < b && a < te) {
            continue;
        }
        // A word inside a quotation is the speaker's, not what the date
        // dates, unless the date is quoted with it.
        let quote_of = |at: usize| quoted.iter().find(|(a, b)| *a <= at && at < *b);
        if quote_of(ts).is_some_and(|q| quote_of(date_start) != Some(q)) {
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
            best = Some((distance, *cat, word));
        }
    }
    match best {
        Some((_, cat, word)) => (cat, Some(word.to_string())),
        None => (EventType::Other, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::mentions::ActorMatcher;
    use corpus_parser::{parse_blocks, Gazetteer, Hints};
    use std::path::Path;

    /// (date text, first, last, precision, type, trigger, actors)
    type Row = (String, String, String, DatePrecision, EventType, Option<String>, usize);

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
                    e.precision,
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
        assert!(trigger_hits("They attac\u{212a}ed him in 2020.").iter().any(|h| h.0 == EventType::Assault));
        assert!(trigger_hits("They di\u{17f}cussed it.").iter().any(|h| h.0 == EventType::Consult));
    }

    /// Sentences made of pieces of trigger words, word and non-word
    /// bytes, ASCII case changes and non-ASCII letters, drawn by a fixed
    /// pseudo-random sequence.
    fn generated_sentences(n: usize) -> Vec<String> {
        const PIECES: [&str; 44] = [
            "sign",
            "signed",
            "SIGNING",
            "ed",
            "s",
            "ing",
            "un",
            "re-",
            "deal",
            "Talks",
            "backed",
            "backed down",
            "down",
            "pulled out",
            "pulled",
            "out",
            "took power",
            "took",
            "fall of",
            "of",
            "left the country",
            "safe haven",
            "haven",
            "strike",
            "STRIKES",
            "war",
            "_",
            "9",
            " ",
            " ",
            ", ",
            ".",
            "-",
            "’",
            "“",
            "é",
            "Kā",
            "\u{212a}",
            "\u{17f}",
            "in 2020",
            "seized power",
            "SEIZED",
            "power",
            "control",
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let len = (x % 12) as usize;
                (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        PIECES[(x % PIECES.len() as u64) as usize]
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_automaton_finds_what_the_regexes_find() {
        assert!(TRIGGER_WORDS.plain, "the fast path is in use");
        assert_eq!(TRIGGER_WORDS.cats, TRIGGERS.iter().map(|t| t.0).collect::<Vec<_>>());
        let mut folded = 0;
        for s in generated_sentences(20_000) {
            folded += usize::from(has_case_folding_letter(&s));
            assert_eq!(trigger_hits(&s), unfiltered_hits(&s), "{s:?}");
        }
        // Both paths were taken.
        assert!(folded > 100 && folded < 19_000, "{folded}");
        assert_eq!(trigger_hits(""), Vec::<Hit>::new());
        // Leftmost-first, as the regex: "backed down" is SUPPORT's "backed"
        // and CONCEDE's "backed down"; "signing" is not "sign"; "seized
        // power" is listed before "seized".
        let h = trigger_hits("They Backed down, signing_ it; signing it.");
        assert_eq!(trigger_hits("they seized power").len(), 1);
        let h: Vec<(EventType, usize, usize, &str)> =
            h.iter().map(|h| (h.0, h.1, h.2, h.3.as_str())).collect();
        assert_eq!(
            h,
            [
                (EventType::Agree, 31, 38, "signing"),
                (EventType::Support, 5, 11, "Backed"),
                (EventType::Concede, 5, 16, "Backed down")
            ]
        );
    }

    #[test]
    fn decoding_gives_the_code_points() {
        for t in ["", "a", "é", "ascii only", "“Kābul”", "東京x", "x\u{212a}\u{17f}y", "🙂", "a🙂b—c\n"]
        {
            let mut out = vec!['z'];
            decode_into(t, &mut out);
            assert_eq!(out[1..], t.chars().collect::<Vec<_>>(), "{t:?}");
        }
    }

    /// The events of `text`, with each sentence checked against the bounds
    /// found in the code points of the whole text.
    #[test]
    fn sentences_are_found_within_the_segment_as_in_the_whole_text() {
        let text = "Über-raids in Kābul — “they attacked,” he said — began in March 2019. Then the \
                    Taliban signed a deal on 29 February 2020.\n\nNo date here. Ærø’s talks in 2018 failed. \
                    The U.S. backed down in 2021; in 2022 it withdrew.\n\n- 東京 met them in 2017.\n";
        let doc = crate::normalise(text, &parse_blocks(text, &Hints::default()));
        let ann = Annotations::default();
        let chars: Vec<char> = doc.text.chars().collect();
        let ev = extract_events(&doc, &ann, None);
        assert!(ev.len() >= 6, "{ev:?}");
        for e in &ev {
            let seg = doc.segments.iter().find(|s| s.seq == e.segment_seq).expect("segment");
            let span = seg.span.clone().expect("span");
            assert_eq!(sentence_bounds(&chars, span, e.date_span.0), (e.start, e.end));
            assert_eq!(chars[e.start..e.end].iter().collect::<String>(), e.sentence);
            assert_eq!(chars[e.date_span.0..e.date_span.1].iter().collect::<String>(), e.date_text);
        }
        let types: Vec<EventType> = ev.iter().map(|e| e.event_type).collect();
        assert_eq!(
            types,
            [
                EventType::Assault,
                EventType::Agree,
                EventType::Consult,
                EventType::Concede,
                EventType::Retreat,
                EventType::Consult
            ],
            "{ev:?}"
        );
    }

    #[test]
    fn every_line_of_the_trigger_file_names_a_category() {
        let data = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/en/event_triggers.txt"));
        let lines = crate::lexicon::entries(data);
        assert_eq!(TRIGGERS.len(), lines.len(), "a line with an unknown category is dropped");
        assert_eq!(TRIGGER_WORDS.cats.len(), lines.len());
        let named: std::collections::BTreeSet<EventType> = TRIGGERS.iter().map(|t| t.0).collect();
        assert_eq!(named.len(), EventType::ALL.len() - 1, "every category but OTHER has triggers");
    }

    #[test]
    fn events_are_typed_by_the_nearest_trigger() {
        let e = events(
            "The Taliban and the United States signed a deal in Doha on 29 February 2020. Fighting resumed.",
            None,
        );
        assert_eq!(e.len(), 1);
        assert_eq!((e[0].4, e[0].5.as_deref(), e[0].6), (EventType::Agree, Some("deal"), 2));
        let e = events("A U.S. drone killed the leader in Kabul in July 2022, officials said.", None);
        assert_eq!(
            (e[0].3, e[0].4, e[0].5.as_deref()),
            (DatePrecision::Month, EventType::Assault, Some("killed"))
        );
        let e = events("The United States completed its withdrawal in late August 2021.", None);
        assert_eq!(e[0].4, EventType::Retreat);
        let e = events("The weather in 2019 was mild.", None);
        assert_eq!((e[0].4, e[0].5.clone()), (EventType::Other, None));
    }

    #[test]
    fn a_trigger_inside_a_quotation_counts_only_for_a_date_quoted_with_it() {
        // The date outside, the trigger inside: not what the date dates.
        let e = events("On 3 May 2021 the envoy wrote that “the deal is dead” to the Taliban.", None);
        assert_eq!((e[0].4, e[0].5.clone()), (EventType::Other, None));
        // A trigger outside still counts, even if a quoted one is nearer.
        let e = events("The Taliban attacked the base on 3 May 2021, “breaking the deal,” he said.", None);
        assert_eq!(e[0].5.as_deref(), Some("attacked"));
        // Quoted together, they count; straight marks too.
        let e = events("He said: \"We signed the deal on 3 May 2021 in Doha.\"", None);
        assert_eq!(e[0].5.as_deref(), Some("deal"));
        // A quotation that began in an earlier sentence ends here.
        let e = events("“We will win. The deal is dead,” he said on 3 May 2021.", None);
        assert_eq!((e[0].4, e[0].5.clone()), (EventType::Other, None));
    }

    #[test]
    fn quoted_spans_pair_the_marks() {
        assert_eq!(quoted_spans("a “b” c \"d\" e"), [(2, 5), (8, 11)]);
        assert_eq!(quoted_spans("b” c “d"), [(0, 2), (5, 7)]);
        // A stray closing mark after a pair covers only itself.
        assert_eq!(quoted_spans("“a ”b” c"), [(0, 4), (5, 6)]);
        assert!(quoted_spans("no marks").is_empty());
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
            ("2020-12-02", EventType::Consult, Some("Interview"), 1)
        );
    }

    #[test]
    fn relative_dates_with_and_without_a_publication_date() {
        let text = "The Taliban attacked the town last year, and the United States responded.";
        let with = events(text, Some((jiff::civil::date(2023, 1, 1), DatePrecision::Year)));
        assert_eq!(
            (with[0].1.as_str(), with[0].3, with[0].4),
            ("2022-01-01", DatePrecision::Year, EventType::Assault)
        );
        assert!(events(text, None).is_empty());
    }

    #[test]
    fn references_headings_and_boilerplate_have_no_events() {
        let text = "2 The Taliban after 9/11\n\nReferences\n\n- Bacon, T. (2018) 'Deadly cooperation'. War on the Rocks, 11 September.\n\nCopyright 2021 Example.\n";
        assert!(events(text, None).is_empty());
    }
}

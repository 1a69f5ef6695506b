//! Names found by the built-in recogniser (`crate::ner`): people and
//! organizations become discovered actors (cue `recogniser`), places and
//! other names keep a cue from taking a place for an actor, and a defined
//! acronym ("… the Levant (ISIL)") links to its full name.

use super::discover::{after_role, capitalised_roles, discoverable};
use super::gazetteer::is_word;
use super::terms::{adjective_use, glossed_acronym, group_modifier, work_title, WORK_HEADS};
use super::{ActorRef, DiscoveredActor, DiscoveryCue, Found, Mention, Taken};
use crate::clean::Document;
use crate::hash::{HashMap, HashSet};
use crate::lexicon::{
    occurrences, trim_end_str, word_occurrences, NAME_NEVER_STARTS, NOT_NAMES, ORG_HEADS, PLACES, ROLES,
    ROLE_WORDS, TITLES,
};
use crate::ner::{Entity, EntityKind, Recogniser};
use crate::offsets::CharCounter;
use corpus_parser::ActorType;
use corpus_parser::BlockKind;
use std::ops::Range;
use std::sync::LazyLock;

/// A word list of `data/<lang>/name_words.txt` (one list a line: `name:
/// word, word`), in the file's order; empty if the file has no such list.
pub(super) fn list(name: &str) -> &'static [&'static str] {
    static LISTS: LazyLock<HashMap<&'static str, Vec<&'static str>>> =
        LazyLock::new(|| crate::lexicon::named_lists(crate::language::EN.name_words));
    LISTS.get(name).map_or(&[], Vec::as_slice)
}

/// Honorifics, with or without a full stop (British style: "Mr Brown").
/// Never part of a name; before a surname, they license it.
pub(super) static HONORIFICS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("honorifics"));
/// Honorifics written after a name or title ("Mawlawi Sahib"): never a
/// name alone.
static POST_HONORIFICS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("post_honorifics"));
/// Last words that make a name a place ("Helmand Province").
pub(super) static PLACE_HEADS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("place_heads"));
/// Lower-case words after a name that make it a place ("Takhar province").
static PLACE_NOUNS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("place_nouns"));
/// Words that end the name of a faith or its followers, not of an actor.
static FAITH_WORDS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("faith_words"));
/// Words before a name that make it an operation ("Operation Zarbi Azb").
static OPERATION_LEADS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("operation_leads"));
/// Titles after which "of X" is a portfolio ("Minister of Finance").
static PORTFOLIO_TITLES: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("portfolio_titles"));
/// Verbs of motion after which "to X" makes X a place ("come to Musa Qala").
static MOTION_VERBS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("motion_verbs"));
/// Endings of plural demonyms and members of groups ("Americans").
static GROUP_PLURALS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("group_plural_endings"));

/// A word list as a set: one hash a look-up, not one comparison for each
/// of the list's dozens of words (the lists below are asked about every
/// name the recogniser finds).
fn set_of(list: &[&'static str]) -> HashSet<&'static str> {
    list.iter().copied().collect()
}

/// [`TITLES`] as a set.
static TITLE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set_of(&TITLES));
/// [`ROLES`] as a set.
static ROLE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set_of(&ROLES));
/// [`ROLE_WORDS`] as a set.
static ROLE_WORD_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| set_of(&ROLE_WORDS));
/// [`HONORIFICS`] and [`POST_HONORIFICS`] as sets.
static HONORIFIC_SETS: LazyLock<[HashSet<&'static str>; 2]> =
    LazyLock::new(|| [set_of(&HONORIFICS), set_of(&POST_HONORIFICS)]);
/// [`COMPANY_WORDS`] and [`ORG_HEADS`] as sets.
static COMPANY_SETS: LazyLock<[HashSet<&'static str>; 2]> =
    LazyLock::new(|| [set_of(&COMPANY_WORDS), set_of(&ORG_HEADS)]);

/// Each word list that has a set above, with its set (for the test that
/// they hold the same words).
#[cfg(test)]
pub(super) fn word_sets() -> [(&'static [&'static str], &'static HashSet<&'static str>); 7] {
    [
        (&TITLES, &TITLE_SET),
        (&ROLES, &ROLE_SET),
        (&ROLE_WORDS, &ROLE_WORD_SET),
        (&HONORIFICS, &HONORIFIC_SETS[0]),
        (&POST_HONORIFICS, &HONORIFIC_SETS[1]),
        (&COMPANY_WORDS, &COMPANY_SETS[0]),
        (&ORG_HEADS, &COMPANY_SETS[1]),
    ]
}

/// Whether the segments the recogniser reads include titles, headings and
/// table rows (datelines, results tables), which cue discovery skips.
const SEARCH_HEADINGS: bool = true;

fn searched(kind: BlockKind) -> bool {
    discoverable(kind)
        || (SEARCH_HEADINGS && matches!(kind, BlockKind::Title | BlockKind::Heading | BlockKind::TableRow))
}

/// What the recogniser found in one document, in searched segments.
#[derive(Default)]
pub(super) struct Recognised {
    /// People and organizations (bytes), cleaned of titles and roles.
    pub(super) names: Vec<(Range<usize>, ActorType)>,
    /// The names found at least once in running text (not a title,
    /// heading or table row) other than at the start of a sentence.
    pub(super) in_running_text: HashSet<String>,
    /// The texts of places and other names.
    pub(super) places: HashSet<String>,
    /// The byte spans of places, in text order.
    pub(super) place_spans: Vec<Range<usize>>,
    /// How often each name of `places` was read as a place or other name
    /// (a name derived from a longer place or a defined acronym counts as
    /// a reading too).
    place_readings: HashMap<String, usize>,
    /// How often each name was read as a person or organization, a person
    /// after a title ("Rep. Hakeem Jeffries") counting twice.
    name_readings: HashMap<String, usize>,
    /// What the text says about the names found (see [`WordFacts`]).
    facts: WordFacts,
    /// The names found at least once outside a doubtful segment (see
    /// [`doubtful_spans`]).
    seen_undoubted: HashSet<String>,
    /// Where each name found and each name asked for (see [`recognise`])
    /// occurs, on word boundaries: the walk over the text that finds the
    /// names' facts finds them too.
    pub(super) occurrences: Occurrences,
}

impl Recognised {
    /// Records one reading of `name` as a place or other name (a name
    /// read before is not copied again: most places are read many times).
    fn add_place(&mut self, name: &str) {
        if !self.places.contains(name) {
            self.places.insert(name.to_string());
        }
        match self.place_readings.get_mut(name) {
            Some(n) => *n += 1,
            None => {
                self.place_readings.insert(name.to_string(), 1);
            }
        }
    }

    /// [`Recognised::add_place`] as first written (the reference it is
    /// tested against).
    #[cfg(test)]
    fn add_place_plain(&mut self, name: &str) {
        self.places.insert(name.to_string());
        *self.place_readings.entry(name.to_string()).or_default() += 1;
    }

    /// Whether `name` is read as a place or other name: a name of one word
    /// once is enough ("Jordan", "Twitter" after "on"); a longer name at
    /// least as often as a person or organization ("Hakeem Jeffries" read
    /// once after "information on" stays the person "Rep. Hakeem
    /// Jeffries" is).
    pub(super) fn place(&self, name: &str) -> bool {
        self.place_readings
            .get(name)
            .is_some_and(|&n| !name.contains(' ') || n >= self.name_readings.get(name).copied().unwrap_or(0))
    }
}

/// How much a reading of a person or organization counts in the vote on a
/// name's type: a person after a title ("President Obama") twice.
fn title_weight(text: &str, r: &Range<usize>, kind: ActorType) -> usize {
    if kind == ActorType::Person && super::gazetteer::title_before(text, r.start).is_some() {
        2
    } else {
        1
    }
}

/// The byte spans of the document's segments of the kinds `keep` takes.
fn byte_spans(
    doc: &Document,
    all: &[Option<Range<usize>>],
    keep: fn(BlockKind) -> bool,
) -> Vec<Range<usize>> {
    doc.segments.iter().zip(all).filter(|(s, _)| keep(s.kind)).filter_map(|(_, r)| r.clone()).collect()
}

/// The byte span of every segment (`None` for one without a span), in
/// one walk over the text, for [`byte_spans`].
fn segment_bytes(doc: &Document) -> Vec<Option<Range<usize>>> {
    let mut index = CharCounter::new(doc.text.as_str());
    doc.segments
        .iter()
        .map(|s| s.span.as_ref().map(|r| index.byte_of(r.start)..index.byte_of(r.end)))
        .collect()
}

/// Whether `r` lies inside one of `spans` (sorted, not overlapping).
fn within(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    let k = spans.partition_point(|s| s.end <= r.start);
    spans.get(k).is_some_and(|s| s.start <= r.start && r.end <= s.end)
}

/// Runs the recogniser over a document (the whole text: its features read
/// the document) and keeps the entities in searched segments. The
/// occurrences of `also` (names discovered otherwise) are found with the
/// recognised names'.
pub(super) fn recognise(doc: &Document, also: &[&str]) -> Recognised {
    let text = doc.text.as_str();
    let Ok(model) = Recogniser::english() else { return Recognised::default() };
    let all = segment_bytes(doc);
    let spans = byte_spans(doc, &all, searched);
    let running = byte_spans(doc, &all, discoverable);
    let inside = |e: &Entity| within(&spans, &(e.start..e.end));
    let in_running = |r: &Range<usize>| within(&running, r);
    let doubtful = doubtful_spans(doc);
    let mut out = Recognised::default();
    let mut names: Vec<(Range<usize>, ActorType)> = Vec::new();
    for e in model.recognise_in(text, &spans).into_iter().filter(inside) {
        match e.kind {
            EntityKind::Person | EntityKind::Organization => {
                let kind =
                    if e.kind == EntityKind::Person { ActorType::Person } else { ActorType::Organization };
                if let Some(r) = clean_span(text, e.start..e.end, kind) {
                    let kind = kind_of_name(&text[r.clone()], kind);
                    names.push((r, kind));
                }
            }
            EntityKind::Location | EntityKind::Misc => {
                if e.kind == EntityKind::Location {
                    out.place_spans.push(e.start..e.end);
                }
                let place = &text[e.start..e.end];
                // "Takhar Province": "Takhar" alone is the place too.
                if let Some((first, head)) = place.rsplit_once(' ') {
                    if PLACE_HEADS.contains(&head) && !first.contains(' ') {
                        out.add_place(first);
                    }
                }
                out.add_place(place);
                // "Khyber Pakhtunkhwa (KPK)": the acronym is the place too.
                if let Some(acr) = defined_acronym(text, e.end) {
                    if initials_fit(acr, place) {
                        out.add_place(acr);
                    }
                }
            }
        }
    }
    for (r, kind) in split_coordinated(text, names) {
        if in_running(&r) && !sentence_initial(text, r.start) {
            out.in_running_text.insert(text[r.clone()].to_string());
        }
        if !within(&doubtful, &r) {
            out.seen_undoubted.insert(text[r.clone()].to_string());
        }
        *out.name_readings.entry(text[r.clone()].to_string()).or_default() += title_weight(text, &r, kind);
        out.names.push((r, kind));
    }
    // The names the vote keeps as people or organizations are no places
    // for what reads `places` next (a list's neighbours, acronyms).
    let kept: Vec<String> = out.places.iter().filter(|p| !out.place(p)).cloned().collect();
    for name in &kept {
        out.places.remove(name);
    }
    let body_spans = byte_spans(doc, &all, body);
    let mut names: Vec<&str> = out.names.iter().map(|(r, _)| &text[r.clone()]).collect();
    names.sort_unstable();
    names.dedup();
    (out.facts, out.occurrences) = WordFacts::of(text, &names, also, &body_spans, &out.places);
    out
}

/// The recogniser's people and organizations with each reading of two
/// names joined by "and" ("Cruz and Trump", "Abe and Park") read as the
/// two, when they are known apart: both read alone elsewhere in the
/// document or the surnames of people read there ("Shinzo Abe"), or, for
/// a reading as one person (no person is named "A and B"), one of them.
/// Each takes the type it is read with alone (its first such reading),
/// else the other's (two joined names are alike). An organization with
/// "and" inside stays whole when a part is not known apart ("Barnes and
/// Noble" in a text that names Fred Barnes, "Henry Holt and Company").
pub(super) fn split_coordinated(
    text: &str,
    names: Vec<(Range<usize>, ActorType)>,
) -> Vec<(Range<usize>, ActorType)> {
    if !names.iter().any(|(r, _)| text[r.clone()].contains(" and ")) {
        return names;
    }
    let mut alone: HashMap<&str, ActorType> = HashMap::default();
    for (r, kind) in &names {
        let name = &text[r.clone()];
        if !name.contains(" and ") {
            alone.entry(name).or_insert(*kind);
        }
    }
    for (r, kind) in &names {
        let name = &text[r.clone()];
        if *kind == ActorType::Person && !name.contains(" and ") {
            if let Some((_, surname)) = name.rsplit_once(' ') {
                alone.entry(surname).or_insert(ActorType::Person);
            }
        }
    }
    let mut out = Vec::with_capacity(names.len() + 2);
    for (r, kind) in names {
        let name = &text[r.clone()];
        let parts = name.split_once(" and ").filter(|(_, b)| !b.contains(" and ")).and_then(|(a, b)| {
            let (b_at, b) = match b.strip_prefix("the ") {
                Some(rest) => (a.len() + " and the ".len(), rest),
                None => (a.len() + " and ".len(), b),
            };
            let capitalised = |w: &str| w.starts_with(char::is_uppercase);
            let known = match kind {
                ActorType::Person => alone.contains_key(a) || alone.contains_key(b),
                _ => alone.contains_key(a) && alone.contains_key(b),
            };
            (capitalised(a) && capitalised(b) && known)
                .then_some((r.start..r.start + a.len(), r.start + b_at..r.end))
        });
        match parts {
            Some((a, b)) => {
                let (ka, kb) = (alone.get(&text[a.clone()]).copied(), alone.get(&text[b.clone()]).copied());
                out.push((a, ka.or(kb).unwrap_or(kind)));
                out.push((b, kb.or(ka).unwrap_or(kind)));
            }
            None => out.push((r, kind)),
        }
    }
    out
}

/// Segments of the body: where a name found only in doubtful segments
/// must occur at least once to be trusted.
fn body(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Paragraph | BlockKind::BlockQuote | BlockKind::ListItem | BlockKind::Standfirst)
}

/// The byte spans of the segments where a name alone is no evidence:
/// title-case titles and headings, which capitalise every word ("Defiant
/// Local Partners", "Appendix"), and notes and captions, which cite.
fn doubtful_spans(doc: &Document) -> Vec<Range<usize>> {
    let text = doc.text.as_str();
    let mut index = CharCounter::new(text);
    doc.segments
        .iter()
        .filter_map(|s| {
            let r = s.span.as_ref().map(|r| index.byte_of(r.start)..index.byte_of(r.end))?;
            let doubtful = match s.kind {
                BlockKind::Title | BlockKind::Heading => title_case(&text[r.clone()]),
                BlockKind::Footnote | BlockKind::Caption => true,
                _ => false,
            };
            doubtful.then_some(r)
        })
        .collect()
}

/// Whether a line is title case: every word of four letters or more
/// capitalised (quotation marks before it aside), some letter in lower
/// case (an all-capitals headline is not), and no digit unless a short
/// function word is capitalised too, as headlines write them ("… On These
/// 2 States"; a results line, "Leeds 2 Ajax 1", has none).
pub(super) fn title_case(line: &str) -> bool {
    let lower = line.chars().any(char::is_lowercase);
    let digit = line.chars().any(|c| c.is_ascii_digit());
    // Less the quotation marks before a word ("‘Troubling.’"); not
    // brackets, as in results ("Petr Korda (Czech Republic) bat …").
    let words = || line.split_whitespace().map(|w| w.trim_start_matches(['\'', '"', '\u{2018}', '\u{201c}']));
    let headline_word = || words().any(|w| HEADLINE_WORDS.contains(&w));
    lower
        && (!digit || headline_word())
        && words()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// Short function words a title-case headline capitalises (not "At" or
/// "A", which start results and tables: "At Worcester: Warwickshire 310").
const HEADLINE_WORDS: [&str; 10] = ["To", "In", "On", "Of", "For", "And", "The", "Is", "Are", "With"];

/// The words a name never starts with: titles, honorifics, roles, words
/// that are not names, "the".
static LEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    TITLES
        .iter()
        .chain(HONORIFICS.iter())
        .chain(ROLES.iter())
        .chain(ROLE_WORDS.iter())
        .chain(NOT_NAMES.iter())
        .chain(NAME_NEVER_STARTS.iter())
        .copied()
        .collect()
});

/// The words an organization's name never starts with: words that are
/// not names, "the". A title is part of it ("General Motors Corp",
/// "Judge Advocate General's Corps").
static ORG_LEADS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| NOT_NAMES.iter().chain(NAME_NEVER_STARTS.iter()).copied().collect());

/// The first words of [`LEADS`] ("Prime" of "Prime Minister").
static LEAD_FIRST_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| LEADS.iter().map(|l| l.split(' ').next().unwrap_or(l)).collect());

/// The first words of [`ORG_LEADS`].
static ORG_LEAD_FIRST_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| ORG_LEADS.iter().map(|l| l.split(' ').next().unwrap_or(l)).collect());

/// Last words that make a name a company's ("Haden MacLellan Holding").
static COMPANY_WORDS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("company_words"));

/// The type of a name: an organization if its last word is a company's
/// ("Sansui Electric Co", "Deseret Bancorp") or an organization's head
/// word ("Haqqani Network"), whatever the model or a cue says; else `kind`.
pub(super) fn kind_of_name(name: &str, kind: ActorType) -> ActorType {
    let last = name.rsplit(' ').next().unwrap_or(name);
    if name.contains(' ') && (COMPANY_SETS[0].contains(last) || COMPANY_SETS[1].contains(last)) {
        ActorType::Organization
    } else {
        kind
    }
}

/// The span of a name of `kind` without leading titles, honorifics,
/// roles (a person's only) or "the", and without a trailing possessive or
/// full stop; `None` if nothing is left, or if the span holds a comma
/// ("Rockford, Ill", "Marines, Army": a place and its state, a list; not
/// a firm's: "Goldman, Sachs and Co"),
/// a bracket, an underscore (a dateline's "(AP)_") or a double quotation
/// mark ("Mostly False.“").
pub(super) fn clean_span(text: &str, mut r: Range<usize>, kind: ActorType) -> Option<Range<usize>> {
    let (leads, lead_first) = match kind {
        ActorType::Person => (&*LEADS, &*LEAD_FIRST_WORDS),
        _ => (&*ORG_LEADS, &*ORG_LEAD_FIRST_WORDS),
    };
    // "Said Comey, “…”": "Said" opening a sentence before a name, a comma
    // or a colon and a quote is the inverted cue, not a given name.
    if kind == ActorType::Person && text[r.clone()].starts_with("Said ") && sentence_initial(text, r.start) {
        let after = text[r.end..].trim_start_matches([',', ':']).trim_start();
        if text[r.end..].starts_with([',', ':']) && after.starts_with(['“', '"']) {
            r.start += "Said ".len();
        }
    }
    loop {
        let s = &text[r.clone()];
        // Most names start with no lead word at all: one look-up says so.
        let first = s.split(' ').next().unwrap_or(s);
        // A one-word title in the plural ("Senators Charles E. Grassley
        // and Patrick J. Leahy") leads a name as the singular does.
        let plural_title =
            kind == ActorType::Person && first.strip_suffix('s').is_some_and(|t| TITLE_SET.contains(t));
        // A hyphenated description before a name ("Botox-maker
        // Allergan", "Iran-backed Hezbollah", "Sydney-based Qantas"); not a
        // particle of two letters or fewer ("Sar-e Pul", "Hizb-e Islami").
        let described = first
            .rsplit_once('-')
            .is_some_and(|(_, d)| d.len() >= 3 && d.bytes().all(|b| b.is_ascii_lowercase()));
        if (plural_title || described) && s.len() > first.len() {
            r.start += first.len() + 1;
            continue;
        }
        if !lead_first.contains(first) {
            break;
        }
        let lead = leads
            .iter()
            .filter(|t| s.starts_with(**t) && s[t.len()..].starts_with(' '))
            .map(|t| t.len() + 1)
            .max();
        match lead {
            Some(n) => r.start += n,
            None => break,
        }
    }
    if kind == ActorType::Person {
        // A role inside the span: the name is what follows it ("Miami-Dade
        // Mayor Alex Penelas").
        let s = &text[r.clone()];
        let words: Vec<&str> = s.split(' ').collect();
        let k = after_role(&words);
        if k > 0 {
            r.start += words[..k].iter().map(|w| w.len() + 1).sum::<usize>();
        }
    }
    if kind == ActorType::Organization {
        r.end = r.start + without_position(&text[r.clone()], &text[r.end..]).len();
    }
    let s = &text[r.clone()];
    let trimmed = trim_end_str(s, "'s").trim_end_matches('\u{2019}').trim_end_matches(['.', ',']);
    let trimmed = trimmed.strip_suffix("\u{2019}s").unwrap_or(trimmed);
    r.end = r.start + trimmed.len();
    let s = &text[r.clone()];
    // A comma joins a firm's partners ("Goldman, Sachs and Co", "Bailard,
    // Biehl and Kaiser"), else a place and its state or a list.
    let last = s.rsplit(' ').next().unwrap_or(s);
    let firm = COMPANY_SETS[0].contains(last) || s.contains(" and ") || s.contains('&');
    let bad = s.is_empty()
        || s.contains(|c: char| {
            (c.is_whitespace() && c != ' ')
                || matches!(c, '(' | ')' | '[' | ']' | '_' | '"' | '\u{201c}' | '\u{201d}')
                || (c == ',' && !firm)
        })
        || ends_with_head(s)
        || TITLE_SET.contains(s)
        || NAME_NEVER_STARTS.contains(s)
        // A court case ("Roe v. Wade", "Citizens United vs. FEC").
        || s.contains(" v. ")
        || s.contains(" vs. ")
        || party_and_state(s)
        || s.strip_suffix('s').is_some_and(|t| TITLE_SET.contains(t))
        || HONORIFIC_SETS[0].contains(s)
        || HONORIFIC_SETS[1].contains(s)
        || ROLE_SET.contains(s)
        || role_phrase(s, kind)
        || !s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    (!bad).then_some(r)
}

/// [`PLACE_HEADS`] and [`WORK_HEADS`]: those of one word as a set, the
/// others in a list.
static NAME_HEADS: LazyLock<(HashSet<&'static str>, Vec<&'static str>)> = LazyLock::new(|| {
    let (one, more): (Vec<&'static str>, Vec<&'static str>) =
        PLACE_HEADS.iter().chain(WORK_HEADS.iter()).partition(|h| !h.contains(' '));
    (one.into_iter().collect(), more)
});

/// Whether `s` ends with a place's or a work's head word after a space
/// ("Musa Qala District"): the word after its last space for a head of
/// one word.
pub(super) fn ends_with_head(s: &str) -> bool {
    let (one, more) = &*NAME_HEADS;
    s.rsplit_once(' ').is_some_and(|(_, last)| one.contains(last))
        || more.iter().any(|h| s.strip_suffix(h).is_some_and(|rest| rest.ends_with(' ')))
}

/// Words of a person's position (`position_words`, and the roles of
/// `roles.txt` capitalised).
static POSITION_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    list("position_words").iter().map(|w| w.to_string()).chain(capitalised_roles()).collect()
});

/// An organization's name without the words of a person's position that
/// end it before a capitalised word (`after`: the text after the name):
/// "PolitiFact Executive" before "Director Aaron Sharockman" is
/// "PolitiFact", "Democratic National Committee Chair" before "Debbie
/// Wasserman Schultz" the committee. Not after "of", "the", "for" or
/// "and" ("Office of the President"), and not when only such words
/// would be left.
fn without_position<'a>(name: &'a str, after: &str) -> &'a str {
    let before_name = after.strip_prefix(' ').is_some_and(|a| a.starts_with(char::is_uppercase));
    if !before_name {
        return name;
    }
    let mut kept = name;
    while let Some((head, last)) = kept.rsplit_once(' ') {
        let before = head.rsplit(' ').next().unwrap_or(head);
        if !POSITION_WORDS.contains(last) || matches!(before, "of" | "the" | "for" | "and") {
            break;
        }
        kept = head;
    }
    if kept.split(' ').all(|w| POSITION_WORDS.contains(w)) {
        return name;
    }
    kept
}

/// A legislator's party and state after the name ("Bob Corker, R-Tenn.",
/// "Jeff Merkley (D-Ore.)", "R-S.C."): no actor.
fn party_and_state(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() <= 8
        && matches!(b.first(), Some(b'R' | b'D' | b'I'))
        && b.get(1) == Some(&b'-')
        && b.get(2).is_some_and(u8::is_ascii_uppercase)
}

/// Whether a name is a role: a person's that ends in a role noun
/// ("Clinton Chief", "Party Leader"), or a party or role word before "of"
/// ("Democrat of Vermont", "Speaker of the House"; not a title, which
/// also names: "Queen of the South" is a club).
fn role_phrase(s: &str, kind: ActorType) -> bool {
    let mut words = s.split(' ');
    let first = words.next().unwrap_or(s);
    let role_of = words.next() == Some("of") && ROLE_WORD_SET.contains(first);
    let last = s.rsplit(' ').next().unwrap_or(s);
    let ends_in_role = kind == ActorType::Person
        && last.len() < s.len()
        && last.starts_with(char::is_uppercase)
        && ROLE_SET.contains(last.to_lowercase().as_str());
    role_of || ends_in_role
}

/// What the text says about the names the recogniser found, read from
/// their occurrences (see [`WordFacts::of`]): which occur only after
/// "the ", which read as places or terms. Asked about those names only.
#[derive(Default)]
struct WordFacts {
    /// Names seen on word boundaries, every time right after "the ".
    only_after_the: HashSet<String>,
    /// Names seen at least once in the body (see [`body`]).
    in_body: HashSet<String>,
    /// Names seen after "in " or "near " (not as a possessive), before a
    /// place noun, or in a comma list next to a place: places.
    place_like: HashSet<String>,
    /// Names every occurrence of which reads as a term, not an actor (see
    /// [`term_context`]).
    term_like: HashSet<String>,
    /// Names every occurrence of which qualifies a group ("Ansar
    /// factions"): not a person's.
    group_modifier: HashSet<String>,
}

/// Where words occur in a text, on word boundaries, exact case (see
/// [`word_occurrences`]): the words asked for, sorted, once each, and
/// the starts of each. A look-up is a binary search: no map to build
/// for the hundreds of words of a document, of which few are looked up.
#[derive(Default)]
pub(super) struct Occurrences {
    words: Vec<String>,
    starts: Vec<Vec<usize>>,
}

impl Occurrences {
    /// Finds where each of `words` (sorted, once each) occurs in `text`.
    fn of(text: &str, words: Vec<String>) -> Occurrences {
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let starts = word_occurrences(text, &refs);
        Occurrences { words, starts }
    }

    /// Where `word` occurs, if it is one of the words asked for.
    pub(super) fn get(&self, word: &str) -> Option<&[usize]> {
        let k = self.words.binary_search_by(|w| w.as_str().cmp(word)).ok()?;
        self.starts.get(k).map(Vec::as_slice)
    }

    /// Whether `word`, one of the words asked for, occurs in the text.
    fn word_in(&self, word: &str) -> bool {
        self.get(word).is_some_and(|s| !s.is_empty())
    }
}

/// The words [`WordFacts::of`] reads for `names`: each name, and for a
/// one-word name that is no acronym its lower-case form, its plural and,
/// if it ends in "s", its singular; sorted, once each.
fn fact_words(names: &[&str]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for n in names {
        words.push(n.to_string());
        if n.contains(' ') || acronym(n) {
            continue;
        }
        words.push(n.to_lowercase());
        words.push(format!("{n}s"));
        if let Some(stem) = n.strip_suffix('s') {
            words.push(stem.to_string());
        }
    }
    words.sort_unstable();
    words.dedup();
    words
}

impl WordFacts {
    /// Where `names` (sorted, once each), the other words of
    /// [`fact_words`] and `also` occur; and the facts about `names`, the
    /// only words asked about (the other words are only asked whether
    /// they occur: [`Occurrences::word_in`]). (Never inlined: profiles
    /// show it apart.)
    #[inline(never)]
    fn of(
        text: &str,
        names: &[&str],
        also: &[&str],
        body: &[Range<usize>],
        places: &HashSet<String>,
    ) -> (WordFacts, Occurrences) {
        let mut all = fact_words(names);
        all.extend(also.iter().map(|w| w.to_string()));
        all.sort_unstable();
        all.dedup();
        let occurrences = Occurrences::of(text, all);
        let mut facts = WordFacts::default();
        for &word in names {
            let clean = occurrences.get(word).unwrap_or_default();
            if !clean.is_empty() {
                facts.read(text, word, clean, body, places);
            }
        }
        (facts, occurrences)
    }

    /// Reads the facts about `word` from its occurrences `clean` (not
    /// none).
    fn read(
        &mut self,
        text: &str,
        word: &str,
        clean: &[usize],
        body: &[Range<usize>],
        places: &HashSet<String>,
    ) {
        if clean.iter().all(|&at| text[..at].ends_with("the ")) {
            self.only_after_the.insert(word.to_string());
        }
        if clean.iter().any(|&at| within(body, &(at..at + word.len()))) {
            self.in_body.insert(word.to_string());
        }
        if clean.iter().all(|&at| term_context(text, at, at + word.len())) {
            self.term_like.insert(word.to_string());
        }
        if clean.iter().all(|&at| group_modifier(text, at + word.len())) {
            self.group_modifier.insert(word.to_string());
        }
        if clean.iter().any(|&at| place_like(text, at, at + word.len(), places) || moved_to(text, at)) {
            self.place_like.insert(word.to_string());
        }
    }
}

/// Whether the occurrence `at..end` of a name reads as a place's: after
/// "in " or "near " (not as a possessive), before a place noun, or in a
/// comma list next to a place (listed, or read as one: `places`).
fn place_like(text: &str, at: usize, end: usize, places: &HashSet<String>) -> bool {
    let head = &text[..at];
    let after = &text[end..];
    // Each reading in turn, the cheapest first.
    let possessive = || after.starts_with("'s") || after.starts_with("\u{2019}s");
    if (head.ends_with(" in ") || head.ends_with(" near ")) && !possessive() {
        return true;
    }
    let noun = after.strip_prefix(' ').is_some_and(|a| {
        PLACE_NOUNS.iter().any(|p| a.starts_with(p) && !is_word(a[p.len()..].chars().next()))
    });
    if noun {
        return true;
    }
    let goes_on = after.starts_with(',') || after.starts_with(" and ");
    // The items before and after, read only where a list separator is
    // next to the name (most occurrences have none, and an item can run
    // back to the line's start).
    let before = trim_end_str(trim_end_str(head, ", "), " and ");
    let prev = || before.rsplit([',', '(', '\n']).next().unwrap_or(before).trim();
    let next = || {
        let next = after.trim_start_matches([',', ' ']).trim_start_matches("and ");
        next.split([',', '.', ';', ')', '\n']).next().unwrap_or(next).trim()
    };
    let listed = |w: &str| !w.is_empty() && (places.contains(w) || PLACES.contains(w));
    // A place that ends the item before ("throughout Panjshir, Sar-e Pul,
    // Takhar"), if the list goes on after the name (not "In Seattle, Pete
    // Incaviglia's …").
    let listed_end = |s: &str| listed(s) || (goes_on && last_words(s, 3).any(listed));
    (before.len() < at && listed_end(prev())) || (after.starts_with(',') && listed(next()))
}

/// Whether the name at `at` follows a verb of motion and "to" ("come to
/// Musa Qala"): a place.
fn moved_to(text: &str, at: usize) -> bool {
    let before = text[..at].strip_suffix(" to ").unwrap_or("");
    let verb = before.rsplit([' ', '\n']).next().unwrap_or("");
    !before.is_empty() && MOTION_VERBS.contains(&verb)
}

/// Adds `names` as places one by one with [`Recognised::add_place`] and
/// with the reference, and checks that the places and their readings
/// come out the same; the number of places.
#[cfg(test)]
pub(super) fn places_agree(names: &[&str]) -> usize {
    let (mut fast, mut plain) = (Recognised::default(), Recognised::default());
    for name in names {
        fast.add_place(name);
        plain.add_place_plain(name);
        assert_eq!(fast.places, plain.places);
        assert_eq!(fast.place_readings, plain.place_readings);
    }
    fast.places.len()
}

/// The word facts as first read (the reference [`WordFacts::of`] is
/// tested against): every fact of every word of [`fact_words`], a set of
/// the words seen, a map of every word's occurrences.
#[cfg(test)]
pub(super) struct PlainFacts {
    pub(super) seen: HashSet<String>,
    pub(super) sets: [HashSet<String>; 5],
    pub(super) occurrences: HashMap<String, Vec<usize>>,
}

/// [`WordFacts::of`] as first written (see [`PlainFacts`]).
#[cfg(test)]
pub(super) fn plain_word_facts(
    text: &str,
    names: &[&str],
    also: &[&str],
    body: &[Range<usize>],
    places: &HashSet<String>,
) -> PlainFacts {
    let words = fact_words(names);
    let mut all: Vec<&str> = words.iter().map(String::as_str).chain(also.iter().copied()).collect();
    all.sort_unstable();
    all.dedup();
    let occurrences: HashMap<String, Vec<usize>> =
        all.iter().map(|w| w.to_string()).zip(word_occurrences(text, &all)).collect();
    let mut seen = HashSet::default();
    let mut sets: [HashSet<String>; 5] = Default::default();
    let [only_after_the, in_body, place_like_set, term_like, group_modifier_set] = &mut sets;
    for word in &words {
        let clean = occurrences.get(word).map_or(&[][..], Vec::as_slice);
        if clean.is_empty() {
            continue;
        }
        if clean.iter().all(|&at| text[..at].ends_with("the ")) {
            only_after_the.insert(word.clone());
        }
        if clean.iter().any(|&at| within(body, &(at..at + word.len()))) {
            in_body.insert(word.clone());
        }
        let place_like = |at: usize| {
            let after = &text[at + word.len()..];
            let possessive = after.starts_with("'s") || after.starts_with("\u{2019}s");
            let before_in = text[..at].ends_with(" in ") || text[..at].ends_with(" near ");
            let noun = after.strip_prefix(' ').is_some_and(|a| {
                PLACE_NOUNS.iter().any(|p| a.starts_with(p) && !is_word(a[p.len()..].chars().next()))
            });
            let before = trim_end_str(trim_end_str(&text[..at], ", "), " and ");
            let prev = || before.rsplit([',', '(', '\n']).next().unwrap_or(before).trim();
            let next = || {
                let next = after.trim_start_matches([',', ' ']).trim_start_matches("and ");
                next.split([',', '.', ';', ')', '\n']).next().unwrap_or(next).trim()
            };
            let listed = |w: &str| !w.is_empty() && (places.contains(w) || PLACES.contains(w));
            let goes_on = after.starts_with(',') || after.starts_with(" and ");
            let listed_end = |s: &str| listed(s) || (goes_on && last_words(s, 3).any(listed));
            let in_list =
                (before.len() < at && listed_end(prev())) || (after.starts_with(',') && listed(next()));
            (before_in && !possessive) || noun || in_list
        };
        if clean.iter().all(|&at| term_context(text, at, at + word.len())) {
            term_like.insert(word.clone());
        }
        if clean.iter().all(|&at| group_modifier(text, at + word.len())) {
            group_modifier_set.insert(word.clone());
        }
        let moved_to = |at: usize| {
            let before = text[..at].strip_suffix(" to ").unwrap_or("");
            let verb = before.rsplit([' ', '\n']).next().unwrap_or("");
            !before.is_empty() && MOTION_VERBS.contains(&verb)
        };
        if clean.iter().any(|&at| place_like(at) || moved_to(at)) {
            place_like_set.insert(word.clone());
        }
        seen.insert(word.clone());
    }
    PlainFacts { seen, sets, occurrences }
}

/// The facts [`WordFacts::of`] reads, against [`plain_word_facts`]: for
/// each name, each fact; for each word of [`fact_words`], whether it
/// occurs; for each word and `also`, where. How often each fact holds
/// (the five facts, then "occurs"), for the caller to check that the
/// texts exercise them.
#[cfg(test)]
pub(super) fn word_facts_agree(
    text: &str,
    names: &[&str],
    also: &[&str],
    body: &[Range<usize>],
    places: &HashSet<String>,
) -> [usize; 6] {
    let plain = plain_word_facts(text, names, also, body, places);
    let (facts, occurrences) = WordFacts::of(text, names, also, body, places);
    let fast =
        [&facts.only_after_the, &facts.in_body, &facts.place_like, &facts.term_like, &facts.group_modifier];
    let mut held = [0; 6];
    for name in names {
        for (k, set) in fast.iter().enumerate() {
            assert_eq!(
                set.contains(*name),
                plain.sets[k].contains(*name),
                "fact {k} of {name:?} in {text:?}"
            );
            held[k] += usize::from(set.contains(*name));
        }
    }
    for w in fact_words(names) {
        assert_eq!(occurrences.word_in(&w), plain.seen.contains(&w), "{w:?} in {text:?}");
        held[5] += usize::from(plain.seen.contains(&w));
    }
    for (w, starts) in &plain.occurrences {
        assert_eq!(occurrences.get(w), Some(starts.as_slice()), "{w:?} in {text:?}");
    }
    held
}

/// Whether the occurrence `at..end` of a name reads as a term, not an
/// actor: the name of an operation ("Operation Zarbi Azb"), a portfolio
/// ("Deputy Minister of International Affairs"), a word glossed in
/// brackets for the reader ("Istikhbarato [intelligence]", "Daridam [an
/// area of Kunar]"), or the whole of a quotation ("the “Land of
/// Emigration,”").
fn term_context(text: &str, at: usize, end: usize) -> bool {
    let before = &text[..at];
    let after = &text[end..];
    let prev_word = |s: &str| s.trim_end().rsplit(' ').next().unwrap_or("").to_string();
    let operation = OPERATION_LEADS.iter().any(|l| before.strip_suffix(' ').is_some_and(|b| b.ends_with(l)));
    let portfolio =
        before.strip_suffix(" of ").is_some_and(|b| PORTFOLIO_TITLES.contains(&prev_word(b).as_str()));
    // "[intelligence]", "[an area of Kunar]", "(a district near …)"; not
    // "(up 2 pct)".
    let gloss = after.strip_prefix(' ').unwrap_or(after);
    let glossed = gloss.strip_prefix('[').is_some_and(|g| g.starts_with(char::is_lowercase))
        || gloss.strip_prefix('(').is_some_and(|g| g.starts_with("a ") || g.starts_with("an "));
    let opens = ['"', '\'', '\u{201c}', '\u{2018}'];
    let closes = ['"', '\'', '\u{201d}', '\u{2019}'];
    let quoted = before.ends_with(opens)
        && after.trim_start_matches([',', '.']).starts_with(closes)
        && !after.starts_with("\u{2019}s");
    operation || portfolio || glossed || quoted || work_title(text, at, end) || adjective_use(text, at)
}

/// "Administration" alone: the generic head of a name, not a name.
pub(super) fn head_alone(name: &str) -> bool {
    !name.contains(' ') && COMPANY_SETS[1].contains(name)
}

/// Whether a recognised name may stand as an actor: found outside a
/// doubtful segment or seen in the body at least once, not named like a
/// faith or its followers, and, for a
/// person, never read as a place ("in Takhar", "Musa Qala district").
fn trusted(facts: &WordFacts, rec: &Recognised, name: &str, kind: ActorType) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    let faith = FAITH_WORDS.contains(&last);
    let group = !name.contains(' ') && !acronym(name) && GROUP_PLURALS.iter().any(|e| name.ends_with(e));
    let place = rec.place(name) || (kind == ActorType::Person && facts.place_like.contains(name));
    let seen = rec.seen_undoubted.contains(name) || facts.in_body.contains(name);
    let term = facts.term_like.contains(name)
        || (kind == ActorType::Person && !name.contains(' ') && facts.group_modifier.contains(name));
    seen && !faith && !group && !place && !head_alone(name) && !term
}

/// Whether a one-word name is also a common word: in the list of
/// capitalised words that are not names, or written in lower case
/// elsewhere in the document. An acronym ("WTO") never is.
fn common_word(occurrences: &Occurrences, name: &str) -> bool {
    if name.contains(' ') || acronym(name) {
        return false;
    }
    NOT_NAMES.contains(name) || occurrences.word_in(&name.to_lowercase())
}

/// Whether a one-word name (not an acronym) lacks the evidence to stand
/// as an actor of its own: the surname of a fuller person's name (short
/// forms link it to that person), a plural or the singular of a plural of
/// the document ("Muslims", "Zawahiris"), elsewhere a place or other name
/// ("Sunni"), always after "the " ("the Nineties"), or, for a person,
/// seen only in titles, headings and tables or at the start of sentences.
fn thin_word(
    facts: &WordFacts,
    rec: &Recognised,
    name: &str,
    kind: ActorType,
    surnames: &HashSet<&str>,
    curated_short: &dyn Fn(&str) -> bool,
) -> bool {
    let plural = name.strip_suffix('s').is_some_and(|stem| rec.occurrences.word_in(stem));
    let singular = rec.occurrences.word_in(&format!("{name}s"));
    surnames.contains(name)
        || curated_short(name)
        || plural
        || singular
        || rec.place(name)
        || (kind == ActorType::Person && !rec.in_running_text.contains(name))
        || facts.only_after_the.contains(name)
}

/// Whether `at` starts a sentence or line: only quote marks, brackets and
/// spaces between it and a line break, the text's start, or ". ", "! ", "? ".
fn sentence_initial(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '"', '\'', '`', '\u{2018}', '\u{201c}', '(', '[']);
    before.is_empty() || before.ends_with(['\n', '.', '!', '?', ':'])
}

/// Two or more capitals and nothing else but digits, "&", "." or "-".
fn acronym(name: &str) -> bool {
    name.chars().filter(|c| c.is_uppercase()).count() >= 2
        && name.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '&' | '.' | '-'))
}

/// Merges the recogniser's names into the cue-discovered actors: a cue
/// name the recogniser calls a place or other name goes; a cue name it
/// types otherwise takes its type; a new name (not over a gazetteer
/// mention, not a common word, not the surname of a fuller name of the
/// document, which short-form linking gives to that name) is added.
pub(super) fn merge(
    text: &str,
    rec: &Recognised,
    found: &[Found],
    curated_short: &dyn Fn(&str) -> bool,
    discovered: &mut Vec<DiscoveredActor>,
) {
    discovered.retain(|d| !rec.place(&d.name) && !PLACES.contains(d.name.as_str()));
    // The names read as places (not the other names of `rec.places`:
    // "Democrats" makes no region of "Southern Democrats").
    let locations: HashSet<&str> = rec.place_spans.iter().map(|r| &text[r.clone()]).collect();
    discovered.retain(|d| !region(&d.name, &locations));
    // A title cue's name that ends an organization's: the title word
    // starts the organization ("General Motors Acceptance Corp").
    let orgs: Vec<&str> = rec
        .names
        .iter()
        .filter(|(_, k)| *k == ActorType::Organization)
        .map(|(r, _)| &text[r.clone()])
        .collect();
    discovered.retain(|d| d.cue != DiscoveryCue::Title || !orgs.iter().any(|o| ends_with_name(o, &d.name)));
    // The type of each name that the recogniser reads most often (one
    // headline's reading does not outvote the text's); on a tie, as before
    // the vote: the first reading of a name found by a cue, the reading
    // that made an actor of a name found by the recogniser alone. A person
    // read after a title ("President Obama") counts twice.
    let mut votes: HashMap<&str, Vec<(ActorType, usize)>> = HashMap::default();
    for (r, kind) in &rec.names {
        let weight = title_weight(text, r, *kind);
        let v = votes.entry(&text[r.clone()]).or_default();
        match v.iter_mut().find(|(k, _)| k == kind) {
            Some((_, n)) => *n += weight,
            None => v.push((*kind, weight)),
        }
    }
    let voted = |name: &str, tie: ActorType| votes.get(name).and_then(|v| majority(v, tie));
    for d in discovered.iter_mut() {
        let first = votes.get(d.name.as_str()).and_then(|v| v.first()).map(|v| v.0);
        if let Some(kind) = first.and_then(|f| voted(d.name.as_str(), f)) {
            d.kind = kind;
        }
        d.kind = kind_of_name(&d.name, d.kind);
    }
    let taken = Taken::of(found);
    let surnames: HashSet<&str> = rec
        .names
        .iter()
        .filter(|(_, k)| *k == ActorType::Person)
        .map(|(r, _)| &text[r.clone()])
        .chain(discovered.iter().filter(|d| d.kind == ActorType::Person).map(|d| d.name.as_str()))
        .filter_map(|n| n.rsplit_once(' ').map(|(_, last)| last))
        .collect();
    let facts = &rec.facts;
    let mut known: HashSet<String> = discovered.iter().map(|d| d.name.clone()).collect();
    let mut added: Vec<DiscoveredActor> = Vec::new();
    // Organizations that end with a person's name are that person after a
    // role ("City Attorney Brad Holm").
    let people: Vec<&str> = discovered
        .iter()
        .filter(|d| d.kind == ActorType::Person && d.name.contains(' '))
        .map(|d| d.name.as_str())
        .collect();
    for (r, kind) in &rec.names {
        let name = &text[r.clone()];
        if known.contains(name)
            || taken.overlaps(r)
            || PLACES.contains(name)
            || region(name, &locations)
            || common_word(&rec.occurrences, name)
        {
            continue;
        }
        if *kind == ActorType::Organization && people.iter().any(|p| ends_with_name(name, p)) {
            continue;
        }
        if !trusted(facts, rec, name, *kind)
            || (acronym(name) && (place_acronym(text, name, &rec.places) || glossed_acronym(text, name)))
        {
            continue;
        }
        if !name.contains(' ')
            && !acronym(name)
            && thin_word(facts, rec, name, *kind, &surnames, curated_short)
        {
            continue;
        }
        known.insert(name.to_string());
        let kind = voted(name, *kind).unwrap_or(*kind);
        added.push(DiscoveredActor { name: name.to_string(), kind, cue: DiscoveryCue::Recogniser });
    }
    discovered.extend(added);
}

/// First words that, before a place's name, name a part of it.
static COMPASS_WORDS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("compass_words"));

/// Whether `name` is a region of a place: a compass word and a place's
/// name, listed or read as a place in this document (`places`) ("Western
/// Europe", "Southern Helmand"); not "Western Union".
fn region(name: &str, places: &HashSet<&str>) -> bool {
    name.split_once(' ').is_some_and(|(first, rest)| {
        COMPASS_WORDS.contains(&first) && (PLACES.contains(rest) || places.contains(rest))
    })
}

/// The type most of a name's readings give (`readings`: each type read,
/// with its summed weight), or `tie` when two types share the most.
pub(super) fn majority(readings: &[(ActorType, usize)], tie: ActorType) -> Option<ActorType> {
    let best = readings.iter().map(|(_, n)| *n).max()?;
    let mut top = readings.iter().filter(|(_, n)| *n == best);
    let first = top.next()?.0;
    Some(if top.next().is_some() { tie } else { first })
}

/// Whether `longer` ends with `name` after a space: "General Motors
/// Acceptance Corp" ends with "Motors Acceptance Corp".
fn ends_with_name(longer: &str, name: &str) -> bool {
    longer.strip_suffix(name).is_some_and(|head| head.ends_with(' '))
}

/// The acronyms defined in the text after an organization's full mention
/// ("the Islamic State of Iraq and the Levant (ISIL)"): each occurrence of
/// the acronym, on word boundaries, becomes a mention of that actor,
/// taking it from a discovered actor named by the acronym alone.
pub(super) fn link_acronyms(
    text: &str,
    is_org: &dyn Fn(ActorRef) -> bool,
    discovered: &[DiscoveredActor],
    found: &mut Vec<Found>,
) {
    let mut defined: Vec<(String, ActorRef)> = Vec::new();
    for f in found.iter().filter(|f| is_org(f.actor)) {
        let rest = &text[f.range.end..];
        let Some(inner) = rest.strip_prefix(" (") else { continue };
        let Some(close) = inner.find(')') else { continue };
        let acr = &inner[..close];
        if initials_fit(acr, &text[f.range.clone()]) && !defined.iter().any(|(a, _)| a == acr) {
            defined.push((acr.to_string(), f.actor));
        }
    }
    // Every acronym's occurrences (as `match_indices` of each finds them)
    // in one pass over the text, not one search each.
    let starts = occurrences(text, &defined.iter().map(|(a, _)| a.as_str()).collect::<Vec<_>>());
    for ((acr, actor), starts) in defined.into_iter().zip(starts) {
        for f in found.iter_mut() {
            let own = matches!(f.actor, ActorRef::Discovered(i) if discovered[i].name == acr);
            if own && text[f.range.clone()] == acr {
                f.actor = actor;
            }
        }
        let mut taken = Taken::of(found);
        for at in starts {
            let r = at..at + acr.len();
            let clean = !is_word(text[..at].chars().next_back()) && !is_word(text[r.end..].chars().next());
            if clean && !taken.overlaps(&r) {
                taken.take(&r);
                found.push(Found { range: r, actor });
            }
        }
    }
}

/// Words that end a company's name and that its short form drops
/// ("Elco Industries Inc" → "Elco"), without a full stop.
static COMPANY_DESIGNATORS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list("company_designators"));

/// The shorter names of a company: its name without the designators that
/// end it, one at a time ("Elco Industries Inc" → "Elco Industries",
/// "Elco"); none if it ends with none.
fn company_short_forms(name: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut stem = name;
    while let Some((head, last)) = stem.rsplit_once(' ') {
        if !COMPANY_DESIGNATORS.contains(&last.trim_end_matches('.')) {
            break;
        }
        stem = head.trim_end_matches(',');
        out.push(stem);
    }
    out
}

/// A company named in full ("Elco Industries Inc.") and by its short form
/// ("Elco") in one document: the short form's mentions go to the full
/// name's actor, whatever type the short form was read as (a speaker's
/// one-word name is read as a person). Only two actors already read in
/// the document are joined (no new mention is made): the full name an
/// organization, the short form an actor of its own, and not the surname
/// of a person of the document ("Dell Inc" does not take "Dell" where
/// Michael Dell is named). Companies that share a short form
/// ("Sansui Electric Co", "Sansui Electric Industries") keep it apart,
/// unless one's name is a short form of the other's, and the longest
/// takes it.
pub(super) fn link_company_short_forms(discovered: &[DiscoveredActor], mentions: &mut [Mention]) {
    let forms: Vec<(usize, Vec<&str>)> = discovered
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == ActorType::Organization)
        .map(|(i, d)| (i, company_short_forms(&d.name)))
        .filter(|(_, f)| !f.is_empty())
        .collect();
    if forms.is_empty() {
        return;
    }
    // A one-word actor that is a person's surname in this document is
    // that person ("Dell" of Michael Dell), not "Dell Inc".
    let surname = |w: &str| {
        discovered.iter().any(|d| {
            d.kind == ActorType::Person && d.name.strip_suffix(w).is_some_and(|head| head.ends_with(' '))
        })
    };
    for (j, short) in discovered.iter().enumerate() {
        let full: Vec<usize> =
            forms.iter().filter(|(_, f)| f.contains(&short.name.as_str())).map(|(i, _)| *i).collect();
        let Some(&longest) = full.iter().max_by_key(|&&i| discovered[i].name.len()) else { continue };
        if !short.name.contains(' ') && surname(&short.name) {
            continue;
        }
        // Every other full name is a short form of the longest.
        let chain = full.iter().all(|&i| {
            i == longest
                || forms.iter().any(|(k, f)| *k == longest && f.contains(&discovered[i].name.as_str()))
        });
        if !chain {
            continue;
        }
        for m in mentions.iter_mut().filter(|m| m.actor == ActorRef::Discovered(j)) {
            m.actor = ActorRef::Discovered(longest);
        }
    }
}

/// The last one, two, … `n` words of `s` (as many as it has).
fn last_words(s: &str, n: usize) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = s.match_indices(' ').map(|(i, _)| i + 1).collect();
    (0..n).filter_map(move |k| match starts.len().checked_sub(k + 1) {
        Some(j) => Some(&s[starts[j]..]),
        None if k == starts.len() => Some(s),
        None => None,
    })
}

/// Whether acronym `name` is defined in the text after a place's name:
/// "Khyber Pakhtunkhwa (KPK)".
fn place_acronym(text: &str, name: &str, places: &HashSet<String>) -> bool {
    let defined = format!(" ({name})");
    text.match_indices(defined.as_str()).any(|(at, _)| {
        let line = text[..at].rsplit('\n').next().unwrap_or("");
        last_words(line, 6).any(|w| letters_fit(name, w) && (places.contains(w) || PLACES.contains(w)))
    })
}

/// Whether the letters of `acr` are, in order, among the letters of
/// `name` (any case), the first the name's first: "KPK" of "Khyber
/// Pakhtunkhwa" (the loose reading, for places).
fn letters_fit(acr: &str, name: &str) -> bool {
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    let mut it = name.chars().map(lower);
    let mut want = acr.chars().map(lower);
    match (want.next(), it.next()) {
        (Some(a), Some(b)) if a == b => want.all(|c| it.any(|k| k == c)),
        _ => false,
    }
}

/// The text between " (" and ")" right after `end`, if any.
fn defined_acronym(text: &str, end: usize) -> Option<&str> {
    let inner = text[end..].strip_prefix(" (")?;
    inner.find(')').map(|close| &inner[..close])
}

/// Whether `acr` (2 to 8 capitals) starts with the name's first letter and
/// its letters are, in order, among the name's capitals.
fn initials_fit(acr: &str, name: &str) -> bool {
    let n = acr.chars().count();
    if !(2..=8).contains(&n) || !acr.chars().all(|c| c.is_uppercase()) {
        return false;
    }
    let capitals: Vec<char> = name.chars().filter(|c| c.is_uppercase()).collect();
    if capitals.first() != acr.chars().next().as_ref() {
        return false;
    }
    let mut it = capitals.iter();
    acr.chars().all(|c| it.any(|&k| k == c))
}

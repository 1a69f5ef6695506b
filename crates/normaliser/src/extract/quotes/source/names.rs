//! A source's name read by its shape: a run of capitalised words, with
//! initials, particles, hyphens and apostrophes; the titles and roles
//! before it are the role, not the name; an organization word makes it
//! an organization.

use std::ops::Range;
use std::sync::LazyLock;

use corpus_parser::ActorType;

use super::{last_words_start, title_stem, words, SourceName, Word, SUFFIXES};
use crate::lexicon::{entries, NAME_NEVER_STARTS, NOT_NAMES, ORG_HEADS, PLACES, ROLES, ROLE_WORDS, TITLES};

/// Lower-case particles inside a name ("Charles de Gaulle", "Osama bin
/// Laden").
pub(super) static PARTICLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.speaker_name_particles));

/// Whether `w` may be part of a name: a capitalised word (letters,
/// hyphens, apostrophes, an inner capital: "O’Rourke", "McConnell",
/// "Ocasio-Cortez"), an initial ("O."), or an acronym ("CNN").
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    first.is_uppercase()
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\'' | '.'))
        && !w.ends_with(['’', '\''])
        && !w.ends_with("’s")
        && !w.ends_with("'s")
}

pub(crate) fn is_role_word(w: &str) -> bool {
    let bare = w.trim_end_matches('.');
    ROLE_WORDS.iter().any(|r| r.eq_ignore_ascii_case(bare))
        || ROLES.iter().any(|r| r.eq_ignore_ascii_case(bare))
        || TITLES.contains(&w)
        || TITLES.iter().any(|t| t.trim_end_matches('.').eq_ignore_ascii_case(bare) && !t.contains(' '))
}

/// Words that make a capitalised run an organization ("Institute", "News",
/// "House", "Times"), or an acronym ("CNN", "F.B.I.").
fn is_org_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    ORG_HEADS.contains(&w)
        || MEDIA_HEADS.contains(&w)
        || (letters >= 2 && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase))
}

/// Last words of the names of news outlets and of the White House.
static MEDIA_HEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| entries(crate::language::EN.media_heads));

/// Words that make a capitalised run a text, not an actor ("the 2023
/// Annual Threat Assessment said"): a text speaks as a description.
static TEXT_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| entries(crate::language::EN.text_words));

/// Reads a run of name words (`run`: indices into `ws`) as a source: the
/// person after the last role word ("Wales coach Mike Ruddock", "Senate
/// Majority Leader Mitch McConnell"), or, with no person after it, an
/// organization ("the Clinton Foundation", "CNN"). Words that open a
/// sentence ("But", "The") and possessives are left out.
pub(super) fn read_run(hay: &str, ws: &[Word<'_>], run: Range<usize>) -> Option<SourceName> {
    let (mut a, b) = (run.start, run.end);
    if ws[a..b].iter().any(|w| TEXT_WORDS.contains(&w.text)) {
        return None;
    }
    while a < b
        && (NOT_NAMES.contains(ws[a].text) || NAME_NEVER_STARTS.contains(ws[a].text) || ws[a].text == "Mr")
    {
        a += 1;
    }
    if a >= b {
        return None;
    }
    // The word after "Mr." is a name, whatever else it is ("Mr. King").
    let honorific =
        |k: usize| k > a && ["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms"].contains(&ws[k - 1].text);
    let last_role = (a..b).rev().find(|&k| is_role_word(ws[k].text) && !honorific(k));
    let person_from = last_role.map_or(a, |k| k + 1);
    // A person: name words after the last role word, not an organization
    // word among them, not a place.
    let person = &ws[person_from..b];
    let is_person = !person.is_empty()
        && person.len() <= 5
        && !person
            .iter()
            .any(|w| is_org_word(w.text) || PLACES.contains(w.text) || NOT_NAMES.contains(w.text))
        && !PARTICLES.contains(&person[0].text)
        && (person.len() != 1 || !person[0].text.ends_with('.'));
    let span = |from: usize| ws[from].start..ws[b - 1].start + ws[b - 1].text.len();
    // One word that is a source noun or a role ("Officials", "Aides") is
    // a description, not a name.
    let lone_noun = person.len() == 1 && !honorific(person_from) && {
        let lower = person[0].text.to_lowercase();
        super::super::patterns::SOURCE_NOUNS.contains(&lower.as_str()) || is_role_word(person[0].text)
    };
    if is_person && !lone_noun {
        let r = span(person_from);
        if PLACES.contains(&hay[r.clone()]) {
            return None;
        }
        return Some(SourceName { name: hay[r.clone()].to_string(), range: r, kind: ActorType::Person });
    }
    // An organization: the whole run, when it holds an organization word
    // and no role word ends it ("White House", "Breitbart News").
    let org = &ws[a..b];
    let has_org_word = org.iter().any(|w| is_org_word(w.text));
    if has_org_word && last_role.is_none_or(|k| k + 1 < b) && org.len() <= 6 {
        let r = span(a);
        let name = hay[r.clone()].to_string();
        if PLACES.contains(name.as_str()) {
            return None;
        }
        return Some(SourceName { name, range: r, kind: ActorType::Organization });
    }
    None
}

/// Whether the word at `k` may continue a run of name words that ends
/// after it (a capitalised word, or a particle between two).
pub(super) fn joins(ws: &[Word<'_>], k: usize) -> bool {
    let w = ws[k];
    if w.opened {
        return false;
    }
    if is_name_word(w.text) || SUFFIXES.contains(&w.text) {
        return true;
    }
    PARTICLES.contains(&w.text) && k > 0 && is_name_word(ws[k - 1].text) && ws[k - 1].tail.is_empty()
}

/// The source that ends `hay` (the text before a cue: "… Mr. Coale",
/// "… Senate Majority Leader Mitch McConnell"). A possessive ("Trump’s")
/// is no source, nor a run that follows an opening quote mark.
pub(crate) fn name_before(hay: &str) -> Option<SourceName> {
    // It reads at most the last 12 words (a run of nine, "the", a
    // preposition and the word before it): the last 24 are enough.
    let cut = last_words_start(hay, 24);
    name_before_in(&hay[cut..]).map(|mut s| {
        s.range = s.range.start + cut..s.range.end + cut;
        s
    })
}

/// [`name_before`] on all of `hay`.
fn name_before_in(hay: &str) -> Option<SourceName> {
    let ws = words(hay);
    let end = ws.len();
    if end == 0
        || !ws[end - 1].tail.is_empty()
        || !hay[ws[end - 1].start + ws[end - 1].text.len()..].trim().is_empty()
    {
        return None;
    }
    let mut a = end;
    while a > 0
        && joins(&ws, a - 1)
        && (a == end || ws[a - 1].tail.is_empty() || ws[a - 1].text.ends_with('.'))
    {
        a -= 1;
        if end - a > 8 {
            return None;
        }
    }
    if a == end {
        return None;
    }
    // "Marco Rubio of Florida", "a spokesman for the Clinton campaign": the
    // run after a preposition is where the source is from; the person
    // before it speaks.
    let mut j = a;
    if j > 0 && ws[j - 1].text == "the" {
        j -= 1;
    }
    if j > 0 && ["of", "from", "for", "at", "with", "in"].contains(&ws[j - 1].text) {
        let k = j - 1;
        if k == 0 || !ws[k - 1].tail.is_empty() {
            return None;
        }
        let head = &hay[..ws[k - 1].start + ws[k - 1].text.len()];
        return name_before(head).filter(|s| s.kind == ActorType::Person);
    }
    let name = read_run(hay, &ws, a..end)?;
    // A word that opens a sentence is capitalised whatever it is: a single
    // one ("Critics said") is read by `common_word` at the call site.
    Some(name)
}

/// The source that opens `hay` (the text after an inverted cue: "said
/// Wales coach Mike Ruddock.", "says Morrissey,"): up to six words of role
/// ("coach", "political consultant", "the campaign’s spokesman,") and then
/// a run of name words that ends at punctuation, at the end, or before a
/// lower-case word.
pub(crate) fn name_after(hay: &str) -> Option<SourceName> {
    let ws = words(hay);
    let mut k = 0;
    while k < ws.len() && k <= 8 {
        let w = ws[k];
        if joins(&ws, k) && !PARTICLES.contains(&w.text) && !NOT_NAMES.contains(w.text) {
            let mut b = k + 1;
            while b < ws.len() && ws[b - 1].tail.is_empty() && joins(&ws, b) {
                b += 1;
            }
            // A particle does not end a name.
            while b > k + 1 && PARTICLES.contains(&ws[b - 1].text) {
                b -= 1;
            }
            // "said Del. Stacey Plaskett", "said Supt. Maria Gonzalez": a
            // title's abbreviation, listed or not, before a full name.
            if b == k + 1 && abbreviated_title(w) && full_name_at(&ws, b) {
                k = b;
                continue;
            }
            let name = read_run(hay, &ws, k..b);
            // "NRF spokesman Ali Maisam Nazary", "Republican political
            // consultant Chris Russell": a run of role words, or one right
            // before a lower-case role noun, is the role; the name follows.
            let role_follows = ws[b - 1].tail.is_empty()
                && ws.get(b).is_some_and(|n| n.text.starts_with(char::is_lowercase) && is_role_word(n.text));
            let only_roles =
                name.is_none() && ws[b - 1].tail.is_empty() && (k..b).any(|j| is_role_word(ws[j].text));
            if !(role_follows || only_roles) {
                return name;
            }
            k = b;
            continue;
        }
        // Role words before the name: lower case, or a capitalised word
        // that is not a name ("the", "coach", "the campaign’s spokesman,").
        let lower = w.text.chars().next().is_some_and(char::is_lowercase);
        if !(lower || NOT_NAMES.contains(w.text)) || w.tail.contains(['.', ';', ':', '“', '”', '"', '(', ')'])
        {
            return None;
        }
        // "on Tuesday", "in a statement": a preposition ends the cue's
        // inversion.
        if STOP_AFTER.contains(&w.text) {
            return None;
        }
        k += 1;
    }
    None
}

/// Whether the word `w` is a title's abbreviation by its shape (see
/// [`super::title_abbreviation`]).
fn abbreviated_title(w: Word<'_>) -> bool {
    w.tail.starts_with('.') && title_stem(w.text)
}

/// Whether the words from `k` open a name of two words or more.
fn full_name_at(ws: &[Word<'_>], k: usize) -> bool {
    k + 1 < ws.len() && joins(ws, k) && ws[k].tail.is_empty() && joins(ws, k + 1)
}

/// Words after an inverted cue that end it: what follows is no source
/// ("said on Tuesday", "told reporters that …").
static STOP_AFTER: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(crate::language::EN.stop_after_cue));

#[cfg(test)]
mod tests {
    use super::super::{apposition_start, bracket_before, first_stop, words_outside_apposition};
    use super::*;

    fn before(hay: &str) -> Option<(String, &'static str)> {
        name_before(hay).map(|s| {
            assert_eq!(&hay[s.range.clone()], s.name, "the range is the name");
            (s.name, if s.kind == ActorType::Person { "person" } else { "organization" })
        })
    }

    fn after(hay: &str) -> Option<(String, &'static str)> {
        name_after(hay).map(|s| {
            assert_eq!(&hay[s.range.clone()], s.name, "the range is the name");
            (s.name, if s.kind == ActorType::Person { "person" } else { "organization" })
        })
    }

    #[test]
    fn names_before_a_cue() {
        let p = |n: &str| Some((n.to_string(), "person"));
        let o = |n: &str| Some((n.to_string(), "organization"));
        let table: &[(&str, Option<(String, &str)>)] = &[
            ("“We will win,” Morrissey ", p("Morrissey")),
            ("“We will win,” Mr. Coale ", p("Coale")),
            ("“We will win,” Mr Murray ", p("Murray")),
            ("“I was never edited,” Mr. King, 82, ", None),
            ("“I was never edited,” Mr. King", p("King")),
            ("“It is over,” Pfizer ", p("Pfizer")),
            ("“Why?” Lisa O. Monaco", p("Lisa O. Monaco")),
            ("“No,” Beto O’Rourke ", p("Beto O’Rourke")),
            ("“No,” Dinesh D'Souza ", p("Dinesh D'Souza")),
            ("“No,” Alexandria Ocasio-Cortez ", p("Alexandria Ocasio-Cortez")),
            ("“No,” Charles de Gaulle ", p("Charles de Gaulle")),
            ("“No,” Cal Ripken Jr. ", p("Cal Ripken Jr.")),
            ("Senate Majority Leader Mitch McConnell ", p("Mitch McConnell")),
            ("But Trump ", p("Trump")),
            ("In a statement, Sen. Ted Cruz ", p("Ted Cruz")),
            ("The White House ", o("White House")),
            ("“No,” CNN ", o("CNN")),
            ("the Clinton Foundation ", o("Clinton Foundation")),
            ("Breitbart News ", o("Breitbart News")),
            // Not a source: a possessive, a lower-case word, a role alone.
            ("Trump’s campaign ", None),
            ("Trump’s ", None),
            ("The 2023 Annual Threat Assessment ", None),
            ("Senator Marco Rubio of Florida ", p("Marco Rubio")),
            ("Kim Kagan of the Institute for the Study of War ", p("Kim Kagan")),
            ("a spokesman for the Clinton Foundation ", None),
            ("“No,” Florida ", None),
            ("Officials in Afghanistan ", None),
            ("the team ", None),
            ("The President ", None),
            ("“No,” he ", None),
            ("On Tuesday, ", None),
        ];
        for (hay, want) in table {
            assert_eq!(&before(hay), want, "{hay:?}");
        }
    }

    #[test]
    fn names_after_an_inverted_cue() {
        let p = |n: &str| Some((n.to_string(), "person"));
        let table: &[(&str, Option<(String, &str)>)] = &[
            (" Morrissey.", p("Morrissey")),
            (" Wales coach Mike Ruddock.", p("Mike Ruddock")),
            (" NRF spokesman Ali Maisam Nazary, who spoke by phone.", p("Ali Maisam Nazary")),
            (" Republican political consultant Chris Russell.", p("Chris Russell")),
            (" O'Donnell, who wrote about it.", p("O'Donnell")),
            (" Sen. Lindsey O. Graham (R-S.C.).", p("Lindsey O. Graham")),
            (" Trump in a statement.", p("Trump")),
            (" the campaign’s spokesman, Brian Fallon.", p("Brian Fallon")),
            // A title's abbreviation, listed or not, is no name.
            (" Del. Stacey Plaskett of the Virgin Islands.", p("Stacey Plaskett")),
            (" Supt. Maria Gonzalez, who leads the district.", p("Maria Gonzalez")),
            (" Cmdr. John Kirby on Tuesday.", p("John Kirby")),
            // But a name before a sentence's end stays, and so does an
            // initial or a one-word name after a full stop.
            (" Ted. Then he left.", p("Ted")),
            (" Kim. Park agreed.", p("Kim")),
            (" O. Graham, who spoke.", p("O. Graham")),
            // Not a source.
            (" in a statement on Tuesday.", None),
            (" on Tuesday that the group had left.", None),
            (" the researchers.", None),
            (" he.", None),
        ];
        for (hay, want) in table {
            assert_eq!(&after(hay), want, "{hay:?}");
        }
    }

    #[test]
    fn an_apposition_between_a_name_and_its_cue() {
        let hay = "“Why?” Lisa O. Monaco, Obama’s adviser on counterterrorism and homeland security, ";
        let comma = apposition_start(hay).expect("an apposition");
        assert_eq!(before(&hay[..comma]), Some(("Lisa O. Monaco".to_string(), "person")));
        assert_eq!(apposition_start("“Why?” she asked, "), None);
        let hay = "“No,” Senate Minority Leader Harry M. Reid (D-Nev.) ";
        let open = bracket_before(hay).expect("an aside");
        assert_eq!(before(&hay[..open]), Some(("Harry M. Reid".to_string(), "person")));
        assert_eq!(bracket_before("“No,” Reid "), None);
        let rest = " Lisa O. Monaco, Obama’s adviser, said. Then";
        assert_eq!(first_stop(rest).map(|i| &rest[..i]), Some(" Lisa O. Monaco, Obama’s adviser, said"));
        assert_eq!(words_outside_apposition(" Lisa O. Monaco, Obama’s adviser, said"), 4);
        assert_eq!(apposition_start("Monaco, “a quote,” "), None);
    }
}

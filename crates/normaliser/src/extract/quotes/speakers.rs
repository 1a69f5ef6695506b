//! Who a speaker is: a mention before or after a cue, a pronoun
//! resolved to the person or organization before it, an anonymous
//! source described by its noun phrase.

use super::patterns::{
    group_after, group_before, ANON_AFTER, CUE, PLACE_AFTER_NAME, PREPOSITION_BEFORE, PRONOUN_AFTER,
    PRONOUN_BEFORE, SOURCE_NOUNS, SOURCE_NOUN_WORD, TEXT_NOUNS,
};
use super::source as quote_source;
use super::{Extractor, Speaker, SpeakerKind};
use crate::clean::Segment;
use crate::extract::mentions::ActorRef;
use corpus_parser::ActorType;

/// Words that end a noun phrase's modifiers: a role word's lower-case
/// modifiers are none of them.
const FUNCTION_WORDS: [&str; 24] = [
    "the", "a", "an", "of", "for", "to", "and", "or", "but", "with", "by", "as", "on", "in", "at", "that",
    "this", "his", "her", "their", "its", "who", "which", "from",
];

impl Extractor<'_> {
    /// The text segment holding `pos` (a binary search over the segments
    /// in the text, which are in order).
    pub(super) fn segment_at(&self, pos: usize) -> Option<&Segment> {
        let k = self.spans.partition_point(|&(start, _)| start <= pos);
        let (_, i) = *self.spans.get(k.checked_sub(1)?)?;
        let seg = &self.doc.segments[i];
        seg.span.as_ref().is_some_and(|r| pos < r.end).then_some(seg)
    }

    // ---------------------------------------------------------------
    // Attribution
    // ---------------------------------------------------------------

    /// The sentence around `pos` within its segment.
    pub(super) fn sentence(&self, pos: usize) -> (usize, usize) {
        let Some(seg) = self.segment_at(pos.min(self.chars.len().saturating_sub(1))) else {
            return (pos, pos);
        };
        match seg.span.clone() {
            Some(r) => self.sentences.bounds(r, pos),
            None => (pos, pos),
        }
    }

    /// The mentions that start in `a..b` (mentions are sorted by start:
    /// a binary search, not a scan).
    pub(super) fn mentions_in(&self, a: usize, b: usize) -> &[crate::extract::mentions::Mention] {
        let m = &self.ann.mentions;
        let lo = m.partition_point(|x| x.start < a);
        let hi = m.partition_point(|x| x.start < b);
        &m[lo..hi.max(lo)]
    }

    /// Where the name of mention `m` ends in the text: after the full stop
    /// of a generational suffix the mention leaves out ("James B. Comey
    /// Jr., the director": after "Jr.").
    pub(super) fn name_end(&self, m: &crate::extract::mentions::Mention) -> usize {
        // Most mentions have no full stop after them: nothing to read.
        if self.chars.get(m.end) != Some(&'.') {
            return m.end;
        }
        let last = self.text(m.start, m.end).rsplit(' ').next().unwrap_or("");
        let suffix = quote_source::SUFFIXES.iter().any(|s| s.strip_suffix('.') == Some(last));
        if suffix {
            m.end + 1
        } else {
            m.end
        }
    }

    pub(super) fn mention_ending_at(&self, at: usize, slack: usize) -> Option<(usize, ActorRef)> {
        // A generational suffix's full stop is the name's ("Martin Gale
        // Jr. (D-Fla.) said", "Martin Gale Jr. and Kim Kagan").
        self.mentions_in(at.saturating_sub(slack + 200), at)
            .iter()
            .filter(|m| {
                let end = self.name_end(m);
                end <= at && at - end <= slack
            })
            .max_by_key(|m| m.end)
            .map(|m| (m.start, m.actor))
    }

    /// The first of two people joined by "and" as one subject ("Mark
    /// Blumenthal and Jon Cohen said", "Blumenthal and Cohen:"), given the
    /// second (its mention's start and actor): the subject's head, as a
    /// parser reads it. Not a company ("Procter and Gamble" is one name).
    pub(super) fn first_conjunct(&self, start: usize, actor: ActorRef) -> (usize, ActorRef) {
        let person = |a: ActorRef| self.actors.actor_name(a, self.ann).1 == ActorType::Person;
        let joined = start >= 5 && self.text(start - 5, start) == " and ";
        let first = joined.then(|| self.mention_ending_at(start - 5, 0)).flatten();
        match first {
            Some((s, a)) if person(a) && person(actor) && a != actor => (s, a),
            _ => (start, actor),
        }
    }

    /// The first mention after `at`, if only a few words stand between
    /// (a role or title: "said NRF spokesman Ali Maisam Nazary") and no
    /// punctuation.
    pub(super) fn mention_starting_at(&self, at: usize, slack: usize) -> Option<(usize, ActorRef)> {
        let m = self.mentions_in(at, at + slack + 1).iter().min_by_key(|m| m.start)?;
        let between = self.text(at, m.start);
        // A title's full stop is no punctuation ("said Mr. Schmidt", "said
        // Del. Stacey Plaskett").
        let plain = between.split_whitespace().count() <= 4
            && between.split_whitespace().all(|w| {
                quote_source::is_abbreviation(w)
                    || quote_source::title_abbreviation(w)
                    || !w.contains([',', '.', ';', ':', '“', '"', '‘'])
            });
        plain.then_some((m.end, m.actor))
    }

    pub(super) fn named(&self, actor: ActorRef) -> Speaker {
        let (name, _) = self.actors.actor_name(actor, self.ann);
        Speaker {
            name: Some(name.to_string()),
            actor: Some(actor),
            kind: Some(SpeakerKind::Named),
            ..Speaker::default()
        }
    }

    /// he / she → the person the text is about: the first person named in
    /// the same sentence before the pronoun, else the first person named
    /// in the nearest sentence before that names one (its subject,
    /// usually: "Joscelyn says … its leader Khalid Batarfi … “…,” he says"
    /// is Joscelyn; "Westmacott, who …, praised Obama’s presidency. He
    /// serves … “…,” he told the Guardian" is Westmacott, not the nearer
    /// Obama), back to 2,000 characters; people who spoke or were found by
    /// more than the recogniser first, or a person just introduced as the
    /// subject of a sentence after the last quote ("Nicole Hargrove, a
    /// worker, said she was undecided. “…,” she said"), then anyone. they
    /// → the nearest organization close by. Unresolved: none.
    pub(super) fn resolve_pronoun(&self, pronoun: &str, at: usize) -> Speaker {
        if pronoun.eq_ignore_ascii_case("it") {
            return self.resolve_it(at);
        }
        let is = |m: &&crate::extract::mentions::Mention, t: ActorType| {
            self.actors.actor_name(m.actor, self.ann).1 == t
        };
        if pronoun.eq_ignore_ascii_case("they") {
            return self.organization_before(at, false);
        }
        if let Some(sp) = self.anonymous_person_before(at) {
            return sp;
        }
        let (s, _) = self.sentence(at);
        // he and she agree with what the text shows of the person.
        let gender = quote_source::pronoun_gender(pronoun);
        let agrees = |m: &&crate::extract::mentions::Mention| {
            gender.is_none_or(|g| self.gender_of(m.actor).is_none_or(|known| known == g))
        };
        // Whether `a` has spoken before `at`.
        let spoke = |a: ActorRef| self.spoke_before(a, at);
        // A name only the recogniser found, that has not spoken, is rarely
        // what he or she means (the people a speaker talks about).
        let only_recognised = |a: ActorRef| match a {
            ActorRef::Discovered(i) => self
                .ann
                .discovered
                .get(i)
                .is_some_and(|d| d.cue == crate::extract::mentions::DiscoveryCue::Recogniser),
            ActorRef::Curated(_) => false,
        };
        // The person opening the pronoun's own sentence as its subject, a
        // verb right after the name ("Bush went after Trump …, when he
        // called the businessman “…”" is Bush's).
        let subject_of = |a: usize, m: &crate::extract::mentions::Mention| {
            if a != s {
                return false;
            }
            let next = self.text(m.end, m.end + 30);
            let subordinate = self
                .text(a, m.start)
                .split_whitespace()
                .any(|w| super::attribute::SUBORDINATORS.contains(&w.to_lowercase().as_str()));
            !subordinate
                && next.starts_with(' ')
                && next.split_whitespace().next().is_some_and(quote_source::verb_like)
                && self.opens_sentence(a, m.start)
        };
        // The first person of a stretch, among those who spoke or were
        // found by more than the recogniser (`any`: among all). A name
        // inside a quotation is not what a pronoun outside it means.
        let first_person = |a: usize, b: usize, any: bool| {
            // The marks are counted from the paragraph's start: a quote may
            // run over sentences ("“… November. And she will lose,” said
            // Larry Sabato": Sabato is outside it).
            let para = self.segment_at(a).and_then(|x| x.span.as_ref()).map_or(a, |r| r.start.min(a));
            let lead = self.text(para, a);
            let mut people = self
                .mentions_in(a, b)
                .iter()
                .filter(|m| m.end <= b)
                .filter(|m| !quote_source::inside_quotes(&[lead, self.text(a, m.start)]))
                .filter(agrees)
                .filter(|m| is(m, ActorType::Person))
                .filter(|m| !self.in_introduction(a, b, m))
                .filter(|m| any || spoke(m.actor) || !only_recognised(m.actor) || subject_of(a, m));
            let first = people.next()?;
            // "Cruz electrified the crowds, Stovall said. “…,” he said":
            // the person who says the sentence, in an attribution closing
            // it (a comma, the name, the cue and at most a few words), over
            // the first person of what it reports.
            let first = if self.says_around(first.start, first.end) {
                first
            } else {
                people
                    .find(|m| {
                        self.text(a, m.start).trim_end().ends_with(',')
                            && self.text(m.end, b).split_whitespace().count() <= 4
                            && self.says_around(m.start, m.end)
                    })
                    .unwrap_or(first)
            };
            // "At one point, she said, she was considering supporting
            // Donald Trump.": a sentence whose subject is the same pronoun
            // is about the same person, not the one it names.
            let head = self.text(a, first.start);
            let same = gender.and_then(|g| quote_source::pronoun_of_gender(head, g));
            let about_same = same.is_some_and(|i| !quote_source::inside_quotes(&[lead, &head[..i]]));
            (!about_same).then_some((a, first.start, first.end, first.actor))
        };
        // In a sentence with no such person, the person who is its
        // subject (its first words, not a possessive, or the subject of a
        // reporting verb) though only the recogniser found them and they
        // have not spoken: a person just introduced ("Nicole Hargrove, a
        // worker, said she was undecided. “…,” she said"); only one named
        // after the last quote before the pronoun (one named before it,
        // who did not speak it, is talked about).
        let last_quote = self.quotes.iter().filter(|q| q.end <= at).map(|q| q.end).max().unwrap_or(0);
        let subject = |a: usize, b: usize| {
            first_person(a, b, true).filter(|&(ps, st, en, _)| {
                let next = self.text(en, en + 2);
                let possessive = ["’s", "'s", "’ ", "' "].iter().any(|p| next.starts_with(p));
                let first = self.text(ps, st).trim_matches(|c: char| !c.is_alphanumeric()).is_empty();
                st >= last_quote && !possessive && (first || self.says_around(st, en))
            })
        };
        // A person the text shows to be of the pronoun's gender.
        let known = |a: ActorRef| gender.is_some_and(|g| self.genders().get(&a) == Some(&g));
        // The pronoun's sentence before it, then each sentence before,
        // back to 2,000 characters: the first person of the nearest. A
        // subject found on the way gives way only to a person further
        // back who is known to be of the pronoun's gender when the subject
        // is not ("Hillary Clinton said she would stay. Bill Clinton left
        // early. “…,” she said").
        let walk = |any: bool| {
            let (mut a, mut b) = (s, at);
            let mut subject_found: Option<(usize, usize, usize, ActorRef)> = None;
            loop {
                if let Some(f) = first_person(a, b, any) {
                    return match subject_found {
                        Some(sub) if known(sub.3) || !known(f.3) => Some(sub),
                        _ => Some(f),
                    };
                }
                if !any && subject_found.is_none() {
                    subject_found = subject(a, b);
                }
                let Some((ps, pe)) = self.sentence_before(a) else { break };
                if ps >= a || at.saturating_sub(pe) > 2_000 {
                    break;
                }
                (a, b) = (ps, pe.min(a));
            }
            subject_found
        };
        let found =
            walk(false).or_else(|| walk(true)).and_then(|f| self.unless_someone_spoke(f, s, at, gender));
        found.map_or_else(Speaker::default, |a| self.named(a))
    }

    /// For he or she: the anonymous person who spoke the quote just before
    /// (ending at most 300 characters before `at`, no person named
    /// between): "“…,” said a Sun spokesman. “…,” he said" is the
    /// spokesman. A person is a singular source noun that names no text
    /// ("spokesman", "witness"; not "officials", "report").
    fn anonymous_person_before(&self, at: usize) -> Option<Speaker> {
        let q =
            self.quotes.iter().rev().find(|q| q.end <= at && q.speaker_kind != SpeakerKind::Unattributed)?;
        let noun = q.speaker.as_deref()?.rsplit(' ').next()?.to_lowercase();
        // A plural: "people", "police", or a listed noun's -s or -es form
        // ("officials", "witnesses"; not "witness").
        let singular = |suffix: &str| noun.strip_suffix(suffix).is_some_and(|n| SOURCE_NOUNS.contains(&n));
        let plural = ["people", "police"].contains(&noun.as_str()) || singular("s") || singular("es");
        let person = q.speaker_kind == SpeakerKind::Anonymous
            && SOURCE_NOUNS.contains(&noun.as_str())
            && !plural
            && !TEXT_NOUNS.contains(&noun.as_str());
        let named_between = self
            .mentions_in(q.end, at)
            .iter()
            .any(|m| self.actors.actor_name(m.actor, self.ann).1 == ActorType::Person);
        (person && at - q.end <= 300 && !named_between).then(|| Speaker::of(q))
    }

    /// Whether `a` has spoken a quote before `at`.
    fn spoke_before(&self, a: ActorRef, at: usize) -> bool {
        self.quotes.iter().any(|q| q.end <= at && q.speaker_actor == Some(a))
    }

    /// The person a he or she at `at` (in the sentence starting at `s`)
    /// means, given `found` (the sentence start, the mention's start and
    /// end, and the actor of the person the walk back found): a person
    /// named in a sentence before, who has not spoken yet, is less likely
    /// the one meant than the person quoted last, when that one agrees;
    /// unless the person is the subject of that sentence or of a reporting
    /// verb there ("Perdue said he didn't believe …").
    fn unless_someone_spoke(
        &self,
        found: (usize, usize, usize, ActorRef),
        s: usize,
        at: usize,
        gender: Option<quote_source::Gender>,
    ) -> Option<ActorRef> {
        let (ps, start, end, a) = found;
        if end >= s
            || self.spoke_before(a, at)
            || self.says_around(start, end)
            || self.opens_sentence(ps, start)
        {
            return Some(a);
        }
        self.last_speaker(at, gender).or(Some(a))
    }

    /// Whether the mention at `start..end` is the subject of a reporting
    /// verb: one right before it ("said David Autor"), or after it, after a
    /// bracket or an apposition and auxiliaries at most ("Sen. David Perdue
    /// (R-Ga.) said", "Simmons, an Obama supporter, said", "Cordisco also
    /// said").
    fn says_around(&self, start: usize, end: usize) -> bool {
        let before = self.text(start.saturating_sub(30), start).trim_end();
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        if CUE.find(word).is_some_and(|m| m.range() == (0..word.len())) {
            return true;
        }
        let rest = self.text(end, end + 200);
        let cue_first = |t: &str| {
            CUE.find(t).is_some_and(|m| {
                let before = &t[..m.start()];
                !before.contains(['.', ',', '“', '"'])
                    && quote_source::strip_auxiliaries(before).trim().is_empty()
            })
        };
        let aside = match (rest.strip_prefix(" ("), rest.strip_prefix(", ")) {
            (Some(r), _) => r.split_once(')').map(|(_, t)| t),
            (_, Some(r)) => r.split_once(',').map(|(_, t)| t),
            _ => None,
        };
        cue_first(rest) || aside.is_some_and(cue_first)
    }

    /// Whether the mention at `start` opens the sentence that starts at
    /// `s`, as its subject: only capitalised words before it, and "the"
    /// right before it, after an opening phrase that ends with a comma
    /// ("U.S. Central Command’s General Frank McKenzie gave …", "On
    /// Sunday, Trump went …", "…, the Illinois Board of Elections was").
    pub(super) fn opens_sentence(&self, s: usize, start: usize) -> bool {
        let head = self.text(s, start);
        let head = head.rsplit_once(", ").map_or(head, |(_, t)| t);
        // "…, the Illinois Board of Elections was": an article may open the
        // name's phrase.
        let head = head.strip_suffix("the ").unwrap_or(head);
        head.split_whitespace().all(|w| w.trim_start_matches(['“', '"', '‘']).starts_with(char::is_uppercase))
    }

    /// The person who spoke the last quote before `at`, when the text shows
    /// no gender of theirs other than `gender`.
    fn last_speaker(&self, at: usize, gender: Option<quote_source::Gender>) -> Option<ActorRef> {
        let q = self.quotes.iter().rev().find(|q| q.end <= at && q.speaker_actor.is_some())?;
        let a = q.speaker_actor?;
        let person = self.actors.actor_name(a, self.ann).1 == ActorType::Person;
        let agrees = gender.is_none_or(|g| self.gender_of(a).is_none_or(|known| known == g));
        (person && agrees).then_some(a)
    }

    /// The sentence before the one starting at `s`: in the same segment,
    /// else the last of the segment before.
    pub(super) fn sentence_before(&self, s: usize) -> Option<(usize, usize)> {
        let mut q = s.checked_sub(1)?;
        while q > 0 && self.chars.get(q).is_some_and(|c| c.is_whitespace()) {
            q -= 1;
        }
        if self.segment_at(q).is_some() {
            return Some(self.sentence(q));
        }
        let k = self.spans.partition_point(|&(start, _)| start <= q);
        let (_, i) = *self.spans.get(k.checked_sub(1)?)?;
        let end = self.doc.segments[i].span.as_ref()?.end;
        Some(self.sentence(end.checked_sub(1)?))
    }

    /// The gender of each person of the document, where its mentions
    /// show one and do not disagree (see [`quote_source::mention_gender`]).
    fn genders(&self) -> &crate::hash::HashMap<ActorRef, quote_source::Gender> {
        self.genders.get_or_init(|| {
            let mut votes: crate::hash::HashMap<ActorRef, (u32, u32)> = crate::hash::HashMap::default();
            for m in &self.ann.mentions {
                if self.actors.actor_name(m.actor, self.ann).1 != ActorType::Person {
                    continue;
                }
                let before = self.text(m.start.saturating_sub(6), m.start);
                let after = self.text(m.end, m.end + 150);
                if let Some(g) = quote_source::mention_gender(before, after) {
                    let v = votes.entry(m.actor).or_default();
                    match g {
                        quote_source::Gender::Male => v.0 += 1,
                        quote_source::Gender::Female => v.1 += 1,
                    }
                }
            }
            votes
                .into_iter()
                .filter(|(_, (m, f))| m != f)
                .map(|(a, (m, f))| {
                    (a, if m > f { quote_source::Gender::Male } else { quote_source::Gender::Female })
                })
                .collect()
        })
    }

    /// The gender person `a` has for agreement: the one the text shows
    /// (see [`Extractor::genders`]), else the one their given name
    /// suggests (see [`quote_source::name_gender`]). Only the text's
    /// makes a person preferred as "known" to be of a gender.
    fn gender_of(&self, a: ActorRef) -> Option<quote_source::Gender> {
        self.genders()
            .get(&a)
            .copied()
            .or_else(|| quote_source::name_gender(self.actors.actor_name(a, self.ann).0))
    }

    /// it → the text that spoke last, close before ("…,” the report says.
    /// “…,” it says."): the speaker of the last attributed quote ending at
    /// most 600 characters before, if that is a text (a source noun such as
    /// report, study or statement) or an organization; else the
    /// organization that is the subject of a sentence close before (see
    /// [`Extractor::organization_before`]).
    pub(super) fn resolve_it(&self, at: usize) -> Speaker {
        let Some(q) =
            self.quotes.iter().rev().find(|q| q.end <= at && q.speaker_kind != SpeakerKind::Unattributed)
        else {
            return self.organization_or_text_before(at);
        };
        if at - q.end > 600 {
            return self.organization_or_text_before(at);
        }
        let is_text = q.speaker_kind == SpeakerKind::Anonymous
            && q.speaker
                .as_deref()
                .and_then(|n| n.rsplit(' ').next())
                .is_some_and(|noun| TEXT_NOUNS.iter().any(|t| noun.eq_ignore_ascii_case(t)));
        let is_organization =
            q.speaker_actor.is_some_and(|a| self.actors.actor_name(a, self.ann).1 == ActorType::Organization);
        if !(is_text || is_organization) {
            return self.organization_or_text_before(at);
        }
        Speaker::of(q)
    }

    /// For "it" when no text or organization spoke last: the organization
    /// that opens a sentence close before (see
    /// [`Extractor::organization_before`]), else the last text described
    /// from the sentence before the pronoun's up to it ("Trump's campaign
    /// put out a statement contradicting his comments. In cases of
    /// abortion, it said, “…”": the statement; see
    /// [`quote_source::text_described_in`]). Else none.
    fn organization_or_text_before(&self, at: usize) -> Speaker {
        let found = self.organization_before(at, true);
        if found.kind.is_some() {
            return found;
        }
        let (s, _) = self.sentence(at);
        let from = self.sentence_before(s).map_or(s, |(a, _)| a).max(at.saturating_sub(600));
        let hay = self.text(from, at);
        match quote_source::text_described_in(hay) {
            Some(r) => self.anonymous(&hay[r.clone()], from + hay[..r.start].chars().count()),
            None => found,
        }
    }

    /// The last organization mentioned close before `at` (ending at most
    /// 400 characters before it): for "they", any; for "it" when no text
    /// or organization spoke last (`subject`), one that opens its sentence
    /// ("Pfizer said on Monday that the deal was off. “…,” it added.").
    /// Else none.
    fn organization_before(&self, at: usize, subject: bool) -> Speaker {
        let found = self
            .mentions_in(at.saturating_sub(600), at)
            .iter()
            .rev()
            .filter(|m| m.end <= at && at - m.end <= 400)
            .filter(|m| self.actors.actor_name(m.actor, self.ann).1 == ActorType::Organization)
            .find(|m| !subject || self.opens_sentence(self.sentence(m.start).0, m.start));
        found.map_or_else(Speaker::default, |m| self.named(m.actor))
    }

    /// An anonymous source described by `np`, which starts at code point
    /// `at` of the text: the description without its determiner, and the
    /// first actor mentioned inside it as its affiliation ("a spokesman
    /// for the Taliban", "one former aide to bin Laden").
    pub(super) fn anonymous(&self, np: &str, at: usize) -> Speaker {
        let lead = np.len() - np.trim_start().len();
        let from = at + np[..lead].chars().count();
        let to = from + np.trim().chars().count();
        let affiliation = self.mentions_in(from, to).iter().find(|m| m.end <= to).map(|m| m.actor);
        let mut np = np.trim();
        // "official in December" : a month is not where the source is from.
        for sep in [" in ", " from ", " of "] {
            if let Some(k) = np.rfind(sep) {
                let tail = np[k + sep.len()..].split_whitespace().next().unwrap_or("");
                if crate::lexicon::NOT_NAMES.contains(tail) {
                    np = &np[..k];
                }
            }
        }
        let lower = np.to_lowercase();
        let determiners =
            ["a ", "an ", "one ", "another ", "the ", "this ", "those ", "these ", "some ", "other "];
        let desc = determiners.iter().find_map(|d| lower.starts_with(d).then(|| np[d.len()..].to_string()));
        // "one of the witnesses", "some of his aides": the group the
        // source is one of ("witnesses"), not a phrase starting "of".
        let desc = desc.map(|d| match d.strip_prefix("of ") {
            Some(group) => ["the ", "his ", "her ", "their ", "its "]
                .iter()
                .find_map(|a| group.strip_prefix(a))
                .unwrap_or(group)
                .to_string(),
            None => d,
        });
        if !quote_source::well_formed_description(desc.as_deref().unwrap_or(np)) {
            return Speaker::default();
        }
        Speaker {
            name: Some(desc.unwrap_or_else(|| np.to_string())),
            kind: Some(SpeakerKind::Anonymous),
            affiliation,
            ..Speaker::default()
        }
    }

    /// The subject of a cue that ends at `at` looking right (inverted: "said
    /// Kim Kagan", "according to one commander").
    pub(super) fn subject_after(&self, at: usize) -> Speaker {
        let rest = self.text(at, (at + 120).min(self.chars.len()));
        // "said one Taliban official": the anonymous phrase, not the group in it.
        if let Some(g) = group_after(&ANON_AFTER, rest) {
            // "said NRF spokesman Ali Maisam Nazary": a name right after the
            // role is the speaker.
            let np_end = at + rest[..g.end].chars().count();
            // …and the description's complement with it ("a person close
            // to the Clintons").
            let g = match quote_source::description_after(rest) {
                Some(d) if d.start <= g.start && d.end > g.end => d,
                _ => g,
            };
            match self.mention_starting_at(np_end, 1) {
                Some((_, actor)) => return self.named(actor),
                None => return self.described(rest, g, at),
            }
        }
        if let Some((end, actor)) = self.mention_starting_at(at, 40) {
            // "said Democratic National Committee Chairman Ed Rendell": an
            // organization, up to three role words and a person: the
            // person speaks.
            if self.actors.actor_name(actor, self.ann).1 == ActorType::Organization {
                if let Some(person) = self.person_after_roles(end) {
                    return self.named(person);
                }
            }
            // "said Rubio’s deputy campaign manager, Rich Beeson": a name's
            // possessive before a lower-case word opens a description,
            // whose person (named after it) or itself is the source.
            let after = self.text(end, (end + 3).min(self.chars.len()));
            let owner = ["’s ", "'s "].iter().any(|p| after.starts_with(p))
                && self.text(end + 3, (end + 4).min(self.chars.len())).starts_with(char::is_lowercase);
            if let Some(g) = owner.then(|| quote_source::description_after(rest)).flatten() {
                return self.described(rest, g, at);
            }
            // "according to a Pentagon readout", "said the Trump campaign":
            // a name between a determiner and a lower-case head is a
            // modifier; the description is the source.
            if let Some(g) = quote_source::description_after(rest) {
                let (g_start, g_end) =
                    (at + rest[..g.start].chars().count(), at + rest[..g.end].chars().count());
                let first = self.mentions_in(at, end).first().map_or(end, |m| m.start);
                if g_start < first && g_end > end {
                    return self.described(rest, g, at);
                }
            }
            return self.named(actor);
        }
        if let Some(g) = group_after(&PRONOUN_AFTER, rest) {
            return self.resolve_pronoun(&rest[g], at);
        }
        if let Some(g) = quote_source::description_after(rest) {
            return self.described(rest, g, at);
        }
        // "“…,” tweeted another."
        if let Some(g) = quote_source::quantifier_after(rest) {
            return self.anonymous(&rest[g.clone()], at + rest[..g.start].chars().count());
        }
        Speaker::default()
    }

    /// The person mentioned right after up to three capitalised role words
    /// that start at code point `at` (" Chairman Ed Rendell").
    fn person_after_roles(&self, at: usize) -> Option<ActorRef> {
        let (start, actor) = self.mentions_in(at, at + 60).iter().map(|m| (m.start, m.actor)).next()?;
        let between = self.text(at, start);
        let words: Vec<&str> = between.split_whitespace().collect();
        // Capitalised role words ("Chairman"), or lower-case nouns and
        // their modifiers ("Fox Business moderator Gerard Baker", "Fight
        // for $15 organizing director Kendall Fells"): no function word.
        let noun = |w: &&str| {
            w.chars().all(|c| c.is_lowercase() || c == '-')
                && !FUNCTION_WORDS.contains(w)
                && CUE.find(w).is_none()
        };
        let roles = !words.is_empty()
            && words.len() <= 3
            && between.starts_with(' ')
            && between.ends_with(' ')
            && words
                .iter()
                .all(|w| (w.starts_with(char::is_uppercase) && quote_source::is_role_word(w)) || noun(w));
        (roles && self.actors.actor_name(actor, self.ann).1 == ActorType::Person).then_some(actor)
    }

    /// The source described by `rest[g]` (`rest` starts at code point
    /// `at`): the person named in an apposition right after it ("said
    /// the American ambassador at the time, John Herbst"), else the
    /// description.
    fn described(&self, rest: &str, g: std::ops::Range<usize>, at: usize) -> Speaker {
        // "…, John Herbst", or the name right after the role ("Rubio’s
        // campaign manager Rich Beeson").
        let gap = [", ", " "].into_iter().find(|p| rest[g.end..].starts_with(p));
        if let Some(gap) = gap {
            let name_at = at + rest[..g.end].chars().count() + gap.len();
            if let Some((_, actor)) = self.mention_starting_at(name_at, 0) {
                if self.actors.actor_name(actor, self.ann).1 == ActorType::Person {
                    return self.named(actor);
                }
            }
        }
        self.anonymous(&rest[g.clone()], at + rest[..g.start].chars().count())
    }

    /// The subject of a cue that starts at `at` looking left ("Kagan said",
    /// "one commander said", "he said").
    pub(super) fn subject_before(&self, at: usize) -> Speaker {
        // Within the cue's segment: a title or heading before a paragraph
        // is not part of its first sentence ("The headline reads that …"
        // after a title with no full stop).
        let segment = at.checked_sub(1).and_then(|p| self.segment_at(p)).and_then(|g| g.span.as_ref());
        let floor = segment.map_or(0, |r| r.start);
        let from = |at: usize| at.saturating_sub(120).max(floor.min(at));
        // "al-Libi reportedly said", "the department has also said": an
        // adverb or an auxiliary may stand between.
        let window = self.text(from(at), at);
        let kept = quote_source::strip_auxiliaries(window);
        let (at, before) = if kept.len() < window.len() {
            let at = at - window[kept.len()..].chars().count();
            (at, self.text(from(at), at))
        } else {
            (at, window)
        };
        // "John Lewis and Stevie Wonder, who joked": a relative "who"
        // stands for the name right before it and its comma, not for the
        // pair or the sentence's first person.
        // Not "It was Lena Ortiz, not Kwame Otieno, who"; "an aide to
        // Lena Ortiz, who said" is the aide's (see `related_source`).
        if let Some(head) = before.trim_end().strip_suffix("who").filter(|h| h.ends_with([' ', ','])) {
            let name_end = at - before[head.trim_end().trim_end_matches(',').len()..].chars().count();
            if let Some((start, actor)) = self.mention_ending_at(name_end, 0) {
                let negated = self.text(start.saturating_sub(4), start) == "not ";
                if !negated {
                    return self.related_source(start, name_end).unwrap_or_else(|| self.named(actor));
                }
            }
        }
        // "Giovanni Maria Vian, the editor of the Vatican’s newspaper,
        // L’Osservatore Romano, said", "Claire McCaskill (D-Mo.), who has
        // endorsed Clinton, said": the person a chain of appositions
        // belongs to.
        if let Some(actor) = self.apposition_head(at) {
            return self.named(actor);
        }
        // "Lisa O. Monaco, Obama’s adviser on counterterrorism, said": the
        // name before the apposition speaks, not a name or a role in it.
        if let Some(comma) = quote_source::apposition_start(before) {
            let comma_at = at - before[comma..].chars().count();
            // "the director of the F.B.I., James B. Comey, said": a
            // person's name that is the whole apposition speaks, not the
            // description before it.
            if let Some(actor) = self.person_filling(comma_at + 1, at) {
                return self.named(actor);
            }
            if let Some((_, actor)) = self.mention_ending_at(comma_at, 0) {
                return self.named(actor);
            }
            // "Two officials, speaking on condition of anonymity because
            // Trump had not announced it, said", "Critics, citing a report
            // by Clinton, said": no name before the aside; the subject is
            // what stands there, not a name inside the aside.
            let subject = self.subject_before(comma_at);
            if subject.kind.is_some() {
                return subject;
            }
            // "Others, reacting to …, shouted": a bare source right before
            // the comma (read as before white space).
            let lead = format!("{} ", &before[..comma]);
            if let Some(g) = quote_source::bare_source_before(&lead) {
                let np_start = (comma_at + 1).saturating_sub(lead[g.start..].chars().count());
                return self.anonymous(&lead[g], np_start);
            }
            // An aside opened by a participle or a relative pronoun is no
            // subject, and neither is a name inside it.
            let first = before[comma + 1..].split_whitespace().next().unwrap_or("");
            if (first.ends_with("ing") && first.starts_with(char::is_lowercase))
                || ["who", "which", "whose"].contains(&first)
            {
                return Speaker::default();
            }
        }
        // "Kim Kagan, the founder of the institute said": an apposition
        // whose closing comma is missing still belongs to the person.
        if let Some(actor) = self.unclosed_apposition_head(at) {
            return self.named(actor);
        }
        // "Harry M. Reid (D-Nev.) said": the affiliation in brackets aside.
        if let Some(open) = quote_source::bracket_before(before) {
            let open_at = at - before[open..].chars().count();
            if let Some((_, actor)) = self.mention_ending_at(open_at, 1) {
                return self.named(actor);
            }
        }
        let mention = self.mention_ending_at(at, 2);
        // "Bill Eastland of Texas said": a person, then where they are
        // from, in words that are no actor's name.
        if mention.is_none() {
            if let Some(m) = PLACE_AFTER_NAME.find(before) {
                let of_at = at - before[m.start()..].chars().count();
                if let Some((start, actor)) = self.mention_ending_at(of_at, 0) {
                    if self.actors.actor_name(actor, self.ann).1 == ActorType::Person {
                        // "an aide to Martin Gale of Texas said": the aide.
                        return self.related_source(start, of_at).unwrap_or_else(|| self.named(actor));
                    }
                }
            }
        }
        if let Some(g) = quote_source::anon_before(before) {
            // "the Institute for the Study of War said": a source noun
            // inside an actor's name makes no anonymous source (the name may
            // start inside the phrase or, cut at "for", before it).
            let np_start = at - before[g.start..].chars().count();
            let in_name = mention.is_some_and(|(start, _)| {
                start != np_start && SOURCE_NOUN_WORD.is_match(self.text(start.max(np_start), at))
            });
            if !in_name {
                let sp = self.anonymous(&before[g], np_start);
                if sp.kind.is_some() {
                    return sp;
                }
            }
        }
        if let Some((start, actor)) = mention {
            let (start, actor) = self.first_conjunct(start, actor);
            return self.related_source(start, at).unwrap_or_else(|| self.named(actor));
        }
        // (A phrase `anonymous` rejects is no source; a pronoun may still
        // end the text: "… as a deterrence to what it called “…”".)
        if let Some(g) = quote_source::description_before(before) {
            let np_start = at - before[g.start..].chars().count();
            let sp = self.anonymous(&before[g], np_start);
            if sp.kind.is_some() {
                return sp;
            }
        }
        // "Aides say", "Several said", "“…,” officials said".
        if let Some(g) = quote_source::bare_source_before(before) {
            let np_start = at - before[g.start..].chars().count();
            let sp = self.anonymous(&before[g], np_start);
            if sp.kind.is_some() {
                return sp;
            }
        }
        if let Some(g) = group_before(&PRONOUN_BEFORE, before) {
            return self.resolve_pronoun(&before[g], at);
        }
        Speaker::default()
    }

    /// The person whose name fills `from..at` (an apposition: the text up
    /// to a comma and spaces before `at`), titles before it aside
    /// ("Gen. Joseph Votel,").
    fn person_filling(&self, from: usize, at: usize) -> Option<ActorRef> {
        let inner = self.text(from, at).trim_end();
        let comma = from + inner.strip_suffix(',')?.chars().count();
        let m = self.mentions_in(from, comma).iter().find(|m| self.name_end(m) == comma)?;
        let lead = self.text(from, m.start);
        let titles = lead.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
        let person = self.actors.actor_name(m.actor, self.ann).1 == ActorType::Person;
        (titles && person).then_some(m.actor)
    }

    /// The person whose appositions end right before a cue at `at` (the
    /// text before it ends with a comma): the first person named in the
    /// sentence, after its last quotation mark and at most 300 characters
    /// back, who is followed by an apposition (a comma and a lower-case
    /// word or a number, or a bracket) that is not the cue's own comma.
    pub(super) fn apposition_head(&self, at: usize) -> Option<ActorRef> {
        let from = at.saturating_sub(300).max(self.sentence(at.saturating_sub(1)).0);
        let before = self.text(from, at);
        let t = before.trim_end();
        if !t.ends_with(',') {
            return None;
        }
        // After the last quote mark (a doubled apostrophe is one) or semicolon.
        let mark = t
            .rfind(['“', '”', '"', ';'])
            .map(|i| i + t[i..].chars().next().map_or(1, char::len_utf8))
            .max(t.rfind("''").map(|i| i + 2));
        let lo = from + mark.map_or(0, |i| t[..i].chars().count());
        let last_comma = from + t.chars().count() - 1;
        self.mentions_in(lo, last_comma)
            .iter()
            .filter(|m| self.name_end(m) < last_comma)
            .filter(|m| self.actors.actor_name(m.actor, self.ann).1 == ActorType::Person)
            .find(|m| {
                let end = self.name_end(m);
                let next = self.text(end, end + 3);
                next.starts_with(" (")
                    || next
                        .strip_prefix(", ")
                        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()))
            })
            .map(|m| m.actor)
    }

    /// The person opening a clause whose apposition runs up to a cue at
    /// `at` with no closing comma ("Kim Kagan, the founder of the
    /// Institute for the Study of War said", "Mike Pompeo, who is chairman
    /// of the panel told"): a person name, with at most capitalised words
    /// before it in its clause, then a comma and a lower-case word, then at
    /// most 18 words with no comma, mark, bracket or colon up to the cue.
    pub(super) fn unclosed_apposition_head(&self, at: usize) -> Option<ActorRef> {
        let from = at.saturating_sub(200).max(self.sentence(at.saturating_sub(1)).0);
        let m = self
            .mentions_in(from, at)
            .iter()
            .filter(|m| self.name_end(m) + 2 < at)
            .filter(|m| self.actors.actor_name(m.actor, self.ann).1 == ActorType::Person)
            .find(|m| self.text(self.name_end(m), self.name_end(m) + 2) == ", ")?;
        let rest = self.text(self.name_end(m) + 2, at);
        // "…” Clinton, and said he …": a conjunction starts a new clause.
        let first = rest.split_whitespace().next().unwrap_or("");
        if !rest.starts_with(|c: char| c.is_lowercase())
            || CLAUSE_WORDS.contains(&first)
            || rest.contains([',', '“', '”', '"', '‘', '’', ';', ':', '(', ')', '—', '–'])
            || rest.contains("''")
            || rest.split_whitespace().count() > 18
        {
            return None;
        }
        let lead = self.text(from, m.start);
        let clause = lead.rsplit([',', '“', '”', '"', ';', ':']).next().unwrap_or(lead);
        let capitalised = clause.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase()));
        capitalised.then_some(m.actor)
    }

    /// The speaker when the actor mentioned at `start` (up to `end`) is
    /// the object of a preposition: a person right before it ("Kim Kagan
    /// of the Institute for the Study of War said" is Kim Kagan), or an
    /// anonymous source phrase with it ("one former aide to bin Laden
    /// said", "a commander with the Haqqanis said": the phrase speaks, not
    /// the actor). Else `None`: the actor speaks.
    pub(super) fn related_source(&self, start: usize, end: usize) -> Option<Speaker> {
        let before = self.text(start.saturating_sub(120), start);
        // Up to four words of a role may stand between the preposition and
        // the name ("a spokesman for Democratic presidential candidate
        // Hillary Clinton"): no function word, verb in the past or cue.
        // A full stop only in an abbreviation or a title ("Mr.", "Sen."):
        // "… voters in Iowa. Governor Kwame Otieno said" crosses a sentence.
        let role_word = |w: &str| {
            w.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '’' | '\''))
                && (!w.ends_with('.') || quote_source::is_abbreviation(w))
                && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
                && !quote_source::past_tense(w)
                && !CUE.is_match(w)
        };
        let preposition = PREPOSITION_BEFORE.find(before).or_else(|| {
            let mut t = before.trim_end();
            for _ in 0..4 {
                let (rest, w) = t.rsplit_once(' ')?;
                if !role_word(w) {
                    return None;
                }
                if let Some(m) = PREPOSITION_BEFORE.find(&before[..rest.len() + 1]) {
                    return Some(m);
                }
                t = rest.trim_end();
            }
            None
        })?;
        let head_end = start - before[preposition.start()..].chars().count();
        if let Some((_, actor)) = self.mention_ending_at(head_end, 0) {
            if self.actors.actor_name(actor, self.ann).1 == ActorType::Person {
                return Some(self.named(actor));
            }
        }
        let head = &before[..preposition.start()];
        // "Supporters of Kim Kagan said": a bare plural source noun too
        // (read with the white space after it, as before a cue).
        let space = before[preposition.start()..].chars().next().map_or(0, char::len_utf8);
        let bare = || quote_source::bare_source_before(&before[..preposition.start() + space]);
        let g = quote_source::anon_before(head).or_else(bare)?;
        let np_start = start - before[g.start..].chars().count();
        let sp = self.anonymous(self.text(np_start, end).trim_end_matches([',', ' ']), np_start);
        // "a source speaking to Fox News": who they talk to is not whom
        // they are with.
        let word = preposition.as_str().trim_start().to_lowercase();
        let talks = ["speaking ", "talking ", "writing "].iter().any(|p| word.starts_with(p));
        Some(if talks { Speaker { affiliation: None, ..sp } } else { sp })
    }
}

/// Words that start a clause, not an apposition, after a name and a comma.
const CLAUSE_WORDS: [&str; 17] = [
    "and", "but", "or", "nor", "then", "so", "yet", "while", "as", "which", "after", "before", "when", "if",
    "because", "though", "although",
];

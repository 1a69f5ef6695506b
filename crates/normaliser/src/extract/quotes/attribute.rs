//! Attribution: the cue after or before a quote, the subject of its
//! sentence, a quote continuing the speaker of the one before, and the
//! footnote that names an interview source.

use super::chars::contains_ignore_ascii_case;
use super::patterns::{cues, evaluative_cue, group_after, ANON_AFTER, CUE, NOUN_LIKE_CUES, SOURCE_NOUNS};
use super::source as quote_source;
use super::{quotable, Extractor, Last, Pair, Speaker, SpeakerKind, Via};
use crate::extract::mentions::Mention;
use crate::lexicon::re;
use corpus_parser::{ActorType, BlockKind};
use regex::Regex;
use std::sync::LazyLock;

impl Extractor<'_> {
    /// The attribution of a marked quote: a cue after it in the same
    /// sentence, or before it, or at the end of the sentence before; else
    /// the footnote it carries; else, as a continuation, the speaker of the
    /// quote just before (see [`Extractor::continues`]).
    pub(super) fn attribute(&self, p: Pair, k: usize, last: &Option<Last>) -> Speaker {
        let (s, _) = self.sentence(p.open);
        let (_, e2) = self.sentence(p.close);
        // After: ", says Kim Kagan" / ", Kagan said" / "he said".
        let mut sp = self.cue_after(p);
        // Before, in the same sentence: "X said: “…" / "insisting that “…".
        if sp.cue.is_none() {
            sp = self.cue_before(s, p.open);
        }
        // "Donald Trump's accusation that Clinton is playing the “…”".
        if sp.cue.is_none() {
            sp = self.possessive_cue(s, p.open).unwrap_or(sp);
        }
        // "“…” ― Carla Sanchez.": a signature ending the paragraph, or
        // making the next one ("“…”\n\n- Bernie Sanders").
        if sp.cue.is_none() {
            sp = self.signature(p).or_else(|| self.signature_below(p)).unwrap_or(sp);
        }
        // "Howard Kurtz, Fox News: “…”": a name and a colon.
        if sp.cue.is_none() {
            sp = self.colon_source(s, p.open).unwrap_or(sp);
        }
        // "…remains “A” while … it still believes “B,” the report says":
        // the attribution after the sentence's last quote is that of all
        // its quotes.
        if sp.cue.is_none() {
            let last_close = (p.close + 1..e2.min(self.chars.len())).rev().find(|&i| {
                matches!(self.chars[i], '”' | '"')
                    || (self.doubled_apostrophe(i) && !self.doubled_apostrophe(i.saturating_sub(1)))
            });
            if let Some(close) = last_close {
                let later = self.cue_after(Pair { close, ..p });
                if later.kind.is_some() {
                    sp = later;
                }
            }
        }
        self.attribute_rest(p, k, last, sp)
    }

    /// The attribution of a quote by a cue after it in its sentence (", says
    /// Kim Kagan" / ", Kagan said" / "he said"); no cue: none.
    pub(super) fn cue_after(&self, p: Pair) -> Speaker {
        let (s, e) = self.sentence(p.open);
        let (_, e2) = self.sentence(p.close);
        let mut sp = Speaker::default();
        let (from, after) = self.text_after(p, s, e, e2);
        // Near, with no other quote between, and not in an aside opened
        // after the quote ("‘X’ (although this was confirmed …)").
        // (In bytes of `after`: 140, or 300 past a name and its
        // apposition.)
        let near = |m: &regex::Match<'_>| {
            let between = &after[..m.start()];
            (m.start() <= 140 || (m.start() <= 300 && name_and_apposition(between)))
                && !between.contains(['“', '"', '‘'])
                && between.matches('(').count() <= between.matches(')').count()
        };
        let listed = cues(after).next().filter(near).map(|m| m.range());
        // Not a listed verb: one whose place shows it ("…,” Toomey fumed
        // on Tuesday.", "…?” he wondered.", "…,” scoffed Arianna Gil."),
        // when its subject is found; not when a listed cue before the quote
        // in its sentence introduces it ("When Trump said he would “…,”
        // the crowd applauded").
        let placed = || {
            let inner_end = self.inner_end(p);
            let clause = matches!(inner_end, ',' | '?' | '!' | '—' | '–');
            (clause && cues(self.text(s, p.open)).next().is_none()).then(|| verb_after_quote(after)).flatten()
        };
        if let Some(r) = listed.clone().or_else(placed) {
            let m = &after[r.clone()];
            let cue = m.to_lowercase();
            let cue_start = from + after[..r.start].chars().count();
            let cue_end = cue_start + m.chars().count();
            // "…,” adding that …": a participle's subject is the main
            // clause's ("Cruz said that there is “…,” adding that it is why
            // Donald Trump …": Cruz), never the name after it.
            // So is that of a verb coordinated after the quote ("Huckabee
            // proposed “…” and said House Speaker Paul Ryan should resign",
            // "Comey called it “…,” but said she should face no charges").
            // "“…,” according to the Pentagon": the source follows, always;
            // none found, the quote's subject is not its source (the quote
            // stays, unattributed).
            if cue == "according to" {
                return Speaker { cue: Some(cue), via: Via::Cue, ..self.according_to_source(cue_end) };
            }
            let between = self.text(from, cue_start).trim_end();
            // Not after a subject and a verb of their own ("“…,” Jane
            // Sherry smiled and said": capitalised words, then a verb in
            // the past, right after the quote).
            let own_subject = |b: &str| {
                let words: Vec<&str> = b.trim_matches([',', ' ']).split_whitespace().collect();
                words.split_last().is_some_and(|(verb, subject)| {
                    !subject.is_empty()
                        && subject.iter().all(|w| w.starts_with(char::is_uppercase))
                        && quote_source::past_tense(verb)
                })
            };
            let coordinated = ["and", "but", "yet"].iter().any(|c| {
                between
                    .strip_suffix(c)
                    .is_some_and(|b| (b.is_empty() || b.ends_with([' ', ','])) && !own_subject(b))
            });
            // "Cruz accuses Obama of “…” and Donald Trump says he is …": a
            // conjunction opening a clause with its own subject and cue
            // after the quote; that cue is not the quote's. (After a comma
            // the cue is the whole sentence's: "“…” and against the law,
            // Clinton said".)
            let lead = between.trim_start_matches([',', ';', ' ']);
            let new_clause = !coordinated
                && !lead.contains(',')
                && ["and ", "but ", "while ", "whereas ", "yet "].iter().any(|c| lead.starts_with(c));
            // "…called the pact “insanity,” and Sanders, who says it's …",
            // "…“dictators” and … an attack on Trump, who has said": a cue
            // in a relative clause after the quote is its name's, not the
            // quote's; not when the name opens what follows the quote, as
            // the quote's own source with an aside ("“…,” Kwame Otieno, who
            // testified last year, said").
            let relative = quote_source::strip_auxiliaries(between)
                .trim_end()
                .strip_suffix("who")
                .is_some_and(|b| b.ends_with([' ', ',']))
                && !between.trim_start_matches([',', ' ']).starts_with(char::is_uppercase);
            if new_clause || relative {
                return sp;
            }
            // "Clinton accuses Sanders of an “…” regarding her links while
            // Sanders suggests …": a cue in a subordinate clause after the
            // quote is that clause's, not the quote's; not an inverted cue
            // after a comma ("“…,” since most cases were close, said Lee
            // Epstein"). Not all of `SUBORDINATORS`: after "as" or "like"
            // the cue is the quote's own ("“…,” as Trump said"), and "when",
            // "after", "if" clauses follow a quote's cue as often.
            const SUBORDINATORS_BETWEEN: [&str; 7] =
                ["while", "whereas", "although", "though", "because", "until", "since"];
            // The subordinator opens the cue's clause: at most four words
            // (its subject, an auxiliary) and no comma between them ("since
            // December 2010, and should be freed, the group says" is no
            // such clause).
            let words: Vec<&str> = between.split_whitespace().collect();
            let subordinate =
                words.iter().rposition(|w| SUBORDINATORS_BETWEEN.contains(w)).is_some_and(|k| {
                    let clause = &words[k + 1..];
                    !clause.is_empty() && clause.len() <= 4 && !clause.iter().any(|w| w.contains(','))
                });
            // Only for a quote inside its sentence, whose subject then
            // speaks if no cue before it does (a quote opening its sentence
            // would be left with no speaker at all).
            // The quote's sentence before it.
            let opening = self.text(s, p.open);
            if !coordinated && subordinate && !opening.trim().is_empty() {
                return self.cue_before(s, p.open);
            }
            // "Trump claimed on Tuesday that “…,” one of the prosecutors
            // said the cases differ", "Cruz said he'd make sand “…,” for
            // instance, and Trump vowed to …": the quote completes a cue
            // before it in its sentence, and the cue after it has a
            // subject of its own: that cue is not the quote's, if the one
            // before has a speaker.
            // "After Scalia said that the case was “…,” Trump said": a
            // quote that ends a subordinate clause opening the sentence,
            // after that clause's own cue, is that cue's.
            // Not when the attribution after the quote is an aside the
            // sentence goes on after ("If the president says the deal is
            // “final,” Lena Ortiz said on Tuesday, Congress will block it").
            let rest = &after[r.end..];
            let aside = rest[..rest.find(['“', '"', '‘']).unwrap_or(rest.len())].contains(',');
            let opening_clause = opening
                .split_whitespace()
                .next()
                .is_some_and(|w| OPENING_SUBORDINATORS.contains(&w.to_lowercase().as_str()))
                && (matches!(self.inner_end(p), ',') || between.trim_start().starts_with(','))
                && !aside;
            // (the clause's bounds are clear: its complement may be long)
            let completes = |most: usize| complements_a_cue(opening, most);
            if !coordinated && ((own_clause(between) && completes(8)) || (opening_clause && completes(30))) {
                let before = self.cue_before(s, p.open);
                if before.kind.is_some() {
                    return before;
                }
            }
            // "“…,” Braynard is quoted as saying": the subject before the
            // passive is the speaker.
            let quoted_as = between.strip_suffix(" quoted as").and_then(|b| {
                let subject = ["is", "was", "are", "were", "been"]
                    .iter()
                    .find_map(|a| b.strip_suffix(a).filter(|s| s.ends_with(' ')))?;
                Some(from + subject.chars().count())
            });
            let participle = (cue.ends_with("ing") && quoted_as.is_none()) || coordinated;
            let mut subject = match quoted_as {
                Some(at) => self.subject_before(at),
                None if participle => self.main_subject(s, p.open),
                None => self.subject_before(cue_start),
            };
            // "“…” for the EU, said Geert Wilders, founder of …": a cue after
            // a comma that closes no apposition is inverted.
            let after_comma = || {
                let before = self.text(cue_start.saturating_sub(120), cue_start);
                before.trim_end().ends_with(',')
                    && quote_source::apposition_start(before).is_none()
                    && self.apposition_head(cue_start).is_none()
                    && quote_source::bracket_before(before.trim_end().trim_end_matches(',')).is_none()
            };
            if !participle
                && (subject.kind.is_none()
                    || self.text(from, cue_start).trim_matches([',', ' ', '.']).is_empty()
                    || after_comma())
            {
                let inverted = self.subject_after(cue_end);
                if inverted.kind.is_some() {
                    subject = inverted;
                }
            }
            // ", adding that …": the sentence's own subject speaks.
            if subject.kind.is_none() && !NOUN_LIKE_CUES.contains(&cue.as_str()) {
                subject = self.sentence_subject(s, p.open);
            }
            let counts = listed.is_some() && !NOUN_LIKE_CUES.contains(&cue.as_str());
            if subject.kind.is_some() || counts {
                sp = Speaker { cue: Some(cue), via: Via::Cue, ..subject };
            }
        }
        sp
    }

    /// The subject of the main clause after a participle opening the
    /// sentence from `s` (at `cue_start..cue_end`; a subordinator such as
    /// "After" or "While" may stand before it): the source that opens the
    /// text after the participle clause's first comma outside quotation
    /// marks (a comma right before a closing mark ends the quote and the
    /// clause: “…,” she said), an aside ("though,") skipped.
    fn fronted_participle_subject(&self, s: usize, cue_start: usize, cue_end: usize) -> Option<Speaker> {
        let lead = self.text(s, cue_start).trim();
        let fronted =
            lead.is_empty() || (!lead.contains(' ') && SUBORDINATORS.contains(&lead.to_lowercase().as_str()));
        if !fronted {
            return None;
        }
        let (_, e) = self.sentence(cue_start);
        let mut inside = false;
        let mut comma = None;
        for i in cue_end..e.min(self.chars.len()) {
            match self.chars[i] {
                '“' => inside = true,
                '”' => inside = false,
                '"' => inside = !inside,
                ',' if !inside || matches!(self.chars.get(i + 1), Some('”' | '"')) => {
                    comma = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let mut at = comma? + 1;
        while matches!(self.chars.get(at), Some('”' | '"' | ' ')) {
            at += 1;
        }
        for aside in ["though, ", "however, ", "then, "] {
            if self.text(at, at + aside.chars().count()) == aside {
                at += aside.chars().count();
            }
        }
        // The subject of the clause's verb ("the billionaire mogul
        // offered", "Kwame Otieno, the chairman, walked out"), else a name
        // or a pronoun opening it.
        let (_, e) = self.sentence(at);
        let rest = self.text(at, e);
        let mut offset = 0;
        for w in rest.split(' ').take(16) {
            let bare = w.trim_end_matches([',', '.', ';', ':']);
            if offset > 0 && quote_source::verb_like(bare) {
                let subject = self.subject_before(at + rest[..offset].chars().count());
                if subject.kind.is_some() {
                    return Some(subject);
                }
                break;
            }
            offset += w.len() + 1;
        }
        let subject = self.subject_after(at);
        (subject.kind == Some(SpeakerKind::Named)).then_some(subject)
    }

    /// The source after "according to" (ending at `at`): a name, a
    /// description or a pronoun as after any inverted cue (see
    /// [`Extractor::subject_after`]); else the phrase up to the next
    /// comma or the sentence's end, of at most 16 words, as a description
    /// ("according to an archived version of the foundation's website
    /// from 2010,", "according to show insiders."): what "according to"
    /// introduces is the source, whatever its shape, but for a name.
    fn according_to_source(&self, at: usize) -> Speaker {
        let sp = self.subject_after(at);
        if sp.kind.is_some() {
            return sp;
        }
        let (_, e) = self.sentence(at);
        let rest = self.text(at, e);
        let phrase = rest[..rest.find([',', ';', ':', '“', '”', '"', '(']).unwrap_or(rest.len())]
            .trim_end()
            .trim_end_matches(['.', '!', '?', ')']);
        let words: Vec<&str> = phrase.split_whitespace().collect();
        // A name no actor matched ("according to Nielsen") is left out:
        // an anonymous source is a description, with a word in lower case
        // past its determiner.
        let described = words
            .iter()
            .skip(1)
            .any(|w| w.starts_with(char::is_lowercase) && !["of", "and", "the", "for"].contains(w));
        // A noun phrase, not a clause the missing comma runs on into
        // ("according to early returns turnout rose sharply, …"): an
        // article opens it, or it is of three words at most; and no verb
        // in the past is in it past its first two words ("an archived
        // version": an adjective).
        let article = words.first().is_some_and(|w| ["a", "an", "the"].contains(&w.to_lowercase().as_str()));
        let verb = words.iter().skip(2).any(|w| quote_source::past_tense(w) || PAST_OR_AUXILIARY.contains(w));
        if words.is_empty() || words.len() > 16 || !described || !(article || words.len() <= 3) || verb {
            return sp;
        }
        self.anonymous(phrase, at)
    }

    /// A plural source with no determiner that opens the sentence from `s`
    /// (before `end`), a verb right after it: a capitalised first word,
    /// up to five more in lower case with no punctuation, the last a
    /// plural source noun ("Protesters marched", "Hundreds of
    /// demonstrators gathered", "Small groups of protesters continued").
    fn opening_bare_source(&self, s: usize, end: usize) -> Option<Speaker> {
        let text = self.text(s, end);
        let words: Vec<&str> = text.split(' ').take(8).collect();
        let first = words.first()?;
        if !first.starts_with(char::is_uppercase) || !first.chars().all(char::is_alphabetic) {
            return None;
        }
        let k = (1..words.len().min(7)).find(|&k| {
            is_plural_source(&words[k - 1].to_lowercase())
                && (quote_source::past_tense(words[k]) || quote_source::verb_like(words[k]))
        })?;
        // ("pro-Sanders", "anti-Trump": a prefix in lower case.)
        let lower = words[1..k].iter().all(|w| {
            w.chars().all(|c| c.is_lowercase() || c == '-')
                || (w.starts_with(char::is_lowercase)
                    && w.contains('-')
                    && w.chars().all(|c| c.is_alphabetic() || c == '-'))
        });
        if !lower {
            return None;
        }
        let phrase = words[..k].join(" ");
        let sp = self.anonymous(&phrase, s);
        sp.kind.is_some().then_some(sp)
    }

    /// The subject of the sentence from `s` up to `end`: that of its last
    /// cue that is no participle ("Trump said the deadlock kept us safe
    /// before claiming …": Trump), else the person it is about (see
    /// [`Extractor::sentence_subject`]).
    fn main_subject(&self, s: usize, end: usize) -> Speaker {
        let text = self.text(s, end);
        let main = cues(text).filter(|m| !m.as_str().ends_with("ing")).last();
        if let Some(m) = main {
            let subject = self.subject_before(s + text[..m.start()].chars().count());
            if subject.kind.is_some() {
                return subject;
            }
        }
        self.sentence_subject(s, end)
    }

    /// The description that opens the sentence from `s` up to `end` as
    /// its subject, at its start or after an opening phrase and its comma,
    /// right before its verb ("In three interviews, the justice sounded
    /// off on Trump, saying …", "The billionaire businessman began by …,
    /// saying …"): "the", "a" or "an" or a name's possessive ("Hillary
    /// Clinton’s right-hand woman rallied supporters, saying: …"), up to
    /// four more words, the last a head in lower case, then a verb in the
    /// past (in -ed, or one of a few irregular ones) or an auxiliary.
    fn opening_description(&self, s: usize, end: usize) -> Option<Speaker> {
        let text = self.text(s, end);
        let starts = [0].into_iter().chain(text.find(", ").filter(|&c| c <= 120).map(|c| c + 2));
        for at in starts {
            let words: Vec<(usize, &str)> = text[at..]
                .split(' ')
                .scan(at, |pos, w| {
                    let start = *pos;
                    *pos += w.len() + 1;
                    Some((start, w))
                })
                .take(7)
                .collect();
            let Some(&(np_at, first)) = words.first() else { continue };
            // The determiner: an article, or a name's possessive
            // ("Hillary Clinton’s right-hand woman rallied supporters").
            let owner = (0..3.min(words.len())).find(|&j| {
                words[..=j].iter().all(|(_, w)| w.starts_with(char::is_uppercase))
                    && (words[j].1.ends_with("’s") || words[j].1.ends_with("'s"))
            });
            let Some(det) =
                owner.or(["the", "a", "an"].contains(&first.to_lowercase().as_str()).then_some(0))
            else {
                continue;
            };
            let verb = |w: &str| quote_source::past_tense(w) || PAST_OR_AUXILIARY.contains(&w);
            let Some(k) = (det + 2..words.len()).find(|&k| verb(words[k].1)) else { continue };
            // What may stand between a subject and its cue is no part of
            // the phrase: an adverb, an auxiliary, a time ("The Obama
            // administration quickly denounced …", "The Cypriot government
            // Saturday strongly condemned …"; see `strip_auxiliaries`).
            let from = words[det + 1].0;
            let kept = quote_source::strip_auxiliaries(&text[from..words[k].0]).trim_end();
            let k = if kept.is_empty() {
                k
            } else {
                (det + 2..=k).find(|&h| words[h].0 >= from + kept.len()).unwrap_or(k)
            };
            let head = words[k - 1].1;
            let plain = |w: &str| {
                w.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '’' | '\''))
                    && !["the", "a", "an", "later", "earlier", "ago"].contains(&w.to_lowercase().as_str())
            };
            if !head.starts_with(char::is_lowercase) || !words[det + 1..k].iter().all(|(_, w)| plain(w)) {
                continue;
            }
            let np_end = words[k - 1].0 + head.len();
            // A person between it and the cue who opens a clause of their
            // own is its subject ("The debate turned ugly when Kim Kagan
            // attacked him, saying …"; not the object in "the justice
            // sounded off on Trump, saying …").
            let after = s + text[..np_end].chars().count();
            let clause_subject = |m: &Mention| {
                let lead = self.text(after, m.start).trim_end();
                let word = lead.rsplit(char::is_whitespace).next().unwrap_or("");
                lead.ends_with([',', ';'])
                    || quote_source::CLAUSE_WORDS.contains(&word.to_lowercase().as_str())
            };
            let person_between = self.mentions_in(after, end).iter().any(|m| {
                self.actors.actor_name(m.actor, self.ann).1 == ActorType::Person && clause_subject(m)
            });
            if person_between {
                return None;
            }
            let phrase = &text[np_at..np_end];
            if !quote_source::well_formed_description(phrase) {
                continue;
            }
            let np_start = s + text[..np_at].chars().count();
            return Some(self.anonymous(phrase, np_start)).filter(|sp| sp.kind.is_some());
        }
        None
    }

    /// The last character inside the quote `p` before its closing mark,
    /// past the closing marks of quotes nested at its end ("…, what can we
    /// do to help?’”" ends with a question mark).
    fn inner_end(&self, p: Pair) -> char {
        let mut i = p.close;
        while i > p.open + 1 && matches!(self.chars[i - 1], '’' | '\'') {
            i -= 1;
        }
        self.chars[i.saturating_sub(1)]
    }

    /// The text after a quote's closing mark (both apostrophes of a
    /// doubled one) where its attribution may stand, and where it starts;
    /// `e`, `e2`: the ends of the sentences of its opening and closing
    /// marks; `s`: the start of the sentence of its opening mark.
    fn text_after(&self, p: Pair, s: usize, e: usize, e2: usize) -> (usize, &str) {
        // After the closing mark (both apostrophes of a doubled one).
        let from = p.close + 1 + usize::from(self.doubled_apostrophe(p.close));
        let after_end = e2.max(e).min(p.close + 320).min(self.chars.len());
        let after = self.text(from, after_end);
        // A quote that ends its sentence ("… for any price.” (In 2019 …")
        // takes no attribution from what follows, unless that goes on in
        // lower case ("?” he asked").
        let seg_end =
            self.segment_at(p.close).and_then(|x| x.span.as_ref().map(|r| r.end)).unwrap_or(after_end);
        let rest = self.text(from, (p.close + 160).min(seg_end));
        let ends_sentence = matches!(self.inner_end(p), '.' | '!' | '?')
            && rest.trim_start().chars().next().is_none_or(|c| !c.is_lowercase());
        // …but a short attribution sentence right after still counts:
        // “Are we ready?” Kagan asked. Not after a quote its own sentence
        // attributes with a cue before it ("Morris says the campaign will
        // “compete vigorously.” O’Malley’s move was first reported by
        // MSNBC."): the next sentence is a new one.
        let cued_before = || cues(self.text(s, p.open)).next().is_some();
        let after = if ends_sentence && cued_before() {
            ""
        } else if ends_sentence {
            // The sentence ends at a stop that is no initial or title
            // ("Lisa O. Monaco"); an apposition in it does not count
            // ("Lisa O. Monaco, Obama’s adviser on …, said").
            let next = &rest[..quote_source::first_stop(rest).unwrap_or(rest.len())];
            // …or one of any length whose cue comes early, after a
            // question or an exclamation, which no comma could end (“Do
            // you think I'm going to change?” Trump asked reporters
            // during a news conference late last month.).
            let cue_early = matches!(self.inner_end(p), '?' | '!')
                && CUE
                    .find(next)
                    .is_some_and(|m| quote_source::words_outside_apposition(&next[..m.start()]) <= 5);
            if (cue_early || quote_source::words_outside_apposition(next) <= 8)
                && rest.trim_start().starts_with(|c: char| c.is_alphabetic())
            {
                next
            } else {
                ""
            }
        } else {
            after
        };
        (from, after)
    }

    /// The speaker named right before a colon that opens the quote at
    /// `open` ("Howard Kurtz: “…”"; with an affiliation after a comma,
    /// "Howard Kurtz, Fox News: “…”", the person before the comma).
    fn colon_source(&self, s: usize, open: usize) -> Option<Speaker> {
        let before = self.text(s, open);
        let head = before.trim_end().strip_suffix(':')?;
        let colon = s + head.chars().count();
        let person = |at: usize| {
            self.mention_ending_at(at, 0)
                .filter(|(_, a)| self.actors.actor_name(*a, self.ann).1 == ActorType::Person)
        };
        let found = head.rfind(", ").and_then(|c| person(s + head[..c].chars().count()));
        let (start, actor) = found.or_else(|| self.mention_ending_at(colon, 0))?;
        let (start, actor) = self.first_conjunct(start, actor);
        // "McConnell delivered a blunt message to Trump: “…”": the object
        // of a preposition is spoken to or of ("More from Kagan:" is hers).
        let word_before = self.text(s, start).split_whitespace().next_back().unwrap_or("").to_lowercase();
        if OBJECT_PREPOSITIONS.contains(&word_before.as_str()) {
            return None;
        }
        Some(Speaker { cue: Some(":".to_string()), via: Via::Cue, ..self.named(actor) })
    }

    /// The owner of a noun of speech before a quote in its sentence, a
    /// name with a possessive ("Donald Trump's accusation that Hillary
    /// Clinton is playing the “…”", "Mr. Obama's patronizing suggestion
    /// that she was “…”", "Clinton’s response was: “…”"): the noun (up to
    /// three words after the possessive) is followed by "that", "of", a
    /// form of "to be", a colon or a dash, and no quote stands between.
    fn possessive_cue(&self, s: usize, open: usize) -> Option<Speaker> {
        static SPEECH_NOUN: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"(?:’s|'s|’|') (?:[a-z-]+ ){0,3}?(?P<noun>accusations?|claims?|remarks?|comments?|warnings?|assertions?|suggestions?|conclusions?|responses?|dictum|aside|promises?|pledges?|charges?|arguments?|statements?|words|descriptions?|characterizations?|insistence|contention|complaints?|criticisms?|quip|slogan|catch ?phrase|message|vow|boast|retort|reply|answer)(?: (?:that|of|was|is|were|are)\b|:| —)",
            )
        });
        let before = self.text(s, open);
        let c = SPEECH_NOUN.captures_iter(before).last()?;
        let (m, noun) = (c.get(0)?, c.name("noun")?);
        if before[m.end()..].contains(['“', '”', '"']) {
            return None;
        }
        let owner_end = s + before[..m.start()].chars().count();
        let (_, actor) = self.mention_ending_at(owner_end, 0)?;
        Some(Speaker { cue: Some(noun.as_str().to_string()), via: Via::Cue, ..self.named(actor) })
    }

    /// The person who signs a quote: a dash after its closing mark and a
    /// name that ends the paragraph ("“…” ― Carla Sanchez.").
    fn signature(&self, p: Pair) -> Option<Speaker> {
        let from = p.close + 1 + usize::from(self.doubled_apostrophe(p.close));
        let end = self.segment_at(p.close)?.span.as_ref()?.end;
        if end.saturating_sub(from) > 80 {
            return None;
        }
        let after = self.text(from, end);
        let at = from + after[..quote_source::signature_start(after)?].chars().count();
        let (name_end, actor) = self.mention_starting_at(at, 0)?;
        let rest = self.text(name_end, end);
        rest.trim().trim_end_matches('.').is_empty().then(|| Speaker {
            cue: after.trim_start().chars().next().map(String::from),
            via: Via::Cue,
            ..self.named(actor)
        })
    }

    /// The person who signs a quote that ends its paragraph in the
    /// paragraph after it: a dash (a hyphen too) and a name, and nothing
    /// after the name but a full stop or a comma and its context ("“…”
    /// ¶ - Bernie Sanders", "¶ —President Obama, tweeting after the vote").
    fn signature_below(&self, p: Pair) -> Option<Speaker> {
        let from = p.close + 1 + usize::from(self.doubled_apostrophe(p.close));
        let end = self.segment_at(p.close)?.span.as_ref()?.end;
        if !self.text(from, end).trim().trim_end_matches(['.', ',']).is_empty() {
            return None;
        }
        let k = self.spans.partition_point(|&(s, _)| s < end);
        let &(next_start, i) = self.spans.get(k)?;
        let next = &self.doc.segments[i];
        let next_end = next.span.as_ref()?.end;
        if !quotable(next.kind) || !self.text(end, next_start).trim().is_empty() {
            return None;
        }
        let line = self.text(next_start, next_end);
        // A line "- Bernie Sanders" is read as a list item with its dash
        // taken off: one alone, not a list, is a signature too.
        let dashed = line.trim_start().strip_prefix(['-', '―', '—', '–']);
        let lone_item = next.kind == BlockKind::ListItem
            && self.spans.get(k + 1).is_none_or(|&(_, j)| self.doc.segments[j].kind != BlockKind::ListItem)
            && k.checked_sub(1)
                .and_then(|j| self.spans.get(j))
                .is_some_and(|&(_, j)| self.doc.segments[j].kind != BlockKind::ListItem);
        let body = dashed.or(lone_item.then_some(line))?.trim_start();
        if !body.starts_with(char::is_uppercase) {
            return None;
        }
        let at = next_start + line[..line.len() - body.len()].chars().count();
        let (name_end, actor) = self.mention_starting_at(at, 24)?; // a title may lead ("President Obama")
        let rest = self.text(name_end, next_end).trim();
        (rest.is_empty() || rest == "." || rest.starts_with(',')).then(|| Speaker {
            // The dash, or the list item's (taken off the text).
            cue: Some(
                line.trim_start().chars().next().filter(|_| dashed.is_some()).unwrap_or('-').to_string(),
            ),
            via: Via::Cue,
            ..self.named(actor)
        })
    }

    /// The rest of [`Extractor::attribute`]: the sentence before, the
    /// footnote, the quote before.
    pub(super) fn attribute_rest(&self, p: Pair, k: usize, last: &Option<Last>, mut sp: Speaker) -> Speaker {
        let (s, _) = self.sentence(p.open);
        // A quote opening its sentence takes the attribution of the sentence
        // before, in the same paragraph, when that one has a cue and a
        // speaker and no quote of its own ("Kagan put it this way:", "the
        // study authors say.").
        if sp.cue.is_none() && self.text(s, p.open).trim().is_empty() {
            if let Some(ps) = self.quoteless_sentence_before(s) {
                let candidate = self.cue_before(ps, s);
                if candidate.kind.is_some() || self.text(ps, s).trim_end().ends_with(':') {
                    sp = candidate;
                }
            }
        }
        if sp.kind.is_none() || sp.kind == Some(SpeakerKind::Anonymous) {
            if let Some(desc) = self.footnote_source(p.close) {
                let cue = sp.cue.take();
                sp = Speaker {
                    name: Some(desc),
                    kind: Some(SpeakerKind::Anonymous),
                    cue,
                    via: Via::Footnote,
                    ..Speaker::default()
                };
            }
        }
        if sp.kind.is_none() && sp.cue.is_none() {
            if let Some(prev) = last.as_ref().filter(|l| self.continues(l, p, k)) {
                // "“…,” Teske said. “I’ve always liked Hillary.”": right
                // after the quote before and its attribution alone.
                let between = self.text(prev.close + 1, p.open);
                let resumed = prev.segment == k
                    && between.chars().count() <= 80
                    && between.trim_end().ends_with('.')
                    && !between.contains(['“', '”', '"', '‘'])
                    && cues(between).next().is_some();
                let via = if resumed { Via::Resumed } else { Via::Continuation };
                return Speaker { cue: None, via, ..prev.speaker.clone() };
            }
            if let Some(sp) = self.paragraph_before(p) {
                return sp;
            }
            if let Some(sp) = self.first_person_after_subject(p, s) {
                return sp;
            }
            // No cue: the subject of the sentence the quote stands in, when
            // the quote does not open it.
            if !self.text(s, p.open).trim().is_empty() {
                let subject = self.sentence_subject(s, p.open);
                if subject.kind.is_some() {
                    let via = if subject.via == Via::Opening { Via::Opening } else { Via::Subject };
                    return Speaker { via, ..subject };
                }
            }
        }
        sp
    }

    /// The last cue in `s..end` and its subject: right before the cue, or
    /// after "according to", or the person the sentence is about. A verb
    /// judging its object with the quote ("Hillary Clinton called the
    /// Republican frontrunner “…”", "with the AFT calling her “…”") is the
    /// cue if it comes last, not inside what a reporting cue before it
    /// reports, and has a speaker; else the reporting cues decide, as
    /// without it.
    pub(super) fn cue_before(&self, s: usize, end: usize) -> Speaker {
        let before = self.text(s, end);
        if let Some(verb) = evaluative_cue(before) {
            // "Trump said … that Clinton once described it as “…”": the
            // judgement is inside what the reporting cue reports.
            let reported = |m: regex::Match<'_>| before[m.end()..verb.start()].contains(" that ");
            if cues(before).all(|m| m.start() < verb.start() && !reported(m)) {
                let sp = self.cue_before_among(s, end, Some(verb));
                if sp.kind.is_some() {
                    return sp;
                }
            }
        }
        self.cue_before_among(s, end, None)
    }

    /// [`Extractor::cue_before`] among the reporting cues and `extra`.
    fn cue_before_among(&self, s: usize, end: usize, extra: Option<regex::Match<'_>>) -> Speaker {
        let before = self.text(s, end);
        // A cue that is also a noun counts only with a subject right before
        // it: "Howard continued his scathing remarks." is "continued"'s.
        let noun_only = |m: &regex::Match<'_>| {
            NOUN_LIKE_CUES.contains(&m.as_str().to_lowercase().as_str())
                && self.subject_before(s + before[..m.start()].chars().count()).kind.is_none()
        };
        let found: Vec<regex::Match<'_>> = cues(before).chain(extra).collect();
        let Some(&m) = found.iter().rev().find(|m| !noun_only(m)).or(found.last()) else {
            return Speaker::default();
        };
        let cue = m.as_str().to_lowercase();
        let cue_start = s + before[..m.start()].chars().count();
        let cue_end = cue_start + m.as_str().chars().count();
        if cue == "according to" {
            return Speaker { cue: Some(cue), via: Via::Cue, ..self.according_to_source(cue_end) };
        }
        // "Trump issued a statement saying …", "took to Twitter, writing:":
        // a participle's subject is the sentence's, not the word before it.
        // Not in an absolute construction: "with Gorka noting …", "with the
        // AFT calling her “…”" have their own subject, right before.
        if cue.ends_with("ing") && !absolute(&before[..m.start()]) {
            // "After saying her foot was “so swollen …,” she was …",
            // "Saying that the deal was “a disaster,” the senator walked
            // out": a participle opening the sentence (after a
            // subordinator at most) has the subject of the clause after
            // its comma.
            if let Some(subject) = self.fronted_participle_subject(s, cue_start, cue_end) {
                return Speaker { cue: Some(cue), via: Via::Cue, ..subject };
            }
            // "Small groups of protesters continued to march …, chanting
            // “…”": a plural source with no determiner opening the
            // sentence, a verb after it.
            if let Some(subject) = self.opening_bare_source(s, cue_start) {
                return Speaker { cue: Some(cue), via: Via::Cue, ..subject };
            }
            // With no cue of its own before, a description opening the
            // sentence is its subject, over a person named after it.
            let main_cue = cues(&before[..m.start()]).any(|c| !c.as_str().ends_with("ing"));
            if let Some(subject) = (!main_cue).then(|| self.opening_description(s, cue_start)).flatten() {
                return Speaker { cue: Some(cue), via: Via::Cue, ..subject };
            }
            let subject = self.main_subject(s, cue_start);
            if subject.kind == Some(SpeakerKind::Named) {
                return Speaker { cue: Some(cue), via: Via::Cue, ..subject };
            }
        }
        // "Asked which county was his favorite, he demurred: “…”": a
        // passive "Asked" opening the sentence, the one asked answers,
        // the subject after its clause.
        // "Asked by Thrush if Clinton “gets” race, Sharpton …": the agent
        // asks.
        let opens = before[..m.start()].trim().is_empty();
        let by_agent = self.text(cue_end, cue_end + 4) == " by ";
        if cue == "asked" && opens && !by_agent {
            if let Some(subject) = self.fronted_participle_subject(s, cue_start, cue_end) {
                return Speaker { cue: Some(cue), via: Via::Cue, ..subject };
            }
        }
        // "Rubio was asked by moderator Gerard Baker whether …": the agent
        // of a passive "asked" asks.
        let passive = before[..m.start()]
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| ["is", "are", "was", "were", "been", "being"].contains(&w));
        if (passive || opens) && cue == "asked" {
            if let Some(by) = self.text(cue_end, cue_end + 4).strip_prefix(" by ") {
                let agent = self.subject_after(cue_end + 4 - by.chars().count());
                if agent.kind.is_some() {
                    return Speaker { cue: Some(cue), via: Via::Cue, ..agent };
                }
            }
        }
        let mut subject = self.subject_before(cue_start);
        if subject.kind.is_none() && NOUN_LIKE_CUES.contains(&cue.as_str()) {
            return Speaker::default();
        }
        // "Said Dorothy Poynter, who grew up with him, “…”", "But, said
        // Solovey, “…”": a cue opening its sentence is inverted.
        let opening = before[..m.start()].split_whitespace().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty() || OPENING_WORDS.contains(&w)
        });
        // "“It's a difficult issue,” said the Florida senator, “because …”":
        // a cue right after a quote, inverted, is that of the next one too,
        // before anyone the sentence is about ("''He's out,'' said Ms.
        // Leon. ''I am done.''" is Leon's, not the he of her quote).
        let after_quote = before[..m.start()].trim_end().ends_with(['”', '"', '\'']);
        // "The paradox of the plan, says Kim Kagan, is that it is “…”", "In
        // other words, explained Kim Kagan: “…”": a cue right after a comma,
        // with no subject before it and a capital after it, is inverted
        // too ("The paper, long a critic, writes that …" is not).
        let after_comma = !cue.ends_with("ing")
            && before[..m.start()].trim_end().ends_with(',')
            && self.text(cue_end, cue_end + 2).trim_start().starts_with(char::is_uppercase);
        if subject.kind.is_none() && (opening || after_quote || after_comma) {
            subject = self.subject_after(cue_end);
        }
        if subject.kind.is_none() {
            subject = self.sentence_subject(s, cue_start);
        }
        Speaker { cue: Some(cue), via: Via::Cue, ..subject }
    }

    /// A quote with no attribution of its own continues the speaker of the
    /// quote before it when nothing else intervenes: in the same paragraph
    /// with no other actor named in between, or opening the next paragraph
    /// right after a paragraph that ended with that quote's sentence.
    pub(super) fn continues(&self, last: &Last, p: Pair, k: usize) -> bool {
        if last.speaker.kind.is_none() {
            return false;
        }
        if last.segment == k {
            // The previous quote's own attribution may name actors.
            let (_, attribution_end) = self.sentence(last.close);
            let between = attribution_end.max(last.close)..p.open;
            let other = self
                .mentions_in(between.start, between.end)
                .iter()
                .any(|m| Some(m.actor) != last.speaker.actor);
            return !other && p.open - last.close <= 200;
        }
        let Some(seg) = self.segment_at(p.open) else { return false };
        let opens_paragraph = seg.span.as_ref().is_some_and(|r| r.start == p.open);
        let prev_end = self.segment_at(last.close).and_then(|s| s.span.as_ref().map(|r| r.end)).unwrap_or(0);
        // "“…,” Adelson said during the interview in Macau, ahead of ….": the
        // quote's attribution sentence closes the paragraph before.
        let closes = prev_end.saturating_sub(last.close) <= 60 || self.sentence(last.close).1 >= prev_end;
        last.segment + 1 == k && opens_paragraph && closes
    }

    /// The attribution of a quote that opens its paragraph from the last
    /// sentence of the paragraph before, when that sentence has a cue and
    /// its subject and no quotation ("Kim Kagan said the plan would
    /// fail.\n\n“It is too late.”", "Kim Kagan wrote:\n\n“…”"): a quote
    /// only when sentence-long, unless the sentence ends with a colon.
    fn paragraph_before(&self, p: Pair) -> Option<Speaker> {
        let (ps, pe) = self.last_sentence_before(p)?;
        let sentence = self.text(ps, pe);
        let sp = self.cue_before(ps, pe);
        if sp.kind.is_none() || sp.cue.as_deref() == Some("according to") {
            return None;
        }
        let via = if sentence.trim_end().ends_with(':') { Via::Cue } else { Via::Continuation };
        Some(Speaker { via, ..sp })
    }

    /// For a quote that opens its paragraph, the last sentence of the
    /// paragraph right before (a quotable one), when it holds no quotation
    /// mark: its start and end.
    fn last_sentence_before(&self, p: Pair) -> Option<(usize, usize)> {
        let seg = self.segment_at(p.open)?;
        let start = seg.span.as_ref()?.start;
        if !self.text(start, p.open).trim().is_empty() {
            return None;
        }
        let k = self.spans.partition_point(|&(s, _)| s < start);
        let &(prev_start, i) = self.spans.get(k.checked_sub(1)?)?;
        let prev = &self.doc.segments[i];
        let prev_end = prev.span.as_ref()?.end;
        if !quotable(prev.kind) || prev_end <= prev_start || !self.text(prev_end, start).trim().is_empty() {
            return None;
        }
        let (ps, pe) = self.sentence(prev_end - 1);
        let sentence = self.text(ps, pe);
        if sentence.contains(['“', '”', '"', '‘']) || sentence.contains("''") {
            return None;
        }
        Some((ps, pe))
    }

    /// The start of the sentence before the one starting at `s`, when it
    /// is in the same paragraph and holds no quotation mark.
    fn quoteless_sentence_before(&self, s: usize) -> Option<usize> {
        if s == 0 {
            return None;
        }
        let same_segment =
            self.segment_at(s.saturating_sub(2)).map(|x| x.seq) == self.segment_at(s).map(|x| x.seq);
        let (ps, _) = self.sentence(s.saturating_sub(2));
        (same_segment && !self.text(ps, s).contains(['“', '”', '"', '‘'])).then_some(ps)
    }

    /// The speaker of a quote in the first person ("I", "we", "my", …)
    /// that opens its sentence with no cue, right after a sentence of the
    /// same paragraph with no quotation that a person opens as its subject
    /// ("Roloson supports Clinton. “I'm a college graduate …”", "Dianne
    /// Bystrom agreed. “We are …”"): that person.
    fn first_person_after_subject(&self, p: Pair, s: usize) -> Option<Speaker> {
        if !self.text(s, p.open).trim().is_empty() {
            return None;
        }
        // The sentence before: in the paragraph, or, for a quote that opens
        // its paragraph and is all of its sentence, the last one of the
        // paragraph before ("Valastro praised Christie's leadership.\n\n“We
        // need someone …”"; not "“I am still Sanders,” it read.").
        let (ps, s) = match self.quoteless_sentence_before(s) {
            Some(ps) => (ps, s),
            None => {
                let (_, end) = self.sentence(p.close);
                let rest = self.text(p.close + 1, end);
                if rest.chars().any(char::is_alphanumeric) {
                    return None;
                }
                self.last_sentence_before(p)?
            }
        };
        let inner: String = self.chars[p.open + 1..p.close].iter().collect();
        const FIRST_PERSON: [&str; 10] = ["I", "we", "We", "my", "My", "our", "Our", "me", "us", "Me"];
        if !inner.split(|c: char| !c.is_alphanumeric()).any(|w| FIRST_PERSON.contains(&w)) {
            return None;
        }
        let m = self
            .mentions_in(ps, s)
            .iter()
            .find(|m| self.actors.actor_name(m.actor, self.ann).1 == ActorType::Person)?;
        self.opens_sentence(ps, m.start).then(|| Speaker { via: Via::Subject, ..self.named(m.actor) })
    }

    /// The subject of a sentence whose verb comes later ("Secretary of State
    /// Mike Pompeo went even further in March, insisting …"): the first
    /// person mentioned in it, or a he or she before that person (resolved),
    /// or an anonymous source phrase at its start.
    pub(super) fn sentence_subject(&self, s: usize, before: usize) -> Speaker {
        // A name inside a quotation is not the sentence's subject (the
        // marks counted from the paragraph's start).
        let para = self.segment_at(s).and_then(|x| x.span.as_ref()).map_or(s, |r| r.start.min(s));
        let lead = self.text(para, s);
        let mut people = self
            .mentions_in(s, before)
            .iter()
            .filter(|m| m.end <= before)
            .filter(|m| self.actors.actor_name(m.actor, self.ann).1 == ActorType::Person)
            .filter(|m| !quote_source::inside_quotes(&[lead, self.text(s, m.start)]))
            .filter(|m| !self.in_introduction(s, before, m));
        // "Trump’s state director, Mike Rubino, wrote": a possessive is no
        // subject when a person follows it.
        let possessive = |m: &Mention| {
            let next = self.text(m.end, m.end + 2);
            next.starts_with("’s")
                || next.starts_with("'s")
                || next.starts_with("’ ")
                || next.starts_with("' ")
        };
        let first = people.next();
        let head = self.text(s, before);
        // "Scott's relatives, including his wife, … said they came away
        // with “…”": a person's source noun opening the sentence is its
        // subject, not the person.
        if let Some(m) = first.filter(|m| self.opens_sentence(s, m.start)) {
            if let Some(n) = possessed_source(self.text(m.end, before)) {
                return Speaker {
                    via: Via::Nothing,
                    ..self.anonymous(self.text(m.start, m.end + n), m.start)
                };
            }
        }
        // "Fifteen minutes after Pence was picked …, John Podesta called
        // …", "Preceded at the lectern by Joe Arpaio, …, Trump launched …":
        // a person in an introductory phrase (a subordinator, a
        // preposition or a participle before the person, a comma after)
        // gives way to the person after it.
        let introduced = |m: &Mention| {
            let Some(c) = head.find(", ") else { return false };
            let at = head[..c].chars().count();
            let lead_words = self.text(s, m.start);
            s + at > m.start
                && lead_words.split_whitespace().enumerate().any(|(i, w)| {
                    let w = w.to_lowercase();
                    SUBORDINATORS.contains(&w.as_str())
                        || INTRO_PREPOSITIONS.contains(&w.as_str())
                        || (i == 0 && (w.ends_with("ed") || w.ends_with("ing")))
                })
        };
        let person = match first {
            Some(m) if possessive(m) || introduced(m) => {
                let c = s + head.find(", ").map_or(0, |c| head[..c].chars().count());
                people.find(|n| n.start > c && !possessive(n)).or(first)
            }
            _ => first,
        };
        // "In South Carolina, he prevailed …, praised Saddam Hussein …
        // and declared that torture “works.”": a pronoun before the first
        // name is the subject, the name an object; but not a pronoun in a
        // quotation, nor the subject of a clause opening with a
        // subordinator ("much like he did after …, Trump cast …").
        static HE_SHE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(he|she|He|She)\b"));
        let main_clause = |m: &regex::Match<'_>| {
            let prior = head[..m.start()].trim_end();
            let word = prior.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            !SUBORDINATORS.contains(&word.to_lowercase().as_str())
                && !quote_source::inside_quotes(&[lead, prior])
        };
        let pronoun = match person {
            Some(p) => HE_SHE
                .find_iter(head)
                .find(main_clause)
                .filter(|m| s + head[..m.start()].chars().count() < p.start),
            None => HE_SHE.find(head),
        };
        // "The Rove ad hits Clinton for …", "the American Bar Association
        // … deemed him “…”": a description or an organization opening the
        // sentence before a verb is its subject, not a person named later.
        // With no person or pronoun in the sentence (which make a short
        // phrase the subject's words), it speaks only in a quote of six
        // words or more (`Via::Opening`): "The Taliban calls them
        // “guests”" stays a term.
        let pronoun_at = pronoun.map(|m| s + head[..m.start()].chars().count());
        let later = |at: usize| person.is_none_or(|p| p.start >= at) && pronoun_at.is_none_or(|p| p >= at);
        let via = if person.is_some() || pronoun.is_some() { Via::Nothing } else { Via::Opening };
        if let Some(r) = quote_source::description_opening(head) {
            let at = s + head[..r.start].chars().count();
            // The quote in the same clause: no relative clause after a
            // comma between ("…, who portrayed him as “…”"); a participle
            // there has the description as its subject too ("The new ad
            // attacks Kagan, calling her plan “…”").
            let aside = head[r.end..].split(", ").skip(1).any(|t| {
                let w = t.split_whitespace().next().unwrap_or("");
                ["who", "which", "whose"].contains(&w)
            });
            if later(at) && !aside {
                return Speaker { via, ..self.anonymous(&head[r.clone()], at) };
            }
        }
        let first = self
            .mentions_in(s, before)
            .iter()
            .find(|m| m.end <= before && !quote_source::inside_quotes(&[lead, self.text(s, m.start)]));
        if let Some(m) = first.filter(|m| {
            self.actors.actor_name(m.actor, self.ann).1 == ActorType::Organization
                && later(m.start)
                && self.opens_sentence(s, m.start)
                && self
                    .text(m.end, before)
                    .split_whitespace()
                    .find(|w| !quote_source::adverb(w))
                    .is_some_and(quote_source::verb_like)
        }) {
            return Speaker { via, ..self.named(m.actor) };
        }
        if let Some(m) = pronoun {
            let sp = self.resolve_pronoun(m.as_str(), s + head[..m.start()].chars().count());
            if sp.kind.is_some() {
                return sp;
            }
        }
        // "The scheduling was so odd that a spokesman for Bernie Sanders
        // could only quip: “…”": the phrase the person is the object of
        // speaks.
        if let Some(m) = person {
            return self.related_source(m.start, m.end).unwrap_or_else(|| self.named(m.actor));
        }
        let cleaned = head.trim_start_matches(|c: char| !c.is_alphanumeric());
        let cleaned = cleaned.strip_prefix("As ").or_else(|| cleaned.strip_prefix("as ")).unwrap_or(cleaned);
        if let Some(g) = group_after(&ANON_AFTER, cleaned) {
            let at = s + head[..head.len() - cleaned.len() + g.start].chars().count();
            return self.anonymous(&cleaned[g], at);
        }
        Speaker::default()
    }

    /// The source named by a footnote marked right after a quote: for
    /// "Interview with Taliban commander, Kunar, 2 December 2020." it is
    /// "Taliban commander, Kunar". "Ibid." repeats the note before.
    pub(super) fn footnote_source(&self, close: usize) -> Option<String> {
        let seg = self.segment_at(close)?;
        let base = seg.span.as_ref()?.start;
        let rel = close - base;
        let label =
            seg.footnote_marks.iter().find(|(at, _)| *at > rel && *at <= rel + 3).map(|(_, l)| l.as_str())?;
        let notes = &self.notes;
        let k = notes.iter().position(|s| s.label.as_deref() == Some(label))?;
        let mut j = k;
        while notes[j].text.trim() == "Ibid." && j > 0 {
            j -= 1;
        }
        self.note_sources[j].get_or_init(|| interview_source(&notes[j].text)).clone()
    }
}

impl Extractor<'_> {
    /// Whether the person mentioned at `m` (in the stretch `a..b`, a
    /// sentence up to its cue) stands in an introductory phrase that a
    /// later person, the main clause's subject, follows: the stretch opens
    /// with a preposition, a subordinator or a participle, and a comma
    /// (and up to four capitalised title words) comes right before the
    /// later mention, which no comma or possessive follows ("During an
    /// interview with Sean Hannity that aired Wednesday, Donald Trump
    /// discussed …", "In his 2004 speech, a testimonial to John Kerry, the
    /// nominee that year, Mr. Obama decried …").
    pub(super) fn in_introduction(&self, a: usize, b: usize, m: &Mention) -> bool {
        let lead = self.text(a, m.start);
        fn bare(w: &str) -> &str {
            w.trim_matches(|c: char| !c.is_alphanumeric())
        }
        let listed = |list: &[&str], w: &str| list.iter().any(|l| l.eq_ignore_ascii_case(bare(w)));
        let first = bare(lead.split_whitespace().next().unwrap_or(""));
        // The last subordinator before the person, if any ("In June 2009,
        // after Clinton suffered …").
        let subordinate = lead
            .split_inclusive(char::is_whitespace)
            .scan(0, |at, w| {
                let start = *at;
                *at += w.len();
                Some((start, w))
            })
            .filter(|(_, w)| listed(&SUBORDINATORS, w))
            .last()
            .map(|(start, _)| start);
        let opens = subordinate.is_some()
            || listed(&INTRO_PREPOSITIONS, first)
            || listed(&INTRO_WORDS, first)
            || (first.len() > 4 && {
                let first = first.to_ascii_lowercase();
                first.ends_with("ing") || first.ends_with("ed")
            });
        // A subordinate clause ends at its first comma ("After Clinton
        // suffered a concussion, Axelrod emailed"); a person after it is
        // not in it. In a phrase with no verb of its own, a person a verb
        // follows is the subject ("In an interview, Mike Pompeo praised
        // his deputy, Kim Kagan").
        let inside = match subordinate {
            Some(at) => !lead[at..].contains(", "),
            None => {
                let after = self.text(m.end, (m.end + 30).min(b));
                !(after.starts_with(' ')
                    && after.split_whitespace().next().is_some_and(quote_source::verb_like))
            }
        };
        opens
            && inside
            && self.mentions_in(m.end, b).iter().filter(|n| n.end <= b).any(|n| {
                let lead = self.text(a, n.start);
                let tail = &lead[lead.rfind(',').map_or(0, |i| i + 1)..];
                let to_comma = lead
                    .trim_end()
                    .trim_end_matches(|c: char| c.is_alphabetic() || matches!(c, '.' | ' ' | '-'));
                let next = self.text(n.end, n.end + 2);
                to_comma.trim_end_matches(['”', '"']).ends_with(',')
                    && tail.split_whitespace().count() <= 4
                    && tail
                        .split_whitespace()
                        .all(|w| w.starts_with(char::is_uppercase) || TITLE_LEADS.contains(&w))
                    && !tail.contains(['“', '"', '(', '—'])
                    && !(next.starts_with(',') || next.starts_with("’s") || next.starts_with("'s"))
            })
    }
}

/// The length in characters of a possessive "’s" and up to two words in
/// lower case ending with a source noun at the start of `rest` (the text
/// after a name: "’s relatives", "'s campaign aides"), if that is how it
/// starts.
fn possessed_source(rest: &str) -> Option<usize> {
    let tail = rest.strip_prefix("’s ").or_else(|| rest.strip_prefix("'s "))?;
    let mut len = rest.chars().count() - tail.chars().count();
    for word in tail.split(' ').take(3) {
        let w = word.trim_end_matches([',', '.', ';', ':']);
        if w.is_empty() || !w.chars().all(|c| c.is_lowercase() || c == '-') {
            return None;
        }
        len += w.chars().count();
        if SOURCE_NOUNS.contains(&w) {
            return Some(len);
        }
        if w.len() != word.len() {
            return None;
        }
        len += 1;
    }
    None
}

/// Whether `w` (lower case) is a plural source noun: a listed noun in
/// -s ("protesters", "officials"), or "people" or "police".
fn is_plural_source(w: &str) -> bool {
    (w.ends_with('s') && SOURCE_NOUNS.contains(&w)) || w == "people" || w == "police"
}

/// Whether `before` (the text before a participle) ends with "with" and
/// the participle's own subject: up to six words with no punctuation
/// ("… with Gorka noting", "… with one of her ads asking").
fn absolute(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().rev().take(7).collect();
    words.iter().position(|w| *w == "with").is_some_and(|k| {
        k >= 1 && words[..k].iter().all(|w| w.chars().all(|c| c.is_alphanumeric() || "’'-.".contains(c)))
    })
}

/// Whether the text between a quote and its cue is a name and an
/// apposition set off by commas, which may be long ("“…,” Leonard E.
/// Burman, director of the centrist Urban-Brookings Tax Policy Center and
/// a professor at the Maxwell School of Syracuse University, said"): one
/// to five capitalised words, a comma, a word in lower case or a number,
/// and a comma right before the cue.
fn name_and_apposition(between: &str) -> bool {
    let body = between.trim_start_matches([',', ' ']);
    let Some((name, apposition)) = body.split_once(", ") else { return false };
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && apposition.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        && apposition.trim_end().ends_with(',')
}

/// A verb right after a quote that its place shows to be the quote's
/// cue, though no list holds it, as a byte range of `after` (the text
/// after the closing mark): in the clause right after the quote (up to
/// its first punctuation), a lower-case past tense ("fumed", "wondered")
/// or "read(s)" that ends the clause or comes before a preposition or an
/// adverb, after at most four words (its subject: "…,” Toomey fumed on
/// Tuesday."), or that opens the clause before a capital or a determiner
/// (inverted: "…,” scoffed Arianna Gil."); or a present tense in -s right
/// after "he" or "she" ("…,” he mocks.") or before a name ("…,” agrees
/// Michelle Stevens").
pub(super) fn verb_after_quote(after: &str) -> Option<std::ops::Range<usize>> {
    let lead = after.len() - after.trim_start().len();
    let body = &after[lead..];
    let clause =
        &body[..body.find(['.', ',', ';', ':', '!', '?', '“', '”', '"', '(', '—']).unwrap_or(body.len())];
    let words: Vec<(usize, &str)> =
        clause.split_whitespace().map(|w| (w.as_ptr() as usize - clause.as_ptr() as usize, w)).collect();
    let is_verb = |w: &str| quote_source::past_tense(w) || matches!(w, "read" | "reads");
    // "“…,” and that Freddy had struggled with it": a clause that a
    // conjunction opens goes on with the sentence; it is no attribution.
    if words.first().is_some_and(|&(_, w)| CLAUSE_OPENERS.contains(&w)) {
        return None;
    }
    // A present tense after "he" or "she", or opening the clause before
    // a name ("“…,” he mocks.", "“…,” agrees Michelle Stevens.").
    let present = |k: usize, w: &str| {
        w.len() >= 5
            && w.ends_with('s')
            && quote_source::verb_like(w)
            && (k == 1 && matches!(words[0].1, "he" | "she")
                || k == 0 && words.get(1).is_some_and(|&(_, n)| n.starts_with(char::is_uppercase)))
    };
    let (k, &(at, verb)) =
        words.iter().enumerate().take(5).find(|&(k, &(_, w))| is_verb(w) || present(k, w))?;
    let next = words.get(k + 1).map(|&(_, w)| w);
    let ends = next.is_none_or(|n| {
        AFTER_A_PLACED_VERB.contains(&n)
            || (n.len() > 3 && n.ends_with("ly") && n.chars().all(char::is_lowercase))
    });
    let inverted = k == 0
        && next.is_some_and(|n| {
            n.starts_with(char::is_uppercase) || ["the", "a", "an", "one", "another"].contains(&n)
        });
    (k > 0 && ends || inverted).then(|| lead + at..lead + at + verb.len())
}

/// Irregular verbs in the past and auxiliaries that may follow a
/// description opening a sentence (see [`Extractor::opening_description`]).
const PAST_OR_AUXILIARY: [&str; 22] = [
    "began", "came", "went", "said", "told", "made", "took", "gave", "sent", "spoke", "wrote", "held",
    "stood", "kept", "put", "has", "had", "was", "is", "will", "would", "also",
];

/// Lower-case words that open a clause going on with the sentence after
/// a quote, not an attribution ("“…,” and that Freddy had struggled").
const CLAUSE_OPENERS: [&str; 16] = [
    "and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "because", "if", "when", "while",
    "although", "though", "so",
];

/// Words that may follow a verb whose place shows it a cue: prepositions
/// and time words ("fumed on Tuesday", "wondered aloud").
const AFTER_A_PLACED_VERB: [&str; 14] = [
    "on", "in", "at", "to", "during", "after", "before", "as", "about", "of", "from", "with", "aloud",
    "again",
];

/// Words that open a subordinate clause: a pronoun right after one is
/// that clause's subject, not the sentence's ("much like he did …, Trump
/// cast the blame").
pub(super) const SUBORDINATORS: [&str; 16] = [
    "like", "how", "when", "as", "after", "before", "if", "while", "because", "since", "although", "though",
    "what", "where", "whether", "until",
];

/// Prepositions that open an introductory phrase ("In June, …", "During
/// the debate with Rubio, …").
const INTRO_PREPOSITIONS: [&str; 9] =
    ["in", "on", "at", "during", "with", "following", "by", "despite", "amid"];

/// Other words that open an introductory phrase ("From the start, …",
/// "Even as Mr. Obama has said …, …").
const INTRO_WORDS: [&str; 3] = ["from", "even", "given"];

/// Lower-case words that may stand between an introductory phrase's comma
/// and the subject's name ("…, the former Gov. Jeb Bush").
const TITLE_LEADS: [&str; 3] = ["the", "former", "then"];

/// Words that may stand before a cue that opens its sentence inverted
/// ("But, said Solovey, “…”").
const OPENING_WORDS: [&str; 8] = ["But", "And", "Yet", "Or", "So", "Still", "Then", "As"];

/// "Interview with Taliban commander, Kunar, 2 December 2020." → "Taliban
/// commander, Kunar"; "Interviewee from Kunar, 2 September 2020." →
/// "interviewee from Kunar". Notes that name no interview give none.
pub fn interview_source(note: &str) -> Option<String> {
    static INTERVIEW: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:(?:phone|telephone|skype|email|online)\s+)?(?:interview(?:ed)?\s+with\s+(?:an?\s+|the\s+)?|(interviewee)s?\s+)(.*)$",
        )
    });
    static DATE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i),?\s*(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\.?\s*$",
        )
    });
    // Both branches of the pattern spell out "interview", whose letters
    // have no case variants outside ASCII: without it, no match.
    if !contains_ignore_ascii_case(note, "interview") {
        return None;
    }
    let c = INTERVIEW.captures(note.trim())?;
    let rest = DATE_TAIL.replace(&c[2], "");
    let rest = rest.trim().trim_end_matches('.').trim_end_matches(',').trim();
    if rest.is_empty() {
        return None;
    }
    Some(match c.get(1) {
        Some(_) => format!("interviewee {rest}"),
        None => rest.to_string(),
    })
}

/// Prepositions whose object, right before a colon that opens a quote, is
/// no speaker (not "from", "by", "of": "More from Kim Kagan:").
const OBJECT_PREPOSITIONS: [&str; 9] =
    ["to", "with", "on", "at", "about", "against", "toward", "towards", "for"];

/// Whether the text of a sentence before a quote (`before`) ends with a
/// listed cue that is no participle and the start of its complement, up
/// to `most` words with no punctuation ("Trump claimed on Tuesday that ",
/// "Cruz said he'd make sand "): the quote completes that cue. (A
/// participle's subject is the main clause's: "Recalling “…,” the
/// statement urged".)
fn complements_a_cue(before: &str, most: usize) -> bool {
    let Some(m) = cues(before).last() else { return false };
    let cue = m.as_str().to_lowercase();
    let rest = &before[m.end()..];
    !NOUN_LIKE_CUES.contains(&cue.as_str())
        && !cue.ends_with("ing")
        && !rest.contains([',', ';', ':', '.', '“', '”', '"', '(', ')'])
        && !rest.contains("''")
        && rest.split_whitespace().count() <= most
}

/// Subordinators that open a clause before the main one ("After Scalia
/// said …, Trump said").
/// Not "if", "once", "until" or "as": a condition or a comparison is as
/// often part of what the main clause's speaker says.
const OPENING_SUBORDINATORS: [&str; 9] =
    ["after", "when", "while", "although", "though", "because", "since", "before", "whereas"];

/// Whether the text between a quote and a cue after it (`between`) is a
/// clause's start with a subject of its own: more than four words, or
/// opened by a conjunction (", one of the former prosecutors for David
/// Petraeus said", "until Haley said", ", for instance, and Trump
/// vowed"); not a short subject ("“…,” Lewandowski added", "“…,” the
/// Florida senator said": the quote's own attribution).
fn own_clause(between: &str) -> bool {
    const CONJUNCTIONS: [&str; 13] = [
        "and", "but", "while", "until", "as", "because", "though", "although", "whereas", "yet", "when",
        "after", "since",
    ];
    let words: Vec<&str> = between
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    words.len() > 4 || words.iter().any(|w| CONJUNCTIONS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interview_notes_need_the_word_interview() {
        // The prefilter's premise: only ASCII letters are case variants of
        // the letters of "interview" (unlike k and s, which the Kelvin sign
        // and the long s fold to).
        let letters = Regex::new("(?i)^[interview]$").expect("compiles");
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if letters.is_match(c.encode_utf8(&mut [0; 4])) {
                assert!(c.is_ascii(), "{c:?}");
            }
        }
        assert!(contains_ignore_ascii_case("Phone INTERVIEW with x", "interview"));
        assert!(contains_ignore_ascii_case("InTeRvIeWeEs from Kunar", "interview"));
        assert!(
            !contains_ignore_ascii_case("Interveiw with x", "interview")
                && !contains_ignore_ascii_case("", "x")
        );
        assert_eq!(interview_source("Skype \u{212a}interview with x"), None);
        assert_eq!(interview_source("ſkype interview with an aide, 3 May 2021").as_deref(), Some("aide"));
    }

    #[test]
    fn a_possessive_and_a_source_noun_after_a_name() {
        let table = [
            ("’s relatives, including his wife, said", Some("’s relatives")),
            ("'s campaign aides told", Some("'s campaign aides")),
            ("'s lawyers relied on", Some("'s lawyers")),
            // Not a source noun, more than two words before it, no
            // possessive, a capital.
            ("’s plan was called", None),
            ("'s long and winding campaign manager said", None),
            (" relatives said", None),
            ("'s Senate aides said", None),
        ];
        for (rest, want) in table {
            let got = possessed_source(rest).map(|n| rest.chars().take(n).collect::<String>());
            assert_eq!(got.as_deref(), want, "{rest:?}");
        }
    }

    #[test]
    fn a_name_and_its_apposition_before_a_far_cue() {
        let table = [
            (" Leonard E. Burman, director of the centrist Tax Policy Center and a professor at Syracuse University, ", true),
            (", Kwame Otieno, 71, a retired teacher, ", true),
            // No apposition, no closing comma, a phrase in lower case first,
            // more than five words before the comma.
            (" Kwame Otieno wrote in a long letter to the board, and the board ", false),
            (" Kwame Otieno, director of the Center for Fiscal Studies ", false),
            (" the director of the Center, a man of few words, ", false),
            (" The Very Long Name Of Some Group Here, a charity, ", false),
        ];
        for (between, want) in table {
            assert_eq!(name_and_apposition(between), want, "{between:?}");
        }
    }
}

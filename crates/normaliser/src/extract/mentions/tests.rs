//! Tests of the module, table-style on sentences whose answer is known.

use super::cues::*;
use super::discover::*;
use super::gazetteer::*;
use super::short_forms::*;
use super::*;
use crate::lexicon::{Overlapping, ORG_HEADS, REPORTING_VERBS, ROLES, TITLES};
use corpus_parser::{parse_blocks, Gazetteer, Hints};
use regex::Regex;
use std::path::Path;

const GAZETTEER: &str = r#"
[[actor]]
id = "taliban"
name = "Taliban"
type = "organization"
aliases = ["Islamic Emirate of Afghanistan"]

[[actor]]
id = "al-qaeda"
name = "Al Qaeda"
type = "organization"
aliases = ["al-Qaeda", "AQ", "AQIS-core"]

[[actor]]
id = "islamic-state"
name = "Islamic State"
type = "organization"

[[actor]]
id = "zalmay-khalilzad"
name = "Zalmay Khalilzad"
type = "person"

[[actor]]
id = "thomas-west"
name = "Thomas West"
type = "person"

[[actor]]
id = "kim-kagan"
name = "Kim Kagan"
type = "person"

[[actor]]
id = "frederick-kagan"
name = "Frederick Kagan"
type = "person"

[[actor]]
id = "ayman-al-zawahiri"
name = "Ayman al-Zawahiri"
type = "person"

[[actor]]
id = "mohammed-omar"
name = "Mohammed Omar"
type = "person"
aliases = ["Mullah Omar"]
"#;

pub(super) fn matcher() -> (ActorMatcher, Gazetteer) {
    let g = Gazetteer::parse(Path::new("actors.toml"), GAZETTEER).expect("test gazetteer");
    (ActorMatcher::new(&g), g)
}

pub(super) fn doc(text: &str) -> Document {
    crate::normalise(text, &parse_blocks(text, &Hints::default()))
}

/// (surface, actor id or discovered name) for every mention.
pub(super) fn mentions(text: &str) -> Vec<(String, String)> {
    let (m, g) = matcher();
    let d = doc(text);
    let a = m.annotate(&d);
    for x in &a.mentions {
        let slice: String = d.text.chars().skip(x.start).take(x.end - x.start).collect();
        assert_eq!(slice, x.surface, "offsets slice the surface");
    }
    a.mentions
        .iter()
        .map(|x| {
            let who = match x.actor {
                ActorRef::Curated(i) => g.actors[i].id.clone(),
                ActorRef::Discovered(i) => format!("new:{}", a.discovered[i].name),
            };
            (x.surface.clone(), who)
        })
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn aliases_and_possessives() {
    assert_eq!(
        mentions(
            "The Taliban’s leaders met al-Qaeda and the Islamic Emirate of Afghanistan's envoys; AQ agreed."
        ),
        pairs(&[
            ("Taliban", "taliban"),
            ("al-Qaeda", "al-qaeda"),
            ("Islamic Emirate of Afghanistan", "taliban"),
            ("AQ", "al-qaeda")
        ])
    );
    // Lower-case particle is fine; an acronym in lower case or inside a word is not.
    // (The recogniser may take "AQUA" for an organization of its own.)
    let curated: Vec<(String, String)> = mentions("They said al Qaeda was weak; aq and AQUA are not it.")
        .into_iter()
        .filter(|(_, who)| !who.starts_with("new:"))
        .collect();
    assert_eq!(curated, pairs(&[("al Qaeda", "al-qaeda")]));
    // A generic lower-case phrase is not the group.
    assert_eq!(mentions("They wanted an islamic state of their own."), pairs(&[]));
}

#[test]
fn names_inside_web_addresses_are_not_mentions() {
    assert_eq!(
        mentions(
            "Al Qaeda said so (https://example.org/uploads/Al-Qaeda-in-Yemen-AQ.pdf), \
             and see www.example.org/Taliban or ftp://files.example/AQ; the Taliban replied."
        ),
        pairs(&[("Al Qaeda", "al-qaeda"), ("Taliban", "taliban")])
    );
    // An address ends at a space or a quotation mark: the name after it counts.
    assert_eq!(mentions("(“https://example.org/x”) Al Qaeda"), pairs(&[("Al Qaeda", "al-qaeda")]));
    // Trailing punctuation stays in the address (no name is a comma).
    let text = "a www.x.org/b and HTTPS://Y.org/c, not wwwx.org";
    let found: Vec<&str> = web_addresses(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(found, ["www.x.org/b", "HTTPS://Y.org/c,"]);
    let text = "see http://www.x.org/a, 9x://no, x-y.z://b and (git+ssh://c)";
    let found: Vec<&str> = web_addresses(text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(found, ["http://www.x.org/a,", "x-y.z://b", "git+ssh://c)"]);
}

#[test]
fn a_generic_head_may_be_lower_case_at_the_end_of_a_name() {
    let g = Gazetteer::parse(
        Path::new("actors.toml"),
        "[[actor]]\nid = \"hn\"\nname = \"Haqqani Network\"\ntype = \"organization\"\n\n\
         [[actor]]\nid = \"nc\"\nname = \"Network Coalition\"\ntype = \"organization\"\n",
    )
    .expect("gazetteer");
    let d =
        doc("They met the Haqqani network, the Haqqani Network, the haqqani network, a network coalition.");
    let a = ActorMatcher::new(&g).annotate(&d);
    let surfaces: Vec<&str> = a.mentions.iter().map(|m| m.surface.as_str()).collect();
    // Only the last word may be lowered, and only the other words keep the name.
    assert_eq!(surfaces, vec!["Haqqani network", "Haqqani Network"]);
    // At a sentence start every word has a capital: not a name there.
    let d = doc("Haqqani network members met. “Haqqani network” is a term. So did the Haqqani Network.");
    let a = ActorMatcher::new(&g).annotate(&d);
    let surfaces: Vec<&str> = a.mentions.iter().map(|m| m.surface.as_str()).collect();
    assert_eq!(surfaces, vec!["Haqqani Network"]);
}

#[test]
fn spellings_that_differ_in_case_each_keep_their_rule() {
    let g = Gazetteer::parse(
        Path::new("actors.toml"),
        "[[actor]]\nid = \"pa\"\nname = \"Pakistan Army\"\ntype = \"organization\"\naliases = [\"Pakistan army\"]\n",
    )
    .expect("gazetteer");
    let d = doc("The Pakistan army moved, and the Pakistan Army stayed.");
    let a = ActorMatcher::new(&g).annotate(&d);
    let surfaces: Vec<&str> = a.mentions.iter().map(|m| m.surface.as_str()).collect();
    assert_eq!(surfaces, vec!["Pakistan army", "Pakistan Army"]);
}

#[test]
fn bare_possessives_only_where_apostrophes_were_stripped() {
    let stripped =
        "The Talibans rank and file wont fight, he said. Thats the view of the Talibans leaders today.";
    assert_eq!(mentions(stripped), pairs(&[("Taliban", "taliban"), ("Taliban", "taliban")]));
    assert_eq!(mentions("Talibans is not a word in a text that keeps its apostrophes’ marks."), pairs(&[]));
}

#[test]
fn surnames_link_back_within_the_document_only() {
    assert_eq!(
        mentions("Khalilzad arrived. Later Zalmay Khalilzad spoke, and Khalilzad left."),
        pairs(&[("Zalmay Khalilzad", "zalmay-khalilzad"), ("Khalilzad", "zalmay-khalilzad")])
    );
    // The nearest full name before a shared surname wins, when both are
    // named as often.
    assert_eq!(
        mentions("Kim Kagan spoke first. Frederick Kagan disagreed, said Kagan."),
        pairs(&[
            ("Kim Kagan", "kim-kagan"),
            ("Frederick Kagan", "frederick-kagan"),
            ("Kagan", "frederick-kagan")
        ])
    );
    // Of two full names, the one named more often so far: a relative
    // named once does not take the surname from the person of the story.
    assert_eq!(
        mentions(
            "Police shot Keith Lamont Scott on Tuesday. Scott was 43. His wife, Rakeyia Scott, filmed it. \
             The officer who shot Scott was not named."
        ),
        pairs(&[
            ("Keith Lamont Scott", "new:Keith Lamont Scott"),
            ("Scott", "new:Keith Lamont Scott"),
            ("Rakeyia Scott", "new:Rakeyia Scott"),
            ("Scott", "new:Keith Lamont Scott")
        ])
    );
    assert_eq!(
        mentions("Ayman al-Zawahiri was killed; Zawahiri had led the group, and al-Zawahiri hid."),
        pairs(&[
            ("Ayman al-Zawahiri", "ayman-al-zawahiri"),
            ("Zawahiri", "ayman-al-zawahiri"),
            ("al-Zawahiri", "ayman-al-zawahiri")
        ])
    );
}

#[test]
fn words_among_short_forms_are_the_words_a_full_scan_finds() {
    let (m, _) = matcher();
    let person =
        |name: &str| DiscoveredActor { name: name.into(), kind: ActorType::Person, cue: DiscoveryCue::Title };
    let org = DiscoveredActor {
        name: "Omar Kagan Group".into(),
        kind: ActorType::Organization,
        cue: DiscoveryCue::Title,
    };
    let discovered = [
        person("Asfandyar Mir"),
        person("Michael Kurilla"),
        person("Ali Nazary"),
        person("Ahmed al-Mir"),
        org,
    ];
    let forms = Forms::new(&m.short_forms, &discovered);
    for k in m.short_forms.keys().map(String::as_str).chain(["Mir", "Kurilla", "Nazary", "al-Mir"]) {
        assert!(forms.contains(k), "{k}");
    }
    assert!(!forms.contains("Group") && !forms.contains("Ali"));
    assert_eq!(forms.get("Mir"), [ActorRef::Discovered(0), ActorRef::Discovered(3)]);
    assert_eq!(forms.get("Zawahiri"), [ActorRef::Curated(7)]);
    let texts = [
        "Kagan said Kagan’s view, McKagan and Kagans, Kagan-Smith, al-Kagan and Al-kagan: Kagan.",
        "Khalilzad—Khalilzad, ÉKhalilzad, Khalilzadé and éKhalilzad; Zawahiri al-Zawahiri El-Zawahiri.",
        "Mir, Mirza, al-Mir, AMir, KuriLla Kurilla-Nazary Nazary West West-West WestWest 3West.",
        "Omar Omar’s OmarOmar Ömar “Omar” (Omar) -Omar Omar- Kurilla",
        "",
    ];
    for t in texts {
        let starts = m.scan(t).short_starts;
        assert_eq!(m.words_among(t, &starts, &forms), every_word_among(t, &forms), "{t}");
    }
    assert!(!m.words_among(texts[0], &m.scan(texts[0]).short_starts, &forms).is_empty());
}

#[test]
fn a_direction_is_not_a_surname() {
    assert_eq!(
        mentions("Thomas West spoke. The West worries, and West Africa too; the West is divided."),
        pairs(&[("Thomas West", "thomas-west")])
    );
}

#[test]
fn titles_are_not_part_of_the_name() {
    assert_eq!(
        mentions("Mullah Omar ruled, and Omar hid."),
        pairs(&[("Omar", "mohammed-omar"), ("Omar", "mohammed-omar")])
    );
    let m = mentions("Gen. Michael Kurilla said the threat grew, and Kurilla repeated it.");
    assert_eq!(m, pairs(&[("Michael Kurilla", "new:Michael Kurilla"), ("Kurilla", "new:Michael Kurilla")]));
    // An honorific without its full stop before a surname alone (British
    // style), read by a reporting verb.
    let m = mentions("“It is over,” said Ms Sturgeon. Mrs Thatcher said the same. “No,” said Dr Alan Jones.");
    assert_eq!(
        m,
        pairs(&[
            ("Sturgeon", "new:Sturgeon"),
            ("Thatcher", "new:Thatcher"),
            ("Alan Jones", "new:Alan Jones")
        ])
    );
}

#[test]
fn discovery_cues_each_find_a_name() {
    let cases = [
        ("The risk is growing, said Asfandyar Mir in an interview.", "Asfandyar Mir"),
        ("Asfandyar Mir said the risk is growing.", "Asfandyar Mir"),
        ("Annie Pforzheimer, a former deputy chief of mission, disagreed.", "Annie Pforzheimer"),
        ("NRF spokesman Ali Maisam Nazary disagreed.", "Ali Maisam Nazary"),
        ("The panel heard Secretary of State Madeleine Albright.", "Madeleine Albright"),
        ("Analysts at the Institute for the Study of War disagreed.", "Institute for the Study of War"),
        ("The Haqqani Network grew stronger.", "Haqqani Network"),
        ("A letter from the Military Affairs Commission arrived.", "Military Affairs Commission"),
        ("He joined the American Enterprise Institute in May.", "American Enterprise Institute"),
        ("The Sydney-based Institute for Economics and Peace agreed.", "Institute for Economics and Peace"),
        ("The Senate Armed Services Committee on March 16 heard him.", "Senate Armed Services Committee"),
        ("The Haqqani Network and Al Qaeda met.", "Haqqani Network"),
        // Initials and apostrophes inside a name.
        ("Representative Peter T. King said the vote failed.", "Peter T. King"),
        ("The vote failed, said Beto O’Rourke on Friday.", "Beto O’Rourke"),
        ("Dinesh D'Souza said the film sold.", "Dinesh D'Souza"),
    ];
    for (text, name) in cases {
        let m = mentions(text);
        assert!(m.contains(&(name.to_string(), format!("new:{name}"))), "{text}: {m:?}");
    }
}

#[test]
fn a_surname_after_a_title_joins_the_full_name() {
    assert_eq!(
        mentions("President Donald Trump spoke. Later President Trump left."),
        pairs(&[("Donald Trump", "new:Donald Trump"), ("Trump", "new:Donald Trump")])
    );
}

#[test]
fn discovery_does_not_invent_names() {
    let cases = [
        "The report said the group was weak.",    // no name after the verb
        "In March the talks said little.",        // a month
        "Kabul said it would respond.",           // a place
        "This Council of elders met.",            // one word after stripping
        "Officials in Afghanistan said nothing.", // a place after the verb
        "The Annual Threat Assessment said the group was weak.", // a document
    ];
    for text in cases {
        let m = mentions(text);
        assert!(m.iter().all(|(_, who)| !who.starts_with("new:")), "{text}: {m:?}");
    }
    // An institution that speaks is an actor (a speaker is one: issue 19),
    // discovered as an organization, not a person.
    let (m, _) = matcher();
    let a = m.annotate(&doc("The White House said nothing."));
    assert_eq!(a.discovered.len(), 1);
    assert_eq!(
        (a.discovered[0].name.as_str(), a.discovered[0].kind),
        ("White House", ActorType::Organization)
    );
}

/// Sentences for the discovery prefilter: cue words in and out of the
/// context their patterns need, odd case, and non-ASCII around them.
const CUE_SENTENCES: &[&str] = &[
    "The risk is growing, said Asfandyar Mir in an interview.",
    "Asfandyar Mir said the risk is growing.",
    "Annie Pforzheimer, a former deputy chief of mission, disagreed.",
    "Annie Pforzheimer, of the Brookings Institution, disagreed.",
    "Annie Pforzheimer,\u{a0}of\u{a0}the Brookings Institution, disagreed.",
    "NRF spokesman Ali Maisam Nazary disagreed.",
    "The panel heard Secretary of State Madeleine Albright.",
    "The panel heard SECRETARY OF STATE Madeleine Albright and secretary of state John Kerry.",
    "Analysts at the Institute for the Study of War disagreed.",
    "«Gen. Kurilla» vowed; ‘Lt. Gen. Scott Miller’ SAID nothing.",
    "Ms.\u{2003}Lyse Doucet told Ahmad\u{a0}Massoud — the analyst Ékaterina Ødegaard said.",
    "The person in the reasonable Armyworm Groups essays was a Kingfisher.",
    "Der Präsident Olaf Scholz sagte, dass die Kommission tagt.",
    "Zalmay Khalilzad,\u{2009}a senior fellow at the Atlantic Council, WARNED.",
    "The person said that the unsaid sayings of Presidents were unclear.",
    "Hamid Karzai said\u{212a}abul was ſafe; the Taliban Councilſ met.",
    "Hamid Karzai, the son of a chief, met the CommitteeX and the Committee_ of Afghans.",
    "Lt.Gen. Mark Milley, an expert, noted the Defense Department’s view.",
    "The Cabinet met; nobody spoke. Prices rose in Kabul.",
    "He said Ali Khan, the one true and only real chief, of the era.",
    "Ali Khan, the one true only chief of Kabul; al-Hakim, the chief; Ali el-Khan, of the Army.",
    "Ali Khan, the ñew chief; Ali Kħan, the new chief; Ali Khan,\u{2002}a new\u{a0}chief; Ali Khan, an-old chief.",
    "Ali Khan ,a chief; Ali Khan , of the Army; Ali Khan, of the Army; Khan said; officials say Ali said.",
    "McChrystal, a 2nd chief; Ali McChrystal,a chief; Nwajiaku-Dahou said; Ali Nwajiaku-Dahou, said.",
    "Ali Khan\tsaid; Ali Ékhan said; Ali ÉKhan, said; said Ékhan Ali; the analyst Ékhan; analyst\u{a0}Ali Khan.",
    "He met the Council, a Group and al-Group in the Army.",
    "He met the Council of Elders, the Council for Peace, the Council on War and the NATO Council.",
    "The ÉCouncil met; the Ébert Council met; the Ba-Council; the B Council; the x-Y Council.",
    "Council\u{a0}of Elders; the council of Elders; a Council\u{2009}Armed; Council met; The Army.",
    "The Committee\u{a0}on Foreign Relations met the cheap Office of the Council; the-Congress.",
    "President General Ali Khan spoke, said President Omar Khan Said Ali, and General Abdul Rashid Dostum.",
    "Vice President Ali Dost President Omar Zaki met told Ali Babar Minister Rahim Qasim.",
    "Bill O'Reilly said the show ran.",
    "Ali O’Khan, a chief; Ali o'Khan said; Ali Khan'Ali said; Peter T. King said; said Lisa O. Monaco.",
    "",
];

#[test]
fn the_cue_prefilter_keeps_every_pattern_that_can_match() {
    let cues: [(&Regex, u8); 5] = [
        (&TITLE_CUE, CUE_TITLE),
        (&VERB_AFTER, CUE_VERB_AFTER),
        (&VERB_BEFORE, CUE_VERB_BEFORE),
        (&ROLE_BEFORE, CUE_ROLE_BEFORE),
        (&APPOSITION, CUE_APPOSITION),
    ];
    // The organization pattern is skipped where it finds only names
    // `clean_org` rejects.
    let org = |s: &str| ORGANIZATION.find_iter(s).any(|m| clean_org(m.as_str()).is_some());
    for (cue_re, _) in cues {
        assert!(CUE_SENTENCES.iter().any(|s| cue_re.is_match(s)), "{cue_re} is never tried");
    }
    assert!(CUE_SENTENCES.iter().any(|s| org(s)));
    assert!(CUE_SENTENCES.iter().any(|s| ORGANIZATION.is_match(s) && !org(s)));
    for s in CUE_SENTENCES {
        let mask = possible_cues(s);
        for (cue_re, bit) in cues {
            assert!(!cue_re.is_match(s) || mask & bit != 0, "{s:?}: {cue_re} skipped");
        }
        assert!(!org(s) || mask & CUE_ORGANIZATION != 0, "{s:?}: organization skipped");
    }
    // And it does skip: no cue word in context, or only some.
    assert_eq!(possible_cues("The Cabinet met; nobody spoke. Prices rose in Kabul."), 0);
    assert_eq!(possible_cues("The person in the reasonable Armyworm Groups essays was a Kingfisher."), 0);
    assert_eq!(possible_cues("Asfandyar Mir said the risk is growing."), CUE_VERB_BEFORE);
    assert_eq!(
        possible_cues("He said Ali Khan, the one true and only real chief, of the era."),
        CUE_VERB_AFTER
    );
    assert_eq!(possible_cues("Ali Khan, the one true only chief of Kabul."), CUE_APPOSITION);
    assert_eq!(possible_cues("He met the Council, a Group and al-Group in the Army."), 0);
    assert_eq!(possible_cues("He met the Council of Elders."), CUE_ORGANIZATION);
    assert_eq!(possible_cues("He met the Haqqani Network."), CUE_ORGANIZATION);
    assert_eq!(
        possible_cues("Annie Pforzheimer, of the Brookings Institute."),
        CUE_APPOSITION | CUE_ORGANIZATION
    );
}

/// Texts for the automaton loops: words of the patterns in and out of
/// case, glued, overlapping and cut short, among non-ASCII letters
/// (the Kelvin sign and the long s fold to ASCII k and s in Unicode,
/// not in ASCII case folding) and a pseudo-random mix of all of them.
fn scan_texts(words: &[&str]) -> Vec<String> {
    let mut texts: Vec<String> = [
        "",
        "The Taliban’s leaders met al-Qaeda and the Islamic Emirate of Afghanistan's envoys; AQ agreed.",
        "they said AL QAEDA, al qaeda, Al-Qaeda, al-qaedas and AQIS-core; aqis-CORE! \u{212a}agan Ta\u{17f}iban",
        "Zalmay KhalilzadKhalilzad al-Zawahiri Zawahiri El-Zawahiri KaganKagan Kim Kagan Frederick Kagan",
        "said, says, according to, the analyst, Gen. Gen.eral Council of Councils, Secretary of State of of of",
        "Islamic State Islamic StateIslamic State Islamic Emirate of Afghanista Islamic Emirate of Afghanistan",
        "é“Omar”é ÉMullah Omarå Mohammed Omar—Mohammed\u{a0}Omar 東京Taliban東京 😀AQ😀",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    let pieces: Vec<String> = words
        .iter()
        .flat_map(|w| [w.to_string(), w.to_uppercase(), w.to_lowercase(), w[..w.len() / 2].to_string()])
        .chain([" ", " ", "-", "’s ", ", ", "é", "\u{212a}", "\u{17f}", "“", "x", "s"].map(String::from))
        .filter(|p| !p.is_empty())
        .collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for _ in 0..200 {
        let mut t = String::new();
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let p = &pieces[(seed % pieces.len() as u64) as usize];
            // Keep slices of multi-byte words on char boundaries.
            let cut = (0..=p.len()).rev().find(|&k| p.is_char_boundary(k)).unwrap_or(0);
            t.push_str(&p[..cut]);
        }
        texts.push(t);
    }
    texts
}

/// The test gazetteer, and more spellings that nest and overlap
/// ("Islamic State" in "Islamic State Khorasan", "ISIS" in "ISIS-K",
/// "State Department" across "Islamic State Department").
const MORE_ACTORS: &str = r#"
[[actor]]
id = "iskp"
name = "Islamic State Khorasan"
type = "organization"
aliases = ["ISIS-K", "ISKP", "Khorasan Province", "IS-Khorasan"]

[[actor]]
id = "isis"
name = "ISIS"
type = "organization"
aliases = ["IS", "SIS Group"]

[[actor]]
id = "state-department"
name = "State Department"
type = "organization"
aliases = ["state department of the United States"]

[[actor]]
id = "ali-state"
name = "Ali al-State"
type = "person"
"#;

#[test]
fn the_one_scan_finds_what_three_aho_corasick_searches_find() {
    let text = format!("{GAZETTEER}{MORE_ACTORS}");
    let g = Gazetteer::parse(Path::new("actors.toml"), &text).expect("test gazetteer");
    let m = ActorMatcher::new(&g);
    let spellings: Vec<&str> = m.patterns.iter().map(|p| p.spellings[0].as_str()).collect();
    let short: Vec<&str> = m.short_forms.keys().map(String::as_str).collect();
    let (cue_dfa, _) = &*CUE_WORDS;
    let cues: Vec<&str> = TITLES
        .iter()
        .chain(&*REPORTING_VERBS)
        .chain(&*ROLES)
        .chain(&*ORG_HEADS)
        .copied()
        .chain(["of"])
        .collect();
    let kinds: Vec<CueWord> = CUE_LIST.iter().map(|&(_, k)| k).collect();
    assert_eq!(cues, CUE_LIST.iter().map(|&(w, _)| w).collect::<Vec<_>>());
    let gaz_ac = aho_corasick::AhoCorasickBuilder::new()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&spellings)
        .expect("patterns");
    let all_gaz = aho_corasick::AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(&spellings)
        .expect("patterns");
    let short_ac = aho_corasick::AhoCorasick::new(&short).expect("patterns");
    let cue_ac = aho_corasick::AhoCorasick::new(&cues).expect("patterns");
    let words: Vec<&str> = g
        .actors
        .iter()
        .flat_map(|a| std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str)))
        .chain(short.iter().copied())
        .chain(cues.iter().copied())
        .collect();
    let mut seen = [0usize; 4];
    for t in scan_texts(&words) {
        let scanned = m.scan(&t);
        let slow: Vec<_> = gaz_ac.find_iter(&t).map(|m| (m.pattern().as_usize(), m.range())).collect();
        assert_eq!(scanned.gazetteer, slow, "{t:?}");
        let mut slow: Vec<usize> = short_ac.find_overlapping_iter(&t).map(|m| m.start()).collect();
        let mut fast = scanned.short_starts.clone();
        slow.sort_unstable();
        fast.sort_unstable();
        assert_eq!(fast, slow, "{t:?}");
        // The cue words: by end, and the same occurrences.
        assert!(scanned.cues.windows(2).all(|w| w[0].1.end <= w[1].1.end), "{t:?}");
        let key = |(k, r): &(CueWord, Range<usize>)| (r.end, r.start, *k as u8);
        let mut fast: Vec<_> = scanned.cues.iter().map(key).collect();
        let mut slow: Vec<_> = cue_ac
            .find_overlapping_iter(&t)
            .map(|m| key(&(kinds[m.pattern().as_usize()], m.range())))
            .collect();
        fast.sort_unstable();
        slow.sort_unstable();
        assert_eq!(fast, slow, "{t:?}");
        // And the cue automaton's own loop, for `possible_cues`.
        let fast: Vec<_> = Overlapping::new(cue_dfa, t.as_bytes()).collect();
        let slow: Vec<_> =
            cue_ac.find_overlapping_iter(&t).map(|m| (m.pattern().as_usize(), m.range())).collect();
        assert_eq!(fast, slow, "{t:?}");
        let overlapped = scanned.gazetteer.len() < all_gaz.find_overlapping_iter(&t).count();
        let n =
            [scanned.gazetteer.len(), scanned.short_starts.len(), scanned.cues.len(), overlapped as usize];
        for k in 0..4 {
            seen[k] += n[k];
        }
    }
    // The texts do hold matches, and gazetteer matches that overlap.
    assert!(seen[..3].iter().all(|&n| n > 100) && seen[3] > 20, "{seen:?}");
}

#[test]
fn case_fits_as_without_its_one_word_shortcut() {
    // The rule as it was before the shortcut for one-word aliases.
    fn reference(surface: &str, alias: &str, head_may_lower: bool) -> bool {
        if surface == alias {
            return true;
        }
        let s_words: Vec<&str> = surface.split(|c: char| c.is_whitespace() || c == '-').collect();
        let a_words: Vec<&str> = alias.split(|c: char| c.is_whitespace() || c == '-').collect();
        if a_words.len() < 2 || s_words.len() != a_words.len() {
            return false;
        }
        let n = a_words.len();
        s_words.iter().zip(&a_words).enumerate().all(|(i, (s, a))| {
            let (sf, af) = (s.chars().next(), a.chars().next());
            let lowered = sf.is_some_and(char::is_lowercase) && af.is_some_and(char::is_uppercase);
            !lowered
                || PARTICLES.contains(&a.to_lowercase().as_str())
                || head_may_lower && i + 1 == n && ORG_HEADS.contains(a)
        })
    }
    let spellings = [
        "IS",
        "is",
        "Is",
        "AQ",
        "Al Qaeda",
        "al-Qaeda",
        "AL QAEDA",
        "al qaeda",
        "Al\u{a0}Qaeda",
        "al\u{2003}Qaeda",
        "Al-Qaeda",
        "al-qaeda",
        "AQIS-core",
        "aqis-CORE",
        "Ibn Sina",
        "ibn Sina",
        "Islamic State",
        "islamic state",
        "Van Gogh",
        "van Gogh",
        "-",
        " ",
        "",
        "\u{212a}agan",
        "Kagan",
        "É-Ø",
        "é-Ø",
        "The Group",
        "the Group",
        "a b",
        "A B",
        "A-B-C",
        "a-b-c",
        "of the West",
        "Haqqani Network",
        "Haqqani network",
        "haqqani network",
        "Network Haqqani",
        "network Haqqani",
    ];
    let mut fast_true = 0;
    for surface in spellings {
        for alias in spellings {
            for head_may_lower in [false, true] {
                let fast = case_fits(surface, alias, head_may_lower);
                assert_eq!(fast, reference(surface, alias, head_may_lower), "{surface:?} for {alias:?}");
                fast_true += fast as usize;
            }
        }
    }
    assert!(fast_true > spellings.len() + 5, "{fast_true}");
}

#[test]
fn byte_offsets_are_what_the_char_counter_gives() {
    let texts = [
        "",
        "plain ASCII, long enough to take the eight-byte steps several times over",
        "“Curly” quotes — dashes, Kābul, Ærø, 東京, \u{212a}elvin and \u{17f}ong s; emoji 😀 at the end😀",
        "é",
        "😀😀😀😀😀😀😀😀😀",
        "abcdefg😀abcdefgh\u{301}abcdefghijklmnop€",
    ];
    for t in texts {
        let n = t.chars().count();
        let mut fast = CharCounter::new(t);
        let mut slow = CharCounter::new(t);
        let order = (0..=n + 2).chain((0..=n + 2).rev()).chain((0..=n).step_by(3)).chain([n + 5, 1, 0]);
        for ch in order {
            assert_eq!(fast.byte_of(ch), slow.byte_of_plain(ch), "{t:?} at {ch}");
        }
    }
}

#[test]
fn taken_spans_overlap_as_a_scan_of_every_span_says() {
    let found: Vec<Found> = [(40, 45), (3, 7), (10, 20), (25, 26)]
        .into_iter()
        .map(|(s, e)| Found { range: s..e, actor: ActorRef::Curated(0) })
        .collect();
    let mut taken = Taken::of(&found);
    let mut all: Vec<Range<usize>> = found.iter().map(|f| f.range.clone()).collect();
    let scan =
        |all: &[Range<usize>], r: &Range<usize>| all.iter().any(|t| t.start < r.end && t.end > r.start);
    for add in [30..33, 0..2, 46..50, 21..24] {
        for s in 0..52 {
            for e in s + 1..53 {
                assert_eq!(taken.overlaps(&(s..e)), scan(&all, &(s..e)), "{s}..{e}");
            }
        }
        assert!(!taken.overlaps(&add));
        taken.take(&add);
        all.push(add);
    }
}

#[test]
fn discovery_with_the_cue_prefilter_finds_what_it_finds_without() {
    let text = CUE_SENTENCES.join("\n\n");
    let d = doc(&text);
    let (m, _) = matcher();
    let scanned = m.scan(&d.text);
    let found = m.gazetteer_mentions(&d.text, &scanned.gazetteer, false);
    let filtered = discover_with(&d, &found, Some(&scanned.cues));
    assert!(filtered.len() > 5, "{filtered:?}");
    assert_eq!(filtered, discover_with(&d, &found, None));
    for s in CUE_SENTENCES {
        let d = doc(s);
        let cues = m.scan(&d.text).cues;
        assert_eq!(discover_with(&d, &[], Some(&cues)), discover_with(&d, &[], None), "{s:?}");
        // The segments' cue words from the scan of the whole text are
        // those a scan of each segment finds.
        let mut index = CharCounter::new(&d.text);
        for seg in &d.segments {
            let Some(span) = &seg.span else { continue };
            let (a, b) = (index.byte_of(span.start), index.byte_of(span.end));
            let inside = cues.iter().filter(|(_, r)| r.start >= a && r.end <= b);
            let mask = cue_mask(&d.text[a..b], inside.map(|(k, r)| (*k, r.start - a..r.end - a)));
            assert_eq!(mask, possible_cues(&d.text[a..b]), "{s:?}");
        }
    }
}

#[test]
fn titles_and_roles_before_a_person_are_kept_with_the_mention() {
    // (text, mention surface, title kept): a listed title with or without
    // its full stop, a chain of titles and role words, a lower-case role
    // noun after an organization, and none where other words stand there.
    let cases: [(&str, &str, Option<&str>); 14] = [
        ("Gen. Kenneth McKenzie said the raid was over.", "Kenneth McKenzie", Some("Gen.")),
        ("The envoy, Ambassador Zalmay Khalilzad, left Doha.", "Zalmay Khalilzad", Some("Ambassador")),
        (
            "Secretary of State Madeleine Albright spoke first.",
            "Madeleine Albright",
            Some("Secretary of State"),
        ),
        // "Senate" is an institution, not a role word: it stays out.
        ("Senate Majority Leader Mitch McConnell said no.", "Mitch McConnell", Some("Majority Leader")),
        ("Taliban spokesman Zabihullah Mujahid denied it.", "Zabihullah Mujahid", Some("spokesman")),
        ("Mr Brown met Ms. Hewitt in London.", "Brown", Some("Mr")),
        ("Mr Brown met Dr. Kim Kagan in London.", "Kim Kagan", Some("Dr.")),
        ("Former President Barack Obama spoke.", "Barack Obama", Some("Former President")),
        // A title glued to a word or a bracket before it.
        ("The then-President Kim Kagan spoke.", "Kim Kagan", Some("President")),
        ("A general (Gen. Kim Kagan) spoke.", "Kim Kagan", Some("Gen.")),
        ("She said “Dr. Kim Kagan will lead.”", "Kim Kagan", Some("Dr.")),
        ("Zalmay Khalilzad left Doha.", "Zalmay Khalilzad", None),
        ("His friend Thomas West stayed; the group's spokesman, Kim Kagan, left.", "Kim Kagan", None),
        ("They met the Taliban in Doha.", "Taliban", None),
    ];
    let (m, _) = matcher();
    for (text, surface, title) in cases {
        let d = doc(text);
        let a = m.annotate(&d);
        let found = a.mentions.iter().find(|x| x.surface == surface);
        let found = found.unwrap_or_else(|| panic!("{surface:?} in {text:?}: {:?}", a.mentions));
        assert_eq!(found.title.as_deref(), title, "{text:?}");
    }
}

#[test]
fn titles_before_reads_any_white_space_without_panicking() {
    // A word before the title may end at white space of several bytes.
    for text in
        ["met\u{a0}with Kim Kagan", "met\u{3000}Gen. Kim Kagan", "\u{2009}Gen. Kim Kagan", "Kim Kagan"]
    {
        let at = text.find("Kim").unwrap_or(0);
        let got = titles_before(text, at).map(|r| &text[r]);
        let expected = if text.contains("Gen.") { Some("Gen.") } else { None };
        assert_eq!(got, expected, "{text:?}");
    }
}

/// `title_before` finds what a scan of every title, longest first, finds:
/// before every word of a text of titles, names and other words.
#[test]
fn title_before_is_the_first_listed_title_that_fits() {
    let scan = |text: &str, at: usize| -> Option<usize> {
        let before = text[..at].strip_suffix(' ')?;
        TITLES.iter().find_map(|t| {
            let start = before.len().checked_sub(t.len())?;
            let ok = before.is_char_boundary(start)
                && &before[start..] == *t
                && !gazetteer::is_word(before[..start].chars().next_back());
            ok.then_some(start)
        })
    };
    let mut text = String::from("Zoë said ");
    for t in TITLES.iter() {
        text.push_str(&format!("{t} Smith met the-{t} Jones, x{t} Lee and Army {t} Ali. "));
    }
    let starts: Vec<usize> = text.match_indices(' ').map(|(i, _)| i + 1).collect();
    let mut found = 0;
    for at in starts {
        assert_eq!(title_before(&text, at), scan(&text, at), "{:?}", &text[..at]);
        found += usize::from(scan(&text, at).is_some());
    }
    assert!(found > TITLES.len(), "{found}");
}

/// Segments for the patterns that end with a cue word: names of every
/// shape (initials, particles, "al-", apostrophes, hyphens, glued and
/// non-ASCII letters) before and after reporting verbs, role nouns and
/// ", of the", with commas, articles, lower-case words, long runs of
/// white space and of words between them; the cue sentences, and a
/// pseudo-random mix of all of these.
fn closing_texts() -> Vec<String> {
    let mut texts: Vec<String> = CUE_SENTENCES.iter().map(|s| s.to_string()).collect();
    // The longest reach back from the cue word: a name of four words with
    // two initials and a particle in each gap, then `,\s`, an article and
    // four lower-case words before a role.
    let longest = "Ali A. B. bin Khan C. D. de Kagan E. F. van Omar";
    texts.extend([
        format!("{longest}, said it."),
        format!("{longest} said it."),
        format!("{longest}, the one true top-level old chief."),
        format!("{longest}, of the Brookings Institution."),
        format!("Then {}, the one true top-level old chief.", longest.replace(" de ", "\u{a0}de\u{2009}")),
    ]);
    let verbs = REPORTING_VERBS.iter().step_by(7).take(12).copied();
    let roles = ROLES.iter().step_by(11).take(12).copied();
    let pieces: Vec<String> = [
        "Ali",
        "Khan",
        "Kim",
        "Kagan",
        "al-Zawahiri",
        "El-Baz",
        "O'Reilly",
        "D’Souza",
        "McKenzie",
        "Nwajiaku-Dahou",
        "George",
        "W.",
        "Bush",
        "bin",
        "van",
        "de",
        "Ébert",
        "Øster",
        "ÉMIR",
        "Zoë",
        "AQ",
        "Said",
        "The",
        "He",
        "of",
        "of the",
        "the",
        "a",
        "an",
        "former",
        "deputy",
        "top-level",
        "said",
        "says",
        "Xsaid",
        "chief",
        "x",
        "3",
        "(",
        ")",
        ";",
        ".",
        ",",
        ", ",
        ",",
        "'",
        "’",
        "-",
        "“",
        "\u{a0}",
        "\u{2009}",
        "\t",
        "\n",
        " ",
        " ",
        " ",
        " ",
        " ",
        "  ",
        "\u{0b}",
        ", a",
        ", the",
        ", an",
        ", of the",
        "Brookings",
        "Ali Khan,",
        "Kim Kagan,",
        "Peter T. King",
        "Lisa O. Monaco,",
    ]
    .iter()
    .map(|p| p.to_string())
    .chain(verbs.chain(roles).flat_map(|w| [w.to_string(), format!(" {w}"), format!(", {w} ")]))
    .collect();
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    for n in 0..6000 {
        let mut t = String::new();
        for _ in 0..(8 + n % 60) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let p = &pieces[(seed % pieces.len() as u64) as usize];
            t.push_str(p);
            // Mostly one space between pieces, as in text.
            if seed >> 40 & 3 != 0 {
                t.push(' ');
            }
        }
        texts.push(t);
    }
    texts
}

/// The anchored searches of the patterns that end with a cue word find
/// the groups `captures_iter` finds, over the whole segment.
#[test]
fn closing_cue_searches_find_what_captures_iter_finds() {
    let (ac, kinds) = &*CUE_WORDS;
    let longest = "Ali A. B. bin Khan C. D. de Kagan E. F. van Omar";
    let patterns: [(&Regex, &Closing); 2] =
        [(&VERB_BEFORE, &CLOSING_CUES[0]), (&APPOSITION, &CLOSING_CUES[1])];
    let mut found = [0usize; 2];
    for text in closing_texts() {
        let cues: Vec<(CueWord, Range<usize>)> =
            Overlapping::new(ac, text.as_bytes()).map(|(p, m)| (kinds[p], m)).collect();
        let mut longest_found = false;
        for (k, (whole, closing)) in patterns.iter().enumerate() {
            let expected: Vec<Range<usize>> =
                whole.captures_iter(&text).filter_map(|c| c.get(1)).map(|g| g.range()).collect();
            let got = closing_groups(closing, &text, cues.iter().cloned());
            assert_eq!(got, expected, "{whole}: {text:?}");
            longest_found |= expected.iter().any(|g| text[g.clone()].starts_with(longest));
            found[k] += expected.len();
        }
        assert!(longest_found || !text.contains(longest), "{text:?}");
    }
    assert!(found.iter().all(|&n| n > 200), "{found:?}");
}

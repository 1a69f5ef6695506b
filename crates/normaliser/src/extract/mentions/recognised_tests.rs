//! The recogniser merged with the gazetteer and the cues: table-style on
//! sentences written for each phenomenon of issue 18.

use super::recognised::{clean_span, ends_with_head, PLACE_HEADS};
use super::terms::WORK_HEADS;
use super::tests::mentions;
use corpus_parser::ActorType;

/// (text, mentions that must be there as (surface, who), surfaces that
/// must not be mentions). `who` is a gazetteer id or `new:` and the name.
type Case = (&'static str, &'static [(&'static str, &'static str)], &'static [&'static str]);

const CASES: &[Case] = &[
    // A name no cue announces, and its surname later.
    (
        "The appointment of Madeleine Albright was announced on Monday. Albright will travel next week.",
        &[("Madeleine Albright", "new:Madeleine Albright"), ("Albright", "new:Madeleine Albright")],
        &[],
    ),
    // British titles without a full stop, and with one.
    (
        "Gordon Brown spoke in Leeds on Tuesday. Later Mr Brown said the plan would work.",
        &[("Gordon Brown", "new:Gordon Brown"), ("Brown", "new:Gordon Brown")],
        &["Mr Brown"],
    ),
    (
        "Gail Berman joined the network in 2000. Ms. Berman said she was pleased.",
        &[("Gail Berman", "new:Gail Berman"), ("Berman", "new:Gail Berman")],
        &["Ms. Berman"],
    ),
    // Titles are never part of the name.
    (
        "Prime Minister John Major met officials in Brussels on Friday.",
        &[("John Major", "new:John Major")],
        &["Prime Minister John Major", "Minister John Major"],
    ),
    // One-word organizations, found wherever they occur.
    (
        "Reuters reported the deal on Friday. The deal, Reuters said, was worth $5 million.",
        &[("Reuters", "new:Reuters"), ("Reuters", "new:Reuters")],
        &[],
    ),
    // A defined acronym is the full name's.
    (
        "Officials of the World Trade Organization (WTO) met in Geneva. The WTO said talks would go on.",
        &[
            ("World Trade Organization", "new:World Trade Organization"),
            ("WTO", "new:World Trade Organization"),
        ],
        &[],
    ),
    // The gazetteer wins where it matches.
    (
        "Zalmay Khalilzad met Taliban leaders in Doha on Saturday.",
        &[("Zalmay Khalilzad", "zalmay-khalilzad"), ("Taliban", "taliban")],
        &[],
    ),
    // Precision rules.
    // A faith or its followers are no actor.
    (
        "The Wahhabi Sunni Islam of the Gulf differs, said Ahmed Rashid. Sunni scholars agreed.",
        &[("Ahmed Rashid", "new:Ahmed Rashid")],
        &["Wahhabi Sunni Islam", "Sunni"],
    ),
    // Plural demonyms are no actor.
    ("Many Jihadis left. Two Americans stayed, and Jihadis returned later.", &[], &["Jihadis", "Americans"]),
    // A name read as a place: after "in", before "district".
    (
        "Fighting spread to Dashti Qala district. Fighters in Dashti Qala were told to stay.",
        &[],
        &["Dashti Qala"],
    ),
    // A name after a verb of motion and "to" is a place; so is a name
    // listed beside a listed place, of however many words.
    ("Every spring the commanders would come to Shah Wali Kot.", &[], &["Shah Wali Kot"]),
    ("Raids hit Panjshir, Qala-e Zal and Takhar last week.", &[], &["Qala-e Zal"]),
    // An acronym defined after a place's name is the place.
    ("Many families fled to Khyber Pakhtunkhwa (KPK) in 2009. Camps in KPK grew.", &[], &["KPK"]),
    // Terms, not actors: an operation, a portfolio, a word glossed in
    // brackets, the whole of a quotation.
    ("The army began Operation Rolling Thunder in March, officials said.", &[], &["Rolling Thunder"]),
    ("He was later named Deputy Minister of Foreign Affairs by the council.", &[], &["Foreign Affairs"]),
    (
        "The plans to attack Sarkano [an area in Asadabad district] were leaked, a commander said.",
        &[],
        &["Sarkano"],
    ),
    ("News of the attack on Ghaziabad (a district near the border) spread quickly.", &[], &["Ghaziabad"]),
    ("'Istikhbarato [intelligence] Mawlawi Sahib talk to them,' one commander said.", &[], &["Istikhbarato"]),
    // An honorific written after a title is no name ("Sahib": "sir").
    (
        "When foreigners come, the district Mawlawi Saheb talks to them first.",
        &[],
        &["Saheb", "Mawlawi Saheb"],
    ),
    (
        "The essay called the region the “Land of Emigration,” and urged others to come.",
        &[],
        &["Land of Emigration"],
    ),
    // The title of a work: after "author of", "book" or "titled", or a
    // title-case run that ends in a work's head word.
    (
        "Nora Haidari is the author of Silent Rivers: Broken Promises in Frontier Wars and teaches in Ohio.",
        &[("Nora Haidari", "new:Nora Haidari")],
        &["Broken Promises", "Silent Rivers"],
    ),
    ("Critics praised the book, The Quiet Hand, when it came out in 2015.", &[], &["Quiet Hand"]),
    // An acronym defined as a phrase that is no name: in brackets after
    // it, or on a glossary line.
    (
        "A roadside improvised explosive device (IED) hit the convoy. The IED was hidden in a culvert.",
        &[],
        &["IED"],
    ),
    ("PBUH\tpeace be upon him\nThe Prophet (PBUH) urged patience, the preacher said.", &[], &["PBUH"]),
    // A word after an adverb of degree is an adjective.
    ("The new recruits were mostly Punjabi, a commander in Helmand said.", &[], &["Punjabi"]),
    // Parts of a document.
    ("The full text is in Appendix 2, and Appendix 3 lists the rules.", &[], &["Appendix"]),
    // A treaty is no actor.
    (
        "The Pacific Fisheries Agreement was signed in 1998, and the Pacific Fisheries Agreement lapsed in 2010.",
        &[],
        &["Pacific Fisheries Agreement"],
    ),
    // A person's name read once as a place ("information on …") stays a
    // person when it is read as one more often, here after a title.
    (
        "Rep. Kwame Otieno (D-Md.) voted against the bill. This article has information on Kwame Otieno.",
        &[("Kwame Otieno", "new:Kwame Otieno"), ("Kwame Otieno", "new:Kwame Otieno")],
        &[],
    ),
    // … and is no place for the names listed beside it either.
    (
        "Rep. Kwame Otieno (D-Md.) voted no. This article has information on Kwame Otieno. The panel includes Kwame Otieno, Lena Ortiz and two others.",
        &[("Lena Ortiz", "new:Lena Ortiz")],
        &[],
    ),
    // A law is no actor.
    (
        "Congress passed the Clean Harbors Protection Act last year, and the Clean Harbors Protection Act took effect in May.",
        &[],
        &["Clean Harbors Protection Act"],
    ),
];

#[test]
fn the_recogniser_cases() {
    for (text, want, not) in CASES {
        let got = mentions(text);
        let mut left = got.clone();
        for (surface, who) in *want {
            let k = left.iter().position(|(s, w)| s == surface && w == who);
            assert!(k.is_some(), "{text}: missing ({surface}, {who}) in {got:?}");
            if let Some(k) = k {
                left.remove(k);
            }
        }
        for surface in *not {
            assert!(
                !got.iter().any(|(s, _)| s == surface),
                "{text}: {surface} should not be a mention: {got:?}"
            );
        }
    }
}

#[test]
fn a_generic_head_alone_is_no_name() {
    use super::recognised::head_alone;
    assert!(head_alone("Administration"));
    assert!(head_alone("Ministry"));
    assert!(!head_alone("Trump Administration"));
    assert!(!head_alone("Reuters"));
}

#[test]
fn spans_lose_titles_honorifics_and_possessives() {
    let cases = [
        ("Mr Brown", Some("Brown")),
        ("Dr. Liam Fox", Some("Liam Fox")),
        ("President Bill Clinton's", Some("Bill Clinton")),
        ("the Reuters", Some("Reuters")),
        ("Senators Charles E. Grassley", Some("Charles E. Grassley")),
        ("Generals Votel", Some("Votel")),
        ("Senators", None),
        ("Mr", None),
        ("Saheb", None),
        ("Sahib Singh", Some("Sahib Singh")),
        ("KPK\tKhyber Pakhtunkhwa", None),
        ("Helmand Province", None),
        ("Newark International Airport", None),
        // A comma, a bracket or an underscore: a place and its state, a
        // list, a dateline.
        ("Rockford, Ill", None),
        ("Marines, Army", None),
        ("AP)_ Tired", None),
        ("Mostly False.\u{201c}", None),
        // Roles and titles before a name, also inside the span.
        ("Mayor Bill de Blasio", Some("Bill de Blasio")),
        ("Miami-Dade Mayor Alex Penelas", Some("Alex Penelas")),
        ("Democrat Elijah E. Cummings", Some("Elijah E. Cummings")),
        ("John Major", Some("John Major")),
        ("Messrs. Schwarz", Some("Schwarz")),
        // A preposition, conjunction, adverb or interjection that opens
        // the sentence is not the name's.
        ("Though Clinton", Some("Clinton")),
        ("Unlike Ted Cruz", Some("Ted Cruz")),
        ("Among Latinos", Some("Latinos")),
        ("Dear Mr. Smith", Some("Smith")),
        ("Because", None),
        ("Hello", None),
        ("Did Trump", Some("Trump")),
        ("Certainly Saddam Hussein", Some("Saddam Hussein")),
        // A court case is no actor.
        ("Roe v. Wade", None),
        ("Citizens United vs. FEC", None),
        // A role noun at the end is no person's name.
        ("Clinton Chief", None),
        ("Party Leader", None),
        ("Howard Dean", Some("Howard Dean")),
    ];
    for (text, want) in cases {
        let got = clean_span(text, 0..text.len(), ActorType::Person).map(|r| &text[r]);
        assert_eq!(got, want, "{text}");
    }
    // An organization keeps a title word that starts it, and loses "the".
    let orgs = [
        ("General Motors Acceptance Corp", Some("General Motors Acceptance Corp")),
        ("President's Council", Some("President's Council")),
        ("the Reuters", Some("Reuters")),
        ("Peoria, Ill", None),
        ("Goldman, Sachs and Co", Some("Goldman, Sachs and Co")),
        ("Bailard, Biehl and Kaiser", Some("Bailard, Biehl and Kaiser")),
        ("Like Cleveland Clinic", Some("Cleveland Clinic")),
        // A party and state after a legislator's name.
        ("R-Tenn", None),
        ("D-N.J", None),
        // A hyphenated description before the name.
        ("Botox-maker Allergan", Some("Allergan")),
        ("Iran-backed Hezbollah", Some("Hezbollah")),
        ("Al-Shabaab", Some("Al-Shabaab")),
        ("Hizb-e Islami", Some("Hizb-e Islami")),
        // A party or role word before "of" is a role; a title names too.
        ("Democrat of Vermont", None),
        ("Speaker of the House", None),
        ("Queen of the South", Some("Queen of the South")),
    ];
    for (text, want) in orgs {
        let got = clean_span(text, 0..text.len(), ActorType::Organization).map(|r| &text[r]);
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn a_company_word_or_head_word_at_the_end_makes_an_organization() {
    use super::recognised::kind_of_name;
    let cases = [
        ("Haden MacLellan Holding", ActorType::Person, ActorType::Organization),
        ("R.D. Werner Co", ActorType::Person, ActorType::Organization),
        ("Deseret Bancorp", ActorType::Person, ActorType::Organization),
        ("Sansui Electric", ActorType::Person, ActorType::Organization),
        ("Ford Motor", ActorType::Person, ActorType::Organization),
        ("Haqqani Network", ActorType::Person, ActorType::Organization),
        ("Delta Air Lines", ActorType::Person, ActorType::Organization),
        ("Walter Energy", ActorType::Person, ActorType::Organization),
        ("Gawker Media", ActorType::Person, ActorType::Organization),
        // A word alone is no name with a head word.
        ("Holding", ActorType::Person, ActorType::Person),
        ("Corinne Cooper", ActorType::Person, ActorType::Person),
        ("Reuters", ActorType::Organization, ActorType::Organization),
    ];
    for (name, given, want) in cases {
        assert_eq!(kind_of_name(name, given), want, "{name}");
    }
}

/// (text, actors that must be discovered as (name, type), names that
/// must not be actors).
type TypedCase = (&'static str, &'static [(&'static str, ActorType)], &'static [&'static str]);

/// The discovered actors of a text, as (name, type).
fn discovered(text: &str) -> Vec<(String, ActorType)> {
    let (m, _) = super::tests::matcher();
    let a = m.annotate(&super::tests::doc(text));
    a.discovered.iter().map(|d| (d.name.clone(), d.kind)).collect()
}

#[test]
fn companies_are_organizations_and_places_are_not_actors() {
    let cases: [TypedCase; 5] = [
        (
            "Net at the finance arm, General Motors Acceptance Corp., fell 3.1% in the quarter.",
            &[("General Motors Acceptance Corp", ActorType::Organization)],
            &["Motors Acceptance Corp"],
        ),
        (
            "Shares were sold to Haden MacLellan Holding of Surrey, the filing said.",
            &[("Haden MacLellan Holding", ActorType::Organization)],
            &[],
        ),
        (
            "The Rockford, Ill., maker of fasteners said sales grew. The plane landed at Newark International Airport on time.",
            &[],
            &["Rockford, Ill", "Newark International Airport"],
        ),
        (
            "A ceremony was held at Andrews Air Force Base for the crew. The Navy flew them out of Bagram Airfield.",
            &[],
            &["Andrews Air Force Base", "Bagram Airfield"],
        ),
        // A region of a place and a law are no actors; a company named
        // with a compass word is.
        (
            "Trade between Western Europe and Asia grew, Western Union Co. said. The First Amendment protects speech, and fighting spread across Southern Afghanistan.",
            &[("Western Union Co", ActorType::Organization)],
            &["Western Europe", "First Amendment", "Southern Afghanistan"],
        ),
    ];
    for (text, want, not) in cases {
        let got = discovered(text);
        for (name, kind) in want {
            assert!(
                got.iter().any(|(n, k)| n == name && k == kind),
                "{text}: missing {name} {kind:?} in {got:?}"
            );
        }
        for name in not {
            assert!(!got.iter().any(|(n, _)| n == name), "{text}: {name} should not be an actor: {got:?}");
        }
    }
}

#[test]
fn title_case_lines_are_told_from_headlines_and_results() {
    use super::recognised::title_case;
    let cases = [
        ("Defiant Local Partners in Counterinsurgency Wars", true),
        ("Methodology", true),
        ("SOCCER - JAPAN GET LUCKY WIN", false),
        ("Leeds United 2 Arsenal 1", false),
        ("Taliban fighters entered the city on Monday", false),
        // Quotation marks before a word; digits in a headline with its
        // capitalised function words; not results with brackets or "At".
        ("Clinton Says Russians Hacked DNC, Calls Trump’s Putin Remarks ‘Troubling.’", true),
        ("The Entire GOP Race Is Hinging On These 2 States", true),
        ("Petr Korda (Czech Republic) bat Bohdan Ulihrach (Czech", false),
        ("At Worcester: Warwickshire 310 (Andrew Giles 83", false),
    ];
    for (line, want) in cases {
        assert_eq!(title_case(line), want, "{line}");
    }
}

/// The contexts that make a name a term, each rule on sentences written
/// for it: (text, the name in it, whether the rule reads it as a term).
#[test]
fn terms_are_read_from_their_context() {
    use super::terms::{adjective_use, glossed_acronym, group_modifier, work_title};
    let at = |text: &str, name: &str| text.find(name).map_or(0..0, |i| i..i + name.len());
    let works = [
        ("She wrote Silent Rivers: Broken Promises in Frontier Wars last year.", "Broken Promises", true),
        ("He is the author of Silent Rivers, a memoir.", "Silent Rivers", true),
        ("His book, The Quiet Hand, sold well.", "Quiet Hand", true),
        ("A report titled Sharp Turns came out.", "Sharp Turns", true),
        ("The Long Road author Nora Haidari spoke.", "Long Road", true),
        ("She met Nora Haidari in Frontier Town.", "Nora Haidari", false),
        ("The author of the letter, Nora Haidari, said no.", "Nora Haidari", false),
        ("Reuters reported that Nora Haidari of the Peace Institute left.", "Nora Haidari", false),
    ];
    for (text, name, want) in works {
        let r = at(text, name);
        assert_eq!(work_title(text, r.start, r.end), want, "{text}");
    }
    let adjectives = [
        ("The recruits were mostly Punjabi.", "Punjabi", true),
        ("A largely Pashtun force held the pass.", "Pashtun", true),
        ("The recruits met Punjabi officials.", "Punjabi", false),
        ("Only Karzai knew.", "Karzai", false),
    ];
    for (text, name, want) in adjectives {
        assert_eq!(adjective_use(text, at(text, name).start), want, "{text}");
    }
    let groups = [
        ("Mujahedeen of Ansar factions must ask first.", "Ansar", true),
        ("Zargul fighters crossed the river.", "Zargul", true),
        ("Karzai said the fighters had left.", "Karzai", false),
        ("The Clinton administration agreed.", "Clinton", false),
    ];
    for (text, name, want) in groups {
        assert_eq!(group_modifier(text, at(text, name).end), want, "{text}");
    }
    let acronyms = [
        ("A roadside improvised explosive device (IED) hit them.", "IED", true),
        ("SWT\tSubhanahu wa ta'ala, Arabic for 'the most glorified'\nAllah (SWT) wills it.", "SWT", true),
        ("PBUH - peace be upon him", "PBUH", true),
        ("the Islamic State of Iraq and the Levant (ISIL) said", "ISIL", false),
        ("the North Atlantic Treaty Organization (NATO) met", "NATO", false),
        ("NATO leaders met in Brussels.", "NATO", false),
        ("Tehrik-i-Taliban Pakistan (TTP) fighters", "TTP", false),
    ];
    for (text, acr, want) in acronyms {
        assert_eq!(glossed_acronym(text, acr), want, "{text}");
    }
}

/// A lone word read as a speaker becomes an actor only with evidence:
/// (text, actors that must be there, words that must not be actors).
#[test]
fn a_lone_speaker_word_needs_evidence_to_be_an_actor() {
    let cases: [(&str, &[&str], &[&str]); 9] = [
        (
            "An Israeli official, speaking on condition of anonymity, said the envoy “will meet anyone who comes.”",
            &[],
            &["Israeli"],
        ),
        ("Eyebrows raised, she asked, “Was the vote over already?”", &[], &["Eyebrows"]),
        ("His Catholic faith matters to him, and he said his mother told him: “Be kind to the poor.”", &[], &["Catholic"]),
        ("The Iraqi ambassador to Venezuela said the oil would keep flowing.", &[], &["Venezuela"]),
        ("The Americans say their plans are ready for the winter.", &[], &["Americans"]),
        ("Troops massed on the border. Kuwait said it would pay for the defence.", &[], &["Kuwait"]),
        ("``Well, we will see what happens,'' the delegate said after the vote.", &[], &["Well"]),
        ("“We are ready for the vote,” Okonkwo wrote in a letter to the board.", &["Okonkwo"], &[]),
        ("The board met again. The Herald reported that the vote was close.", &["Herald"], &[]),
    ];
    for (text, want, not) in cases {
        let got = discovered(text);
        for name in want {
            assert!(got.iter().any(|(n, _)| n == name), "{text}: missing {name} in {got:?}");
        }
        for name in not {
            assert!(!got.iter().any(|(n, _)| n == name), "{text}: {name} should not be an actor: {got:?}");
        }
    }
}

#[test]
fn a_cue_name_loses_the_roles_before_it() {
    let cases = [
        (
            "The hearing ended on Friday. City Attorney Brad Holm said the case was closed.",
            "Brad Holm",
            "City Attorney Brad Holm",
        ),
        (
            "The deal was done, Bethlehem Chairman Walter F. Williams said.",
            "Walter F. Williams",
            "Bethlehem Chairman Walter F. Williams",
        ),
    ];
    for (text, name, not) in cases {
        let got = discovered(text);
        assert!(got.iter().any(|(n, _)| n == name), "{text}: missing {name} in {got:?}");
        assert!(!got.iter().any(|(n, _)| n == not), "{text}: {not} should not be an actor: {got:?}");
    }
}

#[test]
fn a_word_that_opens_a_sentence_is_not_part_of_a_cue_name() {
    let cases = [
        (
            "The vote was close. Though Nadia Korver said she would stay, the party left.",
            "Nadia Korver",
            "Though Nadia Korver",
        ),
        (
            "The report was late, Says Michael Hirsch, the committee's clerk, in a note.",
            "Michael Hirsch",
            "Says Michael Hirsch",
        ),
        ("Among Liberal Party members, the plan was popular.", "Liberal Party", "Among Liberal Party"),
    ];
    for (text, name, not) in cases {
        let got = discovered(text);
        assert!(!got.iter().any(|(n, _)| n == not), "{text}: {not} should not be an actor: {got:?}");
        assert!(got.iter().any(|(n, _)| n == name), "{text}: missing {name} in {got:?}");
    }
}

#[test]
fn a_longer_discovered_name_is_located_before_a_shorter_one_inside_it() {
    use super::{ActorRef, DiscoveredActor, DiscoveryCue};
    let (m, _) = super::tests::matcher();
    let text = "Wells Fargo paid the fine. Wells spoke later.";
    // "Wells" discovered first, as a cue would find it.
    let discovered = [
        DiscoveredActor { name: "Wells".into(), kind: ActorType::Person, cue: DiscoveryCue::ReportingVerb },
        DiscoveredActor {
            name: "Wells Fargo".into(),
            kind: ActorType::Organization,
            cue: DiscoveryCue::Recogniser,
        },
    ];
    let mut found = Vec::new();
    m.locate_discovered(text, &discovered, &Default::default(), &mut found);
    found.sort_by_key(|f| f.range.start);
    let got: Vec<(&str, ActorRef)> = found.iter().map(|f| (&text[f.range.clone()], f.actor)).collect();
    assert_eq!(got, [("Wells Fargo", ActorRef::Discovered(1)), ("Wells", ActorRef::Discovered(0))]);
}

/// A name's type is the one the recogniser reads most often, a reading
/// after a person's title counting twice: a headline that reads the bare
/// surname as an organization does not make the person one.
#[test]
fn a_name_takes_the_type_most_of_its_readings_give() {
    let text = "Obama rips rhetoric over radical Islam;\nPresident Obama rebuked critics on Monday.";
    let got = discovered(text);
    assert!(got.contains(&("Obama".to_string(), ActorType::Person)), "{got:?}");
}

/// The vote: the type with the most weight; on a tie the caller's choice.
#[test]
fn the_type_vote_takes_the_heaviest_reading_and_leaves_ties_to_the_caller() {
    use super::recognised::majority;
    use ActorType::{Organization as Org, Person};
    assert_eq!(majority(&[(Org, 1), (Person, 2)], Org), Some(Person));
    assert_eq!(majority(&[(Person, 3), (Org, 2)], Org), Some(Person));
    assert_eq!(majority(&[(Org, 1), (Person, 1)], Person), Some(Person));
    assert_eq!(majority(&[(Org, 1), (Person, 1)], Org), Some(Org));
    assert_eq!(majority(&[], Org), None);
}

/// A company's short form ("Elco" for "Elco Industries Inc") is the
/// company in the document that names it in full; not where two
/// companies share it, nor where it is a person's surname. Each row:
/// (text, the short form, the name of the actor all its mentions are of).
#[test]
fn a_company_short_form_is_the_company_named_in_full() {
    let cases: [(&str, &str, &str); 6] = [
        (
            "Elco Industries Inc. said it sold a plant. In fiscal 1989, Elco earned $7.8 million.",
            "Elco",
            "Elco Industries Inc",
        ),
        (
            "Ratners Group PLC rose 5 pence. Ratners, which controls 25% of the British jewelry market, said sales grew.",
            "Ratners",
            "Ratners Group PLC",
        ),
        // Read as a speaker's name (a person, had it stood alone).
        (
            "Elco Industries Inc. sold a plant in Ohio. \"We are pleased with the sale,\" Elco said in a statement.",
            "Elco",
            "Elco Industries Inc",
        ),
        // Every designator dropped: "Industries" and "Inc".
        (
            "Coleco Industries Inc. filed for bankruptcy. Creditors said Coleco Industries would be sold. Coleco made toys.",
            "Coleco Industries",
            "Coleco Industries Inc",
        ),
        // Two companies share the short form: it stays apart.
        (
            "Sansui Electric Co. agreed to sell a stake. Sansui Electric Industries is another firm. Sansui Electric said nothing.",
            "Sansui Electric",
            "Sansui Electric",
        ),
        // A person of the document has it as surname: left alone, not
        // joined to the company.
        (
            "Dell Inc. shares rose. \"We will grow,\" Dell said. Michael Dell founded the company.",
            "Dell",
            "Dell",
        ),
    ];
    let (m, _) = super::tests::matcher();
    for (text, short, want) in cases {
        let a = m.annotate(&super::tests::doc(text));
        let names: Vec<&str> =
            a.mentions.iter().filter(|x| x.surface == short).map(|x| m.actor_name(x.actor, &a).0).collect();
        assert!(!names.is_empty(), "{text}: no mention of {short}");
        assert!(names.iter().all(|n| n == &want), "{text}: {short} is {names:?}, not {want}");
    }
}

#[test]
fn a_position_ending_an_organization_before_a_name_is_the_persons() {
    let cases = [
        ("PolitiFact Executive Director Aaron Sharockman said", "PolitiFact Executive", Some("PolitiFact")),
        ("Fox News Chairman Roger Ailes said", "Fox News Chairman", Some("Fox News")),
        (
            "the Democratic National Committee Chair Debbie Wasserman Schultz",
            "Democratic National Committee Chair",
            Some("Democratic National Committee"),
        ),
        // Not after "of" or "the", not without a capitalised word after
        // it, not when nothing but a position would be left.
        ("the Office of the President Duterte", "Office of the President", Some("Office of the President")),
        ("the Health Service Executive said", "Health Service Executive", Some("Health Service Executive")),
        ("Chief Executive Tim Cook", "Chief Executive", Some("Chief Executive")),
    ];
    for (text, span, want) in cases {
        let start = text.find(span).expect("the span is in the text");
        let got = clean_span(text, start..start + span.len(), ActorType::Organization).map(|r| &text[r]);
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn two_names_joined_by_and_are_two_when_known_apart() {
    use super::recognised::split_coordinated;
    use ActorType::{Organization as Org, Person};
    let text = "Ted Cruz met Shinzo Abe. Cruz and Abe spoke. Fred Barnes said Barnes and Noble and Cruz and Lake were late.";
    let at = |s: &str, nth: usize| {
        let start = text.match_indices(s).nth(nth).map(|(i, _)| i).expect("in the text");
        start..start + s.len()
    };
    let read = |names: Vec<(std::ops::Range<usize>, ActorType)>| -> Vec<(String, ActorType)> {
        split_coordinated(text, names).into_iter().map(|(r, k)| (text[r].to_string(), k)).collect()
    };
    let known =
        vec![(at("Ted Cruz", 0), Person), (at("Shinzo Abe", 0), Person), (at("Fred Barnes", 0), Person)];
    let with = |extra: (std::ops::Range<usize>, ActorType)| {
        let mut v = known.clone();
        v.push(extra);
        read(v)[3..].to_vec()
    };
    // Both known apart (surnames of people read): two people, whatever
    // the joint reading's type.
    assert_eq!(with((at("Cruz and Abe", 0), Org)), vec![("Cruz".into(), Person), ("Abe".into(), Person)]);
    // One known apart: a joint reading as one person is split, one as an
    // organization is not ("Barnes and Noble").
    assert_eq!(
        with((at("Cruz and Lake", 0), Person)),
        vec![("Cruz".into(), Person), ("Lake".into(), Person)]
    );
    assert_eq!(with((at("Cruz and Lake", 0), Org)), vec![("Cruz and Lake".into(), Org)]);
    assert_eq!(with((at("Barnes and Noble", 0), Org)), vec![("Barnes and Noble".into(), Org)]);
}

/// `ends_with_head` is the search of every place and work head: on names
/// ending with each head, inside a word, with no space before, and alone.
#[test]
fn a_name_ending_with_a_head_is_found_by_its_last_word() {
    let scan = |s: &str| {
        PLACE_HEADS
            .iter()
            .chain(WORK_HEADS.iter())
            .any(|h| s.strip_suffix(h).is_some_and(|rest| rest.ends_with(' ')))
    };
    let mut names = vec![String::new(), " ".to_string(), "Kabul".to_string(), "Kabul ".to_string()];
    for h in PLACE_HEADS.iter().chain(WORK_HEADS.iter()) {
        for form in [
            format!("Musa Qala {h}"),
            format!("X{h}"),
            format!("Kabul X{h}"),
            h.to_string(),
            format!(" {h}"),
            format!("A {h} B"),
        ] {
            names.push(form);
        }
    }
    for s in &names {
        assert_eq!(ends_with_head(s), scan(s), "{s:?}");
    }
}

/// The word facts read for the recogniser's names only, with their
/// occurrences looked up by binary search, answer every question the
/// merge asks as the facts read for every word, in sets and a map, did:
/// names in every context a fact reads (after "the ", "in ", "near ",
/// "to" after a verb of motion, before a number, a place noun, a group
/// noun, in a list of places, in a work's title, quoted, glossed, after
/// "Operation" or a portfolio), in lower case, plural and singular, over
/// pseudo-random texts of those pieces.
#[test]
fn word_facts_read_for_names_only_answer_as_those_read_for_every_word() {
    use super::recognised::word_facts_agree;
    use crate::hash::HashSet;
    let names = [
        "Zargul",
        "Zarguls",
        "Panjshir",
        "Ansar",
        "Karzai",
        "Nora Haidari",
        "Appendix",
        "IED",
        "US",
        "Takhar",
        "Helmand",
        "Punjabi",
        "Istikhbarato",
        "Kabul",
        "Sar-e Pul",
        "Musa Qala",
        "State",
        "Afghans",
        "Afghan",
    ];
    // The names, their other forms, and the contexts the facts read.
    let forms = ["zargul", "Ansars", "karzai", "us", "state", "States", "afghan"];
    let contexts = [
        "the",
        "in",
        "near",
        "came to",
        "went to",
        "to",
        "1",
        "2",
        "province",
        "district",
        "factions",
        "fighters",
        "and",
        ",",
        ".",
        "'s",
        "’s",
        "Operation",
        "Minister of",
        "[intelligence]",
        "(a district)",
        "“",
        "”",
        "mostly",
        "author of",
        "Report",
        "said",
        "\n",
        "é",
        "Zargulé",
        "x",
        "Panjshir,",
    ];
    let pieces: Vec<&str> = names.iter().chain(&forms).chain(&contexts).copied().collect();
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let places: HashSet<String> = ["Takhar", "Sar-e Pul"].iter().map(|p| p.to_string()).collect();
    let mut held = [0; 6];
    for n in 0..2000 {
        let mut text = String::new();
        for _ in 0..(5 + n % 50) {
            text.push_str(pieces[(next() % pieces.len() as u64) as usize]);
            if next() % 5 != 0 {
                text.push(' ');
            }
        }
        // Names from this document: a few of the list, sorted, once each.
        let mut some: Vec<&str> = names.iter().copied().filter(|_| next() % 3 != 0).collect();
        some.sort_unstable();
        some.dedup();
        let also: Vec<&str> = names.iter().copied().filter(|_| next() % 4 == 0).chain(["Khan Ali"]).collect();
        // The body: the first half, or none, or all.
        let half = (0..=text.len() / 2).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
        let ends = [half, 0, text.len()];
        let body: Vec<std::ops::Range<usize>> =
            std::iter::once(0..ends[n % 3]).filter(|r| r.end > 0).collect();
        let facts = word_facts_agree(&text, &some, &also, &body, &places);
        held.iter_mut().zip(facts).for_each(|(h, f)| *h += f);
    }
    assert!(held.iter().all(|&h| h > 50), "{held:?}");
}

/// The word lists the names are checked against, as sets, hold what the
/// lists hold: every word of every list, changed in case, with an "s"
/// more or a letter less, is in a set if and only if it is in its list.
#[test]
fn word_sets_hold_what_their_lists_hold() {
    use super::recognised::word_sets;
    let sets = word_sets();
    let mut words: Vec<String> = vec![String::new(), "x".into(), "Mr".into(), "Gen".into(), "Gens.".into()];
    for (list, _) in sets {
        for w in list {
            let mut fewer = w.chars();
            fewer.next_back();
            words.extend([
                w.to_string(),
                w.to_lowercase(),
                w.to_uppercase(),
                format!("{w}s"),
                fewer.as_str().to_string(),
                format!(" {w}"),
            ]);
        }
    }
    let mut held = 0;
    for (list, set) in sets {
        assert!(!list.is_empty());
        for w in &words {
            assert_eq!(set.contains(w.as_str()), list.contains(&w.as_str()), "{w:?}");
            held += usize::from(set.contains(w.as_str()));
        }
    }
    assert!(held > 300, "{held}");
}

/// Places read again and again count each reading, as they did when
/// every reading copied the name.
#[test]
fn places_read_again_count_as_before() {
    use super::recognised::places_agree;
    let names =
        ["Kabul", "Helmand", "Kabul", "", "Takhar Province", "Kabul", "Helmand", "KPK", "kabul", "Kabul"];
    assert_eq!(places_agree(&names), 6);
    assert_eq!(places_agree(&[]), 0);
}

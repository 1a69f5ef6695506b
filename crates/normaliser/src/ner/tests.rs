//! The recogniser end to end: the embedded model on sentences with known
//! answers, training on a tiny hand-written set, and bad model files.

use super::features::{fnv, lexicons_sha256};
use super::*;

/// The names `rec` finds in `text`, as (text, kind).
fn names<'t>(rec: &Recogniser, text: &'t str) -> Vec<(&'t str, EntityKind)> {
    rec.recognise(text).iter().map(|e| (&text[e.start..e.end], e.kind)).collect()
}

#[test]
fn the_embedded_model_loads_and_records_its_provenance() {
    let rec = Recogniser::english().expect("the embedded model loads");
    let info = rec.info();
    assert_eq!(info.data, "train.conll");
    assert_eq!(info.data_sha256.len(), 64);
    assert!(info.entries > 10_000, "{} features", info.entries);
    // The word lists the lexicon features read are the ones the model was
    // trained with: after editing a list in data/, run `make model`.
    assert_eq!(
        info.lexicons_sha256,
        lexicons_sha256(),
        "word lists changed since the model was trained: run `make model`"
    );
}

#[test]
fn the_embedded_model_tags_sentences_with_known_answers() {
    use EntityKind::*;
    let rec = Recogniser::english().expect("the embedded model loads");
    let table: &[(&str, &[(&str, EntityKind)])] = &[
        (
            "Madeleine Albright met officials of the World Trade Organization in Geneva on Tuesday.",
            &[
                ("Madeleine Albright", Person),
                ("World Trade Organization", Organization),
                ("Geneva", Location),
            ],
        ),
        (
            "Shares of Barrick Gold rose 3 percent in Toronto, the company said.",
            &[("Barrick Gold", Organization), ("Toronto", Location)],
        ),
        (
            "NATO and the European Union sent observers to Bosnia.",
            &[("NATO", Organization), ("European Union", Organization), ("Bosnia", Location)],
        ),
        ("The talks will resume next week, a spokesman said.", &[]),
    ];
    for (text, want) in table {
        assert_eq!(names(rec, text), *want, "{text}");
    }
}

/// A tiny hand-written training set: people after "met", organizations
/// ending in "Corp", places after "in".
const TINY: &str = "\
-DOCSTART- -X- -X- O

Anna NNP I-NP I-PER
Berg NNP I-NP I-PER
met VBD I-VP O
Carl NNP I-NP I-PER
Dunn NNP I-NP I-PER
in IN I-PP O
Oslo NNP I-NP I-LOC
. . O O

Acme NNP I-NP I-ORG
Corp NNP I-NP I-ORG
hired VBD I-VP O
Eva NNP I-NP I-PER
Falk NNP I-NP I-PER
in IN I-PP O
Lima NNP I-NP I-LOC
. . O O

Zenith NNP I-NP I-ORG
Corp NNP I-NP I-ORG
opened VBD I-VP O
an DT I-NP O
office NN I-NP O
in IN I-PP O
Rome NNP I-NP I-LOC
. . O O
";

#[test]
fn training_is_deterministic_and_learns_a_tiny_set() {
    let docs = read_conll(TINY).expect("the tiny set is valid CoNLL");
    let opts = TrainOptions {
        epochs: 5,
        data: "tiny.conll".into(),
        data_sha256: "0".repeat(64),
        ..TrainOptions::default()
    };
    let first = train_recogniser(&docs, &opts);
    let second = train_recogniser(&docs, &opts);
    assert!(first == second, "two runs gave different model files");
    let rec = Recogniser::from_bytes(&first).expect("a trained model loads");
    assert_eq!(rec.info().epochs, 5);
    assert_eq!(rec.info().data, "tiny.conll");
    let mut scores = NerScores::default();
    for d in &docs {
        scores.add(&d.gold_entities(), &rec.recognise_tokens(&d.text, &d.tokens, &d.sentences));
    }
    assert_eq!(scores.counts(&EntityKind::ALL), (8, 0, 0), "the eight names of the training set are learnt");
    // Another seed visits the sentences in another order: a different model.
    let other = train_recogniser(&docs, &TrainOptions { seed: 7, ..opts });
    assert!(other != first);
}

#[test]
fn a_bad_model_file_is_an_error_not_a_panic() {
    let docs = read_conll(TINY).expect("the tiny set is valid CoNLL");
    let good = train_recogniser(&docs, &TrainOptions { epochs: 2, ..TrainOptions::default() });
    assert!(Recogniser::from_bytes(&good).is_ok());
    let kind = |bytes: &[u8]| Recogniser::from_bytes(bytes).err().map(|e| e.kind().clone());

    assert_eq!(kind(b"PK\x03\x04 not a model\n\n"), Some(NerErrorKind::NotAModel));
    assert_eq!(kind(b""), Some(NerErrorKind::NotAModel));
    let truncated = &good[..good.len() - 7];
    assert!(matches!(kind(truncated), Some(NerErrorKind::Length { .. })));
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x40;
    assert_eq!(kind(&flipped), Some(NerErrorKind::Checksum));
    let text = String::from_utf8_lossy(&good).into_owned();
    let older = text.replacen("feature-version: ", "feature-version: 9", 1);
    assert!(matches!(kind(older.as_bytes()), Some(NerErrorKind::FeatureVersion { .. })));
    let no_entries = text.replacen("entries: ", "entries: x", 1);
    assert!(matches!(kind(no_entries.as_bytes()), Some(NerErrorKind::Header { .. })));
    // The message says what to do.
    let msg = Recogniser::from_bytes(truncated).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("truncated or corrupt"), "{msg}");
}

/// A long text read in chunks (line breaks, sentence ends, spaces) gives
/// the names the whole text gives.
#[test]
fn chunks_give_what_the_whole_text_gives() {
    let model = Recogniser::english().expect("the embedded model loads");
    let para = "Madeleine Albright met officials of the World Trade Organization in Geneva. \
                Later Albright told Reuters that the talks with Renato Ruggiero went well.";
    // Paragraphs (line breaks), then one long line (sentence ends only).
    for text in [format!("{para}\n").repeat(12), format!("{para} ").repeat(12)] {
        let whole = model.recognise_tokens(&text, &tokenize(&text), &sentences(&text, &tokenize(&text)));
        assert!(whole.len() >= 24, "{}", whole.len());
        for size in [100, 333, 1000] {
            assert_eq!(
                model.recognise_chunked(&text, size, std::slice::from_ref(&(0..text.len()))),
                whole,
                "chunks of {size}"
            );
        }
    }
}

/// Names read only in some spans: those the whole text gives in the
/// sentences starting there, the same in chunks; none elsewhere.
#[test]
fn spans_give_the_names_of_their_sentences() {
    let model = Recogniser::english().expect("the embedded model loads");
    let lines = [
        "Madeleine Albright met officials of the World Trade Organization in Geneva.",
        "Smith, J. and Jones, K. (2004). Trade and War. Oxford University Press.",
        "Later Albright told Reuters that the talks with Renato Ruggiero went well.",
    ];
    let text = format!("{}\n", lines.join("\n")).repeat(5);
    // The first and the third line of each repetition, with its line break.
    let mut spans = Vec::new();
    let mut at = 0;
    for k in 0..15 {
        let len = lines[k % 3].len() + 1;
        if k % 3 != 1 {
            spans.push(at..at + len);
        }
        at += len;
    }
    let whole = model.recognise(&text);
    let inside = |e: &Entity| spans.iter().any(|s| s.start <= e.start && e.end <= s.end);
    let want: Vec<Entity> = whole.iter().copied().filter(inside).collect();
    assert!(want.len() >= 20 && want.len() < whole.len(), "{} of {}", want.len(), whole.len());
    assert_eq!(model.recognise_in(&text, &spans), want);
    for size in [100, 333] {
        assert_eq!(model.recognise_chunked(&text, size, &spans), want, "chunks of {size}");
    }
}

/// The local scores a thread keeps from one document to the next (see
/// `LOCAL_SCORES`) change no answer: a text gives the same names after
/// others as alone on a fresh thread, and two models on one thread do not
/// share their scores.
#[test]
fn scores_kept_across_documents_change_nothing() {
    let docs = read_conll(TINY).expect("the tiny set is valid CoNLL");
    let opts = TrainOptions { epochs: 3, data: "tiny.conll".into(), ..TrainOptions::default() };
    let tiny = Recogniser::from_bytes(&train_recogniser(&docs, &opts)).expect("a trained model loads");
    let english = Recogniser::english().expect("the embedded model loads");
    let texts = [
        "Will Smith met Baker in Paris. Baker said he will go.",
        "The baker in Paris will go to Rome with Smith.",
        "Madeleine Albright met officials of the World Trade Organization in Geneva.",
    ];
    let alone = |rec: &'static Recogniser, text: &'static str| {
        std::thread::spawn(move || rec.recognise(text)).join().expect("the thread ends")
    };
    let tiny: &'static Recogniser = Box::leak(Box::new(tiny));
    let mut differ = false;
    for _ in 0..2 {
        for text in texts {
            let (e, t) = (english.recognise(text), tiny.recognise(text));
            assert_eq!(e, alone(english, text), "{text}");
            assert_eq!(t, alone(tiny, text), "{text}");
            differ |= e != t;
        }
    }
    assert!(differ, "the two models should disagree somewhere for this test to mean something");
}

/// The short shape of a word as the features define it: letters upper
/// and lower case as X and x, digits as d, other characters themselves,
/// runs of one class written once.
fn short_shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

#[test]
fn token_facts_are_their_plain_definitions() {
    // The hashes are computed byte by byte for ASCII words, without
    // building strings: they must be those of the plain definitions.
    let text = "Mr. Brown, the U.S. envoy, met 3 officials of NATO in Kabul on Monday; \
                nobody else came and the talks of 1999 ended.\nGen. Joseph L. Votel's men said it. \
                Zürich’s mayor—Corine Mauch—spoke.";
    let tokens = tokenize(text);
    let sentences = sentences(text, &tokens);
    let prep = features::prepare(text, &tokens, &sentences);
    for (i, t) in tokens.iter().enumerate() {
        // Curly apostrophes and quotes are read as the straight ones.
        let word = &*features::typographic_folded(&text[t.range()]);
        let info = &prep.info[i];
        let lower = word.to_lowercase();
        assert_eq!(info.exact, fnv(word.as_bytes()), "exact hash of {word:?}");
        assert_eq!(info.lower, fnv(lower.as_bytes()), "lower-case hash of {word:?}");
        assert_eq!(info.shape, fnv(short_shape(word).as_bytes()), "shape of {word:?}");
        assert_eq!(info.lex(), features::lex_bits(fnv(lower.as_bytes())), "word lists of {word:?}");
        assert_eq!(info.cap, word.starts_with(char::is_uppercase), "capital of {word:?}");
    }
    // "Gen." is in the titles list: its bits are set.
    let title = tokens.iter().position(|t| &text[t.range()] == "Gen.").expect("Gen. is a token");
    assert_ne!(prep.info[title].lex(), 0);
}

#[test]
fn curly_apostrophes_and_quotes_read_as_straight_ones() {
    // CoNLL-2003 writes only straight marks; news mostly curly ones. The
    // same sentence typeset either way gets the same names, which the
    // curly one did not ("Donald Trump’s claim" gave an organization
    // "Trump").
    let rec = Recogniser::english().expect("the embedded model loads");
    let table = [
        (
            "Politifact did a fact-check on Donald Trump's claim that there were \"thousands of shootings\".",
            "Politifact did a fact-check on Donald Trump’s claim that there were “thousands of shootings”.",
        ),
        (
            "Senator Bernie Sanders's aides said \"no\" to CNN's request.",
            "Senator Bernie Sanders’s aides said “no” to CNN’s request.",
        ),
        ("Rep. Beto O'Rourke didn't say it.", "Rep. Beto O’Rourke didn’t say it."),
    ];
    let names = |text: &str| -> Vec<(String, EntityKind)> {
        rec.recognise(text).iter().map(|e| (text[e.start..e.end].replace('’', "'"), e.kind)).collect()
    };
    for (straight, curly) in table {
        assert_eq!(names(curly), names(straight), "{curly}");
    }
    assert!(names(table[0].1).contains(&("Donald Trump".to_string(), EntityKind::Person)));
    let facts = |w: &str| features::tok_info(w, &mut features::Scratch::default());
    assert_eq!(facts("’s").exact, facts("'s").exact);
    assert_eq!(facts("O’Rourke").shape, facts("O'Rourke").shape);
    assert_eq!(facts("“").lower, facts("\"").lower);
    assert_eq!(facts("—").exact, facts("--").exact);
    assert_eq!(facts("…").shape, facts("...").shape);
}

#[test]
fn a_word_seen_in_lower_case_is_known_wherever_its_document_feature_asks() {
    // The document feature reads whether a word is written in lower case
    // elsewhere for a capitalised word and for every token of a sentence
    // all in capitals, "1ST" too (it starts with no capital): training
    // and tagging must both see the plain definition.
    let text = "SOCCER - ENGLISH 1ST DIVISION RESULTS , LEEDS WIN .\n\
                Leeds won the 1st division game in leeds and Division rivals lost.\n\
                Results came late; the Soccer results and results of 2ND place.";
    let tokens = tokenize(text);
    let sentences = sentences(text, &tokens);
    let prep = features::prepare(text, &tokens, &sentences);
    let lower_written: Vec<String> = tokens
        .iter()
        .map(|t| &text[t.range()])
        .filter(|w| w.chars().any(char::is_lowercase) && !w.chars().any(char::is_uppercase))
        .map(str::to_string)
        .collect();
    let mut asked = 0;
    for (s, range) in sentences.iter().enumerate() {
        for i in range.clone() {
            let word = &text[tokens[i].range()];
            let place = prep.place(i, i == range.start, s);
            if !(prep.info[i].cap || place.all_caps) {
                continue;
            }
            asked += 1;
            let seen = lower_written.contains(&word.to_lowercase());
            assert_eq!(place.lowseen, seen, "{word:?} seen in lower case");
        }
    }
    assert!(asked > 10, "{asked}");
    // "1ST" of the headline: "1st" is written in lower case below.
    let first = tokens.iter().position(|t| &text[t.range()] == "1ST").expect("1ST is a token");
    assert!(prep.place(first, false, 0).all_caps && prep.place(first, false, 0).lowseen);
}

/// A token's document flags come from one map of the words asked about:
/// they are what the two sets of the plain definition give (words written
/// capitalised inside a sentence not all in capitals; words written in
/// lower case, of those asked about), for every token, on text with
/// curly quotes, accents, emoji and headlines.
#[test]
fn one_look_up_gives_both_document_flags() {
    use super::features::{KeySet, TokInfo};
    let texts = [
        "SOCCER - ENGLISH 1ST DIVISION RESULTS , LEEDS WIN .\n\
         Leeds won the 1st division game in leeds and Division rivals lost.\n\
         Results came late; the Soccer results and results of 2ND place.",
        "“Élysée” officials met in Paris. The élysée said “NON” 🙂. ÉLYSÉE PALACE STATEMENT\n\
         Then Émile and émile’s friend O’Rourke met o’rourke at the Café; café owners 😀 cheered.",
        "",
        "lower case only here.",
        "ALL CAPS ONLY 🙂 ÀÉÎ\nÀéî àéî Àéî said ÀÉÎ.",
    ];
    for text in texts {
        let tokens = tokenize(text);
        let sentences = sentences(text, &tokens);
        let prep = features::prepare(text, &tokens, &sentences);
        // The plain definition, as two sets.
        let (mut capseen, mut asked, mut lowseen) = (KeySet::default(), KeySet::default(), KeySet::default());
        for s in &sentences {
            let toks: &[TokInfo] = &prep.info[s.clone()];
            let caps = toks.iter().any(|t| t.cap) && !toks.iter().any(|t| t.has_lower);
            for (j, t) in toks.iter().enumerate() {
                if t.cap || caps {
                    asked.insert(t.lower);
                }
                if t.cap && j > 0 && !caps {
                    capseen.insert(t.lower);
                }
            }
        }
        for t in &prep.info {
            if t.lower_only && asked.contains(&t.lower) {
                lowseen.insert(t.lower);
            }
        }
        let (mut cap_hits, mut low_hits) = (0, 0);
        for (s, range) in sentences.iter().enumerate() {
            for i in range.clone() {
                let place = prep.place(i, i == range.start, s);
                let lower = prep.info[i].lower;
                let word = &text[tokens[i].range()];
                assert_eq!(place.capseen, capseen.contains(&lower), "{word:?} capseen in {text:?}");
                assert_eq!(place.lowseen, lowseen.contains(&lower), "{word:?} lowseen in {text:?}");
                cap_hits += usize::from(place.capseen);
                low_hits += usize::from(place.lowseen);
            }
        }
        if text.starts_with("“") {
            // Both flags are set somewhere, and not everywhere.
            assert!(cap_hits > 0 && low_hits > 0 && low_hits < tokens.len(), "{cap_hits} {low_hits}");
        }
    }
}

/// The tagger sums a token's context as each neighbour's features and the
/// joint ones: together they are `context`'s features, every group on or
/// off, at every place in sentences of one to five tokens.
#[test]
fn context_features_are_the_neighbours_and_the_joint_ones() {
    use super::features::{context, joint, neighbour, FeatureGroups, TokInfo, BOS, EOS, NEIGHBOURS};
    let word = |k: u64| TokInfo {
        exact: 100 + k,
        // Lower-case forms in the word lists or not: "gen." is a title.
        lower: fnv(["gen.", "kabul", "the", "said"][(k % 4) as usize].as_bytes()),
        shape: 300 + k % 2,
        cap: k.is_multiple_of(2),
        lower_only: k % 2 == 1,
        has_lower: true,
    };
    let names = ["affixes", "shape", "context", "bigrams", "document", "lexicons", "position"];
    for mask in 0..1u32 << names.len() {
        let mut g = FeatureGroups::default();
        for (b, n) in names.iter().enumerate() {
            if mask & 1 << b == 0 {
                g = g.without(n).expect("a group name");
            }
        }
        for len in 1..=5u64 {
            let s: Vec<TokInfo> = (0..len).map(|k| word(k * 7 + len)).collect();
            for i in 0..s.len() {
                let mut want = Vec::new();
                context(&s, i, &g, &mut want);
                let mut got = Vec::new();
                joint(&s, i, &g, &mut got);
                for (role, d) in NEIGHBOURS.iter().enumerate() {
                    let j = i as isize + d;
                    let n = if j < 0 { &BOS } else { s.get(j as usize).unwrap_or(&EOS) };
                    neighbour(n, role, &g, &mut got);
                }
                want.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, want, "groups {mask:07b}, token {i} of {len}");
            }
        }
    }
}

/// The sentinels before and after a sentence had no word-list bits when
/// those were stored per token; read from the lower-case hash they must
/// still have none (no listed word hashes to 1 or 2), and a listed word
/// read the same way has its bits.
#[test]
fn the_sentinels_have_no_word_list_bits() {
    use super::features::{BOS, EOS};
    assert_eq!(BOS.lex(), 0);
    assert_eq!(EOS.lex(), 0);
    assert_ne!(features::lex_bits(fnv(b"gen.")), 0, "a title is listed");
}

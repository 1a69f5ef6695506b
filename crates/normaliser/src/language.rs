//! Language data: every word list the cleaning and the extraction read,
//! one folder per language (`data/<code>/…`, one entry a line, `#`
//! comments), gathered in one [`Language`] bundle per language and
//! selected by the catalog's `language` tag.
//!
//! Only English (`data/en/`) exists. A document whose language has no
//! data is refused with an error naming it (see [`Language::for_tag`]);
//! a document with no `language` is read as English. To add a language,
//! see the README ("Adding a language").

/// One language's word lists, as the text of their data files.
#[derive(Debug)]
pub struct Language {
    /// The primary language subtag (ISO 639-1), such as `en`.
    pub code: &'static str,
    /// Titles and ranks before a name (`titles.txt`).
    pub(crate) titles: &'static str,
    /// Role nouns of an apposition (`roles.txt`).
    pub(crate) roles: &'static str,
    /// Last words of organization names (`org_heads.txt`).
    pub(crate) org_heads: &'static str,
    /// Reporting verbs and phrases (`reporting_verbs.txt`).
    pub(crate) reporting_verbs: &'static str,
    /// Capitalised words that are not names (`not_names.txt`).
    pub(crate) not_names: &'static str,
    /// Capitalised words that cannot be part of a person's name
    /// (`not_person_words.txt`).
    pub(crate) not_person_words: &'static str,
    /// Places (`places.txt`).
    pub(crate) places: &'static str,
    /// Surnames that are common words (`common_surnames.txt`).
    pub(crate) common_surnames: &'static str,
    /// Lower-case particles of names written in lower case in the text
    /// ("al Qaeda"; `name_particles.txt`).
    pub(crate) name_particles: &'static str,
    /// Tortured phrases, the mark of spun text (`tortured_phrases.txt`).
    pub(crate) tortured_phrases: &'static str,
    /// Contractions without their apostrophe (`contractions.txt`).
    pub(crate) contractions: &'static str,
    /// Event categories and their trigger words (`event_triggers.txt`).
    pub(crate) event_triggers: &'static str,
    /// Nouns of a quote's source ("officials", `source_nouns.txt`).
    pub(crate) source_nouns: &'static str,
    /// Words that name a speaker (`naming_cues.txt`).
    pub(crate) naming_cues: &'static str,
    /// Kinds of works whose quoted names are no speech (`work_nouns.txt`).
    pub(crate) work_nouns: &'static str,
    /// Capitalised role words before a speaker's name
    /// (`speaker_role_words.txt`).
    pub(crate) speaker_role_words: &'static str,
    /// `media_heads.txt` (read by extract/quotes/source/names.rs).
    pub(crate) media_heads: &'static str,
    /// `name_suffixes.txt` (read by extract/quotes/source/mod.rs).
    pub(crate) name_suffixes: &'static str,
    /// Given names and their gender, learned by `make given-names`
    /// (`given_names.txt`, read by extract/quotes/source/pronouns.rs).
    pub(crate) given_names: &'static str,
    /// `not_source_heads.txt` (read by extract/quotes/source/descriptions.rs).
    pub(crate) not_source_heads: &'static str,
    /// `noun_like_cues.txt` (read by extract/quotes/patterns.rs).
    pub(crate) noun_like_cues: &'static str,
    /// `source_determiners.txt` (read by extract/quotes/source/descriptions.rs).
    pub(crate) source_determiners: &'static str,
    /// `stop_after_cue.txt` (read by extract/quotes/source/names.rs).
    pub(crate) stop_after_cue: &'static str,
    /// `text_nouns.txt` (read by extract/quotes/patterns.rs).
    pub(crate) text_nouns: &'static str,
    /// `text_words.txt` (read by extract/quotes/source/names.rs).
    pub(crate) text_words: &'static str,
    /// `verbs_after_a_name.txt` (read by extract/quotes/source/discover.rs).
    pub(crate) verbs_after_a_name: &'static str,
    /// `words_before_cue.txt` (read by extract/quotes/source/mod.rs).
    pub(crate) words_before_cue: &'static str,
    /// Lower-case particles inside a speaker's name (`speaker_name_particles.txt`, read by extract/quotes/source/names.rs).
    pub(crate) speaker_name_particles: &'static str,
    /// `date_words.txt` (read by extract/dates/words.rs).
    pub(crate) date_words: &'static str,
    /// `event_senses.txt` (read by extract/events/senses.rs).
    pub(crate) event_senses: &'static str,
    /// Abbreviations kept with their full stop by the recogniser's
    /// tokenizer (`abbreviations.txt`, read by ner/tokenize.rs).
    pub(crate) abbreviations: &'static str,
    /// The trained name recogniser (`ner.model`, `make model`; read by
    /// ner/mod.rs).
    pub(crate) ner_model: &'static [u8],
    /// The recogniser's name rules' word lists (`name_words.txt`, read by
    /// extract/mentions/recognised.rs).
    pub(crate) name_words: &'static str,
}

/// A data file of language `$code`.
macro_rules! data {
    ($code:literal, $file:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $code, "/", $file))
    };
}

/// A binary data file of language `$code`.
macro_rules! data_bytes {
    ($code:literal, $file:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", $code, "/", $file))
    };
}

/// English: `data/en/`.
pub(crate) static EN: Language = Language {
    code: "en",
    titles: data!("en", "titles.txt"),
    roles: data!("en", "roles.txt"),
    org_heads: data!("en", "org_heads.txt"),
    reporting_verbs: data!("en", "reporting_verbs.txt"),
    not_names: data!("en", "not_names.txt"),
    not_person_words: data!("en", "not_person_words.txt"),
    places: data!("en", "places.txt"),
    common_surnames: data!("en", "common_surnames.txt"),
    name_particles: data!("en", "name_particles.txt"),
    tortured_phrases: data!("en", "tortured_phrases.txt"),
    contractions: data!("en", "contractions.txt"),
    event_triggers: data!("en", "event_triggers.txt"),
    source_nouns: data!("en", "source_nouns.txt"),
    naming_cues: data!("en", "naming_cues.txt"),
    work_nouns: data!("en", "work_nouns.txt"),
    speaker_role_words: data!("en", "speaker_role_words.txt"),
    media_heads: data!("en", "media_heads.txt"),
    name_suffixes: data!("en", "name_suffixes.txt"),
    given_names: data!("en", "given_names.txt"),
    not_source_heads: data!("en", "not_source_heads.txt"),
    noun_like_cues: data!("en", "noun_like_cues.txt"),
    source_determiners: data!("en", "source_determiners.txt"),
    stop_after_cue: data!("en", "stop_after_cue.txt"),
    text_nouns: data!("en", "text_nouns.txt"),
    text_words: data!("en", "text_words.txt"),
    verbs_after_a_name: data!("en", "verbs_after_a_name.txt"),
    words_before_cue: data!("en", "words_before_cue.txt"),
    speaker_name_particles: data!("en", "speaker_name_particles.txt"),
    date_words: data!("en", "date_words.txt"),
    event_senses: data!("en", "event_senses.txt"),
    abbreviations: data!("en", "abbreviations.txt"),
    ner_model: data_bytes!("en", "ner.model"),
    name_words: data!("en", "name_words.txt"),
};

/// Every language with data.
static LANGUAGES: &[&Language] = &[&EN];

impl Language {
    /// The data for a BCP 47 tag, by its primary subtag, in any case
    /// (`en`, `en-GB`, `EN-us` are English); `None` (no tag) is English.
    /// An error when no data exists for the language.
    pub fn for_tag(tag: Option<&str>) -> Result<&'static Language, UnknownLanguage> {
        let Some(tag) = tag else { return Ok(&EN) };
        let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
        LANGUAGES
            .iter()
            .copied()
            .find(|l| l.code.eq_ignore_ascii_case(primary))
            .ok_or_else(|| UnknownLanguage { tag: tag.to_string() })
    }

    /// The codes of every language with data.
    pub fn codes() -> Vec<&'static str> {
        LANGUAGES.iter().map(|l| l.code).collect()
    }
}

/// A language tag with no language data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLanguage {
    /// The tag as the catalog gives it.
    pub tag: String,
}

impl std::fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "no language data for language \"{}\" (languages with data: {}; see the README, \"Adding a language\")",
            self.tag,
            Language::codes().join(", ")
        )
    }
}

impl std::error::Error for UnknownLanguage {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_selects_its_language_by_its_primary_subtag() {
        for tag in [None, Some("en"), Some("en-GB"), Some("EN-us"), Some("en_US")] {
            assert_eq!(Language::for_tag(tag).map(|l| l.code), Ok("en"), "{tag:?}");
        }
        for tag in ["fr", "de-DE", "eng", "", "e"] {
            let err = Language::for_tag(Some(tag)).expect_err(tag);
            assert_eq!(err.tag, tag);
            assert!(err.to_string().contains(&format!("\"{tag}\"")), "{err}");
        }
    }

    #[test]
    fn every_list_of_a_language_has_entries() {
        for l in LANGUAGES {
            let lists = [
                l.titles,
                l.roles,
                l.org_heads,
                l.reporting_verbs,
                l.not_names,
                l.not_person_words,
                l.places,
                l.common_surnames,
                l.name_particles,
                l.tortured_phrases,
                l.contractions,
                l.event_triggers,
                l.source_nouns,
                l.naming_cues,
                l.work_nouns,
                l.speaker_role_words,
                l.media_heads,
                l.name_suffixes,
                l.not_source_heads,
                l.noun_like_cues,
                l.source_determiners,
                l.stop_after_cue,
                l.text_nouns,
                l.text_words,
                l.verbs_after_a_name,
                l.words_before_cue,
                l.speaker_name_particles,
                l.date_words,
                l.event_senses,
            ];
            for (k, list) in lists.iter().enumerate() {
                assert!(!crate::lexicon::entries(list).is_empty(), "{} list {k}", l.code);
            }
        }
    }
}

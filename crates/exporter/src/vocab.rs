//! The closed vocabularies of the tables: the one place where the
//! normaliser's enums become the strings written in the rows, and the
//! list of categories the schema describes (each from the enum's `ALL`,
//! so a new variant is a compile error here, never a silent default).

use corpus_normaliser::{DatePrecision, DiscoveryCue, EventType, QuoteMark, SpeakerKind};

/// `events.event_type`: the PLOVER root category.
pub(crate) fn event_type(t: EventType) -> &'static str {
    match t {
        EventType::Agree => "AGREE",
        EventType::Consult => "CONSULT",
        EventType::Support => "SUPPORT",
        EventType::Concede => "CONCEDE",
        EventType::Cooperate => "COOPERATE",
        EventType::Aid => "AID",
        EventType::Retreat => "RETREAT",
        EventType::Request => "REQUEST",
        EventType::Accuse => "ACCUSE",
        EventType::Reject => "REJECT",
        EventType::Threaten => "THREATEN",
        EventType::Protest => "PROTEST",
        EventType::Sanction => "SANCTION",
        EventType::Mobilize => "MOBILIZE",
        EventType::Coerce => "COERCE",
        EventType::Assault => "ASSAULT",
        EventType::Other => "OTHER",
    }
}

/// `events.precision`.
pub(crate) fn precision(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Week => "week",
        DatePrecision::Month => "month",
        DatePrecision::Season => "season",
        DatePrecision::Year => "year",
        DatePrecision::Decade => "decade",
        DatePrecision::Century => "century",
    }
}

/// `quotes.mark`.
pub(crate) fn quote_mark(m: QuoteMark) -> &'static str {
    match m {
        QuoteMark::Double => "double",
        QuoteMark::Single => "single",
        QuoteMark::Block => "block",
        QuoteMark::None => "none",
    }
}

/// `quotes.speaker_kind`.
pub(crate) fn speaker_kind(k: SpeakerKind) -> &'static str {
    match k {
        SpeakerKind::Named => "named",
        SpeakerKind::Anonymous => "anonymous",
        SpeakerKind::Unattributed => "unattributed",
    }
}

/// `actors.discovery_cue`.
pub(crate) fn discovery_cue(c: DiscoveryCue) -> &'static str {
    match c {
        DiscoveryCue::Recogniser => "recogniser",
        DiscoveryCue::Title => "title",
        DiscoveryCue::ReportingVerb => "reporting_verb",
        DiscoveryCue::Role => "role",
        DiscoveryCue::Apposition => "apposition",
        DiscoveryCue::OrganizationName => "organization_name",
    }
}

/// The names of every value of a vocabulary, in the enum's order: a
/// column's categories.
pub(crate) fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| name(*v)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_is_distinct_and_the_events_list_plover_order() {
        let types = names(&EventType::ALL, event_type);
        assert_eq!(types.first(), Some(&"AGREE"));
        assert_eq!(types.last(), Some(&"OTHER"));
        for list in [
            types,
            names(&DatePrecision::ALL, precision),
            names(&QuoteMark::ALL, quote_mark),
            names(&SpeakerKind::ALL, speaker_kind),
            names(&DiscoveryCue::ALL, discovery_cue),
        ] {
            let mut sorted = list.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len(), "{list:?}");
        }
    }
}

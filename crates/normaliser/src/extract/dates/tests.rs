//! Tests of the module, table-style on sentences whose answer is known.

use super::anchors::*;
use super::calendar::*;
use super::patterns::*;
use super::rules::*;
use super::*;

#[test]
fn anchor_words_prefilter_changes_nothing() {
    let texts = [
        "In mid-March 2020 and late 2021, last year, two weeks ago, on Monday, three days later.",
        "Early spring of 1999, then the 1990s; yesterday; 4 months before the 12 JUNE 2020 raid.",
        "No anchors: 2019, 2020–2021, 9/11, 2021-02-03, 12/02/2021.",
        "Kelvin: two wee\u{212a}s ago, in \u{17f}pring 2011 and \u{17f}ummer of 2012.",
        "Ünïcödé: on Tuesday 3 Feb. 2021, late-May 2019, a month after, WINTER 2020.",
        "Other digits: \u{661}\u{662} March \u{662}\u{660}\u{662}\u{660} and March \u{661}\u{662} 2020.",
        "Only other digits (an ASCII `\\b` needs a letter after them): late March \u{662}\u{660}\u{662}\u{660}th, \u{661}\u{662} March \u{662}\u{660}\u{662}\u{660}, \u{661}\u{662}/\u{660}\u{662}/\u{662}\u{660}\u{662}\u{661}.",
        "No digits: in March, late August, last year, on Monday, two weeks later, in the spring.",
        "No dash, slash or decade: 2019 and 2021, 3 March 2020, 12 June, in the 90 days.",
        "Dashes alone: 2019 - 2021, 2019–21, 2021-02-03, 1990s.",
        "Lower case: 3 march 2020, on june 5, 2021, in mid-april, 3 mar. 2020; may 2019, MARCH 4, 2020, 4 JUNE.",
        "Sequences: two days after 3 March 2020, a year later, after 2019, 5 weeks before June 1, 2021.",
        "Relative: this week, LAST YEAR, next month, yesterday, 3 days ago; a day, a year, the last word.",
        "Units without relative words: for a year, in 30 days, every week, a month-long siege.",
        "Only ago: two years ago, 3 days ago.",
        "Only yesterday: the talks of yesterday.",
        "Decade words: the Nineties, THE EIGHTIES, the sixties, in the Twenties, the parties.",
        "Named: this August, LAST MARCH, next may, last August 2020.",
        "Holidays: last Thanksgiving, on Christmas Eve, New Year’s Day, New Year's Eve, Christmas Day 1914.",
        "Seasons and modifiers: the summer, the early winter, the past year, a June deal, December's figures.",
        "Anaphors: on 3 March 2020 profit was up from a year earlier, from the year-ago period and a year before.",
        "The quarter ended Sept. 30, 1989: up from the same quarter and The Period, the 1989 quarter; later that year.",
        "On 5 May 2019 it opened; THE FOLLOWING DAY it shut, the previous month it failed, the next year too.",
        "Fiscal: fiscal 1988, FISCAL YEAR 1990, this fiscal year; at the end of last month, the Beginning of 2012, the middle of March 2011, the start of June.",
        "Words without their patterns: the end, that, earlier, a period, fiscal policy, the following, 2019.",
        "",
    ];
    let mut pubday = ctx();
    pubday.day_first = true;
    for t in texts {
        for c in [ctx(), pubday, DateContext::default()] {
            let (mut a, mut b) = (YearState::default(), YearState::default());
            assert_eq!(find_dates(t, &c, &mut a), find_dates_with(t, &c, &mut b, Anchors::MAX), "{t}");
        }
    }
    assert_eq!(anchors("No anchors: 2019."), DIGITS);
    assert_eq!(anchors("No anchors, no digits."), 0);
    assert_eq!(anchors("a summary of the market may decide"), 0);
    assert_eq!(anchors("Mar. MAY Decision"), MONTHS);
    assert_eq!(anchors("on Thanksgiving"), HOLIDAY_NAMES);
    assert_eq!(anchors("Arabic-Indic \u{661}\u{669}\u{669}\u{668}"), DIGITS | DASH);
    assert_eq!(anchors("9/11 and the 1990s–2000s"), DIGITS | SLASH | DASH | DECADE_S);
    assert_eq!(anchors("a wee\u{212a} ago"), Anchors::MAX);
    assert_eq!(anchors("At the END of that Fiscal period"), PART_NOUNS | THAT | FISCAL | PERIOD);
    // A word in two groups gives both.
    assert_eq!(anchors("next"), RELATIVE_WORDS | STEPS);
    assert_eq!(anchors("Earlier, the following"), EARLIER | STEPS);
}

#[test]
fn number_words_are_read_from_the_last_characters_as_from_the_whole_text() {
    let whole = |text: &str, start: usize| {
        let before = text[..start].trim_end().to_lowercase();
        NUMBER_WORDS.iter().any(|w| before.ends_with(w))
    };
    assert!(NUMBER_WORDS.iter().all(|w| w.is_ascii() && w.len() <= 10));
    // Characters that lower to more or fewer bytes, or to ASCII.
    let pieces = [
        "Resolution",
        "RESOLUTION ",
        "No.",
        "pp.",
        "p. ",
        "İ",
        "Σ",
        "\u{212a}",
        "é",
        "x",
        " ",
        "\n",
        "Report",
        "ΣΣ",
    ];
    let mut n = 0;
    for a in pieces {
        for b in pieces {
            for c in pieces {
                let text = format!("{a}{b}{c} 1999");
                let start = text.len() - 4;
                assert_eq!(is_not_a_date_number(&text, start), whole(&text, start), "{text:?}");
                n += usize::from(whole(&text, start));
            }
        }
    }
    assert!(n > 100, "{n}");
    assert!(is_not_a_date_number("UN Security Council Resolution 1267", 31));
    assert!(!is_not_a_date_number("In 1267", 3));
}

fn ctx() -> DateContext {
    DateContext { published: Some((jiff::civil::date(2020, 6, 1), DatePrecision::Day)), day_first: false }
}

/// A precision as its variant name in lower case (the tables' names are
/// the exporter's).
fn lower(p: DatePrecision) -> String {
    format!("{p:?}").to_lowercase()
}

/// (expression, first, last, precision) for every date found.
fn read(text: &str, ctx: &DateContext) -> Vec<(String, String, String, String)> {
    let mut years = YearState::default();
    find_dates(text, ctx, &mut years)
        .into_iter()
        .map(|d| {
            (text[d.start..d.end].to_string(), d.first.to_string(), d.last.to_string(), lower(d.precision))
        })
        .collect()
}

fn one(text: &str, ctx: &DateContext) -> (String, String, String, String) {
    let r = read(text, ctx);
    assert_eq!(r.len(), 1, "{text}: {r:?}");
    r[0].clone()
}

fn check(text: &str, expr: &str, first: &str, last: &str, precision: &str) {
    let (e, f, l, p) = one(text, &ctx());
    assert_eq!((e.as_str(), f.as_str(), l.as_str(), p.as_str()), (expr, first, last, precision), "{text}");
}

#[test]
fn full_dates() {
    check(
        "The deal was signed on 29 February 2020 in Doha.",
        "29 February 2020",
        "2020-02-29",
        "2020-02-29",
        "day",
    );
    check("It was signed Feb. 29, 2020, in Doha.", "Feb. 29, 2020", "2020-02-29", "2020-02-29", "day");
    check(
        "A meeting on September 18, 1996, took place.",
        "September 18, 1996",
        "1996-09-18",
        "1996-09-18",
        "day",
    );
    check("SEPTEMBER 21, 2021, 4:02 PM", "SEPTEMBER 21, 2021", "2021-09-21", "2021-09-21", "day");
    check("Logged 2021-03-04 by the clerk.", "2021-03-04", "2021-03-04", "2021-03-04", "day");
    check("The attacks of 9/11 changed it.", "9/11", "2001-09-11", "2001-09-11", "day");
}

#[test]
fn numeric_dates_follow_the_document_convention() {
    let day_first = DateContext { day_first: true, ..ctx() };
    assert_eq!(one("Date: 12/02/2021", &day_first).1, "2021-02-12");
    assert_eq!(one("Date: 12/02/2021", &ctx()).1, "2021-12-02");
    // A first field over 12 can only be a day.
    assert_eq!(one("Date: 25/02/2021", &ctx()).1, "2021-02-25");
    assert!(writes_day_first("on 2 December 2020 and 3 March 2021, and on May 4, 2020"));
}

#[test]
fn partial_dates() {
    check("He spoke on March 13 to reporters.", "March 13", "2020-03-13", "2020-03-13", "day");
    check("It began in September 2020.", "September 2020", "2020-09-01", "2020-09-30", "month");
    check("It was founded in 2014.", "2014", "2014-01-01", "2014-12-31", "year");
    check("By mid-2024 it had grown.", "mid-2024", "2024-05-01", "2024-08-31", "season");
    check("Plans for late 2022 were made.", "late 2022", "2022-09-01", "2022-12-31", "season");
    check("In early 2019 they met.", "early 2019", "2019-01-01", "2019-04-30", "season");
    check("In the spring of 2011 they met.", "spring of 2011", "2011-03-01", "2011-05-31", "season");
    check("Throughout the 1990s they pressed.", "1990s", "1990-01-01", "1999-12-31", "decade");
    check("During 2012–2013 they fought.", "2012–2013", "2012-01-01", "2013-12-31", "year");
    check("It left in late August 2021.", "late August 2021", "2021-08-21", "2021-08-31", "month");
    check("They met in mid-March.", "mid-March", "2020-03-11", "2020-03-20", "month");
    check("Since December 2021 it has grown.", "December 2021", "2021-12-01", "2021-12-31", "month");
    check(
        "Interview with Taliban commander, Kunar, 2 December 2020.",
        "2 December 2020",
        "2020-12-02",
        "2020-12-02",
        "day",
    );
}

#[test]
fn a_bare_month_and_day_takes_the_sentence_year_then_the_publication_year() {
    let c = ctx(); // published 2020-06-01
    let mut years = YearState::default();
    let d = find_dates("The war began in 1998, and on 16 March the talks resumed.", &c, &mut years);
    assert_eq!(d[1].first.to_string(), "1998-03-16");
    // A year named in an earlier sentence does not carry over when the
    // publication date is known: news goes back to this year's dates.
    let august = DateContext {
        published: Some((jiff::civil::date(1990, 8, 15), DatePrecision::Day)),
        day_first: false,
    };
    let d = find_dates(
        "It rejected the August 1988 ceasefire. Iran condemned the invasion on Aug. 2 and left.",
        &august,
        &mut YearState::default(),
    );
    assert_eq!(d[1].first.to_string(), "1990-08-02");
    // A new paragraph: the publication year, but never after publication.
    years.paragraph = None;
    let d = find_dates("On March 13 he spoke; on Dec. 6 a gunman attacked.", &c, &mut years);
    assert_eq!((d[0].first.to_string(), d[1].first.to_string()), ("2020-03-13".into(), "2019-12-06".into()));
    // No publication date: the paragraph's year, else nothing — never
    // a year guessed from an earlier paragraph.
    let none = DateContext::default();
    let d = find_dates(
        "On 16 March the talks resumed.",
        &none,
        &mut YearState { paragraph: None, document: Some(2004), last: None, quarter: None },
    );
    assert!(d.is_empty(), "{d:?}");
    let d =
        find_dates("The war began in 1998. On 16 March the talks resumed.", &none, &mut YearState::default());
    assert_eq!(d[1].first.to_string(), "1998-03-16");
    // 9/11 sets no year.
    let mut years = YearState::default();
    let d = find_dates("After 9/11, on March 13, they met.", &c, &mut years);
    assert_eq!(d[1].first.to_string(), "2020-03-13");
}

#[test]
fn last_this_and_next_month_against_the_publication_month() {
    let sept = |precision| DateContext {
        published: Some((jiff::civil::date(2021, 9, 21), precision)),
        day_first: false,
    };
    let c = sept(DatePrecision::Day);
    let firsts = |text: &str, c: &DateContext| -> Vec<(String, String)> {
        read(text, c).into_iter().map(|d| (d.0, d.1)).collect()
    };
    assert_eq!(
        firsts("this August, last August, last October, last September, next March, next October", &c),
        [
            ("this August".to_string(), "2021-08-01".to_string()),
            ("last August".to_string(), "2021-08-01".to_string()),
            ("last October".to_string(), "2020-10-01".to_string()),
            ("last September".to_string(), "2020-09-01".to_string()),
            ("next March".to_string(), "2022-03-01".to_string()),
            ("next October".to_string(), "2021-10-01".to_string()),
        ]
    );
    // A month-precise publication date is enough; a year is not.
    assert_eq!(firsts("this August", &sept(DatePrecision::Month)).len(), 1);
    assert!(firsts("this August", &sept(DatePrecision::Year)).is_empty());
    // With a year or a day after it, the full date.
    assert_eq!(firsts("last August 2020", &c), [("August 2020".to_string(), "2020-08-01".to_string())]);
    assert_eq!(firsts("this May 5", &c)[0].0, "May 5");
}

#[test]
fn decades_in_words() {
    check("In the Nineties the group grew.", "the Nineties", "1990-01-01", "1999-12-31", "decade");
    check("Since THE TWENTIES it has.", "THE TWENTIES", "1920-01-01", "1929-12-31", "decade");
    for text in ["temperatures in the nineties", "a man in his Sixties", "the parties"] {
        assert!(read(text, &ctx()).is_empty(), "{text}");
    }
}

#[test]
fn a_range_of_years_in_words_is_one_date() {
    check(
        "Between 1996 and 2001 the group ruled.",
        "Between 1996 and 2001",
        "1996-01-01",
        "2001-12-31",
        "year",
    );
    check("It grew from 2012 to 2014 in the east.", "from 2012 to 2014", "2012-01-01", "2014-12-31", "year");
    check(
        "It grew from 2012 until 2014 in the east.",
        "from 2012 until 2014",
        "2012-01-01",
        "2014-12-31",
        "year",
    );
    // Backwards or too long: the years one by one.
    let r: Vec<String> = read("between 2001 and 1996", &ctx()).into_iter().map(|d| d.0).collect();
    assert_eq!(r, ["2001", "1996"]);
    let r: Vec<String> = read("from 1850 to 2001", &ctx()).into_iter().map(|d| d.0).collect();
    assert_eq!(r, ["1850", "2001"]);
}

#[test]
fn a_month_alone_after_a_preposition() {
    // Published 2020-06-01.
    assert_eq!(
        read("In March the talks stalled; by August they had failed, and since May nothing moved.", &ctx()),
        vec![
            ("March".to_string(), "2020-03-01".to_string(), "2020-03-31".to_string(), "month".to_string()),
            ("August".to_string(), "2019-08-01".to_string(), "2019-08-31".to_string(), "month".to_string()),
            ("May".to_string(), "2020-05-01".to_string(), "2020-05-31".to_string(), "month".to_string()),
        ],
        "\"had failed\" by August: a past, last year's August"
    );
    // With no tense to go by, a month after publication is left out.
    assert!(read("Prices in August: up.", &ctx()).is_empty());
    let mut years = YearState::default();
    let d = find_dates("The war began in 1998, and in November the embassy closed.", &ctx(), &mut years);
    assert_eq!((d[1].first.to_string(), d[1].last.to_string()), ("1998-11-01".into(), "1998-11-30".into()));
    assert_eq!(one("In March Kabul fell.", &ctx()).0, "March");
    // A year or a day with it: the full expression, once.
    assert_eq!(one("In March 2019 they met.", &ctx()).0, "March 2019");
    // A month before the noun it dates, or with a possessive.
    assert_eq!(one("The October slaying shocked them.", &ctx()).1, "2019-10-01");
    assert_eq!(one("It is bound by a June agreement.", &ctx()).1, "2020-06-01");
    assert_eq!(one("The March accession will enable it.", &ctx()).1, "2021-03-01");
    assert_eq!(one("They revised December's figures.", &ctx()).1, "2019-12-01");
    assert_eq!(one("By 13 March they met.", &ctx()).0, "13 March");
    assert_eq!(one("until March 13 they met.", &ctx()).0, "March 13");
    assert_eq!(one("in mid-March they met.", &ctx()).0, "mid-March");
    // Parts of a month, in a paragraph with no digit and no unit word.
    assert_eq!(one("He left at the beginning of October.", &ctx()).0, "the beginning of October");
    assert_eq!(one("Prices fell from the middle of October.", &ctx()).1, "2019-10-11");
    // Not a month: names, words, no preposition.
    for text in [
        "a speech by May in Parliament",
        "May's government fell and the Mar tables",
        "the May Day parade",
        "in June Carter's song",
        "after May said so",
        "They march in may and in march.",
        "March is cold.",
        "in Marseille",
    ] {
        assert!(read(text, &ctx()).is_empty(), "{text}");
    }
    // Published "2023": September may be before or after it.
    let year_only = DateContext {
        published: Some((jiff::civil::date(2023, 1, 1), DatePrecision::Year)),
        day_first: false,
    };
    assert!(read("in September they met.", &year_only).is_empty());
}

#[test]
fn a_bare_month_and_day_that_could_fall_either_side_of_publication_is_left_out() {
    let dates = |text: &str, published: (Date, DatePrecision)| -> Vec<String> {
        let c = DateContext { published: Some(published), day_first: false };
        find_dates(text, &c, &mut YearState::default()).iter().map(|d| d.first.to_string()).collect()
    };
    // Published on a day: after it goes back a year.
    let day = (jiff::civil::date(2021, 9, 21), DatePrecision::Day);
    assert_eq!(
        dates("On September 21, on September 22 and on October 30 they met.", day),
        ["2021-09-21", "2021-09-22", "2020-10-30"],
        "a day or two after: the publication date trails the story; weeks after: last year's"
    );
    // Published "2021-09": August is before it, October after it, and
    // 20 September either side.
    let sept = (jiff::civil::date(2021, 9, 1), DatePrecision::Month);
    assert_eq!(
        dates("On August 31, on September 1, on September 20 and on October 1 they met.", sept),
        ["2021-08-31", "2021-09-01", "2020-10-01"]
    );
    // Published "2023": only 1 January is sure to be on or before it.
    let year = (jiff::civil::date(2023, 1, 1), DatePrecision::Year);
    assert_eq!(dates("On January 1, on March 16 and on December 31 they met.", year), ["2023-01-01"]);
    // A year in the paragraph decides.
    assert_eq!(dates("In 2022, on March 16, they met.", year), ["2022-01-01", "2022-03-16"]);
    // Months alone: only one that begins on or before the earliest day.
    assert_eq!(dates("in January, in February, in September", year), ["2023-01-01"]);
    assert_eq!(dates("in August, in September, in October", sept), ["2021-08-01", "2021-09-01"]);
    assert_eq!(
        latest_publication(jiff::civil::date(2020, 1, 1), DatePrecision::Decade),
        Some(jiff::civil::date(2029, 12, 31))
    );
    assert_eq!(
        latest_publication(jiff::civil::date(2020, 12, 1), DatePrecision::Season),
        Some(jiff::civil::date(2021, 12, 31))
    );
}

#[test]
fn relative_dates_need_a_publication_date() {
    check("The report released on Monday shows it.", "Monday", "2020-06-01", "2020-06-01", "day");
    check("according to the report released Friday", "Friday", "2020-05-29", "2020-05-29", "day");
    check("He said last year that it failed.", "last year", "2019-01-01", "2019-12-31", "year");
    check("It happened last week.", "last week", "2020-05-25", "2020-05-31", "week");
    check("It happened last month.", "last month", "2020-05-01", "2020-05-31", "month");
    check("It grew over the past year.", "the past year", "2019-01-01", "2019-12-31", "year");
    check("It happened two years ago.", "two years ago", "2018-01-01", "2018-12-31", "year");
    check("A decade ago, it was poor.", "A decade ago", "2010-01-01", "2010-12-31", "year");
    check("It began two decades ago.", "two decades ago", "2000-01-01", "2000-12-31", "year");
    let none = DateContext { published: None, day_first: false };
    assert!(read("He said last year that the report released on Monday was wrong.", &none).is_empty());
    // A year-precise publication date resolves "last year" but not "Monday".
    let year_only = DateContext {
        published: Some((jiff::civil::date(2023, 1, 1), DatePrecision::Year)),
        day_first: false,
    };
    assert_eq!(read("last year and on Monday", &year_only).len(), 1);
}

#[test]
fn an_offset_from_a_date_in_the_same_sentence() {
    let r = read("Two days after the strikes on 20 August 1998, a call was arranged.", &ctx());
    assert_eq!(
        r[0],
        ("Two days after".to_string(), "1998-08-22".to_string(), "1998-08-22".to_string(), "day".to_string())
    );
}

#[test]
fn the_tense_of_the_clause_places_a_date_without_a_year() {
    // Published Tuesday 1 March 2005.
    let march = DateContext {
        published: Some((jiff::civil::date(2005, 3, 1), DatePrecision::Day)),
        day_first: false,
    };
    let firsts = |text: &str| -> Vec<(String, String)> {
        read(text, &march).into_iter().map(|d| (d.0, d.1)).collect()
    };
    let cases: [(&str, &str, &str); 12] = [
        ("The plant closed in July.", "July", "2004-07-01"),
        ("The book is due to be published in May.", "May", "2005-05-01"),
        ("The sale will run through June.", "June", "2005-06-01"),
        ("It agreed to sell the unit in October.", "October", "2004-10-01"),
        ("Sales fell in early December.", "early December", "2004-12-01"),
        ("The ship will sail in early August.", "early August", "2005-08-01"),
        ("The trial will begin on April 7.", "April 7", "2005-04-07"),
        ("The trial began on April 7.", "April 7", "2004-04-07"),
        ("The vote was postponed until Saturday.", "Saturday", "2005-03-05"),
        ("He resigned on Saturday.", "Saturday", "2005-02-26"),
        ("They met last Tuesday.", "last Tuesday", "2005-02-22"),
        ("The rally is on Saturday, March 12.", "Saturday, March 12", "2005-03-12"),
    ];
    for (text, expr, first) in cases {
        assert_eq!(firsts(text), [(expr.to_string(), first.to_string())], "{text}");
    }
}

#[test]
fn no_clock_time_is_read_as_a_year() {
    for text in [
        "The vote closed at 1830 GMT on Friday.",
        "Troops moved at 0600 hours.",
        "The ship sailed at 2100 local time.",
        "Trading ended at 1600 EST.",
    ] {
        let r = read(text, &DateContext::default());
        assert!(r.is_empty(), "{text}: {r:?}");
    }
    // And it anchors nothing: "11 September" after it is no 1830 date.
    let mut years = YearState::default();
    let d = find_dates(
        "At 1830 GMT the news came; on 11 September they met.",
        &DateContext::default(),
        &mut years,
    );
    assert!(d.is_empty(), "{d:?}");
    // A year before "hours" of something is still a year when it is one.
    assert_eq!(one("In 1830 the town was founded.", &ctx()).0, "1830");
}

#[test]
fn no_year_is_guessed_without_an_anchor() {
    let none = DateContext::default();
    let mut years = YearState { paragraph: None, document: Some(2001), last: None, quarter: None };
    for text in [
        "On 5 May the talks resumed.",
        "In July last year they met.",
        "They met last summer, in August, on Monday.",
        "He will speak tomorrow and left today.",
        "It happened two days ago, in the third quarter.",
    ] {
        let d = find_dates(text, &none, &mut years);
        assert!(d.is_empty(), "{text}: {d:?}");
    }
}

#[test]
fn numbers_that_are_not_dates() {
    let cases = [
        "The group killed nearly 3,000 people.",
        "A force of 8,600 troops and 2,000 fighters remained.",
        "It counted 643 deaths and 400 to 600 operatives.",
        "Under Resolution 1988 the committee listed them.",
        "See page 2019 of the file, and No. 2020 in the list.",
        "The meeting started at 4:02 PM and ended at 10:30.",
        // (Capitalised after "in", "May" is the month: see
        // `a_month_alone_after_a_preposition`.)
        "They may march if they must, and May they did.",
        "the post-2001 order and the pre-2001 regime; Post-2001 politics",
        "as argued elsewhere (Bacon, 2018; Mir, 2020) and by Zelin (2020) and Bacon (2018a; 2018b)",
    ];
    for t in cases {
        assert!(read(t, &ctx()).is_empty(), "{t}: {:?}", read(t, &ctx()));
    }
}

#[test]
fn a_quarterly_report_compares_quarters() {
    // Published 1 November 1989; the report names its third quarter first.
    let nov = DateContext {
        published: Some((jiff::civil::date(1989, 11, 1), DatePrecision::Day)),
        day_first: false,
    };
    let report = [
        "Third-quarter net rose 5% to $10 million.",
        "Net was $8 million, or 20 cents a share, a year ago.",
        "Sales rose from a year earlier.",
        "Costs fell in the quarter.",
        "In the 1988 period, the company earned $2 million.",
        "For the nine months, net fell from $30 million a year ago.",
        "For the nine months, sales rose 3% from a year earlier.",
        "Nine-month net was $2 million, against year-earlier net of $3 million.",
    ];
    let mut years = YearState::default();
    let mut got = Vec::new();
    for p in report {
        for d in find_dates(p, &nov, &mut years) {
            got.push((p[d.start..d.end].to_string(), d.first.to_string(), lower(d.precision)));
        }
    }
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(
        got,
        [
            s("Third-quarter", "1989-07-01", "season"),
            s("a year ago", "1988-07-01", "season"),
            s("a year earlier", "1988-07-01", "season"),
            s("the quarter", "1989-07-01", "season"),
            s("the 1988 period", "1988-07-01", "season"),
            // Over nine months, not a quarter: "a year ago" is last year.
            s("a year ago", "1988-01-01", "year"),
            // And so is "a year earlier": the year before the quarter's.
            s("a year earlier", "1988-01-01", "year"),
            s("year-earlier", "1988-01-01", "year"),
        ]
    );
    // Without a quarter named, "a year ago" is the year before
    // publication and "the 1988 period" the year.
    let plain = "Net was $8 million a year ago; in the 1988 period it fell.";
    let firsts: Vec<(String, String)> = read(plain, &nov).into_iter().map(|d| (d.0, d.1)).collect();
    assert_eq!(
        firsts,
        [
            ("a year ago".to_string(), "1988-01-01".to_string()),
            ("the 1988 period".to_string(), "1988-01-01".to_string())
        ]
    );
}

#[test]
fn a_deadline_and_a_future_clause_point_ahead() {
    // Published Friday 7 January 2000.
    let jan = DateContext {
        published: Some((jiff::civil::date(2000, 1, 7), DatePrecision::Day)),
        day_first: false,
    };
    let firsts =
        |text: &str| -> Vec<(String, String)> { read(text, &jan).into_iter().map(|d| (d.0, d.1)).collect() };
    let cases: [(&str, &str, &str); 9] = [
        // A past verb, a deadline ahead.
        ("The court extended the stay until March 6.", "March 6", "2000-03-06"),
        ("The offer was extended to Feb. 20.", "Feb. 20", "2000-02-20"),
        ("The hearing was postponed to mid-March.", "mid-March", "2000-03-11"),
        ("KKR plans to pay down the loan by February.", "February", "2000-02-01"),
        ("Lenders will extend the loans through January.", "January", "2000-01-01"),
        ("The data was gathered through mid-March.", "mid-March", "1999-03-11"),
        ("The board named him chairman, effective Feb. 1.", "Feb. 1", "2000-02-01"),
        // A deadline just past is still this year's.
        ("It had bought shares through Dec. 29.", "Dec. 29", "1999-12-29"),
        // Without a deadline word the past tense places it last year.
        ("The court ruled on March 6.", "March 6", "1999-03-06"),
    ];
    for (text, expr, first) in cases {
        assert_eq!(firsts(text), [(expr.to_string(), first.to_string())], "{text}");
    }
    // A future clause is not dated by an earlier year in its sentence.
    let text = "Invited in July 1997, Poland will join NATO on March 12.";
    let got = firsts(text);
    assert_eq!(got[1], ("March 12".to_string(), "2000-03-12".to_string()), "{got:?}");
    // A past one is.
    let text = "Invited in July 1997, Poland joined NATO on March 12.";
    assert_eq!(firsts(text)[1], ("March 12".to_string(), "1997-03-12".to_string()));
}

#[test]
fn more_ways_of_naming_a_date() {
    // Published Wednesday 1 November 1989.
    let nov = DateContext {
        published: Some((jiff::civil::date(1989, 11, 1), DatePrecision::Day)),
        day_first: false,
    };
    let firsts =
        |text: &str| -> Vec<(String, String)> { read(text, &nov).into_iter().map(|d| (d.0, d.1)).collect() };
    let cases: [(&str, &str, &str); 14] = [
        ("Turnover for October rose 5%.", "October", "1989-10-01"),
        // A time of day between "until" and the weekday.
        ("They were given until 9 a.m. EST Tuesday to sign.", "Tuesday", "1989-11-07"),
        ("They were given until noon Tuesday to sign.", "Tuesday", "1989-11-07"),
        ("Earnings fell for the full year.", "the full year", "1989-01-01"),
        ("It forecast a loss for the current year.", "the current year", "1989-01-01"),
        ("The team planned to leave on Thursday.", "Thursday", "1989-11-02"),
        ("The family has until Tuesday to sign.", "Tuesday", "1989-11-07"),
        ("They may come as soon as Tuesday.", "Tuesday", "1989-11-07"),
        ("Until Tuesday they had not called him a suspect.", "Tuesday", "1989-10-31"),
        ("Up until Tuesday, they had not called him a suspect.", "Tuesday", "1989-10-31"),
        ("It was not until Tuesday that he spoke.", "Tuesday", "1989-10-31"),
        // A past verb before "until": a deadline ahead.
        ("The court gave them until Tuesday to sign.", "Tuesday", "1989-11-07"),
        // Without them, a weekday in a past clause is the last one.
        ("The team left on Thursday.", "Thursday", "1989-10-26"),
        ("He was named in May 1988, and the following year he left.", "May 1988", "1988-05-01"),
    ];
    for (text, expr, first) in cases {
        assert_eq!(firsts(text)[0], (expr.to_string(), first.to_string()), "{text}");
    }
    assert_eq!(
        firsts("He was named in May 1988, and the following year he left; later that year he died.")[1..],
        [
            ("the following year".to_string(), "1989-01-01".to_string()),
            ("later that year".to_string(), "1988-01-01".to_string())
        ]
    );
}

#[test]
fn years_in_words() {
    let cases: [(&str, &str, &str, &str); 4] = [
        ("In nineteen ninety-one he was convicted.", "nineteen ninety-one", "1991-01-01", "year"),
        ("It was NINETEEN SEVENTY-NINE.", "NINETEEN SEVENTY-NINE", "1979-01-01", "year"),
        (
            "Letters came in January nineteen ninety-seven.",
            "January nineteen ninety-seven",
            "1997-01-01",
            "month",
        ),
        ("He promised it by the year two thousand.", "the year two thousand", "2000-01-01", "year"),
    ];
    for (text, expr, first, precision) in cases {
        let (e, f, _, p) = one(text, &ctx());
        assert_eq!((e.as_str(), f.as_str(), p.as_str()), (expr, first, precision), "{text}");
    }
    // Counts, not years.
    for text in ["nineteen people and two thousand troops", "She was nineteen, twenty at most."] {
        assert!(read(text, &ctx()).is_empty(), "{text}");
    }
}

"""The eval's scoring functions on tiny inputs written here (no dev data)."""

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))

from corpora import detokenise, entities, is_sports, relative_antecedent, roles_swapped, strip_timeml  # noqa: E402
from scoring import (  # noqa: E402
    apposed_name_match,
    byte_offsets,
    date_scope,
    description_match,
    double_quoted,
    match_spans,
    names_match,
    normalise_value,
    quote_pattern,
    score_spans,
    source_kind,
    timeml_value,
    to_bytes,
    visible,
)


def test_byte_offsets_count_utf8_bytes_per_code_point():
    text = "Zoë said “hi”."
    offs = byte_offsets(text)
    a = text.index("hi")
    assert to_bytes((a, a + 2), offs) == (13, 15)
    assert text.encode()[13:15] == b"hi"
    assert offs[len(text)] == len(text.encode())


@pytest.mark.parametrize(
    "mode, gold, pred, p, r",
    [
        ("exact", [(0, 5), (10, 15)], [(0, 5), (10, 14)], 0.5, 0.5),
        ("overlap", [(0, 5), (10, 15)], [(0, 5), (10, 14)], 1.0, 1.0),
        ("overlap", [(0, 5)], [(5, 9)], 0.0, 0.0),  # touching is not overlapping
        # one long prediction over two gold spans: both gold found, one prediction right
        ("overlap", [(0, 5), (6, 9)], [(0, 9), (20, 25)], 0.5, 1.0),
    ],
)
def test_span_matching(mode, gold, pred, p, r):
    s = score_spans({"d": gold}, {"d": pred}, mode)
    assert (s["precision"], s["recall"]) == (p, r)


def test_spans_match_within_their_document_only():
    s = score_spans({"a": [(0, 5)]}, {"b": [(0, 5)]}, "exact")
    assert (s["precision"], s["recall"], s["f1"]) == (0.0, 0.0, 0.0)


def test_match_spans_lists_both_directions():
    p_of_g, g_of_p = match_spans([(0, 4), (8, 12)], [(2, 9)], "overlap")
    assert p_of_g == [[0], [0]] and g_of_p == [[0, 1]]


@pytest.mark.parametrize(
    "start, end, precision, value",
    [
        ((1998, 2, 27), (1998, 2, 27), "day", "1998-02-27"),
        ((1998, 2, 23), (1998, 3, 1), "week", "1998-W09"),
        ((1998, 2, 1), (1998, 2, 28), "month", "1998-02"),
        ((1998, 1, 1), (1998, 12, 31), "year", "1998"),
        ((1990, 1, 1), (1999, 12, 31), "decade", "199"),
        ((1901, 1, 1), (2000, 12, 31), "century", "19"),
        ((1998, 1, 1), (1998, 3, 31), "season", "1998-Q1"),
        ((1998, 6, 1), (1998, 8, 31), "season", "1998-SU"),
        ((1998, 12, 1), (1999, 2, 28), "season", "1998-WI"),
        ((1998, 1, 1), (1998, 4, 30), "season", "1998"),  # "early 1998": a third of the year
        ((2012, 1, 1), (2013, 12, 31), "year", "2012"),  # a range: its start
    ],
)
def test_timeml_value(start, end, precision, value):
    assert timeml_value(dt.date(*start), dt.date(*end), precision) == value


def test_date_scope_and_gold_values():
    assert date_scope("DATE", "1998-02") == "scored"
    assert date_scope("DATE", "PRESENT_REF") == "left out: DATE PRESENT_REF"
    assert date_scope("TIME", "1998-02-27T08:00") == "scored"
    assert date_scope("TIME", "T08:00") == "left out: TIME without a day"
    assert date_scope("DURATION", "P1W") == "left out: DURATION"
    assert normalise_value("1998-02-27T08:00") == "1998-02-27"
    assert normalise_value("1998-W09") == "1998-W09"
    assert normalise_value("198X") == "198" and normalise_value("19XX") == "19"
    assert normalise_value("2000-W7") == "2000-W07"
    # unspecified parts no product value can equal stay as written
    assert normalise_value("1998-WXX") == "1998-WXX" and normalise_value("1988-QX") == "1988-QX"
    assert normalise_value("XXXX") == "XXXX"


def test_strip_timeml_keeps_timex_spans_on_the_plain_text():
    text, timexes = strip_timeml('On <TIMEX3 tid="t1" type="DATE" value="1998-02-27">Friday</TIMEX3> AT&amp;T <EVENT eid="e1">said</EVENT> so.')
    assert text == "On Friday AT&T said so."
    (t,) = timexes
    assert text[t["start"] : t["end"]] == "Friday" and t["value"] == "1998-02-27"


def test_detokenise_maps_each_token_to_its_span():
    toks = ["Smith", "(", "Reuters", ")", "said", '"', "it", "'s", "fine", '"', "."]
    text, spans = detokenise(toks)
    assert text == 'Smith (Reuters) said "it\'s fine".'
    assert [text[a:b] for a, b in spans] == toks


def test_iob1_entities():
    # IOB1: I- continues, B- starts a new one of the same type next to another
    assert entities(["I-PER", "I-PER", "O", "I-ORG", "B-ORG", "I-LOC"]) == [(0, 2, "PER"), (3, 4, "ORG"), (4, 5, "ORG"), (5, 6, "LOC")]


def test_double_quoted_stretches():
    text = 'He said “one” and "two".\n“Three,\n“four.”'
    got = [text[a:b] for a, b in double_quoted(text)]
    assert got == ["one", "two", "Three,", "four."]
    assert double_quoted("an “open mark only") == []


@pytest.mark.parametrize(
    "source, kind",
    [("he", "pronoun"), ("They", "pronoun"), ("The New York Post", "name"), ("Democratic nominee Hillary Clinton", "name"),
     ("the source", "description"), ("a spokesman for the Clinton campaign", "description"), ("officials", "description"),
     ("panel Chairman Rep. Jason Chaffetz (R-Utah)", "name"), ("the California congressman", "description"),
     ("Jean-Marc Ayrault, the foreign minister of France,", "name"),
     # a dash sets off an apposition as a comma does
     ("Jason Sims — a teacher from Mount Pleasant —", "name"), ("a teacher – Jason Sims –", "description"),
     # an unspaced en dash joins a compound
     ("a Clinton–Kaine campaign aide", "description"), ("an Israel–Hamas ceasefire negotiator", "description"),
     # a title with "of" and a noun before its holder's name; a name that is the complement is not the source
     ("former secretary of state Hillary Clinton", "name"), ("chief of staff John Kelly, who left in 2019", "name"),
     ("A spokesman for Democratic presidential candidate Hillary Clinton", "description"),
     ("chairman of Germany's liberal Pirate Party", "description"), ("a friend of candidate Donald Trump", "description"),
     ("RNC Chief of Staff Katie Walsh", "name"), ("former Pennsylvania Gov. and DNC Chairman Ed Rendell", "name"),
     ("Former prosecutor and NYC Mayor Rudy Giuliani, who backs Trump,", "name"),
     ("Fight for $15 organizing director Kendall Fells", "name"),
     ("a spokesman for campaign chairman John Podesta", "description"), ("a professor of Middle East Studies", "description"),
     # a weekday, a month or a year after the head is no name
     ("A campaign TV ad released Thursday", "description"), ("a letter dated September 2016", "description"),
     ("Melissa Fay Greene", "name")],
)
def test_source_kind(source, kind):
    assert source_kind(source) == kind


@pytest.mark.parametrize(
    "gold, pred, ok",
    [
        ("Trump campaign manager Kellyanne Conway", "Kellyanne Conway", True),
        ("Conway", "Kellyanne Conway", True),
        ("The New York Post", "New York Post", True),
        ("Mr. Trump", "Donald Trump", True),
        ("Clinton's", "Hillary Clinton", True),
        # a curly possessive, a rank, a particle or a middle name before the surname
        ("Rubio’s", "Marco Rubio", True),
        ("Admiral Harris", "Harry B. Harris", True),
        ("Pierre de Vos", "Pierre de Vos", True),
        ("Hillary Rodham Clinton", "Hillary Clinton", True),
        ("Melania Trump", "Donald Trump", False),
        # the possessor of the source is not the source
        ("Clinton’s top foreign policy aide Jake Sullivan", "Hillary Clinton", False),
        ("Clinton’s top foreign policy aide Jake Sullivan", "Jake Sullivan", True),
        ("Trump’s potential VP", "Donald Trump", False),
        ("Kellyanne Conway", "Donald Trump", False),
        ("Jean-Marc Ayrault, the foreign minister of France,", "Jean-Marc Ayrault", True),
        ("Jean-Marc Ayrault, the foreign minister of France,", "France", False),
        ("Trump", None, False),
        ("Bill Clinton", "Hillary Clinton", False),
        ("Donald J. Trump", "Donald Trump", True),
        ("Justice Scalia", "Antonin Scalia", True),
        ("former secretary of state Hillary Clinton, who praised Bush", "Hillary Clinton", True),
        ("former secretary of state Hillary Clinton", "Bill Clinton", False),
        ("RNC Chief of Staff Katie Walsh", "Katie Walsh", True),
        ("former Pennsylvania Gov. and DNC Chairman Ed Rendell", "Ed Rendell", True),
        ("Fight for $15 organizing director Kendall Fells", "Kendall Fells", True),
        # the role's capitalised words are not the name; a plural opening the Source is no name's word
        ("former Pennsylvania Gov. and DNC Chairman Ed Rendell", "DNC", False),
        ("Aides to Sen. Bernie Sanders", "Bernie Sanders", False),
    ],
)
def test_names_match(gold, pred, ok):
    assert names_match(gold, pred) is ok


def test_a_gold_source_is_compared_as_the_normaliser_writes_text():
    # decomposed accents and a control character (PolNeAR's double-encoded
    # names): the normaliser writes NFC without controls
    gold = "Federico de JesA\u0303\u0083A\u0302os, a Democratic strategist"
    assert visible(gold) == "Federico de Jes\u00c3\u00c2os, a Democratic strategist"
    assert source_kind(visible(gold)) == "name"
    assert names_match(visible(gold), "Federico de Jes\u00c3\u00c2os")
    assert not names_match(gold, "Federico de Jes\u00c3\u00c2os")


def test_description_match_by_head_noun():
    assert description_match("a source", "sources familiar with the matter")
    assert not description_match("the campaign", "a senior official")
    # an apposition or a relative clause is not the head's phrase
    assert description_match("the designer, who works for another brand at G-III", "designer")
    assert description_match("a strategist for one of these candidates, speaking on condition of anonymity", "strategist for one of these candidates")
    assert description_match("a Democratic strategist who spoke on the condition of anonymity", "Democratic strategist")
    assert not description_match("the designer, who works for another brand at G-III", "brand")
    assert description_match("a Clinton–Kaine campaign aide", "a campaign aide")


def test_description_head_is_the_noun_before_its_complement():
    # the head, not the last word, of a phrase with a preposition after it
    assert description_match("a Wednesday editorial in The Des Moines Register", "Wednesday editorial")
    assert not description_match("a Wednesday editorial in The Des Moines Register", "Des Moines Register")
    assert description_match("a spokesman for the Taliban", "spokesman for the Taliban")
    assert not description_match("a spokesman for the Taliban", "Taliban")
    # past a count or a pick: the noun after it
    assert description_match("one of the attendees", "attendees")
    assert description_match("About four in 10 South Carolina Republican primary voters", "Republican primary voters")
    assert not description_match("About four in 10 South Carolina Republican primary voters", "four")
    # an adjective or participle after the noun is not its head
    assert description_match("people familiar with the matter", "people")
    assert description_match("sources close to the campaign", "sources")
    assert description_match("a person briefed on the talks", "person")
    # a member is a head; a count before a pronoun is too
    assert description_match("a member of the House Intelligence Committee", "member")
    assert description_match("two of them", "the two")
    assert description_match("one of those advisers", "those advisers")
    assert description_match("40 percent of voters", "voters")
    # counts pick only before "of" or "in"
    assert description_match("some at the White House", "some")
    # a time or a participle after the noun is not its head
    assert description_match("a study last year by economists at Duke University", "study")
    assert not description_match("a study last year by economists at Duke University", "last year")
    assert description_match("A Government Accountability Office report released last year", "Government Accountability Office report")
    assert description_match("an interview with The New York Times at the time", "interview")
    assert description_match("those surveyed", "surveyed")
    # a time word before a noun modifies it
    assert description_match("voters in the Tuesday primary", "voters")
    assert not description_match("voters in the Tuesday primary", "primary")


@pytest.mark.parametrize(
    "gold, pred, ok",
    [
        ("Her campaign manager, Robby Mook,", "Robby Mook", True),
        ("the F.B.I. director, James B. Comey,", "Comey", True),
        ("Her campaign manager, Robby Mook,", "Hillary Clinton", False),
        # no name in an apposition: the description alone
        ("a spokesman for the campaign", "Robby Mook", False),
        ("a friend, a lawyer for Robby Mook,", "Robby Mook", False),
        ("her campaign manager — Robby Mook —", "Robby Mook", True),
        ("a lawyer — a friend of Robby Mook —", "Robby Mook", False),
        ("a Clinton–Kaine campaign aide", "Hillary Clinton", False),
    ],
)
def test_a_description_naming_its_person_in_an_apposition(gold, pred, ok):
    assert apposed_name_match(gold, pred) is ok


def find(text: str, part: str) -> tuple[int, int]:
    """The span of the first occurrence of `part` in `text`."""
    at = text.index(part)
    return at, at + len(part)


@pytest.mark.parametrize(
    "text, quote, source, cue, pattern",
    [
        ("“We won,” said Smith.", "We won,", "Smith", "said", "Q, said X"),
        ("“We won,” Smith said.", "We won,", "Smith", "said", "Q, X said"),
        ("Smith said: “We won.”", "We won.", "Smith", "said:", "X said: Q"),
        ("Smith said that “we won”.", "we won", "Smith", "said", "X said (that) … Q"),
        ("“A,” Smith said. “We won.”", "We won.", "Smith", "said", "X said. Q (a later sentence)"),
        ("According to Smith, “we won”.", "we won", "Smith", "According to", "according to X, Q"),
        ("Smith said so.\n“We won.”", "We won.", "Smith", "said", "source in another paragraph"),
        ("“We won,” it read.", "We won,", None, None, "no source"),
    ],
)
def test_quote_pattern_from_source_and_cue_positions(text, quote, source, cue, pattern):
    s = find(text, source) if source else None
    c = find(text, cue) if cue else None
    assert quote_pattern(find(text, quote), s, c, text) == pattern


def test_sports_reports_by_headline_slug():
    assert is_sports("SOCCER - JAPAN GET LATE WIN")
    assert is_sports("Boxing-Bruno quits over fee")
    assert not is_sports("Yeltsin endorses Lebed - Interfax")
    assert not is_sports("PRESS DIGEST - Bulgaria - Aug 30")


def test_a_relative_who_stands_for_the_name_before_it():
    t = "Contrast that with Trump, who has called it “insanity,” and Sanders, who says it is bad."
    assert relative_antecedent(t, t.index("who says")) == "Sanders"
    assert relative_antecedent(t, t.index("who has")) == "Trump"
    t = "the voters who say so"
    assert relative_antecedent(t, t.index("who")) is None
    t = "Then came Sen. Marco Rubio of Florida, who called it “a disaster.”"
    assert relative_antecedent(t, t.index("who")) == "Sen. Marco Rubio"
    t = "It was this tweet from Rikkie Wells who tweeted “…”"
    assert relative_antecedent(t, t.index("who")) == "Rikkie Wells"
    t = "It stars an Abraham Lincoln impersonator who promises that"
    assert relative_antecedent(t, t.index("who")) is None
    # a title's "of" is no place's
    t = "Then came Secretary of State John Kerry, who said it was “a mistake.”"
    assert relative_antecedent(t, t.index("who")) == "State John Kerry"


@pytest.mark.parametrize(
    "source, cue, swapped",
    [
        ("said", "David Plouffe, the architect of Obama’s 2008 campaign", True),
        ("According to", "Woodward", True),
        ("David Plouffe", "said", False),
        ("the campaign", "argued", False),
        # both cue words: nothing to put back
        ("said", "added", False),
        ("said", None, False),
        # a noun and a verb: a real Source
        ("Reports", "suggest", False),
        ("reports", "have said", False),
    ],
)
def test_a_source_that_is_a_reporting_verb_swaps_with_its_cue(source, cue, swapped):
    assert roles_swapped(source, cue) == swapped

"""Scoring functions of `make eval`: pure, small, unit-tested (tests/eval/).

Spans are (start, end) pairs, end-exclusive, in the same unit on both sides
(the eval aligns everything by byte offsets into the source file it wrote).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# ---------------------------------------------------------------- offsets


def byte_offsets(text: str) -> list[int]:
    """`out[i]` is the UTF-8 byte offset of code point `i` (len(text)+1 entries)."""
    out = [0] * (len(text) + 1)
    b = 0
    for i, ch in enumerate(text):
        out[i] = b
        b += len(ch.encode("utf-8"))
    out[len(text)] = b
    return out


def to_bytes(span: tuple[int, int], offsets: list[int]) -> tuple[int, int]:
    """A code point span as a byte span, through `byte_offsets`."""
    return offsets[span[0]], offsets[span[1]]


# ---------------------------------------------------------------- spans


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two non-empty end-exclusive spans share at least one unit."""
    return a[0] < b[1] and b[0] < a[1]


def overlap_len(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict:
    """Precision = matched predictions / predictions, recall = matched gold /
    gold (the two counts differ under overlap matching), F1 their harmonic mean.
    None where a denominator is zero."""
    p = tp_pred / n_pred if n_pred else None
    r = tp_gold / n_gold if n_gold else None
    f = 2 * p * r / (p + r) if p is not None and r is not None and p + r > 0 else (0.0 if p is not None and r is not None else None)
    return {"precision": p, "recall": r, "f1": f, "pred": n_pred, "gold": n_gold, "tp_pred": tp_pred, "tp_gold": tp_gold}


def match_spans(gold: list[tuple[int, int]], pred: list[tuple[int, int]], mode: str) -> tuple[list[list[int]], list[list[int]]]:
    """For each gold span the indices of the predictions that match it, and for
    each prediction the indices of the gold spans it matches. `mode` is
    "exact" (same start and end) or "overlap" (at least one shared unit).
    Spans of one document only; both lists in any order."""
    g_of_p: list[list[int]] = [[] for _ in pred]
    p_of_g: list[list[int]] = [[] for _ in gold]
    if mode == "exact":
        where: dict[tuple[int, int], list[int]] = {}
        for j, p in enumerate(pred):
            where.setdefault((p[0], p[1]), []).append(j)
        for i, g in enumerate(gold):
            for j in where.get((g[0], g[1]), []):
                p_of_g[i].append(j)
                g_of_p[j].append(i)
        return p_of_g, g_of_p
    if mode != "overlap":
        raise ValueError(f"unknown match mode {mode!r}")
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if overlaps(g, p):
                p_of_g[i].append(j)
                g_of_p[j].append(i)
    for lst in g_of_p:
        lst.sort()
    return p_of_g, g_of_p


class SpanTally:
    """Counts over documents for P/R/F1: `add` matches one document's spans
    and returns the matches (see `match_spans`); `scores` gives `prf`."""

    def __init__(self):
        self.n_gold = self.n_pred = self.tp_gold = self.tp_pred = 0

    def add(self, gold: list, pred: list, mode: str) -> tuple[list[list[int]], list[list[int]]]:
        p_of_g, g_of_p = match_spans(gold, pred, mode)
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        self.tp_gold += sum(1 for x in p_of_g if x)
        self.tp_pred += sum(1 for x in g_of_p if x)
        return p_of_g, g_of_p

    def scores(self) -> dict:
        return prf(self.tp_pred, self.n_pred, self.tp_gold, self.n_gold)


def score_spans(gold: dict, pred: dict, mode: str) -> dict:
    """P/R/F1 over documents: `gold` and `pred` map doc id → list of spans."""
    tally = SpanTally()
    for doc in sorted(set(gold) | set(pred)):
        tally.add(gold.get(doc, []), pred.get(doc, []), mode)
    return tally.scores()


def best_match(span: tuple[int, int], candidates: list[tuple[int, int]], indices: list[int]) -> int | None:
    """The index (among `indices`) of the candidate overlapping `span` most
    (ties: the earliest start)."""
    if not indices:
        return None
    return max(indices, key=lambda j: (overlap_len(span, candidates[j]), -candidates[j][0]))


# ---------------------------------------------------------------- dates

SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}


def timeml_value(start: dt.date, end: dt.date, precision: str) -> str:
    """The TimeML value of a period as the product writes it (`date_start`,
    `date_end` inclusive, `precision`):

    day 1998-02-27 · week 1998-W09 (ISO week of the start) · month 1998-02 ·
    season: a calendar quarter 1998-Q1, a meteorological season 1998-SP/SU/FA/WI
    (winter from December: the year of its December), a third of a year
    ("early 1998", Jan–Apr) 1998 (TimeML writes the year, with a mod) ·
    year 1998 · decade 199 · century 19. A period over several units (a range
    such as 2012–2013) is written by its start.
    """
    if precision == "day":
        return start.isoformat()
    if precision == "week":
        y, w, _ = start.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if precision == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if precision == "season":
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        if months == 3 and start.day == 1 and start.month in (1, 4, 7, 10):
            return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
        if months == 3 and start.day == 1 and start.month in SEASON_CODES:
            return f"{start.year:04d}-{SEASON_CODES[start.month]}"
        return f"{start.year:04d}"
    if precision == "year":
        return f"{start.year:04d}"
    if precision == "decade":
        return f"{start.year:04d}"[:3]
    if precision == "century":
        return f"{start.year:04d}"[:2]
    raise ValueError(f"unknown precision {precision!r}")


REF_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def date_scope(timex_type: str, value: str) -> str:
    """Which gold TIMEX3 the date scores count, and why the others are left
    out: "scored" for type DATE (not a *_REF value) and TIME whose value
    carries a day; otherwise a reason label listed with its count."""
    if timex_type == "DATE":
        return f"left out: DATE {value}" if value in REF_VALUES else "scored"
    if timex_type == "TIME":
        return "scored" if DAY_VALUE.match(value) else "left out: TIME without a day"
    return f"left out: {timex_type}"


def normalise_value(value: str) -> str:
    """A gold value as compared: TIME values cut to their day (the product
    dates days, not clock times): 1998-02-27T08:00 → 1998-02-27; trailing
    unspecified parts dropped (TBAQ writes some years 1968-XX and some
    months 1998-12-XX): 1968-XX → 1968."""
    m = DAY_VALUE.match(value)
    if m and "T" in value:
        return m.group(0)
    while value.endswith("-XX"):
        value = value[:-3]
    # Other spellings of the same value: a decade or century with its
    # unspecified digits written out (198X = 198, 19XX = 19) and a week
    # number without its leading zero (2000-W7 = 2000-W07). An unspecified
    # week, quarter or day (1998-WXX, 1988-QX) stays as written: no value
    # the product gives can equal it.
    if WRITTEN_OUT.match(value):
        value = value.rstrip("X")
    week = SHORT_WEEK.match(value)
    if week:
        value = f"{week.group(1)}-W0{week.group(2)}"
    return value


WRITTEN_OUT = re.compile(r"^\d{2,3}X{1,2}$")
SHORT_WEEK = re.compile(r"^(\d{4})-W(\d)$")


TRIM = " \t\r\n,.;:!?—–-\"“”‘’'`"


def trim_span(raw: bytes, span: tuple[int, int]) -> tuple[int, int]:
    """A byte span without the white space, punctuation and quote marks at
    its ends (so a quote's trailing comma inside the marks does not decide an
    exact match): '“We won,”' and 'We won' trim to the same span."""
    a, b = span
    text = raw[a:b].decode("utf-8", "replace")
    left = len(text) - len(text.lstrip(TRIM))
    right = len(text.rstrip(TRIM))
    if right <= left:
        return span
    return a + len(text[:left].encode("utf-8")), a + len(text[:right].encode("utf-8"))


# ---------------------------------------------------------------- speakers

PRONOUNS = {
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me",
    "his", "their", "its", "our", "my", "your", "who", "whom", "which", "that",
    "himself", "herself", "themselves", "itself", "ourselves", "myself", "yourself",
}
DETERMINERS = {
    "a", "an", "the", "another", "one", "some", "several", "many", "two", "three", "four",
    "other", "most", "few", "all", "both", "these", "those", "this", "each", "any", "no",
    "more", "his", "her", "their", "its", "our", "my", "your",
}
TITLE_WORDS = {
    "mr", "mrs", "ms", "dr", "miss", "sir", "lord", "lady", "dame", "prof", "professor", "rev", "father", "pope",
    "sen", "senator", "rep", "representative", "gov", "governor", "president", "vice", "secretary", "minister",
    "prime", "chancellor", "justice", "judge", "chief", "mayor", "speaker", "chairman", "chairwoman", "director",
    "gen", "general", "col", "lt", "maj", "capt", "adm", "sgt", "ambassador", "sheriff", "attorney", "former",
    "admiral", "colonel", "lieutenant", "captain", "sergeant",
}
PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "la", "le", "bin", "al", "el", "ibn"}
WORD = re.compile(r"[\w’'.-]+", re.UNICODE)


def _words(text: str) -> list[str]:
    return [w for w in (t.strip(".-'’") for t in WORD.findall(text)) if w]


def _norm_word(w: str) -> str:
    # the possessive first: the ASCII fold drops "’" ("Rubio’s" would be "rubios")
    for suffix in ("'s", "’s", "'S", "’S"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    w = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode().lower()
    return w.rstrip("'’").replace(".", "")


# an em dash, or a spaced en dash, sets off an apposition as a comma does
# (an unspaced en dash joins a compound: "a Clinton–Kaine campaign aide")
HEAD_END = re.compile(r"[,(;:—]|\s–\s|\s(?:of|for|with|at|from|to|in|on|who|which|that|and|or)\s", re.IGNORECASE)


APPOSITION_END = re.compile(r"[,(;:—]|\s–\s")


def role_and_name(source: str) -> str | None:
    """The name of a role's holder, when a role with a preposition or "and"
    in it stands before it, up to the first comma, dash or parenthesis
    ("former secretary of state Hillary Clinton", "RNC Chief of Staff Katie
    Walsh", "former Pennsylvania Gov. and DNC Chairman Ed Rendell", "Former
    prosecutor and NYC Mayor Rudy Giuliani", "Fight for $15 organizing
    director Kendall Fells": the name alone). The name (two capitalised
    words or more, no title among them) follows a title word, or the noun
    of a title with "of" ("secretary of state", "Chief of Staff"); a
    preposition before it follows a title or a capitalised word, and "and"
    no name. None otherwise: in "a spokesman for Democratic presidential
    candidate Hillary Clinton", "a spokesman for campaign chairman John
    Podesta", "chairman of Germany's liberal Pirate Party" or "Yahoo News
    and former TV anchor Katie Couric" the name is a complement or a second
    source."""
    m = APPOSITION_END.search(source)
    phrase = source[: m.start()] if m else source
    words = _words(phrase)
    title = lambda w: w.lower().rstrip(".") in TITLE_WORDS  # noqa: E731
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper() and not title(words[k - 1]):
        k -= 1
    if len(words) - k < 2 or k == 0:
        return None
    before = words[k - 1]
    # "secretary of state Hillary Clinton"; "Chief of Staff Katie Walsh"
    # (the title's noun capitalised, first of the capitalised words)
    of_noun = k >= 3 and words[k - 2] == "of" and title(words[k - 3]) and before[:1].islower()
    # (a formal title, capitalised: not "a professor of Middle East Studies")
    of_capital = (
        k >= 2 and before == "of" and title(words[k - 2]) and words[k - 2][:1].isupper() and len(words) - k >= 3
    )
    if of_noun:
        inner = words[: k - 3]
    elif of_capital:
        inner = words[: k - 2]
    elif title(before):
        inner = words[: k - 1]
    else:
        return None
    # only where the head phrase would be cut before the name
    if not (of_noun or of_capital or any(w in PREPOSITIONS or w == "and" for w in inner)):
        return None
    for i, w in enumerate(inner):
        prev = inner[i - 1] if i else ""
        # a capital only as the Source's first word is no name's ("Aides to
        # Sen. Bernie Sanders", "Supporters of …"; "Fight for $15 …" is one)
        proper = prev[:1].isupper() and not (i == 1 and prev.lower().endswith("s"))
        if w in PREPOSITIONS and not (title(prev) or proper):
            return None
        if w == "and" and prev[:1].isupper() and not title(prev):
            return None
    # the holder's name alone: the role's capitalised words are not the
    # name ("DNC" is not Ed Rendell)
    return " ".join(words[k + 1 :] if of_capital else words[k:])


def head_phrase(source: str) -> str:
    """A Source up to its first comma, dash, parenthesis or preposition: the phrase
    whose last word is its head ("Jean-Marc Ayrault, the foreign minister of
    France" → "Jean-Marc Ayrault"; "a spokesman for the campaign" → "a spokesman"),
    but after a role with a preposition or "and" in it, its holder's name (see
    `role_and_name`: "former secretary of state Hillary Clinton" → "Hillary
    Clinton")."""
    named = role_and_name(source)
    if named:
        return named
    m = HEAD_END.search(" " + source + " ")
    return (" " + source)[: m.start()].strip() if m and m.start() > 0 else source.strip()


def source_kind(source: str) -> str:
    """name | pronoun | description, by the words of a gold Source:
    a pronoun alone (he, she, they, it, we, I, …); a name when the last word of
    its head phrase (see `head_phrase`) starts with a capital letter ("The New
    York Post", "Democratic nominee Hillary Clinton", "panel Chairman Jason
    Chaffetz (R-Utah)", "Trump"); otherwise a description ("the source", "a
    spokesman for the Clinton campaign", "the California congressman",
    "officials")."""
    words = _words(source)
    if not words:
        return "description"
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    head = _words(head_phrase(source)) or words
    # a time after the head is no name ("A campaign TV ad released Thursday")
    head = without_times(head) or head
    return "name" if head[-1][:1].isupper() else "description"


TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "year", "week", "month", "time", "today", "yesterday", "tonight",
}
TIME_MODIFIERS = {"last", "this", "next", "that", "earlier", "later", "early", "late"}


def without_times(words: list[str]) -> list[str]:
    """The words less each time expression after the head: a weekday, a
    month (not "May"), a year in digits or "year", "week", "month", "time",
    "today", … with up to two words before it such as "last", "earlier
    this" ("a study last year by economists", "a report released earlier
    this year", "A campaign TV ad released Thursday"), when it ends the
    phrase or comes before a preposition or another time word; one that
    modifies a noun stays ("voters in the Tuesday primary", "a 2013
    article"), and so does a preposition before it."""

    def is_time(w: str) -> bool:
        low = w.lower()
        return low in TIME_WORDS or (low.isdigit() and len(low) == 4)

    out: list[str] = []
    for i, w in enumerate(words):
        nxt = words[i + 1].lower() if i + 1 < len(words) else None
        if is_time(w) and (nxt is None or nxt in PREPOSITIONS or is_time(nxt) or nxt.isdigit()):
            k = 0
            while k < 2 and out and out[-1].lower() in TIME_MODIFIERS:
                out.pop()
                k += 1
            continue
        out.append(w)
    return out


def _owned(words: list[str]) -> list[str]:
    """Words less the possessives before another word: "Clinton’s top aide
    Jake Sullivan" is Sullivan, not Clinton ("Rubio’s" alone is Rubio)."""
    return [w for i, w in enumerate(words) if i == len(words) - 1 or not w.lower().endswith(("'s", "’s"))]


def name_words(source: str) -> list[str]:
    """The capitalised words of a Source's head phrase, normalised (titles,
    determiners and a possessive before another word out)."""
    out = []
    for w in _owned(_words(head_phrase(source))):
        n = _norm_word(w)
        if w[:1].isupper() and n and n not in TITLE_WORDS and n not in DETERMINERS:
            out.append(n)
    return out


def visible(text: str) -> str:
    """The text in NFC without control characters (C0 and C1), as the
    normaliser writes the document text a predicted speaker is read from;
    a gold Source is compared in this form, not as the source file writes
    it (PolNeAR's double-encoded, decomposed "FranA\u0303\x83A\u0302§ois",
    a name the normaliser writes "FranÃÂ§ois")."""
    return "".join(c for c in unicodedata.normalize("NFC", text) if unicodedata.category(c) != "Cc")


def names_match(gold_source: str, predicted: str | None) -> bool:
    """Whether a predicted speaker names the gold Source: lower case, accents,
    punctuation and a possessive 's dropped, titles (Mr, Dr, Sen., …) ignored,
    they match when the last word of the gold name (the capitalised words of its
    head phrase) is a word of the prediction, or the prediction's last word is
    a word of the gold name ("Conway" ~ "Kellyanne Conway", "The New York Post"
    ~ "New York Post", "Bill Clinton" ~ "Clinton", "Jean-Marc Ayrault, the
    foreign minister of France" ~ "Ayrault"), except that two full names with
    the same surname must share a given name, initials and particles aside
    ("Bill Clinton" is not "Hillary Clinton"; "Donald J. Trump" is "Donald
    Trump", "Hillary Rodham Clinton" is "Hillary Clinton", "Pierre de Vos"
    is "Pierre de Vos"). A rank is a title ("Admiral Harris" ~ "Harry B.
    Harris"), and a curly possessive is dropped like a straight one
    ("Rubio’s" ~ "Marco Rubio")."""
    if not predicted:
        return False
    g = name_words(gold_source) or [_norm_word(w) for w in _owned(_words(gold_source))]
    p = [_norm_word(w) for w in _words(predicted)]
    p = [w for w in p if w and w not in TITLE_WORDS]
    if not g or not p:
        return False
    if g[-1] == p[-1] and len(g) > 1 and len(p) > 1:
        # same surname: the given names (initials aside) must not differ ("Bill Clinton" is not "Hillary Clinton")
        # a given name in common, particles aside ("Pierre de Vos", "Hillary Rodham Clinton" ~ "Hillary Clinton")
        gg = {w for w in g[:-1] if len(w) > 1 and w not in PARTICLES}
        pg = {w for w in p[:-1] if len(w) > 1 and w not in PARTICLES}
        return not (gg and pg and not gg & pg)
    return g[-1] in p or p[-1] in g


def apposed_name_match(gold_source: str, predicted: str | None) -> bool:
    """A description Source that names its person in an apposition ("Her
    campaign manager, Robby Mook,", "the F.B.I. director, James B. Comey,")
    matches a predicted speaker that names that person (see `names_match`):
    some part of it between commas or dashes ("Jason Sims — a teacher from
    Mount Pleasant —") is itself a name Source."""
    parts = [p.strip() for p in re.split(r",|—|\s–\s", gold_source)]
    return any(p and source_kind(p) == "name" and names_match(p, predicted) for p in parts)


CLAUSE_END = re.compile(r"[,(;:—]|\s–\s|\s(?:who|whose|which|that)\s", re.IGNORECASE)


def description_match(gold_source: str, predicted: str | None) -> bool:
    """A description Source ("a source", "the campaign") matches an anonymous
    predicted speaker when its head noun (plural or not; see
    `description_head`) is a word of the prediction. An apposition or a
    clause after a comma or a relative pronoun is not part of the phrase
    ("the designer, who works for another brand at G-III": designer; "a
    strategist for one of these candidates, speaking on the condition of
    anonymity": strategist)."""
    if not predicted:
        return False
    m = CLAUSE_END.search(" " + gold_source + " ")
    if m and m.start() > 1:
        gold_source = (" " + gold_source)[: m.start()]
    g = [_norm_word(w) for w in _words(gold_source)]
    p = {_norm_word(w) for w in _words(predicted)}
    if not g:
        return False
    head = description_head(g)
    return head in p or head.rstrip("s") in {w.rstrip("s") for w in p}


PREPOSITIONS = {"of", "for", "in", "at", "with", "from", "on", "to", "by", "about"}
# Words before "of" or "in" that count or pick from the noun after them:
# "one of the attendees", "four in 10 voters", "40 percent of voters".
QUANTIFIERS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "some", "many", "most", "several", "all", "none", "few", "each", "any", "both",
    "half", "dozens", "hundreds", "thousands", "majority", "percent",
}
# Adjectives that follow their noun before a preposition: "people familiar
# with the matter", "sources close to the campaign" (participles in -ed
# too: "a person briefed on the talks").
POSTNOMINAL = {
    "familiar", "close", "knowledgeable", "loyal", "opposed", "responsible", "sympathetic",
    "critical", "hostile", "friendly", "aligned", "allied", "working",
}
PRONOUN_OBJECTS = {"them", "us", "you", "those", "these", "whom"}


def _participle(w: str) -> bool:
    """A word shaped like a past participle: in -ed, five letters or more."""
    return w.endswith("ed") and len(w) > 4


def description_head(words: list[str]) -> str:
    """The head noun of a description's words (normalised, lower case): the
    word before its first preposition ("a Wednesday editorial in The Des
    Moines Register": editorial; "a spokesman for the Taliban": spokesman),
    less an adjective or participle after the noun ("people familiar with
    the matter", "a person briefed on the talks": people, person); past a
    count or a pick before "of" or "in" ("one of the attendees", "four in
    10 South Carolina voters", "40 percent of voters": the noun after it,
    but "two of them" is two); else its last word."""
    words = without_times(words) or words
    # a participle after the noun ("a report released", "the order issued";
    # not after a determiner: "those surveyed")
    last_participle = len(words) >= 2 and _participle(words[-1]) and words[-2] not in DETERMINERS
    if last_participle and not any(w in PREPOSITIONS for w in words):
        return words[-2]
    for i in range(1, len(words)):
        if words[i] in PREPOSITIONS:
            before = words[i - 1]
            counted = words[i] in ("of", "in") and (before in QUANTIFIERS or before.isdigit())
            pronoun = words[i + 1 :] and words[i + 1] in PRONOUN_OBJECTS and i + 2 == len(words)
            if counted and i + 1 < len(words) and not pronoun:
                return description_head(words[i + 1 :])
            if i >= 2 and (before in POSTNOMINAL or _participle(before)):
                return words[i - 2]
            return before
    return words[-1]


# ---------------------------------------------------------------- quotes

OPEN = {"“": "”", '"': '"', "«": "»", "``": "''"}


def double_quoted(text: str) -> list[tuple[int, int]]:
    """The double-quoted stretches of a text, marks excluded, in code points:
    “…”, "…" (straight marks alternate open/close within a paragraph) and
    ``…''. A quote continued over paragraphs (an opening mark on each, the
    closing one on the last) gives one stretch per paragraph; a mark left open
    at the end of the text gives nothing."""
    spans: list[tuple[int, int]] = []
    for para_start, para in _paragraphs(text):
        i = 0
        open_at: int | None = None
        closer = ""
        n = len(para)
        while i < n:
            two = para[i : i + 2]
            ch = para[i]
            if open_at is None:
                if two in ("``", "''"):
                    # ``…'' (TimeML, PTB) and ''…'' (two apostrophes for a double mark)
                    open_at, closer, i = i + 2, "''", i + 2
                    continue
                if ch in ("“", '"', "«"):
                    open_at, closer = i + 1, OPEN[ch]
                i += 1
                continue
            if para.startswith(closer, i):
                if i > open_at:
                    spans.append((para_start + open_at, para_start + i))
                i += len(closer)
                open_at = None
                continue
            i += 1
        if open_at is not None and open_at < n:
            # continued in the next paragraph (or never closed): the rest of this one
            nxt = text[para_start + n :].lstrip()
            if nxt[:1] in ("“", '"') or nxt[:2] in ("``", "''"):
                spans.append((para_start + open_at, para_start + len(para.rstrip())))
    return spans


def _paragraphs(text: str):
    """(start, paragraph) for each line of the text."""
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def quote_pattern(quote: tuple[int, int], source: tuple[int, int] | None, cue: tuple[int, int] | None, text: str) -> str:
    """The shape of a gold attribution around one of its quotes, from the
    positions of Source and Cue: "Q, said X", "Q, X said", "X said: Q",
    "according to X, Q", "X said (that) … Q" (the quote in the same sentence,
    after the cue), "X said. Q (a later sentence)" (a quote continued after its
    attribution), "source in another paragraph", "source inside quote",
    "no source"."""
    if source is None:
        return "no source"
    lo, hi = min(quote[0], source[0]), max(quote[1], source[1])
    if "\n" in text[lo:hi]:
        return "source in another paragraph"
    cue_text = text[cue[0] : cue[1]].lower() if cue else ""
    if "according" in cue_text:
        return "according to X, Q"
    if source[0] >= quote[1]:
        if cue and cue[0] < source[0]:
            return "Q, said X"
        return "Q, X said"
    if source[1] <= quote[0]:
        between = text[max(source[1], cue[1] if cue and cue[1] <= quote[0] else 0) : quote[0]]
        if ":" in between or cue_text.rstrip().endswith(":"):
            return "X said: Q"
        if re.search(r"[.!?][\"”’']*\s", between):
            return "X said. Q (a later sentence)"
        return "X said (that) … Q"
    return "source inside quote"

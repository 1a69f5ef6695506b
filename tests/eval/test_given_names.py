"""`make given-names`' learner on sentences written here, and the shipped
table's shape (no dev data)."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval"))

from given_names import FEMALE, MALE, SHARE, MIN_DOCS, mention_gender  # noqa: E402


@pytest.mark.parametrize(
    "before, after, want",
    [
        ("said Mr. ", " on Tuesday.", MALE),
        ("Mrs. ", " spoke.", FEMALE),
        ("Ms. ", " left.", FEMALE),
        ("", " said she would run.", FEMALE),
        ("", " said that he would win.", MALE),
        ("", " told reporters she would stay.", FEMALE),
        ("", " said on Monday that he would stay.", MALE),
        # A possessive, an object, another name: nothing.
        ("", " said his plan works.", None),
        ("", " praised her at length.", None),
        ("", " told Trump he would lose.", None),
        ("", " left early. He said", None),
        # "Mr" inside a word is no title.
        ("Amr ", " said he would stay.", MALE),
        ("Amr", " spoke.", None),
    ],
)
def test_the_gender_a_mention_shows(before, after, want):
    assert mention_gender(before, after) == want


def test_the_shipped_table_is_what_the_learner_keeps():
    path = ROOT / "crates/normaliser/data/en/given_names.txt"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert rows, "the table has names"
    names = [r[0] for r in rows]
    assert names == sorted(names) and len(set(names)) == len(names)
    for name, g, m, f in rows:
        m, f = int(m), int(f)
        assert name[:1].isupper() and " " not in name
        assert m + f >= MIN_DOCS and max(m, f) >= SHARE * (m + f), name
        assert g == (MALE if m > f else FEMALE), name

"""`make given-names`: learn the gender of given names from the training
splits, for the speakers' pronouns (he and she agree with the person).

Through the product as `make eval` runs it: CoNLL-2003 train and PolNeAR
train become corpus folders under target/eval/ and `corpus build` exports
them. For each document and each person it names with two words or more
("Hillary Clinton", not "Clinton"), the document shows a gender where one
of its mentions does: a title right before it ("Mr.", "Mrs.", "Ms."), or
a reporting verb right after it, then he or she ("Clinton said she would
…", "Trump told reporters that he …"). A document whose mentions
disagree shows nothing. Each such document is one vote for
the person's first name ("Hillary"). A name is kept when at least
MIN_DOCS documents voted and at least SHARE of them agree.

    python eval/given_names.py --data DEV_DATA --bin target/release/corpus \
        --out crates/normaliser/data/en/given_names.txt

Deterministic: the same data and binary give the same file.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyarrow.parquet as pq  # noqa: E402

from run import build  # noqa: E402

MIN_DOCS = 2
SHARE = 0.9
MALE, FEMALE = "m", "f"
SAID_PRONOUN = re.compile(
    r"\s+(?:\w+ly\s+)?(?:said|says|told\s+[a-z]+|added|wrote|writes|argued|insisted|noted|explained)"
    r"(?:\s+(?:on|in)\s+\w+)?,?\s+(?:that\s+)?(he|she)\b"
)
# A title is no given name ("Gen. Joseph Votel" is Joseph); neither is an
# initial or a word with no lower-case letter.
GIVEN = re.compile(r"^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$")


def mention_gender(before: str, after: str) -> str | None:
    """The gender one mention shows: a title right before it (`before`
    ends where the name starts), or a reporting verb right after it and
    then he or she ("Clinton said she …", "Trump told reporters he …")."""
    t = before.rstrip()
    if t.endswith(("Mr.", " Mr")) or t == "Mr":
        return MALE
    if t.endswith(("Mrs.", "Ms.", " Mrs", " Ms")) or t in ("Mrs", "Ms"):
        return FEMALE
    m = SAID_PRONOUN.match(after)
    if m:
        return MALE if m.group(1) == "he" else FEMALE
    return None


def votes(export: Path, titles: set[str]) -> Counter:
    """(given name, gender) → documents that show it."""
    texts = {r["doc_id"]: r["text"] for r in pq.read_table(export / "documents.parquet", columns=["doc_id", "text"]).to_pylist()}
    people = {
        r["actor_id"]: r["name"]
        for r in pq.read_table(export / "actors.parquet", columns=["actor_id", "name", "type"]).to_pylist()
        if r["type"] == "person"
    }
    shown: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in pq.read_table(export / "mentions.parquet", columns=["doc_id", "actor_id", "surface", "start", "end"]).to_pylist():
        name = people.get(m["actor_id"])
        if name is None:
            continue
        text = texts[m["doc_id"]]
        g = mention_gender(text[max(0, m["start"] - 6) : m["start"]], text[m["end"] : m["end"] + 150])
        if g:
            shown[(m["doc_id"], m["actor_id"])].add(g)
    # One vote per document for a name and a gender, however many people
    # of that name it shows.
    voted: set[tuple[str, str, str]] = set()
    for (doc, actor), genders in sorted(shown.items()):
        words = people[actor].split()
        if len(genders) != 1 or len(words) < 2:
            continue
        first = words[0]
        if GIVEN.match(first) and first.lower() not in titles:
            voted.add((doc, first, next(iter(genders))))
    return Counter((first, g) for _, first, g in voted)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="the dev data folder (DEV_DATA)")
    ap.add_argument("--bin", type=Path, default=Path("target/release/corpus"))
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        sys.exit(f"given_names: the dev data folder '{args.data}' is missing: set DEV_DATA=/path/to/dev")
    args.split = "train"
    args.out_file, args.out = args.out, Path("target/eval")
    root = Path(__file__).resolve().parent.parent / "crates/normaliser/data/en"
    titles = {
        w.strip().rstrip(".").lower()
        for f in ("titles.txt", "speaker_role_words.txt", "roles.txt")
        for w in (root / f).read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    }
    total: Counter = Counter()
    for task in ("names", "quotes"):
        _, export, _, _ = build(args, task)
        total += votes(export, titles)
    names = sorted({n for n, _ in total})
    kept = []
    for n in names:
        m, f = total[(n, MALE)], total[(n, FEMALE)]
        if m + f >= MIN_DOCS and max(m, f) >= SHARE * (m + f):
            kept.append((n, MALE if m > f else FEMALE, m, f))
    lines = [
        "# Given names and the gender the training texts show for them, learned by",
        "# `make given-names` (eval/given_names.py) from CoNLL-2003 train and",
        "# PolNeAR train: a document votes for a person's first name when its",
        "# mentions show one gender (Mr./Mrs./Ms. before one, or \"said he\", \"told",
        f"# reporters she\" after one). Kept: at least {MIN_DOCS} documents, at least {SHARE:.0%} agreeing.",
        "# Read by extract/quotes/source/pronouns.rs: a he or she does not go to a",
        "# person whose given name shows the other gender, unless the document",
        "# itself shows theirs. Columns: name, m or f, documents for m, for f.",
        f"# {len(kept)} names ({sum(1 for k in kept if k[1] == MALE)} m, {sum(1 for k in kept if k[1] == FEMALE)} f) of {len(names)} seen.",
    ]
    lines += [f"{n}\t{g}\t{m}\t{f}" for n, g, m, f in kept]
    args.out_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"given_names: {len(kept)} names of {len(names)} seen → {args.out_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

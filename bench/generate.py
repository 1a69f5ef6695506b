#!/usr/bin/env python3
"""Generate a scaled benchmark corpus from the bundled one.

Writes N copies of every bundled document into OUT/documents/, each with a
distinct id and lightly varied text (two sentences swapped in every
paragraph long enough to have them, a counter word appended to the title
line), so nothing is trivially cached, plus OUT/catalog.toml and a copy of
the gazetteer. N is chosen to reach the target size.

    python3 bench/generate.py --out bench-data/corpus --mb 150
"""

import argparse
import os
import random
import re
import shutil
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def vary(text: str, rng: random.Random, copy: int) -> str:
    out = []
    for line in text.split("\n"):
        parts = SENTENCE.split(line)
        if len(parts) >= 3:
            i = rng.randrange(len(parts) - 1)
            parts[i], parts[i + 1] = parts[i + 1], parts[i]
            line = " ".join(parts)
        out.append(line)
    return "\n".join(out) + f"\n\nBenchmark copy {copy}.\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(ROOT, "corpus"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, default=150.0, help="target size in MB (10^6 bytes)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    with open(os.path.join(args.corpus, "catalog.toml"), "rb") as f:
        catalog = tomllib.load(f)
    docs = catalog["document"]
    sources = {d["id"]: open(os.path.join(args.corpus, d["file"]), encoding="utf-8").read() for d in docs}
    per_round = sum(len(s.encode("utf-8")) for s in sources.values())
    copies = max(1, round(args.mb * 1e6 / per_round))

    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "documents"))
    rng = random.Random(args.seed)
    lines = ['[corpus]\nname = "benchmark"\ntitle = "Benchmark corpus"\n']
    for n in range(copies):
        for d in docs:
            doc_id = f"{d['id']}-{n:06d}"
            rel = f"documents/{doc_id}.txt"
            with open(os.path.join(args.out, rel), "w", encoding="utf-8", newline="") as f:
                f.write(vary(sources[d["id"]], rng, n))
            entry = [f'[[document]]\nid = "{doc_id}"\nfile = "{rel}"']
            for key in ("title", "publisher", "published", "published_precision", "genre", "language"):
                if key in d:
                    entry.append(f"{key} = {toml_value(d[key])}")
            if d.get("authors"):
                entry.append("authors = [" + ", ".join(toml_value(a) for a in d["authors"]) + "]")
            lines.append("\n".join(entry) + "\n")
    with open(os.path.join(args.out, "catalog.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    gazetteer = os.path.join(args.corpus, "actors.toml")
    if os.path.exists(gazetteer):
        shutil.copy(gazetteer, os.path.join(args.out, "actors.toml"))
    total = sum(os.path.getsize(os.path.join(args.out, "documents", f)) for f in os.listdir(os.path.join(args.out, "documents")))
    print(f"generated {copies * len(docs)} documents, {total / 1e6:.1f} MB in {args.out}")


def toml_value(v) -> str:
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return str(v)


if __name__ == "__main__":
    main()

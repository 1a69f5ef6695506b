#!/usr/bin/env python3
"""Size limits of the Rust sources (issue 17): no file in crates/*/src
has more than 600 lines of code before its test module, and no function
is longer than 80 lines.

A line of code is a line that is neither blank nor only a comment. A
function's length counts every line from its `fn` line to its closing
brace. The test module is the first `#[cfg(test)]` followed by `mod`.

    python3 scripts/sizes.py [--exempt crates/parser] [--top N]

Exit status 1 if a limit is exceeded (files under an exempt folder are
listed but do not fail).
"""
import argparse
import pathlib
import re
import sys

MAX_FILE = 600
MAX_FN = 80
FN = re.compile(r"^(\s*)(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?(?:unsafe\s+)?fn\s+(\w+)")


def code_before_tests(lines):
    n = 0
    for i, line in enumerate(lines):
        s = line.strip()
        if s.startswith("#[cfg(test)]") and i + 1 < len(lines) and re.match(r"\s*(pub\s+)?mod\s+\w+", lines[i + 1]):
            break
        if s and not s.startswith("//"):
            n += 1
    return n


def functions(lines):
    """(name, first line, length) of every fn with a body."""
    out = []
    for i, line in enumerate(lines):
        m = FN.match(line)
        if not m:
            continue
        indent = m.group(1)
        # the body closes with a line `indent}` (rustfmt's layout)
        for j in range(i, len(lines)):
            if lines[j].rstrip().endswith(";") and "{" not in "".join(lines[i : j + 1]):
                break  # a declaration without a body
            if lines[j] == indent + "}" or (j == i and line.rstrip().endswith("}")):
                out.append((m.group(2), i + 1, j - i + 1))
                break
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exempt", action="append", default=[])
    ap.add_argument("--top", type=int, default=0)
    args = ap.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent
    failed = False
    rows = []
    for path in sorted(root.glob("crates/*/src/**/*.rs")) + sorted(root.glob("crates/cli/*.rs")):
        rel = path.relative_to(root).as_posix()
        exempt = any(rel.startswith(e.rstrip("/") + "/") for e in args.exempt)
        lines = path.read_text(encoding="utf-8").split("\n")
        # a `tests.rs` is a test module of its own (`#[cfg(test)] mod tests;`)
        code = 0 if path.name == "tests.rs" else code_before_tests(lines)
        rows.append((code, rel))
        if code > MAX_FILE:
            print(f"{rel}: {code} lines of code before its tests (limit {MAX_FILE}){' [exempt]' if exempt else ''}")
            failed |= not exempt
        for name, at, n in functions(lines):
            if n > MAX_FN:
                print(f"{rel}:{at}: fn {name} has {n} lines (limit {MAX_FN}){' [exempt]' if exempt else ''}")
                failed |= not exempt
    for code, rel in sorted(rows, reverse=True)[: args.top]:
        print(f"{code:6} {rel}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

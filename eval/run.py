"""`make eval`: score the product's extraction on the public dev corpora.

Through the product as a user runs it: each corpus becomes a corpus folder
(catalog.toml, documents/*.txt, an empty actors.toml) under target/eval/,
`corpus build` exports it, and the Parquet tables are aligned with the gold
annotations by byte offsets into the source files.

    python eval/run.py [--split dev|train] [--task names|quotes|dates|all] [--errors]

Prints one table, writes target/eval/scores.json (and with --errors
target/eval/errors/*.jsonl).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import json
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyarrow.parquet as pq  # noqa: E402

from corpora import BUILDERS, write_corpus  # noqa: E402
from scoring import (  # noqa: E402
    apposed_name_match,
    best_match,
    date_scope,
    description_match,
    match_spans,
    names_match,
    normalise_value,
    prf,
    score_spans,
    SpanTally,
    timeml_value,
    trim_span,
)

TYPES = {"person": "PER", "organization": "ORG"}


# ---------------------------------------------------------------- plumbing


def build(args, task: str) -> tuple[Path, Path, dict, float]:
    """Write the corpus folder of a task, export it; (folder, export, gold, seconds)."""
    name, builder = BUILDERS[task]
    split = args.split if task != "dates" else "tbaq"
    folder = args.out / f"{name}-{split}"
    export = args.out / f"{name}-{split}-export"
    docs, gold = builder(args.data, args.split)
    write_corpus(folder, f"eval-{name}-{split}", docs, gold)
    t0 = time.monotonic()
    cmd = [str(args.bin), "build", "--quiet", "--corpus", str(folder), "--out", str(export)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"eval: `{' '.join(cmd)}` failed (exit {res.returncode}):\n{res.stderr}")
    return folder, export, gold, time.monotonic() - t0


def table(export: Path, name: str) -> list[dict]:
    return pq.read_table(export / f"{name}.parquet").to_pylist()


class Sources:
    """The source files written, read once, for context sentences."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.cache: dict[str, bytes] = {}

    def raw(self, doc: str) -> bytes:
        if doc not in self.cache:
            self.cache[doc] = (self.folder / "documents" / f"{doc}.txt").read_bytes()
        return self.cache[doc]

    def context(self, doc: str, start: int, end: int, width: int = 300) -> str:
        """The sentence(s) around a byte span, the span marked ⟦…⟧, on one line."""
        raw = self.raw(doc)
        para_lo = raw.rfind(b"\n", 0, start) + 1
        para_hi = raw.find(b"\n", end)
        para_hi = len(raw) if para_hi < 0 else para_hi
        before = raw[para_lo:start].decode("utf-8", "replace")
        after = raw[end:para_hi].decode("utf-8", "replace")
        m = list(re.finditer(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z0-9])", before))
        if m:
            before = before[m[-1].end() :]
        m2 = re.search(r"[.!?][\"”’']?(?=\s+[\"“‘']?[A-Z0-9])", after)
        if m2:
            after = after[: m2.end()]
        span = raw[start:end].decode("utf-8", "replace")
        return (before[-width:] + "⟦" + span + "⟧" + after[:width]).replace("\n", " ")


def write_errors(args, task: str, rows: list[dict]) -> Path:
    path = args.out / "errors" / f"{task}-{args.split if task != 'dates' else 'tbaq'}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    rows.sort(key=lambda r: (r["doc"], r["start"], r["end"], r["error"]))
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


# ---------------------------------------------------------------- names


class Segments:
    """Which kind of segment (paragraph, heading, title …) a source byte is in."""

    def __init__(self, export: Path):
        self.by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for r in table(export, "segments"):
            self.by_doc[r["doc_id"]].append((r["source_start"], r["source_end"], r["kind"]))
        for v in self.by_doc.values():
            v.sort()

    def kind(self, doc: str, byte: int) -> str:
        segs = self.by_doc.get(doc, [])
        k = bisect.bisect_right(segs, (byte, float("inf"), "")) - 1
        return segs[k][2] if k >= 0 and segs[k][0] <= byte < segs[k][1] else "none"


def eval_names(args) -> dict:
    folder, export, gold, secs = build(args, "names")
    actors = {a["actor_id"]: a for a in table(export, "actors")}
    segments = Segments(export)
    pred: dict[str, list[dict]] = defaultdict(list)
    for m in table(export, "mentions"):
        a = actors.get(m["actor_id"], {})
        pred[m["doc_id"]].append(
            {"start": m["source_start"], "end": m["source_end"], "type": TYPES.get(a.get("type"), "?"), "surface": m["surface"], "actor": a.get("name")}
        )
    docs = sorted(set(gold) | set(pred))
    mentions = {d: gold.get(d, {}).get("mentions", []) for d in docs}
    news = [d for d in docs if not gold.get(d, {}).get("sports")]

    def spans(items, keep=lambda x: True):
        return [(x["start"], x["end"]) for x in items if keep(x)]

    person_org = lambda g: g["type"] in ("PER", "ORG")  # noqa: E731
    out = {"documents": len(docs), "news documents (no sports)": len(news), "_build_seconds": secs}
    for mode in ("exact", "overlap"):
        out[f"PER+ORG {mode}"] = score_spans({d: spans(mentions[d], person_org) for d in docs}, {d: spans(pred.get(d, [])) for d in docs}, mode)
        for t in ("PER", "ORG"):
            gt = {d: spans(mentions[d], lambda g, t=t: g["type"] == t) for d in docs}
            pt = {d: spans(pred.get(d, []), lambda p, t=t: p["type"] == t) for d in docs}
            out[f"{t} {mode}"] = score_spans(gt, pt, mode)
    out["PER+ORG overlap, news only"] = score_spans({d: spans(mentions[d], person_org) for d in news}, {d: spans(pred.get(d, [])) for d in news}, "overlap")
    # type accuracy: each gold PER/ORG with an overlapping prediction, typed by the best one;
    # recall by the kind of segment the gold mention is in
    right = total = 0
    by_segment: dict[str, Counter] = defaultdict(Counter)
    errors = []
    src = Sources(folder)
    for d in docs:
        gl = [g for g in mentions[d] if person_org(g)]
        pl = pred.get(d, [])
        gs, ps = spans(gl), spans(pl)
        p_of_g, g_of_p = match_spans(gs, ps, "overlap")
        sports = bool(gold.get(d, {}).get("sports"))
        for i, g in enumerate(gl):
            seg = segments.kind(d, g["start"])
            by_segment[seg]["gold"] += 1
            j = best_match(gs[i], ps, p_of_g[i])
            base = {"doc": d, "start": g["start"], "end": g["end"], "gold": g["text"], "gold_type": g["type"], "segment": seg, "sports": sports}
            if j is None:
                if args.errors:
                    errors.append({"error": "miss", **base, "context": src.context(d, g["start"], g["end"])})
                continue
            by_segment[seg]["found"] += 1
            total += 1
            p = pl[j]
            right += p["type"] == g["type"]
            kind = "wrong_type" if p["type"] != g["type"] else "span" if (p["start"], p["end"]) != gs[i] else None
            if args.errors and kind:
                errors.append({"error": kind, **base, "pred": p["surface"], "pred_type": p["type"], "actor": p["actor"], "context": src.context(d, g["start"], g["end"])})
        if args.errors:
            other = [(g["start"], g["end"], g["type"]) for g in mentions[d] if not person_org(g)]
            for j, p in enumerate(pl):
                if g_of_p[j]:
                    continue
                hit = [t for s, e, t in other if s < p["end"] and p["start"] < e]
                errors.append({"error": "false_positive", "doc": d, "start": p["start"], "end": p["end"], "pred": p["surface"], "pred_type": p["type"], "actor": p["actor"], "gold_type": hit[0] if hit else None, "segment": segments.kind(d, p["start"]), "sports": sports, "context": src.context(d, p["start"], p["end"])})
    out["type accuracy"] = {"accuracy": right / total if total else None, "matched": total}
    out["overlap recall by segment kind"] = {k: {"gold": c["gold"], "recall": c["found"] / c["gold"]} for k, c in sorted(by_segment.items(), key=lambda kv: -kv[1]["gold"])}
    if args.errors:
        out["errors_file"] = str(write_errors(args, "names", errors))
    return out


# ---------------------------------------------------------------- quotes


def speaker_verdict(q: dict, pred: dict, named_sources: list[list], strict: bool = False) -> str:
    """right | wrong | unattributed for a matched gold quote (see README).
    `strict`: a pronoun or description is credited only to the nearest named
    Source before it, not to any earlier one the prediction names."""
    if pred["speaker_kind"] == "unattributed" or not pred["speaker"]:
        return "unattributed"
    kind, source, speaker = q["kind"], q["source"], pred["speaker"]
    # a relative "who" stands for the name right before it ("Sanders, who says …")
    if kind == "pronoun" and q.get("antecedent") and pred["speaker_kind"] == "named" and names_match(q["antecedent"], speaker):
        return "right"
    if kind == "name":
        return "right" if names_match(source, speaker) else "wrong"
    if kind == "description" and pred["speaker_kind"] == "anonymous" and description_match(source, speaker):
        return "right"
    if kind == "description" and pred["speaker_kind"] == "named" and apposed_name_match(source, speaker):
        return "right"
    if pred["speaker_kind"] == "named":
        # credited to a named antecedent: the nearest named Source before this one that the prediction names
        for start, name in reversed(named_sources):
            if start < q["source_start"]:
                if names_match(name, speaker):
                    return "right"
                if strict:
                    break
    return "wrong"


def eval_quotes(args) -> dict:
    folder, export, gold, secs = build(args, "quotes")
    pred: dict[str, list[dict]] = defaultdict(list)
    for r in table(export, "quotes"):
        pred[r["doc_id"]].append(r)
    docs = sorted(set(gold) | set(pred))
    src = Sources(folder)
    tally = SpanTally()
    exact = {"g": {}, "p": {}}
    verdicts: Counter = Counter()
    by_kind: dict[str, Counter] = defaultdict(Counter)
    by_pattern: dict[str, Counter] = defaultdict(Counter)
    errors = []
    strict_right = 0
    by_length: dict[str, Counter] = defaultdict(Counter)
    for d in docs:
        gq = gold.get(d, {}).get("quotes", [])
        named = gold.get(d, {}).get("sources", [])
        pl = pred.get(d, [])
        gs = [(q["start"], q["end"]) for q in gq]
        ps = [(p["source_start"], p["source_end"]) for p in pl]
        raw = src.raw(d)
        exact["g"][d] = [trim_span(raw, x) for x in gs]
        exact["p"][d] = [trim_span(raw, x) for x in ps]
        p_of_g, g_of_p = tally.add(gs, ps, "overlap")
        for i, q in enumerate(gq):
            j = best_match(gs[i], ps, p_of_g[i])
            size = "1-3 words" if len(q["text"].split()) <= 3 else "4+ words"
            by_length[size]["gold"] += 1
            by_length[size]["found"] += j is not None
            if j is None:
                if args.errors:
                    errors.append({"error": "miss", "doc": d, "start": q["start"], "end": q["end"], "gold": q["text"], "gold_speaker": q["source"], "gold_kind": q["kind"], "pattern": q["pattern"], "context": src.context(d, q["start"], q["end"])})
                continue
            p = pl[j]
            v = speaker_verdict(q, p, named) if q["kind"] != "none" else "no gold source"
            verdicts[v] += 1
            strict_right += v == "right" and (q["kind"] == "name" or speaker_verdict(q, p, named, strict=True) == "right")
            by_kind[q["kind"]][v] += 1
            by_pattern[q["pattern"]][v] += 1
            if args.errors and v in ("wrong", "unattributed"):
                errors.append({"error": f"speaker_{v}", "doc": d, "start": q["start"], "end": q["end"], "gold": q["text"], "gold_speaker": q["source"], "gold_kind": q["kind"], "pattern": q["pattern"], "pred_speaker": p["speaker"], "pred_kind": p["speaker_kind"], "pred_cue": p["cue"], "context": src.context(d, q["start"], q["end"])})
        if args.errors:
            for j, p in enumerate(pl):
                if not g_of_p[j]:
                    errors.append({"error": "false_positive", "doc": d, "start": p["source_start"], "end": p["source_end"], "pred": p["text"], "pred_speaker": p["speaker"], "pred_kind": p["speaker_kind"], "mark": p["mark"], "context": src.context(d, p["source_start"], p["source_end"])})
    attributed_gold = sum(n for v, n in verdicts.items() if v != "no gold source")
    matched = sum(verdicts.values())

    def share(c: Counter) -> dict:
        n = sum(n for v, n in c.items() if v != "no gold source")
        return {"matched": n, "speaker_accuracy": c["right"] / n if n else None, "unattributed": c["unattributed"] / n if n else None}

    out = {
        "documents": len(docs),
        "_build_seconds": secs,
        "quotes overlap": tally.scores(),
        "quotes exact (trimmed)": score_spans(exact["g"], exact["p"], "exact"),
        "speaker accuracy": verdicts["right"] / attributed_gold if attributed_gold else None,
        "speaker accuracy, nearest antecedent only": strict_right / attributed_gold if attributed_gold else None,
        "unattributed share": verdicts["unattributed"] / matched if matched else None,
        "matched": matched,
        "matched without gold source": verdicts["no gold source"],
        "recall by quote length": {k: {"gold": c["gold"], "recall": c["found"] / c["gold"]} for k, c in sorted(by_length.items())},
        "by source kind": {k: share(c) for k, c in sorted(by_kind.items()) if k != "none"},
        "by pattern": {k: share(c) for k, c in sorted(by_pattern.items(), key=lambda kv: -sum(kv[1].values())) if k != "no source"},
    }
    if args.errors:
        out["errors_file"] = str(write_errors(args, "quotes", errors))
    return out


# ---------------------------------------------------------------- dates


def locate_date(raw: bytes, ev: dict) -> tuple[int, int, bool]:
    """The byte span of an event's date expression in the source: the events
    table gives the sentence's source bytes and the expression's code points in
    documents.text; the expression is searched in the sentence's source (white
    space may differ), the occurrence nearest its place in the clean sentence.
    (start, end, found); not found: estimated from the code point offset."""
    ss, se = ev["source_start"], ev["source_end"]
    sentence = raw[ss:se].decode("utf-8", "replace")
    want = ev["date_text_start"] - ev["start"]
    words = ev["date_text"].split()
    pattern = r"\s+".join(re.escape(w) for w in words)
    hits = list(re.finditer(pattern, sentence)) if words else []
    if hits:
        m = min(hits, key=lambda m: abs(m.start() - want))
        a = ss + len(sentence[: m.start()].encode("utf-8"))
        return a, a + len(sentence[m.start() : m.end()].encode("utf-8")), True
    a = ss + len(sentence[:want].encode("utf-8"))
    return a, a + len(ev["date_text"].encode("utf-8")), False


def eval_dates(args) -> dict:
    folder, export, gold, secs = build(args, "dates")
    src = Sources(folder)
    segments = Segments(export)
    by_segment: dict[str, Counter] = defaultdict(Counter)
    pred: dict[str, list[dict]] = defaultdict(list)
    not_located = 0
    for ev in table(export, "events"):
        a, b, found = locate_date(src.raw(ev["doc_id"]), ev)
        not_located += not found
        try:
            value = timeml_value(ev["date_start"], ev["date_end"], ev["precision"])
        except ValueError:  # a precision this eval does not know yet: never a right value
            value = f"?{ev['precision']}"
        pred[ev["doc_id"]].append({"start": a, "end": b, "value": value, "text": ev["date_text"], "precision": ev["precision"]})
    docs = sorted(set(gold) | set(pred))
    left_out: Counter = Counter()
    left_out_found: Counter = Counter()
    tally = SpanTally()
    value_tp = ignored = 0
    exact_g, exact_p = {}, {}
    errors = []
    for d in docs:
        all_g = gold.get(d, [])
        scored = [g for g in all_g if date_scope(g["type"], g["value"]) == "scored"]
        out_of_scope = [g for g in all_g if date_scope(g["type"], g["value"]) != "scored"]
        pl = pred.get(d, [])
        gs = [(g["start"], g["end"]) for g in scored]
        ps_all = [(p["start"], p["end"]) for p in pl]
        # a prediction on an expression left out of the scores (a duration, "now") is neither right nor wrong
        os_spans = [(g["start"], g["end"]) for g in out_of_scope]
        _, g_of_p_scored = match_spans(gs, ps_all, "overlap")
        _, g_of_p_out = match_spans(os_spans, ps_all, "overlap")
        keep = [j for j in range(len(pl)) if g_of_p_scored[j] or not g_of_p_out[j]]
        ignored += len(pl) - len(keep)
        for i, g in enumerate(out_of_scope):
            reason = date_scope(g["type"], g["value"])
            left_out[reason] += 1
            if any(g["start"] < pl[j]["end"] and pl[j]["start"] < g["end"] for j in range(len(pl))):
                left_out_found[reason] += 1
        pk = [pl[j] for j in keep]
        ps = [(p["start"], p["end"]) for p in pk]
        exact_g[d], exact_p[d] = gs, ps
        p_of_g, g_of_p = tally.add(gs, ps, "overlap")
        for i, g in enumerate(scored):
            j = best_match(gs[i], ps, p_of_g[i])
            gv = normalise_value(g["value"])
            seg = segments.kind(d, g["start"])
            by_segment[seg]["gold"] += 1
            if j is None:
                if args.errors:
                    errors.append({"error": "miss", "doc": d, "start": g["start"], "end": g["end"], "gold": g["text"], "gold_type": g["type"], "gold_value": g["value"], "segment": seg, "context": src.context(d, g["start"], g["end"])})
                continue
            by_segment[seg]["found"] += 1
            ok = pk[j]["value"] == gv
            value_tp += ok
            if args.errors and not ok:
                errors.append({"error": "wrong_value", "doc": d, "start": g["start"], "end": g["end"], "gold": g["text"], "gold_value": g["value"], "pred": pk[j]["text"], "pred_value": pk[j]["value"], "pred_precision": pk[j]["precision"], "context": src.context(d, g["start"], g["end"])})
        if args.errors:
            for j, p in enumerate(pk):
                if not g_of_p[j]:
                    errors.append({"error": "false_positive", "doc": d, "start": p["start"], "end": p["end"], "pred": p["text"], "pred_value": p["value"], "pred_precision": p["precision"], "context": src.context(d, p["start"], p["end"])})
    relaxed = tally.scores()
    out = {
        "documents": len(docs),
        "_build_seconds": secs,
        "relaxed span": relaxed,
        "strict span": score_spans(exact_g, exact_p, "exact"),
        "value accuracy": value_tp / tally.tp_gold if tally.tp_gold else None,
        "value": prf(value_tp, tally.n_pred, value_tp, tally.n_gold),
        "left out of the scores": {k: {"gold": n, "with a prediction": left_out_found[k]} for k, n in sorted(left_out.items())},
        "predictions on left-out expressions (not counted)": ignored,
        "relaxed recall by segment kind": {k: {"gold": c["gold"], "recall": c["found"] / c["gold"]} for k, c in sorted(by_segment.items(), key=lambda kv: -kv[1]["gold"])},
        "predictions located by estimate": not_located,
    }
    if args.errors:
        out["errors_file"] = str(write_errors(args, "dates", errors))
    return out


# ---------------------------------------------------------------- report


def fmt(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def report(scores: dict) -> str:
    lines = []
    row = "{:<8} {:<34} {:>6} {:>6} {:>6} {:>7} {:>7}"
    lines.append(row.format("task", "measure", "P", "R", "F1", "gold", "pred"))
    if "names" in scores:
        s = scores["names"]
        for k in ("PER+ORG exact", "PER+ORG overlap", "PER exact", "PER overlap", "ORG exact", "ORG overlap"):
            v = s[k]
            lines.append(row.format("names", k, fmt(v["precision"]), fmt(v["recall"]), fmt(v["f1"]), v["gold"], v["pred"]))
        v = s["PER+ORG overlap, news only"]
        lines.append(row.format("names", f"PER+ORG overlap, news ({s['news documents (no sports)']} docs)", fmt(v["precision"]), fmt(v["recall"]), fmt(v["f1"]), v["gold"], v["pred"]))
        t = s["type accuracy"]
        lines.append(row.format("names", "type accuracy (overlap matches)", "", "", fmt(t["accuracy"]), t["matched"], ""))
        kinds = ", ".join(f"{k} {v['recall']:.3f} of {v['gold']}" for k, v in s["overlap recall by segment kind"].items())
        lines.append(f"names      recall by segment: {kinds}")
    if "quotes" in scores:
        s = scores["quotes"]
        for k in ("quotes overlap", "quotes exact (trimmed)"):
            v = s[k]
            lines.append(row.format("quotes", k, fmt(v["precision"]), fmt(v["recall"]), fmt(v["f1"]), v["gold"], v["pred"]))
        kinds = ", ".join(f"{k} {v['recall']:.3f} of {v['gold']}" for k, v in s["recall by quote length"].items())
        lines.append(f"quotes     recall by length: {kinds}")
        lines.append(row.format("quotes", "speaker accuracy (matched)", "", "", fmt(s["speaker accuracy"]), s["matched"] - s["matched without gold source"], ""))
        lines.append(row.format("quotes", "  nearest antecedent only", "", "", fmt(s["speaker accuracy, nearest antecedent only"]), s["matched"] - s["matched without gold source"], ""))
        lines.append(row.format("quotes", "unattributed share (matched)", "", "", fmt(s["unattributed share"]), s["matched"], ""))
        sub = "{:<8}   {:<40} {:>7} {:>7} {:>7}"
        lines.append(sub.format("quotes", "matched quotes by gold source, pattern", "matched", "right", "unattr"))
        for k, v in s["by source kind"].items():
            lines.append(sub.format("quotes", f"source: {k}", v["matched"], fmt(v["speaker_accuracy"]), fmt(v["unattributed"])))
        for k, v in s["by pattern"].items():
            lines.append(sub.format("quotes", f"pattern: {k}", v["matched"], fmt(v["speaker_accuracy"]), fmt(v["unattributed"])))
    if "dates" in scores:
        s = scores["dates"]
        for k in ("relaxed span", "strict span", "value"):
            v = s[k]
            lines.append(row.format("dates", k, fmt(v["precision"]), fmt(v["recall"]), fmt(v["f1"]), v["gold"], v["pred"]))
        lines.append(row.format("dates", "value accuracy (relaxed matches)", "", "", fmt(s["value accuracy"]), s["relaxed span"]["tp_gold"], ""))
        kinds = ", ".join(f"{k} {v['recall']:.3f} of {v['gold']}" for k, v in s["relaxed recall by segment kind"].items())
        lines.append(f"dates      recall by segment: {kinds}")
        lines.append(row.format("dates", "left out of the scores:", "", "", "", "gold", "found"))
        for k, v in s["left out of the scores"].items():
            lines.append(row.format("dates", f"  {k.removeprefix('left out: ')}", "", "", "", v["gold"], v["with a prediction"]))
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "train"), default="dev")
    ap.add_argument("--task", choices=("names", "quotes", "dates", "all"), default="all")
    ap.add_argument("--errors", action="store_true", help="write per-task error files to target/eval/errors/")
    ap.add_argument("--data", type=Path, default=Path("../shared/dev"), help="the dev data folder (DEV_DATA)")
    ap.add_argument("--bin", type=Path, default=Path("target/release/corpus"))
    ap.add_argument("--out", type=Path, default=Path("target/eval"))
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        sys.exit(f"eval: the dev data folder {args.data} is missing (set DEV_DATA=…)")
    if not args.bin.is_file():
        sys.exit(f"eval: {args.bin} is missing (run `make build`)")
    args.out.mkdir(parents=True, exist_ok=True)
    tasks = ("names", "quotes", "dates") if args.task == "all" else (args.task,)
    t0 = time.monotonic()
    scores: dict = {"split": args.split}
    for task in tasks:
        scores[task] = {"names": eval_names, "quotes": eval_quotes, "dates": eval_dates}[task](args)
    seconds = time.monotonic() - t0
    # durations are printed, not written: scores.json depends on the code and the data only
    builds = ", ".join(f"{t} {scores[t].pop('_build_seconds'):.1f} s" for t in tasks)
    # scores.json is the last run's; scores-SPLIT-TASK.json keeps each kind of run
    path = args.out / "scores.json"
    for p in (path, args.out / f"scores-{args.split}-{args.task}.json"):
        p.write_text(json.dumps(scores, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"eval ({args.split} split; dates: TimeBank + AQUAINT) in {seconds:.1f} s (corpus build: {builds}) → {path}")
    print(report(scores))
    for task in tasks:
        if "errors_file" in scores[task]:
            print(f"errors: {scores[task]['errors_file']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""`make bench`: time `corpus build` on a scaled corpus.

Generates (once) a corpus of ~150 MB (BENCH_SCALE=large: ~1.5 GB) from the
bundled one with bench/generate.py, then measures:

- the floor: reading and SHA-256-hashing every source file (`sha256sum`);
- `corpus build` at 1, 2 and 8 threads (BENCH_THREADS): wall time, MB/s,
  peak resident memory (of the build process), rows per table, time per
  stage, and the writer thread's busy time as a share of wall time;
- with BENCH_OLD=/path/to/an/older/corpus, that binary too, alternating
  with this one at each thread count (the same load for both), and this
  binary's wall time as a multiple of the old one's;
- with BENCH_RUNS=N (default 1), each build N times, alternating; the
  fastest run is reported (on a shared machine, the least disturbed);

and prints our time as a multiple of the floor, the load average, the
1 → 2 thread speed-up and the speed-up projected at 16 cores by Amdahl's
law from the writer thread's share of the 1-thread build (the serial
part), and checks the exports at every thread count are byte-identical. Then it builds the corpus in BENCH_SHARDS shards (default 4; 0
skips), merges them, times the merge and checks that the merged export is
the single build's, byte for byte. BENCH_SCALE=small (~15 MB) is a quick
check of the harness itself. No timing is asserted: the numbers are for
the record.
Generated data lives in bench-data/ (not committed).
"""

import filecmp
import os
import tempfile
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCALES = {"small": 15, "default": 150, "large": 1500}


def run(cmd):
    """Runs cmd; returns (wall seconds, peak RSS of that very process in MB, stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        child = subprocess.Popen(cmd, stdout=out, stderr=err)
        # wait4 gives this child's own resource usage (ru_maxrss in KB).
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{err.read().decode(errors='replace')}")
        return wall, usage.ru_maxrss / 1024, out.read().decode(errors="replace")


def stage_times(stdout):
    """The `--timings` lines of a build: {stage: seconds}."""
    stages = {}
    for line in stdout.splitlines():
        parts = line.split()
        if line.startswith("  ") and len(parts) == 2:
            try:
                stages[parts[0]] = float(parts[1])
            except ValueError:
                pass
    return stages


def fmt_load(load):
    return ", ".join(f"{x:.2f}" for x in load)


def main():
    scale = os.environ.get("BENCH_SCALE", "default")
    mb = SCALES.get(scale)
    if mb is None:
        sys.exit(f"BENCH_SCALE must be one of {', '.join(SCALES)}")
    data = os.path.join(ROOT, "bench-data", scale)
    corpus = os.path.join(data, "corpus")
    binary = os.path.join(ROOT, "target", "release", "corpus")
    marker = os.path.join(data, f"generated-{mb}MB")
    if not os.path.exists(marker):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), "--out", corpus, "--mb", str(mb)], check=True)
        open(marker, "w").close()
    docs = os.path.join(corpus, "documents")
    files = sorted(os.path.join(docs, f) for f in os.listdir(docs))
    size = sum(os.path.getsize(f) for f in files) / 1e6

    # Warm the page cache once, so the floor and the builds read alike.
    subprocess.run(["sh", "-c", f"find '{docs}' -type f -exec cat {{}} + > /dev/null"], check=True)
    floor, _, _ = run(["sh", "-c", f"find '{docs}' -type f -exec sha256sum {{}} + > /dev/null"])

    # The builds, alternating the old binary (BENCH_OLD, if set) and this
    # one at each thread count, so that both meet the same load on a
    # shared machine. BENCH_THREADS: the thread counts (default 1,2,8).
    old = os.environ.get("BENCH_OLD")
    counts = [int(t) for t in os.environ.get("BENCH_THREADS", "1,2,8").split(",")]
    binaries = [("this", binary)] + ([("old", old)] if old else [])
    # BENCH_RUNS: builds of each binary at each thread count, alternating;
    # the fastest is reported (the one least disturbed by the machine's
    # other work), with every run's wall time.
    runs = int(os.environ.get("BENCH_RUNS", "1"))
    if runs < 1:
        sys.exit("BENCH_RUNS must be 1 or more")
    load_before = os.getloadavg()
    results, walls = {}, {}
    for threads in counts:
        for _ in range(runs):
            for name, path in binaries:
                out = os.path.join(data, f"out-{name}-{threads}")
                r = run([path, "build", "--timings", "--threads", str(threads), "--corpus", corpus, "--out", out])
                walls.setdefault((name, threads), []).append(r[0])
                if (name, threads) not in results or r[0] < results[(name, threads)][0]:
                    results[(name, threads)] = r
    load_after = os.getloadavg()

    print(f"benchmark corpus: {len(files)} documents, {size:.1f} MB ({scale})")
    print(f"load average (1, 5, 15 min) before {fmt_load(load_before)}, after {fmt_load(load_after)} "
          f"on {os.cpu_count()} cores")
    print(f"floor (read + SHA-256 with sha256sum): {floor:.2f} s = {size / floor:.0f} MB/s")
    for (name, threads), (wall, peak, stdout) in results.items():
        stages = stage_times(stdout)
        writer = stages.get("write", 0.0)
        print(f"\n{name} binary, corpus build --threads {threads}: {wall:.2f} s = {size / wall:.1f} MB/s, "
              f"{wall / floor:.1f}x the floor, peak RSS {peak:.0f} MB; "
              f"writer thread busy {writer:.2f} s = {100 * writer / wall:.0f}% of wall time")
        if runs > 1:
            print(f"  fastest of {runs} runs: " + ", ".join(f"{w:.2f}" for w in walls[(name, threads)]) + " s")
        for line in stdout.splitlines():
            if line.startswith("  ") or line.startswith("stage"):
                print("  " + line)
    for name, _ in binaries:
        if (name, 1) not in results or (name, 2) not in results:
            continue
        w1, w2 = results[(name, 1)][0], results[(name, 2)][0]
        # Amdahl: the writer thread's busy share of the 1-thread build is
        # the part no number of cores shortens.
        serial = min(1.0, stage_times(results[(name, 1)][2]).get("write", 0.0) / w1)
        projected = 1 / (serial + (1 - serial) / 16)
        line = (f"\n{name} binary: speed-up from 1 to 2 threads {w1 / w2:.2f}x; serial share (writer thread) "
                f"{100 * serial:.1f}%: projected speed-up at 16 cores {projected:.1f}x (Amdahl), "
                f"at most {1 / serial if serial > 0 else float('inf'):.0f}x on any number")
        if (name, 8) in results:
            line += f"; 8 threads on {os.cpu_count()} cores {w1 / results[(name, 8)][0]:.2f}x"
        print(line)
    if old:
        for t in counts:
            print(f"\n--threads {t}: this binary takes {results[('this', t)][0] / results[('old', t)][0]:.2f}x the old one's wall time"
                  + (f" (fastest of {runs} runs each)" if runs > 1 else ""))
        same = all(
            filecmp.cmp(os.path.join(data, f"out-this-{t}", "SHA256SUMS"), os.path.join(data, f"out-old-{t}", "SHA256SUMS"), shallow=False)
            for t in counts)
        print(f"the old and this binary's exports are {'byte-identical' if same else 'DIFFERENT'}")
    sums = [os.path.join(data, f"out-this-{t}", "SHA256SUMS") for t in counts]
    if not all(filecmp.cmp(sums[0], other, shallow=False) for other in sums[1:]):
        sys.exit(f"the exports at {counts} threads differ")
    print(f"the exports at {', '.join(map(str, counts))} threads are byte-identical")

    # The same corpus in shards (one after another here; on a cluster they
    # run side by side), then the merge: its output must be the single
    # build's, byte for byte.
    shards = int(os.environ.get("BENCH_SHARDS", "4"))
    if shards > 1:
        parts, built = [], 0.0
        for i in range(1, shards + 1):
            part = os.path.join(data, "parts", f"part-{i}")
            wall, _, _ = run([binary, "build", "--quiet", "--corpus", corpus, "--shard", f"{i}/{shards}", "--out", part])
            built += wall
            parts.append(part)
        merged = os.path.join(data, "merged")
        wall, peak, _ = run([binary, "merge", "--quiet", *parts, "--out", merged])
        same = filecmp.cmp(os.path.join(merged, "SHA256SUMS"), os.path.join(data, f"out-this-{counts[0]}", "SHA256SUMS"), shallow=False)
        print(f"\n{shards} shards built one after another in {built:.2f} s; "
              f"merged in {wall:.2f} s ({size / wall:.0f} MB/s of source), peak RSS {peak:.0f} MB; "
              f"the merged export {'equals' if same else 'DIFFERS FROM'} the single build")
        if not same:
            sys.exit("the merged export differs from the single build")


if __name__ == "__main__":
    main()

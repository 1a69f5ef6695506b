#!/usr/bin/env python3
"""`make bench`: time `corpus build` on a scaled corpus.

Generates (once) a corpus of ~150 MB (BENCH_SCALE=large: ~1.5 GB) from the
bundled one with bench/generate.py, then measures:

- the floor: reading and SHA-256-hashing every source file (`sha256sum`);
- `corpus build` at 1 thread and at 2 threads: wall time, MB/s, peak
  resident memory (of the build process), rows per table, time per stage;

and prints our time as a multiple of the floor and the 1 → 2 thread
speed-up. Then it builds the corpus in BENCH_SHARDS shards (default 4; 0
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

    results = {}
    for threads in (1, 2):
        out = os.path.join(data, f"out-{threads}")
        wall, peak, stdout = run([binary, "build", "--timings", "--threads", str(threads), "--corpus", corpus, "--out", out])
        results[threads] = (wall, peak, stdout)

    print(f"benchmark corpus: {len(files)} documents, {size:.1f} MB ({scale})")
    print(f"floor (read + SHA-256 with sha256sum): {floor:.2f} s = {size / floor:.0f} MB/s")
    for threads, (wall, peak, stdout) in results.items():
        print(f"\ncorpus build --threads {threads}: {wall:.2f} s = {size / wall:.1f} MB/s, "
              f"{wall / floor:.1f}x the floor, peak RSS {peak:.0f} MB")
        for line in stdout.splitlines():
            if line.startswith("  ") or line.startswith("stage"):
                print("  " + line)
    w1, w2 = results[1][0], results[2][0]
    print(f"\nspeed-up from 1 to 2 threads: {w1 / w2:.2f}x")

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
        same = filecmp.cmp(os.path.join(merged, "SHA256SUMS"), os.path.join(data, "out-2", "SHA256SUMS"), shallow=False)
        print(f"\n{shards} shards built one after another in {built:.2f} s; "
              f"merged in {wall:.2f} s ({size / wall:.0f} MB/s of source), peak RSS {peak:.0f} MB; "
              f"the merged export {'equals' if same else 'DIFFERS FROM'} the single build")
        if not same:
            sys.exit("the merged export differs from the single build")


if __name__ == "__main__":
    main()

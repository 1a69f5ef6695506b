#!/usr/bin/env python3
"""`make bench`: time `corpus build` on a scaled corpus.

Generates (once) a corpus of ~150 MB (BENCH_SCALE=large: ~1.5 GB) from the
bundled one with bench/generate.py, then measures:

- the floor: reading and SHA-256-hashing every source file (`sha256sum`);
- `corpus build` at 1 thread and at 2 threads: wall time, MB/s, peak
  resident memory (of the build process), rows per table, time per stage;

and prints our time as a multiple of the floor and the 1 → 2 thread
speed-up. Nothing here is asserted: the numbers are for the record.
Generated data lives in bench-data/ (not committed).
"""

import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCALES = {"default": 150, "large": 1500}


def run(cmd, **kw):
    """Runs cmd; returns (wall seconds, peak RSS of that child in MB, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    wall = time.perf_counter() - t
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{done.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss is the maximum over all children so far: report this
    # child's only when it raised the maximum (runs go smallest first).
    return wall, max(peak, before) / 1024, done.stdout


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


if __name__ == "__main__":
    main()

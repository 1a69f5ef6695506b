#!/usr/bin/env python3
"""Build a corpus export with Apache Spark: the N shards run as Spark
tasks (`corpus build --shard I/N`), then the driver merges the parts
(`corpus merge`). The result is byte for byte the export of a single
`corpus build`.

Here (Spark in local mode, `make spark-build`):

    python cluster/spark_build.py --corpus corpus --out target/spark/exports --shards 3

On a cluster, the same script with spark-submit; the corpus, the parts
folder and the `corpus` binary must be on storage every executor sees
(NFS, Lustre, a mounted bucket):

    spark-submit --conf spark.task.cpus=4 cluster/spark_build.py \\
        --corpus /shared/corpus --parts /shared/parts --out /shared/exports \\
        --shards 64 --binary /shared/bin/corpus

Each task builds its part atomically (a temporary folder, then a rename),
so Spark may retry or speculatively re-run a task safely. A task uses
`spark.task.cpus` threads.
"""

import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--corpus", default="corpus", help="the corpus folder (default: corpus)")
    p.add_argument("--out", required=True, help="the export folder to create or replace")
    p.add_argument("--parts", help="where the parts go (default: OUT.parts beside --out)")
    p.add_argument("--shards", type=int, default=4, help="how many shards, one Spark task each (default: 4)")
    p.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "corpus"),
                   help="the corpus binary (default: target/release/corpus; run `make build`)")
    p.add_argument("--master", help="Spark master, e.g. local[2] (default: what spark-submit sets, else local[*])")
    args = p.parse_args(argv)
    if args.shards < 1:
        p.error("--shards must be at least 1")
    return args


def run(cmd):
    """Runs a corpus command; raises with its message if it fails."""
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed (exit {done.returncode}):\n{done.stderr.strip()}")
    return done.stdout


def main(argv=None):
    args = parse_args(argv)
    # Executors run elsewhere: every path they see is absolute.
    corpus = os.path.abspath(args.corpus)
    out = os.path.abspath(args.out)
    parts = os.path.abspath(args.parts or out.rstrip("/") + ".parts")
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary}: no corpus binary there: run `make build` or pass --binary")
    n = args.shards

    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("corpus-build")
    if args.master:
        builder = builder.master(args.master)
    elif not SparkConf().contains("spark.master"):  # plain `python`, not spark-submit
        builder = builder.master("local[*]")
    spark = builder.getOrCreate()
    try:
        sc = spark.sparkContext
        threads = int(sc.getConf().get("spark.task.cpus", "1"))

        def build_shard(i):
            part = os.path.join(parts, f"part-{i:05d}-of-{n:05d}")
            run([binary, "build", "--quiet", "--corpus", corpus, "--shard", f"{i}/{n}",
                 "--out", part, "--threads", str(threads)])
            return part

        os.makedirs(parts, exist_ok=True)
        built = sc.parallelize(range(1, n + 1), n).map(build_shard).collect()
    finally:
        spark.stop()
    print(run([binary, "merge", *sorted(built), "--out", out]), end="")


if __name__ == "__main__":
    main()

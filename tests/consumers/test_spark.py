"""The Spark runner (cluster/spark_build.py): the shards as Spark tasks in local
mode, then the merge, give the published exports byte for byte; and Spark
reads the Parquet tables as datasets. Skipped, saying why, where PySpark
or Java is absent (`make spark-env` installs PySpark)."""

import shutil
import subprocess
import sys

import pytest

from conftest import BINARY, EXPORTS, ROOT

if shutil.which("java") is None:
    pytest.skip("Java is not installed: the Spark runner is not tested", allow_module_level=True)
pytest.importorskip("pyspark", reason="PySpark is not installed (`make spark-env`): the Spark runner is not tested")


def test_spark_build_is_the_single_build(tmp_path):
    assert BINARY.exists(), f"{BINARY} is missing: run `make` first"
    out = tmp_path / "exports"
    done = subprocess.run(
        [sys.executable, str(ROOT / "cluster" / "spark_build.py"), "--corpus", str(ROOT / "corpus"),
         "--out", str(out), "--shards", "3", "--master", "local[2]"],
        capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    parts = sorted(p.name for p in (tmp_path / "exports.parts").iterdir() if not p.name.startswith("."))
    assert parts == [f"part-0000{i}-of-00003" for i in (1, 2, 3)]
    published = sorted(p.name for p in EXPORTS.iterdir())
    assert sorted(p.name for p in out.iterdir()) == published
    for name in published:
        assert (out / name).read_bytes() == (EXPORTS / name).read_bytes(), f"{name} differs from the single build"


def test_spark_reads_the_parts_as_one_dataset(tmp_path):
    """Each part's tables share the contract's schema: Spark reads all the
    parts' quotes as one dataset, with the rows of the merged table."""
    from pyspark.sql import SparkSession

    for i in (1, 2, 3):
        subprocess.run([str(BINARY), "build", "--quiet", "--corpus", str(ROOT / "corpus"),
                        "--shard", f"{i}/3", "--out", str(tmp_path / f"part-{i}")], check=True)
    spark = SparkSession.builder.master("local[1]").appName("corpus-test").getOrCreate()
    try:
        parts = spark.read.parquet(str(tmp_path / "part-*" / "quotes.parquet"))
        whole = spark.read.parquet(str(EXPORTS / "quotes.parquet"))
        assert parts.count() == whole.count() > 0
        assert parts.schema == whole.schema
        assert sorted(r.quote_id for r in parts.select("quote_id").collect()) == \
            sorted(r.quote_id for r in whole.select("quote_id").collect())
        assert dict(whole.dtypes)["start"] == "bigint"
    finally:
        spark.stop()

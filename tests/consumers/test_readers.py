"""Every table as the readers our users use see it: pyarrow, pandas,
polars and DuckDB on Parquet; pandas, DuckDB and Python's csv module on
CSV."""

import csv
import datetime as dt
import unicodedata

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import EXPORTS, HOSTILE, ROOT, table_names
from contract import (BOOL, CONTRACT, DATE, FOREIGN_KEYS, INT, LIST_INT, LIST_STR, PARQUET_ONLY,
                      PRIMARY_KEYS, SPAN_TEXT, STR, unguard)

TABLES = table_names()

ARROW = {STR: pa.string(), INT: pa.int64(), BOOL: pa.bool_(), DATE: pa.date32()}
POLARS = {STR: pl.String, INT: pl.Int64, BOOL: pl.Boolean, DATE: pl.Date,
          LIST_STR: pl.List(pl.String), LIST_INT: pl.List(pl.Int64)}
DUCKDB = {STR: "VARCHAR", INT: "BIGINT", BOOL: "BOOLEAN", DATE: "DATE",
          LIST_STR: "VARCHAR[]", LIST_INT: "BIGINT[]"}


def parquet(exports, table):
    return str(exports / f"{table}.parquet")


def csv_path(exports, table):
    return str(exports / f"{table}.csv")


def test_every_contract_table_is_exported():
    for table in CONTRACT:
        assert table in TABLES


@pytest.mark.parametrize("table", TABLES)
def test_pyarrow_types(exports, table):
    schema = pq.read_schema(parquet(exports, table))
    for name, kind in CONTRACT.get(table, {}).items():
        field = schema.field(name)
        if kind in (LIST_STR, LIST_INT):
            assert pa.types.is_list(field.type), name
            assert field.type.value_type == (pa.string() if kind == LIST_STR else pa.int64()), name
        else:
            assert field.type == ARROW[kind], f"{table}.{name}: {field.type}"
        assert field.metadata and field.metadata.get(b"description"), f"{table}.{name} has no description"
    # Spark has no unsigned integers.
    for field in schema:
        assert not pa.types.is_unsigned_integer(field.type), field.name
    created_by = pq.ParquetFile(parquet(exports, table)).metadata.created_by
    assert created_by.startswith("corpus version ") and "(build " in created_by


@pytest.mark.parametrize("table", TABLES)
def test_pandas_parquet(exports, table):
    df = pd.read_parquet(parquet(exports, table))
    for name, kind in CONTRACT.get(table, {}).items():
        col = df[name]
        if kind == INT:
            assert pd.api.types.is_numeric_dtype(col), name
            assert (col.dropna() == col.dropna().round()).all(), name
        elif kind == BOOL:
            assert pd.api.types.is_bool_dtype(col), name
        elif kind == DATE:
            assert all(isinstance(v, dt.date) for v in col.dropna()), name
        elif kind in (LIST_STR, LIST_INT):
            assert all(hasattr(v, "__len__") and not isinstance(v, str) for v in col), name


@pytest.mark.parametrize("table", TABLES)
def test_polars_parquet(exports, table):
    df = pl.read_parquet(parquet(exports, table))
    for name, kind in CONTRACT.get(table, {}).items():
        assert df.schema[name] == POLARS[kind], f"{table}.{name}: {df.schema[name]}"


@pytest.mark.parametrize("table", TABLES)
def test_duckdb_parquet(exports, table):
    rows = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{parquet(exports, table)}')").fetchall()
    types = {r[0]: r[1] for r in rows}
    for name, kind in CONTRACT.get(table, {}).items():
        assert types[name] == DUCKDB[kind], f"{table}.{name}: {types[name]}"


def as_csv_cell(value, arrow_type):
    """How a Parquet value must read in the CSV edition (before the guard)."""
    if value is None:
        return ""
    if pa.types.is_list(arrow_type):
        return "; ".join(str(v) for v in value)
    if pa.types.is_boolean(arrow_type):
        return "true" if value else "false"
    if pa.types.is_date32(arrow_type):
        return value.isoformat()
    return str(value)


def expected_rows(exports, table):
    t = pq.read_table(parquet(exports, table))
    names = [n for n in t.column_names if n not in PARQUET_ONLY.get(table, set())]
    types = {f.name: f.type for f in t.schema}
    cols = {n: t.column(n).to_pylist() for n in names}
    return names, [[as_csv_cell(cols[n][i], types[n]) for n in names] for i in range(t.num_rows)]


@pytest.mark.parametrize("table", TABLES)
def test_csv_module_reads_the_same_rows(exports, table):
    names, want = expected_rows(exports, table)
    with open(csv_path(exports, table), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == names
    got = [[unguard(c) for c in r] for r in rows[1:]]
    assert len(got) == len(want)
    for i, (g, w) in enumerate(zip(got, want)):
        assert g == w, f"{table} row {i}"


@pytest.mark.parametrize("table", TABLES)
def test_pandas_csv_reads_the_same_rows(exports, table):
    names, want = expected_rows(exports, table)
    df = pd.read_csv(csv_path(exports, table), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert list(df.columns) == names
    got = [[unguard(c) for c in r] for r in df.itertuples(index=False)]
    assert got == want


@pytest.mark.parametrize("table", TABLES)
def test_duckdb_csv_reads_the_same_rows(exports, table):
    names, want = expected_rows(exports, table)
    rel = duckdb.sql(
        f"SELECT * FROM read_csv('{csv_path(exports, table)}', all_varchar=true, header=true, "
        f"delim=',', quote='\"', escape='\"', strict_mode=true)"
    )
    assert rel.columns == names
    got = [[unguard(c or "") for c in r] for r in rel.fetchall()]
    assert got == want


@pytest.mark.parametrize("table", [t for t in TABLES if t in SPAN_TEXT])
def test_offsets_slice_the_text_in_python(exports, table):
    docs = pq.read_table(parquet(exports, "documents"), columns=["doc_id", "text"]).to_pylist()
    texts = {r["doc_id"]: r["text"] for r in docs}
    column = SPAN_TEXT[table]
    rows = pq.read_table(parquet(exports, table), columns=["doc_id", "start", "end", column]).to_pylist()
    checked = 0
    for r in rows:
        if r["start"] is None:
            continue
        assert texts[r["doc_id"]][r["start"]:r["end"]] == r[column], f"{table}: {r}"
        checked += 1
    assert checked > 0


@pytest.mark.parametrize("table", [t for t in TABLES if t in SPAN_TEXT])
def test_source_offsets_point_into_the_source_files(exports, table):
    """source_start/source_end are byte offsets into the document's source
    file, on character boundaries; a mention's source bytes are its surface
    (segments, quotes and events may span markup or a footnote between
    pages)."""
    corpus = HOSTILE if exports != EXPORTS else ROOT / "corpus"
    docs = pq.read_table(parquet(exports, "documents"), columns=["doc_id", "source_file"]).to_pylist()
    sources = {r["doc_id"]: (corpus / r["source_file"]).read_bytes() for r in docs}
    column = SPAN_TEXT[table]
    rows = pq.read_table(parquet(exports, table),
                         columns=["doc_id", "source_start", "source_end", column]).to_pylist()
    for r in rows:
        source = sources[r["doc_id"]]
        assert 0 <= r["source_start"] <= r["source_end"] <= len(source), f"{table}: {r}"
        piece = source[r["source_start"]:r["source_end"]].decode("utf-8")
        if table == "mentions":
            as_text = " ".join(unicodedata.normalize("NFC", piece).split())
            assert as_text == r[column], f"{table}: {r} is {piece!r} in the source"
    assert rows


@pytest.mark.parametrize("table", [t for t in TABLES if t in PRIMARY_KEYS])
def test_primary_keys_are_unique(exports, table):
    key = ", ".join(f'"{k}"' for k in PRIMARY_KEYS[table])
    dup = duckdb.sql(f"SELECT {key}, count(*) n FROM read_parquet('{parquet(exports, table)}') "
                     f"GROUP BY ALL HAVING n > 1").fetchall()
    assert dup == []


@pytest.mark.parametrize("child,parent", [(c, p) for c, p in FOREIGN_KEYS.items() if c[0] in TABLES])
def test_foreign_keys_join(exports, child, parent):
    (ct, cc), (pt, pc) = child, parent
    described = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{parquet(exports, ct)}')").fetchall()
    types = {r[0]: r[1] for r in described}
    value = f"unnest(c.\"{cc}\")" if types[cc].endswith("[]") else f"c.\"{cc}\""
    orphans = duckdb.sql(
        f"SELECT k FROM (SELECT {value} AS k FROM read_parquet('{parquet(exports, ct)}') c) "
        f"WHERE k IS NOT NULL AND k NOT IN (SELECT \"{pc}\" FROM read_parquet('{parquet(exports, pt)}'))"
    ).fetchall()
    assert orphans == [], f"{ct}.{cc} values missing from {pt}.{pc}: {orphans[:5]}"


@pytest.mark.parametrize("table", TABLES)
def test_no_csv_cell_exceeds_the_spreadsheet_limit(exports, table):
    with open(csv_path(exports, table), encoding="utf-8-sig", newline="") as f:
        for row in csv.reader(f):
            assert all(len(c) <= 32767 for c in row)

"""Spreadsheets: each CSV opened by LibreOffice Calc (headless), saved as
.xlsx, read back with openpyxl. Skipped when `soffice` is not installed,
unless REQUIRE_SOFFICE=1 (`make test-spreadsheet`)."""

import csv
import datetime as dt
import os
import shutil
import subprocess

import openpyxl
import pytest

from conftest import table_names
from contract import unguard

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
if not SOFFICE and os.environ.get("REQUIRE_SOFFICE") != "1":
    pytest.skip("LibreOffice (soffice) is not installed", allow_module_level=True)


def convert(csv_file, outdir):
    # 44 = comma, 34 = double quote, 76 = UTF-8, 1 = first line; the 9th
    # token (false) turns off special-number detection so text stays text.
    infilter = "CSV:44,34,76,1,,0,false,false,false,false,false"
    profile = f"-env:UserInstallation=file://{outdir}/profile"
    done = subprocess.run([SOFFICE, profile, "--headless", "--infilter=" + infilter, "--convert-to", "xlsx",
                           "--outdir", str(outdir), str(csv_file)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return outdir / (csv_file.stem + ".xlsx")


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.datetime, dt.date)):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@pytest.mark.parametrize("table", table_names())
def test_csv_survives_a_spreadsheet(exports, tmp_path, table):
    src = exports / f"{table}.csv"
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    book = openpyxl.load_workbook(convert(src, tmp_path))
    sheet = book.active
    got = [[c for c in r] for r in sheet.iter_rows()]
    assert len(got) == len(rows), "row count"
    special = 0
    for i, (want, cells) in enumerate(zip(rows, got)):
        for j, w in enumerate(want):
            cell = cells[j] if j < len(cells) else None
            assert cell is None or cell.data_type != "f", f"row {i} col {j} became a formula"
            value = cell_text(cell.value if cell is not None else None)
            # Either the guarded or the unguarded form: never cut, never changed.
            assert value in (w, unguard(w)), f"row {i} col {j}: {value[:80]!r} != {w[:80]!r}"
            special += any(ch in w for ch in "“”‘’–—é")
    if table in ("documents", "segments"):
        assert special > 0, "the table has curly quotes, dashes or accents to check"
    guarded = sum(1 for r in rows[1:] for c in r if c.startswith("'"))
    if exports.parent.name.startswith("hostile"):
        assert guarded > 0, "the hostile fixture exercises the formula guard"

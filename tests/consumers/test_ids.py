"""Every id cell of every CSV survives a spreadsheet: none is a string
that Excel, LibreOffice or Google Sheets would read as a number, a date,
a time, a percentage, a fraction or a boolean (`6455299144095353` loses
its last digit, `4297480322414e61` becomes 4.3E+73). Checked by rule, so
that it runs without LibreOffice; test_spreadsheet.py checks whole files
through LibreOffice where it is installed."""

import csv
import re

import pytest

from conftest import table_names

# What spreadsheets parse on import: numbers (with signs, thousands
# separators, exponents, percent, currency), fractions, dates and times,
# booleans, and hex-free forms like "1e5" or "12d" that some read as numbers.
NUMBER = re.compile(r"^[+-]?[$€£]?(\d[\d,]*\.?\d*|\.\d+)([eE][+-]?\d+)?%?[dDfF]?$")
DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?([ T]\d{1,2}:\d{2}(:\d{2})?)?$")
TIME = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?( ?[AaPp][Mm])?$")
MONTH_DAY = re.compile(r"^\d{1,2}[- ]?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*([- ]?\d{1,4})?$", re.I)


def read_as_non_text(value):
    v = value.strip()
    return bool(NUMBER.match(v) or DATE.match(v) or TIME.match(v) or MONTH_DAY.match(v)
                or v.upper() in ("TRUE", "FALSE"))


@pytest.mark.parametrize("value", ["6455299144095353", "4297480322414e61", "99538750251e3190", "2005-03-01",
                                   "1/2", "12:30", "50%", "TRUE", "-3", "1,234", "3-Mar", "7e3"])
def test_the_rule_catches_what_spreadsheets_convert(value):
    assert read_as_non_text(value)


@pytest.mark.parametrize("value", ["q_6455299144095353", "e_4297480322414e61", "taliban", "business-001",
                                   "doc-1833", "al-qaeda-discovered"])
def test_the_rule_passes_text(value):
    assert not read_as_non_text(value)


@pytest.mark.parametrize("table", table_names())
def test_no_id_cell_is_read_as_a_number_or_a_date(exports, table):
    with open(exports / f"{table}.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    id_columns = [c for c in rows[0] if c.endswith("_id") or c.endswith("_ids")] if rows else []
    bad = []
    for row in rows:
        for c in id_columns:
            for v in (row[c].split("; ") if c.endswith("_ids") else [row[c]]):
                if v and read_as_non_text(v):
                    bad.append((c, v))
    assert not bad, f"{len(bad)} id cells a spreadsheet would convert, e.g. {bad[:5]}"
    if table in ("quotes", "events"):
        assert rows and id_columns, "the table has ids to check"

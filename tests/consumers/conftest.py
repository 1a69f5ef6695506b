"""Shared fixtures: the export folder and what its data package says."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXPORTS = Path(os.environ.get("CORPUS_EXPORTS", ROOT / "exports"))


def package():
    return json.loads((EXPORTS / "datapackage.json").read_text(encoding="utf-8"))


def table_names():
    return [r["name"] for r in package()["resources"] if r["type"] == "table"]


BINARY = ROOT / "target" / "release" / "corpus"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


@pytest.fixture(scope="session", params=["bundled", "hostile"])
def exports(request, tmp_path_factory):
    """The published exports, and an export of the hostile fixture corpus
    (formula injection, accents, curly quotes, other scripts) built now."""
    if request.param == "bundled":
        return EXPORTS
    assert BINARY.exists(), f"{BINARY} is missing: run `make` first"
    out = tmp_path_factory.mktemp("hostile") / "exports"
    subprocess.run([str(BINARY), "build", "--quiet", "--corpus", str(HOSTILE), "--out", str(out)], check=True)
    return out


@pytest.fixture(scope="session")
def datapackage(exports):
    return json.loads((exports / "datapackage.json").read_text(encoding="utf-8"))

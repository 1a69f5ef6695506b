"""The data package validates with the reference implementation, and its
hashes and sizes are those of the files."""

import hashlib
import subprocess
import sys
from pathlib import Path


def test_frictionless_validates_the_package(exports):
    exe = Path(sys.executable).parent / "frictionless"
    done = subprocess.run([str(exe), "validate", "datapackage.json"], cwd=exports,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "INVALID" not in done.stdout


def test_every_file_is_described_with_its_hash_and_size(exports, datapackage):
    described = {r["path"]: r for r in datapackage["resources"]}
    sums = {}
    for line in (exports / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ", 1)
        sums[name] = digest
    files = sorted(p.name for p in exports.iterdir() if p.name != "SHA256SUMS")
    assert sorted(sums) == files
    for name in files:
        data = (exports / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sums[name], name
        if name in described:
            assert described[name]["bytes"] == len(data), name
            assert described[name]["hash"] == "sha256:" + sums[name], name


def test_no_timestamps_or_absolute_paths(exports):
    for p in exports.iterdir():
        if p.suffix in (".json", ".csv", ".md"):
            text = p.read_text(encoding="utf-8-sig")
            assert "/home/" not in text and "/tmp/" not in text and "/work/" not in text, p.name
    assert '"created"' not in (exports / "datapackage.json").read_text()


def test_the_dataset_card_describes_every_table_and_licence(exports, datapackage):
    import pyarrow.parquet as pq

    card = (exports / "README.md").read_text(encoding="utf-8")
    assert card.startswith("---\n") and "\nconfigs:\n" in card, "Hugging Face front matter"
    for r in datapackage["resources"]:
        if r["type"] == "table":
            assert f"### {r['name']} (" in card, r["name"]
            for field in r["schema"]["fields"]:
                assert f"| `{field['name']}` |" in card, field["name"]
    docs = pq.read_table(exports / "documents.parquet", columns=["doc_id", "licence"]).to_pylist()
    for d in docs[:50]:
        assert f"`{d['doc_id']}`" in card
        assert (d["licence"] or "none stated") in card
    assert "## Known limits" in card

"""The Python snippets in README.md run exactly as written (from the
repository root, as a newcomer would run them)."""

import os
import re
import shutil

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SNIPPETS = re.findall(r"```python\n(.*?)```", README, flags=re.S)


def test_the_readme_has_python_snippets():
    assert len(SNIPPETS) >= 2


@pytest.mark.parametrize("code", SNIPPETS, ids=[f"snippet{i}" for i in range(len(SNIPPETS))])
def test_readme_snippet_runs(code, capsys):
    if "pyspark" in code:
        pytest.importorskip("pyspark", reason="PySpark is not installed (`make spark-env`): the Spark snippet is not run")
        if shutil.which("java") is None:
            pytest.skip("Java is not installed: the Spark snippet is not run")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(compile(code, "README.md", "exec"), {})
    finally:
        os.chdir(cwd)

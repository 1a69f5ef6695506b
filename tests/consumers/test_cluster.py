"""The Slurm runner (cluster/slurm_build.sh) against a stand-in `sbatch`
that runs each job at once, in order (array tasks one after another): the
script's shard and merge commands give the published exports byte for
byte. (Slurm itself is not installed here; this checks the commands the
script submits, not the scheduler.)"""

import os
import stat
import subprocess

from conftest import BINARY, EXPORTS, ROOT

FAKE_SBATCH = r"""#!/usr/bin/env bash
# Stand-in for sbatch: runs the --wrap command now, once per array index.
set -euo pipefail
array="" wrap=""
for a in "$@"; do
  case "$a" in
    --array=*) array=${a#--array=} ;;
    --wrap=*) wrap=${a#--wrap=} ;;
  esac
done
echo "$@" >> "$(dirname "$0")/submitted"
if [ -n "$array" ]; then
  for i in $(seq "${array%-*}" "${array#*-}"); do SLURM_ARRAY_TASK_ID=$i bash -c "$wrap"; done
else
  bash -c "$wrap"
fi
echo $RANDOM
"""


def test_slurm_script_builds_the_single_export(tmp_path):
    assert BINARY.exists(), f"{BINARY} is missing: run `make` first"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    sbatch = bin_dir / "sbatch"
    sbatch.write_text(FAKE_SBATCH)
    sbatch.chmod(sbatch.stat().st_mode | stat.S_IEXEC)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", CORPUS_BIN=str(BINARY))
    out = tmp_path / "exports"
    done = subprocess.run(
        [str(ROOT / "cluster" / "slurm_build.sh"), str(ROOT / "corpus"), str(out), "3", "2"],
        env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    submitted = (bin_dir / "submitted").read_text().splitlines()
    assert len(submitted) == 2
    assert "--array=1-3" in submitted[0]
    assert "--dependency=afterok:" in submitted[1]
    parts = sorted(p.name for p in (tmp_path / "exports.parts").iterdir() if p.name.startswith("part-"))
    assert parts == ["part-00001", "part-00002", "part-00003"]
    published = sorted(p.name for p in EXPORTS.iterdir())
    assert sorted(p.name for p in out.iterdir()) == published
    for name in published:
        assert (out / name).read_bytes() == (EXPORTS / name).read_bytes(), f"{name} differs from the single build"

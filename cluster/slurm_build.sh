#!/usr/bin/env bash
# Build a corpus export on a Slurm cluster: one array task per shard, then
# one merge job that starts when every shard has succeeded. The result is
# byte for byte the export of a single `corpus build`.
#
#   cluster/slurm_build.sh CORPUS OUT SHARDS [CPUS_PER_TASK]
#
# CORPUS, OUT (and OUT.parts beside it) and the corpus binary must be on
# storage every node sees. CORPUS_BIN names the binary (default: corpus
# on PATH). Extra sbatch flags (partition, account, time) go in
# SBATCH_FLAGS, e.g. SBATCH_FLAGS="--partition=short --time=00:30:00".
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 CORPUS OUT SHARDS [CPUS_PER_TASK]" >&2
  exit 2
fi
corpus=$(realpath "$1")
out=$(realpath -m "$2")
shards=$3
cpus=${4:-4}
bin=$(realpath "$(command -v "${CORPUS_BIN:-corpus}")")
parts="$out.parts"
mkdir -p "$parts"

# A failed or pre-empted task can simply be re-queued: each part is
# written to a temporary folder and renamed into place when complete.
array=$(sbatch --parsable ${SBATCH_FLAGS:-} \
  --job-name=corpus-shard --array="1-$shards" --cpus-per-task="$cpus" --mem=2G \
  --output="$parts/slurm-%A_%a.log" \
  --wrap="'$bin' build --quiet --corpus '$corpus' --shard \${SLURM_ARRAY_TASK_ID}/$shards \
          --threads $cpus --out '$parts'/part-\$(printf %05d \${SLURM_ARRAY_TASK_ID})")

# The merge runs once every array task has exited 0 (afterok).
merge=$(sbatch --parsable ${SBATCH_FLAGS:-} \
  --job-name=corpus-merge --dependency="afterok:$array" --cpus-per-task=1 --mem=2G \
  --output="$parts/slurm-merge-%j.log" \
  --wrap="'$bin' merge '$parts'/part-* --out '$out' && '$bin' verify '$out'")

echo "submitted shards as job $array (array 1-$shards) and the merge as job $merge"
echo "follow with: squeue -j $array,$merge; the logs are in $parts/"

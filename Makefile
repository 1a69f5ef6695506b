# `make` builds the release binary and exports the bundled corpus into
# exports/. `make test` is what CI runs (.ci/run): formatting, lints,
# every test, docs, and a fresh build compared byte for byte with the
# committed exports/SHA256SUMS.
#
# One profile (release) serves the binary, the tests and the exports, so
# arrow and parquet compile once.

CARGO   ?= cargo
BIN     := target/release/corpus
CORPUS  ?= corpus
EXPORTS ?= exports

.PHONY: all build exports test lint fmt clippy unit docs reproduce consumers eval-unit eval test-spreadsheet verify check bench fuzz clean spark-env spark-build bench-stages model given-names eval-ner

# The consumer suite's Python environment (created from PyPI on first use).
VENV    ?= .venv
PY      := $(VENV)/bin/python

all: exports

build:
	$(CARGO) build --release --locked

exports: build
	$(BIN) build --corpus $(CORPUS) --out $(EXPORTS)

test: lint unit docs reproduce consumers eval-unit

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

fmt:
	$(CARGO) fmt --all

unit:
	$(CARGO) test --workspace --release --locked

docs:
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --workspace --no-deps --locked

# A fresh build must reproduce the committed checksums byte for byte.
reproduce: build
	rm -rf target/reproduce
	$(BIN) build --quiet --corpus $(CORPUS) --out target/reproduce/exports
	@if ! cmp -s target/reproduce/exports/SHA256SUMS $(EXPORTS)/SHA256SUMS; then \
	  echo "a fresh build differs from the committed $(EXPORTS)/SHA256SUMS:"; \
	  diff $(EXPORTS)/SHA256SUMS target/reproduce/exports/SHA256SUMS || true; \
	  echo "if the change is intended, run 'make' and commit $(EXPORTS)/"; \
	  exit 1; \
	fi
	cd $(EXPORTS) && sha256sum -c --quiet SHA256SUMS
	$(BIN) verify $(EXPORTS)
	@echo "reproduce: a fresh build matches $(EXPORTS)/SHA256SUMS"

# The exports as users meet them: pyarrow, pandas, polars, DuckDB, the csv
# module, frictionless, the README's snippets, and LibreOffice when present.
consumers: $(VENV)/.installed
	$(PY) -m pytest -q -rs tests/consumers

# The eval's scoring functions on tiny hand-written inputs (no dev data).
eval-unit: $(VENV)/.installed
	$(PY) -m pytest -q tests/eval

# Quality on public annotated corpora (not part of `make test`: CI has no
# dev data). EVAL_ARGS: --split train|dev, --task names|quotes|dates|all,
# --errors (error files in target/eval/errors/).
DEV_DATA  ?= ../shared/dev
EVAL_ARGS ?=
eval: build $(VENV)/.installed
	@if [ ! -d "$(DEV_DATA)" ]; then \
	  echo "make eval: the dev data folder '$(DEV_DATA)' is missing: set DEV_DATA=/path/to/dev (see README, Quality)"; \
	  exit 1; \
	fi
	$(PY) eval/run.py --data $(DEV_DATA) $(EVAL_ARGS)

test-spreadsheet: $(VENV)/.installed
	REQUIRE_SOFFICE=1 $(PY) -m pytest -q -rs tests/consumers/test_spreadsheet.py

$(VENV)/.installed: tests/consumers/requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r tests/consumers/requirements.txt
	touch $@

verify: build
	$(BIN) verify $(EXPORTS)

# Fuzz the source parser, the normaliser with every extraction step, and
# the date reader, FUZZ_SECONDS each (not part of CI). cargo fuzz needs
# nightly flags: RUSTC_BOOTSTRAP lets the stable toolchain take them. The
# code is safe Rust, so no sanitizer: more executions per second.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS := parse_source normalise_extract read_dates
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t && cp corpus/documents/*.txt tests/fixtures/hostile/documents/*.txt fuzz/corpus/$$t/ && \
	  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none $$t -- \
	    -max_total_time=$(FUZZ_SECONDS) -max_len=1048576 -timeout=10 -rss_limit_mb=4096) || exit 1; \
	done

# Throughput and memory on a generated ~150 MB corpus (BENCH_SCALE=large:
# ~1.5 GB), against the read + SHA-256 floor. Data goes to bench-data/.
bench: build
	python3 bench/run.py

# Spark (local mode here; the same script runs on a cluster with
# spark-submit): the shards as Spark tasks, then the merge. PySpark goes
# into the consumer suite's .venv; Java 17+ must be installed.
SPARK_SHARDS ?= 3
SPARK_OUT    ?= target/spark/exports
spark-env: $(VENV)/.spark

$(VENV)/.spark: $(VENV)/.installed cluster/requirements.txt
	$(PY) -m pip install -q --disable-pip-version-check -r cluster/requirements.txt
	touch $@

spark-build: build $(VENV)/.spark
	$(PY) cluster/spark_build.py --corpus $(CORPUS) --out $(SPARK_OUT) --shards $(SPARK_SHARDS)

# Per-stage throughput (divan) on each bundled document: which stage to
# look at, on which kind of text.
bench-stages:
	$(CARGO) bench -p corpus-normaliser --bench stages

# The named-entity recogniser's model (README, "Named-entity model"):
# trained on CoNLL-2003 train.conll from the public dev data (never copied
# into the repository), deterministic, then scored on dev.conll. The
# binary embeds the file; rebuild after retraining.
NER_MODEL := crates/normaliser/data/en/ner.model
# Feature groups left out: each measured on dev (README, "Named-entity
# model"), neither helped: word bigrams and sentence-position features.
NER_FLAGS ?= --epochs 15 --without bigrams --without position
model:
	$(CARGO) run --release --locked -p corpus-normaliser --example ner_train -- \
	  --train $(DEV_DATA)/conll2003/train.conll --dev $(DEV_DATA)/conll2003/dev.conll \
	  $(NER_FLAGS) --out $(NER_MODEL)

# The given names' genders the speakers' he and she agree with, learned
# from CoNLL-2003 train and PolNeAR train through the product (README,
# "Given names"); the binary embeds the file: rebuild after relearning.
given-names: build $(VENV)/.installed
	@if [ ! -d "$(DEV_DATA)" ]; then \
	  echo "make given-names: the dev data folder '$(DEV_DATA)' is missing: set DEV_DATA=/path/to/dev"; \
	  exit 2; \
	fi
	$(PY) eval/given_names.py --data $(DEV_DATA) --bin $(BIN) --out crates/normaliser/data/en/given_names.txt

# The embedded model's dev scores (gold tokens and own tokenizer) and its
# speed on the bundled documents.
eval-ner:
	$(CARGO) run --release --locked -p corpus-normaliser --example ner_eval -- \
	  --dev $(DEV_DATA)/conll2003/dev.conll --documents $(CORPUS)/documents

check: build
	$(BIN) check --corpus $(CORPUS)

clean:
	$(CARGO) clean
	rm -rf $(VENV)

# Two commands do all set-up on a fresh machine: `make run` and `make test`.
# The virtualenv is created on first use; torch is pinned to the CPU build first so that
# nothing pulls a multi-GB CUDA build.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
BASE   := $(VENV)/.base
STAMP  := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run
# `make run` installs only what the main job needs (add e.g. EXTRAS=llm for the LLM adapters, EXTRAS=llm,gguf
# for a local GGUF model); `make test` installs every extra: dev tools, LLM adapters, llama.cpp (compiled).
EXTRAS ?=
TEST_EXTRAS := dev,llm,gguf
# The data folder (index, uploaded originals, feedback, caches): ./var for everything make runs here; an installed
# `kb` without KB_HOME uses the platform's user data folder instead.
export KB_HOME ?= $(CURDIR)/var
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test test-fast lint bench bench-full clean clean-data venv

venv: $(STAMP)

$(BASE):
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	touch $(BASE)

$(STAMP): pyproject.toml $(BASE)
	$(BIN)/pip install -q -e '.[$(TEST_EXTRAS)]'
	touch $(STAMP)

BENCH_STAMP := $(VENV)/.installed-bench
$(BENCH_STAMP): $(STAMP)
	$(BIN)/pip install -q -e '.[$(TEST_EXTRAS),bench]'
	touch $(BENCH_STAMP)

$(RUN_STAMP): pyproject.toml $(BASE)
	$(BIN)/pip install -q -e '.$(if $(EXTRAS),[$(EXTRAS)])'
	touch $(RUN_STAMP)

## Ingest the bundled corpus (incrementally) and serve the API + UI on the embedded index.
run: $(RUN_STAMP)
	$(BIN)/kb ingest
	$(BIN)/kb serve

## The whole test suite: lint, types, unit, integration, browser, slow and the eval gate.
test: $(STAMP)
	$(BIN)/ruff check ingest service ui eval app tests bench
	$(BIN)/mypy
	$(BIN)/pytest

## Quick loop for development: no slow or browser tests.
test-fast: $(STAMP)
	$(BIN)/pytest -m "not slow and not browser and not llm" -x -q

lint: $(STAMP)
	$(BIN)/ruff check ingest service ui eval app tests bench
	$(BIN)/mypy

bench: $(BENCH_STAMP)
	$(BIN)/python -m bench.run --quick

bench-full: $(BENCH_STAMP)
	$(BIN)/python -m bench.run --full

## Remove the virtualenv, caches and test artifacts; the library (var/index: index, uploads, feedback) stays.
clean:
	rm -rf $(VENV) artifacts var/cache var/npm

## Remove the library too: the index, uploaded originals and feedback under var/.
clean-data:
	@echo "This deletes var/ (the index, uploaded originals and feedback). Ctrl-C within 5 s to keep it."
	@sleep 5
	rm -rf var

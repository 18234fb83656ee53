# Two commands do all set-up on a fresh machine: `make run` and `make test`.
# The virtualenv is created on first use; torch is pinned to the CPU build first so that
# nothing pulls a multi-GB CUDA build.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
EXTRAS ?= dev,llm,gguf
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test test-fast lint bench bench-full clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[$(EXTRAS)]'
	touch $(STAMP)

## Ingest the bundled corpus (incrementally) and serve the API + UI on the embedded index.
run: $(STAMP)
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

bench: $(STAMP)
	$(BIN)/python -m bench.run --quick

bench-full: $(STAMP)
	$(BIN)/python -m bench.run --full

clean:
	rm -rf $(VENV) var artifacts

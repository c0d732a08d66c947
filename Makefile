# Two commands do all the set-up on a fresh machine (Python 3.11+ and make):
#   make chat   — installs, then opens the hotline's terminal chat on the shipped knowledge and SQLite
#   make test   — installs, then runs ruff, mypy and the tests
#   make bench  — installs the benchmark extras, prints every table and writes bench/RESULTS.md
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: chat run test lint bench check

$(STAMP): pyproject.toml bot/answering/_scorer.c bot/answering/_builder.c
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,embeddings]"
	touch $(STAMP)

chat: $(STAMP)
	$(VENV)/bin/hotline chat

run: $(STAMP)
	$(VENV)/bin/hotline run

check: $(STAMP)
	$(VENV)/bin/hotline knowledge check

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

test: lint
	$(VENV)/bin/pytest

$(VENV)/.bench: $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev,bench,embeddings]"
	touch $(VENV)/.bench

bench: $(VENV)/.bench
	$(PY) -m bench.run

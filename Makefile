# Everything installs into .venv; `make test` and `make demo` work on a fresh clone.
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTHON ?= python3

.PHONY: install demo test bench fuzz lint fixtures clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/ita convert fixtures/txt fixtures/docx fixtures/pdf fixtures/html --out out/demo
	$(BIN)/ita audit out/demo --out out/demo/audit.xlsx
	$(BIN)/ita audit out/demo --out out/demo/audit.html

test: install
	$(BIN)/pytest

bench: install
	$(BIN)/python -m tests.bench

fuzz: install
	$(BIN)/python -m tests.fuzz

lint: install
	$(BIN)/ruff check .

fixtures: install
	$(BIN)/python fixtures/make_fixtures.py

clean:
	rm -rf $(VENV) out build *.egg-info

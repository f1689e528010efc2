# Every target installs what it needs first, so on a fresh machine
# `make serve` and `make test` are the whole set-up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY_OK  := $(VENV)/.installed
JS_OK  := node_modules/.installed
PORT   ?= 8000

.PHONY: deps serve build test lint bench clean

# Set-up prints one line per step; the tools' own chatter goes to a log that is
# shown only when a step fails.
QUIET := sh scripts/quiet-step.sh

$(PY_OK): pyproject.toml
	@$(QUIET) "Python: creating $(VENV)" $(PYTHON) -m venv $(VENV)
	@$(QUIET) "Python: updating pip" $(BIN)/python -m pip install -q --upgrade pip
	@$(QUIET) "Python: installing MkDocs and the test and lint tools" \
	  $(BIN)/python -m pip install -q -e '.[docs,test,lint]'
	@touch $@

$(JS_OK): package.json package-lock.json
	@$(QUIET) "JavaScript: installing the pinned Pyodide runtime and Biome" \
	  npm ci --no-audit --no-fund
	@touch $@

deps: $(PY_OK) $(JS_OK)

# Live preview for trainers: edits in docs/, snippets/ and tools/ reload the page.
# Not strict: a problem in what a trainer edits shows in the page (and here) and
# the preview goes on; `make build` stays strict and fails on the same problems.
serve: deps
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:$(PORT)

build: deps
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

test: deps
	@CHROMIUM="$$(sh scripts/find-chromium.sh)" && \
	  echo "Browser for e2e tests: $$CHROMIUM ($$($$CHROMIUM --version 2>/dev/null))" && \
	  KB_CHROMIUM="$$CHROMIUM" NO_MKDOCS_2_WARNING=1 $(BIN)/python -m pytest

# Trainers' script check first: they see it even when a code check below fails.
lint: deps
	$(BIN)/python -m tools.build.snippet_lint
	$(BIN)/ruff check tools tests scripts
	$(BIN)/ruff format --check tools tests scripts
	node_modules/.bin/biome lint

bench: deps
	@CHROMIUM="$$(sh scripts/find-chromium.sh)" && \
	  KB_CHROMIUM="$$CHROMIUM" NO_MKDOCS_2_WARNING=1 $(BIN)/python scripts/bench.py

clean:
	rm -rf site $(VENV) node_modules

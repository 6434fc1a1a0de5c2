# Two commands for a fresh clone: `make serve` (the site) and `make test` (every test).
# Each sets up what it needs first: a virtual environment with the pinned Python
# packages, the pinned npm packages, and Debian's chromium for the browser tests.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
SUBPATH := /negotiate-benefits/
# Material's banner about its successor is not news for every build.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build setup clean bench freshness

# `npm ci` whenever node_modules is missing or older than package-lock.json (Pyodide).
NODE_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

setup: $(VENV)/.installed $(NODE_STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# Debian's chromium drives the browser tests (Playwright never downloads a browser here).
$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y chromium

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

serve: setup
	@echo "Serving the site at http://$(HOST):$(PORT)$(SUBPATH) (Ctrl-C stops it)"
	SITE_URL=http://$(HOST):$(PORT)$(SUBPATH) $(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

build: setup
	$(BIN)/mkdocs build --strict --site-dir site

# Which figures a newer release should have replaced by now (hooks/freshness.py). A
# report, not a gate: the build and the tests print it too. `make freshness CHECK=1`
# exits 1 while any figure is due, as the scheduled workflow does.
freshness: $(VENV)/.installed
	$(BIN)/python hooks/freshness.py $(if $(CHECK),--check)

test: setup $(CHROMIUM)
	$(BIN)/python -m pytest --cov=calculators --cov-branch --cov-fail-under=100

clean:
	rm -rf $(VENV) site node_modules .pytest_cache .coverage .cache

# The benchmark (bench/run.py): builds the site, then times it in Debian's chromium
# against a plain Pyodide start; writes bench/results/. `make bench QUICK=1`: 1 run.
bench: setup $(CHROMIUM)
	$(BIN)/python bench/run.py $(if $(QUICK),--quick)

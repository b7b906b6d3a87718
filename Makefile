# Two commands for a fresh machine with Python 3.11 and make: `make build`, `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

# axe-core, the accessibility engine the browser tests run in each page (npm, pinned; never fetched by a test).
AXE_VERSION := 4.14.1
AXE := $(VENV)/node_modules/axe-core/axe.min.js

.PHONY: build test check serve pdf bench clean weight

# The virtual environment, with the pinned dependencies from pyproject.toml.
$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

build: $(INSTALLED)  ## check the curriculum, build the site into site/
	$(BIN)/minga build

$(AXE): $(INSTALLED)
	npm install --prefix $(VENV) --no-save --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION)

test: $(INSTALLED) $(AXE)  ## run the whole test suite
	$(BIN)/python -m pytest

check: $(INSTALLED)  ## validate the curriculum only
	$(BIN)/minga check

pdf: $(INSTALLED)  ## the printable guides and handouts only, into site/pdf/
	$(BIN)/python build_pdf.py

bench: $(INSTALLED)  ## build speed and memory on synthetic curricula (long; see benchmarks/README.md)
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

serve: $(INSTALLED)  ## live preview at http://127.0.0.1:8000/minga/
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs serve

weight: $(INSTALLED)  ## first-load weight of every page type and language of site/ (in Chromium)
	$(BIN)/python -m minga.web.weight site

clean:
	rm -rf site .site.new .site.old .site.pdf .cache

# Academy: the two commands a newcomer needs are `make site` and `make test`.
# Both create .venv and install what they need, so they work on a fresh clone.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site serve check test lint fuzz bench clean install install-test chromium schemas lms-test-tools

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Academy needs Python 3.11 or newer; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the project metadata changes; the stamp records the last install.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# The xAPI end-to-end test runs a real learning record store (ralph, from
# PyPI) in a venv of its own, so its pinned dependencies never touch ours. If
# it cannot be installed, the test fails and shows this log.
LRS := $(VENV)/lrs
$(LRS)/.installed: | $(BIN)/python
	@echo "Installing the ralph learning record store for the xAPI test..."
	@rm -f $(VENV)/lrs-install.log
	@{ $(PYTHON) -m venv $(LRS) && $(LRS)/bin/python -m pip install --quiet 'ralph-malph[lrs,cli]>=5,<6' requests; } \
	  >$(VENV)/lrs-install.log 2>&1 && touch $@ \
	  || echo "Could not install ralph; the xAPI test will fail and show $(VENV)/lrs-install.log" >&2

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

site: install
	$(BIN)/academy build --strict
	@echo
	@echo "Built the academy into build/."
	@echo "Open it with:  make serve   (live preview at http://127.0.0.1:8000/)"
	@echo "or serve the static files:  $(BIN)/python -m http.server -d build 8000"

serve: install
	$(BIN)/mkdocs serve

check: install
	$(BIN)/academy check --strict

# Browser tests drive Debian's Chromium. Install it when missing and we are
# root; otherwise say exactly what to install.
chromium:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "Installing Debian's chromium package for the browser tests..."; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; \
	else \
	  echo "The browser tests need Chromium. Install it with:  sudo apt-get install chromium" >&2; exit 1; \
	fi

# The LMS browser tests play the LMS with scorm-again (npm), installed from
# tests/lms/package-lock.json; npm ci leaves node_modules/.package-lock.json.
LMS_TOOLS := tests/lms/node_modules/.package-lock.json
$(LMS_TOOLS): tests/lms/package.json tests/lms/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "The LMS tests need npm and node. Install them with:  sudo apt-get install npm" >&2; exit 1; }
	cd tests/lms && npm ci --no-audit --no-fund --loglevel=error
	@touch $@
lms-test-tools: $(LMS_TOOLS)

test: install-test chromium $(LRS)/.installed lms-test-tools
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/python -m pytest

lint: install-test
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/ruff format --check plugins tests

# At least 100,000 generated sources through the loader, schema and rules.
fuzz: install-test
	@start=$$(date +%s); \
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-100000} $(BIN)/python -m pytest tests/test_fuzz.py -q -p no:randomly; \
	status=$$?; echo "fuzz: $${FUZZ_EXAMPLES:-100000} examples in $$(( $$(date +%s) - start )) s"; exit $$status

# Benchmarks against plain MkDocs + Material; results and method in benchmarks/README.md.
# Every benchmark runs, even after one misses its target; the exit status
# says whether any did.
bench: install
	cd benchmarks && status=0; \
	for step in "size.py" "check.py 1000" "serve.py --edits 5" "serve.py --edits 5 --dirty" "build.py --rounds 5" "lms.py"; do \
	  ../$(BIN)/python $$step || status=1; \
	done; exit $$status

schemas: install
	$(BIN)/python -m academy.core.schemas.source

clean:
	rm -rf build .pytest_cache tests/artifacts

# Academy: the two commands a newcomer needs are `make site` and `make test`.
# Both create .venv and install what they need, so they work on a fresh clone.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LOCKS  := requirements
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site serve check test test-latest lint fuzz bench clean install install-test chromium schemas \
        lock lock-python dist lms-test-tools

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Academy needs Python 3.11 or newer; found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)

# Every install comes from a lock in requirements/ (exact versions, hashes
# checked), so each machine gets the same packages; `make lock` refreshes
# them. lockfile.py also removes what a refreshed lock no longer names. The
# project itself goes in without build isolation, so its build backend is
# the locked hatchling too. A stamp records the last install.
$(VENV)/.installed: $(LOCKS)/site.lock pyproject.toml | $(BIN)/python
	$(BIN)/python $(LOCKS)/lockfile.py sync $(LOCKS)/site.lock mkdocs-academy
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.installed-test: $(LOCKS)/test.lock pyproject.toml | $(BIN)/python
	$(BIN)/python $(LOCKS)/lockfile.py sync $(LOCKS)/test.lock mkdocs-academy
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $@ $(VENV)/.installed

# The xAPI end-to-end test runs a real learning record store (ralph, from
# PyPI) in a venv of its own, from a lock of its own, so its dependencies
# never touch ours. If it cannot be installed, the test fails and shows this log.
LRS := $(VENV)/lrs
$(LRS)/.installed: $(LOCKS)/lrs.lock | $(BIN)/python
	@echo "Installing the ralph learning record store for the xAPI test..."
	@rm -f $(VENV)/lrs-install.log
	@{ { [ -x $(LRS)/bin/python ] || $(PYTHON) -m venv $(LRS); } && $(LRS)/bin/python $(LOCKS)/lockfile.py sync $(LOCKS)/lrs.lock; } \
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
	$(BIN)/ruff check plugins tests benchmarks requirements
	$(BIN)/python -m pytest

# The newest versions pyproject.toml allows, in a venv of their own (made
# anew each time, so it never keeps an old wheel), through the whole suite
# except the browser tests. Upstream changes show up here, on a schedule in
# CI, instead of in `make test`. The install tests then install into their
# fresh venvs without the lock as constraints (ACADEMY_CONSTRAINTS=none).
LATEST := .venv-latest
test-latest:
	rm -rf $(LATEST)
	$(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet -e '.[test]'
	@echo "Newest versions that differ from the lock ($(LOCKS)/test.lock):"
	@$(LATEST)/bin/python $(LOCKS)/lockfile.py diff $(LOCKS)/test.lock mkdocs-academy setuptools
	$(LATEST)/bin/ruff check plugins tests benchmarks requirements
	ACADEMY_CONSTRAINTS=none $(LATEST)/bin/python -m pytest -m "not browser" -p no:cacheprovider

# Re-resolve every lock to the newest versions the ranges allow, with uv (the
# test lock installs it). The site lock is resolved under the test lock, so
# the two agree on every package they share. Another ecosystem's lock (an
# npm package-lock.json for a JavaScript test tool, say) gets a lock-npm
# target of its own, listed here.
LOCK_TARGETS := lock-python
lock: $(LOCK_TARGETS)

# uv comes at the version the test lock names, installed alone, so that
# `make lock` also repairs a lock that no longer installs.
UV_VERSION := $(shell sed -n 's/^uv==\([^ ]*\).*/\1/p' $(LOCKS)/test.lock)
UV_COMPILE = $(BIN)/uv pip compile --quiet --upgrade --universal --python-version 3.11 \
             --generate-hashes --custom-compile-command "make lock"
lock-python: | $(BIN)/python
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	$(UV_COMPILE) pyproject.toml --extra test $(LOCKS)/dev.in -o $(LOCKS)/test.lock
	$(UV_COMPILE) pyproject.toml $(LOCKS)/build.in -c $(LOCKS)/test.lock -o $(LOCKS)/site.lock
	$(UV_COMPILE) $(LOCKS)/lrs.in -o $(LOCKS)/lrs.lock
	@git diff --stat -- $(LOCKS) 2>/dev/null || true
	@echo "Locks refreshed. Run make test, then commit requirements/."

# The wheel and sdist, built with the locked build tools.
dist: install-test
	rm -rf dist
	$(BIN)/python -m build --no-isolation --outdir dist .

lint: install-test
	$(BIN)/ruff check plugins tests benchmarks requirements
	$(BIN)/ruff format --check plugins tests requirements

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
	for step in "size.py" "check.py 1000 3000" "edit.py --edits 5" "edit.py --edits 3 --clean" "memory.py" \
	            "serve.py --edits 5" "serve.py --edits 5 --dirty" "build.py --rounds 5" "build.py --rounds 5 --content probe" \
	            "build.py --rounds 3 --store cold --sizes 1000" "insights.py" "lms.py"; do \
	  ../$(BIN)/python $$step || status=1; \
	done; exit $$status

schemas: install
	$(BIN)/python -m academy.core.schemas.source

clean:
	rm -rf build dist .pytest_cache tests/artifacts $(LATEST)

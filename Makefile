# Two commands: `make run` serves the demo, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONSTRAINTS := requirements/constraints.txt
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint browser lock clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml $(CONSTRAINTS)
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -c $(CONSTRAINTS) -e ".[dev]"
	touch $@

var/secret_key:
	mkdir -p var
	$(BIN)/python -c "import secrets; print(secrets.token_urlsafe(64))" > $@
	chmod 600 $@

# The demo runs as production does (DEBUG off, gunicorn, whitenoise), but over plain HTTP.
DEMO_ENV = DEBUG=0 YHDESSA_HTTPS=0 SECRET_KEY="$$(cat var/secret_key)" \
	ALLOWED_HOSTS=$(HOST),localhost YHDESSA_SITE_URL=http://$(HOST):$(PORT)

run: $(VENV)/.installed var/secret_key
	$(DEMO_ENV) $(BIN)/yhdessa migrate --no-input
	$(DEMO_ENV) $(BIN)/yhdessa collectstatic --no-input --verbosity 0
	$(DEMO_ENV) $(BIN)/yhdessa demo
	@echo
	@echo "Yhdessä is served at http://$(HOST):$(PORT)/  (Ctrl+C stops it)"
	$(DEMO_ENV) YHDESSA_BIND=$(HOST):$(PORT) PATH="$(CURDIR)/$(BIN):$$PATH" \
	  $(BIN)/honcho start --procfile Procfile

# Browser tests drive Debian's Chromium; install it when we can (root with apt-get).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Note: /usr/bin/chromium is missing, so the browser tests will be skipped" \
	         "(install Debian's chromium package to run them)."; \
	  fi; \
	fi

test: $(VENV)/.installed-dev browser
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# Refresh the pinned versions after changing dependencies in pyproject.toml.
lock: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	$(BIN)/pip freeze --exclude-editable | grep -v '^-e' > $(CONSTRAINTS)

clean:
	rm -rf $(VENV) var/static

bench: $(VENV)/.installed
	DEBUG=1 $(BIN)/python bench/bench_directory.py
	DEBUG=1 $(BIN)/python bench/bench_experiments.py
	DEBUG=1 $(BIN)/python bench/bench_reports.py

# `make run` starts the system with demo data on SQLite; `make test` runs every check;
# `make serve` runs it in production (docs/deployment.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

.PHONY: run serve test lint types migrations-check imports test-sqlite test-postgres test-replica test-browser \
        test-load test-fuzz system-deps demo messages clean

# Quiet: a newcomer sees where to go, whom to sign in as, how to stop and how to start over.
run: $(VENV)/.run
	@DEBUG=true $(PY) manage.py migrate --noinput -v 0
	@DEBUG=true $(PY) manage.py seed_demo
	@echo
	@echo "Concord: http://127.0.0.1:8000/ (Russian; English at http://127.0.0.1:8000/en/)"
	@echo "Sign in with one of the accounts above; mail is printed here, on the console."
	@echo "Ctrl+C stops it; 'make run' starts it again with the same data; 'make demo' resets the demo."
	@echo
	@DEBUG=true CONCORD_SITE_URL=$${CONCORD_SITE_URL:-http://127.0.0.1:8000} \
	  $(PY) manage.py runserver --skip-checks 127.0.0.1:8000

# Start the demo over: the SQLite database is deleted and built again (nothing else is touched).
demo: $(VENV)/.run
	rm -f concord.sqlite3 concord.sqlite3-wal concord.sqlite3-shm
	@DEBUG=true $(PY) manage.py migrate --noinput -v 0
	@DEBUG=true $(PY) manage.py seed_demo

# Production: gunicorn with CONCORD_PRODUCTION=true, after the migrations and collectstatic. Needs the
# environment of docs/deployment.md (SECRET_KEY, ALLOWED_HOSTS, ...); CONCORD_BIND (127.0.0.1:8000),
# GUNICORN_WORKERS (2) and GUNICORN_THREADS (4) size it (config/gunicorn.py).
serve: $(VENV)/.run
	CONCORD_PRODUCTION=true $(PY) manage.py migrate --noinput
	CONCORD_PRODUCTION=true $(PY) manage.py collectstatic --noinput
	CONCORD_PRODUCTION=true exec $(BIN)/gunicorn -c config/gunicorn.py config.wsgi

test: $(VENV)/.dev system-deps lint types migrations-check imports test-load test-sqlite test-fuzz test-postgres test-replica \
      test-browser

$(VENV)/.venv:
	@echo "Setting up .venv (a minute or two, the first time only)..."
	@$(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	touch $@

$(VENV)/.run: pyproject.toml $(VENV)/.venv
	@$(PY) -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.dev: pyproject.toml $(VENV)/.venv
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.run

system-deps:
	@scripts/system-deps

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(VENV)/.dev
	$(BIN)/mypy .

migrations-check: $(VENV)/.dev
	$(PY) manage.py makemigrations --check --dry-run

imports: $(VENV)/.dev
	$(BIN)/lint-imports

test-sqlite: $(VENV)/.dev
	$(BIN)/pytest -q

# Schemathesis over the whole API schema as two personas, bounded (FUZZ_EXAMPLES per operation).
test-fuzz: $(VENV)/.dev
	$(BIN)/pytest -q -m fuzz tests/fuzz

test-postgres: $(VENV)/.dev
	@if scripts/system-deps --has postgresql; then scripts/with-postgres $(BIN)/pytest -q; \
	 else echo "SKIPPED: tests on PostgreSQL (no PostgreSQL server binaries; run as root to install)"; fi

# A primary and a streaming standby on loopback sockets: reads routed to the standby (docs/replica.md).
test-replica: $(VENV)/.dev
	@if scripts/system-deps --has postgresql; then \
	   scripts/with-postgres --replica $(BIN)/pytest -q -m replica tests/test_replica.py; \
	 else echo "SKIPPED: read-replica tests (no PostgreSQL server binaries; run as root to install)"; fi

test-browser: $(VENV)/.dev
	@if scripts/system-deps --has chromium; then $(BIN)/pytest -q -m browser; \
	 else echo "SKIPPED: browser tests (no /usr/bin/chromium; run as root to install)"; fi

# The production server (scripts/with-server: gunicorn, a fresh demo database) under 50 simulated
# people for 30 s, three in five anonymous (tests/load/locustfile.py); any failed request fails it.
test-load: $(VENV)/.dev
	PYTHON=$(PY) scripts/with-server --demo $(BIN)/locust -f tests/load/locustfile.py --headless \
	  --users 50 --spawn-rate 10 --run-time 30s --only-summary

# Regenerate the Russian catalogue after changing interface strings (needs GNU gettext).
messages: $(VENV)/.dev
	$(PY) manage.py makemessages -l ru -l en --no-obsolete --ignore=.venv
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) concord.sqlite3* var

# Concertation — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RUNTIME_STAMP := $(VENV)/.installed-runtime
NPM    ?= npm
CONSOLE := console
CONSOLE_DEPS := $(CONSOLE)/node_modules/.installed
CONSOLE_BUILD := $(CONSOLE)/dist/index.html
CONSOLE_SOURCES := $(shell find $(CONSOLE)/src $(CONSOLE)/public -type f 2>/dev/null) \
	$(wildcard $(CONSOLE)/index.html $(CONSOLE)/vite.config.* $(CONSOLE)/tsconfig*.json $(CONSOLE)/package.json)
HOST   ?= 127.0.0.1
PORT   ?= 8000
export CONCERTATION_DATABASE_URL ?= sqlite:///var/concertation.db

.PHONY: run test lint check openapi openapi-check migrate clean help bench seed fuzz console console-test

help:
	@echo "make run            install, migrate, build the console, serve http://$(HOST):$(PORT)/console (PORT=…)"
	@echo "make test           the whole suite on SQLite and PostgreSQL, the console's tests, browser tests"
	@echo "make lint           ruff, mypy, import-linter, ESLint over console/, Spectral over the OpenAPI"
	@echo "make check          lint + test + OpenAPI snapshot check"
	@echo "make openapi        regenerate openapi/openapi.json"
	@echo "make fuzz           schemathesis over the whole OpenAPI, every role, stateful, SQLite and PostgreSQL, at"
	@echo "                    length (FUZZ_EXAMPLES=200 per operation, FUZZ_STEPS=20 per scenario; FUZZ_RANDOM=1"
	@echo "                    for a fresh random run, reproducible with PYTEST_ARGS=--hypothesis-seed=<seed>)"
	@echo "make bench          SPEC §7 benchmark against a bare FastAPI baseline, SQLite and PostgreSQL (~30 min;"
	@echo "                    BENCH_QUICK=1 for a few minutes); table printed and written to bench/results/"
	@echo "make seed           fill the database with 100 000 concertations, 1 000 000 minutes entries (SEED_ARGS=…)"

# `make run` needs only the runtime dependencies; the development set (test, lint, fuzz, bench tools) is `make test`'s.
$(RUNTIME_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME_STAMP)

$(STAMP): $(RUNTIME_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The console's npm dependencies, exactly as the lock file has them; then its build (only when a source changed).
$(CONSOLE_DEPS): $(CONSOLE)/package-lock.json
	@command -v $(NPM) >/dev/null || { echo "npm not found: the console needs Node 20 and npm" >&2; exit 1; }
	$(NPM) --prefix $(CONSOLE) ci --no-audit --no-fund --loglevel=error
	touch $(CONSOLE_DEPS)

$(CONSOLE_BUILD): $(CONSOLE_DEPS) $(CONSOLE_SOURCES)
	$(NPM) --prefix $(CONSOLE) run build

console: $(CONSOLE_BUILD)

migrate: $(RUNTIME_STAMP)
	$(BIN)/alembic upgrade head
	$(BIN)/concertation keys seal-registry

# The port is checked before anything is printed; the console is built when missing or older than its sources.
run: migrate $(CONSOLE_BUILD)
	$(BIN)/concertation welcome --host $(HOST) --port $(PORT)
	$(BIN)/uvicorn --factory api.main:create_app --host $(HOST) --port $(PORT)

# The console's own checks: types, unit tests (Vitest), the generated client matches openapi/openapi.json.
console-test: $(CONSOLE_DEPS)
	$(NPM) --prefix $(CONSOLE) run typecheck
	$(NPM) --prefix $(CONSOLE) run test
	$(NPM) --prefix $(CONSOLE) run gen:check

# Coverage of policies/ must stay at 100 % (fail_under in pyproject.toml). The browser tests (tests/e2e) drive the
# built console in Debian's Chromium (/usr/bin/chromium; .ci/run installs it).
test: $(STAMP) console-test $(CONSOLE_BUILD)
	$(BIN)/python -m pytest --cov=policies --cov-branch --cov-report=term-missing:skip-covered $(PYTEST_ARGS)

lint: $(STAMP) $(CONSOLE_DEPS)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy policies api models tests bench
	$(BIN)/lint-imports
	$(NPM) --prefix $(CONSOLE) run lint
	$(NPM) --prefix $(CONSOLE) run spectral

openapi: $(STAMP) $(CONSOLE_DEPS)
	$(BIN)/python -m api.openapi write
	$(NPM) --prefix $(CONSOLE) run gen

openapi-check: $(STAMP)
	$(BIN)/python -m api.openapi check

check: lint test openapi-check

# `make test` runs the same fuzz in a bounded, derandomised profile; this one is long (tens of minutes).
FUZZ_EXAMPLES ?= 200
FUZZ_STEPS ?= 20
fuzz: $(STAMP)
	CONCERTATION_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) CONCERTATION_FUZZ_STEPS=$(FUZZ_STEPS) \
	CONCERTATION_FUZZ_RANDOM=$(FUZZ_RANDOM) $(BIN)/python -m pytest -p no:cacheprovider tests/fuzz $(PYTEST_ARGS)

# Starts its own servers on fresh databases (a temporary SQLite file; a database on CONCERTATION_TEST_POSTGRES_URL's
# server, dropped at the end); BENCH_DATABASES=sqlite runs one only.
bench: $(STAMP)
	$(BIN)/python -m bench.run

seed: migrate $(STAMP)
	$(BIN)/python -m bench.seed $(SEED_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage $(CONSOLE)/node_modules $(CONSOLE)/dist

# Concertation — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
export CONCERTATION_DATABASE_URL ?= sqlite:///var/concertation.db

.PHONY: run test lint check openapi openapi-check migrate clean help bench seed fuzz

help:
	@echo "make run            install, migrate, print a token, serve on http://$(HOST):$(PORT) (docs at /docs)"
	@echo "make test           the whole suite on SQLite and PostgreSQL"
	@echo "make lint           ruff, mypy, import-linter"
	@echo "make check          lint + test + OpenAPI snapshot check"
	@echo "make openapi        regenerate openapi/openapi.json"
	@echo "make fuzz           schemathesis over the whole OpenAPI, every role, stateful, SQLite and PostgreSQL, at"
	@echo "                    length (FUZZ_EXAMPLES=200 per operation, FUZZ_STEPS=20 per scenario; FUZZ_RANDOM=1"
	@echo "                    for a fresh random run, reproducible with PYTEST_ARGS=--hypothesis-seed=<seed>)"
	@echo "make bench          SPEC §7 benchmark against a bare FastAPI baseline, SQLite and PostgreSQL (~30 min;"
	@echo "                    BENCH_QUICK=1 for a few minutes); table printed and written to bench/results/"
	@echo "make seed           fill the database with 100 000 concertations, 1 000 000 minutes entries (SEED_ARGS=…)"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

migrate: $(STAMP)
	$(BIN)/alembic upgrade head
	$(BIN)/concertation keys seal-registry

run: migrate
	$(BIN)/concertation welcome --host $(HOST) --port $(PORT)
	$(BIN)/uvicorn --factory api.main:create_app --host $(HOST) --port $(PORT)

# Coverage of policies/ must stay at 100 % (fail_under in pyproject.toml).
test: $(STAMP)
	$(BIN)/python -m pytest --cov=policies --cov-branch --cov-report=term-missing:skip-covered $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy policies api models tests bench
	$(BIN)/lint-imports

openapi: $(STAMP)
	$(BIN)/python -m api.openapi write

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

seed: migrate
	$(BIN)/python -m bench.seed $(SEED_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage

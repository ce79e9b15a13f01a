# Concertation — the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000
export CONCERTATION_DATABASE_URL ?= sqlite:///var/concertation.db

.PHONY: run test lint check openapi openapi-check migrate clean help

help:
	@echo "make run            install, migrate, print a token, serve on http://$(HOST):$(PORT) (docs at /docs)"
	@echo "make test           the whole suite on SQLite and PostgreSQL"
	@echo "make lint           ruff, mypy, import-linter"
	@echo "make check          lint + test + OpenAPI snapshot check"
	@echo "make openapi        regenerate openapi/openapi.json"

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
	$(BIN)/mypy policies api models
	$(BIN)/lint-imports

openapi: $(STAMP)
	$(BIN)/python -m api.openapi write

openapi-check: $(STAMP)
	$(BIN)/python -m api.openapi check

check: lint test openapi-check

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage

# The two commands in README.md are the contract: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean

install: $(STAMP)

# Re-installs when pyproject.toml changes; a fresh clone needs nothing else.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: install
	$(BIN)/promisegate run

lint: install
	$(BIN)/ruff check src tests bench

# pytest exits 5 when a selection is empty; that is not a failure of the suite.
test: install lint
	$(BIN)/promisegate rules lint
	$(BIN)/promisegate rules test
	$(BIN)/pytest -q $(PYTEST_ARGS) || [ $$? -eq 5 ]

bench: install
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/context.py

clean:
	rm -rf $(VENV) var .pytest_cache

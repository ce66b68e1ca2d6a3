# The two commands in README.md are the contract: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean

# The extractor compiled with mypyc (src/promisegate/native.py), rebuilt when its source changes. Without a
# C compiler the build fails with a message and the Python source runs instead (same results, slower).
NATIVE := build/native/manifest.json
NATIVE_SOURCES := $(wildcard src/promisegate/extract/*.py) src/promisegate/model.py src/promisegate/native.py pyproject.toml

install: $(STAMP) $(NATIVE)

# Re-installs when pyproject.toml changes; a fresh clone needs nothing else.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NATIVE): $(STAMP) $(NATIVE_SOURCES)
	$(BIN)/python -m promisegate.native_build || true

run: install
	$(BIN)/promisegate run

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src/promisegate/extract src/promisegate/model.py src/promisegate/native.py src/promisegate/native_build.py

# pytest exits 5 when a selection is empty; that is not a failure of the suite.
test: install lint
	$(BIN)/promisegate rules lint
	$(BIN)/promisegate rules test
	$(BIN)/pytest -q $(PYTEST_ARGS) || [ $$? -eq 5 ]

bench: install
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/context.py

clean:
	rm -rf $(VENV) var .pytest_cache build/native

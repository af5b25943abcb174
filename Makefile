# The two commands of the README:
#   make demo   set everything up in .venv/ and parse the bundled plan
#   make test   set everything up in .venv/ and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PLAN   := corpora/edu-bureau-2019.txt

.PHONY: setup demo test bench eval schema clean

setup: $(STAMP)

# pkuseg 0.0.25 is an sdist whose build needs numpy and cython already present,
# hence --no-build-isolation and the explicit build tools first.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip setuptools wheel
	$(BIN)/python -m pip install numpy cython
	$(BIN)/python -m pip install --no-build-isolation pkuseg==0.0.25
	$(BIN)/python -m pip install -e '.[dev]'
	touch $@

demo: setup
	$(BIN)/policyparse parse $(PLAN) --format table

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/bench_parse.py

eval: setup
	$(BIN)/python benchmarks/eval_outline.py

schema: setup
	$(BIN)/python scripts/gen_schema.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache

# The two commands of the README:
#   make demo   set everything up in .venv/ and parse the bundled plan
#   make test   set everything up in .venv/ and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PLAN   := corpora/edu-bureau-2019.txt

.PHONY: setup demo test bench bench-batch eval schema train clean

setup: $(STAMP)

# pkuseg 0.0.25 is an sdist whose build needs numpy and cython already present,
# hence --no-build-isolation and the build tools first, in versions known to
# build it (it compiles C extensions: gcc and the Python headers are needed).
BUILD_TOOLS := "pip>=23" "setuptools>=77,<85" "wheel>=0.40,<0.49" "numpy>=1.24,<2.5" "cython>=3.0,<3.4"

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade $(BUILD_TOOLS)
	$(BIN)/python -m pip install --no-build-isolation pkuseg==0.0.25
	$(BIN)/python -m pip install -e '.[dev,formats,batch]'
	touch $@

demo: setup
	$(BIN)/policyparse parse $(PLAN) --format table

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/bench_parse.py
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_diff.py
	$(BIN)/python benchmarks/bench_kinds.py

bench-batch: setup
	$(BIN)/python benchmarks/bench_batch.py

eval: setup
	$(BIN)/python benchmarks/eval_outline.py
	$(BIN)/python benchmarks/eval_extraction.py
	$(BIN)/python benchmarks/eval_kinds.py
	$(BIN)/python benchmarks/eval_diff.py
	$(BIN)/python benchmarks/eval_panel.py

# the quantity-kind model (src/policyparse/data/kind_model.json) from tests/gold/labels
train: setup
	$(BIN)/python scripts/train_kinds.py

schema: setup
	$(BIN)/python scripts/gen_schema.py

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache

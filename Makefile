# Ustad: `make run` serves the whole platform; `make test` runs every suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
FRONTEND_SOURCES := $(shell find frontend/src frontend/public frontend/index.html frontend/vite.config.ts -type f 2>/dev/null)

.PHONY: run install test lint test-backend test-frontend e2e bench bench-room bench-mesh bench-recording bench-checkout api-types check-deploy clean help

help:
	@echo "make run     install, build, migrate, seed and serve on http://$(HOST):$(PORT)"
	@echo "make test    lint and run backend, front-end and end-to-end tests"
	@echo "make lint    ruff, mypy, eslint and tsc"
	@echo "make e2e     Playwright journeys in Chromium against a running platform"
	@echo "make bench   print speed figures (see bench/README.md)"
	@echo "make bench-room  the live room with 50, 200 and 500 participants on two servers (about 20 minutes)"
	@echo "make bench-mesh  video between 2, 4 and 6 browsers: bitrates and CPU per participant"
	@echo "make bench-recording  recording transcode time per minute of class"
	@echo "make bench-checkout  checkout-to-access purchases per second, and duplicate webhooks"

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11+ is required") if sys.version_info < (3, 11) else None'
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || { echo "Creating a virtualenv failed: on Debian/Ubuntu install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

frontend/node_modules/.installed: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: frontend/node_modules/.installed $(FRONTEND_SOURCES)
	cd frontend && npm run build

install: $(VENV)/.installed frontend/node_modules/.installed

run: install frontend/dist/index.html
	$(PY) -m ustad.core.supervisor --host $(HOST) --port $(PORT)

lint: install
	$(VENV)/bin/ruff check backend
	$(VENV)/bin/mypy backend
	cd frontend && npm run lint && npm run typecheck

test-backend: install
	$(VENV)/bin/pytest backend

test-frontend: install
	cd frontend && npm run check:api && npm test

e2e/node_modules/.installed: e2e/package-lock.json
	cd e2e && npm ci --no-audit --no-fund
	touch $@

e2e: install frontend/dist/index.html e2e/node_modules/.installed
	@# Debian's chromium when installed; otherwise Playwright's own build (needs the internet once).
	test -x /usr/bin/chromium || test -x /usr/bin/chromium-browser || (cd e2e && npx playwright install chromium)
	cd e2e && npx playwright test

test: lint test-backend test-frontend e2e

api-types: install
	$(PY) backend/manage.py spectacular --format openapi-json --file frontend/src/api/openapi.json --validate
	cd frontend && npm run gen:api

bench: install frontend/dist/index.html
	$(PY) bench/startup.py
	$(PY) bench/catalogue.py

bench-room: install
	$(PY) bench/room.py

bench-mesh: install frontend/dist/index.html e2e/node_modules/.installed
	node bench/mesh.mjs

bench-recording: install
	$(PY) bench/recording.py

bench-checkout: install
	$(PY) bench/checkout.py

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist e2e/node_modules var/test var/e2e

# Every target installs what it needs by itself: uv (bootstrapped with pip into .tools/ when
# it is not on PATH), then a frozen sync of uv.lock. uv never downloads an interpreter here.
SHELL := /bin/bash
UV_VERSION := 0.13.9
export UV_PYTHON_DOWNLOADS := never
export UV_FROZEN := 1
# Installed packages compiled once at install: every service process imports them already
# compiled, even where PYTHONDONTWRITEBYTECODE keeps Python from caching its own compile
# (docs/performance.md: a third of a service's start).
export UV_COMPILE_BYTECODE := 1
UV := $(or $(shell command -v uv 2>/dev/null),$(CURDIR)/.tools/bin/uv)
PYTHON ?= python3

.PHONY: help setup axe run test test-dates test-unit test-integration test-deploy test-deploy-steps images lint format contracts contract-site bench chaos drill-topology clean

help:
	@echo "make run        start the platform on this machine"
	@echo "make test       run every test (unit, contract, integration, e2e)"
	@echo "make test-dates the date-sensitive suites with the clock pinned at hard dates"
	@echo "make images     the container images, built offline (needs a Docker engine)"
	@echo "make test-deploy  the compose city for real, Docker engine included (~10 min)"
	@echo "make lint       ruff and mypy"
	@echo "make contracts  regenerate contracts/ from the event models and the services' OpenAPI"
	@echo "make contract-site  render contracts/asyncapi.yaml to HTML for /contracts/ (npm)"
	@echo "make bench      speed figures beside their baselines (bench/results.json, ~20 min)"
	@echo "make chaos      fault drills under load: nothing lost, nothing doubled (~10 min)"
	@echo "make drill-topology  hub and 168 ward leaves on this machine (minutes, GBs of RAM)"

$(CURDIR)/.tools/bin/uv:
	$(PYTHON) -m venv $(CURDIR)/.tools
	$(CURDIR)/.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

.venv/.synced: $(UV) uv.lock pyproject.toml shared/pyproject.toml $(wildcard services/*/pyproject.toml) $(wildcard tools/*/pyproject.toml)
	$(UV) sync --frozen
	@touch $@

setup: .venv/.synced

# axe-core for the portal's browser tests (tests/e2e/browser.py), from npm at the version its
# lock file pins; reinstalled only when package.json or the lock file changes.
AXE := tests/e2e/axe
$(AXE)/node_modules/.installed: $(AXE)/package.json $(AXE)/package-lock.json
	npm ci --prefix $(AXE) --no-audit --no-fund --loglevel=error
	@touch $@

axe: $(AXE)/node_modules/.installed

# Production is every process's default (qcdc_shared/settings.py); this machine's city asks for
# development unless the shell says otherwise.
run bench chaos drill-topology: export QCDC_ENV ?= development

run: setup
	$(UV) run --frozen qcdc run

# The suites' brokers and SQLite files fsync a lot: their temporary folders go to RAM where the
# machine has /dev/shm (a third faster here), to the system's default otherwise.
PYTEST_TMP := $(if $(wildcard /dev/shm),--basetemp=/dev/shm/qcdc-pytest-$(shell id -u))

test: setup axe
	$(UV) run --frozen pytest $(PYTEST_TMP)

# Instants where date-naive code breaks (QCDC_TEST_NOW pins every service's shared clock; see
# qcdc_shared/testing/clock.py): the last working day of a quarter at 16:00, New Year's Eve at
# 23:30 (the UTC date is not the local one after 17:00 UTC), the Friday before Tết 2027, a
# Sunday right after the 30/4-1/5 holidays, and 29 February 2028.
TEST_DATES := 2027-03-31T16:00+07:00 2026-12-31T23:30+07:00 2027-02-05T10:00+07:00 \
	2027-05-02T10:00+07:00 2028-02-29T09:00+07:00
# What reads the calendar: every service's integration tests, the city scenarios, and the demo
# (with the ready line of `qcdc run`). SQLite only: the calendar is the same on PostgreSQL,
# which `make test` covers, as it covers the rest of the e2e cities and the demo's second,
# same-seed build (deselected here: it checks determinism, not the calendar).
DATE_SUITES := services/plans/tests/integration services/petitions/tests/integration \
	services/publicity/tests/integration services/oversight/tests/integration \
	services/gateway/tests/integration tests/integration/test_city_indicators.py \
	tests/integration/test_violations_are_detected.py \
	tests/integration/test_decision_results_are_posted.py \
	tests/integration/test_identity_never_leaks.py tests/e2e/test_ready_means_ready.py \
	tools/demo/tests
DATE_DESELECT := not test_the_same_seed_builds_the_same_city

test-dates: setup
	$(UV) run --frozen python tests/dates.py --jobs 2 $(TEST_DATES) -- \
		-m "integration or e2e" -k "$(DATE_DESELECT)" $(DATE_SUITES)

# The container images (deploy/images/Dockerfile), built as an air-gapped site builds: the
# base from Debian's packages (mmdebstrap, docker import), Python packages from a wheelhouse
# filled here from uv.lock. Prints each image's size. Needs a Docker engine.
images: setup
	$(UV) run --frozen qcdc images $(ARGS)

# The deployment for real, under a Docker engine that deploy/engine.sh installs and starts when
# none answers (and stops after): the images, the compose city (deploy/tests: healthy, a
# posting reaching the gateway, a leaf cut from the hub, a service killed, a clean stop), and
# one service's integration suite through testcontainers (the platform's own images).
test-deploy: setup
	deploy/engine.sh run $(MAKE) --no-print-directory test-deploy-steps

test-deploy-steps:
	$(UV) run --frozen qcdc images
	$(UV) run --frozen pytest -p no:cacheprovider -rA deploy/tests
	@echo "plans' integration suite through testcontainers (qcdc/nats, qcdc/postgres containers):"
	QCDC_TEST_CONTAINERS=1 $(UV) run --frozen pytest $(PYTEST_TMP) -p no:cacheprovider -rA \
		services/plans/tests/integration

test-unit: setup
	$(UV) run --frozen pytest $(PYTEST_TMP) -m "unit or contract"

test-integration: setup axe
	$(UV) run --frozen pytest $(PYTEST_TMP) -m "integration or e2e"

lint: setup
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen mypy shared/src services/*/src tools/*/src

format: setup
	$(UV) run --frozen ruff check --fix .
	$(UV) run --frozen ruff format .

contracts: setup
	$(UV) run --frozen python -m qcdc_shared.tooling.contracts_cli
	$(MAKE) --no-print-directory contract-site

# The AsyncAPI document as HTML for the gateway's /contracts/ (contracts/site/asyncapi/), made
# offline by the AsyncAPI generator and its HTML template at the versions contracts/render's
# lock file pins. The result is committed: neither `make run` nor the gateway needs npm, and a
# contract test checks it renders the current asyncapi.yaml. --ignore-scripts: the template's
# puppeteer (its PDF output, unused) would download a browser at install.
RENDER := contracts/render
$(RENDER)/node_modules/.installed: $(RENDER)/package.json $(RENDER)/package-lock.json
	npm ci --prefix $(RENDER) --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

contract-site: $(RENDER)/node_modules/.installed
	node $(RENDER)/render.cjs

# Its own nats-server and databases; under 20 minutes on 2 cores; writes bench/results.json.
bench: setup
	$(UV) run --frozen python bench/run.py

# Not part of `make test`: kills NATS and every kind of service of a two-ward city under load
# and checks the gateway holds every committed event once; writes `chaos` in bench/results.json.
# `$(UV) run --frozen python bench/chaos.py --quick` for the short version (~4 min).
chaos: setup
	$(UV) run --frozen python bench/chaos.py

# Not part of `make test`: 169 nats-servers, a few minutes; writes bench/results/topology.json.
drill-topology: setup
	$(UV) run --frozen python bench/drill_topology.py

clean:
	rm -rf .venv .tools var .pytest_cache .mypy_cache .ruff_cache tests/e2e/axe/node_modules \
		$(RENDER)/node_modules

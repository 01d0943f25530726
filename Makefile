# Every target installs what it needs by itself: uv (bootstrapped with pip into .tools/ when
# it is not on PATH), then a frozen sync of uv.lock. uv never downloads an interpreter here.
SHELL := /bin/bash
UV_VERSION := 0.13.9
export UV_PYTHON_DOWNLOADS := never
export UV_FROZEN := 1
UV := $(or $(shell command -v uv 2>/dev/null),$(CURDIR)/.tools/bin/uv)
PYTHON ?= python3

.PHONY: help setup run test test-unit test-integration lint format contracts bench clean

help:
	@echo "make run        start the platform on this machine"
	@echo "make test       run every test (unit, contract, integration, e2e)"
	@echo "make lint       ruff and mypy"
	@echo "make contracts  regenerate contracts/ from the event models"
	@echo "make bench      benchmarks (ratios against a baseline in the same process)"

$(CURDIR)/.tools/bin/uv:
	$(PYTHON) -m venv $(CURDIR)/.tools
	$(CURDIR)/.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

.venv/.synced: $(UV) uv.lock pyproject.toml shared/pyproject.toml $(wildcard services/*/pyproject.toml) $(wildcard tools/*/pyproject.toml)
	$(UV) sync --frozen
	@touch $@

setup: .venv/.synced

run: setup
	$(UV) run --frozen qcdc run

test: setup
	$(UV) run --frozen pytest

test-unit: setup
	$(UV) run --frozen pytest -m "unit or contract"

test-integration: setup
	$(UV) run --frozen pytest -m "integration or e2e"

lint: setup
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen mypy shared/src services/*/src tools/*/src

format: setup
	$(UV) run --frozen ruff check --fix .
	$(UV) run --frozen ruff format .

contracts: setup
	$(UV) run --frozen python -m qcdc_shared.contracts_cli

bench: setup
	$(UV) run --frozen python bench/catch_up.py

clean:
	rm -rf .venv .tools var .pytest_cache .mypy_cache .ruff_cache

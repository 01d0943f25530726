"""What a test's settings and the processes it starts read from the environment: none of the
developer's ``QCDC_*`` variables, and development, which the suites ask for as ``make run``
does (production is the default: qcdc_shared/settings.py)."""

from __future__ import annotations

import os
from collections.abc import Mapping

import pytest

DEVELOPMENT: Mapping[str, str] = {"QCDC_ENV": "development"}


def clean_environment(*, asked: Mapping[str, str] = DEVELOPMENT, **given: str) -> dict[str, str]:
    """This process's environment for a child process: no ``QCDC_*`` of the shell, then
    ``asked`` (development unless a test gives ``asked={}``) and ``given``."""
    kept = {name: value for name, value in os.environ.items() if not name.startswith("QCDC_")}
    return {**kept, **asked, **given}


def isolate(monkeypatch: pytest.MonkeyPatch, *prefixes: str) -> None:
    """This process's settings: no ``QCDC_*`` (and no variable of the other ``prefixes``) of
    the shell, and development."""
    for name in [n for n in os.environ if n.startswith(("QCDC_", *prefixes))]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("QCDC_ENV", "development")

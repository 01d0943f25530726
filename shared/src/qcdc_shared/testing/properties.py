"""The settings of every property test (hypothesis): the same examples on every run and
machine, a bounded number, no example database written into the working tree, and no
per-example time limit (a deadline's first lookup of a year builds its holidays)."""

from __future__ import annotations

from hypothesis import settings

PROPERTY = settings(derandomize=True, max_examples=200, deadline=None, database=None)

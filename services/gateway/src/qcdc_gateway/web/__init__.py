"""The city dashboard: server-rendered pages (Jinja2) over the same queries as the API, with a
small script that sorts tables and follows ``/api/stream``. Nothing is fetched from outside
the gateway at run time: styles, script and charts (inline SVG) ship in this package."""

from __future__ import annotations

from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"

"""The ward portal (issue 19): the pages residents read at ``/p/<ward>/...``, Vietnamese first.

The pages hold no state of their own: each request reads the ward's services through a
:class:`~qcdc_gateway.portal.wards.WardReader` (over HTTP at the city; the ward-local portal
instance gives it one ward's addresses), and the rule table in force today for every figure.
"""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "templates"

"""What only the oversight pages share: their word tables and confirmations. Who may open
them, reads, actions and redirects are :mod:`qcdc_gateway.portal.staff`'s (area ``OVERSIGHT``).
"""

from __future__ import annotations

from typing import Any, Final

from fastapi import Request
from fastapi.responses import Response

from qcdc_gateway.portal import texts_inspector
from qcdc_gateway.portal.rendering import render
from qcdc_gateway.portal.staff import done

# The confirmations a redirect may ask for (``?da=``): only these, never free text.
DONE: Final = frozenset(
    {"proposed", "confirmed", "received", "filed", "opened", "finding", "closed"}
)

# The word tables the oversight templates read as ``oversight_words``.
WORDS: Final = {
    "violations": texts_inspector.VIOLATION_STATUSES,
    "subjects": texts_inspector.SUBJECT_KINDS,
    "recommendations": texts_inspector.RECOMMENDATION_STATUSES,
    "acceptance": texts_inspector.ACCEPTANCE,
    "inspections": texts_inspector.INSPECTION_STATUSES,
    "evidence": texts_inspector.EVIDENCE_KINDS,
    "outcomes": texts_inspector.ACCESS_OUTCOMES,
}


def show(
    request: Request, template: str, context: dict[str, Any], *, status_code: int = 200
) -> Response:
    """An oversight page: ``render`` with the oversight word tables and its confirmation."""
    context = {"oversight_words": WORDS, "done": done(request, DONE, "oversight.done."), **context}
    return render(request, template, context, status_code=status_code)

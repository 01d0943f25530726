"""The form of a reception session (Law 136/2025 Art. 1(1), new Art. 3a of the Citizen
Reception Law): in person, or online from the day REC-WEEK.online takes effect. Whether a
session of a form is one of a host's periodic days is the counting row's ``session_forms``
(REC-WEEK counts sessions at the reception location), never decided here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import Rule, UnknownRule
from qcdc_shared.refusals import Refused

Form = Literal["in_person", "online"]
ONLINE_RULE = "REC-WEEK.online"


def check_form(form: Form, session_on: dt.date, rules: RuleBook, refused: type[Refused]) -> None:
    """An online session only on a day REC-WEEK.online is in force."""
    if form != "online":
        return
    try:
        rules.rule(ONLINE_RULE, session_on)
    except UnknownRule:
        rows = rules.table.rows(ONLINE_RULE)
        since = rows[0].effective_from if rows else None
        raise refused(
            "Tiếp công dân trực tuyến chưa được áp dụng vào ngày này"
            + (f"; áp dụng từ ngày {since:%d/%m/%Y}" if since else "")
            + f" ({ONLINE_RULE}).",
            "Online reception is not in force on that day"
            + (f"; it is from {since.isoformat()}" if since else "")
            + f" ({ONLINE_RULE}).",
            rule=ONLINE_RULE,
        ) from None


def counts_toward(row: Rule, form: str) -> bool:
    """Whether a session of ``form`` is one of the days ``row`` counts (empty: every form)."""
    return not row.session_forms or form in row.session_forms

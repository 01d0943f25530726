"""A posting's state as publicity's events carry it, for tests that feed the city's stream."""

from __future__ import annotations

import datetime as dt
from typing import Any

from qcdc_publicity.contracts import DeadlineV1

VN = dt.timezone(dt.timedelta(hours=7))


def posting_state(ward: str, posting_id: str, at: dt.datetime) -> dict[str, Any]:
    """Published at ``at`` on the notice board, decided that day, due under PUB-DUE."""
    day = at.astimezone(VN).date()
    return {
        "posting_id": posting_id,
        "ward": ward,
        "category": 1,
        "title": "Kế hoạch sử dụng đất năm 2027",
        "channels": ["notice_board"],
        "decided_on": day,
        "published_at": at,
        "permanent": False,
        "deadlines": [
            DeadlineV1(
                rule="PUB-DUE",
                due=day,
                due_at=dt.datetime.combine(day, dt.time(23, 59, 59), VN),
                explanation="Công khai chậm nhất 2 ngày làm việc.",
                explanation_en="Within two working days.",
                table_version="test",
            )
        ],
        "violations": [],
    }

"""City projections: what each ward's events say, kept per aggregate and order-tolerant.

An event applies only when it is newer (by ``sequence``, the aggregate's version) than what the
projection already holds, so a late or redelivered event never rolls a fact back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

POSTING_PUBLISHED = "vn.qcdc.publicity.posting.published.v1"


@dataclass(frozen=True)
class PostingFact:
    ward: str
    posting_id: str
    version: int
    status: str
    category: int
    published_at: dt.datetime
    on_time: bool


def posting_fact(ward: str, data: dict[str, object], sequence: int) -> PostingFact:
    """Read only what the city needs from the event; unknown fields are ignored."""
    published_at = dt.datetime.fromisoformat(str(data["published_at"]))
    violations = data.get("violations") or []
    return PostingFact(
        ward=ward,
        posting_id=str(data["posting_id"]),
        version=sequence,
        status=str(data["status"]),
        category=int(str(data["category"])),
        published_at=published_at,
        on_time="PUB-DUE" not in violations,  # type: ignore[operator]
    )


def is_newer(held_version: int | None, incoming: int) -> bool:
    return held_version is None or incoming > held_version

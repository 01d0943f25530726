"""Legal public postings (Law 10/2022 Arts. 11–14): what a posting is and what it may become.

Pure rules: the rule book (rule table + working calendar) is handed in; no I/O here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Literal, Protocol

from qcdc_shared.deadlines import Deadline, local_date
from qcdc_shared.rules import Rule

Channel = Literal["notice_board", "community_hall", "portal", "loudspeaker", "group_heads"]
Status = Literal["draft", "published"]


class RuleBook(Protocol):
    def rule(self, rule_id: str, on: dt.date) -> Rule: ...
    def applies(self, rule_id: str, *, to: int, on: dt.date) -> bool: ...
    def deadline(self, rule_id: str, start: dt.datetime | dt.date) -> Deadline: ...


class PostingRefused(Exception):
    """A request the law or the posting's state refuses; ``rule`` names the law when one does."""

    def __init__(
        self, detail_vi: str, detail_en: str, *, rule: str | None = None, conflict: bool = False
    ) -> None:
        super().__init__(detail_en)
        self.detail_vi = detail_vi
        self.detail_en = detail_en
        self.rule = rule
        self.conflict = conflict


@dataclass(frozen=True)
class Posting:
    id: str
    ward: str
    category: int
    title: str
    body: str
    decided_on: dt.date
    channels: tuple[Channel, ...]
    created_at: dt.datetime
    status: Status = "draft"
    published_at: dt.datetime | None = None
    version: int = 1
    deadlines: tuple[Deadline, ...] = ()
    violations: tuple[str, ...] = field(default=())

    def deadline(self, rule_id: str) -> Deadline | None:
        return next((d for d in self.deadlines if d.rule == rule_id), None)


def draft_posting(
    *,
    posting_id: str,
    ward: str,
    category: int,
    title: str,
    body: str,
    decided_on: dt.date,
    channels: tuple[Channel, ...],
    now: dt.datetime,
    today: dt.date,
    rules: RuleBook,
) -> Posting:
    categories = rules.rule("PUB-CAT", today).amount or 0
    if not 1 <= category <= categories:
        raise PostingRefused(
            f"Nhóm nội dung phải từ 1 đến {categories} (Điều 11 Luật 10/2022).",
            f"The category must be 1 to {categories} (Law 10/2022 Art. 11).",
            rule="PUB-CAT",
        )
    if decided_on > today:
        raise PostingRefused(
            "Ngày ban hành văn bản không thể ở tương lai.",
            "The date of the decision cannot be in the future.",
        )
    if len(set(channels)) != len(channels) or not channels:
        raise PostingRefused(
            "Cần ít nhất một hình thức công khai, không lặp lại.",
            "Give at least one channel, each once.",
        )
    return Posting(
        id=posting_id,
        ward=ward,
        category=category,
        title=title,
        body=body,
        decided_on=decided_on,
        channels=channels,
        created_at=now,
    )


def publish(
    posting: Posting, *, published_at: dt.datetime, now: dt.datetime, rules: RuleBook
) -> Posting:
    """Publish a draft. A physical posting made earlier may be recorded with its real date."""
    if posting.status != "draft":
        raise PostingRefused(
            "Tin đã được công khai, không công khai lại.",
            "The posting is already published.",
            conflict=True,
        )
    if published_at > now:
        raise PostingRefused(
            "Ngày công khai không thể ở tương lai.", "The publication date cannot be in the future."
        )
    local_day = local_date(published_at)
    if local_day < posting.decided_on:
        raise PostingRefused(
            "Không thể công khai trước ngày ban hành văn bản.",
            "A posting cannot be published before the decision it discloses.",
        )
    deadlines = [rules.deadline("PUB-DUE", posting.decided_on)]
    for rule_id in ("PUB-MIN30", "PUB-LOUD"):  # periods counted from publication
        if rules.applies(rule_id, to=posting.category, on=local_day):
            deadlines.append(rules.deadline(rule_id, published_at))
    violations = ("PUB-DUE",) if published_at > deadlines[0].due_at else ()
    return replace(
        posting,
        status="published",
        published_at=published_at,
        version=posting.version + 1,
        deadlines=tuple(deadlines),
        violations=violations,
    )


def is_permanent(posting: Posting, rules: RuleBook) -> bool:
    """PUB-PERM: categories posted permanently, replaced rather than withdrawn."""
    return rules.applies("PUB-PERM", to=posting.category, on=posting.decided_on)

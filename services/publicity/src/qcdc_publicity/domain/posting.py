"""Legal public postings (Law 10/2022 Arts. 11–14): what a posting is and what it may become.

draft → published → expired, or → withdrawn with a reason; permanent categories (PUB-PERM) are
amended by a new version instead. Pure rules: the rule book (rule table + working calendar) is
handed in, no I/O here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Literal

from qcdc_shared.law.deadlines import Deadline, local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import UnknownRule
from qcdc_shared.refusals import Refused

Channel = Literal["notice_board", "community_hall", "portal", "loudspeaker", "group_heads"]
Status = Literal["draft", "published", "withdrawn", "expired"]
SourceKind = Literal["decision_result", "petition_answer", "consultation_result", "quarterly_list"]
GROUP_HEADS = "PUB-LOUD.group-heads"

# PUB-TTHC (Decree 63/2010 Art. 8 as amended by Decree 92/2017): the elements of a procedure,
# named (the table holds numbers, not names) in the order the article lists them, the basic
# ones first. How many of the first are basic and required is PUB-TTHC's amount; the next
# PUB-TTHC.conditional ones are part of a procedure only where it has them, which a posting
# cannot tell, so they are accepted and never required. Each key's Vietnamese name is what a
# refusal shows.
PROCEDURE_ELEMENTS: dict[str, str] = {
    "name": "tên thủ tục",
    "steps": "trình tự thực hiện",
    "method": "cách thức thực hiện",
    "dossier": "thành phần, số lượng hồ sơ",
    "processing_time": "thời hạn giải quyết",
    "applicants": "đối tượng thực hiện",
    "agency": "cơ quan giải quyết",
    "result": "kết quả thực hiện",
    "forms": "mẫu đơn, mẫu tờ khai",
    "conditions": "yêu cầu, điều kiện",
    "fees": "phí, lệ phí",
}


class PostingRefused(Refused):
    """A request the law or the posting's state refuses."""


@dataclass(frozen=True)
class Attachment:
    name: str
    url: str | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class Source:
    kind: SourceKind
    id: str


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
    attachments: tuple[Attachment, ...] = ()
    procedure: dict[str, str] | None = None
    source: Source | None = None
    status: Status = "draft"
    published_at: dt.datetime | None = None
    changed_at: dt.datetime | None = None  # the last amendment, withdrawal or expiry
    withdrawal_reason: str | None = None
    # PUB-LOUD.group-heads: when the item went to the residential-group heads (the
    # publication itself when "group_heads" is among its channels).
    group_heads_sent_at: dt.datetime | None = None
    version: int = 1
    deadlines: tuple[Deadline, ...] = ()
    violations: tuple[str, ...] = ()

    def deadline(self, rule_id: str) -> Deadline | None:
        return next((d for d in self.deadlines if d.rule == rule_id), None)


def is_permanent(category: int, rules: RuleBook, on: dt.date) -> bool:
    """PUB-PERM: categories posted permanently, replaced rather than withdrawn."""
    return rules.applies("PUB-PERM", to=category, on=on)


def goes_to_group_heads(category: int, rules: RuleBook, on: dt.date) -> bool:
    """PUB-LOUD.group-heads: the categories read on the loudspeaker (PUB-LOUD's) are also
    sent to the residential-group heads, from the day the row is in force."""
    if not rules.applies("PUB-LOUD", to=category, on=on):
        return False
    try:
        rules.rule(GROUP_HEADS, on)
    except UnknownRule:
        return False
    return True


def is_procedure(category: int, rules: RuleBook, on: dt.date) -> bool:
    """PUB-TTHC: the category of administrative procedures, whose elements are required."""
    return rules.applies("PUB-TTHC", to=category, on=on)


def procedure_elements(rules: RuleBook, on: dt.date) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """PUB-TTHC: the basic elements a procedure posting must state, and the conditional ones
    it states where the procedure has them."""
    basic = int(rules.rule("PUB-TTHC", on).amount or 0)
    conditional = int(rules.rule("PUB-TTHC.conditional", on).amount or 0)
    names = tuple(PROCEDURE_ELEMENTS)
    if basic + conditional > len(names):
        raise ValueError("PUB-TTHC counts more elements than the platform names")
    return names[:basic], names[basic : basic + conditional]


def _check_procedure(
    category: int, procedure: dict[str, str] | None, rules: RuleBook, on: dt.date
) -> None:
    if not is_procedure(category, rules, on):
        return
    basic, _ = procedure_elements(rules, on)
    missing = [e for e in basic if not (procedure or {}).get(e, "").strip()]
    if missing:
        raise PostingRefused(
            f"Thủ tục hành chính phải nêu đủ {len(basic)} bộ phận cơ bản; còn thiếu: "
            f"{'; '.join(f'{PROCEDURE_ELEMENTS[e]} ({e})' for e in missing)} (PUB-TTHC).",
            f"A procedure posting states all {len(basic)} basic elements; missing: "
            f"{', '.join(missing)} (PUB-TTHC).",
            rule="PUB-TTHC",
        )


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
    rules: RuleBook,
    attachments: tuple[Attachment, ...] = (),
    procedure: dict[str, str] | None = None,
    source: Source | None = None,
) -> Posting:
    today = local_date(now)
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
    for attachment in attachments:
        if not (attachment.url or attachment.sha256):
            raise PostingRefused(
                f"Tệp đính kèm {attachment.name} cần đường dẫn hoặc mã băm SHA-256.",
                f"Attachment {attachment.name} needs a link or a SHA-256 hash.",
            )
    _check_procedure(category, procedure, rules, today)
    return Posting(
        id=posting_id,
        ward=ward,
        category=category,
        title=title,
        body=body,
        decided_on=decided_on,
        channels=channels,
        created_at=now,
        attachments=attachments,
        procedure=procedure if is_procedure(category, rules, today) else None,
        source=source,
    )


# The rule that says by when a posting is due, by what caused it. A posting an officer makes,
# and one another service's fact causes, discloses a decision: PUB-DUE from its date. The
# quarterly list discloses a quarter: PUB-QTR.due from the quarter's last day (its
# ``decided_on``), never PUB-DUE from the quarter's first day, which would make every list the
# platform posts on time look late.
PUBLICATION_RULES: dict[SourceKind | None, str] = {
    None: "PUB-DUE",
    "decision_result": "PUB-DUE",
    "petition_answer": "PUB-DUE",
    "consultation_result": "PUB-DUE",
    "quarterly_list": "PUB-QTR.due",
}


def publication_deadline(posting: Posting, rules: RuleBook) -> Deadline:
    """PUB-DUE, or the rule of the fact that caused the posting (PUB-QTR.due)."""
    rule_id = PUBLICATION_RULES[posting.source.kind if posting.source else None]
    return rules.deadline(rule_id, posting.decided_on)


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
    due = publication_deadline(posting, rules)
    deadlines = [due]
    for rule_id in ("PUB-MIN30", "PUB-LOUD"):  # periods counted from publication
        if rules.applies(rule_id, to=posting.category, on=local_day):
            deadlines.append(rules.deadline(rule_id, published_at))
    # A violation names DOMAIN.md's rule (PUB-QTR); the deadline names the row (PUB-QTR.due).
    violations = (due.rule.partition(".")[0],) if published_at > due.due_at else ()
    sent = "group_heads" in posting.channels and goes_to_group_heads(
        posting.category, rules, local_day
    )
    return replace(
        posting,
        status="published",
        published_at=published_at,
        version=posting.version + 1,
        deadlines=tuple(deadlines),
        violations=violations,
        group_heads_sent_at=published_at if sent else None,
    )


def withdraw(posting: Posting, *, reason: str, now: dt.datetime, rules: RuleBook) -> Posting:
    """Take a posting down with a public reason; before its minimum end this breaks PUB-MIN30."""
    if posting.status != "published":
        raise PostingRefused(
            "Chỉ gỡ được tin đang công khai.",
            "Only a published posting can be withdrawn.",
            conflict=True,
        )
    if is_permanent(posting.category, rules, posting.decided_on):
        raise PostingRefused(
            "Nhóm nội dung này được niêm yết thường xuyên: thay thế bằng phiên bản mới, không gỡ.",
            "This category is posted permanently: amend it with a new version, never withdraw.",
            rule="PUB-PERM",
            conflict=True,
        )
    if not reason.strip():
        raise PostingRefused(
            "Cần nêu lý do gỡ tin (lý do được công khai).",
            "A withdrawal needs a reason (it is made public).",
        )
    minimum = posting.deadline("PUB-MIN30")
    early = minimum is not None and now <= minimum.due_at
    violations = posting.violations + (("PUB-MIN30",) if early else ())
    return replace(
        posting,
        status="withdrawn",
        changed_at=now,
        withdrawal_reason=reason.strip(),
        version=posting.version + 1,
        violations=violations,
    )


def amend(
    posting: Posting,
    *,
    title: str,
    body: str,
    channels: tuple[Channel, ...],
    attachments: tuple[Attachment, ...],
    procedure: dict[str, str] | None,
    now: dt.datetime,
    rules: RuleBook,
) -> Posting:
    """A permanent posting (PUB-PERM) changes by a new version; the old one stays readable."""
    if posting.status != "published":
        raise PostingRefused(
            "Chỉ sửa đổi được tin đang công khai.",
            "Only a published posting can be amended.",
            conflict=True,
        )
    if not is_permanent(posting.category, rules, posting.decided_on):
        raise PostingRefused(
            "Chỉ nhóm nội dung niêm yết thường xuyên (PUB-PERM) được thay thế bằng phiên bản mới.",
            "Only permanently posted categories are amended; withdraw and post anew instead.",
            rule="PUB-PERM",
            conflict=True,
        )
    if len(set(channels)) != len(channels) or not channels:
        raise PostingRefused(
            "Cần ít nhất một hình thức công khai, không lặp lại.",
            "Give at least one channel, each once.",
        )
    _check_procedure(posting.category, procedure, rules, local_date(now))
    return replace(
        posting,
        title=title,
        body=body,
        channels=channels,
        attachments=attachments,
        procedure=procedure if is_procedure(posting.category, rules, local_date(now)) else None,
        changed_at=now,
        version=posting.version + 1,
    )


def expire_if_due(posting: Posting, *, now: dt.datetime) -> Posting | None:
    """A published posting whose minimum period ended expires (still supplied on request)."""
    minimum = posting.deadline("PUB-MIN30")
    if posting.status != "published" or minimum is None or now <= minimum.due_at:
        return None
    return replace(posting, status="expired", changed_at=now, version=posting.version + 1)


def version_document(posting: Posting) -> dict[str, Any]:
    """The public content of one version: what the ledger hashes and a citizen re-hashes."""

    def instant(value: dt.datetime | None) -> str | None:
        return value.astimezone(dt.UTC).isoformat() if value else None

    return {
        "posting_id": posting.id,
        "ward": posting.ward,
        "version": posting.version,
        "status": posting.status,
        "category": posting.category,
        "title": posting.title,
        "body": posting.body,
        "decided_on": posting.decided_on.isoformat(),
        "channels": list(posting.channels),
        "attachments": [
            {k: v for k, v in vars(a).items() if v is not None} for a in posting.attachments
        ],
        "procedure": posting.procedure,
        "published_at": instant(posting.published_at),
        "changed_at": instant(posting.changed_at),
        "withdrawal_reason": posting.withdrawal_reason,
        "deadlines": [
            {"rule": d.rule, "due": d.due.isoformat(), "table_version": d.table_version}
            for d in posting.deadlines
        ],
        "violations": list(posting.violations),
        "source": {"kind": posting.source.kind, "id": posting.source.id}
        if posting.source
        else None,
        # Only once sent: the documents of every other version keep their shape.
        **(
            {"group_heads_sent_at": instant(posting.group_heads_sent_at)}
            if posting.group_heads_sent_at
            else {}
        ),
    }

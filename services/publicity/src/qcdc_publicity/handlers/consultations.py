"""Consultation commands: load, ask the domain, save, record the event (CON-MIN20)."""

from __future__ import annotations

from dataclasses import replace

from qcdc_publicity.adapters.bus import closed_event, comment_event, opened_event
from qcdc_publicity.domain import consultation as model
from qcdc_publicity.domain.caused import CausedPosting
from qcdc_publicity.domain.consultation import (
    Comment,
    Consultation,
    ConsultationRefused,
    ResponseItem,
)
from qcdc_publicity.domain.posting import Source
from qcdc_publicity.handlers.postings import publish_caused_posting
from qcdc_publicity.unit_of_work import PublicityUnitOfWork
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.refusals import NotFound


async def _load(uow: PublicityUnitOfWork, consultation_id: str) -> Consultation:
    consultation = await uow.consultations.get(consultation_id)
    if consultation is None:
        raise NotFound("đợt lấy ý kiến", "consultation", consultation_id)
    return consultation


async def open_consultation(
    *,
    uow: PublicityUnitOfWork,
    rules: RuleBook,
    consultation_id: str,
    created_by: str,
    title: str,
    draft: str,
) -> Consultation:
    consultation = model.open_consultation(
        consultation_id=consultation_id,
        ward=uow.ward,
        title=title,
        draft=draft,
        now=uow.clock.now(),
        rules=rules,
    )
    await uow.consultations.add(consultation, created_by=created_by)
    uow.record(
        opened_event(consultation), aggregate_id=consultation.id, sequence=consultation.version
    )
    return consultation


async def comment(
    *,
    uow: PublicityUnitOfWork,
    consultation_id: str,
    comment_id: str,
    commenter: str,
    text: str,
    show_name: bool,
    name: str | None,
) -> Comment:
    """A resident's comment, stored under the commenter's pseudonym (never the account); the
    account's ``name`` is shown only when the resident asks for it (``show_name``)."""
    if show_name and not (name or "").strip():
        raise ConsultationRefused(
            "Tài khoản chưa có họ tên để hiển thị; hãy gửi ý kiến ẩn danh hoặc cập nhật họ tên.",
            "The account has no name to show; comment anonymously or add a name to it.",
        )
    consultation = await _load(uow, consultation_id)
    _, received = model.add_comment(
        consultation,
        comment_id=comment_id,
        text=text,
        display_name=name if show_name else None,
        now=uow.clock.now(),
    )
    count = await uow.consultations.add_comment(received, commenter=commenter)
    if count is None:  # closed between the load and the count
        raise ConsultationRefused(
            "Đợt lấy ý kiến đã kết thúc, không nhận thêm ý kiến.",
            "The consultation is closed and takes no more comments.",
            conflict=True,
        )
    uow.record(
        comment_event(consultation, received, comments_received=count),
        aggregate_id=received.id,
        sequence=1,
    )
    return received


async def close_consultation(
    *,
    uow: PublicityUnitOfWork,
    rules: RuleBook,
    consultation_id: str,
    accepted: tuple[ResponseItem, ...],
    rejected: tuple[ResponseItem, ...],
) -> Consultation:
    """Close, publish the answer as a consultation-result posting and record the close, one
    transaction: the consultation is never closed without its published result."""
    current = await _load(uow, consultation_id)
    closed = model.close(current, accepted=accepted, rejected=rejected, now=uow.clock.now())
    assert closed.closed_at is not None
    title, body = model.result_posting(closed)
    caused = CausedPosting(model.RESULT_CATEGORY, title, body, local_date(closed.closed_at))
    source = Source("consultation_result", closed.id)
    posting = await publish_caused_posting(uow, rules, source=source, caused=caused)
    closed = replace(closed, result_posting_id=posting.id)
    await uow.consultations.save(closed, expected=current)
    uow.record(closed_event(closed), aggregate_id=closed.id, sequence=closed.version)
    return closed

"""Consultation commands: load, ask the domain, save, record the event, audit (CON-MIN20)."""

from __future__ import annotations

import uuid
from dataclasses import replace

from qcdc_publicity.adapters.consultations import (
    ConsultationRepository,
    closed_event,
    comment_event,
    opened_event,
)
from qcdc_publicity.domain import consultation as model
from qcdc_publicity.domain.consultation import (
    Comment,
    Consultation,
    ConsultationRefused,
    ResponseItem,
)
from qcdc_publicity.domain.model import PostingRefused, RuleBook, Source
from qcdc_publicity.handlers.postings import publish_caused_posting
from qcdc_shared.audit import pseudonym
from qcdc_shared.auth import Principal
from qcdc_shared.deadlines import local_date
from qcdc_shared.runtime import UnitOfWork, audited


class ConsultationNotFound(LookupError):
    pass


async def _load(uow: UnitOfWork, consultation_id: str) -> Consultation:
    consultation = await ConsultationRepository(uow.session).get(consultation_id)
    if consultation is None:
        raise ConsultationNotFound(consultation_id)
    return consultation


def commenter_pseudonym(uow: UnitOfWork, actor: Principal) -> str:
    """The only form in which a commenter is stored or audited."""
    return pseudonym(uow.runtime.settings.pseudonym_key.get_secret_value(), actor.sub)


async def open_consultation(
    *, uow: UnitOfWork, rules: RuleBook, actor: Principal, title: str, draft: str
) -> Consultation:
    consultation_id = str(uuid.uuid4())

    async def work() -> Consultation:
        consultation = model.open_consultation(
            consultation_id=consultation_id,
            ward=uow.runtime.ward,
            title=title,
            draft=draft,
            now=uow.runtime.clock.now(),
            rules=rules,
        )
        await ConsultationRepository(uow.session).add(consultation, created_by=actor.sub)
        uow.record(
            opened_event(consultation), aggregate_id=consultation.id, sequence=consultation.version
        )
        return consultation

    return await audited(
        uow,
        actor,
        action="consultation.open",
        target=f"consultation:{consultation_id}",
        work=work,
        refusals=(PostingRefused,),
    )


async def comment(
    *, uow: UnitOfWork, actor: Principal, consultation_id: str, text: str, show_name: bool
) -> Comment:
    """A resident's comment. The name shown is the token's ``name`` claim, only when the
    resident asks for it; the account appears in storage and audit only as a pseudonym."""
    comment_id = str(uuid.uuid4())
    commenter = commenter_pseudonym(uow, actor)

    async def work() -> Comment:
        if show_name and not (actor.name or "").strip():
            raise ConsultationRefused(
                "Tài khoản chưa có họ tên để hiển thị; hãy gửi ý kiến ẩn danh hoặc cập nhật"
                " họ tên.",
                "The account has no name to show; comment anonymously or add a name to it.",
            )
        consultation = await _load(uow, consultation_id)
        _, received = model.add_comment(
            consultation,
            comment_id=comment_id,
            text=text,
            display_name=actor.name if show_name else None,
            now=uow.runtime.clock.now(),
        )
        count = await ConsultationRepository(uow.session).add_comment(received, commenter=commenter)
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

    return await audited(
        uow,
        actor.model_copy(update={"sub": commenter, "name": None}),
        action="consultation.comment",
        target=f"consultation:{consultation_id}/comment:{comment_id}",
        work=work,
        refusals=(PostingRefused,),
    )


async def close_consultation(
    *,
    uow: UnitOfWork,
    rules: RuleBook,
    actor: Principal,
    consultation_id: str,
    accepted: tuple[ResponseItem, ...],
    rejected: tuple[ResponseItem, ...],
) -> Consultation:
    """Close, publish the answer as a category-11 posting and record the close, one
    transaction: the consultation is never closed without its published result."""

    async def work() -> Consultation:
        current = await _load(uow, consultation_id)
        closed = model.close(
            current, accepted=accepted, rejected=rejected, now=uow.runtime.clock.now()
        )
        assert closed.closed_at is not None
        title, body = model.result_posting(closed)
        posting = await publish_caused_posting(
            uow,
            rules,
            source=Source("consultation_result", closed.id),
            category=model.RESULT_CATEGORY,
            title=title,
            body=body,
            decided_on=local_date(closed.closed_at),
        )
        closed = replace(closed, result_posting_id=posting.id)
        await ConsultationRepository(uow.session).save(closed, expected=current)
        uow.record(closed_event(closed), aggregate_id=closed.id, sequence=closed.version)
        return closed

    return await audited(
        uow,
        actor,
        action="consultation.close",
        target=f"consultation:{consultation_id}",
        work=work,
        refusals=(PostingRefused,),
    )

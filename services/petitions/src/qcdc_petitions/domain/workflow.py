"""The steps of a petition after intake: accept or refuse, forward, assign, extend, answer,
escalate, close. Each returns the next version with one more history entry; pure.

Statuses: received → (accepted) → assigned → answered → closed, or refused / forwarded then
closed. "assigned" wins over "accepted" while a handler holds the petition, so the status
says where the work is; whether it was taken in is ``accepted_at``. A complaint may also be
"suspended" (and resumed) or "withdrawn" (then closed): complaint_steps.py.
"""

from __future__ import annotations

import datetime as dt
import secrets

from qcdc_petitions.domain.complaint_steps import COMPLEX_OF, resolution_rule
from qcdc_petitions.domain.notices import complex_notice, denouncer_notice
from qcdc_petitions.domain.petition import (
    ACCEPTED_KINDS,
    Actor,
    Answer,
    Petition,
    PetitionRefused,
    step,
)
from qcdc_petitions.domain.settling import PetitionDeadline, newly_overdue, settle
from qcdc_shared.law.deadlines import Extension, ExtensionRefused
from qcdc_shared.law.rulebook import RuleBook

_WORKING = ("received", "accepted", "assigned")
# The rule whose clock an intake decision (accept, refuse, forward) stops, per kind.
_INTAKE_RULE = {
    "feedback": "FB-FWD",
    "complaint": "CMP-ACCEPT",
    "denunciation": "DEN-INTAKE",
    "information_request": "INF-REQ",
}


def _state(detail_vi: str, detail_en: str, rule: str | None = None) -> PetitionRefused:
    return PetitionRefused(detail_vi, detail_en, rule=rule, conflict=True)


def _not_for_leads(petition: Petition, what_vi: str, what_en: str) -> None:
    if petition.kind == "lead":
        raise PetitionRefused(
            f"Tin báo nặc danh là nguồn tin kiểm tra, không {what_vi} (DEN-INTAKE).",
            f"An anonymous report is an inspection lead; it is not {what_en} (DEN-INTAKE).",
            rule="DEN-INTAKE",
        )


def _before_intake_decision(petition: Petition) -> None:
    if petition.status not in ("received", "assigned") or petition.accepted_at is not None:
        raise _state(
            "Đơn đã được xử lý bước tiếp nhận, không quyết định lại.",
            "The intake decision on this petition was already made.",
        )


def accept(
    petition: Petition,
    *,
    actor: Actor,
    now: dt.datetime,
    rules: RuleBook,
    complex_reason: str | None = None,
    remote_area: bool = False,
) -> Petition:
    """Take in (thụ lý) a complaint or a denunciation: its resolution clock starts now (for a
    complaint in a ward set as a remote area, the CMP-RESOLVE.remote rows)."""
    if petition.kind not in ACCEPTED_KINDS:
        raise PetitionRefused(
            "Chỉ khiếu nại và tố cáo mới cần quyết định thụ lý.",
            "Only complaints and denunciations are accepted (taken in).",
        )
    _before_intake_decision(petition)
    if petition.kind == "complaint":
        rule = resolution_rule(complex=bool(complex_reason), remote_area=remote_area)
        intake = "CMP-ACCEPT"
    else:
        if complex_reason:
            raise PetitionRefused(
                "Tố cáo phức tạp được gia hạn khi cần, sau khi thụ lý (DEN-RESOLVE).",
                "A complex denunciation is extended when needed, after acceptance.",
                rule="DEN-RESOLVE",
            )
        rule, intake = "DEN-RESOLVE", "DEN-INTAKE"
    resolve = PetitionDeadline(rules.deadline(rule, now))
    detail = {"rule": intake, "resolution": rule}
    if complex_reason:
        detail["reason"] = complex_reason
    deadlines = (*settle(petition.deadlines, now), resolve)
    if petition.kind == "denunciation":
        # DEN-INTAKE.notice: the denouncer is told of the acceptance, counted from it.
        deadlines = (*deadlines, denouncer_notice(rules, now))
    return step(
        petition,
        action="accepted",
        actor=actor,
        now=now,
        detail=detail,
        status="assigned" if petition.handler else "accepted",
        accepted_at=now,
        deadlines=deadlines,
    )


def refuse(petition: Petition, *, actor: Actor, now: dt.datetime, reason: str) -> Petition:
    """Refuse to take in (or, for an information request, to provide), with a reason."""
    _not_for_leads(petition, "bị từ chối", "refused")
    _before_intake_decision(petition)
    return step(
        petition,
        action="refused",
        actor=actor,
        now=now,
        detail={"rule": _INTAKE_RULE[petition.kind], "reason": reason},
        status="refused",
        deadlines=settle(petition.deadlines, now),
    )


def forward(
    petition: Petition, *, actor: Actor, now: dt.datetime, rules: RuleBook, to: str, reason: str
) -> Petition:
    """Outside the ward's competence: forwarded (FB-FWD, DEN-INTAKE.forward)."""
    _not_for_leads(petition, "được chuyển đơn", "forwarded")
    _before_intake_decision(petition)
    deadlines = settle(petition.deadlines, now)
    rule = _INTAKE_RULE[petition.kind]
    if petition.kind == "denunciation":
        # The forwarding period runs from receipt too; computed now that it applies.
        rule = "DEN-INTAKE.forward"
        deadlines = (
            *deadlines,
            PetitionDeadline(rules.deadline(rule, petition.received_at)).settled(now),
        )
    return step(
        petition,
        action="forwarded",
        actor=actor,
        now=now,
        detail={"rule": rule, "to": to, "reason": reason},
        status="forwarded",
        deadlines=deadlines,
    )


def assign(petition: Petition, *, actor: Actor, now: dt.datetime, handler: str) -> Petition:
    """Give the petition to a handler (the only one who may read the identity). A suspended
    complaint may change hands too; it stays suspended until resumed."""
    if petition.status not in (*_WORKING, "suspended"):
        raise _state(
            f"Đơn ở trạng thái {petition.status}, không phân công được.",
            f"A petition that is {petition.status} cannot be assigned.",
        )
    if petition.handler == handler:
        raise _state("Đơn đã được giao cho cán bộ này.", "The petition is already theirs.")
    if actor.role != "admin" and actor.ref == handler:
        # DEN-SECRET: assignment opens the identity, so nobody assigns a petition to themselves.
        raise PetitionRefused(
            "Không được tự phân công đơn cho chính mình; cán bộ khác phân công.",
            "Nobody assigns a petition to themselves; another officer assigns it.",
            rule="DEN-SECRET",
        )
    # FB-FWD: handling feedback in the ward is the decision that it is the ward's own.
    return step(
        petition,
        action="assigned",
        actor=actor,
        now=now,
        detail={"handler": handler, "previous": petition.handler},
        status="suspended" if petition.status == "suspended" else "assigned",
        handler=handler,
        deadlines=settle(petition.deadlines, now, ["FB-FWD"]),
    )


def extend(
    petition: Petition,
    *,
    actor: Actor,
    now: dt.datetime,
    rules: RuleBook,
    reason: str,
    days: int | None = None,
    especially_complex: bool = False,
) -> Petition:
    """Declare complex or extend the resolution clock with a reason, within its row's
    ``extension`` and cap: CMP-RESOLVE → CMP-RESOLVE.complex (.remote → .remote-complex, the
    days of any suspension still left out); DEN-RESOLVE as its row allows,
    and beyond only when declared ``especially_complex`` (DEN-RESOLVE.especially-complex,
    keeping the extensions granted); INF-REQ.simple or INF-REQ.post → INF-REQ.complex with
    its notice (INF-REQ.complex-notice), then as INF-REQ.complex's row allows."""
    current = petition.resolution
    if especially_complex and petition.kind != "denunciation":
        raise PetitionRefused(
            "Chỉ tố cáo mới được xác định là vụ việc đặc biệt phức tạp.",
            "Only a denunciation is declared especially complex.",
            rule="DEN-RESOLVE",
        )
    if petition.kind not in ("complaint", "denunciation", "information_request"):
        raise PetitionRefused(
            "Chỉ gia hạn được khiếu nại, tố cáo và yêu cầu cung cấp thông tin.",
            "Only complaints, denunciations and information requests are extended.",
        )
    if current is None or not current.is_open or petition.status not in _WORKING:
        raise _state(
            "Đơn chưa thụ lý hoặc đã xử lý xong: không có thời hạn giải quyết để gia hạn.",
            "No running resolution period to extend (not accepted yet, or already done).",
        )
    if now > current.due_at:
        raise _state(
            "Thời hạn giải quyết đã hết; gia hạn phải quyết định trước khi hết hạn.",
            "The period has ended; an extension is decided before it ends.",
            rule=current.rule.split(".")[0],
        )
    start = petition.accepted_at or petition.received_at
    if current.rule in COMPLEX_OF.values():
        raise _state(
            "Khiếu nại đã được xác định là phức tạp; thời hạn không kéo dài thêm.",
            "The complaint is already complex; its period goes no further.",
            rule="CMP-RESOLVE",
        )
    if current.rule in (*COMPLEX_OF, "INF-REQ.simple", "INF-REQ.post"):
        if days is not None:
            raise PetitionRefused(
                "Khi xác định vụ việc phức tạp, thời hạn theo quy tắc, không nhập số ngày.",
                "Declaring complex sets the period of the rule; give no number of days.",
                rule=current.rule.split(".")[0],
            )
        rule = COMPLEX_OF.get(current.rule, "INF-REQ.complex")
        # Days a complaint's resolution stood suspended stay uncounted in the complex period.
        replaced = PetitionDeadline(
            rules.deadline(rule, start, suspensions=current.deadline.suspensions)
        )
    else:  # DEN-RESOLVE*, INF-REQ.complex: one more extension, of the same row or the next
        rule = current.rule
        if especially_complex and rule == "DEN-RESOLVE":
            rule = "DEN-RESOLVE.especially-complex"
        spec = rules.rule(rule, current.deadline.start_date).extension
        if spec is None:
            raise PetitionRefused(
                "Thời hạn này không được gia hạn.",
                "This period cannot be extended.",
                rule=rule.split(".")[0],
            )
        if rule == "DEN-RESOLVE" and len(current.deadline.extensions) >= spec.max_times:
            raise PetitionRefused(
                f"Tố cáo đã được gia hạn {spec.max_times} lần (DEN-RESOLVE); chỉ gia hạn thêm"
                " khi xác định vụ việc đặc biệt phức tạp (DEN-RESOLVE.especially-complex).",
                f"The denunciation was extended {spec.max_times} time(s) (DEN-RESOLVE); a"
                " further extension needs the case declared especially complex"
                " (DEN-RESOLVE.especially-complex).",
                rule="DEN-RESOLVE",
            )
        extensions: list[Extension | tuple[int, str, str]] = [
            *current.deadline.extensions,
            (days if days is not None else spec.amount, spec.unit, reason),
        ]
        try:
            replaced = PetitionDeadline(rules.deadline(rule, start, extensions))
        except ExtensionRefused as refused:
            raise PetitionRefused(
                refused.detail_vi, refused.detail_en, rule=rule.split(".")[0]
            ) from None
    deadlines = tuple(replaced if d is current else d for d in petition.deadlines)
    detail: dict[str, object] = {
        "rule": replaced.rule,
        "reason": reason,
        "due": replaced.deadline.due.isoformat(),
    }
    if current.rule in ("INF-REQ.simple", "INF-REQ.post"):
        # Declaring complex is the notice of the time limit (INF-REQ.complex-notice).
        notice = complex_notice(petition, rules, now)
        deadlines = (*deadlines, notice)
        detail |= {"notice": notice.rule, "notice_on_time": notice.met}
    return step(
        petition, action="extended", actor=actor, now=now, detail=detail, deadlines=deadlines
    )


def answer(
    petition: Petition,
    *,
    actor: Actor,
    now: dt.datetime,
    text: str,
    public_interest: bool = False,
    public_title: str | None = None,
) -> Petition:
    """The answer; only feedback may be marked of public interest (publicity posts it)."""
    _not_for_leads(petition, "có văn bản trả lời", "answered")
    if petition.status not in _WORKING:
        raise _state(
            f"Đơn ở trạng thái {petition.status}, không trả lời được.",
            f"A petition that is {petition.status} cannot be answered.",
        )
    if petition.kind in ACCEPTED_KINDS and petition.accepted_at is None:
        raise _state(
            "Cần thụ lý trước khi giải quyết (thời hạn giải quyết tính từ ngày thụ lý).",
            "Accept the petition first: its resolution period starts at acceptance.",
            rule="CMP-RESOLVE" if petition.kind == "complaint" else "DEN-RESOLVE",
        )
    if public_interest and petition.kind != "feedback":
        raise PetitionRefused(
            "Chỉ trả lời phản ánh, kiến nghị mới được công khai; khiếu nại, tố cáo thì không.",
            "Only answers to feedback are published; never complaints or denunciations.",
            rule="DEN-SECRET",
        )
    if public_interest and not public_title:
        raise PetitionRefused(
            "Câu trả lời được công khai cần tiêu đề công khai, không chứa thông tin cá nhân.",
            "A published answer needs a public title, without personal data.",
            rule="FB-FWD",
        )
    resolution = petition.resolution
    on_time = resolution is None or now <= resolution.due_at
    return step(
        petition,
        action="answered",
        actor=actor,
        now=now,
        detail={"rule": resolution.rule if resolution else None, "on_time": on_time},
        status="answered",
        deadlines=settle(petition.deadlines, now),
        answer=Answer(
            text=text,
            answered_at=now,
            public_interest=public_interest,
            public_title=public_title if public_interest else None,
            on_time=on_time,
        ),
    )


def escalate_by_citizen(
    petition: Petition, *, tracking_code: str, now: dt.datetime, reason: str | None
) -> tuple[Petition, str]:
    """PET-ESC: the code holder escalates an answer they reject, or a passed deadline.
    Returns the new version and the rule escalated (once per petition and rule)."""
    if not secrets.compare_digest(tracking_code.encode(), petition.tracking_code.encode()):
        raise PetitionRefused(
            "Mã theo dõi không khớp với đơn này.",
            "The tracking code does not match this petition.",
            rule="PET-ESC",
        )
    overdue = newly_overdue(petition.running, now=now, escalated=petition.escalated)
    if petition.status == "answered" and "PET-ESC" not in petition.escalated:
        rule = "PET-ESC"
    elif overdue:
        rule = overdue[0][0]
    else:
        raise _state(
            "Chỉ đề nghị chuyển lên thành phố khi không đồng ý câu trả lời hoặc đơn quá hạn;"
            " mỗi đơn và mỗi quy tắc một lần.",
            "Escalate an answer you reject, or a passed deadline; once per petition and rule.",
            rule="PET-ESC",
        )
    actor = Actor("citizen", petition.petitioner_pseudonym or "citizen")
    detail = {"rule": rule, "by": "citizen", "reason": reason}
    after = step(
        petition,
        action="escalated",
        actor=actor,
        now=now,
        detail=detail,
        escalated=(*petition.escalated, rule),
    )
    return after, rule


def close(petition: Petition, *, actor: Actor, now: dt.datetime) -> Petition:
    """Close the file once answered, refused, forwarded or withdrawn whole (a lead whenever
    the ward is done)."""
    done = ("answered", "refused", "forwarded", "withdrawn")
    if petition.status not in done and not (
        petition.kind == "lead" and petition.status != "closed"
    ):
        raise _state(
            f"Đơn ở trạng thái {petition.status}: chỉ đóng khi đã trả lời, từ chối, chuyển đơn"
            " hoặc đã rút toàn bộ khiếu nại.",
            f"A petition that is {petition.status} cannot be closed before it is answered,"
            " refused, forwarded or withdrawn whole.",
        )
    return step(petition, action="closed", actor=actor, now=now, status="closed")

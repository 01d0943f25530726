"""Petitions of every kind and their fates (DOMAIN.md: FB-FWD, REC-REPLY, CMP-*, DEN-*,
INF-REQ, PET-ESC): on time well inside the period, late a week or more past its end, after the
sweeper has escalated it, so the same seed always gives the same escalations."""

from __future__ import annotations

from typing import Any

from qcdc_demo import texts
from qcdc_demo.builder import DAY, HANDLERS, RECEPTION, Builder
from qcdc_demo.script import Action, Actor, Probe, Ref

# The first petitions of every ward, so even a one-month history has every kind and fate.
FIRST_PETITIONS = (
    ("feedback", "late"),
    ("complaint", "on_time"),
    ("information_request", "late"),
    ("denunciation", "on_time"),
    ("lead", "kept"),
    ("feedback", "rejected_answer"),
    ("information_request", "on_time"),
)
KIND_WEIGHTS = {"feedback": 9, "complaint": 4, "denunciation": 2, "information_request": 3}
KIND_WEIGHTS |= {"lead": 1}


def add_petition(b: Builder, week: int) -> None:
    """One petition received in ``week`` and every later step of its planned fate."""
    n = len(b.petitions)
    if n < len(FIRST_PETITIONS):
        kind, fate = FIRST_PETITIONS[n]
    else:
        kind = b.rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
        fate = b.rng.choices(("on_time", "late", "other"), (14, 4, 3))[0]
    ref = b.ref("P")
    b.petitions.append(ref)
    title, text = (b.fill(t, week) for t in b.rng.choice(texts.PETITIONS[kind]))
    online = kind == "lead" or fate == "rejected_answer" or b.rng.random() < 0.6
    author = b.citizen() if online else RECEPTION
    body: dict[str, Any] = {"kind": "denunciation" if kind == "lead" else kind}
    body |= {"title": title, "body": text, "group": b.rng.choice(list(b.groups))}
    if kind == "lead":
        body["anonymous"] = True
    else:
        body["petitioner"] = _petitioner(b, body["group"])
    if not online:
        body["received_at"] = (b.day(week) - b.rng.randint(0, 3) * DAY).isoformat()
    if kind == "complaint":
        days_since_act = b.rng.choice((12, 20, 35, 60, 120))  # past 90: CMP-FILE flag
        body["act_date"] = (b.day(week) - days_since_act * DAY).isoformat()
    b.at(week, Action("petitions", "/petitions", author, body, saves=ref, counts=kind))
    _handle(b, ref, kind, fate, week, author, online)


def _petitioner(b: Builder, group: str) -> dict[str, str]:
    number = b.rng.randint(1, 99999)
    return {
        "name": b.person(),
        "address": f"Số {b.rng.randint(1, 200)}, hẻm {b.rng.randint(2, 98)}, "
        f"{b.group_name(group)}, {b.ward_name}",
        "phone": f"09000{number:05}",
        "id_number": f"000000{number:06}",
    }


def _handle(
    b: Builder, ref: str, kind: str, fate: str, w: int, author: Actor, online: bool
) -> None:
    handler = b.rng.choice(HANDLERS)
    probe = Probe("petition", ref)

    def act(week: int, verb: str, body: dict[str, Any] | None = None, **kw: Any) -> None:
        actor = kw.pop("actor", handler if verb == "answer" else RECEPTION)
        path = f"/petitions/{{{ref}}}/{verb}"
        b.at(week, Action("petitions", path, actor, body, **kw))

    answer: dict[str, Any] = {"text": texts.ANSWERS.get(kind, "")}
    assign = {"handler": handler.sub}
    if kind == "lead":  # DEN-INTAKE: kept as an inspection lead, no clock
        if b.rng.random() < 0.5:
            act(w + 2, "close")
        return
    if fate == "other":
        if kind == "complaint":
            act(w + 1, "refuse", {"reason": texts.REFUSAL}, counts="refused")
        else:  # FB-FWD, DEN-INTAKE.forward: outside the ward's competence
            reason = "Nội dung thuộc thẩm quyền của cơ quan khác."
            act(w, "forward", {"to": texts.FORWARD_TO, "reason": reason}, counts="forwarded")
        act(w + 1, "close")
        return
    late = fate == "late"
    if kind in ("complaint", "denunciation"):
        # Intake within CMP-ACCEPT / DEN-INTAKE, or two weeks on; resolution within 30
        # days of acceptance (answered after 3 weeks), or a week past it.
        start = w + 2 if late else w
        act(start, "assign", assign, after=probe if late else None)
        # CMP-RESOLVE.complex gives 45 days: only for a complaint answered in time.
        complex_case = kind == "complaint" and not late and b.rng.random() < 0.2
        act(start, "accept", {"complex_reason": "Nhiều bên liên quan"} if complex_case else None)
        if kind == "denunciation":  # DEN-INTAKE.notice: the denouncer told of the acceptance
            act(start, "notify-denouncer")
        done = start + (5 if late else 3)
    elif kind == "information_request":
        # INF-REQ.simple is 3 working days online, INF-REQ.post 5 on paper: answered the
        # same day, or a week on (online) or four (paper).
        done = w + (1 if late else 0) if online else w + (4 if late else 0)
        act(done, "assign", assign, after=probe if late else None)
    else:  # feedback: FB-FWD 5 and REC-REPLY 10 working days from receipt
        assign_week = w + 3 if late else w
        act(assign_week, "assign", assign, after=probe if late else None)
        done = w + 3 if late else w + 1
    public = kind == "feedback" and b.rng.random() < 0.4
    if public:
        answer |= {"public_interest": True, "public_title": "Kết quả xử lý phản ánh"}
    counts = "answered late" if late else "answered on_time"
    act(done, "answer", answer, after=probe if late else None, counts=counts)
    if fate == "rejected_answer" and online:  # PET-ESC: the citizen takes it to the city
        body = {"tracking_code": Ref(ref, "tracking_code"), "reason": texts.ESCALATION_REASON}
        act(done + 1, "escalate", body, actor=author, counts="escalated by citizen")
    else:
        act(done + 1, "close")

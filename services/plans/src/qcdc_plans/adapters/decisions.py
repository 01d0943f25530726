"""Residents' decisions in the database: the decision row and one row per household vote.

A household's choice is stored to count it and to refuse a second vote; no read here returns
which household chose what.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import RowMapping
from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_plans.adapters.tables import decision_votes, decisions
from qcdc_plans.domain.decision import Choice, Decision, Recognition, Result, Tally
from qcdc_shared.db import update_versioned
from qcdc_shared.deadlines import Deadline


def _tally(value: dict[str, Any] | None) -> Tally | None:
    return Tally(**value) if value else None


def _result_json(result: Result | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        "counted": result.counted,
        "tally": vars(result.tally),
        "households_total": result.households_total,
        "threshold": result.threshold,
        "share": result.share,
        "comparison": result.comparison,
        "rule": result.rule,
        "table_version": result.table_version,
        "passed": result.passed,
        "decided_on": result.decided_on.isoformat(),
        "closed_at": result.closed_at.isoformat(),
        "record_due": result.record_due.model_dump(mode="json"),
        "recognition_due": result.recognition_due.model_dump(mode="json"),
    }


def _result(value: dict[str, Any] | None) -> Result | None:
    if not value:
        return None
    return Result(
        counted=value["counted"],
        tally=Tally(**value["tally"]),
        households_total=value["households_total"],
        threshold=value["threshold"],
        share=value["share"],
        comparison=value["comparison"],
        rule=value["rule"],
        table_version=value["table_version"],
        passed=value["passed"],
        decided_on=dt.date.fromisoformat(value["decided_on"]),
        closed_at=dt.datetime.fromisoformat(value["closed_at"]),
        record_due=Deadline.model_validate(value["record_due"]),
        recognition_due=Deadline.model_validate(value["recognition_due"]),
    )


def _recognition_json(recognition: Recognition | None) -> dict[str, Any] | None:
    if recognition is None:
        return None
    return {**vars(recognition), "at": recognition.at.isoformat()}


def _recognition(value: dict[str, Any] | None) -> Recognition | None:
    if not value:
        return None
    return Recognition(**{**value, "at": dt.datetime.fromisoformat(value["at"])})


def _row(decision: Decision) -> dict[str, Any]:
    return {
        "id": decision.id,
        "ward": decision.ward,
        "topic": decision.topic,
        "title": decision.title,
        "residential_group": decision.residential_group,
        "households_total": decision.households_total,
        "online_optin": decision.online_optin,
        "form": decision.form,
        "ballot_reason": decision.ballot_reason,
        "notice_at": decision.notice_at,
        "vote_at": decision.vote_at,
        "draft_posted_on": decision.draft_posted_on,
        "draft_posting": decision.draft_posting,
        "initiative_id": decision.initiative_id,
        "status": decision.status,
        "tally": vars(decision.tally) if decision.tally else None,
        "result": _result_json(decision.result),
        "minutes": decision.minutes,
        "rules_checked": list(decision.rules_checked),
        "recognition": _recognition_json(decision.recognition),
        "opened_by": decision.opened_by,
        "version": decision.version,
    }


def to_decision(row: RowMapping) -> Decision:
    return Decision(
        id=row["id"],
        ward=row["ward"],
        topic=row["topic"],
        title=row["title"],
        residential_group=row["residential_group"],
        households_total=row["households_total"],
        online_optin=row["online_optin"],
        form=row["form"],
        notice_at=row["notice_at"],
        vote_at=row["vote_at"],
        opened_by=row["opened_by"],
        rules_checked=tuple(row["rules_checked"]),
        ballot_reason=row["ballot_reason"],
        draft_posted_on=row["draft_posted_on"],
        draft_posting=row["draft_posting"],
        initiative_id=row["initiative_id"],
        status=row["status"],
        tally=_tally(row["tally"]),
        result=_result(row["result"]),
        minutes=row["minutes"],
        recognition=_recognition(row["recognition"]),
        version=row["version"],
    )


class DecisionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, decision_id: str) -> Decision | None:
        row = (
            (await self.session.execute(select(decisions).where(decisions.c.id == decision_id)))
            .mappings()
            .first()
        )
        return to_decision(row) if row else None

    async def add(self, decision: Decision, *, at: dt.datetime) -> None:
        await self.session.execute(
            decisions.insert().values(**_row(decision), created_at=at, changed_at=at)
        )

    async def save(self, decision: Decision, *, expected_version: int, at: dt.datetime) -> None:
        await update_versioned(
            self.session,
            decisions,
            decision.id,
            expected_version=expected_version,
            values={**_row(decision), "changed_at": at},
        )

    async def has_voted(self, decision_id: str, household: str) -> bool:
        found = await self.session.scalar(
            select(decision_votes.c.id).where(
                decision_votes.c.decision_id == decision_id,
                decision_votes.c.household == household,
            )
        )
        return found is not None

    async def add_vote(
        self, decision_id: str, *, household: str, choice: Choice, by: str, at: dt.datetime
    ) -> None:
        await self.session.execute(
            decision_votes.insert().values(
                decision_id=decision_id, household=household, choice=choice, at=at, recorded_by=by
            )
        )

    async def votes(self, decision_id: str) -> Tally:
        """The household votes counted: every voting household is present."""
        rows = await self.session.execute(
            select(decision_votes.c.choice, func.count())
            .where(decision_votes.c.decision_id == decision_id)
            .group_by(decision_votes.c.choice)
        )
        counts: dict[str, int] = {choice: count for choice, count in rows.all()}
        yes, no, abstain = (counts.get(c, 0) for c in ("yes", "no", "abstain"))
        return Tally(yes=yes, no=no, abstain=abstain, present=yes + no + abstain)

"""Residents' decisions in the database: the decision row and one row per household vote.

A household's choice is stored to count it and to refuse a second vote; no read here returns
which household chose what.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import RowMapping

from qcdc_plans.adapters.sql import SqlRepository
from qcdc_plans.adapters.tables import decision_votes, decisions
from qcdc_plans.domain.decision import Choice, Decision, Recognition, Result, Tally
from qcdc_shared.db import from_row
from qcdc_shared.law.deadlines import Deadline


def _tally(value: dict[str, Any] | None) -> Tally | None:
    return Tally(**value) if value else None


def _result_json(result: Result | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        **vars(result),
        "tally": vars(result.tally),
        "decided_on": result.decided_on.isoformat(),
        "closed_at": result.closed_at.isoformat(),
        "record_received_at": result.record_received_at.isoformat(),
        "record_due": result.record_due.model_dump(mode="json"),
        "recognition_due": result.recognition_due.model_dump(mode="json"),
    }


def _result(value: dict[str, Any] | None) -> Result | None:
    if not value:
        return None
    return Result(
        **{
            **value,
            "tally": Tally(**value["tally"]),
            "decided_on": dt.date.fromisoformat(value["decided_on"]),
            "closed_at": dt.datetime.fromisoformat(value["closed_at"]),
            # A result closed before the receipt was recorded: received when it was closed.
            "record_received_at": dt.datetime.fromisoformat(
                value.get("record_received_at") or value["closed_at"]
            ),
            "record_due": Deadline.model_validate(value["record_due"]),
            "recognition_due": Deadline.model_validate(value["recognition_due"]),
        }
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
        **vars(decision),
        "rules_checked": list(decision.rules_checked),
        "tally": vars(decision.tally) if decision.tally else None,
        "result": _result_json(decision.result),
        "recognition": _recognition_json(decision.recognition),
    }


def to_decision(row: RowMapping) -> Decision:
    return from_row(
        Decision,
        row,
        rules_checked=tuple(row["rules_checked"]),
        tally=_tally(row["tally"]),
        result=_result(row["result"]),
        recognition=_recognition(row["recognition"]),
    )


class DecisionRepository(SqlRepository):
    table = decisions

    async def get(self, decision_id: str) -> Decision | None:
        return await self._one(select(decisions).where(decisions.c.id == decision_id), to_decision)

    async def add(self, decision: Decision, *, at: dt.datetime) -> None:
        await self._insert(_row(decision), at=at)

    async def save(self, decision: Decision, *, expected_version: int, at: dt.datetime) -> None:
        await self._update(decision.id, _row(decision), expected_version=expected_version, at=at)

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

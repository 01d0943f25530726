"""The repository of residents' initiatives and their consents (DEC-INIT).

Consents are append-only: a renewal is a new row, so the history of who consented when stays
readable (the unique key refuses the same household twice on one day, even when two
requests race).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import RowMapping

from qcdc_plans.adapters.sql import SqlRepository
from qcdc_plans.adapters.tables import initiative_consents, initiatives
from qcdc_plans.domain.initiative import Consent, Initiative
from qcdc_shared.db import from_row

# Consents in the order they were given (recorded order within a day).
_OLDEST_FIRST = (initiative_consents.c.given_on, initiative_consents.c.id)


def to_initiative(row: RowMapping | Any) -> Initiative:
    return from_row(Initiative, row)


class InitiativeRepository(SqlRepository):
    table = initiatives

    async def get(self, initiative_id: str) -> Initiative | None:
        query = select(initiatives).where(initiatives.c.id == initiative_id)
        return await self._one(query, to_initiative)

    async def add(self, initiative: Initiative) -> None:
        await self._insert(vars(initiative), at=initiative.created_at)

    async def save(self, initiative: Initiative, *, expected_version: int, at: dt.datetime) -> None:
        await self._update(
            initiative.id, vars(initiative), expected_version=expected_version, at=at
        )

    async def consents(self, initiative_id: str, household: str | None = None) -> list[Consent]:
        """An initiative's consents, oldest first; only one household's when ``household``."""
        query = select(initiative_consents).where(
            initiative_consents.c.initiative_id == initiative_id
        )
        if household is not None:
            query = query.where(initiative_consents.c.household == household)
        return await self._all(query.order_by(*_OLDEST_FIRST), _to_consent)

    async def consents_of(self, initiative_ids: Sequence[str]) -> dict[str, list[Consent]]:
        """The consents of several initiatives at once (a page of the list)."""
        found: dict[str, list[Consent]] = defaultdict(list)
        if not initiative_ids:
            return found
        result = await self.session.execute(
            select(initiative_consents)
            .where(initiative_consents.c.initiative_id.in_(list(initiative_ids)))
            .order_by(*_OLDEST_FIRST)
        )
        for row in result.mappings():
            found[row["initiative_id"]].append(_to_consent(row))
        return found

    async def add_consent(
        self, initiative_id: str, consent: Consent, *, actor: str, at: dt.datetime
    ) -> None:
        await self.session.execute(
            initiative_consents.insert().values(
                initiative_id=initiative_id, **vars(consent), recorded_at=at, recorded_by=actor
            )
        )


def _to_consent(row: RowMapping) -> Consent:
    return from_row(Consent, row)

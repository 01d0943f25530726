"""What publicity's handlers hold: the unit of work with the service's repositories, as
protocols (what a handler may ask) and their SQL implementation. The in-memory one for handler
tests is in :mod:`qcdc_publicity.fakes`."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from qcdc_publicity.adapters.consultations import ConsultationRepository
from qcdc_publicity.adapters.ledger import LedgerRepository
from qcdc_publicity.adapters.postings import PostingRepository
from qcdc_publicity.domain.consultation import Comment, Consultation
from qcdc_publicity.domain.ledger import LedgerEntry
from qcdc_publicity.domain.posting import Posting, Source
from qcdc_shared.runtime import Runtime, SqlUnitOfWork
from qcdc_shared.unit_of_work import UnitOfWork


class Postings(Protocol):
    async def add(self, posting: Posting, *, created_by: str) -> None: ...
    async def get(self, posting_id: str) -> Posting | None: ...
    async def by_source(self, source: Source) -> Posting | None: ...
    async def save(self, posting: Posting, *, expected_version: int) -> None: ...
    async def published(self) -> list[Posting]:
        """Every posting on display now (for the expiry sweep)."""
        ...

    async def published_between(self, start: dt.datetime, end: dt.datetime) -> list[Posting]:
        """Postings first published in ``[start, end)``, oldest first, the platform's own
        quarterly lists left out (PUB-QTR)."""
        ...


class Consultations(Protocol):
    async def add(self, consultation: Consultation, *, created_by: str) -> None: ...
    async def get(self, consultation_id: str) -> Consultation | None: ...
    async def save(self, consultation: Consultation, *, expected: Consultation) -> None: ...
    async def add_comment(self, comment: Comment, *, commenter: str) -> int | None: ...
    async def comments(self, consultation_id: str) -> list[Comment]: ...


class Ledger(Protocol):
    async def record_version(
        self, posting: Posting, *, document: dict[str, Any], at: dt.datetime
    ) -> LedgerEntry:
        """Keep the posting's version (its ``document``) and append it to the ward's chain."""
        ...


class PublicityUnitOfWork(UnitOfWork, Protocol):
    # Read-only in the protocol, so any implementation of each repository protocol fits.
    @property
    def postings(self) -> Postings: ...

    @property
    def consultations(self) -> Consultations: ...

    @property
    def ledger(self) -> Ledger: ...


class SqlPublicityUnitOfWork(SqlUnitOfWork):
    def __init__(self, runtime: Runtime, session: AsyncSession | None = None) -> None:
        super().__init__(runtime, session)
        self.postings = PostingRepository(self.session)
        self.consultations = ConsultationRepository(self.session)
        self.ledger = LedgerRepository(self.session)

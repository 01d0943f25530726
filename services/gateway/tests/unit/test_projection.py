"""Reading posting events for the city: only what it needs, newest version wins."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_gateway.domain.projection import is_newer, posting_fact

pytestmark = pytest.mark.unit

DATA = {
    "posting_id": "p-1",
    "ward": "ben-thanh",
    "category": 3,
    "status": "published",
    "published_at": "2026-11-27T09:00:00+07:00",
    "violations": [],
    "a_field_from_a_later_minor_change": {"ignored": True},
}


def test_a_posting_fact_ignores_fields_it_does_not_know() -> None:
    fact = posting_fact("ben-thanh", DATA, sequence=2)
    assert (fact.posting_id, fact.version, fact.category, fact.on_time) == ("p-1", 2, 3, True)
    assert fact.published_at == dt.datetime(2026, 11, 27, 2, 0, tzinfo=dt.UTC)


def test_a_late_publication_is_not_on_time() -> None:
    assert not posting_fact("ben-thanh", {**DATA, "violations": ["PUB-DUE"]}, 2).on_time


@pytest.mark.parametrize(
    ("held", "incoming", "newer"), [(None, 1, True), (1, 2, True), (2, 2, False), (3, 2, False)]
)
def test_only_a_newer_sequence_applies(held: int | None, incoming: int, newer: bool) -> None:
    assert is_newer(held, incoming) is newer

"""Reading a ward's ledger head out of its posting events: present, absent or malformed."""

from __future__ import annotations

import pytest

from qcdc_gateway.domain.projection import LedgerHead, ledger_head

pytestmark = pytest.mark.unit

HASH = "ab" * 32


def test_a_posting_event_carries_the_wards_head() -> None:
    data = {"posting_id": "p", "ledger": {"sequence": 7, "hash": HASH, "later_field": 1}}
    assert ledger_head("ben-thanh", data) == LedgerHead("ben-thanh", 7, HASH)


@pytest.mark.parametrize(
    "ledger",
    [None, "x", {"sequence": 0, "hash": HASH}, {"sequence": True, "hash": HASH},
     {"sequence": "7", "hash": HASH}, {"sequence": 7, "hash": "AB" * 32}, {"sequence": 7}],
)  # fmt: skip
def test_no_head_or_a_malformed_one_is_not_recorded(ledger: object) -> None:
    assert ledger_head("ben-thanh", {"ledger": ledger}) is None

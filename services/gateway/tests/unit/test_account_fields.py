"""Decision 0013: the city's log keeps retired events without the accounts they named."""

from __future__ import annotations

import pytest

from qcdc_gateway.domain.facts import without_accounts

pytestmark = pytest.mark.unit


def test_retired_versions_lose_their_account_fields_and_keep_the_rest() -> None:
    assigned = {"petition_id": "p-1", "handler": "can-bo-7", "kind": "denunciation"}
    kept = without_accounts("vn.qcdc.petitions.petition.assigned.v1", assigned)
    assert kept == {"petition_id": "p-1", "kind": "denunciation"}
    noted = {"escalation_id": "e-1", "assignee": "giam-sat-2", "status": "noted"}
    assert "assignee" not in without_accounts("vn.qcdc.gateway.escalation.noted.v1", noted)


def test_other_events_are_kept_whole() -> None:
    v2 = {"petition_id": "p-1", "handler_role": "officer"}
    assert without_accounts("vn.qcdc.petitions.petition.assigned.v2", v2) is v2
    task = {"task_id": "t-1", "owner": "to-truong-1"}
    assert without_accounts("vn.qcdc.plans.task.assigned.v1", task) == task

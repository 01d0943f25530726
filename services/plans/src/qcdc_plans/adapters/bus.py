"""Domain state → the published integration events (contracts/). Counts and dates only:
never a household's identity or vote, never a resident's name."""

from __future__ import annotations

from qcdc_plans.contracts import GroupRegisteredV1, GroupUpdatedV1
from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_shared.envelope import IntegrationEvent


def group_changed(ward: str, group: ResidentialGroup) -> IntegrationEvent:
    event = GroupRegisteredV1 if group.version == 1 else GroupUpdatedV1
    return event(
        ward=ward,
        code=group.code,
        name=group.name,
        households=group.households,
        online_optin=group.online_optin,
        effective_on=group.effective_on,
        version=group.version,
    )

"""Integration events the city gateway publishes: what the city did with an escalated item.

They travel on ``qcdc.city.gateway.escalation.<event>`` into the city's own stream
QCDC_CITY_EVENTS, which no ward stream captures and QCDC_CITY does not source. Notes and
resolutions are free text that may name people, so they stay in the gateway's database: an
event says only that a note was added (DEN-SECRET for denunciations, and caution for the rest).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AwareDatetime, Field

from qcdc_shared.envelope import IntegrationEvent

_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_UUID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
Kind = Literal["petition", "recommendation"]
Status = Literal["open", "acknowledged", "assigned", "resolved"]
RuleId = Annotated[str, Field(pattern=r"^[A-Z]+-[A-Z0-9]+(?:\.[a-z0-9-]+)?$")]


class _EscalationCore(IntegrationEvent):
    """The city's handling of one escalated item, after the change. Never a note's text, and
    never a city account: who handles an escalated denunciation is nobody's business outside
    the queue (docs/decisions/0013)."""

    service = "gateway"
    aggregate = "escalation"
    city_level = True

    escalation_id: str = Field(pattern=_UUID, description="Stable id of the item in the queue.")
    ward: str = Field(pattern=_SLUG, description="The ward the escalated item belongs to.")
    kind: Kind = Field(description="What was escalated: a petition or a board recommendation.")
    subject: str = Field(min_length=1, description="Id of that petition or recommendation.")
    rule: RuleId = Field(description="The rule it was escalated under, e.g. DEN-INTAKE.")
    status: Status
    version: int = Field(ge=1)
    at: AwareDatetime = Field(description="When the city acted.")


class _EscalationState(_EscalationCore):
    assignee: str | None = Field(
        default=None,
        description="Retired: always null since 2026-12 (decision 0013); it named the city "
        "account handling it. `status` says whether it is assigned.",
    )


class EscalationAcknowledgedV1(_EscalationState):
    """The city took the item on."""

    event = "acknowledged"
    schema_version = 1


class EscalationAssignedV1(_EscalationState):
    """Retired: no longer published since v2 (decision 0013), which names no account. Kept so
    that the events already published still read against their schema."""

    event = "assigned"
    schema_version = 1

    assignee: str = Field(
        min_length=1,
        description="The city account now handling it. Retired: v2 names no account.",
    )


class EscalationAssignedV2(_EscalationCore):
    """The item was given to a city handler (or to another one); who, the queue alone knows."""

    event = "assigned"
    schema_version = 2


class EscalationNotedV1(_EscalationState):
    """A note was added; its text stays in the city's database."""

    event = "noted"
    schema_version = 1

    notes: int = Field(ge=1, description="How many notes the item has now.")


class EscalationResolvedV1(_EscalationState):
    """The city closed the item; the resolution's text stays in the city's database."""

    event = "resolved"
    schema_version = 1


EVENTS: list[type[IntegrationEvent]] = [
    EscalationAcknowledgedV1,
    EscalationAssignedV1,
    EscalationAssignedV2,
    EscalationNotedV1,
    EscalationResolvedV1,
]

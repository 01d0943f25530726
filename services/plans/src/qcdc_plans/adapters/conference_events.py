"""A conference held → ``vn.qcdc.plans.conference.held.v1`` (contracts/): what OVS-YEAR
counts (the city's ``conferences_held``; plans' own ``/conferences/obligations``). Counts and
dates only: never the minutes, never who attended."""

from __future__ import annotations

from qcdc_plans.contracts import ConferenceHeldV1
from qcdc_plans.domain.conference import Conference


def conference_held(conference: Conference) -> ConferenceHeldV1:
    if conference.status != "held" or conference.attendees is None:
        raise ValueError(f"conference {conference.id} is not recorded as held")
    return ConferenceHeldV1(
        conference_id=conference.id,
        ward=conference.ward,
        kind=conference.kind,
        title=conference.title,
        residential_group=conference.residential_group,
        year=conference.year,
        held_on=conference.held_on,
        notice_on=conference.notice_on,
        notice_rule=conference.notice_rule,
        attendees=conference.attendees,
        version=conference.version,
    )

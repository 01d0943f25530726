"""The body of a delivery: the CloudEvent as the city's log holds it (structured JSON,
``application/cloudevents+json``), made the same way from a live event and from the log, so a
replay sends the very bytes the first delivery sent."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from qcdc_gateway.domain.facts import without_accounts
from qcdc_shared.envelope import AGGREGATE_VERSION, TYPE_PREFIX, Envelope, dataschema_for

CONTENT_TYPE = "application/cloudevents+json"


def cloudevent_body(
    *,
    event_id: str,
    ward: str,
    event_type: str,
    subject: str,
    sequence: int,
    time: dt.datetime,
    data: dict[str, Any],
) -> str:
    """``data`` as the log keeps it (``without_accounts``: the accounts retired versions named
    never leave the city). ``time`` in UTC: the log stores it so, whatever offset the ward
    wrote."""
    contract, version = event_type.removeprefix(TYPE_PREFIX + ".").rsplit(".v", 1)
    event = {
        "specversion": "1.0",
        "id": event_id,
        "source": f"/wards/{ward}/{contract.split('.')[0]}",
        "type": event_type,
        "subject": subject,
        "time": time.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
        "datacontenttype": "application/json",
        "dataschema": dataschema_for(contract, int(version)),
        "ward": ward,
        "sequence": sequence,  # deprecated name of aggregateversion (decision 0016)
        AGGREGATE_VERSION: sequence,
        "data": without_accounts(event_type, data),
    }
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))


def body_of(envelope: Envelope) -> str:
    return cloudevent_body(
        event_id=envelope.id,
        ward=envelope.ward,
        event_type=envelope.type,
        subject=envelope.subject,
        sequence=envelope.version,
        time=envelope.time,
        data=envelope.data,
    )

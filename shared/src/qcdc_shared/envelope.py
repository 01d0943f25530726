"""CloudEvents 1.0 structured JSON envelopes (DESIGN §3), built from pydantic event models.

``IntegrationEvent`` subclasses are the published promise (contracts/); their fields are the
event-carried state. They forbid unknown fields so nothing slips in by accident, and a
consumer reading them back ignores what it does not know.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    WithJsonSchema,
    model_validator,
)

from qcdc_shared.subjects import SubjectError, event_subject

CONTENT_TYPE = "application/cloudevents+json"
TYPE_PREFIX = "vn.qcdc"
# The aggregate's version after the change (docs/decisions/0016). ``sequence`` carried it
# first, but CloudEvents' documented Sequence extension is a string: ``aggregateversion`` is
# the name to read; ``sequence`` stays, equal to it, until the deprecation window ends.
AGGREGATE_VERSION = "aggregateversion"


class EnvelopeError(ValueError):
    """A message that is not a well-formed QCDC CloudEvent (a poison message)."""


class IntegrationEvent(BaseModel):
    """Base of every published event's ``data``; subclasses name service, aggregate, event."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    service: ClassVar[str]
    aggregate: ClassVar[str]
    event: ClassVar[str]
    schema_version: ClassVar[int] = 1
    # The city's own events (the gateway's queue) travel on qcdc.city.>, not a ward's subjects.
    city_level: ClassVar[bool] = False

    @classmethod
    def contract_name(cls) -> str:
        return f"{cls.service}.{cls.aggregate}.{cls.event}"

    @classmethod
    def type_name(cls) -> str:
        return f"{TYPE_PREFIX}.{cls.contract_name()}.v{cls.schema_version}"

    @classmethod
    def dataschema(cls) -> str:
        return dataschema_for(cls.contract_name(), cls.schema_version)

    @classmethod
    def schema_path(cls) -> str:
        return f"events/{cls.contract_name()}/v{cls.schema_version}.json"


def dataschema_for(contract_name: str, version: int) -> str:
    return f"urn:qcdc:contracts:events:{contract_name}:v{version}"


class Envelope(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    specversion: Literal["1.0"] = "1.0"
    id: str = Field(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
    source: str = Field(pattern=r"^/wards/[a-z0-9-]+/[a-z]+$")
    type: str = Field(pattern=r"^vn\.qcdc\.[a-z_]+\.[a-z_]+\.[a-z_]+\.v[0-9]+$")
    subject: str = Field(min_length=1)
    time: AwareDatetime
    datacontenttype: Literal["application/json"] = "application/json"
    dataschema: str
    data: dict[str, Any]
    ward: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    sequence: int = Field(
        ge=1,
        strict=True,
        description="Deprecated extension (docs/decisions/0016): equals aggregateversion; "
        "read aggregateversion when present.",
        json_schema_extra={"deprecated": True},
    )
    # Optional in the schema (events published before it have none), always set once read.
    aggregateversion: Annotated[
        int | None,
        WithJsonSchema(
            {
                "type": "integer",
                "minimum": 1,
                "description": "Extension: aggregate version after the change; order by it.",
            }
        ),
    ] = Field(default=None, ge=1, strict=True)

    @model_validator(mode="before")
    @classmethod
    def _aggregate_version(cls, values: Any) -> Any:
        # An event from before aggregateversion existed: its sequence is the version.
        if isinstance(values, dict) and values.get(AGGREGATE_VERSION) is None:
            return {**values, AGGREGATE_VERSION: values.get("sequence")}
        return values

    @property
    def version(self) -> int:
        """The aggregate's version after the change: what consumers order by."""
        return self.aggregateversion if self.aggregateversion is not None else self.sequence

    @property
    def contract_name(self) -> str:
        return self.type.removeprefix(TYPE_PREFIX + ".").rsplit(".", 1)[0]

    @model_validator(mode="after")
    def _coherent(self) -> Envelope:
        # source, dataschema and the subject are all derived from ward and type: a mismatch
        # means a hand-made or corrupted message.
        if self.source != f"/wards/{self.ward}/{self.service}":
            raise ValueError(f"source {self.source!r} does not match ward and type")
        if self.dataschema != dataschema_for(self.contract_name, self.schema_version):
            raise ValueError(f"dataschema {self.dataschema!r} does not match type {self.type!r}")
        if self.aggregateversion is not None and self.aggregateversion != self.sequence:
            raise ValueError("aggregateversion and sequence (its deprecated name) differ")
        return self

    @property
    def schema_version(self) -> int:
        return int(self.type.rsplit(".v", 1)[1])

    @property
    def service(self) -> str:
        return self.contract_name.split(".")[0]

    @property
    def nats_subject(self) -> str:
        service, aggregate, event = self.contract_name.split(".")
        return event_subject(ward=self.ward, service=service, aggregate=aggregate, event=event)

    def to_json(self) -> bytes:
        return self.model_dump_json(exclude_none=True).encode()

    @classmethod
    def from_json(cls, raw: bytes | str) -> Envelope:
        try:
            envelope = cls.model_validate_json(raw)
            envelope.nats_subject  # noqa: B018  (the type must map to a valid subject)
        except (ValidationError, SubjectError, ValueError) as error:
            raise EnvelopeError(str(error)) from error
        return envelope


def build_envelope(
    event: IntegrationEvent,
    *,
    ward: str,
    aggregate_id: str,
    sequence: int,
    time: dt.datetime,
    event_id: str | None = None,
) -> Envelope:
    """Wrap an event's data; ``sequence`` is the aggregate's version after the change."""
    if time.tzinfo is None:
        raise ValueError("event time must be timezone-aware")
    return Envelope(
        id=event_id or str(uuid.uuid4()),
        source=f"/wards/{ward}/{event.service}",
        type=event.type_name(),
        subject=aggregate_id,
        time=time,
        dataschema=event.dataschema(),
        data=json.loads(event.model_dump_json()),
        ward=ward,
        sequence=sequence,
        aggregateversion=sequence,
    )

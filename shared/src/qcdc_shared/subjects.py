"""NATS subjects and stream names (DESIGN §3): ``qcdc.<ward>.<service>.<aggregate>.<event>``."""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = "qcdc"
DLQ_PREFIX = "dlq"
# The city's own events live under qcdc.city.>; no ward may take that slug.
CITY = "city"
SERVICES = ("plans", "petitions", "publicity", "oversight", "gateway")
_TOKEN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
# Wards take hyphens only: "ben_thanh" and "ben-thanh" would share the stream QCDC_BEN_THANH.
_WARD = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class SubjectError(ValueError):
    pass


def check_token(value: str, what: str) -> str:
    if not _TOKEN.match(value):
        raise SubjectError(f"{what} {value!r} is not a lowercase slug (a-z, 0-9, '-' or '_')")
    return value


# The city's own streams: a ward whose stream name is one of these would write into them.
CITY_STREAM = "QCDC_CITY"
CITY_EVENTS_STREAM = "QCDC_CITY_EVENTS"
DLQ_STREAM = "QCDC_DLQ"
CITY_LEVEL_STREAMS = frozenset({CITY_STREAM, CITY_EVENTS_STREAM, DLQ_STREAM})


def check_ward(ward: str) -> str:
    if not _WARD.match(ward):
        raise SubjectError(f"ward {ward!r} is not a lowercase slug (a-z, 0-9 and '-')")
    if ward == CITY:
        raise SubjectError(f"{CITY!r} is reserved for the city's own events")
    stream = "QCDC_" + ward.upper().replace("-", "_")
    if stream in CITY_LEVEL_STREAMS:
        raise SubjectError(f"ward {ward!r} would take the stream {stream} of the city")
    return ward


@dataclass(frozen=True)
class EventSubject:
    ward: str
    service: str
    aggregate: str
    event: str

    def __str__(self) -> str:
        return ".".join((PREFIX, self.ward, self.service, self.aggregate, self.event))

    @classmethod
    def parse(cls, subject: str) -> EventSubject:
        parts = subject.split(".")
        if len(parts) != 5 or parts[0] != PREFIX:
            raise SubjectError(f"{subject!r} is not qcdc.<ward>.<service>.<aggregate>.<event>")
        _, ward, service, aggregate, event = parts
        if ward != CITY:
            check_ward(ward)
        if service not in SERVICES:
            raise SubjectError(f"unknown service {service!r}")
        check_token(aggregate, "aggregate")
        check_token(event, "event")
        return cls(ward, service, aggregate, event)


def event_subject(*, ward: str, service: str, aggregate: str, event: str) -> str:
    if service not in SERVICES:
        raise SubjectError(f"unknown service {service!r}")
    if ward != CITY:
        check_ward(ward)
    check_token(aggregate, "aggregate")
    check_token(event, "event")
    return str(EventSubject(ward, service, aggregate, event))


def ward_subjects(ward: str) -> str:
    """Everything a ward publishes: the ward stream's only subject."""
    return f"{PREFIX}.{check_ward(ward)}.>"


def ward_stream(ward: str) -> str:
    check_ward(ward)
    return "QCDC_" + ward.upper().replace("-", "_")


# Where the city stream's source of a ward delivers on the hub (hub-leaf topology): outside
# qcdc.> on purpose, so no event subject ever needs to cross a leaf connection.
SOURCE_DELIVER_PREFIX = "qcdc-source"


def source_deliver_prefix(ward: str) -> str:
    return f"{SOURCE_DELIVER_PREFIX}.{check_ward(ward)}"


def dlq_subject(*, ward: str, consumer: str) -> str:
    return f"{DLQ_PREFIX}.{check_token(ward, 'ward')}.{check_token(consumer, 'consumer')}"

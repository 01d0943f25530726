"""Whether a consumer may believe an event (issue 15): pure checks, no NATS, no database.

Anyone who can publish on NATS can put any envelope on a ward's subjects. Without these
checks an event on ``qcdc.ben-thanh.>`` whose envelope says ``"ward": "sai-gon"`` would change
sai-gon's figures at the city, and a ``sequence`` of 9e18 would pin an aggregate for good (no
later version could ever be newer). A consumer believes an event only when:

1. the NATS subject ``qcdc.<ward>.<service>.<aggregate>.<event>`` is the one the envelope's
   ``ward`` and ``type`` make (``Envelope`` already ties ``source`` to ``ward``), and a ward's
   event names no other ward in its ``data`` (every contract carries ``ward``; the city's own
   events name the ward they are about, and no consumer believes ward ``city``);
2. it came from that ward's stream: ``QCDC_<WARD>`` itself for a ward's consumer, or, for a
   consumer of ``QCDC_CITY`` (which only sources ward streams), a message the server stamped
   as sourced from ``QCDC_<WARD>``. A ward stream only takes its own ward's subjects, so the
   stream vouches for the subject's ward and the subject, by check 1, for the envelope's;
3. the ward is one the consumer serves: its own for a ward's service, the registry's for the
   city;
4. ``data`` honours the event type's published contract, unknown fields ignored (DESIGN §3);
5. ``sequence`` is one an aggregate can reach (``MAX_SEQUENCE``).

What fails goes to the dead letters with these reasons; nothing else changes.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from qcdc_shared.envelope import Envelope
from qcdc_shared.subjects import CITY, CITY_STREAM, EventSubject, SubjectError, ward_stream

# An aggregate's version counts the changes of one plan, petition or posting: a few dozen in
# its life. The services keep versions in INTEGER columns (PostgreSQL's 4 bytes), so a larger
# one cannot even be stored; above it an event is a forgery or a bug, never a fact.
MAX_SEQUENCE = 2**31 - 1

# Set by the server on each message a stream copies from a source; a client's publish that
# carries it is refused (nats-server 2.15.1: "message stream source header is not allowed").
STREAM_SOURCE_HEADER = "Nats-Stream-Source"
_LEGACY_ACK_PREFIX = "$JS.ACK."


class Contracts(Protocol):
    def problems(self, type_: str, data: object) -> list[str]: ...


class Delivered(Protocol):
    """What a JetStream message tells about where it came from (nats-py's ``Msg``)."""

    subject: str
    headers: dict[str, str] | None

    @property
    def metadata(self) -> Any: ...


@dataclass(frozen=True)
class Arrival:
    """Where the broker says a message came from."""

    subject: str
    stream: str | None
    stream_source: str | None = None  # the Nats-Stream-Source header, if any

    @classmethod
    def of(cls, msg: Delivered) -> Arrival:
        headers: Mapping[str, str] = msg.headers or {}
        return cls(
            subject=msg.subject,
            stream=getattr(msg.metadata, "stream", None),
            stream_source=headers.get(STREAM_SOURCE_HEADER),
        )


def source_stream(header: str) -> str | None:
    """The stream a sourced message was copied from, by its ``Nats-Stream-Source`` header.

    Observed with nats-server 2.15.1 (QCDC_CITY sourcing QCDC_BEN_THANH; fields are the
    source's index name, its stream sequence, filter, destination, original subject, and a
    hash naming the source):

    - same JetStream domain:
      ``QCDC_BEN_THANH 1 > > qcdc.ben-thanh.plans.plan.adopted S6ZO3xW0``
    - another domain (``StreamSource(external=ExternalStream(api="$JS.ward.API"))``, a ward
      on a leaf node): ``QCDC_BEN_THANH:XTCrJ5t8 1 > > qcdc.ben-thanh.plans.plan.adopted
      Bwj1ibrS``, the index name carrying a hash of the API prefix after ':'.

    Older servers wrote ``<name>[:hash] <seq>`` only, and the first ones the source's ack
    reply ``$JS.ACK.<stream>.<consumer>...``; all three are read. None when unreadable."""
    if header.startswith(_LEGACY_ACK_PREFIX):
        tokens = header.split(".")
        return (tokens[2] or None) if len(tokens) > 2 else None
    fields = header.split()
    if not fields:
        return None
    return fields[0].split(":", 1)[0] or None


def provenance_problems(
    envelope: Envelope, arrival: Arrival, *, wards: Collection[str]
) -> list[str]:
    """Checks 1-3: subject, stream and ward agree, and ``wards`` holds the ward."""
    try:
        subject = EventSubject.parse(arrival.subject)
    except SubjectError as error:
        return [f"provenance: {error}"]
    problems = []
    if subject.ward != envelope.ward:
        problems.append(f"provenance: subject ward {subject.ward} != envelope ward {envelope.ward}")
    if (subject.service, subject.aggregate, subject.event) != tuple(
        envelope.contract_name.split(".")
    ):
        problems.append(f"provenance: subject {arrival.subject} != envelope type {envelope.type}")
    named = envelope.data.get("ward")
    if envelope.ward != CITY and isinstance(named, str) and named != envelope.ward:
        problems.append(f"provenance: data ward {named} != envelope ward {envelope.ward}")
    if subject.ward not in wards:
        problems.append(f"unknown ward: {subject.ward} is not a ward this consumer serves")
        return problems  # a stream of a ward we do not know says nothing more
    return problems + _stream_problems(subject.ward, arrival)


def _stream_problems(ward: str, arrival: Arrival) -> list[str]:
    try:
        expected = ward_stream(ward)
    except SubjectError as error:
        return [f"provenance: {error}"]
    if arrival.stream != CITY_STREAM:
        if arrival.stream == expected:
            return []
        return [f"provenance: stream {arrival.stream} is not ward {ward}'s stream {expected}"]
    source = source_stream(arrival.stream_source) if arrival.stream_source else None
    if source is None:
        return [f"provenance: {CITY_STREAM} message names no source ({STREAM_SOURCE_HEADER})"]
    if source != expected:
        return [f"provenance: sourced from {source}, not ward {ward}'s stream {expected}"]
    return []


def sequence_problems(envelope: Envelope) -> list[str]:
    if envelope.sequence > MAX_SEQUENCE:
        return [f"sequence: {envelope.sequence} is above MAX_SEQUENCE ({MAX_SEQUENCE})"]
    return []


def refusals(
    envelope: Envelope, arrival: Arrival, *, wards: Collection[str], contracts: Contracts
) -> list[str]:
    """Every reason not to believe the event (empty: believe it)."""
    problems = provenance_problems(envelope, arrival, wards=wards)
    problems += [f"contract: {p}" for p in contracts.problems(envelope.type, envelope.data)]
    return problems + sequence_problems(envelope)

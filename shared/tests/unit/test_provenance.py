"""Which events a consumer believes (issue 15): every reason to refuse one, without NATS."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from qcdc_shared.envelope import Envelope, IntegrationEvent, build_envelope
from qcdc_shared.provenance import (
    MAX_SEQUENCE,
    Arrival,
    provenance_problems,
    refusals,
    source_stream,
)

pytestmark = pytest.mark.unit

NOW = dt.datetime(2025, 7, 10, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
WARDS = frozenset({"ben-thanh", "sai-gon"})
SUBJECT = "qcdc.ben-thanh.plans.task.progressed"
# As nats-server 2.15.1 stamps a message QCDC_CITY sourced from QCDC_BEN_THANH.
SOURCED = f"QCDC_BEN_THANH 7 > > {SUBJECT} S6ZO3xW0"


class TaskProgressedV1(IntegrationEvent):
    # A synthetic event: shared code and its tests know no service's domain.
    service = "plans"
    aggregate = "task"
    event = "progressed"

    task_id: str
    ward: str
    percent: int


class FakeContracts:
    def __init__(self, *problems: str) -> None:
        self._problems = list(problems)
        self.asked: list[tuple[str, object]] = []

    def problems(self, type_: str, data: object) -> list[str]:
        self.asked.append((type_, data))
        return self._problems


def event(ward: str = "ben-thanh", sequence: int = 3, *, named: str | None = None) -> Envelope:
    return build_envelope(
        TaskProgressedV1(task_id="t-1", ward=named or ward, percent=40),
        ward=ward,
        aggregate_id="t-1",
        sequence=sequence,
        time=NOW,
    )


def at_ward(subject: str = SUBJECT, stream: str | None = "QCDC_BEN_THANH") -> Arrival:
    return Arrival(subject=subject, stream=stream)


def at_city(source: str | None = SOURCED, subject: str = SUBJECT) -> Arrival:
    return Arrival(subject=subject, stream="QCDC_CITY", stream_source=source)


def refused(envelope: Envelope, arrival: Arrival, **options: Any) -> list[str]:
    return refusals(
        envelope,
        arrival,
        wards=options.get("wards", WARDS),
        contracts=options.get("contracts", FakeContracts()),
    )


def test_a_genuine_event_is_believed_from_its_ward_stream_and_from_the_city_stream() -> None:
    contracts = FakeContracts()
    assert refused(event(), at_ward(), contracts=contracts) == []
    assert refused(event(), at_city()) == []
    assert contracts.asked == [("vn.qcdc.plans.task.progressed.v1", event().data)]


def test_an_envelope_naming_another_ward_than_its_subject_is_refused() -> None:
    assert refused(event(ward="sai-gon"), at_ward()) == [
        "provenance: subject ward ben-thanh != envelope ward sai-gon"
    ]


def test_data_naming_another_ward_than_its_envelope_is_refused() -> None:
    assert refused(event(named="sai-gon"), at_ward()) == [
        "provenance: data ward sai-gon != envelope ward ben-thanh"
    ]


def test_a_subject_that_is_not_the_envelopes_type_is_refused() -> None:
    arrival = at_ward(subject="qcdc.ben-thanh.plans.task.completed")
    assert refused(event(), arrival) == [
        "provenance: subject qcdc.ben-thanh.plans.task.completed != envelope type "
        "vn.qcdc.plans.task.progressed.v1"
    ]


def test_a_subject_outside_the_event_subjects_is_refused() -> None:
    (reason,) = refused(event(), at_ward(subject="qcdc.ben-thanh.plans"))
    assert reason.startswith("provenance: ") and "qcdc.<ward>.<service>" in reason


def test_an_event_in_another_wards_stream_is_refused() -> None:
    assert refused(event(), at_ward(stream="QCDC_SAI_GON")) == [
        "provenance: stream QCDC_SAI_GON is not ward ben-thanh's stream QCDC_BEN_THANH"
    ]
    assert refused(event(), at_ward(stream=None)) == [
        "provenance: stream None is not ward ben-thanh's stream QCDC_BEN_THANH"
    ]


def test_the_city_stream_must_have_sourced_it_from_the_wards_stream() -> None:
    other = f"QCDC_SAI_GON 7 > > {SUBJECT} S6ZO3xW0"
    assert refused(event(), at_city(source=other)) == [
        "provenance: sourced from QCDC_SAI_GON, not ward ben-thanh's stream QCDC_BEN_THANH"
    ]
    assert refused(event(), at_city(source=None)) == [
        "provenance: QCDC_CITY message names no source (Nats-Stream-Source)"
    ]
    assert refused(event(), at_city(source="   ")) == [
        "provenance: QCDC_CITY message names no source (Nats-Stream-Source)"
    ]


def test_a_ward_the_consumer_does_not_serve_is_refused() -> None:
    envelope = event(ward="phuong-cu")
    arrival = at_city(
        source="QCDC_PHUONG_CU 1 > > qcdc.phuong-cu.plans.task.progressed S6ZO3xW0",
        subject="qcdc.phuong-cu.plans.task.progressed",
    )
    assert refused(envelope, arrival) == [
        "unknown ward: phuong-cu is not a ward this consumer serves"
    ]
    # A ward's own consumer serves its own ward only.
    assert refused(event(), at_ward(), wards={"sai-gon"}) == [
        "unknown ward: ben-thanh is not a ward this consumer serves"
    ]


def test_data_against_its_contract_is_refused_with_the_contracts_reasons() -> None:
    contracts = FakeContracts("data['percent']: 'forty' is not of type 'integer'")
    assert refused(event(), at_ward(), contracts=contracts) == [
        "contract: data['percent']: 'forty' is not of type 'integer'"
    ]
    missing = FakeContracts("no published contract for vn.qcdc.plans.task.progressed.v1")
    assert refused(event(), at_ward(), contracts=missing) == [
        "contract: no published contract for vn.qcdc.plans.task.progressed.v1"
    ]


def test_a_sequence_no_aggregate_reaches_is_refused() -> None:
    assert refused(event(sequence=MAX_SEQUENCE), at_ward()) == []
    assert refused(event(sequence=9 * 10**18), at_ward()) == [
        f"sequence: {9 * 10**18} is above MAX_SEQUENCE ({MAX_SEQUENCE})"
    ]


def test_every_reason_is_given_at_once() -> None:
    contracts = FakeContracts("data: bad")
    reasons = refused(
        event(ward="sai-gon", sequence=MAX_SEQUENCE + 1), at_ward(), contracts=contracts
    )
    assert [reason.split(":")[0] for reason in reasons] == ["provenance", "contract", "sequence"]


def test_provenance_alone_needs_no_contracts() -> None:
    assert provenance_problems(event(), at_city(), wards=WARDS) == []


@pytest.mark.parametrize(
    ("header", "stream"),
    [
        # nats-server 2.15.1, a source in the same JetStream domain
        (f"QCDC_BEN_THANH 1 > > {SUBJECT} S6ZO3xW0", "QCDC_BEN_THANH"),
        # nats-server 2.15.1, a source in another domain (ExternalStream): name:hash
        (f"QCDC_BEN_THANH:XTCrJ5t8 1 > > {SUBJECT} Bwj1ibrS", "QCDC_BEN_THANH"),
        # servers before 2.10: index name and sequence only
        ("QCDC_BEN_THANH:XTCrJ5t8 12", "QCDC_BEN_THANH"),
        # the first servers: the source's ack reply
        ("$JS.ACK.QCDC_BEN_THANH.city-source.1.12.12.1720000000000000000.0", "QCDC_BEN_THANH"),
        ("", None),
        ("$JS.ACK.", None),
        (":hash 1", None),
    ],
    ids=["same-domain", "other-domain", "two-fields", "ack-reply", "empty", "bare-ack", "no-name"],
)
def test_the_source_stream_is_read_from_every_header_form(header: str, stream: str | None) -> None:
    assert source_stream(header) == stream


def test_an_arrival_is_read_from_a_jetstream_message() -> None:
    class Metadata:
        stream = "QCDC_CITY"

    class Message:
        def __init__(self) -> None:
            self.subject = SUBJECT
            self.headers: dict[str, str] | None = {
                "Nats-Msg-Id": "x",
                "Nats-Stream-Source": SOURCED,
            }
            self.metadata = Metadata()

    assert Arrival.of(Message()) == at_city()

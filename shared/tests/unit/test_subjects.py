"""NATS subjects and stream names (DESIGN §3)."""

from __future__ import annotations

import pytest

from qcdc_shared.subjects import (
    CITY,
    EventSubject,
    SubjectError,
    dlq_subject,
    event_subject,
    ward_stream,
    ward_subjects,
)

pytestmark = pytest.mark.unit


def test_event_subject_follows_the_pattern() -> None:
    subject = event_subject(
        ward="ben-thanh", service="petitions", aggregate="petition", event="escalated"
    )
    assert subject == "qcdc.ben-thanh.petitions.petition.escalated"


@pytest.mark.parametrize(
    "subject",
    [
        "qcdc.ben-thanh.petitions.petition.escalated",
        "qcdc.tan-dinh.publicity.posting.published",
        "qcdc.phuong-1.plans.task.progressed",
    ],
)
def test_build_and_parse_round_trip(subject: str) -> None:
    parsed = EventSubject.parse(subject)
    assert str(parsed) == subject
    rebuilt = event_subject(
        ward=parsed.ward, service=parsed.service, aggregate=parsed.aggregate, event=parsed.event
    )
    assert rebuilt == subject


@pytest.mark.parametrize(
    "subject",
    [
        "qcdc.ben-thanh.petitions.petition",
        "qcdc.ben-thanh.petitions.petition.escalated.extra",
        "nats.ben-thanh.petitions.petition.escalated",
        "qcdc.Ben-Thanh.petitions.petition.escalated",
        "qcdc.ben-thanh.petitions.petition.*",
        "qcdc.ben-thanh.petitions.>",
        "qcdc..petitions.petition.escalated",
        "qcdc.-ben.petitions.petition.escalated",
    ],
)
def test_parse_refuses_what_is_not_an_event_subject(subject: str) -> None:
    with pytest.raises(SubjectError):
        EventSubject.parse(subject)


@pytest.mark.parametrize(
    "arguments",
    [
        {"ward": "ben thanh"},
        {"ward": "ben.thanh"},
        {"ward": "*"},
        {"ward": ">"},
        {"ward": ""},
        {"service": "billing"},
        {"aggregate": "Petition"},
        {"event": "escalated.now"},
    ],
)
def test_event_subject_refuses_bad_tokens(arguments: dict[str, str]) -> None:
    valid = {"ward": "ben-thanh", "service": "petitions", "aggregate": "petition"}
    with pytest.raises(SubjectError):
        event_subject(**(valid | {"event": "escalated"} | arguments))


def test_the_city_ward_is_reserved_for_the_city() -> None:
    assert CITY == "city"
    city_subject = event_subject(ward=CITY, service="gateway", aggregate="ward", event="added")
    assert city_subject == "qcdc.city.gateway.ward.added"
    with pytest.raises(SubjectError, match="reserved"):
        ward_stream(CITY)
    with pytest.raises(SubjectError, match="reserved"):
        ward_subjects(CITY)


def test_ward_stream_and_subjects() -> None:
    assert ward_stream("ben-thanh") == "QCDC_BEN_THANH"
    assert ward_stream("phuong-1") == "QCDC_PHUONG_1"
    assert ward_subjects("ben-thanh") == "qcdc.ben-thanh.>"
    with pytest.raises(SubjectError):
        ward_stream("Ben Thanh")


def test_two_wards_never_share_a_stream() -> None:
    streams = {}
    for ward in ("ben-thanh", "ben_thanh"):
        try:
            streams[ward] = ward_stream(ward)
        except SubjectError:
            continue  # refusing '_' in ward slugs is one fix
    assert len(set(streams.values())) == len(streams), streams


def test_dead_letters_live_outside_qcdc() -> None:
    assert dlq_subject(ward="ben-thanh", consumer="oversight-postings") == (
        "dlq.ben-thanh.oversight-postings"
    )
    with pytest.raises(SubjectError):
        dlq_subject(ward="ben-thanh", consumer="oversight.postings")


@pytest.mark.parametrize("slug", ["dlq", "city-events"])
def test_a_ward_never_takes_one_of_the_citys_streams(slug: str) -> None:
    with pytest.raises(SubjectError, match="stream"):
        ward_stream(slug)

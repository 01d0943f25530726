"""Every event type the wards publish (contracts/events) reads in words on the dashboard, in
both languages: a new event without its words would show its raw type to residents."""

from __future__ import annotations

from pathlib import Path

import pytest

from qcdc_gateway.domain.facts import READERS
from qcdc_gateway.web.i18n import Translator
from qcdc_gateway.web.vocabulary import AGGREGATES, event_words

pytestmark = pytest.mark.unit

CONTRACTS = Path(__file__).resolve().parents[4] / "contracts" / "events"


def published() -> list[str]:
    return sorted(f"vn.qcdc.{path.name}.v1" for path in CONTRACTS.iterdir() if path.is_dir())


def test_every_published_event_type_has_words_in_both_languages() -> None:
    types = published()
    assert "vn.qcdc.oversight.recommendation.received.v1" in types
    for event_type in types:
        _, _, _, aggregate, name, _ = event_type.split(".")
        words = event_words(aggregate, name)
        assert aggregate in AGGREGATES and words is not None, event_type
        vi, en = (Translator(lang).event_type(event_type) for lang in ("vi", "en"))
        assert vi == f"{AGGREGATES[aggregate][0]} — {words[0]}" and vi != en, event_type


def test_a_complaint_withdrawn_is_not_a_posting_taken_down() -> None:
    petition = "vn.qcdc.petitions.petition.withdrawn.v1"
    posting = "vn.qcdc.publicity.posting.withdrawn.v1"
    assert Translator("vi").event_type(petition).endswith("— đã rút")
    assert Translator("en").event_type(petition).endswith("— withdrawn by the complainant")
    assert Translator("vi").event_type(posting).endswith("— đã gỡ")
    assert Translator("en").event_type(posting).endswith("— withdrawn")


def test_every_event_the_facts_read_is_a_published_contract() -> None:
    types = set(published())
    read = {
        f"vn.qcdc.{service}.{aggregate}.{name}.v1"
        for (service, aggregate), (_, _, names) in READERS.items()
        for name in names
    }
    assert read <= types, sorted(read - types)
    assert "vn.qcdc.oversight.recommendation.received.v1" in read

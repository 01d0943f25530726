"""Residents' initiatives (DEC-INIT): residents propose a matter to decide, and it goes ahead
once enough households consent.

The threshold is a share of the registered households (of the group, or of the whole ward)
counted when asked, never a number typed in; each consent counts only until its
DEC-INIT.validity day. Every figure comes from the rule book handed in; nothing here does I/O.
A household is an opaque id: no name, no address.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Literal

from qcdc_plans.domain.groups import ResidentialGroup, register_of
from qcdc_plans.domain.opening import check_topic
from qcdc_plans.domain.rule_book import deadline_in_force
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.refusals import Refused

Status = Literal["collecting", "reached"]

THRESHOLD_RULE = "DEC-INIT"
VALIDITY_RULE = "DEC-INIT.validity"


@dataclass(frozen=True)
class Initiative:
    id: str
    ward: str
    topic: int
    title: str
    residential_group: str | None  # None: the whole ward
    created_at: dt.datetime
    status: Status = "collecting"
    reached_at: dt.datetime | None = None  # when the threshold was first reached
    decision_id: str | None = None  # the residents' decision it led to, once opened
    version: int = 1


@dataclass(frozen=True)
class Consent:
    household: str
    given_on: dt.date
    valid_until: dt.date  # DEC-INIT.validity: the last day it counts

    def valid_on(self, day: dt.date) -> bool:
        return self.given_on <= day <= self.valid_until


@dataclass(frozen=True)
class Support:
    """How far an initiative is from DEC-INIT on one day."""

    rule: str
    share: Fraction
    comparison: str
    households: int  # registered households counted over, on ``on``
    valid: int  # households with a consent valid on ``on``
    required: int
    on: dt.date
    table_version: str

    @property
    def reached(self) -> bool:
        return self.valid >= self.required


def households_of(groups: Sequence[ResidentialGroup], code: str | None) -> int:
    """The registered households an initiative is measured against: its group, or the ward."""
    try:
        return register_of(list(groups), code).households
    except Refused as refusal:
        raise Refused(refusal.detail_vi, refusal.detail_en, rule=THRESHOLD_RULE) from None


def open_initiative(
    *,
    initiative_id: str,
    ward: str,
    topic: int,
    title: str,
    group: str | None,
    groups: Sequence[ResidentialGroup],
    now: dt.datetime,
    rules: RuleBook,
) -> Initiative:
    """Record what residents brought; consents are collected afterwards."""
    check_topic(topic, rules, local_date(now))
    if not title.strip():
        raise Refused("Cần nêu nội dung đề xuất.", "The initiative needs a title.")
    households_of(groups, group)
    return Initiative(
        id=initiative_id,
        ward=ward,
        topic=topic,
        title=title.strip(),
        residential_group=group,
        created_at=now,
    )


def add_consent(
    initiative: Initiative,
    *,
    household: str,
    given_on: dt.date,
    today: dt.date,
    rules: RuleBook,
    previous: Sequence[Consent] = (),
) -> tuple[Initiative, Consent]:
    """One household's consent; ``previous``: that household's earlier consents to it.

    A household counts once: while one consent is valid a second is refused; once it has
    expired the household may renew. The initiative's version moves on with every consent,
    so two officers recording at once cannot both slip past this check.
    """
    if initiative.decision_id is not None:
        raise Refused(
            "Đề xuất đã được đưa ra biểu quyết; không nhận thêm ý kiến đồng ý.",
            "The initiative already led to a decision; consents are closed.",
            conflict=True,
        )
    household = household.strip()
    if not household:
        raise Refused("Cần mã hộ gia đình.", "The household id is required.")
    if given_on > today:
        raise Refused(
            "Ngày hộ gia đình đồng ý không thể ở tương lai.",
            "The day a household consented cannot be in the future.",
        )
    validity = deadline_in_force(rules, VALIDITY_RULE, given_on)
    if validity.due < today:
        raise Refused(
            f"Ý kiến đồng ý ngày {given_on:%d/%m/%Y} đã hết hiệu lực từ sau ngày "
            f"{validity.due:%d/%m/%Y}; hộ gia đình cần đồng ý lại.",
            f"A consent given on {given_on.isoformat()} lapsed after "
            f"{validity.due.isoformat()}; the household has to consent again.",
            rule=VALIDITY_RULE,
        )
    for earlier in previous:
        if earlier.valid_on(today):
            raise Refused(
                f"Hộ {household} đã có ý kiến đồng ý còn hiệu lực đến ngày "
                f"{earlier.valid_until:%d/%m/%Y}; chỉ được đồng ý lại khi ý kiến đó hết hạn.",
                f"Household {household} already has a consent valid until "
                f"{earlier.valid_until.isoformat()}; it may renew once that one expires.",
                rule=THRESHOLD_RULE,
                conflict=True,
            )
    consent = Consent(household, given_on, validity.due)
    return replace(initiative, version=initiative.version + 1), consent


def support(
    consents: Iterable[Consent], *, households: int, today: dt.date, rules: RuleBook
) -> Support:
    """DEC-INIT on ``today``: distinct households with a valid consent against the share."""
    row = rules.rule(THRESHOLD_RULE, today)
    share, comparison = row.share(), row.comparison or "at_least"
    valid = len({c.household for c in consents if c.valid_on(today)})
    return Support(
        rule=row.id,
        share=share,
        comparison=comparison,
        households=households,
        valid=valid,
        required=row.households_needed(households),
        on=today,
        table_version=rules.table.version,
    )


def mark_reached(initiative: Initiative, backing: Support, *, now: dt.datetime) -> Initiative:
    """The first time the threshold is met the initiative is ``reached``, for good: consents
    lapsing later do not undo that the residents' proposal was validly made."""
    if initiative.status == "collecting" and backing.reached:
        return replace(initiative, status="reached", reached_at=now)
    return initiative


def lead_to_decision(
    initiative: Initiative, *, decision_id: str, topic: int, group: str | None
) -> Initiative:
    """DEC-INIT: residents' proposal, once supported, is put to a vote — the same topic and
    group, once."""
    if initiative.status != "reached" or initiative.decision_id is not None:
        raise Refused(
            "Đề xuất chưa đủ số hộ đồng ý, hoặc đã được đưa ra biểu quyết.",
            "The initiative has not reached its support, or already led to a decision.",
            rule=THRESHOLD_RULE,
            conflict=True,
        )
    if (topic, group) != (initiative.topic, initiative.residential_group):
        raise Refused(
            "Nội dung và tổ dân phố của biểu quyết phải khớp với đề xuất của Nhân dân.",
            "The decision's topic and group must be those of the residents' initiative.",
            rule=THRESHOLD_RULE,
        )
    return replace(initiative, decision_id=decision_id, version=initiative.version + 1)

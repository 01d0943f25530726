"""Fixtures of the handler tests: the unit of work in memory (no database, no broker, a fixed
clock: Thursday 26 November 2026, 09:00) and the group the ward's votes and meetings are in."""

from __future__ import annotations

import datetime as dt

import pytest

from qcdc_plans.domain.groups import ResidentialGroup
from qcdc_plans.fakes import FakePlansUnitOfWork


@pytest.fixture
def uow() -> FakePlansUnitOfWork:
    return FakePlansUnitOfWork()


@pytest.fixture
def tdp_05(uow: FakePlansUnitOfWork) -> ResidentialGroup:
    """Residential group TDP-05, 90 households, on ``uow``'s register since 1 January 2026."""
    group = ResidentialGroup("TDP-05", "Tổ 5", 90, 0, dt.date(2026, 1, 1))
    uow.groups.items[group.code] = group
    return group

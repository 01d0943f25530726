"""What the city's routes share: the indicator query (as_of, year, month), the calendar, the
computed views, and the unit of work typed with the gateway's protocol."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, Query, Request

from qcdc_gateway.computed import ComputedViews
from qcdc_gateway.domain.indicators import Period
from qcdc_gateway.unit_of_work import GatewayUnitOfWork
from qcdc_shared.api import Problem
from qcdc_shared.api.schemas import Day, Instant
from qcdc_shared.law.calendar import WorkingCalendar
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.service import unit_of_work

GatewayUoW = Annotated[GatewayUnitOfWork, Depends(unit_of_work)]


def asks_as_of(request: Request) -> bool:
    """An ``?as_of=`` instant is folded from the whole log on each request: it is rate-limited
    (``rate_limit_costly``), where the live views come from a cache."""
    return bool(request.query_params.get("as_of"))


class IndicatorParams:
    """``?as_of=`` (an instant, or a date: its end, local time), ``?year=``, ``?month=``."""

    def __init__(
        self,
        as_of: Annotated[
            Instant | Day | None,
            Query(
                description="Chỉ số như thành phố biết tại thời điểm này — indicators as the city "
                "knew them then (events recorded by that instant; a date means its end, +07:00)."
            ),
        ] = None,
        year: Annotated[int | None, Query(ge=2000, le=2100)] = None,
        month: Annotated[int | None, Query(ge=1, le=12)] = None,
    ) -> None:
        if month is not None and year is None:
            raise Problem.for_status(
                422,
                detail="Chọn tháng thì phải chọn năm (year).",
                detail_en="A month needs its year (year=).",
            )
        if isinstance(as_of, dt.datetime) or as_of is None:
            self.as_of = as_of
        else:
            self.as_of = dt.datetime.combine(as_of, dt.time.max, VN_TZ)
        self.period = Period(year, month)

    @property
    def key(self) -> tuple[object, ...]:
        """What a view computed for this query is kept under."""
        return (self.as_of, self.period.year, self.period.month)


IndicatorQuery = Annotated[IndicatorParams, Depends()]


def calendar_of(request: Request) -> WorkingCalendar:
    """The working calendar of the rule book every service app holds (CAL-HOL)."""
    calendar: WorkingCalendar = request.app.state.rules.calendar
    return calendar


CalendarDep = Annotated[WorkingCalendar, Depends(calendar_of)]


def views_of(request: Request) -> ComputedViews:
    views: ComputedViews = request.app.state.views
    return views


ViewsDep = Annotated[ComputedViews, Depends(views_of)]

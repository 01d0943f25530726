"""What every portal page shares: the ward reader, the shared clock, the rule table in force, and
the error pages (an unknown ward 404, a ward service down 503, a refusal 403) that tell a
resident what to do next in their language instead of a stack trace."""

from __future__ import annotations

import datetime as dt

from fastapi import Request
from fastapi.responses import HTMLResponse

from qcdc_gateway.api.proxy import client_of
from qcdc_gateway.portal.rendering import render, translator
from qcdc_gateway.portal.wards import HttpWardReader, ServiceUnavailable, WardReader
from qcdc_gateway.ward_addresses import WardAddresses
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.registry import Registry, Ward


def reader_of(request: Request) -> WardReader:
    """The reader a composition root set (a test's fake, the ward-local instance's), or the
    city's: every ward's services at their addresses (ward_addresses.py), through the pooled
    client."""
    reader: WardReader | None = getattr(request.app.state, "portal_reader", None)
    if reader is not None:
        return reader
    addresses = WardAddresses.of(request.app.state.runtime.settings, request.app.state.registry)
    return HttpWardReader(urls=lambda: addresses, client=lambda: client_of(request.app))


def now_of(request: Request) -> dt.datetime:
    """The shared clock (DESIGN §2): a test's ``portal_clock``, else the running service's."""
    clock = getattr(request.app.state, "portal_clock", None)
    if clock is None:
        clock = request.app.state.runtime.clock
    now: dt.datetime = clock.now()
    return now


def whole_number(raw: str, *, low: int | None = None, high: int | None = None) -> int | None:
    """``raw`` (trimmed) as a whole number within ``low``..``high``, else None. ASCII digits
    only: ``str.isdigit`` also accepts "²" or "٣", which ``int`` refuses or reads otherwise,
    and a thousands-digit string is refused rather than parsed."""
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 18:
        return None
    number = int(text)
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number


def rules_of(request: Request) -> RuleBook:
    rules: RuleBook = request.app.state.rules
    return rules


def error_page(
    request: Request, ward: Ward | None, status: int, message: str, **headers: str
) -> HTMLResponse:
    return render(
        request,
        "portal_error.html",
        {"ward": ward, "status": status, "message": message},
        status_code=status,
        headers=headers,
    )


def unknown_ward(request: Request, slug: str) -> HTMLResponse:
    return error_page(request, None, 404, translator(request)("error.ward", slug=slug))


def unavailable(request: Request, ward: Ward, down: ServiceUnavailable) -> HTMLResponse:
    message = translator(request)("error.service", service=down.service)
    return error_page(request, ward, 503, message, **{"Retry-After": "30"})


def ward_of(request: Request, slug: str) -> Ward | HTMLResponse:
    """The registry's ward, or the 404 page naming the slug."""
    registry: Registry = request.app.state.registry
    found = registry.ward(slug)
    return found if found is not None else unknown_ward(request, slug)

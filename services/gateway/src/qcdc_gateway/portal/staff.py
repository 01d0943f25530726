"""What every staff page shares (the officer's under /can-bo, the board's and the Front's under
/giam-sat): who may open it, a posted form's checks, a read or an action on the ward's
services as the signed-in person, the service's refusal as a page, the confirmation a form
leaves after its redirect (``?da=<key>``, one of the area's fixed keys), and small readers.

A handler decorated with :func:`answering` stays thin: :func:`gate`, :func:`posted`,
:func:`read` and :func:`send` raise :class:`Refusal` with the page to answer instead (sign
in, 403, 404, the service's refusal, 503). Every read and action carries the session's own
token, so the ward's services decide what the person may do exactly as for the API.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Awaitable, Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, ParamSpec
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from qcdc_gateway.portal.common import (
    error_page,
    now_of,
    reader_of,
    rules_of,
    unavailable,
    ward_of,
    whole_number,
)
from qcdc_gateway.portal.kinds import figure
from qcdc_gateway.portal.rendering import translator
from qcdc_gateway.portal.session import (
    checked_form,
    session_token,
    sign_in_first,
    signed_in,
    staff_of,
)
from qcdc_gateway.portal.wards import Reply, ServiceUnavailable
from qcdc_shared.auth import Principal
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.law.rules import UnknownRule
from qcdc_shared.registry import Ward

P = ParamSpec("P")

# The query parameter a form's redirect names its confirmation with ("đã": done).
DONE_PARAM: Final = "da"
# One page of a list: a page stays well under 100 kB; "more" follows the service's cursor.
LIMIT: Final = 50


@dataclass(frozen=True)
class Area:
    """A staff area: the roles that may open it, its home page, its 403 text key."""

    roles: frozenset[str]
    home: str  # under /p/{ward}
    forbidden: str  # a text key; may use {ward}, the ward's name

    def home_of(self, slug: str) -> str:
        return f"/p/{slug}{self.home}"


OFFICER: Final = Area(frozenset({"officer"}), "/can-bo", "officer.forbidden")
OVERSIGHT: Final = Area(frozenset({"inspector", "front"}), "/giam-sat", "oversight.forbidden")


class Unreadable(ValueError):
    """A field the portal itself cannot read (a count or a number of days that is not a whole
    number): the form is shown again before anything is sent."""


def whole(value: str) -> int:
    """``value`` as a whole number, or :class:`Unreadable`."""
    number = whole_number(value)
    if number is None:
        raise Unreadable(value)
    return number


class Refusal(Exception):
    """A page that answers instead of the one asked for (sign in, 403, 404, 503)."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


def answering(handler: Callable[P, Awaitable[Response]]) -> Callable[P, Awaitable[Response]]:
    """A page handler whose :class:`Refusal` is its answer."""

    @functools.wraps(handler)
    async def run(*args: P.args, **kwargs: P.kwargs) -> Response:
        try:
            return await handler(*args, **kwargs)
        except Refusal as refused:
            return refused.response

    return run


def gate(request: Request, slug: str, area: Area) -> tuple[Ward, Principal]:
    """The ward and the signed-in staff member of it; else :class:`Refusal` with the 404 page
    (no such ward), the sign-in redirect (nobody signed in) or the 403 page (anyone else)."""
    found = ward_of(request, slug)
    if isinstance(found, HTMLResponse):
        raise Refusal(found)
    principal = staff_of(request, slug, area.roles)
    if principal is None:
        if signed_in(request) is None:
            raise Refusal(sign_in_first(request))
        message = translator(request)(area.forbidden, ward=found.name)
        raise Refusal(error_page(request, found, 403, message))
    return found, principal


async def posted(request: Request, slug: str, area: Area) -> tuple[Ward, Principal, dict[str, str]]:
    """A form's ward, sender and fields. The CSRF token is checked first: a form that is not
    this browser's is refused (403) before anything else, and nothing is sent to the ward.
    Nobody signed in: to the sign-in, then the area's home (a form's address is no page)."""
    form = await checked_form(request)
    if form is None:
        found = ward_of(request, slug)
        ward = found if isinstance(found, Ward) else None
        raise Refusal(error_page(request, ward, 403, translator(request)("csrf.refused")))
    if signed_in(request) is None:
        home = quote(area.home_of(slug))
        raise Refusal(RedirectResponse(f"/dang-nhap?next={home}", status_code=303))
    found, principal = gate(request, slug, area)
    return found, principal, form


def refused_page(request: Request, ward: Ward, reply: Reply) -> HTMLResponse:
    """A read the ward's service refused (401, 403, 404...): its own words, its status."""
    status = reply.status if 400 <= reply.status < 500 else 502
    return error_page(request, ward, status, reply.message(translator(request).lang))


async def read(
    request: Request,
    ward: Ward,
    service: str,
    path: str,
    *,
    params: Mapping[str, Any] | None = None,
) -> Any:
    """The JSON the ward's service answers the signed-in person, or :class:`Refusal`: the
    service's own refusal (its status, its message) or the 503 page when it is down."""
    try:
        reply = await reader_of(request).get(
            ward.slug, service, path, params=params, token=session_token(request)
        )
    except ServiceUnavailable as down:
        raise Refusal(unavailable(request, ward, down)) from None
    if not reply.ok:
        raise Refusal(refused_page(request, ward, reply))
    return reply.body


async def send(request: Request, ward: Ward, service: str, path: str, body: Any = None) -> Reply:
    """POST ``body`` as the signed-in person; :class:`Refusal` (503) when the service is down."""
    try:
        return await reader_of(request).send(
            ward.slug, service, "POST", path, json=body, token=session_token(request)
        )
    except ServiceUnavailable as down:
        raise Refusal(unavailable(request, ward, down)) from None


async def act(
    request: Request,
    ward: Ward,
    service: str,
    path: str,
    body: Any,
    *,
    done_at: str,
    done_key: str,
    again: Callable[..., Awaitable[Response]],
    failed: str,
    typed: dict[str, str],
) -> Response:
    """A staff form's action sent to a ward service: when taken, Post/Redirect/Get to
    ``done_at`` with the confirmation ``done_key``; when refused, the form's page again
    (``again(status=, failed=, message=, typed=)``) with the service's status and message in the
    page's language, and what the person typed."""
    reply = await send(request, ward, service, path, body)
    if reply.ok:
        return after(done_at, done_key)
    return await again(
        status=refused_status(reply),
        failed=failed,
        message=reply.message(translator(request).lang),
        typed=typed,
    )


def unreadable(request: Request, ward: Ward) -> HTMLResponse:
    """The 502 page when a ward's service answered without what the page needs (no JSON, no
    id): it says the action may have been taken, so the person checks before trying again."""
    return error_page(request, ward, 502, translator(request)("error.unreadable"))


async def read_one(
    request: Request,
    ward: Ward,
    service: str,
    path: str,
    *,
    params: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """:func:`read` of one object; :class:`Refusal` (502) when the answer is no JSON object."""
    body = await read(request, ward, service, path, params=params)
    if not isinstance(body, dict):
        raise Refusal(unreadable(request, ward))
    return body


async def read_page(
    request: Request,
    ward: Ward,
    service: str,
    path: str,
    *,
    params: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """:func:`read` of a list page as ``items`` (objects only), ``total``, ``next_cursor``,
    whatever the service left out."""
    body = await read(request, ward, service, path, params=params)
    items = items_of(body)
    found = body if isinstance(body, dict) else {}
    total = found.get("total")
    return {
        "items": items,
        "total": total if isinstance(total, int) else len(items),
        "next_cursor": found.get("next_cursor"),
    }


def new_id(request: Request, ward: Ward, reply: Reply) -> str:
    """The id a taken action's answer names; :class:`Refusal` (502) when it names none."""
    value = reply.body.get("id") if isinstance(reply.body, dict) else None
    if not isinstance(value, str | int) or str(value) == "":
        raise Refusal(unreadable(request, ward))
    return str(value)


async def create(
    request: Request,
    ward: Ward,
    service: str,
    path: str,
    typed: Mapping[str, str],
    *,
    optional: Collection[str] = (),
) -> str | Reply:
    """POST a form's fields as typed (the ``optional`` ones left out when empty): the new
    item's id when taken, else the service's refusal (its page shows it with what was typed);
    :class:`Refusal` (503 down, 502 when a taken answer names no id)."""
    body = {key: value for key, value in typed.items() if value or key not in optional}
    reply = await send(request, ward, service, path, body)
    return new_id(request, ward, reply) if reply.ok else reply


def typed_of(form: Mapping[str, str], names: Iterable[str]) -> dict[str, str]:
    """The named fields as typed, trimmed; an absent one empty (to show the form again)."""
    return {name: form.get(name, "").strip() for name in names}


def with_optional(item: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    """``item`` with each of ``names`` the service may omit present (None when omitted), so a
    template (StrictUndefined) can test it."""
    return {**dict.fromkeys(names), **item}


def refused_status(reply: Reply) -> int:
    """A refused form is shown again with the service's status when it is about who may act
    or what exists (401, 403, 404), else 422."""
    return reply.status if reply.status in (401, 403, 404) else 422


def done(request: Request, keys: Collection[str], prefix: str = "") -> str | None:
    """The confirmation a form's redirect asked for (``?da=``), if it is one of ``keys``;
    ``prefix`` makes it the text key of the area's words."""
    key = request.query_params.get(DONE_PARAM)
    return f"{prefix}{key}" if key is not None and key in keys else None


def after(path: str, key: str, anchor: str | None = None) -> RedirectResponse:
    """Post/Redirect/Get: to the page that shows the result, with its confirmation."""
    fragment = f"#{anchor}" if anchor else ""
    return RedirectResponse(f"{path}?{DONE_PARAM}={key}{fragment}", status_code=303)


def items_of(body: Any) -> list[dict[str, Any]]:
    """The items of a list page (a Reply or its JSON body)."""
    if isinstance(body, Reply):
        body = body.body
    items = body.get("items") if isinstance(body, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def instant(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def open_deadlines(deadlines: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The deadlines still running (``met`` null), soonest first."""
    running = [d for d in deadlines if d.get("met") is None and instant(d.get("due_at"))]
    return sorted(running, key=lambda d: instant(d["due_at"]) or dt.datetime.max)


def clean(form: dict[str, str], *names: str) -> dict[str, str]:
    """The named fields as typed, trimmed, the empty ones left out."""
    return {name: form[name].strip() for name in names if form.get(name, "").strip()}


def today(request: Request) -> dt.date:
    return local_date(now_of(request))


def rule_figure(request: Request, rule_id: str) -> str | None:
    """The row of ``rule_id`` in force today in words (amount and unit); None before any row."""
    lang = translator(request).lang
    try:
        row = rules_of(request).rule(rule_id, today(request))
    except UnknownRule:
        return None
    return figure(row.amount, row.unit, lang)


def cursor(request: Request, limit: int = LIMIT) -> dict[str, Any]:
    """``?sau=`` is the service's cursor of the next page."""
    after_cursor = request.query_params.get("sau")
    return {"limit": limit, **({"cursor": after_cursor} if after_cursor else {})}

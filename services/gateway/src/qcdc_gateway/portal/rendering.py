"""Rendering a portal page: the dashboard's Jinja2 setup (globals, rule links, headers, the
``?lang=`` cookie) over the portal's own templates, which may extend the dashboard's."""

from __future__ import annotations

from typing import Any, Final

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from qcdc_gateway.portal import TEMPLATES, texts
from qcdc_gateway.portal.session import csrf_token, keep_csrf_cookie, signed_in
from qcdc_gateway.portal.texts import PortalTranslator
from qcdc_gateway.web import TEMPLATES as DASHBOARD_TEMPLATES
from qcdc_gateway.web.i18n import COOKIE, language
from qcdc_gateway.web.rendering import ENVIRONMENT as DASHBOARD
from qcdc_gateway.web.rendering import LANG_COOKIE_SECONDS, SECURITY_HEADERS

ENVIRONMENT: Final = Environment(
    loader=ChoiceLoader([FileSystemLoader(TEMPLATES), FileSystemLoader(DASHBOARD_TEMPLATES)]),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENVIRONMENT.globals.update(DASHBOARD.globals)
ENVIRONMENT.filters.update(DASHBOARD.filters)
ENVIRONMENT.globals["role_names"] = texts.ROLE_NAMES
ENVIRONMENT.globals["words"] = {
    "statuses": texts.STATUSES,
    "steps": texts.STEPS,
    "detail": texts.DETAIL,
    "kinds": texts.KINDS,
    "hosts": texts.HOSTS,
    "forms": texts.SESSION_FORMS,
    "sessions": texts.SESSION_STATUSES,
}


def translator(request: Request) -> PortalTranslator:
    return PortalTranslator(language(request)[0])


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> HTMLResponse:
    """The page in the request's language; ``?lang=`` is remembered in the ``lang`` cookie.
    Never stored by a proxy: a tracked petition is the code holder's alone."""
    lang, asked = language(request)
    html = ENVIRONMENT.get_template(template).render(
        {
            "t": PortalTranslator(lang),
            "lang": lang,
            "path": request.url.path,
            "principal": signed_in(request),
            "csrf": csrf_token(request),
            **context,
        }
    )
    sent = {**SECURITY_HEADERS, "Cache-Control": "no-store", "Vary": "Cookie", **(headers or {})}
    response = HTMLResponse(html, status_code=status_code, headers=sent)
    keep_csrf_cookie(request, response)
    if asked:
        response.set_cookie(
            COOKIE, lang, max_age=LANG_COOKIE_SECONDS, path="/", samesite="lax", httponly=True
        )
    return response

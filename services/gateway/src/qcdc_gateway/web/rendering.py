"""Rendering a dashboard page: the Jinja2 environment, the language and its cookie, and the
headers every page carries."""

from __future__ import annotations

from typing import Any, Final

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from qcdc_gateway.web import TEMPLATES, i18n, views
from qcdc_gateway.web.i18n import COOKIE, Translator, language
from qcdc_gateway.web.rule_links import link_rules, rule_link

ENVIRONMENT: Final = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    # A misspelt variable fails the test that renders it, instead of printing nothing.
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENVIRONMENT.globals["views"] = views
ENVIRONMENT.globals["i18n"] = i18n
ENVIRONMENT.globals["rule_link"] = rule_link
ENVIRONMENT.filters["link_rules"] = link_rules

# The pages load nothing but their own stylesheet and script: a policy that says so makes an
# injected <script> or a tracker inert, and keeps the pages out of other sites' frames.
SECURITY_HEADERS: Final = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
LANG_COOKIE_SECONDS: Final = 365 * 24 * 3600


def translator(request: Request) -> Translator:
    return Translator(language(request)[0])


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    status_code: int = 200,
    private: bool = False,
) -> HTMLResponse:
    """The page in the request's language; ``?lang=`` is remembered in the ``lang`` cookie.
    ``private`` pages (the queue) are never stored by a browser or a proxy."""
    lang, asked = language(request)
    t = Translator(lang)
    html = ENVIRONMENT.get_template(template).render(
        {
            "t": t,
            "lang": lang,
            "path": request.url.path,
            "city_state": request.app.state.city.state.public(),
            **context,
        }
    )
    headers = dict(SECURITY_HEADERS)
    headers["Cache-Control"] = "no-store" if private else "no-cache"
    headers["Vary"] = "Cookie"
    response = HTMLResponse(html, status_code=status_code, headers=headers)
    if asked:
        response.set_cookie(
            COOKIE, lang, max_age=LANG_COOKIE_SECONDS, path="/", samesite="lax", httponly=True
        )
    return response


def error_page(request: Request, status_code: int, message: str) -> HTMLResponse:
    return render(
        request,
        "error.html",
        {"status": status_code, "message": message},
        status_code=status_code,
    )

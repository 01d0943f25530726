"""Signing a test's client in to the portal as a person would: read the sign-in page's CSRF
token, post the form; the httpx client keeps the session and CSRF cookies like a browser."""

from __future__ import annotations

import re

import httpx

CSRF_INPUT = re.compile(r'name="csrf" value="([0-9a-f]+)"')


async def csrf_of(http: httpx.AsyncClient, path: str) -> str:
    """The CSRF token a page's forms carry (its cookie is kept by the client)."""
    page = await http.get(path)
    found = CSRF_INPUT.search(page.text)
    assert found, f"{path} has no form with a CSRF token ({page.status_code})"
    return found.group(1)


async def sign_in(
    http: httpx.AsyncClient, *, role: str, ward: str | None = None, name: str = "Nguyễn Văn An"
) -> httpx.Response:
    """Signs in through /dang-nhap; returns the form's answer (303 when it took)."""
    token = await csrf_of(http, "/dang-nhap")
    form = {"csrf": token, "name": name, "role": role, "ward": ward or "", "next": ""}
    answer = await http.post("/dang-nhap", data=form)
    assert answer.status_code == 303, answer.text[:500]
    return answer

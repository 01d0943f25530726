"""The portal's development sign-in and its CSRF guard (issue 19 item 5): the session cookie is
HttpOnly and SameSite=Strict and holds a token the ward services accept; a form without its
CSRF token changes nothing; production refuses the page and reads no session cookie; the
``next`` target never leaves the site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from qcdc_gateway.main import build
from qcdc_gateway.portal.session import CSRF_COOKIE, SESSION_COOKIE
from qcdc_shared.auth import TokenError, TokenVerifier
from qcdc_shared.settings import Settings

from .portal_fakes import settings_of
from .portal_session import csrf_of, sign_in

pytestmark = pytest.mark.unit


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return settings_of(tmp_path)


@pytest.fixture
def app(settings: Settings) -> Any:
    return build(settings)  # built, never started: no database, no broker


def set_cookie(answer: httpx.Response, name: str) -> str:
    found = [h for h in answer.headers.get_list("set-cookie") if h.startswith(f"{name}=")]
    assert len(found) == 1, answer.headers.get_list("set-cookie")
    return found[0]


async def test_the_page_gives_a_csrf_cookie_and_offers_the_ward_the_person_came_from(
    portal: httpx.AsyncClient,
) -> None:
    page = await portal.get("/dang-nhap", params={"next": "/p/ben-thanh/gui-phan-anh"})
    assert page.status_code == 200
    assert '<html lang="vi">' in page.text
    cookie = set_cookie(page, CSRF_COOKIE).lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert '<option value="ben-thanh" selected>' in page.text
    assert 'name="next" value="/p/ben-thanh/gui-phan-anh"' in page.text


async def test_signing_in_sets_a_strict_httponly_session_the_services_accept(
    portal: httpx.AsyncClient, app: Any, settings: Settings
) -> None:
    token = await csrf_of(portal, "/dang-nhap")
    answer = await portal.post(
        "/dang-nhap",
        data={
            "csrf": token,
            "name": "Trần Thị Bình",
            "role": "officer",
            "ward": "ben-thanh",
            "next": "/p/ben-thanh/can-bo",
        },
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/p/ben-thanh/can-bo"
    cookie = set_cookie(answer, SESSION_COOKIE)
    assert "httponly" in cookie.lower() and "samesite=strict" in cookie.lower()
    session_id = portal.cookies[SESSION_COOKIE]
    with pytest.raises(TokenError):  # the cookie is a session's id, never a bearer token
        TokenVerifier(settings).verify(session_id)
    stored = app.state.portal_sessions.token(session_id)
    principal = TokenVerifier(settings).verify(stored)
    assert (principal.role, principal.ward, principal.name) == (
        "officer",
        "ben-thanh",
        "Trần Thị Bình",
    )
    home = await portal.get("/p/ben-thanh/tra-cuu")
    assert "Đang đăng nhập: Trần Thị Bình (Cán bộ phường)" in home.text
    assert 'href="/p/ben-thanh/can-bo"' in home.text  # the officer's own pages


async def test_a_form_without_its_csrf_token_signs_nobody_in(portal: httpx.AsyncClient) -> None:
    await csrf_of(portal, "/dang-nhap")  # the cookie alone is not enough
    form = {"name": "Kẻ mạo danh", "role": "officer", "ward": "ben-thanh"}
    for sent in (form, {**form, "csrf": "0" * 64}):
        answer = await portal.post("/dang-nhap", data=sent)
        assert answer.status_code == 403
        assert "Biểu mẫu đã hết hiệu lực" in answer.text
        assert SESSION_COOKIE not in answer.headers.get("set-cookie", "")


async def test_a_csrf_token_from_another_browser_does_not_pass(app: Any) -> None:
    transport = httpx.ASGITransport(app=app)
    async with (
        httpx.AsyncClient(transport=transport, base_url="http://gateway") as mine,
        httpx.AsyncClient(transport=transport, base_url="http://gateway") as theirs,
    ):
        stolen = await csrf_of(theirs, "/dang-nhap")
        await csrf_of(mine, "/dang-nhap")
        answer = await mine.post(
            "/dang-nhap", data={"csrf": stolen, "name": "An", "role": "citizen", "ward": ""}
        )
        assert answer.status_code == 403


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": " ", "role": "citizen", "ward": ""}, "Hãy nhập họ và tên."),
        ({"name": "An", "role": "admin", "ward": ""}, "Hãy chọn một vai trò trong danh sách."),
        ({"name": "An", "role": "officer", "ward": ""}, "cần chọn phường của mình"),
        ({"name": "An", "role": "citizen", "ward": "no-such-ward"}, "Không có phường này."),
    ],
)
async def test_a_wrong_choice_is_explained_and_keeps_what_was_typed(
    portal: httpx.AsyncClient, fields: dict[str, str], message: str
) -> None:
    token = await csrf_of(portal, "/dang-nhap")
    answer = await portal.post("/dang-nhap", data={"csrf": token, **fields})
    assert answer.status_code == 422
    assert message in answer.text
    assert 'role="alert"' in answer.text
    assert f'value="{fields["name"].strip()}"' in answer.text
    assert SESSION_COOKIE not in answer.headers.get("set-cookie", "")


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "p/ben-thanh"])
async def test_next_never_leaves_the_site(portal: httpx.AsyncClient, target: str) -> None:
    token = await csrf_of(portal, "/dang-nhap")
    answer = await portal.post(
        "/dang-nhap",
        data={"csrf": token, "name": "An", "role": "front", "ward": "ben-thanh", "next": target},
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/p/ben-thanh/"


async def test_signing_out_ends_the_session_on_the_server(portal: httpx.AsyncClient) -> None:
    await sign_in(portal, role="citizen")
    copied = portal.cookies[SESSION_COOKIE]
    token = await csrf_of(portal, "/p/ben-thanh/tra-cuu")
    answer = await portal.post("/dang-xuat", data={"csrf": token, "next": "/p/ben-thanh/"})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/p/ben-thanh/"
    assert not portal.cookies.get(SESSION_COOKIE)
    page = await portal.get("/p/ben-thanh/tra-cuu")
    assert "Đang đăng nhập" not in page.text
    # A copy of the cookie kept elsewhere opens nothing: the session is gone on the server.
    portal.cookies.set(SESSION_COOKIE, copied)
    assert "Đang đăng nhập" not in (await portal.get("/p/ben-thanh/tra-cuu")).text


async def test_a_post_from_another_site_is_refused_even_with_the_token(
    portal: httpx.AsyncClient,
) -> None:
    token = await csrf_of(portal, "/dang-nhap")
    form = {"csrf": token, "name": "An", "role": "citizen", "ward": ""}
    elsewhere = await portal.post(
        "/dang-nhap", data=form, headers={"origin": "https://evil.example"}
    )
    assert elsewhere.status_code == 403
    here = await portal.post("/dang-nhap", data=form, headers={"origin": "http://gateway"})
    assert here.status_code == 303


async def test_production_refuses_the_page_and_reads_no_session(
    portal: httpx.AsyncClient, app: Any, settings: Settings
) -> None:
    await sign_in(portal, role="officer", ward="ben-thanh")
    token = await csrf_of(portal, "/p/ben-thanh/tra-cuu")  # the sign-out form's
    app.state.portal_settings = settings.model_copy(update={"env": "production"})
    page = await portal.get("/dang-nhap")
    assert page.status_code == 403
    assert "chỉ có ở bản phát triển" in page.text
    answer = await portal.post(
        "/dang-nhap", data={"csrf": token, "name": "An", "role": "citizen", "ward": ""}
    )
    assert answer.status_code == 403
    # A development cookie a browser still holds is not a session there.
    assert "Đang đăng nhập" not in (await portal.get("/p/ben-thanh/tra-cuu")).text


async def test_signing_in_again_ends_the_earlier_session_and_renews_the_csrf_token(
    portal: httpx.AsyncClient, app: Any
) -> None:
    """Re-signing in closes the earlier session on the server, sets a new CSRF cookie, and a
    token minted before signing in (or in the earlier session) no longer passes."""
    await sign_in(portal, role="citizen")
    earlier = portal.cookies[SESSION_COOKIE]
    earlier_nonce = portal.cookies[CSRF_COOKIE]
    before = await csrf_of(portal, "/dang-nhap")  # minted in the earlier session
    form = {"csrf": before, "name": "Lê Văn Cường", "role": "officer", "ward": "ben-thanh"}
    answer = await portal.post("/dang-nhap", data={**form, "next": ""})
    assert answer.status_code == 303
    assert "samesite=strict" in set_cookie(answer, CSRF_COOKIE).lower()
    assert portal.cookies[CSRF_COOKIE] != earlier_nonce
    assert portal.cookies[SESSION_COOKIE] != earlier
    assert app.state.portal_sessions.token(earlier) is None  # closed on the server
    # The earlier session's cookie, kept elsewhere, opens nothing.
    kept = portal.cookies[SESSION_COOKIE]
    portal.cookies.set(SESSION_COOKIE, earlier)
    assert "Đang đăng nhập" not in (await portal.get("/p/ben-thanh/tra-cuu")).text
    portal.cookies.set(SESSION_COOKIE, kept)
    # The token from before the sign-in fails now; the pages' forms carry the new one.
    refused = await portal.post("/dang-xuat", data={"csrf": before})
    assert refused.status_code == 403
    fresh = await csrf_of(portal, "/p/ben-thanh/tra-cuu")
    assert fresh != before
    assert (await portal.post("/dang-xuat", data={"csrf": fresh})).status_code == 303


async def test_a_csrf_token_is_bound_to_its_session(app: Any) -> None:
    """The same CSRF cookie in two sessions: a token minted in one does not pass in the other."""
    transport = httpx.ASGITransport(app=app)
    async with (
        httpx.AsyncClient(transport=transport, base_url="http://gateway") as one,
        httpx.AsyncClient(transport=transport, base_url="http://gateway") as two,
    ):
        await sign_in(one, role="citizen")
        await sign_in(two, role="citizen")
        two.cookies.set(CSRF_COOKIE, one.cookies[CSRF_COOKIE])  # the nonce shared, say
        minted = await csrf_of(one, "/p/ben-thanh/tra-cuu")
        assert (await two.post("/dang-xuat", data={"csrf": minted})).status_code == 403
        assert (await one.post("/dang-xuat", data={"csrf": minted})).status_code == 303

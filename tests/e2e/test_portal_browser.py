"""The ward portal in a real browser (issue 19 item 7): Debian's chromium, headless, driven by
Playwright, one journey per role, axe-core on every page.

A citizen signs in, files a complaint and reads its tracking code and due date on the receipt,
then comments on an open consultation; an officer of Bến Thành accepts the complaint and
answers it from the work queue; the citizen, in a fresh browser, finds the answer by the code;
an officer publishes a posting, a resident verifies it with the board's "verify" button, the
officer withdraws it before its legal period ends, and an inspector of the ward sees the
violation. With the hub stopped, a resident files on the ward-local portal, and the city's page
for the ward shows the petition once the hub is back.

Every page visited passes axe-core with no serious or critical violation, weighs under 100 kB
and does not scroll sideways at 360 px; the key pages are also shot at 360 px. Screenshots go
to ``test-artifacts/screenshots/portal-*.png``, axe-core's reports to ``test-artifacts/axe/``.

Locators go by role and label (``get_by_role``, ``get_by_label``) with the portal's own words
(``PortalTranslator``): a control found that way is a control a screen reader can name.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from playwright.async_api import BrowserContext, Locator, Page, Response, ViewportSize, expect

from qcdc_gateway.portal.texts import KINDS, ROLE_NAMES, PortalTranslator
from qcdc_shared.law.deadlines import Deadline
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.testing.waiting import eventually

from .browser import (
    DESKTOP,
    LOCALE,
    MOBILE,
    REPO,
    TIMEZONE,
    assert_accessible,
    assert_light,
    assert_no_sideways_scroll,
    chromium,
    page_width,
    screenshot,
)
from .portal_city import WARD, PortalCity, portal_city
from .ward_local import ward_local_city

pytestmark = pytest.mark.e2e

T = PortalTranslator("vi")
HOME = f"/p/{WARD}/"
CITIZEN, OFFICER, INSPECTOR = "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"
COMPLAINT = {
    "title": "Khiếu nại về việc thu phí vệ sinh hẻm 45",
    "body": "Tổ dân phố thu phí vệ sinh hai lần trong tháng 11 mà không có biên lai.",
    "address": "45 Lê Thánh Tôn, phường Bến Thành",
}
# A tracking code (the petitions service's shape).
CODE = re.compile(r"[A-Z]{2}(?:-[0-9A-Z]{4}){4}")
# The deadlines a new petition runs by kind (the petitions service's intake, domain/petition.py):
# the receipt shows the earliest.
RUNNING_AT_RECEIPT = {"complaint": ("CMP-ACCEPT",), "feedback": ("FB-FWD", "REC-REPLY")}
FEEDBACK = {
    "title": "Đèn đường hỏng trước số 12 Lê Lợi",
    "body": "Đèn đường trước số 12 Lê Lợi đã hỏng hai tuần, tối đi lại nguy hiểm.",
    "address": "12 Lê Lợi, phường Bến Thành",
}
RECEIVED = "vn.qcdc.petitions.petition.received.v1"
CATCH_UP_WITHIN = 60.0  # the city complete within a minute of the hub's return (issue 15)
WITHDRAWN_BECAUSE = "Số liệu dự toán cần sửa lại."
# The citizen's read pages besides the home, by path → screenshot name.
PUBLIC_PAGES = {
    "bang-tin": "board",
    "tra-cuu": "track",
    "lich-tiep-cong-dan": "reception",
    "gui-phan-anh": "file",
    "gop-y": "consultations",
    "quyet-dinh": "decisions",
    "ke-hoach": "plan",
}
CONSULTATION = {
    "title": "Dự thảo quy ước tổ dân phố 3 về giữ gìn vệ sinh hẻm",
    "draft": "Điều 1. Các hộ gia đình bỏ rác đúng giờ quy định.\n\n"
    "Điều 2. Không để vật dụng lấn chiếm lối đi chung trong hẻm.",
}
COMMENT = "Đề nghị ghi rõ giờ thu gom rác buổi tối trong Điều 1."
ANSWER = "Phường đã kiểm tra: khoản thu thứ hai sẽ được hoàn lại trong tháng 12."
POSTING = {
    "category": "2",  # the budget (PUB-CAT), which must stay on display its full period
    "title": "Dự toán ngân sách phường năm 2027",
    "body": "Dự toán thu, chi ngân sách phường năm 2027 đã được Hội đồng nhân dân thông qua.",
}


@dataclass
class Visits:
    """What the test saw: the pages checked (name → axe counts) and the screenshots."""

    axe: dict[str, dict[str, int]] = field(default_factory=dict)
    screenshots: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    narrow_failures: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> Page:
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        return page

    async def look(
        self, page: Page, name: str, response: Response | None = None, lang: str = "vi"
    ) -> None:
        """The page as it is now: a portal page, in Vietnamese (or ``lang``), light,
        accessible; kept as a screenshot."""
        if response is not None:
            assert response.status == 200, f"{name}: {response.url} answered {response.status}"
            assert response.headers["content-type"].startswith("text/html")
            await assert_light(page, response)
        await expect(page.locator("html")).to_have_attribute("lang", lang)
        self.axe[name] = await assert_accessible(page, name)
        self.screenshots.append(await screenshot(page, name))
        await self.narrow(page, name)

    async def narrow(self, page: Page, name: str) -> None:
        """Every page also fits a phone: at 360 px wide nothing scrolls the whole page
        sideways (the screenshots at 360 px are of the key pages only)."""
        wide = page.viewport_size
        if wide is None or wide["width"] <= MOBILE["width"]:
            await assert_no_sideways_scroll(page)
            return
        await page.set_viewport_size(MOBILE)
        try:
            width = await page_width(page)
            self.narrow_failures.extend([f"{name}: {width} px"] if width > MOBILE["width"] else [])
        finally:
            await page.set_viewport_size(wide)

    async def visit(self, page: Page, path: str, name: str, lang: str = "vi") -> Response:
        response = await page.goto(path)
        assert response is not None
        await self.look(page, name, response, lang)
        return response

    async def follow(self, page: Page, link: str, name: str) -> None:
        """Follow the (first) link named ``link``, as a person reaches a page, and look."""
        async with page.expect_navigation() as navigation:
            await page.get_by_role("link", name=link, exact=True).first.click()
        await self.look(page, name, await navigation.value)

    async def submit(
        self, page: Page, button: str, name: str, scope: Page | Locator | None = None
    ) -> None:
        """Press the button named ``button`` (within ``scope``: a form, a list item) and look
        at the page the form leads to."""
        where = scope or page
        async with page.expect_navigation() as navigation:
            await where.get_by_role("button", name=button, exact=True).click()
        await self.look(page, name, await navigation.value)


async def sign_in(
    visits: Visits, page: Page, role: str, name: str, next_path: str, prefix: str = ""
) -> Response:
    """The development sign-in, as a person fills it: name, role, ward; returns the response
    of the page it leads to (``next_path``)."""
    await visits.visit(page, f"/dang-nhap?next={quote(next_path)}", f"{prefix}sign-in-{role}")
    await page.get_by_label(T("signin.name"), exact=True).fill(name)
    await page.get_by_role("radio", name=ROLE_NAMES[role][0], exact=True).check()
    await page.get_by_label(T("signin.ward"), exact=True).select_option(WARD)
    async with page.expect_navigation() as navigation:
        await page.get_by_role("button", name=T("signin.submit"), exact=True).click()
    response = await navigation.value
    assert response is not None and response.ok
    await expect(page.get_by_text(name, exact=False).first).to_be_visible()
    return response


async def citizen_reads_the_ward(visits: Visits, page: Page) -> None:
    """The public pages, no sign-in: home, notice board, tracking, reception, filing, and the
    civic pages (consultations, residents' decisions, the ward plan)."""
    await visits.visit(page, HOME, "home")
    # By keyboard: the first Tab reaches the skip link, which takes the focus to the content.
    await page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=T("skip"), exact=True)
    await expect(skip).to_be_focused()
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("main")).to_be_focused()
    for path, name in PUBLIC_PAGES.items():
        await visits.visit(page, HOME + path, name)


async def english_on_request(visits: Visits, page: Page) -> None:
    """``?lang=en`` turns the pages to English (and stays so for the visit): still
    accessible."""
    for path, name in (("", "home"), ("gui-phan-anh", "file"), ("tra-cuu", "track")):
        await visits.visit(page, f"{HOME}{path}?lang=en", f"en-{name}", lang="en")


def due_dates(rules: RuleBook, kind: str, received: Sequence[dt.datetime]) -> set[str]:
    """The receipt's due date as the petitions service computes it (the earliest deadline a
    ``kind`` runs from its receipt, under the rule row in force) and the portal writes it
    (dd/mm/yyyy), for a receipt between the shared clock's readings ``received``: one day,
    unless the filing straddled a day's end."""
    return {
        T.date(min((rules.deadline(r, at) for r in RUNNING_AT_RECEIPT[kind]), key=due_at).due)
        for at in received
    }


def due_at(deadline: Deadline) -> dt.datetime:
    return deadline.due_at


async def assert_due_date(
    page: Page, rules: RuleBook, kind: str, received: Sequence[dt.datetime]
) -> None:
    """The receipt's due date is the one the rule table gives (see :func:`due_dates`)."""
    due = page.locator("#receipt-due")
    await expect(due).to_be_visible()
    shown = (await due.inner_text()).strip()
    expected = due_dates(rules, kind, received)
    assert shown in expected, f"the receipt says {shown!r}, the rule table {sorted(expected)}"


async def citizen_files_a_complaint(visits: Visits, page: Page, city: PortalCity) -> str:
    """Journey (a): sign in, fill the complaint form, read the code and the due date."""
    signed_in = await sign_in(visits, page, "citizen", CITIZEN, HOME + "gui-phan-anh")
    await expect(page).to_have_url(re.compile(r"/gui-phan-anh$"))
    await visits.look(page, "citizen-file-signed-in", signed_in)
    form = page.get_by_role("form", name=KINDS["complaint"][0], exact=True)
    await form.get_by_label(T("field.title"), exact=True).fill(COMPLAINT["title"])
    await form.get_by_label(T("field.body"), exact=True).fill(COMPLAINT["body"])
    await form.get_by_label(T("field.name"), exact=True).fill(CITIZEN)
    await form.get_by_label(T("field.address"), exact=True).fill(COMPLAINT["address"])
    before = city.now()  # the shared clock, pinned by the harness: the receipt is after it
    await visits.submit(page, T("filing.submit"), "citizen-receipt", scope=form)
    received = (before, city.now())
    await expect(page).to_have_url(re.compile(r"/gui-phan-anh/da-nhan\?ma="))
    await expect(page.get_by_role("heading", name=T("filing.receipt.code"))).to_be_visible()
    code = (await page.locator("#receipt-code").inner_text()).strip()
    assert CODE.fullmatch(code), f"not a tracking code: {code!r}"
    await assert_due_date(page, RuleBook.from_settings(city.settings), "complaint", received)
    await expect(page.get_by_text(T("filing.receipt.due"), exact=True)).to_be_visible()
    return code


async def citizen_comments_on_a_consultation(visits: Visits, page: Page) -> None:
    """The signed-in resident finds the open consultation and sends a comment through its
    form; the page says it was received and lists it."""
    await visits.visit(page, HOME + "gop-y", "consultations-open")
    async with page.expect_navigation() as navigation:
        await page.get_by_role("link", name=CONSULTATION["title"], exact=True).click()
    await visits.look(page, "consultation", await navigation.value)
    await page.get_by_label(T("civic.comment.text"), exact=True).fill(COMMENT)
    await visits.submit(page, T("civic.comment.submit"), "consultation-commented")
    await expect(page.get_by_role("status")).to_have_text(T("civic.comment.sent"))
    await expect(page.get_by_text(COMMENT, exact=True)).to_be_visible()


async def officer_accepts_and_answers(visits: Visits, page: Page) -> None:
    """Journey (b): an officer of the ward finds the complaint in the queue, accepts it and
    answers it."""
    signed_in = await sign_in(visits, page, "officer", OFFICER, HOME + "can-bo")
    await expect(page).to_have_url(re.compile(r"/can-bo$"))
    await visits.look(page, "officer-queue", signed_in)
    async with page.expect_navigation() as navigation:
        await page.get_by_role("link", name=COMPLAINT["title"], exact=True).click()
    await visits.look(page, "officer-petition", await navigation.value)

    accept = page.get_by_role("form", name=T("officer.step.accept"), exact=True)
    await visits.submit(page, T("officer.step.accept"), "officer-accepted", scope=accept)
    await expect(page.get_by_role("status")).to_have_text(T("officer.done.accept"))

    answer = page.get_by_role("form", name=T("officer.step.answer"), exact=True)
    await answer.get_by_label(T("officer.field.text"), exact=True).fill(ANSWER)
    await visits.submit(page, T("officer.step.answer"), "officer-answered", scope=answer)
    await expect(page.get_by_role("status")).to_have_text(T("officer.done.answer"))
    await expect(page.get_by_text(ANSWER, exact=True)).to_be_visible()
    # The officer's other pages, from the officer's menu.
    await visits.follow(page, T("officer.nav.decisions"), "officer-decisions")
    await visits.follow(page, T("officer.nav.plan"), "officer-plan")


async def citizen_reads_the_answer(visits: Visits, page: Page, code: str) -> None:
    """Journey (c): anyone holding the code, signed in or not, finds the answer by it."""
    await visits.visit(page, HOME + "tra-cuu", "citizen-track-form")
    await page.get_by_label(T("track.code"), exact=True).fill(code)
    await visits.submit(page, T("track.submit"), "citizen-track-answer")
    await expect(page).to_have_url(re.compile(r"/tra-cuu\?ma="))
    await expect(page.get_by_role("heading", name=T("track.answer"), exact=True)).to_be_visible()
    await expect(page.get_by_text(ANSWER, exact=True)).to_be_visible()


async def officer_publishes_a_posting(visits: Visits, page: Page, city: PortalCity) -> None:
    """Journey (d) begins on the officer's pages: a draft, then published."""
    await visits.visit(page, HOME + "can-bo/bang-tin", "officer-postings")
    new = page.get_by_role("region", name=T("officer.postings.new"), exact=True)
    await new.get_by_label(T("officer.posting.category"), exact=True).select_option(
        POSTING["category"]
    )
    await new.get_by_label(T("officer.posting.title"), exact=True).fill(POSTING["title"])
    await new.get_by_label(T("officer.posting.body"), exact=True).fill(POSTING["body"])
    await new.get_by_label(T("officer.posting.decided_on"), exact=True).fill(
        city.today().isoformat()
    )
    await visits.submit(page, T("officer.posting.save"), "officer-posting-drafted", scope=new)
    await expect(page.get_by_role("status")).to_have_text(T("officer.done.draft"))

    drafted = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name=POSTING["title"], exact=True)
    )
    await visits.submit(
        page, T("officer.posting.publish"), "officer-posting-published", scope=drafted
    )
    await expect(page.get_by_role("status")).to_have_text(T("officer.done.publish"))


async def resident_verifies_the_posting(visits: Visits, page: Page) -> None:
    """On the notice board, the posting's "verify" button re-checks its ledger proof in the
    browser (verify.js, Web Crypto): every check passes."""
    await visits.visit(page, HOME + "bang-tin", "board-with-posting")
    posting = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading", name=POSTING["title"], exact=True)
    )
    await posting.get_by_role("button", name=T("civic.verify.button"), exact=True).click()
    verified = T("civic.verify.ok", sequence="\0", head="\0").split("\0")[0]
    await expect(posting.get_by_text(verified)).to_be_visible()
    await expect(posting.get_by_text(T("civic.verify.not_passed"))).to_have_count(0)
    await visits.look(page, "board-verified")


async def officer_withdraws_the_posting_early(visits: Visits, page: Page) -> None:
    """Journey (d) goes on: the officer withdraws the posting the day it went up, long before
    its legal period (PUB-MIN30) ends."""
    withdraw = page.get_by_role(
        "form", name=f"{T('officer.posting.withdraw')}: {POSTING['title']}", exact=True
    )
    await withdraw.get_by_label(T("officer.posting.reason"), exact=True).fill(WITHDRAWN_BECAUSE)
    await visits.submit(
        page, T("officer.posting.withdraw"), "officer-posting-withdrawn", scope=withdraw
    )
    await expect(page.get_by_role("status")).to_have_text(T("officer.done.withdraw"))


async def inspector_sees_the_violation(visits: Visits, page: Page, city: PortalCity) -> None:
    """Journey (d), second half: oversight consumed the withdrawal and found the breach; an
    inspector of the ward sees it with its evidence."""

    async def detected() -> bool:
        return any(v["rule"] == "PUB-MIN30" for v in await city.violations())

    await eventually(detected, within=30, what="oversight to detect the early withdrawal")
    signed_in = await sign_in(visits, page, "inspector", INSPECTOR, HOME + "giam-sat")
    await expect(page).to_have_url(re.compile(r"/giam-sat$"))
    await visits.look(page, "inspector-home", signed_in)
    async with page.expect_navigation() as navigation:
        await page.get_by_role("link", name=T("oversight.nav.violations"), exact=True).first.click()
    await visits.look(page, "inspector-violations", await navigation.value)
    await expect(page).to_have_url(re.compile(r"/giam-sat/vi-pham$"))
    violation = page.get_by_role("listitem").filter(
        has=page.get_by_role("heading").filter(has_text="PUB-MIN30")
    )
    await expect(violation).to_have_count(1)
    await expect(violation.get_by_role("link", name="PUB-MIN30")).to_be_visible()
    async with page.expect_navigation() as navigation:
        await violation.get_by_role("link", name=T("oversight.violation.open"), exact=True).click()
    await visits.look(page, "inspector-violation", await navigation.value)
    await expect(page.get_by_text("PUB-MIN30").first).to_be_visible()
    # The board's other pages, from its menu.
    for link, name in (
        ("oversight.nav.recommendations", "inspector-recommendations"),
        ("oversight.nav.inspections", "inspector-inspections"),
        ("oversight.nav.identity", "inspector-identity-log"),
    ):
        await visits.follow(page, T(link), name)


async def phone_pages(visits: Visits, context: BrowserContext, paths: dict[str, str]) -> None:
    """Key pages at 360 px: nothing scrolls the whole page sideways."""
    page = visits.watch(await context.new_page())
    for name, path in paths.items():
        await visits.visit(page, path, f"{name}-360")
        await assert_no_sideways_scroll(page)
    await page.close()


async def test_each_role_does_its_work_in_a_browser(nats_url: str, tmp_path: Path) -> None:
    began = time.monotonic()
    visits = Visits()
    async with portal_city(nats_url, tmp_path) as city, chromium() as browser:

        async def fresh(viewport: ViewportSize = DESKTOP) -> tuple[BrowserContext, Page]:
            """A new browser profile: no cookie, no session."""
            context = await browser.new_context(
                viewport=viewport, base_url=city.gateway, locale=LOCALE, timezone_id=TIMEZONE
            )
            return context, visits.watch(await context.new_page())

        context, page = await fresh()
        await citizen_reads_the_ward(visits, page)
        code = await citizen_files_a_complaint(visits, page, city)
        await city.open_consultation(CONSULTATION["title"], CONSULTATION["draft"])
        await citizen_comments_on_a_consultation(visits, page)
        await context.close()

        officer, officer_page = await fresh()
        await officer_accepts_and_answers(visits, officer_page)
        await officer_publishes_a_posting(visits, officer_page, city)

        context, page = await fresh()
        await citizen_reads_the_answer(visits, page, code)
        await resident_verifies_the_posting(visits, page)
        await context.close()

        await officer_withdraws_the_posting_early(visits, officer_page)

        context, page = await fresh()
        await inspector_sees_the_violation(visits, page, city)
        inspector = context

        context, page = await fresh()
        await english_on_request(visits, page)
        await context.close()

        # At a phone's width, signed out, as an officer and as an inspector.
        phone = await browser.new_context(
            viewport=MOBILE, base_url=city.gateway, locale=LOCALE, timezone_id=TIMEZONE
        )
        await phone_pages(
            visits,
            phone,
            {
                "home": HOME,
                "file": HOME + "gui-phan-anh",
                "receipt": f"{HOME}gui-phan-anh/da-nhan?ma={quote(code)}",
                "track": f"{HOME}tra-cuu?ma={quote(code)}",
                "board": HOME + "bang-tin",
                "sign-in": "/dang-nhap",
            },
        )
        await phone.close()
        for context, name, paths in (
            (officer, "officer", {"queue": "can-bo", "postings": "can-bo/bang-tin"}),
            (inspector, "inspector", {"violations": "giam-sat/vi-pham"}),
        ):
            small = visits.watch(await context.new_page())
            await small.set_viewport_size(MOBILE)
            for label, path in paths.items():
                await visits.visit(small, HOME + path, f"{name}-{label}-360")
                await assert_no_sideways_scroll(small)
            await context.close()

    assert visits.errors == [], f"JavaScript errors: {visits.errors}"
    assert visits.narrow_failures == [], f"sideways scrolling at 360 px: {visits.narrow_failures}"
    report(visits, began)


async def portal_now(portal: str) -> dt.datetime:
    """The time the ward-local portal goes by (its /health)."""
    async with httpx.AsyncClient(base_url=portal, timeout=15) as http:
        return dt.datetime.fromisoformat((await http.get("/health")).json()["clock"]["now"])


async def city_holds(gateway: str, petition: str) -> int:
    """How many times the city's event log (the gateway's) holds the petition's received
    event."""
    async with httpx.AsyncClient(base_url=gateway, timeout=15) as http:
        reply = await http.get("/api/events", params={"ward": WARD, "type": RECEIVED, "limit": 200})
        assert reply.status_code == 200, reply.text
        return sum(item["subject"] == petition for item in reply.json()["items"])


async def test_a_ward_keeps_taking_petitions_while_the_hub_is_stopped(tmp_path: Path) -> None:
    """Journey (e): the hub stops; the ward-local portal keeps the ward's (pinned) time, which
    it takes from the ward's services over HTTP; a resident files there, gets the code and the
    due date the rule table gives; the city's dashboard does not have it yet; the hub returns,
    the city's event log holds the petition's event exactly once, and the city's page for the
    ward shows it."""
    began = time.monotonic()
    visits = Visits()
    async with ward_local_city(tmp_path) as city, chromium() as browser:
        await city.stop_hub()
        shown = await portal_now(city.portal)
        assert abs(shown - city.clock.now()) < dt.timedelta(seconds=5), f"the portal says {shown}"
        context = await browser.new_context(
            viewport=DESKTOP, base_url=city.portal, locale=LOCALE, timezone_id=TIMEZONE
        )
        page = visits.watch(await context.new_page())
        await visits.visit(page, HOME, "local-home")
        signed_in = await sign_in(
            visits, page, "citizen", CITIZEN, HOME + "gui-phan-anh", prefix="local-"
        )
        await visits.look(page, "local-file-signed-in", signed_in)
        form = page.get_by_role("form", name=KINDS["feedback"][0], exact=True)
        await form.get_by_label(T("field.title"), exact=True).fill(FEEDBACK["title"])
        await form.get_by_label(T("field.body"), exact=True).fill(FEEDBACK["body"])
        await form.get_by_label(T("field.name"), exact=True).fill(CITIZEN)
        await form.get_by_label(T("field.address"), exact=True).fill(FEEDBACK["address"])
        before = city.clock.now()
        await visits.submit(page, T("filing.submit"), "local-receipt", scope=form)
        received = (before, city.clock.now())
        code = (await page.locator("#receipt-code").inner_text()).strip()
        assert CODE.fullmatch(code), f"not a tracking code: {code!r}"
        await assert_due_date(page, RuleBook.from_settings(city.settings), "feedback", received)
        await visits.visit(page, f"{HOME}tra-cuu?ma={quote(code)}", "local-track")
        await expect(page.get_by_role("heading", name=re.compile(re.escape(code)))).to_be_visible()
        await context.close()

        async with httpx.AsyncClient(base_url=city.services["petitions"]) as ward_api:
            tracked = await ward_api.get(f"/petitions/track/{code}")
            assert tracked.status_code == 200, tracked.text
            petition = tracked.json()["id"]
        assert await city_holds(city.gateway, petition) == 0, "the city had it with the hub down"
        dashboard = await browser.new_context(
            viewport=DESKTOP, base_url=city.gateway, locale=LOCALE, timezone_id=TIMEZONE
        )
        page = visits.watch(await dashboard.new_page())
        await visits.visit(page, f"/wards/{WARD}", "city-ward-hub-down")
        await expect(page.get_by_role("row", name=re.compile(petition))).to_have_count(0)

        await city.start_hub()
        back = time.monotonic()

        async def arrived() -> bool:
            return await city_holds(city.gateway, petition) >= 1

        await eventually(arrived, within=CATCH_UP_WITHIN, what="the petition at the city")
        caught_up = time.monotonic() - back
        # Once: the leaf's stream sourced at the hub brings each event a single time.
        assert await city_holds(city.gateway, petition) == 1
        # The city's page for the ward, reloaded: the petition's event among the recent ones.
        await visits.visit(page, f"/wards/{WARD}", "city-ward-after-hub")
        await expect(page.get_by_role("row", name=re.compile(petition))).to_have_count(1)
        await dashboard.close()

    assert visits.errors == [], f"JavaScript errors: {visits.errors}"
    assert visits.narrow_failures == [], f"sideways scrolling at 360 px: {visits.narrow_failures}"
    report(visits, began)
    print(f"the city had the ward-local petition {caught_up:.1f}s after the hub came back")


def report(visits: Visits, began: float) -> None:
    print(f"\nportal browser journeys in {time.monotonic() - began:.1f}s")
    print("axe-core (violating nodes by impact; none serious or critical):")
    for name, counts in visits.axe.items():
        print(f"  {name}: " + ", ".join(f"{impact} {n}" for impact, n in counts.items()))
    print("screenshots:")
    for path in visits.screenshots:
        print(f"  {path.relative_to(REPO)}")

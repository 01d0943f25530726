"""DEC-RECORD across services: residents decide in plans, the committee recognises the
result, and publicity posts it from the event alone, through a real nats-server."""

from __future__ import annotations

import pytest

from qcdc_plans.main import build as build_plans
from qcdc_plans.testing import WARD, Plans
from qcdc_publicity.main import build as build_publicity
from qcdc_shared.db import drop_database
from qcdc_shared.settings import Settings
from qcdc_shared.testing.databases import sibling_database_url
from qcdc_shared.testing.service import Harness, running
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

pytestmark = pytest.mark.integration


async def test_a_recognised_decision_is_posted_by_publicity(
    nats_server: NatsServer, database_url: str
) -> None:
    settings = Settings(ward=WARD, nats_url=nats_server.url, database_url=database_url)
    publicity_url = sibling_database_url(database_url, "publicity")
    publicity_settings = settings.model_copy(update={"database_url": publicity_url})
    try:
        async with (
            running(Plans, build_plans, settings, nats_server.url) as plans,
            running(Harness, build_publicity, publicity_settings, nats_server.url) as publicity,
        ):
            await plans.register_group("TDP-05", households=90)
            day = plans.today()
            opened = await plans.ok(
                "POST",
                "/decisions",
                {
                    "topic": 1,
                    "title": "Góp vốn nâng cấp hẻm 12",
                    "group": "TDP-05",
                    "form": "meeting",
                    "notice_at": str(plans.latest_notice(day)),
                    "vote_at": str(day),
                },
                status=201,
            )
            url = f"/decisions/{opened['id']}"
            await plans.ok("POST", f"{url}/tally", {"yes": 61, "no": 9, "present": 72})
            closed = await plans.ok("POST", f"{url}/close")
            assert closed["passed"] is True  # 61 >= 2/3 of 90 = 60
            await plans.ok("POST", f"{url}/recognise", headers=plans.front())

            async def posted() -> list[dict[str, object]]:
                items = (await publicity.http.get("/postings")).json()["items"]
                return [p for p in items if "Góp vốn nâng cấp hẻm 12" in str(p["title"])]

            await eventually(posted, within=15, what="publicity to post the decision result")
            (posting,) = await posted()
            assert posting["category"] == 5  # PUB-CAT 5: resident contributions (topic 1)
            assert posting["status"] == "published"
    finally:
        await drop_database(publicity_url)

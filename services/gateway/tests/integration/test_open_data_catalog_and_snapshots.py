"""The open-data catalogue and daily snapshots over real contract events consumed through
QCDC_CITY: every export is in the catalogue with its licence and field descriptions; a snapshot
is the same bytes on every request and after a later event; a day not yet ended is refused in
Vietnamese and English; and no free text a ward published reaches a snapshot or the catalogue
(the privacy scan of test_exports_and_proxy.py, run on the new routes)."""

from __future__ import annotations

import datetime as dt

import httpx
import nats
import pytest

from qcdc_gateway.main import build
from qcdc_publicity.contracts import PostingPublishedV1
from qcdc_shared.envelope import Envelope, build_envelope
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.settings import Settings
from qcdc_shared.streams import ensure_city_topology
from qcdc_shared.testing.waiting import eventually
from qcdc_shared.tooling.nats_server import NatsServer

from .test_exports_and_proxy import (
    DAY,
    DECISION_TITLE,
    POSTING_TITLE,
    REGISTRY,
    WITHDRAWAL_REASON,
    city_events,
    posting_state,
)

pytestmark = pytest.mark.integration

LICENCE = "https://creativecommons.org/licenses/by/4.0/"
# The events of city_events() end three days after DAY: this day's end knows them all.
SNAPSHOT_DAY = DAY + dt.timedelta(days=3)
PERSONAL = (POSTING_TITLE, WITHDRAWAL_REASON, DECISION_TITLE, "ev-proof-77")


async def publish(url: str, events: list[Envelope]) -> None:
    client = await nats.connect(url)
    try:
        js = client.jetstream()
        await ensure_city_topology(js, ["ben-thanh", "sai-gon"])
        for event in events:
            await js.publish(event.nats_subject, event.to_json(), headers={"Nats-Msg-Id": event.id})
    finally:
        await client.close()


async def test_catalogue_snapshots_and_the_refused_future(
    nats_server: NatsServer, database_url: str
) -> None:
    sent = city_events()
    await publish(nats_server.url, sent)
    settings = Settings(
        nats_url=nats_server.url, database_url=database_url, registry_file=str(REGISTRY)
    )
    app = build(settings)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gw") as http,
    ):

        async def consumed(count: int) -> bool:
            return bool((await http.get("/api/events")).json()["total"] == count)

        await eventually(lambda: consumed(len(sent)), within=20, what="every event consumed")
        now = app.state.runtime.clock.now()  # the harness's clock, never the machine's date
        assert local_date(now) > SNAPSHOT_DAY, "the shared clock runs before the test's events"
        catalogue = await http.get("/api/open-data/catalog.json")
        fields = await http.get("/api/export/fields.json")
        names = ("indicators", "postings", "decisions", "violations")
        urls = [
            f"/api/open-data/snapshots/{SNAPSHOT_DAY}/{name}.{fmt}"
            for name in names
            for fmt in ("csv", "json")
        ]
        first = {url: await http.get(url) for url in urls}
        again = {url: await http.get(url) for url in urls}
        live_before = await http.get("/api/export/postings.csv")
        # A later event (a posting published now) changes the live file, not the snapshot.
        state = posting_state("ben-thanh", "p-late") | {"published_at": now}
        late = build_envelope(
            PostingPublishedV1(**state, violations=[], version=1, status="published"),
            ward="ben-thanh",
            aggregate_id="p-late",
            sequence=1,
            time=now,
        )
        await publish(nats_server.url, [late])
        await eventually(lambda: consumed(len(sent) + 1), within=20, what="the late event")
        after = {url: await http.get(url) for url in urls}
        live_after = await http.get("/api/export/postings.csv")
        today = await http.get(f"/api/open-data/snapshots/{local_date(now)}/postings.csv")
        tomorrow = local_date(now) + dt.timedelta(days=1)
        future = await http.get(f"/api/open-data/snapshots/{tomorrow}/postings.json")

    # The catalogue: DCAT, every export with its licence, distributions and fields.
    assert catalogue.status_code == 200, catalogue.text
    assert catalogue.headers["content-type"].startswith("application/ld+json")
    body = catalogue.json()
    assert body["@type"] == "dcat:Catalog" and body["dct:license"] == {"@id": LICENCE}
    assert body["dct:publisher"]["foaf:name"] == "Thành phố Hồ Chí Minh"
    datasets = {d["dct:identifier"]: d for d in body["dcat:dataset"]}
    described = {d["name"]: d["fields"] for d in fields.json()["datasets"]}
    assert set(datasets) == set(names)
    for name, dataset in datasets.items():
        assert dataset["dct:license"] == {"@id": LICENCE}, name
        assert dataset["qcdc:fields"] == described[name], name
        downloads = {d["dcat:downloadURL"]: d for d in dataset["dcat:distribution"]}
        assert {f"/api/export/{name}.csv", f"/api/export/{name}.json"} <= set(downloads)
        assert "/api/export/fields.json" in downloads
        assert downloads[f"/api/export/{name}.csv"]["dcat:mediaType"] == "text/csv"
        keywords = dataset["dcat:keyword"]
        assert "dữ liệu mở" in keywords and "open data" in keywords
        listed = {
            d["dcat:downloadURL"] for s in dataset["qcdc:snapshots"] for d in s["dcat:distribution"]
        }
        # The finished days since the first event (DAY), the last 31 of them: never today.
        yesterday = local_date(now) - dt.timedelta(days=1)
        window = max(DAY, yesterday - dt.timedelta(days=30))
        days = [window + dt.timedelta(days=n) for n in range((yesterday - window).days + 1)]
        assert listed == {
            f"/api/open-data/snapshots/{day}/{name}.{fmt}"
            for day in days
            for fmt in ("csv", "json")
        }
    # Snapshots: the same bytes every time, a later event included; with the licence header.
    for url, response in first.items():
        assert response.status_code == 200, (url, response.text)
        assert response.headers["link"] == f'<{LICENCE}>; rel="license"'
        assert again[url].content == response.content == after[url].content, url
        text = response.content.decode("utf-8-sig")
        for personal in PERSONAL:
            assert personal not in text, (url, personal)
    assert "p-late" not in first[urls[2]].text and "p-late" not in after[urls[2]].text
    assert "p-late" not in live_before.text and "p-late" in live_after.text
    assert live_after.headers["link"] == f'<{LICENCE}>; rel="license"'
    for personal in PERSONAL:
        assert personal not in catalogue.text
    # Today has not ended and tomorrow has not begun: no snapshot of either.
    for refused in (today, future):
        assert refused.status_code == 404, refused.text
        assert refused.headers["content-type"] == "application/problem+json"
        problem = refused.json()
        assert "chưa kết thúc" in problem["detail"] and "not ended" in problem["detail_en"]

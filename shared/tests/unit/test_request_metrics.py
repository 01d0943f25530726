"""The request series of ``/metrics`` stay few and say nothing of who asked: a route's
template, a known method or ``_OTHER``, the status sent (``qcdc_shared.metrics``)."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from prometheus_client.parser import text_string_to_metric_families

from qcdc_shared.bus import Deliveries
from qcdc_shared.metrics import install_metrics
from qcdc_shared.telemetry import configure_logging


def app_with_metrics(static: Path) -> FastAPI:
    app = FastAPI()

    @app.get("/petitions/track/{code}")
    async def track(code: str) -> dict[str, str]:
        return {"code": code}

    @app.get("/broken")
    async def broken() -> None:
        raise RuntimeError("a bug")

    install_metrics(app, service="petitions", ward="ben-thanh")
    # After, as the gateway mounts its files once create_app has made the app.
    app.mount("/static", StaticFiles(directory=static), name="static")
    return app


async def request_series(client: httpx.AsyncClient) -> list[dict[str, str]]:
    text = (await client.get("/metrics")).text
    return [
        sample.labels
        for family in text_string_to_metric_families(text)
        if family.name == "qcdc_http_server_requests"
        for sample in family.samples
        if sample.name.endswith("_total")
    ]


async def test_requests_are_counted_by_template_method_and_status(tmp_path: Path) -> None:
    (tmp_path / "site.css").write_text("body {}")
    app = app_with_metrics(tmp_path)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        assert (await client.get("/petitions/track/ABCD-1234")).status_code == 200
        assert (await client.get("/static/site.css")).status_code == 200
        assert (await client.get("/nobody/here/0912345678")).status_code == 404
        assert (await client.request("BREW", "/petitions/track/X")).status_code == 405
        assert (await client.get("/broken")).status_code == 500
        series = await request_series(client)

    seen = {
        (s["http_route"], s["http_request_method"], s["http_response_status_code"]) for s in series
    }
    assert seen == {
        ("/petitions/track/{code}", "GET", "200"),
        ("/static/{path}", "GET", "200"),
        ("(unmatched)", "GET", "404"),
        ("/petitions/track/{code}", "_OTHER", "405"),
        ("/broken", "GET", "500"),
    }
    asked = "ABCD-1234 0912345678 site.css BREW".split()
    assert not [s for s in series for value in s.values() for word in asked if word in value]


def test_two_apps_in_one_process_keep_their_own_registries(tmp_path: Path) -> None:
    # Prometheus's default registry is process-wide: a second app there would be refused.
    first, second = app_with_metrics(tmp_path), app_with_metrics(tmp_path)
    assert first.state.metrics.registry is not second.state.metrics.registry


def delivery(times: int) -> Any:
    return SimpleNamespace(metadata=SimpleNamespace(num_delivered=times))


class NotJetStream:
    @property
    def metadata(self) -> Any:
        raise ValueError("not a JetStream message")


@pytest.mark.parametrize(
    ("messages", "received", "redelivered"),
    [
        ([delivery(1), delivery(1)], 2, 0),
        ([delivery(1), delivery(2), delivery(5)], 3, 2),
        ([NotJetStream()], 1, 0),
    ],
)
def test_deliveries_count_what_the_server_sent_again(
    messages: list[Any], received: int, redelivered: int
) -> None:
    deliveries = Deliveries()
    for msg in messages:
        deliveries.note(msg)
    assert (deliveries.received, deliveries.redelivered) == (received, redelivered)


async def test_each_request_is_one_json_access_line_without_the_path_asked(
    tmp_path: Path,
) -> None:
    app = app_with_metrics(tmp_path)
    stream = io.StringIO()
    handler = configure_logging("petitions", "ben-thanh", stream=stream)
    try:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            assert (await client.get("/petitions/track/ABCD-1234")).status_code == 200
            assert (await client.get("/metrics")).status_code == 200  # a probe: DEBUG only
    finally:
        logging.getLogger().removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    access = [line for line in lines if line["logger"] == "qcdc.access"]
    assert [(a["http_method"], a["http_route"], a["http_status"]) for a in access] == [
        ("GET", "/petitions/track/{code}", 200)
    ]
    assert access[0]["service"] == "petitions" and access[0]["duration_ms"] >= 0
    assert "ABCD-1234" not in stream.getvalue()

"""Secrets and personal data stay in: a server address's credentials never reach a log line
or an error (and so never ``/health``'s ``outbox.last_error``), and a failed SQL statement's
error never carries what was bound to it (DEN-SECRET)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from qcdc_shared.db import make_engine
from qcdc_shared.runtime import NatsLink, redact_url
from qcdc_shared.tooling.nats_server import free_ports

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("nats://qcdc:s3cr3t@10.0.0.5:4222", "nats://***@10.0.0.5:4222"),
        ("nats://token-only@hub:4222", "nats://***@hub:4222"),
        ("tls://user:p%40ss@hub.example:4443/x", "tls://***@hub.example:4443/x"),
        ("nats://127.0.0.1:4222", "nats://127.0.0.1:4222"),
    ],
)
def test_a_url_is_shown_without_its_credentials(url: str, shown: str) -> None:
    assert redact_url(url) == shown


async def test_the_nats_link_logs_and_raises_without_the_password(
    caplog: pytest.LogCaptureFixture,
) -> None:
    (port,) = free_ports(1)  # nothing listens there
    link = NatsLink(f"nats://qcdc:s3cr3t-pw@127.0.0.1:{port}", name="test")
    caplog.set_level(logging.DEBUG)
    running = asyncio.create_task(link.run())
    try:
        for _ in range(100):
            if "not reachable" in caplog.text:
                break
            await asyncio.sleep(0.05)
        with pytest.raises(ConnectionError) as refused:
            await link.publish("qcdc.x", b"{}")
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
    assert "not reachable" in caplog.text and f"***@127.0.0.1:{port}" in caplog.text
    assert "s3cr3t" not in caplog.text and "s3cr3t" not in str(refused.value)


async def test_a_failed_statement_does_not_carry_its_parameters(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path}/t.db")
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE p (id INTEGER PRIMARY KEY, body TEXT)"))
            await conn.execute(text("INSERT INTO p VALUES (1, 'x')"))
        with pytest.raises(IntegrityError) as failed:
            async with engine.begin() as conn:
                await conn.execute(
                    text("INSERT INTO p VALUES (:id, :body)"),
                    {"id": 1, "body": "Cán bộ Blixter nhận tiền"},
                )
    finally:
        await engine.dispose()
    assert "INSERT INTO p" in str(failed.value) and "Blixter" not in str(failed.value)

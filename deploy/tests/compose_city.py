"""A compose city for the deployment test, driven as an operator drives one: ``docker-compose``
and ``docker`` on the command line, the platform's HTTP APIs with RS256 tokens.

The city runs the repository's ``docker-compose.yml`` under a project name of its own, with its
own secrets folder, key pair and gateway port, so it never meets another city on this machine.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
import jwt
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from qcdc_publicity.api import examples
from qcdc_shared.clock import SystemClock

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
PROJECT_LABEL = "com.docker.compose.project"
SERVICE_LABEL = "com.docker.compose.service"
HTTP_PORT = 8000
UP_TIMEOUT = 240.0
PUBLISHED_EVENT = "vn.qcdc.publicity.posting.published"
OTLP_PORT = 4318
# Dates in the past of any clock this test runs under: publishing refuses a future day.
DECIDED_ON = "2026-01-05"
PUBLISHED_AT = "2026-01-06T08:00:00+07:00"

T = TypeVar("T")


class CityError(AssertionError):
    """The city did not do what an operator expects; the message says what it showed."""


def run(*command: str, env: dict[str, str] | None = None, check: bool = True) -> str:
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=300
    )
    said = f"{' '.join(command)} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
    if done.returncode != 0:
        if check:
            raise CityError(said)
        return said  # for a failure report: why it said nothing
    return done.stdout


def poll(what: str, probe: Callable[[], T | None], *, timeout: float, every: float = 1.0) -> T:
    """``probe``'s first non-None answer; fails with ``what`` after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        found = probe()
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise CityError(f"{what}: nothing after {timeout:.0f} s")
        time.sleep(every)


def long_running(compose: dict[str, Any]) -> tuple[set[str], set[str]]:
    """(services that stay up, one-shot migrations) of the default profile."""
    names = {n for n, s in compose["services"].items() if not s.get("profiles")}
    migrations = {n for n in names if n.startswith("migrate-")}
    return names - migrations, migrations


@dataclass
class Keys:
    private_pem: bytes
    public_pem: bytes

    @classmethod
    def new(cls) -> Keys:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return cls(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ),
            key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            ),
        )

    def token(self, role: str, ward: str | None = None) -> str:
        """What the city's identity provider would issue: short-lived, minted per request."""
        # The system clock's now, as the city's identity provider would stamp it: the
        # containers run in production and check a token's times on their own system clock,
        # which no test harness pins (the webhook tests sign the same way).
        now = SystemClock().now()
        claims: dict[str, Any] = {
            "sub": f"deploy-test-{role}",
            "role": role,
            "name": "Kiểm thử triển khai",
            "iss": "qcdc",
            "aud": "qcdc",
            "iat": now,
            "exp": now + dt.timedelta(minutes=10),
        }
        if ward:
            claims["ward"] = ward
        return jwt.encode(claims, self.private_pem, algorithm="RS256")


@dataclass
class City:
    project: str
    secrets: Path
    keys: Keys
    gateway_port: int
    services: set[str] = field(default_factory=set)
    migrations: set[str] = field(default_factory=set)

    # --- docker-compose and docker -------------------------------------------------------------

    @property
    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "QCDC_COMPOSE_SECRETS": str(self.secrets),
            "QCDC_GATEWAY_PORT": str(self.gateway_port),
            # Every process exports its traces to the collector tracing.py starts on the
            # city's network under this name.
            "QCDC_OTLP_ENDPOINT": f"http://{self.collector}:{OTLP_PORT}",
        }

    @property
    def collector(self) -> str:
        return f"{self.project}-otlp-receiver"

    def compose(self, *args: str, check: bool = True) -> str:
        command = ("docker-compose", "-f", str(COMPOSE_FILE), "-p", self.project, *args)
        return run(*command, env=self.env, check=check)

    def write_secrets(self) -> None:
        """``qcdc deploy compose`` as an operator runs it, into folders of the test's own."""
        public = self.secrets.parent / "jwt-public-key.pem"
        public.write_bytes(self.keys.public_pem)
        qcdc = Path(sys.executable).parent / "qcdc"
        run(
            str(qcdc),
            "deploy",
            "compose",
            "--out",
            str(self.secrets.parent / "ignored.yml"),
            "--secrets",
            str(self.secrets),
            "--jwt-public-key",
            str(public),
        )
        compose = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
        self.services, self.migrations = long_running(compose)

    def containers(self) -> dict[str, dict[str, Any]]:
        """Every container of the project, by service, as ``docker inspect`` shows it."""
        ids = run(
            "docker", "ps", "-aq", "--no-trunc", "--filter", f"label={PROJECT_LABEL}={self.project}"
        ).split()
        if not ids:
            return {}
        found = json.loads(run("docker", "inspect", *ids))
        return {c["Config"]["Labels"][SERVICE_LABEL]: c for c in found}

    def container(self, service: str) -> dict[str, Any]:
        return self.containers()[service]

    def not_ready(self) -> list[str]:
        """What still keeps the city from being up: '<service>: <state>' lines."""
        containers = self.containers()
        waiting = []
        for name in sorted(self.services | self.migrations):
            state = containers.get(name, {}).get("State")
            if state is None:
                waiting.append(f"{name}: no container")
            elif name in self.migrations:
                if state["Status"] != "exited" or state["ExitCode"] != 0:
                    waiting.append(f"{name}: {state['Status']} (exit {state['ExitCode']})")
            elif state.get("Health", {}).get("Status") != "healthy":
                waiting.append(f"{name}: {state['Status']}/{state.get('Health', {}).get('Status')}")
        return waiting

    def failed_migrations(self) -> list[str]:
        containers = self.containers()
        return [
            name
            for name in self.migrations
            if (state := containers.get(name, {}).get("State"))
            and state["Status"] == "exited"
            and state["ExitCode"] != 0
        ]

    def wait_ready(self, timeout: float = UP_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while (waiting := self.not_ready()) and time.monotonic() < deadline:
            if self.failed_migrations():
                break
            time.sleep(2)
        if waiting:
            raise CityError(self.report("the city is not up", waiting))

    def report(self, headline: str, waiting: list[str]) -> str:
        """For a failure message: compose's table and the last words of what is not up."""
        lines = [headline + ":", *waiting, self.compose("ps", check=False)]
        for entry in waiting:
            name = entry.split(":")[0]
            if not entry.endswith("no container"):
                logs = self.compose("logs", "--no-color", "--tail", "30", name, check=False)
                lines += [f"--- {name} ---", logs]
        return "\n".join(lines)

    def wait_healthy(self, service: str, timeout: float = 120.0) -> None:
        def healthy() -> bool | None:
            state = self.container(service)["State"]
            return True if state.get("Health", {}).get("Status") == "healthy" else None

        try:
            poll(f"{service} healthy", healthy, timeout=timeout)
        except CityError as error:
            raise CityError(self.report(str(error), [service])) from None

    def leftovers(self) -> list[str]:
        """Whatever of the project is still on the engine after ``down``."""
        label = f"label={PROJECT_LABEL}={self.project}"
        found = []
        for kind, listing in (
            ("container", ("docker", "ps", "-aq", "--filter", label)),
            ("network", ("docker", "network", "ls", "-q", "--filter", label)),
            ("volume", ("docker", "volume", "ls", "-q", "--filter", label)),
        ):
            found += [f"{kind} {name}" for name in run(*listing).split()]
        return found

    def down(self) -> None:
        self.compose("down", "-v", "--remove-orphans", "--timeout", "20")

    # --- HTTP ----------------------------------------------------------------------------------

    def url(self, service: str) -> str:
        """Where this machine reaches a ward service: its ephemeral port on 127.0.0.1."""
        host, _, port = self.compose("port", service, str(HTTP_PORT)).strip().rpartition(":")
        return f"http://{host}:{port}"

    @property
    def gateway(self) -> str:
        return f"http://127.0.0.1:{self.gateway_port}"

    def publish_posting(self, ward: str, title: str) -> str:
        """A ward officer drafts and publishes a posting; its id once both writes are done."""
        base = self.url(f"publicity-{ward}")
        auth = {"Authorization": f"Bearer {self.keys.token('officer', ward)}"}
        body = {**examples.POSTING, "title": title, "decided_on": DECIDED_ON}
        with httpx.Client(base_url=base, headers=auth, timeout=30) as client:
            created = client.post("/postings", json=body)
            assert created.status_code == 201, created.text
            posting_id: str = created.json()["id"]
            published = client.post(
                f"/postings/{posting_id}/publish", json={"published_at": PUBLISHED_AT}
            )
            assert published.status_code == 200, published.text
            assert published.json()["status"] == "published"
        return posting_id

    def file_petition(self, ward: str, petitioner: dict[str, str]) -> str:
        """A citizen's online feedback to the ward; its id."""
        base = self.url(f"petitions-{ward}")
        auth = {"Authorization": f"Bearer {self.keys.token('citizen')}"}
        body = {
            "kind": "feedback",
            "title": "Vỉa hè bị lấn chiếm",
            "body": "Vỉa hè trước chợ bị lấn chiếm.",
            "petitioner": petitioner,
        }
        filed = httpx.post(f"{base}/petitions", json=body, headers=auth, timeout=30)
        assert filed.status_code == 201, filed.text
        petition_id: str = filed.json()["id"]
        return petition_id

    def published_at_gateway(self, ward: str) -> list[dict[str, Any]]:
        """Every posting.published event of the ward in the city's log, all pages."""
        events: list[dict[str, Any]] = []
        params: dict[str, Any] = {"ward": ward, "type": PUBLISHED_EVENT, "limit": 200}
        with httpx.Client(base_url=self.gateway, timeout=30) as client:
            while True:
                page = client.get("/api/events", params=params)
                page.raise_for_status()
                content = page.json()
                events += content["items"]
                if not content.get("next_cursor"):
                    return events
                params["cursor"] = content["next_cursor"]


def exactly(events: list[dict[str, Any]], expected: set[str]) -> set[str] | None:
    """The ids when the ward's log holds exactly the expected postings, each publication once;
    None while some are missing. A duplicate fails at once: no later retry would undo it."""
    seen = [(e["subject"], e["sequence"]) for e in events]
    duplicates = {s for s in seen if seen.count(s) > 1}
    if duplicates:
        raise CityError(f"published twice at the gateway: {sorted(duplicates)}")
    subjects = {subject for subject, _ in seen}
    if subjects - expected:
        raise CityError(f"postings nobody published: {sorted(subjects - expected)}")
    return subjects if subjects == expected else None


def new_project() -> str:
    return f"qcdc-deploy-{uuid.uuid4().hex[:8]}"


def up(city: City) -> Iterator[City]:
    """The fixture's body: up, ready or a report, and ``down`` whatever happened."""
    city.write_secrets()
    try:
        started = time.monotonic()
        try:
            city.compose("up", "-d", "--no-build")
        except CityError as error:
            failed = city.report(f"docker-compose up failed: {error}", city.not_ready())
            raise CityError(failed) from None
        city.wait_ready()
        print(f"\nthe city is up: {time.monotonic() - started:.1f} s ({city.project})")
        yield city
    finally:
        # A safety net: the last test downs the city itself and asserts on what is left.
        city.compose("down", "-v", "--remove-orphans", "--timeout", "20", check=False)

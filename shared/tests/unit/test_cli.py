"""`qcdc token`: what a newcomer mistypes gets a clear refusal, not a token that fails later."""

from __future__ import annotations

from pathlib import Path

import pytest

from qcdc_shared.auth import TokenVerifier
from qcdc_shared.settings import Settings
from qcdc_shared.testing.environment import isolate
from qcdc_shared.tooling.cli import main

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # the registry is deploy/wards.toml, relative to the checkout
    isolate(monkeypatch)


def test_a_token_for_a_registered_ward_verifies(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "--role", "officer", "--ward", "ben-thanh", "--sub", "can-bo"]) == 0
    principal = TokenVerifier(Settings()).verify(capsys.readouterr().out.strip())
    assert (principal.role, principal.ward, principal.sub) == ("officer", "ben-thanh", "can-bo")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--role", "officer", "--ward", "nowhere"], "unknown ward 'nowhere'"),
        (["--role", "officer"], "officer tokens need --ward"),
        (["--role", "citizen", "--ttl", "0s"], "--ttl must be positive"),
        (["--role", "citizen", "--ttl", "soon"], "not a duration"),
    ],
)
def test_mistakes_are_refused_with_the_reason(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["token", *argv]) == 2
    captured = capsys.readouterr()
    assert message in captured.err and captured.out == ""


@pytest.mark.parametrize(
    "argv",
    [
        ["token", "--role", "citizen"],
        ["clock", "show"],
        ["run", "--empty"],
    ],
)
def test_without_qcdc_env_the_commands_say_what_production_lacks(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("QCDC_ENV")
    assert main(argv) == 2
    err = capsys.readouterr().err
    for setting in ("QCDC_JWT_JWKS_URL", "QCDC_IDENTITY_KEY", "QCDC_PSEUDONYM_KEY"):
        assert setting in err
    assert "QCDC_ENV=development" in err


def test_nats_configuration_needs_no_keys(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("QCDC_ENV")
    assert main(["deploy", "nats", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "hub.conf").is_file()

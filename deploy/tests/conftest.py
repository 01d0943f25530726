"""The compose city the deployment test shares, module-wide: up once, down at the end."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The tests and this file import their helper module by its name (pytest's importlib mode
# puts no test folder on the path).
sys.path.insert(0, str(Path(__file__).parent))

from compose_city import City, Keys, new_project, up

from qcdc_shared.tooling.nats_server import free_port


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    folder = tmp_path_factory.mktemp("compose-city")
    yield from up(
        City(
            project=new_project(),
            secrets=folder / "secrets",
            keys=Keys.new(),
            gateway_port=free_port(),
        )
    )

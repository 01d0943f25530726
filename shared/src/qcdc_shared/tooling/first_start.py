"""What a new city may be given before it opens: hooks an installed package declares under the
``qcdc.first_start`` entry point (the demo city is one). The launcher knows only this protocol;
each hook owns its own markers, its clock walking and its recovery from an interrupted run.

Ready means ready (DESIGN §10): the launcher marks the city as building before any service
starts when a hook says it will build, hands the hook that mark (``city.builder``: its key lets
the hook's own calls through), and prints its ready line only after every hook is done. A hook
leaves the city ready (``qcdc_shared.readiness``) and the shared clock at ``city.present``,
whatever happens to it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from nats.js import JetStreamContext

from qcdc_shared.readiness import READY, CityState


@dataclass
class StartingCity:
    var_dir: Path
    nats_url: str
    topology: Path  # var/run/topology.json: the services' URLs, once they run
    say: Callable[[str], None]
    wanted: bool  # False with `qcdc run --empty`, and always in production
    months: int | None  # `qcdc run --demo-months`: None for the hook's own default
    present: dt.timedelta = dt.timedelta(0)  # the shared clock's offset the city opens at
    builder: CityState = READY


class FirstStart(Protocol):
    async def prepare(self, city: StartingCity, js: JetStreamContext) -> bool:
        """Before any service starts: recover from an interrupted run; True when this start
        will build (the launcher then marks the city as building)."""
        ...

    async def build(self, city: StartingCity, stop: asyncio.Event) -> None:
        """Once every service answers; gives way to ``stop``."""
        ...

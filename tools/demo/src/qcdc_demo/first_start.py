"""The demo city as ``qcdc run`` builds it on a first start (the ``qcdc.first_start`` entry
point; the launcher knows only ``qcdc_shared.tooling.first_start``).

``run/demo.done`` in the var folder says "this city has been started before" — after the
demo, after a failed one, and after ``--empty`` — so a later start never adds months of
made-up history to a city with real data. ``run/demo.walking`` says the demo is moving the
shared clock; it holds the offset the demo started from, so a start after an interrupted demo
(Ctrl-C stops nats-server with it) puts the clock back and keeps the partial city.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from pathlib import Path

from nats.js import JetStreamContext

from qcdc_demo import cli
from qcdc_shared.clock import write_offset
from qcdc_shared.tooling.first_start import StartingCity

DONE = "run/demo.done"
WALKING = "run/demo.walking"


class DemoCity:
    async def prepare(self, city: StartingCity, js: JetStreamContext) -> bool:
        walking, done = city.var_dir / WALKING, city.var_dir / DONE
        if walking.exists():
            await write_offset(js, _offset_in(walking))
            walking.replace(done)
            city.say(
                "QCDC: the demo city was interrupted last time; its clock offset is undone "
                f"(remove {city.var_dir} to build the demo city afresh)"
            )
            return False
        if done.exists():
            return False
        if not city.wanted:
            _write_done(city)
            return False
        return True

    async def build(self, city: StartingCity, stop: asyncio.Event) -> None:
        city.say(
            "QCDC: đang dựng thành phố mẫu — building the demo city before the city opens "
            "(months of history through the wards' APIs; `qcdc run --empty` skips it)"
        )
        began = time.monotonic()
        walking = city.var_dir / WALKING
        walking.write_text(f"{city.present.total_seconds()}\n", encoding="utf-8")
        months = city.months or cli.DEFAULT_MONTHS
        building = asyncio.create_task(
            cli.build(topology=city.topology, say=city.say, builder=city.builder, months=months)
        )
        stopping = asyncio.create_task(stop.wait())
        await asyncio.wait({building, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not building.done():  # stopping: the walk puts the shared clock back if NATS is up
            building.cancel()
            await asyncio.gather(building, return_exceptions=True)
            city.say("QCDC: thành phố mẫu bị dừng giữa chừng — demo city interrupted")
            return  # demo.walking stays: the next start undoes the offset (prepare)
        walking.unlink()
        _write_done(city)
        building.result()  # a failure is the launcher's to report; the city stays up
        city.say(
            f"QCDC: thành phố mẫu đã dựng xong — demo city built in {time.monotonic() - began:.0f}s"
        )


def _offset_in(walking: Path) -> dt.timedelta:
    try:
        return dt.timedelta(seconds=float(walking.read_text(encoding="utf-8").split()[0]))
    except (ValueError, IndexError, OSError):
        return dt.timedelta(0)


def _write_done(city: StartingCity) -> None:
    done = city.var_dir / DONE
    done.parent.mkdir(parents=True, exist_ok=True)
    done.write_text(time.strftime("%Y-%m-%dT%H:%M:%S%z\n"), encoding="utf-8")

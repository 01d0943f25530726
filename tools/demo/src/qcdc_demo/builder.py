"""The ward a script is written for: its people, its seeded dice, and the week-by-week list
that every part of the scenario adds its calls to."""

from __future__ import annotations

import datetime as dt
import itertools
import random

from qcdc_demo import texts
from qcdc_demo.script import Action, Actor, Week

DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(days=7)
# Accounts of the ward's people. The steering committee's head adopts the plan (by account).
HEAD = Actor("officer", "bi-thu-dang-uy")
CHAIR = Actor("officer", "chu-tich-ubnd")
RECEPTION = Actor("officer", "can-bo-tiep-dan")
HANDLERS = tuple(Actor("officer", sub) for sub in ("can-bo-dia-chinh", "can-bo-tu-phap"))
FRONT = Actor("front", "chu-tich-mttq")
INSPECTOR = Actor("inspector", "truong-ban-ttnd")


class Builder:
    """A ward's script in the making: calls are added to the week they happen in."""

    def __init__(self, ward: str, ward_name: str, seed: int, days: list[dt.date]) -> None:
        self.ward, self.ward_name = ward, ward_name
        self.rng = random.Random(f"qcdc-demo/{seed}/{ward}")  # a str seed: stable across runs
        self.weeks = [Week(i, day) for i, day in enumerate(days)]
        self.last = len(days) - 1
        self.numbers = itertools.count(1)
        self.groups: dict[str, int] = {}  # code → households
        self.year_end_held: dict[int, set[str]] = {}  # year → groups with their conference
        self.members: list[str] = []
        self.withdrawable: list[tuple[int, str]] = []  # (week, posting ref)
        self.petitions: list[str] = []
        self.regulation = ""

    def at(self, week: int, action: Action) -> None:
        if week <= self.last:  # later calls are dropped: the history ends today
            self.weeks[week].actions.append(action)

    def ref(self, prefix: str) -> str:
        return f"{prefix}{next(self.numbers)}"

    def day(self, week: int) -> dt.date:
        return self.weeks[min(week, self.last)].day

    def person(self) -> str:
        rng = self.rng
        return f"{rng.choice(texts.FAMILY)} {rng.choice(texts.MIDDLE)} {rng.choice(texts.GIVEN)}"

    def fill(self, template: str, week: int) -> str:
        day = self.day(week)
        return template.format(
            y=day.year,
            q=(day.month - 1) // 3 + 1,
            m=day.month,
            h=self.rng.randint(2, 98),
            g=self.group_name(self.rng.choice(list(self.groups))),
            ward=self.ward_name,
        )

    @staticmethod
    def group_name(code: str) -> str:
        return f"Tổ dân phố {int(code[4:])}"

    def citizen(self) -> Actor:
        return Actor("citizen", f"cong-dan-{self.ward}-{next(self.numbers)}", self.person())

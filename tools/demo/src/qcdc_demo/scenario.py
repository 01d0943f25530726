"""What a ward does, week by week, as a seeded script of calls to its own services.

One ``random.Random`` per ward (seeded with the demo seed and the ward's slug) decides every
figure, name and fate, so a seed always gives the same city. Fates are planned from the legal
periods (DOMAIN.md): an answer "on time" falls well inside its period, a "late" one a week or
more past its end, after the sweeper has escalated it (``Probe``). A call planned after the
last step is dropped: what it would have closed stays open, as it would in a real ward.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from qcdc_demo import texts
from qcdc_demo.builder import CHAIR, DAY, FRONT, HEAD, INSPECTOR, RECEPTION, WEEK, Builder
from qcdc_demo.petitions import add_petition
from qcdc_demo.script import STEP_HOUR, Action, Probe, Ref, Week
from qcdc_shared.clock import LOCAL_TZ
from qcdc_shared.law.rules import load_rule_table


def covered(rule_id: str, category: int, on: dt.date) -> bool:
    """Whether a rule scoped by ``applies_to`` covers ``category``: a publicity category
    (PUB-MIN30, PUB-LOUD) or a decision's topic (DEC-CONV30: the convention topics)."""
    return category in load_rule_table().rule(rule_id, on).applies_to


def ward_script(*, ward: str, ward_name: str, seed: int, days: list[dt.date]) -> list[Week]:
    """The whole history of one ward: one ``Week`` per step of the walk."""
    return _Ward(ward, ward_name, seed, days).build()


class _Ward(Builder):
    # --- the history --------------------------------------------------------------------

    def build(self) -> list[Week]:
        self.register()
        self.plan()
        self.board()
        self.regulation = self.permanent_postings()
        self.inspection(0, backdated=True)
        for week in range(self.last + 1):
            self.postings(week)
            self.withdrawal(week)
            for _ in range(self.rng.choice((1, 2, 2, 3))):
                add_petition(self, week)
            if week % 5 == 2:
                self.decision(week)
            if week % 8 == 1:
                self.consultation(week)
            if week % 13 == 3:
                self.conference(week, "dialogue")
            if week % 13 == 7:
                self.conference(week, "thematic")
            if self.day(week).month == 12 and self.day(week).day >= 8:
                self.conference(week, "group_year_end")
        if self.last >= 8:
            self.inspection(self.last // 2, backdated=False)
        return self.weeks

    def register(self) -> None:
        for number in range(1, self.rng.randint(6, 9) + 1):
            code, households = f"TDP-{number:02}", self.rng.randint(80, 240)
            self.groups[code] = households
            body = {"code": code, "name": self.group_name(code), "households": households}
            body["online_optin"] = self.rng.randint(0, households // 3)
            self.at(0, Action("plans", "/groups", RECEPTION, body, counts="group"))
        for position, title, organisation in texts.COMMITTEE:
            member = self.ref("M")
            self.members.append(member)
            body = {"name": self.person(), "position": position, "organisation": organisation}
            body["title"] = title
            if position != "member":
                body["account"] = (HEAD if position == "head" else CHAIR).sub
            self.at(0, Action("plans", "/committee/members", CHAIR, body, saves=member))

    def plan(self) -> None:
        start = self.day(0)
        self.at(0, Action("plans", "/plans", CHAIR, {"year": start.year}, saves="PLAN"))
        tasks = []
        for group, choices in texts.TASKS.items():
            for title, deliverable in choices[: self.rng.choice((1, 2, 2))]:
                tasks.append((group, title, deliverable))
        for n, (group, title, deliverable) in enumerate(tasks):
            # The first two fall due early, so even a short history has a done and a late one.
            due_week = (2, 3)[n] if n < 2 else self.rng.randint(2, self.last + 8)
            due_on = start + due_week * WEEK + 3 * DAY  # a Thursday: Monday's report is in time
            task = self.ref("T")
            body = {
                "task_group": group,
                "title": title,
                "owner": Ref(self.rng.choice(self.members)),
                "start_on": start.isoformat(),
                "due_on": due_on.isoformat(),
                "deliverable": deliverable,
            }
            self.at(
                0, Action("plans", "/plans/{PLAN}/tasks", CHAIR, body, saves=task, counts="task")
            )
            fate = ("on_time", "unfinished")[n] if n < 2 else self.rng.choice(
                ("on_time", "on_time", "on_time", "late", "unfinished")
            )  # fmt: skip
            self.progress(task, due_week, fate)
        self.at(0, Action("plans", "/plans/{PLAN}/adopt", HEAD, counts="plan"))

    def progress(self, task: str, due_week: int, fate: str) -> None:
        done_week = {"on_time": due_week, "late": due_week + 1}.get(fate)
        last_report = (done_week or due_week + 1) - 1
        weeks = sorted(self.rng.sample(range(1, last_report + 1), min(3, last_report)))
        percents = sorted(self.rng.sample(range(10, 90, 5), len(weeks)))
        for week, percent in zip(weeks, percents, strict=True):
            self.at(week, self.report(task, percent))
        if done_week is not None:
            after = Probe("task", task) if fate == "late" else None
            self.at(done_week, self.report(task, 100, after=after))

    def report(self, task: str, percent: int, after: Probe | None = None) -> Action:
        body = {
            "percent": percent,
            "note": "Đã hoàn thành" if percent == 100 else self.rng.choice(texts.PROGRESS_NOTES),
            "evidence": [f"https://{self.ward}.qcdc.example/bao-cao/{task.lower()}-{percent}"],
        }
        path = f"/tasks/{{{task}}}/progress"
        return Action("plans", path, CHAIR, body, after=after, counts="task progress")

    def board(self) -> None:
        # Oversight learns the groups from plans' events; the front elects once it has.
        probe = Probe("board", count=len(self.groups))
        for n, code in enumerate(self.groups):
            position = "head" if n == 0 else "deputy_head" if n <= 2 else "member"
            body: dict[str, Any] = {"name": self.person(), "group": code, "position": position}
            body["ward_official"] = False
            if n == 0:
                body["account"] = INSPECTOR.sub
            after = probe if n == 0 else None
            self.at(0, Action("oversight", "/board/members", FRONT, body, after=after))

    # --- publicity ----------------------------------------------------------------------

    def permanent_postings(self) -> str:
        """PUB-PERM: the ward's regulation (4) and a procedure (13), posted once for good."""
        day = self.day(0)
        regulation = texts.REGULATION.format(ward=self.ward_name)
        body = (
            "Quy chế quy định nội dung, cách thức để Nhân dân biết, bàn, làm, kiểm tra, giám sát."
        )
        ref = self.publish(0, 4, regulation, body, decided_on=day - 2 * DAY)
        self.publish(
            0, 13, "Thủ tục đăng ký khai sinh", "Thủ tục hành chính cấp phường.",
            decided_on=day - DAY, procedure=texts.PROCEDURE,
        )  # fmt: skip
        return ref

    def postings(self, week: int) -> None:
        categories = list(texts.CATEGORY_WEIGHTS)
        weights = list(texts.CATEGORY_WEIGHTS.values())
        for n in range(self.rng.choice((1, 1, 2))):
            # Week 0 starts with a list that stays up 30 days, so one can be taken down early.
            category = 7 if week == n == 0 else self.rng.choices(categories, weights)[0]
            title = self.fill(self.rng.choice(texts.POSTINGS[category]), week)
            # Most decisions are posted within PUB-DUE's 5 working days; some are not.
            age = self.rng.choice((0, 1, 2, 3, 4, 4, 9, 12))
            decided_on = self.day(week) - age * DAY
            ref = self.publish(week, category, title, f"Toàn văn: {title}.", decided_on=decided_on)
            if covered("PUB-MIN30", category, decided_on):  # withdrawing early breaks it
                self.withdrawable.append((week, ref))

    def publish(
        self,
        week: int,
        category: int,
        title: str,
        text: str,
        *,
        decided_on: dt.date,
        procedure: dict[str, str] | None = None,
    ) -> str:
        loud = covered("PUB-LOUD", category, decided_on)  # also read on the loudspeakers
        channels = ["notice_board", "portal"] + (["loudspeaker"] if loud else [])
        body: dict[str, Any] = {"category": category, "title": title, "body": text}
        body |= {"decided_on": decided_on.isoformat(), "channels": channels}
        if procedure:
            body["procedure"] = procedure
        ref = self.ref("S")
        self.at(week, Action("publicity", "/postings", CHAIR, body, saves=ref))
        publish: dict[str, Any] = {}
        if decided_on < self.day(week) and self.rng.random() < 0.3:
            # Posted on the board the day before and recorded now (a paper posting).
            when = dt.datetime.combine(self.day(week) - DAY, dt.time(STEP_HOUR), LOCAL_TZ)
            publish["published_at"] = when.isoformat()
        path = f"/postings/{{{ref}}}/publish"
        self.at(week, Action("publicity", path, CHAIR, publish or None, counts="posting"))
        return ref

    def withdrawal(self, week: int) -> None:
        if week not in (1, self.last // 2 + 1):
            return
        earlier = [ref for made, ref in self.withdrawable if made < week]
        if earlier:
            self.withdrawable.remove(next(x for x in self.withdrawable if x[1] == earlier[-1]))
            reason = self.rng.choice(texts.WITHDRAWAL_REASONS)
            path = f"/postings/{{{earlier[-1]}}}/withdraw"
            action = Action("publicity", path, CHAIR, {"reason": reason}, counts="withdrawal")
            self.at(week, action)

    def consultation(self, week: int) -> None:
        title, draft = self.rng.choice(texts.CONSULTATIONS)
        ref = self.ref("C")
        body = {"title": self.fill(title, week), "draft": draft}
        self.at(week, Action("publicity", "/consultations", CHAIR, body, saves=ref))
        # CON-MIN20: open at least 20 days, and longer when the 20th is a day off: four weeks.
        for later in range(4):
            for _ in range(self.rng.randint(0, 3)):
                comment = {
                    "text": self.rng.choice(texts.COMMENTS),
                    "show_name": self.rng.random() < 0.5,
                }
                path = f"/consultations/{{{ref}}}/comments"
                action = Action("publicity", path, self.citizen(), comment, counts="comment")
                self.at(week + later, action)
        accepted = [{"point": texts.COMMENTS[0], "reason": "Phù hợp với thực tế của phường."}]
        rejected = [{"point": texts.COMMENTS[3], "reason": "Mức phí do Thành phố quy định."}]
        path = f"/consultations/{{{ref}}}/close"
        closing = {"accepted": accepted, "rejected": rejected}
        self.at(week + 4, Action("publicity", path, CHAIR, closing, counts="consultation"))

    # --- residents' decisions, conferences ----------------------------------------------

    def decision(self, week: int) -> None:
        number = len([w for w in range(week + 1) if w % 5 == 2])
        topic = (6, 1, 4, 2, 3)[(number - 1) % 5]
        group = self.rng.choice(list(self.groups))
        households = self.groups[group]
        day = self.day(week)
        title = texts.DECISIONS[topic].format(g=self.group_name(group), h=self.rng.randint(2, 98))
        body: dict[str, Any] = {"topic": topic, "title": title, "group": group, "form": "meeting"}
        body |= {"notice_at": (day - 3 * DAY).isoformat(), "vote_at": day.isoformat()}
        if covered("DEC-CONV30", topic, day):  # a convention topic: its draft was posted
            # five days more than DEC-CONV30's period before the vote
            posted = load_rule_table().rule("DEC-CONV30", day).days() + 5
            body["draft_posted_on"] = (day - posted * DAY).isoformat()
        ref = self.ref("D")
        self.at(week, Action("plans", "/decisions", CHAIR, body, saves=ref, counts="decision"))
        # DEC-PASS counts ALL households: money (1, 2) needs two thirds, the rest a majority.
        share = 0.55 if topic == 1 and number == 2 else self.rng.uniform(0.7, 0.85)
        yes = int(households * share)
        no = self.rng.randint(0, (households - yes) // 3)
        abstain = self.rng.randint(0, (households - yes - no) // 4)
        tally = {"yes": yes, "no": no, "abstain": abstain, "present": yes + no + abstain}
        self.at(week, Action("plans", f"/decisions/{{{ref}}}/tally", CHAIR, tally))
        close = {"minutes": texts.MINUTES}
        self.at(week, Action("plans", f"/decisions/{{{ref}}}/close", CHAIR, close))
        # DEC-RECORD: recognised within 5 working days, once two weeks late.
        late = number == 3
        path = f"/decisions/{{{ref}}}/recognise"
        self.at(week + (2 if late else 0), Action("plans", path, FRONT if late else CHAIR))

    def conference(self, week: int, kind: str) -> None:
        day = self.day(week)
        groups: list[str | None] = [None]
        if kind == "group_year_end":
            # OVS-YEAR.conference: one a group a year, so two groups a week from those
            # still without theirs (a walk ending on 31 December has four such weeks).
            done = self.year_end_held.setdefault(day.year, set())
            waiting = [code for code in self.groups if code not in done]
            groups = list(self.rng.sample(waiting, min(2, len(waiting))))
            done.update(code for code in groups if code)
        for group in groups:
            title = texts.CONFERENCES[kind].format(
                q=(day.month - 1) // 3 + 1, y=day.year, g=self.group_name(group or "TDP-01")
            )
            ref = self.ref("K")
            body = {"kind": kind, "title": title, "group": group}
            body |= {
                "notice_on": (day - 9 * DAY).isoformat(),
                "held_on": (day - 2 * DAY).isoformat(),
            }
            self.at(week, Action("plans", "/conferences", CHAIR, body, saves=ref))
            held = {"minutes": texts.MINUTES, "attendees": self.rng.randint(40, 160)}
            path = f"/conferences/{{{ref}}}/held"
            self.at(week, Action("plans", path, CHAIR, held, counts="conference"))

    # --- oversight ----------------------------------------------------------------------

    def inspection(self, week: int, *, backdated: bool) -> None:
        """OVS-PLAN: filed 5 working days ahead; OVS-ANSWER: recommendations answered within
        15 days, one late and one never (escalated to the city)."""
        title, scope = texts.INSPECTIONS[0 if backdated else 1]
        day = self.day(week)
        filed, start = (day - 16 * DAY, day - 2 * DAY) if backdated else (day, day + 14 * DAY)
        ref = self.ref("I")
        body = {"title": title, "scope": scope, "start_on": start.isoformat()}
        body["filed_on"] = filed.isoformat()
        self.at(week, Action("oversight", "/inspections", INSPECTOR, body, saves=ref))
        opened = week if backdated else week + 2
        self.at(opened, Action("oversight", f"/inspections/{{{ref}}}/open", INSPECTOR))
        evidence_kind = "posting" if backdated else "petition"
        evidence = self.regulation if backdated else self.petitions[0]
        finding_title, detail = texts.FINDINGS[evidence_kind]
        finding = {
            "title": finding_title,
            "detail": detail,
            "evidence": [{"kind": evidence_kind, "id": Ref(evidence)}],
        }
        path = f"/inspections/{{{ref}}}/findings"
        self.at(opened, Action("oversight", path, INSPECTOR, finding, counts="finding"))
        report = {"report": "Ban Thanh tra nhân dân đã lập biên bản và gửi kiến nghị."}
        self.at(opened, Action("oversight", f"/inspections/{{{ref}}}/close", INSPECTOR, report))
        chosen = [(texts.RECOMMENDATIONS[1], "on_time")]
        if backdated:
            chosen = list(zip(texts.RECOMMENDATIONS, ("on_time", "late", "never"), strict=True))
        for (rec_title, text), fate in chosen:
            rec = self.ref("R")
            proposal = {
                "title": rec_title,
                "body": text,
                "addressed_to": f"Ủy ban nhân dân {self.ward_name}",
                "inspection_id": Ref(ref),
            }
            action = Action("oversight", "/recommendations", INSPECTOR, proposal, saves=rec)
            self.at(opened, action)
            path = f"/recommendations/{{{rec}}}"
            self.at(opened, Action("oversight", path + "/confirm", FRONT, counts="recommendation"))
            if fate != "never":
                answer = {"answer": texts.RECOMMENDATION_ANSWER, "accepted": "accepted"}
                late = fate == "late"
                after = Probe("recommendation", rec) if late else None
                action = Action("oversight", path + "/answer", CHAIR, answer, after=after)
                self.at(opened + (3 if late else 1), action)

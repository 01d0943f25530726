"""Postings other services' facts cause (DEC-RECORD, FB-FWD, PUB-QTR): what they say, in
Vietnamese, from the event-carried state alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from qcdc_publicity.domain.categories import Category
from qcdc_shared.law.deadlines import local_date
from qcdc_shared.law.rulebook import RuleBook
from qcdc_shared.law.rules import UnknownRule

FORMS = {
    "meeting": "họp",
    "household_ballot": "phiếu lấy ý kiến hộ gia đình",
    "online_vote": "biểu quyết trực tuyến",
}


@dataclass(frozen=True)
class CausedPosting:
    category: int
    title: str
    body: str
    decided_on: dt.date


def on_residents_money(topic: int, rules: RuleBook, on: dt.date) -> bool:
    """Whether a decision topic is about residents' money (contributions, funds): the topics
    DEC-PASS.money applies to, which Art. 11 discloses as contributions."""
    try:
        return topic in rules.rule("DEC-PASS.money", on).applies_to
    except UnknownRule:
        return False


def decision_result(data: dict[str, Any], rules: RuleBook) -> CausedPosting:
    """DEC-RECORD: a residents' decision's result, once recognised or refused."""
    group = data.get("residential_group")
    where = f"tổ dân phố {group}" if group else "toàn phường"
    outcome = "được thông qua" if data["passed"] else "không được thông qua"
    recognition = (
        "đã được Ủy ban nhân dân và Ủy ban Mặt trận Tổ quốc công nhận"
        if data["recognition"] == "recognised"
        else f"không được công nhận. Lý do: {data.get('refusal_reason') or 'không nêu'}"
    )
    body = (
        f"Nội dung: {data['title']} ({where}).\n"
        f"Hình thức: {FORMS.get(data['form'], data['form'])}; "
        f"ngày biểu quyết {data['decided_on']}.\n"
        f"Số hộ: {data['households_total']}; đồng ý {data['households_for']}; "
        f"không đồng ý {data['households_against']}.\n"
        f"Kết quả: {outcome}; {recognition}."
    )
    decided_on = dt.date.fromisoformat(str(data["decided_on"]))
    money = on_residents_money(int(data["topic"]), rules, decided_on)
    category = Category.CONTRIBUTIONS if money else Category.OTHER
    return CausedPosting(
        category,
        f"Kết quả nhân dân bàn và quyết định: {data['title']}",
        body,
        dt.date.fromisoformat(str(data["recognised_on"])),
    )


def public_answer(data: dict[str, Any]) -> CausedPosting | None:
    """FB-FWD: the answer to feedback the handler marked of public interest; nothing else."""
    if data.get("kind") != "feedback" or not data.get("public_interest"):
        return None
    # The local day: an answer at 06:00 in Hồ Chí Minh City is the day before in UTC.
    answered_on = local_date(dt.datetime.fromisoformat(str(data["answered_at"])))
    return CausedPosting(
        Category.OTHER,
        f"Kết quả xử lý phản ánh, kiến nghị: {data['public_title']}",
        str(data["public_answer"]),
        answered_on,
    )


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def previous_quarter(day: dt.date) -> tuple[int, int]:
    year, quarter = quarter_of(day)
    return (year - 1, 4) if quarter == 1 else (year, quarter - 1)


def quarter_bounds(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First day of the quarter and first day of the next."""
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + 1, 1, 1) if quarter == 4 else dt.date(year, 3 * quarter + 1, 1)
    return start, end


def quarterly_list(
    year: int, quarter: int, disclosed: list[tuple[int, str, dt.date]]
) -> CausedPosting:
    """PUB-QTR: the list of what the ward disclosed in a quarter (category, title, date),
    dated by the quarter's last day, from which PUB-QTR.due counts."""
    lines = [
        f"{i}. [{day.isoformat()}] Nhóm {category}: {title}"
        for i, (category, title, day) in enumerate(disclosed, start=1)
    ]
    _, next_quarter = quarter_bounds(year, quarter)
    return CausedPosting(
        Category.OTHER,
        f"Danh mục thông tin đã công khai quý {quarter}/{year}",
        f"Phường đã công khai {len(disclosed)} nội dung trong quý {quarter}/{year}:\n"
        + "\n".join(lines),
        next_quarter - dt.timedelta(days=1),
    )

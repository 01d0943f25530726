"""Open data: the city's indicators per ward, and the postings, residents' decisions and
violations the city knows of, as CSV and JSON downloads, with a field description file.

Only ids, wards, categories, statuses, dates, counts and on-time flags leave the city: no
titles, reasons or any other free text (they may name people), and nothing about petitions
beyond what the indicators count. The columns below are the published promise; every one is
described in ``GET /api/export/fields.json`` and docs/open-data.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Final, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from qcdc_gateway.adapters.facts import current_facts
from qcdc_gateway.api.common import CalendarDep, IndicatorQuery
from qcdc_gateway.api.wards import RegistryDep
from qcdc_gateway.domain.facts import Fact
from qcdc_gateway.domain.indicators import DEFINITIONS, Calendar, Definition, Period
from qcdc_gateway.domain.open_data_catalog import LICENCE_NAME, LICENCE_URL
from qcdc_gateway.queries import facts_for, per_ward
from qcdc_shared.api import not_found
from qcdc_shared.api.limits import limited
from qcdc_shared.auth import public
from qcdc_shared.law.deadlines import VN_TZ
from qcdc_shared.registry import Registry
from qcdc_shared.runtime import Runtime
from qcdc_shared.service import RuntimeDep

router = APIRouter(prefix="/api/export", tags=["open data"])

Format = Literal["csv", "json"]
FieldType = Literal["string", "integer", "number", "boolean", "date", "datetime", "object"]


@dataclass(frozen=True)
class Column:
    name: str
    type: FieldType
    vi: str
    en: str
    read: Callable[[Fact], Any] | None = None  # default: the fact's field of the same name

    def value(self, fact: Fact) -> Any:
        return self.read(fact) if self.read else fact.fields.get(self.name)


@dataclass(frozen=True)
class Dataset:
    name: str
    vi: str
    en: str
    columns: tuple[Column, ...]
    kind: str | None = None  # the fact kind a row is made of; None for indicators


def _ward(fact: Fact) -> str:
    return fact.ward


def _subject(fact: Fact) -> str:
    return fact.subject


def _violation_subject(part: str) -> Callable[[Fact], Any]:
    def read(fact: Fact) -> Any:
        subject = fact.fields.get("subject")
        return subject.get(part) if isinstance(subject, dict) else None

    return read


WARD = Column("ward", "string", "Mã phường (slug).", "Ward slug.", _ward)

POSTINGS = Dataset(
    "postings",
    "Tin công khai của các phường.",
    "The wards' public postings.",
    (
        Column("posting_id", "string", "Mã tin công khai.", "Posting id.", _subject),
        WARD,
        Column(
            "category",
            "integer",
            "Số của nhóm nội dung công khai, theo bảng quy tắc (PUB-CAT, /rules#PUB-CAT).",
            "Disclosure category number, per the rule table (PUB-CAT, /rules#PUB-CAT).",
        ),
        Column(
            "status",
            "string",
            "Trạng thái: published, withdrawn, expired.",
            "Status: published, withdrawn, expired.",
        ),
        Column(
            "decided_on", "date", "Ngày của quyết định được công khai.", "Date of the decision."
        ),
        Column("published_at", "datetime", "Thời điểm công khai.", "When it was published."),
        Column(
            "pub_due_met",
            "boolean",
            "Công khai đúng hạn (PUB-DUE).",
            "Published by its PUB-DUE day.",
        ),
        Column("withdrawn_at", "datetime", "Thời điểm gỡ tin, nếu có.", "When withdrawn, if so."),
        Column(
            "withdrawn_early",
            "boolean",
            "Gỡ trước thời hạn tối thiểu (PUB-MIN30).",
            "Withdrawn before its PUB-MIN30 minimum ended.",
        ),
    ),
    kind="posting",
)

DECISIONS = Dataset(
    "decisions",
    "Nội dung Nhân dân bàn và quyết định.",
    "Residents' decisions.",
    (
        Column("decision_id", "string", "Mã nội dung biểu quyết.", "Decision id.", _subject),
        WARD,
        Column(
            "topic",
            "integer",
            "Số của nội dung Nhân dân quyết định, theo bảng quy tắc (DEC-TOPIC, /rules#DEC-TOPIC).",
            "Decision topic number, per the rule table (DEC-TOPIC, /rules#DEC-TOPIC).",
        ),
        Column(
            "residential_group",
            "string",
            "Mã tổ dân phố; trống nếu toàn phường.",
            "Residential group code; empty for the whole ward.",
        ),
        Column(
            "form",
            "string",
            "Hình thức: meeting, household_ballot, online_vote (DEC-FORM).",
            "Form: meeting, household_ballot, online_vote (DEC-FORM).",
        ),
        Column(
            "households_total",
            "integer",
            "Tổng số hộ gia đình khi mở biểu quyết.",
            "Registered households when it opened.",
        ),
        Column("decided_on", "date", "Ngày biểu quyết.", "Date residents voted."),
        Column("yes", "integer", "Số hộ tán thành.", "Households in favour."),
        Column(
            "passed",
            "boolean",
            "Được thông qua trên tổng số hộ (DEC-PASS).",
            "Passed, over all households (DEC-PASS).",
        ),
        Column(
            "rule",
            "string",
            "Quy tắc tính kết quả (DEC-PASS.money, DEC-PASS.other).",
            "Rule the result was counted by.",
        ),
        Column("closed_at", "datetime", "Thời điểm kết thúc biểu quyết.", "When the vote closed."),
        Column(
            "recognition",
            "string",
            "Công nhận: recognised, refused; trống nếu chưa (DEC-RECORD).",
            "Recognition: recognised, refused; empty if not yet (DEC-RECORD).",
        ),
        Column("recognised_on", "date", "Ngày công nhận hoặc từ chối.", "Date of recognition."),
    ),
    kind="decision",
)

VIOLATIONS = Dataset(
    "violations",
    "Vi phạm quy định phát hiện qua giám sát (OVS-DETECT).",
    "Rule violations detected by oversight (OVS-DETECT).",
    (
        Column("violation_id", "string", "Mã vi phạm.", "Violation id.", _subject),
        WARD,
        Column("rule", "string", "Mã quy tắc bị vi phạm.", "Id of the rule broken."),
        Column(
            "subject_kind",
            "string",
            "Loại hồ sơ vi phạm: posting, petition, task, decision...",
            "Kind of record that broke it: posting, petition, task, decision...",
            _violation_subject("kind"),
        ),
        Column(
            "subject_id",
            "string",
            "Mã hồ sơ vi phạm (không phải người).",
            "Id of that record (never a person).",
            _violation_subject("id"),
        ),
        Column("status", "string", "Trạng thái: open, resolved.", "Status: open, resolved."),
        Column("occurred_at", "datetime", "Thời điểm vi phạm.", "When the rule was broken."),
        Column("detected_at", "datetime", "Thời điểm phát hiện.", "When it was detected."),
        Column("resolved_at", "datetime", "Thời điểm khắc phục, nếu có.", "When resolved, if so."),
    ),
    kind="violation",
)


def _indicator_type(definition: Definition) -> FieldType:
    if definition.name.endswith(("_by_kind", "_by_rule")):
        return "object"
    if definition.name.endswith(("_pct", "_median")):
        return "number"
    return "integer"


INDICATORS = Dataset(
    "indicators",
    "Chỉ số của từng phường (docs/indicators.md).",
    "Each ward's indicators (docs/indicators.md).",
    (
        Column("ward", "string", "Mã phường (slug).", "Ward slug."),
        Column("ward_code", "string", "Mã đơn vị hành chính 5 số.", "Official 5-digit code."),
        Column("ward_name", "string", "Tên phường.", "Ward name."),
        Column(
            "period",
            "string",
            "Kỳ: all, YYYY hoặc YYYY-MM (theo ngày nghiệp vụ).",
            "Period: all, YYYY or YYYY-MM (by business dates).",
        ),
        Column(
            "as_of",
            "datetime",
            "Thời điểm dữ liệu được tính.",
            "The instant the indicators were computed as of.",
        ),
        *(Column(d.name, _indicator_type(d), d.vi, d.en) for d in DEFINITIONS),
    ),
)

DATASETS: tuple[Dataset, ...] = (INDICATORS, POSTINGS, DECISIONS, VIOLATIONS)

FORMATS = {
    "csv": (
        "UTF-8 có BOM, phân cách bằng dấu phẩy, dòng đầu là tên cột; ô trống là không có giá trị; "
        "đúng/sai là true/false; kiểu object là văn bản JSON; ô chữ bắt đầu bằng = + - @ có "
        "thêm dấu ' ở đầu (không thành công thức).",
        "UTF-8 with a BOM, comma-separated, a header row; an empty cell is no value; booleans "
        "are true/false; object fields are JSON text in one cell; a text cell starting with "
        "= + - @ (or a tab or CR) gets a leading ' so no spreadsheet runs it as a formula.",
    ),
    "json": (
        '{"items": [...], "total": N, "next_cursor": null}: mọi dòng trong một trang; '
        "không có giá trị là null.",
        '{"items": [...], "total": N, "next_cursor": null}: every row on one page; no value '
        "is null.",
    ),
}


# A cell a spreadsheet would read as a formula (OWASP, CSV injection): = + - @, and a tab or
# a carriage return before one of them. Any text cell may come from a ward (a title, a
# residential group's code): it gets a leading apostrophe, which shows the text as written.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)  # a number as a number, a negative one included
    if isinstance(value, dict | list):
        return neutralised(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return neutralised(str(value))


# Every file is open data under this licence (docs/open-data.md, "Licence"): the header lets a
# harvester read it without opening the catalogue (RFC 8288's registered "license" relation).
LICENCE_LINK: Final = f'<{LICENCE_URL}>; rel="license"'


def _download(dataset: Dataset, rows: Sequence[dict[str, Any]], fmt: Format) -> Response:
    attachment = {
        "Content-Disposition": f'attachment; filename="{dataset.name}.{fmt}"',
        "Link": LICENCE_LINK,
    }
    if fmt == "json":
        body = {"items": rows, "total": len(rows), "next_cursor": None}
        return JSONResponse(body, headers=attachment)
    text = io.StringIO()
    # The BOM is what makes Excel read the file as UTF-8 (Vietnamese), not the ANSI code page.
    text.write("\ufeff")
    writer = csv.writer(text)
    writer.writerow([column.name for column in dataset.columns])
    writer.writerows([_cell(row[column.name]) for column in dataset.columns] for row in rows)
    return Response(
        text.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8", headers=attachment
    )


def wards_asked(registry: Registry, wanted: list[str] | None) -> list[str]:
    slugs = [ward.slug for ward in registry.wards]
    unknown = sorted(set(wanted or ()) - set(slugs))
    if unknown:
        raise not_found(f"Không có phường {', '.join(unknown)}.", f"No ward {', '.join(unknown)}.")
    return [slug for slug in slugs if wanted is None or slug in wanted]


WardFilter = Annotated[
    list[str] | None, Query(description="Chỉ các phường này — only these wards (repeatable)")
]
DOWNLOAD: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "CSV (UTF-8, BOM) hoặc JSON — a CSV or JSON file",
        "content": {"text/csv": {"schema": {"type": "string"}}, "application/json": {}},
    }
}


@router.get(
    "/fields.json",
    **public(),
    summary="Mô tả các trường dữ liệu mở — the open-data field descriptions",
)
async def fields() -> dict[str, Any]:
    return {
        "license": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "catalog": "/api/open-data/catalog.json",
        "formats": {
            name: {"description": vi, "description_en": en} for name, (vi, en) in FORMATS.items()
        },
        "datasets": [
            {
                "name": dataset.name,
                "title": dataset.vi,
                "title_en": dataset.en,
                "files": [f"/api/export/{dataset.name}.{fmt}" for fmt in ("csv", "json")],
                "fields": [
                    {"name": c.name, "type": c.type, "description": c.vi, "description_en": c.en}
                    for c in dataset.columns
                ],
            }
            for dataset in DATASETS
        ],
    }


@router.get(
    "/indicators.{fmt}",
    **limited("costly", public()),
    response_class=Response,
    responses=DOWNLOAD,
    summary="Chỉ số từng phường (CSV/JSON) — each ward's indicators",
)
async def export_indicators(
    fmt: Format,
    runtime: RuntimeDep,
    registry: RegistryDep,
    query: IndicatorQuery,
    calendar: CalendarDep,
    ward: WardFilter = None,
) -> Response:
    slugs = wards_asked(registry, ward)
    facts, now = await facts_for(runtime, as_of=query.as_of, wards=slugs)
    rows = indicator_rows(registry, facts, slugs, now=now, period=query.period, calendar=calendar)
    return _download(INDICATORS, rows, fmt)


def indicator_rows(
    registry: Registry,
    facts: list[Fact],
    slugs: list[str],
    *,
    now: dt.datetime,
    period: Period,
    calendar: Calendar,
) -> list[dict[str, Any]]:
    """One row per ward: ``GET /api/wards``' indicators, with the ward and the instant."""
    values = per_ward(facts, slugs, now=now, period=period, calendar=calendar)
    return [
        {
            "ward": slug,
            "ward_code": found.code,
            "ward_name": found.name,
            "period": period.label,
            "as_of": now.astimezone(VN_TZ).isoformat(),
        }
        | values[slug]
        for slug in slugs
        if (found := registry.ward(slug)) is not None
    ]


def fact_rows(dataset: Dataset, facts: list[Fact]) -> list[dict[str, Any]]:
    """The dataset's rows from the facts of its kind, by ward then id (a stable order)."""
    return [
        {column.name: column.value(fact) for column in dataset.columns}
        for fact in sorted(facts, key=lambda f: (f.ward, f.subject))
        if fact.kind == dataset.kind
    ]


async def _fact_rows(
    runtime: Runtime, registry: Registry, dataset: Dataset, wanted: list[str] | None
) -> list[dict[str, Any]]:
    assert dataset.kind is not None
    async with runtime.sessionmaker() as session:
        found = await current_facts(
            session, wards=wards_asked(registry, wanted), kinds=[dataset.kind]
        )
    return fact_rows(dataset, found)


FACT_DATASETS = {dataset.name: dataset for dataset in (POSTINGS, DECISIONS, VIOLATIONS)}


@router.get(
    "/{name}.{fmt}",
    **limited("costly", public()),
    response_class=Response,
    responses=DOWNLOAD,
    summary="Tin công khai, nội dung Nhân dân quyết định, vi phạm (CSV/JSON) — postings, "
    "residents' decisions, violations",
)
async def export_facts(
    name: Literal["postings", "decisions", "violations"],
    fmt: Format,
    runtime: RuntimeDep,
    registry: RegistryDep,
    ward: WardFilter = None,
) -> Response:
    dataset = FACT_DATASETS[name]
    return _download(dataset, await _fact_rows(runtime, registry, dataset, ward), fmt)

"""The open-data catalogue as DCAT (W3C Data Catalog Vocabulary) in JSON-LD, DCAT-AP-like: one
dataset per export, its CSV and JSON distributions, the field description file, the licence,
the city as publisher, and the daily snapshots of recent finished days.

Pure: the datasets, the log's first and last event times and "now" come in. Every date in it
comes from the data or the shared clock, so two reads with the same log give the same text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from qcdc_shared.law.deadlines import VN_TZ

if TYPE_CHECKING:
    from qcdc_gateway.api.exports import Dataset

# Creative Commons Attribution 4.0: reuse for any purpose, the city named as the source; the
# licence the Open Definition lists as conformant and most national portals use for statistics.
LICENCE_URL: Final = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_NAME: Final = "CC BY 4.0"
FIELDS_URL: Final = "/api/export/fields.json"
MEDIA: Final = {"csv": "text/csv", "json": "application/json"}
# How many finished days the catalogue lists snapshots for; older days are at the same URL
# pattern (``snapshotTemplate``), the catalogue just does not enumerate years of them.
SNAPSHOT_DAYS: Final = 31

CONTEXT: Final = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "qcdc": "https://qcdc.example/ns#",
}

# Keywords of every dataset, then each one's: Vietnamese first, then English.
KEYWORDS: Final = {
    "*": ("dữ liệu mở", "phường", "thực hiện dân chủ ở cơ sở", "open data", "ward", "democracy"),
    "indicators": ("chỉ số", "đơn thư", "công khai", "indicators", "petitions", "transparency"),
    "postings": ("tin công khai", "công khai", "postings", "public disclosure"),
    "decisions": ("Nhân dân quyết định", "biểu quyết", "residents' decisions", "votes"),
    "violations": ("vi phạm", "giám sát", "violations", "oversight"),
}


def end_of(day: dt.date) -> dt.datetime:
    """The last instant of a local day: a snapshot is the city's knowledge then."""
    return dt.datetime.combine(day, dt.time.max, VN_TZ)


def last_finished_day(now: dt.datetime) -> dt.date:
    return now.astimezone(VN_TZ).date() - dt.timedelta(days=1)


def snapshot_url(name: str, day: dt.date, fmt: str) -> str:
    return f"/api/open-data/snapshots/{day.isoformat()}/{name}.{fmt}"


def _text(vi: str, en: str) -> list[dict[str, str]]:
    return [{"@value": vi, "@language": "vi"}, {"@value": en, "@language": "en"}]


def _distribution(url: str, fmt: str, title_vi: str, title_en: str) -> dict[str, Any]:
    return {
        "@type": "dcat:Distribution",
        "dct:title": _text(title_vi, title_en),
        "dcat:downloadURL": url,
        "dcat:accessURL": url,
        "dcat:mediaType": MEDIA[fmt],
        "dct:format": fmt.upper(),
        "dct:license": {"@id": LICENCE_URL},
        "dct:conformsTo": {"@id": FIELDS_URL},
    }


def _days(first: dt.date | None, last: dt.date) -> list[dt.date]:
    if first is None or first > last:
        return []
    start = max(first, last - dt.timedelta(days=SNAPSHOT_DAYS - 1))
    return [last - dt.timedelta(days=n) for n in range((last - start).days + 1)]


def _dataset(
    dataset: Dataset,
    publisher: dict[str, Any],
    temporal: dict[str, Any] | None,
    *,
    modified: str | None,
    days: list[dt.date],
) -> dict[str, Any]:
    name = dataset.name
    current = [
        _distribution(f"/api/export/{name}.{fmt}", fmt, "Hiện tại", "Current")
        for fmt in ("csv", "json")
    ]
    fields = {
        "@type": "dcat:Distribution",
        "dct:title": _text("Mô tả các trường", "Field descriptions"),
        "dcat:downloadURL": FIELDS_URL,
        "dcat:mediaType": "application/json",
        "dct:license": {"@id": LICENCE_URL},
    }
    snapshots = [
        {
            "dct:issued": {"@value": day.isoformat(), "@type": "xsd:date"},
            "dct:temporal": {"@type": "dct:PeriodOfTime", "dcat:endDate": end_of(day).isoformat()},
            "dcat:distribution": [
                _distribution(
                    snapshot_url(name, day, fmt), fmt, f"Cuối ngày {day}", f"End of {day}"
                )
                for fmt in ("csv", "json")
            ],
        }
        for day in days
    ]
    found: dict[str, Any] = {
        "@id": f"/api/open-data/catalog.json#{name}",
        "@type": "dcat:Dataset",
        "dct:identifier": name,
        "dct:title": _text(dataset.vi, dataset.en),
        "dct:description": _text(dataset.vi, dataset.en),
        "dcat:keyword": [*KEYWORDS["*"], *KEYWORDS.get(name, ())],
        "dct:publisher": publisher,
        "dct:license": {"@id": LICENCE_URL},
        "dct:accessRights": "public",
        "dct:accrualPeriodicity": {"@id": "http://purl.org/cld/freq/continuous"},
        "dct:conformsTo": {"@id": FIELDS_URL},
        "dcat:distribution": [*current, fields],
        "qcdc:fields": [
            {"name": c.name, "type": c.type, "description": c.vi, "description_en": c.en}
            for c in dataset.columns
        ],
        "qcdc:snapshotTemplate": f"/api/open-data/snapshots/{{YYYY-MM-DD}}/{name}.{{csv,json}}",
        "qcdc:snapshots": snapshots,
    }
    if temporal is not None:
        found["dct:temporal"] = temporal
    if modified is not None:
        found["dct:modified"] = {"@value": modified, "@type": "xsd:dateTime"}
    return found


def catalogue(
    *,
    city: str,
    datasets: Sequence[Dataset],
    first_event: dt.datetime | None,
    last_event: dt.datetime | None,
    now: dt.datetime,
) -> dict[str, Any]:
    """The catalogue as the city's log stands: coverage from the first to the last event, and
    the snapshots of the finished days since the first event, newest first."""
    publisher = {"@type": "foaf:Organization", "foaf:name": city}
    temporal = None
    if first_event is not None and last_event is not None:
        temporal = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": first_event.astimezone(VN_TZ).isoformat(),
            "dcat:endDate": last_event.astimezone(VN_TZ).isoformat(),
        }
    modified = last_event.astimezone(VN_TZ).isoformat() if last_event is not None else None
    first_day = first_event.astimezone(VN_TZ).date() if first_event is not None else None
    days = _days(first_day, last_finished_day(now))
    return {
        "@context": CONTEXT,
        "@id": "/api/open-data/catalog.json",
        "@type": "dcat:Catalog",
        "dct:title": _text(f"Dữ liệu mở — {city}", f"Open data — {city}"),
        "dct:description": _text(
            "Dữ liệu mở về thực hiện dân chủ ở cơ sở của các phường; không có dữ liệu cá nhân.",
            "Open data on the wards' grassroots democracy; no personal data.",
        ),
        "dct:publisher": publisher,
        "dct:license": {"@id": LICENCE_URL},
        "dct:rights": _text(
            f"{LICENCE_NAME}: ghi nguồn {city} khi dùng lại.",
            f"{LICENCE_NAME}: credit {city} when reusing.",
        ),
        "dct:language": ["vi", "en"],
        "dcat:dataset": [
            _dataset(d, publisher, temporal, modified=modified, days=days) for d in datasets
        ],
    }

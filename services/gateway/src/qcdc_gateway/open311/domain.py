"""Open311 GeoReport v2 in the platform's words (docs/open311.md): which petition kinds are
services, what a service definition asks, how a tracked petition reads as a service request,
and how a posted request becomes the petitions service's ``PetitionIn``. Pure functions, no
framework: the routes parse and send, these decide.

What a read shows is what the petitions service shows the holder of a tracking code
(``GET /petitions/track/{code}``), narrowed again: no text a person wrote (the spec's
``description``, the location, the answer's words), no petitioner, no free-text reasons. The
status notes are this module's own fixed sentences per status, so nothing typed by a resident
or an officer can carry a name into an Open311 read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Final

from qcdc_gateway.portal.kinds import ANONYMOUS_KINDS, KIND_RULES, ONLY_FOR
from qcdc_shared.clock import LOCAL_TZ

SPECIFICATION: Final = "http://wiki.open311.org/GeoReport_v2"
FORMATS: Final = ("json", "xml")
MEDIA_TYPES: Final = {"json": "application/json", "xml": "text/xml"}
# A GeoReport "service" is one petition kind a resident may file online (the portal's kinds,
# in its order); the ward's other kinds of record (a lead) are not filed, only read.
SERVICE_CODES: Final = tuple(KIND_RULES)
# An anonymous denunciation is stored as a lead (DEN-INTAKE); its requester filed a denunciation.
READ_AS: Final = {"lead": "denunciation"}

# (Vietnamese, English): one service_name and description carries both, "vi — en".
SERVICE_TEXTS: Final[dict[str, tuple[tuple[str, str], tuple[str, str]]]] = {
    "feedback": (
        ("Phản ánh, kiến nghị", "Feedback and recommendation"),
        (
            "Phản ánh, kiến nghị với phường về một việc trên địa bàn; có thể gửi nặc danh.",
            "Tell the ward about a matter in the ward, or recommend something; may be anonymous.",
        ),
    ),
    "complaint": (
        ("Khiếu nại", "Complaint"),
        (
            "Khiếu nại một quyết định hoặc hành vi hành chính của phường; cần họ tên và địa chỉ.",
            "Complain about an administrative decision or act of the ward; needs name and address.",
        ),
    ),
    "denunciation": (
        ("Tố cáo", "Denunciation"),
        (
            "Tố cáo hành vi vi phạm pháp luật; tố cáo nặc danh được lưu làm nguồn tin.",
            "Report a breach of the law; an anonymous one is kept as an inspection lead.",
        ),
    ),
    "information_request": (
        ("Yêu cầu cung cấp thông tin", "Information request"),
        (
            "Yêu cầu phường cung cấp thông tin; cần họ tên và địa chỉ người yêu cầu.",
            "Ask the ward for information; needs the requester's name and address.",
        ),
    ),
}

OPEN_STATUSES: Final = frozenset({"received", "accepted", "assigned", "suspended"})
# answered: the ward has given its answer or decision; refused, forwarded, withdrawn: it will
# not answer here; closed: done. Each ends the request as GeoReport's "closed" means.
CLOSED_STATUSES: Final = frozenset({"answered", "refused", "forwarded", "withdrawn", "closed"})
STATUS_NOTES: Final[dict[str, tuple[str, str]]] = {
    "received": ("Phường đã nhận đơn.", "The ward has received the petition."),
    "accepted": ("Phường đã thụ lý đơn.", "The ward has accepted the petition for handling."),
    "assigned": ("Đơn đã được giao cho cán bộ xử lý.", "An officer has been assigned."),
    "suspended": ("Việc giải quyết đang tạm đình chỉ.", "Handling is suspended for now."),
    "answered": ("Phường đã trả lời.", "The ward has answered."),
    "refused": ("Phường không thụ lý đơn.", "The ward did not accept the petition."),
    "forwarded": (
        "Đơn đã được chuyển đến cơ quan có thẩm quyền.",
        "The petition was forwarded to the competent body.",
    ),
    "withdrawn": ("Người gửi đã rút đơn.", "The petitioner withdrew the petition."),
    "closed": ("Đơn đã kết thúc.", "The petition is closed."),
}


def both(vi: str, en: str) -> str:
    """One GeoReport text field in both languages, Vietnamese first."""
    return f"{vi} — {en}"


def service_list() -> list[dict[str, Any]]:
    """GET services: every kind, ``metadata`` true since each asks attributes (below)."""
    found = []
    for code in SERVICE_CODES:
        (name_vi, name_en), (text_vi, text_en) = SERVICE_TEXTS[code]
        found.append(
            {
                "service_code": code,
                "service_name": both(name_vi, name_en),
                "description": both(text_vi, text_en),
                "metadata": bool(attributes(code)),
                "type": "realtime",  # the tracking code is returned at once
                "keywords": ", ".join(
                    [name_vi.lower(), name_en.lower()]
                    + (["nặc danh", "anonymous"] if code in ANONYMOUS_KINDS else [])
                ),
                "group": "petitions",
            }
        )
    return found


@dataclass(frozen=True)
class Attribute:
    code: str
    datatype: str  # GeoReport: string, number, datetime, text, singlevaluelist, multivaluelist
    required: bool
    description: tuple[str, str]
    datatype_description: tuple[str, str] | None = None


TITLE_MAX: Final = 300  # the petitions service's bound on a title

_TITLE = Attribute(
    "title",
    "string",
    False,
    ("Tiêu đề ngắn (bỏ trống: lấy từ mô tả)", "Short title (blank: taken from the description)"),
)
_GROUP = Attribute(
    "group",
    "string",
    False,
    ("Mã tổ dân phố", "Residential group code"),
    ("Chữ và số, tối đa 64 ký tự", "Letters and digits, at most 64"),
)
_ADDRESS = Attribute(
    "petitioner_address",
    "string",
    False,
    (
        "Địa chỉ của người gửi: được niêm phong, không bao giờ hiển thị",
        "The petitioner's address: sealed, never shown",
    ),
)


def local_day(text: str) -> str:
    """The day a GeoReport ``datetime`` (or a bare date) names in Vietnam: what a complaint's
    act date is. Anything else goes on as typed, for the petitions service to refuse with its
    reasons."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return text
    if moment.tzinfo is not None:
        moment = moment.astimezone(LOCAL_TZ)
    return moment.date().isoformat()


def attributes(service_code: str) -> tuple[Attribute, ...]:
    """The portal form's fields of a kind beyond the description and the petitioner's name:
    a complaint's act date (CMP-FILE), feedback's location is GeoReport's own address_string
    and lat/long. The petitioner's address is required where the kind needs a name."""
    named = service_code not in ANONYMOUS_KINDS
    address = replace(_ADDRESS, required=named)
    found = [_TITLE]
    if ONLY_FOR.get("act_date") == service_code:
        found.append(
            Attribute(
                "act_date",
                "datetime",
                False,
                (
                    "Ngày biết được quyết định, hành vi bị khiếu nại (CMP-FILE)",
                    "The day you learnt of the decision or act (CMP-FILE)",
                ),
                (
                    "Ngày YYYY-MM-DD (giờ nếu có được bỏ qua)",
                    "A date, YYYY-MM-DD (a time is ignored)",
                ),
            )
        )
    return (*found, _GROUP, address)


def service_definition(service_code: str) -> dict[str, Any]:
    return {
        "service_code": service_code,
        "attributes": [
            {
                "variable": True,
                "code": attribute.code,
                "datatype": attribute.datatype,
                "required": attribute.required,
                "datatype_description": both(*attribute.datatype_description)
                if attribute.datatype_description
                else None,
                "order": order,
                "description": both(*attribute.description),
                "values": [],
            }
            for order, attribute in enumerate(attributes(service_code), start=1)
        ],
    }


def status_of(petition_status: str) -> str:
    return "closed" if petition_status in CLOSED_STATUSES else "open"


def _instant(value: Any) -> str | None:
    if not value:
        return None
    parsed = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return parsed.isoformat()


def expected(deadlines: list[Mapping[str, Any]]) -> str | None:
    """The end of the soonest clock still running, as the petitions service computed it (never
    recomputed here); none once every clock is met or missed."""
    running = [d for d in deadlines if d.get("met") is None and d.get("due_at")]
    soonest = min(running, key=lambda d: dt.datetime.fromisoformat(str(d["due_at"])), default=None)
    return _instant(soonest["due_at"]) if soonest else None


def service_request(tracked: Mapping[str, Any], *, agency: str) -> dict[str, Any]:
    """A tracked petition (the petitions service's ``TrackingOut``) as a GeoReport request.
    Withheld, always null: description, address, address_id, zipcode, lat, long, media_url —
    what a resident typed there may name them or their home."""
    kind = READ_AS.get(str(tracked["kind"]), str(tracked["kind"]))
    petition_status = str(tracked["status"])
    history = tracked.get("history") or []
    times = sorted(dt.datetime.fromisoformat(str(h["at"])) for h in history if h.get("at"))
    received = tracked.get("received_on")
    name = SERVICE_TEXTS.get(kind, ((kind, kind), ("", "")))[0]
    return {
        "service_request_id": tracked["tracking_code"],
        "status": status_of(petition_status),
        "status_notes": both(*STATUS_NOTES.get(petition_status, (petition_status,) * 2)),
        "service_name": both(*name),
        "service_code": kind,
        "description": None,
        "agency_responsible": agency,
        "service_notice": None,
        "requested_datetime": times[0].isoformat() if times else _day(received),
        "updated_datetime": times[-1].isoformat() if times else _day(received),
        "expected_datetime": expected(tracked.get("deadlines") or []),
        "address": None,
        "address_id": None,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }


def _day(value: Any) -> str | None:
    # Only when no step carries its instant: the first moment of the day, Viet Nam time.
    return f"{value}T00:00:00+07:00" if value else None


def service_notice(deadlines: list[Mapping[str, Any]]) -> str:
    """What the ward must do by when, in both languages: the rule of the soonest running
    clock and its end, as the petitions service computed them."""
    running = [d for d in deadlines if d.get("met") is None and d.get("due_at")]
    if not running:
        return both("Phường đã nhận đơn.", "The ward has received the petition.")
    soonest = min(running, key=lambda d: dt.datetime.fromisoformat(str(d["due_at"])))
    due, rule = str(soonest.get("due") or soonest["due_at"])[:10], soonest["rule"]
    return both(f"Hạn xử lý: {due} ({rule}).", f"Due by {due} ({rule}).")


class Refusal(Exception):
    """A GeoReport error: the HTTP status, its ``code`` and both languages' description."""

    def __init__(self, status: int, vi: str, en: str, *, retry_after: str | None = None) -> None:
        super().__init__(en)
        self.status, self.vi, self.en, self.retry_after = status, vi, en, retry_after

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [{"code": self.status, "description": both(self.vi, self.en)}]


def petition_of(service_code: str, form: Mapping[str, str]) -> dict[str, Any]:
    """The petitions service's ``PetitionIn`` from a posted GeoReport request, refused here
    when it cannot be filed. Anonymous when no name is given and the kind allows it; the name,
    address and phone go only into ``petitioner`` (which the service seals). GeoReport's email
    has no place there and is dropped, never kept (docs/open311.md)."""
    if service_code not in SERVICE_CODES:
        raise Refusal(
            404, "Không có dịch vụ này.", f"No service has the code {service_code[:64]!r}."
        )
    attribute = {key[10:-1]: value.strip() for key, value in form.items() if _is_attribute(key)}
    description = form.get("description", "").strip()
    if not description:
        raise Refusal(400, "Cần mô tả nội dung đơn.", "A description is required.")
    name = " ".join(
        p for p in (form.get("first_name", "").strip(), form.get("last_name", "").strip()) if p
    )
    address = attribute.get("petitioner_address", "")
    sent: dict[str, Any] = {
        "kind": service_code,
        "title": (attribute.get("title") or description.splitlines()[0])[:TITLE_MAX],
        "body": description,
        "anonymous": not name,
    }
    if not name and service_code not in ANONYMOUS_KINDS:
        raise Refusal(
            400,
            "Loại đơn này cần họ tên (first_name, last_name) và địa chỉ người gửi.",
            "This kind needs the petitioner's name (first_name, last_name) and address.",
        )
    if name:
        if not address:
            raise Refusal(
                400,
                "Cần địa chỉ người gửi (attribute[petitioner_address]).",
                "The petitioner's address is required (attribute[petitioner_address]).",
            )
        phone = form.get("phone", "").strip()
        sent["petitioner"] = {
            "name": name,
            "address": address,
            **({"phone": phone} if phone else {}),
        }
    # The group code's and the date's shapes are the petitions service's to check: its refusal
    # comes back as a 400 with its reasons in both languages.
    if attribute.get("group"):
        sent["group"] = attribute["group"]
    if attribute.get("act_date") and ONLY_FOR.get("act_date") == service_code:
        sent["act_date"] = local_day(attribute["act_date"])
    if ONLY_FOR.get("location") == service_code:
        where = location_of(form)
        if where:
            sent["location"] = where
    return sent


def _is_attribute(key: str) -> bool:
    return key.startswith("attribute[") and key.endswith("]")


def location_of(form: Mapping[str, str]) -> str | None:
    """GeoReport's address_string, and lat/long when given, as the petition's location."""
    address = form.get("address_string", "").strip()
    lat, long = form.get("lat", "").strip(), form.get("long", "").strip()
    point = f"{lat}, {long}" if lat and long and _number(lat) and _number(long) else ""
    text = " ".join(p for p in (address, f"({point})" if point else "") if p)
    return text[:500] or None


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True

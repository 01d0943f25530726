"""Every interface string of the dashboard, in Vietnamese (the default: DESIGN §6) and English,
and how dates read in each. The indicators' definitions are not here: they are
``DEFINITIONS`` (domain/indicators.py), the same texts ``GET /api/indicators`` serves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final, Literal

from fastapi import Request

from qcdc_gateway.domain.indicators import DEFINITIONS
from qcdc_gateway.web.vocabulary import (
    AGGREGATES,
    EVENTS,
    LABELS,
    POSTING_STATUS,
    QUEUE_KIND,
    QUEUE_STATUS,
    RECOGNITION,
    event_words,
)
from qcdc_shared.law.deadlines import VN_TZ

Lang = Literal["vi", "en"]
DEFAULT: Final[Lang] = "vi"
COOKIE: Final = "lang"

TEXTS: Final[dict[str, tuple[str, str]]] = {
    "site": ("Giám sát dân chủ cơ sở", "Grassroots democracy monitor"),
    "city": ("Thành phố", "City"),
    "skip": ("Bỏ qua, đến nội dung chính", "Skip to main content"),
    "nav": ("Điều hướng chính", "Main navigation"),
    "nav.overview": ("Tổng quan thành phố", "City overview"),
    "nav.queue": ("Hàng đợi của thành phố", "City queue"),
    "nav.open_data": ("Dữ liệu mở", "Open data"),
    "nav.api": ("API", "API"),
    "nav.rules": ("Quy tắc pháp lý", "Legal rules"),
    "rules.title": ("Bảng quy tắc pháp lý", "The legal rules"),
    "rules.intro": (
        "Mọi thời hạn, số lượng và tỷ lệ nền tảng áp dụng, theo ngày có hiệu lực, với căn cứ "
        "và nơi đã đọc được văn bản (bảng quy tắc phiên bản {version}).",
        "Every period, count and share the platform applies, by the date it took effect, with "
        "its legal basis and where its text was read (rule table version {version}).",
    ),
    "rules.changes": (
        "Các quy định có hiệu lực từ ngày {since} trở đi.",
        "The rules that took effect on {since} or later.",
    ),
    "rules.all": ("Toàn bộ bảng", "The whole table"),
    "rules.none": ("Không có thay đổi.", "No changes."),
    "rules.effective_from": ("Có hiệu lực từ", "In force from"),
    "rules.amount": ("Mức", "Figure"),
    "rules.counted_from": ("Tính từ", "Counted from"),
    "rules.basis": ("Căn cứ", "Legal basis"),
    "rules.source": ("Nguồn đã đọc", "Source read"),
    "rules.quote": ("Trích dẫn", "Quote"),
    "rules.status": ("Tình trạng", "Status"),
    "rules.missing": ("Còn thiếu để xác nhận", "What would confirm it"),
    "switch": ("English", "Tiếng Việt"),
    "city.building": (
        "số liệu dưới đây chưa đầy đủ và các phường chưa nhận ghi dữ liệu; trang tự tải lại.",
        "the figures below are incomplete and the wards take no writes yet; this page reloads.",
    ),
    "overview.title": ("Tổng quan các phường", "Overview of the wards"),
    "figures": ("Số liệu chính của thành phố", "The city's key figures"),
    "period": ("Kỳ số liệu", "Period"),
    "period.all": ("toàn bộ thời gian", "all time"),
    "period.year": ("năm {year}", "the year {year}"),
    "period.month": ("tháng {month:02d}/{year}", "{year}-{month:02d}"),
    "period.as_of": ("theo dữ liệu đến {when}", "as recorded by {when}"),
    "period.now": ("số liệu lúc {when}", "figures at {when}"),
    "filter.year": ("Năm", "Year"),
    "filter.month": ("Tháng", "Month"),
    "filter.any": ("Tất cả", "All"),
    "filter.submit": ("Xem", "Show"),
    "wards": ("Các phường", "Wards"),
    "wards.caption": (
        "Chỉ số của từng phường; bấm tiêu đề cột để sắp xếp",
        "Each ward's indicators; press a column heading to sort",
    ),
    "ward": ("Phường", "Ward"),
    "rank": ("Hạng", "Rank"),
    "rank.of": ("Hạng: {label}", "Rank: {label}"),
    "unranked": ("chưa xếp hạng", "not ranked"),
    "unranked.why": ("mẫu {sample} < {minimum}", "sample {sample} below {minimum}"),
    "rank.note": (
        "Chỉ xếp hạng phường có ít nhất {minimum} trường hợp trong mẫu của tỷ lệ.",
        "Only wards with at least {minimum} cases in a rate's sample are ranked.",
    ),
    "sort.hint": ("Sắp xếp theo cột này", "Sort by this column"),
    "legend": ("Chú giải màu", "Colour key"),
    "grade.good": ("Tốt", "Good"),
    "grade.fair": ("Cần chú ý", "Needs attention"),
    "grade.poor": ("Kém", "Poor"),
    "grade.na": ("Chưa có dữ liệu", "No data"),
    "grade.good.why": (
        "tỷ lệ từ {good}% trở lên; không có việc quá hạn hay vi phạm",
        "a rate of {good}% or more; nothing overdue or in breach",
    ),
    "grade.fair.why": (
        "tỷ lệ từ {fair}% đến dưới {good}%; 1–{few} việc quá hạn hay vi phạm",
        "a rate from {fair}% to under {good}%; 1–{few} overdue or in breach",
    ),
    "grade.poor.why": (
        "tỷ lệ dưới {fair}%; hơn {few} việc quá hạn hay vi phạm",
        "a rate under {fair}%; more than {few} overdue or in breach",
    ),
    "grade.na.why": ("không có trường hợp nào để tính", "nothing to compute it from"),
    "grade.note": (
        "Ngưỡng màu là lựa chọn trình bày của bảng điều khiển, không phải quy định.",
        "The colour thresholds are the dashboard's presentation choice, not a legal figure.",
    ),
    "definitions": ("Định nghĩa các chỉ số", "What each indicator counts"),
    "trends": ("Xu hướng theo tháng, năm {year}", "Monthly trends, {year}"),
    "chart.data": ("Số liệu của biểu đồ", "The chart's figures"),
    "chart.month": ("Tháng", "Month"),
    "chart.no_data": ("Không có dữ liệu", "No data"),
    "chart.postings_published": (
        "Tin công khai theo tháng công khai, năm {year}",
        "Postings by month published, {year}",
    ),
    "chart.petitions_received": (
        "Đơn nhận được theo tháng, năm {year}",
        "Petitions received by month, {year}",
    ),
    "chart.petitions_answered_on_time_pct": (
        "Tỷ lệ đơn trả lời đúng hạn theo tháng (%), năm {year}",
        "Share of petitions answered on time by month (%), {year}",
    ),
    "chart.violations_detected": (
        "Vi phạm phát hiện theo tháng, năm {year}",
        "Violations detected by month, {year}",
    ),
    "live": ("Cập nhật trực tiếp", "Live updates"),
    "live.connecting": ("Đang kết nối để cập nhật trực tiếp…", "Connecting for live updates…"),
    "live.open": ("Đang cập nhật trực tiếp.", "Updating live."),
    "live.updated": ("Đã cập nhật lúc {time}.", "Updated at {time}."),
    "live.retrying": ("Mất kết nối; đang thử lại…", "Connection lost; retrying…"),
    "live.closed": (
        "Không cập nhật trực tiếp được; hãy tải lại trang.",
        "Live updates stopped; reload the page.",
    ),
    "live.off": (
        "Đang xem số liệu tại một thời điểm đã qua: không cập nhật trực tiếp.",
        "Showing figures as of a past instant: no live updates.",
    ),
    "live.nojs": (
        "Tải lại trang để xem số liệu mới nhất.",
        "Reload the page for the newest figures.",
    ),
    "ward.indicators": ("Chỉ số của phường", "The ward's indicators"),
    "ward.back": ("Về tổng quan thành phố", "Back to the city overview"),
    "ward.code": ("Mã phường", "Ward code"),
    "recent": ("Sự kiện gần đây", "Recent events"),
    "recent.note": (
        "{count} sự kiện mới nhất thành phố nhận được từ phường.",
        "The newest {count} events the city received from the ward.",
    ),
    "col.time": ("Thời điểm", "Time"),
    "col.type": ("Sự kiện", "Event"),
    "col.subject": ("Đối tượng", "Subject"),
    "col.rule": ("Quy tắc", "Rule"),
    "col.detected": ("Ngày phát hiện", "Detected on"),
    "col.category": ("Nhóm (PUB-CAT)", "Category (PUB-CAT)"),
    "col.title": ("Tiêu đề", "Title"),
    "col.status": ("Trạng thái", "Status"),
    "col.published": ("Ngày công khai", "Published on"),
    "col.on_time": ("Đúng hạn (PUB-DUE)", "On time (PUB-DUE)"),
    "col.topic": ("Nhóm nội dung (DEC-TOPIC)", "Topic (DEC-TOPIC)"),
    "col.group": ("Tổ dân phố", "Residential group"),
    "col.decided": ("Ngày biểu quyết", "Voted on"),
    "col.passed": ("Thông qua", "Passed"),
    "col.recognised": ("Công nhận", "Recognised"),
    "col.task_group": ("Nhóm nhiệm vụ", "Task group"),
    "col.completed": ("Hoàn thành", "Completed"),
    "col.overdue": ("Quá hạn", "Overdue"),
    "col.progress": ("Tiến độ bình quân", "Mean progress"),
    "col.kind": ("Loại", "Kind"),
    "col.since": ("Chuyển lên lúc", "Escalated at"),
    "col.assignee": ("Người xử lý", "Assignee"),
    "col.actions": ("Thao tác", "Actions"),
    "whole_ward": ("toàn phường", "whole ward"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    "pending": ("chưa có", "not yet"),
    "none": ("Không có.", "None."),
    "violations": ("Vi phạm chưa khắc phục", "Open violations"),
    "postings": ("Tin công khai", "Postings"),
    "postings.note": (
        "{shown} tin mới nhất trên tổng số {total}.",
        "The newest {shown} of {total} postings.",
    ),
    "decisions": ("Nội dung Nhân dân bàn và quyết định", "Residents' decisions"),
    "plan": ("Tiến độ kế hoạch năm {year}", "Plan progress, {year}"),
    "plan.note": (
        "Nhiệm vụ có hạn trong năm {year}, theo nhóm nhiệm vụ.",
        "Tasks due in {year}, by task group.",
    ),
    "plan.group": ("Nhóm {group}", "Group {group}"),
    "plan.bar": ("{done}/{total} nhiệm vụ hoàn thành", "{done} of {total} tasks completed"),
    "ledger": ("Đầu chuỗi sổ cái", "Ledger head"),
    "ledger.note": (
        "Bản ghi mới nhất của sổ cái chống sửa đổi của phường mà thành phố đã lưu bản sao. "
        "Lệnh qcdc verify-ledger so sánh chuỗi của phường với bản sao này: phường không thể "
        "viết lại điều thành phố đã ghi.",
        "The newest entry of the ward's tamper-evident ledger the city holds a copy of. "
        "qcdc verify-ledger compares the ward's chain with it: a ward cannot rewrite what the "
        "city has already recorded.",
    ),
    "ledger.sequence": ("Số thứ tự", "Sequence"),
    "ledger.hash": ("Mã băm SHA-256", "SHA-256 hash"),
    "ledger.none": ("Thành phố chưa nhận đầu chuỗi nào.", "The city holds no head yet."),
    "queue.title": ("Hàng đợi của thành phố", "The city's queue"),
    "queue.intro": (
        "Đơn chuyển lên thành phố (PET-ESC) và kiến nghị quá hạn trả lời (OVS-ANSWER) của mọi "
        "phường, mục chờ lâu nhất trước.",
        "Escalated petitions (PET-ESC) and unanswered recommendations (OVS-ANSWER) of every "
        "ward, the longest waiting first.",
    ),
    "queue.empty": ("Hàng đợi trống.", "The queue is empty."),
    "queue.signed_in": ("Đăng nhập: {sub} ({role})", "Signed in: {sub} ({role})"),
    "queue.next": ("Trang sau", "Next page"),
    "queue.total": ("{total} mục", "{total} items"),
    "queue.due": ("hạn", "due"),
    "sign_in": ("Đăng nhập", "Sign in"),
    "sign_in.intro": (
        "Hàng đợi chỉ dành cho cán bộ giám sát của thành phố (city_monitor).",
        "The queue is for the city's monitors (city_monitor) only.",
    ),
    "sign_in.token": ("Mã thông báo (token)", "Token"),
    "sign_in.help": (
        "Khi phát triển: tạo bằng lệnh qcdc token --role city_monitor",
        "In development: make one with qcdc token --role city_monitor",
    ),
    "sign_in.invalid": (
        "Mã thông báo không hợp lệ hoặc đã hết hạn.",
        "The token is invalid or has expired.",
    ),
    "sign_in.role": (
        "Vai trò {role} không được xem hàng đợi của thành phố.",
        "The role {role} may not see the city's queue.",
    ),
    "sign_out": ("Đăng xuất", "Sign out"),
    "action.acknowledge": ("Tiếp nhận", "Acknowledge"),
    "action.assign": ("Giao xử lý", "Assign"),
    "action.note": ("Thêm ghi chú", "Add a note"),
    "action.resolve": ("Kết thúc xử lý", "Resolve"),
    "field.assignee": ("Tài khoản người xử lý", "Assignee's account"),
    "field.note": ("Ghi chú (chỉ lưu tại thành phố)", "Note (kept by the city only)"),
    "field.resolution": ("Kết quả xử lý", "Resolution"),
    "done.acknowledge": ("Đã tiếp nhận mục {id}.", "Acknowledged item {id}."),
    "done.assign": ("Đã giao mục {id} cho {assignee}.", "Assigned item {id} to {assignee}."),
    "done.note": ("Đã thêm ghi chú vào mục {id}.", "Added a note to item {id}."),
    "done.resolve": ("Đã kết thúc xử lý mục {id}.", "Resolved item {id}."),
    "refused": ("Không thực hiện được", "Not done"),
    "invalid": (
        "Dữ liệu nhập không hợp lệ: {field}.",
        "Invalid input: {field}.",
    ),
    "csrf": (
        "Yêu cầu không đến từ trang của cổng thành phố nên bị từ chối.",
        "The request did not come from the gateway's own page and was refused.",
    ),
    "error.title": ("Lỗi {status}", "Error {status}"),
    "error.404": ("Không tìm thấy trang này.", "This page does not exist."),
    "error.ward": ("Không có phường {slug}.", "No ward {slug}."),
    "error.422": ("Tham số không hợp lệ.", "Invalid parameters."),
    "error.403": ("Không được phép.", "Not allowed."),
    "footer": (
        "Số liệu tính từ sự kiện các phường công bố; không chứa dữ liệu cá nhân.",
        "Figures computed from the events the wards publish; no personal data.",
    ),
}

__all__ = [
    "AGGREGATES",
    "EVENTS",
    "LABELS",
    "POSTING_STATUS",
    "QUEUE_KIND",
    "QUEUE_STATUS",
    "RECOGNITION",
    "TEXTS",
    "Translator",
    "language",
]
_DEFINITIONS: Final = {d.name: (d.vi, d.en) for d in DEFINITIONS}
RULE_UNITS: Final[dict[str, tuple[str, str]]] = {
    "calendar_days": ("ngày", "calendar days"),
    "working_days": ("ngày làm việc", "working days"),
    "working_hours": ("giờ làm việc", "working hours"),
    "months": ("tháng", "months"),
    "share_of_households": ("tổng số hộ", "of all households"),
    "count": ("", ""),
}
RULE_PERIODS: Final[dict[str, tuple[str, str]]] = {
    "week": ("tuần", "week"),
    "month": ("tháng", "month"),
}
RULE_DIRECTION: Final[dict[str, tuple[str, str]]] = {
    "after": ("kể từ", "after"),
    "before": ("trước", "before"),
}
RULE_STATUS: Final[dict[str, tuple[str, str]]] = {
    "confirmed": ("đã đối chiếu văn bản", "confirmed in the text"),
    "unconfirmed": ("chưa đối chiếu được văn bản", "not yet confirmed in the text"),
}


def language(request: Request) -> tuple[Lang, bool]:
    """The page's language, and whether it was asked for now (then the cookie remembers it)."""
    asked = request.query_params.get("lang")
    if asked in ("vi", "en"):
        return ("vi" if asked == "vi" else "en"), True
    return ("en" if request.cookies.get(COOKIE) == "en" else DEFAULT), False


def _local(value: Any) -> dt.datetime | dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(VN_TZ)
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text).astimezone(VN_TZ)


@dataclass(frozen=True)
class Translator:
    lang: Lang

    @property
    def other(self) -> Lang:
        return "en" if self.lang == "vi" else "vi"

    def _pick(self, pair: tuple[str, str]) -> str:
        return pair[0] if self.lang == "vi" else pair[1]

    def __call__(self, key: str, **values: Any) -> str:
        return self._pick(TEXTS[key]).format(**values)

    def both(self, vi: str, en: str) -> tuple[str, str]:
        """A message given in both languages, the page's own first."""
        return (vi, en) if self.lang == "vi" else (en, vi)

    def label(self, name: str) -> str:
        return self._pick(LABELS[name])

    def definition(self, name: str) -> str:
        return self._pick(_DEFINITIONS[name])

    def word(self, table: dict[str, tuple[str, str]], key: Any) -> str:
        pair = table.get(str(key))
        return self._pick(pair) if pair else str(key)

    def event_type(self, event_type: str) -> str:
        parts = event_type.split(".")
        if len(parts) != 6:
            return event_type
        words = event_words(parts[3], parts[4])
        return f"{self.word(AGGREGATES, parts[3])} — {self._pick(words) if words else parts[4]}"

    def date(self, value: Any) -> str:
        """dd/mm/yyyy in Vietnamese, ISO 8601 in English; a local date (Asia/Ho_Chi_Minh)."""
        local = _local(value)
        if local is None:
            return "—"
        day = local.date() if isinstance(local, dt.datetime) else local
        return day.strftime("%d/%m/%Y") if self.lang == "vi" else day.isoformat()

    def datetime(self, value: Any) -> str:
        local = _local(value)
        if not isinstance(local, dt.datetime):
            return self.date(local)
        return local.strftime("%d/%m/%Y %H:%M" if self.lang == "vi" else "%Y-%m-%d %H:%M")

    def iso(self, value: Any) -> str:
        """For a ``<time datetime>`` attribute."""
        local = _local(value)
        return "" if local is None else local.isoformat()

    def yes_no(self, value: Any) -> str:
        if value is None:
            return self("pending")
        return self("yes") if value else self("no")

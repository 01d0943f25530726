"""Every interface string of the dashboard, in Vietnamese (the default: DESIGN §6) and English,
and how dates read in each. The indicators' definitions are not here: they are
``DEFINITIONS`` (domain/indicators.py), the same texts ``GET /api/indicators`` serves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Final, Literal

from fastapi import Request

from qcdc_gateway.domain.indicators import DEFINITIONS, NAMES, VN_TZ

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
    "switch": ("English", "Tiếng Việt"),
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

# Short names for table headings; the definitions are DEFINITIONS' texts.
LABELS: Final[dict[str, tuple[str, str]]] = {
    "postings_published": ("Tin đã công khai", "Postings published"),
    "postings_on_time": ("Tin đúng hạn", "Postings on time"),
    "postings_on_time_pct": ("Tin đúng hạn (%)", "Postings on time (%)"),
    "postings_withdrawn_early": ("Tin gỡ sớm", "Withdrawn early"),
    "postings_current": ("Tin đang công khai", "Postings on display"),
    "petitions_received": ("Đơn nhận", "Petitions received"),
    "petitions_received_by_kind": ("Đơn theo loại", "Petitions by kind"),
    "petitions_open": ("Đơn đang giải quyết", "Petitions open"),
    "petitions_overdue": ("Đơn quá hạn", "Petitions overdue"),
    "petitions_answered": ("Đơn đã trả lời", "Petitions answered"),
    "petitions_answered_on_time": ("Đơn trả lời đúng hạn", "Answered on time"),
    "petitions_answered_on_time_pct": ("Trả lời đúng hạn (%)", "Answered on time (%)"),
    "petitions_answer_working_days_median": (
        "Ngày làm việc để trả lời (trung vị)",
        "Working days to answer (median)",
    ),
    "petitions_escalated": ("Đơn chuyển lên thành phố", "Petitions escalated"),
    "tasks_total": ("Nhiệm vụ đến hạn", "Tasks due"),
    "tasks_completed": ("Nhiệm vụ hoàn thành", "Tasks completed"),
    "tasks_overdue": ("Nhiệm vụ quá hạn", "Tasks overdue"),
    "tasks_completed_pct": ("Nhiệm vụ hoàn thành (%)", "Tasks completed (%)"),
    "tasks_progress_pct": ("Tiến độ bình quân (%)", "Mean task progress (%)"),
    "decisions_held": ("Nội dung đã biểu quyết", "Decisions voted"),
    "decisions_passed": ("Nội dung thông qua", "Decisions passed"),
    "decisions_recognised": ("Nội dung được công nhận", "Decisions recognised"),
    "recommendations_open": ("Kiến nghị chưa trả lời", "Recommendations unanswered"),
    "recommendations_overdue": ("Kiến nghị quá hạn", "Recommendations overdue"),
    "violations_detected": ("Vi phạm phát hiện", "Violations detected"),
    "violations_open": ("Vi phạm chưa khắc phục", "Violations open"),
    "violations_open_by_rule": ("Vi phạm theo quy tắc", "Open violations by rule"),
    "conferences_held": ("Hội nghị, đối thoại", "Conferences held"),
}
# A new indicator without a heading would show its code: fail at import, in every test.
assert set(LABELS) == set(NAMES), sorted(set(NAMES) ^ set(LABELS))

# Event types in words: vn.qcdc.<service>.<aggregate>.<event>.v<N>.
AGGREGATES: Final[dict[str, tuple[str, str]]] = {
    "posting": ("Tin công khai", "Posting"),
    "consultation": ("Lấy ý kiến", "Consultation"),
    "comment": ("Ý kiến góp ý", "Comment"),
    "petition": ("Đơn", "Petition"),
    "reception": ("Tiếp công dân", "Citizen reception"),
    "task": ("Nhiệm vụ", "Task"),
    "plan": ("Kế hoạch", "Plan"),
    "decision": ("Nội dung biểu quyết", "Residents' decision"),
    "conference": ("Hội nghị", "Conference"),
    "group": ("Tổ dân phố", "Residential group"),
    "inspection": ("Cuộc giám sát", "Inspection"),
    "finding": ("Kết quả giám sát", "Finding"),
    "recommendation": ("Kiến nghị", "Recommendation"),
    "violation": ("Vi phạm", "Violation"),
    "escalation": ("Mục chuyển lên thành phố", "Escalation"),
}
EVENTS: Final[dict[str, tuple[str, str]]] = {
    "published": ("đã công khai", "published"),
    "amended": ("đã sửa đổi", "amended"),
    "withdrawn": ("đã gỡ", "withdrawn"),
    "expired": ("hết thời hạn công khai", "expired"),
    "opened": ("đã mở", "opened"),
    "closed": ("đã kết thúc", "closed"),
    "received": ("đã nhận", "received"),
    "accepted": ("đã thụ lý", "accepted"),
    "assigned": ("đã giao", "assigned"),
    "answered": ("đã trả lời", "answered"),
    "overdue": ("quá hạn", "overdue"),
    "escalated": ("chuyển lên thành phố", "escalated to the city"),
    "scheduled": ("đã lên lịch", "scheduled"),
    "held": ("đã tổ chức", "held"),
    "progressed": ("cập nhật tiến độ", "progress reported"),
    "completed": ("hoàn thành", "completed"),
    "adopted": ("đã ban hành", "adopted"),
    "recognised": ("đã công nhận", "recognised"),
    "registered": ("đã đăng ký", "registered"),
    "updated": ("đã cập nhật", "updated"),
    "recorded": ("đã ghi nhận", "recorded"),
    "issued": ("đã ban hành", "issued"),
    "detected": ("phát hiện", "detected"),
    "resolved": ("đã khắc phục", "resolved"),
    "acknowledged": ("đã tiếp nhận", "acknowledged"),
    "noted": ("thêm ghi chú", "note added"),
}
POSTING_STATUS: Final[dict[str, tuple[str, str]]] = {
    "published": ("đang công khai", "on display"),
    "withdrawn": ("đã gỡ", "withdrawn"),
    "expired": ("hết thời hạn", "expired"),
}
QUEUE_STATUS: Final[dict[str, tuple[str, str]]] = {
    "open": ("mới chuyển lên", "open"),
    "acknowledged": ("đã tiếp nhận", "acknowledged"),
    "assigned": ("đã giao xử lý", "assigned"),
    "resolved": ("đã giải quyết", "resolved"),
}
QUEUE_KIND: Final[dict[str, tuple[str, str]]] = {
    "petition": ("Đơn (PET-ESC)", "Petition (PET-ESC)"),
    "recommendation": ("Kiến nghị (OVS-ANSWER)", "Recommendation (OVS-ANSWER)"),
}
RECOGNITION: Final[dict[str, tuple[str, str]]] = {
    "recognised": ("đã công nhận", "recognised"),
    "refused": ("không công nhận", "refused"),
}
_DEFINITIONS: Final = {d.name: (d.vi, d.en) for d in DEFINITIONS}


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
        return f"{self.word(AGGREGATES, parts[3])} — {self.word(EVENTS, parts[4])}"

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

"""The dashboard's vocabulary in Vietnamese and English: indicator headings and the words for
event types and statuses. Read through ``i18n.Translator``; kept apart from the sentences
in ``i18n.TEXTS`` only for the length of the files."""

from __future__ import annotations

from typing import Final

from qcdc_gateway.domain.indicators import NAMES
from qcdc_gateway.domain.queue import STATUS_VI

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
    "refused": ("từ chối thụ lý", "refused"),
    "forwarded": ("đã chuyển cơ quan có thẩm quyền", "forwarded"),
    "assigned": ("đã giao", "assigned"),
    "answered": ("đã trả lời", "answered"),
    "suspended": ("tạm đình chỉ giải quyết", "resolution suspended"),
    "resumed": ("tiếp tục giải quyết", "resolution resumed"),
    "decision_published": ("đã công khai quyết định", "decision published"),
    "denouncer_notified": ("đã thông báo thụ lý cho người tố cáo", "denouncer notified"),
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
# An event name whose words depend on what it happened to, keyed "<aggregate>.<name>": a
# posting withdrawn is taken down (EVENTS), a complaint withdrawn is the complainant's own act.
AGGREGATE_EVENTS: Final[dict[str, tuple[str, str]]] = {
    "petition.withdrawn": ("đã rút", "withdrawn by the complainant"),
}


def event_words(aggregate: str, name: str) -> tuple[str, str] | None:
    """The (vi, en) words of event ``name`` of ``aggregate``: its own, else the shared ones."""
    return AGGREGATE_EVENTS.get(f"{aggregate}.{name}") or EVENTS.get(name)


POSTING_STATUS: Final[dict[str, tuple[str, str]]] = {
    "published": ("đang công khai", "on display"),
    "withdrawn": ("đã gỡ", "withdrawn"),
    "expired": ("hết thời hạn", "expired"),
}
# The queue's own Vietnamese words (what /api/escalations calls ``status_vi``).
QUEUE_STATUS: Final[dict[str, tuple[str, str]]] = {
    status: (vi, status) for status, vi in STATUS_VI.items()
}
QUEUE_KIND: Final[dict[str, tuple[str, str]]] = {
    "petition": ("Đơn (PET-ESC)", "Petition (PET-ESC)"),
    "recommendation": ("Kiến nghị (OVS-ANSWER)", "Recommendation (OVS-ANSWER)"),
}
RECOGNITION: Final[dict[str, tuple[str, str]]] = {
    "recognised": ("đã công nhận", "recognised"),
    "refused": ("không công nhận", "refused"),
}

"""The portal's words for the inspection board's and the Front's pages (``/p/{ward}/giam-sat``),
Vietnamese first (merged into ``texts.TEXTS``). No legal figure here: the answer period of a
recommendation (OVS-ANSWER) and the plan's notice (OVS-PLAN) are read from the rule table."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, tuple[str, str]]] = {
    "oversight.title": ("Giám sát của nhân dân", "People's oversight"),
    "oversight.intro": (
        "Trang làm việc của Ban Thanh tra nhân dân và Ủy ban Mặt trận Tổ quốc phường: vi phạm "
        "hệ thống phát hiện, kiến nghị và trả lời, các cuộc kiểm tra, nhật ký truy cập danh tính "
        "người tố cáo.",
        "The workspace of the people's inspection board and the ward's Fatherland Front: "
        "violations the system detected, recommendations and answers, inspections, the log of "
        "access to denouncers' identities.",
    ),
    "oversight.nav": ("Các trang giám sát", "Oversight pages"),
    "oversight.nav.home": ("Tổng quan", "Overview"),
    "oversight.nav.violations": ("Vi phạm", "Violations"),
    "oversight.nav.recommendations": ("Kiến nghị", "Recommendations"),
    "oversight.nav.inspections": ("Kiểm tra", "Inspections"),
    "oversight.nav.identity": ("Nhật ký truy cập danh tính", "Identity-access log"),
    "oversight.forbidden": (
        "Trang này dành cho Ban Thanh tra nhân dân và Ủy ban Mặt trận Tổ quốc của phường {ward}.",
        "This page is for the people's inspection board and the Fatherland Front of {ward}.",
    ),
    "oversight.more": ("Xem tiếp", "More"),
    "oversight.none": ("Chưa có mục nào.", "Nothing yet."),
    "oversight.count": ("{count} mục", "{count} items"),
    "oversight.optional": ("không bắt buộc", "optional"),
    # Overview
    "oversight.home.violations": ("Vi phạm chưa khắc phục", "Violations not yet resolved"),
    "oversight.home.awaiting": (
        "Kiến nghị chờ phường trả lời",
        "Recommendations awaiting an answer",
    ),
    "oversight.home.proposed": (
        "Kiến nghị chờ Mặt trận xác nhận",
        "Recommendations awaiting the Front's confirmation",
    ),
    "oversight.home.inspections": ("Cuộc kiểm tra đang tiến hành", "Inspections under way"),
    "oversight.home.see": ("Xem tất cả", "See all"),
    # Violations
    "oversight.violations.intro": (
        "Hệ thống theo dõi các sự kiện của phường và ghi nhận vi phạm khi một quy tắc bị vi "
        "phạm: tin gỡ trước thời hạn, công khai chậm, đơn hoặc kiến nghị quá hạn, biểu quyết "
        "không đủ tỷ lệ, nhiệm vụ quá hạn. Mỗi vi phạm kèm các sự kiện chứng minh.",
        "The system watches the ward's events and records a violation when a rule is broken: a "
        "posting withdrawn early, a late disclosure, a petition or recommendation overdue, a "
        "decision passed under its threshold, a plan task overdue. Each comes with the events "
        "that show it.",
    ),
    "oversight.violation.title": ("Vi phạm quy tắc {rule}", "Violation of {rule}"),
    "oversight.violation.rule": ("Quy tắc", "Rule"),
    "oversight.violation.subject": ("Đối tượng", "Subject"),
    "oversight.violation.status": ("Tình trạng", "Status"),
    "oversight.violation.occurred": ("Xảy ra lúc", "Occurred at"),
    "oversight.violation.detected": ("Phát hiện lúc", "Detected at"),
    "oversight.violation.acknowledged": ("Phường ghi nhận lúc", "Acknowledged by the ward at"),
    "oversight.violation.resolved": ("Khắc phục lúc", "Resolved at"),
    "oversight.violation.resolution": ("Cách khắc phục", "How it was resolved"),
    "oversight.violation.open": (
        "Xem vi phạm và sự kiện chứng minh",
        "The violation and its events",
    ),
    "oversight.evidence": ("Sự kiện chứng minh", "The events that show it"),
    "oversight.evidence.count": ("{count} sự kiện chứng minh", "{count} events show it"),
    "oversight.evidence.what": ("Sự kiện", "Event"),
    "oversight.evidence.when": ("Thời điểm", "When"),
    "oversight.evidence.aggregate": ("Thuộc", "Of"),
    "oversight.evidence.title": ("Tiêu đề", "Title"),
    "oversight.evidence.reason": ("Lý do", "Reason"),
    "oversight.evidence.id": ("Mã sự kiện", "Event id"),
    "oversight.evidence.unknown": (
        "Sự kiện {id} chưa có trong nhật ký sự kiện của thành phố.",
        "Event {id} is not in the city's event log yet.",
    ),
    "oversight.violation.recommend": (
        "Kiến nghị từ vi phạm này",
        "A recommendation from this violation",
    ),
    "oversight.violation.recommend.intro": (
        "Ban Thanh tra nhân dân đề xuất kiến nghị; kiến nghị được ban hành khi Ủy ban Mặt trận "
        "Tổ quốc xác nhận.",
        "The inspection board proposes; the recommendation is issued once the Front confirms it.",
    ),
    "oversight.violation.recommend.title": (
        "Kiến nghị khắc phục vi phạm quy tắc {rule}",
        "Recommendation to remedy the breach of {rule}",
    ),
    "oversight.violation.recommend.body": (
        "Hệ thống ghi nhận vi phạm quy tắc {rule} ({subject} {id}) lúc {detected}. Đề nghị UBND "
        "phường khắc phục và trả lời Ban Thanh tra nhân dân.",
        "The system recorded a breach of {rule} ({subject} {id}) at {detected}. The ward's "
        "committee is asked to remedy it and answer the inspection board.",
    ),
    # Recommendations
    "oversight.recommendations.intro": (
        "Ban Thanh tra nhân dân đề xuất kiến nghị, Ủy ban Mặt trận Tổ quốc xác nhận để ban "
        "hành, UBND phường trả lời.",
        "The inspection board proposes a recommendation, the Front confirms and issues it, the "
        "ward's committee answers.",
    ),
    "oversight.recommendations.clock": (
        "UBND phường trả lời kiến nghị trong {figure} kể từ ngày nhận được kiến nghị (mặc định "
        "là ngày ban hành nếu chưa ghi ngày nhận); quá hạn thì chuyển lên thành phố.",
        "The ward's committee answers within {figure} of receiving a recommendation (its issue "
        "until a receipt is recorded); one left unanswered is escalated to the city.",
    ),
    "oversight.rec.status": ("Tình trạng", "Status"),
    "oversight.rec.to": ("Gửi đến", "Addressed to"),
    "oversight.rec.issued": ("Ban hành lúc", "Issued at"),
    "oversight.rec.received": ("UBND phường nhận lúc", "Received by the committee at"),
    "oversight.rec.received.default": (
        "chưa ghi ngày nhận: tính từ ngày ban hành",
        "no receipt recorded: counted from the issue",
    ),
    "oversight.rec.due": ("Hạn trả lời", "Answer due"),
    "oversight.rec.clock": ("Thời hạn", "Clock"),
    "oversight.rec.clock.days_left": ("còn {days} ngày", "{days} days left"),
    "oversight.rec.clock.today": ("đến hạn hôm nay", "due today"),
    "oversight.rec.clock.overdue": ("quá hạn, chưa trả lời", "overdue, unanswered"),
    "oversight.rec.clock.on_time": ("đã trả lời đúng hạn", "answered on time"),
    "oversight.rec.clock.late": ("đã trả lời nhưng trễ hạn", "answered late"),
    "oversight.rec.clock.waiting": (
        "chưa tính: chờ Mặt trận xác nhận",
        "not running: awaiting the Front's confirmation",
    ),
    "oversight.rec.escalated": (
        "Đã chuyển lên thành phố lúc {when}",
        "Escalated to the city at {when}",
    ),
    "oversight.rec.answer": ("Trả lời của UBND phường", "The committee's answer"),
    "oversight.rec.answered": ("Trả lời lúc {when}", "Answered at {when}"),
    "oversight.rec.inspection": ("Từ cuộc kiểm tra", "From the inspection"),
    "oversight.rec.new": ("Đề xuất kiến nghị mới", "Propose a recommendation"),
    "oversight.rec.field.title": ("Kiến nghị (một dòng)", "Recommendation (one line)"),
    "oversight.rec.field.body": ("Nội dung kiến nghị", "The recommendation in full"),
    "oversight.rec.field.to": ("Gửi đến", "Addressed to"),
    "oversight.rec.field.to.default": ("UBND phường", "UBND phường"),
    "oversight.rec.field.inspection": ("Mã cuộc kiểm tra", "Inspection id"),
    "oversight.rec.propose": ("Gửi đề xuất", "Propose"),
    "oversight.rec.confirm": ("Xác nhận và ban hành kiến nghị", "Confirm and issue"),
    "oversight.rec.receipt": (
        "Ghi ngày UBND phường nhận kiến nghị",
        "Record the committee's receipt",
    ),
    "oversight.rec.receipt.at": ("Thời điểm nhận", "Received at"),
    "oversight.rec.receipt.help": (
        "Bỏ trống nếu nhận ngay bây giờ. Hạn trả lời được tính lại từ thời điểm này.",
        "Leave empty for now. The answer is then due counting from this moment.",
    ),
    "oversight.rec.receipt.submit": ("Ghi ngày nhận", "Record the receipt"),
    "oversight.rec.receipt.malformed": (
        "Thời điểm nhận không đúng dạng ngày giờ.",
        "The receipt is not a date and time.",
    ),
    # Inspections
    "oversight.inspections.intro": (
        "Các cuộc kiểm tra của Ban Thanh tra nhân dân: kế hoạch gửi trước ngày bắt đầu theo "
        "quy tắc, bắt đầu đúng ngày, ghi nhận phát hiện kèm bằng chứng, kết thúc bằng báo cáo.",
        "The inspection board's inspections: a plan filed ahead of the start as the rule says, "
        "opened on its day, findings with their evidence, closed with a report.",
    ),
    "oversight.inspections.plan": (
        "Kế hoạch kiểm tra gửi trước ngày bắt đầu ít nhất {figure}.",
        "The plan is filed at least {figure} before the start.",
    ),
    "oversight.insp.status": ("Tình trạng", "Status"),
    "oversight.insp.scope": ("Phạm vi, đối tượng", "Scope"),
    "oversight.insp.start": ("Ngày bắt đầu", "Starts on"),
    "oversight.insp.filed": ("Ngày gửi kế hoạch", "Plan filed on"),
    "oversight.insp.plan_due": ("Hạn gửi kế hoạch", "Plan due by"),
    "oversight.insp.opened": ("Bắt đầu lúc", "Opened at"),
    "oversight.insp.closed": ("Kết thúc lúc", "Closed at"),
    "oversight.insp.report": ("Báo cáo kết quả", "Report"),
    "oversight.insp.findings": ("Phát hiện", "Findings"),
    "oversight.insp.evidence": ("Bằng chứng", "Evidence"),
    "oversight.insp.see": ("Xem cuộc kiểm tra và các phát hiện", "The inspection and its findings"),
    "oversight.insp.new": ("Gửi kế hoạch kiểm tra", "File an inspection plan"),
    "oversight.insp.field.title": ("Nội dung kiểm tra", "What is inspected"),
    "oversight.insp.field.scope": ("Phạm vi, đối tượng", "Scope"),
    "oversight.insp.field.start": ("Ngày bắt đầu", "Start day"),
    "oversight.insp.field.filed": (
        "Ngày gửi kế hoạch (bỏ trống: hôm nay)",
        "Filed on (empty: today)",
    ),
    "oversight.insp.file": ("Gửi kế hoạch", "File the plan"),
    "oversight.insp.open": ("Bắt đầu kiểm tra", "Open the inspection"),
    "oversight.insp.finding": ("Ghi nhận phát hiện", "Record a finding"),
    "oversight.insp.field.finding": ("Phát hiện (một dòng)", "Finding (one line)"),
    "oversight.insp.field.detail": ("Chi tiết", "Detail"),
    "oversight.insp.field.evidence_kind": ("Loại bằng chứng", "Kind of evidence"),
    "oversight.insp.field.evidence_id": ("Mã bằng chứng", "Evidence id"),
    "oversight.insp.evidence.none": ("không kèm bằng chứng", "no evidence"),
    "oversight.insp.record": ("Ghi nhận", "Record"),
    "oversight.insp.close": ("Kết thúc kiểm tra", "Close the inspection"),
    "oversight.insp.field.report": ("Báo cáo kết quả kiểm tra", "The inspection's report"),
    "oversight.insp.close.submit": ("Kết thúc và lưu báo cáo", "Close with this report"),
    "oversight.insp.recommend": (
        "Đề xuất kiến nghị từ cuộc kiểm tra này",
        "Propose a recommendation from it",
    ),
    # Identity-access log
    "oversight.identity.intro": (
        "Mỗi lần có người mở, hoặc tìm cách mở, thông tin người tố cáo được niêm phong đều được "
        "ghi lại: ai, vai trò nào, lúc nào, với đơn nào và kết quả. Trang này không bao giờ hiện "
        "thông tin người tố cáo.",
        "Every time someone opened, or tried to open, a denouncer's sealed identity is recorded: "
        "who, in which role, when, for which petition and with what outcome. This page never "
        "shows the identity itself.",
    ),
    "oversight.identity.at": ("Thời điểm", "When"),
    "oversight.identity.petition": ("Mã đơn", "Petition id"),
    "oversight.identity.reader": ("Người mở", "Who"),
    "oversight.identity.role": ("Vai trò", "Role"),
    "oversight.identity.ward": ("Phường của người mở", "Their ward"),
    "oversight.identity.outcome": ("Kết quả", "Outcome"),
    # Confirmations after a form (Post/Redirect/Get)
    "oversight.done.proposed": (
        "Đã gửi đề xuất kiến nghị. Kiến nghị được ban hành khi Mặt trận xác nhận.",
        "The recommendation is proposed. It is issued once the Front confirms it.",
    ),
    "oversight.done.confirmed": (
        "Đã xác nhận và ban hành kiến nghị; thời hạn trả lời bắt đầu tính.",
        "The recommendation is issued; its answer clock is running.",
    ),
    "oversight.done.received": (
        "Đã ghi ngày nhận; hạn trả lời được tính từ ngày này.",
        "The receipt is recorded; the answer is due counting from it.",
    ),
    "oversight.done.filed": ("Đã gửi kế hoạch kiểm tra.", "The inspection plan is filed."),
    "oversight.done.opened": ("Cuộc kiểm tra đã bắt đầu.", "The inspection is open."),
    "oversight.done.finding": ("Đã ghi nhận phát hiện.", "The finding is recorded."),
    "oversight.done.closed": ("Cuộc kiểm tra đã kết thúc.", "The inspection is closed."),
}

VIOLATION_STATUSES: Final[dict[str, tuple[str, str]]] = {
    "open": ("chưa khắc phục", "open"),
    "acknowledged": ("phường đã ghi nhận, chưa khắc phục", "acknowledged by the ward"),
    "resolved": ("đã khắc phục", "resolved"),
}
SUBJECT_KINDS: Final[dict[str, tuple[str, str]]] = {
    "posting": ("Tin công khai", "Posting"),
    "petition": ("Đơn", "Petition"),
    "reception": ("Buổi tiếp công dân", "Reception session"),
    "task": ("Nhiệm vụ", "Plan task"),
    "decision": ("Nội dung biểu quyết", "Residents' decision"),
    "recommendation": ("Kiến nghị", "Recommendation"),
}
RECOMMENDATION_STATUSES: Final[dict[str, tuple[str, str]]] = {
    "proposed": ("đang đề xuất, chờ Mặt trận xác nhận", "proposed, awaiting the Front"),
    "issued": ("đã ban hành, chờ UBND phường trả lời", "issued, awaiting the answer"),
    "answered": ("UBND phường đã trả lời", "answered"),
}
ACCEPTANCE: Final[dict[str, tuple[str, str]]] = {
    "accepted": ("tiếp thu", "accepted"),
    "partly": ("tiếp thu một phần", "partly accepted"),
    "rejected": ("không tiếp thu", "rejected"),
}
INSPECTION_STATUSES: Final[dict[str, tuple[str, str]]] = {
    "planned": ("đã lập kế hoạch", "planned"),
    "open": ("đang kiểm tra", "under way"),
    "closed": ("đã kết thúc", "closed"),
}
EVIDENCE_KINDS: Final[dict[str, tuple[str, str]]] = {
    "event": ("sự kiện", "event"),
    "posting": ("tin công khai", "posting"),
    "petition": ("đơn", "petition"),
    "decision": ("nội dung biểu quyết", "decision"),
    "task": ("nhiệm vụ", "task"),
    "document": ("tài liệu", "document"),
}
ACCESS_OUTCOMES: Final[dict[str, tuple[str, str]]] = {
    "granted": ("đã mở (cán bộ được giao xử lý)", "opened (the assigned handler)"),
    "refused": ("bị từ chối", "refused"),
    "none": ("đơn không có thông tin niêm phong", "the petition holds no sealed identity"),
}

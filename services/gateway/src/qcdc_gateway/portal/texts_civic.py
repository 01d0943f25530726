"""The portal's civic words, Vietnamese first (merged into ``texts.TEXTS``): consultations and
comments, residents' decisions and their results, the ward plan by task group, and verifying
a posting. No legal figure is written here: the pages link each rule and read its summary from
the rule table in force."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, tuple[str, str]]] = {
    "nav.civic.consultations": ("Góp ý dự thảo", "Consultations"),
    "nav.civic.decisions": ("Nhân dân bàn và quyết định", "Residents' decisions"),
    "nav.civic.plan": ("Kế hoạch thực hiện QCDC", "The ward's democracy plan"),
    # Consultations (lấy ý kiến nhân dân)
    "civic.consultations.intro": (
        "Phường lấy ý kiến Nhân dân về các dự thảo trước khi quyết định. Mỗi đợt mở ít nhất "
        "thời gian theo quy tắc {rule}; sau đó phường công khai ý kiến được tiếp thu, không "
        "tiếp thu và lý do.",
        "The ward asks residents' views on drafts before it decides. Each consultation stays "
        "open at least as long as {rule} says; then the ward publishes what it accepted and "
        "rejected, with its reasons.",
    ),
    "civic.consultations.open": ("Đang lấy ý kiến", "Open for comments"),
    "civic.consultations.closed": ("Đã kết thúc", "Closed"),
    "civic.consultations.none_open": (
        "Hiện không có đợt lấy ý kiến nào đang mở.",
        "No consultation is open now.",
    ),
    "civic.consultations.none_closed": (
        "Chưa có đợt lấy ý kiến nào kết thúc.",
        "No consultation has closed yet.",
    ),
    "civic.consultation.opened": ("Bắt đầu lấy ý kiến", "Opened"),
    "civic.consultation.until": ("Nhận ý kiến ít nhất đến hết ngày", "Open at least until"),
    "civic.consultation.until.note": (
        "Phường nhận ý kiến đến khi kết thúc đợt lấy ý kiến, không sớm hơn ngày này.",
        "The ward takes comments until it closes the consultation, never before this day.",
    ),
    "civic.consultation.closed_at": ("Kết thúc lúc", "Closed at"),
    "civic.consultation.comments_count": ("Số ý kiến đã nhận", "Comments received"),
    "civic.consultation.draft": ("Nội dung dự thảo", "The draft"),
    "civic.consultation.draft.cut": (
        "Dự thảo dài; trang chỉ hiện phần đầu. Toàn văn có tại trụ sở UBND phường.",
        "The draft is long; this page shows its beginning. The full text is at the ward office.",
    ),
    "civic.consultation.read": ("Xem dự thảo và góp ý", "Read the draft and comment"),
    "civic.consultation.result": ("Xem kết quả", "See the result"),
    "civic.consultation.unknown": (
        "Không có đợt lấy ý kiến này.",
        "There is no such consultation.",
    ),
    "civic.consultation.accepted": ("Ý kiến được tiếp thu", "Points accepted"),
    "civic.consultation.rejected": ("Ý kiến không tiếp thu", "Points not accepted"),
    "civic.consultation.reason": ("Lý do", "Reason"),
    "civic.consultation.no_items": ("Không có.", "None."),
    "civic.consultation.result_posting": (
        "Kết quả được công khai trên bảng tin của phường.",
        "The result is posted on the ward's notice board.",
    ),
    "civic.comments.title": ("Các ý kiến đã gửi", "Comments sent"),
    "civic.comments.none": ("Chưa có ý kiến nào.", "No comment yet."),
    "civic.comments.shown": (
        "Hiện {shown} ý kiến mới nhất trong số {total}.",
        "The newest {shown} of {total} comments.",
    ),
    "civic.comment.title": ("Gửi ý kiến của bạn", "Send your comment"),
    "civic.comment.text": ("Ý kiến của bạn", "Your comment"),
    "civic.comment.show_name": (
        "Hiện họ tên của tôi (lấy từ tài khoản đăng nhập) cùng ý kiến",
        "Show my name (from my account) with the comment",
    ),
    "civic.comment.anonymous_help": (
        "Nếu không chọn, ý kiến hiện là «Ẩn danh». Phường không công khai thông tin nào khác "
        "về người góp ý.",
        "Unless you tick this, the comment reads «Anonymous». The ward publishes nothing else "
        "about who commented.",
    ),
    "civic.comment.submit": ("Gửi ý kiến", "Send the comment"),
    "civic.comment.sign_in": (
        "Để góp ý, bạn cần đăng nhập với vai trò người dân.",
        "To comment, sign in as a resident.",
    ),
    "civic.comment.sign_in.link": ("Đăng nhập để góp ý", "Sign in to comment"),
    "civic.comment.not_citizen": (
        "Bạn đang đăng nhập với vai trò {role}; chỉ người dân gửi ý kiến góp ý.",
        "You are signed in as {role}; only residents send comments.",
    ),
    "civic.comment.closed": (
        "Đợt lấy ý kiến đã kết thúc, không nhận thêm ý kiến.",
        "The consultation is closed; it takes no more comments.",
    ),
    "civic.comment.sent": (
        "Phường đã nhận ý kiến của bạn. Cảm ơn bạn đã góp ý.",
        "The ward has received your comment. Thank you.",
    ),
    # Residents' decisions (Nhân dân bàn và quyết định)
    "civic.decisions.intro": (
        "Những việc Nhân dân bàn và quyết định trực tiếp ({topic}), cách biểu quyết và kết quả. "
        "Trang chỉ hiện các biểu quyết đã kết thúc; tỷ lệ thông qua tính trên tổng số hộ gia "
        "đình đăng ký, theo bảng quy tắc đang áp dụng.",
        "What residents decide directly ({topic}), how they voted and the result. Only "
        "decisions whose vote has ended are shown; the share that passes counts every "
        "registered household, per the rule table in force.",
    ),
    "civic.decisions.none": (
        "Chưa có biểu quyết nào kết thúc.",
        "No decision has been closed yet.",
    ),
    "civic.decision.unknown": (
        "Không có biểu quyết này, hoặc biểu quyết chưa kết thúc.",
        "There is no such decision, or its vote has not ended.",
    ),
    "civic.decision.topic": ("Nội dung", "Topic"),
    "civic.decision.scope": ("Phạm vi", "Who decides"),
    "civic.decision.scope.ward": ("Toàn phường", "The whole ward"),
    "civic.decision.households": ("Số hộ đăng ký khi mở biểu quyết", "Households registered"),
    "civic.decision.form": ("Hình thức", "How decided"),
    "civic.decision.notice": ("Thông báo, gửi tài liệu", "Notice and documents sent"),
    "civic.decision.vote": ("Ngày biểu quyết", "Vote day"),
    "civic.decision.status": ("Tình trạng", "Status"),
    "civic.decision.result": ("Kết quả", "Result"),
    "civic.decision.counted.household_votes": ("theo phiếu của từng hộ", "from household votes"),
    "civic.decision.counted.meeting_tally": ("kiểm phiếu tại cuộc họp", "a meeting's count"),
    "civic.decision.tally": (
        "Đồng ý {yes}, không đồng ý {no}, không ý kiến {abstain}; {present} hộ tham gia.",
        "Yes {yes}, no {no}, abstain {abstain}; {present} households took part.",
    ),
    "civic.decision.threshold": (
        "Cần ít nhất {threshold} hộ đồng ý trên {total} hộ đăng ký.",
        "At least {threshold} of the {total} registered households had to agree.",
    ),
    "civic.decision.passed": ("Được thông qua", "Passed"),
    "civic.decision.not_passed": ("Không được thông qua", "Not passed"),
    "civic.decision.rules": ("Quy tắc áp dụng", "Rules that apply"),
    "civic.decision.pass_rule": ("Tỷ lệ thông qua", "Share that passes"),
    "civic.decision.quorum_rule": ("Số hộ phải có mặt tại cuộc họp", "Households a meeting needs"),
    "civic.decision.record_rule": ("Biên bản và công nhận kết quả", "Record and recognition"),
    "civic.decision.checked": ("Đã kiểm tra khi mở", "Checked when opened"),
    "civic.decision.recognition": ("Công nhận", "Recognition"),
    "civic.decision.recognised_at": ("Công nhận ngày {day}", "Recognised on {day}"),
    "civic.decision.refused_at": (
        "Từ chối công nhận ngày {day}. Lý do: {reason}",
        "Refused on {day}. Reason: {reason}",
    ),
    "civic.decision.awaiting": ("Đang chờ xem xét công nhận", "Awaiting recognition"),
    "civic.decision.more": ("Chi tiết", "Details"),
    # The plan (Kế hoạch thực hiện QCDC)
    "civic.plan.intro": (
        "Kế hoạch năm của Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở: tám nhóm nhiệm vụ "
        "trọng tâm và tiến độ từng nhiệm vụ, tính đến hôm nay ({day}).",
        "The steering committee's plan for the year: its eight key task groups and each "
        "task's progress as of today ({day}).",
    ),
    "civic.plan.none": (
        "Phường chưa ban hành kế hoạch nào.",
        "The ward has not adopted a plan yet.",
    ),
    "civic.plan.year": ("Năm {year}", "Year {year}"),
    "civic.plan.other_years": ("Kế hoạch các năm", "Plans by year"),
    "civic.plan.status": ("Tình trạng", "Status"),
    "civic.plan.edition": ("Lần ban hành", "Edition"),
    "civic.plan.adopted_at": ("Ban hành ngày", "Adopted on"),
    "civic.plan.purposes": ("Mục đích, yêu cầu", "Purposes and requirements"),
    "civic.plan.groups": ("Nhiệm vụ trọng tâm và giải pháp", "Key tasks and measures"),
    "civic.plan.summary": (
        "{done} xong, {progress} đang làm, {overdue} quá hạn",
        "{done} done, {progress} in progress, {overdue} overdue",
    ),
    "civic.plan.no_tasks": ("Chưa giao nhiệm vụ nào.", "No task assigned yet."),
    "civic.plan.group_text": ("Nội dung nhóm nhiệm vụ", "What the group covers"),
    "civic.task.owner": ("Phụ trách", "Owner"),
    "civic.task.due": ("Hạn", "Due"),
    "civic.task.progress": ("Tiến độ", "Progress"),
    "civic.task.percent": ("{percent}%", "{percent}%"),
    "civic.task.latest": ("Báo cáo gần nhất ({day})", "Latest report ({day})"),
    "civic.plan.report": ("Báo cáo kết quả cuối năm", "Year-end report"),
    # Verify a posting's ledger proof
    "civic.verify.button": ("Kiểm tra tính toàn vẹn", "Verify"),
    "civic.verify.json": ("Bằng chứng sổ cái (JSON)", "Ledger proof (JSON)"),
    "civic.verify.working": ("Đang kiểm tra…", "Checking…"),
    "civic.verify.ok": (
        "Đã kiểm chứng: nội dung tin khớp với mục {sequence} của sổ cái công khai, nối liền "
        "đến đầu chuỗi hiện tại (mục {head}). Trình duyệt của bạn tự tính lại mọi mã băm.",
        "Verified: the posting is entry {sequence} of the public ledger, chained up to the "
        "current head (entry {head}). Your browser recomputed every hash itself.",
    ),
    "civic.verify.failed": (
        "KHÔNG kiểm chứng được: bằng chứng không khớp (xem các bước dưới đây).",
        "NOT verified: the proof does not match (see the steps below).",
    ),
    "civic.verify.unreachable": (
        "Không lấy được bằng chứng lúc này. Vui lòng thử lại sau.",
        "The proof could not be read now. Please try again later.",
    ),
    "civic.verify.passed": ("Đạt:", "Passed:"),
    "civic.verify.not_passed": ("KHÔNG đạt:", "FAILED:"),
    "civic.verify.hash": ("Mã băm của mục:", "The entry's hash:"),
    "civic.verify.check.posting": ("bằng chứng đúng là của tin này", "the proof is this posting's"),
    "civic.verify.check.title": (
        "tiêu đề được ghi trong sổ cái trùng với tiêu đề trên trang",
        "the recorded title is the one on this page",
    ),
    "civic.verify.check.canonical": (
        "văn bản được băm đúng là nội dung tin (JSON chuẩn hóa RFC 8785)",
        "the hashed text is the posting's content (RFC 8785 canonical JSON)",
    ),
    "civic.verify.check.entry": (
        "mã băm SHA-256 của mục được tính lại khớp",
        "the entry's SHA-256 hash recomputes",
    ),
    "civic.verify.check.chain": (
        "các mục ghi sau nối liền và được tính lại khớp",
        "every later entry chains and recomputes",
    ),
    "civic.verify.check.head": (
        "chuỗi dẫn đến đúng đầu chuỗi trong bằng chứng",
        "the chain leads to the proof's head",
    ),
    "civic.verify.check.ward_head": (
        "đầu chuỗi trùng với đầu sổ cái của phường, đọc riêng",
        "that head is the ward's ledger head, read separately",
    ),
    "civic.verify.city": (
        "Có thể đối chiếu thêm đầu chuỗi với bản sao thành phố lưu giữ:",
        "You can also compare the head with the city's copy:",
    ),
}

# DEC-TOPIC: what residents decide, by the topic number the plans service stores.
DECISION_TOPICS: Final[dict[str, tuple[str, str]]] = {
    "1": ("Công trình, hạ tầng do Nhân dân đóng góp", "Resident-funded infrastructure"),
    "2": ("Thu, chi, quản lý các khoản đóng góp, quỹ cộng đồng", "Community funds"),
    "3": ("Hương ước, quy ước", "Residential conventions"),
    "4": ("Bầu, cho thôi làm Tổ trưởng tổ dân phố", "Electing or dismissing the group head"),
    "5": (
        "Bầu, cho thôi làm thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư cộng đồng",
        "Electing inspection-board and investment-board members",
    ),
    "6": ("Các công việc tự quản khác", "Other self-managed matters"),
}
DECISION_FORMS: Final[dict[str, tuple[str, str]]] = {
    "meeting": ("Họp cộng đồng dân cư", "A community meeting"),
    "ballot": ("Phát phiếu lấy ý kiến hộ gia đình", "A household ballot"),
    "online": ("Biểu quyết trực tuyến", "An online vote"),
}
DECISION_STATUSES: Final[dict[str, tuple[str, str]]] = {
    "open": ("Đang biểu quyết", "Voting"),
    "closed": ("Đã có kết quả, chờ công nhận", "Result recorded, awaiting recognition"),
    "recognised": ("Kết quả đã được công nhận", "Result recognised"),
    "refused": ("Kết quả bị từ chối công nhận", "Recognition refused"),
}
PLAN_STATUSES: Final[dict[str, tuple[str, str]]] = {
    "draft": ("Dự thảo", "Draft"),
    "adopted": ("Đã ban hành", "Adopted"),
    "reported": ("Đã báo cáo kết quả", "Reported"),
}
TASK_STATES: Final[dict[str, tuple[str, str]]] = {
    "done": ("Đã xong", "Done"),
    "in_progress": ("Đang thực hiện", "In progress"),
    "overdue": ("Quá hạn", "Overdue"),
    "cancelled": ("Đã hủy", "Cancelled"),
}
POSITIONS: Final[dict[str, tuple[str, str]]] = {
    "head": ("Trưởng Ban Chỉ đạo", "Head of the steering committee"),
    "deputy_head": ("Phó Trưởng Ban Chỉ đạo", "Deputy head of the steering committee"),
    "member": ("Thành viên Ban Chỉ đạo", "Member of the steering committee"),
}
# English glosses of the eight task groups (DOMAIN.md); the Vietnamese is the plan's own.
TASK_GROUPS_EN: Final[dict[int, str]] = {
    1: "Propaganda and dissemination of the law",
    2: "Democracy tied to the political tasks; thematic conferences",
    3: "Democracy tied to administrative reform; posting administrative procedures",
    4: "Leaders' example; citizen reception, dialogue, answers to petitions",
    5: "Publicity of plans, programmes and projects, with residents' comments",
    6: "Inspection and supervision against bureaucracy, corruption and waste",
    7: "Consolidating the steering committee and its working rules",
    8: "Enabling the Front and mass organisations to supervise and criticise",
}

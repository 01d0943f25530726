"""The portal's words in Vietnamese (the default) and English: its sentences, the disclosure
categories (Law 10/2022 Art. 11, PUB-CAT), the petition kinds, statuses and steps. No legal
figure is written here: each comes from the rule table in force (``kinds.py``)."""

from __future__ import annotations

from typing import Any, Final

from qcdc_gateway.portal import (
    texts_civic,
    texts_filing,
    texts_inspector,
    texts_officer,
    texts_oidc,
)
from qcdc_gateway.web.i18n import Translator

_OWN: Final[dict[str, tuple[str, str]]] = {
    "site": ("Cổng thông tin phường", "Ward portal"),
    "nav": ("Các trang của phường", "The ward's pages"),
    "nav.home": ("Trang chủ phường", "Ward home"),
    "nav.board": ("Bảng tin công khai", "Notice board"),
    "nav.track": ("Tra cứu đơn", "Track a petition"),
    "nav.file": ("Gửi phản ánh, kiến nghị, khiếu nại, tố cáo", "File a petition"),
    "nav.reception": ("Lịch tiếp công dân", "Citizen reception schedule"),
    "nav.rules": ("Quy tắc pháp lý", "Legal rules"),
    "nav.city": ("Giám sát của thành phố", "The city's monitor"),
    "home.intro": (
        "Thông tin phường công khai cho người dân, đơn thư và việc tra cứu kết quả giải quyết.",
        "What the ward discloses to its residents, petitions and how to follow them.",
    ),
    "home.current": ("Tin đang công khai", "Postings on display"),
    "home.more": ("Xem toàn bộ bảng tin theo nhóm nội dung", "The whole notice board by category"),
    "postings.none": ("Hiện không có tin nào đang công khai.", "No posting is on display now."),
    "postings.count": ("{count} tin đang công khai.", "{count} postings on display."),
    "posting.category": ("Nhóm nội dung", "Category"),
    "posting.since": ("Công khai từ", "On display since"),
    "posting.until": ("Thời hạn công khai", "Displayed until"),
    "posting.until.date": ("ít nhất đến hết ngày {day}", "at least to the end of {day}"),
    "posting.permanent": ("niêm yết thường xuyên", "posted permanently"),
    "posting.no_minimum": ("không có thời hạn tối thiểu", "no minimum period"),
    "board.intro": (
        "Mọi tin phường đang công khai, theo nhóm nội dung của Điều 11 Luật Thực hiện dân chủ "
        "ở cơ sở, mỗi tin với thời hạn công khai và quy tắc áp dụng.",
        "Every posting the ward has on display, by the categories of Art. 11 of the Law on "
        "Implementing Democracy at the Grassroots, each with its period and rule.",
    ),
    "board.rule": ("Quy tắc", "Rule"),
    "track.intro": (
        "Nhập mã theo dõi ghi trên giấy biên nhận khi gửi đơn để xem đơn đang ở bước nào.",
        "Enter the tracking code you received when you filed to see where your petition is.",
    ),
    "track.code": ("Mã theo dõi", "Tracking code"),
    "track.code.help": ("Ví dụ: BT-7K4M-Q9XD-R2HW-C8NP", "For example: BT-7K4M-Q9XD-R2HW-C8NP"),
    "track.submit": ("Tra cứu", "Look up"),
    "track.unknown": (
        "Không có đơn nào với mã theo dõi {code}. Hãy kiểm tra lại mã trên giấy biên nhận.",
        "No petition has the tracking code {code}. Check the code on your receipt.",
    ),
    "track.malformed": (
        "Mã theo dõi không đúng dạng: gồm chữ viết tắt của phường và các nhóm chữ, số nối bằng "
        "dấu gạch ngang.",
        "That is not a tracking code: the ward's initials, then groups of letters and digits "
        "joined by hyphens.",
    ),
    "track.limited": (
        "Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút.",
        "Too many lookups in a short time. Try again in a few minutes.",
    ),
    "track.result": ("Đơn {code}", "Petition {code}"),
    "track.kind": ("Loại đơn", "Kind"),
    "track.status": ("Tình trạng", "Status"),
    "track.received": ("Ngày nhận", "Received on"),
    "track.deadlines": ("Thời hạn giải quyết", "Deadlines"),
    "track.due": ("Hạn", "Due"),
    "track.met": ("Kết quả", "Outcome"),
    "track.met.true": ("đã làm đúng hạn", "done in time"),
    "track.met.false": ("trễ hạn", "late"),
    "track.met.none": ("đang chạy", "running"),
    "track.history": ("Các bước đã qua", "Steps so far"),
    "track.when": ("Thời điểm", "When"),
    "track.step": ("Bước", "Step"),
    "track.detail": ("Chi tiết", "Detail"),
    "track.answer": ("Trả lời của phường", "The ward's answer"),
    "track.answered_at": ("Trả lời lúc {when}", "Answered at {when}"),
    "track.no_answer": ("Phường chưa trả lời.", "The ward has not answered yet."),
    "track.escalated": (
        "Đã chuyển lên thành phố theo quy tắc: {rules}",
        "Escalated to the city under: {rules}",
    ),
    "file.intro": (
        "Chọn đúng loại đơn: mỗi loại có thủ tục và thời hạn giải quyết riêng theo pháp luật. "
        "Thời hạn dưới đây lấy từ bảng quy tắc đang có hiệu lực hôm nay ({day}).",
        "Choose the right kind: each has its own procedure and legal deadlines. The periods "
        "below are read from the rule table in force today ({day}).",
    ),
    "file.deadlines": ("Thời hạn áp dụng", "Deadlines that apply"),
    "deadline.how": ("Cách tính thời hạn", "How the deadline is counted"),
    "field.title": ("Tiêu đề", "Title"),
    "field.body": ("Nội dung", "What happened"),
    "field.location": ("Địa điểm (nếu có)", "Place (if any)"),
    "field.group": ("Mã tổ dân phố (nếu biết)", "Residential group code (if known)"),
    "field.act_date": (
        "Ngày bạn biết được quyết định, hành vi bị khiếu nại",
        "The day you learned of the decision or act",
    ),
    "field.name": ("Họ và tên", "Full name"),
    "field.address": ("Địa chỉ", "Address"),
    "field.phone": ("Số điện thoại (nếu muốn được liên hệ)", "Phone (if you want a call)"),
    "field.anonymous": (
        "Gửi nặc danh (không được xử lý như tố cáo, chỉ lưu làm nguồn tin)",
        "Send anonymously (not handled as a denunciation; kept as a lead)",
    ),
    "field.petitioner": ("Người gửi", "Who is sending"),
    "field.confidential": (
        "Họ tên, địa chỉ và mọi thông tin có thể nhận ra người tố cáo được giữ bí mật "
        "(DEN-SECRET).",
        "The denouncer's name, address and anything that could identify them stay confidential "
        "(DEN-SECRET).",
    ),
    "reception.intro": (
        "Các buổi lãnh đạo phường tiếp công dân đã niêm yết, từ hôm nay ({day}).",
        "The sessions where the ward's leaders receive citizens, as posted, from today ({day}).",
    ),
    "reception.none": (
        "Chưa có buổi tiếp công dân nào được niêm yết từ hôm nay.",
        "No reception session is posted from today on.",
    ),
    "reception.day": ("Ngày", "Day"),
    "reception.host": ("Người tiếp", "Received by"),
    "reception.place": ("Địa điểm", "Place"),
    "reception.form": ("Hình thức", "Form"),
    "reception.status": ("Tình trạng", "Status"),
    "reception.rule": (
        "Số buổi tiếp tối thiểu và thời hạn niêm yết lịch theo quy tắc",
        "The fewest sessions and how early the schedule is posted, per",
    ),
    "error.title": ("Lỗi {status}", "Error {status}"),
    "error.ward": ("Không có phường {slug}.", "No ward {slug}."),
    "error.service": (
        "Dịch vụ {service} của phường hiện không trả lời. Vui lòng thử lại sau ít phút.",
        "The ward's {service} service is not answering. Please try again in a few minutes.",
    ),
    "error.unreadable": (
        "Dịch vụ của phường đã trả lời nhưng cổng không đọc được câu trả lời. Việc bạn vừa làm "
        "có thể đã được ghi nhận: hãy xem lại danh sách trước khi làm lại.",
        "The ward's service answered, but the portal could not read the answer. What you just "
        "did may have been recorded: check the list before trying again.",
    ),
    "error.home": ("Về trang chủ phường", "Back to the ward's home"),
    "error.city": ("Về trang của thành phố", "Back to the city's pages"),
    "footer": (
        "Cổng thông tin của phường: thông tin công khai theo Luật Thực hiện dân chủ ở cơ sở.",
        "The ward's portal: disclosures under the Law on Implementing Democracy at the Grassroots.",
    ),
    "signin.title": ("Đăng nhập", "Sign in"),
    "signin.intro": (
        "Bản phát triển: chọn vai trò, phường và tên để thử cổng thông tin. Khi vận hành thật, "
        "người dân và cán bộ đăng nhập bằng tài khoản của thành phố.",
        "Development edition: choose a role, a ward and a name to try the portal. In "
        "production, residents and staff sign in with the city's accounts.",
    ),
    "signin.name": ("Họ và tên", "Name"),
    "signin.role": ("Vai trò", "Role"),
    "signin.ward": ("Phường", "Ward"),
    "signin.ward.none": ("Không chọn (người dân)", "None (a resident)"),
    "signin.submit": ("Đăng nhập", "Sign in"),
    "signin.as": ("Đang đăng nhập: {name} ({role})", "Signed in: {name} ({role})"),
    "signin.out": ("Đăng xuất", "Sign out"),
    "signin.production": (
        "Trang đăng nhập thử chỉ có ở bản phát triển. Hãy đăng nhập bằng tài khoản của thành phố.",
        "The trial sign-in exists only in development. Sign in with the city's account.",
    ),
    "signin.name.missing": ("Hãy nhập họ và tên.", "Enter a name."),
    "signin.role.unknown": (
        "Hãy chọn một vai trò trong danh sách.",
        "Choose a role from the list.",
    ),
    "signin.ward.needed": (
        "Cán bộ, Ban thanh tra nhân dân và Mặt trận cần chọn phường của mình.",
        "Officers, the inspection board and the Front choose their ward.",
    ),
    "signin.ward.unknown": ("Không có phường này.", "There is no such ward."),
    "csrf.refused": (
        "Biểu mẫu đã hết hiệu lực hoặc không gửi từ trang của cổng. Hãy tải lại trang và gửi lại.",
        "The form has expired or did not come from the portal's page. Reload the page and send "
        "it again.",
    ),
    "nav.staff.officer": ("Việc của cán bộ", "Officer's work"),
    "nav.staff.oversight": ("Giám sát", "Oversight"),
}

# Law 10/2022/QH15 Art. 11: what each disclosure category covers (DOMAIN.md PUB-CAT).
# Each area of the portal keeps its words beside its pages; one key means one thing everywhere.
TEXTS: Final[dict[str, tuple[str, str]]] = {
    **_OWN,
    **texts_filing.TEXTS,
    **texts_civic.TEXTS,
    **texts_officer.TEXTS,
    **texts_inspector.TEXTS,
    **texts_oidc.TEXTS,
}

CATEGORY_NAMES: Final[dict[int, tuple[str, str]]] = {
    1: ("Kế hoạch và kết quả phát triển kinh tế - xã hội", "Socio-economic plan and results"),
    2: ("Dự toán, thực hiện và quyết toán ngân sách", "Budget estimates, execution, accounts"),
    3: (
        "Dự án đầu tư, thu hồi đất, bồi thường, tái định cư, quy hoạch",
        "Investment projects, land recovery, compensation, resettlement, plans",
    ),
    4: ("Quy chế dân chủ, nhiệm vụ và đạo đức cán bộ", "Democracy rules, officials' duties"),
    5: ("Đóng góp của nhân dân và các quỹ", "Residents' contributions and funds"),
    6: ("Tài sản công", "Public assets"),
    7: ("Đối tượng hưởng chính sách an sinh xã hội", "Social-support beneficiaries"),
    8: ("Cứu trợ thiên tai", "Disaster relief"),
    9: ("Danh sách gọi nhập ngũ", "Conscription lists"),
    10: (
        "Kết quả thanh tra, phòng chống tham nhũng, lấy phiếu tín nhiệm",
        "Inspection and anti-corruption results, confidence votes",
    ),
    11: ("Lấy ý kiến nhân dân và kết quả", "Consultations and their results"),
    12: ("Phí, lệ phí", "Fees and charges"),
    13: ("Thủ tục hành chính", "Administrative procedures"),
    14: ("Nội dung khác theo quy định", "Other items required by law"),
}

KINDS: Final[dict[str, tuple[str, str]]] = {
    "feedback": ("Phản ánh, kiến nghị", "Feedback or recommendation"),
    "complaint": ("Khiếu nại", "Complaint"),
    "denunciation": ("Tố cáo", "Denunciation"),
    "information_request": ("Yêu cầu cung cấp thông tin", "Information request"),
    "lead": ("Tin báo nặc danh", "Anonymous lead"),
}
KIND_HELP: Final[dict[str, tuple[str, str]]] = {
    "feedback": (
        "Báo cho phường biết một việc cần sửa (đường hư, rác, mất trật tự...) hoặc đề xuất cách "
        "làm tốt hơn. Việc không thuộc thẩm quyền của phường được chuyển đến nơi có thẩm quyền.",
        "Tell the ward about something to fix (a broken road, rubbish, disorder...) or suggest "
        "a better way. What the ward cannot decide is forwarded to whoever can.",
    ),
    "complaint": (
        "Đề nghị xem xét lại một quyết định hoặc hành vi hành chính của phường, cán bộ phường "
        "mà bạn cho là trái pháp luật và xâm phạm quyền, lợi ích của chính bạn. Khiếu nại phải "
        "ghi rõ họ tên, địa chỉ.",
        "Ask for a review of a decision or act of the ward or its officials that you believe "
        "is unlawful and harms your own rights. A complaint names you and your address.",
    ),
    "denunciation": (
        "Báo cho cơ quan có thẩm quyền biết hành vi vi phạm pháp luật của bất kỳ ai gây thiệt "
        "hại cho Nhà nước, tập thể hoặc người khác. Danh tính người tố cáo được giữ bí mật.",
        "Report anyone's breach of the law that harms the State, a community or others. The "
        "denouncer's identity is kept confidential.",
    ),
    "information_request": (
        "Yêu cầu phường cung cấp thông tin mà phường tạo ra hoặc đang giữ (Luật Tiếp cận thông "
        "tin). Thông tin đã công khai thì xem trên bảng tin.",
        "Ask the ward for information it made or holds (Law on Access to Information). What is "
        "already disclosed is on the notice board.",
    ),
}
STATUSES: Final[dict[str, tuple[str, str]]] = {
    "received": ("Phường đã nhận đơn", "The ward has received it"),
    "accepted": ("Phường đã thụ lý để giải quyết", "The ward has taken it up"),
    "refused": ("Phường từ chối thụ lý (có nêu lý do)", "The ward refused it, with reasons"),
    "forwarded": (
        "Đã chuyển đến cơ quan có thẩm quyền",
        "Forwarded to the competent authority",
    ),
    "assigned": ("Cán bộ phường đang xử lý", "An officer of the ward is handling it"),
    "suspended": ("Tạm đình chỉ giải quyết", "Resolution suspended"),
    "answered": ("Phường đã trả lời", "The ward has answered"),
    "withdrawn": ("Người gửi đã rút đơn", "Withdrawn by the petitioner"),
    "closed": ("Đã kết thúc", "Closed"),
}
STEPS: Final[dict[str, tuple[str, str]]] = {
    "received": ("nhận đơn", "received"),
    "accepted": ("thụ lý", "taken up"),
    "refused": ("từ chối thụ lý", "refused"),
    "forwarded": ("chuyển cơ quan có thẩm quyền", "forwarded"),
    "assigned": ("giao cán bộ xử lý", "assigned to an officer"),
    "suspended": ("tạm đình chỉ", "suspended"),
    "resumed": ("tiếp tục giải quyết", "resumed"),
    "extended": ("gia hạn giải quyết", "extended"),
    "answered": ("trả lời", "answered"),
    "overdue": ("quá hạn", "overdue"),
    "escalated": ("chuyển lên thành phố", "escalated to the city"),
    "withdrawn": ("rút đơn", "withdrawn"),
    "withdrawn_in_part": ("rút một phần", "withdrawn in part"),
    "decision_published": ("công khai quyết định", "decision published"),
    "denouncer_notified": ("thông báo cho người tố cáo", "denouncer notified"),
    "closed": ("kết thúc", "closed"),
}
HOSTS: Final[dict[str, tuple[str, str]]] = {
    "chair": ("Chủ tịch UBND phường", "Chair of the ward's people's committee"),
    "party_secretary": ("Bí thư Đảng ủy phường", "Secretary of the ward's Party committee"),
    "other_leader": ("Lãnh đạo khác của phường", "Another leader of the ward"),
}
SESSION_FORMS: Final[dict[str, tuple[str, str]]] = {
    "in_person": ("trực tiếp tại trụ sở", "in person"),
    "online": ("trực tuyến", "online"),
}
SESSION_STATUSES: Final[dict[str, tuple[str, str]]] = {
    "scheduled": ("đã lên lịch", "scheduled"),
    "held": ("đã tổ chức", "held"),
    "not_held": ("không tổ chức", "not held"),
}
DETAIL: Final[dict[str, tuple[str, str]]] = {
    "rule": ("quy tắc", "rule"),
    "reason": ("lý do", "reason"),
    "to": ("chuyển đến", "to"),
    "due": ("hạn", "due"),
    "on_time": ("đúng hạn", "on time"),
    "by": ("đến", "by"),
    "whole": ("toàn bộ", "whole"),
    "form": ("hình thức", "form"),
    "posted_until": ("công khai đến", "posted until"),
}

ROLE_NAMES: Final[dict[str, tuple[str, str]]] = {
    "citizen": ("Người dân", "Resident"),
    "officer": ("Cán bộ phường", "Ward officer"),
    "inspector": ("Ban thanh tra nhân dân", "People's inspection board"),
    "front": ("Mặt trận Tổ quốc", "Fatherland Front"),
}


class PortalTranslator(Translator):
    """The dashboard's translator (dates, words) with the portal's own sentences."""

    def __call__(self, key: str, **values: Any) -> str:
        pair = TEXTS.get(key)
        if pair is None:
            return super().__call__(key, **values)
        return (pair[0] if self.lang == "vi" else pair[1]).format(**values)

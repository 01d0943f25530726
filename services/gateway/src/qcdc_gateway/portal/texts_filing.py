"""The portal's filing words, Vietnamese first (merged into ``texts.TEXTS``)."""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, tuple[str, str]]] = {
    "filing.signed_out": (
        "Ai cũng xem được các mẫu đơn dưới đây. Để gửi đơn, bạn cần đăng nhập với vai trò "
        "người dân; đơn gửi nặc danh cũng cần đăng nhập, nhưng không gắn với tài khoản của bạn.",
        "Anyone may read the forms below. To send one, sign in as a resident; an anonymous "
        "petition needs the sign-in too, but is not linked to your account.",
    ),
    "filing.signed_out.link": ("Đăng nhập để gửi đơn", "Sign in to send"),
    "filing.signed_in": (
        "Bạn đang đăng nhập với tên {name}. Cán bộ phường không thấy tài khoản của bạn; họ tên, "
        "địa chỉ ghi trong đơn được mã hóa khi lưu và chỉ cán bộ được giao xử lý mới xem được.",
        "You are signed in as {name}. The ward's staff do not see your account; the name and "
        "address in your petition are encrypted when stored and only the officer handling it "
        "may read them.",
    ),
    "filing.staff": (
        "Các mẫu này dành cho người dân; bạn đang đăng nhập với vai trò {role}. Đơn nhận qua "
        "bưu điện hoặc nộp trực tiếp do cán bộ vào sổ ở trang của cán bộ.",
        "These forms are for residents; you are signed in as {role}. Petitions received by post "
        "or in person are recorded by an officer on the officer's pages.",
    ),
    "filing.submit": ("Gửi đơn", "Send"),
    "filing.submit.locked": (
        "Gửi đơn (cần đăng nhập với vai trò người dân)",
        "Send (sign in as a resident)",
    ),
    "filing.identity": (
        "Ghi họ tên và địa chỉ của bạn, hoặc chọn gửi nặc danh.",
        "Give your name and address, or choose to send anonymously.",
    ),
    "filing.identity.complaint": (
        "Khiếu nại phải ghi rõ họ tên, địa chỉ người khiếu nại; không gửi nặc danh được.",
        "A complaint names the complainant and their address; it cannot be anonymous.",
    ),
    "filing.identity.information_request": (
        "Yêu cầu cung cấp thông tin phải ghi rõ họ tên, địa chỉ người yêu cầu (Luật Tiếp cận "
        "thông tin, Điều 24); không gửi nặc danh được.",
        "An information request names the requester and their address (Law on Access to "
        "Information, Art. 24); it cannot be anonymous.",
    ),
    "filing.anonymous.feedback": (
        "Gửi nặc danh: không kèm họ tên, địa chỉ và không gắn với tài khoản của bạn. Phường "
        "không liên hệ lại được với bạn; hãy theo dõi kết quả bằng mã theo dõi",
        "Send anonymously: no name or address, not linked to your account. The ward cannot "
        "contact you; follow the result with the tracking code",
    ),
    "filing.anonymous.denunciation": (
        "Gửi nặc danh: không kèm họ tên, địa chỉ và không gắn với tài khoản của bạn. Tin báo "
        "nặc danh không được xử lý như tố cáo, chỉ được lưu làm nguồn tin",
        "Send anonymously: no name or address, not linked to your account. An anonymous report "
        "is not handled as a denunciation; it is kept as a lead",
    ),
    "filing.anonymous.dropped": (
        "Khi chọn gửi nặc danh, họ tên, địa chỉ và số điện thoại đã ghi sẽ không được gửi đi.",
        "When you send anonymously, the name, address and phone typed above are not sent.",
    ),
    "filing.kind.unknown": (
        "Không rõ loại đơn. Hãy chọn một trong các mẫu dưới đây.",
        "Unknown kind of petition. Use one of the forms below.",
    ),
    "filing.signed_out.refused": (
        "Đơn chưa được gửi: bạn chưa đăng nhập hoặc phiên đăng nhập đã hết. Nội dung bạn ghi vẫn "
        "còn dưới đây; hãy sao lại, đăng nhập rồi gửi lại.",
        "Not sent: you are not signed in, or your session has ended. What you typed is still "
        "below; copy it, sign in and send again.",
    ),
    "filing.residents_only": (
        "Đơn chưa được gửi: mẫu này dành cho người dân, bạn đang đăng nhập với vai trò {role}.",
        "Not sent: this form is for residents, and you are signed in as {role}.",
    ),
    "filing.anonymous.refused": (
        "Đơn chưa được gửi: loại đơn này phải ghi rõ họ tên, địa chỉ, không gửi nặc danh được.",
        "Not sent: this kind of petition names the petitioner; it cannot be anonymous.",
    ),
    "filing.not_sent": ("Đơn chưa được gửi.", "Not sent."),
    "filing.receipt.title": ("Phường đã nhận đơn của bạn", "The ward has received your petition"),
    "filing.receipt.code": ("Mã theo dõi của bạn", "Your tracking code"),
    "filing.receipt.keep": (
        "Hãy ghi lại mã này hoặc in trang này: chỉ người giữ mã mới tra cứu được đơn, và phường "
        "không gửi lại mã cho bạn.",
        "Write this code down or print this page: only the holder of the code can follow the "
        "petition, and the ward does not send it again.",
    ),
    "filing.receipt.due": ("Hạn phường phải làm bước tiếp theo", "The ward's next step is due"),
    "filing.receipt.deadlines": ("Thời hạn của đơn", "The petition's deadlines"),
    "filing.receipt.lead": (
        "Tin báo nặc danh không phải là tố cáo nên không có thời hạn giải quyết; phường lưu "
        "làm nguồn tin để kiểm tra",
        "An anonymous report is not a denunciation, so no resolution deadline runs; the ward "
        "keeps it as a lead to check",
    ),
    "filing.unreadable": (
        "Đơn đã được gửi, nhưng cổng không đọc được câu trả lời của phường nên chưa thể hiện mã "
        "theo dõi. Đừng gửi lại ngay: hãy tra cứu đơn sau, hoặc hỏi bộ phận tiếp nhận của phường.",
        "The petition was sent, but the portal could not read the ward's answer, so it cannot "
        "show the tracking code. Please do not send it again straight away: track it later, or "
        "ask the ward's reception desk.",
    ),
    "filing.receipt.later": (
        "Lúc này chưa đọc được thời hạn của đơn. Đơn đã được gửi và mã theo dõi vẫn giữ nguyên; "
        "hãy tra cứu lại sau ít phút.",
        "The petition's deadlines cannot be read just now. It has been sent and the code stays "
        "the same; look it up again in a few minutes.",
    ),
    "filing.receipt.track": ("Tra cứu đơn này", "Track this petition"),
    "filing.receipt.another": ("Gửi đơn khác", "File another petition"),
}

"""A request body an outside system can send as is, for every write of the petitions service:
shown in the OpenAPI (Swagger UI, ReDoc) through each body model's ``json_schema_extra``.

Every person is invented ("Nguyễn Văn A"), every phone number and identity number is zeros, so
no example can ever be somebody's personal data. The dates sit in early 2027, in the order a
petition lives (received, accepted, extended, answered). tests/contract/
test_openapi_examples.py holds every example to its model; an integration test sends the
petition to a running service.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import ConfigDict


def of(*bodies: dict[str, Any]) -> ConfigDict:
    """The model's OpenAPI examples. Pydantic merges them with the settings a body model
    inherits; a model with settings of its own adds them with ``|``."""
    return ConfigDict(json_schema_extra={"examples": list(bodies)})


# Obviously not a real number or identity card, yet of the shape the model accepts.
FAKE_PHONE: Final = "0000 000 000"
FAKE_ID_NUMBER: Final = "000000000000"
PETITION_ID: Final = "7d3f9b2a-4c1e-4b8d-a6f5-0e2c9d8b1a43"  # as the service gave it (uuid4)

PETITION: Final = {
    "kind": "feedback",
    "title": "Đèn chiếu sáng hẻm 12 tổ dân phố 5 bị hỏng",
    "body": "Ba bóng đèn chiếu sáng trong hẻm 12 đã hỏng hơn hai tuần, buổi tối hẻm rất tối, "
    "người đi bộ và học sinh đi học về không an toàn. Đề nghị UBND phường cho sửa chữa.",
    "group": "TDP-05",
    "location": "Hẻm 12, tổ dân phố 5",
    "petitioner": {
        "name": "Nguyễn Văn A",
        "address": "Số 1, hẻm 12, tổ dân phố 5",
        "phone": FAKE_PHONE,
    },
}
# An officer enters a complaint that came by post: the day it arrived, and the day the
# complainant learnt of the act (CMP-FILE counts from it).
PAPER_COMPLAINT: Final = {
    "kind": "complaint",
    "title": "Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng",
    "body": "Tôi khiếu nại Quyết định xử phạt vi phạm hành chính ngày 20/12/2026 của Chủ tịch "
    "UBND phường vì phần mái che đã được xây dựng trước khi có quy định hạn chế.",
    "act_date": "2026-12-22",
    "received_at": "2027-01-04",
    "channel": "post",
    "petitioner": {
        "name": "Trần Thị B",
        "address": "Số 3, hẻm 12, tổ dân phố 5",
        "phone": FAKE_PHONE,
        "id_number": FAKE_ID_NUMBER,
    },
}
ACCEPT: Final = {
    "complex_reason": "Vụ việc liên quan đến nhiều hộ dân và phải xác minh tại hiện trường.",
}
REFUSE: Final = {
    "reason": "Khiếu nại đã được giải quyết bằng quyết định có hiệu lực pháp luật; không thuộc "
    "trường hợp được thụ lý.",
}
FORWARD: Final = {
    "to": "Sở Nông nghiệp và Môi trường Thành phố",
    "reason": "Nội dung đơn thuộc thẩm quyền giải quyết của cơ quan chuyên môn cấp trên.",
}
ASSIGN: Final = {"handler": "can-bo-dia-chinh-1"}
EXTEND: Final = {"reason": "Cần xác minh thêm tại hiện trường và lấy ý kiến các hộ liền kề."}
NOTIFY: Final = {"notified_at": "2027-01-12T09:00:00+07:00"}
ANSWER: Final = {
    "text": "Ngày 08/01/2027, UBND phường đã phối hợp đơn vị chiếu sáng công cộng thay ba bóng "
    "đèn trong hẻm 12; hệ thống chiếu sáng đã hoạt động bình thường.",
    "public_interest": True,
    "public_title": "Sửa đèn chiếu sáng hẻm 12 tổ dân phố 5",
}
ESCALATE: Final = {
    "tracking_code": "BT-7K4M-Q9XD-R2HW-C8NP",
    "reason": "Đã quá hạn giải quyết mà chưa nhận được trả lời.",
}
SUSPEND: Final = {
    "reason": "Chờ kết quả giải quyết của Tòa án nhân dân về tranh chấp đất đai liên quan.",
}
WITHDRAW: Final = {
    "whole": False,
    "part": "Nội dung khiếu nại về mức phạt tiền.",
    "request_on": "2027-02-03",
}
PUBLISH: Final = {"form": "posting", "published_at": "2027-02-10T08:00:00+07:00"}

RECEPTION: Final = {
    "host": "chair",
    "session_on": "2027-01-14",
    "posted_on": "2027-01-05",
    "location": "Phòng tiếp công dân, trụ sở UBND phường",
    "form": "in_person",
}
RECEPTION_HELD: Final = {"held": True}
RECEPTION_NOT_HELD: Final = {
    "held": False,
    "reason": "Chủ tịch UBND phường dự họp đột xuất tại Thành phố; buổi tiếp được bố trí lại.",
}
ENTRY: Final = {
    "subject": "Đề nghị hướng dẫn thủ tục cấp giấy chứng nhận quyền sử dụng đất cho phần đất "
    "thừa kế.",
    "received_at": "2027-01-14T08:30:00+07:00",
    "petition_id": PETITION_ID,
    "visitor": {"name": "Lê Văn C", "address": "Tổ dân phố 3", "phone": FAKE_PHONE},
}
REPLY: Final = {
    "text": "Đã hướng dẫn công dân nộp hồ sơ tại Bộ phận một cửa của phường; thời hạn giải "
    "quyết theo thủ tục hành chính được niêm yết.",
    "replied_at": "2027-01-14T09:15:00+07:00",
}

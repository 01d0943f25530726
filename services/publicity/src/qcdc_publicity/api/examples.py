"""A request body an outside system can send as is, for every write of the publicity service:
shown in the OpenAPI (Swagger UI, ReDoc) through each body model's ``json_schema_extra``.

The main one is what a ward posts most: its budget estimate for the year (one of the
categories of Law 10/2022 Art. 11), decided on 4 January 2027 and posted on the notice board
and the portal.
tests/contract/test_openapi_examples.py holds every example to its model; an integration test
sends the posting to a running service.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import ConfigDict


def of(*bodies: dict[str, Any]) -> ConfigDict:
    """The model's OpenAPI examples. Pydantic merges them with the settings a body model
    inherits; a model with settings of its own adds them with ``|``."""
    return ConfigDict(json_schema_extra={"examples": list(bodies)})


_BUDGET_TEXT: Final = (
    "Ủy ban nhân dân phường công khai dự toán ngân sách phường năm 2027: tổng thu ngân sách "
    "trên địa bàn 18.450 triệu đồng; tổng chi ngân sách phường 18.450 triệu đồng, trong đó chi "
    "đầu tư phát triển 4.200 triệu đồng, chi thường xuyên 13.880 triệu đồng, dự phòng 370 "
    "triệu đồng. Chi tiết tại biểu kèm theo."
)
_BUDGET_TABLE: Final = {
    "name": "Biểu dự toán ngân sách phường năm 2027.pdf",
    "url": "https://phuong.example.org/cong-khai/du-toan-ngan-sach-2027.pdf",
    "sha256": "3b1f5c0e9a7d2468ace13579bdf02468ace13579bdf02468ace13579bdf02468",
}
POSTING: Final = {
    "category": 2,
    "title": "Dự toán ngân sách phường năm 2027",
    "body": _BUDGET_TEXT,
    "channels": ["notice_board", "portal"],
    "attachments": [_BUDGET_TABLE],
    "decided_on": "2027-01-04",
}
CONTENT: Final = {
    "title": "Dự toán ngân sách phường năm 2027 (điều chỉnh biểu chi tiết)",
    "body": _BUDGET_TEXT,
    "channels": ["notice_board", "portal"],
    "attachments": [_BUDGET_TABLE],
}
PUBLISH: Final = {"published_at": "2027-01-06T08:00:00+07:00"}
GROUP_HEADS: Final = {"sent_at": "2027-01-06T09:00:00+07:00"}
WITHDRAW: Final = {"reason": "Văn bản đã được thay thế bằng dự toán điều chỉnh."}

CONSULTATION: Final = {
    "title": "Dự thảo Quy ước về nếp sống văn minh tổ dân phố 5",
    "draft": "Điều 1. Giữ gìn vệ sinh chung: mỗi hộ tham gia tổng vệ sinh đường hẻm vào sáng "
    "Chủ nhật cuối tháng.\nĐiều 2. Giữ trật tự: không gây ồn ào sau 22 giờ.\nĐiều 3. Tổ dân phố "
    "tổng kết việc thực hiện Quy ước vào cuối năm.",
}
COMMENT: Final = {
    "text": "Đề nghị Điều 2 cho phép các hộ có đám cưới, đám tang được kéo dài đến 23 giờ.",
    "show_name": False,
}
CLOSE: Final = {
    "accepted": [
        {
            "point": "Bổ sung trường hợp hiếu, hỷ vào Điều 2.",
            "reason": "Phù hợp phong tục và được đa số ý kiến tán thành.",
        }
    ],
    "rejected": [
        {
            "point": "Bỏ quy định tổng vệ sinh hằng tháng.",
            "reason": "Vệ sinh đường hẻm là việc chung, cần duy trì định kỳ.",
        }
    ],
}

"""A request body an outside system can send as is, for every write of the oversight service:
shown in the OpenAPI (Swagger UI, ReDoc) through each body model's ``json_schema_extra``.

The people's inspection board checks how the ward posted its 2027 budget: the plan filed on
5 January 2027, nine working days before the inspection starts (OVS-PLAN asks for five), then
a finding that cites the posting, a report, a recommendation and the ward's answer. Members
are invented people. tests/contract/test_openapi_examples.py holds every example to its model;
an integration test sends the inspection to a running service.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import ConfigDict


def of(*bodies: dict[str, Any]) -> ConfigDict:
    """The model's OpenAPI examples. Pydantic merges them with the settings a body model
    inherits; a model with settings of its own adds them with ``|``."""
    return ConfigDict(json_schema_extra={"examples": list(bodies)})


# Ids as the ward's services gave them (uuid4), copied from their answers or events.
POSTING_ID: Final = "9a4d7c21-6e3b-4f80-b5c2-3d1e8f7a6b54"
INSPECTION_ID: Final = "c6a2e8f1-3b5d-4e7a-9c0f-8d1b2a4e6f35"

BOARD_MEMBER: Final = {
    "name": "Phạm Văn D",
    "group": "TDP-05",
    "position": "head",
    "account": "ban-ttnd-pham-van-d",
    "elected_on": "2027-01-04",
    "ward_official": False,
}
BOARD_LEAVE: Final = {"reason": "Chuyển nơi cư trú ra khỏi địa bàn phường."}
INVESTMENT_BOARD: Final = {
    "project": "Nâng cấp, sửa chữa hẻm 12 tổ dân phố 5",
    "investor": "Ủy ban nhân dân phường",
    "members": [
        {"name": "Hoàng Thị E", "resident": True, "relative_of_investor_or_contractor": False},
        {"name": "Vũ Văn G", "resident": True, "relative_of_investor_or_contractor": False},
        {"name": "Đỗ Thị H", "resident": True, "relative_of_investor_or_contractor": False},
    ],
    "supervision_start": "2027-04-01",
    "investor_notified_on": "2027-03-25",
}
INSPECTION: Final = {
    "title": "Kiểm tra việc công khai dự toán ngân sách phường năm 2027",
    "scope": "Việc niêm yết, đăng tải dự toán ngân sách phường năm 2027: nội dung, hình thức, "
    "thời điểm và thời gian niêm yết tại trụ sở UBND phường và trên trang tin điện tử.",
    "start_on": "2027-01-18",
    "filed_on": "2027-01-05",
}
FINDING: Final = {
    "title": "Biểu chi tiết dự toán chưa được niêm yết tại nhà văn hóa khu phố",
    "detail": "Bản niêm yết tại trụ sở UBND phường đầy đủ; tại nhà văn hóa khu phố chỉ có "
    "thông báo tóm tắt, không kèm biểu dự toán chi tiết.",
    "evidence": [{"kind": "posting", "id": POSTING_ID}],
}
INSPECTION_CLOSE: Final = {
    "report": "Ban Thanh tra nhân dân đã kiểm tra việc công khai dự toán ngân sách phường năm "
    "2027. UBND phường thực hiện đúng thời hạn; cần bổ sung biểu chi tiết tại nhà văn hóa "
    "khu phố.",
}
RECOMMENDATION: Final = {
    "title": "Niêm yết bổ sung biểu dự toán chi tiết tại nhà văn hóa khu phố",
    "body": "Đề nghị UBND phường niêm yết bổ sung biểu dự toán ngân sách năm 2027 chi tiết tại "
    "nhà văn hóa khu phố để Nhân dân tiện theo dõi.",
    "addressed_to": "UBND phường",
    "inspection_id": INSPECTION_ID,
}
RECEIVED: Final = {"received_at": "2027-01-27T14:00:00+07:00"}
ANSWER: Final = {
    "answer": "UBND phường tiếp thu; biểu dự toán chi tiết đã được niêm yết bổ sung tại nhà văn "
    "hóa khu phố ngày 29/01/2027.",
    "accepted": "accepted",
}
RESOLVE: Final = {
    "resolution": "Đã niêm yết lại bản dự toán đủ thời hạn tối thiểu tại trụ sở UBND phường.",
}

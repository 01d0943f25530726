"""A request body an outside system can send as is, for every write of the plans service: shown
in the OpenAPI (Swagger UI, ReDoc) through each body model's ``json_schema_extra``.

Texts come from a ward's plan for implementing grassroots democracy; the people are invented
and no household is named. The dates sit in early 2027, in the order the law asks for (notice
before a vote, a task inside its plan's year). tests/contract/test_openapi_examples.py holds
every example to its model, and the integration tests send the main ones to a running service.
"""

from __future__ import annotations

from typing import Any, Final

from pydantic import ConfigDict

# Ids the service gave (uuid4), as a client copies them from an earlier answer.
MEMBER_ID: Final = "5f0c2d1e-8b7a-4c3d-9e2f-1a6b4c8d0e72"
TASK_ID: Final = "b3e1a9d4-2c6f-4a8b-8d17-6e5f3c2a1b90"


def of(*bodies: dict[str, Any]) -> ConfigDict:
    """The model's OpenAPI examples. Pydantic merges them with the settings a body model
    inherits; a model with settings of its own adds them with ``|``."""
    return ConfigDict(json_schema_extra={"examples": list(bodies)})


RESIDENTIAL_GROUP: Final = {
    "code": "TDP-05",
    "name": "Tổ dân phố 5",
    "households": 182,
    "online_optin": 64,
    "effective_on": "2027-01-04",
}
RESIDENTIAL_GROUP_CHANGE: Final = {"households": 185, "effective_on": "2027-03-01"}
COMMITTEE_MEMBER: Final = {
    "name": "Nguyễn Văn A",
    "position": "deputy_head",
    "organisation": "Ủy ban nhân dân phường",
    "title": "Phó Chủ tịch UBND phường",
    "account": "pho-chu-tich-ubnd",
    "joined_on": "2027-01-04",
}
COMMITTEE_LEAVE: Final = {
    "reason": "Được điều động công tác khác theo quyết định của UBND phường.",
    "on": "2027-06-30",
}

_PURPOSES: Final = [
    "Tiếp tục quán triệt sâu sắc các quan điểm của Đảng, pháp luật của Nhà nước về xây dựng và "
    "thực hiện Quy chế dân chủ (QCDC) ở cơ sở; tăng cường công tác tuyên truyền, giáo dục, nâng "
    "cao hiệu quả thực hiện QCDC ở cơ sở.",
    "Thực hiện tốt phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân "
    "thụ hưởng”.",
]
_TASK_GROUPS: Final = [
    {
        "number": 1,
        "title": "Tuyên truyền, phổ biến chủ trương, chính sách, pháp luật về thực hiện QCDC ở "
        "cơ sở",
        "description": "Trọng tâm là Kết luận số 120-KL/TW; Nghị định số 59/2023/NĐ-CP quy định "
        "chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở.",
    },
    {
        "number": 5,
        "title": "Công khai, thông tin cho nhân dân biết và tham gia góp ý",
        "description": "Các dự án quy hoạch, kế hoạch phát triển kinh tế - xã hội, chế độ chính "
        "sách giải phóng mặt bằng, thu hồi đất, tái định cư trên địa bàn phường.",
    },
]
PLAN: Final = {
    "year": 2027,
    "title": "Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2027",
    "purposes": _PURPOSES,
    "task_groups": _TASK_GROUPS,
}
PLAN_CHANGE: Final = {
    "title": "Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2027 (dự thảo lần 2)",
    "task_groups": [
        {
            "number": 6,
            "title": "Kiểm tra, giám sát việc xây dựng và thực hiện QCDC ở cơ sở",
            "description": "Gắn với công tác phòng chống quan liêu, tham nhũng, lãng phí.",
        }
    ],
}
TASK: Final = {
    "task_group": 1,
    "title": "Hội nghị quán triệt Nghị định số 59/2023/NĐ-CP",
    "owner": MEMBER_ID,
    "start_on": "2027-01-11",
    "due_on": "2027-03-31",
    "deliverable": "Hội nghị được tổ chức cho cán bộ, công chức và Tổ trưởng tổ dân phố; báo cáo "
    "kết quả gửi Ban Chỉ đạo.",
}
TASK_CHANGE: Final = {
    "due_on": "2027-04-15",
    "deliverable": "Báo cáo kết quả hội nghị kèm danh sách đại biểu dự.",
}
TASK_AMENDMENT: Final = {"id": TASK_ID, "due_on": "2027-04-15"}
AMENDMENT: Final = {
    "reason": "Bổ sung nhiệm vụ niêm yết công khai thủ tục hành chính theo Nghị quyết "
    "76/NQ-CP; lùi hạn hội nghị quán triệt Nghị định số 59/2023/NĐ-CP.",
    "add_tasks": [
        {
            "task_group": 3,
            "title": "Niêm yết công khai các thủ tục hành chính tại trụ sở và trang tin điện tử",
            "owner": MEMBER_ID,
            "start_on": "2027-04-01",
            "due_on": "2027-06-30",
            "deliverable": "Danh mục thủ tục hành chính được niêm yết đầy đủ.",
        }
    ],
    "change_tasks": [TASK_AMENDMENT],
}
PROGRESS: Final = {
    "percent": 60,
    "note": "Đã tổ chức hội nghị cho cán bộ, công chức; còn hội nghị cho Tổ trưởng tổ dân phố.",
    "evidence": ["https://phuong.example.org/tin-tuc/hoi-nghi-quan-triet-nghi-dinh-59"],
}
REPORT: Final = {
    "summary": "Phường đã triển khai đầy đủ các nhóm nhiệm vụ của kế hoạch năm 2027; công tác "
    "tuyên truyền và công khai được thực hiện đúng tiến độ.",
    "results": [
        {"task_group": 1, "text": "Tổ chức 4 hội nghị quán triệt với 320 lượt người dự."},
        {"task_group": 5, "text": "Niêm yết công khai 26 nội dung tại trụ sở và trang tin."},
    ],
}

DECISION: Final = {
    "topic": 1,
    "title": "Chủ trương và mức đóng góp xây dựng, sửa chữa hẻm 12 tổ dân phố 5",
    "group": "TDP-05",
    "form": "meeting",
    "notice_at": "2027-03-01",
    "vote_at": "2027-03-06T19:30:00+07:00",
}
VOTE: Final = {"household": "HO-012", "choice": "yes"}
TALLY: Final = {"yes": 121, "no": 14, "abstain": 5, "present": 140}
DECISION_CLOSE: Final = {
    "minutes": "Biên bản cuộc họp tổ dân phố số 5, họp hôm 06/03/2027: 140/182 hộ dự; 121 hộ tán "
    "thành chủ trương và mức đóng góp.",
    "record_received_at": "2027-03-08",
}
RECOGNITION: Final = {"outcome": "recognised"}
CONFERENCE: Final = {
    "kind": "thematic",
    "title": "Hội nghị chuyên đề về thực hiện Quy chế dân chủ ở cơ sở năm 2027",
    "notice_on": "2027-01-11",
    "held_on": "2027-01-15",
}
CONFERENCE_HELD: Final = {
    "minutes": "Hội nghị thống nhất các nhiệm vụ trọng tâm của kế hoạch thực hiện QCDC năm "
    "2027; 12 ý kiến phát biểu đã được tổng hợp.",
    "attendees": 86,
}
CONFERENCE_CANCEL: Final = {"reason": "Hoãn do trùng lịch tiếp xúc cử tri; sẽ thông báo lại."}
INITIATIVE: Final = {
    "topic": 6,
    "title": "Tổ chức tổng vệ sinh đường hẻm vào sáng Chủ nhật cuối mỗi tháng",
    "group": "TDP-05",
}
CONSENT: Final = {"household": "HO-012", "given_on": "2027-02-10"}

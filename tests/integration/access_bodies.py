"""A minimal valid JSON body for each write route of the access matrix
(``test_access_matrix.py``): a refusal of the body is still ``ok``, but a body that passes
reaches the checks a real caller meets."""

from __future__ import annotations

from typing import Any

DAY = "2026-11-02"
LATER = "2026-12-01"


def bodies() -> dict[tuple[str, str, str], Any]:
    """A minimal valid JSON body per write route (a refusal of the body is still ``ok``)."""
    reason = {"reason": "Kiểm tra quyền truy cập"}
    posting = {
        "category": 1,
        "title": "Kế hoạch năm 2027",
        "body": "Toàn văn.",
        "channels": ["notice_board"],
        "decided_on": DAY,
    }
    return {
        ("plans", "POST", "/groups"): {"code": "TDP-91", "name": "Tổ 91", "households": 40},
        ("plans", "PATCH", "/groups/{code}"): {"households": 41},
        ("plans", "POST", "/committee/members"): {
            "name": "Trần Văn Bình",
            "position": "member",
            "organisation": "UBND phường",
        },
        ("plans", "POST", "/committee/members/{member_id}/leave"): reason,
        ("plans", "POST", "/plans"): {"year": 2031},
        ("plans", "PATCH", "/plans/{plan_id}"): {"title": "Kế hoạch"},
        ("plans", "POST", "/plans/{plan_id}/tasks"): {
            "task_group": 1,
            "title": "Tuyên truyền",
            "owner": "Ban Chỉ đạo",
            "start_on": DAY,
            "due_on": LATER,
            "deliverable": "Báo cáo",
        },
        ("plans", "PATCH", "/tasks/{task_id}"): {"title": "Tuyên truyền"},
        ("plans", "POST", "/plans/{plan_id}/amendments"): reason,
        ("plans", "POST", "/plans/{plan_id}/report"): {"summary": "Đã thực hiện."},
        ("plans", "POST", "/tasks/{task_id}/progress"): {"percent": 50, "note": "Đang làm"},
        ("plans", "POST", "/decisions"): {
            "topic": 6,
            "title": "Giờ sinh hoạt chung",
            "form": "meeting",
            "notice_at": DAY,
            "vote_at": LATER,
        },
        ("plans", "POST", "/decisions/{decision_id}/votes"): {"household": "H-1", "choice": "yes"},
        ("plans", "POST", "/decisions/{decision_id}/tally"): {"yes": 1, "no": 0, "present": 1},
        ("plans", "POST", "/decisions/{decision_id}/close"): {},
        ("plans", "POST", "/decisions/{decision_id}/recognise"): {"outcome": "recognised"},
        ("plans", "POST", "/conferences"): {
            "kind": "thematic",
            "title": "Hội nghị chuyên đề",
            "notice_on": DAY,
            "held_on": LATER,
        },
        ("plans", "POST", "/conferences/{conference_id}/held"): {
            "minutes": "Biên bản",
            "attendees": 9,
        },
        ("plans", "POST", "/conferences/{conference_id}/cancel"): reason,
        ("plans", "POST", "/initiatives"): {"topic": 6, "title": "Sáng kiến"},
        ("plans", "POST", "/initiatives/{initiative_id}/consents"): {
            "household": "H-1",
            "given_on": DAY,
        },
        ("petitions", "POST", "/petitions"): {
            "kind": "feedback",
            "title": "Đèn đường hỏng",
            "body": "Đèn đường trước nhà văn hoá hỏng.",
        },
        ("petitions", "POST", "/petitions/{petition_id}/accept"): {},
        ("petitions", "POST", "/petitions/{petition_id}/refuse"): reason,
        ("petitions", "POST", "/petitions/{petition_id}/forward"): {"to": "UBND quận", **reason},
        ("petitions", "POST", "/petitions/{petition_id}/assign"): {"handler": "can-bo-9"},
        ("petitions", "POST", "/petitions/{petition_id}/extend"): reason,
        ("petitions", "POST", "/petitions/{petition_id}/answer"): {"text": "Đã sửa đèn."},
        ("petitions", "POST", "/petitions/{petition_id}/escalate"): {"tracking_code": "ABCD-2345"},
        ("petitions", "POST", "/petitions/{petition_id}/suspend"): reason,
        ("petitions", "POST", "/petitions/{petition_id}/withdraw"): {
            "whole": True,
            "request_on": DAY,
        },
        ("petitions", "POST", "/petitions/{petition_id}/publish-decision"): {"form": "posting"},
        ("petitions", "POST", "/receptions"): {"host": "chair", "session_on": LATER},
        ("petitions", "POST", "/receptions/{reception_id}/held"): {"held": True},
        ("petitions", "POST", "/receptions/{reception_id}/entries"): {"subject": "Hỏi về đất"},
        ("petitions", "POST", "/receptions/{reception_id}/entries/{entry_id}/reply"): {
            "text": "Đã trả lời."
        },
        ("publicity", "POST", "/postings"): posting,
        ("publicity", "POST", "/postings/{posting_id}/publish"): {},
        ("publicity", "POST", "/postings/{posting_id}/withdraw"): reason,
        ("publicity", "POST", "/postings/{posting_id}/amend"): {
            k: posting[k] for k in ("title", "body", "channels")
        },
        ("publicity", "POST", "/consultations"): {"title": "Dự thảo", "draft": "Toàn văn."},
        ("publicity", "POST", "/consultations/{consultation_id}/comments"): {"text": "Đồng ý."},
        ("publicity", "POST", "/consultations/{consultation_id}/close"): {},
        ("oversight", "POST", "/violations/{violation_id}/resolve"): {"resolution": "Đã khắc phục"},
        ("oversight", "POST", "/board/members"): {
            "name": "Lê Thị Cúc",
            "group": "TDP-01",
            "position": "member",
            "ward_official": False,
        },
        ("oversight", "POST", "/board/members/{member_id}/leave"): reason,
        ("oversight", "POST", "/investment-boards"): {
            "project": "Nâng cấp hẻm 12",
            "investor": "UBND phường",
            "members": [],
            "supervision_start": LATER,
            "investor_notified_on": DAY,
        },
        ("oversight", "POST", "/inspections"): {
            "title": "Kiểm tra công khai",
            "scope": "Niêm yết",
            "start_on": LATER,
        },
        ("oversight", "POST", "/inspections/{inspection_id}/findings"): {
            "title": "Thiếu niêm yết",
            "detail": "Bảng tin trống.",
        },
        ("oversight", "POST", "/inspections/{inspection_id}/close"): {"report": "Báo cáo"},
        ("oversight", "POST", "/recommendations"): {
            "title": "Niêm yết đủ",
            "body": "Đề nghị niêm yết.",
            "addressed_to": "UBND phường",
        },
        ("oversight", "POST", "/recommendations/{recommendation_id}/answer"): {
            "answer": "Tiếp thu",
            "accepted": "accepted",
        },
        ("gateway", "POST", "/api/escalations/{escalation_id}/assign"): {"assignee": "tp-1"},
        ("gateway", "POST", "/api/escalations/{escalation_id}/notes"): {"text": "Đã gọi phường."},
        ("gateway", "POST", "/api/escalations/{escalation_id}/resolve"): {"resolution": "Xong"},
        # Refused for loopback under the default settings: nothing is stored, 422 is "ok".
        ("gateway", "POST", "/api/webhooks"): {"url": "http://127.0.0.1:9/x", "event_types": ["*"]},
        ("gateway", "POST", "/api/webhooks/{subscription_id}/replay"): {
            "since": "2026-12-01T00:00:00+07:00"
        },
        ("gateway", "POST", "/api/open311/clients"): {"name": "Ứng dụng 311 của quận 1"},
    }

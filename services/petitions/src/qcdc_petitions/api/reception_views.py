"""Request and response shapes of citizen reception. No response has a field for a visitor's
identity: it is stored sealed, and only whether there is one is shown."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from qcdc_petitions.api import examples as example
from qcdc_petitions.domain.reception import HOST_NAMES_VI, Entry, Host, Reception, SessionStatus
from qcdc_petitions.domain.reception_forms import Form
from qcdc_shared.api import Day, DeadlineOut, Instant


class ReceptionIn(BaseModel):
    model_config = ConfigDict(extra="forbid") | example.of(example.RECEPTION)
    host: Host = Field(description="Người chủ trì: chair | party_secretary | other_leader")
    session_on: Day = Field(description="Ngày tiếp công dân — the day of the session")
    posted_on: Day | None = Field(
        default=None,
        description="Ngày niêm yết lịch (mặc định hôm nay, không ở tương lai) — posted on",
    )
    location: str | None = Field(default=None, max_length=500, description="Địa điểm tiếp")
    form: Form = Field(
        default="in_person",
        description="Hình thức: trực tiếp (in_person) hoặc trực tuyến (online, từ khi"
        " REC-WEEK.online có hiệu lực); buổi trực tuyến không tính vào REC-WEEK.",
    )


class HeldIn(BaseModel):
    model_config = ConfigDict(extra="forbid") | example.of(
        example.RECEPTION_HELD, example.RECEPTION_NOT_HELD
    )
    held: bool = Field(description="Buổi tiếp có diễn ra không — whether the session took place")
    reason: str | None = Field(
        default=None, max_length=2000, description="Lý do không tổ chức (công khai)"
    )


class VisitorIn(BaseModel):
    """Who came; sealed at once, never shown, never in an event or a log."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    address: str | None = Field(default=None, max_length=500)
    phone: str | None = Field(default=None, max_length=30)
    id_number: str | None = Field(default=None, max_length=30)


class EntryIn(BaseModel):
    model_config = ConfigDict(extra="forbid") | example.of(example.ENTRY)
    subject: str = Field(
        min_length=1, max_length=2000, description="Nội dung công dân trình bày — the subject"
    )
    received_at: Instant | None = Field(
        default=None, description="Thời điểm tiếp (trong ngày của buổi tiếp; mặc định bây giờ)"
    )
    petition_id: str | None = Field(
        default=None, max_length=64, description="Đơn thư liên quan — linked petition"
    )
    visitor: VisitorIn | None = Field(
        default=None, description="Thông tin công dân (được mã hóa, không hiển thị lại)"
    )


class ReplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid") | example.of(example.REPLY)
    text: str = Field(min_length=1, max_length=20_000, description="Nội dung trả lời")
    replied_at: Instant | None = Field(
        default=None, description="Thời điểm trả lời thực tế (không ở tương lai)"
    )


class ReceptionOut(BaseModel):
    id: str
    ward: str
    host: Host
    host_vi: str
    session_on: dt.date
    posted_on: dt.date
    location: str | None
    form: Form = Field(description="in_person hoặc online (REC-WEEK.online)")
    on_time: bool = Field(description="Niêm yết đúng hạn (REC-WEEK.schedule)")
    schedule_deadline: DeadlineOut = Field(description="Hạn chót niêm yết lịch")
    status: SessionStatus
    held_recorded_at: dt.datetime | None
    not_held_reason: str | None
    version: int

    @classmethod
    def of(cls, reception: Reception) -> ReceptionOut:
        return cls(
            id=reception.id,
            ward=reception.ward,
            host=reception.host,
            host_vi=HOST_NAMES_VI[reception.host],
            session_on=reception.session_on,
            posted_on=reception.posted_on,
            location=reception.location,
            form=reception.form,
            on_time=reception.on_time,
            schedule_deadline=DeadlineOut.model_validate(reception.schedule, from_attributes=True),
            status=reception.status,
            held_recorded_at=reception.held_recorded_at,
            not_held_reason=reception.not_held_reason,
            version=reception.version,
        )


class ReplyOut(BaseModel):
    text: str
    replied_at: dt.datetime
    replied_by: str
    on_time: bool


class EntryOut(BaseModel):
    id: str
    reception_id: str
    subject: str
    petition_id: str | None
    received_at: dt.datetime
    has_visitor_identity: bool = Field(description="Có thông tin công dân (đã mã hóa)")
    reply_deadline: DeadlineOut = Field(description="REC-REPLY")
    reply: ReplyOut | None
    overdue: bool = Field(description="Quá hạn trả lời mà chưa trả lời")
    overdue_since: dt.datetime | None

    @classmethod
    def of(cls, entry: Entry, *, now: dt.datetime) -> EntryOut:
        return cls(
            id=entry.id,
            reception_id=entry.reception_id,
            subject=entry.subject,
            petition_id=entry.petition_id,
            received_at=entry.received_at,
            has_visitor_identity=entry.has_visitor,
            reply_deadline=DeadlineOut.model_validate(entry.reply_deadline, from_attributes=True),
            reply=ReplyOut(**vars(entry.reply)) if entry.reply else None,
            overdue=entry.is_overdue(now),
            overdue_since=entry.overdue_since,
        )


class ReceptionDetailOut(ReceptionOut):
    entries: list[EntryOut]


class GapOut(BaseModel):
    rule: str = Field(description="REC-WEEK (the chair) or REC-WEEK.party-secretary")
    effective_from: dt.date = Field(description="Dòng quy tắc đang áp dụng — the rule's row")
    host: Host
    period: str = Field(description="ISO week (2027-W06) or month (2027-02)")
    start: dt.date
    end: dt.date
    required: int = Field(description="Số ngày tiếp tối thiểu theo bảng quy tắc")
    counted: int = Field(description="Số ngày có lịch tiếp (đã lên lịch hoặc đã tổ chức)")
    ended: bool = Field(description="Kỳ đã kết thúc; nếu chưa, vẫn có thể bổ sung lịch")
    table_version: str

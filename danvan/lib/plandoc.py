"""The structure of a plan document (Kế hoạch), independent of the database (pure: imports no app).

The parser (text or DOCX -> PlanDocument), the renderer (PlanDocument -> official DOCX) and the models
(PlanDocument <-> Plan rows) all meet here. Everything is JSON-serialisable through to_dict/from_dict so
that a parsed draft can be stored, reviewed and edited before it becomes rows. Text is NFC; nothing the
author wrote is dropped: what the parser cannot place goes to `warnings` or stays in a paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any

from danvan.lib.vndates import DateWindow

# Section roles: what a top-level heading is for (used to find tasks, event details, ...).
ROLE_PURPOSE = "purpose"  # Mục đích, yêu cầu
ROLE_CONTENT = "content"  # Nội dung / Nội dung, hình thức / Nhiệm vụ, giải pháp
ROLE_TIME_PLACE = "time_place"  # Thời gian, địa điểm, thành phần
ROLE_ORGANISATION = "organisation"  # Tổ chức thực hiện
ROLE_FUNDING = "funding"  # Kinh phí
ROLE_OTHER = "other"
ROLE_ATTACHED = "attached"  # a document attached after the signature (Quy chế, Quy định): kept as text

# What a task's lead is.
LEAD_UNIT = "unit"  # one unit named
LEAD_UNITS = "units"  # several units named
LEAD_GROUP = "group"  # a group of units: "các sở, ban, ngành", "Đảng ủy các xã, thị trấn"
LEAD_ROLE = "role"  # a person by role: "Đồng chí Phó Chủ tịch ...", "Chuyên viên ..."
LEAD_ISSUER = "issuer"  # no lead written: the issuing body is assumed (a guess)
LEAD_PARENT = "parent"  # no lead written: the lead of the item above is assumed

# Document kinds that are not plans but are imported as what they are.
PLAN_TYPES = ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "HƯỚNG DẪN", "ĐỀ ÁN", "PHƯƠNG ÁN")

# Recipient purposes.
PURPOSE_REPORT = "report"  # (b/c), (để báo cáo)
PURPOSE_COORDINATE = "coordinate"  # (p/h), (để phối hợp)
PURPOSE_IMPLEMENT = "implement"  # (t/h), (để thực hiện)
PURPOSE_INFORM = "inform"  # (để biết)
PURPOSE_ARCHIVE = "archive"  # Lưu: VT, ...
PURPOSE_NONE = ""


@dataclass
class Reference:
    """A document cited as basis: "Kết luận số 54-KL/TU ngày 03/3/2021 của Ban Thường vụ Tỉnh ủy về ..."."""

    text: str  # the citation's original words
    doc_type: str = ""  # "Kết luận", "Nghị quyết", "Chỉ thị", "Quyết định", "Chương trình", "Luật", ...
    type_code: str = ""  # "KL", "NQ", "CT", "QĐ", ... ("" for a law or an untyped programme)
    number: str = ""  # "54"
    symbol: str = ""  # "54-KL/TU" (Party shape) or "33/CT-TTg" (state shape)
    issued_on: date | None = None
    issuer: str = ""  # "Ban Thường vụ Tỉnh ủy"
    subject: str = ""  # what it is about, without quotes


@dataclass
class Block:
    """A paragraph or a numbered item of a section, with its sub-items."""

    kind: str = "paragraph"  # "paragraph" | "item" (numbered "1.", "1.1.", "a)") | "bullet" ("-", "+", "•")
    label: str = ""  # "1.", "1.1.", "a)", "-" as written ("" for a plain paragraph)
    text: str = ""  # the text after the label; inline emphasis markers removed
    children: list[Block] = field(default_factory=list)
    # Task facts the parser found (empty when the block is not a task):
    is_task: bool = False
    lead: str = ""  # the unit that leads, as written ("Ban Dân vận Tỉnh ủy")
    partners: list[str] = field(default_factory=list)  # units that coordinate, as written
    due: DateWindow | None = None  # the first deadline or time window in the block's own text
    leads: list[str] = field(default_factory=list)  # every lead named, split ("Văn phòng A", "Văn phòng B")
    lead_kind: str = ""  # LEAD_* below: a unit, several units, a group of units, a person's role, the issuer
    confidence: float = 1.0  # how sure the parser is of this task's facts (1.0 = read as written)
    reason: str = ""  # why it is less sure (Vietnamese, for the reviewer)
    cells: list[str] = field(default_factory=list)  # the cells as written when the block is a table row


@dataclass
class Section:
    label: str = ""  # "I", "II", ... (roman numeral without punctuation; "" for an unnumbered part)
    title: str = ""  # "Mục đích, yêu cầu" as written (case kept)
    role: str = ROLE_OTHER
    blocks: list[Block] = field(default_factory=list)


@dataclass
class DelegateGroup:
    label: str  # "Đại biểu Ban Dân vận Tỉnh ủy Bắc Ninh"
    quota: int | None = None  # seats when the plan says how many


@dataclass
class EventInfo:
    """Time, venue and participants of a plan that organises an event (seed 002)."""

    time: DateWindow | None = None
    time_text: str = ""
    venue: str = ""
    name: str = ""  # "Hội nghị hiệp thương lần thứ nhất" when the plan holds several events
    latest: DateWindow | None = None  # the latest allowed day ("chậm nhất ngày ...") when written
    participants_text: str = ""  # "(Khoảng 112 đại biểu)"
    participants_total: int | None = None  # 112
    groups: list[DelegateGroup] = field(default_factory=list)


@dataclass
class Recipient:
    name: str  # "Ban Dân vận Tỉnh ủy"
    purpose: str = PURPOSE_NONE
    purpose_text: str = ""  # "(b/c)" as written
    raw: str = ""  # the whole line as written
    joined: bool = False  # put together from lines broken by a narrow cell (to check)


@dataclass
class Signature:
    authority_lines: list[str] = field(
        default_factory=list
    )  # ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"] or ["TRƯỞNG BAN"]
    signer_name: str = ""
    joined: bool = False  # an authority line broken by a narrow cell was joined again (to check)


@dataclass
class Slogan:
    text: str
    heading: str = ""  # "THÁNG DÂN VẬN NĂM 2023"


@dataclass
class FormColumn:
    label: str
    kind: str = "text"  # "index" (Stt) | "text" | "long_text" | "date" | "window" | "number" | "choice"


@dataclass
class FormDraft:
    """An attached form ("Mẫu") that units fill: title, subtitle, columns."""

    title: str = ""  # "DANH SÁCH"
    subtitle: str = ""  # "Đăng ký hoạt động triển khai hưởng ứng “Tháng Dân vận” năm 2023"
    label: str = ""  # "Mẫu" / "Mẫu số 01"
    issuer_placeholder: str = ""  # "TÊN CƠ QUAN, ĐƠN VỊ..."
    date_placeholder: str = ""  # "....., ngày..... tháng.....năm....."
    columns: list[FormColumn] = field(default_factory=list)
    sample_rows: int = 0
    footer: str = ""  # "(Ký tên, đóng dấu)"


@dataclass
class Deadline:
    """Something units must send by a date: becomes a call for submissions (the reporting issue)."""

    text: str  # the whole line as written
    what: str  # "Văn bản triển khai và đăng ký hoạt động hưởng ứng “Tháng Dân vận” năm 2023"
    due: DateWindow | None = None
    form_index: int | None = None  # index into PlanDocument.forms when the line says a form is attached
    note: str = ""  # the parenthesised remark, e.g. "(Có mẫu đăng ký kèm theo Kế hoạch)"


@dataclass
class TimeMark:
    """A deadline or an event day a reader sees in the text, with its window and where it was written."""

    window: DateWindow
    what: str = ""  # the words around it: the task or the sentence it belongs to (shortened)
    where: str = ""  # "III.2", "Bảng nhiệm vụ, dòng 3", "Thời gian" ...
    role: str = "deadline"  # "deadline" | "event" | "period"
    confidence: float = 1.0
    reason: str = ""


@dataclass
class Doubt:
    """An element the parser is not sure about, for the reviewer to check first (lowest confidence first)."""

    element: str  # "header" | "signature" | "recipients" | "task" | "mark" | "event" | "text"
    where: str  # a label a reviewer can find: "III.2", "Nơi nhận", "Dòng ngày tháng"
    text: str  # the words concerned (shortened)
    reason: str  # Vietnamese: "Đã nối dòng bị ngắt", "Đơn vị chủ trì được suy đoán", ...
    confidence: float = 0.5


@dataclass
class PlanDocument:
    doc_type: str = "KẾ HOẠCH"
    type_code: str = "KH"
    style: str = "party"  # "party" (Số 12-KH/BDVTU) | "state" (Số: 157/KH-UBND, MTTQ)
    superior_body: str = ""  # "TỈNH ỦY BẮC GIANG" / "ĐẢNG BỘ TỈNH BẮC GIANG" / "UBND TỈNH ..."
    issuing_body: str = ""  # "BAN DÂN VẬN"
    number: str = ""  # "62"; "" for an unsigned draft with a blank
    symbol: str = ""  # "62-KH/BDVTU" or "157/KH-UBND"; "KH/BDVTU" style when the number is blank
    body_code: str = ""  # "BDVTU", "UBND", "MTTQ-BTT"
    place: str = ""  # "Bắc Giang"
    issued_on: date | None = None  # the date line; None for a blank or absent one
    title: str = ""  # the summary under KẾ HOẠCH, e.g. "triển khai các hoạt động “Tháng Dân vận” năm 2023"
    preamble: str = ""  # "Thực hiện ..., Ban Dân vận ... xây dựng Kế hoạch ... như sau:"
    basis: list[Reference] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: str = ""  # "Trên đây là Kế hoạch ..."
    event: EventInfo | None = None  # the first (or only) event: kept for the code that reads one
    events: list[EventInfo] = field(default_factory=list)  # every event of the plan, in order
    marks: list[TimeMark] = field(default_factory=list)  # every deadline and event day, in order
    doubts: list[Doubt] = field(default_factory=list)  # what the reviewer should check first
    is_plan: bool = True  # False for a Thông báo, Kết luận, Quyết định, Báo cáo ... imported as itself
    deadlines: list[Deadline] = field(default_factory=list)
    recipients: list[Recipient] = field(default_factory=list)
    signature: Signature | None = None
    slogans_title: str = ""  # "KHẨU HIỆU TUYÊN TRUYỀN "THÁNG DÂN VẬN" NĂM 2023"
    slogans: list[Slogan] = field(default_factory=list)
    forms: list[FormDraft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # Vietnamese notes for the reviewer

    def to_dict(self) -> dict[str, Any]:
        return _encode(self)

    def doubts_first(self) -> list[Doubt]:
        """The doubts, least sure first (stable within equal confidence)."""
        return sorted(self.doubts, key=lambda d: d.confidence)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlanDocument:
        return _decode(cls, data)

    def tasks(self) -> list[Block]:
        """Every block marked as a task, in document order."""
        found: list[Block] = []

        def walk(blocks: list[Block]) -> None:
            for block in blocks:
                if block.is_task:
                    found.append(block)
                walk(block.children)

        for section in self.sections:
            walk(section.blocks)
        return found


def _encode(value):
    if isinstance(value, DateWindow):
        return value.to_dict()
    if isinstance(value, date):
        return value.isoformat()
    if is_dataclass(value):
        return {f.name: _encode(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


_NESTED = {
    ("PlanDocument", "basis"): Reference,
    ("PlanDocument", "sections"): Section,
    ("PlanDocument", "event"): EventInfo,
    ("PlanDocument", "deadlines"): Deadline,
    ("PlanDocument", "recipients"): Recipient,
    ("PlanDocument", "signature"): Signature,
    ("PlanDocument", "slogans"): Slogan,
    ("PlanDocument", "forms"): FormDraft,
    ("PlanDocument", "events"): EventInfo,
    ("PlanDocument", "marks"): TimeMark,
    ("PlanDocument", "doubts"): Doubt,
    ("Section", "blocks"): Block,
    ("Block", "children"): Block,
    ("EventInfo", "groups"): DelegateGroup,
    ("FormDraft", "columns"): FormColumn,
}
_DATES = {("PlanDocument", "issued_on"), ("Reference", "issued_on")}
_WINDOWS = {
    ("Block", "due"),
    ("EventInfo", "time"),
    ("Deadline", "due"),
    ("TimeMark", "window"),
    ("EventInfo", "latest"),
}


def _decode(cls, data):
    if data is None:
        return None
    kwargs = {}
    names = {f.name for f in fields(cls)}
    for name, value in data.items():
        if name not in names:
            continue
        key = (cls.__name__, name)
        if key in _NESTED:
            nested = _NESTED[key]
            value = [_decode(nested, v) for v in value] if isinstance(value, list) else _decode(nested, value)
        elif key in _DATES:
            value = date.fromisoformat(value) if value else None
        elif key in _WINDOWS:
            value = DateWindow.from_dict(value) if value else None
        kwargs[name] = value
    return cls(**kwargs)


__all__ = [
    "Block",
    "Deadline",
    "DelegateGroup",
    "Doubt",
    "EventInfo",
    "FormColumn",
    "FormDraft",
    "PlanDocument",
    "Recipient",
    "Reference",
    "Section",
    "Signature",
    "Slogan",
    "TimeMark",
]

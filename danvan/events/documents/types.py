"""Inputs of the event documents (``danvan.events.documents``) and the text helpers they share.

Pure Python: no Django models. The caller (the selectors) turns its rows into these dataclasses;
the renderers never query anything.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace

from danvan.lib.officialdoc.profiles import FormatProfile, get_profile, recipient_lines
from danvan.lib.vntext import clean_text, nfc

__all__ = [
    "Delegate",
    "EventInfo",
    "GroupAttendance",
    "PresentationDoc",
    "event_name",
    "format_count",
    "format_percent",
    "group_delegates",
    "line",
    "paragraph_text",
    "percent_value",
    "profile_without_page_numbers",
    "recipients_block",
    "texts_of",
]

KIND_LOOKAHEAD = 12  # characters of a title searched for the kind ("Hội nghị tọa đàm ..." / "Tọa đàm")
OTHER_GROUP_LABEL = "Đại biểu khác"  # delegates without a group, when other delegates have one


@dataclass
class EventInfo:
    """The event as the documents print it. Strings are written as given (NFC, trimmed)."""

    title: str  # "trao đổi kinh nghiệm công tác giữa các Tổ Dân vận ..."
    kind_label: str  # "Hội nghị tọa đàm"
    time_text: str  # "08 giờ 00, ngày 15/9/2023" or "Dự kiến trung tuần tháng 09/2023"
    venue: str
    organiser: str  # "Ban Dân vận Thành ủy Từ Sơn"
    superior_body: str  # "THÀNH ỦY TỪ SƠN"
    issuing_body: str  # "BAN DÂN VẬN"
    body_code: str  # "BDVTU"
    place: str  # "Từ Sơn"
    issued_on: date | None
    signer_authority: Sequence[str]  # ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]
    signer_name: str
    profile: str = "party-2018"
    plan_reference: str = ""  # "Thực hiện Kế hoạch số 45-KH/BDVTU ngày 20/8/2023 của ..."
    content_lines: Sequence[str] = ()  # the agenda / content bullet points
    # Optional additions.
    summary: str = ""  # the line under "GIẤY MỜI" ("V/v ..."); default: kind and title
    invitation_recipients: Sequence[str] = ("Như trên",)  # "Nơi nhận" of a giấy mời ("Lưu" added)
    archive: str = ""  # the "Lưu:" units ("VT, BDV"); default: the profile's ("VT")

    @property
    def format_profile(self) -> FormatProfile:
        return get_profile(self.profile)


@dataclass
class Delegate:
    name: str
    title: str = ""
    unit_name: str = ""
    group_label: str = ""
    link: str = ""  # the personal RSVP URL, encoded in the QR code
    number: str = ""  # the invitation's number ("Số 12-GM/BDVTU"); blank = a number written by hand
    checked_in: bool = False
    status_label: str = ""  # "Đã nhận lời", "Chưa phản hồi", ...


@dataclass
class PresentationDoc:
    order: int
    title: str
    unit_name: str
    presenter: str = ""
    paragraphs: Sequence[str] = ()  # text extracted from the unit's file


@dataclass
class GroupAttendance:
    label: str
    quota: int | None  # the plan's figure ("Dự kiến"), None when the plan gives none
    invited: int
    accepted: int
    attended: int


# ----------------------------------------------------------------------------------------------
# Text

# Characters XML 1.0 forbids (python-docx and xlsx writers refuse them); text pasted out of Word
# carries some (\x07 cell marks: dropped). \x0b and \x0c (line and page breaks) are whitespace
# to ``str.split`` and become spaces.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")


def line(text: str | None) -> str:
    """One line: NFC, no control characters, whitespace collapsed, trimmed (names, titles)."""
    return clean_text(_XML_ILLEGAL.sub("", text or ""))


def paragraph_text(text: str | None) -> str:
    """A paragraph of running text: NFC, control characters and line breaks become spaces."""
    return line(nfc(text).replace("\t", " "))


def texts_of(value: str | Sequence[str] | None) -> list[str]:
    """A list of texts from a list, or from one text with one item a line."""
    if value is None:
        return []
    if isinstance(value, str):
        return value.splitlines()
    return [str(text) for text in value]


def event_name(event: EventInfo) -> str:
    """ "Hội nghị tọa đàm trao đổi kinh nghiệm ..." (kind and title, without repeating the kind).

    A title that already names the kind near its start ("Hội nghị tọa đàm Tổ Dân vận 2026" with
    the kind "Tọa đàm") is used alone.
    """
    kind, title = line(event.kind_label), line(event.title)
    if not kind:
        return title
    if kind.casefold() in title.casefold()[: len(kind) + KIND_LOOKAHEAD]:
        return title
    return f"{kind} {title}".strip()


def format_count(value: int) -> str:
    """ "1.500" (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


def percent_value(part: int, whole: int) -> Decimal | None:
    """``part/whole`` in per cent, one decimal, half up (93.75 -> 93.8); None when ``whole`` is 0."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def format_percent(part: int, whole: int) -> str:
    """ "93,8%", "100%" (a zero decimal is dropped); "" when ``whole`` is 0."""
    value = percent_value(part, whole)
    if value is None:
        return ""
    text = f"{value:f}"
    text = text.removesuffix(".0")
    return text.replace(".", ",") + "%"


# ----------------------------------------------------------------------------------------------
# Shared pieces


def profile_without_page_numbers(profile: FormatProfile) -> FormatProfile:
    """The profile with no page numbers (a batch of one-page letters, cards)."""
    return replace(profile, page_number_position="")


def recipients_block(profile: FormatProfile, names: Sequence[str], archive: str = "") -> list[str]:
    """ "- Như trên;" ... "- Lưu: VT." in the profile's style, from plain names ("Ban Dân vận Tỉnh
    ủy (b/c)"); a name beginning "Lưu" joins the archive line."""
    items = [SimpleNamespace(name=line(name), purpose="", purpose_text="", raw="") for name in names]
    if archive.strip():
        items.append(SimpleNamespace(name="", purpose="archive", purpose_text="", raw=f"Lưu: {archive}"))
    lines = recipient_lines(profile, [item for item in items if item.name or item.raw])
    return lines


def group_delegates(delegates: Sequence[Delegate]) -> list[tuple[str, list[Delegate]]]:
    """Delegates by ``group_label``, groups in order of first appearance, people in the given order.

    With no group labels at all there is one group labelled "". Delegates without a label among
    labelled ones form a last group "Đại biểu khác".
    """
    groups: dict[str, list[Delegate]] = {}
    for delegate in delegates:
        groups.setdefault(line(delegate.group_label), []).append(delegate)
    if list(groups) == [""]:
        return [("", groups[""])]
    unlabelled = groups.pop("", [])
    result = list(groups.items())
    if unlabelled:
        result.append((OTHER_GROUP_LABEL, unlabelled))
    return result

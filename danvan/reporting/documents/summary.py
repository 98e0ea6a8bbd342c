"""The summary report of one or more calls for submissions: "BÁO CÁO kết quả ..." as DOCX.

Pure Python, no Django models: the caller counts (who was asked, who sent on time, late, not at all)
and hands over ``CallFigures``; this module writes them as Vietnamese sentences in the official
format (``danvan.lib.officialdoc`` blocks and profiles) and leaves the assessment to the officer.

Layout: header table (superior and issuing body, "Số ...-BC/...", place and date), "BÁO CÁO" and the
title, then per call: the submission figures in a sentence, the units that sent late, the activities
by scope and by target group (tables, when counted), the units that did not send; then the
assessment placeholder ``ASSESSMENT_PLACEHOLDER``, a closing sentence, the signature and recipients.
Numbers are written Vietnamese style: ``1.234``, ``12,5%``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace
from typing import Any

from danvan.lib.officialdoc import blocks as doc_blocks
from danvan.lib.officialdoc.profiles import (
    FormatProfile,
    closing_text,
    get_profile,
    place_date_line,
    recipient_lines,
    symbol_line,
)
from danvan.lib.vntext import clean_text, fold, sort_key

__all__ = [
    "ASSESSMENT_PLACEHOLDER",
    "CallFigures",
    "build_summary_report",
    "figures_sentence",
    "format_number",
    "format_percent",
    "group_counts",
    "render_summary_report",
    "sentence_name",
]

DOC_TYPE = "BÁO CÁO"
TYPE_CODE = "BC"
OTHER_LABEL = "Khác"
BLANK_LABEL = "(không ghi)"
ASSESSMENT_PLACEHOLDER = "(Phần đánh giá, đề xuất: cán bộ bổ sung)"
ASSESSMENT_HEADING = "Đánh giá, đề xuất"
RESULTS_HEADING = "Kết quả thực hiện"
SUBMISSIONS_HEADING = "Tình hình gửi văn bản của các cơ quan, đơn vị"
ACTIVITIES_HEADING = "Tổng hợp nội dung, hoạt động đã đăng ký"
MISSING_HEADING = "Các cơ quan, đơn vị chưa gửi"
SCOPE_LABEL = "Quy mô, phạm vi triển khai"
TARGET_LABEL = "Đối tượng thực hiện hoặc đối tượng thụ hưởng"
COUNT_LABEL = "Số nội dung, hoạt động"
SHARE_LABEL = "Tỷ lệ"
TOTAL_LABEL = "Tổng cộng"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
NAMES_IN_SENTENCE = 5  # missing units named in the figures sentence; the full list follows
LIST_AS_LINES = 30  # up to this many missing units: one line each; more: one paragraph


@dataclass
class CallFigures:
    """The figures of one call. ``call_title`` is the phrase that follows "đề nghị N cơ quan, đơn vị"
    ("đăng ký hoạt động hưởng ứng “Tháng Dân vận” năm 2023"); ``due_text`` the deadline as written
    ("trước ngày 30/9/2023"). ``returned``: answers sent back to the unit to complete."""

    call_title: str
    due_text: str
    units_called: int
    on_time: int
    late: int
    missing: int
    returned: int = 0
    missing_units: list[str] = field(default_factory=list)
    late_units: list[str] = field(default_factory=list)
    activities_total: int = 0
    by_scope: Sequence[tuple[str, int]] = ()  # e.g. [("Cấp tỉnh", 12), ("Cấp xã", 40)]
    by_target: Sequence[tuple[str, int]] = ()
    indicators: Sequence[Any] = ()  # issue 14: indicators.documents.IndicatorRow, the period's figures


# ----------------------------------------------------------------------------------------------
# Numbers and counts


def format_number(value: int) -> str:
    """1234567 -> "1.234.567" (Vietnamese thousands separator)."""
    return f"{int(value):,}".replace(",", ".")


def format_percent(part: int, whole: int) -> str:
    """ "12,5%" (one decimal, decimal comma; "100%", "0%" without decimals); "" when whole is 0."""
    if not whole:
        return ""
    value = round(part * 100 / whole, 1)
    if value == int(value):
        return f"{int(value)}%"
    return f"{value:.1f}%".replace(".", ",")


def group_counts(rows: Iterable[Mapping[str, Any]], key: str, *, limit: int = 12) -> list[tuple[str, int]]:
    """How many rows have each value of ``key``, most frequent first.

    Values are grouped by ``vntext.fold`` ("Cấp tỉnh", "cap tinh" and "CẤP TỈNH" are one group), shown
    with the spelling met most often (the first met on a tie). Beyond ``limit`` groups, the least
    frequent are added up as "Khác" (so at most ``limit`` named lines and "Khác"); rows with no value
    (empty, or only punctuation) are counted last as "(không ghi)". Ties are in alphabetical order.
    """
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    blank = 0
    for values in rows:
        raw = values.get(key)
        text = clean_text(raw if isinstance(raw, str) else ("" if raw is None else str(raw)))
        folded = fold(text)
        if not folded:
            blank += 1
            continue
        counts[folded] += 1
        spellings.setdefault(folded, Counter())[text] += 1
    named = [(spellings[k].most_common(1)[0][0], n) for k, n in counts.items()]
    named.sort(key=lambda item: (-item[1], sort_key(item[0])))
    limit = max(1, limit)
    if len(named) > limit:
        rest = sum(n for _, n in named[limit - 1 :])
        named = [*named[: limit - 1], (OTHER_LABEL, rest)]
    if blank:
        named.append((BLANK_LABEL, blank))
    return named


# ----------------------------------------------------------------------------------------------
# Sentences


def _names(names: Sequence[str]) -> list[str]:
    return [clean_text(name) for name in names if clean_text(name)]


def _capitalised(text: str) -> str:
    text = clean_text(text)
    return text[:1].upper() + text[1:]


_ABBREVIATIONS = frozenset(["UBND", "HĐND", "MTTQ", "CT-XH", "TNCS", "TW", "BCH", "BTV"])
_GENERIC_HEADS = ("văn phòng", "ủy ban", "ban", "sở", "phòng", "hội", "đoàn", "cục", "chi cục", "mặt trận")
_COMMITTEES = frozenset(("tỉnh ủy", "huyện ủy", "thành ủy", "quận ủy", "thị ủy", "đảng ủy", "tỉnh đoàn"))
_LOCALITIES = frozenset(("tỉnh", "huyện", "quận", "xã", "phường", "thị trấn", "thị xã", "thành phố"))


def sentence_name(name: str) -> str:
    """An organisation's name for use inside a sentence. A name in capitals, as headers print it
    ("BAN DÂN VẬN TỈNH ỦY"), is re-cased the usual way: generic head, then the specific name with a
    capital, party committees and place names capitalised ("Ban Dân vận Tỉnh ủy", "Sở Nội vụ",
    "Ủy ban nhân dân tỉnh Bắc Giang", "Đảng ủy xã Tân Liễu"); any other name is kept as written."""
    name = clean_text(name)
    if not name or name != name.upper():
        return name
    words = name.lower().split()
    capital = {0}
    text = " ".join(words)
    for head in _GENERIC_HEADS:
        if text.startswith(head + " ") and not text.startswith(head + " nhân dân"):
            capital.add(len(head.split()))
            break
    index = 0
    while index < len(words) - 1:
        pair = f"{words[index]} {words[index + 1]}"
        if pair in _COMMITTEES:
            capital.add(index)
            index += 2
            following = " ".join(words[index : index + 2])
            if index < len(words) and words[index] not in _LOCALITIES and following not in _LOCALITIES:
                capital.update(range(index, len(words)))  # "Tỉnh ủy Bắc Giang"
                break
            continue
        if pair in _LOCALITIES or words[index] in _LOCALITIES:
            capital.update(range(index + (2 if pair in _LOCALITIES else 1), len(words)))  # the place name
            break
        if words[index] == "và" and capital & {index - 1, index - 2}:
            capital.add(index + 1)  # "Ban Tuyên giáo và Dân vận"
        index += 1
    out = []
    for index, word in enumerate(words):
        if word.upper() in _ABBREVIATIONS:
            out.append(word.upper())
        else:
            out.append(word[:1].upper() + word[1:] if index in capital else word)
    return " ".join(out)


def figures_sentence(figures: CallFigures, issuing_body: str) -> str:
    """ "Ban Dân vận Tỉnh ủy đã đề nghị 45 cơ quan, đơn vị đăng ký ... (thời hạn: trước ngày 30/9/2023);
    đến nay, 40 đơn vị gửi đúng hạn, 3 gửi muộn, 2 chưa gửi (Sở A, Sở B)." The issuing body as
    ``sentence_name`` writes it (a name in capitals is re-cased)."""
    subject = sentence_name(issuing_body) or "Cơ quan"
    ask = f"{subject} đã đề nghị {format_number(figures.units_called)} cơ quan, đơn vị"
    title = clean_text(figures.call_title)
    if title:
        ask += f" {title}"
    if clean_text(figures.due_text):
        ask += f" (thời hạn: {clean_text(figures.due_text)})"
    sent = figures.on_time + figures.late
    if figures.units_called and figures.on_time == figures.units_called:
        result = f"tất cả {format_number(figures.on_time)} đơn vị đã gửi đúng hạn"
    elif figures.units_called and sent == 0:
        result = "chưa có đơn vị nào gửi"
    else:
        parts = [f"{format_number(figures.on_time)} đơn vị gửi đúng hạn"]
        if figures.late:
            parts.append(f"{format_number(figures.late)} gửi muộn")
        if figures.missing:
            parts.append(f"{format_number(figures.missing)} chưa gửi")
        result = ", ".join(parts)
    missing = _names(figures.missing_units)
    if figures.missing and missing:
        shown = ", ".join(missing[:NAMES_IN_SENTENCE])
        more = len(missing) - NAMES_IN_SENTENCE
        result += f" ({shown}" + (f" và {format_number(more)} đơn vị khác)" if more > 0 else ")")
    sentence = f"{ask}; đến nay, {result}."
    if figures.returned:
        sentence += (
            f" Có {format_number(figures.returned)} văn bản đã được trả lại để đơn vị bổ sung, hoàn chỉnh."
        )
    return sentence


def _activities_sentence(figures: CallFigures) -> str:
    total = (
        figures.activities_total
        or sum(n for _, n in figures.by_scope)
        or sum(n for _, n in figures.by_target)
    )
    return f"Các cơ quan, đơn vị đã đăng ký tổng số {format_number(total)} nội dung, hoạt động."


def _count_rows(counts: Sequence[tuple[str, int]], total: int) -> list[list[str]]:
    whole = total or sum(n for _, n in counts)
    rows = [
        [str(number), clean_text(label), format_number(count), format_percent(count, whole)]
        for number, (label, count) in enumerate(counts, start=1)
    ]
    rows.append(["", TOTAL_LABEL, format_number(sum(n for _, n in counts)), ""])
    return rows


# ----------------------------------------------------------------------------------------------
# The document


def _heading(doc: Any, profile: FormatProfile, number: int, title: str) -> None:
    doc_blocks.add_heading(doc, profile, ROMAN[number - 1] if number <= len(ROMAN) else str(number), title)


def _subheading(doc: Any, profile: FormatProfile, label: str, title: str) -> None:
    doc_blocks.add_body_paragraph(doc, profile, f"{label}. {title}", bold=True, keep_with_next=True)


def _add_counts_table(doc: Any, profile: FormatProfile, label: str, counts: Sequence, total: int) -> None:
    doc_blocks.add_body_paragraph(
        doc, profile, f"- Theo {label[:1].lower()}{label[1:]}:", keep_with_next=True
    )
    doc_blocks.add_table(
        doc,
        profile,
        ["Stt", label, COUNT_LABEL, SHARE_LABEL],
        _count_rows(counts, total),
        widths=[0.5, 3.0, 1.2, 0.8],
        aligns=["center", "left", "right", "right"],
    )
    doc_blocks.write_line(doc, profile, "", size=6)


def _add_call(doc: Any, profile: FormatProfile, figures: CallFigures, issuing_body: str) -> None:
    """The body of one call under numbered sub-headings "1.", "2."..."""
    number = 0

    def sub(title: str) -> None:
        nonlocal number
        number += 1
        _subheading(doc, profile, str(number), title)

    sub(SUBMISSIONS_HEADING)
    doc_blocks.add_body_paragraph(doc, profile, figures_sentence(figures, issuing_body))
    late = _names(figures.late_units)
    if late:
        doc_blocks.add_body_paragraph(doc, profile, f"Các đơn vị gửi muộn: {', '.join(late)}.")
    if figures.activities_total or figures.by_scope or figures.by_target:
        sub(ACTIVITIES_HEADING)
        doc_blocks.add_body_paragraph(doc, profile, _activities_sentence(figures))
        if figures.by_scope:
            _add_counts_table(doc, profile, SCOPE_LABEL, figures.by_scope, figures.activities_total)
        if figures.by_target:
            _add_counts_table(doc, profile, TARGET_LABEL, figures.by_target, figures.activities_total)
    # --- indicators (issue 14): the period's figures against last year and the target -------------
    if figures.indicators:
        from ..indicators.documents import HEADING as INDICATORS_HEADING
        from ..indicators.documents import add_docx_table

        sub(INDICATORS_HEADING)
        add_docx_table(doc, profile, figures.indicators)
    # ---------------------------------------------------------------------------------------------
    missing = _names(figures.missing_units)
    if missing:
        sub(f"{MISSING_HEADING} ({format_number(len(missing))} đơn vị)")
        if len(missing) <= LIST_AS_LINES:
            for index, name in enumerate(missing):
                end = "." if index == len(missing) - 1 else ";"
                doc_blocks.add_body_paragraph(doc, profile, f"- {name}{end}")
        else:
            doc_blocks.add_body_paragraph(doc, profile, ", ".join(missing) + ".")


def build_summary_report(
    *,
    figures: Sequence[CallFigures],
    issuing_body: str,
    superior_body: str,
    place: str,
    title: str,
    signer_authority: Sequence[str],
    signer_name: str,
    profile: str | FormatProfile = "party-2018",
    body_code: str = "",
    issued_on: date | None = None,
    recipients: Sequence[str] = (),
) -> Any:
    """The report as a python-docx Document (``render_summary_report`` returns its bytes)."""
    profile = get_profile(profile)
    doc = doc_blocks.new_document(profile, title=f"{DOC_TYPE} {clean_text(title)}".strip())
    doc_blocks.add_header_table(
        doc,
        profile,
        superior_body=superior_body,
        issuing_body=issuing_body,
        symbol_line=symbol_line(profile, type_code=TYPE_CODE, body_code=body_code) if body_code else "",
        place_date_line=place_date_line(profile, place, issued_on),
    )
    doc_blocks.add_doc_title(doc, profile, DOC_TYPE, clean_text(title))
    section = 0
    if len(figures) == 1:
        section += 1
        _heading(doc, profile, section, RESULTS_HEADING)
        _add_call(doc, profile, figures[0], issuing_body)
    else:
        for item in figures:
            section += 1
            _heading(doc, profile, section, _capitalised(item.call_title) or RESULTS_HEADING)
            _add_call(doc, profile, item, issuing_body)
    section += 1
    _heading(doc, profile, section, ASSESSMENT_HEADING)
    doc_blocks.add_body_paragraph(doc, profile, ASSESSMENT_PLACEHOLDER, italic=True)
    closing = f"Trên đây là báo cáo {clean_text(title)} của {sentence_name(issuing_body)}".strip()
    doc_blocks.add_body_paragraph(doc, profile, closing_text(profile, closing))
    lines = recipient_lines(
        profile,
        (SimpleNamespace(name=line, purpose="", purpose_text="", raw=line) for line in recipients),
    )
    doc_blocks.add_signature_and_recipients(doc, profile, lines, list(signer_authority), signer_name)
    return doc


def render_summary_report(
    *,
    figures: Sequence[CallFigures],
    issuing_body: str,
    superior_body: str,
    place: str,
    title: str,
    signer_authority: Sequence[str],
    signer_name: str,
    profile: str | FormatProfile = "party-2018",
    body_code: str = "",
    issued_on: date | None = None,
    recipients: Sequence[str] = (),
) -> bytes:
    """ "BÁO CÁO" + ``title`` ("kết quả đăng ký hoạt động “Tháng Dân vận” năm 2023") as DOCX bytes.

    One section per call when there are several (headed by the call's title), else one "Kết quả
    thực hiện" section; then "Đánh giá, đề xuất" with ``ASSESSMENT_PLACEHOLDER`` for the officer.
    Optional: ``body_code`` ("BDVTU") gives the number line "Số    -BC/BDVTU" (blank number: a draft);
    ``issued_on`` the date (None leaves the date blank to fill in by hand); ``recipients`` the lines
    of "Nơi nhận" ("Thường trực Tỉnh ủy (b/c)"; "Lưu: VT" is always added).
    """
    return doc_blocks.docx_bytes(
        build_summary_report(
            figures=figures,
            issuing_body=issuing_body,
            superior_body=superior_body,
            place=place,
            title=title,
            signer_authority=signer_authority,
            signer_name=signer_name,
            profile=profile,
            body_code=body_code,
            issued_on=issued_on,
            recipients=recipients,
        )
    )

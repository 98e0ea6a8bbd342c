"""The citizen-reception and petition report as DOCX in the official format and as XLSX.

Pure writing: the figures come counted (reports.selectors.ReportFigures); no personal data ever reaches here.
Numbers are written Vietnamese style (1.234; 12,5%).
"""

from types import SimpleNamespace

from danvan.lib.exports.xlsx import Sheet, write_workbook
from danvan.lib.officialdoc import blocks
from danvan.lib.officialdoc.profiles import (
    closing_text,
    get_profile,
    place_date_line,
    recipient_lines,
    symbol_line,
)

from .selectors import Counts, ReportFigures

TITLE = "kết quả tiếp xúc, đối thoại và tiếp nhận, giải quyết ý kiến, kiến nghị của Nhân dân"
COLUMNS = [
    "Tiếp nhận",
    "Giải quyết đúng hạn",
    "Giải quyết quá hạn",
    "Quá hạn chưa giải quyết",
    "Đang trong hạn",
]
PLACEHOLDER = "(Phần đánh giá, đề xuất: cán bộ bổ sung)"


def number(value: int) -> str:
    return f"{int(value):,}".replace(",", ".")


def percent(part: int, whole: int) -> str:
    if not whole:
        return "0%"
    value = round(part * 100 / whole, 1)
    return f"{int(value)}%" if value == int(value) else f"{value:.1f}%".replace(".", ",")


def _values(c: Counts) -> list[int]:
    return [c.received, c.on_time, c.late, c.overdue, c.pending]


def summary_sentence(f: ReportFigures) -> str:
    t = f.total
    return (
        f"Trong {f.period.label}, các cơ quan, đơn vị đã tiếp nhận {number(t.received)} ý kiến, "
        f"kiến nghị của Nhân dân ({number(f.petitions_from_dialogues)} qua tiếp xúc, đối thoại); "
        f"đã giải quyết {number(t.resolved)} ({percent(t.resolved, t.received)}), trong đó đúng hạn "
        f"{number(t.on_time)}, quá hạn {number(t.late)}; còn {number(t.overdue)} ý kiến, kiến nghị quá hạn "
        f"chưa giải quyết và {number(t.pending)} đang trong hạn (số liệu tính đến ngày {f.as_of:%d/%m/%Y})."
    )


def dialogue_sentence(f: ReportFigures) -> str:
    return (
        f"Trong {f.period.label}, đã tổ chức {number(f.dialogues)} cuộc tiếp xúc, đối thoại với "
        f"{number(f.participants)} lượt người tham dự."
    )


def _table(doc, profile, first: str, rows: list[Counts], total: Counts) -> None:
    body = [[str(i), c.label, *map(number, _values(c))] for i, c in enumerate(rows, start=1)]
    body.append(["", "Tổng cộng", *map(number, _values(total))])
    blocks.add_table(
        doc,
        profile,
        ["Stt", first, *COLUMNS],
        body,
        widths=[0.5, 2.6, 1, 1, 1, 1, 1],
        aligns=["center", "left", *["right"] * 5],
        size=11,
    )
    blocks.write_line(doc, profile, "", size=6)


def render_docx(
    f: ReportFigures,
    *,
    issuing_body: str,
    superior_body: str = "",
    place: str = "",
    signer_authority=("T/M BAN THƯỜNG VỤ",),
    signer_name: str = "",
    body_code: str = "",
    issued_on=None,
    recipients=(),
) -> bytes:
    profile = get_profile("party-2018")
    title = f"{TITLE} {f.period.label}"
    doc = blocks.new_document(profile, title=f"BÁO CÁO {title}")
    blocks.add_header_table(
        doc,
        profile,
        superior_body=superior_body,
        issuing_body=issuing_body,
        symbol_line=symbol_line(profile, type_code="BC", body_code=body_code) if body_code else "",
        place_date_line=place_date_line(profile, place, issued_on),
    )
    blocks.add_doc_title(doc, profile, "BÁO CÁO", title)
    blocks.add_heading(doc, profile, "I", "Công tác tiếp xúc, đối thoại")
    blocks.add_body_paragraph(doc, profile, dialogue_sentence(f))
    blocks.add_heading(doc, profile, "II", "Kết quả tiếp nhận, giải quyết ý kiến, kiến nghị")
    blocks.add_body_paragraph(doc, profile, summary_sentence(f))
    if f.by_field:
        blocks.add_body_paragraph(doc, profile, "1. Theo lĩnh vực", bold=True, keep_with_next=True)
        _table(doc, profile, "Lĩnh vực", f.by_field, f.total)
    if f.by_locality:
        blocks.add_body_paragraph(doc, profile, "2. Theo địa bàn, đơn vị", bold=True, keep_with_next=True)
        _table(doc, profile, "Địa bàn, đơn vị", f.by_locality, f.total)
    if f.overdue_rows:
        blocks.add_body_paragraph(
            doc, profile, "3. Ý kiến, kiến nghị quá hạn chưa giải quyết", bold=True, keep_with_next=True
        )
        blocks.add_table(
            doc,
            profile,
            ["Số", "Nội dung", "Lĩnh vực", "Nơi tiếp nhận", "Đơn vị chủ trì", "Hạn"],
            [
                [f"#{pk}", title_, field, received, responsible or "", f"{deadline:%d/%m/%Y}"]
                for pk, title_, field, received, responsible, deadline in f.overdue_rows
            ],
            widths=[0.6, 3, 1.2, 1.4, 1.4, 1],
            size=11,
        )
    blocks.add_heading(doc, profile, "III", "Đánh giá, đề xuất")
    blocks.add_body_paragraph(doc, profile, PLACEHOLDER, italic=True)
    blocks.add_body_paragraph(doc, profile, closing_text(profile, f"Trên đây là báo cáo {title}"))
    lines = recipient_lines(
        profile, (SimpleNamespace(name=r, purpose="", purpose_text="", raw=r) for r in recipients)
    )
    blocks.add_signature_and_recipients(doc, profile, lines, list(signer_authority), signer_name)
    return blocks.docx_bytes(doc)


def render_xlsx(f: ReportFigures) -> bytes:
    notes = [f"Báo cáo {TITLE} {f.period.label} — {f.unit_name}", f"Số liệu tính đến ngày {f.as_of:%d/%m/%Y}"]
    headers = ["Stt", "", *COLUMNS, "Tỷ lệ giải quyết"]

    def rows(items: list[Counts]):
        for i, c in enumerate(items, start=1):
            yield [i, c.label, *_values(c), percent(c.resolved, c.received)]
        t = f.total
        yield ["", "Tổng cộng", *_values(t), percent(t.resolved, t.received)]

    return write_workbook(
        [
            Sheet(
                "Tổng hợp",
                ["Chỉ tiêu", "Số lượng"],
                [
                    ["Cuộc tiếp xúc, đối thoại đã tổ chức", f.dialogues],
                    ["Lượt người tham dự", f.participants],
                    ["Ý kiến, kiến nghị tiếp nhận", f.total.received],
                    ["Trong đó qua tiếp xúc, đối thoại", f.petitions_from_dialogues],
                    ["Giải quyết đúng hạn", f.total.on_time],
                    ["Giải quyết quá hạn", f.total.late],
                    ["Quá hạn chưa giải quyết", f.total.overdue],
                    ["Đang trong hạn", f.total.pending],
                ],
                widths=[45, 14],
                notes=notes,
            ),
            Sheet(
                "Theo lĩnh vực",
                [headers[0], "Lĩnh vực", *headers[2:]],
                rows(f.by_field),
                widths=[6, 30, 12, 14, 14, 16, 14, 14],
                notes=notes,
            ),
            Sheet(
                "Theo địa bàn",
                [headers[0], "Địa bàn, đơn vị", *headers[2:]],
                rows(f.by_locality),
                widths=[6, 36, 12, 14, 14, 16, 14, 14],
                notes=notes,
            ),
            Sheet(
                "Quá hạn",
                ["Số", "Nội dung", "Lĩnh vực", "Nơi tiếp nhận", "Đơn vị chủ trì", "Hạn"],
                ([f"#{pk}", t, fl, r, resp or "", d] for pk, t, fl, r, resp, d in f.overdue_rows),
                widths=[8, 50, 20, 28, 28, 12],
                notes=notes,
            ),
        ]
    )

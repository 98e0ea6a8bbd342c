"""Award documents: the certificate (giấy khen / bằng khen) and the list attached to the decision."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from danvan.lib.officialdoc import blocks
from danvan.lib.officialdoc.profiles import get_profile
from danvan.lib.vndates import format_date, format_vn_date_line


@dataclass
class AwardLine:
    recipient: str
    reason: str
    form_label: str  # "Giấy khen"
    level: str  # "Chủ tịch UBND tỉnh"
    decision_number: str
    decision_date: date


def certificate_docx(
    award: AwardLine,
    *,
    issuer: str,
    place: str,
    signer_authority: Sequence[str] = ("CHỦ TỊCH",),
    signer_name: str = "",
) -> bytes:
    """A landscape certificate: issuer, the form in large capitals, recipient, reason, the decision."""
    profile = get_profile("state-2020")
    doc = blocks.new_document(profile, landscape=True, title=award.form_label)
    blocks.write_line(doc, profile, issuer.upper(), size=14, bold=True, space_after=6)
    blocks.write_line(doc, profile, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=13, bold=True)
    blocks.write_line(doc, profile, "Độc lập - Tự do - Hạnh phúc", size=14, bold=True, space_after=24)
    blocks.write_line(doc, profile, award.form_label.upper(), size=40, bold=True, space_after=12)
    blocks.write_line(doc, profile, "Tặng", size=16, italic=True, space_after=6)
    blocks.write_line(doc, profile, award.recipient, size=26, bold=True, space_after=12)
    if award.reason:
        blocks.write_line(doc, profile, f"Đã có thành tích {award.reason}", size=16, space_after=18)
    table = blocks.add_layout_table(doc, [120, 130])
    left, right = table.cell(0, 0), table.cell(0, 1)
    blocks.write_line(
        left, profile, f"Quyết định số {award.decision_number}", size=13, italic=True, align="left"
    )
    blocks.write_line(
        left, profile, f"ngày {format_date(award.decision_date)}", size=13, italic=True, align="left"
    )
    blocks.write_line(right, profile, format_vn_date_line(place, award.decision_date), size=14, italic=True)
    for line in signer_authority:
        blocks.write_line(right, profile, line, size=14, bold=True)
    blocks.write_line(right, profile, signer_name, size=14, bold=True, space_before=60)
    return blocks.docx_bytes(doc)


def decision_list_docx(
    awards: Sequence[AwardLine],
    *,
    issuer: str,
    superior: str,
    decision_number: str,
    decision_date: date | None,
) -> bytes:
    """ "DANH SÁCH … (Kèm theo Quyết định số … ngày …)": the collectives and persons commended, by form."""
    profile = get_profile("state-2020")
    doc = blocks.new_document(profile, landscape=False, title="Danh sách khen thưởng")
    blocks.add_header_table(
        doc, profile, superior_body=superior, issuing_body=issuer, symbol_line="", place_date_line=""
    )
    blocks.add_doc_title(
        doc, profile, "DANH SÁCH", "tập thể, cá nhân được khen thưởng trong phong trào thi đua “Dân vận khéo”"
    )
    when = f" ngày {format_date(decision_date)}" if decision_date else ""
    blocks.write_line(
        doc,
        profile,
        f"(Kèm theo Quyết định số {decision_number}{when})",
        size=13,
        italic=True,
        space_after=12,
    )
    rows = [[str(i), a.recipient, a.reason, a.form_label, a.level] for i, a in enumerate(awards, start=1)]
    blocks.add_table(
        doc,
        profile,
        ["Stt", "Tập thể, cá nhân", "Thành tích", "Hình thức", "Cấp khen"],
        rows,
        widths=[8, 40, 52, 18, 26],
        aligns=["center", "left", "left", "center", "left"],
    )
    return blocks.docx_bytes(doc)

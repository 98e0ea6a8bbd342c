"""The appraisal round's result document (THÔNG BÁO kết quả thẩm định), in the Party's official format:
header with the issuing body and the number, place and date, the council's result per entry, and the
signature and recipients. Pure Python over plain data: the view builds RoundResult from the round."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace

from danvan.lib.officialdoc import blocks
from danvan.lib.officialdoc.profiles import (
    closing_text,
    get_profile,
    place_date_line,
    recipient_lines,
    symbol_line,
)


@dataclass
class ResultRow:
    title: str
    unit: str  # the full place: "Khu phố Đông — Phường An Bình — Tỉnh …"
    average: str  # "86,5" or "—"
    decision: str  # "Công nhận ở cấp này"


@dataclass
class RoundResult:
    round_name: str
    year: int
    superior_body: str  # "TỈNH ỦY BẮC NINH"
    issuing_body: str  # "BAN DÂN VẬN"
    number: str  # the decision's number as written ("15-TB/BDV")
    place: str  # "Từ Sơn"
    day: date | None
    threshold: str
    minutes_note: str  # "theo biên bản họp hội đồng ngày …" or the file's name
    rows: Sequence[ResultRow]
    signer_authority: Sequence[str] = ()
    signer_name: str = ""
    recipients: Sequence[str] = field(default_factory=list)


def round_result_docx(result: RoundResult) -> bytes:
    profile = get_profile("party-2018")
    doc = blocks.new_document(profile, title="Thông báo kết quả thẩm định")
    blocks.add_header_table(
        doc,
        profile,
        superior_body=result.superior_body,
        issuing_body=result.issuing_body,
        symbol_line=symbol_line(profile, symbol=result.number) or f"Số {result.number}",
        place_date_line=place_date_line(profile, result.place, result.day),
    )
    blocks.add_doc_title(
        doc,
        profile,
        "THÔNG BÁO",
        f"kết quả thẩm định mô hình, điển hình “Dân vận khéo” năm {result.year}",
    )
    blocks.add_body_paragraph(
        doc,
        profile,
        f"Hội đồng thẩm định {result.round_name} đã họp, chấm điểm độc lập các hồ sơ được đưa vào đợt "
        f"thẩm định ({result.minutes_note}); điểm tối thiểu để công nhận là {result.threshold} điểm. "
        "Kết quả như sau:",
    )
    blocks.add_table(
        doc,
        profile,
        ["Stt", "Mô hình, điển hình", "Đơn vị, địa bàn", "Điểm trung bình", "Kết quả"],
        [[str(i), r.title, r.unit, r.average, r.decision] for i, r in enumerate(result.rows, start=1)],
        widths=[10, 50, 50, 22, 32],
        aligns=["center", "left", "left", "center", "left"],
    )
    blocks.add_body_paragraph(
        doc,
        profile,
        closing_text(
            profile,
            "Đề nghị các đơn vị có mô hình, điển hình được công nhận tiếp tục duy trì, nhân rộng",
        ),
    )
    names = [*result.recipients] or ["Các đơn vị có mô hình, điển hình"]
    items = [SimpleNamespace(name=n, purpose="", purpose_text="", raw=n) for n in names]
    if not any(n.casefold().startswith("lưu") for n in names):
        items.append(SimpleNamespace(name="", purpose="archive", purpose_text="", raw="Lưu: VT"))
    blocks.add_signature_and_recipients(
        doc,
        profile,
        recipient_lines(profile, items),
        list(result.signer_authority) or ["TRƯỞNG BAN"],
        result.signer_name,
    )
    return blocks.docx_bytes(doc)

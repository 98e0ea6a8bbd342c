"""Documents written by hand (not from facts): a notice of conclusions, a decision with its attached
regulation, a report and a conclusion, each with what a reader expects to find."""

from __future__ import annotations

from datetime import date as d
from pathlib import Path

from .facts import RECURRING, RELATIVE, Expected, by, exact, period, span

TEXTS = Path(__file__).parent / "texts"

HANDWRITTEN: dict[str, Expected] = {
    "notice_conclusion": Expected(
        doc_type="THÔNG BÁO",
        symbol="214-TB/HU",
        issued_on=d(2025, 12, 3),
        signer=(("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"), "Nguyễn Thị Thu Hà"),
        recipients=[
            "Thường trực Huyện ủy",
            "Ban Dân vận Huyện ủy",
            "Đảng ủy các xã, thị trấn",
            "Văn phòng Huyện ủy",
        ],
        marks=[exact(d(2025, 11, 28)), by(d(2025, 12, 30)), by(d(2026, 1, 15)), RELATIVE],
        tasks=[
            ("tham muu ban thuong vu huyen uy", ("Ban Dân vận Huyện ủy",)),
            ("phoi hop ra soat cac kien nghi", ("Văn phòng Huyện ủy", "Văn phòng HĐND-UBND huyện")),
            ("tiep tuc chi dao to dan van", ("Đảng ủy các xã, thị trấn",)),
        ],
    ),
    "decision_regulation": Expected(
        doc_type="QUYẾT ĐỊNH",
        symbol="57/QĐ-UBND",
        issued_on=d(2026, 1, 14),
        signer=(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Bùi Minh Tuấn"),
        recipients=["Như Điều 3", "Thường trực Đảng ủy xã", "Ủy ban MTTQ Việt Nam xã", "VT"],
        marks=[RELATIVE, RELATIVE, RELATIVE, RECURRING],  # "có hiệu lực kể từ ngày ký" is relative too
        tasks=[],
    ),
    "report": Expected(
        doc_type="BÁO CÁO",
        symbol="96-BC/ĐU",
        issued_on=d(2025, 12, 22),
        signer=(("T/M ĐẢNG ỦY", "BÍ THƯ"), "Vũ Văn Thành"),
        recipients=[
            "Ban Thường vụ Huyện ủy",
            "Ban Dân vận Huyện ủy",
            "Các chi bộ trực thuộc",
            "Văn phòng Đảng ủy",
        ],
        marks=[by(d(2026, 3, 31)), period(d(2026, 6, 1), d(2026, 6, 30))],
        tasks=[],
    ),
    "conclusion": Expected(
        doc_type="KẾT LUẬN",
        symbol="11-KL/ĐU",
        issued_on=d(2025, 10, 9),
        signer=(("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"), "Đinh Quốc Bảo"),
        recipients=[
            "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường",
            "Các chi bộ trực thuộc",
            "Văn phòng Đảng ủy",
        ],
        marks=[exact(d(2025, 10, 6)), span(d(2025, 10, 13), d(2025, 10, 17)), RECURRING, by(d(2025, 10, 31))],
        tasks=[
            (
                "to chuc lay y kien nhan dan",
                ("Ủy ban Mặt trận Tổ quốc Việt Nam phường", "các đoàn thể chính trị - xã hội"),
            ),
            ("tang cuong nam tinh hinh nhan", ("Các chi bộ khu phố",)),
            ("theo doi don doc viec thuc", ("Văn phòng Đảng ủy",)),
        ],
    ),
}


def text_of(name: str) -> str:
    return (TEXTS / f"{name}.txt").read_text(encoding="utf-8")

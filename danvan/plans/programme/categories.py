"""What kind of work a programme item is, guessed from its words when a programme is imported."""

from __future__ import annotations

from danvan.lib import vntext

from ..models import ItemCategory

# Folded words, first match wins: "Kiểm tra việc tổ chức hội nghị" is an inspection, not a conference.
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (ItemCategory.INSPECTION, ("kiem tra", "giam sat", "thanh tra")),
    (ItemCategory.MODEL, ("mo hinh", "dan van kheo", "dien hinh")),
    (ItemCategory.CAMPAIGN, ("thang dan van", "dot cao diem", "chien dich", "dot thi dua", "ra quan")),
    (ItemCategory.REPORT, ("bao cao", "tong hop ket qua")),
    (
        ItemCategory.CONFERENCE,
        ("hoi nghi", "so ket", "tong ket", "giao ban", "toa dam", "hoi thao", "doi thoai", "tap huan"),
    ),
)


def guess_category(text: str) -> str:
    folded = vntext.fold(text or "")
    for category, words in _RULES:
        if any(word in folded for word in words):
            return category
    return ItemCategory.OTHER

"""The words and phrases the grammar recognises."""

from __future__ import annotations

import re
from functools import lru_cache

# ----------------------------------------------------------------------------------------------
# Vocabulary

_DASHES = frozenset("-–—~‐‑‒−")
_BLANK_FILL = frozenset(".…,:-/")
_NUMBER_WORDS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "tư": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "bẩy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_MONTH_WORDS = {**_NUMBER_WORDS, "mười một": 11, "mười hai": 12}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ROMAN_RE = re.compile(r"[ivxlc]+")
_THIRDS = {
    "thượng tuần": ("third", 0),
    "trung tuần": ("third", 1),
    "hạ tuần": ("third", 2),
    "đầu": ("third", 0),
    "giữa": ("third", 1),
    "cuối": ("third", 2),
    "tuần đầu": ("week", 0),
    "tuần đầu tiên": ("week", 0),
    "tuần cuối": ("week", 1),
    "tuần cuối cùng": ("week", 1),
}
_DEADLINE_VERBS = ("xong", "hoàn thành", "hoàn tất", "hoàn thiện")
_DEADLINE_BY = (
    "chậm nhất",
    "chậm nhất là",
    "muộn nhất",
    "muộn nhất là",
    "hạn chót",
    "hạn chót là",
    "hạn cuối",
    "hạn cuối là",
    "đến hết",
    "tới hết",
    "từ nay đến",
    "từ nay đến hết",
    "từ nay tới",
    "từ nay tới hết",
    "không muộn hơn",
    "không chậm hơn",
    "không quá",
)
_RANGE_FROM = ("từ", "kể từ", "tính từ", "bắt đầu từ")
_CONNECTOR_WORDS = ("đến", "tới", "cho đến", "cho tới", "đến hết", "tới hết")
_TENTATIVE = ("dự kiến", "dự định")
_TENTATIVE_FILLERS = ("vào", "là", "khoảng", "vào khoảng", "trong", "tổ chức", "thời gian")
_UNITS = ("ngày", "tuần", "tháng", "quý", "năm", "giờ")
_RELATIVE_LEADS = (
    "trong thời hạn",
    "thời hạn",
    "trong hạn",
    "trong vòng",
    "trong khoảng",
    "sau",
    "trước",
    "chậm nhất",
    "chậm nhất là",
    "muộn nhất",
)
_ANCHORS = ("kể từ", "tính từ", "sau khi", "trước khi", "sau", "trước")
_EVENT_LEADS = (
    "ngay sau khi",
    "ngay khi",
    "cho đến khi",
    "cho tới khi",
    "đến khi",
    "tới khi",
    "sau khi",
    "trước khi",
)
_RECURRING = ("hằng", "hàng", "mỗi")
_TAIL_WORDS = 8


@lru_cache(maxsize=512)
def _split(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.split())

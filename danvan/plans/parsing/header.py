"""The head of a plan: issuing bodies, number and symbol, place and date, document type and summary."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from danvan.lib import vndates, vntext
from danvan.lib.plandoc import Doubt, PlanDocument

from . import vocab
from .lines import Line, is_caps
from .references import split_basis_clause

MSG_HEADER_LINE = "Chưa xếp được dòng ở đầu văn bản: «{text}»."
WHERE_HEADER = "Phần đầu văn bản"
REASON_PAGE_TITLE = "Số, ký hiệu và ngày lấy từ dòng tiêu đề trang (phần đầu văn bản không ghi số)."
REASON_DATE_JOINED = "Dòng ngày tháng bị ngắt đã được nối lại: kiểm tra ngày ban hành."
MSG_BAD_DATE = "Ngày ban hành không đọc được: {problem}"
MSG_NOT_A_DAY = "Dòng ngày tháng «{text}» không ghi một ngày cụ thể; chưa lấy làm ngày ban hành."

_KNOWN_CODES = {code.lower() for _, _, code in vocab.DOC_TYPES} | {
    code.lower() for _, code in vocab.REFERENCE_TYPES
}
_SO_RE = re.compile(r"^(?:số|Số|SỐ)\s*[:.]?\s*(?P<rest>.*)$")
_DATE_LINE_RE = re.compile(r"^(?:(?P<place>[^\d,;:()]{2,60}?)\s*,\s*)?(?P<date>(?:ngày|Ngày|NGÀY)\b.*)$")
_DECORATION_RE = re.compile(r"^[\s*_\-–—=~.·•oO0()]*$")
_PARTY_SYMBOL_RE = re.compile(r"^(?P<number>\d*)\s*-\s*(?P<code>[^\W\d_]+)\s*/\s*(?P<body>\S+)$")
_STATE_SYMBOL_RE = re.compile(
    r"^(?P<number>\d*)\s*/\s*(?:(?P<year>\d{4})\s*/\s*)?(?P<code>[^\W\d_]+)\s*-\s*(?P<body>\S+)$"
)
_STATE_NOCODE_RE = re.compile(r"^(?P<number>\d*)\s*/\s*(?P<body>[^\W\d_][\w\-]*)$")


@dataclass
class Symbol:
    number: str = ""
    symbol: str = ""
    type_code: str = ""
    body_code: str = ""
    style: str = ""  # "party" | "state" | ""


def parse_symbol(rest: str) -> Symbol:
    """ "12-KH/BDVTU", "157/KH-UBND", "/KH-MTTQ-BTT" (unsigned draft), "16/KH-MTTQ-BTT" -> parts."""
    raw = vntext.clean_text(rest).strip(" .,;")
    raw = re.sub(r"^[.…_\s]+", "", raw)
    compact = re.sub(r"\s*([-/])\s*", r"\1", raw)
    m = _PARTY_SYMBOL_RE.match(compact)
    if m:
        number, code, body = m["number"], m["code"], m["body"]
        symbol = f"{number}-{code}/{body}" if number else f"{code}/{body}"
        return Symbol(number, symbol, code, body, "party")
    m = _STATE_SYMBOL_RE.match(compact)
    if m:
        number, code, body = m["number"], m["code"], m["body"]
        head = f"{number}/" if number else ""
        year = f"{m['year']}/" if m["year"] else ""
        symbol = f"{head}{year}{code}-{body}"
        if code.lower() not in _KNOWN_CODES:
            return Symbol(number, symbol, "", f"{code}-{body}", "state")
        return Symbol(number, symbol, code, body, "state")
    m = _STATE_NOCODE_RE.match(compact)
    if m:
        number, body = m["number"], m["body"]
        return Symbol(number, f"{number}/{body}" if number else body, "", body, "state")
    number = re.match(r"\d*", compact).group(0)
    return Symbol(number, compact.lstrip("-/"), "", "", "")


def parse_date_line(text: str) -> tuple[str, date | None, str | None] | None:
    """ "Bắc Giang, ngày 12 tháng 9 năm 2018" -> (place, date, warning). None when not a date line.

    A blank date of an unsigned draft ("ngày   tháng 01 năm 2026") gives no date and no warning.
    """
    m = _DATE_LINE_RE.match(text.strip())
    if not m:
        return None
    place = (m["place"] or "").strip()
    if place and (place[0].islower() or len(place.split()) > 6):
        return None
    words = m["date"]
    if "tháng" not in words.lower() and "/" not in words and "-" not in words and "." not in words:
        return None
    try:
        window = vndates.parse_window(words)
    except vndates.DateParseError as error:
        if vndates.MSG_BLANK in error.message:
            return place, None, None
        return place, None, MSG_BAD_DATE.format(problem=error.message)
    if window.kind != "exact":
        return place, None, MSG_NOT_A_DAY.format(text=text.strip())
    return place, window.start, None


def national_style(text: str) -> str | None:
    """ "party" for "ĐẢNG CỘNG SẢN VIỆT NAM", "state" for "CỘNG HÒA XÃ HỘI ..." (anywhere in the text)."""
    m = _NATIONAL_RE.search(text)
    if m is None:
        return None
    return "party" if m["party"] else "state"


_NATIONAL_RE = re.compile(
    r"(?P<party>ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM)"
    r"|(?P<state>CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc)",
    re.IGNORECASE,
)
_SO_WITH_DATE_RE = re.compile(r"^(?P<symbol>\S+)\s+(?P<date>[^\d,;:()]{2,60}?,\s*ngày\b.*)$", re.IGNORECASE)


def _cells(lines: list[Line]) -> tuple[list[str], str]:
    """The header's pieces of text, with the national title lines taken out (and the style they give).

    Text copied out of a two-column header often puts both columns on one line ("TỈNH ỦY BẮC GIANG ĐẢNG
    CỘNG SẢN VIỆT NAM", "* Bắc Giang, ngày ..."): the national title splits such a line."""
    raw: list[str] = []
    for line in lines:
        raw.extend(line.filled_cells() if line.is_row else [line.text])
    out: list[str] = []
    style = ""
    for text in raw:
        pieces = [text]
        if _NATIONAL_RE.search(text):
            pieces = []
            last = 0
            for m in _NATIONAL_RE.finditer(text):
                style = style or ("party" if m["party"] else "state")
                pieces.append(text[last : m.start()])
                last = m.end()
            pieces.append(text[last:])
        for piece in pieces:
            piece = piece.strip(" -–—_")
            if piece.startswith("*") and piece.strip("* "):
                piece = piece.strip("* ")
            if piece:
                out.extend(_split_body_and_date(piece))
    return _join_wrapped_date(out), style


def _raw_pieces(lines: list[Line]) -> set[str]:
    out: set[str] = set()
    for line in lines:
        out.update(line.filled_cells() if line.is_row else [line.text])
    return out


def _split_body_and_date(piece: str) -> list[str]:
    """ "BAN TUYÊN GIÁO VÀ DÂN VẬN  Lam Giang, ngày 27 tháng 10 năm 2025" (two header columns copied side by
    side) -> the body and the date line."""
    if ", ngày" not in piece.lower() or parse_date_line(piece) is not None:
        return [piece]
    words = piece.split()
    for k in range(1, len(words)):
        left, right = " ".join(words[:k]), " ".join(words[k:])
        if is_caps(left) and not is_caps(right) and parse_date_line(right) is not None:
            return [left, right]
    return [piece]


_DATE_START_RE = re.compile(r"(?:^|,\s*)ngày\b[\s\d.…_]*$|,\s*$|^[^\d,;:()]{2,40},\s*ngày\b", re.IGNORECASE)


def _join_wrapped_date(texts: list[str]) -> list[str]:
    """A date line broken in a narrow cell ("Tân Phước, ngày" / "05 tháng 12 năm 2025") is joined again."""
    out: list[str] = []
    k = 0
    while k < len(texts):
        text = texts[k]
        if _DATE_START_RE.search(text) and not is_caps(text):
            dated = parse_date_line(text)
            if dated is None or dated[1] is None:
                taken = 0
                for extra in (1, 2):
                    got = (
                        parse_date_line(" ".join(texts[k : k + 1 + extra]))
                        if k + extra < len(texts)
                        else None
                    )
                    if got is not None and got[1] is not None:
                        taken = extra
                        break
                out.append(" ".join(texts[k : k + 1 + taken]))
                k += 1 + taken
                continue
        out.append(text)
        k += 1
    return out


# A page-title line of a portal: "Kế hoạch số 2297-KH/BDVTW ngày 26/12/2018 của Ban Dân vận Trung ương ..."
_PAGE_TITLE_RE = re.compile(
    r"^(?P<type>[A-ZĐ][^\d:]{1,30}?)\s+số\s*:?\s*(?P<symbol>\d+\s*[-/]\s*\S+?)\s*,?\s+ngày\s+"
    r"(?P<date>\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})",
)


def page_title(text: str) -> tuple[Symbol, date | None] | None:
    m = _PAGE_TITLE_RE.match(text.strip())
    if m is None or match_type_line(m["type"].upper()) is None:
        return None
    try:
        day = vndates.parse_date(m["date"])
    except vndates.DateParseError:
        day = None
    return parse_symbol(m["symbol"]), day


def is_header_line(text: str) -> bool:
    """Whether a line belongs to the head of a document (for plans without a type line)."""
    folded = vntext.fold(text)
    if not folded or _DECORATION_RE.match(text) or national_style(text):
        return True
    if _SO_RE.match(text) and re.search(r"\d|/|-", text):
        return True
    if parse_date_line(text) is not None:
        return True
    return is_caps(text) and len(text) <= 80


_PLACE_WORDS = ("tinh", "huyen", "thanh pho", "quan", "thi xa", "xa", "phuong", "thi tran")
_BODY_AFTER_PLACE = ("uy", "doan", "hoi", "bo")


def _continues_name(text: str) -> bool:
    """ "TỈNH BẮC GIANG" under "ỦY BAN NHÂN DÂN" finishes that name; "TỈNH ỦY BẮC GIANG" is a body itself."""
    folded = vntext.fold(text)
    for word in _PLACE_WORDS:
        if folded.startswith(word + " "):
            following = folded[len(word) + 1 :].split()
            return bool(following) and following[0] not in _BODY_AFTER_PLACE
    return False


def parse_header(lines: list[Line], doc: PlanDocument, warnings: list[str]) -> bool:
    """Fill the header fields of ``doc`` from the lines before the document type; True when the header
    says which style the document follows (a national title line or the shape of the symbol)."""
    bodies: list[str] = []
    texts, style = _cells(lines)
    joined_dates = {t for t in texts if t not in _raw_pieces(lines)}
    symbol_style = ""
    for text in texts:
        text = text.strip()
        folded = vntext.fold(text)
        if not folded or _DECORATION_RE.match(text):
            continue
        m = _SO_RE.match(text)
        if m and (re.search(r"[\d/]", m["rest"]) or "-" in m["rest"]):
            rest = m["rest"]
            both = _SO_WITH_DATE_RE.match(rest)
            if both and parse_date_line(both["date"]) is not None:
                rest = both["symbol"]
                doc.place, doc.issued_on, problem = parse_date_line(both["date"])
                if problem:
                    warnings.append(problem)
            sym = parse_symbol(rest)
            doc.number, doc.symbol, doc.body_code = sym.number, sym.symbol, sym.body_code
            if sym.type_code:
                doc.type_code = sym.type_code
            symbol_style = sym.style
            continue
        titled = page_title(text) if not doc.symbol else None
        if titled is not None:
            sym, day = titled
            doc.number, doc.symbol, doc.body_code = sym.number, sym.symbol, sym.body_code
            if sym.type_code:
                doc.type_code = sym.type_code
            symbol_style = sym.style
            doc.issued_on = doc.issued_on or day
            doc.doubts.append(Doubt("header", WHERE_HEADER, text[:120], REASON_PAGE_TITLE, 0.7))
            continue
        dated = parse_date_line(text)
        if dated is not None:
            if text in joined_dates:
                doc.doubts.append(Doubt("header", WHERE_HEADER, text, REASON_DATE_JOINED, 0.8))
            doc.place, doc.issued_on, problem = dated
            if problem:
                warnings.append(problem)
            continue
        if is_caps(text) and len(text) <= 120:
            if bodies and _continues_name(text):
                bodies[-1] = f"{bodies[-1]} {vntext.clean_text(text)}"
            else:
                bodies.append(vntext.clean_text(text))
            continue
        warnings.append(MSG_HEADER_LINE.format(text=text))
    if bodies:
        doc.issuing_body = bodies[-1]
        doc.superior_body = " ".join(bodies[:-1])
    chosen = style or symbol_style
    if chosen:
        doc.style = chosen
    return bool(chosen)


# ---------------------------------------------------------------------------------------------
# Document type line ("KẾ HOẠCH") and the summary under it


@dataclass
class TypeLine:
    index: int
    doc_type: str
    type_code: str
    remainder: str


def match_type_line(text: str) -> tuple[str, str, str] | None:
    """ "KẾ HOẠCH" -> ("KẾ HOẠCH", "KH", ""); the line must be in capitals."""
    if not is_caps(text) or len(text) > 200:
        return None
    words = text.split()
    folded_words = [vntext.fold(w) for w in words]
    for name, _printed, code in vocab.DOC_TYPES:
        n = len(name.split())
        if " ".join(w for w in folded_words[:n] if w) == name and all(folded_words[:n]):
            doc_type = " ".join(words[:n])
            remainder = " ".join(words[n:])
            return doc_type, code, remainder
    return None


def find_type_line(lines: list[Line], limit: int) -> TypeLine | None:
    for i, line in enumerate(lines[:limit]):
        if line.is_row:
            continue
        found = match_type_line(line.text)
        if found:
            return TypeLine(i, *found)
    return None


def is_preamble_start(text: str) -> bool:
    folded = vntext.fold(text) + " "
    return any(folded.startswith(w if w.endswith(" ") else w + " ") for w in vocab.PREAMBLE_STARTERS)


def _is_body_paragraph(text: str, *, first: bool) -> bool:
    """A preamble paragraph rather than the summary. The summary may itself start "Thực hiện ..." (state
    style: "KẾ HOẠCH / Thực hiện công tác dân vận chính quyền năm 2024"), so a starter word alone decides
    only for a long line or one that names the issuing unit ("..., Ban Dân vận ... xây dựng Kế hoạch")."""
    if not is_preamble_start(text):
        return False
    if not first or len(text) > 250 or re.search(r";\s*$", text):
        return True
    return bool(split_basis_clause(text)[1]) or bool(re.search(r"\bsố\s+\d+\S*\s+ngày\b", text))


def read_title(lines: list[Line], start: int, end: int) -> tuple[str, int]:
    """The summary lines after the type line, up to the first body paragraph. Returns (title, next)."""
    parts: list[str] = []
    i = start
    while i < end:
        line = lines[i]
        text = line.text.strip()
        if line.is_row:
            break
        if _DECORATION_RE.match(text):
            i += 1
            if parts:
                break
            continue
        if parts and not text[:1].islower():
            break
        if len(text) > 300 or text.endswith((":", ";")) or _is_body_paragraph(text, first=not parts):
            break
        parts.append(text)
        i += 1
        if text.endswith("."):
            break
    title = " ".join(parts).strip()
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1].rstrip()
    return title, i


def title_year(title: str) -> int | None:
    m = re.search(r"\bnăm\s+(\d{4})\b", title, re.IGNORECASE)
    return int(m.group(1)) if m else None


__all__ = [
    "Symbol",
    "TypeLine",
    "find_type_line",
    "is_header_line",
    "is_preamble_start",
    "match_type_line",
    "parse_date_line",
    "parse_header",
    "parse_symbol",
    "read_title",
    "title_year",
]

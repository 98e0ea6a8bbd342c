"""Documents cited in a plan: "Kết luận số 54-KL/TU ngày 03/3/2021 của Ban Thường vụ Tỉnh ủy về ...".

``basis_from_preamble`` reads the preamble ("Thực hiện ..., Căn cứ ...") and returns the basis documents and
the unit that issues the plan ("..., Ban Dân vận Tỉnh ủy xây dựng Kế hoạch ..."). ``find_references`` finds
the numbered citations anywhere in a text (the body cites many; they are not basis).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from danvan.lib import vndates, vntext
from danvan.lib.plandoc import Reference

from . import vocab

MSG_REF_DATE = "Ngày của văn bản được dẫn «{text}» không đọc được: {problem}"

_TYPE_NAMES = [name for name, _ in vocab.REFERENCE_TYPES]
_TYPE_CODE = {vntext.fold(name): code for name, code in vocab.REFERENCE_TYPES}
_TYPE_ALT = "|".join(re.escape(n) for n in sorted(_TYPE_NAMES, key=len, reverse=True))
_TYPE_RE = re.compile(rf"(?<![\w])(?P<type>{_TYPE_ALT})(?![\w])", re.IGNORECASE)
_TYPED_RE = re.compile(
    rf"(?<![\w])(?P<type>{_TYPE_ALT})(?:\s+liên\s+tịch)?\s+số\s*:?\s*"
    r"(?P<symbol>\d[\w]*(?:[\-/.][^\W_]+)*)",
    re.IGNORECASE,
)
_DATE_RE = re.compile(
    r"^\s*,?\s*(?:ban\s+hành\s+)?(?:ngày|ngay)\s+(?P<date>\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s+năm\s+\d{4})",
    re.IGNORECASE,
)
_ISSUER_RE = re.compile(
    r"^\s*,?\s*của\s+(?P<issuer>.+?)(?=\s*(?:[,;.:“”\"(\n]|$)|\s+(?:về|ban\s+hành|quy\s+định|hướng\s+dẫn"
    r"|thực\s+hiện|triển\s+khai|nhằm|tiếp\s+tục|đối\s+với|với|để|trong|tại|ngày|số)(?![\w]))",
    re.IGNORECASE,
)
_ABOUT_RE = re.compile(r"^\s*,?\s*(?:về\s+việc|V/v|về)\s+", re.IGNORECASE)


def _words_alt(words: tuple[str, ...], *, capital: bool = False) -> str:
    out = []
    for w in words:
        first, rest = w[0], w[1:]
        head = f"[{first}{first.upper()}]" if capital else re.escape(first)
        out.append(head + r"\s+".join(map(re.escape, rest.split(" "))))
    return "|".join(out)


_CLAUSE_END_RE = re.compile(
    r"(?:^|,\s+|;\s+|\n)(?P<issuer>[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^,;\n“”\"]{1,150}?)\s+"
    rf"(?:thống\s+nhất\s+)?(?:{_words_alt(vocab.PREAMBLE_VERBS)})\s+"
    rf"(?:{_words_alt(vocab.PREAMBLE_OBJECTS, capital=True)})(?![\w])",
)
# The issuing unit's own line at the end of a "Căn cứ" preamble: "Ban Dân vận Tỉnh ủy hướng dẫn ... như sau:".
_OWN_LINE_RE = re.compile(
    r"^(?P<issuer>[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][^,;\n“”\"]{1,150}?)\s+"
    rf"(?:thống\s+nhất\s+)?(?:{_words_alt(vocab.PREAMBLE_VERBS)})\s.*như\s+sau\s*:?\s*$",
    re.DOTALL,
)
_STARTER_RE = re.compile(
    r"^\s*(?:Thực\s+hiện|Căn\s+cứ|Theo|Triển\s+khai(?:\s+thực\s+hiện)?|Trên\s+cơ\s+sở|Thi\s+hành)\s+",
    re.IGNORECASE,
)
_PARTY_SYMBOL_RE = re.compile(r"^\d+-(?P<code>[^\W\d_]+)/")
_STATE_SYMBOL_RE = re.compile(r"^\d+(?:/\d{4})?/(?P<code>[^\W\d_]+)-")
_OPEN_QUOTES = '“"‘«'
_CLOSE_FOR = {"“": "”", '"': '"', "‘": "’", "«": "»"}


def _depths(text: str) -> list[int]:
    """Quote depth at each character (inside “...” or "..." counts as 1+)."""
    depth, out, straight = 0, [], False
    for ch in text:
        if ch in "“«‘":
            depth += 1
            out.append(depth)
            continue
        if ch in "”»’":
            out.append(depth)
            depth = max(0, depth - 1)
            continue
        if ch == '"':
            straight = not straight
            depth += 1 if straight else -1
            depth = max(depth, 0)
        out.append(depth)
    return out


def _type_code(doc_type: str, symbol: str) -> str:
    for rx in (_PARTY_SYMBOL_RE, _STATE_SYMBOL_RE):
        m = rx.match(symbol)
        if m:
            return m["code"]
    return _TYPE_CODE.get(vntext.fold(doc_type), "")


def _doc_type(written: str) -> str:
    """The type as written, with a capital first letter ("kết luận" -> "Kết luận")."""
    written = " ".join(written.split())
    return written[:1].upper() + written[1:]


def _parse_day(text: str, warnings: list[str] | None, cited: str):
    if "tháng" in text.lower():
        text = f"ngày {text}"
    try:
        return vndates.parse_date(text)
    except vndates.DateParseError as error:
        if warnings is not None:
            warnings.append(MSG_REF_DATE.format(text=cited, problem=error.message))
        return None


@dataclass
class _Head:
    end: int
    issued_on: object = None
    issuer: str = ""
    date_text: str = ""


def _read_head(text: str, pos: int, warnings: list[str] | None, cited: str) -> _Head:
    """After the type and number: ", ngày dd/mm/yyyy", "của <issuer>" in either order."""
    head = _Head(end=pos)
    for _ in range(2):
        rest = text[head.end :]
        m = _DATE_RE.match(rest)
        if m and head.issued_on is None and not head.date_text:
            head.date_text = m["date"]
            head.issued_on = _parse_day(m["date"], warnings, cited)
            head.end += m.end()
            continue
        m = _ISSUER_RE.match(rest)
        if m and not head.issuer:
            head.issuer = m["issuer"].strip()
            head.end += m.end()
            continue
        break
    return head


def _subject(text: str, start: int, end: int) -> tuple[str, int]:
    """The subject after the head and where the citation ends (a closing quote ends it early)."""
    rest = text[start:end]
    m = _ABOUT_RE.match(rest)
    offset = m.end() if m else 0
    body = rest[offset:].lstrip(" ,")
    lead = len(rest) - len(rest[offset:].lstrip(" ,"))
    if body and body[0] in _OPEN_QUOTES:
        close = body.find(_CLOSE_FOR[body[0]], 1)
        if close > 0:
            inner = body[1:close].strip()
            about = re.match(r"(?:về\s+việc|về)\s+", inner, re.IGNORECASE)
            if about:
                inner = inner[about.end() :]
            return inner.strip(), start + lead + close + 1
    cleaned = body.rstrip(" ,;.:")
    return cleaned.strip(), start + lead + len(cleaned)


def _boundaries(text: str) -> list[int]:
    """Positions where one citation ends and another clause begins (outside quotes)."""
    depths = _depths(text)
    out = []
    for m in re.finditer(r";|\.(?=\s+[A-ZĐ]|\s*$)|\n", text):
        if depths[m.start()] == 0:
            out.append(m.start())
    for m in re.finditer(rf"(?:,|\s+và|,\s+và)\s+(?={_TYPE_ALT})", text, re.IGNORECASE):
        if depths[m.start()] == 0:
            out.append(m.start())
    return sorted(out)


def _typed(text: str, m: re.Match[str], end: int, warnings: list[str] | None) -> tuple[Reference, int]:
    symbol = re.sub(r"\s", "", m["symbol"]).rstrip(".-/")
    doc_type = _doc_type(m["type"])
    head = _read_head(text, m.end("symbol"), warnings, text[m.start() : min(end, m.end() + 40)])
    subject, stop = _subject(text, head.end, end) if head.end < end else ("", head.end)
    stop = max(stop, head.end)
    written = text[m.start() : stop].strip().rstrip(" ,;")
    number = re.match(r"\d+", symbol).group(0)
    return (
        Reference(
            text=written,
            doc_type=doc_type,
            type_code=_type_code(doc_type, symbol),
            number=number,
            symbol=symbol,
            issued_on=head.issued_on,
            issuer=head.issuer,
            subject=subject,
        ),
        stop,
    )


def find_references(text: str, *, warnings: list[str] | None = None) -> list[tuple[int, int, Reference]]:
    """Every numbered citation ("<Type> số <symbol> ...") in ``text``, as (start, end, Reference)."""
    text = vntext.nfc(text)
    bounds = _boundaries(text)
    out = []
    for m in _TYPED_RE.finditer(text):
        end = next((b for b in bounds if b > m.end("symbol")), len(text))
        ref, stop = _typed(text, m, end, warnings)
        out.append((m.start(), stop, ref))
    return out


def _untyped(item: str, warnings: list[str] | None) -> Reference | None:
    """ "Chương trình công tác dân vận năm 2023", "Luật Tổ chức chính quyền địa phương ngày 19/6/2015"."""
    m = _TYPE_RE.match(item)
    if not m or not item[:1].isupper():
        return None
    rest = item[m.end() :]
    nested = _TYPED_RE.search(rest)
    if nested:
        # "Quy chế ... ban hành kèm theo Quyết định số 23-QĐ/TW ...": the facts after belong to the decision.
        rest = re.sub(
            r"\s*(?:,|(?:được\s+)?ban\s+hành\s+)?(?:kèm\s+theo|theo|tại)\s*$", "", rest[: nested.start()]
        )
    cut = len(rest)
    issued_on, issuer = None, ""
    dm = re.search(r",?\s+(?:ban\s+hành\s+)?ngày\s+", rest, re.IGNORECASE)
    cm = re.search(r",?\s+của\s+", rest, re.IGNORECASE)
    if dm:
        head = _read_head(rest, dm.start(), warnings, item)
        if head.date_text:
            cut = dm.start()
            issued_on, issuer = head.issued_on, head.issuer
    if not issuer and cm and cm.start() < cut:
        head = _read_head(rest, cm.start(), warnings, item)
        if head.issuer[:1].isupper():  # "của Ban Thường vụ ..."; "của hệ thống chính trị" is the subject
            cut = cm.start()
            issuer = head.issuer
            issued_on = issued_on or head.issued_on
    subject = rest[:cut].strip(" ,;.")
    if not subject and not issuer and issued_on is None:
        return None
    doc_type = _doc_type(m["type"])
    return Reference(
        text=item.strip(" ,;."), doc_type=doc_type, issued_on=issued_on, issuer=issuer, subject=subject
    )


def _split_items(clause: str) -> list[tuple[int, int]]:
    """Spans of the basis clause, split before every document named at the top level."""
    depths = _depths(clause)
    cuts = [0]
    for m in re.finditer(rf"(?:,|;|\s+và|,\s+và)\s+(?={_TYPE_ALT}(?![\w]))", clause, re.IGNORECASE):
        if depths[m.start()] == 0 and clause[m.end() : m.end() + 1].isupper():
            cuts.append(m.start())
    spans = []
    for a, b in zip(cuts, [*cuts[1:], len(clause)], strict=True):
        piece = clause[a:b]
        stripped = re.sub(r"^(?:,|;|\s)*(?:và\s+)?", "", piece)
        spans.append((b - len(stripped), b))
    return spans


def split_basis_clause(paragraph: str) -> tuple[str, str]:
    """(basis clause, issuing unit) of a preamble paragraph; the unit is "" when not said."""
    matches = list(_CLAUSE_END_RE.finditer(paragraph))
    if not matches:
        m = _OWN_LINE_RE.match(paragraph)
        if m and not _STARTER_RE.match(paragraph):
            return "", m["issuer"].strip()
        return paragraph, ""
    m = matches[-1]
    return paragraph[: m.start()], m["issuer"].strip()


def basis_from_preamble(preamble: str, *, warnings: list[str] | None = None) -> tuple[list[Reference], str]:
    """The documents a plan is based on (cited in its preamble) and the unit that issues the plan."""
    refs: list[Reference] = []
    issuer = ""
    for paragraph in preamble.split("\n"):
        clause, who = split_basis_clause(paragraph)
        issuer = issuer or who
        sm = _STARTER_RE.match(clause)
        if sm is None and refs == [] and not _TYPE_RE.match(clause.strip()):
            # a paragraph that does not open with "Thực hiện"/"Căn cứ"/a document: scan it for numbers only
            refs.extend(r for _, _, r in find_references(clause, warnings=warnings))
            continue
        body = clause[sm.end() :] if sm else clause
        for a, b in _split_items(body):
            item = body[a:b]
            found = find_references(item, warnings=warnings)
            if found and found[0][0] == 0:
                refs.extend(r for _, _, r in found)
                continue
            ref = _untyped(item, warnings)
            if ref is not None:
                refs.append(ref)
            refs.extend(r for _, _, r in found)
    return _dedupe(refs), issuer


def _dedupe(refs: list[Reference]) -> list[Reference]:
    seen: set[tuple[str, str]] = set()
    out = []
    for ref in refs:
        k = (vntext.fold(ref.doc_type), ref.symbol or vntext.fold(ref.text))
        if k in seen:
            continue
        seen.add(k)
        out.append(ref)
    return out


__all__ = ["basis_from_preamble", "find_references", "split_basis_clause"]

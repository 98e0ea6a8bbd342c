"""From the line stream to a PlanDocument: find the regions, then let each module read its own."""

from __future__ import annotations

import re

from danvan.lib import vndates, vntext
from danvan.lib.plandoc import PLAN_TYPES, PlanDocument, Section

from . import annexes, doubts, event, header, marks, recipients, references, structure, tasks, workitems
from .errors import MSG_EMPTY, MSG_NO_STRUCTURE, MSG_NOT_VIETNAMESE, PlanParseError
from .lines import BULLET_RE, Line, Stream, is_caps

MSG_NO_TYPE = "Không thấy tên loại văn bản (KẾ HOẠCH, CHƯƠNG TRÌNH, ...); tạm coi là KẾ HOẠCH."
MSG_NO_SECTIONS = "Không thấy các mục I, II, ...; toàn bộ nội dung được đặt vào một phần không đánh số."
MSG_NO_SYMBOL = "Không thấy số, ký hiệu văn bản."
MSG_NO_RECIPIENTS = "Không thấy phần Nơi nhận."
MSG_NO_SIGNATURE = "Không thấy phần ký (chức vụ và họ tên người ký)."
MSG_TAIL_LINE = "Chưa xếp được dòng ở cuối văn bản: «{text}»."
MSG_BAD_DAY = "{problem} Đã giữ nguyên chữ trong «…{context}…»."

_NUMERIC_DATE_RE = re.compile(r"(?<![\d/.\-])\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}(?![\d/])")
_WORDED_DATE_RE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s+năm\s+\d{4}", re.IGNORECASE)


def _is_layout_cell(text: str) -> bool:
    return (
        recipients.recipients_start(text) is not None
        or recipients.is_authority_line(text)
        or header.national_style(text) is not None
    )


def untable_layout_rows(lines: list[Line]) -> list[Line]:
    """Rows of a two- or three-column layout table copied as text ("Nơi nhận:\tTRƯỞNG BAN", "TỈNH ỦY BẮC
    GIANG\tĐẢNG CỘNG SẢN VIỆT NAM") are read column by column, like the DOCX reader reads such tables."""
    out: list[Line] = []
    i, n = 0, len(lines)

    def tabbed(line: Line) -> bool:
        return line.raw_cells is not None and len(line.raw_cells) <= 3

    while i < n:
        if not tabbed(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < n and tabbed(lines[j]):
            j += 1
        run = lines[i:j]
        if any(_is_layout_cell(c) for row in run for c in row.raw_cells or [] if c):
            columns = max(len(row.raw_cells or []) for row in run)
            for c in range(columns):
                for row in run:
                    cells = row.raw_cells or []
                    if c < len(cells) and cells[c]:
                        out.append(Line(text=cells[c], layout=True))
        else:
            out.extend(run)
        i = j
    return out


def _signs_here(lines: list[Line], i: int) -> bool:
    """An authority line followed, within three lines, by "(Đã ký)" or a name: the signature block."""
    if lines[i].is_row or not recipients.is_authority_line(lines[i].text):
        return False
    for j in range(i + 1, min(len(lines), i + 5)):
        text = lines[j].text.strip()
        if lines[j].is_row:
            return False
        if recipients.is_signed_mark(text) or (recipients.looks_like_name(text) and not is_caps(text)):
            return True
        if not recipients.is_authority_line(text) and not is_caps(text):
            return False
    return False


def _tail_start(lines: list[Line], start: int = 0) -> int:
    """Where the recipients or the signature begin (len(lines) when neither is found)."""
    for i in range(start, len(lines)):
        line = lines[i]
        if not line.is_row and recipients.recipients_start(line.text) is not None:
            return i
        if _signs_here(lines, i):
            return i
    return len(lines)


def _is_hard_end(line: Line) -> bool:
    if line.is_row:
        return False
    text = line.text
    return (
        recipients.is_closing_start(text)
        or recipients.recipients_start(text) is not None
        or recipients.is_authority_line(text)
        or annexes.is_annex_start(line)
    )


def _body_end(lines: list[Line], start: int, headings: list[structure.Heading]) -> int:
    hard = next((i for i in range(start, len(lines)) if _is_hard_end(lines[i])), len(lines))
    later = [h.index for h in headings]
    for i in range(start, hard):
        if (
            not lines[i].is_row
            and lines[i].text.rstrip().endswith("/.")
            and not any(i < h < hard for h in later)
        ):
            return i + 1
    return hard


def _read_tail(lines: list[Line], start: int, doc: PlanDocument, warnings: list[str]) -> int:
    """Closing, recipients and signature; returns where the annexes start."""
    i, n = start, len(lines)
    closing: list[str] = []
    if i < n and recipients.is_closing_start(lines[i].text):
        closing.append(lines[i].text)
        i += 1
        while i < n and not lines[i].is_row and not _is_hard_end(lines[i]):
            closing.append(lines[i].text)
            i += 1
    doc.closing = structure.strip_end_mark("\n".join(closing))
    signed = False
    while i < n:
        line = lines[i]
        rest = recipients.recipients_start(line.text) if not line.is_row else None
        if rest is not None:
            i += 1
            texts = [rest] if rest else []
            while i < n and _is_recipient_line(lines[i]):
                texts.append(lines[i].text)
                i += 1
            for text, joined in recipients.merge_wrapped(texts):
                found = recipients.parse_recipient(text)
                if found is not None:
                    found.joined = joined
                    doc.recipients.append(found)
            continue
        if not signed and recipients.is_authority_line(line.text) and not line.is_row:
            doc.signature, i = recipients.read_signature(lines, i, n)
            signed = True
            continue
        if annexes.is_annex_start(line) or (signed and (is_caps(line.text) or line.is_row)):
            return i
        if signed and doc.recipients:
            return i
        warnings.append(MSG_TAIL_LINE.format(text=line.text))
        i += 1
    return i


def _is_recipient_line(line: Line) -> bool:
    if line.is_row:
        return False
    text = line.text.strip()
    if recipients.is_authority_line(text) or annexes.is_annex_start(line):
        return False
    if BULLET_RE.match(text):
        return True
    folded = vntext.fold(text)
    return (
        folded.startswith("luu")
        or (text.endswith((",", ";")) and len(text) <= 120)
        # the rest of a recipient broken in a narrow cell: "Huyện ủy (b/c);", "(p/h);"
        or (len(text) <= 60 and not is_caps(text) and not recipients.looks_like_name(text))
    )


def _preamble_without_sections(lines: list[Line], start: int, end: int) -> int:
    """Where the body starts in a document with no section headings."""
    i = start
    while (
        i < end
        and not lines[i].is_row
        and (header.is_preamble_start(lines[i].text) or (i == start and lines[i].text.rstrip().endswith(":")))
    ):
        i += 1
    return i


def _check_dates(doc: PlanDocument, warnings: list[str]) -> None:
    texts = [doc.title, doc.preamble, doc.closing]
    for section in doc.sections:
        texts.extend(block.text for block, _ in structure.walk(section.blocks))
    seen: set[str] = set()
    for text in texts:
        for m in [*_NUMERIC_DATE_RE.finditer(text), *_WORDED_DATE_RE.finditer(text)]:
            written = m.group(0)
            if written in seen:
                continue
            try:
                vndates.parse_date(written)
            except vndates.DateParseError as error:
                if vndates.MSG_BLANK in error.message:
                    continue
                seen.add(written)
                left = text.rfind(" ", 0, max(0, m.start() - 30)) + 1
                right = text.find(" ", m.end() + 20)
                context = text[left : right if right > 0 else len(text)].strip()
                problem = error.message.split(" Đã nhập")[0]
                warnings.append(MSG_BAD_DAY.format(problem=problem, context=context))


def _state_authority(line: str) -> bool:
    """ "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" (state style) rather than "T/M ...", "K/T ..." (Party style)."""
    return bool(re.match(r"^(?:TM|KT|TL|TUQ)\.?\s", line.strip()))


_WORD_RE = re.compile(r"[^\W\d_]+")
# The shape of a Vietnamese syllable once tone and vowel marks are folded away ("trien", "thuc", "nghieng"):
# unaccented Vietnamese passes, English ("board", "implementation") and key-mashing mostly do not.
_SYLLABLE_SHAPE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnptiouy])?"
)
SAMPLE_CHARS = 4000  # some 800 words: enough to judge the language, whatever the length


def looks_vietnamese(lines: list[Line]) -> bool:
    """Whether the words are Vietnamese (with or without tone marks): English or garbage is refused.
    Judged on the first SAMPLE_CHARS characters, so a huge paste costs no more than a long plan."""
    sample: list[str] = []
    size = 0
    for line in lines:
        sample.append(line.text)
        size += len(line.text)
        if size > SAMPLE_CHARS:
            break
    words = _WORD_RE.findall(" ".join(sample))
    if len(words) < 8:
        return True  # too little to judge; the structure checks decide
    shaped = sum(1 for w in words if _SYLLABLE_SHAPE_RE.fullmatch(vntext.fold(w)))
    return shaped >= 0.7 * len(words)


def parse_stream(stream: Stream, *, default_year: int | None = None) -> PlanDocument:
    """The one parser: header, title, preamble, sections, closing, recipients, signature, annexes."""
    lines = untable_layout_rows(stream.lines)
    warnings = list(stream.warnings)
    if not lines:
        raise PlanParseError(MSG_EMPTY)
    if not looks_vietnamese(lines):
        raise PlanParseError(MSG_NOT_VIETNAMESE)
    doc = PlanDocument()
    tail = _tail_start(lines)
    candidates = structure.find_headings(lines, 0, tail)
    limit = candidates[0].index if candidates else len(lines)
    type_line = header.find_type_line(lines, limit)
    if type_line is None and not candidates:
        raise PlanParseError(MSG_NO_STRUCTURE)

    # Head: everything before the type line; without one, the header-looking lines at the top.
    if type_line is not None:
        head_end = type_line.index
        doc.doc_type, doc.type_code = type_line.doc_type, type_line.type_code
        after_type = type_line.index + 1
    else:
        warnings.append(MSG_NO_TYPE)
        head_end = 0
        while head_end < limit and (lines[head_end].is_row or header.is_header_line(lines[head_end].text)):
            head_end += 1
        after_type = head_end
    style_from_header = header.parse_header(lines[:head_end], doc, warnings)

    # Headings after the recipients or the signature belong to an annex (a "PHỤ LỤC" numbered I.-III.
    # under a body numbered 1.-5.), not to the body.
    headings = structure.find_headings(lines, after_type, max(tail, after_type))
    first_heading = headings[0].index if headings else len(lines)
    title, body_start = header.read_title(lines, after_type, first_heading)
    if type_line is not None and type_line.remainder:
        title = f"{type_line.remainder} {title}".strip()
    doc.title = title

    if headings:
        body_end = _body_end(lines, first_heading, headings)
        headings = [h for h in headings if h.index < body_end]
        preamble_lines = lines[body_start:first_heading]
        doc.sections = structure.build_sections(lines, headings, body_end)
    else:
        warnings.append(MSG_NO_SECTIONS)
        content_start = _preamble_without_sections(lines, body_start, len(lines))
        body_end = _body_end(lines, content_start, [])
        preamble_lines = lines[body_start:content_start]
        blocks = structure.parse_blocks(lines[content_start:body_end])
        if blocks:
            doc.sections = [Section(blocks=blocks)]
    doc.preamble = "\n".join(
        ln.text if not ln.is_row else "\t".join(ln.filled_cells()) for ln in preamble_lines
    ).strip()
    doc.basis, issuer = references.basis_from_preamble(doc.preamble, warnings=warnings)

    annex_start = _read_tail(lines, body_end, doc, warnings)
    if not doc.recipients or doc.signature is None:
        # an annex (a slogan list) written before the recipients and the signature must not swallow them
        later = _tail_start(lines, annex_start)
        if later < len(lines):
            annexes.parse_annexes(lines[annex_start:later], doc, warnings)
            annex_start = _read_tail(lines, later, doc, warnings)
    annexes.parse_annexes(lines[annex_start:], doc, warnings)

    year = header.title_year(doc.title) or (doc.issued_on.year if doc.issued_on else None) or default_year
    doc.is_plan = vntext.fold(doc.doc_type) in {vntext.fold(t) for t in PLAN_TYPES}
    tasks.mark_tasks(doc, issuer=issuer, default_year=year)
    workitems.apply(doc, issuer=issuer, default_year=year)
    doc.events = marks.find_events(doc, default_year=year)
    doc.event = doc.events[0] if doc.events else event.find_event(doc, default_year=year, warnings=warnings)
    if doc.event is not None and not doc.events:
        doc.events = [doc.event]
    doc.deadlines = tasks.find_deadlines(doc, default_year=year)
    doc.marks = marks.collect(doc, default_year=year)

    if doc.signature and not style_from_header and _state_authority(doc.signature.authority_lines[0]):
        doc.style = "state"
    if not doc.symbol:
        warnings.append(MSG_NO_SYMBOL)
    if not doc.recipients:
        warnings.append(MSG_NO_RECIPIENTS)
    if doc.signature is None:
        warnings.append(MSG_NO_SIGNATURE)
    _check_dates(doc, warnings)
    doc.warnings = list(dict.fromkeys(warnings))
    doc.doubts = [*doc.doubts, *doubts.collect(doc)]
    return doc


__all__ = ["parse_stream"]

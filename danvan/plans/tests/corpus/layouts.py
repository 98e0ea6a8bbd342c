"""The layouts a document's segments are written in: plain paragraphs, hard wraps at a width, a PDF copy,
markdown-ish web copy, footnotes, narrow Word cells, a portal page title, a Word file."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

from danvan.lib import vntext

from .facts import Facts


@dataclass
class Seg:
    text: str
    tag: tuple = ()  # ("task", i) | ("event", i) | ("timed", i) | ("recipients",) | ("signature",) ...
    row: list[str] | None = None  # a table row (cells)
    gap: bool = True  # a blank line before it in the plain layout
    kind: str = "para"  # "para" | "head" (header lines) | "type" | "heading" | "label" | "name"


# ---------------------------------------------------------------------------------------------
# Layouts of the segments as text


def plain(segs: list[Seg]) -> str:
    out: list[str] = []
    for s in segs:
        if s.gap and out:
            out.append("")
        out.append(s.text)
    return "\n".join(out) + "\n"


def wrapped(segs: list[Seg], width: int, *, gaps: bool) -> str:
    out: list[str] = []
    for s in segs:
        if s.gap and gaps and out:
            out.append("")
        if s.row is not None or len(s.text) <= width:
            out.append(s.text)
        else:
            out += textwrap.wrap(s.text, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join(out) + "\n"


def pdf_copy(segs: list[Seg]) -> str:
    """As text copied out of a PDF: wrapped lines, no blank lines, the two header columns side by side,
    page numbers between lines, a stray double space."""
    head = [s.text for s in segs if s.tag == ("head",)]
    rest = [s for s in segs if s.tag != ("head",)]
    split = _national_index(head)
    left, right = head[:split], head[split:]
    size = max(len(left), len(right))
    left, right = left + [""] * (size - len(left)), right + [""] * (size - len(right))
    lines = [f"{a}  {b}".strip() for a, b in zip(left, right, strict=True)]
    lines = [ln for ln in lines if ln]
    for s in rest:
        if s.row is not None:
            lines.append(s.text)
        else:
            lines += textwrap.wrap(
                s.text.replace(", ", ",  ", 1), 74, break_long_words=False, break_on_hyphens=False
            )
    page = 2
    out = []
    for n, line in enumerate(lines, 1):
        out.append(line)
        if n % 38 == 0 and n < len(lines) - 3:
            out.append(str(page))
            page += 1
    return "\n".join(out) + "\n"


def markdown(segs: list[Seg]) -> str:
    """As copied from a web page: bold headings and labels, italic date, table rows between pipes."""
    out: list[str] = []
    table_open = False
    for s in segs:
        if s.row is not None:
            out.append("| " + " | ".join(c or " " for c in s.row) + " |")
            if not table_open:
                out.append("|" + "---|" * len(s.row))
                table_open = True
            continue
        table_open = False
        text = s.text
        if s.kind in ("type", "heading", "name") or text == "Nơi nhận:":
            text = f"**{text}**"
        elif s.kind == "label" and ":" in text:
            label, rest = text.split(":", 1)
            text = f"{label[:2]}*{label[2:]}:*{rest}" if label.startswith("- ") else f"*{label}:*{rest}"
        elif s.kind == "head" and text.startswith(("Số", "ngày")) is False and ", ngày " in text:
            text = f"*{text}*"
        if s.gap and out:
            out.append("")
        out.append(text)
    return "\n".join(out) + "\n"


FOOTNOTES = [
    "[1] Văn bản này được gửi qua Hệ thống quản lý văn bản và điều hành.",
    "(*) Các đơn vị cập nhật danh sách đầu mối theo dõi trước khi triển khai.",
]


def footnoted(segs: list[Seg]) -> str:
    """Footnote markers after the preamble and the first task, the notes themselves at the very end."""
    marked: list[Seg] = []
    first_task = True
    for s in segs:
        if s.text == segs[0].text or s.row is not None:
            marked.append(s)
            continue
        if s.tag == () and s.text.endswith(":") and "[1]" not in "".join(m.text for m in marked):
            s = Seg(s.text[:-1] + "[1]:", s.tag, s.row, s.gap, s.kind)
        elif s.tag[:1] == ("task",) and first_task and s.kind == "para":
            s = Seg(s.text.rstrip(".") + " (*).", s.tag, s.row, s.gap, s.kind)
            first_task = False
        marked.append(s)
    return plain(marked) + "\n" + "\n".join(FOOTNOTES) + "\n"


def _national_index(head: list[str]) -> int:
    return next(
        (i for i, t in enumerate(head) if vntext.fold(t).startswith(("dang cong san", "cong hoa"))), 2
    )


def narrow(segs: list[Seg]) -> str:
    """As copied out of narrow Word table cells: the header, title, headings, recipients and signature
    break every 14-22 columns (so "K/T TRƯỞNG" / "BAN", "Tân Phước, ngày" / "05 tháng ..."), the body
    at 60 columns."""
    out: list[str] = []
    for s in segs:
        if s.gap and out:
            out.append("")
        if s.row is not None:
            out.append(s.text)
        elif s.tag in (("head",), ("signature",), ("title",), ("heading",)) or (
            s.tag == ("recipients",) and s.text != "Nơi nhận:"
        ):
            width = 16 if s.tag in (("signature",), ("heading",)) else 22
            out += textwrap.wrap(s.text, width, break_long_words=False, break_on_hyphens=False)
        else:
            out += textwrap.wrap(s.text, 60, break_long_words=False, break_on_hyphens=False)
    return "\n".join(out) + "\n"


def web_title(segs: list[Seg], f: Facts) -> str:
    """As saved from a portal: a page-title line naming the document, and a header without its number."""
    kind = f.doc_type.capitalize()
    title = f"{kind} số {f.symbol} ngày {f.issued_on:%d/%m/%Y} {f.title}"
    kept = [s for s in segs if not (s.tag == ("head",) and s.text.startswith("Số"))]
    return title + "\n\n" + markdown(kept)


def docx_bytes(segs: list[Seg]) -> bytes:
    """A Word file: the header and the signature in borderless layout tables, the work items in a real
    table, everything else as paragraphs."""
    from docx import Document

    document = Document()
    head = [s.text for s in segs if s.tag == ("head",)]
    split = _national_index(head)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "\n".join(head[:split])
    table.cell(0, 1).text = "\n".join(head[split:])
    rows: list[list[str]] = []
    recipients = [s.text for s in segs if s.tag == ("recipients",)]
    signature = [s.text for s in segs if s.tag == ("signature",)]

    def flush() -> None:
        if rows:
            grid = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, cells in enumerate(rows):
                for c, value in enumerate(cells):
                    grid.cell(r, c).text = value
            rows.clear()

    for s in segs:
        if s.tag in (("head",), ("recipients",), ("signature",)):
            continue
        if s.row is not None:
            rows.append(s.row)
            continue
        flush()
        document.add_paragraph(s.text)
    flush()
    if recipients or signature:
        layout = document.add_table(rows=1, cols=2)
        layout.cell(0, 0).text = "\n".join(recipients)
        layout.cell(0, 1).text = "\n".join(signature)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


TEXT_VARIANTS = (
    "plain",
    "wrap40",
    "wrap60",
    "wrap80",
    "pdf",
    "markdown",
    "blankday",
    "footnotes",
    "truncated",
    "alt",
    "narrow",
    "webtitle",
)


def layout_text(segs: list[Seg], variant: str, facts: Facts | None = None) -> str:
    if variant.startswith("wrap"):
        width = int(variant[4:])
        return wrapped(segs, width, gaps=width != 60)
    if variant == "pdf":
        return pdf_copy(segs)
    if variant == "markdown":
        return markdown(segs)
    if variant == "footnotes":
        return footnoted(segs)
    if variant == "narrow":
        return narrow(segs)
    if variant == "webtitle" and facts is not None:
        return web_title(segs, facts)
    return plain(segs)

"""Our own corpus of official documents (Kế hoạch, Hướng dẫn, Chương trình, Thông báo, Kết luận, Quyết định
+ Quy chế, Báo cáo; Party, state and Front styles), each laid out several ways, with what a reader expects.

    documents() -> list[CorpusDoc]   every variant, text or DOCX bytes, with its Expected
"""

from __future__ import annotations

from dataclasses import dataclass

from . import render
from .bases import BASES
from .facts import Expected
from .handwritten import HANDWRITTEN, text_of


@dataclass
class CorpusDoc:
    name: str
    expected: Expected
    text: str = ""
    docx: bytes | None = None


def _segs_of_text(text: str) -> list[render.Seg]:
    segs, gap = [], False
    for line in text.split("\n"):
        if not line.strip():
            gap = True
            continue
        # a table row (tabs or pipes) is copied whole: a hard wrap happens inside paragraphs, not rows
        row = line.split("\t") if "\t" in line or line.startswith("|") else None
        segs.append(render.Seg(line, gap=gap, row=row))
        gap = False
    return segs


def _docx_of_lines(segs: list[render.Seg]) -> bytes:
    """A Word file of a hand-written text: one paragraph a line, runs of table rows as real tables (a pipe
    table's rule row dropped)."""
    import io

    from docx import Document

    document = Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            width = max(len(r) for r in rows)
            grid = document.add_table(rows=len(rows), cols=width)
            for r, cells in enumerate(rows):
                for c, value in enumerate(cells):
                    grid.cell(r, c).text = value
            rows.clear()

    for seg in segs:
        if seg.row is not None:
            cells = (
                seg.text.strip().strip("|").split("|") if seg.text.startswith("|") else seg.text.split("\t")
            )
            cells = [c.strip() for c in cells]
            if not all(set(c) <= set("-: ") for c in cells):
                rows.append(cells)
            continue
        flush()
        document.add_paragraph(seg.text)
    flush()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def documents(*, with_docx: bool = True) -> list[CorpusDoc]:
    out: list[CorpusDoc] = []
    for facts in BASES:
        for variant in render.TEXT_VARIANTS:
            segs = render.segments(facts, variant)
            out.append(
                CorpusDoc(
                    f"{facts.key}.{variant}",
                    render.expected(facts, segs, variant),
                    text=render.layout_text(segs, variant, facts),
                )
            )
        if with_docx:
            segs = render.segments(facts, "plain")
            out.append(
                CorpusDoc(
                    f"{facts.key}.docx", render.expected(facts, segs, "plain"), docx=render.docx_bytes(segs)
                )
            )
    for name, expected in HANDWRITTEN.items():
        text = text_of(name)
        out.append(CorpusDoc(f"{name}.plain", expected, text=text))
        segs = _segs_of_text(text)
        out.append(CorpusDoc(f"{name}.wrap60", expected, text=render.wrapped(segs, 60, gaps=False)))
        out.append(CorpusDoc(f"{name}.wrap40", expected, text=render.wrapped(segs, 40, gaps=True)))
        out.append(CorpusDoc(f"{name}.pdf", expected, text=render.pdf_copy(segs)))
        if with_docx:
            out.append(CorpusDoc(f"{name}.docx", expected, docx=_docx_of_lines(segs)))
    return out


__all__ = ["CorpusDoc", "Expected", "documents"]

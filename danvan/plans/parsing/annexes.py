"""What follows the signature: the slogans annex and attached forms ("Mẫu" ... "DANH SÁCH" ... a table)."""

from __future__ import annotations

import re

from danvan.lib import vntext
from danvan.lib.plandoc import ROLE_ATTACHED, FormColumn, FormDraft, PlanDocument, Section, Slogan

from . import vocab
from .lines import Line, is_caps
from .structure import ITEM_RE, parse_blocks, strip_end_mark

MSG_ANNEX_LINE = "Chưa xếp được dòng ở phần phụ lục: «{text}»."
_PLACEHOLDER_RE = re.compile(r"(?:\.{3,}|…|_{3,})")
_INDEX_RE = re.compile(r"^\(?\d{1,3}[.)]?$")
_ELLIPSIS_RE = re.compile(r"^(?:\.{2,}|…+)$")


def is_slogan_heading(line: Line) -> bool:
    return (
        not line.is_row
        and is_caps(line.text)
        and any(w in vntext.fold(line.text) for w in vocab.SLOGAN_HEADINGS)
    )


def is_form_label(text: str) -> bool:
    """ "Mẫu", "Mẫu số 01", "MẪU 2" (a short line)."""
    if len(text) > vocab.FORM_LABEL_MAX:
        return False
    folded = vntext.fold(text)
    return folded == "mau" or folded.startswith("mau ")


def is_issuer_placeholder(text: str) -> bool:
    """ "TÊN CƠ QUAN, ĐƠN VỊ...", "ĐƠN VỊ: ......"."""
    folded = vntext.fold(text)
    if is_caps(text) and any(w in folded for w in vocab.FORM_ISSUER_WORDS):
        return True
    return (
        bool(_PLACEHOLDER_RE.search(text)) and folded.startswith(vocab.FORM_ISSUER_STARTS) and len(text) <= 80
    )


def is_date_placeholder(text: str) -> bool:
    return "ngày" in text.lower() and bool(_PLACEHOLDER_RE.search(text)) and len(text) <= 80


def is_annex_label(text: str) -> bool:
    """ "PHỤ LỤC", "Phụ lục 01", "(Kèm theo Kế hoạch số ...)" on their own line."""
    if len(text) > 80:
        return False
    folded = vntext.fold(text)
    return folded == "phu luc" or folded.startswith("phu luc ")


def is_annex_start(line: Line) -> bool:
    if line.is_row:
        return False
    text = line.text
    return (
        is_slogan_heading(line) or is_form_label(text) or is_issuer_placeholder(text) or is_annex_label(text)
    )


def column_kind(label: str) -> str:
    folded = vntext.fold(label)
    if folded in ("stt", "tt", "so tt", "so thu tu"):
        return "index"
    padded = f" {folded} "
    for words, kind in vocab.COLUMN_KINDS:
        if kind == "index":
            continue
        for w in words:
            if folded.startswith(w) if w.endswith(" ") else f" {w} " in padded:
                return kind
    return "text"


class _FormBuilder:
    def __init__(self) -> None:
        self.form = FormDraft()
        self.subtitle: list[str] = []
        self.footer: list[str] = []
        self.has_table = False
        self.lines: list[Line] = []

    def take(self, line: Line, warnings: list[str]) -> None:
        self.lines.append(line)
        form = self.form
        if line.is_row:
            cells = line.cells or []
            if not self.has_table:
                form.columns = [FormColumn(label=c, kind=column_kind(c)) for c in cells]
                self.has_table = True
                return
            first = cells[0] if cells else ""
            if first and _INDEX_RE.match(first) and not _all_numbering(cells):
                form.sample_rows += 1
            return
        text = line.text.strip()
        if self.has_table:
            self.footer.append(text)
            return
        if is_form_label(text):
            form.label = text
        elif is_annex_label(text):
            form.label = form.label or text
        elif is_issuer_placeholder(text) and not form.issuer_placeholder:
            form.issuer_placeholder = text
        elif is_date_placeholder(text) and not form.date_placeholder:
            form.date_placeholder = text
        elif vntext.fold(text).startswith(("cong hoa xa hoi chu nghia", "doc lap tu do")):
            return
        elif is_caps(text) and not form.title:
            form.title = text
        elif not text.startswith("("):
            self.subtitle.append(text)
        else:
            warnings.append(MSG_ANNEX_LINE.format(text=text))

    def texts(self) -> list[str]:
        form = self.form
        return [t for t in (form.label, form.issuer_placeholder, form.date_placeholder, form.title) if t] + (
            self.subtitle + self.footer
        )

    def done(self) -> FormDraft:
        self.form.subtitle = " ".join(self.subtitle)
        self.form.footer = "\n".join(self.footer)
        return self.form


def _all_numbering(cells: list[str]) -> bool:
    """A row "(1) (2) (3) ..." that numbers the columns."""
    filled = [c for c in cells if c]
    return len(filled) > 1 and all(_INDEX_RE.match(c) for c in filled)


def _slogan(line: Line) -> Slogan | None:
    if line.is_row:
        cells = line.filled_cells()
        if not cells:
            return None
        if len(cells) == 1:
            return Slogan(text=cells[0])
        if _INDEX_RE.match(cells[0]):
            cells = cells[1:]
            if len(cells) == 1:
                return Slogan(text=cells[0])
        return Slogan(heading=cells[0], text=" ".join(cells[1:]))
    text = line.text.strip()
    m = ITEM_RE.match(text)
    if m and m["label"][0].isdigit():
        text = m["rest"]
    text = strip_end_mark(text) if text.endswith("./.") else text
    return Slogan(text=text) if text else None


def parse_annexes(lines: list[Line], doc: PlanDocument, warnings: list[str]) -> None:
    """Slogans and forms from the lines after the signature."""
    mode = ""
    builder: _FormBuilder | None = None
    attached: list[Line] = []

    def close_form() -> None:
        nonlocal builder
        if builder is not None:
            if builder.has_table:
                doc.forms.append(builder.done())
            elif builder.lines:
                # a "PHỤ LỤC" of text, not a form: kept in place as an attached section
                texts = builder.texts()
                doc.sections.append(
                    Section(
                        title=texts[0] if texts else "",
                        role=ROLE_ATTACHED,
                        blocks=parse_blocks(
                            [ln for ln in builder.lines if ln.text.strip() != (texts or [""])[0]]
                        ),
                    )
                )
            builder = None

    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if is_slogan_heading(line) and (mode != "slogans" or not doc.slogans):
            close_form()
            mode = "slogans"
            if not doc.slogans_title:
                doc.slogans_title = vntext.clean_text(text)
            continue
        form_marker = not line.is_row and (
            is_form_label(text)
            or is_annex_label(text)
            or is_issuer_placeholder(text)
            or (mode == "form" and builder is None)
        )
        if form_marker and (builder is None or builder.has_table):
            close_form()
            builder = _FormBuilder()
            mode = "form"
        if mode == "slogans" and not form_marker:
            slogan = _slogan(line)
            if slogan is not None:
                doc.slogans.append(slogan)
            continue
        if builder is None and line.is_row:
            builder = _FormBuilder()
            mode = "form"
        if builder is not None:
            builder.take(line, warnings)
            continue
        if is_caps(text) and vntext.fold(text).startswith("danh sach"):
            builder = _FormBuilder()
            mode = "form"
            builder.take(line, warnings)
            continue
        if mode != "attached" and not (is_caps(text) and len(text) <= 120):
            warnings.append(MSG_ANNEX_LINE.format(text=text))
            continue
        # An attached document (the Quy chế of a Quyết định, a Phụ lục of text): kept in place as a section
        if mode != "attached":
            mode = "attached"
            doc.sections.append(Section(title=vntext.clean_text(text), role=ROLE_ATTACHED))
            attached.clear()
            continue
        attached.append(line)
        doc.sections[-1].blocks = parse_blocks(attached)
    close_form()


__all__ = ["column_kind", "is_annex_start", "parse_annexes"]

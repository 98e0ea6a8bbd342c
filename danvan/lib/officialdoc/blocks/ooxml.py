"""The raw WordprocessingML python-docx has no API for: borders, fixed widths, row flags, fonts, fields."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

# Elements that follow w:pBdr in w:pPr and w:tblBorders in w:tblPr (the schema fixes the order).
_PPR_FOLLOWERS = (
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
)
_PPR_AFTER_BORDER = tuple(f"w:{tag}" for tag in _PPR_FOLLOWERS.split())
_TBLPR_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
_TBLPR_AFTER_WIDTH = ("w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", *_TBLPR_AFTER_BORDERS)


def _border(tag: str, val: str = "single", size: int = 4) -> Any:
    element = OxmlElement(f"w:{tag}")
    element.set(qn("w:val"), val)
    element.set(qn("w:sz"), str(size if val != "none" else 0))
    element.set(qn("w:space"), "0")
    element.set(qn("w:color"), "auto")
    return element


def _set_table_borders(table: Table, val: str, size: int = 4) -> None:
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_border(side, val, size))
    tbl_pr.insert_element_before(borders, *_TBLPR_AFTER_BORDERS)


def _set_widths(table: Table, widths_mm: Sequence[float]) -> None:
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblW"))
    if old is not None:
        tbl_pr.remove(old)
    total = OxmlElement("w:tblW")
    total.set(qn("w:w"), str(round(sum(widths_mm) / 25.4 * 1440)))
    total.set(qn("w:type"), "dxa")
    tbl_pr.insert_element_before(total, *_TBLPR_AFTER_WIDTH)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        _set_row_widths(row, widths_mm)


def _set_row_widths(row: Any, widths_mm: Sequence[float]) -> None:
    for cell, width in zip(row.cells, widths_mm, strict=True):
        cell.width = Mm(width)


def _row_flag(row: Any, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement(f"w:{tag}")
    successors = {"w:cantSplit": ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden")}
    tr_pr.insert_element_before(flag, *successors.get(f"w:{tag}", ("w:tblCellSpacing", "w:jc", "w:hidden")))


def _set_fonts(r_pr: Any, name: str) -> None:
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = r_pr.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), name)


def _add_field(paragraph: Any, instruction: str, size: float) -> None:
    """A Word field (PAGE, NUMPAGES) shown as "1" until the viewer updates it."""

    def run_with(tag: str, **attrs: str) -> None:
        run = paragraph.add_run()
        run.font.size = Pt(size)
        element = OxmlElement(tag)
        for key, value in attrs.items():
            element.set(qn(key), value)
        run._r.append(element)
        if tag == "w:instrText":
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "

    run_with("w:fldChar", **{"w:fldCharType": "begin"})
    run_with("w:instrText")
    run_with("w:fldChar", **{"w:fldCharType": "separate"})
    paragraph.add_run("1").font.size = Pt(size)
    run_with("w:fldChar", **{"w:fldCharType": "end"})

"""OOXML packages (zip): the limits, the parts that tell Word from Excel, and the XML checks."""

from __future__ import annotations

MAX_PARTS = 2000
RATIO_MIN_SIZE = 1024 * 1024  # the compression-ratio rule applies to members bigger than this
CHUNK_SIZE = 64 * 1024
MAX_CONTENT_TYPES_SIZE = 10 * 1024 * 1024

_OOXML_MAIN_PARTS = (
    ("word/document.xml", "docx"),
    ("xl/workbook.xml", "xlsx"),
    ("ppt/presentation.xml", "pptx"),
)
_PACKAGE_LABELS = {"docx": "tệp Word", "xlsx": "tệp Excel", "pptx": "tệp PowerPoint"}

_XML_SUFFIXES = (".xml", ".rels")
_DTD_CHECK_SUFFIXES = (*_XML_SUFFIXES, ".vml")  # VML is XML-ish but rarely well-formed: DTD check only
_DTD_NEEDLES = (b"<!doctype", b"<!entity")
_DTD_TAIL = max(len(n) for n in _DTD_NEEDLES) - 1


class _DoctypeFound(Exception):
    """Raised from inside the XML parser when it meets a DOCTYPE (whatever the encoding)."""


class _NullTarget:
    """ElementTree parser target that keeps nothing (constant memory) but refuses any DTD."""

    def doctype(self, name, pubid, system):
        raise _DoctypeFound(name)

    def close(self):
        return None


def _describe_zip_error(exc: Exception, part: str | None) -> str:
    if "CRC" in str(exc) and part:
        return f"phần {part} bị sai mã kiểm tra (CRC)"
    if part:
        return f"không đọc được phần {part}"
    return "không đọc được cấu trúc tệp nén"

"""The last check of a Word/Excel upload: the library that will read it opens it.

A package can pass every structural check (zip, sizes, XML well-formed, no DTD) and still be unreadable:
no ``_rels``, a main part whose root is not a document, nesting deeper than lxml accepts, a text node over
lxml's 10 MB limit, a workbook naming a sheet part that is not there. Each of those used to become a server
error the first time someone read the stored file. Here the file is opened once, at vetting time, by the
same readers the product uses later (python-docx for Word; the streaming reader of ``danvan.lib.tables``
for Excel, see there for its limits), and a failure is a refusal in Vietnamese.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from danvan.lib.uploads.errors import UploadRejected

_ADVICE = "Hãy mở tệp bằng {program}, lưu lại rồi tải lên lần nữa."


def check_opens(data: bytes, kind: str, *, name: str, reject: Callable[[str, str], UploadRejected]) -> None:
    if kind == "docx":
        _check_docx(data, reject)
    elif kind == "xlsx":
        _check_xlsx(data, name, reject)


def _check_docx(data: bytes, reject) -> None:
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        if body is None:
            raise ValueError("no body")
        # What the readers touch: paragraphs, tables (nested too), styles.
        for _ in document.paragraphs:
            pass
        for _ in body.iter(qn("w:tbl")):
            pass
        document.styles  # noqa: B018 - opening the styles part is part of the check
    except UploadRejected:
        raise
    except Exception as exc:  # untrusted content: any failure of the library means unreadable
        raise reject(
            "unreadable",
            "có cấu trúc mà thư viện đọc tệp Word không mở được (thiếu phần liên kết, phần văn bản không "
            "đúng dạng, lồng nhau quá sâu hoặc có đoạn chữ quá dài). " + _ADVICE.format(program="Word"),
        ) from exc


def _check_xlsx(data: bytes, name: str, reject) -> None:
    from danvan.lib.tables import xlsx

    try:
        workbook = xlsx.open_workbook(data, name=name)
        try:
            if not workbook.sheets:
                raise reject(
                    "no_sheet",
                    "không có trang tính nào. " + _ADVICE.format(program="Excel"),
                )
            # Every cell of every sheet once (within the reader's limits): a shared string out of range
            # or a malformed cell is found now, not when someone reads the stored file.
            for sheet in workbook.sheets:
                for _ in workbook.rows(sheet):
                    pass
        finally:
            workbook.close()
    except UploadRejected as exc:
        if exc.message.startswith("Tệp «"):
            raise
        raise reject(exc.code, exc.message) from exc
    except Exception as exc:  # pragma: no cover - the reader turns its own failures into UploadRejected
        raise reject("unreadable", "có cấu trúc không đọc được. " + _ADVICE.format(program="Excel")) from exc

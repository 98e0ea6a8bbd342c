"""Reading an uploaded workbook: find the header row by its words, then each row's cells as text or dates."""

import io
from datetime import date, datetime

from django.utils.translation import gettext as _

from danvan.lib import vntext
from danvan.lib.uploads import UploadRejected

from .columns import COLUMNS, MAX_ROWS, Column


def _header_key(text) -> str:
    return vntext.fold(str(text or "").replace("*", ""))


def _find_header(rows: list[tuple], columns: list[Column]) -> tuple[int, dict[int, Column]] | None:
    """The row (of the first ten) whose cells name the most known columns, matched by their words."""
    by_words = {_header_key(c.header): c for c in columns}
    best = None
    for index, row in enumerate(rows[:10]):
        mapping = {}
        for position, cell in enumerate(row):
            column = by_words.get(_header_key(cell))
            if column is not None and column not in mapping.values():
                mapping[position] = column
        if mapping and (best is None or len(mapping) > len(best[1])):
            best = (index, mapping)
    return best


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = vntext.clean_text(str(value))
    if vntext.detect_legacy_encoding(text):
        text = vntext.repair_legacy_text(text)
    return text


def _cell_date(value, problems: list[str], header: str):
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _cell_text(value)
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    problems.append(
        _("cột «%(col)s»: «%(value)s» không phải ngày hợp lệ (ghi dd/mm/yyyy)")
        % {"col": header, "value": text}
    )
    return None


def read_rows(data: bytes, kind: str, file_name: str) -> tuple[list[dict], list[dict]]:
    """Rows as {"line": n, field: value} and problems as {"line": n, "message": text}; nothing saved."""
    import openpyxl

    columns = COLUMNS[kind]
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a broken workbook
        raise UploadRejected(
            _("Không đọc được tệp Excel «%(name)s»: %(error)s") % {"name": file_name, "error": error},
            code="broken",
        ) from error
    try:
        sheet = workbook.worksheets[0]
        raw = [tuple(r) for r in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 20)]
    finally:
        workbook.close()
    found = _find_header(raw, columns)
    if found is None:
        expected = ", ".join(c.header for c in columns if c.required)
        raise UploadRejected(
            _(
                "Không tìm thấy dòng tiêu đề trong trang đầu của «%(name)s». Cần các cột: "
                "%(cols)s. Hãy dùng tệp mẫu."
            )
            % {"name": file_name, "cols": expected},
            code="no_header",
        )
    header_index, mapping = found
    missing = [c.header for c in columns if c.required and c not in mapping.values()]
    if missing:
        raise UploadRejected(
            _("Tệp «%(name)s» thiếu cột bắt buộc: %(cols)s.")
            % {"name": file_name, "cols": ", ".join(missing)},
            code="missing_columns",
        )
    rows, problems = [], []
    for offset, raw_row in enumerate(raw[header_index + 1 :], start=header_index + 2):
        if not any(v not in (None, "") for v in raw_row):
            continue
        if len(rows) >= MAX_ROWS:
            problems.append(
                {"line": offset, "message": _("Tệp có quá %(n)s dòng; hãy chia nhỏ.") % {"n": MAX_ROWS}}
            )
            break
        row, row_problems = {"line": offset}, []
        for position, column in mapping.items():
            value = raw_row[position] if position < len(raw_row) else None
            if column.key in ("valid_from", "valid_to"):
                row[column.key] = _cell_date(value, row_problems, column.header)
            else:
                row[column.key] = _cell_text(value)
        for column in columns:
            row.setdefault(column.key, "")
            if column.required and not row[column.key]:
                row_problems.append(_("thiếu «%(col)s»") % {"col": column.header})
        rows.append(row)
        problems.extend({"line": offset, "message": m} for m in row_problems)
    if not rows and not problems:
        problems.append(
            {"line": header_index + 2, "message": _("Tệp không có dòng dữ liệu nào dưới tiêu đề.")}
        )
    return rows, problems

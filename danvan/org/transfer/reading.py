"""Reading an uploaded workbook: find the header row by its words, then each row's cells as text or dates."""

from datetime import date, datetime, time

from django.utils.translation import gettext as _

from danvan.lib import vntext
from danvan.lib.tables import xlsx
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
    if isinstance(value, time):
        value = value.isoformat()
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


def _header_row(rows: list[tuple[int, dict]], columns: list[Column]):
    """(index in ``rows``, {column number: Column}) of the header, from the first ten rows with content."""
    as_lists = []
    for _line, cells in rows[:10]:
        width = max(cells, default=0)
        as_lists.append([cells[c].value if c in cells else None for c in range(1, width + 1)])
    found = _find_header(as_lists, columns)
    if found is None:
        return None
    index, mapping = found
    return index, {position + 1: column for position, column in mapping.items()}


def _cell_problem(cell, line: int, column: Column) -> str | None:
    """What makes a cell unusable as it stands, naming the cell; None when it is fine."""

    def where() -> str:
        return _("ô %(cell)s (cột «%(col)s»)") % {
            "cell": xlsx.cell_name(line, cell.column),
            "col": column.header,
        }

    # A real formula, or text that spreadsheets would take for one when the data is exported again.
    formula = cell.formula
    if formula is None and isinstance(cell.value, str) and cell.value.lstrip().startswith("="):
        formula = cell.value.strip()
    if formula is not None:
        return _("%(where)s là công thức «%(f)s»: hãy dán giá trị (chữ) thay cho công thức") % {
            "where": where(),
            "f": formula[:60],
        }
    if isinstance(cell.value, str):
        hidden = vntext.hidden_characters(cell.value)
        if hidden:
            return _("%(where)s chứa ký tự ẩn %(chars)s: hãy gõ lại nội dung ô này") % {
                "where": where(),
                "chars": ", ".join(hidden[:3]),
            }
        length = len(vntext.clean_text(cell.value))
        if length > column.max_length:
            return _("%(where)s dài %(n)s ký tự; tối đa %(max)s ký tự") % {
                "where": where(),
                "n": f"{length:,}".replace(",", "."),
                "max": column.max_length,
            }
    return None


def _rows_of_first_sheet(data: bytes, file_name: str) -> list[tuple[int, dict]]:
    workbook = xlsx.open_workbook(data, name=file_name)
    try:
        if not workbook.sheets:
            raise UploadRejected(
                _("Tệp «%(name)s» không có trang tính nào. Hãy dùng tệp mẫu.") % {"name": file_name},
                code="no_sheet",
            )
        rows = []
        for line, cells in workbook.rows(workbook.sheets[0], max_rows=MAX_ROWS + 20):
            rows.append((line, {cell.column: cell for cell in cells}))
        return rows
    finally:
        workbook.close()


def read_rows(data: bytes, kind: str, file_name: str) -> tuple[list[dict], list[dict]]:
    """Rows as {"line": n, field: value} and problems as {"line": n, "message": text}; nothing saved.

    The workbook is read by the streaming reader of ``danvan.lib.tables.xlsx`` (its limits do not depend
    on what the file declares); anything wrong with the file is an UploadRejected in Vietnamese, anything
    wrong with a cell (a formula, hidden characters, too long) a problem naming the cell.
    """
    columns = COLUMNS[kind]
    raw = _rows_of_first_sheet(data, file_name)
    found = _header_row(raw, columns)
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
    header_line = raw[header_index][0]
    for line, cells in raw[header_index + 1 :]:
        if not any(cell.formula is not None or cell.value not in (None, "") for cell in cells.values()):
            continue
        if len(rows) >= MAX_ROWS:
            problems.append(
                {"line": line, "message": _("Tệp có quá %(n)s dòng; hãy chia nhỏ.") % {"n": MAX_ROWS}}
            )
            break
        row, row_problems = {"line": line}, []
        for position, column in mapping.items():
            cell = cells.get(position)
            problem = _cell_problem(cell, line, column) if cell is not None else None
            if problem:
                row_problems.append(problem)
                row[column.key] = (
                    "" if cell.formula is not None else _cell_text(str(cell.value)[: column.max_length])
                )
                continue
            value = cell.value if cell is not None else None
            if column.key in ("valid_from", "valid_to"):
                row[column.key] = _cell_date(value, row_problems, column.header)
            else:
                row[column.key] = _cell_text(value)
        for column in columns:
            row.setdefault(column.key, "")
            if column.required and not row[column.key] and not any(column.header in p for p in row_problems):
                row_problems.append(_("thiếu «%(col)s»") % {"col": column.header})
        rows.append(row)
        problems.extend({"line": line, "message": m} for m in row_problems)
    if not rows and not problems:
        problems.append(
            {"line": header_line + 1, "message": _("Tệp không có dòng dữ liệu nào dưới tiêu đề.")}
        )
    return rows, problems

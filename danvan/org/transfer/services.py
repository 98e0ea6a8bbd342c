"""Units and people from Excel: template, parse and check every row, then apply all or nothing."""

import io
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.lib.exports.xlsx import Sheet, write_workbook
from danvan.lib.uploads import UploadRejected, inspect_upload

from . import services
from .models import Gender, ImportBatch, Unit, UnitKind


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    width: int = 18


UNIT_COLUMNS = [
    Column("code", "Mã đơn vị", True, 16),
    Column("name", "Tên đơn vị", True, 40),
    Column("short_name", "Tên ngắn", width=24),
    Column("abbreviation", "Ký hiệu viết tắt", width=14),
    Column("kind", "Loại đơn vị", True, 26),
    Column("parent_code", "Mã đơn vị cấp trên", width=18),
    Column("admin_code", "Mã hành chính", width=14),
    Column("valid_from", "Hiệu lực từ ngày", width=14),
    Column("valid_to", "Hiệu lực đến ngày", width=14),
    Column("phone", "Điện thoại", width=14),
    Column("email", "Thư điện tử", width=24),
]
PERSON_COLUMNS = [
    Column("full_name", "Họ và tên", True, 28),
    Column("title", "Chức vụ", width=30),
    Column("unit_code", "Mã đơn vị", True, 16),
    Column("phone", "Điện thoại", width=14),
    Column("email", "Thư điện tử", width=26),
    Column("birth_year", "Năm sinh", width=10),
    Column("gender", "Giới tính", width=10),
]
COLUMNS = {ImportBatch.Kind.UNITS: UNIT_COLUMNS, ImportBatch.Kind.PEOPLE: PERSON_COLUMNS}
MAX_ROWS = 20_000


def template_workbook(kind: str) -> bytes:
    columns = COLUMNS[kind]
    notes = [
        _("Điền từ dòng dưới tiêu đề; cột có dấu * là bắt buộc. Ngày ghi dd/mm/yyyy. Không đổi tên cột.")
    ]
    sheets = [
        Sheet(
            title=_("Dữ liệu"),
            headers=[c.header + (" *" if c.required else "") for c in columns],
            rows=[],
            widths=[c.width for c in columns],
            notes=notes,
        )
    ]
    if kind == ImportBatch.Kind.UNITS:
        kinds = [(k.code, k.name) for k in UnitKind.objects.order_by("order", "name")]
        sheets.append(
            Sheet(title=_("Loại đơn vị"), headers=[_("Mã loại"), _("Tên loại")], rows=kinds, widths=[24, 40])
        )
    if kind == ImportBatch.Kind.PEOPLE:
        sheets.append(
            Sheet(
                title=_("Giới tính"),
                headers=[_("Giá trị hợp lệ")],
                rows=[[label] for _value, label in Gender.choices],
                widths=[20],
            )
        )
    return write_workbook(sheets)


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


def _kind_lookup() -> dict[str, UnitKind]:
    lookup = {}
    for kind in UnitKind.objects.all():
        lookup[vntext.fold(kind.code.replace("_", " "))] = kind
        lookup[vntext.fold(kind.name)] = kind
    return lookup


def check_unit_rows(rows: list[dict], *, actor) -> list[dict]:
    problems = []
    kinds = _kind_lookup()
    codes_in_file: dict[str, int] = {}
    for row in rows:
        code = row["code"]
        if code in codes_in_file:
            problems.append(
                {
                    "line": row["line"],
                    "message": _("mã đơn vị «%(code)s» trùng với dòng %(other)s")
                    % {"code": code, "other": codes_in_file[code]},
                }
            )
        elif code:
            codes_in_file[code] = row["line"]
        if row["kind"] and vntext.fold(row["kind"]) not in kinds:
            problems.append(
                {
                    "line": row["line"],
                    "message": _("loại đơn vị «%(kind)s» không có trong danh mục") % {"kind": row["kind"]},
                }
            )
        if row["valid_from"] and row["valid_to"] and row["valid_to"] < row["valid_from"]:
            problems.append({"line": row["line"], "message": _("ngày hết hiệu lực trước ngày bắt đầu")})
    existing = set(Unit.objects.filter(code__in=list(codes_in_file)).values_list("code", flat=True))
    for row in rows:
        if row["code"] in existing:
            problems.append(
                {
                    "line": row["line"],
                    "message": _("mã đơn vị «%(code)s» đã có trong hệ thống") % {"code": row["code"]},
                }
            )
    parent_codes = {r["parent_code"] for r in rows if r["parent_code"]} - set(codes_in_file)
    visible = Unit.objects.visible_to(actor)
    found = {u.code: u for u in visible.filter(code__in=parent_codes)}
    for row in rows:
        parent_code = row["parent_code"]
        if parent_code and parent_code not in codes_in_file:
            parent = found.get(parent_code)
            if parent is None:
                problems.append(
                    {
                        "line": row["line"],
                        "message": _("không tìm thấy đơn vị cấp trên có mã «%(code)s» trong phạm vi của bạn")
                        % {"code": parent_code},
                    }
                )
            elif not access.has_cap(actor, Cap.UNIT_MANAGE, parent):
                problems.append(
                    {
                        "line": row["line"],
                        "message": _("bạn không có quyền thêm đơn vị dưới «%(name)s»")
                        % {"name": parent.name},
                    }
                )
        elif not parent_code and not access.sees_everything(actor):
            problems.append({"line": row["line"], "message": _("cần ghi mã đơn vị cấp trên")})
    problems.extend(_cycle_problems(rows))
    return problems


def _cycle_problems(rows: list[dict]) -> list[dict]:
    parent_of = {r["code"]: r["parent_code"] for r in rows if r["code"]}
    problems = []
    for row in rows:
        seen, code = set(), row["code"]
        while code in parent_of and code not in seen:
            seen.add(code)
            code = parent_of[code]
        if code in seen and code == row["code"]:
            problems.append(
                {
                    "line": row["line"],
                    "message": _("đơn vị «%(code)s» nằm dưới chính nó (vòng lặp mã cấp trên)")
                    % {"code": row["code"]},
                }
            )
    return problems


def check_person_rows(rows: list[dict], *, actor) -> list[dict]:
    problems = []
    codes = {r["unit_code"] for r in rows if r["unit_code"]}
    units = {u.code: u for u in Unit.objects.visible_to(actor).filter(code__in=codes)}
    genders = {vntext.fold(label): value for value, label in Gender.choices}
    seen: dict[tuple, int] = {}
    for row in rows:
        line = row["line"]
        unit = units.get(row["unit_code"])
        if row["unit_code"] and unit is None:
            problems.append(
                {
                    "line": line,
                    "message": _("không tìm thấy đơn vị có mã «%(code)s» trong phạm vi của bạn")
                    % {"code": row["unit_code"]},
                }
            )
        elif unit is not None and not access.has_cap(actor, Cap.PERSON_MANAGE, unit):
            problems.append(
                {
                    "line": line,
                    "message": _("bạn không có quyền thêm cán bộ vào «%(name)s»") % {"name": unit.name},
                }
            )
        if row["birth_year"] and not (row["birth_year"].isdigit() and 1900 <= int(row["birth_year"]) <= 2100):
            problems.append(
                {"line": line, "message": _("năm sinh «%(v)s» không hợp lệ") % {"v": row["birth_year"]}}
            )
        if row["gender"] and vntext.fold(row["gender"]) not in genders:
            problems.append(
                {
                    "line": line,
                    "message": _("giới tính «%(v)s» không hợp lệ (Nam, Nữ, Khác)") % {"v": row["gender"]},
                }
            )
        if row["email"] and ("@" not in row["email"] or " " in row["email"]):
            problems.append(
                {"line": line, "message": _("thư điện tử «%(v)s» không hợp lệ") % {"v": row["email"]}}
            )
        key = (vntext.fold(row["full_name"]), row["unit_code"], row["birth_year"])
        if key in seen:
            problems.append(
                {
                    "line": line,
                    "message": _("trùng với dòng %(other)s (cùng họ tên, đơn vị, năm sinh)")
                    % {"other": seen[key]},
                }
            )
        else:
            seen[key] = line
    return problems


def prepare_batch(*, actor, kind: str, upload, file_name: str, max_bytes: int) -> ImportBatch:
    """Inspect, parse and check; stored so the preview survives a reload. Raises UploadRejected."""
    access.require(actor, Cap.DATA_IMPORT)
    inspected = inspect_upload(upload, name=file_name, allowed=("xlsx",), max_bytes=max_bytes)
    rows, problems = read_rows(inspected.data, kind, inspected.name)
    checker = check_unit_rows if kind == ImportBatch.Kind.UNITS else check_person_rows
    problems += checker(rows, actor=actor)
    problems.sort(key=lambda p: p["line"])
    return ImportBatch.objects.create(
        kind=kind, created_by=actor, file_name=inspected.name, rows=rows, errors=problems
    )


class ImportFailed(ServiceError):
    pass


@transaction.atomic
def apply_batch(*, batch: ImportBatch, actor) -> int:
    """All rows or none: the first row a service refuses rolls the whole import back, naming the line."""
    access.require(actor, Cap.DATA_IMPORT)
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportBatch.Status.PENDING:
        raise ImportFailed(_("Lượt nhập này đã được xử lý trước đó; không nhập lại lần nữa."))
    if batch.errors:
        raise ImportFailed(_("Tệp còn dòng lỗi: hãy sửa tệp rồi tải lên lại."))
    apply_row = _apply_unit_row if batch.kind == ImportBatch.Kind.UNITS else _apply_person_row
    context = {"kinds": _kind_lookup(), "units": {}}
    rows = _parents_first(batch.rows) if batch.kind == ImportBatch.Kind.UNITS else batch.rows
    for row in rows:
        try:
            apply_row(row, actor=actor, context=context)
        except ServiceError as error:
            raise ImportFailed(
                _("Dòng %(line)s: %(msg)s Không có dòng nào được lưu.")
                % {"line": row["line"], "msg": error.message}
            ) from error
        except Exception as error:
            raise ImportFailed(
                _("Dòng %(line)s không lưu được (%(msg)s). Không có dòng nào được lưu.")
                % {"line": row["line"], "msg": error}
            ) from error
    batch.status = ImportBatch.Status.APPLIED
    batch.applied_count = len(rows)
    batch.save(update_fields=["status", "applied_count", "updated_at"])
    audit.record(
        actor=actor, verb="import", obj=batch, summary=_("Nhập %(n)s dòng từ Excel") % {"n": len(rows)}
    )
    return len(rows)


def _parents_first(rows: list[dict]) -> list[dict]:
    by_code = {r["code"]: r for r in rows}
    ordered, placed = [], set()

    def place(row):
        if row["code"] in placed:
            return
        parent = by_code.get(row["parent_code"])
        if parent is not None:
            place(parent)
        placed.add(row["code"])
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered


def _parse_iso(value):
    return date.fromisoformat(value) if value else None


def _unit_by_code(code: str, context: dict) -> Unit:
    if code not in context["units"]:
        context["units"][code] = Unit.objects.get(code=code)
    return context["units"][code]


def _apply_unit_row(row: dict, *, actor, context: dict) -> None:
    unit = services.unit_create(
        actor=actor,
        code=row["code"],
        name=row["name"],
        short_name=row["short_name"],
        abbreviation=row["abbreviation"],
        kind=context["kinds"][vntext.fold(row["kind"])],
        parent=_unit_by_code(row["parent_code"], context) if row["parent_code"] else None,
        admin_code=row["admin_code"],
        valid_from=_parse_iso(row["valid_from"]),
        valid_to=_parse_iso(row["valid_to"]),
        phone=row["phone"],
        email=row["email"],
    )
    context["units"][unit.code] = unit


def _apply_person_row(row: dict, *, actor, context: dict) -> None:
    genders = {vntext.fold(label): value for value, label in Gender.choices}
    services.person_create(
        actor=actor,
        full_name=row["full_name"],
        title=row["title"],
        unit=_unit_by_code(row["unit_code"], context),
        phone=row["phone"],
        email=row["email"],
        birth_year=int(row["birth_year"]) if row["birth_year"] else None,
        gender=genders.get(vntext.fold(row["gender"]), ""),
    )


def export_units(units) -> bytes:
    rows = (
        [
            u.code or "",
            u.name,
            u.short_name,
            u.abbreviation,
            u.kind.name,
            u.parent.code if u.parent_id and u.parent.code else "",
            u.admin_code,
            u.valid_from,
            u.valid_to,
            u.phone,
            u.email,
        ]
        for u in units.select_related("kind", "parent").order_by("path").iterator(chunk_size=2000)
    )
    return write_workbook(
        [
            Sheet(
                title=_("Đơn vị"),
                headers=[c.header for c in UNIT_COLUMNS],
                rows=rows,
                widths=[c.width for c in UNIT_COLUMNS],
            )
        ]
    )


def export_people(people) -> bytes:
    rows = (
        [
            p.full_name,
            p.title,
            p.unit.code or p.unit.name,
            p.phone,
            p.email,
            p.birth_year,
            p.get_gender_display(),
        ]
        for p in people.select_related("unit").iterator(chunk_size=2000)
    )
    return write_workbook(
        [
            Sheet(
                title=_("Cán bộ"),
                headers=[c.header for c in PERSON_COLUMNS],
                rows=rows,
                widths=[c.width for c in PERSON_COLUMNS],
            )
        ]
    )

"""Checking the rows read from a workbook against the organisation and the user's scope; nothing is saved."""

from django.utils.translation import gettext as _

from danvan.core import access
from danvan.core.access import Cap
from danvan.lib import vntext

from ..models import Gender, Unit, UnitKind


def kind_lookup() -> dict[str, UnitKind]:
    lookup = {}
    for kind in UnitKind.objects.all():
        lookup[vntext.fold(kind.code.replace("_", " "))] = kind
        lookup[vntext.fold(kind.name)] = kind
    return lookup


def check_unit_rows(rows: list[dict], *, actor) -> list[dict]:
    problems = []
    kinds = kind_lookup()
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

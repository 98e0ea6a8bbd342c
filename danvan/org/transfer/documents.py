"""The workbooks the transfer pages hand out: the blank templates and the exports of units and people."""

from django.utils.translation import gettext as _

from danvan.lib.exports.xlsx import Sheet, write_workbook

from ..models import Gender, ImportBatch, UnitKind
from .columns import COLUMNS, PERSON_COLUMNS, UNIT_COLUMNS


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

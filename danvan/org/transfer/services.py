"""Importing units and people: prepare a batch (read and check every row), then apply all rows or none."""

import logging
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.lib.uploads import UploadRejected, inspect_upload

from .. import services as org_services
from ..models import Gender, ImportBatch, Unit
from . import checks, reading

logger = logging.getLogger(__name__)


def prepare_batch(*, actor, kind: str, upload, file_name: str, max_bytes: int) -> ImportBatch:
    """Inspect, parse and check; stored so the preview survives a reload. Raises UploadRejected."""
    access.require(actor, Cap.DATA_IMPORT)
    # read_rows reads every cell itself (the opening check), so the vetting does not read them first.
    inspected = inspect_upload(
        upload, name=file_name, allowed=("xlsx",), max_bytes=max_bytes, check_opens=False
    )
    try:
        rows, problems = reading.read_rows(inspected.data, kind, inspected.name)
    except UploadRejected:
        raise
    except Exception as error:  # untrusted content that passed the vetting but breaks the reader
        logger.warning("import workbook %r could not be read", inspected.name, exc_info=True)
        raise UploadRejected(
            _("Không đọc được tệp Excel «%(name)s». Hãy mở bằng Excel, lưu lại rồi tải lên lần nữa.")
            % {"name": inspected.name},
            "broken",
        ) from error
    checker = checks.check_unit_rows if kind == ImportBatch.Kind.UNITS else checks.check_person_rows
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
    context = {"kinds": checks.kind_lookup(), "units": {}}
    rows = _parents_first(batch.rows) if batch.kind == ImportBatch.Kind.UNITS else batch.rows
    for row in rows:
        try:
            apply_row(row, actor=actor, context=context)
        except ServiceError as error:
            raise ImportFailed(
                _("Dòng %(line)s: %(msg)s Không có dòng nào được lưu.")
                % {"line": row["line"], "msg": error.message}
            ) from error
        except Exception as error:  # never show an exception's text (it is English, and internal)
            logger.exception("import row %s could not be saved", row["line"])
            raise ImportFailed(
                _("Dòng %(line)s không lưu được. Không có dòng nào được lưu.") % {"line": row["line"]}
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
    unit = org_services.unit_create(
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
    org_services.person_create(
        actor=actor,
        full_name=row["full_name"],
        title=row["title"],
        unit=_unit_by_code(row["unit_code"], context),
        phone=row["phone"],
        email=row["email"],
        birth_year=int(row["birth_year"]) if row["birth_year"] else None,
        gender=genders.get(vntext.fold(row["gender"]), ""),
    )

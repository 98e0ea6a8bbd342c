"""The editable settings: petition fields and the days allowed per kind."""

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext

from ..models import DeadlineRule, PetitionField


@transaction.atomic
def field_save(
    *, actor, name: str, order: int = 100, active: bool = True, field: PetitionField | None = None
):
    access.require(actor, Cap.CATALOG_MANAGE)
    name = vntext.clean_text(name)[:120]
    if not name:
        raise ServiceError(_("Hãy ghi tên lĩnh vực."), field="name")
    clash = PetitionField.objects.exclude(pk=getattr(field, "pk", None))
    if any(vntext.fold(n) == vntext.fold(name) for n in clash.values_list("name", flat=True)):
        raise ServiceError(_("Lĩnh vực «%(n)s» đã có.") % {"n": name}, field="name")
    creating = field is None
    field = field or PetitionField()
    field.name, field.order, field.active = name, order, active
    field.save()
    audit.record(
        actor=actor, verb="create" if creating else "update", obj=field, summary=_("Lưu lĩnh vực kiến nghị")
    )
    return field


@transaction.atomic
def deadline_rule_save(*, actor, rule: DeadlineRule, days: int, note: str = "") -> DeadlineRule:
    access.require(actor, Cap.CATALOG_MANAGE)
    if not days or days < 1 or days > 365:
        raise ServiceError(_("Số ngày giải quyết phải từ 1 đến 365."), field="days")
    before = rule.days
    rule.days, rule.note = days, vntext.clean_text(note)[:255]
    rule.save()
    audit.record(
        actor=actor,
        verb="update",
        obj=rule,
        summary=_("Sửa thời hạn giải quyết"),
        changes={"days": [before, days]},
    )
    return rule

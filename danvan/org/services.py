"""Every write to the organisation tree and the people register: atomic, validated, audited."""

from django.db import transaction
from django.db.models import F, ProtectedError, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from danvan.core import access, audit, stamps
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext

from .models import Person, Unit, UnitKind

UNIT_FIELDS = [
    "code",
    "name",
    "short_name",
    "abbreviation",
    "kind",
    "parent",
    "admin_code",
    "valid_from",
    "valid_to",
    "successor",
    "email",
    "phone",
    "address",
    "note",
]
PERSON_FIELDS = ["full_name", "title", "unit", "phone", "email", "birth_year", "gender", "note"]


def _clean_unit_text(unit: Unit) -> None:
    for name in ("name", "short_name", "abbreviation", "admin_code", "address", "phone"):
        setattr(unit, name, vntext.clean_text(getattr(unit, name)))
    unit.note = vntext.nfc(unit.note).strip()
    unit.code = vntext.clean_text(unit.code) or None


def _check_unit(unit: Unit, *, actor, parent_changed: bool = True) -> None:
    if not unit.name:
        raise ServiceError(_("Tên đơn vị không được để trống."), field="name")
    if unit.valid_from and unit.valid_to and unit.valid_to < unit.valid_from:
        raise ServiceError(_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."), field="valid_to")
    if parent_changed:
        _check_parent(unit, actor=actor)
    if unit.code and Unit.objects.filter(code=unit.code).exclude(pk=unit.pk).exists():
        raise ServiceError(_("Mã đơn vị «%(code)s» đã được dùng.") % {"code": unit.code}, field="code")


def _check_parent(unit: Unit, *, actor) -> None:
    if unit.parent_id is None:
        if not access.sees_everything(actor):
            raise ServiceError(_("Chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất."), field="parent")
        return
    if not Unit.objects.visible_to(actor).filter(pk=unit.parent_id).exists():
        raise ServiceError(_("Bạn không có quyền đặt đơn vị dưới đơn vị cấp trên đã chọn."), field="parent")
    access.require(actor, Cap.UNIT_MANAGE, unit.parent)


def _assign_path(unit: Unit) -> None:
    parent_path = unit.parent.path if unit.parent_id else ""
    unit.path = parent_path + access.encode_segment(unit.pk)
    unit.depth = len(unit.path) // access.SEGMENT_WIDTH - 1
    Unit.objects.filter(pk=unit.pk).update(path=unit.path, depth=unit.depth)
    stamps.touched(Unit)


@transaction.atomic
def unit_create(*, actor, **fields) -> Unit:
    unit = Unit(**fields)
    _clean_unit_text(unit)
    _check_unit(unit, actor=actor)
    unit.save_checked(expected_version=None)
    _assign_path(unit)
    audit.record(actor=actor, verb="create", obj=unit, summary=_("Tạo đơn vị"), unit_path=unit.path)
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, actor, expected_version: int | None, **fields) -> Unit:
    # The stored row, not the instance: a ModelForm has already written the new values onto the instance.
    stored = Unit.objects.get(pk=unit.pk)
    access.require(actor, Cap.UNIT_MANAGE, stored)
    before = audit.snapshot(stored, UNIT_FIELDS)
    old_path, old_parent_id = stored.path, stored.parent_id
    unit.path, unit.depth = stored.path, stored.depth
    for name, value in fields.items():
        setattr(unit, name, value)
    _clean_unit_text(unit)
    if unit.parent_id != old_parent_id:
        _check_move(unit, old_path)
    if unit.successor_id == unit.pk:
        raise ServiceError(_("Một đơn vị không thể sáp nhập vào chính nó."), field="successor")
    _check_unit(unit, actor=actor, parent_changed=unit.parent_id != old_parent_id)
    unit.save_checked(expected_version=expected_version)
    if unit.parent_id != old_parent_id:
        _assign_path(unit)
        _move_descendants(old_path, unit.path)
    changes = audit.field_changes(before, audit.snapshot(unit, UNIT_FIELDS))
    audit.record(
        actor=actor, verb="update", obj=unit, summary=_("Sửa đơn vị"), changes=changes, unit_path=unit.path
    )
    return unit


def _check_move(unit: Unit, old_path: str) -> None:
    if unit.parent_id is None:
        return
    parent = Unit.objects.only("path", "name").get(pk=unit.parent_id)
    if parent.pk == unit.pk or parent.path.startswith(old_path):
        raise ServiceError(
            _(
                "Không thể chuyển «%(unit)s» vào dưới «%(parent)s»: đơn vị đích là chính nó hoặc đơn vị cấp "
                "dưới của nó."
            )
            % {"unit": unit.name, "parent": parent.name},
            field="parent",
        )
    unit.parent = parent


def _move_descendants(old_prefix: str, new_prefix: str) -> None:
    shift = (len(new_prefix) - len(old_prefix)) // access.SEGMENT_WIDTH
    Unit.objects.filter(access.subtree_q("path", [old_prefix])).exclude(path=new_prefix).update(
        path=Concat(Value(new_prefix), Substr("path", len(old_prefix) + 1)),
        depth=F("depth") + shift,
    )
    stamps.touched(Unit)


@transaction.atomic
def unit_delete(*, unit: Unit, actor) -> None:
    access.require(actor, Cap.UNIT_MANAGE, unit)
    if unit.children.exists():
        raise ServiceError(_("Đơn vị còn đơn vị cấp dưới: hãy chuyển hoặc xóa các đơn vị đó trước."))
    if unit.people.exists():
        raise ServiceError(_("Đơn vị còn cán bộ: hãy chuyển cán bộ sang đơn vị khác trước."))
    audit.record(actor=actor, verb="delete", obj=unit, summary=_("Xóa đơn vị"), unit_path=unit.path)
    unit.delete()


def _clean_person(person: Person) -> None:
    for name in ("full_name", "title", "phone", "email"):
        setattr(person, name, vntext.clean_text(getattr(person, name)))
    person.email = person.email.lower()
    person.note = vntext.nfc(person.note).strip()


def _check_person(person: Person, *, actor) -> None:
    if not person.full_name:
        raise ServiceError(_("Họ và tên không được để trống."), field="full_name")
    if not Unit.objects.visible_to(actor).filter(pk=person.unit_id).exists():
        raise ServiceError(_("Bạn không có quyền thêm cán bộ vào đơn vị đã chọn."), field="unit")
    access.require(actor, Cap.PERSON_MANAGE, person.unit)


@transaction.atomic
def person_create(*, actor, **fields) -> Person:
    person = Person(**fields)
    _clean_person(person)
    _check_person(person, actor=actor)
    person.save_checked(expected_version=None)
    audit.record(actor=actor, verb="create", obj=person, summary=_("Thêm cán bộ"), unit_path=person.unit.path)
    return person


@transaction.atomic
def person_update(*, person: Person, actor, expected_version: int | None, **fields) -> Person:
    stored = Person.objects.select_related("unit").get(pk=person.pk)
    access.require(actor, Cap.PERSON_MANAGE, stored.unit)
    before = audit.snapshot(stored, PERSON_FIELDS)
    for name, value in fields.items():
        setattr(person, name, value)
    _clean_person(person)
    _check_person(person, actor=actor)
    person.save_checked(expected_version=expected_version)
    changes = audit.field_changes(before, audit.snapshot(person, PERSON_FIELDS))
    audit.record(
        actor=actor,
        verb="update",
        obj=person,
        summary=_("Sửa thông tin cán bộ"),
        changes=changes,
        unit_path=person.unit.path,
    )
    return person


@transaction.atomic
def person_delete(*, person: Person, actor) -> None:
    access.require(actor, Cap.PERSON_MANAGE, person.unit)
    audit.record(actor=actor, verb="delete", obj=person, summary=_("Xóa cán bộ"), unit_path=person.unit.path)
    try:
        with transaction.atomic():
            person.delete()
    except ProtectedError as error:
        # A medal nomination (and the like) keeps its person: say so instead of failing.
        kinds = sorted({str(obj._meta.verbose_name) for obj in error.protected_objects})
        raise ServiceError(
            _("Không xóa được cán bộ «%(name)s» vì còn gắn với: %(kinds)s.")
            % {"name": person.full_name, "kinds": ", ".join(kinds)}
        ) from error


@transaction.atomic
def kind_save(*, actor, kind: UnitKind | None = None, **fields) -> UnitKind:
    """Create or edit a unit kind; codes are fixed once created because imports and code refer to them."""
    access.require(actor, Cap.CATALOG_MANAGE)
    name = vntext.clean_text(fields.get("name", ""))
    if not name:
        raise ServiceError(_("Tên loại không được để trống."), field="name")
    if kind is None:
        code = fields.get("code", "").strip().lower()
        if UnitKind.objects.filter(code=code).exists():
            raise ServiceError(_("Mã loại «%(code)s» đã có.") % {"code": code}, field="code")
        kind = UnitKind(code=code)
        verb = "create"
    else:
        verb = "update"
    kind.name, kind.order = name, fields.get("order") or 100
    kind.is_admin_area = bool(fields.get("is_admin_area"))
    kind.save()
    audit.record(actor=actor, verb=verb, obj=kind, summary=_("Lưu loại đơn vị"))
    return kind

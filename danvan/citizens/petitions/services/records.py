"""Recording a petition, editing it, and the one audited read of who raised it."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext

from ...models import Petition, PetitionCitizen
from .. import policy
from .rules import _audit, _check_dates, _step
from .workflow import petition_assign

CITIZEN_FIELDS = ("full_name", "phone", "address", "note")
EDIT_FIELDS = (
    "kind",
    "title",
    "content",
    "field",
    "source",
    "locality",
    "place",
    "external_ref",
    "raiser",
    "raiser_count",
)


@transaction.atomic
def petition_record(
    *,
    actor,
    received_unit,
    title: str,
    field,
    kind: str = "recommendation",
    content: str = "",
    source: str = Petition.Source.RECEPTION,
    dialogue=None,
    locality=None,
    place: str = "",
    received_on: date | None = None,
    raiser: str = Petition.Raiser.PERSON,
    raiser_count: int = 1,
    external_ref: str = "",
    citizen: dict | None = None,
    responsible_unit=None,
    deadline: date | None = None,
) -> Petition:
    """A petition as received; with a responsible unit it is assigned at once (deadline: the kind's days)."""
    access.require(actor, Cap.PETITION_HANDLE, received_unit)
    title = vntext.clean_text(title)[:300]
    if not title:
        raise ServiceError(_("Hãy ghi nội dung tóm tắt của ý kiến, kiến nghị."), field="title")
    if field is None:
        raise ServiceError(_("Hãy chọn lĩnh vực."), field="field")
    received_on = received_on or timezone.localdate()
    _check_dates(received_on, deadline)
    petition = Petition(
        received_unit=received_unit,
        title=title,
        content=vntext.nfc(content).strip(),
        field=field,
        kind=kind,
        source=Petition.Source.DIALOGUE if dialogue is not None else source,
        dialogue=dialogue,
        locality=locality or received_unit,  # the duplicate check compares petitions of one place
        place=vntext.clean_text(place)[:255],
        received_on=received_on,
        raiser=raiser,
        raiser_count=max(1, raiser_count or 1),
        external_ref=vntext.clean_text(external_ref)[:100],
        created_by=actor,
    )
    petition.save()
    if citizen and any(vntext.clean_text(citizen.get(name, "")) for name in CITIZEN_FIELDS):
        PetitionCitizen.objects.create(
            petition=petition, **{name: vntext.clean_text(citizen.get(name, "")) for name in CITIZEN_FIELDS}
        )
    _step(petition, actor=actor, from_status="", to_unit=received_unit)
    _audit(petition, actor=actor, verb="create", summary=_("Tiếp nhận ý kiến, kiến nghị"))
    if responsible_unit is not None:
        petition = petition_assign(actor=actor, petition=petition, unit=responsible_unit, deadline=deadline)
    return petition


@transaction.atomic
def petition_update(
    *, actor, petition: Petition, expected_version: int | None, citizen: dict | None = None, **fields
) -> Petition:
    """The petition's own words and classification; who raised it only by one who may see it."""
    policy.require_handle(actor, petition)
    before = audit.snapshot(petition, list(EDIT_FIELDS))
    for name, value in fields.items():
        if name not in EDIT_FIELDS:
            raise TypeError(name)
        setattr(
            petition,
            name,
            vntext.clean_text(value) if isinstance(value, str) and name != "content" else value,
        )
    if not petition.title:
        raise ServiceError(_("Hãy ghi nội dung tóm tắt của ý kiến, kiến nghị."), field="title")
    petition.save_checked(expected_version=expected_version)
    if citizen is not None and policy.can_see_personal(actor, petition):
        values = {name: vntext.clean_text(citizen.get(name, "")) for name in CITIZEN_FIELDS}
        PetitionCitizen.objects.update_or_create(petition=petition, defaults=values)
    changes = audit.field_changes(before, audit.snapshot(petition, list(EDIT_FIELDS)))
    _audit(petition, actor=actor, verb="update", summary=_("Sửa ý kiến, kiến nghị"), changes=changes)
    return petition


@transaction.atomic
def petition_personal_data(*, actor, petition: Petition) -> PetitionCitizen | None:
    """Who raised the petition, for one allowed to see it; every showing is written in the audit log."""
    if not policy.can_see_personal(actor, petition):
        raise ServiceError(_("Bạn không có quyền xem thông tin cá nhân của người nêu kiến nghị."))
    citizen = PetitionCitizen.objects.filter(petition=petition).first()
    audit.record(
        actor=actor,
        verb="view_personal",
        obj=petition,
        summary=_("Xem thông tin cá nhân người nêu kiến nghị"),
        unit_path=petition.received_path,
    )
    return citizen

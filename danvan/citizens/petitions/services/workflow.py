"""Every write on a petition: record, edit, assign and transfer, the steps to its answer, merge; and the one
audited read of who raised it."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext

from ..models import DeadlineRule, Petition, PetitionAttachment, PetitionCitizen, PetitionStep
from ..models.catalog import ensure_defaults
from . import policy

S = Petition.Status
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


def deadline_days(kind: str) -> int:
    rule = DeadlineRule.objects.filter(kind=kind).first()
    if rule is None:  # a flushed test database: put the seeded settings back
        ensure_defaults()
        rule = DeadlineRule.objects.get(kind=kind)
    return rule.days


def default_deadline(kind: str, received_on: date) -> date:
    return received_on + timedelta(days=deadline_days(kind))


def _check_dates(received_on: date, deadline: date | None) -> None:
    if received_on > timezone.localdate():
        raise ServiceError(_("Ngày tiếp nhận không thể ở tương lai."), field="received_on")
    if deadline is not None and deadline < received_on:
        raise ServiceError(
            _("Hạn giải quyết (%(d)s) không thể trước ngày tiếp nhận (%(r)s).")
            % {"d": deadline.strftime("%d/%m/%Y"), "r": received_on.strftime("%d/%m/%Y")},
            field="deadline",
        )


def _check_target(petition: Petition, unit) -> None:
    if unit is None:
        raise ServiceError(_("Hãy chọn đơn vị chủ trì giải quyết."), field="unit")
    if not policy.same_tree(unit, petition.received_unit):
        raise ServiceError(
            _("Đơn vị «%(u)s» không thuộc hệ thống đơn vị của nơi tiếp nhận: không thể giao, chuyển.")
            % {"u": unit.name},
            field="unit",
        )
    if unit.valid_to is not None and unit.valid_to < timezone.localdate():
        raise ServiceError(_("Đơn vị «%(u)s» đã hết hiệu lực.") % {"u": unit.name}, field="unit")


def _step(petition, *, actor, from_status, note="", from_unit=None, to_unit=None, transfer=False) -> None:
    PetitionStep.objects.create(
        petition=petition,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        from_status=from_status,
        to_status=petition.status,
        from_unit=from_unit,
        to_unit=to_unit,
        note=note,
        is_transfer=transfer,
    )


def _audit(petition, *, actor, verb, summary, changes=None) -> None:
    audit.record(
        actor=actor,
        verb=verb,
        obj=petition,
        summary=summary,
        changes=changes,
        unit_path=petition.received_path,
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
def petition_assign(
    *,
    actor,
    petition: Petition,
    unit,
    deadline: date | None = None,
    reason: str = "",
    expected_version: int | None = None,
) -> Petition:
    """Give the petition to the unit responsible for resolving it, with a deadline (default: the kind's days
    from receipt). On a petition already assigned this is a transfer, and the reason is required."""
    policy.require_handle(actor, petition)
    _check_target(petition, unit)
    reason = vntext.nfc(reason).strip()
    transfer = petition.status in (S.ASSIGNED, S.IN_PROGRESS)
    if transfer:
        if not reason:
            raise ServiceError(_("Hãy ghi lý do chuyển đơn vị giải quyết."), field="reason")
        if unit.pk == petition.responsible_unit_id:
            raise ServiceError(_("Kiến nghị đang do chính đơn vị này giải quyết."), field="unit")
    else:
        policy.require_transition(petition, S.ASSIGNED)
    deadline = deadline or default_deadline(petition.kind, petition.received_on)
    _check_dates(petition.received_on, deadline)
    from_status, from_unit = petition.status, petition.responsible_unit
    petition.responsible_unit, petition.deadline, petition.status = unit, deadline, S.ASSIGNED
    petition.save_checked(expected_version=expected_version)
    _step(
        petition,
        actor=actor,
        from_status=from_status,
        note=reason,
        from_unit=from_unit,
        to_unit=unit,
        transfer=transfer,
    )
    _audit(
        petition,
        actor=actor,
        verb="transfer" if transfer else "assign",
        summary=(_("Chuyển đơn vị giải quyết: %(u)s") if transfer else _("Giao giải quyết: %(u)s"))
        % {"u": unit.name},
        changes={
            "responsible_unit": [str(from_unit or ""), unit.name],
            "deadline": [None, deadline.isoformat()],
        },
    )
    return petition


def petition_transfer(
    *,
    actor,
    petition: Petition,
    unit,
    reason: str,
    deadline: date | None = None,
    expected_version: int | None = None,
) -> Petition:
    if petition.status not in (S.ASSIGNED, S.IN_PROGRESS):
        raise ServiceError(_("Chỉ chuyển được kiến nghị đã giao và chưa trả lời."))
    return petition_assign(
        actor=actor,
        petition=petition,
        unit=unit,
        deadline=deadline,
        reason=reason,
        expected_version=expected_version,
    )


def _move(petition, *, actor, to_status, note="", verb, summary, expected_version=None) -> Petition:
    policy.require_transition(petition, to_status)
    from_status = petition.status
    petition.status = to_status
    petition.save_checked(expected_version=expected_version)
    _step(petition, actor=actor, from_status=from_status, note=note)
    _audit(petition, actor=actor, verb=verb, summary=summary, changes={"status": [from_status, to_status]})
    return petition


@transaction.atomic
def petition_start(*, actor, petition: Petition, expected_version: int | None = None) -> Petition:
    policy.require_answer(actor, petition)
    return _move(
        petition,
        actor=actor,
        to_status=S.IN_PROGRESS,
        verb="start",
        summary=_("Bắt đầu giải quyết"),
        expected_version=expected_version,
    )


@transaction.atomic
def petition_answer(
    *,
    actor,
    petition: Petition,
    answer: str,
    answered_on: date | None = None,
    expected_version: int | None = None,
) -> Petition:
    policy.require_answer(actor, petition)
    answer = vntext.nfc(answer).strip()
    if not answer:
        raise ServiceError(_("Hãy ghi nội dung trả lời."), field="answer")
    answered_on = answered_on or timezone.localdate()
    if answered_on < petition.received_on or answered_on > timezone.localdate():
        raise ServiceError(_("Ngày trả lời phải từ ngày tiếp nhận đến hôm nay."), field="answered_on")
    policy.require_transition(petition, S.ANSWERED)
    petition.answer, petition.answered_on = answer, answered_on
    return _move(
        petition,
        actor=actor,
        to_status=S.ANSWERED,
        verb="answer",
        summary=_("Trả lời kiến nghị"),
        expected_version=expected_version,
    )


@transaction.atomic
def petition_inform(
    *,
    actor,
    petition: Petition,
    how: str,
    informed_on: date | None = None,
    expected_version: int | None = None,
) -> Petition:
    policy.require_handle(actor, petition)
    how = vntext.clean_text(how)[:255]
    if not how:
        raise ServiceError(_("Hãy ghi hình thức thông tin cho công dân."), field="how")
    policy.require_transition(petition, S.INFORMED)
    informed_on = informed_on or timezone.localdate()
    if petition.answered_on and informed_on < petition.answered_on:
        raise ServiceError(_("Ngày thông tin không thể trước ngày trả lời."), field="informed_on")
    petition.informed_how, petition.informed_on = how, informed_on
    return _move(
        petition,
        actor=actor,
        to_status=S.INFORMED,
        note=how,
        verb="inform",
        summary=_("Đã thông tin cho công dân"),
        expected_version=expected_version,
    )


@transaction.atomic
def petition_close(
    *, actor, petition: Petition, note: str = "", expected_version: int | None = None
) -> Petition:
    policy.require_handle(actor, petition)
    if not petition.answer:
        raise ServiceError(_("Không thể kết thúc kiến nghị khi chưa có câu trả lời."))
    policy.require_transition(petition, S.CLOSED)
    petition.closed_on = timezone.localdate()
    return _move(
        petition,
        actor=actor,
        to_status=S.CLOSED,
        note=vntext.nfc(note).strip(),
        verb="close",
        summary=_("Kết thúc kiến nghị"),
        expected_version=expected_version,
    )


@transaction.atomic
def petition_escalate(
    *, actor, petition: Petition, reason: str, expected_version: int | None = None
) -> Petition:
    policy.require_handle(actor, petition)
    reason = vntext.nfc(reason).strip()
    if not reason:
        raise ServiceError(_("Hãy ghi lý do chuyển cấp trên."), field="reason")
    policy.require_transition(petition, S.ESCALATED)
    petition.escalation_reason = reason
    return _move(
        petition,
        actor=actor,
        to_status=S.ESCALATED,
        note=reason,
        verb="escalate",
        summary=_("Chuyển cấp trên"),
        expected_version=expected_version,
    )


@transaction.atomic
def petition_merge(*, actor, petition: Petition, into: Petition) -> Petition:
    """A duplicate joins the petition it repeats: counted once, followed there; its people keep their code."""
    policy.require_handle(actor, petition)
    policy.require_handle(actor, into)
    if petition.pk == into.pk:
        raise ServiceError(_("Không thể gộp một kiến nghị vào chính nó."))
    if into.status == S.MERGED:
        raise ServiceError(_("Kiến nghị đích đã được gộp vào kiến nghị khác."))
    if not policy.same_tree(petition.received_unit, into.received_unit):
        raise ServiceError(_("Hai kiến nghị không cùng hệ thống đơn vị."))
    policy.require_transition(petition, S.MERGED)
    petition.merged_into = into
    into.raiser_count = (into.raiser_count or 1) + (petition.raiser_count or 1)
    into.save(update_fields=["raiser_count", "updated_at"])
    _step(
        into, actor=actor, from_status=into.status, note=_("Gộp kiến nghị trùng #%(n)s") % {"n": petition.pk}
    )
    return _move(
        petition,
        actor=actor,
        to_status=S.MERGED,
        note=_("Gộp vào #%(n)s") % {"n": into.pk},
        verb="merge",
        summary=_("Gộp vào kiến nghị #%(n)s") % {"n": into.pk},
    )


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


MAX_PHOTO_BYTES = 5 * 1024 * 1024
IMAGE_SIGNATURES = [
    (b"\xff\xd8\xff", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
]


def _image_kind(data: bytes) -> str | None:
    for signature, kind in IMAGE_SIGNATURES:
        if data.startswith(signature):
            return kind
    return "webp" if data[:4] == b"RIFF" and data[8:12] == b"WEBP" else None


@transaction.atomic
def petition_attach(*, actor, petition: Petition, upload, caption: str = "") -> PetitionAttachment:
    """A photo (checked by its first bytes, at most 5 MB) or a Word or Excel file (vetted as uploads are)."""
    from django.conf import settings
    from django.core.files.base import ContentFile

    from danvan.lib.uploads import UploadRejected, inspect_upload

    policy.require_handle(actor, petition)
    name = vntext.clean_text(getattr(upload, "name", ""))[:255] or "tep"
    head = upload.read(MAX_PHOTO_BYTES + 1)
    upload.seek(0)
    kind = _image_kind(head)
    if kind is not None:
        if len(head) > MAX_PHOTO_BYTES:
            raise ServiceError(_("Ảnh «%(name)s» quá lớn; giới hạn 5 MB.") % {"name": name}, field="file")
        data = head
    else:
        try:
            inspected = inspect_upload(
                upload, name=name, allowed=("docx", "xlsx"), max_bytes=settings.DANVAN_MAX_UPLOAD_BYTES
            )
        except UploadRejected as error:
            raise ServiceError(
                _("«%(name)s» không phải ảnh (JPEG, PNG, GIF, WebP) hay tài liệu Word, Excel: %(why)s")
                % {"name": name, "why": error.message},
                field="file",
            ) from error
        kind, data = inspected.kind, inspected.data
    attachment = PetitionAttachment(
        petition=petition, name=name, kind=kind, caption=vntext.clean_text(caption)[:255], added_by=actor
    )
    # Stored under a neutral name: the original (often a citizen's name) stays in the row, not in the path.
    attachment.file.save(f"{petition.pk}.{kind}", ContentFile(data), save=False)
    attachment.save()
    _audit(petition, actor=actor, verb="attach", summary=_("Đính kèm tệp"))
    return attachment


def petition_attachment_open(*, actor, attachment: PetitionAttachment) -> bytes:
    """The file's bytes for one allowed to see who raised the petition; every opening is audited."""
    petition = attachment.petition
    if not policy.can_see_personal(actor, petition):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    audit.record(
        actor=actor,
        verb="view_personal",
        obj=petition,
        summary=_("Mở tệp đính kèm của kiến nghị"),
        unit_path=petition.received_path,
    )
    with attachment.file.open("rb") as handle:
        return handle.read()

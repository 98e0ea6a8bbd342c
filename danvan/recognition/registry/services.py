"""Registering models and exemplars, their progress, photos and documents, and awards."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.files import store
from danvan.core.files.vetting import vet
from danvan.lib import vntext
from danvan.org.models import Unit

from ..models import Attachment, Award, Exemplar, ProgressUpdate
from .selectors import find_near_duplicate

MAX_PHOTO_BYTES = 5 * 1024 * 1024


class NearDuplicate(ServiceError):
    """A near-identical title exists for the unit or its parent: saved only when the user confirms."""

    def __init__(self, existing: Exemplar):
        super().__init__(
            _(
                "Đã có «%(title)s» (%(unit)s, năm %(year)s) gần trùng tên. Nếu đây là mô hình khác, hãy "
                "đánh dấu “Vẫn đăng ký” rồi lưu lại."
            )
            % {"title": existing.title, "unit": existing.unit.name, "year": existing.year},
            field="title",
        )
        self.existing = existing


@transaction.atomic
def exemplar_save(
    *,
    actor,
    unit: Unit,
    year: int,
    kind: str,
    field,
    title: str,
    description: str = "",
    beneficiaries: str = "",
    started_on: date | None = None,
    expected_results: str = "",
    contact_name: str = "",
    contact_phone: str = "",
    person=None,
    story: str = "",
    confirm_duplicate: bool = False,
    exemplar: Exemplar | None = None,
    expected_version: int | None = None,
) -> Exemplar:
    access.require(actor, Cap.EXEMPLAR_REGISTER, unit)
    title = vntext.clean_text(title)
    if not title:
        raise ServiceError(_("Hãy ghi tên mô hình, điển hình."), field="title")
    if not 2000 <= year <= 2100:
        raise ServiceError(_("Năm đăng ký không hợp lệ."), field="year")
    frozen = exemplar is not None and exemplar.status != Exemplar.Status.REGISTERED
    if frozen and (exemplar.title != title or exemplar.unit_id != unit.pk):
        raise ServiceError(_("Mô hình đang hoặc đã thẩm định: không đổi tên, đơn vị được nữa."))
    if not confirm_duplicate:
        duplicate = find_near_duplicate(
            unit=unit, year=year, title=title, exclude=exemplar.pk if exemplar else None
        )
        if duplicate is not None:
            raise NearDuplicate(duplicate)
    creating = exemplar is None
    exemplar = exemplar or Exemplar(created_by=actor)
    exemplar.unit, exemplar.year, exemplar.kind, exemplar.field = unit, year, kind, field
    exemplar.title = title[:300]
    exemplar.description, exemplar.expected_results = (
        vntext.nfc(description).strip(),
        vntext.nfc(expected_results).strip(),
    )
    exemplar.beneficiaries = vntext.clean_text(beneficiaries)[:300]
    exemplar.started_on, exemplar.person = started_on, person
    exemplar.contact_name, exemplar.contact_phone = (
        vntext.clean_text(contact_name),
        vntext.clean_text(contact_phone),
    )
    exemplar.story = vntext.nfc(story).strip()
    exemplar.save_checked(expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="register" if creating else "update",
        obj=exemplar,
        unit_path=unit.path,
        summary=_("Đăng ký mô hình, điển hình") if creating else _("Sửa mô hình, điển hình"),
    )
    return exemplar


@transaction.atomic
def progress_add(
    *, actor, exemplar: Exemplar, on: date, text: str, figures: str = "", files=()
) -> ProgressUpdate:
    access.require(actor, Cap.EXEMPLAR_REGISTER, exemplar.unit)
    text = vntext.nfc(text).strip()
    if not text:
        raise ServiceError(_("Hãy ghi nội dung tiến độ."), field="text")
    update = ProgressUpdate.objects.create(
        exemplar=exemplar, on=on, text=text, figures=vntext.clean_text(figures)[:500], author=actor
    )
    for upload in files:
        attach(actor=actor, exemplar=exemplar, upload=upload, update=update)
    audit.record(
        actor=actor,
        verb="progress",
        obj=exemplar,
        summary=_("Cập nhật tiến độ"),
        unit_path=exemplar.unit.path,
    )
    return update


@transaction.atomic
def attach(
    *,
    actor,
    exemplar: Exemplar,
    upload,
    caption: str = "",
    update: ProgressUpdate | None = None,
    is_public: bool = True,
) -> Attachment:
    """A photo (decoded and re-encoded, at most 5 MB) or a Word, Excel document; both vetted by content."""
    access.require(actor, Cap.EXEMPLAR_REGISTER, exemplar.unit)
    inspected = vet(upload, allowed=("image", "docx", "xlsx"), field="file", max_image_bytes=MAX_PHOTO_BYTES)
    photo = inspected.kind == "image"
    attachment = Attachment(
        exemplar=exemplar,
        update=update,
        kind=Attachment.Kind.PHOTO if photo else Attachment.Kind.DOCUMENT,
        name=vntext.clean_text(inspected.name)[:255] or "tep",
        caption=vntext.clean_text(caption)[:255],
        is_public=is_public if photo else False,
    )
    store(attachment.file, inspected)
    attachment.save()
    return attachment


@transaction.atomic
def award_save(
    *,
    actor,
    issuer: Unit,
    recipient_name: str,
    form: str,
    level: str,
    decision_number: str,
    decision_date: date,
    reason: str = "",
    exemplar: Exemplar | None = None,
) -> Award:
    access.require(actor, Cap.AWARD_MANAGE, issuer)
    recipient_name = vntext.clean_text(recipient_name)
    if not recipient_name or not vntext.clean_text(decision_number):
        raise ServiceError(_("Hãy ghi người, tập thể được khen và số quyết định."))
    award = Award.objects.create(
        exemplar=exemplar,
        recipient_name=recipient_name[:300],
        form=form,
        level=vntext.clean_text(level)[:200],
        decision_number=vntext.clean_text(decision_number),
        decision_date=decision_date,
        reason=vntext.clean_text(reason)[:500],
        issuer=issuer,
    )
    audit.record(actor=actor, verb="award", obj=award, summary=str(award), unit_path=issuer.path)
    return award


@transaction.atomic
def exemplar_publish(*, actor, exemplar: Exemplar, publish: bool = True) -> Exemplar:
    """Put a recognised entry on the public showcase (or take it off): a manager's explicit step, never a
    side effect of recognition."""
    from django.utils import timezone

    access.require(actor, Cap.APPRAISAL_MANAGE, exemplar.unit)
    exemplar = Exemplar.objects.select_for_update().select_related("unit").get(pk=exemplar.pk)
    if publish and exemplar.status not in (Exemplar.Status.RECOGNISED, Exemplar.Status.PROPOSED):
        raise ServiceError(_("Chỉ đăng công khai mô hình, điển hình đã được công nhận."))
    exemplar.published_at = timezone.now() if publish else None
    exemplar.published_by = actor if publish else None
    exemplar.save_checked(expected_version=None)  # locked above: nobody can have changed it since
    audit.record(
        actor=actor,
        verb="publish" if publish else "unpublish",
        obj=exemplar,
        summary=(_("Đăng công khai «%(t)s»") if publish else _("Thôi đăng công khai «%(t)s»"))
        % {"t": exemplar.title[:100]},
        unit_path=exemplar.unit.path,
    )
    return exemplar

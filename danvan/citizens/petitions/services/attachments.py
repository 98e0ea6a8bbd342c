"""Files attached to a petition: personal data, like the name of who raised it."""

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import audit
from danvan.core.errors import ServiceError
from danvan.lib import vntext

from ...models import Petition, PetitionAttachment
from .. import policy
from .rules import _audit

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

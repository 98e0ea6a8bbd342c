"""Files attached to a petition: personal data, like the name of who raised it."""

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import audit
from danvan.core.errors import ServiceError
from danvan.lib import vntext

from ...models import Petition, PetitionAttachment
from .. import policy
from .rules import _audit

# A photo of a petition letter or of the place: a phone photo, not a poster.
MAX_PHOTO_BYTES = 5 * 1024 * 1024


@transaction.atomic
def petition_attach(*, actor, petition: Petition, upload, caption: str = "") -> PetitionAttachment:
    """A photo (decoded and re-encoded, at most 5 MB) or a Word or Excel file, vetted by the one vetting
    path of stored uploads (a picture's first bytes alone would let a decompression bomb or a PNG carrying
    HTML through)."""
    from django.core.files.base import ContentFile

    from danvan.core.files.vetting import vet

    policy.require_handle(actor, petition)
    name = vntext.clean_text(getattr(upload, "name", ""))[:255] or "tep"
    try:
        inspected = vet(
            upload, allowed=("image", "docx", "xlsx"), field="file", max_image_bytes=MAX_PHOTO_BYTES
        )
    except ServiceError as error:
        raise ServiceError(
            _("«%(name)s» không phải ảnh (JPEG, PNG, GIF, WebP) hay tài liệu Word, Excel: %(why)s")
            % {"name": name, "why": error.message},
            field="file",
        ) from error
    # The kind is the stored file's (a GIF is re-encoded as PNG), which the serving view's type follows.
    kind, data = inspected.extension.lstrip("."), inspected.data
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

"""Stored files of the citizens app for the product's file door (``danvan.core.files``, on main): a petition's
attachments.

The door finds this module by ``autodiscover_modules("files")``; until the branch meets main's door nothing
imports it. A petition's files are personal data (a letter names its author): the rows are the attachments of
the petitions the user sees, and a file goes out only to one who may see who raised the petition. The door
asks ``allow`` exactly once, right before it sends the bytes, so that is where the showing is written in the
audit log, as the app's own download page does (every view of personal data is audited).
"""

from danvan.core import audit
from danvan.core.files import FileKind, register

from .models import Petition, PetitionAttachment
from .petitions import policy

IMAGES = ("jpg", "png", "gif", "webp")


def _rows(user):
    return PetitionAttachment.objects.filter(petition__in=Petition.objects.visible_to(user)).select_related(
        "petition__received_unit", "petition__responsible_unit"
    )


def _allow_and_audit(user, attachment) -> bool:
    petition = attachment.petition
    if not policy.can_see_personal(user, petition):
        return False
    audit.record(
        actor=user,
        verb="view_personal",
        obj=petition,
        summary="Mở tệp đính kèm của kiến nghị",
        unit_path=petition.received_path,
    )
    return True


PETITION_ATTACHMENT = register(
    FileKind(
        name="petition-attachment",
        model=PetitionAttachment,
        field="file",
        rows=_rows,
        allow=_allow_and_audit,
        original_name=lambda row: f"kien-nghi-{row.petition_id}-{row.pk}.{row.kind}",
        image=lambda attachment: attachment.kind in IMAGES,
    )
)

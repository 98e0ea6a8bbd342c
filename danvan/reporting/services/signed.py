"""The unit's implementing document, signed and stamped, attached to its answer (what the plan asks units to
send besides the form): vetted through the one file door, kept with the answer while it is open."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.files import store
from danvan.core.files.vetting import vet
from danvan.lib import vntext

from .. import policy
from ..models import Submission

SIGNED_KINDS = ("pdf", "image", "docx")


@transaction.atomic
def submission_attach_signed(*, submission: Submission, actor, upload) -> Submission:
    """Attach (or replace) the signed document of an open answer; a sent answer is frozen until returned."""
    stored = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("call", "unit")
        .get(pk=submission.pk)
    )
    access.require(actor, Cap.SUBMISSION_EDIT, stored.unit)
    policy.require_open(stored.call)
    policy.require_draft(stored)
    inspected = vet(upload, allowed=SIGNED_KINDS, field="document")
    old = stored.signed_document.name if stored.signed_document else ""
    store(stored.signed_document, inspected)
    stored.signed_document_name = vntext.clean_text(inspected.name)[:255] or "van-ban"
    stored.signed_document_at = timezone.now()
    stored.save_checked(expected_version=None)
    if old:
        storage = stored.signed_document.storage
        transaction.on_commit(lambda: storage.delete(old))
    audit.record(
        actor=actor,
        verb="attach",
        obj=stored,
        summary=_("Đính kèm văn bản đã ký: %(name)s") % {"name": stored.signed_document_name},
        unit_path=stored.unit.path,
    )
    return stored

"""Stored files of reporting: the consolidated tables and reports made for a call."""

from danvan.core.access import Cap
from danvan.core.files import FileKind, register
from danvan.core.files.naming import INLINE_TYPES, extension_of, served_type
from danvan.core.files.serving import download_name
from danvan.reporting.models import Call, ConsolidationJob, Submission


def _consolidation_rows(user):
    return ConsolidationJob.objects.filter(
        call__in=Call.objects.visible_to(user), status=ConsolidationJob.Status.DONE
    ).select_related("call__owner")


def _download_name(job):
    """The readable name the job was made under; a job stored before names were kept gets one made now
    (never the stored name, which is random)."""
    from danvan.reporting.services.consolidation import file_name

    return job.original_name or file_name(job)


CONSOLIDATION = register(
    FileKind(
        name="consolidation",
        model=ConsolidationJob,
        field="file",
        rows=_consolidation_rows,
        capability=Cap.CALL_MANAGE,
        units=lambda job: [job.call.owner],
        original_name=_download_name,
    )
)


def _signed_rows(user):
    submissions = Submission.objects.visible_to(user).exclude(signed_document="")
    return submissions.select_related("call__owner", "unit")


def _signed_name(submission):
    """ "van-ban-trien-khai_phuong-an-binh_dang-ky-hoat-dong....pdf": whose, for which call."""
    ext = extension_of(submission.signed_document.name) or ".pdf"
    return download_name("Văn bản triển khai", submission.unit.name, submission.call.title, ext=ext)


SIGNED_DOCUMENT = register(
    FileKind(
        name="submission-signed",
        model=Submission,
        field="signed_document",
        rows=_signed_rows,
        # Whoever may read the answer: the unit's own people and the Ban that asked for it.
        capability=Cap.REPORT_VIEW,
        units=lambda submission: [submission.unit, submission.call.owner],
        original_name=_signed_name,
        image=lambda submission: served_type(submission.signed_document.name) in INLINE_TYPES,
    )
)

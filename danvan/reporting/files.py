"""Stored files of reporting: the consolidated tables and reports made for a call."""

from danvan.core.access import Cap
from danvan.core.files import FileKind, register
from danvan.reporting.models import Call, ConsolidationJob


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

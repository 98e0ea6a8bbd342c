"""The results of document jobs are stored files like any other: they go out through the one file door
(danvan.core.files), to their owner only (a system administrator sees every job)."""

from danvan.core.files import FileKind, register
from danvan.core.jobs.models import DocumentJob


def _finished_rows(user):
    return DocumentJob.objects.visible_to(user).filter(status=DocumentJob.Status.DONE).exclude(result="")


DOCUMENT_JOB = register(
    FileKind(
        name="document-job",
        model=DocumentJob,
        field="result",
        rows=_finished_rows,
        original_name="file_name",
    )
)

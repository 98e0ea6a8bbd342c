"""Every write to DocumentJob: asking for a document, running it (the task's body), purging old ones.

Both task backends are served: ``ImmediateBackend`` (tests) runs the task inside ``enqueue``;
``django_tasks_db`` (production, ``manage.py db_worker``) stores it in the same database, in the same
transaction as the job row when the caller has one open, and a worker runs it later. The task reloads the job
by id, and every status or progress write is a short UPDATE of its own (never one long transaction around the
work), so the page polling the job sees it move.
"""

from __future__ import annotations

import logging
import tempfile
import time
from datetime import timedelta

from django.core.files import File
from django.db import OperationalError, models, transaction
from django.utils import timezone

from danvan.core import audit

from .models import MSG_STALE, DocumentJob
from .registry import JobFailed, builder

logger = logging.getLogger(__name__)

KEEP_RESULTS_FOR = timedelta(days=7)
PROGRESS_EVERY_S = 0.5  # at most two progress writes a second: the page polls once a second
PURGE_BATCH = 200
MSG_FAILED = "Không tạo được tài liệu do lỗi hệ thống. Hãy thử lại; nếu vẫn lỗi, báo quản trị hệ thống."


def job_enqueue(
    *,
    actor,
    kind: str,
    title: str,
    file_name: str,
    subject: models.Model | None = None,
    params: dict | None = None,
    unit_path: str = "",
) -> DocumentJob:
    """Ask for a document; the caller has checked that ``actor`` may have it. The same document still being
    made for the same person is not asked for twice: that job is returned."""
    builder(kind)  # an unknown kind fails here, in the request, not later in the worker
    params = params or {}
    mine = DocumentJob.objects.filter(owner=actor, kind=kind, params=params)
    if subject is not None:
        mine = mine.for_subject(subject)
    running = mine.active().first()
    if running is not None:
        return running
    with transaction.atomic():
        job = DocumentJob(owner=actor, kind=kind, title=title[:255], file_name=file_name, params=params)
        if subject is not None:
            job.subject = subject
        job.save()
        audit.record(actor=actor, verb="document", obj=subject or job, summary=title, unit_path=unit_path)
    from .tasks import run_document_job

    run_document_job.enqueue(job.pk)
    job.refresh_from_db()  # the immediate backend (tests) has run it already
    return job


LOCK_RETRIES_S = (0.05, 0.1, 0.2, 0.4, 0.8)


def _update_job(job_id: int, queryset=None, **fields) -> int:
    """A short UPDATE of the job row that waits out a reader holding the table: SQLite's shared cache (the
    test database, which the live server's threads share) answers "table is locked" at once instead of
    waiting as a file database does, and the page polls this very row every second."""
    rows = queryset if queryset is not None else DocumentJob.objects.filter(pk=job_id)
    for pause in LOCK_RETRIES_S:
        try:
            return rows.update(updated_at=timezone.now(), **fields)
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            time.sleep(pause)
    return rows.update(updated_at=timezone.now(), **fields)  # the last try: a lock still held now is an error


def _touch(job_id: int, **fields) -> int:
    return _update_job(job_id, **fields)


class _Progress:
    """``progress(done, total)`` for a builder: a short UPDATE at most every PROGRESS_EVERY_S seconds (always
    the first, the last, and the first of a new total: a builder's next phase), also the job's heartbeat."""

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self.written_at = 0.0
        self.total: int | None = None

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and total == self.total and now - self.written_at < PROGRESS_EVERY_S:
            return
        self.written_at, self.total = now, total
        try:
            _touch(self.job_id, done=done, total=total)
        except OperationalError:  # a heartbeat lost to a lock is not worth the document: the next one writes
            logger.warning("document job %s: progress %s/%s not written", self.job_id, done, total)


def job_run(job_id: int) -> str:
    """The task's body: make the document and store it, or record why not (a Vietnamese message) and raise
    again so the task backend records the failure as well."""
    claimed = DocumentJob.objects.filter(pk=job_id, status=DocumentJob.Status.QUEUED).update(
        status=DocumentJob.Status.RUNNING, started_at=timezone.now(), updated_at=timezone.now()
    )
    if not claimed:  # deleted, or run already (a task delivered twice)
        return "skipped"
    job = DocumentJob.objects.get(pk=job_id)
    try:
        build = builder(job.kind)
        with tempfile.TemporaryFile(prefix="danvan-job-") as out:
            build(job, out, _Progress(job.pk))
            out.seek(0)
            job.result.save(f"result.{job.extension or 'bin'}", File(out), save=False)  # upload_to names it
    except Exception as error:
        message = error.message if isinstance(error, JobFailed) else MSG_FAILED
        if not isinstance(error, JobFailed):
            logger.exception("document job %s (%s) failed", job.pk, job.kind)
        _touch(job.pk, status=DocumentJob.Status.FAILED, error=message, finished_at=timezone.now())
        raise
    finished = _update_job(
        job.pk,
        DocumentJob.objects.filter(pk=job.pk, status=DocumentJob.Status.RUNNING),
        status=DocumentJob.Status.DONE,
        result=job.result.name,
        done=models.F("total"),
        finished_at=timezone.now(),
    )
    if not finished:  # given up meanwhile (purged as stale, or deleted): keep no orphan file
        job.result.delete(save=False)
        return "abandoned"
    jobs_purge()
    return DocumentJob.Status.DONE


def jobs_purge(*, now=None) -> dict:
    """Delete the jobs (and files) finished more than KEEP_RESULTS_FOR ago, and mark as failed the jobs a dead
    worker left behind. Run after every job and by ``manage.py purge_document_jobs``."""
    now = now or timezone.now()
    stale = list(DocumentJob.objects.stale().values_list("pk", flat=True)[:PURGE_BATCH])
    marked = DocumentJob.objects.filter(pk__in=stale).update(
        status=DocumentJob.Status.FAILED, error=str(MSG_STALE), finished_at=now
    )
    old = DocumentJob.objects.filter(created_at__lt=now - KEEP_RESULTS_FOR).exclude(
        status__in=[DocumentJob.Status.QUEUED, DocumentJob.Status.RUNNING]
    )
    deleted = 0
    for job in old[:PURGE_BATCH]:
        if job.result:
            job.result.delete(save=False)
        job.delete()
        deleted += 1
    return {"failed": marked, "deleted": deleted}

"""Background documents: the job's life (queued -> running -> done with progress, or failed with a Vietnamese
message), the stale job shown as failed, the download only for its owner, the purge of old results.

The tests run on the ImmediateBackend (config/settings_test.py): enqueue runs the task at once, in the
request's thread, which still goes through the task (it reloads the job by id)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from danvan.core.jobs import services as jobs
from danvan.core.jobs.models import DocumentJob
from danvan.core.jobs.registry import JobFailed, register
from danvan.core.models import AuditEvent

SEEN: list[tuple] = []


@register("test.counting")
def _counting(job, out, progress):
    """Three steps; records what the database says about the job while it runs."""
    for step in range(3):
        progress(step, 3)
        row = DocumentJob.objects.get(pk=job.pk)
        SEEN.append((row.status, row.done, row.total))
        out.write(f"bước {step}\n".encode())
    progress(3, 3)


@register("test.refusing")
def _refusing(job, out, progress):
    raise JobFailed("Không có đại biểu nào để in.")


@register("test.crashing")
def _crashing(job, out, progress):
    raise ZeroDivisionError("a bug, in English")


def ask(user, kind="test.counting", **extra):
    return jobs.job_enqueue(actor=user, kind=kind, title="Giấy mời thử", file_name="giấy mời.docx", **extra)


@pytest.fixture(autouse=True)
def _fresh():
    SEEN.clear()


def test_a_job_runs_from_queued_through_running_to_done_with_its_progress(cast):
    job = ask(cast.province_officer)
    # Each progress write is visible to another reader at once (not held in a transaction around the work);
    # writes are throttled to two a second, so the first one (0 of 3) is the one every run sees.
    assert SEEN[0] == ("running", 0, 3) and all(status == "running" for status, _, _ in SEEN)
    assert (job.status, job.done, job.total, job.percent) == ("done", 3, 3, 100)
    assert job.started_at <= job.finished_at
    assert job.result.read() == "bước 0\nbước 1\nbước 2\n".encode()
    # Stored under a random name; the name the user gave is only the download name.
    assert "gi" not in job.result.name.rsplit("/", 1)[-1] and job.result.name.endswith(".docx")
    assert job.file_name == "giấy mời.docx"
    assert AuditEvent.objects.filter(verb="document", summary="Giấy mời thử").exists()


def test_a_refusal_fails_the_job_with_its_vietnamese_message(cast):
    job = ask(cast.province_officer, kind="test.refusing")
    assert (job.status, job.error, bool(job.result)) == ("failed", "Không có đại biểu nào để in.", False)
    assert job.finished_at is not None


def test_a_crash_fails_the_job_with_a_generic_vietnamese_message_not_the_exception(cast):
    job = ask(cast.province_officer, kind="test.crashing")
    assert job.status == "failed" and job.error == jobs.MSG_FAILED and "English" not in job.error


def test_an_unknown_kind_is_refused_in_the_request():
    with pytest.raises(LookupError):
        jobs.job_enqueue(actor=None, kind="nope", title="x", file_name="x.pdf")


def test_a_job_a_dead_worker_left_running_shows_as_failed_and_the_purge_marks_it(cast):
    job = ask(cast.province_officer)
    DocumentJob.objects.filter(pk=job.pk).update(
        status="running", updated_at=timezone.now() - timedelta(minutes=16)
    )
    job.refresh_from_db()
    assert job.state == "failed" and not job.is_active and "tạo lại" in job.message
    assert jobs.jobs_purge()["failed"] == 1
    job.refresh_from_db()
    assert job.status == "failed" and "tạo lại" in job.error
    fresh = ask(cast.province_officer)  # asking again makes a new job
    assert fresh.pk != job.pk and fresh.status == "done"


def test_the_same_document_still_being_made_is_not_asked_twice(cast):
    job = ask(cast.province_officer)
    DocumentJob.objects.filter(pk=job.pk).update(status="running", updated_at=timezone.now())
    assert ask(cast.province_officer).pk == job.pk
    assert ask(cast.ward_officer).pk != job.pk  # another person's request is their own


def test_only_the_owner_or_a_system_admin_downloads_the_result(cast, login, client):
    job = ask(cast.province_officer)
    url = reverse("jobs:job_download", args=[job.pk])
    response = login(cast.province_officer).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == "bước 0\nbước 1\nbước 2\n".encode()
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert (
        response["Content-Disposition"].startswith("attachment;")
        and "gi%E1%BA%A5y" in response["Content-Disposition"]
    )
    assert login(cast.admin).get(url).status_code == 200
    for other in (cast.ward_officer, cast.outsider):  # anyone else, in the owner's units or not
        assert login(other).get(url).status_code == 404
        assert login(other).get(reverse("jobs:job_status", args=[job.pk])).status_code == 404
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_a_job_that_is_not_done_has_nothing_to_download(cast, login):
    job = ask(cast.province_officer, kind="test.refusing")
    assert login(cast.province_officer).get(reverse("jobs:job_download", args=[job.pk])).status_code == 404


def test_the_card_polls_while_the_job_runs_and_stops_with_the_download(cast, login):
    job = ask(cast.province_officer)
    client = login(cast.province_officer)
    url = reverse("jobs:job_status", args=[job.pk])
    done = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in done and reverse("jobs:job_download", args=[job.pk]) in done
    assert "<html" not in done  # the card alone
    DocumentJob.objects.filter(pk=job.pk).update(status="running", done=1, total=4, updated_at=timezone.now())
    running = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in running and 'aria-valuenow="25"' in running and "1/4" in running
    page = client.get(url).content.decode()  # without htmx: the whole page, with a link that reloads it
    assert "<html" in page and f'href="{url}"' in page


def test_the_purge_deletes_old_results_and_their_files(cast):
    old, recent = ask(cast.province_officer), ask(cast.ward_officer)
    name = old.result.name
    storage = old.result.storage
    DocumentJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    assert jobs.jobs_purge()["deleted"] == 1
    assert not DocumentJob.objects.filter(pk=old.pk).exists() and not storage.exists(name)
    assert DocumentJob.objects.filter(pk=recent.pk).exists()


def test_progress_writes_are_throttled_but_a_new_phase_and_the_end_are_always_written(cast, monkeypatch):
    monkeypatch.setattr(jobs, "PROGRESS_EVERY_S", 3600)  # no slow machine lets a second write through
    job = ask(cast.province_officer)
    progress = jobs._Progress(job.pk)

    def row():
        return DocumentJob.objects.values_list("done", "total").get(pk=job.pk)

    progress(1, 10)
    progress(2, 10)  # too soon after the last write: skipped
    assert row() == (1, 10)
    progress(1, 2)  # a builder's next phase (the PDF after the DOCX): written at once
    assert row() == (1, 2)
    progress(2, 2)
    assert row() == (2, 2)


def _locked_for(times: int, message: str = "database table is locked: core_documentjob"):
    """``QuerySet.update`` that answers SQLite's "table is locked" for the first ``times`` calls."""
    from django.db import OperationalError
    from django.db.models.query import QuerySet

    real, left = QuerySet.update, [times]

    def update(queryset, **fields):
        if left[0]:
            left[0] -= 1
            raise OperationalError(message)
        return real(queryset, **fields)

    return update


def test_a_write_that_meets_a_reader_holding_the_table_waits_and_is_written(cast, monkeypatch):
    from django.db.models.query import QuerySet

    monkeypatch.setattr(jobs, "LOCK_RETRIES_S", (0, 0, 0))
    job = ask(cast.province_officer)
    monkeypatch.setattr(QuerySet, "update", _locked_for(3))
    assert jobs._touch(job.pk, done=7, total=9) == 1
    assert DocumentJob.objects.values_list("done", "total").get(pk=job.pk) == (7, 9)


def test_a_lock_that_outlasts_the_retries_skips_a_heartbeat_but_fails_a_state_write(cast, monkeypatch):
    from django.db import OperationalError
    from django.db.models.query import QuerySet

    monkeypatch.setattr(jobs, "LOCK_RETRIES_S", (0,))
    job = ask(cast.province_officer)
    monkeypatch.setattr(QuerySet, "update", _locked_for(2))
    jobs._Progress(job.pk)(5, 9)  # a lost heartbeat: no error, the next one writes
    assert DocumentJob.objects.values_list("done", "total").get(pk=job.pk) == (3, 3)
    monkeypatch.setattr(QuerySet, "update", _locked_for(2))
    with pytest.raises(OperationalError):
        jobs._touch(job.pk, status=DocumentJob.Status.FAILED)


def test_an_error_that_is_not_a_lock_is_not_retried(cast, monkeypatch):
    from django.db import OperationalError
    from django.db.models.query import QuerySet

    job = ask(cast.province_officer)
    locked = _locked_for(1, message="no such column: done")
    monkeypatch.setattr(QuerySet, "update", locked)
    with pytest.raises(OperationalError, match="no such column"):
        jobs._touch(job.pk, done=1)

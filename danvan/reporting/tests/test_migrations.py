"""Submissions sent before the freeze each get their sent revision, and no stored value is lost."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("reporting", "0006_protected_files")]
AFTER = [("reporting", "0007_submission_sent")]


@pytest.mark.django_db(transaction=True)
def test_existing_sent_submissions_get_their_frozen_revision(cast):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    FormTemplate, Call = old.get_model("reporting", "FormTemplate"), old.get_model("reporting", "Call")
    Submission, Version = (
        old.get_model("reporting", "Submission"),
        old.get_model("reporting", "SubmissionVersion"),
    )
    template = FormTemplate.objects.create(name="Mẫu")
    call = Call.objects.create(
        owner_id=cast.province.pk, template=template, title="Y", due_end=datetime.date(2023, 9, 30)
    )
    now = timezone.now()
    kept = Submission.objects.create(
        call=call, unit_id=cast.ward.pk, status="accepted", rows=[{"1": "a"}], revision=1, submitted_at=now
    )
    Version.objects.create(submission=kept, revision=1, rows=[{"1": "a"}], submitted_at=now)
    unkept = Submission.objects.create(
        call=call,
        unit_id=cast.other_ward.pk,
        status="submitted",
        rows=[{"1": "b"}],
        revision=0,
        submitted_at=now,
    )
    edited = Submission.objects.create(
        call=call,
        unit_id=cast.agency.pk,
        status="submitted",
        rows=[{"1": "sau"}],
        revision=1,
        submitted_at=now,
    )
    Version.objects.create(submission=edited, revision=1, rows=[{"1": "trước"}], submitted_at=now)
    draft = Submission.objects.create(call=call, unit_id=cast.bloc.pk, rows=[{"1": "nháp"}])

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Submission = new.get_model("reporting", "Submission")
    kept, unkept, edited, draft = (Submission.objects.get(pk=s.pk) for s in (kept, unkept, edited, draft))
    assert (kept.sent.revision, kept.sent.rows) == (1, [{"1": "a"}])
    assert (unkept.revision, unkept.sent.revision, unkept.sent.rows) == (1, 1, [{"1": "b"}])
    # Edited after sending: what the Ban reads today becomes the sent revision; the first send is kept.
    assert (edited.revision, edited.sent.rows) == (2, [{"1": "sau"}])
    assert sorted(edited.versions.values_list("revision", flat=True)) == [1, 2]
    assert draft.sent_id is None and draft.rows == [{"1": "nháp"}]
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())

import django.db.models.deletion
from django.db import migrations, models


def freeze_what_was_sent(apps, schema_editor):
    """Every submission already sent gets its frozen revision: the kept version of its last send when there
    is one, else (sent before versions were kept, or edited since) a version made from its current rows."""
    Submission = apps.get_model("reporting", "Submission")
    SubmissionVersion = apps.get_model("reporting", "SubmissionVersion")
    sent = Submission.objects.filter(status__in=["submitted", "accepted", "returned"]).order_by("pk")
    for submission in sent.iterator(chunk_size=500):
        revision = submission.revision or 1
        version = SubmissionVersion.objects.filter(submission=submission, revision=revision).first()
        if version is None:
            version = SubmissionVersion.objects.create(
                submission=submission,
                revision=revision,
                rows=submission.rows,
                answers=submission.answers,
                submitted_at=submission.submitted_at or submission.updated_at,
                submitted_by_id=submission.submitted_by_id,
                is_late=submission.is_late,
            )
        elif submission.status != "returned" and (
            version.rows != submission.rows or version.answers != submission.answers
        ):
            # Edited as a draft after sending (what this migration's rule now forbids): what the Ban sees
            # today is the live rows, so they are kept as the sent revision, the older send stays as it was.
            revision = (
                SubmissionVersion.objects.filter(submission=submission).aggregate(m=models.Max("revision"))["m"]
                + 1
            )
            version = SubmissionVersion.objects.create(
                submission=submission,
                revision=revision,
                rows=submission.rows,
                answers=submission.answers,
                submitted_at=submission.submitted_at or submission.updated_at,
                submitted_by_id=submission.submitted_by_id,
                is_late=submission.is_late,
            )
        Submission.objects.filter(pk=submission.pk).update(sent=version, revision=revision)


class Migration(migrations.Migration):
    dependencies = [
        ("reporting", "0006_protected_files"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="sent",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="reporting.submissionversion",
            ),
        ),
        migrations.RunPython(freeze_what_was_sent, migrations.RunPython.noop),
    ]

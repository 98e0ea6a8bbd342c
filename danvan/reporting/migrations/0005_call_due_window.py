"""A call's due date becomes the one DateWindow field group (start, end, words, kind, tentative).

The old due_date is renamed to due_end (every value kept, in the call and in its history) and due_text keeps
the words; the new columns are then filled from the words when they name the same last day, else the call
is a plain deadline ("by due_end").
"""

from django.db import migrations, models


def fill_windows(apps, schema_editor):
    from danvan.lib.vndates import parse_window

    Call = apps.get_model("reporting", "Call")
    for call in Call.objects.only("id", "due_end", "due_text").iterator():
        start, kind, tentative = None, "deadline", False
        if call.due_text.strip():
            try:
                window = parse_window(call.due_text, default_year=call.due_end.year)
            except Exception:  # words the parser cannot read stay words; the end date is what counts
                window = None
            if window is not None and window.end == call.due_end:
                start, kind, tentative = window.start, window.kind, window.tentative
        Call.objects.filter(pk=call.pk).update(due_start=start, due_kind=kind, due_tentative=tentative)


class Migration(migrations.Migration):
    dependencies = [("reporting", "0004_submission_has_content")]

    operations = [
        migrations.RenameField(model_name="call", old_name="due_date", new_name="due_end"),
        migrations.RenameField(model_name="historicalcall", old_name="due_date", new_name="due_end"),
        migrations.AlterField(
            model_name="call",
            name="due_end",
            field=models.DateField(db_index=True, verbose_name="hạn gửi"),
        ),
        migrations.AlterField(
            model_name="historicalcall",
            name="due_end",
            field=models.DateField(db_index=True, verbose_name="hạn gửi"),
        ),
        migrations.AlterModelOptions(
            name="call",
            options={
                "ordering": ["-due_end", "-id"],
                "verbose_name": "yêu cầu báo cáo, đăng ký",
                "verbose_name_plural": "yêu cầu báo cáo, đăng ký",
            },
        ),
        migrations.AddField(
            model_name="call",
            name="due_kind",
            field=models.CharField(blank=True, max_length=10),
        ),
        migrations.AddField(
            model_name="call",
            name="due_start",
            field=models.DateField(blank=True, null=True, verbose_name="từ ngày"),
        ),
        migrations.AddField(
            model_name="call",
            name="due_tentative",
            field=models.BooleanField(default=False, verbose_name="dự kiến"),
        ),
        migrations.AddField(
            model_name="historicalcall",
            name="due_kind",
            field=models.CharField(blank=True, max_length=10),
        ),
        migrations.AddField(
            model_name="historicalcall",
            name="due_start",
            field=models.DateField(blank=True, null=True, verbose_name="từ ngày"),
        ),
        migrations.AddField(
            model_name="historicalcall",
            name="due_tentative",
            field=models.BooleanField(default=False, verbose_name="dự kiến"),
        ),
        migrations.RunPython(fill_windows, migrations.RunPython.noop),
    ]

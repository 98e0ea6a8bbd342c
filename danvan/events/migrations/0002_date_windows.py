"""Event and Presentation take the one DateWindow field group (danvan.core.models.DateWindowFields).

Event: window_start/window_end/tentative become time_start/time_end/time_tentative (same columns' values),
time_text stays, and time_kind is filled from the kept words. Presentation: due_date becomes the window's end
(due_end) of a deadline; due_text keeps the date as it is written on screen. No value is lost.
"""

from django.db import migrations, models


def fill_windows(apps, schema_editor):
    from danvan.lib.vndates import DateParseError, parse_window

    Event = apps.get_model("events", "Event")
    for event in Event.objects.exclude(time_text="", time_start=None, time_end=None).iterator():
        event.time_kind = _event_kind(event, parse_window, DateParseError)
        event.save(update_fields=["time_kind"])
    Presentation = apps.get_model("events", "Presentation")
    for presentation in Presentation.objects.exclude(due_end=None).iterator():
        presentation.due_kind = "deadline"
        presentation.due_text = presentation.due_end.strftime("%d/%m/%Y")
        presentation.save(update_fields=["due_kind", "due_text"])


def _event_kind(event, parse_window, DateParseError) -> str:
    """The kind the words give when they still give the stored days; otherwise read off the stored days."""
    try:
        window = parse_window(event.time_text) if event.time_text else None
    except DateParseError:
        window = None
    if window is not None and (window.start, window.end) == (event.time_start, event.time_end):
        return window.kind
    if event.time_start is None and event.time_end is None:
        return "unparsed" if event.time_text else ""
    if event.time_start is None:
        return "deadline"
    if event.time_start == event.time_end:
        return "exact"
    return "period" if event.time_end is not None else "range"


def empty_windows(apps, schema_editor):
    """Going back: the renamed columns carry the values back; the new ones are simply dropped."""


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [
        migrations.RenameField("event", "window_start", "time_start"),
        migrations.RenameField("event", "window_end", "time_end"),
        migrations.RenameField("event", "tentative", "time_tentative"),
        migrations.RenameField("historicalevent", "window_start", "time_start"),
        migrations.RenameField("historicalevent", "window_end", "time_end"),
        migrations.RenameField("historicalevent", "tentative", "time_tentative"),
        migrations.RenameField("presentation", "due_date", "due_end"),
        migrations.AlterModelOptions(
            name="event",
            options={"ordering": ["-time_end", "-id"], "verbose_name": "sự kiện", "verbose_name_plural": "sự kiện"},
        ),
        migrations.AlterField(
            model_name="event",
            name="time_end",
            field=models.DateField(blank=True, db_index=True, null=True, verbose_name="hạn"),
        ),
        migrations.AlterField(
            model_name="historicalevent",
            name="time_end",
            field=models.DateField(blank=True, db_index=True, null=True, verbose_name="hạn"),
        ),
        migrations.AlterField(
            model_name="presentation",
            name="due_end",
            field=models.DateField(blank=True, null=True, verbose_name="hạn"),
        ),
        migrations.AddField("event", "time_kind", models.CharField(blank=True, max_length=10)),
        migrations.AddField("historicalevent", "time_kind", models.CharField(blank=True, max_length=10)),
        migrations.AddField("presentation", "due_kind", models.CharField(blank=True, max_length=10)),
        migrations.AddField(
            "presentation", "due_start", models.DateField(blank=True, null=True, verbose_name="từ ngày")
        ),
        migrations.AddField(
            "presentation", "due_tentative", models.BooleanField(default=False, verbose_name="dự kiến")
        ),
        migrations.AddField(
            "presentation",
            "due_text",
            models.CharField(blank=True, max_length=255, verbose_name="hạn gửi (nguyên văn)"),
        ),
        migrations.RunPython(fill_windows, empty_windows),
    ]

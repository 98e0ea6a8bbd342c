"""The move to the one DateWindow field group keeps every stored value."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("events", "0001_initial")]
AFTER = [("events", "0002_date_windows")]


@pytest.mark.django_db(transaction=True)
def test_event_windows_and_presentation_due_dates_survive_the_move(cast):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Event, Presentation = old.get_model("events", "Event"), old.get_model("events", "Presentation")
    fuzzy = Event.objects.create(
        organiser_id=cast.province.pk,
        title="Hội nghị tọa đàm",
        time_text="dự kiến trung tuần tháng 9/2023",
        window_start=datetime.date(2023, 9, 11),
        window_end=datetime.date(2023, 9, 20),
        tentative=True,
    )
    words_only = Event.objects.create(organiser_id=cast.province.pk, title="Gặp mặt", time_text="cuối năm")
    Presentation.objects.create(event=fuzzy, unit_id=cast.ward.pk, due_date=datetime.date(2023, 9, 5))

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Event, Presentation = new.get_model("events", "Event"), new.get_model("events", "Presentation")
    fuzzy = Event.objects.get(pk=fuzzy.pk)
    assert (fuzzy.time_text, fuzzy.time_start, fuzzy.time_end, fuzzy.time_tentative, fuzzy.time_kind) == (
        "dự kiến trung tuần tháng 9/2023",
        datetime.date(2023, 9, 11),
        datetime.date(2023, 9, 20),
        True,
        "period",
    )
    words_only = Event.objects.get(pk=words_only.pk)
    assert (words_only.time_text, words_only.time_end, words_only.time_kind) == ("cuối năm", None, "unparsed")
    presentation = Presentation.objects.get(event=fuzzy)
    assert (presentation.due_start, presentation.due_end, presentation.due_kind, presentation.due_text) == (
        None,
        datetime.date(2023, 9, 5),
        "deadline",
        "05/09/2023",
    )
    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())

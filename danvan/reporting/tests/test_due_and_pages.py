"""A call's due window (form, service, data migration), the edit pages on form_page, the board's cells."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from danvan.core.errors import ServiceError
from danvan.reporting import services
from danvan.reporting.forms import CallForm
from danvan.reporting.models import Call, FormTemplate


def due_of(**data):
    form = CallForm(data={"title": "x", **data})
    form.is_valid()
    return form.cleaned_data.get("due"), form.errors


def test_the_call_form_reads_fuzzy_words_into_a_window():
    due, _errors = due_of(due_text="trung tuần tháng 9/2023")
    assert (due.start, due.end, due.kind) == (
        datetime.date(2023, 9, 11),
        datetime.date(2023, 9, 20),
        "period",
    )
    assert due.text == "trung tuần tháng 9/2023"


def test_the_call_form_defaults_to_the_date_and_keeps_the_words_beside_it():
    due, _errors = due_of(due_date="2023-09-30")
    assert (due.start, due.end, due.kind, due.text) == (None, datetime.date(2023, 9, 30), "deadline", "")
    due, _errors = due_of(due_date="2023-09-30", due_text="xong trong tháng 9")
    assert due.end == datetime.date(2023, 9, 30) and due.text == "xong trong tháng 9"


def test_the_call_form_refuses_a_due_without_a_last_day():
    due, errors = due_of()
    assert due is None and "due_date" in errors
    due, errors = due_of(due_text="ngày 31/02/2023")
    assert due is None and "due_text" in errors


def test_a_call_keeps_the_whole_window(cast, registration):
    from danvan.lib.vndates import parse_window

    call = services.call_open(
        actor=cast.province_officer,
        owner=cast.province,
        template=registration,
        title="Báo cáo giữa kỳ",
        due=parse_window("dự kiến trung tuần tháng 10/2023"),
        targets=[cast.ward],
    )
    call.refresh_from_db()
    assert call.due_start == datetime.date(2023, 10, 11) and call.due_end == datetime.date(2023, 10, 20)
    assert call.due_tentative and call.due_kind == "period" and call.due_date == call.due_end
    assert call.search_text == "bao cao giua ky"


def test_a_call_needs_a_last_day(cast, registration):
    from danvan.lib.vndates import DateWindow

    with pytest.raises(ServiceError):
        services.call_open(
            actor=cast.province_officer,
            owner=cast.province,
            template=registration,
            title="Không hạn",
            due=DateWindow(start=datetime.date(2023, 9, 1), end=None, text="từ ngày 1/9/2023", kind="range"),
            targets=[cast.ward],
        )


def test_the_data_migration_fills_the_window_from_the_words_it_kept(call):
    migration = importlib.import_module("danvan.reporting.migrations.0005_call_due_window")
    # As 0005 finds the rows: the old date in due_end, the old words in due_text, nothing else.
    Call.objects.filter(pk=call.pk).update(
        due_text="trước ngày 30/9/2023", due_start=None, due_kind="", due_tentative=False
    )
    other = Call.objects.get(pk=call.pk)
    other.pk = None
    other.save()
    Call.objects.filter(pk=other.pk).update(due_text="cuối tháng 8/2023", due_kind="")
    migration.fill_windows(apps, None)
    first, second = Call.objects.get(pk=call.pk), Call.objects.get(pk=other.pk)
    assert (first.due_end, first.due_kind, first.due_text) == (
        datetime.date(2023, 9, 30),
        "deadline",
        "trước ngày 30/9/2023",
    )
    # Words naming another last day do not move the date the call ran on: it stays, as a plain deadline.
    assert (second.due_end, second.due_kind, second.due_start) == (
        datetime.date(2023, 9, 30),
        "deadline",
        None,
    )


def test_opening_a_call_from_the_page_takes_the_words(cast, login, registration):
    response = login(cast.province_officer).post(
        reverse("reporting:call_new"),
        {
            "owner": cast.province.pk,
            "template": registration.pk,
            "title": "Đăng ký đợt hai",
            "due_text": "trước ngày 15/11/2023",
            "root": cast.province.pk,
            "accept_late": "on",
            "remind_days_before": 3,
        },
    )
    call = Call.objects.get(title="Đăng ký đợt hai")
    assert response.status_code == 302 and response["Location"] == call.get_absolute_url()
    assert (call.due_end, call.due_kind, call.due_text) == (
        datetime.date(2023, 11, 15),
        "deadline",
        "trước ngày 15/11/2023",
    )


def template_post(template=None, **extra):
    data = {
        "name": "Danh sách mô hình",
        "layout": "table",
        "f-TOTAL_FORMS": 2,
        "f-INITIAL_FORMS": 0,
        "f-0-label": "Tên mô hình",
        "f-0-kind": "text",
        "f-0-required": "on",
        "f-1-label": "Cấp",
        "f-1-kind": "choice",
        "f-1-choices": "xã; huyện",
    }
    if template is not None:
        data["version"] = template.version
    return {**data, **extra}


def test_the_template_page_saves_and_edits_with_its_columns(cast, login):
    client = login(cast.province_officer)
    data = template_post(owner=cast.province.pk)
    assert client.post(reverse("reporting:template_new"), data).status_code == 302
    template = FormTemplate.objects.get(name="Danh sách mô hình")
    assert [(f.label, f.choices) for f in template.fields.all()] == [
        ("Tên mô hình", []),
        ("Cấp", ["xã", "huyện"]),
    ]
    page = client.get(reverse("reporting:template_edit", args=[template.pk])).content.decode()
    assert 'value="Tên mô hình"' in page and 'value="xã; huyện"' in page
    assert f'name="version" value="{template.version}"' in page
    stale = template_post(template, name="Tên mới", owner=cast.province.pk)
    stale["version"] = template.version - 1 if template.version > 1 else template.version + 5
    response = client.post(reverse("reporting:template_edit", args=[template.pk]), stale)
    assert response.status_code == 200
    template.refresh_from_db()
    assert template.name == "Danh sách mô hình" and template.owner == cast.province


def test_board_cells_link_to_the_units_answer(cast, login, call):
    page = login(cast.province_officer).get(reverse("reporting:board"), {"call": call.pk}).content.decode()
    link = reverse("reporting:submission_open", args=[call.pk, cast.ward.pk])
    assert f'<a href="{link}">Quá hạn ' in page


def test_every_input_of_the_template_editor_has_a_label_also_in_added_rows(cast, login):
    import re

    page = login(cast.province_officer).get(reverse("reporting:template_new")).content.decode()
    start = page.index('<form method="post" novalidate')
    form = page[start : page.index("</form>", start)]
    ids = re.findall(r'<(?:input|select|textarea)(?![^>]*type="(?:hidden|submit)")[^>]*\bid="([^"]+)"', form)
    assert any(i.startswith("id_f-0-") for i in ids) and any("__prefix__" in i for i in ids)
    unlabelled = [i for i in ids if f'for="{i}"' not in form]
    assert not unlabelled, unlabelled
    assert 'data-formset-add="f"' in form

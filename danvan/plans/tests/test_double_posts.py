"""A plan made or imported twice from one form is made once; the task page reports on its version."""

from django.urls import reverse

from danvan.plans.forms import PlanImportForm, PlanNewForm
from danvan.plans.models import Plan, Profile, Task

from .test_import_views import PLAN_TEXT


def test_a_new_plan_sent_twice_makes_one_draft(cast, login, committee):
    client = login(cast.province_officer)
    assert 'name="form_token"' in client.get(reverse("plans:plan_new")).content.decode()
    data = {
        "form_token": PlanNewForm().initial["form_token"],
        "issuing_unit": committee.pk,
        "title": "tổ chức gặp mặt đầu xuân",
        "profile": Profile.PARTY_2018,
    }
    first = client.post(reverse("plans:plan_new"), data)
    again = client.post(reverse("plans:plan_new"), data)
    plan = Plan.objects.get()
    assert first["Location"] == again["Location"] == reverse("plans:plan_edit", args=[plan.pk])


def test_an_import_sent_twice_makes_one_plan(cast, login, committee):
    client = login(cast.province_officer)
    assert 'name="form_token"' in client.get(reverse("plans:plan_import")).content.decode()
    data = {
        "form_token": PlanImportForm().initial["form_token"],
        "issuing_unit": committee.pk,
        "text": PLAN_TEXT,
    }
    first = client.post(reverse("plans:plan_import"), data)
    again = client.post(reverse("plans:plan_import"), data, follow=True)
    plan = Plan.objects.get()
    assert first["Location"] == reverse("plans:plan_review", args=[plan.pk])
    assert again.redirect_chain[-1][0] == first["Location"] and "bấm hai lần" in again.content.decode()
    assert plan.tasks.count() == 2


def test_the_task_page_refuses_a_report_over_a_newer_version(cast, login, draft):
    task = draft.tasks.get(label="1.")
    client = login(cast.ward_officer)
    page = client.get(reverse("plans:task_detail", args=[task.pk])).content.decode()
    assert f'name="version" value="{task.version}"' in page
    shown = task.version
    client.post(
        reverse("plans:task_detail", args=[task.pk]),
        {"version": shown, "status": "in_progress", "progress": 30, "text": "Đã họp."},
    )
    stale = client.post(
        reverse("plans:task_detail", args=[task.pk]),
        {"version": shown, "status": "done", "progress": 100, "text": "Xong."},
    )
    assert stale.status_code == 200 and "người khác sửa" in stale.content.decode()
    task = Task.objects.get(pk=task.pk)
    assert (task.status, task.progress, task.notes.count()) == ("in_progress", 30, 1)
    assert task.version == shown + 1  # the note and the status went in as one change

"""Simultaneous edits of one plan or task with one version, and double-clicked creates (PostgreSQL only)."""

import pytest
from django.urls import reverse

from danvan.plans import services
from danvan.plans.models import Plan, Profile, Task
from danvan.testing.concurrency import client_for, one_wins_the_rest_are_stale, race

pytestmark = pytest.mark.postgres


@pytest.mark.django_db(transaction=True)
def test_simultaneous_plan_edits_with_one_version(cast, draft):
    read_at = draft.version

    def edit(i):
        plan = Plan.objects.get(pk=draft.pk)
        doc = plan.document()
        doc.title = f"kế hoạch sửa lần {i}"
        return services.plan_update(plan=plan, actor=cast.province_officer, expected_version=read_at, doc=doc)

    outcomes = race(4, edit)
    one_wins_the_rest_are_stale(outcomes)
    stored = Plan.objects.get(pk=draft.pk)
    assert stored.version == read_at + 1 and stored.title == outcomes_title(outcomes)


def outcomes_title(outcomes):
    return next(o for o in outcomes if not isinstance(o, Exception)).title


@pytest.mark.django_db(transaction=True)
def test_simultaneous_task_edits_with_one_version(cast, draft):
    task = draft.tasks.first()
    read_at = task.version
    outcomes = race(
        4,
        lambda i: services.task_update(
            task=Task.objects.get(pk=task.pk),
            actor=cast.province_officer,
            expected_version=read_at,
            title=f"Nhiệm vụ sửa lần {i}",
        ),
    )
    one_wins_the_rest_are_stale(outcomes)
    assert Task.objects.get(pk=task.pk).version == read_at + 1


@pytest.mark.django_db(transaction=True)
def test_simultaneous_progress_reports_with_one_version_add_one_note(cast, draft):
    task = draft.tasks.first()
    read_at = task.version
    outcomes = race(
        4,
        lambda i: services.task_report(
            task=Task.objects.get(pk=task.pk),
            actor=cast.province_officer,
            expected_version=read_at,
            status=Task.Status.IN_PROGRESS,
            text=f"Đã làm phần {i}",
            progress=40,
        ),
    )
    one_wins_the_rest_are_stale(outcomes)
    assert task.notes.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_double_clicked_new_plan_makes_one_draft(cast, committee):
    from danvan.plans.forms import PlanNewForm

    data = {
        "form_token": PlanNewForm().initial["form_token"],
        "issuing_unit": committee.pk,
        "title": "tổ chức gặp mặt đầu xuân",
        "profile": Profile.PARTY_2018,
    }
    responses = race(4, lambda i: client_for(cast.province_officer).post(reverse("plans:plan_new"), data))
    plans = Plan.objects.filter(title__icontains="gặp mặt đầu xuân")
    assert plans.count() == 1, [r.status_code for r in responses]
    edit_url = reverse("plans:plan_edit", args=[plans.get().pk])
    assert [r.get("Location") for r in responses] == [edit_url] * 4


@pytest.mark.django_db(transaction=True)
def test_a_double_clicked_import_makes_one_plan(cast, committee):
    from danvan.plans.forms import PlanImportForm

    text = (
        "BAN DÂN VẬN\n\nKẾ HOẠCH\ntổ chức hội nghị đối thoại\n\nI. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức.\n"
    )
    data = {"form_token": PlanImportForm().initial["form_token"], "issuing_unit": committee.pk, "text": text}
    responses = race(4, lambda i: client_for(cast.province_officer).post(reverse("plans:plan_import"), data))
    plans = Plan.objects.filter(issuing_unit=committee)
    assert plans.count() == 1, [(r.status_code, r.content[:300]) for r in responses]
    review_url = reverse("plans:plan_review", args=[plans.get().pk])
    assert [r.get("Location") for r in responses] == [review_url] * 4

"""Test data: the organisation's rows (factory_boy) and one factory per aggregate root, built through the
app's own service so that a factory-made object is exactly what the product would have made, and stays so
when a model's invariants change.

Every aggregate factory takes the acting user (``actor``) and the unit it belongs to; everything else has a
valid Vietnamese default and can be overridden by keyword. Models and services are imported inside the
functions: this module is imported by the root conftest before the apps are ready.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import factory

from danvan.accounts.models import RoleAssignment, User
from danvan.core import access
from danvan.lib import vntext
from danvan.org.models import Person, Unit, UnitKind

if TYPE_CHECKING:
    from danvan.events.models import DelegateGroup, Event, Invitation
    from danvan.plans.models import Plan, Task
    from danvan.recognition.models import (
        AppraisalRound,
        Contest,
        ContestEntry,
        Exemplar,
        MedalNomination,
    )
    from danvan.reporting.models import Call, FormTemplate, Submission


def kind(code: str) -> UnitKind:
    return UnitKind.objects.get(code=code)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Đơn vị thử {n}")
    kind = factory.LazyFunction(lambda: kind("agency"))

    @factory.post_generation
    def place(unit, create, extracted, **kwargs):
        """Compute the path, search text and sort key as the service does."""
        if not create:
            return
        unit.path = (unit.parent.path if unit.parent_id else "") + access.encode_segment(unit.pk)
        unit.depth = len(unit.path) // access.SEGMENT_WIDTH - 1
        unit.search_text = vntext.fold(f"{unit.name} {unit.short_name} {unit.abbreviation} {unit.admin_code}")
        unit.sort_key = vntext.sort_key(unit.name)
        Unit.objects.filter(pk=unit.pk).update(
            path=unit.path, depth=unit.depth, search_text=unit.search_text, sort_key=unit.sort_key
        )


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    title = ""
    unit = factory.SubFactory(UnitFactory)
    search_text = factory.LazyAttribute(lambda p: vntext.fold(f"{p.full_name} {p.title}"))
    sort_key = factory.LazyAttribute(lambda p: vntext.person_sort_key(p.full_name))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Người dùng {n}")
    password = factory.django.Password("mat-khau-thu-nghiem")


def grant(user: User, role: str, unit: Unit | None) -> RoleAssignment:
    assignment = RoleAssignment.objects.create(user=user, role=role, unit=unit)
    access.forget(user)
    return assignment


# --- plans ------------------------------------------------------------------------------------------------


def make_plan(
    *, actor: User, unit: Unit, title: str = "triển khai các hoạt động “Tháng Dân vận” năm 2026"
) -> Plan:
    """A draft plan issued by ``unit``, with no tasks."""
    from danvan.plans import services

    # The plans service names the plan-document class wherever it lives (it moves to danvan.lib).
    return services.plan_create(actor=actor, issuing_unit=unit, doc=services.PlanDocument(title=title))


def make_task(
    *,
    actor: User,
    plan: Plan,
    title: str = "Tổ chức tọa đàm về công tác dân vận",
    lead_unit: Unit | None = None,
    due: str = "trước ngày 30/9/2026",
) -> Task:
    """A task of a draft plan; ``due`` is written in words and read the way the editor reads it."""
    from danvan.lib.vndates import parse_window
    from danvan.plans import services

    lead = lead_unit if lead_unit is not None else plan.issuing_unit
    return services.task_create(plan=plan, actor=actor, title=title, lead_unit=lead, due=parse_window(due))


# --- reporting --------------------------------------------------------------------------------------------


def make_form_template(
    *,
    actor: User,
    unit: Unit,
    name: str = "Biểu đăng ký hoạt động",
    fields: list[dict[str, Any]] | None = None,
) -> FormTemplate:
    """A table template owned by ``unit`` (a number column, an activity, a date)."""
    from danvan.reporting import services
    from danvan.reporting.models import FieldKind, FormTemplate

    columns = fields or [
        {"label": "STT", "kind": FieldKind.INDEX},
        {"label": "Tên hoạt động", "kind": FieldKind.TEXT, "required": True},
        {"label": "Thời gian", "kind": FieldKind.WINDOW},
    ]
    return services.template_save(
        actor=actor, owner=unit, name=name, layout=FormTemplate.Layout.TABLE, fields=columns
    )


def make_call(
    *,
    actor: User,
    unit: Unit,
    targets: list[Unit],
    template: FormTemplate | None = None,
    title: str = "Đăng ký hoạt động Tháng Dân vận 2026",
    due_date: datetime.date = datetime.date(2026, 9, 30),
) -> Call:
    """An open call from ``unit`` to ``targets`` (a fresh template of the unit's when none is given)."""
    from danvan.reporting import services

    return services.call_open(
        actor=actor,
        owner=unit,
        template=template or make_form_template(actor=actor, unit=unit),
        title=title,
        due_date=due_date,
        targets=targets,
    )


def make_submission(
    *, call: Call, unit: Unit, actor: User | None = None, rows: list[dict[str, Any]] | None = None
) -> Submission:
    """The target ``unit``'s submission to ``call``; ``rows`` (column label -> value) are saved as a draft
    by ``actor``."""
    from danvan.reporting import services

    submission = services.submission_for(call=call, unit=unit)
    if rows is not None:
        if actor is None:
            raise TypeError("make_submission(rows=...) needs the actor who writes them")
        ids = {field.label: str(field.pk) for field in call.template.fields.all()}
        submission = services.submission_save_draft(
            submission=submission,
            actor=actor,
            expected_version=submission.version,
            rows=[{ids[label]: value for label, value in row.items()} for row in rows],
        )
    return submission


# --- events -----------------------------------------------------------------------------------------------


def make_event(
    *,
    actor: User,
    unit: Unit,
    title: str = "Hội nghị tọa đàm Tổ Dân vận 2026",
    time_text: str = "dự kiến trung tuần tháng 12/2099",
    **extra: Any,
) -> Event:
    """An event organised by ``unit``; its time in words (far ahead, so it stays open)."""
    from danvan.events import services

    return services.event_save(
        actor=actor, organiser=unit, title=title, venue="Hội trường", time_text=time_text, **extra
    )


def make_delegate_group(
    *, actor: User, event: Event, label: str = "Tổ trưởng các Tổ Dân vận", quota: int | None = 5, **extra: Any
) -> DelegateGroup:
    from danvan.events import services

    return services.group_save(actor=actor, event=event, label=label, quota=quota, **extra)


def make_invitation(*, actor: User, event: Event, group: DelegateGroup, person: Person) -> Invitation:
    """``person`` invited to ``event`` in ``group`` (the invitation already there when invited before)."""
    from danvan.events import services

    services.invite_people(actor=actor, event=event, group=group, people=[person])
    return event.invitations.get(person=person)


# --- recognition ------------------------------------------------------------------------------------------


def make_exemplar(
    *,
    actor: User,
    unit: Unit,
    title: str = "Mô hình “Khu phố sáng - xanh - sạch - đẹp”",
    year: int = 2026,
    kind: str = "initiative",
    **extra: Any,
) -> Exemplar:
    """A registered initiative of ``unit`` in the first field of the movement."""
    from danvan.recognition.models import Field
    from danvan.recognition.registry import services

    field = extra.pop("field", None) or Field.objects.order_by("order").first()
    return services.exemplar_save(
        actor=actor, unit=unit, year=year, kind=kind, field=field, title=title, **extra
    )


def make_appraisal_round(
    *,
    actor: User,
    unit: Unit,
    name: str = "Thẩm định mô hình Dân vận khéo 2026",
    year: int = 2026,
    level: str = "ward",
    threshold: int = 70,
) -> AppraisalRound:
    """An open appraisal round owned by ``unit``, with the default criteria."""
    from danvan.recognition.appraisal import services

    return services.round_create(
        actor=actor, owner=unit, name=name, year=year, level=level, threshold=threshold
    )


def make_contest(
    *, actor: User, unit: Unit, name: str = "Cuộc thi viết về gương “Dân vận khéo” 2026"
) -> Contest:
    """A contest owned by ``unit``, taking entries."""
    from danvan.recognition.contest import services

    return services.contest_save(
        actor=actor, owner=unit, name=name, period_text="Tác phẩm đăng, phát trong năm 2026"
    )


def make_contest_entry(
    *,
    actor: User,
    contest: Contest,
    unit: Unit,
    title: str = "Người giữ lửa ở khu phố Đông",
    author: str = "Nguyễn Văn Báo",
) -> ContestEntry:
    """An entry sent to ``contest`` by ``unit`` (a published article, by its link)."""
    from danvan.recognition.contest import services

    return services.entry_save(
        actor=actor,
        contest=contest,
        submitted_by=unit,
        title=title,
        author=author,
        outlet="Báo tỉnh",
        published_on=datetime.date(2026, 5, 19),
        link="https://baotinh.vn/bai-viet",
    )


def make_medal_nomination(
    *,
    actor: User,
    unit: Unit,
    person: Person,
    group: str = "Cán bộ chuyên trách công tác dân vận",
    years_in_work: int | None = 12,
) -> MedalNomination:
    """``person`` (working in ``unit`` or below) proposed by ``unit`` for the medal."""
    from danvan.recognition.medals import services

    return services.nomination_propose(
        actor=actor,
        unit=unit,
        person=person,
        group=group,
        years_in_work=years_in_work,
        achievements="Nhiều năm vận động nhân dân hiến đất làm đường",
    )

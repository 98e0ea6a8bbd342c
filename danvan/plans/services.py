"""Every write to plans and their tasks: atomic, validated, audited."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit, errors, stamps
from danvan.core.access import Cap
from danvan.core.concurrency import save_if_current
from danvan.core.errors import ServiceError
from danvan.core.files import store
from danvan.lib import vntext
from danvan.lib.plandoc import PlanDocument
from danvan.lib.vndates import DateParseError, DateWindow, parse_window
from danvan.org.models import Unit

from .files import vet_evidence
from .matching import match_unit, match_units
from .models import Plan, Profile, Task, TaskNote, kind_of_type, year_covered
from .numbering import format_symbol, next_number
from .parsing.doubts import REASON_NO_DATE as NO_DATE
from .parsing.doubts import REASON_NO_SYMBOL as NO_SYMBOL
from .programme.categories import guess_category
from .programme.services import check_item, follow_amendment, note_followed, write_link
from .selectors import tasks_without_lead

PARTY_COMMITTEE_WORDS = {
    ("tinh", "uy"),
    ("thanh", "uy"),
    ("huyen", "uy"),
    ("dang", "uy"),
    ("quan", "uy"),
    ("thi", "uy"),
}


def header_texts(unit: Unit) -> tuple[str, str]:
    """(superior body, issuing body) as a Party header prints them: "TỈNH ỦY BẮC GIANG", "BAN DÂN VẬN".

    "Ban Dân vận Tỉnh ủy Bắc Giang" splits at the party committee it belongs to; otherwise the parent unit is
    the superior body.
    """
    words = unit.name.split()
    folded = [vntext.fold(w) for w in words]
    for index in range(1, len(words) - 1):
        if (folded[index], folded[index + 1]) in PARTY_COMMITTEE_WORDS:
            return " ".join(words[index:]).upper(), " ".join(words[:index]).upper()
    parent = unit.parent
    issuing = unit.name
    if parent is not None and vntext.fold(unit.name).endswith(vntext.fold(parent.name)):
        issuing = unit.name[: len(unit.name) - len(parent.name)].strip()
    return (parent.name.upper() if parent else ""), issuing.upper()


def plan_search_text(plan: Plan) -> str:
    return vntext.fold(f"{plan.symbol} {plan.title} {plan.doc_type}")


def _sync_fields_from_document(plan: Plan, doc: PlanDocument) -> None:
    plan.title = vntext.clean_text(doc.title)[:500] or plan.title
    plan.doc_type = doc.doc_type or "KẾ HOẠCH"
    plan.type_code = doc.type_code or "KH"
    plan.place = vntext.clean_text(doc.place)[:80]
    if plan.status == Plan.Status.DRAFT:
        plan.issued_on = doc.issued_on
    plan.kind = kind_of_type(plan.type_code)
    plan.year = year_covered(plan.title, plan.issued_on, plan.year or timezone.localdate().year)
    plan.search_text = plan_search_text(plan)


def _check_can_edit(plan: Plan, actor) -> None:
    access.require(actor, Cap.PLAN_EDIT, plan.issuing_unit)
    if not plan.is_editable:
        raise ServiceError(_("Kế hoạch đã ban hành không sửa được. Hãy tạo bản sửa đổi."))


@transaction.atomic
def plan_create(
    *,
    actor,
    issuing_unit: Unit,
    doc: PlanDocument,
    source_name: str = "",
    source_text: str = "",
    profile: str | None = None,
) -> Plan:
    access.require(actor, Cap.PLAN_EDIT, issuing_unit)
    if not vntext.clean_text(doc.title):
        raise ServiceError(_("Kế hoạch cần có trích yếu (tên kế hoạch)."), field="title")
    superior, issuing = header_texts(issuing_unit)
    doc.superior_body = doc.superior_body or superior
    doc.issuing_body = doc.issuing_body or issuing
    doc.body_code = doc.body_code or issuing_unit.abbreviation
    plan = Plan(
        issuing_unit=issuing_unit,
        created_by=actor,
        source_name=source_name[:255],
        source_text=vntext.nfc(source_text),
        profile=profile or (Profile.STATE_2020 if doc.style == "state" else Profile.PARTY_2018),
    )
    _sync_fields_from_document(plan, doc)
    plan.content = doc.to_dict()
    save_if_current(plan, expected_version=None)
    _create_tasks(plan, doc)
    audit.record(
        actor=actor, verb="create", obj=plan, summary=_("Tạo kế hoạch (dự thảo)"), unit_path=issuing_unit.path
    )
    return plan


def _create_tasks(plan: Plan, doc: PlanDocument) -> None:
    on = doc.issued_on or (doc.event.time.start if doc.event and doc.event.time else None)
    for order, block in enumerate(doc.tasks(), start=1):
        task = Task(
            plan=plan,
            order=order,
            label=block.label[:30],
            title=block.text,
            lead_text=block.lead[:500],
            partners_text=", ".join(block.partners)[:500],
            category=guess_category(block.text) if plan.is_programme else "",
        )
        task.set_due(block.due)
        leads: list[Unit] = []
        if block.leads and len(block.leads) > 1:
            leads = match_units(block.leads, near=plan.issuing_unit, on=on)
        elif block.lead:
            found = match_unit(block.lead, near=plan.issuing_unit, on=on)
            leads = [found] if found is not None else []
        elif plan.issuing_unit_id:
            leads = [plan.issuing_unit]
        task.lead_unit = leads[0] if leads else None
        task.save()
        if leads:
            task.lead_units.set(leads)
        if block.partners:
            task.partner_units.set(match_units(block.partners, near=plan.issuing_unit, on=on))


@transaction.atomic
def plan_update(
    *, plan: Plan, actor, expected_version: int | None, doc: PlanDocument, profile: str | None = None
) -> Plan:
    stored = Plan.objects.select_related("issuing_unit").get(pk=plan.pk)
    _check_can_edit(stored, actor)
    before = {"title": stored.title, "content": stored.content}
    _sync_fields_from_document(plan, doc)
    if not plan.title:
        raise ServiceError(_("Kế hoạch cần có trích yếu (tên kế hoạch)."), field="title")
    if profile:
        plan.profile = profile
    plan.content = doc.to_dict()
    save_if_current(plan, expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="update",
        obj=plan,
        summary=_("Sửa dự thảo kế hoạch"),
        changes=audit.field_changes({"title": before["title"]}, {"title": plan.title}),
        unit_path=plan.issuing_unit.path,
    )
    return plan


@transaction.atomic
def plan_issue(*, plan: Plan, actor, issued_on: date | None = None, place: str = "") -> Plan:
    plan = Plan.objects.select_for_update().select_related("issuing_unit").get(pk=plan.pk)
    access.require(actor, Cap.PLAN_ISSUE, plan.issuing_unit)
    if plan.status != Plan.Status.DRAFT:
        raise ServiceError(_("Kế hoạch này đã được ban hành trước đó."))
    if not plan.tasks.exists() and not plan.document().sections:
        raise ServiceError(_("Kế hoạch chưa có nội dung: hãy thêm các mục trước khi ban hành."))
    doc = plan.document()
    _check_leads(plan)
    issued_on = issued_on or doc.issued_on or timezone.localdate()
    if issued_on > timezone.localdate():
        raise ServiceError(_("Ngày ký không được sau ngày hôm nay."), field="issued_on")
    body_code = doc.body_code or plan.issuing_unit.abbreviation
    if not body_code:
        raise ServiceError(
            _("Đơn vị ban hành chưa có ký hiệu viết tắt (ví dụ BDVTU): hãy bổ sung ở trang đơn vị.")
        )
    plan.number_year = issued_on.year
    plan.number = next_number(unit=plan.issuing_unit, type_code=plan.type_code, year=issued_on.year)
    style = "state" if plan.profile == Profile.STATE_2020 else "party"
    plan.symbol = format_symbol(
        number=plan.number, type_code=plan.type_code, body_code=body_code, style=style
    )
    plan.issued_on = issued_on
    plan.place = vntext.clean_text(place) or plan.place or doc.place
    plan.status = Plan.Status.ISSUED
    plan.issued_at = timezone.now()
    plan.issued_by = actor
    doc.number, doc.symbol, doc.body_code = str(plan.number).zfill(2), plan.symbol, body_code
    doc.issued_on, doc.place = issued_on, plan.place
    settle_header_notes(doc)
    plan.content = doc.to_dict()
    plan.search_text = plan_search_text(plan)
    plan.version += 1
    plan.save()
    if plan.amends_id:
        Plan.objects.filter(pk=plan.amends_id).update(status=Plan.Status.SUPERSEDED)
        stamps.touched(Plan)
        if plan.is_programme:  # what carried out the replaced programme's items follows them (or is unlinked)
            old = Plan.objects.get(pk=plan.amends_id)
            note_followed(plan, follow_amendment(actor=actor, old=old, new=plan))
    audit.record(
        actor=actor,
        verb="issue",
        obj=plan,
        summary=_("Ban hành %(symbol)s") % {"symbol": plan.symbol},
        unit_path=plan.issuing_unit.path,
    )
    return plan


def _check_leads(plan: Plan) -> None:
    """Every task of an issued plan has someone answerable for it: a task without a lead unit is refused,
    named so the officer finds it."""
    orphans = tasks_without_lead(plan)
    if not orphans:
        return
    names = "; ".join(f"«{vntext.clean_text(str(task))[:80]}»" for task in orphans[:3])
    more = len(orphans) - 3
    raise ServiceError(
        _(
            "Chưa ban hành được: %(n)s nhiệm vụ chưa có đơn vị chủ trì: %(names)s%(more)s. "
            "Hãy chọn đơn vị chủ trì cho nhiệm vụ đó rồi ban hành."
        )
        % {
            "n": len(orphans),
            "names": names,
            "more": _(" và %(k)s nhiệm vụ khác") % {"k": more} if more > 0 else "",
        },
        field="tasks",
    )


def settle_header_notes(doc: PlanDocument) -> None:
    """Once a number and a date are given, the importer's notes that they were missing no longer hold."""
    settled = {NO_SYMBOL, NO_DATE}
    doc.warnings = [w for w in doc.warnings if w not in settled]
    doc.doubts = [d for d in doc.doubts if not (d.element == "header" and d.reason in settled)]


@transaction.atomic
def plan_amend(*, plan: Plan, actor) -> Plan:
    """A change to an issued plan is a new draft linked to it; the old one stays as it was issued."""
    plan = Plan.objects.select_for_update().select_related("issuing_unit").get(pk=plan.pk)
    access.require(actor, Cap.PLAN_EDIT, plan.issuing_unit)
    if plan.status != Plan.Status.ISSUED:
        raise ServiceError(_("Chỉ tạo bản sửa đổi từ kế hoạch đã ban hành."))
    if plan.amendments.filter(status=Plan.Status.DRAFT).exists():
        raise ServiceError(_("Đã có một bản sửa đổi đang soạn cho kế hoạch này."))
    doc = plan.document()
    doc.number, doc.symbol, doc.issued_on = "", "", None
    draft = Plan.objects.create(
        issuing_unit=plan.issuing_unit,
        doc_type=plan.doc_type,
        type_code=plan.type_code,
        kind=plan.kind,
        year=plan.year,
        programme_item=plan.programme_item,
        profile=plan.profile,
        place=plan.place,
        title=plan.title,
        content=doc.to_dict(),
        amends=plan,
        revision=plan.revision + 1,
        created_by=actor,
        source_name=plan.source_name,
        search_text=plan.search_text,
    )
    for task in plan.tasks.all().prefetch_related("partner_units", "lead_units"):
        partners, leads = list(task.partner_units.all()), list(task.lead_units.all())
        task.pk, task.plan, task.version = None, draft, 1
        task.save()
        task.partner_units.set(partners)
        task.lead_units.set(leads)
    audit.record(
        actor=actor,
        verb="amend",
        obj=draft,
        summary=_("Tạo bản sửa đổi của %(symbol)s") % {"symbol": plan.symbol},
        unit_path=plan.issuing_unit.path,
    )
    return draft


def parse_due(text: str, *, default_year: int | None) -> DateWindow | None:
    text = vntext.clean_text(text)
    if not text:
        return None
    try:
        return parse_window(text, default_year=default_year)
    except DateParseError as error:
        raise ServiceError(error.message, field="due") from error


@transaction.atomic
def task_update(*, task: Task, actor, expected_version: int | None, **fields) -> Task:
    """Edit what a task is (draft plans, by the plan's editors) or how it goes (status, by its units)."""
    stored = Task.objects.select_related("plan__issuing_unit", "lead_unit").get(pk=task.pk)
    structural = {"title", "label", "lead_unit", "lead_units", "partner_units", "due"} & set(fields)
    if structural:
        _check_can_edit(stored.plan, actor)
    else:
        _require_task_progress_right(stored, actor)
    before = audit.snapshot(stored, ["title", "lead_unit", "status", "progress", "due_text"])
    partners = fields.pop("partner_units", None)
    leads = _lead_units(fields)
    if "due" in fields:
        task.set_due(fields.pop("due"))
    for name, value in fields.items():
        setattr(task, name, value)
    if task.progress > 100:
        raise ServiceError(_("Tiến độ tối đa là 100%."), field="progress")
    if task.status == Task.Status.DONE:
        task.progress = 100
    save_if_current(task, expected_version=expected_version)
    if partners is not None:
        task.partner_units.set(partners)
    if leads is not None:
        task.lead_units.set(leads)
    audit.record(
        actor=actor,
        verb="update",
        obj=task,
        summary=_("Cập nhật nhiệm vụ"),
        changes=audit.field_changes(before, audit.snapshot(task, list(before))),
        unit_path=task.plan.issuing_unit.path,
    )
    return task


def _lead_units(fields: dict) -> list[Unit] | None:
    """The leads a task edit asks for, ``lead_unit`` kept as the first of them (other apps read it)."""
    if "lead_units" not in fields and "lead_unit" not in fields:
        return None
    leads = list(fields.pop("lead_units", None) or [])
    primary = fields.get("lead_unit")
    if primary is not None:
        leads = [primary, *[u for u in leads if u != primary]]
    fields["lead_unit"] = leads[0] if leads else None
    return leads


def _require_task_progress_right(task: Task, actor) -> None:
    if access.has_cap(actor, Cap.PLAN_EDIT, task.plan.issuing_unit):
        return
    units = [*task.lead_units.all(), *task.partner_units.all()]
    if task.lead_unit_id:
        units.insert(0, task.lead_unit)
    if not any(access.has_cap(actor, Cap.TASK_UPDATE, unit) for unit in units):
        access.require(actor, Cap.TASK_UPDATE, task.lead_unit or task.plan.issuing_unit)


@transaction.atomic
def task_add_note(*, task: Task, actor, text: str, progress: int | None = None, evidence=None) -> TaskNote:
    task = (
        Task.objects.select_for_update(of=("self",))
        .select_related("plan__issuing_unit", "lead_unit")
        .get(pk=task.pk)
    )
    _require_task_progress_right(task, actor)
    text = vntext.nfc(text).strip()
    if not text and evidence is None:
        raise ServiceError(_("Hãy ghi nội dung tiến độ hoặc đính kèm minh chứng."), field="text")
    if progress is not None and not 0 <= progress <= 100:
        raise ServiceError(_("Tiến độ phải từ 0 đến 100%."), field="progress")
    note = TaskNote(task=task, author=actor, text=text, progress=progress)
    if evidence is not None:
        inspected = vet_evidence(evidence)
        note.evidence_name = vntext.clean_text(inspected.name)[:255]
        store(note.evidence, inspected)
    note.save()
    if progress is not None:
        task.progress = progress
        if task.status == Task.Status.TODO and progress > 0:
            task.status = Task.Status.IN_PROGRESS
        if progress == 100:
            task.status = Task.Status.DONE
        task.save_checked(expected_version=None)  # locked above: nobody can have changed it since
    audit.record(
        actor=actor,
        verb="progress",
        obj=task,
        summary=_("Báo cáo tiến độ nhiệm vụ"),
        unit_path=task.plan.issuing_unit.path,
    )
    return note


@transaction.atomic
def task_report(
    *, task: Task, actor, expected_version: int | None, status: str, text="", progress=None, evidence=None
) -> Task:
    """The task page's progress report (a note with progress or evidence, and the status) in one step, on
    the version the page showed: a report over someone else's newer one is refused, not merged."""
    locked = Task.objects.select_for_update(of=("self",)).get(pk=task.pk)
    if expected_version is not None and locked.version != expected_version:
        raise errors.StaleEdit(locked)
    if text or evidence or progress != locked.progress:
        task_add_note(task=locked, actor=actor, text=text, progress=progress, evidence=evidence)
        locked.refresh_from_db()
    if status != locked.status:
        locked = task_update(task=locked, actor=actor, expected_version=locked.version, status=status)
    return locked


@transaction.atomic
def task_create(
    *, plan: Plan, actor, title: str, lead_unit: Unit | None, due: DateWindow | None = None, partner_units=()
) -> Task:
    _check_can_edit(plan, actor)
    title = vntext.nfc(title).strip()
    if not title:
        raise ServiceError(_("Nhiệm vụ cần có nội dung."), field="title")
    order = (plan.tasks.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    task = Task(plan=plan, order=order, title=title, lead_unit=lead_unit)
    task.set_due(due)
    task.save()
    task.partner_units.set(partner_units)
    if lead_unit is not None:
        task.lead_units.set([lead_unit])
    audit.record(
        actor=actor, verb="create", obj=task, summary=_("Thêm nhiệm vụ"), unit_path=plan.issuing_unit.path
    )
    return task


@transaction.atomic
def task_delete(*, task: Task, actor) -> None:
    _check_can_edit(task.plan, actor)
    audit.record(
        actor=actor, verb="delete", obj=task, summary=_("Xóa nhiệm vụ"), unit_path=task.plan.issuing_unit.path
    )
    task.delete()


@transaction.atomic
def task_mark_done(*, task: Task, actor, note: str = "") -> Task:
    """Mark a task done (progress 100%) because the work it asks for has happened elsewhere, e.g. the event
    that carries it out was closed; `note` says why, in the audit log. A task already done is left as is."""
    task = (
        Task.objects.select_for_update(of=("self",))
        .select_related("plan__issuing_unit", "lead_unit")
        .get(pk=task.pk)
    )
    _require_task_progress_right(task, actor)
    if task.status == Task.Status.DONE:
        return task
    task.status, task.progress = Task.Status.DONE, 100
    task.save_checked(expected_version=None)  # locked above: nobody can have changed it since
    audit.record(
        actor=actor,
        verb="done",
        obj=task,
        summary=note or _("Hoàn thành nhiệm vụ"),
        unit_path=task.plan.issuing_unit.path,
    )
    return task


# --- the programme item a plan or a task carries out (registered with programme.services at ready) ------


@transaction.atomic
def plan_link_programme_item(
    *, actor, obj: Plan, item: Task | None, note: str = "", checked: bool = True, expected_version=None
) -> Plan:
    """Set (None: clear) the programme item the plan carries out; unchanged: nothing written."""
    plan = Plan.objects.select_for_update().get(pk=obj.pk)
    if plan.programme_item_id == (item.pk if item else None):
        return plan
    if checked:
        access.require(actor, Cap.PLAN_EDIT, plan.issuing_unit)
        check_item(actor=actor, obj=plan, item=item)
    return write_link(
        plan,
        actor=actor,
        item=item,
        note=note,
        unit_path=plan.issuing_unit.path,
        expected_version=expected_version,
    )


@transaction.atomic
def task_link_programme_item(
    *, actor, obj: Task, item: Task | None, note: str = "", checked: bool = True, expected_version=None
) -> Task:
    """Set (None: clear) the programme item the task carries out; unchanged: nothing written."""
    task = Task.objects.select_for_update().get(pk=obj.pk)
    if task.programme_item_id == (item.pk if item else None):
        return task
    unit = task.plan.issuing_unit
    if checked:
        access.require(actor, Cap.PLAN_EDIT, unit)
        check_item(actor=actor, obj=task, item=item)
    return write_link(
        task, actor=actor, item=item, note=note, unit_path=unit.path, expected_version=expected_version
    )

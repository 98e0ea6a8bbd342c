"""Calls, submissions, reviews and reminders: every write atomic, validated, audited."""

import logging
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.concurrency import save_if_current
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.notifications.services import notify_units
from danvan.org.models import Unit

from .models import (
    Call,
    CallTarget,
    FieldKind,
    FormField,
    FormTemplate,
    Submission,
    SubmissionVersion,
    UploadPreview,
)

MAX_ROWS = 5000
log = logging.getLogger(__name__)


# --- form templates --------------------------------------------------------------------------------------


@transaction.atomic
def template_save(
    *,
    actor,
    owner: Unit | None,
    name: str,
    layout: str,
    fields: list[dict],
    title: str = "",
    subtitle: str = "",
    label: str = "",
    footer: str = "",
    template: FormTemplate | None = None,
    expected_version: int | None = None,
) -> FormTemplate:
    """Create or replace a template and its ordered columns (or outline headings)."""
    if owner is None:
        access.require(actor, Cap.CATALOG_MANAGE)
    else:
        access.require(actor, Cap.CALL_MANAGE, owner)
    name = vntext.clean_text(name)
    if not name:
        raise ServiceError(_("Mẫu cần có tên."), field="name")
    cleaned = [f for f in fields if vntext.clean_text(f.get("label", ""))]
    if not cleaned:
        raise ServiceError(_("Mẫu cần ít nhất một cột (hoặc một đề mục)."), field="fields")
    if template is not None and template.calls.exists():
        raise ServiceError(
            _("Mẫu đã được dùng trong yêu cầu gửi đơn vị nên không sửa được; hãy tạo mẫu mới.")
        )
    template = template or FormTemplate(owner=owner)
    template.name, template.layout = name, layout
    template.title, template.subtitle = vntext.clean_text(title), vntext.clean_text(subtitle)
    template.label, template.footer = vntext.clean_text(label), vntext.clean_text(footer)
    save_if_current(template, expected_version=expected_version)
    template.fields.all().delete()
    FormField.objects.bulk_create(
        FormField(
            template=template,
            order=i,
            label=vntext.clean_text(f["label"]),
            kind=f.get("kind", FieldKind.TEXT),
            required=bool(f.get("required")),
            help_text=vntext.clean_text(f.get("help_text", "")),
            choices=[vntext.clean_text(c) for c in f.get("choices", []) if vntext.clean_text(c)],
        )
        for i, f in enumerate(cleaned)
    )
    audit.record(
        actor=actor,
        verb="save",
        obj=template,
        summary=_("Lưu biểu mẫu"),
        unit_path=owner.path if owner else "",
    )
    return template


def template_from_form_draft(*, actor, owner: Unit, draft) -> FormTemplate:
    """A plan's attached "Mẫu" becomes a reusable template (danvan.plans.document.FormDraft)."""
    fields = [
        {
            "label": c.label,
            "kind": c.kind if c.kind in FieldKind.values else FieldKind.TEXT,
            "required": c.kind not in (FieldKind.INDEX,) and i == 1,
        }
        for i, c in enumerate(draft.columns)
    ]
    name = vntext.clean_text(f"{draft.title} {draft.subtitle}") or _("Biểu mẫu kèm kế hoạch")
    return template_save(
        actor=actor,
        owner=owner,
        name=name[:255],
        layout=FormTemplate.Layout.TABLE,
        fields=fields,
        title=draft.title,
        subtitle=draft.subtitle,
        label=draft.label,
        footer=draft.footer,
    )


# --- calls -----------------------------------------------------------------------------------------------


def resolve_targets(
    *, actor, roots: list[Unit], kinds=(), include_roots: bool = False, on: date | None = None
) -> list[Unit]:
    """Units in the subtrees of `roots` (that the actor sees), of the chosen kinds, valid on the date."""
    if not roots:
        return []
    units = Unit.objects.visible_to(actor).filter(access.subtree_q("path", [r.path for r in roots]))
    units = units.valid_on(on or timezone.localdate())
    if not include_roots:
        units = units.exclude(pk__in=[r.pk for r in roots])
    if kinds:
        units = units.filter(kind__in=kinds)
    return list(units.order_by("path"))


@transaction.atomic
def call_open(
    *,
    actor,
    owner: Unit,
    template: FormTemplate,
    title: str,
    due_date: date,
    targets: list[Unit],
    due_text: str = "",
    instructions: str = "",
    plan=None,
    accept_late: bool = True,
    remind_days_before: int = 3,
) -> Call:
    access.require(actor, Cap.CALL_MANAGE, owner)
    title = vntext.clean_text(title)
    if not title:
        raise ServiceError(_("Hãy ghi nội dung yêu cầu."), field="title")
    if not targets:
        raise ServiceError(
            _("Chưa chọn đơn vị nào phải gửi: hãy chọn đơn vị hoặc loại đơn vị."), field="roots"
        )
    visible = set(
        Unit.objects.visible_to(actor).filter(pk__in=[u.pk for u in targets]).values_list("pk", flat=True)
    )
    outside = [u.name for u in targets if u.pk not in visible]
    if outside:
        raise ServiceError(
            _("Ngoài phạm vi của bạn: %(names)s.") % {"names": ", ".join(outside[:5])}, field="roots"
        )
    call = Call(
        owner=owner,
        template=template,
        title=title[:500],
        due_date=due_date,
        due_text=vntext.clean_text(due_text)[:255],
        instructions=vntext.nfc(instructions).strip(),
        plan=plan,
        accept_late=accept_late,
        remind_days_before=remind_days_before,
        created_by=actor,
        search_text=vntext.fold(title),
    )
    save_if_current(call, expected_version=None)
    CallTarget.objects.bulk_create(
        [CallTarget(call=call, unit=u) for u in {u.pk: u for u in targets}.values()]
    )
    audit.record(
        actor=actor,
        verb="open",
        obj=call,
        summary=_("Mở yêu cầu gửi %(n)s đơn vị") % {"n": len(targets)},
        unit_path=owner.path,
    )
    transaction.on_commit(lambda: schedule_reminders(call))
    return call


@transaction.atomic
def call_close(*, call: Call, actor) -> Call:
    access.require(actor, Cap.CALL_MANAGE, call.owner)
    call.status = Call.Status.CLOSED
    call.version += 1
    call.save(update_fields=["status", "version", "updated_at"])
    audit.record(actor=actor, verb="close", obj=call, summary=_("Đóng yêu cầu"), unit_path=call.owner.path)
    return call


@transaction.atomic
def call_reopen(*, call: Call, actor) -> Call:
    access.require(actor, Cap.CALL_MANAGE, call.owner)
    call.status = Call.Status.OPEN
    call.version += 1
    call.save(update_fields=["status", "version", "updated_at"])
    audit.record(actor=actor, verb="reopen", obj=call, summary=_("Mở lại yêu cầu"), unit_path=call.owner.path)
    return call


def outline_template_for_plan(*, actor, owner: Unit, plan) -> FormTemplate:
    """A result report answers the plan's content items: one heading per item of its content section."""
    doc = plan.document()
    content = next((s for s in doc.sections if s.role == "content"), None)
    headings = [vntext.clean_text(b.text.split(".")[0])[:250] for b in (content.blocks if content else [])]
    headings = [h for h in headings if h]
    if not headings:
        from .builtin import ensure_builtin_templates

        return ensure_builtin_templates()["result_report"]
    fields = [{"label": h, "kind": FieldKind.LONG_TEXT, "required": False} for h in headings]
    return template_save(
        actor=actor,
        owner=owner,
        name=_("Đề cương báo cáo kết quả: %(t)s") % {"t": plan.title[:180]},
        layout=FormTemplate.Layout.OUTLINE,
        fields=fields,
        title="BÁO CÁO",
        subtitle=_("Kết quả %(t)s") % {"t": plan.title[:200]},
    )


@transaction.atomic
def calls_from_plan(*, actor, plan, targets: list[Unit]) -> list[Call]:
    """One call per deadline the plan sets ("gửi về ... trước ngày ..."), all in one step."""
    doc = plan.document()
    owner = plan.issuing_unit
    access.require(actor, Cap.CALL_MANAGE, owner)
    if plan.calls.exists():
        raise ServiceError(_("Các yêu cầu của kế hoạch này đã được tạo."))
    deadlines = [d for d in doc.deadlines if d.due and d.due.end]
    if not deadlines:
        raise ServiceError(_("Kế hoạch không có hạn gửi về nào (ví dụ “gửi về … trước ngày 30/9/2023”)."))
    forms: dict[int, FormTemplate] = {}
    calls = []
    for deadline in deadlines:
        if deadline.form_index is not None and deadline.form_index < len(doc.forms):
            if deadline.form_index not in forms:
                forms[deadline.form_index] = template_from_form_draft(
                    actor=actor, owner=owner, draft=doc.forms[deadline.form_index]
                )
            template = forms[deadline.form_index]
        else:
            template = outline_template_for_plan(actor=actor, owner=owner, plan=plan)
        calls.append(
            call_open(
                actor=actor,
                owner=owner,
                template=template,
                title=deadline.what,
                due_date=deadline.due.end,
                due_text=deadline.due.text,
                plan=plan,
                targets=targets,
                instructions=deadline.note.strip("() "),
            )
        )
    return calls


# --- submissions -----------------------------------------------------------------------------------------


def _require_unit_right(actor, unit: Unit) -> None:
    access.require(actor, Cap.SUBMISSION_EDIT, unit)


def submission_for(*, call: Call, unit: Unit) -> Submission:
    """The unit's submission to the call, created as an empty draft on first use (race-safe)."""
    if not call.targets.filter(unit=unit).exists():
        raise ServiceError(
            _("Đơn vị «%(unit)s» không thuộc danh sách phải gửi của yêu cầu này.") % {"unit": unit.name}
        )
    try:
        with transaction.atomic():
            submission, _created = Submission.objects.get_or_create(call=call, unit=unit)
    except IntegrityError:
        submission = Submission.objects.get(call=call, unit=unit)
    return submission


def _check_open(call: Call) -> None:
    if call.status == Call.Status.CLOSED:
        raise ServiceError(
            _("Yêu cầu «%(title)s» đã đóng, không nhận thêm bản gửi. Hãy liên hệ Ban để được mở lại.")
            % {"title": call.title}
        )


def clean_rows(rows: list[dict], template: FormTemplate) -> list[dict]:
    """Keep only the template's columns, NFC text, drop empty rows."""
    keys = [str(f.pk) for f in template.fields.all() if f.kind != FieldKind.INDEX]
    out = []
    for row in rows[: MAX_ROWS + 1]:
        cleaned = {k: vntext.nfc(str(row.get(k, "") or "")).strip() for k in keys}
        if any(cleaned.values()):
            out.append(cleaned)
    if len(out) > MAX_ROWS:
        raise ServiceError(_("Quá %(n)s dòng: hãy chia nhỏ.") % {"n": MAX_ROWS})
    return out


@transaction.atomic
def submission_save_draft(
    *, submission: Submission, actor, expected_version: int | None, rows=None, answers=None
) -> Submission:
    stored = Submission.objects.select_related("call__template", "unit").get(pk=submission.pk)
    _require_unit_right(actor, stored.unit)
    _check_open(stored.call)
    if stored.status == Submission.Status.ACCEPTED:
        raise ServiceError(_("Bản này đã được Ban tiếp nhận; không sửa được nữa."))
    if rows is not None:
        submission.rows = clean_rows(rows, stored.call.template)
    if answers is not None:
        submission.answers = {
            str(k): vntext.nfc(str(v)).strip() for k, v in answers.items() if str(v).strip()
        }
    submission.has_content = bool(submission.rows or submission.answers)
    save_if_current(submission, expected_version=expected_version)
    return submission


def missing_required(submission: Submission) -> list[str]:
    fields = list(submission.call.template.fields.all())
    if submission.call.template.layout == FormTemplate.Layout.OUTLINE:
        return [f.label for f in fields if f.required and not submission.answers.get(str(f.pk))]
    if not submission.rows:
        return [_("chưa có dòng nào")]
    problems = []
    for index, row in enumerate(submission.rows, start=1):
        for f in fields:
            if f.required and f.kind != FieldKind.INDEX and not row.get(str(f.pk)):
                problems.append(_("dòng %(n)s thiếu «%(label)s»") % {"n": index, "label": f.label})
    return problems


@transaction.atomic
def submission_submit(
    *, submission: Submission, actor, expected_version: int | None, source_name: str = ""
) -> Submission:
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("call__template", "unit")
        .get(pk=submission.pk)
    )
    _require_unit_right(actor, submission.unit)
    call = submission.call
    _check_open(call)
    if expected_version is not None and submission.version != expected_version:
        from danvan.core.errors import StaleEdit

        raise StaleEdit(submission)
    if submission.status in (Submission.Status.SUBMITTED, Submission.Status.ACCEPTED):
        raise ServiceError(_("Bản này đã được gửi; không gửi lại lần nữa."))
    problems = missing_required(submission)
    if problems:
        raise ServiceError(_("Chưa gửi được: %(p)s.") % {"p": "; ".join(problems[:10])})
    now = timezone.now()
    late = timezone.localdate(now) > call.due_date
    if late and not call.accept_late:
        raise ServiceError(
            _("Đã quá hạn %(due)s và yêu cầu này không nhận bản gửi muộn.")
            % {"due": call.due_date.strftime("%d/%m/%Y")}
        )
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_at, submission.submitted_by = now, actor
    submission.is_late = late
    submission.revision += 1
    submission.version += 1
    submission.save()
    SubmissionVersion.objects.create(
        submission=submission,
        revision=submission.revision,
        rows=submission.rows,
        answers=submission.answers,
        submitted_at=now,
        submitted_by=actor,
        is_late=late,
        source_name=source_name[:255],
    )
    audit.record(
        actor=actor,
        verb="submit",
        obj=submission,
        summary=_("Gửi bản %(rev)s%(late)s")
        % {"rev": submission.revision, "late": _(" (muộn)") if late else ""},
        unit_path=submission.unit.path,
    )
    return submission


def _review(submission: Submission, actor, status: str, comment: str, verb: str, summary: str) -> Submission:
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("call__owner", "unit")
        .get(pk=submission.pk)
    )
    access.require(actor, Cap.SUBMISSION_REVIEW, submission.call.owner)
    if submission.status not in (Submission.Status.SUBMITTED, Submission.Status.ACCEPTED):
        raise ServiceError(_("Chỉ xem xét được bản đơn vị đã gửi."))
    submission.status = status
    submission.review_comment = vntext.nfc(comment).strip()
    submission.reviewed_by, submission.reviewed_at = actor, timezone.now()
    submission.version += 1
    submission.save()
    audit.record(actor=actor, verb=verb, obj=submission, summary=summary, unit_path=submission.unit.path)
    return submission


@transaction.atomic
def submission_return(*, submission: Submission, actor, comment: str) -> Submission:
    if not vntext.clean_text(comment):
        raise ServiceError(_("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì."), field="comment")
    submission = _review(
        submission, actor, Submission.Status.RETURNED, comment, "return", _("Trả lại để sửa")
    )
    notify_units(
        [submission.unit],
        subject=_("Bản gửi bị trả lại: %(t)s") % {"t": submission.call.title[:150]},
        body=comment,
        url=reverse("reporting:submission_detail", args=[submission.pk]),
    )
    return submission


@transaction.atomic
def submission_accept(*, submission: Submission, actor, comment: str = "") -> Submission:
    return _review(submission, actor, Submission.Status.ACCEPTED, comment, "accept", _("Tiếp nhận"))


# --- uploads ---------------------------------------------------------------------------------------------


def column_specs(template: FormTemplate):
    from danvan.lib.tables.values import ColumnSpec

    return [
        ColumnSpec(key=str(f.pk), label=f.label, kind=f.kind, required=f.required, choices=tuple(f.choices))
        for f in template.fields.all()
    ]


@transaction.atomic
def upload_preview(*, submission: Submission, actor, upload, max_bytes: int) -> UploadPreview:
    """Read the file into rows and problems; nothing replaces the draft until the unit confirms."""
    from danvan.lib.tables.read import parse_upload

    submission = Submission.objects.select_related("call__template", "unit").get(pk=submission.pk)
    _require_unit_right(actor, submission.unit)
    _check_open(submission.call)
    parsed = parse_upload(
        upload, name=upload.name, columns=column_specs(submission.call.template), max_bytes=max_bytes
    )
    notes = []
    if parsed.extra:
        notes.append(_("Cột không có trong mẫu, không lấy: %(c)s") % {"c": ", ".join(parsed.extra)})
    return UploadPreview.objects.create(
        submission=submission,
        uploaded_by=actor,
        file_name=vntext.clean_text(upload.name)[:255],
        rows=[{k: v for k, v in r.items()} for r in parsed.rows],
        problems=[{"line": p.line, "column": p.column, "message": p.message} for p in parsed.problems],
        notes=notes,
    )


@transaction.atomic
def upload_apply(*, preview: UploadPreview, actor, submit: bool) -> Submission:
    preview = UploadPreview.objects.select_for_update().get(pk=preview.pk)
    if preview.applied:
        raise ServiceError(_("Tệp này đã được dùng; hãy tải lên lại nếu cần."))
    if preview.problems:
        raise ServiceError(_("Tệp còn dòng lỗi: hãy sửa tệp rồi tải lên lại."))
    submission = Submission.objects.get(pk=preview.submission_id)
    rows = [{k: v for k, v in r.items() if not k.startswith("_")} for r in preview.rows]
    submission = submission_save_draft(submission=submission, actor=actor, expected_version=None, rows=rows)
    preview.applied = True
    preview.save(update_fields=["applied", "updated_at"])
    if submit:
        submission = submission_submit(
            submission=submission, actor=actor, expected_version=None, source_name=preview.file_name
        )
    return submission


# --- reminders -------------------------------------------------------------------------------------------


def units_not_submitted(call: Call) -> list[Unit]:
    sent = (
        Submission.objects.filter(call=call)
        .filter(Q(status__in=[Submission.Status.SUBMITTED, Submission.Status.ACCEPTED]))
        .values("unit_id")
    )
    return list(Unit.objects.filter(call_targets__call=call).exclude(pk__in=sent).order_by("path"))


def send_reminders(*, call: Call, actor=None, reason: str = "manual") -> int:
    """A notice and an e-mail to every unit that has not sent yet; returns how many units were reminded."""
    if actor is not None:
        access.require(actor, Cap.CALL_MANAGE, call.owner)
    if call.status == Call.Status.CLOSED:
        return 0
    units = units_not_submitted(call)
    if not units:
        return 0
    due = call.due_date.strftime("%d/%m/%Y")
    if reason == "after":
        subject = _("Quá hạn gửi: %(t)s") % {"t": call.title[:150]}
        body = _("Hạn gửi là %(due)s. Đơn vị chưa gửi; hãy gửi ngay.") % {"due": due}
    else:
        subject = _("Nhắc hạn gửi: %(t)s") % {"t": call.title[:150]}
        body = _("Hạn gửi: %(due)s. Đơn vị chưa gửi.") % {"due": due}
    with transaction.atomic():
        notify_units(units, subject=subject, body=body, url=reverse("reporting:call_detail", args=[call.pk]))
        audit.record(
            actor=actor,
            verb="remind",
            obj=call,
            unit_path=call.owner.path,
            summary=_("Nhắc %(n)s đơn vị chưa gửi") % {"n": len(units)},
        )
    return len(units)


def reminder_times(call: Call) -> list[tuple[str, datetime]]:
    """When the automatic reminders go: N days before the due date and the day after, at 08:00 local time."""
    tz = timezone.get_current_timezone()
    at_eight = time(8, 0)
    times = []
    if call.remind_days_before:
        times.append(
            (
                "before",
                datetime.combine(
                    call.due_date - timedelta(days=call.remind_days_before), at_eight, tzinfo=tz
                ),
            )
        )
    times.append(("after", datetime.combine(call.due_date + timedelta(days=1), at_eight, tzinfo=tz)))
    return [(reason, when) for reason, when in times if when > timezone.now()]


def schedule_reminders(call: Call) -> None:
    from .tasks import send_call_reminders

    if not send_call_reminders.get_backend().supports_defer:
        log.warning("the task backend cannot run tasks later: no automatic reminders for call %s", call.pk)
        return
    for reason, when in reminder_times(call):
        send_call_reminders.using(run_after=when).enqueue(call.pk, reason, call.due_date.isoformat())

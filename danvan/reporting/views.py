from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import apply_service_error
from danvan.core.paging import paginate, query_without_page
from danvan.lib.htmx import render_page
from danvan.lib.uploads import UploadRejected
from danvan.org.models import Unit, UnitKind
from danvan.plans.models import Plan

from . import consolidating, selectors, services
from .forms import CallForm, ReviewForm, TargetForm, UploadForm
from .models import Call, ConsolidationJob, FormTemplate, Submission, UploadPreview


def _call_or_404(request, pk) -> Call:
    return get_object_or_404(
        Call.objects.visible_to(request.user).select_related("owner", "template", "plan"), pk=pk
    )


def _targets_from(form, actor) -> list[Unit]:
    root = form.cleaned_data["root"]
    kinds = list(form.cleaned_data.get("kinds") or [])
    units = services.resolve_targets(actor=actor, roots=[root], kinds=kinds)
    if form.cleaned_data.get("direct_only"):
        units = [u for u in units if u.parent_id == root.pk]
    return units


@login_required
def call_list(request):
    access.require(request.user, Cap.PLAN_VIEW)
    calls = Call.objects.visible_to(request.user).select_related("owner", "plan").order_by("-due_date", "-id")
    page = paginate(request, calls)
    counts = selectors.calls_counts(list(page))
    mine = list(selectors.calls_for_unit(request.user)[:50])
    submissions = {
        (s.call_id, s.unit_id): s
        for s in Submission.objects.filter(
            call__in=[t.call_id for t in mine], unit__in=[t.unit_id for t in mine]
        )
    }
    my_calls = [(t, selectors.state_of(submissions.get((t.call_id, t.unit_id)))) for t in mine]
    context = {
        "page": page,
        "counts": counts,
        "my_calls": my_calls,
        "query": query_without_page(request),
        "can_manage": access.has_cap(request.user, Cap.CALL_MANAGE),
    }
    return render(request, "reporting/call_list.html", context)


@login_required
def call_new(request):
    access.require(request.user, Cap.CALL_MANAGE)
    visible = Unit.objects.visible_to(request.user)
    form = CallForm(
        request.POST or None,
        visible_units=visible,
        templates=FormTemplate.objects.visible_to(request.user).order_by("-is_builtin", "name"),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            call = services.call_open(
                actor=request.user,
                owner=data["owner"],
                template=data["template"],
                title=data["title"],
                due_date=data["due_date"],
                instructions=data["instructions"],
                targets=_targets_from(form, request.user),
                accept_late=data["accept_late"],
                remind_days_before=data["remind_days_before"],
            )
            messages.success(
                request, _("Đã mở yêu cầu và gửi tới %(n)s đơn vị.") % {"n": call.targets.count()}
            )
            return redirect(call)
        except ServiceError as error:
            apply_service_error(form, error)
    return render(request, "reporting/call_form.html", {"form": form})


@login_required
def calls_from_plan(request, plan_pk):
    plan = get_object_or_404(Plan.objects.visible_to(request.user).select_related("issuing_unit"), pk=plan_pk)
    access.require(request.user, Cap.CALL_MANAGE, plan.issuing_unit)
    doc = plan.document()
    form = TargetForm(
        request.POST or None,
        visible_units=Unit.objects.visible_to(request.user),
        initial={"root": plan.issuing_unit.parent_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            calls = services.calls_from_plan(
                actor=request.user, plan=plan, targets=_targets_from(form, request.user)
            )
            messages.success(request, _("Đã tạo %(n)s yêu cầu từ kế hoạch.") % {"n": len(calls)})
            return redirect(f"{_board_url()}?plan={plan.pk}")
        except ServiceError as error:
            apply_service_error(form, error)
    return render(request, "reporting/plan_calls.html", {"plan": plan, "doc": doc, "form": form})


def _board_url() -> str:
    from django.urls import reverse

    return reverse("reporting:board")


@login_required
def call_detail(request, pk):
    call = _call_or_404(request, pk)
    access.require(request.user, Cap.PLAN_VIEW)
    can_manage = access.has_cap(request.user, Cap.CALL_MANAGE, call.owner)
    context = {
        "call": call,
        "counts": selectors.call_counts(call),
        "can_manage": can_manage,
        "fields": call.template.fields.all(),
        "jobs": call.consolidations.all()[:10],
        "my_targets": call.targets.filter(unit__in=Unit.objects.visible_to(request.user)).select_related(
            "unit"
        )[:20]
        if not can_manage
        else [],
    }
    return render_page(request, "reporting/call_detail.html", context, partial="jobs")


@login_required
@require_POST
def call_action(request, pk, action):
    call = _call_or_404(request, pk)
    access.require(request.user, Cap.CALL_MANAGE, call.owner)
    try:
        if action == "close":
            services.call_close(call=call, actor=request.user)
            messages.success(request, _("Đã đóng yêu cầu: đơn vị không gửi thêm được."))
        elif action == "reopen":
            services.call_reopen(call=call, actor=request.user)
            messages.success(request, _("Đã mở lại yêu cầu."))
        elif action == "remind":
            sent = services.send_reminders(call=call, actor=request.user)
            messages.success(
                request,
                _("Đã nhắc %(n)s đơn vị chưa gửi.") % {"n": sent}
                if sent
                else _("Mọi đơn vị đã gửi: không cần nhắc."),
            )
        elif action in ConsolidationJob.Kind.values:
            consolidating.job_request(
                call=call,
                actor=request.user,
                kind=action,
                accepted_only=request.POST.get("scope") != "submitted",
            )
            messages.info(request, _("Đang tổng hợp; tệp sẽ có ở mục “Tổng hợp” khi xong."))
        else:
            raise Http404
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(call)


@login_required
def job_download(request, pk):
    from danvan.core.files.views import serve

    return serve(request, "consolidation", pk)


@login_required
def board(request):
    """Units × calls: who has not started, is drafting, sent on time or late, was returned or accepted."""
    access.require(request.user, Cap.PLAN_VIEW)
    calls = Call.objects.visible_to(request.user).select_related("owner")
    plan = None
    if plan_id := request.GET.get("plan"):
        plan = get_object_or_404(Plan.objects.visible_to(request.user), pk=plan_id)
        calls = calls.filter(plan=plan)
    elif call_ids := request.GET.getlist("call"):
        calls = calls.filter(pk__in=[c for c in call_ids if c.isdigit()])
    else:
        calls = calls.filter(status=Call.Status.OPEN)
    calls = list(calls.order_by("due_date", "id")[:12])
    kind = UnitKind.objects.filter(pk=request.GET.get("kind")).first() if request.GET.get("kind") else None
    within = None
    if within_id := request.GET.get("within"):
        within = get_object_or_404(Unit.objects.visible_to(request.user), pk=within_id)
    state = request.GET.get("state", "")
    units = (
        selectors.board_units(calls, user=request.user, kind=kind, within=within)
        if calls
        else Unit.objects.none()
    )
    if state in selectors.STATES:
        units = selectors.filter_units_by_state(units, calls, state)
    page = paginate(request, units)
    context = {
        "calls": calls,
        "plan": plan,
        "page": page,
        "rows": selectors.board_rows(calls, page.object_list),
        "counts": selectors.calls_counts(calls),
        "kinds": UnitKind.objects.all(),
        "kind": kind,
        "within": within,
        "state": state,
        "states": selectors.STATE_LABELS,
        "query": query_without_page(request),
    }
    if request.GET.get("format") == "xlsx":
        return selectors.board_xlsx_response(calls, units)
    return render_page(request, "reporting/board.html", context, partial="board")


@login_required
def submission_open(request, call_pk, unit_pk):
    call = _call_or_404(request, call_pk)
    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_pk)
    try:
        submission = services.submission_for(call=call, unit=unit)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(call)
    return redirect(submission)


def _submission_or_404(request, pk) -> Submission:
    return get_object_or_404(
        Submission.objects.visible_to(request.user).select_related("call__template", "call__owner", "unit"),
        pk=pk,
    )


def rows_from_post(post, keys: list[str]) -> list[dict]:
    """row-<n>-<key> inputs, in the order the rows stand on the page (the order field, else n)."""
    indexes = sorted(
        {int(name.split("-")[1]) for name in post if name.startswith("row-") and name.split("-")[1].isdigit()}
    )
    rows = []
    for n in indexes:
        rows.append((post.get(f"order-{n}", str(n)), {k: post.get(f"row-{n}-{k}", "") for k in keys}))
    rows.sort(key=lambda item: float(item[0]) if item[0].replace(".", "", 1).isdigit() else 0)
    return [row for _order, row in rows]


@login_required
def submission_detail(request, pk):
    submission = _submission_or_404(request, pk)
    access.require(request.user, Cap.PLAN_VIEW)
    call = submission.call
    fields = [f for f in call.template.fields.all()]
    data_fields = [f for f in fields if f.kind != "index"]
    can_edit = access.has_cap(request.user, Cap.SUBMISSION_EDIT, submission.unit)
    can_review = access.has_cap(request.user, Cap.SUBMISSION_REVIEW, call.owner)
    if request.method == "POST" and can_edit:
        action = request.POST.get("action", "save")
        keys = [str(f.pk) for f in data_fields]
        try:
            version = int(request.POST.get("version") or 0) or None
            if call.template.layout == FormTemplate.Layout.OUTLINE:
                answers = {k: request.POST.get(f"answer-{k}", "") for k in keys}
                submission = services.submission_save_draft(
                    submission=submission, actor=request.user, expected_version=version, answers=answers
                )
            else:
                submission = services.submission_save_draft(
                    submission=submission,
                    actor=request.user,
                    expected_version=version,
                    rows=rows_from_post(request.POST, keys),
                )
            if action == "submit":
                services.submission_submit(
                    submission=submission, actor=request.user, expected_version=submission.version
                )
                messages.success(request, _("Đã gửi tới %(owner)s.") % {"owner": call.owner.name})
            elif request.htmx:
                return render(request, "reporting/submission_detail.html#saved", {"submission": submission})
            else:
                messages.success(request, _("Đã lưu bản nháp."))
            return redirect(submission)
        except ServiceError as error:
            if request.htmx:
                return render(
                    request,
                    "reporting/submission_detail.html#saved",
                    {"submission": submission, "error": error.message},
                    status=409,
                )
            messages.error(request, error.message)
            submission.refresh_from_db()
    rows = submission.rows or ([{}] if can_edit else [])
    context = {
        "submission": submission,
        "call": call,
        "fields": fields,
        "data_fields": data_fields,
        "rows": [[(f, row.get(str(f.pk), "")) for f in data_fields] for row in rows],
        "answers": [(f, submission.answers.get(str(f.pk), "")) for f in data_fields],
        "can_edit": can_edit
        and submission.status != Submission.Status.ACCEPTED
        and call.status == Call.Status.OPEN,
        "can_review": can_review
        and submission.status in (Submission.Status.SUBMITTED, Submission.Status.ACCEPTED),
        "versions": submission.versions.select_related("submitted_by")[:20],
        "upload_form": UploadForm(),
        "review_form": ReviewForm(),
        "state": selectors.state_of(submission),
    }
    return render(request, "reporting/submission_detail.html", context)


@login_required
@require_POST
def submission_review(request, pk, action):
    submission = _submission_or_404(request, pk)
    access.require(request.user, Cap.SUBMISSION_REVIEW, submission.call.owner)
    form = ReviewForm(request.POST)
    form.is_valid()
    try:
        if action == "return":
            services.submission_return(
                submission=submission, actor=request.user, comment=form.cleaned_data.get("comment", "")
            )
            messages.success(request, _("Đã trả lại cho đơn vị kèm ý kiến."))
        elif action == "accept":
            services.submission_accept(
                submission=submission, actor=request.user, comment=form.cleaned_data.get("comment", "")
            )
            messages.success(request, _("Đã tiếp nhận."))
        else:
            raise Http404
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(submission)


@login_required
@require_POST
def submission_upload(request, pk):
    submission = _submission_or_404(request, pk)
    access.require(request.user, Cap.SUBMISSION_EDIT, submission.unit)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một tệp .xlsx hoặc .docx."))
        return redirect(submission)
    try:
        preview = services.upload_preview(
            submission=submission,
            actor=request.user,
            upload=form.cleaned_data["file"],
            max_bytes=settings.DANVAN_MAX_UPLOAD_BYTES,
        )
    except (UploadRejected, ServiceError) as error:
        messages.error(request, error.message)
        return redirect(submission)
    return redirect("reporting:upload_preview", pk=preview.pk)


@login_required
def upload_preview(request, pk):
    preview = get_object_or_404(
        UploadPreview.objects.select_related("submission__call__template", "submission__unit"),
        pk=pk,
        uploaded_by=request.user,
    )
    submission = preview.submission
    fields = [f for f in submission.call.template.fields.all() if f.kind != "index"]
    if request.method == "POST":
        try:
            submission = services.upload_apply(
                preview=preview, actor=request.user, submit=request.POST.get("action") == "submit"
            )
            messages.success(
                request,
                _("Đã gửi.")
                if submission.status == Submission.Status.SUBMITTED
                else _("Đã đưa các dòng vào bản nháp."),
            )
            return redirect(submission)
        except ServiceError as error:
            messages.error(request, error.message)
    by_line = {}
    for problem in preview.problems:
        by_line.setdefault(problem["line"], []).append(problem)
    rows = [
        {
            "line": r.get("_line", i + 1),
            "cells": [r.get(str(f.pk), "") for f in fields],
            "problems": by_line.get(r.get("_line"), []),
        }
        for i, r in enumerate(preview.rows)
    ]
    context = {"preview": preview, "submission": submission, "fields": fields, "rows": rows}
    return render(request, "reporting/upload_preview.html", context)


@login_required
def blank_form(request, pk, fmt):
    """The call's form as an .xlsx or .docx to fill offline, with the unit's name when one is given."""
    from django.http import HttpResponse

    from . import blank_forms

    call = _call_or_404(request, pk)
    unit_name = ""
    if unit_id := request.GET.get("unit"):
        unit_name = get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_id).name
    template = call.template
    columns = services.column_specs(template)
    subtitle = template.subtitle or call.title
    if fmt == "xlsx":
        data = blank_forms.blank_xlsx(
            title=template.title or call.title, subtitle=subtitle, columns=columns, unit_name=unit_name
        )
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    elif fmt == "docx":
        data = blank_forms.blank_docx(
            title=template.title or call.title,
            subtitle=subtitle,
            label=template.label,
            columns=columns,
            unit_name=unit_name,
            footer=template.footer or "",
        )
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        raise Http404
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="bieu-mau-{call.pk}.{fmt}"'
    return response

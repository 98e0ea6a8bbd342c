"""A unit's answer: opening it from the board, filling it in, uploading a filled form, reviewing it."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.once import run_once
from danvan.org.models import Unit

from .. import policy, selectors, services
from ..forms import ReviewForm, SignedDocumentForm, UploadForm
from ..models import FieldKind, FormTemplate, Submission, UploadPreview
from . import act
from .calls import call_or_404

# The one question asked before anything is sent to the Ban, whichever button sends it.
SEND_QUESTION = _lazy("Gửi tới Ban? Bản gửi được lưu lại và không sửa được nữa; nếu cần sửa, Ban sẽ trả lại.")


def _submission_or_404(request, pk) -> Submission:
    return get_object_or_404(
        Submission.objects.visible_to(request.user).select_related("call__template", "call__owner", "unit"),
        pk=pk,
    )


@login_required
def submission_open(request, call_pk, unit_pk):
    call = call_or_404(request, call_pk)
    unit = get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_pk)
    access.require(request.user, Cap.REPORT_VIEW)  # before a draft is made for someone who may not read it
    submission = act(request, lambda: services.submission_for(call=call, unit=unit))
    return redirect(submission or call)


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


def _save_from_post(request, submission: Submission, keys: list[str]) -> Submission:
    """The page's draft saved, then sent when the unit pressed "Gửi"."""
    version = int(request.POST.get("version") or 0) or None
    if submission.call.template.layout == FormTemplate.Layout.OUTLINE:
        content = {"answers": {k: request.POST.get(f"answer-{k}", "") for k in keys}}
    else:
        content = {"rows": rows_from_post(request.POST, keys)}
    submission = services.submission_save_draft(
        submission=submission, actor=request.user, expected_version=version, **content
    )
    if request.POST.get("action", "save") == "submit":
        services.submission_submit(
            submission=submission, actor=request.user, expected_version=submission.version
        )
    return submission


@login_required
def submission_detail(request, pk):
    submission = _submission_or_404(request, pk)
    access.require(request.user, Cap.REPORT_VIEW)
    call = submission.call
    fields = list(call.template.fields.all())
    data_fields = [f for f in fields if f.kind != FieldKind.INDEX]
    can_edit = policy.may_edit(request.user, submission)
    if request.method == "POST" and can_edit:
        try:
            submission = _save_from_post(request, submission, [str(f.pk) for f in data_fields])
        except ServiceError as error:
            if request.htmx:
                context = {"submission": submission, "error": error.message}
                return render(request, "reporting/submission_detail.html#saved", context, status=409)
            messages.error(request, error.message)
            submission.refresh_from_db()
        else:
            if request.POST.get("action", "save") == "submit":
                messages.success(request, _("Đã gửi tới %(owner)s.") % {"owner": call.owner.name})
            elif request.htmx:
                return render(request, "reporting/submission_detail.html#saved", {"submission": submission})
            else:
                messages.success(request, _("Đã lưu bản nháp."))
            return redirect(submission)
    # A sent answer is shown read-only, as sent (its frozen revision); the unit's controls only while open.
    controls = policy.shows_edit_controls(request.user, submission)
    shown = submission.sent if submission.is_sent and submission.sent_id else submission
    rows = shown.rows or ([{}] if controls else [])
    context = {
        "submission": submission,
        "call": call,
        "fields": fields,
        "data_fields": data_fields,
        "rows": [[(f, row.get(str(f.pk), "")) for f in data_fields] for row in rows],
        "answers": [(f, shown.answers.get(str(f.pk), "")) for f in data_fields],
        "can_edit": controls,
        "can_review": policy.may_review(request.user, submission) and policy.is_reviewable(submission),
        "versions": submission.versions.select_related("submitted_by")[:20],
        "upload_form": UploadForm(),
        "signed_form": SignedDocumentForm(),
        "review_form": ReviewForm(),
        "state": selectors.state_of(submission, call),
        "send_question": SEND_QUESTION,
    }
    return render(request, "reporting/submission_detail.html", context)


@login_required
@require_POST
def submission_review(request, pk, action):
    submission = _submission_or_404(request, pk)
    access.require(request.user, Cap.SUBMISSION_REVIEW, submission.call.owner)
    form = ReviewForm(request.POST)
    form.is_valid()
    comment = form.cleaned_data.get("comment", "")
    if action == "return":
        review, done = services.submission_return, _("Đã trả lại cho đơn vị kèm ý kiến.")
    elif action == "accept":
        review, done = services.submission_accept, _("Đã tiếp nhận.")
    else:
        raise Http404
    act(request, lambda: review(submission=submission, actor=request.user, comment=comment), done=done)
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
    # A double click reads the file once: the repeat is sent to the first preview.
    preview = act(
        request,
        lambda: run_once(
            form.cleaned_data["form_token"],
            user=request.user,
            create=lambda: services.upload_preview(
                submission=submission,
                actor=request.user,
                upload=form.cleaned_data["file"],
                max_bytes=settings.DANVAN_MAX_UPLOAD_BYTES,
            ),
        ),
    )
    if preview is None:
        return redirect(submission)
    return redirect("reporting:upload_preview", pk=preview.pk)


@login_required
@require_POST
def submission_signed(request, pk):
    """Attach the signed and stamped implementing document to the unit's open answer."""
    submission = _submission_or_404(request, pk)
    access.require(request.user, Cap.SUBMISSION_EDIT, submission.unit)
    form = SignedDocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn tệp PDF, ảnh chụp hoặc Word của văn bản đã ký, đóng dấu."))
        return redirect(submission)
    upload = form.cleaned_data["document"]
    act(
        request,
        lambda: services.submission_attach_signed(submission=submission, actor=request.user, upload=upload),
        done=_("Đã đính kèm văn bản đã ký, đóng dấu."),
    )
    return redirect(submission)


@login_required
def upload_preview(request, pk):
    preview = get_object_or_404(
        UploadPreview.objects.select_related("submission__call__template", "submission__unit"),
        pk=pk,
        uploaded_by=request.user,
    )
    submission = preview.submission
    fields = [f for f in submission.call.template.fields.all() if f.kind != FieldKind.INDEX]
    if request.method == "POST":
        submit = request.POST.get("action") == "submit"
        mode = request.POST.get("mode") or None
        applied = act(
            request,
            lambda: services.upload_apply(preview=preview, actor=request.user, submit=submit, mode=mode),
        )
        if applied is not None:
            sent = applied.status == Submission.Status.SUBMITTED
            messages.success(request, _("Đã gửi.") if sent else _("Đã đưa các dòng vào bản nháp."))
            return redirect(applied)
    by_line = {}
    for problem in preview.problems:
        by_line.setdefault(problem["line"], []).append(problem)
    rows = [
        {
            "line": r.get("_line", i + 1),
            "cells": [(f.label, r.get(str(f.pk), "")) for f in fields],
            "problems": by_line.get(r.get("_line"), []),
        }
        for i, r in enumerate(preview.rows)
    ]
    context = {
        "preview": preview,
        "submission": submission,
        "fields": fields,
        "rows": rows,
        # Rows typed in the browser the file would replace: the unit chooses, nothing goes silently.
        "typed_rows": 0 if submission.is_sent else len(submission.rows),
        "send_question": SEND_QUESTION,
    }
    return render(request, "reporting/upload_preview.html", context)

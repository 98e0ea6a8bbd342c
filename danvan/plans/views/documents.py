"""Import, edit, render and compare plan documents."""

import difflib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from danvan.core import access, once
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.lib.uploads import UploadRejected, decode_text, inspect_upload
from danvan.org.models import Unit

from .. import editor, services
from ..forms import PlanEditForm, PlanImportForm
from ..models import Plan
from ..parsing import PlanParseError, parse_docx, parse_text
from ..programme.forms import add_item_picker
from ..programme.services import save_carrying
from ..rendering import plan_docx_bytes
from .plans import _plan_or_404

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def parse_source(*, text: str, upload) -> tuple:
    """(PlanDocument, source text, file name) from pasted text or an uploaded .docx/.txt."""
    if upload is not None:
        inspected = inspect_upload(
            upload, name=upload.name, allowed=("docx", "txt"), max_bytes=settings.DANVAN_MAX_UPLOAD_BYTES
        )
        if inspected.kind == "docx":
            doc = parse_docx(inspected.data)
            return doc, "", inspected.name
        text = decode_text(inspected.data)
        _refuse_long_text(text, inspected.name)
        return parse_text(text), text, inspected.name
    text = vntext.nfc(text)
    _refuse_long_text(text, "")
    return parse_text(text), text, ""


# A plan is a few pages (20-60 KB of text; the longest seen, with its annexes, about 150 KB): past this
# length a text is not a plan, and it is refused before the parser spends time on it.
MAX_PLAN_TEXT_CHARS = 500_000


def _refuse_long_text(text: str, name: str) -> None:
    if len(text) <= MAX_PLAN_TEXT_CHARS:
        return
    what = _("Tệp «%(name)s»") % {"name": name} if name else _("Văn bản đã dán")
    raise UploadRejected(
        _(
            "%(what)s dài %(n)s ký tự, quá giới hạn %(max)s ký tự của một kế hoạch. "
            "Hãy bỏ phần không thuộc kế hoạch rồi thử lại."
        )
        % {
            "what": what,
            "n": f"{len(text):,}".replace(",", "."),
            "max": f"{MAX_PLAN_TEXT_CHARS:,}".replace(",", "."),
        },
        "too_long",
    )


@login_required
def plan_import(request):
    access.require(request.user, Cap.PLAN_EDIT)
    visible = Unit.objects.visible_to(request.user)
    form = PlanImportForm(request.POST or None, request.FILES or None, visible_units=visible)
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["issuing_unit"]
        try:
            access.require(request.user, Cap.PLAN_EDIT, unit)

            def create(data):
                doc, source, name = parse_source(text=data["text"], upload=data["file"])
                return services.plan_create(
                    actor=request.user,
                    issuing_unit=unit,
                    doc=doc,
                    source_name=name,
                    source_text=source or data["text"],
                )

            plan = once.create_once(request, form, create)  # a double click imports once
            messages.success(
                request, _("Đã đọc kế hoạch. Hãy đối chiếu với văn bản gốc, sửa chỗ chưa đúng rồi lưu.")
            )
            return redirect("plans:plan_review", pk=plan.pk)
        except once.AlreadyDone as repeat:
            if repeat.obj is None:
                form.add_error(None, repeat.message)
            else:
                messages.info(request, repeat.message)
                return redirect("plans:plan_review", pk=repeat.obj.pk)
        except (UploadRejected, PlanParseError) as error:
            form.add_error(None, error.message)
        except ServiceError as error:
            form.add_error(None, error.message)
    return render(request, "plans/plan_import.html", {"form": form})


def _edit(request, plan: Plan, template: str):
    access.require(request.user, Cap.PLAN_EDIT, plan.issuing_unit)
    if not plan.is_editable:
        messages.error(request, _("Kế hoạch đã ban hành không sửa được. Hãy tạo bản sửa đổi."))
        return redirect(plan)
    form = PlanEditForm(request.POST or None, initial=editor.form_initial(plan))
    add_item_picker(form, request, current=plan.programme_item, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            doc = editor.document_from_form(form.cleaned_data, plan.document())
            save_carrying(
                actor=request.user,
                data=form.cleaned_data,
                save=lambda data: services.plan_update(
                    plan=plan,
                    actor=request.user,
                    expected_version=data["version"],
                    doc=doc,
                    profile=data["profile"],
                ),
            )
            messages.success(request, _("Đã lưu dự thảo."))
            return redirect(plan)
        except PlanParseError as error:
            form.add_error("body", error.message)
        except ServiceError as error:
            form.add_error(None, error.message)
    doc = plan.document()
    tasks = editor.tasks_with_doubts(plan.tasks.select_related("lead_unit").order_by("order"), doc)
    context = {"plan": plan, "form": form, "tasks": tasks, "doc": doc, "doubts": editor.review_doubts(doc)}
    return render(request, template, context)


@login_required
def plan_edit(request, pk):
    return _edit(request, _plan_or_404(request, pk), "plans/plan_edit.html")


@login_required
def plan_review(request, pk):
    """The import review: the source text beside the parsed draft, editable."""
    return _edit(request, _plan_or_404(request, pk), "plans/plan_review.html")


def _file_stem(plan: Plan) -> str:
    return slugify(vntext.fold(f"{plan.doc_type} {plan.symbol or 'du thao'}")) or "ke-hoach"


@login_required
def plan_docx(request, pk):
    plan = _plan_or_404(request, pk)
    access.require(request.user, Cap.PLAN_VIEW)
    response = HttpResponse(plan_docx_bytes(plan), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{_file_stem(plan)}.docx"'
    return response


@login_required
def plan_pdf(request, pk):
    """The PDF is made by a background job (LibreOffice takes seconds, minutes under load): this asks for it
    (the same PDF still being made is not asked twice) and shows its progress and download."""
    from danvan.core.jobs import services as jobs
    from danvan.plans.jobs import KIND

    plan = _plan_or_404(request, pk)
    access.require(request.user, Cap.PLAN_VIEW)
    job = jobs.job_enqueue(
        actor=request.user,
        kind=KIND,
        title=_("Bản PDF: %(title)s") % {"title": plan.title or plan.symbol or _("kế hoạch")},
        file_name=f"{_file_stem(plan)}.pdf",
        subject=plan,
        params={"version": plan.version},
        unit_path=plan.issuing_unit.path,
    )
    return redirect("jobs:job_status", pk=job.pk)


def _version_text(plan: Plan) -> list[str]:
    doc = plan.document()
    lines = [
        f"{doc.doc_type} {plan.symbol}".strip(),
        doc.title,
        doc.preamble,
        editor.sections_text(doc),
        doc.closing,
        *(editor.recipient_line(r) for r in doc.recipients),
    ]
    if doc.signature:
        lines += [*doc.signature.authority_lines, doc.signature.signer_name]
    return [line for block in lines for line in (block or "").splitlines()]


@login_required
def plan_versions(request, pk):
    """Side by side: the chosen two versions (draft saves, the issued text, amendments) line by line."""
    plan = _plan_or_404(request, pk)
    access.require(request.user, Cap.PLAN_VIEW)
    chain = _amendment_chain(plan)
    saved = list(plan.history.order_by("-history_date")[:30])
    choices = [(f"plan-{p.pk}", f"{p.symbol or _('dự thảo')} — {p.get_status_display()}") for p in chain]
    choices += [
        (
            f"hist-{h.history_id}",
            _("Bản lưu lúc %(when)s") % {"when": h.history_date.strftime("%d/%m/%Y %H:%M:%S")},
        )
        for h in saved
    ]
    # By default: this plan against what came just before it (the plan it amends, else its previous save).
    if plan.amends_id:
        previous = f"plan-{plan.amends_id}"
    else:
        previous = f"hist-{saved[1].history_id}" if len(saved) > 1 else f"plan-{plan.pk}"
    left_key = request.GET.get("a") or previous
    right_key = request.GET.get("b") or f"plan-{plan.pk}"
    left, right = _version(plan, chain, left_key), _version(plan, chain, right_key)
    table = difflib.HtmlDiff(wrapcolumn=70).make_table(
        _version_text(left),
        _version_text(right),
        fromdesc=dict(choices).get(left_key, ""),
        todesc=dict(choices).get(right_key, ""),
        context=False,
    )
    return render(
        request,
        "plans/plan_versions.html",
        {"plan": plan, "choices": choices, "a": left_key, "b": right_key, "table": table},
    )


def _amendment_chain(plan: Plan) -> list[Plan]:
    chain, current = [], plan
    while current.amends_id:
        current = current.amends
    stack = [current]
    while stack:
        node = stack.pop()
        chain.append(node)
        stack.extend(node.amendments.all())
    return sorted(chain, key=lambda p: (p.revision, p.pk), reverse=True)


def _version(plan: Plan, chain: list[Plan], key: str) -> Plan:
    kind, _sep, ident = key.partition("-")
    if kind == "plan":
        return next((p for p in chain if str(p.pk) == ident), plan)
    record = get_object_or_404(plan.history, history_id=ident) if ident.isdigit() else None
    return record.instance if record is not None else plan

"""Calls: the list, opening one (by hand or from a plan), its page, its actions and its files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.files.serving import content_disposition, download_name
from danvan.core.forms import form_page
from danvan.core.paging import paginate, query_without_page
from danvan.lib.htmx import render_page
from danvan.lib.tables import blank
from danvan.org.models import Unit
from danvan.plans.programme.forms import add_item_picker
from danvan.plans.programme.services import save_carrying
from danvan.plans.programme.shown import with_programme_item

from .. import policy, selectors, services
from ..forms import CallForm
from ..models import Call, ConsolidationJob, FormTemplate
from . import act

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def call_or_404(request, pk) -> Call:
    calls = Call.objects.visible_to(request.user).select_related("owner", "template", "plan")
    return get_object_or_404(with_programme_item(calls, request.user), pk=pk)


def _targets_from(data: dict, actor) -> list[Unit]:
    root = data["root"]
    units = selectors.resolve_targets(actor=actor, roots=[root], kinds=list(data.get("kinds") or []))
    if data.get("direct_only"):
        units = [u for u in units if u.parent_id == root.pk]
    return units


@login_required
def call_list(request):
    access.require(request.user, Cap.REPORT_VIEW)
    calls = Call.objects.visible_to(request.user).select_related("owner", "plan").order_by("-due_end", "-id")
    page = paginate(request, calls)
    context = {
        "page": page,
        "counts": selectors.calls_counts(list(page)),
        "my_calls": selectors.my_calls(request.user),
        "query": query_without_page(request),
        "can_manage": access.has_cap(request.user, Cap.CALL_MANAGE),
    }
    return render(request, "reporting/call_list.html", context)


@login_required
def call_new(request):
    access.require(request.user, Cap.CALL_MANAGE)
    form = CallForm(
        request.POST or None,
        visible_units=Unit.objects.visible_to(request.user),
        templates=FormTemplate.objects.visible_to(request.user).order_by("-is_builtin", "name"),
    )
    add_item_picker(form, request)

    def save(data):
        return save_carrying(actor=request.user, data=data, save=open_call)

    def open_call(data):
        return services.call_open(
            actor=request.user,
            owner=data["owner"],
            template=data["template"],
            title=data["title"],
            due=data["due"],
            instructions=data["instructions"],
            targets=_targets_from(data, request.user),
            accept_late=data["accept_late"],
            remind_days_before=data["remind_days_before"],
        )

    def opened(call):
        messages.success(request, _("Đã mở yêu cầu và gửi tới %(n)s đơn vị.") % {"n": call.targets.count()})
        return redirect(call)

    return form_page(request, form, template="reporting/call_form.html", save=save, on_success=opened)


@login_required
def call_detail(request, pk):
    call = call_or_404(request, pk)
    access.require(request.user, Cap.REPORT_VIEW)
    can_manage = policy.may_manage(request.user, call)
    context = {
        "call": call,
        "counts": selectors.call_counts(call),
        "can_manage": can_manage,
        "fields": call.template.fields.all(),
        "jobs": call.consolidations.all()[:10],
        "my_targets": [] if can_manage else selectors.my_targets(call, request.user)[:20],
    }
    return render_page(request, "reporting/call_detail.html", context, partial="jobs")


@login_required
@require_POST
def call_action(request, pk, action):
    call = call_or_404(request, pk)
    access.require(request.user, Cap.CALL_MANAGE, call.owner)
    actor = request.user
    version = int(request.POST.get("version") or 0) or None  # the version the page showed
    if action == "close":
        act(
            request,
            lambda: services.call_close(call=call, actor=actor, expected_version=version),
            done=_("Đã đóng yêu cầu: đơn vị không gửi thêm được."),
        )
    elif action == "reopen":
        act(
            request,
            lambda: services.call_reopen(call=call, actor=actor, expected_version=version),
            done=_("Đã mở lại yêu cầu."),
        )
    elif action == "remind":
        sent = act(request, lambda: services.send_reminders(call=call, actor=actor))
        if sent is not None:
            messages.success(
                request,
                _("Đã nhắc %(n)s đơn vị chưa gửi.") % {"n": sent}
                if sent
                else _("Mọi đơn vị đã gửi: không cần nhắc."),
            )
    elif action in ConsolidationJob.Kind.values:
        scope = request.POST.get("scope")
        job = act(
            request,
            lambda: services.consolidation_request(
                call=call, actor=actor, kind=action, accepted_only=scope != "submitted"
            ),
        )
        if job is not None:
            messages.info(request, _("Đang tổng hợp; tệp sẽ có ở mục “Tổng hợp” khi xong."))
    else:
        raise Http404
    return redirect(call)


@login_required
def job_download(request, pk):
    from danvan.core.files.views import serve

    return serve(request, "consolidation", pk)


@login_required
def blank_form(request, pk, fmt):
    """The call's form as an .xlsx or .docx to fill offline, with the unit's name when one is given."""
    call = call_or_404(request, pk)
    access.require(request.user, Cap.REPORT_VIEW)  # the blank form names the call: read like its page
    unit_name = ""
    if unit_id := request.GET.get("unit"):
        unit_name = get_object_or_404(Unit.objects.visible_to(request.user), pk=unit_id).name
    template = call.template
    columns = selectors.column_specs(template)
    title, subtitle = template.title or call.title, template.subtitle or call.title
    if fmt == "xlsx":
        data = blank.blank_xlsx(title=title, subtitle=subtitle, columns=columns, unit_name=unit_name)
        content_type = XLSX
    elif fmt == "docx":
        data = blank.blank_docx(
            title=title,
            subtitle=subtitle,
            label=template.label,
            columns=columns,
            unit_name=unit_name,
            footer=template.footer or "",
        )
        content_type = DOCX
    else:
        raise Http404
    response = HttpResponse(data, content_type=content_type)
    name = download_name("Biểu mẫu", template.name, unit_name, ext=fmt)
    response["Content-Disposition"] = content_disposition(inline=False, filename=name)
    return response

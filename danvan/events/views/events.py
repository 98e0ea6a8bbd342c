from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access, once
from danvan.core.access import Cap
from danvan.core.forms import act, form_page
from danvan.core.jobs.selectors import jobs_for
from danvan.core.paging import paginate, query_without_page
from danvan.events import policy, selectors, services
from danvan.events.briefings.services import can_become_briefing
from danvan.events.forms import (
    CloseForm,
    EventForm,
    GroupForm,
    GroupUnitForm,
    NominationForm,
    PresentationRequestForm,
    PresentationUploadForm,
)
from danvan.events.models import DelegateGroup, Event, Presentation
from danvan.lib.htmx import render_page
from danvan.org.models import Person, Unit
from danvan.org.selectors import people_for
from danvan.plans.models import Plan
from danvan.plans.programme.forms import add_item_picker
from danvan.plans.programme.services import save_carrying
from danvan.plans.programme.shown import with_programme_item


def event_or_404(request, pk) -> Event:
    events = Event.objects.visible_to(request.user).select_related("organiser", "plan", "task")
    return get_object_or_404(with_programme_item(events, request.user), pk=pk)


@login_required
def event_list(request):
    access.require(request.user, Cap.EVENT_VIEW)
    events = Event.objects.visible_to(request.user).select_related("organiser")
    return render(
        request,
        "events/event_list.html",
        {
            "page": paginate(request, events),
            "query": query_without_page(request),
            "can_manage": access.has_cap(request.user, Cap.EVENT_MANAGE),
        },
    )


@login_required
def event_new(request):
    access.require(request.user, Cap.EVENT_MANAGE)
    form = EventForm(request.POST or None, visible_units=Unit.objects.visible_to(request.user))
    add_item_picker(form, request)
    return form_page(
        request,
        form,
        template="events/event_form.html",
        save=lambda data: save_carrying(
            actor=request.user,
            data=data,
            save=lambda data: services.event_save(actor=request.user, **EventForm.event_fields(data)),
        ),
        on_success=redirect,
    )


@login_required
def event_edit(request, pk):
    event = event_or_404(request, pk)
    policy.require_manage(request.user, event)
    form = EventForm(
        request.POST or None, instance=event, visible_units=Unit.objects.visible_to(request.user)
    )
    add_item_picker(form, request, current=event.programme_item)

    def saved(event):
        messages.success(request, _("Đã lưu sự kiện."))
        return redirect(event)

    return form_page(
        request,
        form,
        template="events/event_form.html",
        context={"event": event},
        save=lambda data: save_carrying(
            actor=request.user,
            data=data,
            save=lambda data: services.event_save(
                actor=request.user,
                event=event,
                expected_version=data["version"],
                site=request.build_absolute_uri("/")[:-1],
                **EventForm.event_fields(data),
            ),
        ),
        on_success=saved,
    )


@login_required
@require_POST
def event_from_plan(request, plan_pk):
    plan = get_object_or_404(Plan.objects.visible_to(request.user).select_related("issuing_unit"), pk=plan_pk)
    access.require(request.user, Cap.EVENT_MANAGE, plan.issuing_unit)
    event = act(request, lambda: services.event_from_plan(actor=request.user, plan=plan))
    if event is None:
        return redirect(plan)
    messages.success(
        request, _("Đã tạo sự kiện từ kế hoạch với %(n)s thành phần.") % {"n": event.groups.count()}
    )
    return redirect(event)


@login_required
def event_detail(request, pk):
    event = event_or_404(request, pk)
    access.require(request.user, Cap.EVENT_VIEW)
    panel = selectors.group_panel(event)
    context = {
        "event": event,
        "panel": panel,
        "totals": selectors.panel_totals(panel),
        "can_manage": policy.can_manage(request.user, event),
    }
    if request.htmx:  # the 5-second poll refreshes the panel only
        return render(request, "events/event_detail.html#panel", context)
    visible = Unit.objects.visible_to(request.user)
    presentations = list(event.presentations.select_related("unit"))
    context.update(
        {
            # "Đặt làm cuộc giao ban, sơ kết, tổng kết": for those who may edit a conference or meeting
            "can_make_briefing": context["can_manage"] and can_become_briefing(event),
            "can_checkin": policy.can_work_desk(request.user, event),
            "group_form": GroupForm(visible_units=visible),
            "my_groups": [row["group"] for row in panel if policy.can_nominate(request.user, row["group"])],
            "nomination_form": NominationForm(),
            "presentations": presentations,
            "presentation_form": PresentationRequestForm(visible_units=visible),
            "my_presentations": [p for p in presentations if policy.can_send_presentation(request.user, p)],
            "upload_form": PresentationUploadForm(),
            "close_form": CloseForm(),
            "document_jobs": jobs_for(request.user, event) if context["can_manage"] else [],
            # The letters' date line needs a place: the plan's, else the event's own; say so before printing.
            "lacks_place": not ((event.plan.place if event.plan else "") or event.place_name),
        }
    )
    return render(request, "events/event_detail.html", context)


@login_required
@require_POST
def group_add(request, pk):
    event = event_or_404(request, pk)
    policy.require_manage(request.user, event)
    form = GroupForm(request.POST, visible_units=Unit.objects.visible_to(request.user))
    if form.is_valid():
        act(
            request,
            lambda: once.create_once(
                request, form, lambda data: services.group_save(actor=request.user, event=event, **data)
            ),
            done=_("Đã thêm thành phần."),
        )
    else:
        messages.error(request, _("Hãy ghi tên thành phần và số suất hợp lệ."))
    return redirect(event)


@login_required
def group_edit(request, pk, group_pk):
    """A group's label, seats and nominating unit after creation (never fewer seats than already taken)."""
    event = event_or_404(request, pk)
    policy.require_manage(request.user, event)
    group = get_object_or_404(
        DelegateGroup.objects.select_related("nominating_unit"), pk=group_pk, event=event
    )
    form = GroupForm(request.POST or None, group=group, visible_units=Unit.objects.visible_to(request.user))

    def saved(group):
        messages.success(request, _("Đã lưu thành phần «%(l)s».") % {"l": group.label[:80]})
        return redirect(event)

    return form_page(
        request,
        form,
        template="events/group_form.html",
        context={"event": event, "group": group},
        save=lambda data: services.group_save(actor=request.user, event=event, group=group, **data),
        on_success=saved,
    )


def _people_to_invite(request, *, everyone_found: bool) -> list:
    """The ticked people, or everyone the search finds (on every page)."""
    if everyone_found:
        return list(people_for(request.user, query=request.POST.get("q", "").strip()))
    ids = [int(i) for i in request.POST.getlist("person") if i.isdigit()]
    return list(Person.objects.visible_to(request.user).filter(pk__in=ids).select_related("unit"))


@login_required
def group_invite(request, pk, group_pk):
    """Pick people from the register for a group — one by one, everyone the search finds, or a whole unit —
    in one action; the page shows the seats left."""
    event = event_or_404(request, pk)
    policy.require_manage(request.user, event)
    group = get_object_or_404(DelegateGroup, pk=group_pk, event=event)
    query = request.GET.get("q", "").strip()
    if request.method == "POST":
        how = request.POST.get("how", "")
        if how == "unit":
            unit = (
                Unit.objects.visible_to(request.user)
                .filter(
                    pk=int(request.POST.get("unit", "") or 0) if request.POST.get("unit", "").isdigit() else 0
                )
                .first()
            )
            if unit is None:
                messages.error(request, _("Hãy chọn đơn vị."))
                return redirect(request.get_full_path())
        else:
            people = _people_to_invite(request, everyone_found=how == "all")

        def call():
            if how == "unit":
                return services.invite_unit(actor=request.user, event=event, group=group, unit=unit)
            return services.invite_people(actor=request.user, event=event, group=group, people=people)

        made = act(request, call)
        if made is not None:
            messages.success(request, _("Đã mời %(n)s người.") % {"n": len(made)})
            return redirect(event)
    people = people_for(request.user, query=query)
    invited = selectors.invited_person_ids(event)
    context = {
        "event": event,
        "group": group,
        "page": paginate(request, people, ids_first=True),
        "found": people.count(),
        "q": query,
        "invited": invited,
        "query": query_without_page(request),
        "unit_form": GroupUnitForm(visible_units=Unit.objects.visible_to(request.user)),
    }
    return render_page(request, "events/group_invite.html", context, partial="people")


@login_required
@require_POST
def group_nominate(request, pk, group_pk):
    event = event_or_404(request, pk)
    group = get_object_or_404(
        DelegateGroup.objects.select_related("nominating_unit"), pk=group_pk, event=event
    )
    if not policy.can_nominate(request.user, group):  # refused before the form says what is missing
        raise PermissionDenied
    form = NominationForm(request.POST)
    if form.is_valid():
        act(
            request,
            lambda: once.create_once(
                request, form, lambda data: services.nominate(actor=request.user, group=group, **data)
            ),
            done=_("Đã cử đại biểu."),
        )
    else:
        messages.error(request, _("Hãy ghi họ và tên đại biểu."))
    return redirect(event)


@login_required
def invitation_list(request, pk):
    event = event_or_404(request, pk)
    policy.require_manage(request.user, event)
    invitations = event.invitations.select_related("group")
    context = {
        "event": event,
        "page": paginate(request, invitations),
        "query": query_without_page(request),
        "site": request.build_absolute_uri("/")[:-1],
    }
    return render(request, "events/invitation_list.html", context)


@login_required
@require_POST
def invitations_send(request, pk):
    """E-mail each invitation that has an address; the rest are printed from the letters file."""
    event = event_or_404(request, pk)
    mailed, to_print = services.invitations_send(
        actor=request.user, event=event, site=request.build_absolute_uri("/")[:-1]
    )
    messages.success(
        request,
        _("Đã gửi %(m)s giấy mời qua thư điện tử; %(p)s người chưa có thư điện tử: in giấy mời.")
        % {"m": mailed, "p": to_print},
    )
    return redirect("events:invitation_list", pk=event.pk)


@login_required
@require_POST
def invitations_remind(request, pk):
    event = event_or_404(request, pk)
    policy.require_manage(request.user, event)
    sent = services.remind_delegates(
        event=event, site=request.build_absolute_uri("/")[:-1], actor=request.user
    )
    messages.success(request, _("Đã gửi thư nhắc lịch cho %(n)s đại biểu.") % {"n": sent})
    return redirect("events:invitation_list", pk=event.pk)


@login_required
@require_POST
def presentation_request(request, pk):
    event = event_or_404(request, pk)
    policy.require_manage(request.user, event)
    form = PresentationRequestForm(request.POST, visible_units=Unit.objects.visible_to(request.user))
    if form.is_valid():
        services.presentations_request(
            actor=request.user,
            event=event,
            units=[form.cleaned_data["unit"]],
            due_date=form.cleaned_data["due_date"],
        )
        messages.success(request, _("Đã đề nghị đơn vị gửi tham luận."))
    else:
        messages.error(request, _("Hãy chọn đơn vị."))
    return redirect(event)


@login_required
@require_POST
def presentation_upload(request, pk, presentation_pk):
    event = event_or_404(request, pk)
    presentation = get_object_or_404(
        Presentation.objects.select_related("unit", "event"), pk=presentation_pk, event=event
    )
    if not policy.can_send_presentation(request.user, presentation):
        raise PermissionDenied
    form = PresentationUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi tên tham luận và chọn tệp Word (.docx)."))
        return redirect(event)
    act(
        request,
        lambda: services.presentation_upload(
            actor=request.user,
            presentation=presentation,
            upload=form.cleaned_data["file"],
            title=form.cleaned_data["title"],
            presenter=form.cleaned_data["presenter"],
            max_bytes=settings.DANVAN_MAX_UPLOAD_BYTES,
        ),
        done=_("Đã gửi tham luận."),
    )
    return redirect(event)


@login_required
@require_POST
def presentation_review(request, pk, presentation_pk, action):
    event = event_or_404(request, pk)
    presentation = get_object_or_404(Presentation, pk=presentation_pk, event=event)
    if action not in ("approve", "reject", "up", "down"):
        raise Http404
    if action in ("up", "down"):
        act(
            request,
            lambda: services.presentation_move(
                actor=request.user, presentation=presentation, up=action == "up"
            ),
        )
    else:
        act(
            request,
            lambda: services.presentation_review(
                actor=request.user,
                presentation=presentation,
                approve=action == "approve",
                comment=request.POST.get("comment", ""),
            ),
        )
    return redirect(event)


@login_required
@require_POST
def event_close(request, pk):
    event = event_or_404(request, pk)
    policy.require_manage(request.user, event)
    form = CloseForm(request.POST)
    form.is_valid()
    act(
        request,
        lambda: services.event_close(actor=request.user, event=event, **form.cleaned_data),
        done=_("Đã kết thúc sự kiện; tải báo cáo kết quả ở mục Tài liệu."),
    )
    return redirect(event)

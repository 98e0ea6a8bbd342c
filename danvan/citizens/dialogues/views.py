from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import form_page
from danvan.org.models import Unit

from ..models import Dialogue
from ..petitions.forms import QuickPetitionForm
from . import selectors, services
from .forms import DialogueForm


def dialogue_or_404(request, pk) -> Dialogue:
    return get_object_or_404(Dialogue.objects.visible_to(request.user).select_related("organiser"), pk=pk)


def _month(request) -> tuple[int, int]:
    today = timezone.localdate()
    try:
        year, month = int(request.GET.get("year", today.year)), int(request.GET.get("month", today.month))
    except ValueError:
        return today.year, today.month
    return (year, month) if 2000 <= year <= 2100 and 1 <= month <= 12 else (today.year, today.month)


@login_required
def dialogue_list(request):
    """The calendar of dialogues across the user's subtrees, month by month."""
    access.require(request.user, Cap.PETITION_VIEW)
    year, month = _month(request)
    previous = (year - 1, 12) if month == 1 else (year, month - 1)
    following = (year + 1, 1) if month == 12 else (year, month + 1)
    return render(
        request,
        "citizens/dialogues/dialogue_list.html",
        {
            "dialogues": selectors.calendar(request.user, year=year, month=month),
            "undated": selectors.undated(request.user)[:20],
            "year": year,
            "month": month,
            "previous": previous,
            "following": following,
            "can_manage": access.has_cap(request.user, Cap.DIALOGUE_MANAGE),
        },
    )


@login_required
def dialogue_new(request):
    access.require(request.user, Cap.DIALOGUE_MANAGE)
    visible = Unit.objects.visible_to(request.user)
    task = None
    if request.GET.get("task", "").isdigit():  # planned from a plan's task (read through the string FK)
        tasks = Dialogue._meta.get_field("task").related_model.objects.visible_to(request.user)
        task = get_object_or_404(tasks, pk=request.GET["task"])
    paths = access.scope_paths(request.user)
    home = visible.filter(path=paths[0]).first() if paths else None
    instance = Dialogue(organiser=task.lead_unit if task and task.lead_unit_id else home, task=task)
    if task is not None:
        instance.topic, instance.time_text = task.title[:500], task.due_text
    form = DialogueForm(request.POST or None, instance=instance, visible_units=visible)
    form.initial.setdefault("time_text", instance.time_text)
    return form_page(
        request,
        form,
        template="citizens/dialogues/dialogue_form.html",
        context={"task": task},
        save=lambda data: services.dialogue_save(actor=request.user, task=task, **form.service_fields()),
        on_success=redirect,
    )


@login_required
def dialogue_edit(request, pk):
    dialogue = dialogue_or_404(request, pk)
    access.require(request.user, Cap.DIALOGUE_MANAGE, dialogue.organiser)
    form = DialogueForm(
        request.POST or None, instance=dialogue, visible_units=Unit.objects.visible_to(request.user)
    )

    def save(data):
        fields = form.service_fields()
        fields.pop("organiser")
        return services.dialogue_save(
            actor=request.user, organiser=dialogue.organiser, dialogue=dialogue, **fields
        )

    return form_page(
        request,
        form,
        template="citizens/dialogues/dialogue_form.html",
        context={"dialogue": dialogue},
        save=save,
        on_success=redirect,
    )


@login_required
def dialogue_detail(request, pk):
    dialogue = dialogue_or_404(request, pk)
    access.require(request.user, Cap.PETITION_VIEW)
    can_record = access.has_cap(request.user, Cap.PETITION_HANDLE, dialogue.organiser)
    return render(
        request,
        "citizens/dialogues/dialogue_detail.html",
        {
            "dialogue": dialogue,
            "petitions": selectors.raised_at(dialogue),
            "can_manage": access.has_cap(request.user, Cap.DIALOGUE_MANAGE, dialogue.organiser),
            "can_record": can_record,
            "quick_form": QuickPetitionForm() if can_record else None,
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def dialogue_petition_add(request, pk):
    """One petition raised at the dialogue, typed in the dialogue's page."""
    dialogue = dialogue_or_404(request, pk)
    access.require(request.user, Cap.PETITION_HANDLE, dialogue.organiser)
    form = QuickPetitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi nội dung ý kiến, kiến nghị và chọn lĩnh vực."))
        return redirect(dialogue)
    data = form.cleaned_data
    try:
        (petition,) = services.dialogue_add_petitions(
            actor=request.user,
            dialogue=dialogue,
            items=[
                {
                    "title": data["title"],
                    "field": data["field"],
                    "kind": data["kind"],
                    "citizen": form.citizen_data(),
                }
            ],
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("Đã ghi kiến nghị #%(n)s (mã tra cứu %(c)s).") % {"n": petition.pk, "c": petition.lookup_code},
        )
    return redirect(dialogue)

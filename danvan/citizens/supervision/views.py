from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import form_page
from danvan.core.paging import paginate, query_without_page
from danvan.org.models import Unit

from ..models import Recommendation, SupervisionActivity
from . import services
from .forms import ActivityForm, RecommendationForm, ResponseForm


def activity_or_404(request, pk) -> SupervisionActivity:
    return get_object_or_404(
        SupervisionActivity.objects.visible_to(request.user).select_related("unit"), pk=pk
    )


@login_required
def activity_list(request):
    access.require(request.user, Cap.PETITION_VIEW)
    activities = SupervisionActivity.objects.visible_to(request.user).select_related("unit")
    return render(
        request,
        "citizens/supervision/activity_list.html",
        {
            "page": paginate(request, activities),
            "query": query_without_page(request),
            "can_manage": access.has_cap(request.user, Cap.SUPERVISION_MANAGE),
        },
    )


@login_required
def activity_new(request):
    access.require(request.user, Cap.SUPERVISION_MANAGE)
    form = ActivityForm(request.POST or None, visible_units=Unit.objects.visible_to(request.user))
    return form_page(
        request,
        form,
        template="citizens/supervision/activity_form.html",
        save=lambda data: services.activity_save(actor=request.user, **data),
        on_success=redirect,
    )


@login_required
def activity_detail(request, pk):
    activity = activity_or_404(request, pk)
    access.require(request.user, Cap.PETITION_VIEW)
    return render(
        request,
        "citizens/supervision/activity_detail.html",
        {
            "activity": activity,
            "recommendations": activity.recommendations.select_related("addressee_unit"),
            "can_manage": access.has_cap(request.user, Cap.SUPERVISION_MANAGE, activity.unit),
            "recommendation_form": RecommendationForm(),
            "response_form": ResponseForm(),
        },
    )


@login_required
@require_POST
def recommendation_add(request, pk):
    activity = activity_or_404(request, pk)
    access.require(request.user, Cap.SUPERVISION_MANAGE, activity.unit)  # 403 before any input is read
    form = RecommendationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi cơ quan nhận và nội dung kiến nghị (hạn theo dạng dd/mm/yyyy)."))
        return redirect(activity)
    try:
        services.recommendation_add(actor=request.user, activity=activity, **form.cleaned_data)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã ghi kiến nghị."))
    return redirect(activity)


@login_required
@require_POST
def recommendation_action(request, pk, rec_pk, action):
    activity = activity_or_404(request, pk)
    recommendation = get_object_or_404(Recommendation, pk=rec_pk, activity=activity)
    try:
        if action == "answer":
            form = ResponseForm(request.POST)
            services.recommendation_answer(
                actor=request.user,
                recommendation=recommendation,
                response=form.cleaned_data["response"] if form.is_valid() else "",
            )
        elif action == "close":
            services.recommendation_close(actor=request.user, recommendation=recommendation)
        else:
            raise ServiceError(_("Thao tác không hợp lệ."))
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã cập nhật."))
    return redirect(activity)

"""The press contest pages: the contest, its entries, prizes and results."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import form_page
from danvan.core.paging import paginate, query_without_page
from danvan.lib.uploads import UploadRejected
from danvan.org.models import Unit

from ...models import Contest, ContestEntry, Prize, PrizeAward
from .. import documents, policy, selectors, services
from ..forms import AwardForm, ContestForm, EntryForm, PrizeForm
from .base import FORM, back_to_contest, contest_or_404, entry_or_404, saved

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- contests --------------------------------------------------------------------------------------------


@login_required
def contest_list(request):
    if not (
        access.has_cap(request.user, Cap.MOVEMENT_VIEW) or access.has_cap(request.user, Cap.CONTEST_JUDGE)
    ):
        raise PermissionDenied
    context = {
        "page": paginate(request, selectors.contest_list(request.user)),
        "query": query_without_page(request),
        "can_create": access.has_cap(request.user, Cap.CONTEST_MANAGE),
    }
    return render(request, "recognition/contest/list.html", context)


def _contest_form_page(request, contest: Contest | None):
    form = ContestForm(
        request.POST or None, instance=contest, visible_units=Unit.objects.visible_to(request.user)
    )

    def save(data):
        return services.contest_save(
            actor=request.user,
            owner=data["owner"],
            name=data["name"],
            period_text=data["period_text"],
            description=data["description"],
            contest=contest,
            expected_version=data.get("version") if contest else None,
        )

    def saved(result: Contest):
        messages.success(request, _("Đã tạo cuộc thi.") if contest is None else _("Đã lưu."))
        return redirect(result)

    if contest is None:
        context = {"heading": _("Tạo cuộc thi báo chí"), "back": reverse("recognition:contest_list")}
    else:
        context = back_to_contest(contest, _("Sửa cuộc thi"))
    return form_page(request, form, template=FORM, context=context, save=save, on_success=saved)


@login_required
def contest_new(request):
    access.require(request.user, Cap.CONTEST_MANAGE)
    return _contest_form_page(request, None)


@login_required
def contest_edit(request, pk):
    contest = contest_or_404(request, pk)
    policy.require_manage(request.user, contest)
    return _contest_form_page(request, contest)


@login_required
def contest_detail(request, pk):
    contest = contest_or_404(request, pk)
    policy.require_view(request.user, contest)
    can_manage = policy.can_manage(request.user, contest)
    entries = selectors.recent_entries(contest)
    is_open = contest.status == Contest.Status.OPEN
    context = {
        "contest": contest,
        "entries": entries,
        "rounds": selectors.rounds_with_counts(contest),
        "my_rounds": set(contest.rounds.filter(judges=request.user).values_list("pk", flat=True)),
        "prizes": list(contest.prizes.annotate(given=Count("awards"))),
        "awards": list(
            PrizeAward.objects.filter(prize__contest=contest).select_related("prize", "entry__submitted_by")
        ),
        "can_manage": can_manage,
        "can_send": is_open
        and selectors.units_under(request.user, contest).exists()
        and access.has_cap(request.user, Cap.CONTEST_ENTER),
        "readable": selectors.readable_entry_ids(request.user, contest),
        "editable": {e.pk for e in entries if is_open and policy.can_send_for(request.user, e.submitted_by)},
        "statuses": Contest.Status.choices,
        "award_form": AwardForm(contest=contest) if can_manage else None,
        "results_open": can_manage or contest.status == Contest.Status.FINISHED,
    }
    return render(request, "recognition/contest/detail.html", context)


@login_required
@require_POST
def contest_status(request, pk):
    contest = contest_or_404(request, pk)
    policy.require_manage(request.user, contest)
    try:
        contest = services.contest_set_status(
            actor=request.user, contest=contest, status=request.POST.get("status")
        )
        messages.success(request, _("Cuộc thi: %(s)s.") % {"s": contest.get_status_display()})
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(contest)


# --- entries ---------------------------------------------------------------------------------------------


def _entry_form_page(request, contest: Contest, entry: ContestEntry | None):
    units = selectors.units_under(request.user, contest)
    form = EntryForm(
        request.POST or None,
        request.FILES or None,
        instance=entry,
        default_unit=selectors.default_unit(request.user, units) if entry is None else None,
        visible_units=units,
        exemplars=selectors.exemplars_for(request.user, contest),
    )

    def save(data):
        try:
            return services.entry_save(
                actor=request.user,
                contest=contest,
                submitted_by=data["submitted_by"],
                title=data["title"],
                author=data["author"],
                outlet=data["outlet"],
                published_on=data["published_on"],
                link=data["link"],
                upload=data["file"],
                exemplar=data["exemplar"],
                entry=entry,
                expected_version=data.get("version") if entry else None,
                max_bytes=settings.DANVAN_MAX_UPLOAD_BYTES,
            )
        except UploadRejected as error:
            raise ServiceError(error.message, field="file") from error

    heading = _("Gửi tác phẩm dự thi") if entry is None else _("Sửa tác phẩm dự thi")
    message = _("Đã gửi tác phẩm dự thi.") if entry is None else _("Đã lưu.")
    return form_page(
        request,
        form,
        template=FORM,
        context=back_to_contest(contest, heading, upload=True),
        save=save,
        on_success=saved(request, message, contest),
    )


@login_required
def contest_entry_new(request, pk):
    contest = contest_or_404(request, pk)
    access.require(request.user, Cap.CONTEST_ENTER)
    if contest.status != Contest.Status.OPEN:
        messages.error(request, _("Cuộc thi đã hết hạn nhận bài."))
        return redirect(contest)
    return _entry_form_page(request, contest, None)


@login_required
def contest_entry_edit(request, pk, entry_pk):
    contest = contest_or_404(request, pk)
    entry = entry_or_404(contest, entry_pk)
    access.require(request.user, Cap.CONTEST_ENTER, entry.submitted_by)
    return _entry_form_page(request, contest, entry)


@login_required
@require_POST
def contest_entry_withdraw(request, pk, entry_pk):
    contest = contest_or_404(request, pk)
    entry = entry_or_404(contest, entry_pk)
    try:
        services.entry_withdraw(actor=request.user, entry=entry)
        messages.success(request, _("Đã rút tác phẩm."))
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(contest)


@login_required
def contest_entry_file(request, pk, entry_pk):
    # The old address hands over to the one access-checked file view (scope, capability, publication rule).
    from danvan.core.files.views import serve

    get_object_or_404(ContestEntry, pk=entry_pk, contest_id=pk)
    return serve(request, "contest-entry", entry_pk)


# --- prizes and results ----------------------------------------------------------------------------------


def _prize_form_page(request, contest: Contest, prize: Prize | None):
    form = PrizeForm(request.POST or None, contest=contest, instance=prize)

    def save(data):
        return services.prize_save(
            actor=request.user,
            contest=contest,
            name=data["name"],
            rank_order=data["rank_order"],
            quota=data["quota"],
            prize=prize,
        )

    heading = _("Thêm giải") if prize is None else _("Sửa giải")
    return form_page(
        request,
        form,
        template=FORM,
        context=back_to_contest(contest, heading),
        save=save,
        on_success=saved(request, _("Đã lưu cơ cấu giải."), contest),
    )


@login_required
def contest_prize_new(request, pk):
    contest = contest_or_404(request, pk)
    policy.require_manage(request.user, contest)
    return _prize_form_page(request, contest, None)


@login_required
def contest_prize_edit(request, pk, prize_pk):
    contest = contest_or_404(request, pk)
    prize = get_object_or_404(contest.prizes, pk=prize_pk)
    policy.require_manage(request.user, contest)
    return _prize_form_page(request, contest, prize)


@login_required
@require_POST
def contest_award(request, pk, action):
    contest = contest_or_404(request, pk)
    policy.require_manage(request.user, contest)
    try:
        if action == "add":
            form = AwardForm(request.POST, contest=contest)
            if not form.is_valid():
                messages.error(request, _("Hãy chọn giải và tác phẩm chưa có giải."))
                return redirect(contest)
            services.prize_award(
                actor=request.user, prize=form.cleaned_data["prize"], entry=form.cleaned_data["entry"]
            )
            messages.success(request, _("Đã trao giải."))
        elif action == "remove":
            award = get_object_or_404(PrizeAward, pk=request.POST.get("award"), prize__contest=contest)
            services.prize_unaward(actor=request.user, award=award)
            messages.success(request, _("Đã bỏ giải."))
        elif action == "fill":
            n, warning = services.prizes_fill_from_results(actor=request.user, contest=contest)
            messages.success(request, _("Đã trao %(n)s giải theo thứ hạng.") % {"n": n})
            if warning:
                messages.warning(request, warning)
        else:
            raise Http404
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(contest)


@login_required
def contest_results(request, pk):
    contest = contest_or_404(request, pk)
    policy.require_results(request.user, contest)
    context = {
        "contest": contest,
        "rows": selectors.contest_results(contest),
        "final": (selectors.rounds_of(contest) or [None])[-1],
        "provisional": contest.status != Contest.Status.FINISHED,
    }
    return render(request, "recognition/contest/results.html", context)


@login_required
def contest_results_xlsx(request, pk):
    contest = contest_or_404(request, pk)
    policy.require_results(request.user, contest)
    response = HttpResponse(documents.results_xlsx(contest), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="ket-qua-cuoc-thi-{contest.pk}-{timezone.localdate():%Y%m%d}.xlsx"'
    )
    return response

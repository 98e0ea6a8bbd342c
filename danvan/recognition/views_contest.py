"""The press contest pages (and, through views_medals, the medal nominations): scoped fetch, capability,
form, service, render or redirect."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import apply_service_error
from danvan.core.paging import paginate, query_without_page
from danvan.lib.uploads import UploadRejected
from danvan.org.models import Unit

from . import services_contest as services
from . import views_medals
from .forms_contest import AwardForm, ContestForm, EntryForm, PrizeForm, RoundForm, ScoreForm
from .models import Exemplar
from .models_contest import Contest, ContestEntry, ContestRound, EntryScore, Prize, PrizeAward

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _contest_or_404(request, pk) -> Contest:
    return get_object_or_404(Contest.objects.visible_to(request.user).select_related("owner"), pk=pk)


def _is_any_judge(user, contest: Contest) -> bool:
    return access.has_cap(user, Cap.APPRAISAL_SCORE) and contest.rounds.filter(judges=user).exists()


def _require_view(user, contest: Contest) -> None:
    """Organisers, the units that may send (they read plans) and the contest's judges."""
    if not (access.has_cap(user, Cap.PLAN_VIEW) or _is_any_judge(user, contest)):
        raise PermissionDenied


def _units_under(request, contest: Contest):
    return Unit.objects.visible_to(request.user).filter(access.subtree_q("path", [contest.owner.path]))


def _default_unit(user, units) -> Unit | None:
    for unit_path in access.scope_paths(user):
        unit = units.filter(path=unit_path).first()
        if unit is not None and access.has_cap(user, Cap.EXEMPLAR_REGISTER, unit):
            return unit
    return None


# --- contests --------------------------------------------------------------------------------------------


def _form_page(request, context: dict):
    """Every contest form (contest, entry, round, prize) shares one page: form, heading, way back."""
    return render(request, "recognition/contest/form.html", context)


@login_required
def contest_list(request):
    if not (access.has_cap(request.user, Cap.PLAN_VIEW) or access.has_cap(request.user, Cap.APPRAISAL_SCORE)):
        raise PermissionDenied
    contests = (
        Contest.objects.visible_to(request.user)
        .select_related("owner")
        .annotate(entry_count=Count("entries", distinct=True))
        .order_by("-created_at", "-id")
    )
    context = {
        "page": paginate(request, contests),
        "query": query_without_page(request),
        "can_create": access.has_cap(request.user, Cap.APPRAISAL_MANAGE),
    }
    return render(request, "recognition/contest/list.html", context)


@login_required
def contest_new(request):
    access.require(request.user, Cap.APPRAISAL_MANAGE)
    form = ContestForm(request.POST or None, visible_units=Unit.objects.visible_to(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            contest = services.contest_save(
                actor=request.user,
                owner=data["owner"],
                name=data["name"],
                period_text=data["period_text"],
                description=data["description"],
            )
            messages.success(request, _("Đã tạo cuộc thi."))
            return redirect(contest)
        except ServiceError as error:
            apply_service_error(form, error)
    return _form_page(
        request,
        {"form": form, "heading": _("Tạo cuộc thi báo chí"), "back": reverse("recognition:contest_list")},
    )


@login_required
def contest_edit(request, pk):
    contest = _contest_or_404(request, pk)
    access.require(request.user, Cap.APPRAISAL_MANAGE, contest.owner)
    initial = {
        "owner": contest.owner_id,
        "name": contest.name,
        "period_text": contest.period_text,
        "description": contest.description,
        "version": contest.version,
    }
    form = ContestForm(
        request.POST or None, initial=initial, visible_units=Unit.objects.visible_to(request.user)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.contest_save(
                actor=request.user,
                owner=data["owner"],
                name=data["name"],
                period_text=data["period_text"],
                description=data["description"],
                contest=contest,
                expected_version=data.get("version"),
            )
            messages.success(request, _("Đã lưu."))
            return redirect(contest)
        except ServiceError as error:
            apply_service_error(form, error)
    return _form_page(
        request,
        {"form": form, "heading": _("Sửa cuộc thi"), "back": contest.get_absolute_url(), "contest": contest},
    )


@login_required
def contest_detail(request, pk):
    contest = _contest_or_404(request, pk)
    _require_view(request.user, contest)
    can_manage = services.can_manage(request.user, contest)
    entries = list(
        contest.entries.select_related("submitted_by", "exemplar", "award__prize").order_by(
            "-created_at", "-id"
        )
    )
    rounds = list(
        contest.rounds.annotate(
            judge_count=Count("judges", distinct=True), score_count=Count("scores", distinct=True)
        ).order_by("order", "id")
    )
    my_rounds = set(contest.rounds.filter(judges=request.user).values_list("pk", flat=True))
    editable = {
        e.pk
        for e in entries
        if contest.status == Contest.Status.OPEN
        and access.has_cap(request.user, Cap.EXEMPLAR_REGISTER, e.submitted_by)
    }
    context = {
        "contest": contest,
        "entries": entries,
        "rounds": rounds,
        "my_rounds": my_rounds,
        "prizes": list(contest.prizes.annotate(given=Count("awards"))),
        "awards": list(
            PrizeAward.objects.filter(prize__contest=contest).select_related("prize", "entry__submitted_by")
        ),
        "can_manage": can_manage,
        "can_send": contest.status == Contest.Status.OPEN
        and _units_under(request, contest).exists()
        and access.has_cap(request.user, Cap.EXEMPLAR_REGISTER),
        "editable": editable,
        "statuses": Contest.Status.choices,
        "award_form": AwardForm(contest=contest) if can_manage else None,
        "results_open": can_manage or contest.status == Contest.Status.FINISHED,
    }
    return render(request, "recognition/contest/detail.html", context)


@login_required
@require_POST
def contest_status(request, pk):
    contest = _contest_or_404(request, pk)
    access.require(request.user, Cap.APPRAISAL_MANAGE, contest.owner)
    try:
        contest = services.contest_set_status(
            actor=request.user, contest=contest, status=request.POST.get("status")
        )
        messages.success(request, _("Cuộc thi: %(s)s.") % {"s": contest.get_status_display()})
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(contest)


# --- entries ---------------------------------------------------------------------------------------------


def _exemplars_for(request, contest: Contest):
    public = [Exemplar.Status.RECOGNISED, Exemplar.Status.PROPOSED]
    mine = Exemplar.objects.visible_to(request.user).values("pk")
    return (
        Exemplar.objects.filter(access.subtree_q("unit__path", [contest.owner.path]))
        .filter(Q(status__in=public) | Q(pk__in=mine))
        .select_related("unit")
        .order_by("-year", "title")
    )


def _entry_form_page(request, contest: Contest, entry: ContestEntry | None):
    units = _units_under(request, contest)
    if entry is None:
        default = _default_unit(request.user, units)
        initial = {"submitted_by": default.pk if default else None}
    else:
        initial = {
            "submitted_by": entry.submitted_by_id,
            "title": entry.title,
            "author": entry.author,
            "outlet": entry.outlet,
            "published_on": entry.published_on,
            "link": entry.link,
            "exemplar": entry.exemplar_id,
            "version": entry.version,
        }
    form = EntryForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        visible_units=units,
        exemplars=_exemplars_for(request, contest),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.entry_save(
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
            messages.success(request, _("Đã gửi tác phẩm dự thi.") if entry is None else _("Đã lưu."))
            return redirect(contest)
        except ServiceError as error:
            apply_service_error(form, error)
        except UploadRejected as error:
            form.add_error("file", error.message)
    heading = _("Gửi tác phẩm dự thi") if entry is None else _("Sửa tác phẩm dự thi")
    return _form_page(
        request,
        {
            "form": form,
            "heading": heading,
            "back": contest.get_absolute_url(),
            "contest": contest,
            "upload": True,
        },
    )


@login_required
def contest_entry_new(request, pk):
    contest = _contest_or_404(request, pk)
    access.require(request.user, Cap.EXEMPLAR_REGISTER)
    if contest.status != Contest.Status.OPEN:
        messages.error(request, _("Cuộc thi đã hết hạn nhận bài."))
        return redirect(contest)
    return _entry_form_page(request, contest, None)


def _entry_or_404(request, contest: Contest, entry_pk) -> ContestEntry:
    return get_object_or_404(contest.entries.select_related("submitted_by", "contest__owner"), pk=entry_pk)


@login_required
def contest_entry_edit(request, pk, entry_pk):
    contest = _contest_or_404(request, pk)
    entry = _entry_or_404(request, contest, entry_pk)
    access.require(request.user, Cap.EXEMPLAR_REGISTER, entry.submitted_by)
    return _entry_form_page(request, contest, entry)


@login_required
@require_POST
def contest_entry_withdraw(request, pk, entry_pk):
    contest = _contest_or_404(request, pk)
    entry = _entry_or_404(request, contest, entry_pk)
    try:
        services.entry_withdraw(actor=request.user, entry=entry)
        messages.success(request, _("Đã rút tác phẩm."))
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(contest)


@login_required
def contest_entry_file(request, pk, entry_pk):
    from danvan.core.files.views import serve

    get_object_or_404(ContestEntry, pk=entry_pk, contest_id=pk)
    return serve(request, "contest-entry", entry_pk)


# --- rounds and scores -----------------------------------------------------------------------------------


def _round_form_page(request, contest: Contest, round_: ContestRound | None):
    candidates = services.judge_candidates(contest)
    if round_ is None:
        initial = {"order": (contest.rounds.count() + 1), "max_points": 100}
        if not contest.rounds.exists():
            initial["name"] = _("Sơ khảo")
        elif contest.rounds.count() == 1:
            initial["name"] = _("Chung khảo")
    else:
        initial = {
            "name": round_.name,
            "order": round_.order,
            "max_points": round_.max_points,
            "judges": list(round_.judges.values_list("pk", flat=True)),
        }
    form = RoundForm(request.POST or None, initial=initial, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.round_save(
                actor=request.user,
                contest=contest,
                name=data["name"],
                order=data["order"],
                max_points=data["max_points"],
                judges=list(data["judges"]),
                round_=round_,
            )
            messages.success(request, _("Đã lưu vòng chấm."))
            return redirect(contest)
        except ServiceError as error:
            apply_service_error(form, error)
    heading = _("Thêm vòng chấm") if round_ is None else _("Sửa vòng chấm")
    return _form_page(
        request, {"form": form, "heading": heading, "back": contest.get_absolute_url(), "contest": contest}
    )


@login_required
def contest_round_new(request, pk):
    contest = _contest_or_404(request, pk)
    access.require(request.user, Cap.APPRAISAL_MANAGE, contest.owner)
    return _round_form_page(request, contest, None)


def _round_or_404(contest: Contest, round_pk) -> ContestRound:
    return get_object_or_404(contest.rounds.select_related("contest__owner"), pk=round_pk)


@login_required
def contest_round_edit(request, pk, round_pk):
    contest = _contest_or_404(request, pk)
    round_ = _round_or_404(contest, round_pk)
    access.require(request.user, Cap.APPRAISAL_MANAGE, contest.owner)
    return _round_form_page(request, contest, round_)


@login_required
def contest_round_detail(request, pk, round_pk):
    """A judge's sheet (their own marks only) and, for the organiser, the round's ranking."""
    contest = _contest_or_404(request, pk)
    round_ = _round_or_404(contest, round_pk)
    can_manage = services.can_manage(request.user, contest)
    judge = services.is_judge(request.user, round_)
    if not (can_manage or judge):
        raise PermissionDenied
    entries = list(services.round_entries(round_))
    mine = (
        {s.entry_id: s for s in EntryScore.objects.filter(round=round_, judge=request.user)} if judge else {}
    )
    context = {
        "contest": contest,
        "round": round_,
        "entries": entries,
        "mine": mine,
        "judge": judge,
        "can_score": judge and round_.status == ContestRound.Status.OPEN,
        "can_manage": can_manage,
        "table": services.round_table(round_) if can_manage else [],
        "progress": list(
            round_.judges.annotate(done=Count("contest_scores", filter=Q(contest_scores__round=round_)))
        )
        if can_manage
        else [],
        "has_next": services.round_index(round_) + 1 < len(services.rounds_of(contest)),
        "advanced": {e.pk for e in entries if e.stage > services.round_index(round_)},
    }
    return render(request, "recognition/contest/round_detail.html", context)


@login_required
@require_POST
def contest_score(request, pk, round_pk):
    contest = _contest_or_404(request, pk)
    round_ = _round_or_404(contest, round_pk)
    if not services.is_judge(request.user, round_):
        raise PermissionDenied
    form = ScoreForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy ghi điểm."))
        return redirect("recognition:contest_round_detail", pk=contest.pk, round_pk=round_.pk)
    entry = get_object_or_404(contest.entries, pk=form.cleaned_data["entry"])
    try:
        services.score_record(
            actor=request.user,
            round_=round_,
            entry=entry,
            points=form.cleaned_data["points"],
            comment=form.cleaned_data["comment"],
        )
        messages.success(request, _("Đã ghi điểm cho «%(t)s».") % {"t": entry.title})
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("recognition:contest_round_detail", pk=contest.pk, round_pk=round_.pk)


@login_required
@require_POST
def contest_round_action(request, pk, round_pk, action):
    contest = _contest_or_404(request, pk)
    round_ = _round_or_404(contest, round_pk)
    access.require(request.user, Cap.APPRAISAL_MANAGE, contest.owner)
    try:
        if action == "close":
            services.round_close(actor=request.user, round_=round_)
            messages.success(request, _("Đã kết thúc vòng chấm: giám khảo không chấm thêm được."))
        elif action == "reopen":
            services.round_reopen(actor=request.user, round_=round_)
            messages.success(request, _("Đã mở lại vòng chấm."))
        elif action == "advance":
            chosen = contest.entries.filter(
                pk__in=[v for v in request.POST.getlist("entries") if v.isdigit()]
            )
            n = services.round_advance(actor=request.user, round_=round_, entries=list(chosen))
            messages.success(request, _("Đã chọn %(n)s tác phẩm vào vòng sau.") % {"n": n})
        else:
            raise Http404
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect("recognition:contest_round_detail", pk=contest.pk, round_pk=round_.pk)


# --- prizes and results ----------------------------------------------------------------------------------


def _prize_form_page(request, contest: Contest, prize: Prize | None):
    initial = (
        {"rank_order": contest.prizes.count() + 1, "quota": 1}
        if prize is None
        else {"name": prize.name, "rank_order": prize.rank_order, "quota": prize.quota}
    )
    form = PrizeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.prize_save(
                actor=request.user,
                contest=contest,
                name=data["name"],
                rank_order=data["rank_order"],
                quota=data["quota"],
                prize=prize,
            )
            messages.success(request, _("Đã lưu cơ cấu giải."))
            return redirect(contest)
        except ServiceError as error:
            apply_service_error(form, error)
    heading = _("Thêm giải") if prize is None else _("Sửa giải")
    return _form_page(
        request, {"form": form, "heading": heading, "back": contest.get_absolute_url(), "contest": contest}
    )


@login_required
def contest_prize_new(request, pk):
    contest = _contest_or_404(request, pk)
    access.require(request.user, Cap.APPRAISAL_MANAGE, contest.owner)
    return _prize_form_page(request, contest, None)


@login_required
def contest_prize_edit(request, pk, prize_pk):
    contest = _contest_or_404(request, pk)
    prize = get_object_or_404(contest.prizes, pk=prize_pk)
    access.require(request.user, Cap.APPRAISAL_MANAGE, contest.owner)
    return _prize_form_page(request, contest, prize)


@login_required
@require_POST
def contest_award(request, pk, action):
    contest = _contest_or_404(request, pk)
    access.require(request.user, Cap.APPRAISAL_MANAGE, contest.owner)
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


def _require_results(request, contest: Contest) -> None:
    _require_view(request.user, contest)
    if contest.status != Contest.Status.FINISHED and not services.can_manage(request.user, contest):
        raise PermissionDenied


@login_required
def contest_results(request, pk):
    contest = _contest_or_404(request, pk)
    _require_results(request, contest)
    rows = services.contest_results(contest)
    context = {
        "contest": contest,
        "rows": rows,
        "final": (services.rounds_of(contest) or [None])[-1],
        "provisional": contest.status != Contest.Status.FINISHED,
    }
    return render(request, "recognition/contest/results.html", context)


@login_required
def contest_results_xlsx(request, pk):
    contest = _contest_or_404(request, pk)
    _require_results(request, contest)
    response = HttpResponse(services.results_xlsx(contest), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="ket-qua-cuoc-thi-{contest.pk}-{timezone.localdate():%Y%m%d}.xlsx"'
    )
    return response


urlpatterns = [
    path("cuoc-thi/", contest_list, name="contest_list"),
    path("cuoc-thi/moi/", contest_new, name="contest_new"),
    path("cuoc-thi/<int:pk>/", contest_detail, name="contest_detail"),
    path("cuoc-thi/<int:pk>/sua/", contest_edit, name="contest_edit"),
    path("cuoc-thi/<int:pk>/trang-thai/", contest_status, name="contest_status"),
    path("cuoc-thi/<int:pk>/tac-pham/moi/", contest_entry_new, name="contest_entry_new"),
    path("cuoc-thi/<int:pk>/tac-pham/<int:entry_pk>/sua/", contest_entry_edit, name="contest_entry_edit"),
    path(
        "cuoc-thi/<int:pk>/tac-pham/<int:entry_pk>/rut/",
        contest_entry_withdraw,
        name="contest_entry_withdraw",
    ),
    path("cuoc-thi/<int:pk>/tac-pham/<int:entry_pk>/tep/", contest_entry_file, name="contest_entry_file"),
    path("cuoc-thi/<int:pk>/vong/moi/", contest_round_new, name="contest_round_new"),
    path("cuoc-thi/<int:pk>/vong/<int:round_pk>/", contest_round_detail, name="contest_round_detail"),
    path("cuoc-thi/<int:pk>/vong/<int:round_pk>/sua/", contest_round_edit, name="contest_round_edit"),
    path("cuoc-thi/<int:pk>/vong/<int:round_pk>/cham/", contest_score, name="contest_score"),
    path(
        "cuoc-thi/<int:pk>/vong/<int:round_pk>/<slug:action>/",
        contest_round_action,
        name="contest_round_action",
    ),
    path("cuoc-thi/<int:pk>/giai/moi/", contest_prize_new, name="contest_prize_new"),
    path("cuoc-thi/<int:pk>/giai/<int:prize_pk>/sua/", contest_prize_edit, name="contest_prize_edit"),
    path("cuoc-thi/<int:pk>/trao-giai/<slug:action>/", contest_award, name="contest_award"),
    path("cuoc-thi/<int:pk>/ket-qua/", contest_results, name="contest_results"),
    path("cuoc-thi/<int:pk>/ket-qua.xlsx", contest_results_xlsx, name="contest_results_xlsx"),
    *views_medals.urlpatterns,
]

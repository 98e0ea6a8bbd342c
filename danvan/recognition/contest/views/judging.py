"""The press contest's judging pages: rounds and their judges, a judge's marks, closing and advancing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core.errors import ServiceError
from danvan.core.forms import form_page

from ...models import Contest, ContestRound
from .. import policy, selectors, services
from ..forms import RoundForm, ScoreForm
from .base import FORM, back_to_contest, contest_or_404, round_or_404, saved


def _round_form_page(request, contest: Contest, round_: ContestRound | None):
    form = RoundForm(
        request.POST or None,
        contest=contest,
        instance=round_,
        candidates=selectors.judge_candidates(contest),
    )

    def save(data):
        return services.round_save(
            actor=request.user,
            contest=contest,
            name=data["name"],
            order=data["order"],
            max_points=data["max_points"],
            judges=list(data["judges"]),
            round_=round_,
        )

    heading = _("Thêm vòng chấm") if round_ is None else _("Sửa vòng chấm")
    return form_page(
        request,
        form,
        template=FORM,
        context=back_to_contest(contest, heading),
        save=save,
        on_success=saved(request, _("Đã lưu vòng chấm."), contest),
    )


@login_required
def contest_round_new(request, pk):
    contest = contest_or_404(request, pk)
    policy.require_manage(request.user, contest)
    return _round_form_page(request, contest, None)


@login_required
def contest_round_edit(request, pk, round_pk):
    contest = contest_or_404(request, pk)
    round_ = round_or_404(contest, round_pk)
    policy.require_manage(request.user, contest)
    return _round_form_page(request, contest, round_)


@login_required
def contest_round_detail(request, pk, round_pk):
    """A judge's sheet (their own marks only) and, for the organiser, the round's ranking."""
    contest = contest_or_404(request, pk)
    round_ = round_or_404(contest, round_pk)
    can_manage = policy.can_manage(request.user, contest)
    judge = policy.is_judge(request.user, round_)
    if not (can_manage or judge):
        raise PermissionDenied
    entries = list(selectors.round_entries(round_))
    index = selectors.round_index(round_)
    context = {
        "contest": contest,
        "round": round_,
        "entries": entries,
        "mine": selectors.my_marks(request.user, round_) if judge else {},
        "judge": judge,
        "can_score": judge and round_.status == ContestRound.Status.OPEN,
        "can_manage": can_manage,
        "table": selectors.round_table(round_) if can_manage else [],
        "progress": selectors.judge_progress(round_) if can_manage else [],
        "has_next": index + 1 < len(selectors.rounds_of(contest)),
        "advanced": {e.pk for e in entries if e.stage > index},
    }
    return render(request, "recognition/contest/round_detail.html", context)


@login_required
@require_POST
def contest_score(request, pk, round_pk):
    contest = contest_or_404(request, pk)
    round_ = round_or_404(contest, round_pk)
    if not policy.is_judge(request.user, round_):
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
    contest = contest_or_404(request, pk)
    round_ = round_or_404(contest, round_pk)
    policy.require_manage(request.user, contest)
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

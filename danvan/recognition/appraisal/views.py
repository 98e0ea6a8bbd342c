"""Appraisal rounds: list, create/edit with criteria, council, admitted entries, ranking, close, scoring.

Scope: a round is seen by the users whose subtree holds its owner and by its council members (else 404);
organising needs APPRAISAL_MANAGE at the owner, scoring needs a seat on the round's council (else 403).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import apply_service_error
from danvan.core.paging import paginate, query_without_page
from danvan.lib import vntext
from danvan.lib.htmx import render_page
from danvan.org.models import Unit

from ..models import AppraisalRound, CouncilMember, RoundEntry, ScoreSheet
from . import services
from .forms import AdmitForm, CloseForm, CriterionFormSet, MembersForm, RoundForm, SheetForm

T = "recognition/appraisal/"


def _round_or_404(request, pk) -> AppraisalRound:
    return get_object_or_404(services.rounds_visible_to(request.user).select_related("owner"), pk=pk)


def _require_manage(user, round_: AppraisalRound) -> None:
    access.require(user, Cap.APPRAISAL_MANAGE, round_.owner)


def _criteria_rows(formset) -> list[dict]:
    return [f for f in formset.cleaned_data if f]


def _may_enter(user) -> bool:
    return (
        access.has_cap(user, Cap.APPRAISAL_MANAGE)
        or access.has_cap(user, Cap.APPRAISAL_SCORE)
        or CouncilMember.objects.filter(user=user).exists()
    )


@login_required
def round_list(request):
    if not _may_enter(request.user):
        raise PermissionDenied
    rounds = (
        services.rounds_visible_to(request.user)
        .select_related("owner")
        .annotate(
            n_entries=Count("entries", distinct=True),
            n_members=Count("members", distinct=True),
            seated=Exists(CouncilMember.objects.filter(round=OuterRef("pk"), user=request.user)),
        )
        .order_by("-year", "-id")
    )
    if year := request.GET.get("year", "").strip():
        rounds = rounds.filter(year=year) if year.isdigit() else rounds.none()
    context = {
        "page": paginate(request, rounds),
        "query": query_without_page(request),
        "year": year,
        "can_create": access.has_cap(request.user, Cap.APPRAISAL_MANAGE),
    }
    return render(request, T + "round_list.html", context)


@login_required
def round_new(request):
    access.require(request.user, Cap.APPRAISAL_MANAGE)
    visible = Unit.objects.visible_to(request.user)
    first_root = visible.order_by("depth", "path").values_list("pk", flat=True).first()
    form = RoundForm(
        request.POST or None,
        visible_units=visible,
        initial={"year": timezone.localdate().year, "threshold": 70, "owner": first_root, "level": "ward"},
    )
    formset = CriterionFormSet(
        request.POST or None, initial=[dict(c) for c in services.DEFAULT_CRITERIA], prefix="c"
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        try:
            round_ = services.round_create(
                actor=request.user,
                owner=data["owner"],
                name=data["name"],
                year=data["year"],
                level=data["level"],
                threshold=data["threshold"],
                criteria=_criteria_rows(formset),
            )
            messages.success(request, _("Đã tạo đợt thẩm định «%(name)s».") % {"name": round_.name})
            return redirect("recognition:round_detail", pk=round_.pk)
        except ServiceError as error:
            apply_service_error(form, error)
    return render(request, T + "round_form.html", {"form": form, "formset": formset, "round": None})


@login_required
def round_edit(request, pk):
    round_ = _round_or_404(request, pk)
    _require_manage(request.user, round_)
    if round_.status == AppraisalRound.Status.CLOSED:
        messages.error(request, _("Đợt thẩm định đã kết thúc; không sửa được nữa."))
        return redirect("recognition:round_detail", pk=round_.pk)
    criteria = list(round_.criteria.all())
    locked = ScoreSheet.objects.filter(entry__round=round_).exists()
    form = RoundForm(
        request.POST or None,
        editing=True,
        initial={
            "name": round_.name,
            "year": round_.year,
            "level": round_.level,
            "threshold": round_.threshold,
            "version": round_.version,
        },
    )
    formset = CriterionFormSet(
        None if locked else (request.POST or None),
        initial=[{"name": c.name, "max_points": c.max_points} for c in criteria],
        prefix="c",
    )
    if request.method == "POST" and form.is_valid() and (locked or formset.is_valid()):
        data = form.cleaned_data
        try:
            services.round_update(
                actor=request.user,
                round_=round_,
                name=data["name"],
                year=data["year"],
                level=data["level"],
                threshold=data["threshold"],
                criteria=None if locked else _criteria_rows(formset),
                expected_version=data.get("version"),
            )
            messages.success(request, _("Đã lưu đợt thẩm định."))
            return redirect("recognition:round_detail", pk=round_.pk)
        except ServiceError as error:
            apply_service_error(form, error)
    context = {"form": form, "formset": formset, "round": round_, "criteria_locked": locked}
    return render(request, T + "round_form.html", context)


def _ranking_lines(rows):
    """(row, threshold line drawn above it) pairs and whether the line falls after the last row."""
    first_below = next((i for i, row in enumerate(rows) if not row.meets_threshold), None)
    lines = [(row, i == first_below and i > 0) for i, row in enumerate(rows)]
    return lines, bool(rows) and first_below is None


def _detail_context(request, round_: AppraisalRound, close_form=None) -> dict:
    user = request.user
    manage = services.can_manage(user, round_)
    members = list(
        round_.members.select_related("user")
        .annotate(n_sent=Count("sheets", filter=Q(sheets__submitted_at__isnull=False)))
        .order_by("-is_chair", "user__full_name", "user__username")
    )
    seat = next((m for m in members if m.user_id == user.pk), None)
    if seat is None and not manage:
        raise PermissionDenied
    is_open = round_.status == AppraisalRound.Status.OPEN
    criteria = list(round_.criteria.all())
    my_sheets, own_paths = {}, []
    if seat is not None:
        my_sheets = dict(
            ScoreSheet.objects.filter(member=seat, submitted_at__isnull=False).values_list(
                "entry_id", "submitted_at"
            )
        )
        own_paths = services.own_unit_paths(user)
    rows = services.ranking(round_)
    scorable = [r for r in rows if not services.is_own_unit(r.entry.exemplar.unit.path, own_paths)]
    scored_all = seat is not None and all(r.entry.pk in my_sheets for r in scorable)
    see_ranking = manage or not is_open or scored_all
    may_close = is_open and (manage or (seat is not None and seat.is_chair))
    if may_close and close_form is None:
        close_form = CloseForm(rows=rows)
    lines, line_at_end = _ranking_lines(rows)
    ranks = [r.rank for r in rows if r.rank is not None]
    entries = [
        {
            "row": row,
            "sent_at": my_sheets.get(row.entry.pk),
            "own_unit": seat is not None and services.is_own_unit(row.entry.exemplar.unit.path, own_paths),
        }
        for row in sorted(rows, key=lambda r: vntext.sort_key(r.entry.exemplar.title))
    ]
    return {
        "round": round_,
        "criteria": criteria,
        "max_total": sum((c.max_points for c in criteria), 0),
        "members": members,
        "seat": seat,
        "manage": manage,
        "is_open": is_open,
        "entries": entries,
        "see_ranking": see_ranking,
        "lines": lines,
        "line_at_end": line_at_end,
        "tie_ranks": {r for r in ranks if ranks.count(r) > 1},
        "close_form": close_form if may_close else None,
    }


@login_required
def round_detail(request, pk):
    round_ = _round_or_404(request, pk)
    context = _detail_context(request, round_)
    return render_page(request, T + "round_detail.html", context, partial="ranking")


@login_required
def round_members(request, pk):
    round_ = _round_or_404(request, pk)
    _require_manage(request.user, round_)
    candidates = services.member_candidates(round_)
    current = list(round_.members.all())
    chair = next((m.user_id for m in current if m.is_chair), None)
    form = MembersForm(
        request.POST or None,
        candidates=candidates,
        initial={"users": [m.user_id for m in current], "chair": chair},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.members_set(
                actor=request.user,
                round_=round_,
                users=list(form.cleaned_data["users"]),
                chair=form.cleaned_data["chair"],
            )
            messages.success(request, _("Đã lưu hội đồng thẩm định."))
            return redirect("recognition:round_detail", pk=round_.pk)
        except ServiceError as error:
            apply_service_error(form, error)
    return render(request, T + "round_members.html", {"round": round_, "form": form})


@login_required
def round_admit(request, pk):
    round_ = _round_or_404(request, pk)
    _require_manage(request.user, round_)
    candidates = services.admissible_exemplars(actor=request.user, round_=round_)
    form = AdmitForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            entries = services.entries_admit(
                actor=request.user, round_=round_, exemplars=list(form.cleaned_data["exemplars"])
            )
            messages.success(request, _("Đã đưa %(n)s hồ sơ vào thẩm định.") % {"n": len(entries)})
            return redirect("recognition:round_detail", pk=round_.pk)
        except ServiceError as error:
            apply_service_error(form, error)
    shown = candidates.select_related("unit", "field").order_by("unit__path", "title")
    q = request.GET.get("q", "").strip()
    if q:
        shown = shown.filter(Q(search_text__contains=vntext.fold(q)) | Q(title__icontains=q))
    context = {
        "round": round_,
        "form": form,
        "page": paginate(request, shown),
        "query": query_without_page(request),
        "q": q,
        "chosen": {str(v) for v in (form["exemplars"].value() or [])},
    }
    return render_page(request, T + "round_admit.html", context, partial="candidates")


@login_required
@require_POST
def round_close(request, pk):
    round_ = _round_or_404(request, pk)
    manage = services.can_manage(request.user, round_)
    chair = CouncilMember.objects.filter(round=round_, user=request.user, is_chair=True).exists()
    if not (manage or chair):
        raise PermissionDenied
    form = CloseForm(request.POST, rows=services.ranking(round_))
    if form.is_valid():
        try:
            services.round_close(
                actor=request.user,
                round_=round_,
                decisions=form.decisions(),
                decision_number=form.cleaned_data["decision_number"],
                decision_date=form.cleaned_data["decision_date"],
            )
            messages.success(request, _("Đã kết thúc đợt thẩm định và ghi nhận quyết định."))
            return redirect("recognition:round_detail", pk=round_.pk)
        except ServiceError as error:
            apply_service_error(form, error)
    context = _detail_context(request, round_, close_form=form)
    return render(request, T + "round_detail.html", context)


@login_required
def round_score(request, pk, entry_pk):
    round_ = _round_or_404(request, pk)
    entry = get_object_or_404(
        RoundEntry.objects.select_related("exemplar__unit", "exemplar__field"), round=round_, pk=entry_pk
    )
    seat = services.seat_of(request.user, round_)
    if seat is None:
        raise PermissionDenied
    entry.round = round_
    criteria = list(round_.criteria.all())
    own, others = services.visible_sheets(user=request.user, entry=entry)
    own_unit = services.is_own_unit(entry.exemplar.unit.path, services.own_unit_paths(request.user))
    sent = own is not None and own.submitted_at is not None
    can_score = round_.status == AppraisalRound.Status.OPEN and not sent and not own_unit
    form = SheetForm(request.POST or None, criteria=criteria) if can_score else None
    if request.method == "POST":
        if form is None:
            # Closed, already sent or own unit: the service says which, in its own words.
            try:
                services.sheet_submit(actor=request.user, entry=entry, points={}, comment="")
            except ServiceError as error:
                messages.error(request, error.message)
            return redirect("recognition:round_score", pk=round_.pk, entry_pk=entry.pk)
        if form.is_valid():
            try:
                services.sheet_submit(
                    actor=request.user,
                    entry=entry,
                    points=form.points(),
                    comment=form.cleaned_data["comment"],
                )
                messages.success(request, _("Đã gửi phiếu chấm."))
                return redirect("recognition:round_score", pk=round_.pk, entry_pk=entry.pk)
            except ServiceError as error:
                apply_service_error(form, error)
    own_points = {s.criterion_id: s.points for s in own.scores.all()} if sent else {}
    other_points = [{x.criterion_id: x.points for x in s.scores.all()} for s in others]
    context = {
        "round": round_,
        "entry": entry,
        "exemplar": entry.exemplar,
        "criteria": criteria,
        "max_total": sum((c.max_points for c in criteria), 0),
        "seat": seat,
        "form": form,
        "own": own if sent else None,
        "own_rows": [(c, own_points.get(c.pk)) for c in criteria],
        "other_sheets": others,
        "others": [(c, [pts.get(c.pk) for pts in other_points]) for c in criteria],
        "own_unit": own_unit,
        "next_url": _next_to_score(round_, seat, entry),
    }
    return render(request, T + "sheet.html", context)


def _next_to_score(round_: AppraisalRound, seat: CouncilMember, current: RoundEntry) -> str:
    done = ScoreSheet.objects.filter(member=seat, entry=OuterRef("pk"), submitted_at__isnull=False)
    following = (
        RoundEntry.objects.filter(round=round_)
        .exclude(pk=current.pk)
        .exclude(Exists(done))
        .order_by("exemplar__title", "pk")
        .values_list("pk", flat=True)
        .first()
    )
    if round_.status != AppraisalRound.Status.OPEN or following is None:
        return ""
    return reverse("recognition:round_score", args=[round_.pk, following])


@login_required
def round_my(request):
    if not _may_enter(request.user):
        raise PermissionDenied
    pending = services.my_pending(request.user)
    seats = (
        CouncilMember.objects.filter(user=request.user)
        .select_related("round__owner")
        .annotate(
            n_sent=Count("sheets", filter=Q(sheets__submitted_at__isnull=False), distinct=True),
            n_entries=Count("round__entries", distinct=True),
        )
        .order_by("-round__year", "-round_id")
    )
    context = {"pending": [p for p in pending if not p[1]], "skipped": [p for p in pending if p[1]]}
    context["seats"] = seats[:50]
    return render(request, T + "my_scoring.html", context)

"""Appraisal rounds: list, create/edit with criteria, council, admitted entries, ranking, close, scoring.

Scope: a round is seen by the users whose subtree holds its owner and by its council members (else 404);
organising needs APPRAISAL_MANAGE at the owner, scoring needs a seat on the round's council (else 403).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import apply_service_error, form_page
from danvan.core.paging import paginate, query_without_page
from danvan.lib import vntext
from danvan.lib.htmx import render_page
from danvan.org.models import Unit
from danvan.plans.programme.forms import add_item_picker
from danvan.plans.programme.services import save_carrying
from danvan.plans.programme.shown import with_programme_item

from ..models import AppraisalRound, RoundEntry, ScoreSheet
from . import policy, selectors, services
from .forms import AdmitForm, CloseForm, MembersForm, RoundForm, SheetForm

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

T = "recognition/appraisal/"


def _round_or_404(request, pk) -> AppraisalRound:
    rounds = AppraisalRound.objects.visible_to(request.user).select_related("owner")
    return get_object_or_404(with_programme_item(rounds, request.user), pk=pk)


@login_required
def round_list(request):
    if not policy.may_enter(request.user):
        raise PermissionDenied
    rounds = selectors.round_list(request.user)
    if year := request.GET.get("year", "").strip():
        rounds = rounds.filter(year=year) if year.isdigit() else rounds.none()
    context = {
        "page": paginate(request, rounds),
        "query": query_without_page(request),
        "year": year,
        "can_create": access.has_cap(request.user, Cap.APPRAISAL_MANAGE),
    }
    return render(request, T + "round_list.html", context)


def _round_form_page(request, round_: AppraisalRound | None, form: RoundForm, save, message: str):
    def saved(result: AppraisalRound):
        messages.success(request, message % {"name": result.name})
        return redirect("recognition:round_detail", pk=result.pk)

    context = {"formset": form.criteria, "round": round_, "criteria_locked": form.criteria_locked}
    return form_page(
        request, form, template=T + "round_form.html", context=context, save=save, on_success=saved
    )


@login_required
def round_new(request):
    access.require(request.user, Cap.APPRAISAL_MANAGE)
    form = RoundForm(
        request.POST or None,
        visible_units=Unit.objects.visible_to(request.user),
        default_criteria=services.DEFAULT_CRITERIA,
    )
    add_item_picker(form, request)

    def save(data):
        return save_carrying(actor=request.user, data=data, save=create)

    def create(data):
        return services.round_create(
            actor=request.user,
            owner=data["owner"],
            name=data["name"],
            year=data["year"],
            level=data["level"],
            threshold=data["threshold"],
            criteria=form.criteria_rows(),
        )

    return _round_form_page(request, None, form, save, _("Đã tạo đợt thẩm định «%(name)s»."))


@login_required
def round_edit(request, pk):
    round_ = _round_or_404(request, pk)
    policy.require_manage(request.user, round_)
    if round_.status == AppraisalRound.Status.CLOSED:
        messages.error(request, _("Đợt thẩm định đã kết thúc; không sửa được nữa."))
        return redirect("recognition:round_detail", pk=round_.pk)
    locked = ScoreSheet.objects.filter(entry__round=round_).exists()
    form = RoundForm(request.POST or None, instance=round_, criteria_locked=locked)
    add_item_picker(form, request, current=round_.programme_item)

    def save(data):
        return save_carrying(actor=request.user, data=data, save=update)

    def update(data):
        return services.round_update(
            actor=request.user,
            round_=round_,
            name=data["name"],
            year=data["year"],
            level=data["level"],
            threshold=data["threshold"],
            criteria=form.criteria_rows(),
            expected_version=data.get("version"),
        )

    return _round_form_page(request, round_, form, save, _("Đã lưu đợt thẩm định."))


def _ranking_lines(rows):
    """(row, threshold line drawn above it) pairs and whether the line falls after the last row."""
    first_below = next((i for i, row in enumerate(rows) if not row.meets_threshold), None)
    lines = [(row, i == first_below and i > 0) for i, row in enumerate(rows)]
    return lines, bool(rows) and first_below is None


def _detail_context(request, round_: AppraisalRound, close_form=None) -> dict:
    user = request.user
    manage = policy.can_manage(user, round_)
    members = selectors.members_with_counts(round_)
    seat = next((m for m in members if m.user_id == user.pk), None)
    if seat is None and not manage:
        raise PermissionDenied
    is_open = round_.status == AppraisalRound.Status.OPEN
    criteria = list(round_.criteria.all())
    my_sheets, own_paths = {}, []
    if seat is not None:
        my_sheets = selectors.sent_sheets(seat)
        own_paths = policy.own_unit_paths(user)
    rows = selectors.ranking(round_)
    scorable = [r for r in rows if not policy.is_own_unit(r.entry.exemplar.unit.path, own_paths)]
    scored_all = seat is not None and all(r.entry.pk in my_sheets for r in scorable)
    # A seated member sees others' scores only once their own sheets are sent, even when they also organise
    # the round; an organiser without a seat sees the ranking as it forms.
    see_ranking = not is_open or (scored_all if seat is not None else manage)
    may_close = is_open and (manage or (seat is not None and seat.is_chair))
    if may_close and close_form is None:
        close_form = CloseForm(rows=rows)
    lines, line_at_end = _ranking_lines(rows)
    ranks = [r.rank for r in rows if r.rank is not None]
    entries = [
        {
            "row": row,
            "sent_at": my_sheets.get(row.entry.pk),
            "own_unit": seat is not None and policy.is_own_unit(row.entry.exemplar.unit.path, own_paths),
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


def _back_to_round(request, round_: AppraisalRound, message):
    def done(result):
        messages.success(request, message(result))
        return redirect("recognition:round_detail", pk=round_.pk)

    return done


@login_required
def round_members(request, pk):
    round_ = _round_or_404(request, pk)
    policy.require_manage(request.user, round_)
    form = MembersForm(request.POST or None, candidates=selectors.member_candidates(round_), round_=round_)
    return form_page(
        request,
        form,
        template=T + "round_members.html",
        context={"round": round_},
        save=lambda data: services.members_set(
            actor=request.user, round_=round_, users=list(data["users"]), chair=data["chair"]
        ),
        on_success=_back_to_round(request, round_, lambda _members: _("Đã lưu hội đồng thẩm định.")),
    )


@login_required
def round_admit(request, pk):
    round_ = _round_or_404(request, pk)
    policy.require_manage(request.user, round_)
    candidates = selectors.admissible_exemplars(actor=request.user, round_=round_)
    form = AdmitForm(request.POST or None, candidates=candidates)
    q = request.GET.get("q", "").strip()
    context = {
        "round": round_,
        "page": paginate(request, selectors.admissible_page(candidates, q)),
        "query": query_without_page(request),
        "q": q,
        "chosen": {str(v) for v in (form["exemplars"].value() or [])},
    }
    if request.method == "POST" and form.is_valid():
        try:
            entries = services.entries_admit(
                actor=request.user, round_=round_, exemplars=list(form.cleaned_data["exemplars"])
            )
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Đã đưa %(n)s hồ sơ vào thẩm định.") % {"n": len(entries)})
            return redirect("recognition:round_detail", pk=round_.pk)
    return render_page(request, T + "round_admit.html", {**context, "form": form}, partial="candidates")


@login_required
@require_POST
def round_close(request, pk):
    round_ = _round_or_404(request, pk)
    if not policy.may_close(request.user, round_):
        raise PermissionDenied
    form = CloseForm(request.POST, request.FILES, rows=selectors.ranking(round_))
    if form.is_valid():
        try:
            services.round_close(
                actor=request.user, round_=round_, decisions=form.decisions(), **form.closing_fields()
            )
            messages.success(request, _("Đã kết thúc đợt thẩm định và ghi nhận quyết định."))
            return redirect("recognition:round_detail", pk=round_.pk)
        except ServiceError as error:
            apply_service_error(form, error)
    context = _detail_context(request, round_, close_form=form)
    return render(request, T + "round_detail.html", context)


@login_required
def round_result(request, pk):
    """The closed round's result document (DOCX, official format), built from the round as it was closed."""
    round_ = _round_or_404(request, pk)
    if not (policy.can_manage(request.user, round_) or policy.seat_of(request.user, round_)):
        raise PermissionDenied
    if round_.status != AppraisalRound.Status.CLOSED:
        messages.error(request, _("Đợt chưa kết thúc: thông báo kết quả có sau khi hội đồng kết thúc đợt."))
        return redirect("recognition:round_detail", pk=round_.pk)
    from danvan.core.files.serving import content_disposition

    from .documents import round_result_docx

    data = round_result_docx(selectors.round_result(round_))
    response = HttpResponse(data, content_type=DOCX)
    name = f"thong-bao-ket-qua-tham-dinh-{round_.year}-{round_.pk}.docx"
    response["Content-Disposition"] = content_disposition(inline=False, filename=name)
    return response


@login_required
def round_score(request, pk, entry_pk):
    round_ = _round_or_404(request, pk)
    entry = get_object_or_404(
        RoundEntry.objects.select_related("exemplar__unit", "exemplar__field"), round=round_, pk=entry_pk
    )
    seat = policy.seat_of(request.user, round_)
    if seat is None:
        raise PermissionDenied
    entry.round = round_
    criteria = list(round_.criteria.all())
    own, others = selectors.visible_sheets(user=request.user, entry=entry)
    own_unit = policy.is_own_unit(entry.exemplar.unit.path, policy.own_unit_paths(request.user))
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
    following = selectors.next_to_score(round_, seat, entry)
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
        "next_url": reverse("recognition:round_score", args=[round_.pk, following]) if following else "",
    }
    return render(request, T + "sheet.html", context)


@login_required
def round_my(request):
    if not policy.may_enter(request.user):
        raise PermissionDenied
    pending = selectors.my_pending(request.user)
    context = {"pending": [p for p in pending if not p[1]], "skipped": [p for p in pending if p[1]]}
    context["seats"] = selectors.my_seats(request.user)[:50]
    return render(request, T + "my_scoring.html", context)

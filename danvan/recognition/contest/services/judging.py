"""Judging the press contest: rounds and their judges, one mark per judge, entry and round, closing a
round and choosing the entries that go on. Every write atomic, validated and audited."""

from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext

from ...models import Contest, ContestEntry, ContestRound, EntryScore
from .. import policy
from ..selectors import TWO_PLACES, format_points, judge_candidates, round_entries, round_index, rounds_of

# --- rounds and scores -----------------------------------------------------------------------------------


def _points(value, *, field_name: str = "points") -> Decimal:
    try:
        points = Decimal(str(value).replace(",", ".")).quantize(TWO_PLACES)
    except (InvalidOperation, ValueError):
        raise ServiceError(_("Điểm phải là một số."), field=field_name) from None
    return points


@transaction.atomic
def round_save(
    *,
    actor,
    contest: Contest,
    name: str,
    order: int,
    max_points,
    judges=(),
    round_: ContestRound | None = None,
) -> ContestRound:
    policy.require_manage(actor, contest)
    name = vntext.clean_text(name)
    if not name:
        raise ServiceError(_("Hãy ghi tên vòng chấm (ví dụ: Sơ khảo, Chung khảo)."), field="name")
    max_points = _points(max_points, field_name="max_points")
    if max_points <= 0:
        raise ServiceError(_("Điểm tối đa phải lớn hơn 0."), field="max_points")
    clash = contest.rounds.filter(order=order)
    if round_ is not None:
        clash = clash.exclude(pk=round_.pk)
        if round_.scores.exists() and round_.max_points != max_points:
            raise ServiceError(_("Vòng đã có điểm chấm nên không đổi điểm tối đa được."), field="max_points")
    if clash.exists():
        raise ServiceError(_("Đã có vòng chấm với thứ tự này."), field="order")
    if (
        round_ is not None
        and round_.order != order
        and EntryScore.objects.filter(round__contest=contest).exists()
    ):
        raise ServiceError(_("Cuộc thi đã có điểm chấm nên không đổi thứ tự các vòng được."), field="order")
    allowed = set(judge_candidates(contest).values_list("pk", flat=True))
    outside = [str(j) for j in judges if j.pk not in allowed]
    if outside:
        raise ServiceError(
            _("Không có quyền chấm điểm trong phạm vi cuộc thi: %(names)s.") % {"names": ", ".join(outside)},
            field="judges",
        )
    creating = round_ is None
    round_ = round_ or ContestRound(contest=contest)
    round_.name, round_.order, round_.max_points = name[:120], order, max_points
    round_.save()
    round_.judges.set(judges)
    audit.record(
        actor=actor,
        verb="create" if creating else "update",
        obj=round_,
        summary=_("Lưu vòng chấm %(name)s (%(n)s giám khảo)") % {"name": name, "n": len(judges)},
        unit_path=contest.owner.path,
    )
    return round_


def _locked_round(round_: ContestRound) -> ContestRound:
    return (
        ContestRound.objects.select_for_update(of=("self",))
        .select_related("contest__owner")
        .get(pk=round_.pk)
    )


@transaction.atomic
def score_record(
    *, actor, round_: ContestRound, entry: ContestEntry, points, comment: str = ""
) -> EntryScore:
    """One judge, one entry, one round, one mark: in range, while the round is open, never twice."""
    round_ = _locked_round(round_)
    access.require(actor, Cap.CONTEST_JUDGE)
    if not round_.judges.filter(pk=actor.pk).exists():
        raise ServiceError(_("Bạn không phải giám khảo của vòng «%(r)s».") % {"r": round_.name})
    if round_.status != ContestRound.Status.OPEN:
        raise ServiceError(_("Vòng «%(r)s» đã kết thúc: không chấm thêm được.") % {"r": round_.name})
    if entry.contest_id != round_.contest_id or not round_entries(round_).filter(pk=entry.pk).exists():
        raise ServiceError(_("Tác phẩm này không thuộc vòng «%(r)s».") % {"r": round_.name})
    points = _points(points)
    if points < 0 or points > round_.max_points:
        raise ServiceError(
            _("Điểm phải từ 0 đến %(max)s.") % {"max": format_points(round_.max_points)}, field="points"
        )
    if EntryScore.objects.filter(round=round_, entry=entry, judge=actor).exists():
        raise ServiceError(_("Bạn đã chấm tác phẩm này ở vòng này; điểm đã chấm không sửa được."))
    try:
        with transaction.atomic():
            score = EntryScore.objects.create(
                round=round_, entry=entry, judge=actor, points=points, comment=vntext.nfc(comment).strip()
            )
    except IntegrityError:
        raise ServiceError(_("Bạn đã chấm tác phẩm này ở vòng này; điểm đã chấm không sửa được.")) from None
    audit.record(
        actor=actor,
        verb="score",
        obj=entry,
        summary=_("Chấm %(p)s điểm ở vòng %(r)s") % {"p": format_points(points), "r": round_.name},
        unit_path=round_.contest.owner.path,
    )
    return score


@transaction.atomic
def round_close(*, actor, round_: ContestRound) -> ContestRound:
    round_ = _locked_round(round_)
    policy.require_manage(actor, round_.contest)
    round_.status = ContestRound.Status.CLOSED
    round_.closed_at = timezone.now()
    round_.save(update_fields=["status", "closed_at", "updated_at"])
    audit.record(
        actor=actor,
        verb="close",
        obj=round_,
        summary=_("Kết thúc vòng chấm"),
        unit_path=round_.contest.owner.path,
    )
    return round_


@transaction.atomic
def round_reopen(*, actor, round_: ContestRound) -> ContestRound:
    round_ = _locked_round(round_)
    policy.require_manage(actor, round_.contest)
    if round_.contest.status == Contest.Status.FINISHED:
        raise ServiceError(_("Cuộc thi đã công bố kết quả: không mở lại vòng chấm được."))
    round_.status = ContestRound.Status.OPEN
    round_.closed_at = None
    round_.save(update_fields=["status", "closed_at", "updated_at"])
    audit.record(
        actor=actor,
        verb="reopen",
        obj=round_,
        summary=_("Mở lại vòng chấm"),
        unit_path=round_.contest.owner.path,
    )
    return round_


@transaction.atomic
def round_advance(*, actor, round_: ContestRound, entries) -> int:
    """The chosen entries of a closed round go on to the next round; the others stop at this one."""
    round_ = _locked_round(round_)
    policy.require_manage(actor, round_.contest)
    if round_.status != ContestRound.Status.CLOSED:
        raise ServiceError(
            _("Hãy kết thúc vòng «%(r)s» trước khi chọn tác phẩm vào vòng sau.") % {"r": round_.name}
        )
    index = round_index(round_)
    if index + 1 >= len(rounds_of(round_.contest)):
        raise ServiceError(_("Chưa có vòng sau vòng «%(r)s».") % {"r": round_.name})
    following = [r for r in rounds_of(round_.contest) if (r.order, r.pk) > (round_.order, round_.pk)]
    if EntryScore.objects.filter(round__in=following).exists():
        raise ServiceError(_("Vòng sau đã có điểm chấm: không đổi danh sách tác phẩm vào vòng sau được."))
    in_round = round_entries(round_)
    chosen = {e.pk for e in entries}
    unknown = chosen - set(in_round.values_list("pk", flat=True))
    if unknown:
        raise ServiceError(_("Có tác phẩm không thuộc vòng «%(r)s».") % {"r": round_.name})
    in_round.filter(pk__in=chosen).update(stage=index + 1)
    in_round.exclude(pk__in=chosen).update(stage=index)
    audit.record(
        actor=actor,
        verb="advance",
        obj=round_,
        summary=_("Chọn %(n)s tác phẩm vào vòng sau") % {"n": len(chosen)},
        unit_path=round_.contest.owner.path,
    )
    return len(chosen)

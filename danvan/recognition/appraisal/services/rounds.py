"""Setting up an appraisal round: the round and its criteria, the council, the admitted entries.

Every write is atomic, validated and audited; every refusal is a ServiceError with a Vietnamese message.
The reads (ranking, the sheets a member may see) are in selectors, the per-object rules in policy.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.org.models import Unit
from danvan.plans.programme.services import check_item, write_link

from ...models import AppraisalRound, CouncilMember, Criterion, Exemplar, RoundEntry, ScoreSheet
from ..selectors import ADMISSIBLE, CENT, member_candidates

DEFAULT_CRITERIA: list[dict] = [
    {"name": "Tính thiết thực, phù hợp", "max_points": Decimal("20")},
    {"name": "Tính sáng tạo, đổi mới", "max_points": Decimal("20")},
    {"name": "Hiệu quả kinh tế - xã hội", "max_points": Decimal("25")},
    {"name": "Sự tham gia của Nhân dân", "max_points": Decimal("20")},
    {"name": "Khả năng duy trì, nhân rộng", "max_points": Decimal("15")},
]

# --- rounds and criteria ---------------------------------------------------------------------------------


def _clean_criteria(criteria: list[dict]) -> list[tuple[str, Decimal]]:
    cleaned = []
    for item in criteria:
        name = vntext.clean_text(item.get("name", ""))
        raw = item.get("max_points")
        if not name and raw in (None, ""):
            continue
        if not name:
            raise ServiceError(_("Tiêu chí có điểm tối đa nhưng chưa có tên."), field="criteria")
        try:
            points = Decimal(str(raw))
        except (InvalidOperation, TypeError, ValueError):
            points = None
        if points is None or not points.is_finite() or points <= 0 or points >= 10000:
            raise ServiceError(
                _("Điểm tối đa của tiêu chí «%(name)s» phải là số dương.") % {"name": name}, field="criteria"
            )
        if points != points.quantize(CENT):
            raise ServiceError(
                _("Điểm tối đa của tiêu chí «%(name)s» chỉ lấy tới hai chữ số thập phân.") % {"name": name},
                field="criteria",
            )
        cleaned.append((name[:300], points))
    if not cleaned:
        raise ServiceError(_("Đợt thẩm định cần ít nhất một tiêu chí chấm điểm."), field="criteria")
    return cleaned


def _check_threshold(threshold, maximum: Decimal) -> Decimal:
    try:
        value = Decimal(str(threshold))
    except (InvalidOperation, TypeError, ValueError):
        value = None
    if value is None or not value.is_finite() or value < 0:
        raise ServiceError(_("Điểm tối thiểu để công nhận phải là số không âm."), field="threshold")
    if value > maximum:
        raise ServiceError(
            _("Điểm tối thiểu để công nhận (%(t)s) vượt tổng điểm tối đa các tiêu chí (%(m)s).")
            % {"t": value, "m": maximum},
            field="threshold",
        )
    return value.quantize(CENT)


def _check_level_year(level: str, year: int) -> None:
    if level not in AppraisalRound.Level.values:
        raise ServiceError(_("Cấp thẩm định không hợp lệ."), field="level")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        raise ServiceError(_("Năm phải trong khoảng 2000–2100."), field="year")


def lock_round(round_: AppraisalRound) -> AppraisalRound:
    """Re-read the round under a row lock: submits and the close are serialised on it."""
    return AppraisalRound.objects.select_for_update(of=("self",)).select_related("owner").get(pk=round_.pk)


def _open_round_for_organiser(actor, round_: AppraisalRound) -> AppraisalRound:
    """How every change to a round's set-up starts: the organiser's check, the row lock, the round open."""
    access.require(actor, Cap.APPRAISAL_MANAGE, round_.owner)
    locked = lock_round(round_)
    require_open(locked)
    return locked


def require_open(round_: AppraisalRound, consequence: str = "") -> None:
    if round_.status != AppraisalRound.Status.OPEN:
        when = timezone.localtime(round_.closed_at).strftime("%d/%m/%Y") if round_.closed_at else "—"
        raise ServiceError(
            _("Đợt thẩm định đã kết thúc ngày %(when)s; %(consequence)s.")
            % {"when": when, "consequence": consequence or _("không thay đổi được nữa")}
        )


@transaction.atomic
def round_create(
    *,
    actor,
    owner: Unit,
    name: str,
    year: int,
    level: str,
    threshold,
    criteria: list[dict] | None = None,
) -> AppraisalRound:
    access.require(actor, Cap.APPRAISAL_MANAGE, owner)
    name = vntext.clean_text(name)
    if not name:
        raise ServiceError(_("Hãy ghi tên đợt thẩm định."), field="name")
    _check_level_year(level, year)
    cleaned = _clean_criteria(DEFAULT_CRITERIA if criteria is None else criteria)
    round_ = AppraisalRound(owner=owner, name=name[:300], year=year, level=level)
    round_.threshold = _check_threshold(threshold, sum(p for _n, p in cleaned))
    round_.save_checked(expected_version=None)
    Criterion.objects.bulk_create(
        Criterion(round=round_, order=i, name=n, max_points=p) for i, (n, p) in enumerate(cleaned)
    )
    audit.record(
        actor=actor,
        verb="create",
        obj=round_,
        summary=_("Tạo đợt thẩm định với %(n)s tiêu chí") % {"n": len(cleaned)},
        unit_path=owner.path,
    )
    return round_


@transaction.atomic
def round_update(
    *,
    actor,
    round_: AppraisalRound,
    name: str,
    year: int,
    level: str,
    threshold,
    criteria: list[dict] | None = None,
    expected_version: int | None = None,
) -> AppraisalRound:
    """Edit the round's heading fields and, when given, its criteria (see criteria_save)."""
    locked = _open_round_for_organiser(actor, round_)
    name = vntext.clean_text(name)
    if not name:
        raise ServiceError(_("Hãy ghi tên đợt thẩm định."), field="name")
    _check_level_year(level, year)
    if year != locked.year and locked.entries.exists():
        raise ServiceError(_("Đợt đã có hồ sơ được đưa vào thẩm định nên không đổi năm được."), field="year")
    before = audit.snapshot(locked, ["name", "year", "level", "threshold"])
    if criteria is not None:
        criteria_save(actor=actor, round_=locked, criteria=criteria)
    maximum = sum(locked.criteria.values_list("max_points", flat=True), Decimal(0))
    locked.name, locked.year, locked.level = name[:300], year, level
    locked.threshold = _check_threshold(threshold, maximum)
    locked.save_checked(expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="update",
        obj=locked,
        summary=_("Sửa đợt thẩm định"),
        changes=audit.field_changes(before, audit.snapshot(locked, list(before))),
        unit_path=locked.owner.path,
    )
    return locked


@transaction.atomic
def criteria_save(*, actor, round_: AppraisalRound, criteria: list[dict]) -> list[Criterion]:
    """Replace the round's criteria; only while no score sheet has been submitted (scores point at them)."""
    locked = _open_round_for_organiser(actor, round_)
    if ScoreSheet.objects.filter(entry__round=locked).exists():
        raise ServiceError(
            _("Đã có phiếu chấm được gửi nên không sửa được tiêu chí của đợt này."), field="criteria"
        )
    cleaned = _clean_criteria(criteria)
    maximum = sum((p for _n, p in cleaned), Decimal(0))
    if locked.threshold > maximum:
        raise ServiceError(
            _("Tổng điểm tối đa các tiêu chí (%(m)s) thấp hơn điểm tối thiểu để công nhận (%(t)s).")
            % {"m": maximum, "t": locked.threshold},
            field="criteria",
        )
    before = [f"{c.name}: {c.max_points}" for c in locked.criteria.all()]
    locked.criteria.all().delete()
    saved = Criterion.objects.bulk_create(
        Criterion(round=locked, order=i, name=n, max_points=p) for i, (n, p) in enumerate(cleaned)
    )
    after = [f"{c.name}: {c.max_points}" for c in saved]
    audit.record(
        actor=actor,
        verb="criteria",
        obj=locked,
        summary=_("Lưu %(n)s tiêu chí, tổng %(m)s điểm") % {"n": len(saved), "m": maximum},
        changes={"criteria": [before, after]} if before != after else {},
        unit_path=locked.owner.path,
    )
    return saved


# --- council and entries ---------------------------------------------------------------------------------


@transaction.atomic
def members_set(*, actor, round_: AppraisalRound, users: list, chair) -> list[CouncilMember]:
    """The council: the given users, one of them its chair. A member who has sent a sheet stays."""
    locked = _open_round_for_organiser(actor, round_)
    chosen = {u.pk: u for u in users}
    if not chosen:
        raise ServiceError(_("Hội đồng cần ít nhất một thành viên."), field="users")
    if chair is None or chair.pk not in chosen:
        raise ServiceError(_("Chủ tịch hội đồng phải là một thành viên của hội đồng."), field="chair")
    allowed = set(member_candidates(locked).filter(pk__in=chosen).values_list("pk", flat=True))
    outside = [str(u) for pk, u in chosen.items() if pk not in allowed]
    if outside:
        raise ServiceError(
            _("Không thuộc đơn vị tổ chức hoặc cấp trên của đơn vị: %(names)s.")
            % {"names": ", ".join(outside[:5])},
            field="users",
        )
    current = {m.user_id: m for m in locked.members.select_related("user")}
    leaving = [m for uid, m in current.items() if uid not in chosen]
    scored = [str(m.user) for m in leaving if m.sheets.exists()]
    if scored:
        raise ServiceError(
            _("Không bỏ được thành viên đã gửi phiếu chấm: %(names)s.") % {"names": ", ".join(scored)},
            field="users",
        )
    CouncilMember.objects.filter(pk__in=[m.pk for m in leaving]).delete()
    CouncilMember.objects.bulk_create(
        CouncilMember(round=locked, user=u, is_chair=False) for pk, u in chosen.items() if pk not in current
    )
    CouncilMember.objects.filter(round=locked).update(is_chair=False)
    CouncilMember.objects.filter(round=locked, user=chair).update(is_chair=True)
    members = list(locked.members.select_related("user").order_by("-is_chair", "user__full_name"))
    audit.record(
        actor=actor,
        verb="council",
        obj=locked,
        summary=_("Hội đồng %(n)s thành viên, chủ tịch: %(chair)s") % {"n": len(members), "chair": chair},
        changes={
            "members": [sorted(str(m.user) for m in current.values()), sorted(str(m.user) for m in members)]
        },
        unit_path=locked.owner.path,
    )
    return members


@transaction.atomic
def entries_admit(*, actor, round_: AppraisalRound, exemplars: list[Exemplar]) -> list[RoundEntry]:
    """Admit exemplars to the round (status: being appraised). Already admitted ones are left as they are."""
    locked = _open_round_for_organiser(actor, round_)
    if not exemplars:
        raise ServiceError(_("Chưa chọn mô hình, điển hình nào."), field="exemplars")
    ids = {e.pk for e in exemplars}
    rows = {
        e.pk: e
        for e in Exemplar.objects.select_for_update(of=("self",)).select_related("unit").filter(pk__in=ids)
    }
    visible = set(
        Exemplar.objects.visible_to(actor)
        .filter(pk__in=ids)
        .filter(access.subtree_q("unit__path", [locked.owner.path]))
        .values_list("pk", flat=True)
    )
    already = set(locked.entries.filter(exemplar__in=ids).values_list("exemplar_id", flat=True))
    problems = []
    for pk in sorted(ids):
        exemplar = rows.get(pk)
        if exemplar is None or pk not in visible:
            problems.append(_("«%(t)s» ngoài phạm vi của đơn vị tổ chức") % {"t": exemplar or pk})
        elif pk in already:
            continue
        elif exemplar.year != locked.year:
            problems.append(
                _("«%(t)s» đăng ký năm %(y)s, không phải năm %(r)s")
                % {"t": exemplar, "y": exemplar.year, "r": locked.year}
            )
        elif exemplar.status not in ADMISSIBLE:
            problems.append(
                _("«%(t)s» đang ở trạng thái «%(s)s»") % {"t": exemplar, "s": exemplar.get_status_display()}
            )
    if problems:
        raise ServiceError(
            _("Không đưa vào thẩm định được: %(list)s.") % {"list": "; ".join(problems[:5])},
            field="exemplars",
        )
    new = [rows[pk] for pk in sorted(ids) if pk not in already]
    entries = RoundEntry.objects.bulk_create(RoundEntry(round=locked, exemplar=e) for e in new)
    for exemplar in new:
        exemplar.status = Exemplar.Status.IN_ROUND
        exemplar.save_checked(expected_version=None)
    audit.record(
        actor=actor,
        verb="admit",
        obj=locked,
        summary=_("Đưa %(n)s hồ sơ vào thẩm định: %(list)s")
        % {"n": len(new), "list": "; ".join(e.title for e in new[:10])},
        unit_path=locked.owner.path,
    )
    return entries


# --- the programme item the round carries out --------------------------------------------------------------


@transaction.atomic
def round_link_programme_item(
    *, actor, obj: AppraisalRound, item, note: str = "", checked: bool = True, expected_version=None
) -> AppraisalRound:
    """Set (None: clear) the programme item (plans.Task) the round carries out; unchanged: nothing written.
    A closed round may still be linked (the link says what it carried out, not how it is set up).
    Registered with plans.programme.services, whose ``link_item`` dispatches here. ``checked=False`` only for
    the programme's carry-over when an amended programme is issued."""
    round_ = lock_round(obj)
    if round_.programme_item_id == (item.pk if item else None):
        return round_
    if checked:
        access.require(actor, Cap.APPRAISAL_MANAGE, round_.owner)
        check_item(actor=actor, obj=round_, item=item)
    return write_link(
        round_,
        actor=actor,
        item=item,
        note=note,
        unit_path=round_.owner.path,
        expected_version=expected_version,
    )

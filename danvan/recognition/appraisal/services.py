"""Appraisal rounds of the "Dân vận khéo" movement: criteria, council, entries, score sheets, ranking, close.

Every write is atomic, validated and audited; every refusal is a ServiceError with a Vietnamese message.
Independence of the council: a member sees only their own sheet of an entry until they have submitted it;
organisers (APPRAISAL_MANAGE at the owner) see totals and averages at any time.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import RoleAssignment, User
from danvan.core import access, audit
from danvan.core.access import Cap, Role
from danvan.core.concurrency import save_if_current
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.org.models import Person, Unit

from ..models import AppraisalRound, CouncilMember, Criterion, Exemplar, RoundEntry, Score, ScoreSheet

CENT = Decimal("0.01")

DEFAULT_CRITERIA: list[dict] = [
    {"name": "Tính thiết thực, phù hợp", "max_points": Decimal("20")},
    {"name": "Tính sáng tạo, đổi mới", "max_points": Decimal("20")},
    {"name": "Hiệu quả kinh tế - xã hội", "max_points": Decimal("25")},
    {"name": "Sự tham gia của Nhân dân", "max_points": Decimal("20")},
    {"name": "Khả năng duy trì, nhân rộng", "max_points": Decimal("15")},
]

# An entry's decision at close → the exemplar's status.
DECISION_STATUS = {
    RoundEntry.Decision.RECOGNISED: Exemplar.Status.RECOGNISED,
    RoundEntry.Decision.PROPOSED: Exemplar.Status.PROPOSED,
    RoundEntry.Decision.NOT_RECOGNISED: Exemplar.Status.NOT_RECOGNISED,
}

# Exemplars a round may admit: registered this year, or proposed up by a lower level's round.
ADMISSIBLE = (Exemplar.Status.REGISTERED, Exemplar.Status.PROPOSED)


# --- reads -----------------------------------------------------------------------------------------------


def rounds_visible_to(user):
    """Rounds owned in the user's subtrees, and rounds where the user holds a seat on the council."""
    rounds = AppraisalRound.objects.all()
    if not getattr(user, "is_authenticated", False):
        return rounds.none()
    if access.sees_everything(user):
        return rounds
    seated = Exists(CouncilMember.objects.filter(round=OuterRef("pk"), user=user))
    paths = access.scope_paths(user)
    return rounds.filter(access.subtree_q("owner__path", paths) | Q(seated))


def can_manage(user, round_: AppraisalRound) -> bool:
    return access.has_cap(user, Cap.APPRAISAL_MANAGE, round_.owner)


def seat_of(user, round_: AppraisalRound) -> CouncilMember | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return CouncilMember.objects.filter(round=round_, user=user).first()


def own_unit_paths(user) -> list[str]:
    """The units a council member belongs to: where they hold a role (the council-member role itself is
    held where the council sits, over what it scores, so it does not count) and their person record's unit.
    """
    paths = set(
        RoleAssignment.objects.filter(user=user, unit__isnull=False)
        .exclude(role=Role.COUNCIL_MEMBER)
        .values_list("unit__path", flat=True)
    )
    if user.person_id:
        person_path = Person.objects.filter(pk=user.person_id).values_list("unit__path", flat=True).first()
        if person_path:
            paths.add(person_path)
    return sorted(paths)


def is_own_unit(unit_path: str, own_paths: list[str]) -> bool:
    return any(unit_path.startswith(p) for p in own_paths)


def member_candidates(round_: AppraisalRound):
    """Who may sit on the council: users holding a role in the owner's subtree or on one of its ancestors."""
    path = round_.owner.path
    ancestors = [path[:i] for i in range(access.SEGMENT_WIDTH, len(path) + 1, access.SEGMENT_WIDTH)]
    units = Q(assignments__unit__path__in=ancestors) | access.subtree_q("assignments__unit__path", [path])
    return User.objects.filter(is_active=True).filter(units).distinct().order_by("full_name", "username")


def admissible_exemplars(*, actor, round_: AppraisalRound):
    """Exemplars the actor sees, registered in the round's year in the owner's subtree, not yet admitted."""
    return (
        Exemplar.objects.visible_to(actor)
        .filter(access.subtree_q("unit__path", [round_.owner.path]))
        .filter(year=round_.year, status__in=ADMISSIBLE)
        .exclude(round_entries__round=round_)
    )


@dataclass
class RankingRow:
    entry: RoundEntry
    sheets_submitted: int
    total_sum: Decimal | None
    average: Decimal | None
    rank: int | None
    meets_threshold: bool


def ranking(round_: AppraisalRound) -> list[RankingRow]:
    """Entries by average of the submitted sheets' totals, best first; equal averages share a rank and the
    next rank skips ("1, 2, 2, 4"). Entries without a submitted sheet come last, unranked. One query."""
    submitted = Q(sheets__submitted_at__isnull=False)
    entries = (
        RoundEntry.objects.filter(round=round_)
        .select_related("exemplar__unit")
        .annotate(
            n_sheets=Count("sheets", filter=submitted), sum_total=Sum("sheets__total", filter=submitted)
        )
    )
    rows = []
    for entry in entries:
        average = None
        if entry.n_sheets:
            average = (Decimal(str(entry.sum_total)) / entry.n_sheets).quantize(CENT, rounding=ROUND_HALF_UP)
        total = Decimal(str(entry.sum_total)).quantize(CENT) if entry.sum_total is not None else None
        rows.append(
            RankingRow(
                entry=entry,
                sheets_submitted=entry.n_sheets,
                total_sum=total,
                average=average,
                rank=None,
                meets_threshold=average is not None and average >= round_.threshold,
            )
        )
    rows.sort(
        key=lambda r: (
            r.average is None,
            -(r.average or 0),
            vntext.sort_key(r.entry.exemplar.title),
            r.entry.pk,
        )
    )
    previous = None
    for position, row in enumerate(rows, start=1):
        if row.average is None:
            break
        row.rank = previous.rank if previous is not None and previous.average == row.average else position
        previous = row
    return rows


def visible_sheets(*, user, entry: RoundEntry) -> tuple[ScoreSheet | None, list[ScoreSheet]]:
    """(the user's own sheet, the other members' submitted sheets the user may see now).

    A member sees the others only after submitting their own; after the round closes, its organisers and
    members see them all."""
    round_ = entry.round
    sheets = (
        ScoreSheet.objects.filter(entry=entry)
        .select_related("member__user")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion")))
        .order_by("submitted_at", "id")
    )
    own = next((s for s in sheets if s.member.user_id == user.pk), None)
    closed = round_.status == AppraisalRound.Status.CLOSED
    may_see = (own is not None and own.submitted_at is not None) or (
        closed and (own is not None or can_manage(user, round_) or seat_of(user, round_) is not None)
    )
    others = [s for s in sheets if s is not own and s.submitted_at is not None] if may_see else []
    return own, others


def my_pending(user):
    """Entries of open rounds where the user sits, not yet scored by the user, with a flag for own units."""
    done = ScoreSheet.objects.filter(member__user=user, entry=OuterRef("pk"), submitted_at__isnull=False)
    entries = (
        RoundEntry.objects.filter(round__members__user=user, round__status=AppraisalRound.Status.OPEN)
        .exclude(Exists(done))
        .select_related("round", "exemplar__unit")
        .order_by("round__year", "round_id", "exemplar__title")
    )
    own_paths = own_unit_paths(user)
    return [(entry, is_own_unit(entry.exemplar.unit.path, own_paths)) for entry in entries]


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


def _lock_round(round_: AppraisalRound) -> AppraisalRound:
    """Re-read the round under a row lock: submits and the close are serialised on it."""
    return AppraisalRound.objects.select_for_update(of=("self",)).select_related("owner").get(pk=round_.pk)


def _require_open(round_: AppraisalRound, consequence: str = "") -> None:
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
    save_if_current(round_, expected_version=None)
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
    access.require(actor, Cap.APPRAISAL_MANAGE, round_.owner)
    locked = _lock_round(round_)
    _require_open(locked)
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
    save_if_current(locked, expected_version=expected_version)
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
    access.require(actor, Cap.APPRAISAL_MANAGE, round_.owner)
    locked = _lock_round(round_)
    _require_open(locked)
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
    access.require(actor, Cap.APPRAISAL_MANAGE, round_.owner)
    locked = _lock_round(round_)
    _require_open(locked)
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
    access.require(actor, Cap.APPRAISAL_MANAGE, round_.owner)
    locked = _lock_round(round_)
    _require_open(locked)
    if not exemplars:
        raise ServiceError(_("Chưa chọn mô hình, điển hình nào."), field="exemplars")
    ids = {e.pk for e in exemplars}
    rows = {e.pk: e for e in Exemplar.objects.select_for_update().filter(pk__in=ids)}
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
        exemplar.version += 1
        exemplar.save(update_fields=["status", "version", "updated_at"])
    audit.record(
        actor=actor,
        verb="admit",
        obj=locked,
        summary=_("Đưa %(n)s hồ sơ vào thẩm định: %(list)s")
        % {"n": len(new), "list": "; ".join(e.title for e in new[:10])},
        unit_path=locked.owner.path,
    )
    return entries


# --- scoring ---------------------------------------------------------------------------------------------


def _parse_points(points: dict, criteria: list[Criterion]) -> dict[int, Decimal]:
    given: dict[int, object] = {}
    for key, value in (points or {}).items():
        try:
            given[int(key)] = value
        except (TypeError, ValueError):
            raise ServiceError(_("Phiếu chấm có tiêu chí không thuộc đợt này."), field="points") from None
    known = {c.pk for c in criteria}
    if set(given) - known:
        raise ServiceError(_("Phiếu chấm có tiêu chí không thuộc đợt này."), field="points")
    missing = [c.name for c in criteria if given.get(c.pk) in (None, "")]
    if missing:
        raise ServiceError(
            _("Chưa chấm tiêu chí: %(names)s. Phiếu phải có điểm của mọi tiêu chí.")
            % {"names": "; ".join(missing)},
            field="points",
        )
    parsed, wrong = {}, []
    for criterion in criteria:
        try:
            value = Decimal(str(given[criterion.pk]).strip().replace(",", "."))
        except (InvalidOperation, ValueError):
            value = None
        if (
            value is None
            or not value.is_finite()
            or value < 0
            or value > criterion.max_points
            or value != value.quantize(CENT)
        ):
            wrong.append(
                _("«%(name)s» phải từ 0 đến %(max)s")
                % {"name": criterion.name, "max": _points_text(criterion.max_points)}
            )
        else:
            parsed[criterion.pk] = value
    if wrong:
        raise ServiceError(
            _("Điểm không hợp lệ: %(list)s (tối đa hai chữ số thập phân).") % {"list": "; ".join(wrong)},
            field="points",
        )
    return parsed


def _points_text(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def _already_sent(sheet: ScoreSheet) -> ServiceError:
    when = timezone.localtime(sheet.submitted_at).strftime("%H:%M ngày %d/%m/%Y")
    return ServiceError(_("Phiếu chấm này đã được gửi lúc %(when)s; không chấm lại được.") % {"when": when})


@transaction.atomic
def sheet_submit(*, actor, entry: RoundEntry, points: dict, comment: str = "") -> ScoreSheet:
    """A council member's scores for one entry: every criterion, each within 0..max; final once sent."""
    round_ = _lock_round(entry.round)
    _require_open(round_, _("không nhận thêm phiếu chấm"))
    member = CouncilMember.objects.filter(round=round_, user=actor).select_related("user").first()
    if member is None:
        raise ServiceError(_("Bạn không phải thành viên hội đồng thẩm định của đợt này."))
    entry = RoundEntry.objects.select_related("exemplar__unit").get(pk=entry.pk, round=round_)
    if is_own_unit(entry.exemplar.unit.path, own_unit_paths(actor)):
        raise ServiceError(
            _("Bạn không chấm hồ sơ của đơn vị mình (%(unit)s).") % {"unit": entry.exemplar.unit.name}
        )
    existing = ScoreSheet.objects.select_for_update().filter(entry=entry, member=member).first()
    if existing is not None and existing.submitted_at is not None:
        raise _already_sent(existing)
    criteria = list(round_.criteria.all())
    parsed = _parse_points(points, criteria)
    now = timezone.now()
    total = sum(parsed.values(), Decimal(0))
    try:
        with transaction.atomic():
            sheet = existing or ScoreSheet(entry=entry, member=member)
            sheet.submitted_at, sheet.total = now, total
            sheet.comment = vntext.nfc(comment or "").strip()
            sheet.save()
            sheet.scores.all().delete()
            Score.objects.bulk_create(
                Score(sheet=sheet, criterion_id=c.pk, points=parsed[c.pk]) for c in criteria
            )
    except IntegrityError:
        # Another request created the same sheet between the check and the insert.
        raise _already_sent(ScoreSheet.objects.get(entry=entry, member=member)) from None
    audit.record(
        actor=actor,
        verb="score",
        obj=sheet,
        summary=_("Gửi phiếu chấm «%(entry)s»: %(total)s điểm")
        % {"entry": entry.exemplar.title, "total": _points_text(total)},
        changes={c.name: [None, str(parsed[c.pk])] for c in criteria},
        unit_path=round_.owner.path,
    )
    return sheet


# --- close -----------------------------------------------------------------------------------------------


def default_decision(row: RankingRow) -> str:
    return RoundEntry.Decision.RECOGNISED if row.meets_threshold else RoundEntry.Decision.NOT_RECOGNISED


@transaction.atomic
def round_close(
    *,
    actor,
    round_: AppraisalRound,
    decisions: dict,
    decision_number: str,
    decision_date: date | None,
) -> AppraisalRound:
    """The chair (or an organiser) closes the round: averages, ranks and decisions are recorded with the
    decision's number and date, exemplars take their new status, and no sheet is accepted afterwards."""
    locked = _lock_round(round_)
    chair = CouncilMember.objects.filter(round=locked, user=actor, is_chair=True).exists()
    if not chair and not can_manage(actor, locked):
        raise PermissionDenied
    _require_open(locked)
    decision_number = vntext.clean_text(decision_number)
    if not decision_number:
        raise ServiceError(_("Hãy ghi số quyết định."), field="decision_number")
    if decision_date is None:
        raise ServiceError(_("Hãy ghi ngày quyết định."), field="decision_date")
    rows = ranking(locked)
    if not rows:
        raise ServiceError(_("Đợt chưa có hồ sơ nào để kết thúc."))
    chosen = {}
    for key, value in (decisions or {}).items():
        try:
            chosen[int(key)] = value
        except (TypeError, ValueError):
            continue
    problems = []
    for row in rows:
        decision = chosen.get(row.entry.pk)
        if decision not in DECISION_STATUS:
            problems.append(_("«%(t)s» chưa có quyết định") % {"t": row.entry.exemplar.title})
        elif decision != RoundEntry.Decision.NOT_RECOGNISED and not row.sheets_submitted:
            problems.append(_("«%(t)s» chưa có phiếu chấm nào") % {"t": row.entry.exemplar.title})
    if problems:
        raise ServiceError(
            _("Chưa kết thúc được: %(list)s.") % {"list": "; ".join(problems[:5])}, field="decisions"
        )
    for row in rows:
        row.entry.average, row.entry.rank = row.average, row.rank
        row.entry.decision = chosen[row.entry.pk]
    RoundEntry.objects.bulk_update([r.entry for r in rows], ["average", "rank", "decision"])
    for row in rows:
        exemplar = row.entry.exemplar
        exemplar.status = DECISION_STATUS[row.entry.decision]
        exemplar.version += 1
        exemplar.save(update_fields=["status", "version", "updated_at"])
    locked.status = AppraisalRound.Status.CLOSED
    locked.decision_number = decision_number[:60]
    locked.decision_date = decision_date
    locked.closed_at = timezone.now()
    save_if_current(locked, expected_version=None)
    counts = {d: sum(1 for r in rows if r.entry.decision == d) for d in DECISION_STATUS}
    audit.record(
        actor=actor,
        verb="close",
        obj=locked,
        summary=_(
            "Kết thúc đợt thẩm định, quyết định số %(no)s ngày %(d)s: %(rec)s công nhận, "
            "%(prop)s đề nghị cấp trên, %(not)s chưa công nhận"
        )
        % {
            "no": locked.decision_number,
            "d": decision_date.strftime("%d/%m/%Y"),
            "rec": counts[RoundEntry.Decision.RECOGNISED],
            "prop": counts[RoundEntry.Decision.PROPOSED],
            "not": counts[RoundEntry.Decision.NOT_RECOGNISED],
        },
        changes={r.entry.exemplar.title[:80]: [str(r.average), r.entry.decision] for r in rows},
        unit_path=locked.owner.path,
    )
    return locked

"""The press contest: every write atomic, validated and audited; results computed from the scores.

Who does what:
- the organiser (Cap.APPRAISAL_MANAGE at the owner unit) sets the contest, its rounds, judges and prizes,
  closes rounds, chooses the entries that go on, awards prizes;
- a unit under the owner (Cap.EXEMPLAR_REGISTER at that unit) sends entries while the contest is open;
- a judge (a judge of the round holding Cap.APPRAISAL_SCORE) gives each entry one mark per round.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.accounts.models import RoleAssignment, User
from danvan.core import access, audit
from danvan.core.access import ROLE_CAPS, Cap
from danvan.core.concurrency import save_if_current
from danvan.core.errors import ServiceError
from danvan.core.files import store
from danvan.lib import vntext
from danvan.org.models import Unit

from .models_contest import Contest, ContestEntry, ContestRound, EntryScore, Prize, PrizeAward

# Press works reach us as a link (báo điện tử, phát thanh, truyền hình) or a Word file. The upload gatekeeper
# (danvan.lib.uploads) reads Word/Excel/text only: a PDF or a scanned page cannot be vetted, so a printed
# article is sent as its online link or typed into a .docx.
ENTRY_FILE_KINDS = ("docx",)
TWO_PLACES = Decimal("0.01")


# --- access ----------------------------------------------------------------------------------------------


def can_manage(user, contest: Contest) -> bool:
    return access.has_cap(user, Cap.APPRAISAL_MANAGE, contest.owner)


def _require_manage(actor, contest: Contest) -> None:
    access.require(actor, Cap.APPRAISAL_MANAGE, contest.owner)


def is_judge(user, round_: ContestRound) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and access.has_cap(user, Cap.APPRAISAL_SCORE)
        and round_.judges.filter(pk=user.pk).exists()
    )


def judge_candidates(contest: Contest):
    """Accounts that may judge: a role with Cap.APPRAISAL_SCORE held on the whole system, on a unit under
    the organiser or on one above it."""
    roles = [role for role, caps in ROLE_CAPS.items() if Cap.APPRAISAL_SCORE in caps]
    owner = contest.owner
    assignments = RoleAssignment.objects.filter(role__in=roles).filter(
        access.subtree_q("unit__path", [owner.path])
        | Q(unit__isnull=True)
        | Q(unit__path__in=owner.ancestor_paths())
    )
    return User.objects.filter(pk__in=assignments.values("user_id"), is_active=True).order_by(
        "full_name", "username"
    )


def _check_under_owner(contest: Contest, unit: Unit) -> None:
    if not unit.path.startswith(contest.owner.path):
        raise ServiceError(
            _("Đơn vị «%(unit)s» không thuộc phạm vi cuộc thi do %(owner)s tổ chức.")
            % {"unit": unit.name, "owner": contest.owner.name},
            field="submitted_by",
        )


def _locked_contest(contest: Contest) -> Contest:
    return Contest.objects.select_for_update(of=("self",)).select_related("owner").get(pk=contest.pk)


# --- contest ---------------------------------------------------------------------------------------------


@transaction.atomic
def contest_save(
    *,
    actor,
    owner: Unit,
    name: str,
    period_text: str = "",
    description: str = "",
    contest: Contest | None = None,
    expected_version: int | None = None,
) -> Contest:
    access.require(actor, Cap.APPRAISAL_MANAGE, owner)
    if contest is not None:
        _require_manage(actor, contest)
    name = vntext.clean_text(name)
    if not name:
        raise ServiceError(_("Hãy ghi tên cuộc thi."), field="name")
    creating = contest is None
    contest = contest or Contest(owner=owner, created_by=actor)
    before = (
        audit.snapshot(contest, ["name", "period_text", "description", "owner_id"]) if not creating else {}
    )
    if not creating and contest.owner_id != owner.pk and contest.entries.exists():
        raise ServiceError(_("Cuộc thi đã có tác phẩm nên không đổi đơn vị tổ chức được."), field="owner")
    contest.owner = owner
    contest.name = name[:300]
    contest.period_text = vntext.clean_text(period_text)[:255]
    contest.description = vntext.nfc(description).strip()
    save_if_current(contest, expected_version=expected_version)
    after = audit.snapshot(contest, ["name", "period_text", "description", "owner_id"])
    audit.record(
        actor=actor,
        verb="create" if creating else "update",
        obj=contest,
        summary=_("Tạo cuộc thi báo chí") if creating else _("Sửa cuộc thi báo chí"),
        changes=audit.field_changes(before, after),
        unit_path=owner.path,
    )
    return contest


@transaction.atomic
def contest_set_status(*, actor, contest: Contest, status: str) -> Contest:
    _require_manage(actor, contest)
    if status not in Contest.Status.values:
        raise ServiceError(_("Trạng thái không hợp lệ."))
    contest = _locked_contest(contest)
    if status == Contest.Status.FINISHED and contest.rounds.filter(status=ContestRound.Status.OPEN).exists():
        raise ServiceError(_("Còn vòng chấm đang mở: hãy kết thúc các vòng trước khi công bố kết quả."))
    old = contest.status
    contest.status = status
    contest.version += 1
    contest.save(update_fields=["status", "version", "updated_at"])
    audit.record(
        actor=actor,
        verb="status",
        obj=contest,
        summary=_("Chuyển trạng thái cuộc thi: %(s)s") % {"s": contest.get_status_display()},
        changes={"status": [old, status]},
        unit_path=contest.owner.path,
    )
    return contest


# --- entries ---------------------------------------------------------------------------------------------


def _entry_upload(upload, *, max_bytes: int):
    from danvan.lib.uploads import inspect_upload

    return inspect_upload(upload, name=upload.name, allowed=ENTRY_FILE_KINDS, max_bytes=max_bytes)


@transaction.atomic
def entry_save(
    *,
    actor,
    contest: Contest,
    submitted_by: Unit,
    title: str,
    author: str,
    outlet: str,
    published_on: date | None = None,
    link: str = "",
    upload=None,
    exemplar=None,
    entry: ContestEntry | None = None,
    expected_version: int | None = None,
    max_bytes: int = 20 * 1024 * 1024,
) -> ContestEntry:
    """Send (or correct) an entry while the contest takes entries; raises UploadRejected for a bad file."""
    access.require(actor, Cap.EXEMPLAR_REGISTER, submitted_by)
    if entry is not None:
        access.require(actor, Cap.EXEMPLAR_REGISTER, entry.submitted_by)
    contest = _locked_contest(contest)
    if contest.status != Contest.Status.OPEN:
        raise ServiceError(_("Cuộc thi đã hết hạn nhận bài: không gửi hoặc sửa tác phẩm được nữa."))
    _check_under_owner(contest, submitted_by)
    title, author, outlet = vntext.clean_text(title), vntext.clean_text(author), vntext.clean_text(outlet)
    if not title:
        raise ServiceError(_("Hãy ghi tên tác phẩm."), field="title")
    if not author:
        raise ServiceError(_("Hãy ghi tác giả."), field="author")
    if not outlet:
        raise ServiceError(_("Hãy ghi cơ quan báo chí đã đăng, phát tác phẩm."), field="outlet")
    if published_on and published_on > timezone.localdate():
        raise ServiceError(_("Ngày đăng, phát không thể ở tương lai."), field="published_on")
    link = (link or "").strip()
    has_file = upload is not None or (entry is not None and bool(entry.file))
    if not link and not has_file:
        raise ServiceError(
            _("Hãy ghi đường dẫn tới tác phẩm hoặc tải lên tệp Word (.docx) của tác phẩm."), field="link"
        )
    if exemplar is not None and not exemplar.unit.path.startswith(contest.owner.path):
        raise ServiceError(_("Mô hình, điển hình này không thuộc phạm vi cuộc thi."), field="exemplar")
    creating = entry is None
    entry = entry or ContestEntry(contest=contest, created_by=actor)
    fields = ["title", "author", "outlet", "published_on", "link", "exemplar_id", "submitted_by_id"]
    before = audit.snapshot(entry, fields) if not creating else {}
    entry.title, entry.author, entry.outlet = title[:300], author[:300], outlet[:200]
    entry.published_on, entry.link, entry.exemplar, entry.submitted_by = (
        published_on,
        link,
        exemplar,
        submitted_by,
    )
    if upload is not None:
        inspected = _entry_upload(upload, max_bytes=max_bytes)
        store(entry.file, inspected)
        entry.file_name = inspected.name
    save_if_current(entry, expected_version=expected_version)
    audit.record(
        actor=actor,
        verb="submit" if creating else "update",
        obj=entry,
        summary=_("Gửi tác phẩm dự thi") if creating else _("Sửa tác phẩm dự thi"),
        changes=audit.field_changes(before, audit.snapshot(entry, fields)),
        unit_path=submitted_by.path,
    )
    return entry


@transaction.atomic
def entry_withdraw(*, actor, entry: ContestEntry) -> None:
    contest = _locked_contest(entry.contest)
    if not (access.has_cap(actor, Cap.EXEMPLAR_REGISTER, entry.submitted_by) or can_manage(actor, contest)):
        raise PermissionDenied
    if contest.status != Contest.Status.OPEN or entry.scores.exists():
        raise ServiceError(_("Tác phẩm đã được chấm hoặc cuộc thi đã hết hạn nhận bài: không rút được."))
    audit.record(
        actor=actor,
        verb="withdraw",
        obj=entry,
        summary=_("Rút tác phẩm dự thi"),
        unit_path=entry.submitted_by.path,
    )
    entry.delete()


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
    _require_manage(actor, contest)
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


def rounds_of(contest: Contest) -> list[ContestRound]:
    return list(contest.rounds.all())


def round_index(round_: ContestRound) -> int:
    """The position of the round among the contest's rounds (0 for the first)."""
    return sum(1 for r in rounds_of(round_.contest) if (r.order, r.pk) < (round_.order, round_.pk))


def round_entries(round_: ContestRound):
    """The entries judged in this round: all entries in the first, those chosen to go on after."""
    return round_.contest.entries.filter(stage__gte=round_index(round_)).select_related("submitted_by")


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
    access.require(actor, Cap.APPRAISAL_SCORE)
    if not round_.judges.filter(pk=actor.pk).exists():
        raise ServiceError(_("Bạn không phải giám khảo của vòng «%(r)s».") % {"r": round_.name})
    if round_.status != ContestRound.Status.OPEN:
        raise ServiceError(_("Vòng «%(r)s» đã kết thúc: không chấm thêm được.") % {"r": round_.name})
    if entry.contest_id != round_.contest_id or not round_entries(round_).filter(pk=entry.pk).exists():
        raise ServiceError(_("Tác phẩm này không thuộc vòng «%(r)s».") % {"r": round_.name})
    points = _points(points)
    if points < 0 or points > round_.max_points:
        raise ServiceError(
            _("Điểm phải từ 0 đến %(max)s.") % {"max": _format_points(round_.max_points)}, field="points"
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
        summary=_("Chấm %(p)s điểm ở vòng %(r)s") % {"p": _format_points(points), "r": round_.name},
        unit_path=round_.contest.owner.path,
    )
    return score


@transaction.atomic
def round_close(*, actor, round_: ContestRound) -> ContestRound:
    round_ = _locked_round(round_)
    _require_manage(actor, round_.contest)
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
    _require_manage(actor, round_.contest)
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
    _require_manage(actor, round_.contest)
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


# --- results ---------------------------------------------------------------------------------------------


def _format_points(value) -> str:
    if value is None:
        return "—"
    text = f"{Decimal(value).quantize(TWO_PLACES):f}"
    return text.rstrip("0").rstrip(".").replace(".", ",") if "." in text else text


@dataclass
class ResultRow:
    entry: ContestEntry
    rank: int | None = None
    tied: bool = False
    average: Decimal | None = None  # in the last round the entry reached, rounded for display
    judged_by: int = 0
    round_name: str = ""
    reached_final: bool = False
    prize: str = ""
    averages: dict = field(default_factory=dict)  # round pk -> Decimal, every round

    @property
    def average_text(self) -> str:
        return _format_points(self.average)


def round_averages(round_: ContestRound) -> dict[int, tuple[Fraction, int]]:
    """entry pk -> (exact average, number of marks) for the round; one query."""
    rows = (
        EntryScore.objects.filter(round=round_)
        .values("entry_id")
        .annotate(total=Sum("points"), n=Count("id"))
    )
    return {row["entry_id"]: (Fraction(Decimal(row["total"])) / row["n"], row["n"]) for row in rows}


def _assign_ranks(rows: list[ResultRow], keys: dict) -> None:
    """Standard competition ranking (1, 2, 2, 4) over rows already sorted best first: rows with equal keys
    (exact averages, never rounded ones) share a rank and are marked tied; rows without a key get none."""
    previous, rank = None, 0
    for position, row in enumerate(rows, start=1):
        key = keys.get(row.entry.pk)
        if key is None:
            continue
        if key != previous:
            rank, previous = position, key
        row.rank = rank
    counts: dict[int, int] = {}
    for row in rows:
        if row.rank is not None:
            counts[row.rank] = counts.get(row.rank, 0) + 1
    for row in rows:
        row.tied = row.rank is not None and counts[row.rank] > 1


def contest_results(contest: Contest) -> list[ResultRow]:
    """Every entry, ranked: first those of the final round by their final-round average (ties share a rank
    and are shown as such), then those who stopped earlier, by the average of the last round they reached,
    then entries not marked at all."""
    rounds = rounds_of(contest)
    entries = list(contest.entries.select_related("submitted_by", "exemplar", "award__prize"))
    averages = {r.pk: round_averages(r) for r in rounds}
    rows = []
    for entry in entries:
        row = ResultRow(entry=entry)
        award = getattr(entry, "award", None)
        row.prize = award.prize.name if award else ""
        for r in rounds:
            if entry.pk in averages[r.pk]:
                row.averages[r.pk] = _display(averages[r.pk][entry.pk][0])
        rows.append(row)
    if not rounds:
        return rows
    reached = {row.entry.pk: min(row.entry.stage, len(rounds) - 1) for row in rows}
    exact: dict[int, Fraction] = {}
    for row in rows:
        last = rounds[reached[row.entry.pk]]
        row.round_name = last.name
        row.reached_final = reached[row.entry.pk] == len(rounds) - 1
        mark = averages[last.pk].get(row.entry.pk)
        if mark is not None:
            exact[row.entry.pk] = mark[0]
            row.judged_by = mark[1]
            row.average = _display(mark[0])

    def order(row: ResultRow):
        mark = exact.get(row.entry.pk)
        return (-reached[row.entry.pk], mark is None, -(mark or 0), vntext.sort_key(row.entry.title))

    rows.sort(key=order)
    # Ranks run on through the stages: the final round's entries first, then each earlier stage.
    _assign_ranks(rows, {pk: (-reached[pk], -value) for pk, value in exact.items()})
    return rows


def _display(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        TWO_PLACES, rounding=ROUND_HALF_UP
    )


def round_table(round_: ContestRound) -> list[ResultRow]:
    """The entries of one round ranked by their average in it (for the organiser's choice of who goes on)."""
    marks = round_averages(round_)
    rows = []
    for entry in round_entries(round_):
        row = ResultRow(entry=entry, round_name=round_.name)
        if entry.pk in marks:
            row.average = _display(marks[entry.pk][0])
            row.judged_by = marks[entry.pk][1]
        rows.append(row)
    exact = {pk: mark[0] for pk, mark in marks.items()}
    rows.sort(key=lambda r: (exact.get(r.entry.pk) is None, -(exact.get(r.entry.pk) or 0), r.entry.pk))
    _assign_ranks(rows, {pk: -value for pk, value in exact.items()})
    return rows


def results_xlsx(contest: Contest) -> bytes:
    from danvan.lib.exports.xlsx import Sheet, write_workbook

    rows = contest_results(contest)
    rounds = rounds_of(contest)
    headers = [
        _("Hạng"),
        _("Tên tác phẩm"),
        _("Tác giả"),
        _("Cơ quan báo chí"),
        _("Ngày đăng, phát"),
        _("Đơn vị gửi"),
        _("Mô hình, điển hình"),
        _("Vòng cuối đã vào"),
        _("Điểm trung bình"),
        _("Số giám khảo đã chấm"),
        _("Giải"),
        _("Đường dẫn"),
        *(_("Điểm %(round)s") % {"round": r.name} for r in rounds),
    ]

    def values():
        for row in rows:
            rank = "" if row.rank is None else (f"{row.rank} (đồng hạng)" if row.tied else row.rank)
            yield [
                rank,
                row.entry.title,
                row.entry.author,
                row.entry.outlet,
                row.entry.published_on,
                row.entry.submitted_by.name,
                row.entry.exemplar.title if row.entry.exemplar_id else "",
                row.round_name,
                float(row.average) if row.average is not None else "",
                row.judged_by,
                row.prize,
                row.entry.link,
                *(float(row.averages[r.pk]) if r.pk in row.averages else "" for r in rounds),
            ]

    notes = [contest.name, contest.period_text] if contest.period_text else [contest.name]
    return write_workbook(
        [
            Sheet(
                title=_("Kết quả"),
                headers=headers,
                rows=values(),
                widths=[12, 40, 24, 24, 14, 30, 30, 16, 12, 12, 16, 40, *([12] * len(rounds))],
                notes=notes,
            )
        ]
    )


# --- prizes ----------------------------------------------------------------------------------------------


@transaction.atomic
def prize_save(
    *, actor, contest: Contest, name: str, rank_order: int, quota: int, prize: Prize | None = None
) -> Prize:
    _require_manage(actor, contest)
    name = vntext.clean_text(name)
    if not name:
        raise ServiceError(_("Hãy ghi tên giải (ví dụ: Giải A)."), field="name")
    if quota < 1:
        raise ServiceError(_("Số giải phải từ 1 trở lên."), field="quota")
    clash = contest.prizes.filter(name__iexact=name)
    if prize is not None:
        clash = clash.exclude(pk=prize.pk)
        if prize.awards.count() > quota:
            raise ServiceError(
                _("Đã trao %(n)s giải này: số giải không thể ít hơn.") % {"n": prize.awards.count()},
                field="quota",
            )
    if clash.exists():
        raise ServiceError(_("Đã có giải cùng tên."), field="name")
    creating = prize is None
    prize = prize or Prize(contest=contest)
    prize.name, prize.rank_order, prize.quota = name[:120], rank_order, quota
    prize.save()
    audit.record(
        actor=actor,
        verb="create" if creating else "update",
        obj=prize,
        summary=_("Lưu cơ cấu giải: %(name)s × %(n)s") % {"name": prize.name, "n": quota},
        unit_path=contest.owner.path,
    )
    return prize


@transaction.atomic
def prize_award(*, actor, prize: Prize, entry: ContestEntry) -> PrizeAward:
    contest = _locked_contest(prize.contest)
    _require_manage(actor, contest)
    if entry.contest_id != contest.pk:
        raise ServiceError(_("Tác phẩm không thuộc cuộc thi này."))
    if contest.status == Contest.Status.FINISHED:
        raise ServiceError(_("Cuộc thi đã công bố kết quả: không đổi giải được."))
    if PrizeAward.objects.filter(entry=entry).exists():
        raise ServiceError(_("Tác phẩm «%(t)s» đã được trao giải.") % {"t": entry.title})
    if prize.awards.count() >= prize.quota:
        raise ServiceError(_("%(prize)s đã đủ %(n)s giải.") % {"prize": prize.name, "n": prize.quota})
    award = PrizeAward.objects.create(prize=prize, entry=entry, awarded_by=actor)
    audit.record(
        actor=actor,
        verb="award",
        obj=entry,
        summary=_("Trao %(prize)s") % {"prize": prize.name},
        unit_path=contest.owner.path,
    )
    return award


@transaction.atomic
def prize_unaward(*, actor, award: PrizeAward) -> None:
    contest = _locked_contest(award.prize.contest)
    _require_manage(actor, contest)
    if contest.status == Contest.Status.FINISHED:
        raise ServiceError(_("Cuộc thi đã công bố kết quả: không đổi giải được."))
    audit.record(
        actor=actor,
        verb="unaward",
        obj=award.entry,
        summary=_("Bỏ %(prize)s") % {"prize": award.prize.name},
        unit_path=contest.owner.path,
    )
    award.delete()


@transaction.atomic
def prizes_fill_from_results(*, actor, contest: Contest) -> tuple[int, str]:
    """Award the free prizes in ranking order (highest prize first) to the final round's marked entries
    without a prize. Stops, and says why, where tied entries would need more prizes than remain."""
    contest = _locked_contest(contest)
    _require_manage(actor, contest)
    if contest.status == Contest.Status.FINISHED:
        raise ServiceError(_("Cuộc thi đã công bố kết quả: không đổi giải được."))
    rows = [r for r in contest_results(contest) if r.reached_final and r.rank is not None and not r.prize]
    slots = []
    for prize in contest.prizes.all():
        slots.extend([prize] * max(prize.quota - prize.awards.count(), 0))
    awarded, warning = 0, ""
    groups: dict[int, list[ResultRow]] = {}
    for row in rows:
        groups.setdefault(row.rank, []).append(row)
    for rank in sorted(groups):
        group = groups[rank]
        if not slots:
            break
        needed = slots[: len(group)]
        if len(needed) < len(group) or len({p.pk for p in needed}) > 1:
            warning = _(
                "Có %(n)s tác phẩm đồng hạng %(rank)s nhưng không còn đủ giải cùng mức: hãy quyết định "
                "và trao giải cho các tác phẩm này bằng tay."
            ) % {"n": len(group), "rank": rank}
            break
        for row, prize in zip(group, needed, strict=True):
            PrizeAward.objects.create(prize=prize, entry=row.entry, awarded_by=actor)
            awarded += 1
        slots = slots[len(group) :]
    audit.record(
        actor=actor,
        verb="award",
        obj=contest,
        summary=_("Trao %(n)s giải theo thứ hạng") % {"n": awarded},
        unit_path=contest.owner.path,
    )
    return awarded, warning

"""Running the press contest: the contest, its entries and its prizes. Every write atomic, validated and
audited; results computed from the scores (selectors).

Who does what (the rules are in policy):
- the organiser (Cap.CONTEST_MANAGE at the owner unit) sets the contest, its rounds, judges and prizes,
  closes rounds, chooses the entries that go on, awards prizes;
- a unit under the owner (Cap.CONTEST_ENTER at that unit) sends entries while the contest is open;
- a judge (a judge of the round holding Cap.CONTEST_JUDGE) gives each entry one mark per round.
"""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.files import store
from danvan.lib import vntext
from danvan.org.models import Unit

from ...models import Contest, ContestEntry, ContestRound, Prize, PrizeAward
from .. import policy
from ..selectors import (
    ResultRow,
    contest_results,
)

# Press works reach us as a link (báo điện tử, phát thanh, truyền hình) or a Word file. The upload gatekeeper
# (danvan.lib.uploads) reads Word/Excel/text only: a PDF or a scanned page cannot be vetted, so a printed
# article is sent as its online link or typed into a .docx.
ENTRY_FILE_KINDS = ("docx",)


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
    access.require(actor, Cap.CONTEST_MANAGE, owner)
    if contest is not None:
        policy.require_manage(actor, contest)
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
    contest.save_checked(expected_version=expected_version)
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
    policy.require_manage(actor, contest)
    if status not in Contest.Status.values:
        raise ServiceError(_("Trạng thái không hợp lệ."))
    contest = _locked_contest(contest)
    if status == Contest.Status.FINISHED and contest.rounds.filter(status=ContestRound.Status.OPEN).exists():
        raise ServiceError(_("Còn vòng chấm đang mở: hãy kết thúc các vòng trước khi công bố kết quả."))
    old = contest.status
    contest.status = status
    contest.save_checked(expected_version=None)
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
    access.require(actor, Cap.CONTEST_ENTER, submitted_by)
    if entry is not None:
        access.require(actor, Cap.CONTEST_ENTER, entry.submitted_by)
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
    entry.save_checked(expected_version=expected_version)
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
    if not policy.can_withdraw(actor, entry, contest):
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


# --- prizes ----------------------------------------------------------------------------------------------


@transaction.atomic
def prize_save(
    *, actor, contest: Contest, name: str, rank_order: int, quota: int, prize: Prize | None = None
) -> Prize:
    policy.require_manage(actor, contest)
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
    policy.require_manage(actor, contest)
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
    policy.require_manage(actor, contest)
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
    policy.require_manage(actor, contest)
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

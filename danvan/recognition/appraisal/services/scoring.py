"""The council's work on an appraisal round: score sheets (final once sent, never counted twice) and the
close that records the decision. Every write is atomic, validated and audited."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import audit
from danvan.core.errors import ServiceError
from danvan.core.files import store
from danvan.core.files.vetting import vet
from danvan.lib import vntext

from ...models import AppraisalRound, CouncilMember, Criterion, Exemplar, RoundEntry, Score, ScoreSheet
from .. import policy
from ..selectors import CENT, RankingRow, ranking
from .rounds import lock_round, require_open

# An entry's decision at close → the exemplar's status.
# Typed minutes of one council meeting run to a few pages; a text past 1 MB is not minutes (Word and PDF
# files keep the general upload limit: a signed scan is large by nature).
MAX_MINUTES_TEXT_BYTES = 1024 * 1024

DECISION_STATUS = {
    RoundEntry.Decision.RECOGNISED: Exemplar.Status.RECOGNISED,
    RoundEntry.Decision.PROPOSED: Exemplar.Status.PROPOSED,
    RoundEntry.Decision.NOT_RECOGNISED: Exemplar.Status.NOT_RECOGNISED,
}


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
    round_ = lock_round(entry.round)
    require_open(round_, _("không nhận thêm phiếu chấm"))
    member = CouncilMember.objects.filter(round=round_, user=actor).select_related("user").first()
    if member is None:
        raise ServiceError(_("Bạn không phải thành viên hội đồng thẩm định của đợt này."))
    entry = RoundEntry.objects.select_related("exemplar__unit").get(pk=entry.pk, round=round_)
    if policy.is_own_unit(entry.exemplar.unit.path, policy.own_unit_paths(actor)):
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
        # No points in the summary: feeds that list audit entries must not tell one member another's score
        # (scoring stays independent); the points stay in `changes`, read only on the history pages.
        summary=_("Gửi phiếu chấm «%(entry)s»") % {"entry": entry.exemplar.title},
        changes={c.name: [None, str(parsed[c.pk])] for c in criteria},
        unit_path=round_.owner.path,
    )
    return sheet


# --- close -----------------------------------------------------------------------------------------------


def default_decision(row: RankingRow) -> str:
    return RoundEntry.Decision.RECOGNISED if row.meets_threshold else RoundEntry.Decision.NOT_RECOGNISED


def _vet_minutes(upload):
    inspected = vet(upload, allowed=("docx", "pdf", "txt"), field="minutes_file")
    if inspected.kind == "txt" and inspected.size > MAX_MINUTES_TEXT_BYTES:
        raise ServiceError(
            _("Tệp biên bản «%(name)s» quá dài cho một biên bản dạng văn bản (tối đa 1 MB).")
            % {"name": vntext.clean_text(inspected.name)},
            field="minutes_file",
        )
    return inspected


@transaction.atomic
def round_close(
    *,
    actor,
    round_: AppraisalRound,
    decisions: dict,
    decision_number: str,
    decision_date: date | None,
    minutes: str = "",
    minutes_upload=None,
    place_name: str = "",
    signer_authority: str = "",
    signer_title: str = "",
    signer_name: str = "",
    recipients: str = "",
) -> AppraisalRound:
    """The chair (or an organiser) closes the round with the council's minutes (typed, or the signed file
    through the one vetting path): averages, ranks and decisions are recorded with the decision's number and
    date, exemplars take their new status (not yet public: a manager publishes them), the result document's
    place, signer and recipients are kept, and no sheet is accepted afterwards."""
    locked = lock_round(round_)
    if not policy.may_close(actor, locked):
        raise PermissionDenied
    require_open(locked)
    decision_number = vntext.clean_text(decision_number)
    if not decision_number:
        raise ServiceError(_("Hãy ghi số quyết định."), field="decision_number")
    if decision_date is None:
        raise ServiceError(_("Hãy ghi ngày quyết định."), field="decision_date")
    minutes = vntext.nfc(minutes or "").strip()
    if not minutes and minutes_upload is None:
        raise ServiceError(_("Hãy ghi biên bản họp hội đồng hoặc tải tệp biên bản lên."), field="minutes")
    inspected = _vet_minutes(minutes_upload) if minutes_upload else None
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
        exemplar.save_checked(expected_version=None)
    locked.minutes = minutes
    if inspected is not None:
        store(locked.minutes_file, inspected)
        locked.minutes_file_name = vntext.clean_text(inspected.name)[:255]
    locked.place_name = vntext.clean_text(place_name)[:80]
    locked.signer_authority = vntext.clean_text(signer_authority)[:120]
    locked.signer_title = vntext.clean_text(signer_title)[:120]
    locked.signer_name = vntext.clean_text(signer_name)[:120]
    locked.recipients = "\n".join(
        vntext.clean_text(line) for line in (recipients or "").splitlines() if vntext.clean_text(line)
    )
    locked.status = AppraisalRound.Status.CLOSED
    locked.decision_number = decision_number[:60]
    locked.decision_date = decision_date
    locked.closed_at = timezone.now()
    locked.save_checked(expected_version=None)
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

"""A unit's answer to a call: drafting, sending (each sent version kept), returning and accepting.

What a unit sent is frozen: a sent answer's rows change only after the Ban returns it, and count again only
when sent as a new revision (`Submission.sent`, the version every report reads)."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError, StaleEdit
from danvan.lib import vntext
from danvan.notifications.services import notify_units
from danvan.org.models import Unit

from .. import policy
from ..indicators.prefill import prefill_new_draft
from ..indicators.services import record_submission
from ..models import Call, FieldKind, FormTemplate, Submission, SubmissionVersion

MAX_ROWS = 5000


def submission_for(*, call: Call, unit: Unit) -> Submission:
    """The unit's submission to the call, created as an empty draft on first use (race-safe)."""
    if not call.targets.filter(unit=unit).exists():
        raise ServiceError(
            _("Đơn vị «%(unit)s» không thuộc danh sách phải gửi của yêu cầu này.") % {"unit": unit.name}
        )
    try:
        with transaction.atomic():
            submission, created = Submission.objects.get_or_create(call=call, unit=unit)
            # A new draft starts from this period's own figures where its children have sent them (issue 14),
            # else, for a periodic report, from the unit's answer to the regime's previous period.
            if created and not prefill_new_draft(submission) and call.regime_id:
                from ..regimes.services import carry_forward

                submission = carry_forward(submission)
    except IntegrityError:
        submission = Submission.objects.get(call=call, unit=unit)
    return submission


def clean_rows(rows: list[dict], template: FormTemplate) -> list[dict]:
    """Keep only the template's columns, NFC text, drop empty rows."""
    keys = [str(f.pk) for f in template.fields.all() if f.kind != FieldKind.INDEX]
    out = []
    for row in rows[: MAX_ROWS + 1]:
        cleaned = {k: vntext.nfc(str(row.get(k, "") or "")).strip() for k in keys}
        if any(cleaned.values()):
            out.append(cleaned)
    if len(out) > MAX_ROWS:
        raise ServiceError(_("Quá %(n)s dòng: hãy chia nhỏ.") % {"n": MAX_ROWS})
    return out


@transaction.atomic
def submission_save_draft(
    *, submission: Submission, actor, expected_version: int | None, rows=None, answers=None
) -> Submission:
    # Locked first, so the state checked below is the state the save lands on (a send cannot slip between).
    stored = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("call__template", "unit")
        .get(pk=submission.pk)
    )
    access.require(actor, Cap.SUBMISSION_EDIT, stored.unit)
    policy.require_open(stored.call)
    if expected_version is not None and stored.version != expected_version:
        raise StaleEdit(submission)
    policy.require_draft(stored)
    # The new content goes onto the row just locked, never onto the caller's copy (whose status may be old).
    if rows is not None:
        stored.rows = clean_rows(rows, stored.call.template)
    if answers is not None:
        stored.answers = {str(k): vntext.nfc(str(v)).strip() for k, v in answers.items() if str(v).strip()}
    stored.save_checked(expected_version=expected_version)
    return stored


def missing_required(submission: Submission) -> list[str]:
    fields = list(submission.call.template.fields.all())
    if submission.call.template.layout == FormTemplate.Layout.OUTLINE:
        return [f.label for f in fields if f.required and not submission.answers.get(str(f.pk))]
    if not submission.rows:
        return [_("chưa có dòng nào")]
    problems = []
    for index, row in enumerate(submission.rows, start=1):
        for f in fields:
            if f.required and f.kind != FieldKind.INDEX and not row.get(str(f.pk)):
                problems.append(_("dòng %(n)s thiếu «%(label)s»") % {"n": index, "label": f.label})
    return problems


@transaction.atomic
def submission_submit(
    *, submission: Submission, actor, expected_version: int | None, source_name: str = ""
) -> Submission:
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("call__template", "unit")
        .get(pk=submission.pk)
    )
    access.require(actor, Cap.SUBMISSION_EDIT, submission.unit)
    call = submission.call
    policy.require_open(call)
    # Before the state rules, so a page read before someone else sent is told it is out of date.
    if expected_version is not None and submission.version != expected_version:
        raise StaleEdit(submission)
    if submission.status in (Submission.Status.SUBMITTED, Submission.Status.ACCEPTED):
        raise ServiceError(_("Bản này đã được gửi; không gửi lại lần nữa."))
    if call.period_end:
        from ..regimes.services import require_period_over

        require_period_over(call)
    problems = missing_required(submission)
    if problems:
        raise ServiceError(_("Chưa gửi được: %(p)s.") % {"p": "; ".join(problems[:10])})
    now = timezone.now()
    late = timezone.localdate(now) > call.due_end
    if late and not call.accept_late:
        raise ServiceError(
            _("Đã quá hạn %(due)s và yêu cầu này không nhận bản gửi muộn.")
            % {"due": call.due_end.strftime("%d/%m/%Y")}
        )
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_at, submission.submitted_by = now, actor
    submission.is_late = late
    submission.revision += 1
    submission.save_checked(expected_version=expected_version)
    submission.sent = SubmissionVersion.objects.create(
        submission=submission,
        revision=submission.revision,
        rows=submission.rows,
        answers=submission.answers,
        submitted_at=now,
        submitted_by=actor,
        is_late=late,
        source_name=source_name[:255],
    )
    submission.save(update_fields=["sent"])
    record_submission(submission=submission)  # the period's indicator values, rewritten (issue 14)
    audit.record(
        actor=actor,
        verb="submit",
        obj=submission,
        summary=_("Gửi bản %(rev)s%(late)s")
        % {"rev": submission.revision, "late": _(" (muộn)") if late else ""},
        unit_path=submission.unit.path,
    )
    return submission


def _review(submission: Submission, actor, status: str, comment: str, verb: str, summary: str) -> Submission:
    submission = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("call__owner", "unit")
        .get(pk=submission.pk)
    )
    access.require(actor, Cap.SUBMISSION_REVIEW, submission.call.owner)
    policy.require_reviewable(submission)
    submission.status = status
    submission.review_comment = vntext.nfc(comment).strip()
    submission.reviewed_by, submission.reviewed_at = actor, timezone.now()
    submission.save_checked(expected_version=None)
    audit.record(actor=actor, verb=verb, obj=submission, summary=summary, unit_path=submission.unit.path)
    return submission


@transaction.atomic
def submission_return(*, submission: Submission, actor, comment: str) -> Submission:
    if not vntext.clean_text(comment):
        raise ServiceError(_("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì."), field="comment")
    submission = _review(
        submission, actor, Submission.Status.RETURNED, comment, "return", _("Trả lại để sửa")
    )
    notify_units(
        [submission.unit],
        subject=_("Bản gửi bị trả lại: %(t)s") % {"t": submission.call.title[:150]},
        body=comment,
        url=reverse("reporting:submission_detail", args=[submission.pk]),
    )
    return submission


@transaction.atomic
def submission_accept(*, submission: Submission, actor, comment: str = "") -> Submission:
    submission = _review(submission, actor, Submission.Status.ACCEPTED, comment, "accept", _("Tiếp nhận"))
    record_submission(submission=submission)  # idempotent: the same sent version, the same values
    return submission

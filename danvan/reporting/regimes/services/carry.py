"""Carry-forward: a unit's draft for period N starts from what it sent for period N-1 of the same regime."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from danvan.core.errors import ServiceError

from ...models import Call, FieldKind, FormTemplate, Submission

CARRIED_NOTE = gettext_lazy("Số liệu mang sang từ kỳ trước")


def previous_sent(call: Call, unit_id: int):
    """The unit's sent answer (a SubmissionVersion) to the same regime's previous period, or None."""
    period = call.period
    if call.regime_id is None or period is None:
        return None
    before = period.previous()
    earlier = (
        Submission.objects.filter(
            call__regime_id=call.regime_id,
            call__period_kind=before.kind,
            call__period_start=before.start,
            unit_id=unit_id,
            sent__isnull=False,
        )
        .select_related("sent")
        .first()
    )
    return earlier.sent if earlier else None


def _fit(template: FormTemplate, rows: list, answers: dict) -> tuple[list, dict]:
    """Only the template's present columns (a regime whose form changed carries what still fits)."""
    keys = {str(f.pk) for f in template.fields.all() if f.kind != FieldKind.INDEX}
    kept_rows = [{k: v for k, v in row.items() if k in keys} for row in rows]
    return [r for r in kept_rows if any(r.values())], {k: v for k, v in answers.items() if k in keys}


@transaction.atomic
def carry_forward(submission: Submission) -> Submission:
    """Fill an empty, never-sent draft from the previous period's sent answer (nothing else is touched)."""
    if submission.revision or submission.rows or submission.answers or submission.carried_from_id:
        return submission
    sent = previous_sent(submission.call, submission.unit_id)
    if sent is None:
        return submission
    rows, answers = _fit(submission.call.template, sent.rows, sent.answers)
    if not (rows or answers):
        return submission
    submission.rows, submission.answers, submission.carried_from = rows, answers, sent
    submission.save_checked(expected_version=submission.version)
    return submission


def require_period_over(call: Call) -> None:
    """A periodic report is sent once its figures are closed: not before the period's cut-off day."""
    if call.period_end and timezone.localdate() < call.period_end:
        period = call.period
        raise ServiceError(
            _(
                "Kỳ báo cáo «%(period)s» chưa kết thúc: số liệu tính đến ngày %(end)s, nên chỉ gửi được "
                "báo cáo từ ngày đó. Bạn vẫn có thể soạn và lưu nháp."
            )
            % {"period": period.label if period else "", "end": call.period_end.strftime("%d/%m/%Y")}
        )

"""A unit whose children report through it opens its own report with their figures already added up.

Its children are the units below it that a call of the same period asks to report (a regime's commune
calls, when the province answers the province's call); the figures are the topmost reports of each child's
subtree, the same numbers `selectors.rollup_by_child` shows. The page says how many sent and how many have
not: "Cộng từ báo cáo của N đơn vị cấp dưới (M chưa gửi)".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from danvan.core import access, audit
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib.periods import Period

from ..models import Call, CallTarget, FieldKind, FormTemplate, Submission
from . import selectors
from .models import Indicator

NOTE_PREFIX = "Cộng từ báo cáo của"


@dataclass
class ChildrenFigures:
    period: Period
    sent: int  # children that sent their report for the period
    missing: int  # children asked to report who have not sent
    totals: dict[int, Decimal] = field(default_factory=dict)  # indicator id -> their sum

    @property
    def note(self) -> str:
        return _("Cộng từ báo cáo của %(n)s đơn vị cấp dưới (%(m)s chưa gửi)") % {
            "n": self.sent,
            "m": self.missing,
        }


def bound_fields(template: FormTemplate) -> list:
    return [f for f in template.fields.all() if f.indicator_id and f.kind == FieldKind.NUMBER]


def children_figures(*, call: Call, unit) -> ChildrenFigures | None:
    """What the unit's children sent for the call's period, or None when nobody below it reports for it."""
    period = call.period
    fields = bound_fields(call.template)
    if period is None or not fields:
        return None
    same_period = Call.objects.filter(period_kind=call.period_kind, period_start=call.period_start)
    below = access.subtree_q("unit__path", [unit.path]) & ~Q(unit_id=unit.pk)
    asked = set(
        CallTarget.objects.filter(below, call__in=same_period).values_list("unit_id", flat=True).distinct()
    )
    if not asked:
        return None
    sent = set(
        Submission.objects.filter(
            call__in=same_period,
            unit_id__in=asked,
            status__in=[Submission.Status.SUBMITTED, Submission.Status.ACCEPTED],
        )
        .values_list("unit_id", flat=True)
        .distinct()
    )
    indicators = Indicator.objects.in_bulk({f.indicator_id for f in fields})
    totals = {}
    for indicator in indicators.values():
        figures = [v for _child, v in selectors.rollup_by_child(indicator, unit, period) if v is not None]
        if figures:
            totals[indicator.pk] = sum(figures, Decimal(0))
    return ChildrenFigures(period=period, sent=len(sent), missing=len(asked - sent), totals=totals)


def as_text(number: Decimal) -> str:
    """A figure as a unit would type it: 12, 12,5 (a decimal comma)."""
    normal = number.quantize(Decimal("0.01")).normalize()
    text = format(normal, "f")
    return text.replace(".", ",")


def _text_key(template: FormTemplate) -> str | None:
    first = next((f for f in template.fields.all() if f.kind in (FieldKind.TEXT, FieldKind.LONG_TEXT)), None)
    return str(first.pk) if first else None


def _fill(submission: Submission, figures: ChildrenFigures, *, replace: bool) -> bool:
    """Put the children's sums into the draft; returns whether anything changed."""
    template = submission.call.template
    fields = [f for f in bound_fields(template) if f.indicator_id in figures.totals]
    if not fields:
        return False
    if template.layout == FormTemplate.Layout.OUTLINE:
        answers = dict(submission.answers)
        for f in fields:
            if replace or not answers.get(str(f.pk)):
                answers[str(f.pk)] = as_text(figures.totals[f.indicator_id])
        changed = answers != submission.answers
        submission.answers = answers
        return changed
    text_key = _text_key(template)
    if submission.rows and not replace:
        return False
    row = {str(f.pk): "" for f in template.fields.all() if f.kind != FieldKind.INDEX}
    for f in fields:
        row[str(f.pk)] = as_text(figures.totals[f.indicator_id])
    if text_key:
        row[text_key] = figures.note
    kept = [r for r in submission.rows if not (text_key and str(r.get(text_key, "")).startswith(NOTE_PREFIX))]
    submission.rows = [row, *kept]
    return True


def prefill_new_draft(submission: Submission) -> bool:
    """On first opening: an empty draft of a unit whose children reported gets their sums."""
    if submission.has_content or submission.status != Submission.Status.DRAFT:
        return False
    figures = children_figures(call=submission.call, unit=submission.unit)
    if figures is None or not figures.sent or not _fill(submission, figures, replace=False):
        return False
    submission.save_checked(expected_version=None)
    return True


@transaction.atomic
def prefill_again(*, submission: Submission, actor) -> ChildrenFigures:
    """The unit asks for its children's sums again (more of them have sent since it opened its draft)."""
    stored = (
        Submission.objects.select_for_update(of=("self",))
        .select_related("call__template", "unit")
        .get(pk=submission.pk)
    )
    access.require(actor, Cap.SUBMISSION_EDIT, stored.unit)
    if stored.is_sent:
        raise ServiceError(_("Bản này đã gửi: không cộng lại được. Chờ Ban trả lại nếu cần sửa."))
    if stored.call.status == Call.Status.CLOSED:
        raise ServiceError(_("Yêu cầu đã đóng: không sửa được."))
    figures = children_figures(call=stored.call, unit=stored.unit)
    if figures is None or not figures.sent:
        raise ServiceError(
            _("Chưa có đơn vị cấp dưới nào gửi báo cáo kỳ %(p)s.")
            % {"p": stored.call.period.label if stored.call.period else ""}
        )
    _fill(stored, figures, replace=True)
    stored.save_checked(expected_version=None)
    audit.record(actor=actor, verb="prefill", obj=stored, summary=figures.note, unit_path=stored.unit.path)
    return figures

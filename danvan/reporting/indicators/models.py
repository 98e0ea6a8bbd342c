"""Indicators, the values units report for them each period, and the year's targets.

A value is keyed by (indicator, unit, period): whatever a unit sends for a period replaces what it sent
before, so resubmitting never doubles a figure. A unit that reports *through* its children (a province
whose report is the sum of its communes') has a value of its own too; `covered_at` says, for each value,
how deep the nearest reporting ancestor sits, so a roll-up counts the topmost report in a subtree once and
never adds a province's total to the communes it was built from (see selectors.py).
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core import access
from danvan.core.models import TimeStamped, Versioned
from danvan.lib import periods

PERIOD_CHOICES = [(kind.value, label) for kind, label in periods.KIND_LABELS.items()]

# Units of measure the committee's reports use; the catalogue may hold others (a free text field).
COMMON_UNITS_OF_MEASURE = (
    "cuộc",
    "lượt người",
    "người",
    "căn nhà",
    "đơn",
    "ý kiến",
    "mô hình",
    "điển hình",
    "triệu đồng",
    "tin, bài",
    "hội nghị",
    "buổi",
    "báo cáo",
)


class Indicator(TimeStamped, Versioned):
    """A figure that recurs across periods: dialogues held, petitions received, houses built...

    Created and edited on its own pages (services.indicator_create / indicator_update); never deleted, made
    inactive instead (its values and targets stay). A built-in indicator's code never changes."""

    class Aggregation(models.TextChoices):
        SUM = "sum", _("Cộng dồn (tổng)")
        MAX = "max", _("Lấy số lớn nhất")
        LATEST = "latest", _("Lấy số mới nhất")

    code = models.SlugField(_("mã chỉ tiêu"), max_length=60, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=40)
    aggregation = models.CharField(
        _("cách tổng hợp"),
        max_length=10,
        choices=Aggregation.choices,
        default=Aggregation.SUM,
        help_text=_(
            "Tổng: số của các đơn vị và các tháng được cộng lại; số lớn nhất: lấy số lớn nhất; "
            "số mới nhất: số liệu tại thời điểm (ví dụ số mô hình đang duy trì), các kỳ không cộng dồn."
        ),
    )
    cumulative = models.BooleanField(
        _("lũy kế từ đầu năm"),
        default=False,
        help_text=_("Số báo cáo mỗi kỳ đã gồm các kỳ trước trong năm (số lũy kế)."),
    )
    description = models.TextField(_("mô tả, cách tính"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit_of_measure})"

    @property
    def builtin(self) -> bool:
        """One the product ships with (catalogue.BUILTIN): forms and targets refer to its code."""
        from .catalogue import BUILTIN_CODES

        return self.code in BUILTIN_CODES

    @property
    def takes_latest(self) -> bool:
        """A longer period is the last of its months, not their sum (a stock, or a running total)."""
        return self.aggregation == self.Aggregation.LATEST or self.cumulative


class IndicatorValueQuerySet(access.ScopedQuerySet):
    scope_field = "unit__path"

    def for_period(self, period: periods.Period):
        return self.filter(period_kind=period.kind.value, period_start=period.start)


class IndicatorValue(models.Model):
    """What one unit reported for one indicator over one period (written from its sent submission)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="indicator_values")
    period_kind = models.CharField(_("kỳ"), max_length=12, choices=PERIOD_CHOICES)
    period_start = models.DateField(_("từ ngày"))
    value = models.DecimalField(_("số liệu"), max_digits=18, decimal_places=2)
    submission = models.ForeignKey(
        "reporting.Submission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicator_values",
    )
    # Depth of the deepest strict ancestor with a value for the same indicator and period (None: none).
    # A roll-up from a root at depth d counts this value only when covered_at is None or < d.
    covered_at = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now=True)

    objects = IndicatorValueQuerySet.as_manager()

    class Meta:
        verbose_name = _("số liệu chỉ tiêu")
        verbose_name_plural = _("số liệu chỉ tiêu")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "period_kind", "period_start", "unit"], name="one_value_per_unit_period"
            )
        ]
        # The unique index above leads with (indicator, period): a roll-up reads one range of it.

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.period_kind} {self.period_start} {self.unit_id} = {self.value}"

    @property
    def period(self) -> periods.Period:
        return periods.Period.from_span(self.period_kind, self.period_start)


class IndicatorTargetQuerySet(access.ScopedQuerySet):
    scope_field = "unit__path"


class IndicatorTarget(TimeStamped):
    """The year's target a unit sets itself (or is given) for an indicator."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="indicator_targets")
    year = models.PositiveSmallIntegerField(_("năm"))
    value = models.DecimalField(
        _("chỉ tiêu năm"), max_digits=18, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=40)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    set_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    objects = IndicatorTargetQuerySet.as_manager()

    class Meta:
        verbose_name = _("chỉ tiêu kế hoạch năm")
        verbose_name_plural = _("chỉ tiêu kế hoạch năm")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "unit", "year"], name="one_target_per_unit_year")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.unit_id} {self.year}: {self.value}"

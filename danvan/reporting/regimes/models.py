"""A regime: who reports to whom, on which form, for which periods, counted to which day, due when.

Registered with the reporting app (reporting/models.py imports this module), so the app label is "reporting".
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core import access
from danvan.core.models import TimeStamped, Versioned
from danvan.lib import periods

PERIOD_KIND_CHOICES = [(kind.value, label) for kind, label in periods.KIND_LABELS.items()]


class RegimeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Regimes the user's units own, and regimes whose reporting subtree reaches into the user's units."""
        return access.scoped(
            self,
            user,
            lambda paths: access.subtree_q("owner__path", paths) | access.subtree_q("root__path", paths),
        )

    def active(self):
        return self.filter(is_active=True)


class Regime(TimeStamped, Versioned):
    owner = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị nhận báo cáo"), on_delete=models.PROTECT, related_name="regimes"
    )
    name = models.CharField(_("tên chế độ báo cáo"), max_length=255)
    template = models.ForeignKey(
        "reporting.FormTemplate",
        verbose_name=_("biểu mẫu hoặc đề cương"),
        on_delete=models.PROTECT,
        related_name="regimes",
    )
    root = models.ForeignKey(
        "org.Unit",
        verbose_name=_("các đơn vị báo cáo thuộc"),
        on_delete=models.PROTECT,
        related_name="reporting_regimes",
    )
    unit_kinds = models.ManyToManyField(
        "org.UnitKind",
        verbose_name=_("loại đơn vị báo cáo"),
        blank=True,
        related_name="+",
        help_text=_("Để trống: mọi loại đơn vị."),
    )
    max_levels = models.PositiveSmallIntegerField(
        _("số cấp dưới"), default=1, help_text=_("1: chỉ cấp dưới trực tiếp; 0: mọi cấp.")
    )
    period_kinds = models.JSONField(_("các kỳ báo cáo"), default=list)
    cutoff_day = models.PositiveSmallIntegerField(
        _("ngày chốt số liệu"),
        default=0,
        help_text=_("0: ngày cuối kỳ; 1–31: ngày đó của tháng cuối kỳ."),
    )
    due_kind = models.CharField(
        _("cách tính hạn gửi"),
        max_length=20,
        choices=[(k.value, label) for k, label in periods.DUE_KIND_LABELS.items()],
        default=periods.DueKind.DAYS_AFTER_CUTOFF,
    )
    due_value = models.PositiveSmallIntegerField(_("số ngày hoặc ngày trong tháng"), default=5)
    due_month_offset = models.PositiveSmallIntegerField(
        _("hạn gửi vào tháng"), default=0, help_text=_("0: tháng cuối kỳ; 1: tháng sau đó.")
    )
    working_day_rule = models.CharField(
        _("hạn rơi vào ngày nghỉ"),
        max_length=20,
        choices=[(k.value, label) for k, label in periods.WORKING_DAY_RULE_LABELS.items()],
        default=periods.WorkingDayRule.ROLL_FORWARD,
    )
    remind_days_before = models.PositiveSmallIntegerField(_("nhắc trước hạn (ngày)"), default=3)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)
    start_date = models.DateField(_("áp dụng từ ngày"))
    # The programme item (a task of a Chương trình công tác) the regime's calls carry out: copied onto each.
    programme_item = models.ForeignKey(
        "plans.Task",
        verbose_name=_("thực hiện mục trong Chương trình công tác"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carrying_regimes",
        limit_choices_to={"plan__kind": "programme"},
    )
    instructions = models.TextField(_("hướng dẫn"), blank=True)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    objects = RegimeQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[unit_kinds])

    class Meta:
        verbose_name = _("chế độ báo cáo định kỳ")
        verbose_name_plural = _("chế độ báo cáo định kỳ")
        ordering = ["owner__path", "name", "id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reporting:regime_detail", args=[self.pk])

    @property
    def cutoff_rule(self) -> periods.CutoffRule:
        return periods.CutoffRule(self.cutoff_day)

    @property
    def due_rule(self) -> periods.DueRule:
        return periods.DueRule(periods.DueKind(self.due_kind), self.due_value, self.due_month_offset)

    @property
    def kinds(self) -> list[periods.PeriodKind]:
        order = list(periods.PeriodKind)
        return sorted((periods.PeriodKind(k) for k in self.period_kinds), key=order.index)

    @property
    def kind_labels(self) -> str:
        return ", ".join(periods.KIND_LABELS[k] for k in self.kinds)

    def schedule(self, period: periods.Period) -> periods.Schedule:
        return periods.schedule(period, self.cutoff_rule, self.due_rule, self.working_day_rule)


class RegimeReminder(models.Model):
    """A reminder the daily job sent for a regime's call: kept so a second run on the same day sends none."""

    class Reason(models.TextChoices):
        BEFORE = "before", _("Nhắc trước hạn")
        AFTER = "after", _("Nhắc quá hạn")

    call = models.ForeignKey("reporting.Call", on_delete=models.CASCADE, related_name="regime_reminders")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    sent_on = models.DateField()
    units = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call", "reason"], name="one_regime_reminder_per_reason")
        ]

    def __str__(self) -> str:
        return f"{self.call_id} {self.reason}"

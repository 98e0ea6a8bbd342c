from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core import access
from danvan.core.files import RandomName
from danvan.core.models import DateWindowFields, Derived, TimeStamped, Versioned
from danvan.lib import periods, vntext


class FieldKind(models.TextChoices):
    INDEX = "index", _("Số thứ tự")
    TEXT = "text", _("Chữ (một dòng)")
    LONG_TEXT = "long_text", _("Đoạn văn")
    DATE = "date", _("Ngày")
    WINDOW = "window", _("Thời gian (có thể ước lượng)")
    NUMBER = "number", _("Số")
    CHOICE = "choice", _("Lựa chọn")


class FormTemplateQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Templates of the user's units, and the shared ones (no owner) every unit may use."""
        return access.scoped(
            self,
            user,
            lambda paths: access.subtree_q("owner__path", paths) | models.Q(owner__isnull=True),
        )


class FormTemplate(TimeStamped, Versioned):
    """A standard table units fill (the "Mẫu" of a plan), or a narrative report outline."""

    class Layout(models.TextChoices):
        TABLE = "table", _("Bảng nhiều dòng")
        OUTLINE = "outline", _("Đề cương báo cáo")

    owner = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị sở hữu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="form_templates",
        help_text=_("Để trống: mẫu dùng chung cho mọi đơn vị."),
    )
    name = models.CharField(_("tên mẫu"), max_length=255)
    layout = models.CharField(_("kiểu"), max_length=10, choices=Layout.choices, default=Layout.TABLE)
    title = models.CharField(_("tiêu đề trên mẫu"), max_length=255, blank=True)
    subtitle = models.CharField(_("tiêu đề phụ"), max_length=500, blank=True)
    label = models.CharField(_("nhãn mẫu"), max_length=60, blank=True)
    footer = models.CharField(_("dòng cuối"), max_length=255, blank=True)
    is_builtin = models.BooleanField(_("mẫu dựng sẵn"), default=False)

    objects = FormTemplateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("biểu mẫu")
        verbose_name_plural = _("biểu mẫu")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reporting:template_edit", args=[self.pk])


class FormField(models.Model):
    template = models.ForeignKey(FormTemplate, on_delete=models.CASCADE, related_name="fields")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    label = models.CharField(_("tên cột"), max_length=255)
    kind = models.CharField(
        _("kiểu dữ liệu"), max_length=12, choices=FieldKind.choices, default=FieldKind.TEXT
    )
    required = models.BooleanField(_("bắt buộc"), default=False)
    help_text = models.CharField(_("hướng dẫn"), max_length=500, blank=True)
    choices = models.JSONField(_("các lựa chọn"), default=list, blank=True)
    # A number column of a table (summed over its rows) or a numeric question of an outline may carry an
    # indicator: what units send in it is recorded per period (danvan.reporting.indicators).
    indicator = models.ForeignKey(
        "reporting.Indicator",
        verbose_name=_("chỉ tiêu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fields",
    )

    class Meta:
        verbose_name = _("cột biểu mẫu")
        verbose_name_plural = _("cột biểu mẫu")
        ordering = ["template", "order", "id"]

    def __str__(self) -> str:
        return self.label


class CallQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Calls the user's units opened, and calls that ask something of a unit in the user's subtrees."""

        def condition(paths):
            targeted = CallTarget.objects.filter(call=models.OuterRef("pk")).filter(
                access.subtree_q("unit__path", paths)
            )
            return access.subtree_q("owner__path", paths) | models.Q(models.Exists(targeted))

        return access.scoped(self, user, condition)


class Call(TimeStamped, Versioned, Derived, DateWindowFields("due", label=_("hạn (nguyên văn)"))):
    """A call for submissions: a form, when it is due (the words as written and the last day), the units
    that must answer."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang nhận")
        CLOSED = "closed", _("Đã đóng")

    owner = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị yêu cầu"), on_delete=models.PROTECT, related_name="calls"
    )
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calls",
    )
    template = models.ForeignKey(
        FormTemplate, verbose_name=_("biểu mẫu"), on_delete=models.PROTECT, related_name="calls"
    )
    # The programme item (a task of a Chương trình công tác) this carries out.
    programme_item = models.ForeignKey(
        "plans.Task",
        verbose_name=_("thực hiện mục trong Chương trình công tác"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carrying_calls",
        limit_choices_to={"plan__kind": "programme"},
    )
    title = models.CharField(_("nội dung yêu cầu"), max_length=500)
    instructions = models.TextField(_("hướng dẫn"), blank=True)
    # The last day is what lateness and reminders run on, so a call always has one (the group's is optional).
    due_end = models.DateField(_("hạn gửi"), db_index=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN)
    accept_late = models.BooleanField(_("nhận bản gửi muộn"), default=True)
    remind_days_before = models.PositiveSmallIntegerField(_("nhắc trước hạn (ngày)"), default=3)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    search_text = models.TextField(editable=False, default="")
    # The reporting period the figures count over (danvan.lib.periods): set on every call a periodic regime
    # opens, and on a one-off call that reports on a period; indicators are keyed by it.
    period_kind = models.CharField(
        _("kỳ báo cáo"),
        max_length=12,
        blank=True,
        choices=[(kind.value, label) for kind, label in periods.KIND_LABELS.items()],
    )
    period_start = models.DateField(_("số liệu từ ngày"), null=True, blank=True)
    period_end = models.DateField(_("số liệu đến ngày"), null=True, blank=True)
    # The periodic regime that opened this call (reporting.regimes); period_end is then its cut-off day.
    regime = models.ForeignKey(
        "reporting.Regime",
        verbose_name=_("chế độ báo cáo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="calls",
    )

    objects = CallQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("yêu cầu báo cáo, đăng ký")
        verbose_name_plural = _("yêu cầu báo cáo, đăng ký")
        ordering = ["-due_end", "-id"]
        indexes = [models.Index(fields=["period_kind", "period_start"], name="call_period_idx")]
        # Regenerating a regime's period never makes a second call (NULL regimes are all distinct).
        constraints = [
            models.UniqueConstraint(
                fields=["regime", "period_kind", "period_start"], name="one_call_per_regime_period"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def refresh_derived(self) -> None:
        self.search_text = vntext.fold(self.title)

    @property
    def period(self) -> periods.Period | None:
        if not (self.period_kind and self.period_start):
            return None
        return periods.Period.from_span(self.period_kind, self.period_start)

    @property
    def due_date(self):
        """Read-only, for code outside reporting that still reads the last day under its old name."""
        return self.due_end

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reporting:call_detail", args=[self.pk])


class CallTarget(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="targets")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="call_targets")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["call", "unit"], name="unique_call_target")]

    def __str__(self) -> str:
        return f"{self.call_id} → {self.unit_id}"


class SubmissionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A unit's own submissions, and every submission to a call the user's units opened."""
        return access.scoped(
            self,
            user,
            lambda paths: (
                access.subtree_q("unit__path", paths) | access.subtree_q("call__owner__path", paths)
            ),
        )


class Submission(TimeStamped, Versioned, Derived):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi")
        RETURNED = "returned", _("Bị trả lại")
        ACCEPTED = "accepted", _("Đã tiếp nhận")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="submissions")
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="submissions")
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    rows = models.JSONField(_("các dòng"), default=list, blank=True)
    answers = models.JSONField(_("nội dung báo cáo"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_late = models.BooleanField(_("gửi muộn"), default=False)
    has_content = models.BooleanField(default=False, editable=False)  # a draft with something in it
    revision = models.PositiveSmallIntegerField(_("lần gửi"), default=0)
    review_comment = models.TextField(_("ý kiến của Ban"), blank=True)
    reviewed_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("xem xét lúc"), null=True, blank=True)
    # The earlier period's sent answer this draft started from (a regime's carry-forward), shown as such.
    carried_from = models.ForeignKey(
        "SubmissionVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # What the unit last sent, frozen: consolidation and every report read this, never the live rows (which
    # change again only after the answer is returned, and then count once they are sent as a new revision).
    sent = models.ForeignKey(
        "SubmissionVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("bản đăng ký, báo cáo")
        verbose_name_plural = _("bản đăng ký, báo cáo")
        constraints = [models.UniqueConstraint(fields=["call", "unit"], name="one_submission_per_unit")]
        # Covers the board's per-call counts (GROUP BY status, is_late) without reading the rows.
        indexes = [models.Index(fields=["call", "status", "is_late"], name="submission_state_idx")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.call}"

    def refresh_derived(self) -> None:
        self.has_content = bool(self.rows or self.answers)

    @property
    def is_sent(self) -> bool:
        """Sent and not returned: its rows are frozen until the Ban returns it."""
        return self.status in (self.Status.SUBMITTED, self.Status.ACCEPTED)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reporting:submission_detail", args=[self.pk])


class SubmissionVersion(models.Model):
    """What a unit sent each time it submitted: kept for good, whatever happens after."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    revision = models.PositiveSmallIntegerField()
    rows = models.JSONField(default=list)
    answers = models.JSONField(default=dict)
    submitted_at = models.DateTimeField()
    submitted_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    is_late = models.BooleanField(default=False)
    source_name = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-revision"]
        constraints = [models.UniqueConstraint(fields=["submission", "revision"], name="unique_revision")]

    def __str__(self) -> str:
        return f"{self.submission_id} #{self.revision}"


class UploadPreview(TimeStamped):
    """An uploaded file read into rows, shown for confirmation before it replaces the draft's rows."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="uploads")
    uploaded_by = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=255)
    rows = models.JSONField(default=list)
    problems = models.JSONField(default=list)
    notes = models.JSONField(default=list)
    applied = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.file_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reporting:upload_preview", args=[self.pk])


class ConsolidationJob(TimeStamped):
    """One consolidation run: the file is made in the background and offered for download when done."""

    class Kind(models.TextChoices):
        XLSX = "xlsx", _("Bảng tổng hợp Excel")
        DOCX = "docx", _("Phụ lục tổng hợp Word")
        OUTLINE = "outline", _("Tổng hợp báo cáo theo đề mục")
        SUMMARY = "summary", _("Dự thảo báo cáo kết quả")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang tổng hợp")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Lỗi")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="consolidations")
    requested_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    accepted_only = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=RandomName("consolidations"), blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.call_id}"

    @property
    def percent(self) -> int:
        return (
            100
            if self.status == self.Status.DONE
            else int(100 * self.progress / self.total)
            if self.total
            else 0
        )


# The regimes' rows live in their own package; imported here so that Django registers them with reporting.
from danvan.reporting.regimes.models import Regime, RegimeReminder  # noqa: E402, F401
# The indicators subdomain's models belong to this app (label "reporting"): importing them registers them.
from .indicators.models import Indicator, IndicatorTarget, IndicatorValue  # noqa: E402, F401

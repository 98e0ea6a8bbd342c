import re
import secrets
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core import access
from danvan.core.files import RandomName
from danvan.core.models import DateWindowFields, TimeStamped, Versioned


class Profile(models.TextChoices):
    PARTY_2018 = "party-2018", _("Văn bản Đảng (Hướng dẫn 36-HD/VPTW, 2018)")
    PARTY_2026 = "party-2026", _("Văn bản Đảng (Quy định 399-QĐ/TW, 2026)")
    STATE_2020 = "state-2020", _("Văn bản nhà nước, MTTQ (Nghị định 30/2020/NĐ-CP)")


class PlanKind(models.TextChoices):
    """A plan carries out work; a programme (Chương trình công tác năm) lists the year's work items that
    plans, calls, events and rounds carry out. Both go through the same machinery (import, edit, issue)."""

    PLAN = "plan", _("Kế hoạch")
    PROGRAMME = "programme", _("Chương trình công tác")


PROGRAMME_TYPE_CODE = "CTr"
_TITLE_YEAR_RE = re.compile(r"\bnăm\s+(\d{4})\b", re.IGNORECASE)


def kind_of_type(type_code: str) -> str:
    return PlanKind.PROGRAMME if type_code == PROGRAMME_TYPE_CODE else PlanKind.PLAN


def year_covered(title: str, issued_on: date | None, fallback: int | None = None) -> int | None:
    """The year a document covers: "... năm 2026" in its title, else the year it was issued. A programme
    issued in December for the next year says so in its title, so the title wins."""
    m = _TITLE_YEAR_RE.search(title or "")
    if m and 1900 < int(m.group(1)) < 2200:
        return int(m.group(1))
    return issued_on.year if issued_on else fallback


# The one programme-item link every carrying object has (a plan, a task, a call, an event, a round).
PROGRAMME_ITEM_LIMIT = {"plan__kind": PlanKind.PROGRAMME}


class PlanQuerySet(models.QuerySet):
    def programmes(self):
        return self.filter(kind=PlanKind.PROGRAMME)

    def visible_to(self, user):
        """Plans issued in the user's subtrees, and plans that give a task to a unit there."""

        def condition(paths):
            tasks_here = Task.objects.filter(plan=OuterRef("pk")).filter(
                access.subtree_q("lead_unit__path", paths) | access.subtree_q("partner_units__path", paths)
            )
            return access.subtree_q("issuing_unit__path", paths) | Q(Exists(tasks_here))

        return access.scoped(self, user, condition)


class Plan(TimeStamped, Versioned):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")
        SUPERSEDED = "superseded", _("Đã được sửa đổi")

    issuing_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị ban hành"), on_delete=models.PROTECT, related_name="plans"
    )
    kind = models.CharField(_("loại"), max_length=10, choices=PlanKind.choices, default=PlanKind.PLAN)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True, db_index=True)
    programme_item = models.ForeignKey(
        "plans.Task",
        verbose_name=_("thực hiện mục trong Chương trình công tác"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carrying_plans",
        limit_choices_to=PROGRAMME_ITEM_LIMIT,
    )
    doc_type = models.CharField(_("loại văn bản"), max_length=40, default="KẾ HOẠCH")
    type_code = models.CharField(_("mã loại"), max_length=8, default="KH")
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    number_year = models.PositiveSmallIntegerField(null=True, blank=True)
    symbol = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    profile = models.CharField(
        _("thể thức"), max_length=12, choices=Profile.choices, default=Profile.PARTY_2018
    )
    place = models.CharField(_("địa danh"), max_length=80, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    content = models.JSONField(_("nội dung"), default=dict)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    issued_at = models.DateTimeField(_("ban hành lúc"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    amends = models.ForeignKey(
        "self",
        verbose_name=_("sửa đổi kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments",
    )
    revision = models.PositiveSmallIntegerField(_("lần sửa đổi"), default=0)
    source_name = models.CharField(_("tệp nguồn"), max_length=255, blank=True)
    source_text = models.TextField(_("văn bản nguồn"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    search_text = models.TextField(editable=False, default="")

    objects = PlanQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "source_text"])

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-issued_on", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuing_unit", "type_code", "number_year", "number"],
                name="unique_document_number",
                condition=Q(number__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.doc_type.capitalize()} {self.symbol or _('(dự thảo)')}: {self.title}"[:255]

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("plans:plan_detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_programme(self) -> bool:
        return self.kind == PlanKind.PROGRAMME

    def document(self):
        from danvan.lib.plandoc import PlanDocument

        return PlanDocument.from_dict(self.content or {})

    @property
    def date_line(self) -> str:
        from danvan.lib.vndates import format_vn_date_line

        content = self.content or {}
        issued_on = self.issued_on or (
            date.fromisoformat(content["issued_on"]) if content.get("issued_on") else None
        )
        return format_vn_date_line(self.place or content.get("place") or "…", issued_on)


class NumberSequence(models.Model):
    """The last number used by an issuing unit for a document type in a period (a year)."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+")
    type_code = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "type_code", "year"], name="unique_sequence")]

    def __str__(self) -> str:
        return f"{self.type_code}/{self.year}: {self.last_number}"


class TaskQuerySet(models.QuerySet):
    def visible_to(self, user):
        def condition(paths):
            partner_here = Task.partner_units.through.objects.filter(task=OuterRef("pk")).filter(
                access.subtree_q("unit__path", paths)
            )
            co_lead_here = Task.lead_units.through.objects.filter(task=OuterRef("pk")).filter(
                access.subtree_q("unit__path", paths)
            )
            return (
                access.subtree_q("plan__issuing_unit__path", paths)
                | access.subtree_q("lead_unit__path", paths)
                | Q(Exists(partner_here))
                | Q(Exists(co_lead_here))
            )

        return access.scoped(self, user, condition)

    def overdue(self, today: date | None = None):
        today = today or timezone.localdate()
        return self.filter(due_end__lt=today).exclude(status__in=[Task.Status.DONE, Task.Status.CANCELLED])


class ItemCategory(models.TextChoices):
    """What kind of work a programme item is."""

    CONFERENCE = "conference", _("Hội nghị")
    CAMPAIGN = "campaign", _("Đợt cao điểm, chiến dịch")
    INSPECTION = "inspection", _("Kiểm tra, giám sát")
    REPORT = "report", _("Báo cáo")
    MODEL = "model", _("Mô hình")
    OTHER = "other", _("Khác")


class Task(TimeStamped, Versioned, DateWindowFields("due", label=_("thời hạn (nguyên văn)"))):
    class Status(models.TextChoices):
        TODO = "todo", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Hoàn thành")
        CANCELLED = "cancelled", _("Hủy bỏ")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveIntegerField(default=0)
    label = models.CharField(_("mục"), max_length=30, blank=True)
    title = models.TextField(_("nội dung nhiệm vụ"))
    lead_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị chủ trì"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_tasks",
    )
    # Every unit that leads the task ("Văn phòng Đảng ủy, Văn phòng HĐND-UBND"); ``lead_unit`` stays the
    # first of them, the one other apps (reporting, events) read.
    lead_units = models.ManyToManyField(
        "org.Unit", verbose_name=_("các đơn vị chủ trì"), blank=True, related_name="co_led_tasks"
    )
    lead_text = models.CharField(_("chủ trì (nguyên văn)"), max_length=500, blank=True)
    partner_units = models.ManyToManyField(
        "org.Unit", verbose_name=_("đơn vị phối hợp"), blank=True, related_name="partner_tasks"
    )
    partners_text = models.CharField(_("phối hợp (nguyên văn)"), max_length=500, blank=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.TODO)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    # Only the items of a programme have a category; a plan's task carries one out through programme_item.
    category = models.CharField(_("nhóm công việc"), max_length=12, choices=ItemCategory.choices, blank=True)
    programme_item = models.ForeignKey(
        "self",
        verbose_name=_("thực hiện mục trong Chương trình công tác"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carrying_tasks",
        limit_choices_to=PROGRAMME_ITEM_LIMIT,
    )

    objects = TaskQuerySet.as_manager()
    history = HistoricalRecords(m2m_fields=[partner_units, lead_units])

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order", "id"]

    def __str__(self) -> str:
        return f"{self.label} {self.title}".strip()[:120]

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("plans:task_detail", args=[self.pk])

    @property
    def is_overdue(self) -> bool:
        return (
            self.due_end is not None
            and self.due_end < timezone.localdate()
            and self.status not in (self.Status.DONE, self.Status.CANCELLED)
        )


class TaskNote(TimeStamped):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("nội dung"))
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), null=True, blank=True)
    evidence = models.FileField(_("minh chứng"), upload_to=RandomName("evidence"), blank=True)
    evidence_name = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.text[:80]


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A secret address of a unit's deadline calendar (iCal), for phones and Outlook."""

    unit = models.OneToOneField("org.Unit", on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"iCal {self.unit_id}"

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core import access
from danvan.core.models import DateWindowFields, Derived, TimeStamped, Versioned
from danvan.lib import vntext


class DialogueQuerySet(access.ScopedQuerySet):
    scope_field = "organiser__path"


class Dialogue(TimeStamped, Versioned, Derived, DateWindowFields("time", label=_("thời gian (nguyên văn)"))):
    """A meeting with citizens (tiếp xúc, đối thoại): its time may be fuzzy ("dự kiến tháng 10")."""

    class Form(models.TextChoices):
        SUBJECT = "subject", _("Theo chuyên đề")
        GROUP = "group", _("Theo nhóm đối tượng")
        IN_DEPTH = "in_depth", _("Chuyên sâu")
        REGULAR = "regular", _("Định kỳ")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        HELD = "held", _("Đã tổ chức")

    organiser = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="+"
    )
    chair = models.ForeignKey(
        "org.Person",
        verbose_name=_("người chủ trì"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chair_name = models.CharField(_("người chủ trì (họ tên, chức vụ)"), max_length=255, blank=True)
    form = models.CharField(_("hình thức"), max_length=10, choices=Form.choices, default=Form.SUBJECT)
    topic = models.CharField(_("chủ đề"), max_length=500)
    target_group = models.CharField(_("nhóm đối tượng"), max_length=255, blank=True)
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    participants = models.PositiveIntegerField(_("số người tham dự"), null=True, blank=True)
    participant_groups = models.CharField(_("thành phần tham dự"), max_length=500, blank=True)
    minutes = models.TextField(_("biên bản"), blank=True)
    answered_on_spot = models.PositiveIntegerField(_("số ý kiến trả lời tại chỗ"), default=0)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    task = models.ForeignKey(
        "plans.Task",
        verbose_name=_("nhiệm vụ (kế hoạch)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    objects = DialogueQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("cuộc tiếp xúc, đối thoại")
        verbose_name_plural = _("cuộc tiếp xúc, đối thoại")
        ordering = ["-time_start", "-id"]
        indexes = [models.Index(fields=["time_start", "organiser"])]

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("citizens:dialogue_detail", args=[self.pk])

    def refresh_derived(self) -> None:
        self.search_text = vntext.fold(f"{self.topic} {self.target_group} {self.place} {self.chair_name}")

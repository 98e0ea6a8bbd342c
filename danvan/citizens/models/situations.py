from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core import access
from danvan.core.models import Derived, TimeStamped, Versioned
from danvan.lib import vntext


class SituationQuerySet(access.ScopedQuerySet):
    scope_field = "unit__path"


class SituationReport(TimeStamped, Versioned, Derived):
    """A short, dated report of public opinion (nắm tình hình Nhân dân). A hot spot is followed as a case,
    with its own timeline (SituationNote), until it is closed."""

    class Urgency(models.TextChoices):
        ROUTINE = "routine", _("Thường xuyên")
        URGENT = "urgent", _("Khẩn")

    class Case(models.TextChoices):
        NONE = "", _("—")
        OPEN = "open", _("Đang theo dõi")
        CLOSED = "closed", _("Đã kết thúc")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị báo cáo"), on_delete=models.PROTECT, related_name="+"
    )
    reported_on = models.DateField(_("ngày báo cáo"), default=timezone.localdate, db_index=True)
    topic = models.CharField(_("vấn đề"), max_length=300)
    place = models.CharField(_("địa bàn, nơi xảy ra"), max_length=255, blank=True)
    content = models.TextField(_("tình hình, dư luận"))
    proposal = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    urgency = models.CharField(_("mức độ"), max_length=8, choices=Urgency.choices, default=Urgency.ROUTINE)
    is_hot_spot = models.BooleanField(
        _("điểm nóng"),
        default=False,
        help_text=_("Khiếu kiện đông người, kéo dài, vượt cấp hoặc có yếu tố an ninh."),
    )
    case_status = models.CharField(_("theo dõi"), max_length=8, choices=Case.choices, default="", blank=True)
    closed_on = models.DateField(_("ngày kết thúc theo dõi"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    objects = SituationQuerySet.as_manager()

    class Meta:
        verbose_name = _("báo cáo nắm tình hình")
        verbose_name_plural = _("báo cáo nắm tình hình")
        ordering = ["-reported_on", "-id"]

    def __str__(self) -> str:
        return self.topic

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("citizens:situation_detail", args=[self.pk])

    def refresh_derived(self) -> None:
        self.search_text = vntext.fold(f"{self.topic} {self.place} {self.content}")


class SituationNote(models.Model):
    report = models.ForeignKey(SituationReport, on_delete=models.CASCADE, related_name="notes")
    on = models.DateField(_("ngày"), default=timezone.localdate)
    text = models.TextField(_("diễn biến"))
    author = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.on:%d/%m/%Y}"

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core import access
from danvan.core.models import DateWindowFields, TimeStamped, Versioned


class ActivityQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Activities of units in the user's subtrees, and those with a recommendation to a unit there."""
        from django.db.models import Exists, OuterRef, Q

        def condition(paths):
            addressed = Recommendation.objects.filter(activity=OuterRef("pk")).filter(
                access.subtree_q("addressee_unit__path", paths)
            )
            return access.subtree_q("unit__path", paths) | Q(Exists(addressed))

        return access.scoped(self, user, condition)


class SupervisionActivity(
    TimeStamped, Versioned, DateWindowFields("time", label=_("thời gian (nguyên văn)"))
):
    """A supervision or social critique activity of the Front or a mass organisation (217-QĐ/TW)."""

    class Kind(models.TextChoices):
        SUPERVISION = "supervision", _("Giám sát")
        CRITIQUE = "critique", _("Phản biện xã hội")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices, default=Kind.SUPERVISION)
    title = models.CharField(_("nội dung"), max_length=500)
    programme = models.CharField(_("chương trình, kế hoạch"), max_length=255, blank=True)
    subject = models.CharField(_("đối tượng giám sát, phản biện"), max_length=255, blank=True)
    findings = models.TextField(_("kết quả, phát hiện"), blank=True)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("hoạt động giám sát, phản biện")
        verbose_name_plural = _("hoạt động giám sát, phản biện")
        ordering = ["-time_start", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("citizens:activity_detail", args=[self.pk])


class Recommendation(TimeStamped, Versioned):
    """A recommendation sent to a named body, followed like a petition until it is answered."""

    class Status(models.TextChoices):
        SENT = "sent", _("Đã gửi")
        ANSWERED = "answered", _("Đã trả lời")
        CLOSED = "closed", _("Đã kết thúc")

    activity = models.ForeignKey(
        SupervisionActivity, on_delete=models.CASCADE, related_name="recommendations"
    )
    addressee = models.CharField(_("cơ quan nhận kiến nghị"), max_length=255)
    addressee_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị nhận (trong hệ thống)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    content = models.TextField(_("nội dung kiến nghị"))
    sent_on = models.DateField(_("ngày gửi"), default=timezone.localdate)
    deadline = models.DateField(_("hạn trả lời"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.SENT)
    response = models.TextField(_("nội dung trả lời"), blank=True)
    responded_on = models.DateField(_("ngày trả lời"), null=True, blank=True)

    class Meta:
        ordering = ["sent_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deadline__isnull=True) | models.Q(deadline__gte=models.F("sent_on")),
                name="citizens_recommendation_deadline_after_sending",
            )
        ]

    def __str__(self) -> str:
        return self.content[:80]

    @property
    def overdue(self) -> bool:
        return (
            self.status == self.Status.SENT
            and self.deadline is not None
            and self.deadline < timezone.localdate()
        )

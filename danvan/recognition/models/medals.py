"""Nominations for the commemorative medal “Vì sự nghiệp Dân vận”.

The eligibility criteria were not found in a public source, so they are data: an administrator keeps a
set of rules (by group of people: minimum years in mass-mobilization work, exclusion for discipline) and
every nomination is checked against the rules in force for its group. No threshold lives in the code.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core import access
from danvan.core.files import RandomName
from danvan.core.models import TimeStamped, Versioned

__all__ = ["MedalDossierFile", "MedalNomination", "MedalRule"]


class MedalRuleQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class MedalRule(TimeStamped, Versioned):
    """One eligibility rule for a group of people; edited by an administrator only."""

    name = models.CharField(_("tên tiêu chí"), max_length=200)
    group = models.CharField(
        _("nhóm đối tượng"),
        max_length=200,
        help_text=_("Ví dụ: Cán bộ chuyên trách công tác dân vận. Đề nghị chọn nhóm này được đối chiếu."),
    )
    min_years = models.PositiveSmallIntegerField(
        _("số năm tối thiểu làm công tác dân vận"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu tiêu chí này không xét số năm."),
    )
    requires_no_discipline = models.BooleanField(_("không bị kỷ luật"), default=False)
    active = models.BooleanField(_("đang áp dụng"), default=True)
    note = models.TextField(_("căn cứ, ghi chú"), blank=True)
    updated_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    objects = MedalRuleQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tiêu chí xét Kỷ niệm chương")
        verbose_name_plural = _("tiêu chí xét Kỷ niệm chương")
        ordering = ["group", "name", "id"]

    def __str__(self) -> str:
        return f"{self.group}: {self.name}"


class MedalNominationQuerySet(access.ScopedQuerySet):
    scope_field = "unit__path"


class MedalNomination(TimeStamped, Versioned):
    """A person proposed by a unit, checked by the committee above it, then sent up."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Đơn vị đề nghị")
        CHECKED = "checked", _("Ban Dân vận đã kiểm tra")
        SENT = "sent", _("Đã gửi cấp trên")
        RETURNED = "returned", _("Trả lại đơn vị")

    person = models.ForeignKey(
        "org.Person", verbose_name=_("người được đề nghị"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị đề nghị"),
        on_delete=models.PROTECT,
        related_name="medal_nominations",
    )
    group = models.CharField(_("nhóm đối tượng"), max_length=200)
    years_in_work = models.PositiveSmallIntegerField(_("số năm làm công tác dân vận"), null=True, blank=True)
    start_year = models.PositiveSmallIntegerField(
        _("năm bắt đầu làm công tác dân vận"), null=True, blank=True
    )
    has_discipline = models.BooleanField(
        _("đã bị kỷ luật"), null=True, blank=True, help_text=_("Để trống nếu chưa rõ.")
    )
    discipline_note = models.CharField(_("hình thức, thời gian kỷ luật"), max_length=500, blank=True)
    achievements = models.TextField(_("tóm tắt thành tích"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    checks = models.JSONField(_("kết quả đối chiếu tiêu chí"), default=dict, blank=True)
    return_comment = models.TextField(_("ý kiến khi trả lại"), blank=True)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    checked_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    checked_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = MedalNominationQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["checks"])

    class Meta:
        verbose_name = _("đề nghị Kỷ niệm chương")
        verbose_name_plural = _("đề nghị Kỷ niệm chương")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["unit", "status"])]

    def __str__(self) -> str:
        return str(self.person)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("recognition:medal_detail", args=[self.pk])

    @property
    def overall(self) -> str:
        return (self.checks or {}).get("overall", "")


class MedalDossierFile(TimeStamped):
    """A document of the dossier (bản tóm tắt thành tích, xác nhận quá trình công tác…): Word or Excel."""

    nomination = models.ForeignKey(MedalNomination, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=RandomName("medals"))
    name = models.CharField(_("tên tệp"), max_length=255)
    uploaded_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("tệp hồ sơ")
        verbose_name_plural = _("tệp hồ sơ")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

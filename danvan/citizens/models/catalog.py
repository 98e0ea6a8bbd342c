"""Editable settings of the petition work: the fields (lĩnh vực) and the days allowed per kind of petition.

Figures found only in secondary sources (the usual 10 days for a kiến nghị/phản ánh) are rows here,
seeded by a data migration and edited by the committee, never constants in code.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PetitionKind(models.TextChoices):
    RECOMMENDATION = "recommendation", _("Kiến nghị")
    REPORT = "report", _("Phản ánh")
    OPINION = "opinion", _("Ý kiến")
    COMPLAINT = "complaint", _("Khiếu nại")
    DENUNCIATION = "denunciation", _("Tố cáo")


class PetitionField(models.Model):
    name = models.CharField(_("lĩnh vực"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("lĩnh vực kiến nghị")
        verbose_name_plural = _("lĩnh vực kiến nghị")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class DeadlineRule(models.Model):
    """How many days a responsible unit has, from receipt, for one kind of petition."""

    kind = models.CharField(_("loại"), max_length=20, choices=PetitionKind.choices, unique=True)
    days = models.PositiveSmallIntegerField(_("số ngày giải quyết"))
    note = models.CharField(_("căn cứ, ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thời hạn giải quyết")
        verbose_name_plural = _("thời hạn giải quyết")
        ordering = ["kind"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.days}"


DEFAULT_FIELDS = [
    "Đất đai",
    "Môi trường",
    "Chính sách xã hội",
    "Thủ tục hành chính",
    "Hạ tầng, giao thông",
    "An ninh, trật tự",
    "Y tế, giáo dục",
    "Khác",
]
# [verify] the law's usual figure for a kiến nghị/phản ánh is 10 days; complaints and denunciations follow
# their own laws: these are defaults of editable rows.
DEFAULT_DAYS = {
    PetitionKind.RECOMMENDATION: (10, "Thời hạn thường dùng cho kiến nghị, phản ánh [cần kiểm tra]"),
    PetitionKind.REPORT: (10, "Thời hạn thường dùng cho kiến nghị, phản ánh [cần kiểm tra]"),
    PetitionKind.OPINION: (10, ""),
    PetitionKind.COMPLAINT: (30, "Theo Luật Khiếu nại: chuyển cơ quan có thẩm quyền [cần kiểm tra]"),
    PetitionKind.DENUNCIATION: (30, "Theo Luật Tố cáo: chuyển cơ quan có thẩm quyền [cần kiểm tra]"),
}


def ensure_defaults(field_model=PetitionField, rule_model=DeadlineRule) -> None:
    """The seeded rows (also used by the data migration with historical models); idempotent."""
    if not field_model.objects.exists():
        for order, name in enumerate(DEFAULT_FIELDS):
            field_model.objects.get_or_create(name=name, defaults={"order": order})
    for kind, (days, note) in DEFAULT_DAYS.items():
        rule_model.objects.get_or_create(kind=str(kind), defaults={"days": days, "note": note})

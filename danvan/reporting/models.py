from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.authz import ScopedQuerySet
from danvan.core.models import TimeStamped, Versioned


class FieldKind(models.TextChoices):
    INDEX = "index", _("Số thứ tự")
    TEXT = "text", _("Chữ (một dòng)")
    LONG_TEXT = "long_text", _("Đoạn văn")
    DATE = "date", _("Ngày")
    WINDOW = "window", _("Thời gian (có thể ước lượng)")
    NUMBER = "number", _("Số")
    CHOICE = "choice", _("Lựa chọn")


class FormTemplateQuerySet(ScopedQuerySet):
    scope_field = "owner__path"


class FormTemplate(TimeStamped, Versioned):
    """A standard table units fill (the "Mẫu" of a plan), or a narrative report outline."""

    class Layout(models.TextChoices):
        TABLE = "table", _("Bảng nhiều dòng")
        OUTLINE = "outline", _("Đề cương báo cáo")

    owner = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị sở hữu"), on_delete=models.PROTECT, related_name="form_templates"
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

    class Meta:
        verbose_name = _("cột biểu mẫu")
        verbose_name_plural = _("cột biểu mẫu")
        ordering = ["template", "order", "id"]

    def __str__(self) -> str:
        return self.label

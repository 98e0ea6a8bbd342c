from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core import access
from danvan.core.models import Derived, TimeStamped, Versioned
from danvan.lib import vntext


class UnitScoped(access.ScopedQuerySet):
    scope_field = "unit__path"


class PropagandaEntry(TimeStamped, Versioned, Derived):
    """One piece of propaganda: an article, a broadcast, a post, leaflets, slogans put up."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("Bài báo")
        BROADCAST = "broadcast", _("Phát thanh, truyền hình")
        SOCIAL = "social", _("Bài đăng mạng xã hội")
        WEBSITE = "website", _("Tin, bài trên trang thông tin điện tử")
        LEAFLET = "leaflet", _("Tờ rơi, tài liệu")
        SLOGAN = "slogan", _("Khẩu hiệu, băng rôn, pa nô")

    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("hình thức"), max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    title = models.CharField(_("tiêu đề, nội dung"), max_length=500)
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    campaign = models.CharField(_("đợt, chủ đề tuyên truyền"), max_length=255, blank=True)
    exemplar = models.ForeignKey(
        "recognition.Exemplar",
        verbose_name=_("mô hình, điển hình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_on = models.DateField(_("ngày đăng, phát"), default=timezone.localdate, db_index=True)
    outlet = models.CharField(_("cơ quan báo chí, kênh"), max_length=255, blank=True)
    link = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    views = models.PositiveIntegerField(_("lượt xem, nghe"), null=True, blank=True)
    shares = models.PositiveIntegerField(_("lượt chia sẻ"), null=True, blank=True)
    copies = models.PositiveIntegerField(_("số bản, số khẩu hiệu"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    objects = UnitScoped.as_manager()

    class Meta:
        verbose_name = _("hoạt động tuyên truyền")
        verbose_name_plural = _("hoạt động tuyên truyền")
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def refresh_derived(self) -> None:
        self.search_text = vntext.fold(f"{self.title} {self.campaign} {self.outlet}")

    @property
    def reach(self) -> int:
        return (self.views or 0) + (self.shares or 0) + (self.copies or 0)


class Slogan(TimeStamped, Derived):
    """The slogan library: slogans of past plans and campaigns, to reuse."""

    unit = models.ForeignKey("org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+")
    text = models.CharField(_("khẩu hiệu"), max_length=500)
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    campaign = models.CharField(_("đợt, chủ đề"), max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    times_used = models.PositiveIntegerField(_("số lần dùng"), default=0)
    search_text = models.TextField(editable=False, default="")

    objects = UnitScoped.as_manager()

    class Meta:
        verbose_name = _("khẩu hiệu")
        verbose_name_plural = _("khẩu hiệu")
        ordering = ["-year", "text"]

    def __str__(self) -> str:
        return self.text

    def refresh_derived(self) -> None:
        self.search_text = vntext.fold(f"{self.text} {self.campaign}")

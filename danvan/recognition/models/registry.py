"""The movement's registry: fields, models and exemplars, their progress, files and awards."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core import access
from danvan.core.files import RandomName
from danvan.core.models import Derived, TimeStamped, Versioned
from danvan.lib import vntext

# The movement's own words and the small words: two titles that differ only in these are the same title.
SMALL_WORDS = {"mo", "hinh", "dien", "dan", "van", "kheo", "cua", "va", "cac", "trong", "o", "tai", "voi"}


def title_words(title: str) -> set[str]:
    """The distinctive words of a title, folded: order, accents and the movement's own words do not count."""
    return {w for w in vntext.fold(title).split() if w not in SMALL_WORDS}


class Field(models.Model):
    """A field of the movement (kinh tế; văn hóa - xã hội; …): an editable list, not an enum."""

    name = models.CharField(_("lĩnh vực"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class ExemplarQuerySet(access.ScopedQuerySet):
    scope_field = "unit__path"

    def public(self):
        """What the showcase may show: recognised entries a manager has published."""
        return self.filter(
            status__in=[Exemplar.Status.RECOGNISED, Exemplar.Status.PROPOSED], published_at__isnull=False
        )


class Exemplar(Derived, TimeStamped, Versioned):
    """A registered model (mô hình, usually collective) or exemplar (điển hình, often a person) for a year."""

    class Kind(models.TextChoices):
        INITIATIVE = "initiative", _("Mô hình")
        EXEMPLAR = "exemplar", _("Điển hình")

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Đã đăng ký")
        IN_ROUND = "in_round", _("Đang thẩm định")
        RECOGNISED = "recognised", _("Được công nhận")
        PROPOSED = "proposed", _("Được công nhận, đề nghị cấp trên")
        NOT_RECOGNISED = "not_recognised", _("Chưa được công nhận")

    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị đăng ký"), on_delete=models.PROTECT, related_name="exemplars"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices, default=Kind.INITIATIVE)
    field = models.ForeignKey(
        Field, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="exemplars"
    )
    title = models.CharField(_("tên mô hình, điển hình"), max_length=300)
    description = models.TextField(_("nội dung, cách làm"), blank=True)
    beneficiaries = models.CharField(_("đối tượng thụ hưởng"), max_length=300, blank=True)
    started_on = models.DateField(_("bắt đầu thực hiện"), null=True, blank=True)
    expected_results = models.TextField(_("kết quả dự kiến"), blank=True)
    contact_name = models.CharField(_("người liên hệ"), max_length=150, blank=True)
    contact_phone = models.CharField(_("điện thoại liên hệ"), max_length=30, blank=True)
    person = models.ForeignKey(
        "org.Person",
        verbose_name=_("cá nhân điển hình"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="exemplars",
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status.choices, default=Status.REGISTERED
    )
    story = models.TextField(_("câu chuyện (hiển thị công khai)"), blank=True)
    # Recognition does not put an entry on the public showcase: a manager publishes it (exemplar_publish).
    published_at = models.DateTimeField(_("đăng công khai lúc"), null=True, blank=True)
    published_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title_key = models.CharField(max_length=300, editable=False, default="", db_index=True)
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    objects = ExemplarQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "title_key"])

    class Meta:
        ordering = ["-year", "title"]
        indexes = [models.Index(fields=["status", "year"]), models.Index(fields=["unit", "year"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("recognition:exemplar_detail", args=[self.pk])

    def refresh_derived(self) -> None:
        """title_key: the distinctive words, sorted (the near-duplicate check compares them);
        search_text: title, content, beneficiaries and unit, folded (the search box)."""
        self.title_key = " ".join(sorted(title_words(self.title)))[:300]
        self.search_text = vntext.fold(
            f"{self.title} {self.description} {self.beneficiaries} {self.unit.name}"
        )


class ProgressUpdate(TimeStamped):
    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="updates")
    on = models.DateField(_("ngày"))
    text = models.TextField(_("nội dung"))
    figures = models.CharField(_("số liệu"), max_length=500, blank=True)
    author = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-on", "-id"]

    def __str__(self) -> str:
        return self.text[:60]


class Attachment(TimeStamped):
    """A photo or a document of an exemplar (checked by content: real images and Word files only)."""

    class Kind(models.TextChoices):
        PHOTO = "photo", _("Ảnh")
        DOCUMENT = "document", _("Tài liệu")

    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="attachments")
    update = models.ForeignKey(
        ProgressUpdate, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    file = models.FileField(upload_to=RandomName("exemplars"))
    name = models.CharField(max_length=255)
    caption = models.CharField(_("chú thích"), max_length=255, blank=True)
    is_public = models.BooleanField(_("hiển thị công khai"), default=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class AwardQuerySet(access.ScopedQuerySet):
    """Seen where the issuing unit is seen."""

    scope_field = "issuer__path"


class Award(TimeStamped):
    class Form(models.TextChoices):
        CERTIFICATE = "giay_khen", _("Giấy khen")
        MERIT = "bang_khen", _("Bằng khen")

    exemplar = models.ForeignKey(
        Exemplar, null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    recipient_name = models.CharField(_("tập thể, cá nhân được khen"), max_length=300)
    form = models.CharField(_("hình thức"), max_length=12, choices=Form.choices)
    level = models.CharField(_("cấp khen"), max_length=200, help_text=_("Ví dụ: Chủ tịch UBND tỉnh"))
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decision_date = models.DateField(_("ngày quyết định"))
    reason = models.CharField(_("thành tích"), max_length=500, blank=True)
    issuer = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị đề nghị"), on_delete=models.PROTECT, related_name="awards"
    )

    objects = AwardQuerySet.as_manager()

    class Meta:
        ordering = ["-decision_date", "recipient_name"]

    def __str__(self) -> str:
        return f"{self.get_form_display()} — {self.recipient_name}"

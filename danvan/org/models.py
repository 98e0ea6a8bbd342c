from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core.access import SEGMENT_WIDTH, ScopedQuerySet
from danvan.core.models import Derived, TimeStamped, Versioned
from danvan.lib import vntext


class UnitKind(models.Model):
    """Kinds are data, not a frozen enum: the 2025 reform removed some and renamed others."""

    code = models.SlugField(_("mã loại"), max_length=40, unique=True)
    name = models.CharField(_("tên loại"), max_length=120)
    is_admin_area = models.BooleanField(_("là địa bàn hành chính"), default=False)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)

    class Meta:
        verbose_name = _("loại đơn vị")
        verbose_name_plural = _("loại đơn vị")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class UnitQuerySet(ScopedQuerySet):
    scope_field = "path"

    def valid_on(self, day: date):
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=day),
        )

    def current(self):
        from django.utils import timezone

        return self.valid_on(timezone.localdate())


class Unit(TimeStamped, Versioned, Derived):
    """A node of the organisation tree: an area, a party committee, an agency, a team."""

    code = models.CharField(_("mã đơn vị"), max_length=40, unique=True, null=True, blank=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=120, blank=True)
    abbreviation = models.CharField(
        _("ký hiệu viết tắt"),
        max_length=30,
        blank=True,
        help_text=_("Dùng trong số, ký hiệu văn bản, ví dụ BDVTU."),
    )
    kind = models.ForeignKey(UnitKind, verbose_name=_("loại"), on_delete=models.PROTECT, related_name="units")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)
    admin_code = models.CharField(_("mã hành chính"), max_length=20, blank=True, db_index=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("sáp nhập vào"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    search_text = models.TextField(editable=False, default="")
    sort_key = models.CharField(max_length=255, editable=False, default="", db_index=True)

    objects = UnitQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "sort_key", "path", "depth"])

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        # (depth, sort_key, search_text) covers the search box's scan: a rare word never reads the table.
        indexes = [
            models.Index(fields=["parent", "sort_key"]),
            models.Index(fields=["depth", "sort_key", "search_text"], name="org_unit_search_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_range",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("org:unit_detail", args=[self.pk])

    def refresh_derived(self) -> None:
        """The search box matches any of the unit's names and codes, folded; lists sort by the name."""
        names = [self.name, self.short_name, self.abbreviation, self.admin_code, self.code or ""]
        self.search_text = vntext.fold(" ".join(filter(None, names)))
        self.sort_key = vntext.sort_key(self.name)[:255]

    def is_valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )

    @property
    def is_current(self) -> bool:
        from django.utils import timezone

        return self.is_valid_on(timezone.localdate())

    def ancestor_paths(self) -> list[str]:
        return [self.path[:end] for end in range(SEGMENT_WIDTH, len(self.path), SEGMENT_WIDTH)]

    def ancestors(self):
        """Root first; one query."""
        return Unit.objects.filter(path__in=self.ancestor_paths()).order_by("depth")


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")
    OTHER = "other", _("Khác")


class PersonQuerySet(ScopedQuerySet):
    scope_field = "unit__path"


class Person(TimeStamped, Versioned, Derived):
    full_name = models.CharField(_("họ và tên"), max_length=150)
    title = models.CharField(_("chức vụ"), max_length=255, blank=True)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="people")
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    search_text = models.TextField(editable=False, default="")
    sort_key = models.CharField(max_length=255, editable=False, default="", db_index=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "sort_key"])

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ")
        ordering = ["sort_key", "id"]
        indexes = [
            models.Index(fields=["unit", "sort_key"]),
            models.Index(fields=["sort_key", "search_text"], name="org_person_search_idx"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("org:person_detail", args=[self.pk])

    def refresh_derived(self) -> None:
        """The search box matches the name, title and contacts, folded; lists sort by given name first."""
        self.search_text = vntext.fold(
            " ".join(filter(None, [self.full_name, self.title, self.email, self.phone]))
        )
        self.sort_key = vntext.person_sort_key(self.full_name)[:255]


class ImportBatch(TimeStamped):
    """An uploaded Excel file, parsed and checked; applied only on confirmation and when every row is good."""

    class Kind(models.TextChoices):
        UNITS = "units", _("Đơn vị")
        PEOPLE = "people", _("Cán bộ")

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ xác nhận")
        APPLIED = "applied", _("Đã nhập")
        DISCARDED = "discarded", _("Đã hủy")

    kind = models.CharField(_("loại dữ liệu"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(_("tên tệp"), max_length=255)
    rows = models.JSONField(default=list)
    errors = models.JSONField(default=list)
    applied_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("lượt nhập Excel")
        verbose_name_plural = _("lượt nhập Excel")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.file_name}"

    @property
    def is_clean(self) -> bool:
        return not self.errors and bool(self.rows)

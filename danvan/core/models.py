from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from danvan.core.concurrency import save_if_current
from danvan.lib.vndates import DateWindow


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


class Versioned(models.Model):
    """Optimistic concurrency: a form carries the version it was read at; a stale one is refused.

    Every edit saves through `save_checked` (inside the service's atomic block); nothing bumps `version`
    by hand.
    """

    version = models.PositiveIntegerField(_("phiên bản"), default=1)

    class Meta:
        abstract = True

    def save_checked(self, *, expected_version: int | None) -> None:
        save_if_current(self, expected_version=expected_version)


class Derived(models.Model):
    """A row with derived search/sort columns (folded text, sort keys): `refresh_derived` is the one place
    that computes them. `save()` calls it; services that bulk_create or bulk_update call it on each row."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)

    def refresh_derived(self) -> None:  # overridden by every model that has derived columns
        return None


def DateWindowFields(prefix: str, *, label: str = "", end_indexed: bool = True) -> type[models.Model]:
    """The one field group for a time that may be fuzzy (see danvan.lib.vndates.DateWindow).

    `class Task(DateWindowFields("due"), ...)` adds due_start, due_end, due_text, due_kind, due_tentative, the
    property `due` (a DateWindow or None) and `set_due(window)`. The original words are always kept.
    """
    text_label = label or _("thời gian (nguyên văn)")
    attrs = {
        "__module__": __name__,
        "__qualname__": f"DateWindowFields_{prefix}",
        "Meta": type("Meta", (), {"abstract": True}),
        f"{prefix}_start": models.DateField(_("từ ngày"), null=True, blank=True),
        f"{prefix}_end": models.DateField(_("hạn"), null=True, blank=True, db_index=end_indexed),
        f"{prefix}_text": models.CharField(text_label, max_length=255, blank=True),
        f"{prefix}_kind": models.CharField(max_length=10, blank=True),
        f"{prefix}_tentative": models.BooleanField(_("dự kiến"), default=False),
    }

    def window(self) -> DateWindow | None:
        start, end, text = (getattr(self, f"{prefix}_{part}") for part in ("start", "end", "text"))
        if not (start or end or text):
            return None
        return DateWindow(
            start=start,
            end=end,
            text=text,
            tentative=getattr(self, f"{prefix}_tentative"),
            kind=getattr(self, f"{prefix}_kind") or "unparsed",
        )

    def set_window(self, window: DateWindow | None) -> None:
        values: dict[str, date | str | bool | None]
        if window is None:
            values = {"start": None, "end": None, "text": "", "kind": "", "tentative": False}
        else:
            values = {
                "start": window.start,
                "end": window.end,
                "text": window.text[:255],
                "kind": window.kind,
                "tentative": window.tentative,
            }
        for part, value in values.items():
            setattr(self, f"{prefix}_{part}", value)

    attrs[prefix] = property(window)
    attrs[f"set_{prefix}"] = set_window
    return type(f"DateWindowFields_{prefix}", (models.Model,), attrs)


class FormToken(models.Model):
    """A create form's one-time token, stored when the create it carried succeeds.

    The token is issued (random, not stored) when the form renders; the unique constraint on `token` makes a
    second POST of the same form (a double click, a resent request) fail to consume it, and that POST is
    answered with the object the first one made (`content_type`/`object_id`) instead of a second object.
    """

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.CASCADE, related_name="+")
    used_at = models.DateTimeField(auto_now_add=True, db_index=True)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.CharField(max_length=64, blank=True)

    class Meta:
        verbose_name = _("mã biểu mẫu dùng một lần")
        verbose_name_plural = _("mã biểu mẫu dùng một lần")

    def __str__(self) -> str:
        return self.token

    @property
    def target(self):
        """The object the first POST created, or None (deleted since, or a create that made no object)."""
        if self.content_type is None or not self.object_id:
            return None
        model = self.content_type.model_class()
        return model._default_manager.filter(pk=self.object_id).first() if model else None


class AuditEvent(models.Model):
    """Who did what to which object, and what changed. Written by services, never by signals."""

    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verb = models.CharField(_("hành động"), max_length=40)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("đối tượng"), max_length=255, blank=True)
    unit_path = models.CharField(max_length=255, blank=True, db_index=True)
    summary = models.TextField(_("tóm tắt"), blank=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)

    class Meta:
        verbose_name = _("nhật ký thao tác")
        verbose_name_plural = _("nhật ký thao tác")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.verb} {self.object_repr}"


# The background documents' row lives in its own package; imported here so that Django registers it with core.
from danvan.core.jobs.models import DocumentJob  # noqa: E402, F401


class DataStamp(models.Model):
    """A version per kind of figures (``danvan.core.stamps``): it changes after every committed write to
    the rows those figures are computed from, so figures kept under one version are never served after a
    change."""

    name = models.CharField(max_length=50, primary_key=True)
    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("mốc dữ liệu")

    def __str__(self) -> str:
        return f"{self.name} #{self.version}"

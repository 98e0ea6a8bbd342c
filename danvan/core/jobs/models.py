"""DocumentJob: one document made in the background for one person."""

from __future__ import annotations

from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from danvan.core.access import scoped
from danvan.core.files.naming import RandomName
from danvan.core.models import TimeStamped

# A running job whose progress has not moved for this long lost its worker (killed, machine restarted): it is
# shown as failed so that the user can ask again. Longer than any single step (the 1,500-letter PDF takes
# LibreOffice about a minute; convert_to_pdf gives up after a few).
RUNNING_STALE_AFTER = timedelta(minutes=15)
# A job no worker picked up for this long (the worker is not running): also shown as failed.
QUEUED_STALE_AFTER = timedelta(hours=1)

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
MSG_STALE = _("Tác vụ bị gián đoạn (máy chủ xử lý đã dừng) nên chưa có tệp. Hãy bấm tạo lại.")


class DocumentJobQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A person sees the jobs they asked for; a system administrator sees every job."""
        return scoped(self, user, lambda paths: Q(owner=user))

    def for_subject(self, subject: models.Model):
        return self.filter(
            subject_type=ContentType.objects.get_for_model(type(subject)), subject_id=subject.pk
        )

    def active(self):
        now = timezone.now()
        return self.filter(
            Q(status=DocumentJob.Status.RUNNING, updated_at__gte=now - RUNNING_STALE_AFTER)
            | Q(status=DocumentJob.Status.QUEUED, created_at__gte=now - QUEUED_STALE_AFTER)
        )

    def stale(self):
        now = timezone.now()
        return self.filter(
            Q(status=DocumentJob.Status.RUNNING, updated_at__lt=now - RUNNING_STALE_AFTER)
            | Q(status=DocumentJob.Status.QUEUED, created_at__lt=now - QUEUED_STALE_AFTER)
        )


class DocumentJob(TimeStamped):
    """A document asked for by ``owner`` and made by a task. ``updated_at`` is the heartbeat: every
    progress write moves it, so a job whose worker died is recognised (``is_stale``)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang tạo")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Lỗi")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người yêu cầu"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("loại"), max_length=60)
    title = models.CharField(_("tài liệu"), max_length=255)
    subject_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    # Stored under a random name (the storage path says nothing about the content); the name the user
    # downloads it under is file_name.
    result = models.FileField(upload_to=RandomName("jobs"), max_length=255, blank=True)
    file_name = models.CharField(_("tên tệp"), max_length=200)
    error = models.TextField(_("lỗi"), blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = DocumentJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("tài liệu tạo nền")
        verbose_name_plural = _("tài liệu tạo nền")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["subject_type", "subject_id", "owner"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_stale(self) -> bool:
        now = timezone.now()
        if self.status == self.Status.RUNNING:
            return self.updated_at < now - RUNNING_STALE_AFTER
        if self.status == self.Status.QUEUED:
            return self.created_at < now - QUEUED_STALE_AFTER
        return False

    @property
    def state(self) -> str:
        """The status the user sees: a job left behind by a dead worker is failed."""
        return self.Status.FAILED if self.is_stale else self.status

    @property
    def state_label(self) -> str:
        return str(self.Status(self.state).label)

    @property
    def is_active(self) -> bool:
        return self.state in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def message(self) -> str:
        if self.is_stale:
            return str(MSG_STALE)
        return self.error

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(100, int(100 * self.done / self.total)) if self.total else 0

    @property
    def extension(self) -> str:
        return PurePosixPath(self.file_name).suffix.lstrip(".").lower()

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES.get(self.extension, "application/octet-stream")

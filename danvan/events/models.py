import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core import access
from danvan.core.files import RandomName
from danvan.core.models import DateWindowFields, Derived, TimeStamped, Versioned
from danvan.lib import vntext


class EventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Events organised in the user's subtrees, and events a unit there is asked to send delegates to."""
        from django.db.models import Exists, OuterRef, Q

        def condition(paths):
            asked = DelegateGroup.objects.filter(event=OuterRef("pk")).filter(
                access.subtree_q("nominating_unit__path", paths)
            )
            return access.subtree_q("organiser__path", paths) | Q(Exists(asked))

        return access.scoped(self, user, condition)


class Event(TimeStamped, Versioned, DateWindowFields("time")):
    """A conference, seminar, ceremony…: its time is a DateWindow (time_start … time_tentative, the words
    kept as written, e.g. "dự kiến trung tuần tháng 9/2023") until `starts_at` fixes the hour."""

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Hội nghị")
        SEMINAR = "seminar", _("Hội nghị tọa đàm")
        TRAINING = "training", _("Tập huấn")
        CEREMONY = "ceremony", _("Lễ biểu dương, khen thưởng")
        MEETING = "meeting", _("Gặp mặt")
        DIALOGUE = "dialogue", _("Tiếp xúc, đối thoại")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Đang chuẩn bị")
        CLOSED = "closed", _("Đã kết thúc")

    organiser = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="events"
    )
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    task = models.ForeignKey(
        "plans.Task",
        verbose_name=_("nhiệm vụ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices, default=Kind.CONFERENCE)
    # The programme item (a task of a Chương trình công tác) this carries out.
    programme_item = models.ForeignKey(
        "plans.Task",
        verbose_name=_("thực hiện mục trong Chương trình công tác"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carrying_events",
        limit_choices_to={"plan__kind": "programme"},
    )
    title = models.CharField(_("tên sự kiện"), max_length=500)
    venue = models.CharField(_("địa điểm"), max_length=255, blank=True)
    starts_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    expected_attendance = models.PositiveIntegerField(_("số đại biểu dự kiến"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    # Who signs the letters and the report, and the place name on their date line, when the event does not
    # come from a plan (a plan's own signature and place win: the letters carry out that plan).
    place_name = models.CharField(_("địa danh"), max_length=80, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=120, blank=True)
    minutes = models.TextField(_("biên bản, diễn biến"), blank=True)
    conclusions = models.TextField(_("kết luận"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sự kiện")
        verbose_name_plural = _("sự kiện")
        ordering = ["-time_end", "-id"]

    def __str__(self) -> str:
        kind = self.get_kind_display()
        # "Hội nghị tọa đàm trao đổi …" already says what it is: no "Hội nghị tọa đàm Hội nghị tọa đàm …".
        if vntext.fold(self.title).startswith(vntext.fold(kind)):
            return self.title
        return f"{kind} {self.title}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("events:event_detail", args=[self.pk])

    @property
    def is_fixed(self) -> bool:
        return self.starts_at is not None

    @property
    def when(self) -> str:
        if self.starts_at:
            return timezone.localtime(self.starts_at).strftime("%H giờ %M, ngày %d/%m/%Y")
        return self.time_text

    @property
    def last_day(self):
        if self.starts_at:
            return timezone.localtime(self.starts_at).date()
        return self.time_end

    @property
    def tentative_unsaid(self) -> bool:
        """Tentative, and the words do not already say so: "Dự kiến …" is not marked "(dự kiến)" again."""
        return bool(self.time_tentative) and not self.starts_at and "du kien" not in vntext.fold(self.when)

    @property
    def signer_authority_lines(self) -> list[str]:
        """["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"]: the authority line, then the signer's title."""
        return [text for text in (self.signer_authority, self.signer_title) if text]


class DelegateGroup(models.Model):
    """A composition group (thành phần) with its seats; a unit may be asked to name its delegates."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="groups")
    order = models.PositiveSmallIntegerField(default=0)
    label = models.CharField(_("thành phần"), max_length=500)
    quota = models.PositiveIntegerField(_("số suất"), null=True, blank=True)
    nominating_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị cử đại biểu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="delegate_groups",
    )
    nomination_deadline = models.DateField(_("hạn cử đại biểu"), null=True, blank=True)

    class Meta:
        ordering = ["event", "order", "id"]

    def __str__(self) -> str:
        return self.label


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Invitation(Derived, TimeStamped):
    class Status(models.TextChoices):
        INVITED = "invited", _("Đã mời")
        ACCEPTED = "accepted", _("Nhận lời")
        DECLINED = "declined", _("Từ chối")
        SUBSTITUTED = "substituted", _("Cử người thay")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    group = models.ForeignKey(
        DelegateGroup,
        verbose_name=_("thành phần"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations",
    )
    person = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("họ và tên"), max_length=150)
    title = models.CharField(_("chức vụ"), max_length=255, blank=True)
    unit_name = models.CharField(_("đơn vị"), max_length=255, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    status = models.CharField(_("trả lời"), max_length=12, choices=Status.choices, default=Status.INVITED)
    responded_at = models.DateTimeField(null=True, blank=True)
    substitute_name = models.CharField(_("người thay"), max_length=150, blank=True)
    substitute_title = models.CharField(_("chức vụ người thay"), max_length=255, blank=True)
    checked_in_at = models.DateTimeField(_("có mặt lúc"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_walk_in = models.BooleanField(_("đến không có giấy mời"), default=False)
    nominated_by = models.ForeignKey(
        "org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(_("gửi thư mời lúc"), null=True, blank=True)
    sort_key = models.CharField(max_length=255, default="", db_index=True)
    search_text = models.TextField(default="")

    class Meta:
        ordering = ["group__order", "sort_key", "id"]
        indexes = [
            models.Index(fields=["event", "sort_key"]),
            models.Index(fields=["event", "checked_in_at"]),
        ]

    def __str__(self) -> str:
        return self.name

    def refresh_derived(self) -> None:
        self.sort_key = vntext.person_sort_key(self.name)[:255]
        self.search_text = vntext.fold(f"{self.name} {self.title} {self.unit_name}")

    @property
    def attending_name(self) -> str:
        return (
            self.substitute_name
            if self.status == self.Status.SUBSTITUTED and self.substitute_name
            else self.name
        )


class Presentation(TimeStamped, DateWindowFields("due", label=_("hạn gửi (nguyên văn)"), end_indexed=False)):
    """A unit's presentation (tham luận); its due date is a DateWindow (a deadline, `due_end`)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Đã đề nghị")
        RECEIVED = "received", _("Đã nhận")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Đề nghị sửa")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="presentations")
    unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="presentations"
    )
    title = models.CharField(_("tên tham luận"), max_length=500, blank=True)
    presenter = models.CharField(_("người trình bày"), max_length=150, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    file = models.FileField(_("tệp"), upload_to=RandomName("presentations"), blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    text = models.JSONField(default=list, blank=True)  # the file's paragraphs, for the booklet
    order = models.PositiveSmallIntegerField(_("thứ tự trong chương trình"), default=0)
    review_comment = models.TextField(_("ý kiến"), blank=True)

    class Meta:
        ordering = ["event", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["event", "unit"], name="one_presentation_per_unit")]

    def __str__(self) -> str:
        return self.title or str(self.unit)

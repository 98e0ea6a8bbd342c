import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core import access
from danvan.core.files import RandomName
from danvan.core.models import Derived, TimeStamped, Versioned
from danvan.lib import vntext

from .catalog import PetitionField, PetitionKind

# Short words that say nothing about what a petition is about: left out of the duplicate comparison.
STOP_WORDS = frozenset(
    [
        "va",
        "cua",
        "cho",
        "cac",
        "nhung",
        "mot",
        "la",
        "o",
        "tai",
        "de",
        "duoc",
        "da",
        "dang",
        "se",
        "co",
        "khong",
        "voi",
        "ve",
        "theo",
        "nay",
        "do",
        "thi",
        "ma",
        "nhu",
        "khi",
        "tu",
        "tren",
        "trong",
        "ra",
        "vao",
        "len",
        "xuong",
        "con",
        "rat",
        "nen",
        "bi",
        "lai",
        "nguoi",
        "dan",
        "ba",
        "con",
    ]
)
# An alphabet without look-alike characters (0/O, 1/I/L), read over the phone; 10 of 31 symbols: ~50 bits.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def new_lookup_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def word_set(text: str) -> set[str]:
    return {w for w in vntext.fold(text).split() if len(w) > 1 and w not in STOP_WORDS}


class PetitionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Petitions received in the user's subtrees, and those a unit there must resolve (so the receiving
        unit, the responsible unit and every superior of either see it)."""

        def condition(paths):
            return access.subtree_q("received_path", paths) | access.subtree_q("responsible_path", paths)

        return access.scoped(self, user, condition)

    def counted(self):
        """What statistics count: a merged duplicate is counted once, in the petition it was merged into."""
        return self.exclude(status=Petition.Status.MERGED)


class Petition(TimeStamped, Versioned, Derived):
    """An opinion, recommendation or report of a problem (ý kiến, kiến nghị, phản ánh), followed from
    receipt to the answer the citizen receives. Who raised it lives in PetitionCitizen, seen by few."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp nhận")
        ASSIGNED = "assigned", _("Đã giao xử lý")
        IN_PROGRESS = "in_progress", _("Đang giải quyết")
        ANSWERED = "answered", _("Đã trả lời")
        INFORMED = "informed", _("Đã thông tin cho công dân")
        CLOSED = "closed", _("Đã kết thúc")
        ESCALATED = "escalated", _("Chuyển cấp trên")
        MERGED = "merged", _("Đã gộp (trùng)")

    OPEN = (Status.RECEIVED, Status.ASSIGNED, Status.IN_PROGRESS, Status.ESCALATED)
    RESOLVED = (Status.ANSWERED, Status.INFORMED, Status.CLOSED)

    class Source(models.TextChoices):
        DIALOGUE = "dialogue", _("Tiếp xúc, đối thoại")
        RECEPTION = "reception", _("Tiếp công dân")
        MEETING = "meeting", _("Hội nghị, họp dân")
        SITUATION = "situation", _("Nắm tình hình")
        PLATFORM = "platform", _("Nền tảng số (Mặt trận số…)")
        OTHER = "other", _("Khác")

    class Raiser(models.TextChoices):
        PERSON = "person", _("Cá nhân")
        GROUP = "group", _("Nhóm, tập thể")

    kind = models.CharField(
        _("loại"), max_length=20, choices=PetitionKind.choices, default=PetitionKind.RECOMMENDATION
    )
    title = models.CharField(_("nội dung tóm tắt"), max_length=300)
    content = models.TextField(_("nội dung"), blank=True)
    field = models.ForeignKey(
        PetitionField, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(_("nguồn"), max_length=12, choices=Source.choices, default=Source.RECEPTION)
    dialogue = models.ForeignKey(
        "citizens.Dialogue",
        verbose_name=_("cuộc tiếp xúc, đối thoại"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="petitions",
    )
    external_ref = models.CharField(_("mã tham chiếu bên ngoài"), max_length=100, blank=True)
    raiser = models.CharField(_("người nêu"), max_length=8, choices=Raiser.choices, default=Raiser.PERSON)
    raiser_count = models.PositiveIntegerField(_("số người nêu"), default=1)
    received_unit = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị tiếp nhận"), on_delete=models.PROTECT, related_name="+"
    )
    received_path = models.CharField(max_length=255, editable=False, default="")
    locality = models.ForeignKey(
        "org.Unit",
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    place = models.CharField(_("nơi xảy ra"), max_length=255, blank=True)
    received_on = models.DateField(_("ngày tiếp nhận"), default=timezone.localdate, db_index=True)
    responsible_unit = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị chủ trì giải quyết"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    responsible_path = models.CharField(max_length=255, editable=False, default="")
    deadline = models.DateField(_("hạn giải quyết"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    is_open = models.BooleanField(default=True, editable=False)
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    informed_how = models.CharField(_("hình thức thông tin cho công dân"), max_length=255, blank=True)
    informed_on = models.DateField(_("ngày thông tin"), null=True, blank=True)
    closed_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    escalation_reason = models.TextField(_("lý do chuyển cấp trên"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("gộp vào"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
    )
    lookup_code = models.CharField(_("mã tra cứu"), max_length=16, unique=True, default=new_lookup_code)
    search_text = models.TextField(editable=False, default="")
    word_key = models.TextField(editable=False, default="")
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    objects = PetitionQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["search_text", "word_key", "received_path", "responsible_path"]
    )

    class Meta:
        verbose_name = _("ý kiến, kiến nghị")
        verbose_name_plural = _("ý kiến, kiến nghị")
        ordering = ["-received_on", "-id"]
        indexes = [
            # the overdue list of a unit and its superiors: open, in the subtree, past the deadline
            models.Index(fields=["is_open", "responsible_path", "deadline"], name="citizens_pet_overdue_idx"),
            # the same list in deadline order: a province's first page stops after 50 rows
            models.Index(fields=["is_open", "deadline", "responsible_path"], name="citizens_pet_due_idx"),
            # the duplicate prefilter: same place, recent
            models.Index(fields=["locality", "received_on"], name="citizens_pet_place_idx"),
            # the periodic report: received in a subtree during a period
            models.Index(fields=["received_path", "received_on"], name="citizens_pet_report_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deadline__isnull=True) | models.Q(deadline__gte=models.F("received_on")),
                name="citizens_petition_deadline_after_receipt",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}" if self.pk else self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("citizens:petition_detail", args=[self.pk])

    def refresh_derived(self) -> None:
        self.received_path = self.received_unit.path if self.received_unit_id else ""
        self.responsible_path = self.responsible_unit.path if self.responsible_unit_id else ""
        self.is_open = self.status in self.OPEN
        self.search_text = vntext.fold(f"{self.title} {self.content} {self.place} {self.external_ref}")
        self.word_key = " ".join(sorted(word_set(f"{self.title} {self.content}")))

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status in self.OPEN and self.deadline is not None and self.deadline < today

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def on_time(self) -> bool | None:
        """Answered by the deadline (None while unanswered or without a deadline)."""
        if self.answered_on is None or self.deadline is None:
            return None
        return self.answered_on <= self.deadline


class PetitionCitizen(TimeStamped):
    """Who raised a petition: personal data, shown only to the handling units' holders of
    PETITION_PERSONAL_VIEW (each showing audited), never on public pages, in exports or in statistics."""

    petition = models.OneToOneField(Petition, on_delete=models.CASCADE, related_name="citizen")
    full_name = models.CharField(_("họ và tên / tên nhóm"), max_length=200, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    note = models.CharField(_("ghi chú liên hệ"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thông tin người nêu")
        verbose_name_plural = _("thông tin người nêu")

    def __str__(self) -> str:
        return f"#{self.petition_id}"  # never the name: this shows in audit and admin lists


class PetitionStep(models.Model):
    """The petition's timeline: each status change, transfer and merge, with who and why."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="steps")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12)
    from_unit = models.ForeignKey(
        "org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_unit = models.ForeignKey(
        "org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("ghi chú, lý do"), blank=True)
    is_transfer = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"

    @property
    def to_label(self) -> str:
        return Petition.Status(self.to_status).label


class PetitionAttachment(TimeStamped):
    """A letter, a photo, a decision attached to a petition. A letter names its author, so every file is
    treated as personal data: shown and served only to those who may see who raised the petition."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=RandomName("petitions"))
    name = models.CharField(_("tên tệp"), max_length=255)
    kind = models.CharField(max_length=8)  # jpg, png, gif, webp, docx, xlsx
    caption = models.CharField(_("ghi chú"), max_length=255, blank=True)
    added_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"#{self.petition_id}/{self.pk}"  # never the file name: it may carry a person's name

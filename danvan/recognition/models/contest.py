"""The press contest about the movement's models: entries, judging rounds, scores, prizes.

A contest is run by a unit (owner) and is open to the units under it: it is seen by the owner's subtree,
by the units below the owner (they send entries), and by the judges of its rounds.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from danvan.core import access
from danvan.core.files import RandomName
from danvan.core.models import TimeStamped, Versioned

__all__ = ["Contest", "ContestEntry", "ContestRound", "EntryScore", "Prize", "PrizeAward"]


class ContestQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Contests the user runs (owner in the user's subtree), may send to (owner above the user's
        units) or judges (a judge of one of its rounds)."""

        def condition(paths):
            ancestors = {
                path[:end]
                for path in paths
                for end in range(access.SEGMENT_WIDTH, len(path) + 1, access.SEGMENT_WIDTH)
            }
            judged = ContestRound.judges.through.objects.filter(user_id=user.pk).values(
                "contestround__contest_id"
            )
            return access.subtree_q("owner__path", paths) | Q(owner__path__in=ancestors) | Q(pk__in=judged)

        return access.scoped(self, user, condition)


class Contest(TimeStamped, Versioned):
    """Cuộc thi báo chí viết về mô hình, điển hình “Dân vận khéo”."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang nhận bài")
        JUDGING = "judging", _("Đang chấm")
        FINISHED = "finished", _("Đã công bố kết quả")

    owner = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị tổ chức"), on_delete=models.PROTECT, related_name="contests"
    )
    name = models.CharField(_("tên cuộc thi"), max_length=300)
    period_text = models.CharField(
        _("thời gian"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: tác phẩm đăng, phát từ 01/01/2025 đến 30/9/2025; nhận bài trước 15/10/2025."),
    )
    description = models.TextField(_("thể lệ, ghi chú"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    objects = ContestQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cuộc thi báo chí")
        verbose_name_plural = _("cuộc thi báo chí")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("recognition:contest_detail", args=[self.pk])


class ContestEntry(TimeStamped, Versioned):
    """A published work (báo in, báo điện tử, phát thanh, truyền hình) sent by a unit."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="entries")
    title = models.CharField(_("tên tác phẩm"), max_length=300)
    author = models.CharField(_("tác giả, nhóm tác giả"), max_length=300)
    outlet = models.CharField(_("cơ quan báo chí"), max_length=200)
    published_on = models.DateField(_("ngày đăng, phát"), null=True, blank=True)
    link = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    file = models.FileField(_("tệp tác phẩm"), upload_to=RandomName("contest"), blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    exemplar = models.ForeignKey(
        "recognition.Exemplar",
        verbose_name=_("mô hình, điển hình được viết về"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contest_entries",
    )
    submitted_by = models.ForeignKey(
        "org.Unit", verbose_name=_("đơn vị gửi"), on_delete=models.PROTECT, related_name="contest_entries"
    )
    stage = models.PositiveSmallIntegerField(
        _("vòng đã vào"), default=0, help_text=_("0: vòng đầu; 1: được chọn vào vòng thứ hai; …")
    )
    created_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tác phẩm dự thi")
        verbose_name_plural = _("tác phẩm dự thi")
        ordering = ["contest", "id"]
        indexes = [models.Index(fields=["contest", "submitted_by"])]

    def __str__(self) -> str:
        return self.title


class ContestRound(TimeStamped):
    """Sơ khảo, chung khảo: each judge gives an entry one mark out of max_points; final once given."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang chấm")
        CLOSED = "closed", _("Đã kết thúc")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField(_("tên vòng"), max_length=120, help_text=_("Ví dụ: Sơ khảo, Chung khảo"))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    judges = models.ManyToManyField(
        "accounts.User", verbose_name=_("giám khảo"), related_name="contest_rounds", blank=True
    )
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2, default=100)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("vòng chấm")
        verbose_name_plural = _("vòng chấm")
        ordering = ["contest", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "order"], name="contest_round_order_unique"),
            models.CheckConstraint(condition=Q(max_points__gt=0), name="contest_round_max_points_positive"),
        ]

    def __str__(self) -> str:
        return self.name


class EntryScore(TimeStamped):
    """One judge's mark for one entry in one round: given once, never changed, never counted twice."""

    round = models.ForeignKey(ContestRound, on_delete=models.CASCADE, related_name="scores")
    entry = models.ForeignKey(ContestEntry, on_delete=models.CASCADE, related_name="scores")
    judge = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="contest_scores")
    points = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2)
    comment = models.TextField(_("nhận xét"), blank=True)

    class Meta:
        verbose_name = _("điểm chấm")
        verbose_name_plural = _("điểm chấm")
        ordering = ["round", "entry", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "entry", "judge"], name="one_score_per_judge_entry_round"
            ),
            models.CheckConstraint(condition=Q(points__gte=0), name="entry_score_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.entry} — {self.points}"


class Prize(models.Model):
    """A prize (Giải A, B, C, Khuyến khích) with how many entries may receive it."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="prizes")
    name = models.CharField(_("tên giải"), max_length=120)
    rank_order = models.PositiveSmallIntegerField(_("thứ bậc"), default=1, help_text=_("1 là giải cao nhất."))
    quota = models.PositiveSmallIntegerField(_("số giải"), default=1)

    class Meta:
        verbose_name = _("giải thưởng")
        verbose_name_plural = _("giải thưởng")
        ordering = ["contest", "rank_order", "id"]
        constraints = [models.UniqueConstraint(fields=["contest", "name"], name="contest_prize_name_unique")]

    def __str__(self) -> str:
        return self.name


class PrizeAward(TimeStamped):
    prize = models.ForeignKey(Prize, on_delete=models.CASCADE, related_name="awards")
    entry = models.OneToOneField(ContestEntry, on_delete=models.CASCADE, related_name="award")
    awarded_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("trao giải")
        verbose_name_plural = _("trao giải")
        ordering = ["prize__rank_order", "id"]

    def __str__(self) -> str:
        return f"{self.prize} — {self.entry}"

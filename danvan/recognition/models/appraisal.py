"""Appraisal rounds: criteria, the council, admitted entries, score sheets and their scores."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from danvan.core import access
from danvan.core.files import RandomName
from danvan.core.models import TimeStamped, Versioned

from .registry import Exemplar

__all__ = ["AppraisalRound", "CouncilMember", "Criterion", "RoundEntry", "Score", "ScoreSheet"]


class AppraisalRoundQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Rounds owned in the user's subtrees, and rounds where the user holds a seat on the council."""
        seated = Exists(CouncilMember.objects.filter(round=OuterRef("pk"), user_id=user.pk))
        return access.scoped(self, user, lambda paths: access.subtree_q("owner__path", paths) | Q(seated))


class AppraisalRound(TimeStamped, Versioned):
    class Level(models.TextChoices):
        WARD = "ward", _("Cấp xã, phường")
        PROVINCE = "province", _("Cấp tỉnh")

    class Status(models.TextChoices):
        OPEN = "open", _("Đang chấm")
        CLOSED = "closed", _("Đã kết thúc")

    owner = models.ForeignKey(
        "org.Unit",
        verbose_name=_("đơn vị tổ chức"),
        on_delete=models.PROTECT,
        related_name="appraisal_rounds",
    )
    name = models.CharField(_("tên đợt thẩm định"), max_length=300)
    year = models.PositiveSmallIntegerField(_("năm"))
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    threshold = models.DecimalField(
        _("điểm tối thiểu để công nhận"), max_digits=6, decimal_places=2, default=70
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN)
    # The programme item (a task of a Chương trình công tác) this carries out.
    programme_item = models.ForeignKey(
        "plans.Task",
        verbose_name=_("thực hiện mục trong Chương trình công tác"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carrying_rounds",
        limit_choices_to={"plan__kind": "programme"},
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Closing: the council's minutes (biên bản: typed, or the signed file), and what the result document
    # prints — its place name, signer and recipients (one a line).
    minutes = models.TextField(_("biên bản họp hội đồng"), blank=True)
    minutes_file = models.FileField(_("tệp biên bản"), upload_to=RandomName("appraisal-minutes"), blank=True)
    minutes_file_name = models.CharField(max_length=255, blank=True)
    place_name = models.CharField(_("địa danh"), max_length=80, blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=120, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True)

    objects = AppraisalRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-id"]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    round = models.ForeignKey(AppraisalRound, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("tiêu chí"), max_length=300)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["round", "order", "id"]

    def __str__(self) -> str:
        return self.name


class CouncilMember(models.Model):
    round = models.ForeignKey(AppraisalRound, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="council_seats")
    is_chair = models.BooleanField(_("chủ tịch hội đồng"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="one_seat_per_round")]

    def __str__(self) -> str:
        return str(self.user)


class RoundEntry(models.Model):
    class Decision(models.TextChoices):
        PENDING = "", _("Chưa quyết định")
        RECOGNISED = "recognised", _("Công nhận ở cấp này")
        PROPOSED = "proposed", _("Công nhận và đề nghị cấp trên")
        NOT_RECOGNISED = "not_recognised", _("Chưa công nhận")

    round = models.ForeignKey(AppraisalRound, on_delete=models.CASCADE, related_name="entries")
    exemplar = models.ForeignKey(Exemplar, on_delete=models.PROTECT, related_name="round_entries")
    decision = models.CharField(
        _("quyết định"), max_length=16, choices=Decision.choices, default="", blank=True
    )
    average = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    rank = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "exemplar"], name="one_entry_per_round")]

    def __str__(self) -> str:
        return str(self.exemplar)


class ScoreSheet(TimeStamped):
    """One member's scores for one entry; points are final once submitted, and never counted twice."""

    entry = models.ForeignKey(RoundEntry, on_delete=models.CASCADE, related_name="sheets")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="sheets")
    submitted_at = models.DateTimeField(null=True, blank=True)
    total = models.DecimalField(max_digits=7, decimal_places=2, default=0)
    comment = models.TextField(_("nhận xét"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "member"], name="one_sheet_per_member")]

    def __str__(self) -> str:
        return f"{self.member} → {self.entry}"


class Score(models.Model):
    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    points = models.DecimalField(max_digits=6, decimal_places=2)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["sheet", "criterion"], name="one_score_per_criterion")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.points}"

"""Building blocks of the appraisal tests: exemplars, council members, an open round, a sheet."""

from decimal import Decimal

from danvan.core.access import Role
from danvan.lib import vntext
from danvan.recognition.appraisal import services
from danvan.recognition.models import (
    AppraisalRound,
    Exemplar,
    Field,
    RoundEntry,
)
from danvan.testing.factories import UserFactory, grant

YEAR = 2025
TWO_CRITERIA = [
    {"name": "Hiệu quả", "max_points": Decimal(50)},
    {"name": "Sáng tạo", "max_points": Decimal(50)},
]


def make_exemplar(unit, title, *, year=YEAR, status=Exemplar.Status.REGISTERED):
    return Exemplar.objects.create(
        unit=unit,
        year=year,
        field=Field.objects.order_by("order").first(),
        title=title,
        status=status,
        search_text=vntext.fold(title),  # as the registration service fills it
    )


def council_user(cast, username, unit=None):
    user = UserFactory(username=username, full_name=username.replace("_", " ").title())
    grant(user, Role.COUNCIL_MEMBER, unit or cast.ward)
    return user


def open_round(cast, members, exemplars, *, criteria=TWO_CRITERIA, threshold=75, chair=None):
    round_ = services.round_create(
        actor=cast.ward_officer,
        owner=cast.ward,
        name="Thẩm định mô hình Dân vận khéo phường An Bình 2025",
        year=YEAR,
        level=AppraisalRound.Level.WARD,
        threshold=threshold,
        criteria=criteria,
    )
    services.members_set(actor=cast.ward_officer, round_=round_, users=members, chair=chair or members[0])
    services.entries_admit(actor=cast.ward_officer, round_=round_, exemplars=exemplars)
    return round_


def entry_of(round_, exemplar) -> RoundEntry:
    return RoundEntry.objects.select_related("round").get(round=round_, exemplar=exemplar)


def points(round_, *values):
    return {c.pk: Decimal(str(v)) for c, v in zip(round_.criteria.all(), values, strict=True)}


def submit(user, round_, exemplar, *values, comment=""):
    return services.sheet_submit(
        actor=user, entry=entry_of(round_, exemplar), points=points(round_, *values), comment=comment
    )

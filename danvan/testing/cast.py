"""The canonical organisation and users every test can stand on.

    Tỉnh Thử Nghiệm (province)
    ├── Phường An Bình (ward A)
    │   ├── Khối Dân vận phường An Bình (bloc)
    │   └── Khu phố Đông (residential area)
    │       └── Tổ Dân vận khu phố Đông (team)
    ├── Phường Bắc Hà (ward B)
    └── Sở Nội vụ (agency)

Users: admin (whole system), province_officer, ward_officer (ward A),
ward_council_member (ward A, a council member: sees units, not people),
team_leader (team), focal_point (agency), outsider (an officer of ward B).
"""

from dataclasses import dataclass

from danvan.accounts.models import User
from danvan.core import access
from danvan.core.access import Role
from danvan.org.models import Person, Unit

from .factories import kind

PASSWORD = "mat-khau-thu-nghiem"


@dataclass
class Cast:
    province: Unit
    ward: Unit
    bloc: Unit
    area: Unit
    team: Unit
    other_ward: Unit
    agency: Unit
    ward_person: Person
    team_person: Person
    other_person: Person
    admin: User
    province_officer: User
    ward_officer: User
    ward_council_member: User
    team_leader: User
    focal_point: User
    outsider: User


def ensure_seed_data() -> None:
    """The rows data migrations seed (unit kinds, built-in forms, movement fields), put back when a
    test (PostgreSQL concurrency tests, browser journeys) has flushed them."""
    from danvan.org.kinds import ensure_default_kinds
    from danvan.org.models import UnitKind

    if UnitKind.objects.exists():
        return
    from danvan.recognition.models import Field
    from danvan.reporting.services import ensure_builtin_templates

    ensure_default_kinds(UnitKind)
    ensure_builtin_templates()
    for order, name in enumerate(
        [
            "Kinh tế",
            "Văn hóa - xã hội",
            "Quốc phòng - an ninh",
            "Xây dựng hệ thống chính trị",
            "Nông thôn mới",
            "Đô thị văn minh",
        ]
    ):
        Field.objects.get_or_create(name=name, defaults={"order": order})


def build_cast() -> Cast:
    """The cast, made the way the product makes it: the administrator is the one account set up by hand
    (as `createsuperuser` would); every unit, person, account and role after it goes through the org and
    accounts services with the administrator acting, so paths, search text and checks are the services'.
    """
    from danvan.accounts import services as accounts
    from danvan.core.models import AuditEvent
    from danvan.org import services as org

    ensure_seed_data()
    admin = User.objects.create_superuser(username="admin", password=PASSWORD, full_name="Người dùng 0")
    # The first system-wide role has nobody to grant it, so it is written directly.
    admin.assignments.create(role=Role.ADMIN, unit=None)
    access.forget(admin)

    def unit(name: str, code: str, parent: Unit | None = None, **fields: str) -> Unit:
        return org.unit_create(actor=admin, name=name, kind=kind(code), parent=parent, **fields)

    province = unit("Tỉnh Thử Nghiệm", "province", abbreviation="TTN", admin_code="99")
    ward = unit("Phường An Bình", "ward", province, admin_code="99001")
    bloc = unit("Khối Dân vận phường An Bình", "mobilization_bloc", ward)
    area = unit("Khu phố Đông", "residential_area", ward)
    team = unit("Tổ Dân vận khu phố Đông", "mobilization_team", area)
    other_ward = unit("Phường Bắc Hà", "ward", province, admin_code="99002")
    agency = unit("Sở Nội vụ", "agency", province, abbreviation="SNV")

    def user(username: str, role: str, at: Unit) -> User:
        account = accounts.user_create(
            actor=admin, username=username, password=PASSWORD, full_name=f"Người dùng {len(users) + 1}"
        )
        accounts.role_assign(actor=admin, user=account, role=role, unit=at)
        return account

    users: dict[str, User] = {}
    for username, role, at in [
        ("province_officer", Role.COMMITTEE_OFFICER, province),
        ("ward_officer", Role.COMMITTEE_OFFICER, ward),
        ("ward_council_member", Role.COUNCIL_MEMBER, ward),
        ("team_leader", Role.TEAM_LEADER, team),
        ("focal_point", Role.FOCAL_POINT, agency),
        ("outsider", Role.COMMITTEE_OFFICER, other_ward),
    ]:
        users[username] = user(username, role, at)
    people = {
        "ward_person": org.person_create(
            actor=admin, full_name="Trần Thị Lan", title="Trưởng Khối Dân vận", unit=bloc
        ),
        "team_person": org.person_create(actor=admin, full_name="Lê Văn Đức", title="Tổ trưởng", unit=team),
        "other_person": org.person_create(
            actor=admin, full_name="Phạm Minh Khôi", title="Cán bộ", unit=other_ward
        ),
    }
    # The cast is the world a test starts from, not something that happened in it: tests read the audit
    # log for what they did themselves (some match only a verb and an object id, which the set-up's events
    # would satisfy).
    AuditEvent.objects.all().delete()
    return Cast(
        province=province,
        ward=ward,
        bloc=bloc,
        area=area,
        team=team,
        other_ward=other_ward,
        agency=agency,
        admin=admin,
        **people,
        **users,
    )

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
from danvan.core.access import Role
from danvan.org.models import Person, Unit

from .factories import PersonFactory, UnitFactory, UserFactory, grant, kind

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
    ensure_seed_data()
    province = UnitFactory(name="Tỉnh Thử Nghiệm", kind=kind("province"), abbreviation="TTN", admin_code="99")
    ward = UnitFactory(name="Phường An Bình", kind=kind("ward"), parent=province, admin_code="99001")
    bloc = UnitFactory(name="Khối Dân vận phường An Bình", kind=kind("mobilization_bloc"), parent=ward)
    area = UnitFactory(name="Khu phố Đông", kind=kind("residential_area"), parent=ward)
    team = UnitFactory(name="Tổ Dân vận khu phố Đông", kind=kind("mobilization_team"), parent=area)
    other_ward = UnitFactory(name="Phường Bắc Hà", kind=kind("ward"), parent=province, admin_code="99002")
    agency = UnitFactory(name="Sở Nội vụ", kind=kind("agency"), parent=province, abbreviation="SNV")
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    users = {
        name: UserFactory(username=name)
        for name in [
            "province_officer",
            "ward_officer",
            "ward_council_member",
            "team_leader",
            "focal_point",
            "outsider",
        ]
    }
    grant(admin, Role.ADMIN, None)
    grant(users["province_officer"], Role.COMMITTEE_OFFICER, province)
    grant(users["ward_officer"], Role.COMMITTEE_OFFICER, ward)
    grant(users["ward_council_member"], Role.COUNCIL_MEMBER, ward)
    grant(users["team_leader"], Role.TEAM_LEADER, team)
    grant(users["focal_point"], Role.FOCAL_POINT, agency)
    grant(users["outsider"], Role.COMMITTEE_OFFICER, other_ward)
    return Cast(
        province=province,
        ward=ward,
        bloc=bloc,
        area=area,
        team=team,
        other_ward=other_ward,
        agency=agency,
        ward_person=PersonFactory(full_name="Trần Thị Lan", title="Trưởng Khối Dân vận", unit=bloc),
        team_person=PersonFactory(full_name="Lê Văn Đức", title="Tổ trưởng", unit=team),
        other_person=PersonFactory(full_name="Phạm Minh Khôi", title="Cán bộ", unit=other_ward),
        admin=admin,
        **users,
    )

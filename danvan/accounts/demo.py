"""Demo logins, one per kind of user; `make run` prints them."""

from django.db import transaction

from danvan.core.access import Role

from .models import RoleAssignment, User

DEMO_PASSWORD = "danvan-demo-2026"

# (username, full name, role, unit key in the demo organisation or None for the whole system, description)
DEMO_USERS = [
    ("admin", "Quản trị hệ thống", Role.ADMIN, None, "quản trị toàn hệ thống"),
    ("tinh.bdv", "Nguyễn Thị Hạnh", Role.COMMITTEE_OFFICER, "bn", "cán bộ Ban Dân vận cấp tỉnh (Bắc Ninh)"),
    ("phuong.bdv", "Trần Văn Nam", Role.COMMITTEE_OFFICER, "ward", "cán bộ phường Từ Sơn"),
    ("to.danvan", "Lê Thị Mai", Role.TEAM_LEADER, "team1", "tổ trưởng Tổ Dân vận khu phố Đa Hội"),
    ("donvi.mttq", "Phạm Quang Huy", Role.FOCAL_POINT, "mttq_bn", "đầu mối Ủy ban MTTQ tỉnh Bắc Ninh"),
    ("lanhdao", "Đỗ Minh Đức", Role.LEADER, "bn", "lãnh đạo Ban (xem, ký duyệt)"),
]
# The province officer also sees the 2023 units the seed plans name.
EXTRA_ASSIGNMENTS = [
    ("tinh.bdv", Role.COMMITTEE_OFFICER, "bn_old"),
    ("tinh.bdv", Role.COMMITTEE_OFFICER, "bg"),
    ("lanhdao", Role.LEADER, "bn_old"),
]


@transaction.atomic
def ensure_demo_users(units: dict) -> list[tuple[str, str, str]]:
    """Create the demo users if missing (their passwords are reset to the demo one); returns login lines."""
    lines = []
    for username, full_name, role, unit_key, description in DEMO_USERS:
        user, _created = User.objects.get_or_create(username=username, defaults={"full_name": full_name})
        user.full_name = full_name
        user.is_staff = role == Role.ADMIN
        user.is_superuser = role == Role.ADMIN
        user.set_password(DEMO_PASSWORD)
        user.save()
        RoleAssignment.objects.get_or_create(
            user=user, role=role, unit=units.get(unit_key) if unit_key else None
        )
        lines.append((username, DEMO_PASSWORD, description))
    for username, role, unit_key in EXTRA_ASSIGNMENTS:
        RoleAssignment.objects.get_or_create(
            user=User.objects.get(username=username), role=role, unit=units[unit_key]
        )
    return lines

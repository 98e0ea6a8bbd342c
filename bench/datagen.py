"""The benchmark dataset: the real administrative divisions plus generated areas, agencies, people and users.

Two scales:

* ``province``: Bắc Ninh (code 24) and its 99 wards, 1,500 residential areas, 300 agencies and
  organisations, 20,000 people;
* ``nation``: the 34 provinces and 3,321 wards, 100,000 residential areas, 300 agencies and organisations
  per province (10,200), 200,000 people.

Provinces and wards come from ``danvan.org.divisions.load_divisions`` (the code the product runs). Everything
else is written the way that module writes units: ``bulk_create`` (batches of 2,000), then
``path = parent path + encode_segment(pk)`` and an update of path and depth in bulk. Search text and sort keys
are computed by the one method the services use (``Unit.refresh_derived``, ``Person.refresh_derived``). Bulk
writes send no signals, so no history rows are written.

The random generator is seeded with the scale name: two builds of a scale on an empty database give the
same rows with the same ids.

A finished build writes one row in the table ``bench_dataset`` (created here, outside the migrations); a
database without that row, or with an older ``GENERATOR_VERSION``, is rebuilt.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from danvan.accounts.models import RoleAssignment, User
from danvan.core import access
from danvan.core.access import Role
from danvan.lib import vntext
from danvan.org.divisions import load_divisions, province_code
from danvan.org.kinds import ensure_default_kinds
from danvan.org.models import Gender, Person, Unit, UnitKind

# Bump when the generated data changes: existing benchmark databases are then rebuilt.
GENERATOR_VERSION = 1
BATCH = 2000
MARKER_TABLE = "bench_dataset"
REFORM_DATE = date(2025, 7, 1)
BAC_NINH = 24


@dataclass(frozen=True)
class Scale:
    name: str
    province_codes: frozenset[int] | None  # None: the whole country
    residential_areas: int
    agencies_per_province: int
    people: int


SCALES = {
    "province": Scale("province", frozenset({BAC_NINH}), 1_500, 300, 20_000),
    "nation": Scale("nation", None, 100_000, 300, 200_000),
}

# The three users the benchmarks log in as: (username, full name, role, where).
BENCH_USERS = [
    ("bench.admin", "Quản trị hệ thống", Role.ADMIN, "admin"),
    ("bench.tinh", "Nguyễn Thị Hạnh", Role.COMMITTEE_OFFICER, "province"),
    ("bench.phuong", "Trần Văn Nam", Role.COMMITTEE_OFFICER, "ward"),
]

# ---------------------------------------------------------------------------------------------
# Names. Frequencies are rough shares of the Vietnamese population (family names) or just plausible.
# ---------------------------------------------------------------------------------------------

FAMILY = {
    "Nguyễn": 315, "Trần": 109, "Lê": 95, "Phạm": 70, "Hoàng": 51, "Huỳnh": 20, "Phan": 45, "Vũ": 39,
    "Võ": 20, "Đặng": 21, "Bùi": 20, "Đỗ": 14, "Hồ": 13, "Ngô": 13, "Dương": 10, "Lý": 5, "Đinh": 8,
    "Đào": 7, "Trịnh": 7, "Mai": 5, "Trương": 6, "Lương": 5, "Tạ": 3, "Cao": 4, "Lâm": 4, "Hà": 5,
    "Thái": 2, "Chu": 2, "Kiều": 1, "Quách": 1, "Lò": 1, "Hứa": 1, "Vi": 1,
}  # fmt: skip
MIDDLE = {
    Gender.MALE: {
        "Văn": 35, "Đức": 10, "Minh": 10, "Quang": 8, "Hữu": 8, "Thành": 6, "Công": 6, "Xuân": 5,
        "Ngọc": 4, "Thế": 4, "Anh": 3, "Trọng": 3, "Duy": 3, "Tiến": 3, "Mạnh": 2, "Đình": 5,
    },
    Gender.FEMALE: {
        "Thị": 45, "Thu": 6, "Ngọc": 6, "Thanh": 6, "Thùy": 4, "Hồng": 5, "Minh": 4, "Phương": 3,
        "Kim": 4, "Thúy": 3, "Hải": 2, "Bích": 2, "Mai": 2, "Lan": 2, "Diệu": 2, "Khánh": 2, "Quỳnh": 2,
    },
}  # fmt: skip
GIVEN = {
    Gender.MALE: [
        "An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh", "Khoa",
        "Kiên", "Lâm", "Long", "Lợi", "Mạnh", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn",
        "Tài", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Hoàng",
        "Đức", "Tâm",
    ],
    Gender.FEMALE: [
        "Anh", "Ánh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huệ",
        "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
        "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thoa", "Thu", "Thủy", "Trang", "Tuyết", "Uyên", "Vân",
        "Yến",
    ],
}  # fmt: skip
# A given name for one person in 2,000 (about 100 people at nation scale, 10 in a province): the
# benchmarks search for it as the rare word. It is no substring of any other folded word generated here.
RARE_GIVEN = "Khuê"
RARE_WORD = "khue"
COMMON_WORD = "nguyen"

# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------

# 30 agencies and organisations directly under each province; {party}: "Tỉnh ủy Bắc Ninh", {where}:
# "tỉnh Bắc Ninh". Each has 9 departments below it: 300 units per province.
TOP_AGENCIES = [
    ("mobilization_committee", "Ban Tuyên giáo và Dân vận {party}", "BTGDV"),
    ("party_board", "Ban Tổ chức {party}", "BTC"),
    ("party_board", "Ban Kiểm tra {party}", "UBKT"),
    ("party_board", "Ban Nội chính {party}", "BNC"),
    ("party_office", "Văn phòng {party}", "VPTU"),
    ("party_standing", "Thường trực {party}", ""),
    ("people_council", "Hội đồng nhân dân {where}", "HĐND"),
    ("people_committee", "Ủy ban nhân dân {where}", "UBND"),
    ("fatherland_front", "Ủy ban Mặt trận Tổ quốc Việt Nam {where}", "MTTQ"),
    ("mass_organisation", "Hội Nông dân {where}", "HND"),
    ("mass_organisation", "Hội Liên hiệp Phụ nữ {where}", "HLHPN"),
    ("mass_organisation", "Đoàn Thanh niên Cộng sản Hồ Chí Minh {where}", "ĐTN"),
    ("mass_organisation", "Hội Cựu chiến binh {where}", "HCCB"),
    ("mass_organisation", "Liên đoàn Lao động {where}", "LĐLĐ"),
    ("agency", "Văn phòng Ủy ban nhân dân {where}", "VP UBND"),
    ("agency", "Sở Tài chính {where}", "STC"),
    ("agency", "Sở Nội vụ {where}", "SNV"),
    ("agency", "Sở Tư pháp {where}", "STP"),
    ("agency", "Sở Xây dựng {where}", "SXD"),
    ("agency", "Sở Công Thương {where}", "SCT"),
    ("agency", "Sở Nông nghiệp và Môi trường {where}", "SNNMT"),
    ("agency", "Sở Y tế {where}", "SYT"),
    ("agency", "Sở Giáo dục và Đào tạo {where}", "SGDĐT"),
    ("agency", "Sở Văn hóa, Thể thao và Du lịch {where}", "SVHTTDL"),
    ("agency", "Sở Khoa học và Công nghệ {where}", "SKHCN"),
    ("agency", "Sở Dân tộc và Tôn giáo {where}", "SDTTG"),
    ("agency", "Thanh tra {where}", "TT"),
    ("agency", "Công an {where}", "CA"),
    ("agency", "Bộ Chỉ huy Quân sự {where}", "BCHQS"),
    ("mobilization_bloc", "Khối Dân vận {where}", ""),
]
DEPARTMENTS = [
    "Văn phòng",
    "Phòng Tổ chức cán bộ",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Tổng hợp",
    "Phòng Nghiệp vụ",
    "Phòng Pháp chế",
    "Phòng Thông tin - Tuyên truyền",
    "Trung tâm Dịch vụ công",
    "Chi bộ cơ quan",
]
AREA_PREFIX = {
    "ward": {"Tổ dân phố": 3, "Khu phố": 2},
    "commune": {"Thôn": 6, "Xóm": 2, "Ấp": 2, "Bản": 1},
    "special_zone": {"Thôn": 1, "Khu dân cư": 1},
}
PLACE_WORDS = [
    "An", "Bình", "Châu", "Đông", "Đoài", "Đồng", "Hạ", "Hòa", "Hưng", "Khê", "Lạc", "Lộc", "Mỹ", "Nam",
    "Ninh", "Phú", "Phúc", "Quang", "Sơn", "Tân", "Tây", "Thái", "Thành", "Thịnh", "Thọ", "Thuận", "Thượng",
    "Tiến", "Trung", "Văn", "Vĩnh", "Xuân", "Yên", "Bắc", "Hội", "Liệt", "Lôi", "Cầu", "Giang", "Đình",
]  # fmt: skip
PLACE_PAIRS = [f"{a} {b}" for a in PLACE_WORDS for b in PLACE_WORDS if a != b]

# People per unit, relative (a residential area weighs 1).
PEOPLE_WEIGHT = {"province": 40, "ward": 12, "area": 1, "agency": 8, "department": 3}
TITLES = {
    "province": {"Chuyên viên": 6, "Chuyên viên chính": 3, "Phó Trưởng ban": 1, "Trưởng phòng": 1, "": 1},
    "agency": {"Chuyên viên": 6, "Phó Giám đốc": 1, "Chánh Văn phòng": 1, "Phó Chủ tịch": 1, "": 1},
    "department": {"Chuyên viên": 8, "Trưởng phòng": 1, "Phó Trưởng phòng": 2, "Kế toán": 1, "": 2},
    "ward": {
        "Bí thư Đảng ủy": 1, "Phó Bí thư Đảng ủy": 1, "Chủ tịch Ủy ban nhân dân": 1,
        "Phó Chủ tịch Ủy ban nhân dân": 2, "Chủ tịch Ủy ban Mặt trận Tổ quốc": 1,
        "Trưởng Khối Dân vận": 1, "Công chức Văn phòng - Thống kê": 4, "Chuyên viên": 6, "": 2,
    },
    "area": {
        "Bí thư chi bộ": 2, "Trưởng thôn": 2, "Tổ trưởng Tổ Dân vận": 2, "Chi hội trưởng Phụ nữ": 1,
        "Chi hội trưởng Nông dân": 1, "Bí thư Chi đoàn": 1, "Trưởng ban công tác Mặt trận": 1,
        "Tổ viên Tổ Dân vận": 4,
    },
}  # fmt: skip


class Weighted:
    """Repeated weighted choices from a fixed table, without rebuilding cumulative weights each time."""

    def __init__(self, rng: random.Random, table: dict):
        self.rng = rng
        self.values = list(table)
        total = 0
        self.cum = []
        for value in self.values:
            total += table[value]
            self.cum.append(total)

    def pick(self):
        return self.rng.choices(self.values, cum_weights=self.cum)[0]


# ---------------------------------------------------------------------------------------------
# The marker row
# ---------------------------------------------------------------------------------------------


def read_marker(scale: str) -> dict | None:
    if MARKER_TABLE not in connection.introspection.table_names():
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT version, info FROM {MARKER_TABLE} WHERE scale = %s", [scale])
        row = cursor.fetchone()
    if row is None or row[0] != GENERATOR_VERSION:
        return None
    return json.loads(row[1])


def write_marker(scale: str, info: dict) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} "
            "(scale VARCHAR(20) PRIMARY KEY, version INTEGER NOT NULL, info TEXT NOT NULL)"
        )
        cursor.execute(f"DELETE FROM {MARKER_TABLE} WHERE scale = %s", [scale])
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} (scale, version, info) VALUES (%s, %s, %s)",
            [scale, GENERATOR_VERSION, json.dumps(info)],
        )


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def ensure_dataset(scale_name: str, *, rebuild: bool = False, log=print) -> dict:
    """The dataset's marker info; builds the dataset first when it is missing, stale or `rebuild` is set."""
    scale = SCALES[scale_name]
    sqlite_path = Path(connection.settings_dict["NAME"]) if connection.vendor == "sqlite" else None
    exists = sqlite_path.exists() if sqlite_path else True
    if exists and not rebuild:
        info = read_marker(scale.name)
        if info is not None:
            call_command("migrate", interactive=False, verbosity=0)  # new migrations keep the data
            return info
    started = time.perf_counter()
    if sqlite_path is not None:
        connection.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
        sqlite_path.parent.mkdir(parents=True, exist_ok=True)
        log(f"Building the {scale.name} dataset in {sqlite_path} …")
    else:
        name = connection.settings_dict["NAME"]
        if "bench" not in name:
            raise SystemExit(
                f"Refusing to empty the database «{name}»: a benchmark database name must contain 'bench'."
            )
        log(f"Building the {scale.name} dataset in the {connection.vendor} database {name} …")
    call_command("migrate", interactive=False, verbosity=0)
    if sqlite_path is None:
        call_command("flush", interactive=False, verbosity=0)
    migrated = time.perf_counter()
    log(f"  migrations: {migrated - started:.1f} s")
    info = build(scale, log=log)
    info["migrate_seconds"] = round(migrated - started, 2)
    info["build_seconds"] = round(time.perf_counter() - started, 2)
    write_marker(scale.name, info)
    if sqlite_path is not None:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log(f"  total: {info['build_seconds']:.1f} s")
    return info


def build(scale: Scale, *, log=print) -> dict:
    rng = random.Random(f"danvan-bench-{scale.name}-v{GENERATOR_VERSION}")
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            # A throw-away file: no need to survive a power cut while it is being written. A large page
            # cache keeps the unit and person indexes in memory while rows arrive in random key order.
            cursor.execute("PRAGMA synchronous=OFF")
            cursor.execute("PRAGMA cache_size=-262144")
    ensure_default_kinds(UnitKind)  # the data migration's rows; a flush removes them
    kinds = {k.code: k for k in UnitKind.objects.all()}
    timings = {}

    step = time.perf_counter()
    load_divisions(province_codes=set(scale.province_codes) if scale.province_codes else None)
    timings["divisions"] = _lap(log, "provinces and wards (load_divisions)", step)

    provinces = list(Unit.objects.filter(code__startswith="HC-P").order_by("id"))
    wards = list(
        Unit.objects.filter(code__startswith="HC-W")
        .select_related("kind")
        .order_by("id")
        .only("id", "path", "kind")
    )
    weighted_units: list[tuple[int, str]] = [(p.pk, "province") for p in provinces]
    weighted_units += [(w.pk, "ward") for w in wards]

    step = time.perf_counter()
    weighted_units += _agencies(scale, provinces, kinds)
    timings["agencies"] = _lap(log, "agencies and departments", step)

    step = time.perf_counter()
    weighted_units += _areas(scale, rng, wards, kinds["residential_area"])
    timings["areas"] = _lap(log, "residential areas", step)

    step = time.perf_counter()
    people = _people(scale, rng, weighted_units)
    timings["people"] = _lap(log, "people", step)

    refs = _users(provinces, wards)
    counts = {
        "units": Unit.objects.count(),
        "people": people,
        "provinces": len(provinces),
        "wards": len(wards),
        "areas": scale.residential_areas,
    }
    return {
        "scale": scale.name,
        "built_at": timezone.now().isoformat(timespec="seconds"),
        "counts": counts,
        "refs": refs,
        "timings": timings,
        "rare_word": RARE_WORD,
        "common_word": COMMON_WORD,
    }


def _lap(log, what: str, started: float) -> float:
    seconds = round(time.perf_counter() - started, 2)
    log(f"  {what}: {seconds:.1f} s")
    return seconds


def _prepared_unit(**fields) -> Unit:
    unit = Unit(valid_from=REFORM_DATE, **fields)
    unit.refresh_derived()
    return unit


def _create_with_paths(units: list[Unit], parent_paths: list[str]) -> list[Unit]:
    """As divisions._create_with_paths: insert in bulk, then path = parent path + encoded id, in bulk.

    The update is one `executemany` of `UPDATE … WHERE id = %s` rather than `bulk_update`: on SQLite
    bulk_update sends a CASE of 199 WHENs per statement (~60 ms each), two minutes for the nation's units.
    """
    created = Unit.objects.bulk_create(units, batch_size=BATCH)
    if any(u.pk is None for u in created):
        raise RuntimeError("the database did not return the new ids (SQLite 3.35+ or PostgreSQL needed)")
    rows = []
    for unit, parent_path in zip(created, parent_paths, strict=True):
        unit.path = parent_path + access.encode_segment(unit.pk)
        unit.depth = len(unit.path) // access.SEGMENT_WIDTH - 1
        rows.append((unit.path, unit.depth, unit.pk))
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(Unit._meta.db_table)} SET {quote('path')} = %s, {quote('depth')} = %s "
            f"WHERE {quote('id')} = %s",
            rows,
        )
    return created


@transaction.atomic
def _agencies(scale: Scale, provinces: list[Unit], kinds: dict) -> list[tuple[int, str]]:
    per_top = scale.agencies_per_province // len(TOP_AGENCIES) - 1
    tops, top_paths = [], []
    for province in provinces:
        city = province.name.startswith("Thành phố")
        place = {
            "party": f"{'Thành ủy' if city else 'Tỉnh ủy'} {province.short_name}",
            "where": f"{'thành phố' if city else 'tỉnh'} {province.short_name}",
        }
        for kind, template, abbreviation in TOP_AGENCIES:
            tops.append(
                _prepared_unit(
                    name=template.format(**place),
                    kind=kinds[kind],
                    parent=province,
                    abbreviation=abbreviation,
                )
            )
            top_paths.append(province.path)
    created_tops = _create_with_paths(tops, top_paths)
    result = [(u.pk, "agency") for u in created_tops]
    departments, department_paths = [], []
    for top in created_tops:
        for name in DEPARTMENTS[:per_top]:
            departments.append(_prepared_unit(name=name, kind=kinds["other"], parent=top))
            department_paths.append(top.path)
    for start in range(0, len(departments), BATCH):
        chunk = _create_with_paths(
            departments[start : start + BATCH], department_paths[start : start + BATCH]
        )
        result += [(u.pk, "department") for u in chunk]
    return result


@transaction.atomic
def _areas(scale: Scale, rng: random.Random, wards: list[Unit], kind: UnitKind) -> list[tuple[int, str]]:
    weights = [rng.uniform(0.2, 1.8) for _ in wards]
    per_ward = Counter(rng.choices(range(len(wards)), weights=weights, k=scale.residential_areas))
    result: list[tuple[int, str]] = []
    pending: list[Unit] = []
    pending_paths: list[str] = []

    def flush() -> None:
        if pending:
            result.extend((u.pk, "area") for u in _create_with_paths(pending, pending_paths))
            pending.clear()
            pending_paths.clear()

    for index, ward in enumerate(wards):
        count = per_ward.get(index, 0)
        if not count:
            continue
        prefix = Weighted(rng, AREA_PREFIX[ward.kind.code]).pick()
        if rng.random() < 0.5:
            names = [f"{prefix} {n}" for n in range(1, count + 1)]
        else:
            names = [f"{prefix} {pair}" for pair in rng.sample(PLACE_PAIRS, count)]
        for name in names:
            pending.append(_prepared_unit(name=name, kind=kind, parent=ward))
            pending_paths.append(ward.path)
            if len(pending) >= BATCH:
                flush()
    flush()
    return result


def _people(scale: Scale, rng: random.Random, weighted_units: list[tuple[int, str]]) -> int:
    unit_ids = [pk for pk, _ in weighted_units]
    group_of = dict(weighted_units)
    cum, total = [], 0
    for _, group in weighted_units:
        total += PEOPLE_WEIGHT[group]
        cum.append(total)
    family = Weighted(rng, FAMILY)
    middle = {gender: Weighted(rng, table) for gender, table in MIDDLE.items()}
    given = {
        gender: Weighted(rng, {**dict.fromkeys(names, 100), RARE_GIVEN: 2}) for gender, names in GIVEN.items()
    }
    titles = {group: Weighted(rng, table) for group, table in TITLES.items()}
    created = 0
    for start in range(0, scale.people, BATCH):
        batch = []
        size = min(BATCH, scale.people - start)
        for unit_id in rng.choices(unit_ids, cum_weights=cum, k=size):
            gender = Gender.MALE if rng.random() < 0.55 else Gender.FEMALE
            parts = [family.pick(), middle[gender].pick()]
            if rng.random() < (0.12 if gender == Gender.FEMALE else 0.05):
                parts.append(middle[gender].pick())
            parts.append(given[gender].pick())
            if parts[-2] == parts[-1]:
                parts.pop(-2)
            full_name = " ".join(parts)
            phone = f"0{rng.choice('35789')}{rng.randrange(10**8):08d}" if rng.random() < 0.75 else ""
            email = ""
            if rng.random() < 0.15:
                email = f"{vntext.fold(parts[-1])}.{vntext.fold(parts[0])}{rng.randrange(1, 1000)}@gmail.com"
            person = Person(
                full_name=full_name,
                title=titles[group_of[unit_id]].pick(),
                unit_id=unit_id,
                phone=phone,
                email=email,
                birth_year=rng.randint(1960, 2002),
                gender=gender,
            )
            person.refresh_derived()
            batch.append(person)
        with transaction.atomic():
            Person.objects.bulk_create(batch, batch_size=BATCH)
        created += len(batch)
    return created


@transaction.atomic
def _users(provinces: list[Unit], wards: list[Unit]) -> dict:
    """The three benchmark users; the province is Bắc Ninh, the ward its ward with the most people."""
    province = next(p for p in provinces if p.code == province_code(BAC_NINH))
    province_wards = [w.pk for w in wards if w.path.startswith(province.path)]
    busiest = Counter(
        dict(
            Person.objects.filter(unit_id__in=province_wards)
            .values("unit_id")
            .annotate(n=Count("id"))
            .values_list("unit_id", "n")
        )
    ).most_common(1)
    ward_id = busiest[0][0] if busiest else province_wards[0]
    where = {"admin": None, "province": province.pk, "ward": ward_id}
    users = []
    for username, full_name, _role, _where in BENCH_USERS:
        user = User(username=username, full_name=full_name, is_staff=_role == Role.ADMIN)
        user.is_superuser = _role == Role.ADMIN
        user.set_unusable_password()
        users.append(user)
    User.objects.bulk_create(users)
    users = {u.username: u for u in User.objects.filter(username__in=[u[0] for u in BENCH_USERS])}
    RoleAssignment.objects.bulk_create(
        RoleAssignment(user=users[username], role=role, unit_id=where[place])
        for username, _name, role, place in BENCH_USERS
    )
    return {
        "users": {place: users[username].pk for username, _name, _role, place in BENCH_USERS},
        "province": province.pk,
        "ward": ward_id,
    }

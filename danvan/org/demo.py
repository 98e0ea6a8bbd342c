"""The demo organisation: the 2023 units named in the two seed plans, and today's Bắc Ninh province.

Idempotent: every unit has a stable code ("DEMO-...") and is created only when missing.
"""

from datetime import date

from django.db import transaction

from danvan.lib import vntext

from . import services
from .divisions import load_divisions, province_code, ward_code
from .models import Person, Unit, UnitKind

BEFORE_REFORM = date(2025, 6, 30)
REFORM = date(2025, 7, 1)
OLD = {"valid_to": BEFORE_REFORM}  # a unit of the structure before the reform
BAC_NINH_2025 = 24

# 2023 wards of Từ Sơn city (12 phường), each with a Khối Dân vận and residential areas with Tổ Dân vận.
TU_SON_WARDS_2023 = [
    "Đông Ngàn",
    "Đồng Kỵ",
    "Trang Hạ",
    "Đồng Nguyên",
    "Châu Khê",
    "Tân Hồng",
    "Đình Bảng",
    "Phù Chẩn",
    "Hương Mạc",
    "Tam Sơn",
    "Tương Giang",
    "Phù Khê",
]
RESIDENTIAL_AREAS = ["Khu phố Đa Hội", "Khu phố Trang Liệt", "Khu phố Dương Lôi", "Khu phố Tiêu Sơn"]

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thế"]
MIDDLE_F = ["Thị", "Thu", "Ngọc", "Thanh", "Thùy", "Hồng"]
GIVEN_M = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hải",
    "Hùng",
    "Khánh",
    "Long",
    "Nam",
    "Phong",
    "Quân",
    "Sơn",
    "Thắng",
    "Tuấn",
    "Việt",
]
GIVEN_F = [
    "Anh",
    "Ánh",
    "Bích",
    "Chi",
    "Diệp",
    "Hà",
    "Hạnh",
    "Hương",
    "Lan",
    "Mai",
    "Ngân",
    "Oanh",
    "Phương",
    "Thảo",
    "Trang",
    "Yến",
]


class DemoBuilder:
    def __init__(self, actor):
        self.actor = actor
        self.kinds = {k.code: k for k in UnitKind.objects.all()}
        self.person_counter = 0

    def unit(self, code: str, name: str, kind: str, parent: Unit | None = None, **extra) -> Unit:
        existing = Unit.objects.filter(code=code).first()
        if existing is not None:
            return existing
        return services.unit_create(
            actor=self.actor, code=code, name=name, kind=self.kinds[kind], parent=parent, **extra
        )

    def person(self, unit: Unit, full_name: str | None = None, title: str = "", **extra) -> Person:
        if full_name is None:
            full_name = self.generated_name()
        existing = Person.objects.filter(unit=unit, full_name=vntext.clean_text(full_name)).first()
        if existing is not None:
            return existing
        return services.person_create(actor=self.actor, full_name=full_name, title=title, unit=unit, **extra)

    def generated_name(self) -> tuple:
        n = self.person_counter
        self.person_counter += 1
        female = n % 2 == 1
        middle = (MIDDLE_F if female else MIDDLE_M)[n // 2 % 6]
        given = (GIVEN_F if female else GIVEN_M)[(n * 7) % 16]
        return f"{FAMILY[(n * 5) % len(FAMILY)]} {middle} {given}"


@transaction.atomic
def load_demo_units(actor) -> dict[str, Unit]:
    """The demo units by key (the keys the other apps' demos and the logins use). The parts run in this
    order: the generated names of people depend on it."""
    load_divisions(province_codes={BAC_NINH_2025}, actor=actor)
    b = DemoBuilder(actor)
    u: dict[str, Unit] = {"bn": Unit.objects.get(code=province_code(BAC_NINH_2025))}
    _central(b, u)
    _bac_giang_2023(b, u)
    _bac_ninh_2023(b, u)
    _tu_son_city_2023(b, u)
    _tu_son_wards_2023(b, u)
    _bac_ninh_today(b, u)
    return u


def _central(b: DemoBuilder, u: dict) -> None:
    """The central bodies, the recipients of the seed plans."""
    u["tw"] = b.unit("DEMO-TW", "Trung ương Đảng", "central_body", abbreviation="TW")
    u["bdvtw"] = b.unit(
        "DEMO-BDVTW",
        "Ban Dân vận Trung ương",
        "mobilization_committee",
        u["tw"],
        abbreviation="BDVTW",
        valid_to=date(2025, 2, 28),
    )
    u["btgdvtw"] = b.unit(
        "DEMO-BTGDVTW",
        "Ban Tuyên giáo và Dân vận Trung ương",
        "mobilization_committee",
        u["tw"],
        abbreviation="BTGDVTW",
        valid_from=date(2025, 3, 1),
    )


def _bac_giang_2023(b: DemoBuilder, u: dict) -> None:
    """Bắc Giang province (seed 003), merged into Bắc Ninh on 1/7/2025."""
    u["bg"] = b.unit("DEMO-BG", "Tỉnh Bắc Giang", "province", admin_code="24", successor=u["bn"], **OLD)
    u["tu_bg"] = b.unit(
        "DEMO-BG-TU", "Tỉnh ủy Bắc Giang", "party_committee", u["bg"], abbreviation="TU", **OLD
    )
    u["bdv_bg"] = b.unit(
        "DEMO-BG-BDVTU",
        "Ban Dân vận Tỉnh ủy Bắc Giang",
        "mobilization_committee",
        u["tu_bg"],
        short_name="Ban Dân vận Tỉnh ủy",
        abbreviation="BDVTU",
        **OLD,
    )
    u["mttq_bg"] = b.unit(
        "DEMO-BG-MTTQ",
        "Ủy ban MTTQ Việt Nam tỉnh Bắc Giang",
        "fatherland_front",
        u["bg"],
        abbreviation="MTTQ-BTT",
        **OLD,
    )
    b.person(u["bdv_bg"], "Phạm Văn Thịnh", "Trưởng ban", gender="male")
    for code, name, kind, abbreviation in [
        ("SNV", "Sở Nội vụ tỉnh Bắc Giang", "agency", "SNV"),
        ("HND", "Hội Nông dân tỉnh Bắc Giang", "mass_organisation", "HND"),
        ("TD", "Tỉnh đoàn Bắc Giang", "mass_organisation", "TĐ"),
        ("HULN", "Huyện ủy Lục Nam", "party_committee", "HU"),
        ("HUYT", "Huyện ủy Yên Thế", "party_committee", "HU"),
    ]:
        u[f"bg_{code.lower()}"] = b.unit(
            f"DEMO-BG-{code}", name, kind, u["bg"], abbreviation=abbreviation, **OLD
        )
        b.person(u[f"bg_{code.lower()}"], title="Cán bộ đầu mối")


def _bac_ninh_2023(b: DemoBuilder, u: dict) -> None:
    """Bắc Ninh province before the reform (seed 002)."""
    u["bn_old"] = b.unit("DEMO-BN", "Tỉnh Bắc Ninh", "province", admin_code="27", successor=u["bn"], **OLD)
    u["tu_bn"] = b.unit(
        "DEMO-BN-TU", "Tỉnh ủy Bắc Ninh", "party_committee", u["bn_old"], abbreviation="TU", **OLD
    )
    u["bdv_bn"] = b.unit(
        "DEMO-BN-BDVTU",
        "Ban Dân vận Tỉnh ủy Bắc Ninh",
        "mobilization_committee",
        u["tu_bn"],
        abbreviation="BDVTU",
        **OLD,
    )


def _tu_son_city_2023(b: DemoBuilder, u: dict) -> None:
    """Từ Sơn city before the reform: its party bodies, government, front and mass organisations."""
    u["ts"] = b.unit("DEMO-TS", "Thành phố Từ Sơn", "district", u["bn_old"], admin_code="261", **OLD)
    u["tu_ts"] = b.unit("DEMO-TS-TU", "Thành ủy Từ Sơn", "party_committee", u["ts"], abbreviation="TU", **OLD)
    u["tt_ts"] = b.unit("DEMO-TS-TTTU", "Thường trực Thành ủy Từ Sơn", "party_standing", u["tu_ts"], **OLD)
    u["bdv_ts"] = b.unit(
        "DEMO-TS-BDV",
        "Ban Dân vận Thành ủy Từ Sơn",
        "mobilization_committee",
        u["tu_ts"],
        short_name="Ban Dân vận Thành ủy",
        abbreviation="BDVTU",
        **OLD,
    )
    for code, name in [
        ("BTC", "Ban Tổ chức Thành ủy Từ Sơn"),
        ("BTG", "Ban Tuyên giáo Thành ủy Từ Sơn"),
        ("UBKT", "Ủy ban Kiểm tra Thành ủy Từ Sơn"),
    ]:
        u[f"ts_{code.lower()}"] = b.unit(
            f"DEMO-TS-{code}", name, "party_board", u["tu_ts"], abbreviation=code, **OLD
        )
    u["vptu_ts"] = b.unit(
        "DEMO-TS-VPTU", "Văn phòng Thành ủy Từ Sơn", "party_office", u["tu_ts"], abbreviation="VPTU", **OLD
    )
    u["hdnd_ts"] = b.unit(
        "DEMO-TS-HDND",
        "Hội đồng nhân dân thành phố Từ Sơn",
        "people_council",
        u["ts"],
        abbreviation="HĐND",
        **OLD,
    )
    u["ubnd_ts"] = b.unit(
        "DEMO-TS-UBND",
        "Ủy ban nhân dân thành phố Từ Sơn",
        "people_committee",
        u["ts"],
        abbreviation="UBND",
        **OLD,
    )
    u["vp_ts"] = b.unit("DEMO-TS-VPHU", "Văn phòng HĐND-UBND thành phố Từ Sơn", "agency", u["ubnd_ts"], **OLD)
    u["mttq_ts"] = b.unit(
        "DEMO-TS-MTTQ",
        "Ủy ban MTTQ Việt Nam thành phố Từ Sơn",
        "fatherland_front",
        u["ts"],
        abbreviation="MTTQ",
        **OLD,
    )
    for code, name in [
        ("HLHPN", "Hội Liên hiệp Phụ nữ thành phố Từ Sơn"),
        ("DTN", "Thành đoàn Từ Sơn"),
        ("HND", "Hội Nông dân thành phố Từ Sơn"),
        ("HCCB", "Hội Cựu chiến binh thành phố Từ Sơn"),
        ("LDLD", "Liên đoàn Lao động thành phố Từ Sơn"),
    ]:
        u[f"ts_{code.lower()}"] = b.unit(
            f"DEMO-TS-{code}", name, "mass_organisation", u["ts"], abbreviation=code, **OLD
        )
    b.person(u["bdv_ts"], "Đàm Thế Sử", "Trưởng ban", gender="male")
    b.person(u["bdv_ts"], title="Phó Trưởng ban")
    b.person(u["bdv_ts"], title="Chuyên viên")


def _tu_son_wards_2023(b: DemoBuilder, u: dict) -> None:
    """The twelve wards of Từ Sơn before the reform, each with its bloc, two areas and their teams."""
    for index, ward_name in enumerate(TU_SON_WARDS_2023, start=1):
        ward = b.unit(f"DEMO-TS-P{index:02d}", f"Phường {ward_name}", "ward", u["ts"], **OLD)
        bloc = b.unit(
            f"DEMO-TS-P{index:02d}-KDV", f"Khối Dân vận phường {ward_name}", "mobilization_bloc", ward, **OLD
        )
        b.person(bloc, title="Trưởng Khối Dân vận")
        for area_index in range(1, 3):
            area = b.unit(
                f"DEMO-TS-P{index:02d}-K{area_index}",
                f"Khu phố {area_index} phường {ward_name}",
                "residential_area",
                ward,
                **OLD,
            )
            team = b.unit(
                f"DEMO-TS-P{index:02d}-K{area_index}-TDV",
                f"Tổ Dân vận {_lower_first(area.name)}",
                "mobilization_team",
                area,
                **OLD,
            )
            b.person(team, title="Tổ trưởng Tổ Dân vận")


def _bac_ninh_today(b: DemoBuilder, u: dict) -> None:
    """Today's structure: the merged Bắc Ninh province and the new Phường Từ Sơn."""
    u["tu_bn_now"] = b.unit(
        "DEMO-BN25-TU", "Tỉnh ủy Bắc Ninh", "party_committee", u["bn"], abbreviation="TU", valid_from=REFORM
    )
    u["btgdv_bn"] = b.unit(
        "DEMO-BN25-BTGDV",
        "Ban Tuyên giáo và Dân vận Tỉnh ủy Bắc Ninh",
        "mobilization_committee",
        u["tu_bn_now"],
        short_name="Ban Tuyên giáo và Dân vận Tỉnh ủy",
        abbreviation="BTGDVTU",
        valid_from=REFORM,
    )
    u["mttq_bn"] = b.unit(
        "DEMO-BN25-MTTQ",
        "Ủy ban MTTQ Việt Nam tỉnh Bắc Ninh",
        "fatherland_front",
        u["bn"],
        abbreviation="MTTQ-BTT",
        valid_from=REFORM,
    )
    u["snv_bn"] = b.unit(
        "DEMO-BN25-SNV", "Sở Nội vụ tỉnh Bắc Ninh", "agency", u["bn"], abbreviation="SNV", valid_from=REFORM
    )
    u["ward"] = Unit.objects.get(code=ward_code(_ward_admin_code("Phường Từ Sơn")))
    u["du_ward"] = b.unit(
        "DEMO-PTS-DU",
        "Đảng ủy phường Từ Sơn",
        "party_committee",
        u["ward"],
        abbreviation="ĐU",
        valid_from=REFORM,
    )
    u["bxdd_ward"] = b.unit(
        "DEMO-PTS-BXDD",
        "Ban Xây dựng Đảng Đảng ủy phường Từ Sơn",
        "party_board",
        u["du_ward"],
        abbreviation="BXDĐ",
        valid_from=REFORM,
    )
    u["mttq_ward"] = b.unit(
        "DEMO-PTS-MTTQ",
        "Ủy ban MTTQ Việt Nam phường Từ Sơn",
        "fatherland_front",
        u["ward"],
        valid_from=REFORM,
    )
    for index, area_name in enumerate(RESIDENTIAL_AREAS, start=1):
        area = b.unit(f"DEMO-PTS-K{index}", area_name, "residential_area", u["ward"], valid_from=REFORM)
        team = b.unit(
            f"DEMO-PTS-K{index}-TDV",
            f"Tổ Dân vận {_lower_first(area_name)}",
            "mobilization_team",
            area,
            valid_from=REFORM,
        )
        u[f"area{index}"], u[f"team{index}"] = area, team
        b.person(team, title="Tổ trưởng Tổ Dân vận")
        for _member in range(4):
            b.person(team, title="Tổ viên Tổ Dân vận")
    b.person(u["btgdv_bn"], title="Trưởng ban")
    b.person(u["btgdv_bn"], title="Chuyên viên")
    b.person(u["bxdd_ward"], title="Trưởng ban")
    b.person(u["mttq_bn"], title="Chánh Văn phòng")


def _ward_admin_code(name: str) -> int:
    from .divisions import read_divisions

    for ward in read_divisions({BAC_NINH_2025})[0]["wards"]:
        if ward["name"] == name:
            return ward["code"]
    raise LookupError(name)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]

"""Load today's administrative divisions (after the 1/7/2025 reform) from the vietnam-provinces package.

Idempotent: units are keyed by a stable code ("HC-P24", "HC-W07210"); a second run creates nothing and only
renames what the package renamed. Rows are written in bulk, so the whole country takes seconds.
"""

import json
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import access, audit, stamps
from danvan.lib import vntext

from .models import Unit, UnitKind

REFORM_DATE = date(2025, 7, 1)
PROVINCE_KINDS = {"tỉnh": "province", "thành phố trung ương": "central_city"}
PROVINCE_PREFIX = {"tỉnh": "Tỉnh", "thành phố trung ương": "Thành phố"}
WARD_KINDS = {"phường": "ward", "xã": "commune", "đặc khu": "special_zone"}


def province_code(code: int) -> str:
    return f"HC-P{code:02d}"


def ward_code(code: int) -> str:
    return f"HC-W{code:05d}"


def read_divisions(province_codes: set[int] | None = None) -> list[dict]:
    from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

    with open(NESTED_DIVISIONS_JSON_PATH, encoding="utf-8") as handle:
        provinces = json.load(handle)
    return [p for p in provinces if province_codes is None or p["code"] in province_codes]


def _prepared(unit: Unit) -> Unit:
    unit.name = vntext.clean_text(unit.name)
    unit.refresh_derived()  # rows go in with bulk_create, which does not call save()
    return unit


@transaction.atomic
def load_divisions(*, province_codes: set[int] | None = None, actor=None) -> dict:
    kinds = {
        k.code: k for k in UnitKind.objects.filter(code__in=[*PROVINCE_KINDS.values(), *WARD_KINDS.values()])
    }
    provinces = read_divisions(province_codes)
    existing = {
        u.code: u for u in Unit.objects.filter(code__startswith="HC-").only("id", "code", "name", "path")
    }
    created = renamed = 0
    wanted_provinces = []
    for p in provinces:
        prefix = PROVINCE_PREFIX[p["division_type"]]
        # The package writes "Bắc Ninh" for a province but already "Thành phố Hà Nội" for a central city.
        name = p["name"] if p["name"].startswith(prefix) else f"{prefix} {p['name']}"
        wanted_provinces.append((p, name))
    new_provinces = [
        _prepared(
            Unit(
                code=province_code(p["code"]),
                name=name,
                kind=kinds[PROVINCE_KINDS[p["division_type"]]],
                admin_code=f"{p['code']:02d}",
                valid_from=REFORM_DATE,
                short_name=p["name"],
            )
        )
        for p, name in wanted_provinces
        if province_code(p["code"]) not in existing
    ]
    created += _create_with_paths(new_provinces, parent_paths={})
    renamed += _rename(existing, [(province_code(p["code"]), name) for p, name in wanted_provinces])
    province_units = {
        u.code: u for u in Unit.objects.filter(code__in=[province_code(p["code"]) for p in provinces])
    }
    new_wards, parent_paths, wanted_wards = [], {}, []
    for p in provinces:
        parent = province_units[province_code(p["code"])]
        for w in p["wards"]:
            code = ward_code(w["code"])
            wanted_wards.append((code, w["name"]))
            if code in existing:
                continue
            unit = _prepared(
                Unit(
                    code=code,
                    name=w["name"],
                    kind=kinds[WARD_KINDS[w["division_type"]]],
                    admin_code=f"{w['code']:05d}",
                    valid_from=REFORM_DATE,
                    parent=parent,
                )
            )
            parent_paths[code] = parent.path
            new_wards.append(unit)
    created += _create_with_paths(new_wards, parent_paths=parent_paths)
    renamed += _rename(existing, wanted_wards)
    summary = {
        "provinces": len(provinces),
        "wards": len(wanted_wards),
        "created": created,
        "renamed": renamed,
    }
    audit.record(
        actor=actor,
        verb="import",
        summary=_("Nạp đơn vị hành chính: %(created)s mới, %(renamed)s đổi tên") % summary,
    )
    return summary


def _create_with_paths(units: list[Unit], *, parent_paths: dict[str, str]) -> int:
    if not units:
        return 0
    created = Unit.objects.bulk_create(units, batch_size=500)
    if any(u.pk is None for u in created):  # a backend that does not return ids
        by_code = dict(Unit.objects.filter(code__in=[u.code for u in units]).values_list("code", "pk"))
        for unit in created:
            unit.pk = by_code[unit.code]
    for unit in created:
        unit.path = parent_paths.get(unit.code, "") + access.encode_segment(unit.pk)
        unit.depth = len(unit.path) // access.SEGMENT_WIDTH - 1
    Unit.objects.bulk_update(created, ["path", "depth"], batch_size=500)
    stamps.touched(Unit)
    return len(created)


def _rename(existing: dict[str, Unit], wanted: list[tuple[str, str]]) -> int:
    changed = []
    for code, name in wanted:
        unit = existing.get(code)
        if unit is not None and unit.name != vntext.clean_text(name):
            unit.name = name
            changed.append(_prepared(unit))
    Unit.objects.bulk_update(changed, ["name", "search_text", "sort_key"], batch_size=500)
    stamps.touched(Unit)
    return len(changed)

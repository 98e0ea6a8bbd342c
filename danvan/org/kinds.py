"""The unit kinds the product starts with; administrators edit the list afterwards (kinds are data)."""

DEFAULT_KINDS = [
    # (order, code, Vietnamese name, is an administrative area)
    (10, "province", "Tỉnh", True),
    (11, "central_city", "Thành phố trực thuộc Trung ương", True),
    (20, "district", "Huyện, thị xã, thành phố thuộc tỉnh", True),
    (30, "ward", "Phường", True),
    (31, "commune", "Xã", True),
    (32, "special_zone", "Đặc khu", True),
    (33, "township", "Thị trấn", True),
    (40, "residential_area", "Thôn, khu phố, tổ dân phố", True),
    (50, "central_body", "Cơ quan Trung ương", False),
    (51, "party_committee", "Cấp ủy đảng", False),
    (52, "party_standing", "Thường trực cấp ủy", False),
    (53, "mobilization_committee", "Ban Dân vận", False),
    (54, "party_board", "Ban xây dựng Đảng", False),
    (55, "party_office", "Văn phòng cấp ủy", False),
    (60, "people_council", "Hội đồng nhân dân", False),
    (61, "people_committee", "Ủy ban nhân dân", False),
    (62, "agency", "Cơ quan, sở, ban, ngành", False),
    (70, "fatherland_front", "Ủy ban Mặt trận Tổ quốc", False),
    (71, "mass_organisation", "Tổ chức chính trị - xã hội", False),
    (80, "mobilization_bloc", "Khối Dân vận", False),
    (81, "mobilization_team", "Tổ Dân vận", False),
    (99, "other", "Khác", False),
]


def ensure_default_kinds(UnitKind) -> None:
    for order, code, name, is_area in DEFAULT_KINDS:
        UnitKind.objects.update_or_create(
            code=code, defaults={"name": name, "order": order, "is_admin_area": is_area}
        )

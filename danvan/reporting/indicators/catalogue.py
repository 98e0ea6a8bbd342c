"""The indicators the product ships with: the figures the committee's periodic reports ask for every year.

Kept as data (the data migration and `ensure_builtin_indicators` read it); the committee adds or retires
indicators afterwards. Codes are stable: forms and targets refer to them.
"""

# (code, name, unit of measure, aggregation, cumulative over the year)
BUILTIN = (
    ("doi-thoai", "Số cuộc tiếp xúc, đối thoại với Nhân dân đã tổ chức", "cuộc", "sum", False),
    ("doi-thoai-nguoi", "Số lượt người dự tiếp xúc, đối thoại", "lượt người", "sum", False),
    ("tiep-cong-dan", "Số buổi người đứng đầu cấp ủy tiếp công dân", "buổi", "sum", False),
    ("kien-nghi-nhan", "Số đơn, kiến nghị, phản ánh tiếp nhận", "đơn", "sum", False),
    ("kien-nghi-giai-quyet", "Số đơn, kiến nghị, phản ánh đã giải quyết", "đơn", "sum", False),
    ("kien-nghi-qua-han", "Số đơn, kiến nghị, phản ánh quá hạn chưa giải quyết", "đơn", "latest", False),
    ("mo-hinh-dang-ky", "Số mô hình “Dân vận khéo” đăng ký", "mô hình", "sum", False),
    ("mo-hinh-cong-nhan", "Số mô hình “Dân vận khéo” được công nhận", "mô hình", "sum", False),
    ("nha-cho-ho-ngheo", "Số căn nhà xây mới, sửa chữa cho hộ nghèo", "căn nhà", "sum", False),
    ("kinh-phi-nha", "Kinh phí xây, sửa nhà cho hộ nghèo", "triệu đồng", "sum", False),
    ("tuyen-truyen-nguoi", "Số lượt người được tuyên truyền, vận động", "lượt người", "sum", False),
    ("hoi-nghi", "Số hội nghị, hội thảo, tọa đàm đã tổ chức", "cuộc", "sum", False),
    ("giam-sat", "Số cuộc giám sát, phản biện xã hội", "cuộc", "sum", False),
    ("nam-tinh-hinh", "Số báo cáo nắm tình hình Nhân dân", "báo cáo", "sum", False),
)

BUILTIN_CODES = frozenset(code for code, *_rest in BUILTIN)


def ensure_builtin_indicators(Indicator) -> int:
    """Create the missing built-in indicators (by code); returns how many were made. Used by migrations."""
    made = 0
    for order, (code, name, unit_of_measure, aggregation, cumulative) in enumerate(BUILTIN):
        _obj, created = Indicator.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "unit_of_measure": unit_of_measure,
                "aggregation": aggregation,
                "cumulative": cumulative,
                "order": order * 10,
            },
        )
        made += created
    return made

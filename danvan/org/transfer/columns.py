"""The columns of the units and people workbooks: one list read by the template, the reader and the export."""

from dataclasses import dataclass

from ..models import ImportBatch


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    width: int = 18


UNIT_COLUMNS = [
    Column("code", "Mã đơn vị", True, 16),
    Column("name", "Tên đơn vị", True, 40),
    Column("short_name", "Tên ngắn", width=24),
    Column("abbreviation", "Ký hiệu viết tắt", width=14),
    Column("kind", "Loại đơn vị", True, 26),
    Column("parent_code", "Mã đơn vị cấp trên", width=18),
    Column("admin_code", "Mã hành chính", width=14),
    Column("valid_from", "Hiệu lực từ ngày", width=14),
    Column("valid_to", "Hiệu lực đến ngày", width=14),
    Column("phone", "Điện thoại", width=14),
    Column("email", "Thư điện tử", width=24),
]
PERSON_COLUMNS = [
    Column("full_name", "Họ và tên", True, 28),
    Column("title", "Chức vụ", width=30),
    Column("unit_code", "Mã đơn vị", True, 16),
    Column("phone", "Điện thoại", width=14),
    Column("email", "Thư điện tử", width=26),
    Column("birth_year", "Năm sinh", width=10),
    Column("gender", "Giới tính", width=10),
]
COLUMNS = {ImportBatch.Kind.UNITS: UNIT_COLUMNS, ImportBatch.Kind.PEOPLE: PERSON_COLUMNS}
MAX_ROWS = 20_000

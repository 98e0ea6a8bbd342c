"""The columns of the units and people workbooks: one list read by the template, the reader and the export."""

from dataclasses import dataclass

from ..models import ImportBatch


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    width: int = 18
    max_length: int = 255  # the model field's; a longer cell is a problem naming the cell


UNIT_COLUMNS = [
    Column("code", "Mã đơn vị", True, 16, 40),
    Column("name", "Tên đơn vị", True, 40),
    Column("short_name", "Tên ngắn", width=24, max_length=120),
    Column("abbreviation", "Ký hiệu viết tắt", width=14, max_length=30),
    Column("kind", "Loại đơn vị", True, 26, 120),
    Column("parent_code", "Mã đơn vị cấp trên", width=18, max_length=40),
    Column("admin_code", "Mã hành chính", width=14, max_length=20),
    Column("valid_from", "Hiệu lực từ ngày", width=14),
    Column("valid_to", "Hiệu lực đến ngày", width=14),
    Column("phone", "Điện thoại", width=14, max_length=30),
    Column("email", "Thư điện tử", width=24, max_length=254),
]
PERSON_COLUMNS = [
    Column("full_name", "Họ và tên", True, 28, 150),
    Column("title", "Chức vụ", width=30),
    Column("unit_code", "Mã đơn vị", True, 16, 40),
    Column("phone", "Điện thoại", width=14, max_length=30),
    Column("email", "Thư điện tử", width=26, max_length=254),
    Column("birth_year", "Năm sinh", width=10, max_length=10),
    Column("gender", "Giới tính", width=10, max_length=10),
]
COLUMNS = {ImportBatch.Kind.UNITS: UNIT_COLUMNS, ImportBatch.Kind.PEOPLE: PERSON_COLUMNS}
MAX_ROWS = 20_000

"""The demo committee's work programme for the current year (written for the demo, not copied from any real
document): the province's Ban Tuyên giáo và Dân vận, about fifteen items in a table grouped by month, a
quarter and the whole year, imported through the product's own importer and issued. Dates are counted from
today so every state shows whenever the demo is loaded: items of past months done or late, this month's
under way, later ones not started. Some items are linked to the demo's own plans, calls, event and
appraisal round. Idempotent: the programme is recognised by its source name and issuing unit."""

from __future__ import annotations

import datetime

from django.utils import timezone

from .. import services
from ..models import Plan, Task
from ..parsing import parse_text
from ..selectors import tasks_without_lead
from . import services as programme_services
from .carriers import CARRIERS

SOURCE = "demo-chuong-trinh-cong-tac.txt"
PROVINCE_PLAN_SOURCE = "demo-thang-dan-van.txt"  # danvan/plans/demo.py
WARD_PLAN_SOURCE = "demo-toa-dam-to-dan-van.txt"

BTGDV = "Ban Tuyên giáo và Dân vận Tỉnh ủy"
MTTQ = "Ủy ban MTTQ Việt Nam tỉnh"
SNV = "Sở Nội vụ tỉnh Bắc Ninh"
WARD_BOARD = "Ban Xây dựng Đảng Đảng ủy phường Từ Sơn"
WARD_PARTY = "Đảng ủy phường Từ Sơn"

# (months from today's month, time cell, item, lead, partners, what the demo does with it)
# "done": marked done; "plan", "report_call", "seminar", "round": linked to that demo object.
MONTH_ITEMS = [
    (-10, "Trong tháng", "Hội nghị tổng kết công tác tuyên giáo và dân vận năm trước, triển khai nhiệm vụ "
     "năm {year}", BTGDV, "Văn phòng Tỉnh ủy", "done"),
    (-9, "Trong tháng", "Hướng dẫn các phường, xã đăng ký mô hình “Dân vận khéo” năm {year}", BTGDV, MTTQ,
     "done"),
    (-9, "Trong tháng", "Hoàn thành thẩm định, công nhận mô hình “Dân vận khéo” cấp phường năm trước",
     WARD_PARTY, WARD_BOARD, "round"),
    (-8, "Trong tháng", "Kiểm tra việc thực hiện Quy chế dân chủ ở cơ sở tại một số phường, xã", BTGDV, SNV,
     ""),
    (-7, "Trong tháng", "Báo cáo quý I về tình hình Nhân dân và công tác dân vận", BTGDV, "", "done"),
    (-6, "Trong tháng", "Giám sát việc giải quyết kiến nghị của Nhân dân về đất đai, môi trường", MTTQ, BTGDV,
     ""),
    (-5, "Trong tháng", "Hội nghị sơ kết 6 tháng công tác dân vận", BTGDV, "Các đoàn thể chính trị - xã hội "
     "tỉnh", "done"),
    (-2, "Trong tháng", "Báo cáo 9 tháng thực hiện Chương trình công tác dân vận", BTGDV, "", "done"),
    (0, "Trong tháng", "Hưởng ứng “Tháng Dân vận” năm {year} trên địa bàn tỉnh", BTGDV, MTTQ, "plan"),
    (0, "Trước ngày {report}", "Tổng hợp kết quả hoạt động hưởng ứng “Tháng Dân vận” năm {year}", BTGDV,
     "", "report_call"),
    (1, "Trong tháng", "Tọa đàm “Tổ Dân vận với việc khó ở khu dân cư”", WARD_BOARD, "Ủy ban MTTQ Việt Nam "
     "phường Từ Sơn", "seminar"),
    (1, "Trong tháng", "Khảo sát việc tiếp nhận, giải quyết kiến nghị của Nhân dân qua nền tảng số", BTGDV,
     SNV, ""),
    (2, "Trong tháng", "Hội nghị tổng kết công tác dân vận năm {year}", BTGDV, "Văn phòng Tỉnh ủy", ""),
]  # fmt: skip
QUARTER_ITEMS = [
    ("Trong quý", "Đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân về thủ tục hành chính",
     WARD_PARTY, WARD_BOARD, ""),
]  # fmt: skip
YEAR_ITEMS = [
    ("Cả năm", "Nắm tình hình Nhân dân, báo cáo nhanh các vụ việc phức tạp", BTGDV, MTTQ, ""),
]

TEXT = """ĐẢNG BỘ TỈNH BẮC NINH
BAN TUYÊN GIÁO VÀ DÂN VẬN
*
Số    -CTr/BTGDVTU
ĐẢNG CỘNG SẢN VIỆT NAM
Bắc Ninh, ngày 08 tháng 01 năm {year}

CHƯƠNG TRÌNH
công tác tuyên giáo và dân vận năm {year}

Thực hiện Chương trình làm việc năm {year} của Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo và Dân vận Tỉnh ủy \
xây dựng Chương trình công tác năm {year} như sau:

I. MỤC ĐÍCH, YÊU CẦU

Mỗi việc có cơ quan chủ trì, cơ quan phối hợp và thời gian rõ ràng; các phòng chủ động tham mưu, bảo đảm \
tiến độ và chất lượng; kết quả thực hiện được cập nhật thường xuyên.

II. NỘI DUNG CÔNG TÁC

{table}

III. TỔ CHỨC THỰC HIỆN

Các cơ quan, đơn vị được giao chủ trì xây dựng kế hoạch thực hiện từng việc, báo cáo kết quả về Ban Tuyên \
giáo và Dân vận Tỉnh ủy hằng quý.

Nơi nhận:

- Thường trực Tỉnh ủy (b/c);
- Ủy ban MTTQ Việt Nam tỉnh;
- Các sở, ban, ngành tỉnh;
- Lưu: VP.

TRƯỞNG BAN

Lương Minh Khang
"""


def _month(today: datetime.date, offset: int) -> tuple[int, int]:
    """The month ``offset`` months from today's, kept inside the programme's year."""
    month = min(12, max(1, today.month + offset))
    return today.year, month


def programme_text(today: datetime.date) -> tuple[str, list[str]]:
    """The programme's text and, per item in table order, what the demo does with it."""
    year = today.year
    report = today + datetime.timedelta(days=6)
    header = "TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian"
    lines, roles, number, group = [header], [], 0, None
    for offset, when, what, lead, partners, role in MONTH_ITEMS:
        key = _month(today, offset)
        if key != group:
            lines.append(f"THÁNG {key[1]:02d}/{key[0]}")
            group = key
        number += 1
        when = when.format(report=f"{report.day:02d}/{report.month:02d}/{report.year}")
        lines.append(f"{number}\t{what.format(year=year)}\t{lead}\t{partners}\t{when}")
        roles.append(role)
    quarter = ("I", "II", "III", "IV")[(today.month - 1) // 3]
    lines.append(f"QUÝ {quarter}/{year}")
    for when, what, lead, partners, role in QUARTER_ITEMS:
        number += 1
        lines.append(f"{number}\t{what}\t{lead}\t{partners}\t{when}")
        roles.append(role)
    lines.append(f"CẢ NĂM {year}")
    for when, what, lead, partners, role in YEAR_ITEMS:
        number += 1
        lines.append(f"{number}\t{what}\t{lead}\t{partners}\t{when}")
        roles.append(role)
    return TEXT.format(year=year, table="\n".join(lines)), roles


def _carrier_model(kind: str):
    return next(c for c in CARRIERS if c.kind == kind).model()


def load_demo_programme(actor, units: dict) -> Plan | None:
    """The province committee's programme for this year, issued, with its links; None when the demo units
    it needs are missing."""
    unit = units.get("btgdv_bn")
    if unit is None:
        return None
    existing = Plan.objects.filter(source_name=SOURCE, issuing_unit=unit).first()
    if existing is not None:
        return existing
    today = timezone.localdate()
    text, roles = programme_text(today)
    doc = parse_text(text)
    programme = services.plan_create(
        actor=actor, issuing_unit=unit, doc=doc, source_name=SOURCE, source_text=text
    )
    # The "Tổ chức thực hiện" paragraph reads as an item with no lead; the committee answers for it, as an
    # officer would set in the editor before issuing (issuing refuses an item nobody leads).
    for item in tasks_without_lead(programme):
        services.task_update(task=item, actor=actor, expected_version=item.version, lead_units=[unit])
    programme = services.plan_issue(
        plan=programme, actor=actor, issued_on=datetime.date(today.year, 1, 8), place="Bắc Ninh"
    )
    items = list(programme.tasks.order_by("order"))
    province_plan = Plan.objects.filter(source_name=PROVINCE_PLAN_SOURCE).first()
    ward_plan = Plan.objects.filter(source_name=WARD_PLAN_SOURCE).first()
    Round = _carrier_model("round")
    carriers = {
        "plan": [province_plan],
        "report_call": list(province_plan.calls.order_by("-due_end")[:1]) if province_plan else [],
        "seminar": [ward_plan, *(ward_plan.events.all() if ward_plan else [])],
        "round": list(Round.objects.filter(owner=units.get("ward")).order_by("-year")[:1]) if Round else [],
    }
    for item, role in zip(items, roles, strict=False):
        if role == "done":
            services.task_mark_done(task=item, actor=actor, note="Đã thực hiện (dữ liệu mẫu)")
        for obj in carriers.get(role, []):
            if obj is not None:
                programme_services.link_item(actor=actor, obj=obj, item=Task.objects.get(pk=item.pk))
    return programme

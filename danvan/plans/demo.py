"""The demo's two plans, written for the demo (not copied from any real document) in the shape of the plans
the product imports: a "Tháng Dân vận" plan of the province's committee (issued, with two deadlines that
become calls and a registration form) and a seminar (tọa đàm) plan of the ward (a draft that organises an
event). Their dates are counted from today so the demo is alive whenever it is loaded: one deadline has
passed, the other falls next week, the seminar is next month.

The texts go through the product's own importer (parse_text), so the demo also shows what an import gives.
Idempotent: a plan is recognised by its source name and issuing unit.
"""

import datetime

from django.utils import timezone

from . import services
from .models import Plan
from .parsing import parse_text

PROVINCE_SOURCE = "demo-thang-dan-van.txt"
WARD_SOURCE = "demo-toa-dam-to-dan-van.txt"

PROVINCE_PLAN = """KẾ HOẠCH
hưởng ứng “Tháng Dân vận” năm {year}

Căn cứ Chương trình công tác năm {year} của Ban Thường vụ Tỉnh ủy, Ban Tuyên giáo và Dân vận Tỉnh ủy \
xây dựng Kế hoạch hưởng ứng “Tháng Dân vận” năm {year} trên địa bàn tỉnh như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Làm cho cán bộ, đảng viên và Nhân dân hiểu rõ hơn vai trò của công tác dân vận sau khi sắp xếp \
tổ chức bộ máy và chính quyền địa phương hai cấp; gắn các hoạt động với việc giải quyết những việc \
người dân đang quan tâm ở từng khu dân cư.

2. Các hoạt động thiết thực, tiết kiệm, có sản phẩm cụ thể; lấy sự hài lòng của Nhân dân làm thước đo; \
phát hiện, biểu dương kịp thời các mô hình “Dân vận khéo” mới.

II. NỘI DUNG HOẠT ĐỘNG

1. Tuyên truyền trên Cổng thông tin điện tử của tỉnh, trang mạng xã hội của các cơ quan, đơn vị về \
những cách làm hay trong công tác dân vận ở cơ sở.

2. Mỗi phường, xã chọn ít nhất một việc khó, cụ thể ở khu dân cư (đường ngõ, vệ sinh môi trường, \
an ninh trật tự) để vận động Nhân dân cùng làm và hoàn thành trong tháng.

3. Tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền cấp xã với Nhân dân về thủ tục hành \
chính và dịch vụ công trực tuyến.

III. TỔ CHỨC THỰC HIỆN

1. Ban Tuyên giáo và Dân vận Tỉnh ủy hướng dẫn, theo dõi và trực tiếp thực hiện một số việc:

1.1. Ban hành hướng dẫn tuyên truyền và bộ khẩu hiệu cho các cơ quan, đơn vị (xong trước ngày {guide}).

1.2. Khảo sát việc tiếp nhận, giải quyết kiến nghị của Nhân dân tại một số phường, xã \
(xong trước ngày {survey}).

1.3. Chủ trì, phối hợp với Ủy ban MTTQ Việt Nam tỉnh tổ chức gặp mặt biểu dương mô hình \
“Dân vận khéo” tiêu biểu (trong tháng {meeting_month}).

1.4. Tổng hợp, báo cáo Thường trực Tỉnh ủy kết quả “Tháng Dân vận” năm {year} \
(xong trước ngày {summary}).

2. Đề nghị Ủy ban MTTQ Việt Nam tỉnh, các sở, ngành, đảng ủy phường, xã triển khai kế hoạch này phù hợp \
với tình hình của cơ quan, đơn vị mình.

Các cơ quan, đơn vị gửi về Ban Tuyên giáo và Dân vận Tỉnh ủy:

- Đăng ký hoạt động hưởng ứng “Tháng Dân vận” năm {year} trước ngày {register} (theo mẫu kèm theo \
Kế hoạch).

- Báo cáo kết quả hoạt động hưởng ứng “Tháng Dân vận” năm {year} trước ngày {report}.

Nơi nhận:

- Thường trực Tỉnh ủy (b/c);
- Ủy ban MTTQ Việt Nam tỉnh;
- Các sở, ban, ngành tỉnh;
- Đảng ủy các phường, xã;
- Lưu: VP.

TRƯỞNG BAN

Lương Minh Khang

TÊN CƠ QUAN, ĐƠN VỊ...

Mẫu
....., ngày..... tháng.....năm.....

DANH SÁCH
Đăng ký hoạt động hưởng ứng “Tháng Dân vận” năm {year}

Stt\tHoạt động\tThời gian\tPhạm vi\tNgười tham gia hoặc thụ hưởng\tKết quả dự kiến\tGhi chú
1\t\t\t\t\t\t
2\t\t\t\t\t\t
"""

WARD_PLAN = """KẾ HOẠCH

Tổ chức tọa đàm “Tổ Dân vận với việc khó ở khu dân cư” năm {year}

Thực hiện kế hoạch công tác năm {year}, Ban Xây dựng Đảng Đảng ủy phường Từ Sơn xây dựng Kế hoạch tổ \
chức tọa đàm “Tổ Dân vận với việc khó ở khu dân cư” như sau:

I. Mục đích, yêu cầu

1. Nghe các Tổ Dân vận kể lại cách đã vận động Nhân dân làm những việc khó trong năm; rút ra điều làm \
được, điều chưa làm được.

2. Tọa đàm ngắn gọn, nói thật, việc thật; mỗi tham luận không quá bảy phút.

II. Nội dung

1. Tổ Dân vận các khu phố trình bày một việc cụ thể đã vận động thành công và một việc chưa thành công.

2. Đại biểu trao đổi, đề xuất cách phối hợp giữa Tổ Dân vận, Ban công tác Mặt trận và chi bộ khu phố.

III. Thời gian, địa điểm, thành phần

1. **Thời gian:** 08 giờ 00, ngày {seminar}.

2. **Địa điểm:** Hội trường Đảng ủy phường Từ Sơn.

3. **Thành phần:** (Khoảng 60 đại biểu)

- Thường trực Đảng ủy phường;
- Lãnh đạo Ủy ban nhân dân phường;
- Ủy ban MTTQ Việt Nam phường và các đoàn thể;
- Bí thư chi bộ các khu phố;
- Tổ trưởng và tổ viên các Tổ Dân vận.

IV. Tổ chức thực hiện

1. Ban Xây dựng Đảng Đảng ủy phường chuẩn bị nội dung, mời đại biểu (xong trước ngày {invite}).
2. Tổ Dân vận các khu phố gửi tham luận về Ban Xây dựng Đảng trước ngày {papers}.
3. Văn phòng Đảng ủy phường chuẩn bị hội trường, âm thanh, tài liệu.

Nơi nhận:

- Thường trực Đảng ủy phường (b/c);
- Ủy ban MTTQ Việt Nam phường;
- Tổ Dân vận các khu phố;
- Lưu: BXDĐ.

TRƯỞNG BAN

Trịnh Thu Hằng
"""


def _d(day: datetime.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def demo_texts(today: datetime.date) -> dict[str, str]:
    """The two plan texts with their dates counted from ``today`` (one deadline passed, one next week)."""
    days = datetime.timedelta
    next_month = (today.replace(day=1) + days(days=32)).replace(day=1)
    seminar = meeting = next_month.replace(day=15)
    province = PROVINCE_PLAN.format(
        year=today.year,
        guide=_d(today - days(days=10)),
        survey=_d(today - days(days=2)),
        meeting_month=f"{meeting.month:02d}/{meeting.year}",
        summary=_d(today + days(days=40)),
        register=_d(today - days(days=4)),
        report=_d(today + days(days=6)),
    )
    ward = WARD_PLAN.format(
        year=seminar.year,
        seminar=_d(seminar),
        invite=_d(today + days(days=7)),
        papers=_d(seminar - days(days=5)),
    )
    return {PROVINCE_SOURCE: province, WARD_SOURCE: ward}


def load_demo_plans(actor, units: dict) -> list[Plan]:
    """The province's issued plan first, then the ward's draft (created only when missing)."""
    today = timezone.localdate()
    texts = demo_texts(today)
    wanted = [
        # (source name, issuing unit key, issue date or None to leave a draft)
        (PROVINCE_SOURCE, "btgdv_bn", today - datetime.timedelta(days=21)),
        (WARD_SOURCE, "bxdd_ward", None),
    ]
    plans = []
    for source_name, unit_key, issue_on in wanted:
        unit = units[unit_key]
        existing = Plan.objects.filter(source_name=source_name, issuing_unit=unit).first()
        if existing is not None:
            plans.append(existing)
            continue
        text = texts[source_name]
        plan = services.plan_create(
            actor=actor, issuing_unit=unit, doc=parse_text(text), source_name=source_name, source_text=text
        )
        if issue_on is not None:
            plan = services.plan_issue(plan=plan, actor=actor, issued_on=issue_on, place="Bắc Ninh")
        plans.append(plan)
    return plans

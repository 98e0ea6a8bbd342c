"""Party documents of the corpus: a district committee's plan and a provincial guide (fictional)."""

from __future__ import annotations

from datetime import date as d

from ..facts import RECURRING, Facts, Section, Task, Timed, by, exact, period, span

PARTY_PLAN = Facts(
    key="party_plan",
    style="party",
    superior="HUYỆN ỦY ĐÔNG KHÊ",
    issuer="BAN DÂN VẬN",
    symbol="45-KH/BDVHU",
    place="Đông Khê",
    issued_on=d(2025, 11, 18),
    doc_type="KẾ HOẠCH",
    title="triển khai phong trào thi đua “Dân vận khéo” và xây dựng mô hình dân vận tiêu biểu năm 2026",
    preamble=(
        "Thực hiện Kế hoạch số 112-KH/BDVTU ngày 06/11/2025 của Ban Dân vận Tỉnh ủy Lam Giang về phong trào "
        "thi đua “Dân vận khéo” giai đoạn 2026 - 2030, Ban Dân vận Huyện ủy xây dựng Kế hoạch triển khai "
        "như sau:"
    ),
    sections=[
        Section(
            "MỤC ĐÍCH, YÊU CẦU",
            [
                [
                    "Nâng cao nhận thức của cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính "
                    "trị - xã hội về vị trí, vai trò của phong trào thi đua “Dân vận khéo” trong tình hình "
                    "mới.",
                    "Việc xây dựng mô hình phải thiết thực, gắn với nhiệm vụ chính trị của từng cơ quan, "
                    "đơn vị; tránh hình thức, lãng phí.",
                ]
            ],
        ),
        Section(
            "NỘI DUNG",
            [
                "Tuyên truyền sâu rộng ý nghĩa của phong trào thi đua “Dân vận khéo” trong cán bộ, đảng viên "
                "và Nhân dân bằng nhiều hình thức phù hợp với từng địa bàn.",
                Timed(
                    "Mỗi xã, thị trấn đăng ký ít nhất 02 mô hình “Dân vận khéo” trên các lĩnh vực; thời gian "
                    "đăng ký trong Quý I/2026.",
                    [period(d(2026, 1, 1), d(2026, 3, 31))],
                ),
                Timed(
                    "Tổ chức sơ kết, đánh giá mô hình từ tháng 5/2026 đến tháng 6/2026 và lựa chọn mô hình "
                    "tiêu biểu đề nghị cấp trên khen thưởng.",
                    [span(d(2026, 5, 1), d(2026, 6, 30))],
                ),
            ],
        ),
        Section(
            "TỔ CHỨC THỰC HIỆN",
            [
                Task(
                    "tham mưu Ban Thường vụ Huyện ủy chỉ đạo triển khai phong trào; hướng dẫn các xã, "
                    "thị trấn đăng ký mô hình",
                    ["Ban Dân vận Huyện ủy"],
                    ["Văn phòng Huyện ủy"],
                    "chậm nhất ngày 15/01/2026",
                    by(d(2026, 1, 15)),
                ),
                Task(
                    "bố trí kinh phí và bảo đảm điều kiện tổ chức các hội nghị sơ kết, tổng kết phong trào",
                    ["Văn phòng Huyện ủy", "Văn phòng HĐND-UBND huyện"],
                    ["Phòng Tài chính - Kế hoạch huyện"],
                    "Quý IV/2025 và Quý I/2026",
                    period(d(2025, 10, 1), d(2026, 3, 31)),
                ),
                Task(
                    "đưa nội dung phong trào vào chương trình công tác và hướng dẫn đoàn viên, hội viên đăng "
                    "ký mô hình",
                    ["Ủy ban MTTQ Việt Nam huyện", "các đoàn thể chính trị - xã hội huyện"],
                    [],
                    "từ tháng 11/2025 đến tháng 4/2026",
                    span(d(2025, 11, 1), d(2026, 4, 30)),
                ),
                Task(
                    "theo dõi, đôn đốc việc đăng ký và triển khai mô hình ở cơ sở, tổng hợp báo cáo Thường "
                    "trực Huyện ủy",
                    ["Đồng chí Phó Trưởng ban Dân vận Huyện ủy"],
                    [],
                    "từ ngày 10 đến ngày 15 tháng 12 hằng năm",
                    RECURRING,
                ),
                Task(
                    "xây dựng kế hoạch cụ thể, tổ chức triển khai phong trào ở địa phương và gửi kết quả "
                    "đăng ký mô hình về Ban Dân vận Huyện ủy",
                    ["Đảng ủy các xã, thị trấn"],
                    ["Ban Dân vận Huyện ủy"],
                    "trước ngày 28/02/2026",
                    by(d(2026, 2, 28)),
                ),
            ],
        ),
    ],
    closing=(
        "Trên đây là Kế hoạch triển khai phong trào thi đua “Dân vận khéo” năm 2026 của Ban Dân vận Huyện ủy."
    ),
    recipients=[
        ("Ban Dân vận Tỉnh ủy (b/c);", "Ban Dân vận Tỉnh ủy"),
        ("Thường trực Huyện ủy (b/c);", "Thường trực Huyện ủy"),
        (
            "Ủy ban Kiểm tra Huyện ủy, các ban xây dựng Đảng, Văn phòng Huyện ủy (p/h);",
            "Ủy ban Kiểm tra Huyện ủy, các ban xây dựng Đảng, Văn phòng Huyện ủy",
        ),
        ("Đảng ủy các xã, thị trấn (t/h);", "Đảng ủy các xã, thị trấn"),
        ("Lưu: BDV.", "BDV"),
    ],
    authority=["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"],
    signer="Lê Quang Vinh",
    task_layout="prose",
)


PARTY_GUIDE = Facts(
    key="party_guide",
    style="party",
    superior="TỈNH ỦY LAM GIANG",
    issuer="BAN TUYÊN GIÁO VÀ DÂN VẬN",
    symbol="08-HD/BTGDVTU",
    place="Lam Giang",
    issued_on=d(2025, 10, 27),
    doc_type="HƯỚNG DẪN",
    title="tổ chức “Ngày hội Đại đoàn kết toàn dân tộc” ở khu dân cư năm 2025",
    preamble=(
        "Để Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư được tổ chức thiết thực, hiệu quả, Ban Tuyên "
        "giáo và Dân vận Tỉnh ủy hướng dẫn một số nội dung sau:"
    ),
    sections=[
        Section(
            "YÊU CẦU",
            ["Ngày hội được tổ chức vui tươi, tiết kiệm, phát huy vai trò chủ thể của Nhân dân."],
        ),
        Section(
            "THỜI GIAN, HÌNH THỨC",
            [
                Timed(
                    "Ngày hội tổ chức từ ngày 10 đến ngày 15 tháng 11 hằng năm tại nhà văn hóa thôn, tổ dân "
                    "phố; năm 2025 tổ chức tập trung trong ngày 16/11/2025.",
                    [RECURRING, exact(d(2025, 11, 16))],
                ),
                "Phần lễ ôn lại truyền thống Mặt trận Tổ quốc Việt Nam; phần hội gồm các hoạt động văn hóa, "
                "thể thao phù hợp.",
            ],
        ),
        Section(
            "TỔ CHỨC THỰC HIỆN",
            [
                Task(
                    "chỉ đạo Ban Công tác Mặt trận ở khu dân cư xây dựng kế hoạch tổ chức ngày hội",
                    ["Ban Thường vụ các huyện ủy, thành ủy"],
                    ["Ủy ban MTTQ Việt Nam các huyện, thành phố"],
                    "chậm nhất ngày 25/10/2025",
                    by(d(2025, 10, 25)),
                ),
                Task(
                    "hướng dẫn nội dung phần lễ và tổng hợp kết quả ngày hội trên địa bàn tỉnh",
                    ["Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"],
                    ["Ban Tuyên giáo và Dân vận Tỉnh ủy"],
                    "trong tháng 12/2025",
                    period(d(2025, 12, 1), d(2025, 12, 31)),
                ),
                Task(
                    "báo cáo kết quả tổ chức ngày hội về Ban Tuyên giáo và Dân vận Tỉnh ủy",
                    ["các sở, ban, ngành", "MTTQ", "các đoàn thể tỉnh"],
                    [],
                    "trước ngày 30/11/2025",
                    by(d(2025, 11, 30)),
                ),
            ],
        ),
    ],
    closing="Trên đây là Hướng dẫn tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư năm 2025.",
    recipients=[
        ("Thường trực Tỉnh ủy (b/c);", "Thường trực Tỉnh ủy"),
        ("Các huyện ủy, thành ủy, đảng ủy trực thuộc;", "Các huyện ủy, thành ủy, đảng ủy trực thuộc"),
        ("Ủy ban MTTQ Việt Nam tỉnh;", "Ủy ban MTTQ Việt Nam tỉnh"),
        ("Lưu Văn phòng Ban.", "Văn phòng Ban"),
    ],
    authority=["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC"],
    signer="Hoàng Đức Thắng",
    task_layout="prose",
    heading_style="arabic",
)

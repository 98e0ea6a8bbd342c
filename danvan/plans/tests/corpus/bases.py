"""The base documents of the corpus: fictional units, numbers, dates and people, written by us in the
style of Party, state and Front documents. Each is laid out several ways by ``render``."""

from __future__ import annotations

from datetime import date as d

from .facts import RECURRING, RELATIVE, Event, Facts, Section, Task, Timed, by, exact, period, span

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

STATE_PLAN = Facts(
    key="state_plan",
    style="state",
    superior="ỦY BAN NHÂN DÂN",
    issuer="XÃ TÂN PHƯỚC",
    symbol="212/KH-UBND",
    place="Tân Phước",
    issued_on=d(2025, 12, 5),
    doc_type="KẾ HOẠCH",
    title="thực hiện công tác dân vận chính quyền năm 2026",
    preamble=(
        "Căn cứ Kế hoạch số 87/KH-UBND ngày 20/11/2025 của Ủy ban nhân dân tỉnh Lam Giang về công tác dân "
        "vận chính quyền năm 2026; Ủy ban nhân dân xã ban hành Kế hoạch thực hiện như sau:"
    ),
    sections=[
        Section(
            "MỤC ĐÍCH, YÊU CẦU",
            [
                "Nâng cao trách nhiệm của cán bộ, công chức trong tiếp dân, giải quyết thủ tục hành chính và "
                "lắng nghe ý kiến của Nhân dân.",
                "Công tác dân vận chính quyền gắn với cải cách hành chính, xây dựng chính quyền thân "
                "thiện, vì Nhân dân phục vụ.",
            ],
        ),
        Section(
            "NHIỆM VỤ CỤ THỂ",
            [
                Task(
                    "rà soát, công khai thủ tục hành chính tại Bộ phận Một cửa",
                    ["Văn phòng HĐND-UBND xã"],
                    ["Phòng Văn hóa - Xã hội"],
                    "10 ngày làm việc (từ ngày 08 tháng 12 năm 2025 đến ngày 19 tháng 12 năm 2025)",
                    span(d(2025, 12, 8), d(2025, 12, 19)),
                    "Danh mục thủ tục được niêm yết",
                ),
                Task(
                    "tổ chức đối thoại giữa Chủ tịch UBND xã với Nhân dân về đất đai, môi trường",
                    ["Đồng chí Phó Chủ tịch UBND xã phụ trách kinh tế"],
                    ["Ủy ban MTTQ Việt Nam xã", "các thôn, tổ dân phố"],
                    "từ ngày 08 đến ngày 10 tháng 4 năm 2026",
                    span(d(2026, 4, 8), d(2026, 4, 10)),
                    "Thông báo kết luận buổi đối thoại",
                ),
                Task(
                    "tiếp nhận, giải quyết đơn thư, kiến nghị của công dân đúng thời hạn",
                    ["Công an xã", "Văn phòng HĐND-UBND xã"],
                    [],
                    "trong thời hạn 05 ngày kể từ ngày nhận đơn",
                    RELATIVE,
                    "Sổ theo dõi đơn thư",
                ),
                Task(
                    "tuyên truyền quy chế dân chủ ở cơ sở trên hệ thống truyền thanh xã",
                    ["các thôn, tổ dân phố"],
                    ["Ủy ban MTTQ Việt Nam xã"],
                    "Quý II/2026",
                    period(d(2026, 4, 1), d(2026, 6, 30)),
                    "Tin, bài phát thanh",
                ),
                Task(
                    "tổng hợp kết quả thực hiện, báo cáo Ủy ban nhân dân xã",
                    ["Chuyên viên Văn phòng HĐND-UBND xã phụ trách dân vận"],
                    [],
                    "chậm nhất ngày 20/11/2026",
                    by(d(2026, 11, 20)),
                    "Báo cáo năm",
                ),
            ],
        ),
    ],
    closing="Trên đây là Kế hoạch thực hiện công tác dân vận chính quyền năm 2026 của Ủy ban nhân dân xã.",
    recipients=[
        ("Thường trực Đảng ủy xã (b/c);", "Thường trực Đảng ủy xã"),
        ("Chủ tịch, các Phó Chủ tịch UBND xã;", "Chủ tịch, các Phó Chủ tịch UBND xã"),
        ("Ủy ban MTTQ Việt Nam xã;", "Ủy ban MTTQ Việt Nam xã"),
        ("Các thôn, tổ dân phố;", "Các thôn, tổ dân phố"),
        ("Lưu: VT, VP.", "VT, VP"),
    ],
    authority=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
    signer="Đỗ Thị Hồng Nhung",
    task_layout="table",
    heading_style="roman-dot",
)

FRONT_PLAN = Facts(
    key="front_plan",
    style="front",
    superior="ỦY BAN MTTQ VIỆT NAM",
    issuer="TỈNH LAM GIANG BAN THƯỜNG TRỰC",
    symbol="16/KH-MTTQ-BTT",
    place="Lam Giang",
    issued_on=d(2026, 1, 12),
    doc_type="KẾ HOẠCH",
    title=(
        "tổ chức hội nghị hiệp thương giới thiệu người ứng cử đại biểu Hội đồng nhân dân tỉnh nhiệm kỳ "
        "2026 - 2031"
    ),
    preamble=(
        "Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân; Ban Thường trực Ủy ban Mặt "
        "trận Tổ quốc Việt Nam tỉnh xây dựng Kế hoạch tổ chức các hội nghị hiệp thương như sau:"
    ),
    sections=[
        Section(
            "MỤC ĐÍCH, YÊU CẦU",
            [
                "Tổ chức hiệp thương dân chủ, đúng quy trình luật định, bảo đảm số lượng, cơ cấu, thành phần "
                "người ứng cử.",
            ],
        ),
        Section(
            "THỜI GIAN TỔ CHỨC CÁC HỘI NGHỊ",
            [
                Event(
                    "Hội nghị hiệp thương lần thứ nhất",
                    "dự kiến ngày 04/02/2026",
                    ("exact", d(2026, 2, 4), d(2026, 2, 4)),
                    "Hội trường Ủy ban MTTQ Việt Nam tỉnh",
                    "chậm nhất ngày 06/02/2026",
                    by(d(2026, 2, 6)),
                ),
                Event(
                    "Hội nghị hiệp thương lần thứ hai",
                    "từ ngày 05/3/2026 - 06/3/2026",
                    span(d(2026, 3, 5), d(2026, 3, 6)),
                    "Hội trường Ủy ban MTTQ Việt Nam tỉnh",
                    "chậm nhất ngày 09/3/2026",
                    by(d(2026, 3, 9)),
                ),
                Event(
                    "Hội nghị hiệp thương lần thứ ba",
                    "dự kiến ngày 14/4/2026",
                    ("exact", d(2026, 4, 14), d(2026, 4, 14)),
                    "Hội trường Ủy ban MTTQ Việt Nam tỉnh",
                    "trước ngày bầu cử 35 ngày",
                    RELATIVE,
                ),
            ],
            numbered=True,
        ),
        Section(
            "TỔ CHỨC THỰC HIỆN",
            [
                Task(
                    "chuẩn bị nội dung, tài liệu các hội nghị hiệp thương",
                    ["Ban Dân chủ - Pháp luật"],
                    ["Văn phòng Ủy ban MTTQ Việt Nam tỉnh"],
                    "trong ngày 02/02/2026 đến ngày 03/02/2026",
                    span(d(2026, 2, 2), d(2026, 2, 3)),
                ),
                Task(
                    "bảo đảm hội trường, kinh phí và điều kiện phục vụ các hội nghị",
                    ["Văn phòng Ủy ban MTTQ Việt Nam tỉnh"],
                    [],
                    "ngay sau khi kết thúc hội nghị lần thứ nhất",
                    RELATIVE,
                ),
                Task(
                    "phối hợp tổ chức lấy ý kiến cử tri nơi cư trú về người được giới thiệu ứng cử",
                    ["các tổ chức thành viên của Mặt trận"],
                    ["Ủy ban nhân dân các xã, phường"],
                    "từ ngày 10/3/2026 đến ngày 20/3/2026",
                    span(d(2026, 3, 10), d(2026, 3, 20)),
                ),
                Task(
                    "theo dõi, tổng hợp tình hình và báo cáo Ban Thường trực",
                    ["Đồng chí Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh phụ trách công tác bầu cử"],
                    [],
                    "đến khi tổ chức thành công cuộc bầu cử",
                    RELATIVE,
                ),
            ],
        ),
    ],
    closing=(
        "Trên đây là Kế hoạch tổ chức hội nghị hiệp thương của Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh."
    ),
    recipients=[
        ("Đoàn Chủ tịch UBTW MTTQ Việt Nam (b/c);", "Đoàn Chủ tịch UBTW MTTQ Việt Nam"),
        ("Thường trực Tỉnh ủy (b/c);", "Thường trực Tỉnh ủy"),
        ("Ủy ban bầu cử tỉnh;", "Ủy ban bầu cử tỉnh"),
        ("Các tổ chức thành viên;", "Các tổ chức thành viên"),
        ("Lưu: VT.", "VT"),
    ],
    authority=["TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"],
    signer="Phạm Thị Lan",
    task_layout="labelled",
    heading_style="roman-dot",
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

STATE_PROGRAMME = Facts(
    key="state_programme",
    style="state",
    superior="ỦY BAN NHÂN DÂN",
    issuer="THÀNH PHỐ VĨNH AN",
    symbol="05/CTr-UBND",
    place="Vĩnh An",
    issued_on=d(2026, 1, 8),
    doc_type="CHƯƠNG TRÌNH",
    title="công tác dân vận chính quyền và thực hiện dân chủ ở cơ sở năm 2026",
    preamble=(
        "Thực hiện Chương trình số 14-CTr/TU ngày 22/12/2025 của Ban Thường vụ Tỉnh ủy; Ủy ban nhân dân "
        "thành phố ban hành Chương trình công tác năm 2026 như sau:"
    ),
    sections=[
        Section(
            "MỤC TIÊU",
            ["100% cơ quan, đơn vị xây dựng và thực hiện quy chế dân chủ trong hoạt động của cơ quan."],
        ),
        Section(
            "NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN",
            [
                Task(
                    "quán triệt các văn bản của Trung ương, của tỉnh về công tác dân vận chính quyền",
                    ["các phòng, ban, ngành thành phố"],
                    [],
                    "Quý I/2026",
                    period(d(2026, 1, 1), d(2026, 3, 31)),
                    "Hội nghị quán triệt",
                ),
                Task(
                    "triển khai chính sách tín dụng ưu đãi cho hộ nghèo, hộ cận nghèo",
                    ["Ngân hàng Chính sách xã hội chi nhánh thành phố"],
                    ["Ủy ban nhân dân các phường, xã"],
                    "6 tháng đầu năm 2026",
                    period(d(2026, 1, 1), d(2026, 6, 30)),
                    "Báo cáo kết quả giải ngân",
                ),
                Task(
                    "kiểm tra việc thực hiện dân chủ ở cơ sở tại một số phường, xã",
                    ["Phòng Nội vụ thành phố", "Thanh tra thành phố"],
                    ["Ban Dân vận Thành ủy"],
                    "tháng 9-10/2026",
                    span(d(2026, 9, 1), d(2026, 10, 31)),
                    "Thông báo kết quả kiểm tra",
                ),
                Task(
                    "tổng kết công tác dân vận chính quyền năm 2026",
                    ["Phòng Nội vụ thành phố"],
                    ["các phòng, ban, ngành thành phố"],
                    "chậm nhất là ngày 05/12/2026",
                    by(d(2026, 12, 5)),
                    "Báo cáo tổng kết",
                ),
            ],
        ),
    ],
    closing="Trên đây là Chương trình công tác dân vận chính quyền năm 2026 của Ủy ban nhân dân thành phố.",
    recipients=[
        ("Ủy ban nhân dân tỉnh (b/c);", "Ủy ban nhân dân tỉnh"),
        ("Thường trực Thành ủy (b/c);", "Thường trực Thành ủy"),
        ("Các phòng, ban, ngành thành phố;", "Các phòng, ban, ngành thành phố"),
        ("UBND các phường, xã;", "UBND các phường, xã"),
        ("Lưu: VT.", "VT"),
    ],
    authority=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
    signer="Trần Văn Khải",
    task_layout="table",
    heading_style="roman-dot",
)

BASES = [PARTY_PLAN, STATE_PLAN, FRONT_PLAN, PARTY_GUIDE, STATE_PROGRAMME]

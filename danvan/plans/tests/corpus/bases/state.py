"""State documents of the corpus: a commune's plan with a work-item table and a city's programme
(fictional)."""

from __future__ import annotations

from datetime import date as d

from ..facts import RELATIVE, Facts, Section, Task, by, period, span

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

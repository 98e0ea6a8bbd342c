"""A Front document of the corpus: a provincial plan of three consultation conferences (fictional)."""

from __future__ import annotations

from datetime import date as d

from ..facts import RELATIVE, Event, Facts, Section, Task, by, span

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

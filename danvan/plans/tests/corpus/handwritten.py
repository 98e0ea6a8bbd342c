"""Documents written by hand (not from facts): a notice of conclusions, a decision with its attached
regulation, a report and a conclusion, each with what a reader expects to find."""

from __future__ import annotations

from datetime import date as d
from pathlib import Path

from .facts import RECURRING, RELATIVE, Expected, by, exact, period, span

TEXTS = Path(__file__).parent / "texts"

HANDWRITTEN: dict[str, Expected] = {
    "notice_conclusion": Expected(
        doc_type="THÔNG BÁO",
        symbol="214-TB/HU",
        issued_on=d(2025, 12, 3),
        signer=(("T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"), "Nguyễn Thị Thu Hà"),
        recipients=[
            "Thường trực Huyện ủy",
            "Ban Dân vận Huyện ủy",
            "Đảng ủy các xã, thị trấn",
            "Văn phòng Huyện ủy",
        ],
        marks=[exact(d(2025, 11, 28)), by(d(2025, 12, 30)), by(d(2026, 1, 15)), RELATIVE],
        tasks=[
            ("tham muu ban thuong vu huyen uy", ("Ban Dân vận Huyện ủy",)),
            ("phoi hop ra soat cac kien nghi", ("Văn phòng Huyện ủy", "Văn phòng HĐND-UBND huyện")),
            ("tiep tuc chi dao to dan van", ("Đảng ủy các xã, thị trấn",)),
        ],
    ),
    "decision_regulation": Expected(
        doc_type="QUYẾT ĐỊNH",
        symbol="57/QĐ-UBND",
        issued_on=d(2026, 1, 14),
        signer=(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "Bùi Minh Tuấn"),
        recipients=["Như Điều 3", "Thường trực Đảng ủy xã", "Ủy ban MTTQ Việt Nam xã", "VT"],
        marks=[RELATIVE, RELATIVE, RELATIVE, RECURRING],  # "có hiệu lực kể từ ngày ký" is relative too
        tasks=[],
    ),
    "report": Expected(
        doc_type="BÁO CÁO",
        symbol="96-BC/ĐU",
        issued_on=d(2025, 12, 22),
        signer=(("T/M ĐẢNG ỦY", "BÍ THƯ"), "Vũ Văn Thành"),
        recipients=[
            "Ban Thường vụ Huyện ủy",
            "Ban Dân vận Huyện ủy",
            "Các chi bộ trực thuộc",
            "Văn phòng Đảng ủy",
        ],
        marks=[by(d(2026, 3, 31)), period(d(2026, 6, 1), d(2026, 6, 30))],
        tasks=[],
    ),
    "conclusion": Expected(
        doc_type="KẾT LUẬN",
        symbol="11-KL/ĐU",
        issued_on=d(2025, 10, 9),
        signer=(("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"), "Đinh Quốc Bảo"),
        recipients=[
            "Các đồng chí Ủy viên Ban Chấp hành Đảng bộ phường",
            "Các chi bộ trực thuộc",
            "Văn phòng Đảng ủy",
        ],
        marks=[exact(d(2025, 10, 6)), span(d(2025, 10, 13), d(2025, 10, 17)), RECURRING, by(d(2025, 10, 31))],
        tasks=[
            (
                "to chuc lay y kien nhan dan",
                ("Ủy ban Mặt trận Tổ quốc Việt Nam phường", "các đoàn thể chính trị - xã hội"),
            ),
            ("tang cuong nam tinh hinh nhan", ("Các chi bộ khu phố",)),
            ("theo doi don doc viec thuc", ("Văn phòng Đảng ủy",)),
        ],
    ),
    "party_anniversary": Expected(
        doc_type="KẾ HOẠCH",
        symbol="131-KH/BDVTU",
        issued_on=d(2025, 9, 2),
        signer=(("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"), "Trịnh Minh Châu"),
        recipients=[
            "Ban Dân vận Trung ương",
            "Thường trực Tỉnh ủy",
            "Các sở, ban, ngành, MTTQ và các đoàn thể tỉnh",
            "Ban Dân vận các huyện ủy, thành ủy",
            "Văn phòng Ban",
        ],
        marks=[
            span(d(2025, 10, 1), d(2025, 10, 20)),
            exact(d(2025, 10, 14)),
            by(d(2025, 10, 15)),
            by(d(2025, 10, 25)),
            by(d(2025, 10, 10)),
        ],
        tasks=[
            ("chuan bi noi dung kinh phi to chuc", ("Ban Dân vận Tỉnh ủy",)),
            (
                "huong dan he thong to chuc co so",
                ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"),
            ),
            ("van dong cac to chuc tin dung", ("Ngân hàng Nhà nước chi nhánh tỉnh Lam Giang",)),
        ],
    ),
    "election_subcommittee": Expected(
        doc_type="KẾ HOẠCH",
        symbol="03/KH-TBTT",
        issued_on=d(2026, 1, 20),
        signer=(("TM. TIỂU BAN", "TRƯỞNG TIỂU BAN"), "Lý Thị Ngọc Hân"),
        recipients=["Ủy ban bầu cử phường", "Thành viên Tiểu ban", "VT"],
        marks=[span(d(2026, 2, 5), d(2026, 2, 8)), span(d(2026, 3, 1), d(2026, 3, 14)), RELATIVE, RECURRING],
        tasks=[
            ("treo bang ron khau hieu tai", ("Công an phường",)),
            ("phat thanh tuyen truyen tren loa", ("Văn phòng HĐND-UBND phường",)),
            ("niem yet danh sach cu tri", ("Tổ bầu cử các khu vực bỏ phiếu",)),
            ("tong hop tinh hinh du luan", ("Chuyên viên Văn hóa - Xã hội phường",)),
            ("chu dong trien khai thuc hien", ("Các thành viên Tiểu ban",)),
        ],
    ),
    "twofive_guide": Expected(
        doc_type="HƯỚNG DẪN",
        symbol="24-HD/ĐU",
        issued_on=d(2025, 12, 15),
        signer=(("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"), "Hoàng Văn Lực"),
        recipients=["Thường trực Đảng ủy", "Các chi bộ trực thuộc", "Văn phòng Đảng ủy"],
        marks=[
            by(d(2025, 12, 22)),
            span(d(2025, 12, 24), d(2025, 12, 26)),
            period(d(2026, 1, 1), d(2026, 3, 31)),
            by(d(2025, 12, 31)),
        ],
        tasks=[
            ("huong dan theo doi viec danh", ("Ban Dân vận Đảng ủy",)),
            ("to chuc danh gia bao dam khach", ("Các chi bộ thôn, tổ dân phố",)),
        ],
    ),
    "front_consultation": Expected(
        doc_type="KẾ HOẠCH",
        symbol="41/KH-MTTQ-BTT",
        issued_on=d(2026, 1, 8),
        signer=(("TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Đặng Quốc Huy"),
        recipients=[
            "Thường trực Huyện ủy",
            "Ủy ban bầu cử huyện",
            "Ủy ban MTTQ Việt Nam các xã, thị trấn",
            "VT",
        ],
        marks=[
            exact(d(2026, 1, 22)),
            by(d(2026, 1, 24)),
            span(d(2026, 3, 3), d(2026, 3, 4)),
            by(d(2026, 3, 6)),
            RELATIVE,
            span(d(2026, 3, 8), d(2026, 3, 10)),
            RELATIVE,
        ],
        tasks=[
            ("chuan bi ho so tai lieu cac", ("Văn phòng Ủy ban MTTQ Việt Nam huyện",)),
            ("to chuc hoi nghi cu tri", ("Ủy ban MTTQ Việt Nam các xã, thị trấn",)),
        ],
        events=3,
    ),
    "mobilisation_month": Expected(
        doc_type="KẾ HOẠCH",
        symbol="52-KH/BDVHU",
        issued_on=d(2025, 8, 25),
        signer=(("TRƯỞNG BAN",), "Mai Thị Thanh Tâm"),
        recipients=["Thường trực Huyện ủy", "Đảng ủy các xã, thị trấn", "Huyện đoàn, Hội LHPN huyện", "BDV"],
        marks=[
            period(d(2025, 9, 11), d(2025, 9, 20)),
            span(d(2025, 9, 1), d(2025, 10, 15)),
            by(d(2025, 10, 20)),
            by(d(2025, 9, 5)),
        ],
        tasks=[
            ("huong dan theo doi tong hop", ("Ban Dân vận Huyện ủy",)),
            ("chi dao khoi dan van co so", ("Đảng ủy các xã, thị trấn",)),
            ("to chuc cac hoat dong tinh nguyen", ("Huyện đoàn", "Hội Liên hiệp Phụ nữ huyện")),
        ],
    ),
    "party_programme": Expected(
        doc_type="CHƯƠNG TRÌNH",
        symbol="19-CTr/HU",
        issued_on=d(2026, 1, 6),
        signer=(("T/M HUYỆN ỦY", "BÍ THƯ"), "Tạ Quang Khánh"),
        recipients=[
            "Ban Thường vụ Tỉnh ủy",
            "Ban Dân vận Tỉnh ủy",
            "Các đồng chí Huyện ủy viên",
            "Văn phòng Huyện ủy",
        ],
        marks=[
            period(d(2026, 1, 1), d(2026, 1, 31)),
            span(d(2026, 3, 1), d(2026, 4, 30)),
            period(d(2026, 1, 1), d(2026, 6, 30)),
            exact(d(2026, 10, 15)),
            RECURRING,
        ],
        tasks=[
            ("so ket cong tac dan van quy", ("Ban Dân vận Huyện ủy",)),
            ("kiem tra viec thuc hien quy che", ("Ủy ban Kiểm tra Huyện ủy", "Ban Dân vận Huyện ủy")),
            ("doi thoai giua nguoi dung dau", ("Thường trực Huyện ủy",)),
            ("to chuc ky niem ngay truyen thong", ("Ban Dân vận Huyện ủy",)),
            ("xay dung ke hoach chi tiet", ("Các cơ quan, đơn vị được giao chủ trì",)),
        ],
    ),
    "state_notice": Expected(
        doc_type="THÔNG BÁO",
        symbol="388/TB-SNV",
        issued_on=d(2025, 10, 1),
        signer=(("TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"), "Vương Thị Bích Ngọc"),
        recipients=["Giám đốc, các Phó Giám đốc Sở", "Các phòng, đơn vị thuộc Sở", "VT, VP"],
        marks=[exact(d(2025, 9, 26)), by(d(2025, 10, 31)), RELATIVE, by(d(2025, 11, 15))],
        tasks=[
            ("tham muu ke hoach kiem tra", ("Phòng Xây dựng chính quyền và Công tác thanh niên",)),
            ("theo doi don doc viec giai quyet", ("Thanh tra Sở",)),
            ("chi dao ra soat thu tuc", ("đồng chí Phó Giám đốc Sở phụ trách cải cách hành chính",)),
        ],
    ),
    # stored decomposed (NFD), as text from a Mac arrives
    "front_bullets": Expected(
        doc_type="KẾ HOẠCH",
        symbol="77/KH-MTTQ-BTT",
        issued_on=d(2026, 3, 10),
        signer=(("TM. BAN THƯỜNG TRỰC", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Nông Văn Sơn"),
        recipients=[
            "Đoàn Chủ tịch UBTW MTTQ Việt Nam",
            "Thường trực Tỉnh ủy, HĐND, UBND tỉnh",
            "Các sở, ngành liên quan",
            "VT, BDCPL",
        ],
        marks=[
            ("range", d(2026, 4, 3), None),
            by(d(2026, 6, 30)),
            by(d(2026, 3, 25)),
            period(d(2026, 7, 1), d(2026, 9, 30)),
            by(d(2026, 3, 20)),
        ],
        # an item that only names a unit is a task of its own, its bullets inherit its lead (pinned by
        # test_parsing_variants)
        tasks=[
            ("ban dan chu phap luat uy ban", ("Ban Dân chủ - Pháp luật Ủy ban MTTQ Việt Nam tỉnh",)),
            ("chu tri xay dung de cuong", ("Ban Dân chủ - Pháp luật Ủy ban MTTQ Việt Nam tỉnh",)),
            ("tong hop ket qua du thao", ("Ban Dân chủ - Pháp luật Ủy ban MTTQ Việt Nam tỉnh",)),
            ("uy ban mttq viet nam cac huyen", ("Ủy ban MTTQ Việt Nam các huyện, thành phố",)),
            ("bo tri dia diem thanh phan", ("Ủy ban MTTQ Việt Nam các huyện, thành phố",)),
            ("cung cap so lieu co lien quan", ("Sở Xây dựng", "Sở Nông nghiệp và Môi trường")),
        ],
    ),
    "web_plan": Expected(
        doc_type="KẾ HOẠCH",
        symbol="27-KH/BDVTU",
        issued_on=d(2026, 5, 14),
        signer=(("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"), "Lò Thị Mai"),
        recipients=["Thường trực Thành ủy", "Đảng ủy các phường, xã", "BDV"],
        marks=[
            span(d(2026, 7, 8), d(2026, 7, 10)),
            exact(d(2026, 8, 28)),
            by(d(2026, 5, 30)),
            by(d(2026, 6, 25)),
        ],
        tasks=[
            ("chu tri xay dung the le", ("Ban Dân vận Thành ủy",)),
            ("bao dam kinh phi hoi truong", ("Văn phòng Thành ủy",)),
            ("lua chon doi thi gui danh", ("Đảng ủy các phường, xã",)),
        ],
        events=0,
    ),
    # Work programmes (issue 14): a month- and quarter-grouped item table, a table opening with a period
    # column merged down over its items, and items under quarter headings with labelled lines.
    "programme_province_months": Expected(
        doc_type="CHƯƠNG TRÌNH",
        symbol="07-CTr/BTGDVTU",
        issued_on=d(2026, 1, 8),
        signer=(("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"), "Hoàng Thị Minh Nguyệt"),
        recipients=["Thường trực Tỉnh ủy", "Các phòng thuộc Ban", "Văn phòng Ban"],
        marks=[
            period(d(2026, 1, 1), d(2026, 1, 31)),
            by(d(2026, 1, 31)),
            period(d(2026, 2, 1), d(2026, 2, 28)),
            period(d(2026, 4, 1), d(2026, 6, 30)),
            by(d(2026, 6, 15)),
            period(d(2026, 4, 1), d(2026, 6, 30)),
            period(d(2026, 7, 1), d(2026, 9, 30)),
            period(d(2026, 9, 1), d(2026, 9, 30)),
            period(d(2026, 10, 1), d(2026, 12, 31)),
            period(d(2026, 11, 1), d(2026, 11, 30)),
            period(d(2026, 12, 1), d(2026, 12, 31)),
            RECURRING,
        ],
        tasks=[
            ("tham muu to chuc hoi nghi", ("Phòng Dân vận",)),
            ("huong dan dang ky mo hinh", ("Phòng Dân vận",)),
            ("kiem tra cong tac dan van", ("Phòng Dân vận chính quyền",)),
            ("bao cao so ket 6 thang", ("Phòng Dân vận chính quyền",)),
            ("to chuc hoi nghi giao ban", ("Văn phòng Ban",)),
            ("huong dan cac hoat dong huong", ("Phòng Dân vận",)),
            ("tham dinh cong nhan mo hinh", ("Phòng Dân vận",)),
            ("tong ket cong tac tuyen giao", ("Văn phòng Ban",)),
            ("cac phong can cu chuong trinh", ("Các phòng",)),
        ],
        task_dues=[
            period(d(2026, 1, 1), d(2026, 1, 31)),
            by(d(2026, 1, 31)),
            period(d(2026, 2, 1), d(2026, 2, 28)),
            by(d(2026, 6, 15)),
            period(d(2026, 4, 1), d(2026, 6, 30)),
            period(d(2026, 9, 1), d(2026, 9, 30)),
            period(d(2026, 11, 1), d(2026, 11, 30)),
            period(d(2026, 12, 1), d(2026, 12, 31)),
            RECURRING,
        ],
    ),
    "programme_commune_quarters": Expected(
        doc_type="CHƯƠNG TRÌNH",
        symbol="03-CTr/ĐU",
        issued_on=d(2026, 1, 12),
        signer=(("T/M BAN THƯỜNG VỤ", "BÍ THƯ"), "Lâm Văn Hậu"),
        recipients=["Ban Thường vụ Tỉnh ủy", "Các chi bộ trực thuộc", "Văn phòng Đảng ủy"],
        marks=[
            period(d(2026, 1, 1), d(2026, 3, 31)),
            period(d(2026, 4, 1), d(2026, 6, 30)),
            period(d(2026, 7, 1), d(2026, 12, 31)),
            period(d(2026, 12, 1), d(2026, 12, 31)),
            RECURRING,
        ],
        tasks=[
            ("ban hanh ke hoach thuc hien", ("Ban Xây dựng Đảng",)),
            ("to chuc doi thoai giua bi", ("Thường trực Đảng ủy",)),
            ("giam sat viec giai quyet kien", ("Ủy ban MTTQ Việt Nam xã",)),
            ("so ket 6 thang phong trao", ("Ban Xây dựng Đảng",)),
            ("xay dung mo hinh dan van", ("Hội Liên hiệp Phụ nữ xã",)),
            ("bao cao tong ket cong tac", ("Ban Xây dựng Đảng",)),
            ("ban xay dung dang co trach", ("Ban Xây dựng Đảng",)),
        ],
        task_dues=[
            period(d(2026, 1, 1), d(2026, 3, 31)),
            period(d(2026, 1, 1), d(2026, 3, 31)),
            period(d(2026, 4, 1), d(2026, 6, 30)),
            period(d(2026, 4, 1), d(2026, 6, 30)),
            period(d(2026, 7, 1), d(2026, 12, 31)),
            period(d(2026, 12, 1), d(2026, 12, 31)),
            RECURRING,
        ],
    ),
    "programme_front_labelled": Expected(
        doc_type="CHƯƠNG TRÌNH",
        symbol="02/CTr-MTTQ-BTT",
        issued_on=d(2026, 1, 9),
        signer=(("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH"), "Phan Thị Hồng Nhung"),
        recipients=["Ủy ban MTTQ Việt Nam tỉnh", "Đảng ủy phường", "Các tổ chức thành viên", "VT"],
        marks=[
            period(d(2026, 1, 1), d(2026, 3, 31)),
            by(d(2026, 2, 10)),
            period(d(2026, 4, 1), d(2026, 6, 30)),
            period(d(2026, 5, 1), d(2026, 5, 31)),
            period(d(2026, 10, 1), d(2026, 12, 31)),
            span(d(2026, 11, 1), d(2026, 11, 18)),
        ],
        tasks=[
            ("van dong quy vi nguoi", ("Ban Thường trực Ủy ban MTTQ Việt Nam phường",)),
            ("hoi nghi hiep thuong gioi thieu", ("Ban Thường trực Ủy ban MTTQ Việt Nam phường",)),
            ("giam sat viec thu gom rac", ("Ban Thanh tra nhân dân phường",)),
            ("to chuc ngay hoi dai doan", ("Ban công tác Mặt trận các khu phố",)),
            ("cac to chuc thanh vien can", ("Các tổ chức thành viên",)),
        ],
        task_dues=[
            by(d(2026, 2, 10)),
            period(d(2026, 1, 1), d(2026, 3, 31)),
            period(d(2026, 5, 1), d(2026, 5, 31)),
            span(d(2026, 11, 1), d(2026, 11, 18)),
            None,
        ],
    ),
}


def text_of(name: str) -> str:
    return (TEXTS / f"{name}.txt").read_text(encoding="utf-8")

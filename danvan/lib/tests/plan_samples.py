"""The two reference plans (/work/shared/seeds/002_*.txt, 003_*.txt) as PlanDocuments, built by hand.

The texts are the seeds' words (emphasis markers removed, page-break splits joined, the seeds' own
typos kept). The seed texts have no header block, so the header values below (superior body,
number, date) are chosen to be plausible and are marked "not in the seed". Each function returns
a fresh object, so a test may change it freely. ``long_plan`` builds a plan of about ``pages``
pages for timing.
"""

from __future__ import annotations

from datetime import date

from danvan.lib.plandoc import (
    ROLE_CONTENT,
    ROLE_ORGANISATION,
    ROLE_PURPOSE,
    ROLE_TIME_PLACE,
    Block,
    Deadline,
    DelegateGroup,
    EventInfo,
    FormColumn,
    FormDraft,
    PlanDocument,
    Recipient,
    Reference,
    Section,
    Signature,
    Slogan,
)
from danvan.lib.vndates import DateWindow

__all__ = ["long_plan", "seed_002", "seed_003"]


def _item(label: str, text: str, *children: Block, **task) -> Block:
    return Block(kind="item", label=label, text=text, children=list(children), **task)


def _bullet(text: str) -> Block:
    return Block(kind="bullet", label="-", text=text)


def _para(text: str, *children: Block) -> Block:
    return Block(kind="paragraph", text=text, children=list(children))


# ----------------------------------------------------------------------------------------------
# Seed 002: Ban Dân vận Thành ủy Từ Sơn, a conference plan

SEED_002_GROUPS = [
    "Đại biểu Ban Dân vận Tỉnh ủy Bắc Ninh;",
    "Thường trực Thành ủy, HĐND; Lãnh đạo UBND thành phố;",
    "Đại diện Lãnh đạo các Ban xây dựng Đảng, Văn Phòng Thành ủy;",
    "Lãnh đạo, cán bộ Ban Dân vận Thành ủy;",
    "Đại diện Lãnh đạo Ủy ban MTTQ, các đoàn thể chính trị - xã hội thành phố;",
    "Trường Khối Dân vận các phường;",
    "Tổ trưởng các Tổ Dân vận ở khu dân cư.",
]


SEED_002_TITLE = (
    "Tổ chức Hội nghị tọa đàm trao đổi kinh nghiệm công tác giữa các Tổ Dân vận ở khu dân cư trên địa "
    "bàn thành phố năm 2023."
)
SEED_002_PREAMBLE = (
    "Thực hiện Chương trình công tác Dân vận năm 2023, Ban Dân vận Thành ủy Từ Sơn xây dựng Kế hoạch "
    "tổ chức Hội nghị tọa đàm trao đổi kinh nghiệm công tác giữa các Tổ Dân vận ở khu dân cư trên địa "
    "bàn thành phố năm 2023, cụ thể như sau:"
)
SEED_002_PURPOSE = [
    "Tiếp tục nâng cao nhận thức, trách nhiệm của các cấp ủy đảng, chính quyền về tầm quan trọng của "
    "công tác dân vận trong giai đoạn hiện nay để lãnh đạo, chỉ đạo, triển khai thực hiện tốt phong "
    "trào thi đua “Dân vận khéo”.",
    "Hội nghị tọa đàm phải được chuẩn bị chu đáo, đảm bảo thiết thực, làm rõ những kết quả đạt được, "
    "chỉ ra những tồn tại, hạn chế và nguyên nhân hạn chế trong triển khai thực hiện công tác dân vận "
    "ở khu dân cư và phong trào thi đua “Dân vận khéo” trên địa bàn thành phố. Từ đó, đề xuất các giải "
    "pháp đẩy mạnh và nâng cao chất lượng, hiệu quả hoạt động của các Tổ Dân vận và phong trào “Dân "
    "vận khéo”; đồng thời trao đổi, chia sẻ những kinh nghiệm, những cách làm hay, những mô hình “Dân "
    "vận khéo” sáng tạo, hiệu quả.",
]
SEED_002_CONTENT = [
    "Đánh giá những kết quả trong triển khai thực hiện Kết luận số 599-KL/TU, ngày 11/9/2019 của Ban "
    "Thường vụ Tỉnh ủy Bắc Ninh “Về tiếp tục tăng cường sự lãnh đạo của cấp ủy đảng đối với hoạt động "
    "của Tổ Dân vận ở khu dân cư” và phong trào thi đua “Dân vận khéo” trên địa bàn thành phố; những "
    "tồn tại, hạn chế, nguyên nhân và bài học kinh nghiệm.",
    "Trao đổi, chia sẻ những kinh nghiệm, những cách làm hay, những mô hình sáng tạo, hiệu quả và đề "
    "xuất các giải pháp nâng cao chất lượng hiệu quả hoạt động của các Tổ Dân vận ở khu dân cư và "
    "phong trào thi đua “Dân vận khéo” trên địa bàn thành phố Từ Sơn.",
]
SEED_002_ORGANISATION = [
    "Ban Dân vận Thành ủy xây dựng Kế hoạch tổ chức hội nghị báo cáo Ban Dân vận Tỉnh ủy, Thường trực "
    "Thành ủy xin ý kiến chỉ đạo tổ chức thực hiện.",
    "Phối hợp với Văn Phòng Thành ủy, Văn Phòng HĐND-UBND thành phố chuẩn bị các điều kiện đảm bảo để "
    "tổ chức hội nghị đạt hiệu quả thiết thực.",
    "Hướng dẫn Khối Dân vận các phường lựa chọn các điển hình tiên tiến chuẩn bị báo cáo tham luận "
    "tham dự Hội nghị.",
    "Tổng hợp kết quả tổ chức Hội nghị báo cáo Ban Dân vận Tỉnh ủy, Thường trực Thành ủy theo quy định.",
]
SEED_002_CLOSING = (
    "Trên đây là Kế hoạch tổ chức Hội nghị nghị tọa đàm trao đổi kinh nghiệm công tác giữa các Tổ Dân "
    "vận ở khu dân cư trên địa bàn thành phố năm 2023 của Ban Dân vận Thành ủy Từ Sơn./."
)


def seed_002() -> PlanDocument:
    time = DateWindow(
        date(2023, 9, 11), date(2023, 9, 20), "Dự kiến trung tuần tháng 09/2023", True, "period"
    )
    purpose = [_item(f"{i}.", text) for i, text in enumerate(SEED_002_PURPOSE, start=1)]
    content = [_item(f"{i}.", text) for i, text in enumerate(SEED_002_CONTENT, start=1)]
    time_place = [
        _item("1.", "Thời gian: Dự kiến trung tuần tháng 09/2023."),
        _item("2.", "Địa điểm: Phòng họp A - Hội trường thành phố Từ Sơn."),
        _item("3.", "Thành phần: (Khoảng 112 đại biểu)", *[_bullet(g) for g in SEED_002_GROUPS]),
    ]
    organisation = [
        _item(f"{i}.", text, is_task=True) for i, text in enumerate(SEED_002_ORGANISATION, start=1)
    ]
    organisation[0].lead = "Ban Dân vận Thành ủy"
    organisation[1].partners = ["Văn Phòng Thành ủy", "Văn Phòng HĐND-UBND thành phố"]
    return PlanDocument(
        style="party",
        superior_body="THÀNH ỦY TỪ SƠN",  # not in the seed
        issuing_body="BAN DÂN VẬN",
        number="45",  # not in the seed
        symbol="45-KH/BDVTU",
        body_code="BDVTU",
        place="Từ Sơn",
        issued_on=date(2023, 8, 28),  # not in the seed
        title=SEED_002_TITLE,
        preamble=SEED_002_PREAMBLE,
        basis=[Reference(text="Chương trình công tác Dân vận năm 2023", doc_type="Chương trình")],
        sections=[
            Section("I", "Mục đích, yêu cầu", ROLE_PURPOSE, purpose),
            Section("II", "Nội dung", ROLE_CONTENT, content),
            Section("III", "Thời gian, địa điểm, thành phần", ROLE_TIME_PLACE, time_place),
            Section("IV", "Tổ chức thực hiện", ROLE_ORGANISATION, organisation),
        ],
        closing=SEED_002_CLOSING,
        event=EventInfo(
            time=time,
            time_text="Dự kiến trung tuần tháng 09/2023.",
            venue="Phòng họp A - Hội trường thành phố Từ Sơn",
            participants_text="(Khoảng 112 đại biểu)",
            participants_total=112,
            groups=[DelegateGroup(g.rstrip(";.")) for g in SEED_002_GROUPS],
        ),
        recipients=[
            Recipient("Ban Dân vận Tỉnh ủy", "report", "(b/c)", "- Ban Dân vận Tỉnh ủy (b/c);"),
            Recipient("Thường trực Thành ủy", "report", "(b/c)", "- Thường trực Thành ủy (b/c);"),
            Recipient(
                "Các Ban xây dựng Đảng, VPTU", "coordinate", "(p/h)", "- Các Ban xây dựng Đảng, VPTU (p/h);"
            ),
            Recipient("MTTQ và các đoàn thể thành phố", raw="- MTTQ và các đoàn thể thành phố;"),
            Recipient("Khối Dân vận các phường", raw="- Khối Dân vận các phường;"),
            Recipient("BDV", "archive", raw="- Lưu: BDV."),
        ],
        signature=Signature(["TRƯỞNG BAN"], "Đàm Thế Sử"),
    )


# ----------------------------------------------------------------------------------------------
# Seed 003: Ban Dân vận Tỉnh ủy Bắc Giang, "Tháng Dân vận" 2023

SEED_003_SLOGANS = [
    "Chào mừng 93 năm ngày truyền thống công tác dân vận của Đảng (15/10/1930 - 15/10/2023) và 24 năm "
    "Ngày Dân vận của cả nước",
    "Cách mạng là sự nghiệp của nhân dân, do nhân dân, vì nhân dân; nhân dân là chủ, nhân dân làm chủ",
    '"Công tác dân vận là trách nhiệm của các cơ quan, tổ chức, cá nhân trong hệ thống chính trị"',
    '"Dân vận khéo thì việc gì cũng thành công"',
    "Đễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong",
    '"Dân vận và công tác dân vận là nhiệm vụ có ý nghĩa chiến lược đối với toàn bộ sự nghiệp cách '
    'mạng của đất nước..."',
    'Xây dựng đội ngũ cán bộ, công chức thực sự là công bộc của nhân dân, thực hành phong cách "Trọng '
    'dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân"; "nghe dân nói, nói dân hiểu, làm dân '
    'tin "',
    "“Thực hành dân chủ là cái chìa khoá vạn năng có thể giải quyết mọi khó khăn”",
    "Tiếp tục đẩy mạnh, nâng cao chất lượng việc thực hiện Quy chế dân chủ ở cơ sở; thực hiện tốt "
    "phương châm “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
]

SEED_003_FORM_COLUMNS = [
    ("Stt", "index"),
    ("Tên nội dung, hoạt động", "long_text"),
    ("Thời gian tổ chức, triển khai", "window"),
    ("Quy mô, phạm vi triển khai", "text"),
    ("Đối tượng thực hiện hoặc đối tượng thụ hưởng", "text"),
    ("Mục tiêu hướng đến hoặc dự kiến kết quả đạt được", "long_text"),
    ("Ghi chú", "text"),
]

SEED_003_PURPOSE = [
    "Tiếp tục nâng cao nhận thức, trách nhiệm của các cấp ủy đảng, chính quyền, Mặt trận Tổ quốc và "
    "các tổ chức chính trị - xã hội, cán bộ, đảng viên, công chức, viên chức, chiến sĩ lực lượng vũ "
    "trang và các tầng lớp nhân dân về dân vận và nhiệm vụ công tác dân vận trong tình hình mới; nắm "
    "chắc tình hình Nhân dân, củng cố, tăng cường mối quan hệ gắn bó mật thiết giữa Đảng với Nhân dân.",
    "Đẩy mạnh phong trào thi đua “Dân vận khéo” trong các lĩnh vực gắn với thực hiện, hoàn thành nhiệm "
    "vụ chính trị ở địa phương, cơ quan, đơn vị. Cổ vũ, biểu dương, khen thưởng các tập thể, cá nhân, "
    "mô hình, điển hình “Dân vận khéo” các cấp.",
    "Các hoạt động trong “Tháng Dân vận” được triển khai rộng khắp từ tỉnh đến cơ sở; xác định rõ nội "
    "dung, phương thức thực hiện, phù hợp với tình hình địa phương, đơn vị; đẩy mạnh ứng dụng công "
    "nghệ thông tin, ứng dụng mạng xã hội trong tuyên truyền, nắm bắt tình hình Nhân dân; kịp thời "
    "đánh giá, rút kinh nghiệm, phát hiện những cách làm hay, sáng tạo để nhân rộng, khen thưởng.",
]

SEED_003_CONTENT = [
    "Tập trung tuyên truyền về chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước và "
    "tư tưởng của Chủ tịch Hồ Chí Minh về công tác dân vận, nhất là Bài báo “Dân vận” của Chủ tịch Hồ "
    "Chí Minh; Quyết định số 279-QĐ/TU ngày 28/10/2021 ban hành Quy chế công tác dân vận của hệ thống "
    "chính trị tỉnh Bắc Giang; Kết luận số 54-KL/TU ngày 03/3/2021 của Ban Thường vụ Tỉnh ủy về tiếp "
    "tục thực hiện Nghị quyết số 110-NQ/TU ngày 11/7/2016 của Tỉnh ủy; Chỉ thị số 11-CT/TU ngày "
    "28/9/2021 của Ban Thường vụ Tỉnh ủy về đẩy mạnh thực hiện phong trào thi đua “Dân vận khéo” giai "
    "đoạn 2021 - 2025; Chỉ thị số 09-CT/TU ngày 10/8/2021 của Ban Thường vụ Tỉnh ủy về tiếp tục đẩy "
    "mạnh, nâng cao chất lượng, hiệu quả thực hiện quy chế dân chủ ở cơ sở; xây dựng chính quyền cấp "
    "xã thân thiện, tận tụy vì Nhân dân phục vụ, ... tới cán bộ, đảng viên, công chức, viên chức, "
    "chiến sĩ lực lượng vũ trang và Nhân dân.",
    "Tổ chức các hoạt động kỷ niệm 93 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 - "
    "15/10/2023), 24 năm Ngày Dân vận của cả nước thông qua nhiều hình thức đa dạng, phong phú, phù "
    "hợp với tình hình địa phương, đơn vị như: Tổ chức gặp mặt truyền thống, hội thảo, tập huấn, "
    ".v.v.. Đẩy mạnh ứng dụng công nghệ thông tin, tăng cường tuyên truyền trên báo chí và các phương "
    "tiện truyền thông đại chúng, đặc biệt là trên các ứng dụng, kênh thông tin của mạng xã hội (Có "
    "nội dung khẩu hiệu tuyên truyền kèm theo Kế hoạch).",
    "Tăng cường đa dạng hóa các hình thức tiếp xúc, đối thoại với Nhân dân theo Kết luận số 116-KL/TU "
    "ngày 09/7/2021 của Ban Thường vụ Tỉnh ủy “Về nâng cao chất lượng, hiệu quả việc tiếp xúc, đối "
    "thoại trực tiếp và lắng nghe, giải quyết ý kiến, kiến nghị của Nhân dân”; chú trọng thực hiện "
    "tiếp xúc, đối thoại theo đối tượng, chuyên đề, chuyên sâu về các vấn đề liên quan thiết yếu đến "
    "đời sống và sinh hoạt của người dân. Chủ động trong việc nắm bắt kịp thời tâm tư, nguyện vọng, "
    "tình hình nhân dân. Phối hợp, tham gia giải quyết hiệu quả các vấn đề liên quan trực tiếp đến đời "
    "sống nhân dân, các vụ khiếu kiện đông người, vượt cấp, kéo dài, tránh để trở thành điểm nóng về "
    "an ninh trật tự.",
    "Tiếp tục đẩy mạnh việc thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về "
    "tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan hành chính nhà nước, chính quyền các "
    "cấp trong tình hình mới. Tiếp tục nâng cao chất lượng dịch vụ công; cải cách thủ tục hành chính, "
    "giảm phiền hà, giảm thời gian, chi phí của người dân và doanh nghiệp trong giải quyết thủ tục "
    "hành chính. Phát động tổ chức các chương trình, phong trào thi đua để nâng cao hiệu quả công tác "
    "dân vận chính quyền và trách nhiệm của đội ngũ cán bộ, công chức, viên chức, chiến sĩ lực lượng "
    "vũ trang trong thực thi công vụ, phục vụ Nhân dân như: Phong trào cán bộ, công chức, viên chức "
    "thi đua thực hiện văn hóa công sở; phong trào thi đua “Nụ cười công sở”, hoạt động “Ngày Chủ Nhật "
    "tình nguyện giải quyết thủ tục hành chính”, “Ngày Thứ Sáu không hẹn”, ...",
    "Đẩy mạnh quán triệt Luật thực hiện Dân chủ ở cơ sở, nâng cao chất lượng việc thực hiện quy chế "
    "dân chủ ở các loại hình cơ sở; thực hiện tốt phương châm “dân biết, dân bàn, dân làm, dân kiểm "
    "tra, dân giám sát, dân thụ hưởng”. Kiểm tra tình hình chỉ đạo, thực hiện Quy chế dân chủ, xây "
    "dựng chính quyền thân thiện của Ban Chỉ đạo các huyện ủy, thành ủy. Hướng dẫn thực hiện việc xét, "
    "đánh giá xã, phường, thị trấn đạt chuẩn mô hình “Chính quyền thân thiện” năm 2023.",
    "Chỉ đạo đẩy nhanh tiến độ thực hiện, hoàn thành xây dựng mô hình, điển hình “Dân vận khéo” đã "
    "đăng ký từ đầu năm. Tổ chức đánh giá, thẩm định để công nhận, khen thưởng các mô hình, điển hình "
    "“Dân vận khéo” tiêu biểu năm 2023 và lựa chọn, đề xuất công nhận, khen thưởng ở cấp tỉnh. Hướng "
    "dẫn tập trung chỉ đạo nâng cao hoạt động của Tổ Dân vận cộng đồng, Tổ Dân vận nông cốt vùng đồng "
    "bào dân tộc thiểu số.",
    "Tăng cường các hoạt động giám sát, phản biện xã hội tham gia góp ý xây dựng Đảng, xây dựng chính "
    "quyền. Đẩy mạnh chương trình, phong trào giúp xóa nhà tạm, nhà dột nát cho người nghèo; chăm lo, "
    "hỗ trợ đời sống cho các đối tượng chính sách, người yếu thế, đặc biệt là trong vùng đồng bào dân "
    "tộc thiểu số,... huy động sự vào cuộc của cả hệ thống chính trị và toàn xã hội tham gia. Mặt trận "
    "Tổ quốc và các tổ chức chính trị - xã hội các cấp đẩy mạnh thực hiện Kế hoạch, Đề án được Ban "
    "Thường vụ Tỉnh ủy giao nhằm phát huy vai trò nòng cốt trong thực hiện nhiệm vụ chính trị của địa "
    "phương.",
]

SEED_003_TASKS = [
    "Tổ chức Hội nghị biểu dương mô hình, điển hình “Dân vận khéo” năm 2023; trao Kỷ niệm chương “Vì "
    "sự nghiệp Dân vận” cho các cá nhân tiêu biểu.",
    "Tổ chức tổng kết, trao giải Cuộc thi Báo chí viết về mô hình, điển hình “Dân vận khéo” giai đoạn "
    "2022-2023.",
    "Tổ chức Hội nghị sơ kết đánh giá kết quả thực hiện Đề án thành lập và hoạt động của Tổ Dân vận "
    "cộng đồng ở thôn, tổ dân phố trên địa bàn tỉnh Bắc Giang.",
    "Tổ chức tập huấn công tác dân vận năm 2023 cho đội ngũ cán bộ làm công tác dân vận cấp huyện và cơ sở.",
    "Tổ chức kiểm tra công tác dân vận năm 2023 tại một số địa phương, đơn vị.",
    "Khảo sát tình hình chỉ đạo, thực hiện Quy chế dân chủ, xây dựng chính quyền thân thiện của Ban "
    "Chỉ đạo các huyện ủy, thành ủy.",
    "Phối hợp với các cơ quan báo chí, truyền hình trong, ngoài tỉnh tăng cường thông tin, tuyên "
    "truyền về các hoạt động trong “Tháng Dân vận” và các mô hình, điển hình “Dân vận khéo”.",
    "Tổ chức đánh giá, xây dựng báo cáo tổng kết “Tháng Dân vận” 2023 (xong trước ngày 05/11/2023).",
]

SEED_003_DEADLINES = [
    "Văn bản triển khai và đăng ký hoạt động hưởng ứng “Tháng Dân vận” năm 2023 trước ngày 30/9/2023 "
    "(Có mẫu đăng ký kèm theo Kế hoạch).",
    "Báo cáo kết quả hoạt động “Tháng Dân vận” năm 2023 trước ngày 30/10/2023 (Trên cơ sở chức năng, "
    "nhiệm vụ và công tác chỉ đạo, triển khai, các cơ quan, địa phương, đơn vị chủ động xây dựng báo "
    "cáo kết quả phù hợp với thực tiễn theo các nội dung của phần II kế hoạch này).",
]


SEED_003_PREAMBLE = (
    "Thực hiện Chương trình công tác dân vận năm 2023, Kết luận số 54-KL/TU ngày 03/3/2021 của Ban "
    "Thường vụ Tỉnh ủy về việc tiếp tục thực hiện Nghị quyết số 110-NQ/TU ngày 11/7/2016 của Ban Chấp "
    "hành Đảng bộ tỉnh “về tăng cường và đổi mới sự lãnh đạo của các cấp ủy đảng đối với công tác dân "
    "vận trong giai đoạn hiện nay”, Ban Dân vận Tỉnh ủy xây dựng Kế hoạch triển khai các hoạt động "
    "“Tháng Dân vận” năm 2023 như sau:"
)
SEED_003_ORGANISATION = [
    "Ban Dân vận Tỉnh ủy hướng dẫn, đôn đốc, kiểm tra, giám sát các địa phương, cơ quan, đơn vị tổ "
    "chức thực hiện các hoạt động “Tháng Dân vận” năm 2023 và tập trung thực hiện một số nhiệm vụ "
    "trọng tâm:",
    "Đề nghị các sở, ban, ngành, huyện, thành ủy, đảng ủy trực thuộc Tỉnh ủy; Mặt trận Tổ quốc và các "
    "tổ chức chính trị - xã hội tỉnh xây dựng văn bản chỉ đạo và tổ chức triển khai các hoạt động "
    "“Tháng Dân vận” năm 2023 phù hợp với điều kiện thực tiễn của địa phương, đơn vị.",
    "Ban Dân vận các huyện ủy, thành ủy chủ động tham mưu với Thường trực cấp ủy chỉ đạo, triển khai "
    "các nội dung, hoạt động hưởng ứng “Tháng Dân vận” tại địa phương. Chú trọng đẩy mạnh, đa dạng hóa "
    "công tác tuyên truyền cho các hoạt động triển khai trong “Tháng Dân vận”, đặc biệt là tuyên "
    "truyền về mô hình, điển hình “Dân vận khéo”. Hướng dẫn hệ thống dân vận cơ sở lựa chọn, tập trung "
    "vào những việc khó, cấp bách và thực hiện nhiệm chính trị trọng tâm của địa phương để tổ chức "
    "triển khai hoạt động hưởng ứng “Tháng Dân vận” năm 2023./.",
]
SEED_003_REQUEST = (
    "Đồng thời, đề nghị các cơ quan, địa phương, đơn vị gửi về Ban Dân vận Tỉnh ủy một số nội dung "
    "theo thời gian như sau:"
)


def _recipient(line: str, purpose: str = "") -> Recipient:
    """A seed 003 recipient line ("- Ban Dân vận Trung ương (b/c),") as a parser would read it."""
    name = line.removeprefix("- ").rstrip(",.")
    written = "(b/c)" if purpose == "report" else ""
    if purpose == "archive":
        name = name.removeprefix("Lưu: ")
    return Recipient(name.removesuffix(f" {written}") if written else name, purpose, written, line)


SEED_003_RECIPIENTS = [
    ("- Ban Dân vận Trung ương (b/c),", "report"),
    ("- Đ/c Bí thư, Phó Bí thư Tỉnh ủy (b/c),", "report"),
    ("- Ban cán sự đảng UBND tỉnh,", ""),
    ("- Các sở, ban, ngành tỉnh,", ""),
    ("- MTTQ, các tổ chức CT-XH tỉnh,", ""),
    ("- Các huyện, thành ủy, đảng ủy trực thuộc Tỉnh ủy,", ""),
    ("- Ban dân vận các huyện, thành ủy,", ""),
    ("- Lãnh đạo Ban, các phòng,", ""),
    ("- Website Ban Dân vận Tỉnh ủy,", ""),
    ("- Lưu: TC-TH, Ban Dân vận Tỉnh ủy.", "archive"),
]


def seed_003() -> PlanDocument:
    lead = "Ban Dân vận Tỉnh ủy"
    by_nov_5 = DateWindow(None, date(2023, 11, 5), "xong trước ngày 05/11/2023", kind="deadline")
    tasks = [
        _item(f"1.{i}.", text, is_task=True, lead=lead) for i, text in enumerate(SEED_003_TASKS, start=1)
    ]
    tasks[-1].due = by_nov_5
    first, second, third = SEED_003_ORGANISATION
    request = _para(SEED_003_REQUEST, *[_bullet(text) for text in SEED_003_DEADLINES])
    organisation = [
        _item("1.", first, *tasks),
        _item("2.", second, request, is_task=True),
        _item("3.", third, is_task=True, lead="Ban Dân vận các huyện ủy, thành ủy"),
    ]
    form = FormDraft(
        title="DANH SÁCH",
        subtitle="Đăng ký hoạt động triển khai hưởng ứng “Tháng Dân vận” năm 2023",
        label="Mẫu",
        issuer_placeholder="TÊN CƠ QUAN, ĐƠN VỊ...",
        date_placeholder="....., ngày..... tháng.....năm.....",
        columns=[FormColumn(label, kind) for label, kind in SEED_003_FORM_COLUMNS],
        sample_rows=2,
        footer="(Ký tên, đóng dấu)",
    )
    registration = DateWindow(None, date(2023, 9, 30), "trước ngày 30/9/2023", kind="deadline")
    report = DateWindow(None, date(2023, 10, 30), "trước ngày 30/10/2023", kind="deadline")
    return PlanDocument(
        style="party",
        superior_body="TỈNH ỦY BẮC GIANG",
        issuing_body="BAN DÂN VẬN",
        number="62",  # not in the seed
        symbol="62-KH/BDVTU",
        body_code="BDVTU",
        place="Bắc Giang",
        issued_on=date(2023, 9, 5),  # not in the seed
        title="triển khai các hoạt động “Tháng Dân vận” năm 2023",
        preamble=SEED_003_PREAMBLE,
        basis=[
            Reference(
                "Kết luận số 54-KL/TU ngày 03/3/2021 của Ban Thường vụ Tỉnh ủy",
                "Kết luận",
                "KL",
                "54",
                "54-KL/TU",
                date(2021, 3, 3),
                "Ban Thường vụ Tỉnh ủy",
            ),
        ],
        sections=[
            Section("I", "MỤC ĐÍCH, YÊU CẦU", ROLE_PURPOSE, [_bullet(text) for text in SEED_003_PURPOSE]),
            Section(
                "II",
                "NỘI DUNG, HÌNH THỨC",
                ROLE_CONTENT,
                [_item(f"{i}.", text) for i, text in enumerate(SEED_003_CONTENT, start=1)],
            ),
            Section("III", "TỔ CHỨC THỰC HIỆN", ROLE_ORGANISATION, organisation),
        ],
        deadlines=[
            Deadline(
                SEED_003_DEADLINES[0],
                "Văn bản triển khai và đăng ký hoạt động hưởng ứng “Tháng Dân vận” năm 2023",
                registration,
                form_index=0,
                note="(Có mẫu đăng ký kèm theo Kế hoạch)",
            ),
            Deadline(SEED_003_DEADLINES[1], "Báo cáo kết quả hoạt động “Tháng Dân vận” năm 2023", report),
        ],
        recipients=[_recipient(line, purpose) for line, purpose in SEED_003_RECIPIENTS],
        signature=Signature(["TRƯỞNG BAN"], "Phạm Văn Thịnh"),
        slogans_title='KHẨU HIỆU TUYÊN TRUYỀN "THÁNG DÂN VẬN" NĂM 2023',
        slogans=[Slogan(text, "THÁNG DÂN VẬN NĂM 2023") for text in SEED_003_SLOGANS],
        forms=[form],
    )


def long_plan(pages: int = 30) -> PlanDocument:
    """Seed 003 with its content section repeated until the body fills about ``pages`` A4 pages."""
    plan = seed_003()
    content = plan.sections[1]
    # Seed 003's seven content items fill a little less than two pages.
    rounds = max(1, pages // 2 + 1)
    content.blocks = [
        _item(f"{round_ * 7 + i}.", text)
        for round_ in range(rounds)
        for i, text in enumerate(SEED_003_CONTENT, start=1)
    ]
    return plan

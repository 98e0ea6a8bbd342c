"""The words the parser recognises, in one place (the parser's "format profile").

Two kinds of keys: tables written without accents are compared on ``vntext.fold`` keys (lower-case ASCII
words), so accents, case and tone placement do not matter; tables written in Vietnamese are compared on
``lines.key`` (lower case, tone placement normalised, accents kept) where leaving accents out would make
words collide ("sở"/"số", "nắm"/"năm", "trưởng"/"trường"). Extend these tables rather than adding literals
to the parsing modules.
"""

from __future__ import annotations

from danvan.lib.plandoc import (
    PURPOSE_ARCHIVE,
    PURPOSE_COORDINATE,
    PURPOSE_IMPLEMENT,
    PURPOSE_INFORM,
    PURPOSE_REPORT,
    ROLE_CONTENT,
    ROLE_FUNDING,
    ROLE_ORGANISATION,
    ROLE_PURPOSE,
    ROLE_TIME_PLACE,
)

# Document types written as the title line ("KẾ HOẠCH") with their type code (Hướng dẫn 36-HD/VPTW and
# Nghị định 30/2020/NĐ-CP). Longest names first so that "QUY ĐỊNH" does not hide behind "QUY".
DOC_TYPES: tuple[tuple[str, str, str], ...] = (
    # (folded name, name as printed, type code)
    ("nghi quyet lien tich", "NGHỊ QUYẾT LIÊN TỊCH", "NQLT"),
    ("thong tu lien tich", "THÔNG TƯ LIÊN TỊCH", "TTLT"),
    ("ke hoach lien tich", "KẾ HOẠCH LIÊN TỊCH", "KHLT"),
    ("chuong trinh", "CHƯƠNG TRÌNH", "CTr"),
    ("ke hoach", "KẾ HOẠCH", "KH"),
    ("huong dan", "HƯỚNG DẪN", "HD"),
    ("bao cao", "BÁO CÁO", "BC"),
    ("nghi quyet", "NGHỊ QUYẾT", "NQ"),
    ("quyet dinh", "QUYẾT ĐỊNH", "QĐ"),
    ("chi thi", "CHỈ THỊ", "CT"),
    ("ket luan", "KẾT LUẬN", "KL"),
    ("quy che", "QUY CHẾ", "QC"),
    ("quy dinh", "QUY ĐỊNH", "QĐi"),
    ("thong tri", "THÔNG TRI", "TT"),
    ("thong bao", "THÔNG BÁO", "TB"),
    ("thong cao", "THÔNG CÁO", "TC"),
    ("de an", "ĐỀ ÁN", "ĐA"),
    ("to trinh", "TỜ TRÌNH", "TTr"),
    ("cong van", "CÔNG VĂN", "CV"),
    ("bien ban", "BIÊN BẢN", "BB"),
    ("giay moi", "GIẤY MỜI", "GM"),
)

# Document types as cited inside text ("Kết luận số 54-KL/TU ..."), with their type code.
# Longest first: the matcher takes the first that fits.
REFERENCE_TYPES: tuple[tuple[str, str], ...] = (
    ("Nghị quyết liên tịch", "NQLT"),
    ("Thông tư liên tịch", "TTLT"),
    ("Kế hoạch liên tịch", "KHLT"),
    ("Văn bản hợp nhất", ""),
    ("Nghị quyết", "NQ"),
    ("Nghị định", "NĐ"),
    ("Quyết định", "QĐ"),
    ("Chỉ thị", "CT"),
    ("Kết luận", "KL"),
    ("Quy chế", "QC"),
    ("Quy định", "QĐi"),
    ("Hướng dẫn", "HD"),
    ("Thông tri", "TT"),
    ("Thông tư", "TT"),
    ("Thông báo", "TB"),
    ("Thông cáo", "TC"),
    ("Kế hoạch", "KH"),
    ("Chương trình", "CTr"),
    ("Đề án", "ĐA"),
    ("Công văn", "CV"),
    ("Công điện", "CĐ"),
    ("Báo cáo", "BC"),
    ("Tờ trình", "TTr"),
    ("Văn bản", ""),
    ("Hiến pháp", ""),
    ("Bộ luật", ""),
    ("Luật", ""),
    ("Pháp lệnh", ""),
    ("Điều lệ", ""),
)

# Words that open the preamble ("Thực hiện ..., Ban Dân vận ... xây dựng Kế hoạch ... như sau:").
PREAMBLE_STARTERS = (
    "thuc hien",
    "can cu",
    "de ",
    "nham",
    "theo",
    "tren co so",
    "qua ",
    "trien khai thuc hien",
    "thuc hien chi dao",
    "duoc su dong y",
    "huong ung",
    "nhan dip",
    "chao mung",
    "ky niem",
)

# Verbs that close the preamble's basis clause: "..., <issuer> xây dựng Kế hoạch ...".
PREAMBLE_VERBS = ("xây dựng", "ban hành", "triển khai", "hướng dẫn", "đề ra", "lập", "thông báo")
# What the issuer makes in that clause.
PREAMBLE_OBJECTS = ("kế hoạch", "chương trình", "hướng dẫn", "đề án")
# Section roles: the keywords of a heading; the keyword found first in the title decides.
ROLE_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("muc dich", ROLE_PURPOSE),
    ("yeu cau", ROLE_PURPOSE),
    ("muc tieu", ROLE_PURPOSE),
    ("chi tieu", ROLE_PURPOSE),
    ("noi dung", ROLE_CONTENT),
    ("nhiem vu", ROLE_CONTENT),
    ("giai phap", ROLE_CONTENT),
    ("hinh thuc", ROLE_CONTENT),
    ("cac hoat dong", ROLE_CONTENT),
    ("hoat dong", ROLE_CONTENT),
    ("chuong trinh", ROLE_CONTENT),
    ("thoi gian", ROLE_TIME_PLACE),
    ("dia diem", ROLE_TIME_PLACE),
    ("thanh phan", ROLE_TIME_PLACE),
    ("dai bieu", ROLE_TIME_PLACE),
    ("to chuc thuc hien", ROLE_ORGANISATION),
    ("phan cong", ROLE_ORGANISATION),
    ("trach nhiem", ROLE_ORGANISATION),
    ("kinh phi", ROLE_FUNDING),
    ("tai chinh", ROLE_FUNDING),
)

# Labels of event facts ("1. Thời gian: ...").
EVENT_TIME = ("thoi gian",)
EVENT_VENUE = ("dia diem",)
EVENT_PARTICIPANTS = (
    "thanh phan",
    "dai bieu tham du",
    "dai bieu moi",
    "thanh phan tham du",
    "thanh phan moi",
)
PERSON_NOUNS = r"(?:đại\s+biểu|đồng\s+chí|đ/c|người|cán\s+bộ|học\s+viên|thành\s+viên|vị)"

# Recipient purposes written in brackets: folded text -> purpose.
RECIPIENT_PURPOSES: tuple[tuple[str, str], ...] = (
    ("b c", PURPOSE_REPORT),
    ("de bao cao", PURPOSE_REPORT),
    ("bao cao", PURPOSE_REPORT),
    ("p h", PURPOSE_COORDINATE),
    ("de phoi hop", PURPOSE_COORDINATE),
    ("phoi hop", PURPOSE_COORDINATE),
    ("t h", PURPOSE_IMPLEMENT),
    ("de thuc hien", PURPOSE_IMPLEMENT),
    ("thuc hien", PURPOSE_IMPLEMENT),
    ("de biet", PURPOSE_INFORM),
    ("d b", PURPOSE_INFORM),
    ("biet", PURPOSE_INFORM),
    ("de luu", PURPOSE_ARCHIVE),
)

# Signer authority: prefixes (T/M, K/T, TM., KT., TL., TUQ., Q.) and titles written in capitals.
AUTHORITY_PREFIXES = ("t/m", "tm.", "tm ", "k/t", "kt.", "kt ", "t/l", "tl.", "tl ", "tuq.", "tuq ", "q.")
AUTHORITY_TITLES = (  # accent-sensitive (``lines.key``): "TRƯỞNG" is a title, "TRƯỜNG" a school
    "trưởng ban", "phó trưởng ban", "bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch", "giám đốc",
    "phó giám đốc", "chánh văn phòng", "phó chánh văn phòng", "trưởng phòng", "phó trưởng phòng",
    "thủ trưởng", "trưởng", "phó trưởng", "chủ nhiệm", "phó chủ nhiệm", "tổng biên tập", "hiệu trưởng",
    "viện trưởng", "chỉ huy trưởng", "người lập biểu", "trưởng khối", "tổ trưởng",
)  # fmt: skip
SIGNED_MARKS = (
    "da ky",
    "ky",
    "da ky va dong dau",
    "ky ten dong dau",
    "ky ghi ro ho ten",
    "da ky ten",
)  # folded

# The matching below is accent-sensitive on lower-case, tone-normalised text (``key``): without accents
# "sở" (a department) and "số" (number), "nắm" (to grasp) and "năm" (year) would collide.

# The first words of a unit name: a task text that starts with one of these names its lead unit.
UNIT_HEADS = (
    "phường",
    "xã",
    "thị trấn",
    "đặc khu",
    "thôn",
    "khu phố",
    "ban",
    "ủy ban",
    "ubnd",
    "hđnd",
    "mặt trận",
    "mttq",
    "ủy ban mttq",
    "sở",
    "phòng",
    "văn phòng",
    "vp",
    "đảng ủy",
    "đảng bộ",
    "chi bộ",
    "huyện ủy",
    "thành ủy",
    "tỉnh ủy",
    "thị ủy",
    "quận ủy",
    "thường trực",
    "thường vụ",
    "tỉnh đoàn",
    "huyện đoàn",
    "thành đoàn",
    "đoàn thanh niên",
    "đoàn tncs",
    "hội liên hiệp",
    "hội nông dân",
    "hội cựu chiến binh",
    "hội chữ thập đỏ",
    "hội người cao tuổi",
    "hội khuyến học",
    "hội lhpn",
    "hội phụ nữ",
    "liên đoàn",
    "lđlđ",
    "công an",
    "ngân hàng",
    "kho bạc",
    "bảo hiểm xã hội",
    "thanh tra",
    "tòa án",
    "viện kiểm sát",
    "chi nhánh",
    "bệnh viện",
    "trạm y tế",
    "hợp tác xã",
    "chuyên viên",
    "tổ bầu cử",
    "ủy ban bầu cử",
    "ban bầu cử",
    "bộ chỉ huy",
    "ban chỉ huy",
    "quân sự",
    "biên phòng",
    "khối",
    "tổ dân vận",
    "tổ dân phố",
    "trung tâm",
    "báo",
    "đài phát thanh",
    "đài truyền hình",
    "công ty",
    "chi cục",
    "cục",
    "viện",
    "trường đại học",
    "trường chính trị",
    "cấp ủy",
    "chính quyền",
    "lãnh đạo",
    "đồng chí",
    "đ/c",
    "bí thư",
    "phó bí thư",
    "chủ tịch",
    "phó chủ tịch",
    "giám đốc",
    "trưởng ban",
    "phó trưởng ban",
    "thủ trưởng",
    "người đứng đầu",
    "cán bộ",
    "các",
    "mỗi",
    "từng",
    "hội đồng",
    "tiểu ban",
    "tổ công tác",
    "đoàn công tác",
    "đoàn kiểm tra",
)
# After "các"/"mỗi"/"từng" a unit noun must follow ("các sở, ban, ngành", "các tổ chức chính trị - xã hội").
UNIT_NOUNS = (
    "sở",
    "ban",
    "ngành",
    "cơ quan",
    "địa phương",
    "đơn vị",
    "huyện",
    "thành",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
    "tổ chức",
    "đoàn thể",
    "cấp ủy",
    "cấp",
    "chi bộ",
    "đảng bộ",
    "đảng ủy",
    "hội",
    "khối",
    "thôn",
    "tổ",
    "trường",
    "phòng",
    "đồng chí",
    "đ/c",
    "huyện ủy",
    "thành ủy",
    "tỉnh ủy",
    "ban dân vận",
    "ubnd",
    "ủy ban",
    "mặt trận",
    "liên đoàn",
    "thành viên",
    "doanh nghiệp",
    "tập thể",
    "cá nhân",
    "bộ",
    "đảng",
)
# Words a unit name never starts with although a unit head would match ("Hội nghị", "Báo cáo", ...).
NOT_UNIT = (
    "hội nghị",
    "hội thảo",
    "hội thi",
    "hội diễn",
    "ban hành",
    "báo cáo",
    "các hoạt động",
    "các nội dung",
)

# Lower-case verbs that end a lead or partner phrase ("Ban Dân vận Tỉnh ủy hướng dẫn ...").
TASK_VERBS = (  # an adverb that opens the predicate ("kịp thời", "tích cực") ends a lead as well as a verb
    "chủ trì", "chủ động", "phối hợp", "xây dựng", "tham mưu", "tổ chức", "chỉ đạo", "triển khai",
    "thực hiện", "có trách nhiệm", "chịu trách nhiệm", "căn cứ", "theo dõi", "đôn đốc", "kiểm tra",
    "giám sát", "tuyên truyền", "bố trí", "đảm bảo", "bảo đảm", "phân công", "cử", "lựa chọn", "tổng hợp",
    "báo cáo", "nắm", "vận động", "đẩy mạnh", "tăng cường", "quán triệt", "ban hành", "giao", "tiếp tục",
    "thường xuyên", "là cơ quan", "hướng dẫn", "cung cấp", "phát động", "đề xuất", "tập trung", "lãnh đạo",
    "rà soát", "đăng ký", "gửi", "chuẩn bị", "tiếp nhận", "tham gia", "đưa tin", "phản ánh", "làm",
    "điều hành", "hoàn thành", "hỗ trợ", "cập nhật", "nghiên cứu", "vào cuộc", "quan tâm", "đề nghị",
    "phát huy", "đánh giá", "khảo sát", "trình", "sắp xếp", "biên soạn", "in", "phát hành", "mời", "mở",
    "đăng", "đăng tải", "phát sóng", "xuất bản", "biên tập", "duy trì", "nâng cao", "bám sát", "tích cực",
    "kịp thời", "khẩn trương", "nghiêm túc", "định kỳ", "thành lập", "kiện toàn", "động viên",
    "khen thưởng", "biểu dương", "chấp hành", "lồng ghép", "gắn", "quản lý", "ưu tiên", "tiến hành",
    "thống nhất", "dự", "tham dự", "nhân rộng", "đổi mới", "sơ kết", "tổng kết", "thẩm định", "xét",
    "công nhận", "chọn", "cụ thể hóa", "đưa", "xử lý", "giải quyết", "tiếp xúc", "đối thoại", "lắng nghe",
    "cần", "phải", "sẽ", "được giao", "có nhiệm vụ", "bồi dưỡng", "tập huấn",
)  # fmt: skip
# Words before an addressed list that are not part of it ("Đề nghị các sở ...").
LEAD_PREFIXES = (
    "kính đề nghị", "đề nghị", "giao cho", "giao", "yêu cầu", "đối với", "trách nhiệm của", "nhiệm vụ của",
)  # fmt: skip
# Words after which a task verb is really a noun ("các tổ chức", "những hoạt động").
NOUN_MARKERS = ("các", "những", "mỗi", "của", "và", "ban", "công tác", "việc")

# Submission verbs: a line with a deadline under a sentence with one of these is a call for submissions.
# SUBMIT_ALWAYS count on their own, SUBMIT_TOWARDS only with "về" later in the clause ("báo cáo ... về UBND").
SUBMIT_ALWAYS = ("gửi", "nộp", "cung cấp")
SUBMIT_TOWARDS = ("báo cáo", "chuyển", "đăng ký")
# Annexes.
SLOGAN_HEADINGS = ("khau hieu",)
FORM_ISSUER_WORDS = ("ten co quan", "ten don vi", "co quan don vi")
# A line starting with one of these and holding dots to fill in is the issuer placeholder ("ĐƠN VỊ: ......").
FORM_ISSUER_STARTS = ("don vi", "co quan", "dia phuong", "to chuc")
FORM_LABEL_MAX = 40

# Form column kinds by label keywords (first match wins).
COLUMN_KINDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("stt", "so tt", "so thu tu", "tt"), "index"),
    (("ghi chu",), "text"),
    (("thoi gian", "thoi han", "thoi diem"), "window"),
    (("ngay",), "date"),
    (
        (
            "so luong",
            "kinh phi",
            "so nguoi",
            "so dai bieu",
            "so luot",
            "tong so",
            "so tien",
            "dien tich",
            "so ",
        ),
        "number",
    ),
    (("ten ",), "text"),
    (
        ("muc tieu", "noi dung", "ket qua", "mo ta", "giai phap", "tom tat", "hieu qua", "de xuat"),
        "long_text",
    ),
)

"""What a user can see: the Vietnamese messages and display templates of ``danvan.lib.vndates``, and
the kinds and limits they mention."""

# ----------------------------------------------------------------------------------------------
# Messages a user can see (Vietnamese; gettext is hooked in later).

MSG_NOT_RECOGNISED = "Không nhận ra thời gian trong «{text}»."
MSG_NOT_TEXT = "Thời gian phải được ghi bằng chữ (nhận được giá trị kiểu {type})."
MSG_DAY_NOT_EXIST = (
    "Ngày {day:02d}/{month:02d}/{year} không tồn tại (tháng {month} năm {year} chỉ có {days} ngày)."
)
MSG_DAY_ZERO = "Ngày {day:02d}/{month:02d}/{year} không tồn tại (ngày trong tháng bắt đầu từ 01)."
MSG_MONTH_NOT_EXIST = "Tháng {month} không tồn tại (chỉ có tháng 1 đến tháng 12)."
MSG_QUARTER_NOT_EXIST = "Quý {quarter} không tồn tại (chỉ có quý I đến quý IV)."
MSG_YEAR_INVALID = "Năm {year} không hợp lệ (năm phải từ 1000 đến 9999)."
MSG_NEED_YEAR = "Chưa ghi năm: vui lòng ghi rõ năm (ví dụ «30/9/2023» hoặc «tháng 9/2023»)."
MSG_NEED_MONTH = "Chưa ghi tháng: vui lòng ghi rõ tháng (ví dụ «từ ngày 08 đến ngày 10 tháng 12 năm 2025»)."
MSG_REVERSED = "Thời gian bắt đầu ({start}) sau thời gian kết thúc ({end})."
MSG_BLANK = "Chưa ghi ngày: văn bản còn để trống ngày tháng (bản dự thảo chưa ký)."
MSG_MULTIPLE = "Có nhiều mốc thời gian trong «{text}»; vui lòng chỉ ghi một mốc hoặc một khoảng thời gian."
MSG_NOT_A_DAY = "«{text}» không phải là một ngày cụ thể; vui lòng ghi một ngày, ví dụ «30/9/2023»."
MSG_YOU_WROTE = "{problem} Đã nhập: «{text}»."

MSG_WINDOW_KIND = (
    "Loại thời gian «{kind}» không hợp lệ "
    "(chỉ dùng: exact, range, deadline, period, recurring, relative, unparsed)."
)
MSG_WINDOW_NOT_DATE = "Giá trị «{value}» không phải là một ngày."
MSG_WINDOW_TEXT = "Nội dung thời gian phải là chữ."
MSG_WINDOW_TENTATIVE = "Giá trị «dự kiến» phải là đúng hoặc sai."
MSG_WINDOW_FIELDS = {
    "exact": "Thời gian loại một ngày cần ngày bắt đầu trùng ngày kết thúc.",
    "period": "Thời gian loại giai đoạn cần cả ngày bắt đầu và ngày kết thúc.",
    "range": "Khoảng thời gian cần ngày bắt đầu.",
    "deadline": "Hạn chót cần ngày kết thúc và không có ngày bắt đầu.",
    "unparsed": "Thời gian chưa xác định được ngày cần nội dung chữ và không có ngày cụ thể.",
    "recurring": "Thời gian lặp lại (hằng tháng, hằng năm...) cần nội dung chữ và không có ngày cụ thể.",
    "relative": "Thời gian tính theo một mốc khác cần nội dung chữ và không có ngày cụ thể.",
}
MSG_STORED = "Dữ liệu thời gian đã lưu không hợp lệ: {detail}"
MSG_STORED_NOT_MAPPING = "cần một bảng khoá–giá trị."
MSG_STORED_BAD_DATE = "«{value}» không phải là ngày dạng YYYY-MM-DD."

DISPLAY_DEADLINE = "chậm nhất {end}"
DISPLAY_OPEN_END = "từ {start}"
DISPLAY_TENTATIVE = "dự kiến {body}"
DISPLAY_RANGE = "{start} – {end}"

DATE_LINE = "ngày {day} tháng {month} năm {year}"
BLANK_DATE_LINE = "ngày    tháng    năm      "

KINDS = ("exact", "range", "deadline", "period", "recurring", "relative", "unparsed")
# Kinds with words only (no day on the calendar until an anchor is given: see ``fix_window``).
WORDS_ONLY = ("recurring", "relative", "unparsed")

MIN_YEAR = 1000
MAX_YEAR = 9999
_QUOTE_LIMIT = 80

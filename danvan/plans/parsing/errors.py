"""The parser's one error type."""

from __future__ import annotations

MSG_EMPTY = "Văn bản trống: không có nội dung để nhập."
MSG_NO_STRUCTURE = (
    "Không nhận ra cấu trúc kế hoạch: không thấy tiêu đề KẾ HOẠCH hay các mục I, II, ... "
    "Hãy kiểm tra tệp có đúng là một kế hoạch không."
)
MSG_NOT_VIETNAMESE = (
    "Nội dung không phải văn bản tiếng Việt (hoặc bị hỏng, không đọc được): không nhập được. "
    "Hãy kiểm tra lại tệp hoặc nội dung đã dán."
)
MAX_TEXT_CHARS = 1_500_000  # about 600 pages: far beyond any plan; a bigger paste is refused at once
MSG_TOO_LONG = (
    "Văn bản quá dài ({chars:,} ký tự; tối đa {limit:,}): đây không phải một kế hoạch. "
    "Hãy tách riêng văn bản cần nhập."
)
MSG_BAD_DOCX = "Không đọc được tệp Word (.docx): {detail}"
MSG_NOT_TEXT = "Nội dung kế hoạch phải là văn bản (nhận được giá trị kiểu {type})."


class PlanParseError(ValueError):
    """Raised when a text or file cannot be read as a plan. ``message`` is Vietnamese, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


__all__ = [
    "MAX_TEXT_CHARS",
    "MSG_BAD_DOCX",
    "MSG_EMPTY",
    "MSG_NOT_TEXT",
    "MSG_NOT_VIETNAMESE",
    "MSG_NO_STRUCTURE",
    "MSG_TOO_LONG",
    "PlanParseError",
]

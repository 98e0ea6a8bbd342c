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
    "MSG_BAD_DOCX",
    "MSG_EMPTY",
    "MSG_NOT_TEXT",
    "MSG_NOT_VIETNAMESE",
    "MSG_NO_STRUCTURE",
    "PlanParseError",
]

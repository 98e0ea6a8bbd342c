from django.utils.translation import gettext as _


class ServiceError(Exception):
    """A rule a write broke; the message is Vietnamese and meant for the user."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class StaleEdit(ServiceError):
    def __init__(self, obj=None):
        super().__init__(
            _(
                "Dữ liệu đã được người khác sửa sau khi bạn mở trang. Thay đổi của bạn chưa được lưu: "
                "hãy tải lại trang để xem bản mới nhất rồi sửa lại."
            )
        )
        self.obj = obj

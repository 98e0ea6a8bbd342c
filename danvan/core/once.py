"""Creates a double click cannot repeat: a one-time form token consumed together with the create.

`run_once(token, user=..., create=...)` inserts the token (unique) and runs `create()` in one transaction. A
second POST with the same token cannot insert it: on PostgreSQL it waits for the first transaction and then
fails on the unique constraint, on SQLite writers are serialised. It then raises `AlreadyDone` carrying the
object the first POST created, so the page can send the user to it. A create that fails rolls the token
back with it, so the same form may be corrected and sent again.
"""

import secrets
from collections.abc import Callable

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from .errors import ServiceError

TOKEN_FIELD = "form_token"
TOKEN_MAX = 64


def issue() -> str:
    return secrets.token_urlsafe(24)


class AlreadyDone(ServiceError):
    """The form was already sent once; `obj` is what that first POST created (None if unknown)."""

    def __init__(self, obj=None):
        super().__init__(
            _(
                "Biểu mẫu này đã được gửi một lần (có thể do bấm hai lần): không tạo thêm bản nữa."
                " Hãy xem bản đã tạo, hoặc mở lại trang để tạo bản mới."
            )
        )
        self.obj = obj


def create_once(request, form, create: Callable[[dict], object]):
    """For a view that does not use form_page: `create(data)` (a service call) runs once for the form's
    token (core.forms.OnceFormMixin), `data` being the cleaned form without the token; a repeat raises
    AlreadyDone."""
    data = {k: v for k, v in form.cleaned_data.items() if k != TOKEN_FIELD}
    return run_once(form.cleaned_data.get(TOKEN_FIELD), user=request.user, create=lambda: create(data))


def run_once(token: str | None, *, user, create: Callable[[], object], target=None):
    """Run `create()` once for this token. `target(result)` names the object to remember (default: the
    result itself when it is a model instance). No token (a request not made from a rendered form): the
    create simply runs."""
    from django.contrib.contenttypes.models import ContentType

    from .models import FormToken

    if not token:
        return create()
    token = str(token)[:TOKEN_MAX]
    user_id = getattr(user, "pk", None)
    try:
        with transaction.atomic():
            record = FormToken.objects.create(token=token, user_id=user_id)
            result = create()
            obj = target(result) if target else result
            if isinstance(obj, models.Model) and obj.pk is not None:
                record.content_type = ContentType.objects.get_for_model(obj)
                record.object_id = str(obj.pk)
                record.save(update_fields=["content_type", "object_id"])
            return result
    except IntegrityError:
        first = FormToken.objects.filter(token=token).first()
        if first is None:  # the create's own constraint failed, not the token's
            raise
        # Another user's token (never issued to this one) reveals nothing about what it made.
        raise AlreadyDone(first.target if first.user_id == user_id else None) from None


# A double click or a resent request comes within minutes; a month covers a form left open over a holiday.
TOKEN_KEEP_DAYS = 30


def tokens_purge(*, keep_days: int = TOKEN_KEEP_DAYS) -> int:
    """Forget the tokens of creates older than `keep_days` (run daily by cron): one small row per create
    would otherwise grow forever. A form that old resent is simply a new create."""
    from datetime import timedelta

    from django.utils import timezone

    from .models import FormToken

    deleted, _by_model = FormToken.objects.filter(
        used_at__lt=timezone.now() - timedelta(days=keep_days)
    ).delete()
    return deleted

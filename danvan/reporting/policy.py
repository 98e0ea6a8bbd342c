"""Per-object rules of calls, submissions and templates, beyond the unit subtree and the capability."""

from django.utils.translation import gettext as _

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError

from .models import Call, FormTemplate, Submission


def require_open(call: Call) -> None:
    """A closed call takes no more answers until the unit that opened it reopens it."""
    if call.status == Call.Status.CLOSED:
        raise ServiceError(
            _("Yêu cầu «%(title)s» đã đóng, không nhận thêm bản gửi. Hãy liên hệ Ban để được mở lại.")
            % {"title": call.title}
        )


def require_not_accepted(submission: Submission) -> None:
    if submission.status == Submission.Status.ACCEPTED:
        raise ServiceError(_("Bản này đã được Ban tiếp nhận; không sửa được nữa."))


def require_draft(submission: Submission) -> None:
    """What was sent is frozen: only a draft, or an answer the Ban returned, takes new rows."""
    require_not_accepted(submission)
    if submission.status == Submission.Status.SUBMITTED:
        raise ServiceError(
            _(
                "Bản này đã gửi tới Ban nên không sửa được nữa. Nếu cần sửa, hãy đề nghị Ban trả lại; "
                "bản sửa sẽ được gửi thành lần gửi mới."
            )
        )


def require_reviewable(submission: Submission) -> None:
    if submission.status not in (Submission.Status.SUBMITTED, Submission.Status.ACCEPTED):
        raise ServiceError(_("Chỉ xem xét được bản đơn vị đã gửi."))


def require_template_unused(template: FormTemplate | None) -> None:
    """Answers are stored by column id: a template a call already uses must not change under them."""
    if template is not None and template.pk and template.calls.exists():
        raise ServiceError(
            _("Mẫu đã được dùng trong yêu cầu gửi đơn vị nên không sửa được; hãy tạo mẫu mới.")
        )


def may_manage(user, call: Call) -> bool:
    return access.has_cap(user, Cap.CALL_MANAGE, call.owner)


def may_edit(user, submission: Submission) -> bool:
    """The unit's own people may write its answer (whether the answer is still open is `is_editable`)."""
    return access.has_cap(user, Cap.SUBMISSION_EDIT, submission.unit)


def is_editable(submission: Submission) -> bool:
    """A draft or a returned answer to an open call; a sent one is read-only until the Ban returns it."""
    return not submission.is_sent and submission.call.status == Call.Status.OPEN


def shows_edit_controls(user, submission: Submission) -> bool:
    """The unit's controls (save, send, upload): for the unit's own people while the answer is open. The
    Ban's reviewers, who may hold the edit right over the unit's subtree too, get the review controls only."""
    return may_edit(user, submission) and is_editable(submission) and not may_review(user, submission)


def may_review(user, submission: Submission) -> bool:
    return access.has_cap(user, Cap.SUBMISSION_REVIEW, submission.call.owner)


def is_reviewable(submission: Submission) -> bool:
    return submission.status in (Submission.Status.SUBMITTED, Submission.Status.ACCEPTED)

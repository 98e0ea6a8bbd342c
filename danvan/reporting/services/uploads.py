"""A filled-in .xlsx/.docx form read into rows, shown for confirmation, then put into the draft."""

from django.db import transaction
from django.utils.translation import gettext as _

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.lib import vntext
from danvan.lib.tables.read import parse_upload

from .. import policy
from ..models import Submission, UploadPreview
from ..selectors import column_specs
from .submissions import submission_save_draft, submission_submit


@transaction.atomic
def upload_preview(*, submission: Submission, actor, upload, max_bytes: int) -> UploadPreview:
    """Read the file into rows and problems; nothing replaces the draft until the unit confirms."""
    submission = Submission.objects.select_related("call__template", "unit").get(pk=submission.pk)
    access.require(actor, Cap.SUBMISSION_EDIT, submission.unit)
    policy.require_open(submission.call)
    policy.require_draft(submission)
    parsed = parse_upload(
        upload, name=upload.name, columns=column_specs(submission.call.template), max_bytes=max_bytes
    )
    notes = []
    if parsed.extra:
        notes.append(_("Cột không có trong mẫu, không lấy: %(c)s") % {"c": ", ".join(parsed.extra)})
    return UploadPreview.objects.create(
        submission=submission,
        uploaded_by=actor,
        file_name=vntext.clean_text(upload.name)[:255],
        rows=[{k: v for k, v in r.items()} for r in parsed.rows],
        problems=[{"line": p.line, "column": p.column, "message": p.message} for p in parsed.problems],
        notes=notes,
    )


REPLACE, APPEND = "replace", "append"


@transaction.atomic
def upload_apply(*, preview: UploadPreview, actor, submit: bool, mode: str | None = None) -> Submission:
    """Put the file's rows into the draft. Rows already typed in the browser are never dropped silently:
    when the draft has some, the unit chose to replace them (`mode="replace"`) or add the file's after
    them (`mode="append"`)."""
    preview = UploadPreview.objects.select_for_update().get(pk=preview.pk)
    if preview.applied:
        raise ServiceError(_("Tệp này đã được dùng; hãy tải lên lại nếu cần."))
    if preview.problems:
        raise ServiceError(_("Tệp còn dòng lỗi: hãy sửa tệp rồi tải lên lại."))
    submission = Submission.objects.get(pk=preview.submission_id)
    rows = [{k: v for k, v in r.items() if not k.startswith("_")} for r in preview.rows]
    if submission.rows and not submission.is_sent:
        if mode not in (REPLACE, APPEND):
            raise ServiceError(
                _(
                    "Bản nháp đang có %(n)s dòng đã nhập trên trang: hãy chọn thay thế các dòng đó bằng "
                    "tệp hay thêm các dòng của tệp vào sau."
                )
                % {"n": len(submission.rows)},
                field="mode",
            )
        if mode == APPEND:
            rows = [*submission.rows, *rows]
    submission = submission_save_draft(submission=submission, actor=actor, expected_version=None, rows=rows)
    preview.applied = True
    preview.save(update_fields=["applied", "updated_at"])
    if submit:
        submission = submission_submit(
            submission=submission, actor=actor, expected_version=None, source_name=preview.file_name
        )
    return submission

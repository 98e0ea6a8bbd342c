"""The plan PDF's builder for background jobs (danvan.core.jobs): LibreOffice runs in the worker, never in
the web request."""

from typing import BinaryIO

from django.utils.translation import gettext as _

from danvan.core.jobs.registry import JobFailed, Progress, register

from .models import Plan
from .rendering import plan_docx_bytes

KIND = "plans.pdf"
PDF_TIMEOUT_S = 180  # a long plan converts in seconds; LibreOffice's start under load takes most of it


@register(KIND)
def build_plan_pdf(job, out: BinaryIO, progress: Progress) -> None:
    from danvan.lib.officialdoc.pdf import convert_to_pdf

    plan = Plan.objects.filter(pk=job.subject_id).first()
    if plan is None:
        raise JobFailed(_("Kế hoạch không còn nữa."))
    progress(0, 2)
    docx = plan_docx_bytes(plan)
    progress(1, 2)
    try:
        out.write(convert_to_pdf(docx, timeout=PDF_TIMEOUT_S))
    except RuntimeError as error:  # PdfUnavailable included: its message (Vietnamese) is for the user
        raise JobFailed(getattr(error, "message", "") or str(error)) from error
    progress(2, 2)

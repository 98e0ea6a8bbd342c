"""A job's card (htmx polls it every second while the job runs) and its download."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from danvan.lib.htmx import render_page

from .models import DocumentJob


def _job_or_404(request, pk) -> DocumentJob:
    # Somebody else's job is out of scope: 404, whoever asks (a system administrator sees every job).
    return get_object_or_404(DocumentJob.objects.visible_to(request.user), pk=pk)


@login_required
def job_status(request, pk):
    """The whole page (a refresh link reloads it without JavaScript); the card alone for htmx's poll."""
    job = _job_or_404(request, pk)
    subject = job.subject if job.subject_type_id else None
    back = subject.get_absolute_url() if subject is not None and hasattr(subject, "get_absolute_url") else ""
    return render_page(request, "core/jobs/job.html", {"job": job, "back": back}, partial="card")


@login_required
def job_download(request, pk):
    # The one file door: the owner's finished job only (404 otherwise), a type the product decides, nosniff,
    # an attachment, and the proxy's X-Accel-Redirect in production.
    from danvan.core.files.views import serve

    return serve(request, "document-job", pk)

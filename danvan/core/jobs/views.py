"""A job's card (htmx polls it every second while the job runs) and its download."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
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
    back = subject.get_absolute_url() if hasattr(subject, "get_absolute_url") else ""
    return render_page(request, "core/jobs/job.html", {"job": job, "back": back}, partial="card")


@login_required
def job_download(request, pk):
    job = _job_or_404(request, pk)
    if job.status != DocumentJob.Status.DONE or not job.result:
        raise Http404
    try:
        handle = job.result.open("rb")
    except FileNotFoundError:  # purged meanwhile
        raise Http404 from None
    # The product decides the type (from the kind of file it made), never the content; always an attachment.
    response = FileResponse(handle, as_attachment=True, filename=job.file_name, content_type=job.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response

"""The event's documents: invitation letters (DOCX, PDF), name cards, delegate lists, booklet, report.

Each is asked for with a POST and made by a background job (danvan.core.jobs); the event page lists the
user's jobs with their progress and the download when ready. A GET (an old bookmark) goes to that list.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from danvan.core.forms import act
from danvan.events import policy, services
from danvan.events.views.events import event_or_404

ANCHOR = "#tai-lieu"


@login_required
def document(request, pk, name):
    event = event_or_404(request, pk)
    policy.require_manage(request.user, event)
    if request.method != "POST":
        return redirect(event.get_absolute_url() + ANCHOR)
    site = request.build_absolute_uri("/")[:-1]
    job = act(
        request,
        lambda: services.document_request(
            event=event, name=name, actor=request.user, site=site, unsent=bool(request.POST.get("unsent"))
        ),
    )
    if job is not None:
        messages.info(
            request,
            _("Đang tạo “%(title)s”; khi xong, nút tải về hiện ở mục Tài liệu.") % {"title": job.title},
        )
    return redirect(event.get_absolute_url() + ANCHOR)

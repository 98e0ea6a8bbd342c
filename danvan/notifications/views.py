from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from danvan.core.paging import paginate, query_without_page
from danvan.lib.htmx import render_page

from .models import Notice


@login_required
def notice_list(request):
    notices = Notice.objects.filter(user=request.user)
    return render_page(
        request,
        "notifications/notice_list.html",
        {"page": paginate(request, notices), "query": query_without_page(request)},
    )


@login_required
@require_POST
def notice_open(request, pk):
    notice = get_object_or_404(Notice, pk=pk, user=request.user)
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return redirect(notice.url or "notifications:notice_list")


@login_required
@require_POST
def notice_read_all(request):
    Notice.objects.filter(user=request.user, read_at__isnull=True).update(read_at=timezone.now())
    return redirect("notifications:notice_list")

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.paging import paginate, query_without_page

from . import selectors


@login_required
def audit_log(request):
    access.require(request.user, Cap.AUDIT_VIEW)
    events = selectors.audit_log(request.user)
    return render(
        request,
        "site/audit_log.html",
        {"page": paginate(request, events), "query": query_without_page(request)},
    )

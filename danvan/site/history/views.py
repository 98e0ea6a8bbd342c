from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from . import selectors
from .registry import source_for


@login_required
def history(request, model_name, pk):
    source = source_for(model_name)
    if source is None:
        raise Http404
    obj = get_object_or_404(source.visible(request.user), pk=pk)  # out of scope: 404
    if not source.readable(request.user).filter(pk=obj.pk).exists():  # in scope, no capability: 403
        raise PermissionDenied
    return render(request, "site/history.html", {"object": obj, "entries": selectors.history_entries(obj)})

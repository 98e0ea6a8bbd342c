from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from danvan.core import access
from danvan.core.access import Cap

from . import selectors


@login_required
def history(request, model_name, pk):
    model = selectors.history_model(model_name)
    if model is None:
        raise Http404
    if model_name == "user":
        access.require(request.user, Cap.USER_MANAGE)
        obj = get_object_or_404(model, pk=pk)
    else:
        obj = get_object_or_404(model.objects.visible_to(request.user), pk=pk)
    return render(request, "site/history.html", {"object": obj, "entries": selectors.history_entries(obj)})

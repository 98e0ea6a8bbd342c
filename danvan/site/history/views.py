from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from danvan.core import access
from danvan.core.access import Cap

from . import selectors

# What one must hold on the object's unit to read its page, hence its history.
VIEW_CAP = {"unit": Cap.UNIT_VIEW, "person": Cap.PERSON_VIEW, "exemplar": Cap.PLAN_VIEW}


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
        # The history shows every field's old values: only those who may see the object's fields read it.
        access.require(request.user, VIEW_CAP[model_name], obj if model_name == "unit" else obj.unit)
    return render(request, "site/history.html", {"object": obj, "entries": selectors.history_entries(obj)})

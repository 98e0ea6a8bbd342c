from datetime import date
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from danvan.core import access
from danvan.core.access import Cap
from danvan.core.errors import ServiceError
from danvan.core.forms import form_page
from danvan.core.paging import paginate, query_without_page
from danvan.lib.htmx import render_page

from . import selectors, services
from .forms import PersonForm, UnitForm, UnitKindForm
from .models import Person, Unit, UnitKind


def _visible_units(request):
    return Unit.objects.visible_to(request.user)


@login_required
def unit_tree(request):
    access.require(request.user, Cap.UNIT_VIEW)
    include_past = request.GET.get("past") == "1"
    roots = selectors.top_units_for(request.user)
    if not include_past:
        roots = roots.current()
    roots = selectors.with_child_counts(roots).order_by("kind__order", "sort_key", "id")
    return render(
        request, "org/unit_tree.html", {"page": paginate(request, roots), "include_past": include_past}
    )


@login_required
def unit_detail(request, pk):
    unit = get_object_or_404(_visible_units(request).select_related("kind", "parent", "successor"), pk=pk)
    access.require(request.user, Cap.UNIT_VIEW, unit)
    include_past = request.GET.get("past") == "1"
    can_view_people = access.has_cap(request.user, Cap.PERSON_VIEW, unit)
    context = {
        "unit": unit,
        "breadcrumbs": selectors.visible_breadcrumbs(unit, request.user),
        "page": paginate(request, selectors.children_of(unit, include_past=include_past)),
        # Names and titles are personal data: listed only for those who may view people here.
        "people": unit.people.order_by("sort_key", "id")[:20] if can_view_people else None,
        "can_view_people": can_view_people,
        "counts": selectors.subtree_counts(unit),
        "include_past": include_past,
        "can_manage": access.has_cap(request.user, Cap.UNIT_MANAGE, unit),
        "can_manage_people": access.has_cap(request.user, Cap.PERSON_MANAGE, unit),
        "query": query_without_page(request),
    }
    return render_page(request, "org/unit_detail.html", context, partial="children")


@login_required
def unit_lookup(request):
    """JSON for the unit picker: the first matches among the units the user may see; `on=YYYY-MM-DD` looks
    among the units in force that day, `past=1` among every unit (those no longer in force are marked)."""
    access.require(request.user, Cap.UNIT_VIEW)
    query = request.GET.get("q", "")
    try:
        on = date.fromisoformat(request.GET["on"]) if request.GET.get("on") else None
    except ValueError:
        on = None
    units = selectors.picker_units(request.user, query, on=on, include_past=request.GET.get("past") == "1")
    results = [
        {
            "id": u.pk,
            "label": u.name,
            "parent": u.parent.name if u.parent_id else "",
            "note": selectors.validity_note(u),
        }
        for u in units
    ]
    return JsonResponse({"results": results})


def _fields(cleaned_data: dict) -> dict:
    """The model fields of a versioned form: the version travels apart, as the version the edit expects."""
    return {name: value for name, value in cleaned_data.items() if name != "version"}


def _create_or_edit_page(request, form, *, row, create, update, created, template: str, context: dict):
    """A unit's or a person's form page: a new row goes to `create(actor, **fields)`, an edit to
    `update(actor, expected_version, **fields)`; `created(result)` is the message for a new row."""

    def save(data):
        if row is None:
            return create(actor=request.user, **_fields(data))
        return update(actor=request.user, expected_version=data.get("version"), **_fields(data))

    def saved(result):
        messages.success(request, created(result) if row is None else _("Đã lưu thay đổi."))
        return redirect(result)

    return form_page(request, form, template=template, context=context, save=save, on_success=saved)


def _unit_form_page(request, *, unit: Unit | None, parent: Unit | None):
    # A new unit's form starts from an unsaved instance under the chosen parent: the form reads its initial
    # values from the instance.
    form = UnitForm(
        request.POST or None, instance=unit or Unit(parent=parent), visible_units=_visible_units(request)
    )

    return _create_or_edit_page(
        request,
        form,
        row=unit,
        create=services.unit_create,
        update=partial(services.unit_update, unit=unit),
        created=lambda result: _("Đã tạo đơn vị «%(name)s».") % {"name": result.name},
        template="org/unit_form.html",
        context={"unit": unit, "parent": parent},
    )


@login_required
def unit_create(request):
    parent = None
    if parent_id := request.GET.get("parent") or request.POST.get("parent"):
        parent = get_object_or_404(_visible_units(request), pk=parent_id)
        access.require(request.user, Cap.UNIT_MANAGE, parent)
    else:
        access.require(request.user, Cap.UNIT_MANAGE)
    return _unit_form_page(request, unit=None, parent=parent)


@login_required
def unit_edit(request, pk):
    unit = get_object_or_404(_visible_units(request), pk=pk)
    access.require(request.user, Cap.UNIT_MANAGE, unit)
    return _unit_form_page(request, unit=unit, parent=None)


@login_required
@require_POST
def unit_delete(request, pk):
    unit = get_object_or_404(_visible_units(request), pk=pk)
    access.require(request.user, Cap.UNIT_MANAGE, unit)
    parent = unit.parent
    try:
        services.unit_delete(unit=unit, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(unit)
    messages.success(request, _("Đã xóa đơn vị."))
    return redirect(parent) if parent else redirect("org:unit_tree")


@login_required
def person_list(request):
    access.require(request.user, Cap.PERSON_VIEW)
    unit = None
    if unit_id := request.GET.get("unit"):
        unit = get_object_or_404(_visible_units(request), pk=unit_id)
    query = request.GET.get("q", "").strip()
    people = selectors.people_for(request.user, query=query, unit=unit)
    context = {
        "page": paginate(request, people, ids_first=True),
        "q": query,
        "unit": unit,
        "query": query_without_page(request),
        "can_manage": access.has_cap(request.user, Cap.PERSON_MANAGE, unit),
    }
    return render_page(request, "org/person_list.html", context, partial="results")


@login_required
def person_detail(request, pk):
    person = get_object_or_404(Person.objects.visible_to(request.user).select_related("unit"), pk=pk)
    access.require(request.user, Cap.PERSON_VIEW, person.unit)
    context = {
        "person": person,
        "breadcrumbs": [*selectors.visible_breadcrumbs(person.unit, request.user), person.unit],
        "can_manage": access.has_cap(request.user, Cap.PERSON_MANAGE, person.unit),
    }
    return render(request, "org/person_detail.html", context)


def _person_form_page(request, *, person: Person | None, unit: Unit | None):
    form = PersonForm(
        request.POST or None, instance=person or Person(unit=unit), visible_units=_visible_units(request)
    )

    return _create_or_edit_page(
        request,
        form,
        row=person,
        create=services.person_create,
        update=partial(services.person_update, person=person),
        created=lambda result: _("Đã thêm cán bộ «%(name)s».") % {"name": result.full_name},
        template="org/person_form.html",
        context={"person": person},
    )


@login_required
def person_create(request):
    unit = None
    if unit_id := request.GET.get("unit"):
        unit = get_object_or_404(_visible_units(request), pk=unit_id)
    access.require(request.user, Cap.PERSON_MANAGE, unit)
    return _person_form_page(request, person=None, unit=unit)


@login_required
def person_edit(request, pk):
    person = get_object_or_404(Person.objects.visible_to(request.user).select_related("unit"), pk=pk)
    access.require(request.user, Cap.PERSON_MANAGE, person.unit)
    return _person_form_page(request, person=person, unit=None)


@login_required
@require_POST
def person_delete(request, pk):
    person = get_object_or_404(Person.objects.visible_to(request.user).select_related("unit"), pk=pk)
    access.require(request.user, Cap.PERSON_MANAGE, person.unit)
    unit = person.unit
    try:
        services.person_delete(person=person, actor=request.user)
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(person)
    messages.success(request, _("Đã xóa cán bộ."))
    return redirect(unit)


@login_required
def kind_list(request):
    access.require(request.user, Cap.CATALOG_MANAGE)
    editing = None
    if kind_id := request.GET.get("edit") or request.POST.get("kind_id"):
        editing = get_object_or_404(UnitKind, pk=kind_id)
    form = UnitKindForm(request.POST or None, instance=editing)

    def saved(_kind):
        messages.success(request, _("Đã lưu loại đơn vị."))
        return redirect("org:kind_list")

    kinds = UnitKind.objects.annotate(unit_count=Count("units")).order_by("order", "name")
    return form_page(
        request,
        form,
        template="org/kind_list.html",
        context={"kinds": kinds, "editing": editing},
        save=lambda data: services.kind_save(actor=request.user, kind=editing, **data),
        on_success=saved,
    )

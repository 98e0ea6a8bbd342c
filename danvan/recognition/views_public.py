"""The public showcase of the "Dân vận khéo" movement (/mo-hinh/, no login).

Only recognised entries (Exemplar.objects.public()) and only what is meant for the public: the story,
the content, the results, public photos and the dates and text of progress updates. Never contact
names, phone numbers, e-mails, authors or the storage address of a file.
"""

from django import forms
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from danvan.core.paging import paginate, query_without_page

from . import selectors_public as selectors
from .models import Exemplar


class ShowcaseFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=200)
    field = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    year = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)
    locality = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, fields, years, localities):
        super().__init__(data)
        self.fields["field"].choices = [("", ""), *((f.pk, f.name) for f in fields)]
        self.fields["year"].choices = [("", ""), *((y, y) for y in years)]
        self.fields["locality"].choices = [("", ""), *((u.pk, u.name) for u in localities)]

    def values(self) -> dict:
        """The valid filters; a value that is not one of the choices is ignored, never an error page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) for name in ("q", "field", "year", "locality")}


@require_safe
def showcase_list(request):
    all_localities = selectors.locality_units()
    localities = selectors.showcase_localities(all_localities)
    fields = selectors.showcase_fields()
    years = selectors.showcase_years()
    form = ShowcaseFilterForm(request.GET, fields=fields, years=years, localities=localities)
    chosen = form.values()
    locality = next((u for u in localities if u.pk == chosen["locality"]), None)
    entries = selectors.showcase(
        query=(chosen["q"] or "").strip(), field_id=chosen["field"], year=chosen["year"], locality=locality
    )
    page = paginate(
        request, selectors.showcase_cards(entries, localities), per_page=selectors.SHOWCASE_PER_PAGE
    )
    names = {u.path: u.name for u in localities}
    for entry in page.object_list:
        entry.locality_name = names.get(entry.locality_path, "")
    context = {
        "page": page,
        "query": query_without_page(request),
        "chosen": chosen,
        "fields": fields,
        "years": years,
        "localities": localities,
        "filtered": any(value not in (None, "") for value in chosen.values()),
    }
    return render(request, "recognition/public/showcase_list.html", context)


@require_safe
def showcase_detail(request, pk):
    entry = selectors.public_entry(pk)
    if entry is None:
        raise Http404
    locality = selectors.locality_of(entry.unit)
    context = {
        "entry": entry,
        "locality": locality if locality is not None and locality.pk != entry.unit_id else None,
        "level_label": selectors.level_label(entry.level) if entry.level else "",
        "photos": selectors.public_photos(entry),
        "updates": selectors.public_updates(entry),
        "is_individual": entry.kind == Exemplar.Kind.EXEMPLAR,
    }
    return render(request, "recognition/public/showcase_detail.html", context)


@require_safe
def showcase_photo(request, pk):
    """Streams a photo only when it is public and its entry is public; its storage address stays hidden."""
    from danvan.core.files.views import serve

    return serve(request, "exemplar-attachment", pk, public=True)


urlpatterns = [
    path("", showcase_list, name="list"),
    path("<int:pk>/", showcase_detail, name="detail"),
    path("anh/<int:pk>/", showcase_photo, name="photo"),
]

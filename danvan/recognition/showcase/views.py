"""The public showcase of the "Dân vận khéo" movement (/mo-hinh/, no login).

Only recognised entries (Exemplar.objects.public()) and only what is meant for the public: the story,
the content, the results, public photos and the dates and text of progress updates. Never contact
names, phone numbers, e-mails, authors or the storage address of a file.
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from danvan.core.paging import paginate, query_without_page

from ..appraisal.selectors import level_label
from ..models import Exemplar
from ..registry.selectors import locality_of, locality_units, place_names
from . import selectors
from .forms import ShowcaseFilterForm


@require_safe
def showcase_list(request):
    all_localities = locality_units()
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
    places = place_names({entry.unit for entry in page.object_list})
    for entry in page.object_list:
        entry.place = places.get(entry.unit_id, entry.unit.name)
    context = {
        "page": page,
        "query": query_without_page(request),
        "chosen": chosen,
        "fields": fields,
        "years": years,
        "localities": localities,
        "filtered": any(value not in (None, "") for value in chosen.values()),
    }
    return render(request, "recognition/showcase/showcase_list.html", context)


@require_safe
def showcase_detail(request, pk):
    entry = selectors.public_entry(pk)
    if entry is None:
        raise Http404
    locality = locality_of(entry.unit)
    context = {
        "entry": entry,
        "locality": locality if locality is not None and locality.pk != entry.unit_id else None,
        "place": place_names([entry.unit])[entry.unit_id],
        "level_label": level_label(entry.level) if entry.level else "",
        "photos": selectors.public_photos(entry),
        "updates": selectors.public_updates(entry),
        "is_individual": entry.kind == Exemplar.Kind.EXEMPLAR,
    }
    return render(request, "recognition/showcase/showcase_detail.html", context)


@require_safe
def showcase_photo(request, pk):
    """Streams a photo only when it is public and its entry is public; its storage address stays hidden."""
    from danvan.core.files.views import serve

    return serve(request, "exemplar-attachment", pk, public=True)

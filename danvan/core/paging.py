from typing import Any, cast

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet

PER_PAGE = 50


class IdsFirstPaginator(Paginator):
    """Pages over the ids only (an index-only scan), then loads the page's rows by id.

    With a join and an ORDER BY, a plain OFFSET reads and sorts every matching row with its relations;
    paging the ids first lets the database walk a covering index and fetch just the rows shown.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        queryset = cast("QuerySet[Any]", self.object_list)  # only `paginate(..., ids_first=True)` builds one
        ids = list(queryset.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        rows = queryset.model._default_manager.in_bulk(ids) if ids else {}
        related = queryset.query.select_related
        if ids and related:
            fields = [] if related is True else _select_related_paths(related)
            rows = queryset.model._default_manager.select_related(*fields).in_bulk(ids)
        return Page([rows[i] for i in ids if i in rows], number, self)


def _select_related_paths(tree: dict, prefix: str = "") -> list[str]:
    paths = []
    for name, children in tree.items():
        path = f"{prefix}{name}"
        paths.append(path)
        if children:
            paths.extend(_select_related_paths(children, f"{path}__"))
    return paths


def paginate(request, queryset, per_page: int = PER_PAGE, *, ids_first: bool = False):
    """The requested page; a page number out of range falls back to the last page, never an error."""
    paginator = (IdsFirstPaginator if ids_first else Paginator)(queryset, per_page)
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def query_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()

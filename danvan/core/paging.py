from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

PER_PAGE = 50


def paginate(request, queryset, per_page: int = PER_PAGE):
    """The requested page; a page number out of range falls back to the last page, never an error."""
    paginator = Paginator(queryset, per_page)
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

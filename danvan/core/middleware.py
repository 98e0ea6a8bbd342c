"""NFC at the boundary: every query-string and form value is normalised before a view sees it."""

import unicodedata


def _normalised(querydict):
    if all(
        unicodedata.is_normalized("NFC", v)
        for values in querydict.lists()
        for v in values[1]
        if isinstance(v, str)
    ):
        return querydict
    copy = querydict.copy()
    for key, values in querydict.lists():
        copy.setlist(
            unicodedata.normalize("NFC", key),
            [unicodedata.normalize("NFC", v) if isinstance(v, str) else v for v in values],
        )
    copy._mutable = False
    return copy


class NfcMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _normalised(request.GET)
        if request.method == "POST" and request.content_type in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            request.POST = _normalised(request.POST)
        return self.get_response(request)

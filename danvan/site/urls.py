"""The top app's pages. The namespace stays `core` (they lived in core before): every template and test
reverses `core:home`, `core:search`, ... and those names are part of the app's surface."""

from django.urls import include, path

app_name = "core"

urlpatterns = [
    path("", include("danvan.site.home.urls")),
    path("", include("danvan.site.search.urls")),
    path("", include("danvan.site.history.urls")),
    path("", include("danvan.site.audit.urls")),
    path("", include("danvan.site.about.urls")),
    path("", include("danvan.site.dashboard.urls")),
]

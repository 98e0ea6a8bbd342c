from django.contrib import admin
from django.urls import include, path

from danvan.events.views_public import rsvp

urlpatterns = [
    path("", include("danvan.core.urls")),
    path("accounts/", include("danvan.accounts.urls")),
    path("org/", include("danvan.org.urls")),
    path("plans/", include("danvan.plans.urls")),
    path("reporting/", include("danvan.reporting.urls")),
    path("notices/", include("danvan.notifications.urls")),
    path("events/", include("danvan.events.urls")),
    path("dan-van-kheo/", include("danvan.recognition.urls")),
    path("mo-hinh/", include("danvan.recognition.urls_public")),
    path("e/<str:token>/", rsvp, name="rsvp"),
    path("django-admin/", admin.site.urls),
    path("files/", include("danvan.core.files.urls")),
]

handler403 = "danvan.core.errorviews.forbidden"
handler404 = "danvan.core.errorviews.not_found"
handler500 = "danvan.core.errorviews.server_error"

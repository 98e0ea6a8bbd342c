from django.contrib import admin
from django.urls import include, path

from danvan.events.views.public import rsvp

urlpatterns = [
    path("", include("danvan.site.urls")),
    path("accounts/", include("danvan.accounts.urls")),
    path("jobs/", include("danvan.core.jobs.urls")),
    path("org/", include("danvan.org.urls")),
    path("plans/", include("danvan.plans.urls")),
    path("reporting/", include("danvan.reporting.urls")),
    path("notices/", include("danvan.notifications.urls")),
    path("events/", include("danvan.events.urls")),
    path("dan-nguyen/", include("danvan.citizens.urls")),
    path("tra-cuu/", include("danvan.citizens.public.urls")),
    path("dan-van-kheo/", include("danvan.recognition.urls")),
    path("mo-hinh/", include("danvan.recognition.showcase.urls")),
    path("e/<str:token>/", rsvp, name="rsvp"),
    path("django-admin/", admin.site.urls),
    path("files/", include("danvan.core.files.urls")),
]

handler400 = "danvan.site.errors.views.bad_request"
handler403 = "danvan.site.errors.views.forbidden"
handler404 = "danvan.site.errors.views.not_found"
handler500 = "danvan.site.errors.views.server_error"

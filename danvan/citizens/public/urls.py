from django.urls import path

from . import views

urlpatterns = [
    path("", views.lookup, name="petition_lookup"),
    path("<str:code>/", views.status, name="petition_status"),
]

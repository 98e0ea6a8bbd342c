"""Routes of the movement's statistics."""

from django.urls import path

from . import views

urlpatterns = [
    path("thong-ke/", views.stats_overview, name="stats_overview"),
    path("thong-ke.xlsx", views.stats_export, name="stats_export"),
]

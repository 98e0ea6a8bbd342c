"""Included by danvan/plans/urls.py under "programme/": the names live in the "plans" namespace."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.programme_list, name="programme_list"),
    path("<int:pk>/", views.programme_detail, name="programme_detail"),
]

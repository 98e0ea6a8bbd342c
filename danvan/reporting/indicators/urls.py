"""Indicator routes, in the "reporting" namespace (included by reporting/urls.py under indicators/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.indicator_home, name="indicator_home"),
    path("new/", views.indicator_create, name="indicator_create"),
    path("<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
    path("units/<int:unit_pk>/", views.indicator_list, name="indicator_list"),
    path("<int:pk>/units/<int:unit_pk>/", views.indicator_detail, name="indicator_detail"),
    path("<int:pk>/units/<int:unit_pk>/export.xlsx", views.indicator_export, name="indicator_export"),
    path("<int:pk>/units/<int:unit_pk>/period/", views.indicator_drilldown, name="indicator_drilldown"),
    path("<int:pk>/units/<int:unit_pk>/targets/", views.indicator_targets, name="indicator_targets"),
    path("prefill/<int:pk>/", views.prefill_again, name="indicator_prefill"),
]

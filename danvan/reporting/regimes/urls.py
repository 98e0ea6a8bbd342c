"""Regime routes, included into reporting's URLconf (namespace "reporting") under regimes/."""

from django.urls import path

from . import views

urlpatterns = [
    path("regimes/", views.regime_list, name="regime_list"),
    path("regimes/new/", views.regime_new, name="regime_new"),
    path("regimes/<int:pk>/", views.regime_detail, name="regime_detail"),
    path("regimes/<int:pk>/edit/", views.regime_edit, name="regime_edit"),
    path("regimes/<int:pk>/open/", views.regime_open, name="regime_open"),
    path("regimes/<int:pk>/active/", views.regime_set_active, name="regime_set_active"),
    path("regimes/<int:pk>/delete/", views.regime_delete, name="regime_delete"),
]

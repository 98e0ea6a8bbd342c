from django.urls import path

from . import views

urlpatterns = [
    path("tong-quan/", views.dashboard, name="dashboard"),
    path("tong-quan/xuat.xlsx", views.dashboard_export, name="dashboard_export"),
    path("tong-quan/don-vi/<int:pk>/", views.dashboard, name="dashboard_unit"),
    path("tong-quan/don-vi/<int:pk>/xuat.xlsx", views.dashboard_export, name="dashboard_unit_export"),
]

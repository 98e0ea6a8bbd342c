from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("history/<str:model_name>/<int:pk>/", views.history, name="history"),
    path("audit/", views.audit_log, name="audit_log"),
    path("about/", views.about, name="about"),
    path("healthz", views.healthz, name="healthz"),
]

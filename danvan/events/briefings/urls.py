from django.urls import path

from . import views

# Included by events/urls.py under the "events" namespace.
urlpatterns = [
    path("giao-ban/", views.briefing_list, name="briefing_list"),
    path("giao-ban/new/", views.briefing_new, name="briefing_new"),
    path("<int:pk>/giao-ban/", views.briefing_detail, name="briefing_detail"),
    path("<int:pk>/giao-ban/ky/", views.briefing_setup, name="briefing_setup"),
    path("<int:pk>/giao-ban/ket-luan/", views.conclusions_add, name="conclusions_add"),
]

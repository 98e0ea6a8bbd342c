from django.urls import path

from . import views

urlpatterns = [
    path("doi-thoai/", views.dialogue_list, name="dialogue_list"),
    path("doi-thoai/moi/", views.dialogue_new, name="dialogue_new"),
    path("doi-thoai/<int:pk>/", views.dialogue_detail, name="dialogue_detail"),
    path("doi-thoai/<int:pk>/sua/", views.dialogue_edit, name="dialogue_edit"),
    path("doi-thoai/<int:pk>/kien-nghi/", views.dialogue_petition_add, name="dialogue_petition_add"),
]

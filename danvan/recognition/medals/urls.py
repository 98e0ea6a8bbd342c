"""Routes of the medal nominations and their rule set."""

from django.urls import path

from . import views

urlpatterns = [
    path("ky-niem-chuong/", views.medal_list, name="medal_list"),
    path("ky-niem-chuong/danh-sach.xlsx", views.medal_export, name="medal_export"),
    path("ky-niem-chuong/de-nghi/", views.medal_new, name="medal_new"),
    path("ky-niem-chuong/tieu-chi/", views.medal_rule_list, name="medal_rule_list"),
    path("ky-niem-chuong/tieu-chi/moi/", views.medal_rule_new, name="medal_rule_new"),
    path("ky-niem-chuong/tieu-chi/<int:pk>/sua/", views.medal_rule_edit, name="medal_rule_edit"),
    path("ky-niem-chuong/<int:pk>/", views.medal_detail, name="medal_detail"),
    path("ky-niem-chuong/<int:pk>/sua/", views.medal_edit, name="medal_edit"),
    path("ky-niem-chuong/<int:pk>/ho-so/", views.medal_file_upload, name="medal_file_upload"),
    path(
        "ky-niem-chuong/<int:pk>/ho-so/<int:file_pk>/", views.medal_file_download, name="medal_file_download"
    ),
    path(
        "ky-niem-chuong/<int:pk>/ho-so/<int:file_pk>/xoa/", views.medal_file_remove, name="medal_file_remove"
    ),
    path("ky-niem-chuong/<int:pk>/<slug:action>/", views.medal_action, name="medal_action"),
]

"""Routes of the appraisal rounds."""

from django.urls import path

from . import views

urlpatterns = [
    path("tham-dinh/", views.round_list, name="round_list"),
    path("tham-dinh/tao-moi/", views.round_new, name="round_new"),
    path("tham-dinh/cua-toi/", views.round_my, name="round_my"),
    path("tham-dinh/<int:pk>/", views.round_detail, name="round_detail"),
    path("tham-dinh/<int:pk>/sua/", views.round_edit, name="round_edit"),
    path("tham-dinh/<int:pk>/hoi-dong/", views.round_members, name="round_members"),
    path("tham-dinh/<int:pk>/ho-so/", views.round_admit, name="round_admit"),
    path("tham-dinh/<int:pk>/ket-thuc/", views.round_close, name="round_close"),
    path("tham-dinh/<int:pk>/ket-qua.docx", views.round_result, name="round_result"),
    path("tham-dinh/<int:pk>/cham/<int:entry_pk>/", views.round_score, name="round_score"),
]

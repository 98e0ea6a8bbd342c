from django.urls import path

from . import views

urlpatterns = [
    path("kien-nghi/", views.petition_list, name="petition_list"),
    path("kien-nghi/qua-han/", views.petition_overdue, name="petition_overdue"),
    path("kien-nghi/moi/", views.petition_new, name="petition_new"),
    path("kien-nghi/trung/", views.petition_similar, name="petition_similar"),
    path("kien-nghi/<int:pk>/", views.petition_detail, name="petition_detail"),
    path("kien-nghi/<int:pk>/sua/", views.petition_edit, name="petition_edit"),
    path("kien-nghi/<int:pk>/gop/", views.petition_merge, name="petition_merge"),
    path("kien-nghi/<int:pk>/tep/", views.petition_attach, name="petition_attach"),
    path(
        "kien-nghi/<int:pk>/tep/<int:attachment_pk>/", views.petition_attachment, name="petition_attachment"
    ),
    path("kien-nghi/<int:pk>/<str:action>/", views.petition_action, name="petition_action"),
]

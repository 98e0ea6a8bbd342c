from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notice_list, name="notice_list"),
    path("<int:pk>/open/", views.notice_open, name="notice_open"),
    path("read-all/", views.notice_read_all, name="notice_read_all"),
]

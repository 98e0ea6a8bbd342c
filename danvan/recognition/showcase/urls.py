"""Routes of the public showcase (namespace "showcase", mounted at /mo-hinh/)."""

from django.urls import path

from . import views

app_name = "showcase"

urlpatterns = [
    path("", views.showcase_list, name="list"),
    path("<int:pk>/", views.showcase_detail, name="detail"),
    path("anh/<int:pk>/", views.showcase_photo, name="photo"),
]

from django.urls import path

from danvan.core.files import views

app_name = "files"

urlpatterns = [
    path("<slug:kind>/<int:pk>/", views.download, name="download"),
    path("<slug:kind>/<int:pk>/thumb/", views.thumbnail, name="thumbnail"),
    path("public/<slug:kind>/<int:pk>/", views.public, name="public"),
    path("public/<slug:kind>/<int:pk>/thumb/", views.public_thumbnail, name="public_thumbnail"),
]

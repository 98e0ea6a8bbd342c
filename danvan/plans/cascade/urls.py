from django.urls import path

from . import views

# Included by plans/urls.py under the "plans" namespace.
urlpatterns = [
    path("<int:pk>/trien-khai/", views.cascade_units, name="cascade_units"),
    path("<int:pk>/trien-khai/tao/", views.cascade_new, name="cascade_new"),
]

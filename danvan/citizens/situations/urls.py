from django.urls import path

from . import views

urlpatterns = [
    path("tinh-hinh/", views.situation_list, name="situation_list"),
    path("tinh-hinh/moi/", views.situation_new, name="situation_new"),
    path("tinh-hinh/<int:pk>/", views.situation_detail, name="situation_detail"),
    path("tinh-hinh/<int:pk>/<str:action>/", views.situation_action, name="situation_action"),
]

from django.urls import path

from . import views

urlpatterns = [path("history/<str:model_name>/<int:pk>/", views.history, name="history")]

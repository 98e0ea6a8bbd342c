from django.urls import path

from . import views

urlpatterns = [
    path("giam-sat/", views.activity_list, name="activity_list"),
    path("giam-sat/moi/", views.activity_new, name="activity_new"),
    path("giam-sat/<int:pk>/", views.activity_detail, name="activity_detail"),
    path("giam-sat/<int:pk>/kien-nghi/", views.recommendation_add, name="recommendation_add"),
    path(
        "giam-sat/<int:pk>/kien-nghi/<int:rec_pk>/<str:action>/",
        views.recommendation_action,
        name="recommendation_action",
    ),
]

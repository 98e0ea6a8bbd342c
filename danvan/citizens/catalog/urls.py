from django.urls import path

from . import views

urlpatterns = [
    path("cai-dat/", views.settings_page, name="settings"),
    path("cai-dat/linh-vuc/", views.field_add, name="field_add"),
    path("cai-dat/linh-vuc/<int:pk>/", views.field_toggle, name="field_toggle"),
    path("cai-dat/thoi-han/<int:pk>/", views.rule_edit, name="rule_edit"),
]

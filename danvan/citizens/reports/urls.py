from django.urls import path

from . import views

urlpatterns = [path("bao-cao/", views.report_page, name="report")]

from django.urls import path

from . import views, views_templates

app_name = "reporting"

urlpatterns = [
    path("calls/", views.call_list, name="call_list"),
    path("calls/new/", views.call_new, name="call_new"),
    path("calls/<int:pk>/", views.call_detail, name="call_detail"),
    path("calls/<int:pk>/do/<str:action>/", views.call_action, name="call_action"),
    path("calls/<int:pk>/form.<str:fmt>", views.blank_form, name="blank_form"),
    path("calls/<int:call_pk>/units/<int:unit_pk>/", views.submission_open, name="submission_open"),
    path("plans/<int:plan_pk>/calls/", views.calls_from_plan, name="calls_from_plan"),
    path("board/", views.board, name="board"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission_detail"),
    path("submissions/<int:pk>/review/<str:action>/", views.submission_review, name="submission_review"),
    path("submissions/<int:pk>/upload/", views.submission_upload, name="submission_upload"),
    path("uploads/<int:pk>/", views.upload_preview, name="upload_preview"),
    path("jobs/<int:pk>/download/", views.job_download, name="job_download"),
    path("templates/", views_templates.template_list, name="template_list"),
    path("templates/new/", views_templates.template_edit, name="template_new"),
    path("templates/<int:pk>/", views_templates.template_edit, name="template_edit"),
]

from django.urls import include, path

from .regimes.urls import urlpatterns as regime_urls
from .views import board, calls, submissions, templates

app_name = "reporting"

urlpatterns = [
    path("calls/", calls.call_list, name="call_list"),
    path("calls/new/", calls.call_new, name="call_new"),
    path("calls/<int:pk>/", calls.call_detail, name="call_detail"),
    path("calls/<int:pk>/do/<str:action>/", calls.call_action, name="call_action"),
    path("calls/<int:pk>/form.<str:fmt>", calls.blank_form, name="blank_form"),
    path("calls/<int:call_pk>/units/<int:unit_pk>/", submissions.submission_open, name="submission_open"),
    path("plans/<int:plan_pk>/calls/", calls.calls_from_plan, name="calls_from_plan"),
    path("board/", board.board, name="board"),
    path("submissions/<int:pk>/", submissions.submission_detail, name="submission_detail"),
    path(
        "submissions/<int:pk>/review/<str:action>/", submissions.submission_review, name="submission_review"
    ),
    path("submissions/<int:pk>/upload/", submissions.submission_upload, name="submission_upload"),
    path("uploads/<int:pk>/", submissions.upload_preview, name="upload_preview"),
    path("jobs/<int:pk>/download/", calls.job_download, name="job_download"),
    path("templates/", templates.template_list, name="template_list"),
    path("templates/new/", templates.template_edit, name="template_new"),
    path("templates/<int:pk>/", templates.template_edit, name="template_edit"),
    *regime_urls,
    path("indicators/", include("danvan.reporting.indicators.urls")),  # issue 14
]

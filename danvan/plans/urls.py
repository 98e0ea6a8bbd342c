from django.urls import path

from . import views, views_documents

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("new/", views.plan_new, name="plan_new"),
    path("import/", views_documents.plan_import, name="plan_import"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("<int:pk>/edit/", views_documents.plan_edit, name="plan_edit"),
    path("<int:pk>/review/", views_documents.plan_review, name="plan_review"),
    path("<int:pk>/issue/", views.plan_issue, name="plan_issue"),
    path("<int:pk>/amend/", views.plan_amend, name="plan_amend"),
    path("<int:pk>/document.docx", views_documents.plan_docx, name="plan_docx"),
    path("<int:pk>/document.pdf", views_documents.plan_pdf, name="plan_pdf"),
    path("<int:pk>/versions/", views_documents.plan_versions, name="plan_versions"),
    path("tasks/", views.task_board, name="task_board"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task_edit"),
    path("units/<int:unit_pk>/calendar/", views.unit_calendar_link, name="unit_calendar_link"),
    path("ical/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]

from django.urls import include, path

from .views import documents, plans, tasks

app_name = "plans"

urlpatterns = [
    path("", plans.plan_list, name="plan_list"),
    path("new/", plans.plan_new, name="plan_new"),
    path("import/", documents.plan_import, name="plan_import"),
    path("<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("<int:pk>/edit/", documents.plan_edit, name="plan_edit"),
    path("<int:pk>/review/", documents.plan_review, name="plan_review"),
    path("<int:pk>/issue/", plans.plan_issue, name="plan_issue"),
    path("<int:pk>/amend/", plans.plan_amend, name="plan_amend"),
    path("<int:pk>/document.docx", documents.plan_docx, name="plan_docx"),
    path("<int:pk>/document.pdf", documents.plan_pdf, name="plan_pdf"),
    path("<int:pk>/versions/", documents.plan_versions, name="plan_versions"),
    path("programme/", include("danvan.plans.programme.urls")),
    path("tasks/", tasks.task_board, name="task_board"),
    path("tasks/<int:pk>/", tasks.task_detail, name="task_detail"),
    path("tasks/<int:pk>/edit/", tasks.task_edit, name="task_edit"),
    path("units/<int:unit_pk>/calendar/", tasks.unit_calendar_link, name="unit_calendar_link"),
    path("ical/<str:token>.ics", tasks.calendar_feed, name="calendar_feed"),
]

from django.urls import path

from . import views, views_calendar, views_desk, views_documents

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("new/", views.event_new, name="event_new"),
    path("calendar/", views_calendar.month, name="calendar"),
    path("calendar.ics", views_calendar.ical, name="ical"),
    path("from-plan/<int:plan_pk>/", views.event_from_plan, name="event_from_plan"),
    path("<int:pk>/", views.event_detail, name="event_detail"),
    path("<int:pk>/edit/", views.event_edit, name="event_edit"),
    path("<int:pk>/groups/add/", views.group_add, name="group_add"),
    path("<int:pk>/groups/<int:group_pk>/invite/", views.group_invite, name="group_invite"),
    path("<int:pk>/groups/<int:group_pk>/nominate/", views.group_nominate, name="group_nominate"),
    path("<int:pk>/invitations/", views.invitation_list, name="invitation_list"),
    path("<int:pk>/invitations/send/", views.invitations_send, name="invitations_send"),
    path("<int:pk>/invitations/remind/", views.invitations_remind, name="invitations_remind"),
    path("<int:pk>/presentations/request/", views.presentation_request, name="presentation_request"),
    path(
        "<int:pk>/presentations/<int:presentation_pk>/upload/",
        views.presentation_upload,
        name="presentation_upload",
    ),
    path(
        "<int:pk>/presentations/<int:presentation_pk>/<str:action>/",
        views.presentation_review,
        name="presentation_review",
    ),
    path("<int:pk>/close/", views.event_close, name="event_close"),
    path("<int:pk>/desk/", views_desk.desk, name="desk"),
    path("<int:pk>/desk/check-in/", views_desk.desk_check_in, name="desk_check_in"),
    path("<int:pk>/desk/walk-in/", views_desk.desk_walk_in, name="desk_walk_in"),
    path("<int:pk>/documents/<str:name>", views_documents.document, name="document"),
]

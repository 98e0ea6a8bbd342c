from django.urls import path

from .briefings.urls import urlpatterns as briefings
from .views import calendar, desk, documents, events

app_name = "events"

urlpatterns = [
    path("", events.event_list, name="event_list"),
    path("new/", events.event_new, name="event_new"),
    path("calendar/", calendar.month, name="calendar"),
    path("calendar.ics", calendar.ical, name="ical"),
    path("from-plan/<int:plan_pk>/", events.event_from_plan, name="event_from_plan"),
    path("<int:pk>/", events.event_detail, name="event_detail"),
    path("<int:pk>/edit/", events.event_edit, name="event_edit"),
    path("<int:pk>/groups/add/", events.group_add, name="group_add"),
    path("<int:pk>/groups/<int:group_pk>/edit/", events.group_edit, name="group_edit"),
    path("<int:pk>/groups/<int:group_pk>/invite/", events.group_invite, name="group_invite"),
    path("<int:pk>/groups/<int:group_pk>/nominate/", events.group_nominate, name="group_nominate"),
    path("<int:pk>/invitations/", events.invitation_list, name="invitation_list"),
    path("<int:pk>/invitations/send/", events.invitations_send, name="invitations_send"),
    path("<int:pk>/invitations/remind/", events.invitations_remind, name="invitations_remind"),
    path("<int:pk>/presentations/request/", events.presentation_request, name="presentation_request"),
    path(
        "<int:pk>/presentations/<int:presentation_pk>/upload/",
        events.presentation_upload,
        name="presentation_upload",
    ),
    path(
        "<int:pk>/presentations/<int:presentation_pk>/<str:action>/",
        events.presentation_review,
        name="presentation_review",
    ),
    path("<int:pk>/close/", events.event_close, name="event_close"),
    path("<int:pk>/desk/", desk.desk, name="desk"),
    path("<int:pk>/desk/check-in/", desk.desk_check_in, name="desk_check_in"),
    path("<int:pk>/desk/walk-in/", desk.desk_walk_in, name="desk_walk_in"),
    path("<int:pk>/documents/<str:name>", documents.document, name="document"),
    *briefings,
]

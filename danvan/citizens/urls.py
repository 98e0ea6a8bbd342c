"""/dan-nguyen/…: one namespace, each subdomain's routes from its own urls module."""

from django.urls import path

from .catalog.urls import urlpatterns as catalog
from .dialogues import views as dialogue_views
from .dialogues.urls import urlpatterns as dialogues
from .petitions.urls import urlpatterns as petitions
from .propaganda.urls import urlpatterns as propaganda
from .reports.urls import urlpatterns as reports
from .situations.urls import urlpatterns as situations
from .supervision.urls import urlpatterns as supervision

app_name = "citizens"

urlpatterns = [
    path("", dialogue_views.dialogue_list, name="home"),
    *dialogues,
    *petitions,
    *situations,
    *supervision,
    *propaganda,
    *reports,
    *catalog,
]

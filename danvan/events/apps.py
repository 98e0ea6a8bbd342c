from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "danvan.events"
    label = "events"
    verbose_name = _("Sự kiện")

    def ready(self):
        # The writer of this app's programme-item link, for plans.programme.services.link_item (plans may not
        # import this app: it is of the same layer and already imported by it).
        from danvan.plans.programme.services import register_linker

        from .models import Event
        from .services.events import event_link_programme_item

        register_linker(Event, event_link_programme_item)

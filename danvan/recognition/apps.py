from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "danvan.recognition"
    label = "recognition"
    verbose_name = _("Phong trào “Dân vận khéo”")

    def ready(self):
        # The writer of this app's programme-item link, for plans.programme.services.link_item (plans may not
        # import this app: it is of the same layer and already imported by it).
        from danvan.plans.programme.services import register_linker

        from .appraisal.services.rounds import round_link_programme_item
        from .models import AppraisalRound

        register_linker(AppraisalRound, round_link_programme_item)

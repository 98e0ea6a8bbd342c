from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "danvan.recognition"
    label = "recognition"
    verbose_name = _("Phong trào “Dân vận khéo”")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "danvan.reporting"
    label = "reporting"
    verbose_name = _("Báo cáo, đăng ký")

    def ready(self):
        # The writer of this app's programme-item link, for plans.programme.services.link_item (plans may not
        # import this app: it is of the same layer and already imported by it).
        from danvan.plans.programme.services import register_linker

        from .models import Call
        from .services.calls import call_link_programme_item

        register_linker(Call, call_link_programme_item)

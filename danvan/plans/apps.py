from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "danvan.plans"
    label = "plans"
    verbose_name = _("Kế hoạch")

    def ready(self):
        # The writers of the programme-item link of this app's rows (see plans.programme.services).
        from .models import Plan, Task
        from .programme.services import register_linker
        from .services import plan_link_programme_item, task_link_programme_item

        register_linker(Plan, plan_link_programme_item)
        register_linker(Task, task_link_programme_item)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top floor: pages that read across apps (home, search, history, audit log) and load_demo.

    Label `site` clashes with nothing installed (django.contrib.sites is `sites`, and it is not installed).
    """

    name = "danvan.site"
    label = "site"
    verbose_name = _("Trang chung")

    def ready(self):
        from danvan.site.dashboard import kept

        kept.track()

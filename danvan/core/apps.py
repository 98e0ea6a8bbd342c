from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "danvan.core"
    label = "core"
    verbose_name = _("Hệ thống")

    def ready(self):
        # Django reads the headers of one part of a multipart upload in at most 1,024 bytes and answers a
        # bare 400 past that: a file named with 300 Vietnamese characters (3 bytes each in UTF-8) never
        # reached the form. Allow 16 KB of part headers; the name is then cut to 255 characters by
        # Django's UploadedFile and shown cleaned and shortened by danvan.lib.uploads.clean_filename.
        from django.http import multipartparser

        current = getattr(multipartparser, "MAX_TOTAL_HEADER_SIZE", 1024)
        setattr(multipartparser, "MAX_TOTAL_HEADER_SIZE", max(current, 16 * 1024))  # noqa: B010 (not in stubs)

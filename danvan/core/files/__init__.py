"""Stored files behind access checks: every file a user uploaded or the product generated is reached only
through the download view of this package, after the same checks as the page that shows it.

- Each app declares its kinds of files in ``danvan/<app>/files.py`` (:class:`FileKind`: model, file field,
  the rows a user may see, the capability, the field with the user's file name, whether it is a picture);
  the modules are found by ``autodiscover_modules("files")`` the first time a kind is looked up.
- Out of scope (not in the kind's rows) is 404, no capability 403, anonymous a login redirect. Public
  pictures (the showcase) have their own rows and route and are served only when they are pictures.
- Stored names are random (:class:`RandomName` as ``upload_to``; :func:`store` names a vetted upload by its
  vetted kind); the user's file name is kept in the row and used only for Content-Disposition.
- The bytes go out by FileResponse, or by the proxy after the check (``PROTECTED_MEDIA_SERVER`` =
  ``"nginx"``: X-Accel-Redirect, ``"sendfile"``: X-Sendfile), always with a content type the product
  decides and ``X-Content-Type-Options: nosniff``; pictures inline, everything else as attachments.
"""

from danvan.core.files.naming import RandomName, thumbnail_name
from danvan.core.files.registry import FileKind, get_kind, register
from danvan.core.files.storing import store

__all__ = ["FileKind", "RandomName", "get_kind", "register", "store", "thumbnail_name"]

"""The one vetting path for uploads that are stored: limits per kind, refusals as ServiceError."""

from __future__ import annotations

from django.conf import settings

from danvan.core.errors import ServiceError
from danvan.lib.uploads import InspectedFile, UploadRejected, inspect_upload

# Photos are pictures people look at in a page: 10 MB is a full-resolution phone photo.
MAX_IMAGE_BYTES = 10 * 1024 * 1024


def vet(
    upload,
    *,
    allowed: tuple[str, ...],
    field: str | None = None,
    max_bytes: int | None = None,
    max_image_bytes: int | None = MAX_IMAGE_BYTES,
) -> InspectedFile:
    """The upload checked by its content (``danvan.lib.uploads.inspect_upload``); a refusal becomes a
    ServiceError carrying the Vietnamese message, on ``field`` of the form."""
    limit = max_bytes or settings.DANVAN_MAX_UPLOAD_BYTES
    try:
        return inspect_upload(
            upload,
            name=getattr(upload, "name", "") or "tep",
            allowed=allowed,
            max_bytes=limit,
            max_image_bytes=min(max_image_bytes or limit, limit),
        )
    except UploadRejected as error:
        raise ServiceError(error.message, field=field) from error

"""Reporting pages: calls, the board, submissions, form templates."""

from django.contrib import messages

from danvan.core.errors import ServiceError
from danvan.lib.uploads import UploadRejected


def act(request, call, *, done: str = "") -> object | None:
    """A POST-and-redirect action: run the service call; a refusal becomes the page's error message (and
    None), success its `done` message (and the call's result)."""
    try:
        result = call()
    except (ServiceError, UploadRejected) as error:
        messages.error(request, error.message)
        return None
    if done:
        messages.success(request, done)
    return result

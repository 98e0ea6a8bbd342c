"""Reporting pages: calls, the board, submissions, form templates."""

from django.contrib import messages

from danvan.core.errors import ServiceError
from danvan.core.once import AlreadyDone
from danvan.lib.uploads import UploadRejected


def act(request, call, *, done: str = "") -> object | None:
    """A POST-and-redirect action: run the service call; a refusal becomes the page's error message (and
    None), success its `done` message (and the call's result); a create already made from the same form
    (danvan.core.once) is said so, and the object it made is the result."""
    try:
        result = call()
    except AlreadyDone as repeat:  # a create sent twice (one-time token): what the first one made
        messages.info(request, repeat.message)
        return repeat.obj
    except (ServiceError, UploadRejected) as error:
        messages.error(request, error.message)
        return None
    if done:
        messages.success(request, done)
    return result

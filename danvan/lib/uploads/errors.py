"""The one error of ``danvan.lib.uploads``: an upload refused, with a Vietnamese message and a code."""

from __future__ import annotations


class UploadRejected(ValueError):
    """An upload that must not reach a parser.

    ``message`` is Vietnamese text for the user (it names the file), ``code`` a short machine code
    (see the package docstring).
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code

    def __str__(self) -> str:
        return self.message

    def __reduce__(self):
        return (type(self), (self.message, self.code))

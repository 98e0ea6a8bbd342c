"""Reading an upload's bytes from a file object, bytes or a Django UploadedFile, never past a limit."""

from __future__ import annotations

import io


def _rewind(fileobj) -> None:
    try:
        if fileobj.seekable():
            fileobj.seek(0)
    except (AttributeError, OSError, ValueError):
        pass


def _read_at_most(fileobj, limit: int) -> bytes:
    buffer = bytearray()
    while len(buffer) < limit:
        chunk = fileobj.read(min(1024 * 1024, limit - len(buffer)))
        if not chunk:
            break
        if isinstance(chunk, str):
            raise TypeError("inspect_upload needs a file opened in binary mode")
        buffer += chunk
    return bytes(buffer)


def _full_size(fileobj, declared: object) -> int | None:
    if isinstance(declared, int):
        return declared
    try:
        if fileobj.seekable():
            return fileobj.seek(0, io.SEEK_END)
    except (AttributeError, OSError, ValueError):
        pass
    return None

"""DOCX -> PDF through LibreOffice (``soffice --headless --convert-to pdf``).

Each call runs its own LibreOffice with a private user profile and temporary folder inside a fresh work
directory, so parallel conversions (several workers, several requests) do not share or lock a profile.
LibreOffice runs under soffice_guard.py, which kills it and removes the work directory when the conversion
takes longer than ``timeout`` seconds, when the caller raises (also SystemExit from a worker's timeout) and
when the caller dies, even by SIGKILL: no LibreOffice process or folder outlives a killed worker.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["PdfUnavailable", "convert_to_pdf", "libreoffice_available"]

MSG_UNAVAILABLE = "Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải bản Word (.docx)."
MSG_FAILED = "Không chuyển được văn bản sang PDF: {detail} Hãy thử lại hoặc tải bản Word (.docx)."
MSG_TIMEOUT = (
    "Chuyển văn bản sang PDF quá {seconds:g} giây nên đã dừng. Hãy thử lại hoặc tải bản Word (.docx)."
)
MSG_EXIT = "LibreOffice dừng với mã lỗi {code}."
MSG_NO_OUTPUT = "LibreOffice không tạo ra tệp PDF."
_DETAIL_LIMIT = 300

EXECUTABLES = ("soffice", "libreoffice")
GUARD = Path(__file__).with_name("soffice_guard.py")
STOP_GRACE_SECONDS = 5
GUARD_NOT_FOUND = 127  # the guard's exit code when the LibreOffice executable cannot be started


class PdfUnavailable(RuntimeError):
    """LibreOffice is not installed: offer the DOCX instead. ``message`` is Vietnamese."""

    def __init__(self, message: str = MSG_UNAVAILABLE) -> None:
        super().__init__(message)
        self.message = message


def _executable() -> str | None:
    for name in EXECUTABLES:
        path = shutil.which(name)
        if path:
            return path
    return None


def libreoffice_available() -> bool:
    """Whether a LibreOffice executable is on the PATH."""
    return _executable() is not None


def _stop(guard: subprocess.Popen) -> None:
    """Ask the guard to kill LibreOffice and remove the work directory; kill the guard if it does not."""
    if guard.poll() is not None:
        return
    guard.terminate()
    try:
        guard.communicate(timeout=STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        guard.kill()
        guard.communicate()


def _detail(returncode: int, output: bytes) -> str:
    lines = [line.strip() for line in output.decode("utf-8", "replace").splitlines() if line.strip()]
    detail = MSG_EXIT.format(code=returncode) if returncode else MSG_NO_OUTPUT
    if lines:
        detail += " " + lines[-1][:_DETAIL_LIMIT]
    return detail


WORK_PREFIX = "danvan-pdf-"
OWNER_FILE = "owner.pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def sweep_abandoned_work_dirs(root: str | None = None) -> int:
    """Remove the work directories of conversions whose process is gone (a worker killed with SIGKILL while
    its guard was also killed, a machine that lost power): each names its owner in owner.pid. Returns how
    many were removed. Directories of live processes, and those without an owner file yet, are kept."""
    removed = 0
    for work in Path(root or tempfile.gettempdir()).glob(f"{WORK_PREFIX}*"):
        try:
            owner = int((work / OWNER_FILE).read_text().strip())
        except (OSError, ValueError):
            continue
        if not _alive(owner):
            shutil.rmtree(work, ignore_errors=True)
            removed += 1
    return removed


def convert_to_pdf(docx: bytes, *, timeout: float = 120) -> bytes:
    """The PDF of a DOCX document.

    Raises PdfUnavailable when LibreOffice is missing and RuntimeError (Vietnamese message) when
    the conversion fails or times out.
    """
    executable = _executable()
    if executable is None:
        raise PdfUnavailable()
    sweep_abandoned_work_dirs()
    # The guard may already have removed the directory when it stopped LibreOffice.
    with tempfile.TemporaryDirectory(prefix=WORK_PREFIX, ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        (work / OWNER_FILE).write_text(str(os.getpid()))
        source = work / "document.docx"
        source.write_bytes(docx)
        outdir = work / "out"
        command = [
            executable,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(source),
        ]
        guard = subprocess.Popen(
            [sys.executable, "-I", str(GUARD), str(os.getpid()), str(work), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            cwd=work,
        )
        try:
            output, _ = guard.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(guard)
            raise RuntimeError(MSG_TIMEOUT.format(seconds=timeout)) from None
        except BaseException:  # SystemExit from gunicorn's timeout, KeyboardInterrupt, ...
            _stop(guard)
            raise
        if guard.returncode == GUARD_NOT_FOUND:
            raise PdfUnavailable()
        result = outdir / "document.pdf"
        if guard.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            raise RuntimeError(MSG_FAILED.format(detail=_detail(guard.returncode, output)))
        return result.read_bytes()

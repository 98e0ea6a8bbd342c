"""DOCX -> PDF through LibreOffice (``soffice --headless --convert-to pdf``).

Each call runs its own LibreOffice with a private user profile in a fresh temporary directory, so
parallel conversions (several workers, several requests) do not share or lock a profile. The whole
process group is killed when the conversion takes longer than ``timeout`` seconds.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
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


def _kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()


def _detail(returncode: int, output: bytes) -> str:
    lines = [line.strip() for line in output.decode("utf-8", "replace").splitlines() if line.strip()]
    detail = MSG_EXIT.format(code=returncode) if returncode else MSG_NO_OUTPUT
    if lines:
        detail += " " + lines[-1][:_DETAIL_LIMIT]
    return detail


def convert_to_pdf(docx: bytes, *, timeout: float = 120) -> bytes:
    """The PDF of a DOCX document.

    Raises PdfUnavailable when LibreOffice is missing and RuntimeError (Vietnamese message) when
    the conversion fails or times out.
    """
    executable = _executable()
    if executable is None:
        raise PdfUnavailable()
    with tempfile.TemporaryDirectory(prefix="danvan-pdf-") as tmp:
        work = Path(tmp)
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
        env = {**os.environ, "HOME": str(work)}
        try:
            process = subprocess.Popen(
                command,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=work,
                start_new_session=True,
            )
        except FileNotFoundError:
            raise PdfUnavailable() from None
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            process.communicate()
            raise RuntimeError(MSG_TIMEOUT.format(seconds=timeout)) from None
        result = outdir / "document.pdf"
        if process.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            raise RuntimeError(MSG_FAILED.format(detail=_detail(process.returncode, output)))
        return result.read_bytes()

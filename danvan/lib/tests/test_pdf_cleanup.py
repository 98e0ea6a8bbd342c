"""A LibreOffice conversion leaves nothing behind: not when it finishes, not when it times out, not when the
process that asked for it is killed with SIGKILL (a web worker killed at its timeout)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from danvan.lib.officialdoc import pdf as pdf_module
from danvan.lib.officialdoc.pdf import convert_to_pdf, libreoffice_available

needs_libreoffice = pytest.mark.skipif(not libreoffice_available(), reason="LibreOffice is not installed")

CHILD = """
import io, sys
from docx import Document
from danvan.lib.officialdoc.pdf import convert_to_pdf
document = Document()
for n in range(400):
    document.add_paragraph(f"Đoạn văn thứ {n}. " * 20)
data = io.BytesIO()
document.save(data)
print("converting", flush=True)
convert_to_pdf(data.getvalue(), timeout=120)
print("finished", flush=True)
"""


def processes_mentioning(text: str) -> list[tuple[int, str]]:
    """(pid, command line) of every process whose command line contains ``text`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue
        if text in command:
            found.append((int(entry.name), command))
    return found


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@needs_libreoffice
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to find LibreOffice processes")
def test_killing_the_caller_with_sigkill_takes_libreoffice_and_its_folder_with_it(tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        cwd=settings.BASE_DIR,
        env={**os.environ, "TMPDIR": str(temp)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert child.stdout is not None  # stdout=PIPE
    try:
        # LibreOffice's main process runs with our private profile (inside TMPDIR) on its command line.
        running = wait_for(lambda: any("soffice.bin" in c for _, c in processes_mentioning(str(temp))), 60)
        assert running, child.stdout.read().decode() if child.poll() is not None else "soffice.bin never ran"
        started = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait()
        gone = wait_for(lambda: not processes_mentioning(str(temp)) and not any(temp.iterdir()), 10)
        left = processes_mentioning(str(temp))
        assert gone, f"left after SIGKILL: {left} {sorted(p.name for p in temp.iterdir())}"
        # Linux tells the guard at once (PR_SET_PDEATHSIG); elsewhere it polls twice a second.
        assert time.monotonic() - started < 5
    finally:
        for pid, _ in processes_mentioning(str(temp)):
            os.kill(pid, signal.SIGKILL)
        if child.poll() is None:
            child.kill()
        child.stdout.close()


def _fake_soffice(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n")
    script.chmod(0o755)
    return str(script)


def test_a_timeout_kills_every_process_libreoffice_started_and_removes_its_folder(monkeypatch, tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(pdf_module.tempfile, "tempdir", str(temp))
    # Like soffice: a launcher whose child does the work (and would survive a kill of the launcher alone).
    marker = f"danvan-test-{os.getpid()}-sleeper"
    fake = _fake_soffice(tmp_path, f'"{sys.executable}" -c "import time; time.sleep(60)" {marker} & wait')
    monkeypatch.setattr(pdf_module, "_executable", lambda: fake)
    with pytest.raises(RuntimeError, match=r"quá 1 giây"):
        convert_to_pdf(b"PK", timeout=1)
    assert wait_for(lambda: not processes_mentioning(marker), 5), processes_mentioning(marker)
    assert list(temp.iterdir()) == []


def test_libreoffice_temporary_files_go_to_the_private_folder(monkeypatch, tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(pdf_module.tempfile, "tempdir", str(temp))
    record = tmp_path / "env.txt"
    fake = _fake_soffice(tmp_path, f'echo "$TMPDIR $HOME" > {record}; exit 1')
    monkeypatch.setattr(pdf_module, "_executable", lambda: fake)
    with pytest.raises(RuntimeError, match="Không chuyển được"):
        convert_to_pdf(b"PK")
    tmpdir, home = record.read_text().split()
    assert tmpdir == home and Path(tmpdir).parent == temp and Path(tmpdir).name.startswith("danvan-pdf-")
    assert list(temp.iterdir()) == []  # removed after the failure as well


def test_a_missing_executable_at_start_time_is_reported_as_unavailable(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_module, "_executable", lambda: str(tmp_path / "no-such-soffice"))
    with pytest.raises(pdf_module.PdfUnavailable):
        convert_to_pdf(b"PK")


def test_work_directories_of_dead_conversions_are_swept_and_live_ones_kept(tmp_path):
    """A worker and its guard both killed at once (SIGKILL to the process group, power loss) leave a work
    directory nobody removes: the next conversion sweeps those whose owner process is gone."""
    from danvan.lib.officialdoc.pdf import OWNER_FILE, WORK_PREFIX, sweep_abandoned_work_dirs

    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    dead_pid = int(finished.stdout)
    abandoned = tmp_path / f"{WORK_PREFIX}abandoned"
    (abandoned / "profile").mkdir(parents=True)
    (abandoned / OWNER_FILE).write_text(str(dead_pid))
    running = tmp_path / f"{WORK_PREFIX}running"
    running.mkdir()
    (running / OWNER_FILE).write_text(str(os.getpid()))
    starting = tmp_path / f"{WORK_PREFIX}starting"  # created, owner not yet written
    starting.mkdir()

    assert sweep_abandoned_work_dirs(str(tmp_path)) == 1

    assert not abandoned.exists()
    assert running.exists() and starting.exists()

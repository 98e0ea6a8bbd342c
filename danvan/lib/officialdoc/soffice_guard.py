"""Runs one LibreOffice conversion for pdf.py and cleans up after it whatever happens to the caller.

Usage (by pdf.py only): ``python -I soffice_guard.py PARENT_PID WORK_DIR COMMAND...``

LibreOffice is a shell script that starts oosplash, which starts (and, on a fresh profile, restarts)
soffice.bin: a "kill me when my parent dies" flag set on the first process does not reach the last one.
So this small process stands between the caller and LibreOffice: it runs LibreOffice in a session of its own
and, when the caller dies (even by SIGKILL, e.g. a web worker killed at its timeout), when asked to stop
(SIGTERM), or on Ctrl+C, kills that whole session and removes the work directory (profile, temporary files,
document). The caller's death is noticed at once on Linux (PR_SET_PDEATHSIG) and otherwise by polling.
Standard library only: it runs with ``-I`` from any directory.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time

PR_SET_PDEATHSIG = 1
POLL_SECONDS = 0.5
NOT_FOUND = 127  # as a shell says "command not found"; pdf.py reads it as "LibreOffice is missing"


def _ask_for_signal_on_parent_death() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # polling below still notices


def main(argv: list[str]) -> int:
    parent, work, command = int(argv[1]), argv[2], argv[3:]
    process = None

    def clean_up(*_args) -> None:
        if process is not None and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                process.kill()
            process.wait()
        # soffice.bin may still be dying and writing its lock files for a moment after the group is killed:
        # remove the directory until it stays removed (pdf.py also sweeps any a killed machine left behind).
        for _attempt in range(20):
            shutil.rmtree(work, ignore_errors=True)
            if not os.path.exists(work):
                break
            time.sleep(0.1)
        os._exit(1)

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, clean_up)
    _ask_for_signal_on_parent_death()
    if os.getppid() != parent:  # the caller died before the flag was set
        clean_up()
    # LibreOffice's own temporary files go to the work directory too, so they are removed with it.
    env = {**os.environ, "HOME": work, "TMPDIR": work, "TMP": work, "TEMP": work}
    try:
        process = subprocess.Popen(command, cwd=work, env=env, start_new_session=True)
    except OSError as error:
        print(error)
        return NOT_FOUND
    while True:
        try:
            code = process.wait(timeout=POLL_SECONDS)
            break
        except subprocess.TimeoutExpired:
            if os.getppid() != parent:
                clean_up()
    # Anything LibreOffice left running in its session (none is expected) goes with it.
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""One tray app per user: starts at the same moment, a start mid-way, no private runtime dir."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from ucm_popup.ui.single_instance import SingleInstance, _locked_file, server_name

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the Unix socket and lock")

# A start reduced to the guard: ready, wait for "go", acquire, report, hold until told to exit.
START = r"""
import sys
from PySide6.QtCore import QCoreApplication
from ucm_popup.ui.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
print("runs" if instance.acquire() else "stands down", flush=True)
sys.stdin.readline()
instance.release()
"""


def runtime_dir() -> Path:
    """The test's own runtime folder: short enough for a Unix socket on macOS (104 bytes)."""
    return Path(os.environ["XDG_RUNTIME_DIR"])


def test_starts_at_the_same_moment_leave_exactly_one_running() -> None:
    name = os.fspath(runtime_dir() / "ucm-popup.sock")
    for round_ in range(6):
        starts = [subprocess.Popen([sys.executable, "-c", START, name], stdin=subprocess.PIPE,
                                   stdout=subprocess.PIPE, text=True) for _ in range(3)]
        try:
            for start in starts:
                assert start.stdout is not None and start.stdout.readline() == "ready\n"
            for start in starts:  # as close together as three writes can be
                assert start.stdin is not None
                start.stdin.write("go\n")
                start.stdin.flush()
            said = sorted(start.stdout.readline().strip() for start in starts)  # type: ignore[union-attr]
            assert said == ["runs", "stands down", "stands down"], f"round {round_}: {said}"
        finally:
            for start in starts:
                start.communicate("exit\n", timeout=20)


def test_a_start_while_the_first_is_not_yet_listening_stands_down_and_knocks(
        ) -> None:
    name = os.fspath(runtime_dir() / "ucm-popup.sock")
    lock = _locked_file(os.fspath(runtime_dir() / "ucm-popup.lock"))  # the first: locked, no socket
    assert lock is not None
    knocked = threading.Event()

    def first_listens_a_moment_later() -> None:
        import socket

        time.sleep(0.4)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
            server.bind(name)
            server.listen(1)
            connection, _ = server.accept()
            with connection:
                if connection.recv(16) == b"another\n":
                    knocked.set()

    thread = threading.Thread(target=first_listens_a_moment_later, daemon=True)
    thread.start()
    try:
        assert not SingleInstance(name).acquire()
        assert knocked.wait(5)
    finally:
        os.close(lock)
        thread.join(5)
    again = SingleInstance(name)  # the first ended (its lock went with it): a new start runs
    assert again.acquire()
    again.release()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="making a folder owned by another user needs root")
def test_without_a_private_runtime_dir_the_tray_app_starts_unguarded(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "tmp"
    foreign = temp / f"runtime-{os.geteuid()}"
    foreign.mkdir(parents=True, mode=0o700)
    os.chown(foreign, 65534, 65534)  # what another user left in /tmp
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    assert server_name(False) == ""  # not ours: no guard, rather than no app
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([sys.executable, "-m", "ucm_popup", "--demo", "-v"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert app.stderr is not None
    try:
        for line in app.stderr:  # it runs: the status window (offscreen has no tray) is up
            if "showing a status window" in line:
                break
        else:
            pytest.fail(f"the app ended with {app.wait()} before showing itself")
        app.send_signal(signal.SIGTERM)
        rest = app.communicate(timeout=20)[1]
        assert app.returncode == 0, rest
        assert "Traceback" not in rest
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()

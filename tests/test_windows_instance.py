"""The Windows single-instance channel, forced on Linux: a ``QLockFile`` keeps a second tray
out (two ``QLocalServer`` could listen on one pipe name), a second start knocks on the named
pipe, and ``ucm-popup dial`` (a ``tel:`` link) hands its number to the running tray over
that pipe, which dials and, when that fails, says so in a notification.

``instance_channel.NAMED_PIPE`` picks the Windows branch; on Linux Qt serves the "pipe" over a
Unix socket, which ``open_pipe`` is pointed at here: everything but Windows' own ``open`` of
``\\\\.\\pipe\\NAME`` runs as it does there.
"""

from __future__ import annotations

import asyncio
import getpass
import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from ucm_popup import instance_channel
from ucm_popup.instance_channel import ask_running_instance

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytestmark = pytest.mark.qt

# A start reduced to the guard, on the Windows branch: acquire, report, hold until told.
START = r"""
import sys
from PySide6.QtCore import QCoreApplication
from ucm_popup import instance_channel
instance_channel.NAMED_PIPE = True
from ucm_popup.ui.single_instance import SingleInstance
app = QCoreApplication([])
instance = SingleInstance(sys.argv[1], sys.argv[2])
print("ready", flush=True)
sys.stdin.readline()
print("runs" if instance.acquire() else "stands down", flush=True)
sys.stdin.readline()
instance.release()
"""


@pytest.fixture
def windows_branch(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The Windows branch, with a pipe name of this test's own (Qt puts it in /tmp here)."""
    from PySide6.QtNetwork import QLocalServer

    monkeypatch.setattr(instance_channel, "NAMED_PIPE", True)
    user = f"test-{uuid.uuid4().hex[:10]}"
    monkeypatch.setattr(getpass, "getuser", lambda: user)

    def open_qt_pipe(name: str) -> BinaryIO:
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.connect(os.path.join(_qt_socket_folder(), name))
            return probe.makefile("rwb", buffering=0)  # type: ignore[return-value]
        finally:
            probe.close()  # the file keeps the connection open

    if sys.platform != "win32":  # on Windows the real pipe, opened as the app opens it
        monkeypatch.setattr(instance_channel, "open_pipe", open_qt_pipe)
    yield instance_channel.pipe_name(False)
    QLocalServer.removeServer(instance_channel.pipe_name(False))


def _qt_socket_folder() -> str:
    from PySide6.QtCore import QDir

    return QDir.tempPath()


def test_the_second_tray_stands_down_and_the_first_hears_of_it(
        qtbot: Any, windows_branch: str, tmp_path: Path) -> None:
    from ucm_popup.ui.single_instance import SingleInstance, instance_lock, server_name

    assert server_name(False) == windows_branch
    first = SingleInstance(server_name(False), instance_lock(False))
    assert first.acquire()
    try:
        with qtbot.waitSignal(first.another_started, timeout=5000):
            assert not SingleInstance(server_name(False), instance_lock(False)).acquire()
    finally:
        first.release()
    again = SingleInstance(server_name(False), instance_lock(False))
    assert again.acquire()  # the first released its lock: a new start runs
    again.release()


def test_starts_at_the_same_moment_leave_exactly_one_tray_on_the_windows_branch(
        tmp_path: Path) -> None:
    name, lock = f"ucm-popup-test-{uuid.uuid4().hex[:10]}", os.fspath(tmp_path / "i.lock")
    try:
        for round_ in range(4):
            starts = [subprocess.Popen([sys.executable, "-c", START, name, lock],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
                      for _ in range(3)]
            try:
                for start in starts:
                    assert start.stdout is not None and start.stdout.readline() == "ready\n"
                for start in starts:
                    assert start.stdin is not None
                    start.stdin.write("go\n")
                    start.stdin.flush()
                said = sorted(start.stdout.readline().strip()  # type: ignore[union-attr]
                              for start in starts)
                assert said == ["runs", "stands down", "stands down"], f"round {round_}: {said}"
            finally:
                for start in starts:
                    start.communicate("exit\n", timeout=20)
    finally:
        from PySide6.QtNetwork import QLocalServer

        QLocalServer.removeServer(name)


def test_a_crashed_trays_lock_does_not_keep_the_next_one_out(tmp_path: Path) -> None:
    name, lock = f"ucm-popup-test-{uuid.uuid4().hex[:10]}", os.fspath(tmp_path / "i.lock")
    crashed = subprocess.run(
        [sys.executable, "-c", START.replace("sys.stdin.readline()\ninstance.release()",
                                             "import os; os._exit(9)"), name, lock],
        input="go\n", capture_output=True, text=True, timeout=30)
    assert crashed.stdout.splitlines() == ["ready", "runs"] and crashed.returncode == 9
    assert Path(lock).exists()  # left behind, with the dead process's id in it
    again = subprocess.run([sys.executable, "-c", START, name, lock], input="go\nexit\n",
                           capture_output=True, text=True, timeout=30)
    assert again.stdout.splitlines() == ["ready", "runs"], again.stderr


def test_a_dial_is_handed_to_the_running_tray_over_the_pipe_and_answered(
        qtbot: Any, windows_branch: str) -> None:
    from ucm_popup.ui.single_instance import SingleInstance, instance_lock, server_name

    instance = SingleInstance(server_name(False), instance_lock(False))
    assert instance.acquire()
    try:
        answers: list[Any] = []
        with qtbot.waitSignal(instance.dial_requested, timeout=5000) as asked:
            import threading

            client = threading.Thread(target=lambda: answers.append(
                ask_running_instance(False, "tel:+33612345678", timeout=10)))
            client.start()
        number, reply = asked.args
        assert number == "tel:+33612345678"
        reply({"ok": True, "extension": "1002", "number": "0612345678", "via": "api"})
        qtbot.waitUntil(lambda: not client.is_alive(), timeout=10000)
        assert answers == [{"ok": True, "extension": "1002", "number": "0612345678",
                            "via": "api"}]
        # Hostile lines on the pipe are knocks, as on the Unix socket.
        for line in (b"dial " + b"[" * 8000 + b"\n", b"\x00" * 20000, b"dial {}\n", b""):
            pipe = instance_channel.open_pipe(server_name(False))
            try:
                with qtbot.waitSignal(instance.another_started, timeout=5000):
                    pipe.write(line)
                    if not line:
                        pipe.close()  # connected and gone: a knock
            finally:
                pipe.close()
        assert ask_running_instance(False, "1", timeout=0.5) is None  # a silent app: no answer
    finally:
        instance.release()
    assert ask_running_instance(False, "1001") is None  # none runs: dial by yourself


def test_two_links_at_once_are_both_handed_over(qtbot: Any, windows_branch: str) -> None:
    from ucm_popup.ui.single_instance import SingleInstance, instance_lock, server_name

    instance = SingleInstance(server_name(False), instance_lock(False))
    assert instance.acquire()
    asked: list[str] = []
    instance.dial_requested.connect(lambda number, reply: asked.append(number))
    pipes = [instance_channel.open_pipe(server_name(False)) for _ in range(2)]
    try:
        for number, pipe in zip(("1001", "1003"), pipes, strict=True):
            pipe.write(b'dial {"number": "' + number.encode() + b'"}\n')
        qtbot.waitUntil(lambda: len(asked) == 2, timeout=5000)
        assert sorted(asked) == ["1001", "1003"]
    finally:
        for pipe in pipes:
            pipe.close()
        instance.release()


def test_a_failed_dial_from_a_link_shows_in_the_running_trays_notification(
        tmp_path: Path, windows_branch: str) -> None:
    from test_ui_relay_dial import run_app_with

    from ucm_popup.options import Options
    from ucm_popup.settings import CrmSettings, Settings, save_settings

    config = tmp_path / "config.toml"
    save_settings(config, Settings(crm=CrmSettings(provider="none")))  # no UCM to dial with
    seen: dict[str, Any] = {}

    async def script(app: Any) -> None:
        seen["answer"] = await asyncio.to_thread(ask_running_instance, False, "tel:0612345678")
        seen["notices"] = list(app.tray.notifications)

    code = run_app_with(Options(command=None, config_path=config, demo=False, verbose=False),
                        script)
    assert code == 0
    answer = seen["answer"]
    assert answer is not None and answer["ok"] is False and answer["error"]
    assert ("Could not dial", answer["error"]) in [n[:2] for n in seen["notices"]]

"""One running tray app per user (and one demo, separately), through a local socket.

A second start finds the first one listening, tells it (it shows a notification), and exits 0.
On Linux and macOS the socket is a Unix socket in the user's runtime dir (so other users and
isolated tests never collide), served with the standard library and a QSocketNotifier: QtNetwork
would cost about 3 MiB of idle memory for this alone.  Windows uses QLocalServer.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import socket
import sys
import warnings
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

CONNECT_TIMEOUT_S = 0.5


def server_name(demo: bool) -> str:
    base = "ucm-popup-demo" if demo else "ucm-popup"
    if sys.platform == "win32":
        return f"{base}-{getpass.getuser()}"
    from platformdirs import user_runtime_dir

    with warnings.catch_warnings():
        # Without XDG_RUNTIME_DIR (su, ssh, some kiosks) platformdirs warns on the terminal and
        # uses /tmp/runtime-<uid>, which serves here as well: a per-user folder made 0700.
        warnings.simplefilter("ignore")
        directory = Path(user_runtime_dir("ucm-popup", appauthor=False))
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    return os.fspath(directory / f"{base}.sock")


class SingleInstance(QObject):
    another_started = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self._server: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._qt_server: Any = None

    def acquire(self) -> bool:
        """True when this is the only instance; False after telling the running one."""
        if sys.platform == "win32":
            return self._acquire_qt()
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        probe.settimeout(CONNECT_TIMEOUT_S)
        try:
            probe.connect(self.name)
            probe.sendall(b"another\n")
            return False
        except OSError:
            pass  # nobody listening: no socket, or one left behind by a crash
        finally:
            probe.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.name)
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(self.name)
            os.chmod(self.name, 0o600)
            server.listen(4)
        except OSError:
            server.close()
            return True  # cannot guard (odd file system): better run than refuse to start
        server.setblocking(False)
        self._server = server
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._knock)
        return True

    def _knock(self) -> None:
        assert self._server is not None
        try:
            connection, _ = self._server.accept()
        except OSError:
            return
        connection.close()
        self.another_started.emit()

    def release(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._server is not None:
            self._server.close()
            self._server = None
            with contextlib.suppress(OSError):
                os.unlink(self.name)
        if self._qt_server is not None:
            self._qt_server.close()
            self._qt_server = None

    def _acquire_qt(self) -> bool:
        from PySide6.QtNetwork import QLocalServer, QLocalSocket

        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(int(CONNECT_TIMEOUT_S * 1000)):
            probe.write(b"another\n")
            probe.waitForBytesWritten(int(CONNECT_TIMEOUT_S * 1000))
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            return True
        server.newConnection.connect(lambda: self._qt_knock(server))
        self._qt_server = server
        return True

    def _qt_knock(self, server: Any) -> None:
        while (connection := server.nextPendingConnection()) is not None:
            connection.disconnected.connect(connection.deleteLater)
            self.another_started.emit()

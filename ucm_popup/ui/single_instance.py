"""One running tray app per user (and one demo, separately), through a local socket.

A second start finds the first one listening, tells it (it shows a notification), and exits 0.
The socket lives in the user's runtime dir, so other users and isolated tests never collide.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500


def server_name(demo: bool) -> str:
    base = "ucm-popup-demo" if demo else "ucm-popup"
    if sys.platform == "win32":
        return f"{base}-{getpass.getuser()}"
    from platformdirs import user_runtime_dir

    directory = Path(user_runtime_dir("ucm-popup", appauthor=False))
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    return os.fspath(directory / f"{base}.sock")


class SingleInstance(QObject):
    another_started = Signal()

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this is the only instance; False after telling the running one."""
        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(CONNECT_TIMEOUT_MS):
            probe.write(b"another\n")
            probe.waitForBytesWritten(CONNECT_TIMEOUT_MS)
            probe.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.name)  # a socket left behind by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            return True  # cannot guard (odd file system): better run than refuse to start
        server.newConnection.connect(self._knock)
        self.server = server
        return True

    def _knock(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.disconnected.connect(socket.deleteLater)
            self.another_started.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None

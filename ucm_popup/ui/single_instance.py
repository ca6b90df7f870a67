"""One running tray app per user (and one demo, separately): a lock, then a local socket.

On Linux and macOS the first start takes an exclusive lock on a file in the user's runtime dir
(released by the kernel when the process ends, however it ends) and only then listens on a Unix
socket beside it; a second start fails to take the lock, knocks on the socket (the first shows
a notification) and exits 0.  Deciding by the lock, not by "nobody answers on the socket", is what
keeps two starts at the same moment from both running.  The socket is served with the standard
library and a QSocketNotifier: QtNetwork would cost about 3 MiB of idle memory for this alone.

Windows has neither ``flock`` nor Unix sockets there: the lock is a ``QLockFile`` (held open
without sharing, so a second start cannot take it; a crashed holder's is recognised by its
process id) and the channel a named pipe served by ``QLocalServer``, which carries the same
knocks and ``dial`` requests.  ``QLocalServer`` alone would not do: two can listen on one pipe
name.  Tests force this branch on Linux (``NAMED_PIPE``), where Qt serves it over a Unix socket.

Without a private runtime dir (no XDG_RUNTIME_DIR and a fallback folder owned by someone else)
the app runs unguarded rather than not at all.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import sys
import tempfile
import time
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from ucm_popup import instance_channel
from ucm_popup.instance_channel import MAX_LINE, lock_path, parse_request, pipe_name, socket_path

log = logging.getLogger(__name__)
CONNECT_TIMEOUT_S = 0.5
# How long a second start keeps knocking while the first holds the lock but is not listening
# yet (it started a moment before).
KNOCK_FOR_S = 3.0
REQUEST_TIMEOUT_S = 0.5


def instance_lock(demo: bool) -> str:
    """The lock file of the instance (demo or real): beside the socket, in the runtime dir."""
    return lock_path(demo)


def server_name(demo: bool) -> str:
    """Where the instances meet; "" where there is no private place for it (runs unguarded)."""
    if instance_channel.NAMED_PIPE:
        return pipe_name(demo)
    path = socket_path(demo)
    if not path:  # e.g. /tmp/runtime-<uid> made by another user: not ours to use
        log.warning("no private runtime folder: a second start will not be stopped")
    return path


class SingleInstance(QObject):
    another_started = Signal()
    # A number handed over by ``ucm-popup dial`` or a tel: link, and a function that sends
    # the answer (a dict, one JSON line) back to it.
    dial_requested = Signal(str, object)

    def __init__(self, name: str, lock_file: str = "") -> None:
        """``name``: the socket path or pipe name (``server_name``); ``lock_file``: the lock
        beside it, by default the socket's path with ``.lock`` (``instance_lock``)."""
        super().__init__()
        self.name = name
        if not lock_file and instance_channel.NAMED_PIPE:  # no runtime folder: the user's temp
            lock_file = os.path.join(tempfile.gettempdir(), f"{name}.lock")
        self.lock_file = lock_file or name.removesuffix(".sock") + ".lock"
        self._lock: int | None = None
        self._qt_lock: Any = None
        self._server: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._qt_server: Any = None

    def acquire(self) -> bool:
        """True when this is the only instance; False after telling the running one."""
        if not self.name:
            return True
        if instance_channel.NAMED_PIPE:
            return self._acquire_pipe()
        try:
            lock = _locked_file(self.lock_file)
        except OSError as exc:  # a file system without locks: better run than refuse to start
            log.warning("cannot lock %s (%s): a second start will not be stopped", self.name, exc)
            return True
        if lock is None:
            _knock_on(self.name)
            return False
        self._lock = lock
        # The lock is ours: a socket file still there was left by a process that has ended.
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.name)
        if sys.platform == "win32":  # not reached there (NAMED_PIPE); for mypy's win32 pass
            return True
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(self.name)
            os.chmod(self.name, 0o600)
            server.listen(4)
        except OSError as exc:
            server.close()
            log.warning("cannot listen on %s (%s): a second start will not be told", self.name,
                        exc)
            return True  # the lock still keeps a second instance out
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
        # Whoever connects writes its one line at once: a short blocking read is enough, and
        # a client that sends nothing is taken for a knock.
        connection.settimeout(REQUEST_TIMEOUT_S)
        try:
            line = _read_request(connection)
        except OSError:
            line = b""
        number = parse_request(line)
        if number is None:
            connection.close()
            self.another_started.emit()
            return
        self.dial_requested.emit(number, lambda answer: _answer(connection, answer))

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
        if self._lock is not None:  # last: the socket is gone before a new start may bind it
            os.close(self._lock)
            self._lock = None
        if self._qt_lock is not None:
            self._qt_lock.unlock()
            self._qt_lock = None

    # -- Windows: a QLockFile and a named pipe ---------------------------------------------

    def _acquire_pipe(self) -> bool:
        from PySide6.QtCore import QLockFile
        from PySide6.QtNetwork import QLocalServer

        lock = QLockFile(self.lock_file)
        lock.setStaleLockTime(0)  # stale only when its process is gone, however old it is
        if not lock.tryLock(0):
            if lock.error() == QLockFile.LockError.LockFailedError:
                _knock_on_pipe(self.name)
                return False
            log.warning("cannot lock %s (%s): a second start will not be stopped",
                        self.lock_file, lock.error().name)
            return True
        self._qt_lock = lock
        QLocalServer.removeServer(self.name)  # a Unix socket file a crash left (not on Windows)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("cannot listen on %s (%s): a second start will not be told", self.name,
                        server.errorString())
            return True  # the lock still keeps a second instance out
        server.newConnection.connect(lambda: self._pipe_connections(server))
        self._qt_server = server
        return True

    def _pipe_connections(self, server: Any) -> None:
        while (connection := server.nextPendingConnection()) is not None:
            _PipeRequest(self, connection)


class _PipeRequest:
    """One client of the named pipe: its line, read as it comes, is a dial or else a knock
    (also when it is cut off, silent for ``REQUEST_TIMEOUT_S`` or gone)."""

    def __init__(self, instance: SingleInstance, connection: Any) -> None:
        from PySide6.QtCore import QTimer

        self.instance, self.connection = instance, connection
        self.data = bytearray()
        self.done = False
        connection.readyRead.connect(self.read)
        connection.disconnected.connect(self.settle)
        connection.disconnected.connect(connection.deleteLater)
        QTimer.singleShot(int(REQUEST_TIMEOUT_S * 1000), connection, self.settle)
        connection.setProperty("ucm_popup_request", self)  # lives as long as its connection
        self.read()

    def read(self) -> None:
        chunk = self.connection.readAll().data()
        if self.done:
            return
        self.data += chunk
        if b"\n" in self.data or len(self.data) >= MAX_LINE:
            self.settle()

    def settle(self) -> None:
        if self.done:
            return
        self.done = True
        number = parse_request(bytes(self.data[:MAX_LINE]).split(b"\n", 1)[0])
        connection = self.connection
        if number is None:
            connection.disconnectFromServer()
            self.instance.another_started.emit()
            return
        self.instance.dial_requested.emit(number,
                                          lambda answer: _answer_pipe(connection, answer))


def _answer_pipe(connection: Any, answer: dict[str, Any]) -> None:
    with contextlib.suppress(RuntimeError):  # the client went and Qt deleted its end
        connection.write(json.dumps(answer).encode() + b"\n")
        connection.flush()
        connection.disconnectFromServer()


def _knock_on_pipe(name: str) -> None:
    """Tell the running instance (Windows) that someone tried to start another one."""
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + KNOCK_FOR_S
    while True:
        probe = QLocalSocket()
        probe.connectToServer(name)
        if probe.waitForConnected(int(CONNECT_TIMEOUT_S * 1000)):
            probe.write(b"another\n")
            probe.waitForBytesWritten(int(CONNECT_TIMEOUT_S * 1000))
            probe.disconnectFromServer()
            return
        if time.monotonic() > deadline:
            log.warning("ucm-popup holds the lock but does not answer on %s", name)
            return
        time.sleep(0.05)  # it holds the lock and is about to listen


def _read_request(connection: socket.socket) -> bytes:
    data = b""
    while b"\n" not in data and len(data) < MAX_LINE:
        chunk = connection.recv(1024)
        if not chunk:
            break
        data += chunk
    return data.split(b"\n", 1)[0]


def _answer(connection: socket.socket, answer: dict[str, Any]) -> None:
    with contextlib.suppress(OSError):
        connection.settimeout(CONNECT_TIMEOUT_S)
        connection.sendall(json.dumps(answer).encode() + b"\n")
    connection.close()


def _locked_file(path: str) -> int | None:
    """An open descriptor holding an exclusive lock on ``path``; None if another process has it."""
    if sys.platform == "win32":  # not called there: the QLockFile of _acquire_pipe is
        raise OSError("no flock on Windows")
    import fcntl

    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        return None
    except OSError:
        os.close(descriptor)
        raise
    return descriptor


def _knock_on(name: str) -> None:
    """Tell the running instance that someone tried to start another one."""
    if sys.platform == "win32":  # not called there
        return
    deadline = time.monotonic() + KNOCK_FOR_S
    while True:
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        probe.settimeout(CONNECT_TIMEOUT_S)
        try:
            probe.connect(name)
            probe.sendall(b"another\n")
            return
        except OSError:
            if time.monotonic() > deadline:
                log.warning("ucm-popup holds the lock but does not answer on %s", name)
                return
            time.sleep(0.05)  # it holds the lock and is about to listen
        finally:
            probe.close()

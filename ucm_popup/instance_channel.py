"""The running tray app's local channel, seen from a headless command (no Qt here).

The tray app listens on a Unix socket in the user's runtime folder (``ui/single_instance.py``),
guarded by a lock file beside it.  A second start knocks (``another``); ``ucm-popup dial`` and a
``tel:`` link hand their number over (``dial {"number": ...}``) so that the running app, already
logged in to the UCM's API, dials it and answers one JSON line: one login serves all.

Windows has no Unix sockets there: the app serves a named pipe (Qt's ``QLocalServer``) and
guards it with a ``QLockFile``; ``dial`` writes the same request line to that pipe.
``NAMED_PIPE`` says which kind this platform uses (tests force the Windows kind on Linux).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
import threading
import warnings
from pathlib import Path
from typing import Any, BinaryIO

DIAL_REPLY_TIMEOUT_S = 20.0  # the app's API login and request, with room for a slow UCM
MAX_LINE = 8192  # a number and one line of error: anything longer is not ours
NAMED_PIPE = sys.platform == "win32"


def _base(demo: bool) -> str:
    return "ucm-popup-demo" if demo else "ucm-popup"


def pipe_name(demo: bool) -> str:
    """The Windows named pipe of the instance (Qt adds the ``\\\\.\\pipe\\`` prefix)."""
    return f"{_base(demo)}-{getpass.getuser()}"


def lock_path(demo: bool) -> str:
    """The lock file that says an instance runs; "" without a private runtime folder."""
    path = socket_path(demo)
    return path.removesuffix(".sock") + ".lock" if path else ""


def socket_path(demo: bool) -> str:
    """The Unix socket of the instance (demo or real); "" without a private runtime folder."""
    from platformdirs import user_runtime_dir

    base = _base(demo)
    try:
        with warnings.catch_warnings():
            # Without XDG_RUNTIME_DIR (su, ssh, some kiosks) platformdirs warns on the terminal
            # and uses /tmp/runtime-<uid>, which serves here as well: a per-user folder, 0700.
            warnings.simplefilter("ignore")
            directory = Path(user_runtime_dir("ucm-popup", appauthor=False))
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:  # e.g. /tmp/runtime-<uid> made by another user: not ours to use
        return ""
    return os.fspath(directory / f"{base}.sock")


def instance_running(path: str) -> bool:
    """Someone holds the instance lock (the lock, not the socket, says who runs)."""
    if sys.platform == "win32":  # not called there: a pipe exists only while its app runs
        return False
    import fcntl

    try:
        descriptor = os.open(path.removesuffix(".sock") + ".lock", os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(descriptor)
    return False


def ask_running_instance(demo: bool, number: str,
                         timeout: float = DIAL_REPLY_TIMEOUT_S) -> dict[str, Any] | None:
    """The running app's answer to dialling ``number``; None when no app takes it (none runs,
    or one too old to know ``dial``): then the caller dials by itself."""
    request = b"dial " + json.dumps({"number": number}).encode() + b"\n"
    reply = _ask_over_pipe(pipe_name(demo), request, timeout) if NAMED_PIPE else \
        _ask_over_socket(socket_path(demo), request, timeout)
    if reply is None:
        return None
    try:
        answer = json.loads(reply)
    except (ValueError, RecursionError):
        return None
    return answer if isinstance(answer, dict) else None


def _ask_over_socket(path: str, request: bytes, timeout: float) -> bytes | None:
    if sys.platform == "win32" or not path or not instance_running(path):
        return None
    with contextlib.closing(socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)) as probe:
        probe.settimeout(timeout)
        try:
            probe.connect(path)
            probe.sendall(request)
            return _read_line(probe)
        except OSError:
            return None


def open_pipe(name: str) -> BinaryIO:
    """The client end of the running app's named pipe (Windows); OSError when none listens."""
    return open(rf"\\.\pipe\{name}", "r+b", buffering=0)


def _ask_over_pipe(name: str, request: bytes, timeout: float) -> bytes | None:
    """The pipe exists only while the app runs, so no lock is asked first.  A pipe read has no
    timeout: the exchange runs in a thread given ``timeout`` to answer."""
    answer: list[bytes] = []

    def exchange() -> None:
        with contextlib.suppress(OSError), open_pipe(name) as pipe:
            pipe.write(request)
            data = b""
            while b"\n" not in data and len(data) < MAX_LINE:
                chunk = pipe.read(4096)
                if not chunk:
                    break
                data += chunk
            answer.append(data.split(b"\n", 1)[0])

    worker = threading.Thread(target=exchange, name="instance-pipe", daemon=True)
    worker.start()
    worker.join(timeout)
    return answer[0] if answer else None


def _read_line(connection: socket.socket) -> bytes:
    data = b""
    while b"\n" not in data and len(data) < MAX_LINE:
        chunk = connection.recv(4096)
        if not chunk:
            break
        data += chunk
    return data.split(b"\n", 1)[0]


def parse_request(line: bytes) -> str | None:
    """The number of a ``dial`` request line; None for anything else (a knock)."""
    if not line.startswith(b"dial "):
        return None
    try:
        request = json.loads(line[5:])
    except (ValueError, RecursionError):  # a deep nesting is no request either
        return None
    number = request.get("number") if isinstance(request, dict) else None
    return number if isinstance(number, str) else None

"""Sessions and the login throttle of the site view.

Sessions survive a restart of the relay (a wall screen left open all day reconnects by itself):
they are kept in a small file beside the users file, mode 0600, holding only the SHA-256 of
each cookie, never the cookie itself. A session ends at its expiry, at logout, or when its
user is deleted from the users file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import secrets
import tempfile
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

SESSION_S = 12 * 3600  # a working day; then the supervisor logs in again
MAX_SESSIONS = 1000
FREE_FAILURES = 5  # failed logins per address or name before each next one waits
MAX_LOCK_S = 300.0
FORGET_S = 3600.0  # a key without failures for this long starts afresh
MAX_KEYS = 10_000


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Sessions:
    def __init__(self, path: Path | None, *, lifetime_s: float = SESSION_S,
                 clock: Callable[[], float] = time.time) -> None:
        self._path = path
        self._lifetime = lifetime_s
        self._clock = clock
        self._sessions: dict[str, tuple[str, float]] = {}  # sha256(token) -> (name, expires)
        self._load()

    def create(self, name: str) -> tuple[str, float]:
        """A new session's cookie value and its expiry (epoch seconds)."""
        self._prune()
        while len(self._sessions) >= MAX_SESSIONS:
            oldest = min(self._sessions, key=lambda k: self._sessions[k][1])
            del self._sessions[oldest]
        token = secrets.token_urlsafe(32)
        expires = self._clock() + self._lifetime
        self._sessions[_digest(token)] = (name, expires)
        self._save()
        return token, expires

    def user(self, token: str | None) -> str | None:
        if not token or len(token) > 200:
            return None
        found = self._sessions.get(_digest(token))
        if found is None:
            return None
        name, expires = found
        if expires <= self._clock():
            del self._sessions[_digest(token)]
            return None
        return name

    def end(self, token: str | None) -> None:
        if token and self._sessions.pop(_digest(token), None) is not None:
            self._save()

    def _prune(self) -> None:
        now = self._clock()
        for key in [k for k, (_n, expires) in self._sessions.items() if expires <= now]:
            del self._sessions[key]

    def _load(self) -> None:
        if self._path is None:
            return
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError, RecursionError) as exc:
            log.warning("site view: the sessions file %s is unreadable (%s); everyone "
                        "logs in again", self._path, type(exc).__name__)
            return
        if type(data) is not dict:
            return
        for key, value in list(data.items())[:MAX_SESSIONS]:
            if (type(key) is str and type(value) is list and len(value) == 2
                    and type(value[0]) is str and type(value[1]) in (int, float)):
                self._sessions[key] = (value[0], float(value[1]))
        self._prune()

    def _save(self) -> None:
        if self._path is None:
            return
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".view-sessions-", dir=self._path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({k: list(v) for k, v in self._sessions.items()}, handle)
            os.replace(tmp, self._path)
        except OSError as exc:  # the view still works; sessions just do not outlive a restart
            log.warning("site view: cannot keep sessions in %s: %s", self._path, exc.strerror)


class Throttle:
    """Failed logins slow the next ones down, per key (an address, a user name): after
    ``FREE_FAILURES``, each failure locks the key for twice as long as the last, up to
    ``MAX_LOCK_S``. A success clears the name's and the address's count."""

    def __init__(self, *, free: int = FREE_FAILURES, max_lock_s: float = MAX_LOCK_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._free = free
        self._max_lock = max_lock_s
        self._clock = clock
        self._keys: OrderedDict[str, tuple[int, float, float]] = OrderedDict()
        # key -> (failures, locked until, last failure)

    def wait_s(self, *keys: str) -> float:
        """How long these keys must still wait before a login is tried (0: try now)."""
        now = self._clock()
        wait = 0.0
        for key in keys:
            found = self._keys.get(key)
            if found is not None:
                wait = max(wait, found[1] - now)
        return wait

    def failed(self, *keys: str) -> None:
        now = self._clock()
        for key in keys:
            failures, _until, last = self._keys.pop(key, (0, 0.0, now))
            if now - last > FORGET_S:
                failures = 0
            failures += 1
            over = failures - self._free
            lock = min(self._max_lock, 2.0 ** (over - 1)) if over > 0 else 0.0
            self._keys[key] = (failures, now + lock, now)
            while len(self._keys) > MAX_KEYS:
                self._keys.popitem(last=False)

    def succeeded(self, *keys: str) -> None:
        for key in keys:
            self._keys.pop(key, None)

"""Logging set-up: debug lines to stderr with -v, the tray app's log file, and nothing that
could be a secret.

The tray app, started from a menu or at login, has no terminal (on Windows its stderr does not
exist), so it also keeps a small rotating log file of what an administrator asks about when a
popup did not come: connection changes, CRM problems, errors with their tracebacks.  Caller
numbers are logged only with -v; even so the file and its folder are the user's alone.

Secrets are kept out twice: the code never formats them into messages, and the handlers'
formatter masks known secret values and ``token=``/``secret=``/``cookie`` shaped text in the
whole formatted record (message, traceback, stack) in case a library logs a URL, a body, or an
exception that quotes one.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
from io import TextIOWrapper
from pathlib import Path

from ucm_popup.text import encodable, escape_controls, truncate

_KEYS = ("authtoken", "access_token", "refresh_token", "client_secret", "code", "token",
         "password", "cookie")
# Each pattern starts with a literal or a small character class, so that the regex engine
# skips ahead to it instead of trying an alternation of keys at every position: a 7 MiB body
# in an exception takes a tenth of a second, half a second when it is nothing but "=" signs
# (bench/bench_redact.py).  None has nested repetition, so nothing backtracks more than once
# over the text.
_PATTERNS = [
    # key=value in URLs, form bodies and reprs: the "=" first, then which key it ended
    (re.compile("=(?i:" + "|".join(f"(?<={key}=)" for key in _KEYS) + r")[\"']?[^&\s\"']+"),
     "=***"),
    # "key": "value" in JSON, 'key': 'value' in a Python repr
    (re.compile(r"([\"'](?i:" + "|".join(_KEYS) + r"|challenge)[\"']\s*:\s*[\"'])[^\"']*"),
     r"\1***"),
    # the Zoho API's Authorization header
    (re.compile(r"([Zz](?i:oho-oauthtoken)\s+)\S+"), r"\1***"),
]
_known_secrets: set[str] = set()
LOG_MESSAGE_CHARS = 4_000  # a log line's message at most (a traceback may add lines)


def register_secret(value: str | None) -> None:
    """Mask ``value`` wherever it would appear in a log line from now on."""
    if value and len(value) >= 4:
        _known_secrets.add(value)


def redact(text: str) -> str:
    """``text`` with every registered secret and secret-shaped value replaced by ``***``."""
    # Longest first: a secret that contains another is masked whole.
    for secret in sorted(_known_secrets, key=len, reverse=True):
        text = text.replace(secret, "***")
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    """Masks secrets in the record as written, traceback and stack included (an exception's
    text is only known once formatted), and writes lone surrogates as ``\\udXXX`` escapes so
    that a line with one is kept, not dropped by an encoding error.

    The message itself stays one line of bounded length: a caller name or a server's reason
    with a newline must not forge a log line of its own, and one 7 MiB name must not rotate
    the whole log away.  (Tracebacks, added after the message, keep their lines.)"""

    def formatMessage(self, record: logging.LogRecord) -> str:
        # Redacted before the cut, so that a secret cut in two is not left half visible.
        record.message = truncate(escape_controls(redact(record.message)), LOG_MESSAGE_CHARS)
        return super().formatMessage(record)

    def format(self, record: logging.LogRecord) -> str:
        return encodable(redact(super().format(record)))


LOG_FILE_BYTES = 1_000_000
LOG_FILE_BACKUPS = 2  # ucm-popup.log.1 and .2: a few weeks of a normal desk's lines
_APP_FOLDER = "ucm-popup"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def default_log_file() -> Path:
    from platformdirs import user_log_dir  # imported late: headless commands never need it

    return Path(user_log_dir(_APP_FOLDER, appauthor=False)) / "ucm-popup.log"


def _handler(handler: logging.Handler, level: int) -> logging.Handler:
    handler.setLevel(level)
    handler.setFormatter(RedactingFormatter(_FORMAT))
    return handler


def setup_logging(verbose: bool) -> None:
    # sys.stderr is None in a windowed program (Windows): then -v has nowhere to write.
    shown = logging.DEBUG if verbose and sys.stderr is not None else logging.CRITICAL + 1
    root = logging.getLogger()
    root.handlers[:] = [_handler(logging.StreamHandler(sys.stderr), shown)]
    # Without -v nothing but the command's own one-line error reaches stderr.
    root.setLevel(logging.DEBUG if verbose else logging.CRITICAL + 1)
    # httpx logs every request URL at INFO; keep it quiet even with -v.
    for name in ("httpx", "httpcore", "hpack", "websockets.client", "websockets.server", "asyncio"):
        logging.getLogger(name).setLevel(logging.WARNING)


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Creates the log file readable by the user alone (with -v it holds callers' numbers and
    names); rotation renames the file, so the older copies keep that mode."""

    def _open(self) -> TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        descriptor = os.open(self.baseFilename, flags, 0o600)
        try:
            if sys.platform != "win32":
                os.fchmod(descriptor, 0o600)  # a file left by an earlier version
            return open(descriptor, "a", encoding=self.encoding, errors=self.errors)
        except BaseException:
            os.close(descriptor)
            raise


def _tighten(path: Path, mode: int) -> None:
    if os.name == "posix" and path.stat().st_mode & 0o777 != mode:
        path.chmod(mode)


def _make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and any missing parent) 0700.  An existing folder is tightened only
    when it is the app's own (named after the app, or the log folder inside that one), never a
    folder the user chose to share."""
    for path in reversed([folder, *folder.parents]):
        if not path.exists():
            path.mkdir(mode=0o700, exist_ok=True)
    for app_folder in (folder, folder.parent):
        if app_folder.name == _APP_FOLDER:
            for path in {folder, app_folder}:
                _tighten(path, 0o700)


def log_to_file(path: Path, verbose: bool) -> bool:
    """Also keep INFO and up (everything with -v) in ``path``, rotated; the tray app's log.

    False when the file cannot be written: the app runs on without it rather than refuse to
    start.
    """
    try:
        _make_private_folder(path.parent)
        handler = _PrivateRotatingFileHandler(
            path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_BACKUPS, encoding="utf-8"
        )
        for number in range(1, LOG_FILE_BACKUPS + 1):
            backup = Path(f"{path}.{number}")
            if backup.exists():
                _tighten(backup, 0o600)
    except OSError:
        return False
    root = logging.getLogger()
    root.addHandler(_handler(handler, logging.DEBUG if verbose else logging.INFO))
    root.setLevel(min(root.level, logging.INFO))
    return True

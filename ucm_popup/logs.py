"""Logging set-up: debug lines to stderr with -v, the tray app's log file, and nothing that
could be a secret.

The tray app, started from a menu or at login, has no terminal (on Windows its stderr does not
exist), so it also keeps a small rotating log file of what an administrator asks about when a
popup did not come: connection changes, CRM problems, errors with their tracebacks.  Caller
numbers are logged only with -v.

Secrets are kept out twice: the code never formats them into messages, and a filter on the
root handler masks known secret values and ``token=``/``secret=``/``cookie`` shaped text in
case a library logs a URL or a body.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
from pathlib import Path

_PATTERNS = [
    # key=value in URLs and form bodies
    re.compile(
        r"(?i)((?:authtoken|access_token|refresh_token|client_secret|code|token|password|cookie)=)[^&\s\"']+"
    ),
    # "key": "value" in JSON
    re.compile(
        r"(?i)(\"(?:authtoken|access_token|refresh_token|client_secret|token|password|cookie|challenge)\"\s*:\s*\")[^\"]*"
    ),
    re.compile(r"(?i)(Zoho-oauthtoken\s+)\S+"),
]
_known_secrets: set[str] = set()


def register_secret(value: str | None) -> None:
    """Mask ``value`` wherever it would appear in a log line from now on."""
    if value and len(value) >= 4:
        _known_secrets.add(value)


def redact(text: str) -> str:
    for secret in _known_secrets:
        text = text.replace(secret, "***")
    for pattern in _PATTERNS:
        text = pattern.sub(r"\1***", text)
    return text


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        record.msg = redact(message)
        record.args = None
        return True


LOG_FILE_BYTES = 1_000_000
LOG_FILE_BACKUPS = 2  # ucm-popup.log.1 and .2: a few weeks of a normal desk's lines
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def default_log_file() -> Path:
    from platformdirs import user_log_dir  # imported late: headless commands never need it

    return Path(user_log_dir("ucm-popup", appauthor=False)) / "ucm-popup.log"


def _handler(handler: logging.Handler, level: int) -> logging.Handler:
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(RedactingFilter())
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


def log_to_file(path: Path, verbose: bool) -> bool:
    """Also keep INFO and up (everything with -v) in ``path``, rotated; the tray app's log.

    False when the file cannot be written: the app runs on without it rather than refuse to
    start.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return False
    root = logging.getLogger()
    root.addHandler(_handler(handler, logging.DEBUG if verbose else logging.INFO))
    root.setLevel(min(root.level, logging.INFO))
    return True

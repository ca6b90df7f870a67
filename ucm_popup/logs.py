"""Logging set-up: debug lines to stderr with -v, and nothing that could be a secret.

Secrets are kept out twice: the code never formats them into messages, and a filter on the
root handler masks known secret values and ``token=``/``secret=``/``cookie`` shaped text in
case a library logs a URL or a body.
"""

from __future__ import annotations

import logging
import re
import sys

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


def setup_logging(verbose: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    # Without -v nothing but the command's own one-line error reaches stderr.
    root.setLevel(logging.DEBUG if verbose else logging.CRITICAL + 1)
    # httpx logs every request URL at INFO; keep it quiet even with -v.
    for name in ("httpx", "httpcore", "hpack", "websockets.client", "websockets.server", "asyncio"):
        logging.getLogger(name).setLevel(logging.WARNING)

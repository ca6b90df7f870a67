"""What every headless command needs: settings and secrets, from the files or from the demo."""

from __future__ import annotations

import errno
import io
import json
import logging
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from ucm_popup.app import source_configured
from ucm_popup.errors import SettingsError
from ucm_popup.options import Options
from ucm_popup.secrets import SecretStore, default_secret_store
from ucm_popup.settings import Settings, load_settings
from ucm_popup.text import encodable

log = logging.getLogger(__name__)


@dataclass
class CommandEnvironment:
    settings: Settings
    secrets: SecretStore


@asynccontextmanager
async def command_environment(
    options: Options, *, ucm: bool = False, crm: bool = False, relay: bool = False
) -> AsyncIterator[CommandEnvironment]:
    """Settings and secrets for a command; with ``--demo``, the simulators asked for.
    ``relay``: the command is the site relay, which follows every extension (none of its own)."""
    if options.demo:
        from ucm_popup.demo import demo_environment

        async with demo_environment(ucm=ucm, crm=crm) as demo:
            yield CommandEnvironment(demo.settings, demo.secrets)
        return
    settings, warnings = load_settings(options.config_path)
    for warning in warnings:
        log.warning("%s", warning)
    if ucm and not (relay or source_configured(settings)):
        raise SettingsError(
            f"{options.config_path}: [ucm] host, username and extension must be set "
            "(or try --demo)"
        )
    yield CommandEnvironment(settings, default_secret_store())


def print_json_line(data: dict[str, Any]) -> None:
    """``data`` as one JSON line on stdout, flushed at once so that a reader sees it now.

    Non-ASCII text is written as it is (readable in a terminal); a lone surrogate, which a UCM
    or CRM can send as a ``\\ud800`` escape but which no encoding can write, goes back out as
    that same JSON escape, so the line stays valid JSON and reads back to the same string.
    The line is UTF-8 whatever the console's code page or ``PYTHONIOENCODING`` says: a Windows
    stdout piped to a file or a program writes cp1252 otherwise, where "Łukasz" cannot go.
    """
    _utf8(sys.stdout)
    sys.stdout.write(encodable(json.dumps(data, ensure_ascii=False)) + "\n")
    sys.stdout.flush()


def reader_gone(exc: OSError) -> bool:
    """A write to stdout failed because its reader closed the pipe: ``BrokenPipeError`` on
    Linux and macOS, ``OSError(EINVAL)`` on Windows (``watch | more`` ended)."""
    return isinstance(exc, BrokenPipeError) or exc.errno == errno.EINVAL


def _utf8(stream: Any) -> None:
    encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "").replace("_", "")
    if encoding != "utf8" and isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8")

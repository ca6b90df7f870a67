"""What every headless command needs: settings and secrets, from the files or from the demo."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from ucm_popup.cli import Options
from ucm_popup.errors import SettingsError
from ucm_popup.secrets import SecretStore, default_secret_store
from ucm_popup.settings import Settings, load_settings

log = logging.getLogger(__name__)


@dataclass
class CommandEnvironment:
    settings: Settings
    secrets: SecretStore


@asynccontextmanager
async def command_environment(
    options: Options, *, ucm: bool = False, crm: bool = False
) -> AsyncIterator[CommandEnvironment]:
    """Settings and secrets for a command; with ``--demo``, the simulators asked for."""
    if options.demo:
        from ucm_popup.demo import demo_environment

        async with demo_environment(ucm=ucm, crm=crm) as demo:
            yield CommandEnvironment(demo.settings, demo.secrets)
        return
    settings, warnings = load_settings(options.config_path)
    for warning in warnings:
        log.warning("%s", warning)
    if ucm and not settings.ucm_configured:
        raise SettingsError(
            f"{options.config_path}: [ucm] host, username and extension must be set "
            "(or try --demo)"
        )
    yield CommandEnvironment(settings, default_secret_store())

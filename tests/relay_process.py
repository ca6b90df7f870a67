"""A site relay process with a short keep-alive, for the tests that kill it with SIGKILL.

Usage: python relay_process.py CONFIG KEEPALIVE_S (passwords from the usual environment; with
``[ucm] api_username`` in CONFIG it dials too, with ``UCM_POPUP_UCM_API_PASSWORD``)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from ucm_popup.relay.site import SiteRelay
from ucm_popup.settings import load_settings


async def main() -> None:
    settings, _warnings = load_settings(Path(sys.argv[1]))
    dial = None
    if settings.ucm.api_username:
        from ucm_popup.dial import Dialer
        from ucm_popup.secrets import UCM_API_PASSWORD, MemorySecretStore

        secrets = MemorySecretStore({UCM_API_PASSWORD: os.environ["UCM_POPUP_UCM_API_PASSWORD"]})
        dial = Dialer(settings, secrets).dial_for
    relay = SiteRelay(settings, os.environ["UCM_POPUP_UCM_PASSWORD"],
                      os.environ["UCM_POPUP_MQTT_PASSWORD"], keepalive=int(sys.argv[2]),
                      backoff_initial_s=0.2, backoff_max_s=1.0, dial=dial)
    await relay.run()


if __name__ == "__main__":
    asyncio.run(main())

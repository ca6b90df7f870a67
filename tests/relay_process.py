"""A site relay process with a short keep-alive, for the tests that kill it with SIGKILL.

Usage: python relay_process.py CONFIG KEEPALIVE_S (passwords from the usual environment)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from ucm_popup.relay.site import SiteRelay
from ucm_popup.settings import load_settings


async def main() -> None:
    settings, _warnings = load_settings(Path(sys.argv[1]))
    relay = SiteRelay(settings, os.environ["UCM_POPUP_UCM_PASSWORD"],
                      os.environ["UCM_POPUP_MQTT_PASSWORD"], keepalive=int(sys.argv[2]),
                      backoff_initial_s=0.2, backoff_max_s=1.0)
    await relay.run()


if __name__ == "__main__":
    asyncio.run(main())

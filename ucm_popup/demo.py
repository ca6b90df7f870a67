"""``--demo``: both simulators on loopback, and settings and secrets that point at them.

Nothing here reads or writes the user's settings file or keyring: the secrets live in a
``MemorySecretStore`` and the settings are built in memory.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ucm_popup import secrets
from ucm_popup.settings import CrmSettings, Settings
from ucm_popup.sim.demo_data import DEMO_REGION

if TYPE_CHECKING:
    from ucm_popup.sim.ucm import DemoUcm
    from ucm_popup.sim.zoho import DemoZoho


@dataclass
class DemoEnvironment:
    settings: Settings
    secrets: secrets.MemorySecretStore
    ucm: DemoUcm | None
    zoho: DemoZoho | None


@asynccontextmanager
async def demo_environment(
    *, ucm: bool = True, crm: bool = True, schedule: bool = True
) -> AsyncIterator[DemoEnvironment]:
    """Start the simulators asked for; ``schedule`` lets the UCM ring now and again by itself."""
    store = secrets.MemorySecretStore()
    settings = Settings(
        crm=CrmSettings(provider="zoho-v2" if crm else "none", default_region=DEMO_REGION)
    )
    async with AsyncExitStack() as stack:
        demo_ucm = demo_zoho = None
        if ucm:
            from ucm_popup.sim.ucm import start_demo_ucm

            demo_ucm = await start_demo_ucm(schedule=schedule)
            stack.push_async_callback(demo_ucm.aclose)
            settings = replace(settings, ucm=demo_ucm.settings)
            store.set(secrets.UCM_PASSWORD, demo_ucm.password)
            store.set(secrets.UCM_API_PASSWORD, demo_ucm.password)  # click-to-dial
        if crm:
            from ucm_popup.sim.zoho import start_demo_zoho

            demo_zoho = await start_demo_zoho()
            stack.push_async_callback(demo_zoho.aclose)
            settings = replace(settings, zoho_v2=demo_zoho.settings)
            store.set(secrets.ZOHO_V2_CLIENT_SECRET, demo_zoho.client_secret)
            store.set(secrets.ZOHO_V2_REFRESH_TOKEN, demo_zoho.refresh_token)
        yield DemoEnvironment(settings, store, demo_ucm, demo_zoho)

"""Shared by the CRM write tests: a Zoho simulator whose token may write, and fast writers."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from ucm_popup.crm.outbox import Outbox, OutboxStatus, OutboxWorker
from ucm_popup.crm.writes import CallWriter, ZohoWrites
from ucm_popup.crm.zoho_oauth import TokenSource
from ucm_popup.settings import CrmSettings, Settings, UcmSettings
from ucm_popup.sim.zoho import FULL_SCOPES, ZohoSimulator

WRITE_SCOPES = (
    "ZohoCRM.modules.calls.CREATE", "ZohoCRM.modules.calls.READ",
    "ZohoCRM.modules.notes.CREATE", "ZohoCRM.modules.notes.READ",
    "ZohoCRM.modules.leads.CREATE", "ZohoCRM.modules.contacts.CREATE",
)
FAST = {"retry_initial_s": 0.02, "retry_max_s": 0.1, "throttle_initial_s": 0.02,
        "throttle_max_s": 0.1, "missed_grace_s": 0.3}


@pytest.fixture
async def zsim() -> AsyncIterator[ZohoSimulator]:
    simulator = ZohoSimulator()
    await simulator.start()
    yield simulator
    await simulator.aclose()


def settings_for(sim: ZohoSimulator, extension: str = "1002", **crm: Any) -> Settings:
    crm_settings = replace(CrmSettings(default_region="FR", log_calls=True), **crm)
    return Settings(ucm=UcmSettings(extension=extension), crm=crm_settings,
                    zoho_v2=sim.v2_settings())


class Desk:
    """One writer, its outbox file and a worker draining it into the simulator."""

    def __init__(self, sim: ZohoSimulator, path: Path, *, extension: str = "1002",
                 scopes: tuple[str, ...] = FULL_SCOPES + WRITE_SCOPES,
                 timeout: float = 4.0, **crm: Any) -> None:
        self.client = httpx.AsyncClient(timeout=httpx.Timeout(timeout))
        self.settings = settings_for(sim, extension, **crm)
        tokens = TokenSource(self.client, self.settings.zoho_v2, sim.client_secret,
                             sim.add_refresh_token(scopes))
        self.outbox = Outbox(path)
        self.added: list[tuple[str, Any]] = []
        self.writer = CallWriter(self.settings, self.outbox, extension,
                                 on_unknown_added=lambda c, m: self.added.append((c, m)),
                                 missed_grace_s=FAST["missed_grace_s"])
        self.statuses: list[OutboxStatus] = []
        self.worker = OutboxWorker(
            self.outbox, ZohoWrites(self.client, tokens, "FR"), on_status=self.statuses.append,
            on_written=lambda entry, rid: self.writer.created(entry, rid),
            **{k: v for k, v in FAST.items() if k != "missed_grace_s"},
        )
        self.task: asyncio.Task[None] | None = None

    def start(self) -> Desk:
        self.task = asyncio.get_running_loop().create_task(self.worker.run())
        return self

    async def drained(self, timeout: float = 10.0) -> None:
        await wait_for(lambda: self.outbox.waiting() == 0, timeout,
                       lambda: f"{self.outbox.waiting()} writes wait: {self.statuses[-1:]}")

    async def aclose(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
        self.outbox.close()
        await self.client.aclose()


async def wait_for(condition: Callable[[], bool], timeout: float,
                   why: Callable[[], str] = lambda: "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out: {why()}")
        await asyncio.sleep(0.02)

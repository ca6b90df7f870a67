"""The phone index in the tray app's core: a supervised sync task that keeps the health's
index line current, popups answered from the index, a sync dying of a bug started again."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.test_app_composition import View, wait_for
from tests.zoho_support import v2_secrets, v2_settings, zoho_fixture  # noqa: F401
from ucm_popup.app import PopupApp
from ucm_popup.crm.index import describe
from ucm_popup.crm.index_sync import IndexSync
from ucm_popup.sim.zoho import DemoZoho
from ucm_popup.ucm.events import Ringing


async def test_the_tray_syncs_the_index_and_popups_come_from_it(zoho: DemoZoho) -> None:
    view = View()
    app = PopupApp(view, v2_settings(zoho, index="desk"), v2_secrets(zoho))
    await app.start()
    try:
        await wait_for(lambda: app.health.crm_index is not None
                       and app.health.crm_index.synced_at is not None)
        state = app.health.crm_index
        assert state is not None and state.records == 6 and not state.problem
        assert describe(state).startswith("CRM index: 6 records, synced just now")
        assert view.health[-1].crm_index == state  # the view was told
        before = zoho.sim.api_requests()
        services = app._services
        app._on_event(services, Ringing("c1", "1002", "inbound", "0612345678", "", ""))
        await wait_for(lambda: bool(view.lookups))
        assert [m.name for m in view.lookups[0][1].matches] == ["Jane Doe"]
        assert zoho.sim.api_requests() == before
    finally:
        await app.shutdown()
    assert app.supervisor.running == 0


async def test_a_sync_dying_of_a_bug_is_shown_and_started_again(
    zoho: DemoZoho, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = IndexSync.sync_once
    calls: list[int] = []

    async def buggy(self: IndexSync) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise KeyError("a bug")
        return await real(self)

    monkeypatch.setattr(IndexSync, "sync_once", buggy)
    errors: list[BaseException] = []
    view = View()
    app = PopupApp(view, v2_settings(zoho, index="desk"), v2_secrets(zoho),
                   on_error=errors.append, restart_initial_s=0.01, restart_max_s=0.02)
    await app.start()
    try:
        await wait_for(lambda: any(h.crm_index and h.crm_index.problem for h in view.health))
        shown = next(h.crm_index for h in view.health if h.crm_index and h.crm_index.problem)
        assert shown is not None and "internal error: KeyError" in shown.problem
        assert isinstance(errors[0], KeyError)
        await wait_for(lambda: app.health.crm_index is not None
                       and app.health.crm_index.synced_at is not None
                       and not app.health.crm_index.problem)
    finally:
        await app.shutdown()
    await asyncio.sleep(0)
    assert app.supervisor.running == 0

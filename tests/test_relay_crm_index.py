"""The relay's phone index: kept in the relay's state directory, synced by a supervised task
of the relay (a sync dying of a bug is logged and started again), lookups answered from it;
each side deletes only the index it does not keep."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path
from typing import Any

import pytest

from tests.writes_support import wait_for
from tests.zoho_support import v2_secrets, v2_settings, zoho_fixture  # noqa: F401
from ucm_popup.crm.index import default_index_path
from ucm_popup.crm.index_sync import IndexSync
from ucm_popup.crm.service import build_lookup_service
from ucm_popup.relay.site_crm import SiteCrm, relay_state_dir
from ucm_popup.sim.zoho import DemoZoho


async def test_the_relays_sync_dying_of_a_bug_is_logged_and_started_again(
    zoho: DemoZoho, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    real = IndexSync.sync_once
    calls: list[int] = []

    async def buggy(self: IndexSync) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise KeyError("a bug")
        return await real(self)

    monkeypatch.setattr(IndexSync, "sync_once", buggy)
    monkeypatch.setenv("STATE_DIRECTORY", str(tmp_path / "relay-state"))
    path = relay_state_dir() / "crm-index.sqlite3"
    lookup = build_lookup_service(v2_settings(zoho, index="relay"), v2_secrets(zoho),
                                  relay_index=path)
    assert lookup is not None and lookup.index is not None
    crm = SiteCrm(lookup, None, None, restart_initial_s=0.01, restart_max_s=0.02)
    caplog.set_level(logging.INFO, logger="ucm_popup.relay.site_crm")
    task = asyncio.get_running_loop().create_task(crm.run())
    try:
        await wait_for(lambda: crm.index_state is not None
                       and crm.index_state.synced_at is not None, 10)
        assert crm.index_state is not None and crm.index_state.records == 6
        assert "CRM index sync failed (KeyError: 'a bug'); restarting it" in caplog.text
        assert "CRM index: 6 records, synced just now" in caplog.text
        before = zoho.sim.api_requests()
        found = await lookup.lookup("+33 6 12 34 56 78")
        assert [m.name for m in found.matches] == ["Jane Doe"]
        assert zoho.sim.api_requests() == before  # answered by the relay's index
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await lookup.aclose()
    assert path.exists() and path.stat().st_mode & 0o077 == 0
    assert not default_index_path().exists()  # the relay's file is not a desk's


async def test_each_side_deletes_only_the_index_it_does_not_keep(
    zoho: DemoZoho, tmp_path: Path,
) -> None:
    desk_file, relay_file = default_index_path(), tmp_path / "relay" / "crm-index.sqlite3"
    for path in (desk_file, relay_file):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"an index")
    # A relay with the index off deletes its own, never the desk's beside it.
    relay = build_lookup_service(v2_settings(zoho, index="off"), v2_secrets(zoho),
                                 relay_index=relay_file)
    assert relay is not None and relay.index is None
    await relay.aclose()
    assert desk_file.exists() and not relay_file.exists()
    # A desk whose relay keeps the index keeps no copy.
    desk = build_lookup_service(v2_settings(zoho, index="relay"), v2_secrets(zoho))
    assert desk is not None and desk.index is None
    await desk.aclose()
    assert not desk_file.exists()


def test_a_relay_that_cannot_keep_its_outbox_says_so_in_one_line(
    zoho: DemoZoho, tmp_path: Path,
) -> None:
    import json
    import os
    import subprocess
    import sys

    not_a_folder = tmp_path / "state"
    not_a_folder.write_text("a file where the state directory should be")
    base = zoho.settings.server
    config = tmp_path / "relay.toml"
    config.write_text(
        '[ucm]\nhost = "127.0.0.1"\nusername = "relay"\n\n'
        '[crm]\nprovider = "zoho-v2"\nlog_calls = true\n\n'
        f'[zoho_v2]\nserver = "{base}"\naccounts_url = "{base}"\n'
        f'client_id = {json.dumps(zoho.settings.client_id)}\n\n'
        '[mqtt]\nurl = "mqtt://127.0.0.1:1"\nusername = "relay"\n')
    done = subprocess.run(
        [sys.executable, "-m", "ucm_popup", "relay", "--config", str(config)],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "STATE_DIRECTORY": str(not_a_folder),
             "UCM_POPUP_UCM_PASSWORD": "pw", "UCM_POPUP_MQTT_PASSWORD": "pw",
             "UCM_POPUP_ZOHO_CLIENT_SECRET": "s",
             "UCM_POPUP_ZOHO_REFRESH_TOKEN": "t",
             "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"})  # as the unit does
    assert (done.returncode, done.stdout) == (2, ""), done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert f"cannot keep its CRM outbox {not_a_folder}/outbox.sqlite3" in done.stderr
    assert "STATE_DIRECTORY" in done.stderr

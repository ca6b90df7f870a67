"""Calls written to Zoho CRM by the running core: real TLS to the UCM simulator, real HTTP to
the Zoho simulator, several desks at once, records counted in the simulator."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from conftest import STOPPED_BY_SIGTERM, app_dir

from tests.writes_support import FAST, WRITE_SCOPES, wait_for, zsim  # noqa: F401
from ucm_popup import secrets
from ucm_popup.app import Health, LookupOutcome, PopupApp, RecentCall
from ucm_popup.crm.outbox import OutboxStatus
from ucm_popup.settings import CrmSettings, Settings
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.sim.zoho import FULL_SCOPES, ZohoSimulator
from ucm_popup.ucm.events import CallEvent

JANE_ID, LYON_ID, MILLER_ID = "3477061000000419001", "3477061000000300004", "3477061000000419004"


class View:
    def __init__(self) -> None:
        self.lookups: list[tuple[str, LookupOutcome]] = []
        self.writes: list[OutboxStatus] = []
        self.ended = 0

    def health_changed(self, health: Health) -> None: ...

    def call_event(self, event: CallEvent) -> None:
        self.ended += type(event).__name__ == "Ended"

    def lookup_finished(self, call_id: str, outcome: LookupOutcome) -> None:
        self.lookups.append((call_id, outcome))

    def recent_calls_changed(self, calls: list[RecentCall]) -> None: ...

    def writes_changed(self, status: OutboxStatus) -> None:
        self.writes.append(status)


@dataclass
class RunningDesk:
    app: PopupApp
    view: View


@pytest.fixture
async def ucm() -> AsyncIterator[UcmSimulator]:
    simulator = await UcmSimulator().start()
    yield simulator
    await simulator.aclose()


def desk_settings(ucm: UcmSimulator, zoho: ZohoSimulator, extension: str, **crm: Any) -> Settings:
    return Settings(
        ucm=ucm.settings(extension),
        crm=replace(CrmSettings(default_region="FR", log_calls=True), **crm),
        zoho_v2=zoho.v2_settings(),
    )


async def start_desk(ucm: UcmSimulator, zoho: ZohoSimulator, tmp_path: Path, extension: str,
                     **crm: Any) -> RunningDesk:
    store = secrets.MemorySecretStore({
        secrets.UCM_PASSWORD: ucm.password,
        secrets.ZOHO_V2_CLIENT_SECRET: zoho.client_secret,
        secrets.ZOHO_V2_REFRESH_TOKEN: zoho.add_refresh_token(FULL_SCOPES + WRITE_SCOPES),
    })
    view = View()
    app = PopupApp(view, desk_settings(ucm, zoho, extension, **crm), store,
                   outbox_path=tmp_path / f"outbox-{extension}.sqlite3", outbox_options=FAST)
    await app.start()
    return RunningDesk(app, view)


@pytest.fixture
async def desks() -> AsyncIterator[list[RunningDesk]]:
    running: list[RunningDesk] = []
    yield running
    for desk in running:
        await desk.app.shutdown()


def who(call: dict[str, Any]) -> str:
    link = call.get("Who_Id") or call.get("What_Id") or {}
    return str(link.get("id", ""))


def summarise(sim: ZohoSimulator) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for call in sim.records.get("Calls", []):
        key = (str(call["Call_Type"]), str(call["Subject"]).rsplit(" ", 1)[-1])
        counts[key] = counts.get(key, 0) + 1
    return counts


# 100 calls played 50 times faster than life: with the two cores shared by parallel test
# workers a lookup can finish after its call's record is written (unlinked); it runs in the
# serial pass with the other load tests.
@pytest.mark.soak
async def test_one_hundred_calls_through_the_ucm_give_exactly_the_expected_records(
    ucm: UcmSimulator, zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
    desks: list[RunningDesk],
) -> None:
    """Answered, missed, ring groups answered by either desk (both running), queue re-rings;
    with 10 % of the writes answered 429 or cut, before or after Zoho wrote them."""
    desks += [await start_desk(ucm, zsim, tmp_path, ext) for ext in ("1002", "1003")]
    await ucm.wait_subscribed(2)
    zsim.write_fault_rate = 0.1
    rows = sc.CallRows()
    kinds = {
        0: lambda: sc.ring_call(rows, caller="0612345678", name="JANE MOBILE"),
        1: lambda: sc.ring_call(rows, caller="0012125550142", answered_by=""),
        2: lambda: sc.ring_call(rows, caller="0612345678", rings=("1002", "1003"),
                                answered_by="1003", service="queue"),
        3: lambda: sc.ring_call(rows, caller="0478123456", rings=("1002", "1003"),
                                answered_by="1002", service="queue"),
        4: lambda: sc.queue_retry_call(rows, caller="0478123456"),
    }
    for batch in range(10):
        await ucm.play(sc.merged(*(kinds[(batch * 10 + i) % 5]() for i in range(10))),
                       speed=0.02)
    await wait_for(lambda: desks[0].view.ended >= 80 and desks[1].view.ended >= 40, 20)
    await wait_for(lambda: all(d.app.writes_status and d.app.writes_status.waiting == 0
                               for d in desks) and len(zsim.records.get("Calls", [])) >= 100,
                   30, lambda: f"{[d.app.writes_status for d in desks]}: {summarise(zsim)}")
    written = zsim.records["Calls"]
    assert len(written) == 100
    summary: dict[tuple[str, str, str], int] = {}
    for call in written:
        key = (str(call["Call_Type"]), str(call["Subject"]).rsplit(" ", 1)[-1], who(call))
        summary[key] = summary.get(key, 0) + 1
    assert summary == {
        ("Inbound", "1002", JANE_ID): 20,  # answered, rang 1002 alone
        ("Missed", "1002", MILLER_ID): 20,  # missed, rang 1002 alone
        ("Inbound", "1003", JANE_ID): 20,  # ring group answered by the other desk
        ("Inbound", "1002", LYON_ID): 40,  # ring group answered here, and queue re-rings
    }
    assert zsim.counts["coql:Calls"] > 0  # unknown outcomes happened and were settled


async def test_an_unknown_number_ringing_three_desks_becomes_one_lead_shown_in_the_popup(
    ucm: UcmSimulator, zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
    desks: list[RunningDesk],
) -> None:
    desks += [await start_desk(ucm, zsim, tmp_path, ext, add_unknown="Leads")
              for ext in ("1002", "1003", "1004")]
    await ucm.wait_subscribed(3)
    leads = zsim.count("Leads")
    rows = sc.CallRows()
    await ucm.play(sc.ring_call(rows, caller="0145678900", name="NEW PROSPECT",
                                rings=("1002", "1003", "1004"), answered_by="1004",
                                service="queue"), speed=0.05)
    answering = desks[2]
    await wait_for(lambda: any(o.matches for _, o in answering.view.lookups), 10)
    assert zsim.count("Leads") == leads + 1
    lead = zsim.records["Leads"][-1]
    assert (lead["Last_Name"], lead["Phone"]) == ("NEW PROSPECT", "+33145678900")
    [shown] = [o.matches[0] for _, o in answering.view.lookups if o.matches]
    assert (shown.module, shown.id) == ("Leads", lead["id"])
    assert shown.url.endswith(f"/tab/Leads/{lead['id']}")
    # the lookup knows it at once: no "no match" from the cache, no new query to Zoho
    coql = zsim.counts["api:coql"]
    services = answering.app._services
    assert services.lookup is not None
    found = await services.lookup.lookup("0145678900")
    assert [m.id for m in found.matches] == [lead["id"]] and zsim.counts["api:coql"] == coql
    await wait_for(lambda: len(zsim.records.get("Calls", [])) == 1, 10)
    assert who(zsim.records["Calls"][0]) == lead["id"]


async def test_outgoing_calls_through_the_ucm_are_written_as_outbound(
    ucm: UcmSimulator, zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
    desks: list[RunningDesk],
) -> None:
    desks.append(await start_desk(ucm, zsim, tmp_path, "1002"))
    await ucm.wait_subscribed(1)
    rows = sc.CallRows()
    for _ in range(3):
        agent = rows.leg("1002", "Ring", callernum="1002", connectednum="0612345678",
                         outbound_trunk_name="MyTrunk")
        trunk = rows.leg("trunk", "Ringing", agent["linkedid"], callernum="0612345678",
                         connectednum="1002", outbound_trunk_name="MyTrunk")
        await ucm.play([
            sc.Step(0, [sc.calls(agent, trunk), sc.status(("1002", "InUse"))]),
            sc.Step(0.1, [sc.calls(sc.update(agent, state="Up"), sc.update(trunk, state="Up"),
                                   sc.bridge(agent, trunk))]),
            sc.Step(1.1, [sc.calls(sc.bridge(agent, trunk, "delete"), sc.delete(trunk),
                                   sc.delete(agent)), sc.status(("1002", "Idle"))]),
        ], speed=0.2)
    await wait_for(lambda: len(zsim.records.get("Calls", [])) >= 3, 3)
    assert [c["Call_Type"] for c in zsim.records["Calls"]] == ["Outbound"] * 3


def _config(ucm: UcmSimulator, zoho: ZohoSimulator, path: Path) -> Path:
    base = zoho.base_url
    path.write_text(
        f'[ucm]\nhost = "127.0.0.1"\nport = {ucm.port}\nusername = "{ucm.username}"\n'
        f'extension = "1002"\nfingerprint = "{ucm.fingerprint}"\n'
        '[crm]\nprovider = "zoho-v2"\ndefault_region = "FR"\nlog_calls = true\n'
        f'[zoho_v2]\nserver = "{base}"\naccounts_url = "{base}"\nweb_url = "{base}"\n'
        f'client_id = "{zoho.client_id}"\n'
    )
    return path


def _waiting_rows(outbox: Path) -> int:
    if not outbox.exists():
        return 0
    with contextlib.closing(sqlite3.connect(outbox)) as db:
        return int(db.execute("select count(*) from writes where state != 'done'").fetchone()[0])


@STOPPED_BY_SIGTERM
async def test_killed_in_the_middle_and_restarted_every_call_is_written_once(
    ucm: UcmSimulator, zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
) -> None:
    """SIGKILL while a write is on its way (Zoho wrote it, the answer never came) and others
    wait; the restarted app settles the first by reading and writes the rest, with 10 % of
    the writes then answered 429 or cut."""
    config = _config(ucm, zsim, tmp_path / "config.toml")
    env = {**os.environ,
           "UCM_POPUP_UCM_PASSWORD": ucm.password,
           "UCM_POPUP_ZOHO_CLIENT_SECRET": zsim.client_secret,
           "UCM_POPUP_ZOHO_REFRESH_TOKEN": zsim.add_refresh_token(FULL_SCOPES + WRITE_SCOPES),
           "UCM_POPUP_TEST_OUTBOX": json.dumps(FAST)}
    script = Path(__file__).with_name("writes_desk_process.py")
    outbox = app_dir("state") / "outbox.sqlite3"

    async def start() -> asyncio.subprocess.Process:
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(script), str(config), env=env,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
        await ucm.wait_subscribed(1, timeout=20)
        return process

    rows = sc.CallRows()

    async def calls(count: int) -> None:
        await ucm.play(sc.merged(*(sc.ring_call(rows, caller="0612345678", talk_s=2)
                                   for _ in range(count))), speed=0.05)

    zsim.slow_seconds = 60.0
    zsim.write_faults.extend(["slow-after"] * 5)  # the first write hangs after Zoho wrote it
    first = await start()
    try:
        await calls(20)
        # Zoho wrote the first request's records (up to 100 a request); its answer hangs
        await wait_for(lambda: _waiting_rows(outbox) >= 1 and zsim.count("Calls") >= 1, 20,
                       lambda: f"{_waiting_rows(outbox)} waiting, {zsim.count('Calls')} written")
    finally:
        first.kill()  # SIGKILL: no clean-up of any kind
        await first.wait()
    zsim.write_faults.clear()
    zsim.write_fault_rate = 0.1
    await wait_for(lambda: ucm.subscribers == 0, 5)
    second = await start()
    try:
        await calls(20)
        await wait_for(lambda: zsim.count("Calls") >= 40 and _waiting_rows(outbox) == 0, 30,
                       lambda: f"{_waiting_rows(outbox)} waiting, {zsim.count('Calls')} written")
    finally:
        second.terminate()
        assert await second.wait() == 0
        assert second.stderr is not None
        assert b"Traceback" not in await second.stderr.read()
    descriptions = [str(c["Description"]) for c in zsim.records["Calls"]]
    assert len(descriptions) == len(set(descriptions)) == 40
    assert zsim.counts["coql:Calls"] >= 1  # the write cut by the kill was read for


async def test_a_failing_writer_is_shown_and_restarted_and_a_broken_outbox_stops_no_popup(
    zsim: ZohoSimulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    from ucm_popup.crm.outbox import OutboxWorker

    settings = Settings(crm=CrmSettings(default_region="FR", log_calls=True),
                        zoho_v2=zsim.v2_settings())
    store = secrets.MemorySecretStore({
        secrets.ZOHO_V2_CLIENT_SECRET: zsim.client_secret,
        secrets.ZOHO_V2_REFRESH_TOKEN: zsim.add_refresh_token(FULL_SCOPES + WRITE_SCOPES)})
    original = OutboxWorker.run
    runs: list[int] = []

    async def flaky(self: OutboxWorker) -> None:
        runs.append(1)
        if len(runs) == 1:
            raise RuntimeError("a bug in the worker")
        await original(self)

    monkeypatch.setattr(OutboxWorker, "run", flaky)
    errors: list[BaseException] = []
    view = View()
    app = PopupApp(view, settings, store, on_error=errors.append, restart_initial_s=0.05,
                   outbox_path=tmp_path / "outbox.sqlite3", outbox_options=FAST)
    await app.start()
    try:
        await wait_for(lambda: len(runs) >= 2, 5)
        assert [str(e) for e in errors] == ["a bug in the worker"]
        assert any("internal error: RuntimeError" in s.last_error for s in view.writes)
        writing = app._services.writing
        assert writing is not None
        writing.writer.outbox.add("k", "Calls", {
            "Subject": "s", "Call_Type": "Missed", "Call_Start_Time": "2026-01-01T10:00:00+01:00"},
            marker="m")
        await wait_for(lambda: zsim.count("Calls") == 1, 5)  # the restarted worker writes
    finally:
        await app.shutdown()

    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    view = View()
    app = PopupApp(view, settings, store, on_error=errors.append, outbox_path=broken)
    await app.start()
    try:
        assert app._services.lookup is not None  # lookups and popups go on
        assert "calls cannot be written" in view.writes[-1].last_error
    finally:
        await app.shutdown()


async def test_a_v1_desk_that_ticks_the_writes_is_told_v1_is_read_only(tmp_path: Path) -> None:
    from ucm_popup.crm.writes import V1_READ_ONLY

    view = View()
    settings = Settings(crm=CrmSettings(provider="zoho-v1", log_calls=True))
    app = PopupApp(view, settings, secrets.MemorySecretStore(), outbox_path=tmp_path / "o.db")
    await app.start()
    try:
        assert view.writes[-1].last_error == V1_READ_ONLY
        assert not (tmp_path / "o.db").exists()  # nothing is queued for a CRM that takes none
    finally:
        await app.shutdown()

"""The site relay's CRM work end to end: the real relay command, the UCM and Zoho simulators
and a real mosquitto with the documented ACL.  Calls written once for the site (also across a
SIGKILL), lookups answered from the relay's phone index, desks keeping no index."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from conftest import app_dir
from mqtt_support import RELAY_USER, Broker, running_broker
from test_relay_site import DESKS, passwords, ucm_toml

from tests.writes_support import FAST, WRITE_SCOPES, wait_for, zsim  # noqa: F401
from ucm_popup.app import Connection, PopupApp
from ucm_popup.crm.index import PhoneIndex
from ucm_popup.secrets import MQTT_PASSWORD, MemorySecretStore
from ucm_popup.settings import CrmSettings, MqttSettings, Settings, SourceSettings, UcmSettings
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.sim.zoho import FULL_SCOPES, ZohoSimulator

JANE_ID = "3477061000000419001"
SCRIPT = Path(__file__).with_name("relay_crm_process.py")


def relay_config(folder: Path, sim: UcmSimulator, zoho: ZohoSimulator, broker: Broker,
                 **crm: Any) -> Path:
    base = zoho.base_url
    values = {"provider": "zoho-v2", "default_region": "FR", **crm}
    path = folder / "relay.toml"
    path.write_text(
        ucm_toml(sim) + "\n[crm]\n"
        + "".join(f"{key} = {json.dumps(value)}\n" for key, value in values.items())
        + f'\n[zoho_v2]\nserver = "{base}"\naccounts_url = "{base}"\nweb_url = "{base}"\n'
        f'client_id = "{zoho.client_id}"\n\n' + broker.mqtt_toml(RELAY_USER)
        + '\n[relay]\ncrm_lookup = true\n')
    return path


class Relay:
    """The relay command as a process of its own, its state directory under the test's."""

    def __init__(self, config: Path, sim: UcmSimulator, zoho: ZohoSimulator,
                 users: dict[str, str], state: Path) -> None:
        self.config, self.sim, self.state = config, sim, state
        self.env = {**os.environ,
                    "UCM_POPUP_UCM_PASSWORD": sim.password,
                    "UCM_POPUP_MQTT_PASSWORD": users[RELAY_USER],
                    "UCM_POPUP_ZOHO_CLIENT_SECRET": zoho.client_secret,
                    "UCM_POPUP_ZOHO_REFRESH_TOKEN":
                        zoho.add_refresh_token(FULL_SCOPES + WRITE_SCOPES),
                    "UCM_POPUP_TEST_OUTBOX": json.dumps(FAST),
                    "STATE_DIRECTORY": str(state)}
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> Relay:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, str(SCRIPT), "relay", "--config", str(self.config), env=self.env,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
        await self.sim.wait_subscribed(self.sim.subscribers + 1, timeout=20)
        return self

    def waiting(self) -> int:
        outbox = self.state / "outbox.sqlite3"
        if not outbox.exists():
            return 0
        with contextlib.closing(sqlite3.connect(outbox)) as db:
            return int(db.execute(
                "select count(*) from writes where state != 'done'").fetchone()[0])

    async def stop(self) -> str:
        """SIGTERM: exit 0 and one clean stderr."""
        assert self.process is not None and self.process.stderr is not None
        self.process.terminate()
        _, err = await asyncio.wait_for(self.process.communicate(), 20)
        assert self.process.returncode == 0, err.decode()
        return err.decode()

    async def kill(self) -> None:
        assert self.process is not None
        self.process.kill()  # SIGKILL: no clean-up of any kind
        await self.process.wait()


@contextlib.asynccontextmanager
async def site(tmp_path: Path, sim: UcmSimulator, zoho: ZohoSimulator,
               **crm: Any) -> AsyncIterator[tuple[Relay, Broker, dict[str, str]]]:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        relay = Relay(relay_config(tmp_path, sim, zoho, broker, **crm), sim, zoho, users,
                      tmp_path / "relay-state")
        try:
            yield relay, broker, users
        finally:
            if relay.process is not None and relay.process.returncode is None:
                relay.process.kill()
                await relay.process.wait()


def calls(zoho: ZohoSimulator) -> list[dict[str, Any]]:
    return zoho.records.get("Calls", [])


# Calls played fast against the relay's lookups: with the two cores shared by parallel test
# workers a lookup can finish after its call's record is written (unlinked); it runs in the
# serial pass with the other load tests.
@pytest.mark.soak
async def test_a_relay_writes_one_record_per_call_and_desk_and_one_missed_per_group(
        tmp_path: Path, sim: UcmSimulator, zsim: ZohoSimulator) -> None:  # noqa: F811
    leads = zsim.count("Leads")
    async with site(tmp_path, sim, zsim, log_calls=True, add_unknown="Leads") as (relay, _, _):
        await relay.start()
        rows = sim.rows
        await sim.play(sc.merged(
            sc.ring_call(rows, caller="0612345678", rings=DESKS, answered_by="1002",
                         service="queue", ring_s=3, talk_s=3),
            [sc.Step(0.5, []), *sc.ring_call(rows, caller="0612345678", rings=DESKS,
                                             answered_by="", service="queue", ring_s=3)],
            [sc.Step(1.0, []), *sc.ring_call(rows, caller="0612345678", rings=("1003",),
                                             answered_by="1003", talk_s=2)],
            [sc.Step(1.5, []), *sc.ring_call(rows, caller="0145678900", name="NEW PROSPECT",
                                             rings=DESKS, answered_by="1001",
                                             service="queue", talk_s=2)],
        ), speed=0.1)
        await wait_for(lambda: len(calls(zsim)) >= 4 and relay.waiting() == 0, 20,
                       lambda: f"{relay.waiting()} waiting, {len(calls(zsim))} written")
        await asyncio.sleep(1.0)  # more than the missed grace: a duplicate would show now
        err = await relay.stop()
    assert "Traceback" not in err
    kinds = sorted((c["Call_Type"], c["Subject"].rsplit(" to ", 1)[1]) for c in calls(zsim))
    assert [kind for kind, _ in kinds] == ["Inbound", "Inbound", "Inbound", "Missed"]
    assert sorted(to for kind, to in kinds if kind == "Inbound") == ["1001", "1002", "1003"]
    assert zsim.count("Leads") == leads + 1  # the unknown number that rang three desks
    lead = zsim.records["Leads"][-1]
    assert lead["Last_Name"] == "NEW PROSPECT"
    assert sorted(c["Who_Id"]["id"] for c in calls(zsim) if "Who_Id" in c) == [JANE_ID] * 3
    [lead_call] = [c for c in calls(zsim) if "What_Id" in c]  # a Lead: What_Id + $se_module
    assert (lead_call["What_Id"]["id"], lead_call["$se_module"]) == (lead["id"], "Leads")


async def test_a_relay_killed_mid_way_and_restarted_writes_each_call_once(
        tmp_path: Path, sim: UcmSimulator, zsim: ZohoSimulator) -> None:  # noqa: F811
    async with site(tmp_path, sim, zsim, log_calls=True) as (relay, _, _):
        rows = sim.rows

        async def group_calls(count: int) -> None:
            await sim.play(sc.merged(*(
                sc.ring_call(rows, caller="0612345678", rings=DESKS, service="queue",
                             answered_by=("1001", "1002", "")[n % 3], ring_s=1, talk_s=2)
                for n in range(count))), speed=0.05)

        zsim.slow_seconds = 60.0
        zsim.write_faults.extend(["slow-after"] * 5)  # Zoho writes the first, its answer hangs
        await relay.start()
        await group_calls(9)
        # Zoho wrote the first request's records (up to 100 a request), its answer hangs
        await wait_for(lambda: relay.waiting() >= 1 and zsim.count("Calls") >= 1, 20,
                       lambda: f"{relay.waiting()} waiting, {zsim.count('Calls')} written")
        await relay.kill()
        zsim.write_faults.clear()
        zsim.write_fault_rate = 0.1
        await wait_for(lambda: sim.subscribers == 0, 5)
        await relay.start()
        await group_calls(9)
        await wait_for(lambda: zsim.count("Calls") >= 18 and relay.waiting() == 0, 30,
                       lambda: f"{relay.waiting()} waiting, {zsim.count('Calls')} written")
        await asyncio.sleep(1.0)
        err = await relay.stop()
    assert "Traceback" not in err
    descriptions = [str(c["Description"]) for c in calls(zsim)]
    assert len(descriptions) == len(set(descriptions)) == 18
    assert sorted(c["Call_Type"] for c in calls(zsim)) == ["Inbound"] * 12 + ["Missed"] * 6
    assert zsim.counts["coql:Calls"] >= 1  # the write cut by the kill was read for


async def test_the_relays_index_answers_the_desks_with_no_zoho_request_per_call(
        tmp_path: Path, sim: UcmSimulator, zsim: ZohoSimulator) -> None:  # noqa: F811
    stale = app_dir("state") / "crm-index.sqlite3"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"a desk's index from before the relay kept one")
    async with site(tmp_path, sim, zsim, index="relay") as (relay, broker, users):
        await relay.start()
        index_file = relay.state / "crm-index.sqlite3"

        def synced() -> bool:
            if not index_file.exists():
                return False
            index = PhoneIndex(index_file, "FR")
            try:
                return index.status().synced_at is not None
            finally:
                index.close()

        await wait_for(synced, 60, lambda: "the relay's index never synced")  # a busy machine
        assert index_file.stat().st_mode & 0o077 == 0  # personal data: the relay's user only
        desk = PopupApp(_View(), Settings(
            ucm=UcmSettings(extension="1002"),
            crm=CrmSettings(provider="zoho-v2", default_region="FR", index="relay"),
            zoho_v2=zsim.v2_settings(), source=SourceSettings(kind="relay"),
            mqtt=MqttSettings(url=broker.url, username="1002", topic_prefix="ucm-popup",
                              ca_file=broker.ca_file)),
            MemorySecretStore({MQTT_PASSWORD: users["1002"]}))
        view = desk.view
        assert isinstance(view, _View)
        await desk.start()
        try:
            await wait_for(lambda: desk.health.connection is Connection.CONNECTED, 10)
            assert not stale.exists()  # the desk keeps no copy: the relay has the index
            before = zsim.api_requests()
            rows = sim.rows
            numbers = ["0612345678", "0698765432", "0144556677", "0612345678", "0698765432"]
            await sim.play(sc.merged(*(
                [sc.Step(0.5 * n, []), *sc.ring_call(rows, caller=number, answered_by="")]
                for n, number in enumerate(numbers))), speed=0.1)
            await wait_for(lambda: len(view.lookups) == len(numbers), 10,
                           lambda: f"{len(view.lookups)} lookups")
        finally:
            await desk.shutdown()
        assert zsim.api_requests() == before  # 0 Zoho requests for 5 calls
        names = [{m.name for m in outcome.matches} for outcome in view.lookups]
        assert names == [{"Jane Doe"}, {"Marc Dubois"}, {"Marc Dubois"}, {"Jane Doe"},
                         {"Marc Dubois"}]  # (Marc Dubois is a Contact and a Lead)
        await relay.stop()
    # Nothing of the index on the desk's side, not even SQLite's side files.
    assert not list(app_dir("state").rglob("crm-index*"))


class _View:
    def __init__(self) -> None:
        self.lookups: list[Any] = []

    def health_changed(self, health: Any) -> None: ...

    def call_event(self, event: Any) -> None: ...

    def lookup_finished(self, call_id: str, outcome: Any) -> None:
        self.lookups.append(outcome)

    def recent_calls_changed(self, calls: list[Any]) -> None: ...


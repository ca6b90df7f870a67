"""Two relays for one site (docs/standby-relay.md): a real mosquitto, the UCM simulator, two
relay processes and ten desks.  The lead relay dies in the middle of a run of 100 calls at
10 calls/s; the standby takes over, and no desk misses a call, sees one twice or sees a call
end otherwise than it really ended."""

from __future__ import annotations

import asyncio
import shutil
import signal
import time
from pathlib import Path

import pytest
from mqtt_support import Broker, running_broker
from standby_support import (
    DESKS,
    DeskLog,
    RelayNode,
    Watcher,
    all_ended,
    mqtt_of,
    node_config,
    problems,
    site_run,
    site_users,
)
from test_relay_crm_site import Relay as CrmRelay
from test_relay_crm_site import relay_config as crm_relay_config
from test_relay_site import passwords

from tests.writes_support import wait_for, zsim  # noqa: F401
from ucm_popup.errors import ServiceError
from ucm_popup.relay.dial import dial_through_relay
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.sim.zoho import ZohoSimulator

KEEPALIVE_S = 1  # the broker gives up on a silent relay after 1.5 s and sends its will


@pytest.mark.parametrize("how", ["killed", "network-cut"])
async def test_the_lead_relay_dies_in_a_run_of_100_calls_and_the_standby_takes_over(
        tmp_path: Path, sim: UcmSimulator, how: str) -> None:
    users = site_users()
    async with running_broker(tmp_path / "broker", users) as broker:
        watcher = Watcher(broker, users)
        a = RelayNode(node_config(tmp_path, sim, broker, "a"), sim, users, KEEPALIVE_S)
        b = RelayNode(node_config(tmp_path, sim, broker, "b"), sim, users, KEEPALIVE_S)
        desks: dict[str, DeskLog] = {}
        try:
            await watcher.lead_and_standby(a, b)
            await sim.wait_subscribed(2, timeout=20)  # both follow the UCM: warm trackers
            desks = {ext: DeskLog(mqtt_of(broker, ext), ext, users[ext]) for ext in DESKS}
            await _connected(desks)

            steps, truth = site_run(sim)
            run = asyncio.get_running_loop().create_task(sim.play(steps))
            await _rung(desks, 50)  # the run's middle: about 30 calls ringing or talking
            killed_at = time.monotonic()
            a.signal(signal.SIGKILL if how == "killed" else signal.SIGSTOP)
            took_over = await watcher.until(lambda: watcher.leader() == "b", timeout=10)
            # A kill closes its sockets: the broker sends its wills at once.  A cut leaves
            # them open: the keep-alive decides (1.5 x it; mosquitto 2.0 looks every 5 s).
            assert took_over - killed_at < (5.0 if how == "killed" else 1.5 * KEEPALIVE_S + 5)
            await run
            await all_ended(desks, truth)
            assert problems(desks, truth) == []
            assert sim.subscribers <= 2

            if how == "network-cut":  # its network back: it joins as the standby
                a.signal(signal.SIGCONT)
                await watcher.until(lambda: watcher.role("a") == "standby")
                assert watcher.leader() == "b"
                more, later = site_run(sim, calls=10)
                await sim.play(more)
                await all_ended(desks, later)
                assert problems(desks, later) == []
                assert watcher.leader() == "b"
        finally:
            for desk in desks.values():
                await desk.aclose()
            await a.stop()
            await b.stop()
            await watcher.aclose()


async def test_a_relay_that_comes_back_joins_as_standby_and_a_clean_stop_hands_over(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = site_users()
    async with running_broker(tmp_path / "broker", users) as broker:
        watcher = Watcher(broker, users)
        a = RelayNode(node_config(tmp_path, sim, broker, "a"), sim, users)
        b = RelayNode(node_config(tmp_path, sim, broker, "b"), sim, users)
        desk = DeskLog(mqtt_of(broker, DESKS[0]), DESKS[0], users[DESKS[0]])
        try:
            await watcher.lead_and_standby(a, b)
            a.signal(signal.SIGKILL)
            await a.process.wait()  # type: ignore[union-attr]
            await watcher.until(lambda: watcher.leader() == "b" and watcher.role("a") == "offline")
            await a.start()  # back after the kill: b leads, a waits
            await watcher.until(lambda: watcher.role("a") == "standby")
            assert watcher.leader() == "b" and watcher.role("b") == "active"

            b.signal(signal.SIGTERM)  # b stopped cleanly: says so, and a takes over
            await watcher.until(lambda: watcher.leader() == "a")
            assert watcher.role("b") == "offline"
            assert desk.lines("disconnected") == []
        finally:
            await desk.aclose()
            await a.stop()
            await b.stop()
            await watcher.aclose()


async def _rung(desks: dict[str, DeskLog], calls: int, timeout: float = 20.0) -> None:
    async with asyncio.timeout(timeout):
        while sum(len(desk.lines("ringing")) for desk in desks.values()) < calls:
            await asyncio.sleep(0.02)


async def _connected(desks: dict[str, DeskLog], timeout: float = 15.0) -> None:
    async with asyncio.timeout(timeout):
        while not all(desk.lines("connected") for desk in desks.values()):
            await asyncio.sleep(0.05)



async def test_every_call_is_written_once_when_the_lead_relay_is_killed(
        tmp_path: Path, sim: UcmSimulator, zsim: ZohoSimulator) -> None:  # noqa: F811
    """The real relay command twice, writing the site's calls to the Zoho simulator: the
    leader dies with writes queued and in flight; the new leader reads before it writes."""
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        watcher = Watcher(broker, users)
        nodes = []
        for node in ("a", "b"):
            folder = tmp_path / node
            folder.mkdir()
            config = crm_relay_config(folder, sim, zsim, broker, log_calls=True)
            config.write_text(config.read_text() + f'node = "{node}"\n')
            nodes.append(CrmRelay(config, sim, zsim, users, folder / "state"))
        a, b = nodes
        try:
            await watcher.lead_and_standby(a, b)
            steps, truth = site_run(sim)
            run = asyncio.get_running_loop().create_task(sim.play(steps))
            await wait_for(lambda: len(zsim.records.get("Calls", [])) >= 20, 30)
            await a.kill()
            await watcher.until(lambda: watcher.leader() == "b", timeout=5)
            await run
            await wait_for(lambda: len(zsim.records.get("Calls", [])) >= len(truth), 30)
            await wait_for(lambda: b.waiting() == 0, 30, lambda: f"{b.waiting()} waiting")
            written = [str(c["Subject"]) for c in zsim.records["Calls"]]
            numbers = sorted(s.split(" ")[3] for s in written)
            assert numbers == sorted(f"06{n:08d}" for n in range(len(truth))), written
        finally:
            for relay in nodes:
                if relay.process is not None and relay.process.returncode is None:
                    await relay.kill()
            await watcher.aclose()


async def test_two_relays_started_together_agree_on_one_leader(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = site_users()
    async with running_broker(tmp_path / "broker", users) as broker:
        watcher = Watcher(broker, users)
        relays = [RelayNode(node_config(tmp_path, sim, broker, node), sim, users)
                  for node in ("a", "b")]
        try:
            await asyncio.gather(*(relay.start() for relay in relays))

            def agreed() -> bool:
                roles = sorted(watcher.role(node) for node in ("a", "b"))
                leader = watcher.leader()
                return roles == ["active", "standby"] and watcher.role(leader) == "active"

            await watcher.until(agreed)
            # Both may have claimed: the tie rule keeps "a"; "b" stepped down at once.
            claims = [d.get("node") for _at, topic, d in watcher.seen
                      if topic.endswith("/relay/status") and d.get("state") == "online"]
            assert claims[-1] == watcher.leader()
            if set(claims) == {"a", "b"}:
                assert watcher.leader() == "a"
        finally:
            for relay in relays:
                await relay.stop()
            await watcher.aclose()


async def test_a_dial_during_the_switch_is_answered_and_one_after_it_is_done(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = {**site_users(), "1002": "desk-1002-password"}
    desk = "1002"  # an extension the simulated UCM has
    async with running_broker(tmp_path / "broker", users) as broker:
        watcher = Watcher(broker, users)
        a = RelayNode(node_config(tmp_path, sim, broker, "a"), sim, users)
        b = RelayNode(node_config(tmp_path, sim, broker, "b"), sim, users)
        mqtt = mqtt_of(broker, desk)
        try:
            await watcher.lead_and_standby(a, b)
            await dial_through_relay(mqtt, desk, users[desk], "0612345678")
            assert [r["outbound"] for r in sim.dial_requests()] == ["0612345678"]

            a.signal(signal.SIGSTOP)  # its network cut: the leader hears nothing any more
            with pytest.raises(ServiceError, match="relay switching, try again"):
                await dial_through_relay(mqtt, desk, users[desk], "0698765432", timeout=20)
            assert watcher.leader() == "b"
            assert len(sim.dial_requests()) == 1  # the switch placed no call of its own

            await dial_through_relay(mqtt, desk, users[desk], "0611111111")
            assert [r["outbound"] for r in sim.dial_requests()][1:] == ["0611111111"]
        finally:
            await a.stop()
            await b.stop()
            await watcher.aclose()


async def test_desks_and_relays_go_on_to_the_next_broker_when_theirs_stops(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = site_users()
    async with running_broker(tmp_path / "first", users) as first:
        second = Broker(tmp_path / "second", users)
        second.write_files()
        for name in ("ca.pem", "server.pem", "server.key"):  # one CA for the site's brokers
            shutil.copy(first.folder / name, second.folder / name)
        await second.start()
        relay = await RelayNode(node_config(tmp_path, sim, first, "a", second), sim,
                                users).start()
        extension = DESKS[0]
        desk = DeskLog(mqtt_of(first, extension, second), extension, users[extension])
        try:
            await _connected({extension: desk})
            steps, truth = site_run(sim, calls=1)
            await sim.play(steps)
            await all_ended({extension: desk}, truth)

            await first.stop()
            async with asyncio.timeout(20):
                while len(desk.lines("connected")) < 2:  # again, through the second broker
                    await asyncio.sleep(0.05)
            steps, later = site_run(sim, calls=1)
            await sim.play(steps)
            await all_ended({extension: desk}, later)
            assert problems({extension: desk}, {**truth, **later}, breaks=True) == []
            assert [d["event"] for _at, d in desk.events][-3:] == [
                "connected", "ringing", "ended"]
        finally:
            await desk.aclose()
            await relay.stop()
            await second.stop()

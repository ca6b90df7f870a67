"""Two site relays on one real mosquitto, for the standby tests and the takeover benchmark:
relay processes with a node name each, desks in this process, a watcher of the relays'
statuses, and a site run of many calls on the UCM simulator."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
import sys
import time
from pathlib import Path
from typing import Any

from mqtt_support import PREFIX, RELAY_USER, Broker
from test_relay_site import ucm_toml

from ucm_popup.relay.broker import Topics, make_client
from ucm_popup.relay.desk import RelayEventSource
from ucm_popup.settings import MqttSettings
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.ucm.events import to_json

DESKS = tuple(str(2001 + n) for n in range(10))
TOPICS = Topics(PREFIX)


def site_users() -> dict[str, str]:
    return {user: secrets.token_urlsafe(8) for user in (RELAY_USER, *DESKS)}


def mqtt_of(broker: Broker, user: str, *fallbacks: Broker) -> MqttSettings:
    return MqttSettings(url=broker.url, username=user, topic_prefix=PREFIX,
                        ca_file=broker.ca_file,
                        fallback_urls=tuple(other.url for other in fallbacks))


def node_config(folder: Path, sim: UcmSimulator, broker: Broker, node: str,
                *fallbacks: Broker) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"relay-{node}.toml"
    urls = json.dumps([other.url for other in fallbacks])
    api = f'api_username = "{sim.api_username}"\n'
    path.write_text(ucm_toml(sim) + api + '\n[crm]\nprovider = "none"\n\n'
                    + broker.mqtt_toml(RELAY_USER) + f"fallback_urls = {urls}\n"
                    + f'\n[relay]\nextensions = []\ncrm_lookup = false\nnode = "{node}"\n')
    return path


class RelayNode:
    """``tests/relay_process.py`` with a node name: a relay we may kill, stop and resume."""

    def __init__(self, config: Path, sim: UcmSimulator, users: dict[str, str],
                 keepalive: int = 1) -> None:
        self.config, self.sim, self.users, self.keepalive = config, sim, users, keepalive
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> RelayNode:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, str(Path(__file__).parent / "relay_process.py"), str(self.config),
            str(self.keepalive), stderr=asyncio.subprocess.DEVNULL,
            env={**os.environ, "UCM_POPUP_UCM_PASSWORD": self.sim.password,
                 "UCM_POPUP_UCM_API_PASSWORD": self.sim.password,
                 "UCM_POPUP_MQTT_PASSWORD": self.users[RELAY_USER]})
        return self

    def signal(self, number: int) -> None:
        assert self.process is not None and self.process.returncode is None
        self.process.send_signal(number)

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, 18)  # SIGCONT: a stopped process must see SIGKILL
                self.process.kill()
            await self.process.wait()


class Watcher:
    """Every message on the relays' status topics, with the time it came (as the relay user,
    who may read them all)."""

    def __init__(self, broker: Broker, users: dict[str, str]) -> None:
        self.seen: list[tuple[float, str, dict[str, Any]]] = []
        self.current: dict[str, dict[str, Any]] = {}
        self._changed = asyncio.Event()
        self._task = asyncio.get_running_loop().create_task(self._run(broker, users))

    async def _run(self, broker: Broker, users: dict[str, str]) -> None:
        async with make_client(mqtt_of(broker, RELAY_USER), users[RELAY_USER]) as client:
            await client.subscribe(TOPICS.status, qos=1)
            await client.subscribe(TOPICS.every_node_status, qos=1)
            async for message in client.messages:
                data = json.loads(message.payload)  # type: ignore[arg-type]
                self.seen.append((time.monotonic(), str(message.topic), data))
                self.current[str(message.topic)] = data
                self._changed.set()

    def leader(self) -> str:
        status = self.current.get(TOPICS.status, {})
        return str(status.get("node", "")) if status.get("state") == "online" else ""

    def role(self, node: str) -> str:
        status = self.current.get(TOPICS.node_status(node), {})
        return str(status.get("role", "")) if status.get("state") == "online" else "offline"

    async def lead_and_standby(self, a: Any, b: Any) -> None:
        """Start relay "a" and see it lead, then "b" and see it wait as standby."""
        await a.start()
        await self.until(lambda: self.leader() == "a")
        await b.start()
        await self.until(lambda: self.role("b") == "standby")

    async def until(self, condition: Any, timeout: float = 20.0) -> float:
        """Wait for ``condition()``; the time it became true."""
        async with asyncio.timeout(timeout):
            while not condition():
                self._changed.clear()
                await self._changed.wait()
        return time.monotonic()

    async def aclose(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


class DeskLog:
    """A desk in relay mode (``RelayEventSource``): every event it yields, with its time."""

    def __init__(self, mqtt: MqttSettings, extension: str, password: str) -> None:
        self.source = RelayEventSource(mqtt, extension, password, backoff_initial_s=0.1,
                                       backoff_max_s=0.5)
        self.events: list[tuple[float, dict[str, Any]]] = []
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        async for event in self.source.events():
            data = to_json(event)
            self.events.append((time.monotonic(), data))

    def lines(self, name: str) -> list[dict[str, Any]]:
        return [data for _at, data in self.events if data["event"] == name]

    async def aclose(self) -> None:
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task


def site_run(sim: UcmSimulator, calls: int = 100, rate: float = 10.0, ring_s: float = 1.0,
             talk_s: float = 2.0) -> tuple[list[sc.Step], dict[str, tuple[str, bool]]]:
    """``calls`` calls, ``rate`` a second, round the desks; every third one nobody answers.
    Returns the steps and, per call id, its desk and whether it was answered."""
    timelines, truth = [], {}
    for n in range(calls):
        desk = DESKS[n % len(DESKS)]
        answered = n % 3 != 0
        steps = sc.ring_call(sim.rows, caller=f"06{n:08d}", rings=(desk,),
                             answered_by=desk if answered else "", ring_s=ring_s,
                             talk_s=talk_s)
        truth[str(steps[0].items[0][1][0]["linkedid"])] = (desk, answered)
        timelines.append([sc.Step(n / rate, []), *steps])
    return sc.merged(*timelines), truth


def problems(desks: dict[str, DeskLog], truth: dict[str, tuple[str, bool]], *,
             breaks: bool = False) -> list[str]:
    """What a user at the desks would notice: a call missing or shown twice, an end that
    is not how the call really ended, a desk told the relay went away."""
    found = []
    for extension, desk in desks.items():
        keys = [(d["call_id"], d["event"]) for _at, d in desk.events if "call_id" in d]
        if len(keys) != len(set(keys)):
            twice = sorted(k for k in keys if keys.count(k) > 1)
            found.append(f"{extension}: duplicate events {twice}")
        if desk.lines("disconnected") and not breaks:
            found.append(f"{extension}: {desk.lines('disconnected')}")
    for call_id, (extension, answered) in truth.items():
        seen = [d for _at, d in desks[extension].events if d.get("call_id") == call_id]
        names = [d["event"] for d in seen]
        expected = ["ringing", "answered", "ended"] if answered else ["ringing", "ended"]
        if names != expected:
            found.append(f"{call_id} at {extension}: {names}, expected {expected}")
        elif seen[-1]["answered"] is not answered:
            found.append(f"{call_id} at {extension}: ended with answered={seen[-1]['answered']}")
    return found


async def all_ended(desks: dict[str, DeskLog], truth: dict[str, tuple[str, bool]],
                    timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        ended = {d["call_id"] for desk in desks.values() for d in desk.lines("ended")}
        if set(truth) <= ended:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"calls not ended at their desks: {problems(desks, truth)}")
        await asyncio.sleep(0.05)

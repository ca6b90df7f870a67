"""Two site relays, the leader SIGKILLed again and again under a steady call load.

A real mosquitto (loopback, passwords, the site ACL), the UCM simulator playing RATE calls a
second (each rings one of DESKS desks for 0.3 s; two in three are answered and talk 0.6 s), two
relay processes with ``[relay] node`` "a" and "b", and DESKS desks (``RelayEventSource``, as
the tray app and ``watch`` use it) in this process.  KILLS times: SIGKILL the leader, time
until ``relay/status`` names the other (announced) and until a desk gets the first event the
new leader published (first event), then start the killed relay again (it joins as standby;
the next kill waits until it is warm: every call in progress began after it reached the UCM).
Printed: p50 and max of both, and the events the desks missed or got twice over the run
(each call should give its desk ringing, answered if it was, ended).

    python bench/bench_takeover.py [--kills 20] [--rate 5] [--desks 10] [--cut]

``--cut`` freezes the leader (SIGSTOP) instead of killing it: its sockets stay open, so the
broker waits for the keep-alive (5 s for a relay with a node) before it sends the wills.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_relay import PREFIX, start_broker

from ucm_popup.relay.broker import Topics, make_client
from ucm_popup.relay.desk import RelayEventSource
from ucm_popup.settings import MqttSettings
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.ucm.events import to_json

TOPICS = Topics(PREFIX)
RING_S, TALK_S = 0.3, 0.6  # each call: rings, then (two in three) talks


async def relay_main(config: str) -> None:
    """One relay process (``bench_takeover.py relay CONFIG``)."""
    from ucm_popup.relay.site import SiteRelay
    from ucm_popup.settings import load_settings

    settings, _ = load_settings(Path(config))
    if os.environ.get("BENCH_RELAY_LOG"):  # a log file per relay: BENCH_RELAY_LOG + node
        import logging

        logging.basicConfig(level=logging.DEBUG, format="%(asctime)s %(name)s %(message)s",
                            filename=os.environ["BENCH_RELAY_LOG"] + settings.relay.node)
    await SiteRelay(settings, os.environ["UCM_POPUP_UCM_PASSWORD"],
                    os.environ["UCM_POPUP_MQTT_PASSWORD"], backoff_initial_s=0.2,
                    backoff_max_s=1.0).run()


class Relay:
    def __init__(self, node: str, config: Path, env: dict[str, str]) -> None:
        self.node, self.config, self.env = node, config, env
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "relay", str(self.config), env={**os.environ, **self.env},
            stderr=asyncio.subprocess.DEVNULL)

    def freeze(self) -> None:
        """SIGSTOP: its sockets stay open and silent, as when its network is cut."""
        assert self.process is not None
        self.process.send_signal(signal.SIGSTOP)

    async def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
            await self.process.wait()


class Statuses:
    """relay/status and relay/{node}/status as they change, and the first event of a node."""

    def __init__(self) -> None:
        self.leader, self.roles = "", {}  # type: tuple[str, dict[str, str]]
        self.first_event: dict[str, float] = {}  # node -> when a desk topic got its 1st event
        self.watch_node = ""
        self.changed = asyncio.Event()

    async def run(self, mqtt: MqttSettings, password: str) -> None:
        async with make_client(mqtt, password) as client:
            for topic in (TOPICS.status, TOPICS.every_node_status, TOPICS.every_events):
                await client.subscribe(topic, qos=1)
            async for message in client.messages:
                data = json.loads(message.payload)  # type: ignore[arg-type]
                topic = str(message.topic)
                if topic == TOPICS.status:
                    self.leader = data.get("node", "") if data.get("state") == "online" else ""
                elif node := TOPICS.status_node(topic):
                    warm = data.get("state") == "online" and data.get("ucm") == "online"
                    self.roles[node] = data.get("role", "") if warm else "offline"
                elif (data.get("node") == self.watch_node
                      and self.watch_node not in self.first_event):
                    self.first_event[self.watch_node] = time.monotonic()
                self.changed.set()

    async def until_leader(self, node: str) -> float:
        return await self.until(lambda: self.leader == node)

    async def until_first_event(self, node: str) -> float:
        return await self.until(lambda: node in self.first_event)

    async def until_standby(self, node: str) -> float:
        return await self.until(lambda: self.roles.get(node) == "standby")

    async def until(self, condition: Any, timeout: float = 20.0) -> float:
        async with asyncio.timeout(timeout):
            while not condition():
                self.changed.clear()
                await self.changed.wait()
        return time.monotonic()


async def main(kills: int, rate: float, desk_count: int, cut: bool) -> None:
    desks = [str(3001 + n) for n in range(desk_count)]
    users = {"relay": secrets.token_urlsafe(8), **{d: secrets.token_urlsafe(8) for d in desks}}
    with tempfile.TemporaryDirectory(prefix="bench-takeover-") as folder:
        root = Path(folder)
        broker, port = await start_broker(root, users)
        sim = await UcmSimulator().start()
        url = f"mqtt://127.0.0.1:{port}"
        env = {"UCM_POPUP_UCM_PASSWORD": sim.password, "UCM_POPUP_MQTT_PASSWORD": users["relay"]}
        relays = {}
        for node in ("a", "b"):
            config = root / f"relay-{node}.toml"
            config.write_text(
                f'[ucm]\nhost = "127.0.0.1"\nport = {sim.port}\nusername = "{sim.username}"\n'
                f'fingerprint = "{sim.fingerprint}"\n\n[crm]\nprovider = "none"\n\n'
                f'[mqtt]\nurl = "{url}"\nusername = "relay"\ntopic_prefix = "{PREFIX}"\n\n'
                f'[relay]\ncrm_lookup = false\nnode = "{node}"\n')
            relays[node] = Relay(node, config, env)
        statuses = Statuses()
        watcher = asyncio.create_task(statuses.run(
            MqttSettings(url=url, username="relay", topic_prefix=PREFIX), users["relay"]))
        got: dict[str, list[dict[str, Any]]] = {d: [] for d in desks}

        async def desk(extension: str) -> None:
            source = RelayEventSource(MqttSettings(url=url, username=extension,
                                                   topic_prefix=PREFIX), extension,
                                      users[extension], backoff_initial_s=0.1,
                                      backoff_max_s=0.5)
            async for event in source.events():
                got[extension].append(to_json(event))

        desk_tasks = [asyncio.create_task(desk(d)) for d in desks]
        try:
            await relays["a"].start()
            await statuses.until(lambda: statuses.leader == "a")
            await relays["b"].start()
            await statuses.until(lambda: statuses.roles.get("b") == "standby")
            await sim.wait_subscribed(2, timeout=20)

            truth: dict[str, tuple[str, bool]] = {}
            running = True

            async def load() -> None:
                """RATE calls a second until the kills are done; each call plays alone."""
                calls: list[asyncio.Task[None]] = []
                n = 0
                while running:
                    extension = desks[n % len(desks)]
                    answered = n % 3 != 0
                    steps = sc.ring_call(sim.rows, caller=f"07{n:08d}", rings=(extension,),
                                         answered_by=extension if answered else "",
                                         ring_s=RING_S, talk_s=TALK_S)
                    truth[str(steps[0].items[0][1][0]["linkedid"])] = (extension, answered)
                    calls.append(asyncio.create_task(sim.play(steps)))
                    n += 1
                    await asyncio.sleep(1 / rate)
                await asyncio.gather(*calls)

            play = asyncio.create_task(load())
            announced, first_event = [], []
            await asyncio.sleep(2.0)  # calls under way before the first kill
            for _ in range(kills):
                leader = statuses.leader
                other = "b" if leader == "a" else "a"
                statuses.watch_node = other
                statuses.first_event.pop(other, None)
                killed = time.monotonic()
                if cut:
                    relays[leader].freeze()
                else:
                    await relays[leader].kill()
                announced.append(await statuses.until_leader(other) - killed)
                first_event.append(await statuses.until_first_event(other) - killed)
                await relays[leader].kill()  # a frozen one too: then it starts again
                await relays[leader].start()
                await statuses.until_standby(leader)
                await sim.wait_subscribed(2, timeout=20)
                # Warm: a relay knows the calls that began after it reached the UCM, so the
                # next kill waits until every call in progress is one of those.
                await asyncio.sleep(RING_S + TALK_S + 0.1)
            running = False
            await play
            deadline = time.monotonic() + 15
            while time.monotonic() < deadline:  # the last calls end at their desks
                ended = {e["call_id"] for events in got.values() for e in events
                         if e["event"] == "ended"}
                if set(truth) <= ended:
                    break
                await asyncio.sleep(0.1)
            missed = twice = 0
            for call_id, (extension, answered) in truth.items():
                names = [e["event"] for e in got[extension] if e.get("call_id") == call_id]
                expected = ["ringing", "answered", "ended"] if answered else ["ringing", "ended"]
                missed += len(set(expected) - set(names))
                twice += len(names) - len(set(names))
            breaks = sum(1 for events in got.values() for e in events
                         if e["event"] == "disconnected")
        finally:
            for task in (*desk_tasks, watcher):
                task.cancel()
            for relay in relays.values():
                await relay.kill()
            await sim.aclose()
            broker.terminate()
            broker.wait(10)

    def ms(values: list[float]) -> str:
        return (f"p50 {statistics.median(values) * 1000:.0f} ms, "
                f"max {max(values) * 1000:.0f} ms")

    how = "network cuts (SIGSTOP)" if cut else "kills (SIGKILL)"
    print(f"{kills} {how} of the leading relay, {len(truth)} calls at {rate:g}/s "
          f"to {desk_count} desks")
    print(f"  kill -> relay/status names the new leader: {ms(announced)}")
    print(f"  kill -> first event from the new leader at a desk: {ms(first_event)}")
    print(f"  events the desks missed: {missed} of {sum(3 if a else 2 for _, a in truth.values())}"
          f"; got twice: {twice}; desks told 'disconnected': {breaks}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["relay"]:
        asyncio.run(relay_main(sys.argv[2]))
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--rate", type=float, default=5.0)
    parser.add_argument("--desks", type=int, default=10)
    parser.add_argument("--cut", action="store_true",
                        help="freeze the leader (SIGSTOP) instead: the keep-alive decides")
    args = parser.parse_args()
    asyncio.run(main(args.kills, args.rate, args.desks, args.cut))

"""The site relay's CRM work: ring -> CRM record at a desk through the relay, index off and
on, and the calls the relay writes for the site.

In one process: the UCM simulator plays CALLS ring-group calls (three extensions ring; the
first answers two calls in three, nobody the third) from numbers of a generated organisation
of 2,000 contacts, one every SPACING seconds; the Zoho simulator answers after DELAY ms (an
internet round trip). A ``SiteRelay`` with ``crm.log_calls`` publishes to a real mosquitto
(loopback, plain MQTT, the site ACL); one desk subscriber (extension 2000's broker user)
times each ``ringing`` -> ``lookup`` message. Printed per index setting: that latency
(p50/p99), Zoho API requests for the lookups, the Calls records written (expected: one per
call) and how long after the last call the outbox was empty.

    python bench/bench_relay_crm.py [--calls 100] [--delay-ms 300] [--spacing 0.2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_relay import PREFIX, start_broker

from ucm_popup.crm.service import build_lookup_service
from ucm_popup.crm.writes import MISSED_GRACE_S
from ucm_popup.relay.site import SiteRelay
from ucm_popup.relay.site_crm import build_site_crm
from ucm_popup.secrets import ZOHO_V2_CLIENT_SECRET, ZOHO_V2_REFRESH_TOKEN, MemorySecretStore
from ucm_popup.settings import CrmSettings, MqttSettings, RelaySettings, Settings
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.sim.zoho import FULL_SCOPES, start_demo_zoho
from ucm_popup.sim.zoho_org import large_org

GROUP = ("2000", "2001", "2002")
WRITE_SCOPES = ("ZohoCRM.modules.calls.CREATE", "ZohoCRM.modules.calls.READ")
LOOKUP_COUNTS = ("api:coql", "api:org")


def ms(values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(values) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms"


async def run(index: str, calls: int, delay_s: float, spacing: float, folder: Path) -> None:
    import aiomqtt

    users = {user: secrets.token_urlsafe(8) for user in ("relay", *GROUP)}
    (folder / index).mkdir()
    broker, port = await start_broker(folder / index, users)
    sim = await UcmSimulator().start()
    demo = await start_demo_zoho()
    demo.sim.records = large_org(2_000)
    settings = Settings(
        ucm=sim.settings(""), zoho_v2=demo.settings,
        crm=CrmSettings(default_region="FR", index=index, log_calls=True),
        mqtt=MqttSettings(url=f"mqtt://127.0.0.1:{port}", username="relay", topic_prefix=PREFIX),
        relay=RelaySettings(crm_lookup=True))
    store = MemorySecretStore({
        ZOHO_V2_CLIENT_SECRET: demo.client_secret,
        ZOHO_V2_REFRESH_TOKEN: demo.sim.add_refresh_token(FULL_SCOPES + WRITE_SCOPES)})
    lookup = build_lookup_service(settings, store, relay_index=folder / index / "index.sqlite3")
    crm = build_site_crm(settings, store, lookup, folder / index)
    relay = SiteRelay(settings, sim.password, users["relay"], lookup=lookup, crm=crm)
    relay_task = asyncio.get_running_loop().create_task(relay.run())
    rang: dict[str, float] = {}
    named: dict[str, float] = {}
    try:
        await sim.wait_subscribed(1, timeout=20)
        if lookup is not None and lookup.index is not None:
            while crm.index_state is None or crm.index_state.synced_at is None:
                await asyncio.sleep(0.05)
        demo.sim.answer_delay_s = delay_s
        async with aiomqtt.Client("127.0.0.1", port, username=GROUP[0],
                                  password=users[GROUP[0]]) as desk:
            await desk.subscribe(f"{PREFIX}/ext/{GROUP[0]}/events", qos=1)

            async def listen() -> None:
                async for message in desk.messages:
                    data = json.loads(bytes(message.payload))  # type: ignore[arg-type]
                    if data["event"] == "ringing":
                        rang[data["call_id"]] = time.perf_counter()
                    elif data["event"] == "lookup" and data.get("matches"):
                        named[data["call_id"]] = time.perf_counter()

            listener = asyncio.get_running_loop().create_task(listen())
            before = sum(demo.sim.counts[name] for name in LOOKUP_COUNTS)
            steps = sc.merged(*(
                [sc.Step(spacing * n, []), *sc.ring_call(
                    sim.rows, caller=f"06{(n * 7919) % 2_000:08d}", rings=GROUP,
                    answered_by="" if n % 3 == 2 else GROUP[0], service="queue",
                    ring_s=1.0, talk_s=1.0)]
                for n in range(calls)))
            await sim.play(steps)
            ended = time.perf_counter()
            while len(named) < calls and time.perf_counter() - ended < 10:
                await asyncio.sleep(0.05)
            listener.cancel()
        requests = sum(demo.sim.counts[name] for name in LOOKUP_COUNTS) - before
        while crm.worker is not None and crm.worker.outbox.waiting():
            await asyncio.sleep(0.05)
        drained = time.perf_counter() - ended
        await asyncio.sleep(0.5)
        latencies = [named[c] - rang[c] for c in named if c in rang]
        print(f"index {index}, Zoho answering after {delay_s * 1000:.0f} ms: ringing -> lookup "
              f"message at the desk {ms(latencies)} ({len(latencies)}/{calls} named); "
              f"{requests} Zoho lookup requests for {calls} calls; "
              f"{demo.sim.count('Calls')} Calls records written for {calls} calls "
              f"(outbox empty {drained:.1f} s after the last call ended, of which up to "
              f"{MISSED_GRACE_S:.0f} s is the missed-call grace)", flush=True)
    finally:
        relay_task.cancel()
        await asyncio.gather(relay_task, return_exceptions=True)
        await crm.aclose()
        if lookup is not None:
            await lookup.aclose()
        await sim.aclose()
        await demo.aclose()
        broker.terminate()
        broker.wait(10)


async def main(calls: int, delay_s: float, spacing: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for index in ("off", "relay"):
            await run(index, calls, delay_s, spacing, Path(folder))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--delay-ms", type=float, default=300)
    parser.add_argument("--spacing", type=float, default=0.2)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.calls, args.delay_ms / 1000, args.spacing)))

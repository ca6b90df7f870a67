"""Benchmark of click-to-dial through the site relay: desk -> mosquitto -> relay -> UCM API.

    python bench/bench_relay_dial.py [--desks 40] [--burst 40]

A real mosquitto (loopback, plain MQTT, a password per user and the site ACL, as the demo
relay starts it), the relay's engine in this process with the UCM simulator's HTTPS API (TLS),
and desks asking through ``dial_through_relay`` (each dial opens its own broker connection,
as the tray app and ``ucm-popup dial`` do). Printed:

- one desk's dial, request to the relay's ``ok`` (broker connect + subscribe + publish + the
  relay's API request + the answer), p50/p95 over DESKS desks dialling one after another;
- BURST desks dialling at the same moment: all answered, and the time until the last answer
  (the relay sends one API request at a time, on its one login);
- ``ucm-popup dial`` in relay mode as a subprocess, start to exit.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ucm_popup.dial import Dialer
from ucm_popup.relay.demo_broker import demo_broker
from ucm_popup.relay.dial import dial_through_relay
from ucm_popup.relay.site import SiteRelay
from ucm_popup.secrets import UCM_API_PASSWORD, MemorySecretStore
from ucm_popup.settings import CrmSettings, MqttSettings, Settings
from ucm_popup.sim.ucm import UcmSimulator

PREFIX = "ucm-popup"
FIRST = 3000


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms"


async def main(desks: int, burst: int) -> None:
    extensions = [str(FIRST + n) for n in range(max(desks, burst) + 1)]
    sim = await UcmSimulator().start()
    sim.extensions.update(extensions)
    sim.pickup_s = sim.far_answer_s = sim.talk_s = 0.05
    try:
        async with demo_broker(("relay", *extensions), PREFIX, "relay") as broker:
            settings = Settings(ucm=sim.settings(""), crm=CrmSettings(provider="none",
                                                                      default_region="FR"),
                                mqtt=MqttSettings(url=broker.url, username="relay"))
            dialer = Dialer(settings, MemorySecretStore({UCM_API_PASSWORD: sim.password}))
            relay = SiteRelay(settings, sim.password, broker.passwords["relay"],
                              dial=dialer.dial_for)
            task = asyncio.get_running_loop().create_task(relay.run())
            await sim.wait_subscribed(1, timeout=20)

            def desk(extension: str) -> MqttSettings:
                return MqttSettings(url=broker.url, username=extension)

            async def dial(extension: str) -> float:
                started = time.perf_counter()
                await dial_through_relay(desk(extension), extension,
                                         broker.passwords[extension], "0612345678")
                return time.perf_counter() - started

            first = await dial(extensions[-1])  # the relay's API login happens here
            times = sorted([await dial(extension) for extension in extensions[:desks]])
            print(f"one desk's dial through the relay: first {ms(first)} (with the relay's API "
                  f"login), then p50 {ms(statistics.median(times))}, "
                  f"p95 {ms(times[int(len(times) * 0.95)])} ({desks} desks one after another)")

            await asyncio.sleep(2.1)  # the rate limit: one dial per extension every 2 s
            before = len(sim.dial_requests())
            started = time.perf_counter()
            results = await asyncio.gather(*(dial(e) for e in extensions[:burst]),
                                           return_exceptions=True)
            last = time.perf_counter() - started
            failed = [r for r in results if isinstance(r, BaseException)]
            print(f"{burst} desks dialling at once: {burst - len(failed)} answered ok, "
                  f"{len(failed)} failed, the UCM got {len(sim.dial_requests()) - before} "
                  f"requests; last answer after {ms(last)}")

            await asyncio.sleep(2.1)
            with tempfile.TemporaryDirectory() as folder:
                config = Path(folder) / "desk.toml"
                extension = extensions[0]
                config.write_text(
                    f'[ucm]\nextension = "{extension}"\n\n[source]\nkind = "relay"\n\n'
                    f'[mqtt]\nurl = "{broker.url}"\nusername = "{extension}"\n\n'
                    '[crm]\nprovider = "none"\ndefault_region = "FR"\n')
                started = time.perf_counter()
                process = await asyncio.create_subprocess_exec(
                    sys.executable, "-m", "ucm_popup", "dial", "--config", str(config),
                    "+33 6 12 34 56 78", stdout=asyncio.subprocess.PIPE,
                    env={**os.environ, "UCM_POPUP_MQTT_PASSWORD": broker.passwords[extension],
                         "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"})
                out, _ = await process.communicate()
                took = time.perf_counter() - started
                print(f"ucm-popup dial in relay mode, start to exit: {took:.2f} s "
                      f"(exit {process.returncode}, {json.loads(out)})")
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            await dialer.aclose()
    finally:
        await sim.aclose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", type=int, default=40)
    parser.add_argument("--burst", type=int, default=40)
    arguments = parser.parse_args()
    # aiomqtt warns past 10 QoS 1 publishes in flight; the burst makes that many on purpose.
    logging.getLogger("mqtt").setLevel(logging.ERROR)
    asyncio.run(main(arguments.desks, arguments.burst))

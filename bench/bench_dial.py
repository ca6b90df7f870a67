"""Benchmark of click-to-dial: the dial rules, and a dial through the UCM simulator's API.

    python bench/bench_dial.py [--rounds 200]

- the dial rules (``dial_number``) on a mix of spellings, phonenumbers already loaded;
- a dial through ``Dialer`` against the UCM simulator on loopback (TLS, same process): the
  first (challenge + login + dial) and the next ones (one request each, the session kept);
- ``ucm-popup dial`` as a subprocess against the simulator, from start to exit (interpreter
  start, settings, login, dial), and the same with a number refused before the UCM.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ucm_popup.dial import Dialer, dial_number
from ucm_popup.secrets import UCM_API_PASSWORD, MemorySecretStore
from ucm_popup.settings import CrmSettings, Settings
from ucm_popup.sim.ucm import UcmSimulator

SPELLINGS = ["06 12 34 56 78", "+33 6 12 34 56 78", "tel:+33612345678", "0033 6 98 76 54 32",
             "+1 (212) 555-0142", "1003", "*97", "callto://+44 20 7946 0958", "abc", "1" * 40]


def bench_rules(rounds: int) -> None:
    settings = Settings(crm=CrmSettings(default_region="FR"))
    for text in SPELLINGS:  # load phonenumbers' metadata first
        try:
            dial_number(settings, text)
        except Exception:
            pass
    count = rounds * 50 * len(SPELLINGS)
    started = time.perf_counter()
    for _ in range(rounds * 50):
        for text in SPELLINGS:
            try:
                dial_number(settings, text)
            except Exception:
                pass
    per = (time.perf_counter() - started) / count
    print(f"dial rules: {per * 1e6:.1f} µs per number ({count} numbers, mixed spellings)")


async def bench_api(rounds: int) -> None:
    sim = await UcmSimulator().start()
    sim.talk_s = 0.01
    try:
        settings = Settings(ucm=sim.settings(), crm=CrmSettings(default_region="FR"))
        dialer = Dialer(settings, MemorySecretStore({UCM_API_PASSWORD: sim.password}))
        started = time.perf_counter()
        await dialer.dial("06 12 34 56 78")
        first = time.perf_counter() - started
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            await dialer.dial("+33 6 98 76 54 32")
            times.append(time.perf_counter() - started)
        await dialer.aclose()
        times.sort()
        print(f"dial through the API (TLS, loopback): first {first * 1e3:.1f} ms (login + dial), "
              f"then p50 {statistics.median(times) * 1e3:.2f} ms, "
              f"p95 {times[int(len(times) * 0.95)] * 1e3:.2f} ms ({rounds} dials, one login)")
        with tempfile.TemporaryDirectory() as folder:
            config = Path(folder, "config.toml")
            ucm = {"host": "127.0.0.1", "port": sim.port, "username": sim.username,
                   "extension": "1002", "fingerprint": sim.fingerprint, "api_username": "cdrapi"}
            body = "\n".join(f"{k} = {json.dumps(v)}" for k, v in ucm.items())
            config.write_text(f'[ucm]\n{body}\n[crm]\nprovider = "none"\ndefault_region = "FR"\n')
            env = {**os.environ, "UCM_POPUP_UCM_API_PASSWORD": sim.password,
                   "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
            for number, what in (("0612345678", "accepted"), ("abc", "refused (exit 2)")):
                walls = []
                for _ in range(5):
                    started = time.perf_counter()
                    process = await asyncio.create_subprocess_exec(
                        sys.executable, "-m", "ucm_popup", "dial", "--config", str(config), number,
                        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
                        env=env)
                    await process.wait()
                    walls.append(time.perf_counter() - started)
                print(f"ucm-popup dial subprocess, {what}: p50 {statistics.median(walls):.2f} s "
                      f"(5 runs)")
    finally:
        await sim.aclose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    rounds = parser.parse_args().rounds
    bench_rules(rounds)
    asyncio.run(bench_api(rounds))


if __name__ == "__main__":
    main()

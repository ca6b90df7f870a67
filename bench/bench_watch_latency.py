"""Time from the simulated UCM sending a ringing frame to ``ucm-popup watch`` printing its line.

``watch`` runs as a real subprocess over real TLS on loopback; the time is taken here, from
just before the frame is written to the socket to the moment its ``ringing`` line is read
from watch's stdout. Prints p50 / p95 / max in milliseconds.

    python bench/bench_watch_latency.py [CALLS]
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator


async def read_event(stdout: asyncio.StreamReader, name: str) -> dict[str, object]:
    while True:
        raw = await asyncio.wait_for(stdout.readline(), 10)
        if not raw:
            raise SystemExit("watch ended early")
        data = json.loads(raw)
        if data["event"] == name:
            return dict(data)


async def main(calls: int) -> None:
    sim = await UcmSimulator().start()
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder, "config.toml")
        config.write_text(
            f'[ucm]\nhost = "127.0.0.1"\nport = {sim.port}\nusername = "{sim.username}"\n'
            f'extension = "1002"\nfingerprint = "{sim.fingerprint}"\n[crm]\nprovider = "none"\n',
            encoding="utf-8",
        )
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "ucm_popup", "watch", "--config", str(config),
            stdout=asyncio.subprocess.PIPE,
            env={**os.environ, "UCM_POPUP_UCM_PASSWORD": sim.password},
        )
        assert process.stdout is not None
        try:
            await read_event(process.stdout, "connected")
            await sim.wait_subscribed()
            latencies: list[float] = []
            for n in range(calls):
                steps = sc.ring_call(sim.rows, caller=f"06{n:08d}", name="Bench", ring_s=0,
                                     talk_s=0)
                sent = await sim.notify(steps[0].items)
                await read_event(process.stdout, "ringing")
                latencies.append((time.perf_counter() - sent) * 1000)
                for step in steps[1:]:
                    await sim.notify(step.items)
                await read_event(process.stdout, "ended")
        finally:
            process.terminate()
            await process.wait()
            await sim.aclose()
    latencies.sort()
    p95 = latencies[max(0, int(len(latencies) * 0.95) - 1)]
    print(f"watch ringing latency over {calls} calls (frame sent -> line read), loopback TLS:")
    print(f"  p50 {statistics.median(latencies):.2f} ms   p95 {p95:.2f} ms   "
          f"max {latencies[-1]:.2f} ms")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))

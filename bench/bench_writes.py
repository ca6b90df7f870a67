"""Benchmark of the CRM writes: the outbox on disk, and draining calls into Zoho.

    python bench/bench_writes.py [--calls 200]

- queueing a call: ``CallWriter`` turning an ended call into an outbox row (one SQLite
  transaction with a full fsync), on the event loop's thread: what an Ended event costs;
- draining: ``--calls`` answered calls into the Zoho simulator on loopback, one request per
  record, without faults and with 10 % of the writes answered 429 or cut before or after Zoho
  wrote them (retries after 20 ms here, not the app's 5 s), and the API requests per record.
Aims: queueing < 5 ms p90 (an Ended event must not hold up the next popup); exactly one
record per call.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.writes_support import Desk
from ucm_popup.crm.model import Match
from ucm_popup.sim.zoho import ZohoSimulator
from ucm_popup.ucm.events import Answered, Ended, Ringing, now

JANE = Match("Contacts", "3477061000000419001", "Jane Doe", "", "", "", "", "", "")


def ms(values: list[float]) -> str:
    p90 = sorted(values)[int(len(values) * 0.9)]
    return f"p50 {statistics.median(values) * 1000:.2f} ms, p90 {p90 * 1000:.2f} ms"


def queue_call(desk: Desk, call_id: str) -> float:
    start = now()
    desk.writer.on_event(Ringing(call_id, "1002", "inbound", "0612345678", "", "MyTrunk"))
    desk.writer.on_lookup(call_id, (JANE,), "")
    desk.writer.on_event(Answered(call_id, "1002", start))
    began = time.perf_counter()
    desk.writer.on_event(Ended(call_id, "1002", True, False, start + timedelta(seconds=42)))
    return time.perf_counter() - began


async def drain(calls: int, fault_rate: float, folder: Path) -> None:
    sim = ZohoSimulator(write_fault_rate=fault_rate)
    await sim.start()
    desk = Desk(sim, folder / f"outbox-{fault_rate}.sqlite3")
    try:
        queued = [queue_call(desk, f"call-{i}") for i in range(calls)]
        began = time.perf_counter()
        desk.start()
        await desk.drained(timeout=120)
        took = time.perf_counter() - began
        written = len(sim.records.get("Calls", []))
        requests = sum(n for k, n in sim.counts.items() if ":Calls" in k)
        print(f"faults {fault_rate:.0%}: queueing a call {ms(queued)}; {written} records for "
              f"{calls} calls in {took:.2f} s ({calls / took:.0f} records/s); "
              f"{requests / calls:.2f} API requests per record")
    finally:
        await desk.aclose()
        await sim.aclose()


async def main(calls: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for rate in (0.0, 0.1):
            await drain(calls, rate, Path(folder))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=200)
    asyncio.run(main(parser.parse_args().calls))

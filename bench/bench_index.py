"""Benchmark of the local phone index.

    python bench/bench_index.py [--calls 100] [--records 100000] [--delay-ms 300]

1. Ring -> CRM name: the tray app's core (``PopupApp``, real ``LookupService``, the Zoho
   simulator answering each API request after ``--delay-ms``, a realistic internet round
   trip), ``--calls`` calls from different numbers of a 2,000-contact organisation: the time
   from the ringing event to the CRM record handed to the popup (``lookup_finished``), p50 and
   p99, index off and on, and the API requests those calls cost.
2. A full sync of a generated organisation of ``--records`` contacts (several phone
   spellings each) from the simulator (no delay): requests, time.
3. Lookup in that index: ``LookupService.lookup`` of numbers never asked before (reading the
   number, one indexed query, building the result), p50 and p99; and the query alone.
4. The index's size on disk, and the resident memory an open index adds to a process doing
   lookups in it (a fresh interpreter, so nothing else is counted).
Aims: ring -> name p50 < 30 ms with the index; 0 API requests per call; lookup < 1 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ucm_popup import secrets
from ucm_popup.app import Health, LookupOutcome, PopupApp, RecentCall
from ucm_popup.crm.index import lookup_keys
from ucm_popup.crm.phone import read_number
from ucm_popup.crm.service import build_lookup_service
from ucm_popup.secrets import MemorySecretStore
from ucm_popup.settings import CrmSettings, Settings
from ucm_popup.sim.zoho import DemoZoho, start_demo_zoho
from ucm_popup.sim.zoho_org import large_org
from ucm_popup.ucm.events import CallEvent, Ringing

RSS_PROBE = """
import asyncio, sys, time
from pathlib import Path
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096
from ucm_popup.crm.index import PhoneIndex, lookup_keys
from ucm_popup.crm.phone import read_number
read_number("0612345678", "FR")  # phonenumbers' own memory is not the index's
before = rss()
index = PhoneIndex(Path(sys.argv[1]), "FR")
for n in range(0, 100_000, 50):
    index.find(lookup_keys(read_number(f"+336{n:08d}", "FR")))
print(f"{(rss() - before) / 2**20:.1f}")
"""


class View:
    def __init__(self) -> None:
        self.done: dict[str, float] = {}
        self.names: dict[str, str] = {}

    def health_changed(self, health: Health) -> None:
        pass

    def call_event(self, event: CallEvent) -> None:
        pass

    def lookup_finished(self, call_id: str, outcome: LookupOutcome) -> None:
        self.done[call_id] = time.perf_counter()
        self.names[call_id] = outcome.matches[0].name if outcome.matches else ""

    def recent_calls_changed(self, calls: list[RecentCall]) -> None:
        pass


def store(demo: DemoZoho) -> MemorySecretStore:
    return MemorySecretStore({secrets.ZOHO_V2_CLIENT_SECRET: demo.client_secret,
                              secrets.ZOHO_V2_REFRESH_TOKEN: demo.refresh_token})


def ms(values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(values) * 1000:.2f} ms, p99 {p99 * 1000:.2f} ms"


async def ring_to_name(index: str, calls: int, delay_s: float) -> tuple[list[float], int]:
    demo = await start_demo_zoho()
    demo.sim.records = large_org(2_000)
    settings = Settings(crm=CrmSettings(default_region="FR", index=index), zoho_v2=demo.settings)
    view = View()
    app = PopupApp(view, settings, store(demo))  # no UCM configured: rings come from here
    await app.start()
    if index == "desk":
        while app.health.crm_index is None or app.health.crm_index.synced_at is None:
            await asyncio.sleep(0.05)
    demo.sim.answer_delay_s = delay_s
    before = demo.sim.api_requests()
    times = []
    for n in random.sample(range(2_000), calls):
        call_id = f"call-{n}"
        started = time.perf_counter()
        app._on_event(app._services, Ringing(call_id, "1002", "inbound", f"06{n:08d}", "", ""))
        while call_id not in view.done:
            await asyncio.sleep(0.0005)
        assert view.names[call_id], f"no name for call {n}"
        times.append(view.done[call_id] - started)
    requests = demo.sim.api_requests() - before
    await app.shutdown()
    await demo.aclose()
    return times, requests


async def big_index(records: int, folder: Path) -> None:
    os.environ["XDG_STATE_HOME"] = str(folder)
    demo = await start_demo_zoho()
    demo.sim.records = large_org(records)
    settings = Settings(crm=CrmSettings(default_region="FR", index="desk", modules=("Contacts",)),
                        zoho_v2=demo.settings)
    service = build_lookup_service(settings, store(demo))
    assert service is not None and service.index is not None
    sync = service.index.make_sync()
    demo.sim.counts.clear()
    started = time.perf_counter()
    await sync.sync_once()
    took = time.perf_counter() - started
    print(f"full sync of {records:,} contacts from the simulator: {sync.requests} requests "
          f"({demo.sim.counts['api:records']} pages + {demo.sim.counts['api:coql']} COQL id "
          f"ranges), {took:.1f} s")
    demo.sim.counts.clear()
    requests = sync.requests
    started = time.perf_counter()
    await sync.sync_once()
    print(f"incremental sync, nothing changed: {sync.requests - requests} requests (records "
          f"304, deleted 304), {(time.perf_counter() - started) * 1000:.0f} ms")
    sync.index.close()

    lookups, queries = [], []
    reader = service.index.reader
    for n in random.sample(range(records), 2_000):
        number = f"06{n:08d}" if n % 2 else f"+33 1 {n:08d}"
        started = time.perf_counter()
        result = await service.lookup(number)
        lookups.append(time.perf_counter() - started)
        assert result.matches, number
        keys = lookup_keys(read_number(number, "FR"))
        started = time.perf_counter()
        reader.find(keys)
        queries.append(time.perf_counter() - started)
    print(f"lookup in the index of {records:,} records (new numbers): {ms(lookups)} (aim < 1 ms)")
    print(f"  of which the indexed query: {ms(queries)}")
    path = service.index.path
    await service.aclose()
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    print(f"index size on disk: {size / 2**20:.1f} MiB ({size / records:.0f} bytes a record)")
    probe = subprocess.run([sys.executable, "-c", RSS_PROBE, str(path)], capture_output=True,
                           text=True, check=True).stdout.strip()
    print(f"resident memory added by the open index after 2,000 lookups: {probe} MiB")
    await demo.aclose()


async def main(calls: int, records: int, delay_s: float) -> None:
    random.seed(7)
    for index in ("off", "desk"):
        times, requests = await ring_to_name(index, calls, delay_s)
        print(f"ring -> CRM name handed to the popup, index {index}, Zoho answering after "
              f"{delay_s * 1000:.0f} ms: {ms(times)}; {requests} API requests for {calls} calls")
    with tempfile.TemporaryDirectory() as folder:
        await big_index(records, Path(folder))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--delay-ms", type=float, default=300)
    args = parser.parse_args()
    asyncio.run(main(args.calls, args.records, args.delay_ms / 1000))

"""Benchmark of Zoho API credits: what a call costs in a 5-desk ring group, what a day of
phone-index syncs costs, and what a 100-desk site spends a day, with and without the relay.

    python bench/bench_zoho_credits.py [--calls 20] [--calls-per-desk 60]

Measured in the Zoho simulator (its ``counts`` of API requests; Zoho charges one credit per
request for every endpoint used here, COQL up to LIMIT 200 included): a ring group's call
looked up by five desks at once (three modules each) with a 50 ms round trip, and the
answering desk's Calls record; the same call through the relay (one lookup, one record); and
a day of index syncs on a fake clock that follows the sync loop's own schedule, for an org
where nothing changes and one where a record changes every ten minutes.  The site figures
multiply those by ``--calls-per-desk`` calls a desk a day.  Edition limits from Zoho's API
limits page (50,000 + users x 250 / 500 / 1,000 credits a day).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.zoho_support import v2_secrets, v2_settings
from ucm_popup.crm.index_sync import IndexSync
from ucm_popup.crm.service import build_lookup_service
from ucm_popup.crm.writes import ZohoWrites
from ucm_popup.crm.zoho_oauth import TokenSource
from ucm_popup.sim.zoho import FULL_SCOPES, ZohoSimulator, start_demo_zoho

DESKS_IN_GROUP = 5
SITE_DESKS = 100
EDITIONS = {"Standard": 250, "Professional": 500, "Enterprise": 1000}
CALL = {"Subject": "Inbound call", "Call_Type": "Inbound",
        "Call_Start_Time": "2026-12-07T10:00:00+01:00", "Call_Duration": "01:15",
        "Who_Id": {"id": "3477061000000419001"}}


async def ring_group(calls: int) -> tuple[float, float, int, int]:
    """(requests per call by 5 desks, by the relay, 429s, peak COQL at once)."""
    demo = await start_demo_zoho()
    sim = demo.sim
    desks = [build_lookup_service(v2_settings(demo), v2_secrets(demo))
             for _ in range(DESKS_IN_GROUP)]
    import httpx

    client = httpx.AsyncClient()
    writer = ZohoWrites(client, TokenSource(client, demo.settings, demo.client_secret,
                                            sim.add_refresh_token(
                                                (*FULL_SCOPES, "ZohoCRM.modules.calls.CREATE"))))
    try:
        await asyncio.gather(*(d.lookup("0698765432") for d in desks if d))  # tokens, org
        await writer.create("Calls", CALL)
        sim.answer_delay_s = 0.05
        sim.counts.clear()
        for n in range(calls):  # a new caller each time: no lookup cache
            number = f"+3314567{n:04d}"
            await asyncio.gather(*(d.lookup(number) for d in desks if d))
            await writer.create("Calls", CALL)
        per_call = sim.api_requests() / calls
        refused = sim.counts["coql:429"]
        sim.counts.clear()
        for n in range(calls):  # the relay: one lookup for the site, one record
            await desks[0].lookup(f"+3314568{n:04d}") if desks[0] else None
            await writer.create("Calls", CALL)
        relay_per_call = sim.api_requests() / calls
        return per_call, relay_per_call, refused, sim.coql_peak
    finally:
        for desk in desks:
            if desk:
                await desk.aclose()
        await client.aclose()
        await demo.aclose()


async def sync_day(change_every_s: float, *, every_5_min: bool = False) -> int:
    """API requests of one index over 24 h on the sync loop's schedule (fake clock)."""
    demo = await start_demo_zoho()
    sim: ZohoSimulator = demo.sim
    service = build_lookup_service(v2_settings(demo, index="desk"), v2_secrets(demo))
    assert service is not None and service.index is not None
    with tempfile.TemporaryDirectory():
        sync: IndexSync = service.index.make_sync()
        now = [time.time()]
        sync.clock = lambda: now[0]
        if every_5_min:  # the schedule before: every 5 minutes, deletions each time
            sync.idle_interval_s, sync.deleted_every_s = sync.interval_s, 0.0
        start, next_change, wait = now[0], now[0] + change_every_s, sync.interval_s
        sim.counts.clear()
        await sync.sync_once()
        changes = 0
        while now[0] - start < 86400:
            now[0] += wait
            while change_every_s and now[0] >= next_change:
                changes += 1
                sim.put_record("Contacts", {"id": str(3477061000000419100 + changes),
                                            "Full_Name": f"New {changes}",
                                            "Phone": f"06 55 44 {changes // 100:02d} "
                                                     f"{changes % 100:02d}"})
                next_change += change_every_s
            await sync.sync_once()
            wait = (sync.interval_s if sync.changed
                    else min(wait * 2, sync.idle_interval_s))
        requests = sim.api_requests()
    await service.aclose()
    await demo.aclose()
    return requests


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--calls-per-desk", type=int, default=60)
    args = parser.parse_args()
    per_call, relay_per_call, refused, peak = await ring_group(args.calls)
    print(f"5-desk ring group, one call: {per_call:.1f} API requests (5 lookups of 3 modules"
          f" + 1 record), {refused} answered 429, at most {peak} COQL at once")
    print(f"the same call through the relay: {relay_per_call:.1f} API requests")
    idle, busy = await sync_day(0), await sync_day(600)
    before = await sync_day(600, every_5_min=True)
    print(f"one phone index, 24 h of syncs: {idle} requests (nothing changes), "
          f"{busy} (a record changes every 10 minutes); {before} on the old schedule "
          "(every 5 minutes, deletions each time)")
    calls = SITE_DESKS * args.calls_per_desk  # each answered once, rung at five desks
    writes = calls
    site = {
        "desks, no index": calls * (per_call - 1) + writes,
        "desks, index = \"desk\"": SITE_DESKS * busy + writes,
        "relay, its index": busy + writes,
        "relay, no index": calls * (relay_per_call - 1) + writes,
    }
    print(f"{SITE_DESKS}-desk site, {args.calls_per_desk} calls a desk a day "
          f"({calls:,} calls, each rung at {DESKS_IN_GROUP} desks):")
    for name, credits in site.items():
        print(f"  {name}: {credits:,.0f} credits a day")
    limits = ", ".join(f"{e} {50_000 + SITE_DESKS * per_user:,}"
                       for e, per_user in EDITIONS.items())
    print(f"  daily credits of a 100-user org: {limits}")


if __name__ == "__main__":
    asyncio.run(main())

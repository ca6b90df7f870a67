"""Benchmark of hostile Zoho answers: memory, time and connections they cost a lookup.

    python bench/bench_zoho_hostile.py

Against the Zoho simulator on loopback (in the same process):
- a 100 MB COQL answer: peak resident memory growth and time until the lookup gives up;
- JSON nested 100,000 deep: time until the lookup gives up;
- a COQL answer of 20,000 rows per module: matches kept and time;
- 40 lookups at once against a server that drips one byte every 2 s: time until they all
  fail (the lookup deadline), answers the server is still sending 2.5 s later (it notices
  a closed connection at its next byte), and the time
  the next lookup takes once the server answers again.
"""

from __future__ import annotations

import asyncio
import json
import time

from ucm_popup import secrets
from ucm_popup.crm.service import LookupService, build_lookup_service
from ucm_popup.secrets import MemorySecretStore
from ucm_popup.settings import CrmSettings, Settings
from ucm_popup.sim.zoho import DemoZoho, start_demo_zoho


def peak_rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def service_for(demo: DemoZoho) -> LookupService:
    settings = Settings(crm=CrmSettings(default_region="FR"), zoho_v2=demo.settings)
    store = MemorySecretStore({secrets.ZOHO_V2_CLIENT_SECRET: demo.client_secret,
                               secrets.ZOHO_V2_REFRESH_TOKEN: demo.refresh_token})
    service = build_lookup_service(settings, store)
    assert service is not None
    return service


async def timed_failure(service: LookupService, number: str) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        await service.lookup(number)
        outcome = "no error"
    except Exception as exc:
        outcome = f"{type(exc).__name__}: {str(exc)[:70]}"
    return time.perf_counter() - started, outcome


async def main() -> None:
    demo = await start_demo_zoho()
    service = service_for(demo)
    await service.lookup("0698765432")  # token and org in place
    try:
        demo.sim.failure = "huge"
        before = peak_rss_mib()
        took, outcome = await timed_failure(service, "0612345678")
        print(f"100 MB answer: peak RSS +{peak_rss_mib() - before:.1f} MiB, "
              f"gave up after {took * 1000:.0f} ms ({outcome})")

        demo.sim.failure = "deep"
        took, outcome = await timed_failure(service, "0612345679")
        print(f"JSON 100,000 deep: gave up after {took * 1000:.0f} ms ({outcome})")

        demo.sim.failure = ""
        rows = [{"id": str(n), "Full_Name": f"Person {n}"} for n in range(20_000)]
        demo.sim.replies["coql"] = (200, json.dumps({"data": rows}).encode())
        started = time.perf_counter()
        result = await service.lookup("0612345680")
        print(f"20,000 rows per module: {len(result.matches)} matches in "
              f"{(time.perf_counter() - started) * 1000:.0f} ms")
        demo.sim.replies.clear()

        demo.sim.failure = "drip"
        numbers = [f"06123457{n:02d}" for n in range(40)]
        started = time.perf_counter()
        outcomes = await asyncio.gather(*(service.lookup(n) for n in numbers),
                                        return_exceptions=True)
        took = time.perf_counter() - started
        failed = sum(isinstance(o, Exception) for o in outcomes)
        await asyncio.sleep(demo.sim.drip_interval + 0.5)  # the server notices at its next byte
        still_open = demo.sim.open_answers
        demo.sim.failure = ""
        started = time.perf_counter()
        result = await service.lookup("0612345678")
        print(f"40 lookups against a drip: {failed} failed after {took:.1f} s; answers still "
              f"being sent {demo.sim.drip_interval + 0.5:g} s later: {still_open}; next lookup "
              f"{(time.perf_counter() - started) * 1000:.0f} ms ({len(result.matches)} match)")
    finally:
        await service.aclose()
        await demo.aclose()


if __name__ == "__main__":
    asyncio.run(main())

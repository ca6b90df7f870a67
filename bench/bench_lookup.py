"""Benchmark of the Zoho lookup: its own overhead, the cache hit, and API requests per lookup.

    python bench/bench_lookup.py [--rounds 300]

Against the Zoho simulator on loopback (in the same process and event loop):
- raw request: one COQL POST with httpx (keep-alive), the query built beforehand;
- lookup: ``LookupService.lookup`` of a new number with one module configured, so it makes
  exactly that one request; the difference is the lookup's own overhead (parsing the number,
  spelling it, building the query, parsing the reply, building the result, caching);
- cache hit: ``lookup`` of a number looked up before;
- requests per lookup on a miss, with the default three modules;
- the cost of importing phonenumbers (time and resident memory, in a fresh interpreter).
Aims: overhead < 2 ms, cache hit < 0.1 ms, at most 2 requests per module.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import time

import httpx

from ucm_popup import secrets
from ucm_popup.crm.phone import read_number
from ucm_popup.crm.service import build_lookup_service
from ucm_popup.crm.zoho_v2 import coql_query
from ucm_popup.secrets import MemorySecretStore
from ucm_popup.settings import CrmSettings, Settings
from ucm_popup.sim.zoho import start_demo_zoho

IMPORT_PROBE = """
import resource, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()
before = rss(); t = time.perf_counter()
from ucm_popup.crm.phone import read_number
read_number("0612345678", "FR")
elapsed = time.perf_counter() - t
print(f"{elapsed * 1000:.1f} {(rss() - before) / 2**20:.1f}")
"""


def new_number() -> str:
    return "06" + "".join(random.choice("0123456789") for _ in range(8))


def ms(values: list[float]) -> str:
    p90 = sorted(values)[int(len(values) * 0.9)]
    return f"p50 {statistics.median(values) * 1000:.3f} ms, p90 {p90 * 1000:.3f} ms"


async def main(rounds: int) -> None:
    demo = await start_demo_zoho()
    store = MemorySecretStore({
        secrets.ZOHO_V2_CLIENT_SECRET: demo.client_secret,
        secrets.ZOHO_V2_REFRESH_TOKEN: demo.refresh_token,
    })
    one_module = Settings(crm=CrmSettings(modules=("Contacts",), default_region="FR"),
                          zoho_v2=demo.settings)
    service = build_lookup_service(one_module, store)
    assert service is not None
    await service.lookup("0612345678")  # token and org fetched once, connection open

    token = next(iter(demo.sim.access_tokens))
    raw_times, lookup_times = [], []
    async with httpx.AsyncClient() as client:
        headers = {"Authorization": f"Zoho-oauthtoken {token}"}
        for _ in range(rounds):  # interleaved so that both see the same machine state
            variants = read_number(new_number(), "FR").variants
            body = {"select_query": coql_query("Contacts", variants)}
            start = time.perf_counter()
            response = await client.post(demo.sim.base_url + "/crm/v2/coql", json=body,
                                         headers=headers)
            response.json() if response.content else None
            raw_times.append(time.perf_counter() - start)

            number = new_number()
            start = time.perf_counter()
            await service.lookup(number)
            lookup_times.append(time.perf_counter() - start)

    hit_times = []
    for _ in range(rounds * 10):
        start = time.perf_counter()
        await service.lookup("0612345678")
        hit_times.append(time.perf_counter() - start)
    await service.aclose()

    parse_times = []
    for _ in range(rounds):
        number = new_number()
        start = time.perf_counter()
        read_number(number, "FR")
        parse_times.append(time.perf_counter() - start)

    full = build_lookup_service(
        Settings(crm=CrmSettings(default_region="FR"), zoho_v2=demo.settings), store)
    assert full is not None
    before, tokens_before = demo.sim.api_requests(), demo.sim.counts["token"]
    await full.lookup("0612345678")
    cold = demo.sim.api_requests() - before
    cold_tokens = demo.sim.counts["token"] - tokens_before
    before = demo.sim.api_requests()
    await full.lookup(new_number())
    miss = demo.sim.api_requests() - before
    await full.aclose()
    await demo.aclose()

    probe = subprocess.run([sys.executable, "-c", IMPORT_PROBE], capture_output=True, text=True,
                           check=True).stdout.split()

    overhead = statistics.median(lookup_times) - statistics.median(raw_times)
    print(f"raw COQL request to the simulator:  {ms(raw_times)}")
    print(f"lookup (one module, one request):   {ms(lookup_times)}")
    print(f"lookup overhead over the raw request: {overhead * 1000:.3f} ms (aim < 2 ms)")
    print(f"  of which reading/spelling the number: {ms(parse_times)}")
    print(f"cache hit:                          p50 {statistics.median(hit_times) * 1e6:.1f} µs "
          f"(aim < 100 µs)")
    print(f"first lookup of a new service (3 modules): {cold} API requests (org once + 3 COQL)"
          f" + {cold_tokens} token request")
    print(f"API requests per lookup on a miss (3 modules): {miss} = {miss / 3:.0f} per module "
          "(aim <= 2)")
    print(f"phonenumbers first use: {probe[0]} ms, +{probe[1]} MiB resident")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=300)
    asyncio.run(main(parser.parse_args().rounds))

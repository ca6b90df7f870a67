"""The lookup service's caches: repeat callers cost no API call; errors are never cached."""

from __future__ import annotations

import asyncio

import pytest
from zoho_support import v2_service, zoho_fixture  # noqa: F401

from ucm_popup.crm.model import MAX_FIELD_CHARS, Match
from ucm_popup.crm.service import (
    CACHE_SIZE,
    HIT_TTL_S,
    MISS_TTL_S,
    LookupService,
    ResultCache,
    build_lookup_service,
)
from ucm_popup.errors import ServiceError, SettingsError
from ucm_popup.secrets import MemorySecretStore
from ucm_popup.settings import CrmSettings, Settings
from ucm_popup.sim.zoho import DemoZoho


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_cache_hit_costs_no_request_in_any_spelling(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    first = await service.lookup("0612345678")
    asked = zoho.sim.api_requests()
    again = await service.lookup("0612345678")
    other_spelling = await service.lookup("+33 6 12 34 56 78")
    await service.aclose()
    assert zoho.sim.api_requests() == asked
    assert again == first
    assert other_spelling.number == "+33 6 12 34 56 78"
    assert other_spelling.matches == first.matches


async def test_hits_live_ten_minutes_and_misses_one(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    clock = FakeClock()
    service.cache = ResultCache(clock=clock)
    await service.lookup("0612345678")  # a hit
    await service.lookup("0145678900")  # a miss
    asked = zoho.sim.api_requests()
    clock.now += MISS_TTL_S + 1
    await service.lookup("0612345678")
    assert zoho.sim.api_requests() == asked  # the hit is still cached
    await service.lookup("0145678900")
    assert zoho.sim.api_requests() == asked + 3  # the miss expired: asked again
    clock.now += HIT_TTL_S
    await service.lookup("0612345678")
    await service.aclose()
    assert zoho.sim.api_requests() == asked + 6
    assert (HIT_TTL_S, MISS_TTL_S, CACHE_SIZE) == (600.0, 60.0, 500)


def test_cache_is_bounded_and_least_recently_used_goes_first() -> None:
    from ucm_popup.crm.model import LookupResult

    cache = ResultCache(size=3)
    for n in range(3):
        cache.put(str(n), LookupResult(str(n), str(n), "zoho-v2", ()), 60)
    assert cache.get("0") is not None  # 0 is now the most recent
    cache.put("3", LookupResult("3", "3", "zoho-v2", ()), 60)
    assert len(cache) == 3
    assert cache.get("1") is None and cache.get("0") is not None


def test_provider_none_builds_no_service() -> None:
    settings = Settings(crm=CrmSettings(provider="none"))
    assert build_lookup_service(settings, MemorySecretStore()) is None


@pytest.mark.parametrize(
    ("provider", "pattern"),
    [("zoho-v2", "Zoho client secret is not set"), ("zoho-v1", "Zoho v1 auth token is not set")],
)
def test_missing_secrets_are_settings_errors(provider: str, pattern: str) -> None:
    settings = Settings(crm=CrmSettings(provider=provider))
    settings = Settings(crm=settings.crm, zoho_v2=settings.zoho_v2.__class__(client_id="1000.X"))
    with pytest.raises(SettingsError, match=pattern):
        build_lookup_service(settings, MemorySecretStore())


def test_missing_client_id_is_a_settings_error() -> None:
    with pytest.raises(SettingsError, match=r"\[zoho_v2\] client_id"):
        build_lookup_service(Settings(), MemorySecretStore())


async def test_create_record_url(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    before = service.create_record_url("Leads", "0612345678")
    await service.lookup("0612345678")  # learns the org
    after = service.create_record_url("Contacts", "0612345678")
    await service.aclose()
    assert before == f"{zoho.sim.base_url}/crm/tab/Leads/create"
    assert after == f"{zoho.sim.base_url}/crm/org808232144/tab/Contacts/create"


async def test_the_same_number_asked_at_once_costs_one_lookup(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    results = await asyncio.gather(
        service.lookup("0612345678"), service.lookup("+33612345678"), service.lookup("0612345678")
    )
    await service.aclose()
    assert zoho.sim.counts["api:coql"] == 3  # one query per module, not three
    assert [r.number for r in results] == ["0612345678", "+33612345678", "0612345678"]
    assert all(r.matches == results[0].matches and r.matches for r in results)


async def wait_for_closed_answers(zoho: DemoZoho) -> None:
    for _ in range(100):
        if zoho.sim.open_answers == 0:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{zoho.sim.open_answers} answers still being sent to nobody")


async def test_a_timed_out_lookup_closes_its_requests_and_frees_the_pool(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    await service.lookup("0698765432")  # token and org in place
    zoho.sim.failure, zoho.sim.drip_interval = "drip", 0.3  # a byte now and then: never idle
    zoho.sim.coql_concurrency = 1000  # abandoned queries still run at Zoho: not what is tested
    service.timeout = 0.5
    numbers = [f"06123456{n:02d}" for n in range(40)]  # 40 calls x 3 modules > httpx's pool
    outcomes = await asyncio.gather(*(service.lookup(n) for n in numbers),
                                    return_exceptions=True)
    assert all(isinstance(o, ServiceError) and "did not answer within 0.5 s" in str(o)
               for o in outcomes), outcomes
    await wait_for_closed_answers(zoho)  # the server sees every abandoned request go
    zoho.sim.failure = ""
    service.timeout = 5.0
    result = await service.lookup("0612345678")  # the next caller finds a free pool
    await service.aclose()
    assert [m.name for m in result.matches] == ["Jane Doe"]


async def test_a_caller_that_gives_up_does_not_cancel_the_lookup_for_the_others(
    zoho: DemoZoho,
) -> None:
    service = v2_service(zoho)
    await service.lookup("0698765432")
    zoho.sim.failure, zoho.sim.slow_seconds = "slow", 0.3
    impatient = asyncio.ensure_future(service.lookup("0612345678"))
    patient = asyncio.ensure_future(service.lookup("+33612345678"))
    await asyncio.sleep(0.1)
    impatient.cancel()  # e.g. the popup closed
    zoho.sim.failure = ""
    result = await patient
    await service.aclose()
    assert impatient.cancelled()
    assert [m.name for m in result.matches] == ["Jane Doe"]


async def test_a_bug_in_a_lookup_is_one_line_for_the_popup_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(modules: tuple[str, ...], variants: tuple[str, ...]) -> list[Match]:
        raise KeyError("Owner")

    async def close() -> None:
        return None

    service = LookupService("zoho-v2", ("Contacts",), "FR", broken, lambda: "", close)
    with pytest.raises(ServiceError, match=r"failed unexpectedly \(KeyError\)") as caught:
        await service.lookup("0612345678")
    assert "\n" not in str(caught.value)
    assert "KeyError" in caplog.text and "Traceback" in caplog.text  # the bug is in the log


async def test_a_huge_field_is_cut_for_the_popup(zoho: DemoZoho) -> None:
    import json

    zoho.sim.replies["coql"] = (200, json.dumps(
        {"data": [{"id": "1", "Full_Name": "N" * 500_000}]}).encode())
    service = v2_service(zoho)
    result = await service.lookup("0612345678")
    await service.aclose()
    assert len(result.matches[0].name) == MAX_FIELD_CHARS and result.matches[0].name[-1] == "…"

"""Zoho v2 lookups against the simulator over real HTTP on loopback."""

from __future__ import annotations

import asyncio
import json
import logging
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import pytest
from zoho_support import (  # noqa: F401
    CONTRACT_KEYS,
    assert_one_line_failure,
    run_cli,
    v2_env,
    v2_secrets,
    v2_service,
    v2_settings,
    write_settings,
    zoho_fixture,
)

from ucm_popup.crm.model import MAX_MATCHES
from ucm_popup.crm.service import build_lookup_service
from ucm_popup.errors import AuthError, ServiceError
from ucm_popup.sim.zoho import DemoZoho

JANE = ("Contacts", "3477061000000419001")
MARC_CONTACT = ("Contacts", "3477061000000419002")
MARC_LEAD = ("Leads", "3477061000000520001")
ZOE = ("Contacts", "3477061000000419003")
ROBERT = ("Contacts", "3477061000000419004")
LYON = ("Accounts", "3477061000000300004")


@pytest.mark.parametrize(
    ("number", "expected", "normalized"),
    [
        ("0612345678", [JANE], "+33612345678"),  # stored "+33 6 12 34 56 78"
        ("+33612345678", [JANE], "+33612345678"),
        ("0033612345678", [JANE], "+33612345678"),
        ("06 12 34 56 78", [JANE], "+33612345678"),
        ("+33698765432", [MARC_CONTACT, MARC_LEAD], "+33698765432"),  # "06 98 76 54 32", "0033..."
        ("0144556677", [MARC_CONTACT], "+33144556677"),  # "01 44 55 66 77"
        ("0478123456", [LYON], "+33478123456"),  # "04.78.12.34.56"
        ("+33711223344", [ZOE], "+33711223344"),  # "0033 7 11 22 33 44"
        ("0012125550142", [ROBERT], "+12125550142"),  # "(212) 555-0142"
        ("+12125550199", [ROBERT], "+12125550199"),  # Home_Phone "+1 212 555 0199"
    ],
)
async def test_numbers_match_records_typed_in_any_format(
    zoho: DemoZoho, number: str, expected: list[tuple[str, str]], normalized: str
) -> None:
    service = v2_service(zoho)
    try:
        result = await service.lookup(number)
    finally:
        await service.aclose()
    assert [(m.module, m.id) for m in result.matches] == expected
    assert result.number == number
    assert result.normalized == normalized
    assert result.provider == "zoho-v2"


async def test_lookup_json_is_exactly_the_contract(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    result = await service.lookup("0612345678")
    await service.aclose()
    base = zoho.settings.web_url
    assert result.to_json() == {
        "number": "0612345678",
        "normalized": "+33612345678",
        "provider": "zoho-v2",
        "matches": [
            {
                "module": "Contacts",
                "id": "3477061000000419001",
                "name": "Jane Doe",
                "company": "ACME Corp",
                "phone": "+33 6 12 34 56 78",
                "mobile": "",
                "email": "jane@acme.example",
                "owner": "Sam Agent",
                "url": f"{base}/crm/org808232144/tab/Contacts/3477061000000419001",
            }
        ],
    }


async def test_every_field_is_a_string_for_every_module(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    results = [await service.lookup(n) for n in ("+33698765432", "0478123456", "0012125550142")]
    await service.aclose()
    for result in results:
        for match in result.to_json()["matches"]:
            assert list(match) == CONTRACT_KEYS
            assert all(isinstance(value, str) for value in match.values())
    account = results[1].matches[0]
    assert (account.name, account.company, account.owner) == (
        "Lyon Logistique SARL", "Lyon Logistique SARL", "Léa Moreau")
    assert results[2].matches[0].company == ""  # a contact without an account


async def test_crm_text_comes_back_exactly_as_stored(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    result = await service.lookup("+33711223344")
    await service.aclose()
    assert result.matches[0].name == "Zoë Ångström-Øster"
    assert result.matches[0].company == "<b>Nordic</b> & Co"


async def test_unknown_short_and_unreadable_numbers_are_valid_lookups(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    unknown = await service.lookup("0145678900")
    short = await service.lookup("1001")
    garbage = await service.lookup("anonymous")
    await service.aclose()
    assert (unknown.normalized, unknown.matches) == ("+33145678900", ())
    assert (short.normalized, short.matches) == ("1001", ())
    assert (garbage.normalized, garbage.matches) == ("anonymous", ())


async def test_requests_per_lookup_one_per_module(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    await service.lookup("0612345678")
    sim = zoho.sim
    # first lookup: one token, the org once, one COQL query per module
    assert (sim.counts["token"], sim.counts["api:org"], sim.counts["api:coql"]) == (1, 1, 3)
    before = sim.api_requests()
    await service.lookup("0145678900")  # a miss
    await service.aclose()
    assert sim.api_requests() - before == 3
    assert sim.counts["token"] == 1


async def test_matches_follow_the_configured_module_order(zoho: DemoZoho) -> None:
    settings = v2_settings(zoho, modules=("Leads", "Contacts"))
    service = build_lookup_service(settings, v2_secrets(zoho))
    assert service is not None
    result = await service.lookup("+33698765432")
    await service.aclose()
    assert [(m.module, m.id) for m in result.matches] == [MARC_LEAD, MARC_CONTACT]
    assert zoho.sim.counts["api:coql"] == 2  # Accounts not configured, not asked


async def test_a_record_found_through_several_fields_appears_once(zoho: DemoZoho) -> None:
    jane = dict(zoho.sim.records["Contacts"][0], Mobile="0612345678", Other_Phone="+33612345678")
    zoho.sim.records = {**zoho.sim.records, "Contacts": [jane, *zoho.sim.records["Contacts"][1:]]}
    service = v2_service(zoho)
    result = await service.lookup("0612345678")
    await service.aclose()
    assert [(m.module, m.id) for m in result.matches] == [JANE]


@pytest.mark.parametrize("status", [401, 400])
async def test_invalid_token_refreshes_once_and_retries(zoho: DemoZoho, status: int) -> None:
    zoho.sim.invalid_token_status = status
    service = v2_service(zoho)
    await service.lookup("0612345678")
    zoho.sim.expire_access_tokens()
    result = await service.lookup("+33698765432")
    await service.aclose()
    assert len(result.matches) == 2
    assert zoho.sim.counts["token:refresh_token"] == 2


async def test_persistent_invalid_token_is_an_auth_error(zoho: DemoZoho) -> None:
    zoho.sim.failure = "401"
    service = v2_service(zoho)
    with pytest.raises(AuthError, match="INVALID_TOKEN"):
        await service.lookup("0612345678")
    await service.aclose()
    assert zoho.sim.counts["token:refresh_token"] == 2  # refreshed once, retried once


async def test_concurrent_lookups_share_one_token_refresh(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    numbers = [f"06123456{n:02d}" for n in range(10)]
    await asyncio.gather(*(service.lookup(n) for n in numbers))
    assert zoho.sim.counts["token"] == 1
    zoho.sim.expire_access_tokens()
    await asyncio.gather(*(service.lookup(n) for n in [f"07123456{n:02d}" for n in range(10)]))
    await service.aclose()
    assert zoho.sim.counts["token"] == 2


async def test_wrong_client_secret_names_the_settings_to_check(zoho: DemoZoho) -> None:
    service = v2_service(zoho, client_secret="not-the-secret")
    with pytest.raises(AuthError) as caught:
        await service.lookup("0612345678")
    await service.aclose()
    message = str(caught.value)
    assert "client id/secret" in message and "[zoho_v2] client_id" in message
    assert zoho.settings.accounts_url in message
    assert "not-the-secret" not in message


async def test_revoked_refresh_token_says_to_authorize_again(zoho: DemoZoho) -> None:
    del zoho.sim.refresh_tokens[zoho.refresh_token]
    service = v2_service(zoho)
    with pytest.raises(AuthError, match=r"refresh token is wrong or revoked.*authorize-zoho"):
        await service.lookup("0612345678")
    await service.aclose()


async def test_token_throttle_stops_token_requests_for_the_window(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    for n in range(10):
        zoho.sim.expire_access_tokens()
        await service.lookup(f"06000000{n:02d}")
    zoho.sim.expire_access_tokens()
    with pytest.raises(ServiceError, match="throttling"):
        await service.lookup("0612345678")
    asked = zoho.sim.counts["token"]
    assert asked == 11
    with pytest.raises(ServiceError, match="throttling"):
        await service.lookup("0698765432")
    await service.aclose()
    assert zoho.sim.counts["token"] == asked  # no new token request inside the window


@pytest.mark.parametrize(
    ("failure", "pattern"),
    [
        ("429", r"refused for load \(HTTP 429\).*rate limit"),
        ("500", r"HTTP 500 INTERNAL_ERROR"),
        ("garbage", r"not JSON"),
        ("scope", r"OAUTH_SCOPE_MISMATCH.*ZohoCRM\.coql\.READ"),
    ],
)
async def test_outages_become_one_clear_error(zoho: DemoZoho, failure: str, pattern: str) -> None:
    service = v2_service(zoho)
    zoho.sim.failure = failure
    with pytest.raises((ServiceError, AuthError), match=pattern) as caught:
        await service.lookup("0612345678")
    await service.aclose()
    assert "\n" not in str(caught.value)
    assert zoho.sim.base_url in str(caught.value)  # names the server
    expected = AuthError if failure == "scope" else ServiceError
    assert type(caught.value) is expected


async def test_slow_server_times_out_quickly(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    await service.lookup("0612345678")
    service.timeout = 0.3
    zoho.sim.failure, zoho.sim.slow_seconds = "slow", 3.0
    started = time.monotonic()
    with pytest.raises(ServiceError, match=r"did not answer within 0.3 s"):
        await service.lookup("0698765432")
    assert time.monotonic() - started < 1.5
    await service.aclose()


async def test_default_timeout_is_a_few_seconds(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    assert 1 <= service.timeout <= 5
    await service.aclose()


async def test_errors_are_not_cached(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    zoho.sim.failure = "500"
    with pytest.raises(ServiceError):
        await service.lookup("0612345678")
    zoho.sim.failure = ""
    result = await service.lookup("0612345678")
    await service.aclose()
    assert [(m.module, m.id) for m in result.matches] == [JANE]


async def test_org_failure_falls_back_to_org_less_urls(zoho: DemoZoho) -> None:
    zoho.sim.failure = "org"
    service = v2_service(zoho)
    result = await service.lookup("0612345678")
    await service.lookup("0698765432")
    await service.aclose()
    assert result.matches[0].url == f"{zoho.sim.base_url}/crm/tab/Contacts/3477061000000419001"
    assert zoho.sim.counts["api:org"] == 1  # not asked again on every lookup


async def test_a_token_naming_another_api_domain_is_never_sent_there(zoho: DemoZoho) -> None:
    """The simulator's token reply names its loopback address; settings naming Zoho's EU
    host make that address a stranger: the lookup fails and no API request is made."""
    settings = v2_settings(zoho)
    settings = replace(settings, zoho_v2=replace(settings.zoho_v2, server="https://www.zohoapis.eu"))
    service = build_lookup_service(settings, v2_secrets(zoho))
    assert service is not None
    with pytest.raises(ServiceError, match="is not one of Zoho's API hosts"):
        await service.lookup("0612345678")
    await service.aclose()
    assert zoho.sim.counts["token"] == 1
    assert sum(n for key, n in zoho.sim.counts.items() if key.startswith("api:")) == 0


async def test_legacy_token_shape_is_cached_for_its_lifetime(zoho: DemoZoho) -> None:
    zoho.sim.legacy_token_shape = True
    service = v2_service(zoho)
    await service.lookup("0612345678")
    await service.lookup("0698765432")
    await service.aclose()
    assert zoho.sim.counts["token"] == 1


@pytest.mark.parametrize(
    ("joins", "first_cost", "jane"),
    [
        ("account", 6, ("Jane Doe", "ACME Corp", "")),  # each module refused once
        ("none", 7, ("Jane Doe", "", "")),  # Contacts steps down twice
    ],
)
async def test_coql_refusing_joins_steps_down_once(
    zoho: DemoZoho, joins: str, first_cost: int, jane: tuple[str, str, str]
) -> None:
    zoho.sim.coql_joins = joins
    service = v2_service(zoho)
    first = await service.lookup("0612345678")
    asked = zoho.sim.counts["api:coql"]
    await service.lookup("0698765432")
    await service.aclose()
    assert asked == first_cost
    assert zoho.sim.counts["api:coql"] - asked == 3  # remembered for the session
    match = first.matches[0]
    assert (match.name, match.company, match.owner) == jane


async def test_secrets_travel_in_bodies_and_never_reach_the_log(
    zoho: DemoZoho, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    service = v2_service(zoho)
    await service.lookup("0612345678")
    zoho.sim.expire_access_tokens()
    await service.lookup("0698765432")
    await service.aclose()
    assert zoho.sim.token_paths == ["/oauth/v2/token"] * 2  # nothing in the query string
    secret_values = [zoho.client_secret, zoho.refresh_token, *zoho.sim.access_tokens]
    assert caplog.records  # debug logging did run
    for value in secret_values:
        assert value not in caplog.text


async def test_rate_limit_from_a_proxy_without_json_is_still_a_rate_limit(
    zoho: DemoZoho,
) -> None:
    service = v2_service(zoho)
    await service.lookup("0698765432")
    zoho.sim.replies["coql"] = (429, b"<html>slow down</html>")
    with pytest.raises(ServiceError, match=r"HTTP 429\).*rate limit"):
        await service.lookup("0612345678")
    await service.aclose()


@pytest.mark.parametrize(
    ("failure", "says"),
    [
        ("deep", "nested too deeply"),
        ("huge", "larger than 2 MiB"),
        ("redirect", r"redirected the request \(HTTP 302\)"),
    ],
)
async def test_hostile_api_answers_are_one_line_service_errors(
    zoho: DemoZoho, failure: str, says: str
) -> None:
    service = v2_service(zoho)
    await service.lookup("0698765432")  # token and org in place
    zoho.sim.failure = failure
    tracemalloc.start()
    try:
        with pytest.raises(ServiceError, match=says) as caught:
            await service.lookup("0612345678")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        await service.aclose()
    assert "\n" not in str(caught.value) and zoho.sim.base_url in str(caught.value)
    assert peak < 32 * 2**20  # 100 MB were offered; a few MiB were read


@pytest.mark.parametrize("endpoint", ["token", "org"])
async def test_deep_token_or_org_answers(zoho: DemoZoho, endpoint: str) -> None:
    zoho.sim.replies[endpoint] = (200, b"[" * 100_000 + b"]" * 100_000)
    service = v2_service(zoho)
    try:
        if endpoint == "token":
            with pytest.raises(ServiceError, match="nested too deeply"):
                await service.lookup("0612345678")
        else:  # the org only shortens links: the lookup still finds the caller
            result = await service.lookup("0612345678")
            assert result.matches[0].url.endswith("/crm/tab/Contacts/3477061000000419001")
    finally:
        await service.aclose()


async def test_a_query_answering_thousands_of_rows_gives_a_bounded_popup(zoho: DemoZoho) -> None:
    rows = [{"id": str(n), "Full_Name": f"Person {n}", "Phone": "0612345678"}
            for n in range(20_000)]
    zoho.sim.replies["coql"] = (200, json.dumps({"data": rows}).encode())
    service = v2_service(zoho)
    result = await service.lookup("0612345678")
    await service.aclose()
    assert len(result.matches) == MAX_MATCHES
    assert result.matches[0].name == "Person 0"


@pytest.mark.parametrize(
    "record_id", ["x/../../..//host/path", "../../../evil", "a?b#c", "%2e%2e", "\u202e1 2"]
)
async def test_record_ids_stay_under_the_record_path(zoho: DemoZoho, record_id: str) -> None:
    zoho.sim.replies["coql"] = (200, json.dumps({"data": [{"id": record_id}]}).encode())
    service = v2_service(zoho)
    result = await service.lookup("0612345678")
    await service.aclose()
    base = f"{zoho.sim.base_url}/crm/org808232144/tab/Contacts/"
    url = result.matches[0].url
    assert url.startswith(base) and "/" not in url[len(base):]
    assert unquote(url[len(base):]) == record_id
    assert result.matches[0].id == record_id  # shown as Zoho has it


async def test_lookup_command_exits_4_in_one_line_on_deep_json(
    zoho: DemoZoho, tmp_path: Path
) -> None:
    zoho.sim.replies["coql"] = (200, b'{"data": ' + b"[" * 50_000 + b"]" * 50_000 + b"}")
    config = write_settings(tmp_path / "config.toml", zoho)
    code, out, err = await run_cli("lookup", "0612345678", "--config", str(config),
                                   env=v2_env(zoho))
    assert_one_line_failure(code, out, err, 4, "nested too deeply")


async def test_five_desks_of_a_ring_group_looking_one_caller_up_get_no_429(
    zoho: DemoZoho,
) -> None:
    """Zoho runs about ten heavy requests (COQL) at once per org and answers 429 past that:
    five desks ringing together (three modules each) must stay under it, and all show the
    caller."""
    desks = [v2_service(zoho) for _ in range(5)]
    try:
        await asyncio.gather(*(d.lookup("0698765432") for d in desks))  # tokens, org
        zoho.sim.answer_delay_s = 0.2  # an internet round trip: the queries overlap
        zoho.sim.counts.clear()
        found = await asyncio.gather(*(d.lookup("0612345678") for d in desks))
    finally:
        for desk in desks:
            await desk.aclose()
    assert all([m.name for m in f.matches] == ["Jane Doe"] for f in found)
    assert zoho.sim.counts["coql:429"] == 0 and zoho.sim.coql_peak <= 10
    assert zoho.sim.counts["api:coql"] == 15  # three a desk: one per module, nothing retried


async def test_the_warm_up_leaves_the_first_call_only_its_searches(zoho: DemoZoho) -> None:
    """At start-up the token and the org are fetched (and the TLS connection opened), so the
    first call's lookup sends only its searches; nothing is asked twice."""
    service = build_lookup_service(v2_settings(zoho), v2_secrets(zoho))
    assert service is not None
    try:
        await service.warm_up()
        assert (zoho.sim.counts["token"], zoho.sim.counts["api:org"]) == (1, 1)
        assert zoho.sim.counts["api:coql"] == 0  # no search was spent on it
        found = await service.lookup("0612345678")
        assert [m.name for m in found.matches] == ["Jane Doe"]
        assert (zoho.sim.counts["token"], zoho.sim.counts["api:org"]) == (1, 1)
    finally:
        await service.aclose()

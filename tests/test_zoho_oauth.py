"""Zoho OAuth: token-endpoint bodies (fixtures), token lifetimes, the grant-code exchange."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from urllib.parse import urlsplit

import httpx
import pytest
from conftest import load_fixture
from hypothesis import given, settings
from hypothesis import strategies as st
from zoho_support import zoho_fixture  # noqa: F401

from ucm_popup import logs
from ucm_popup.crm.datacentres import DATA_CENTRES, ZOHO_API_HOSTS, data_centre_for
from ucm_popup.crm.zoho_oauth import (
    TokenSource,
    exchange_grant_code,
    lifetime_seconds,
    token_error,
)
from ucm_popup.errors import AuthError, ServiceError, SettingsError
from ucm_popup.settings import ZohoV2Settings, check_server_url
from ucm_popup.sim.zoho import DemoZoho

ACCOUNTS = "https://accounts.zoho.eu"


def test_invalid_client_names_client_id_secret_and_data_centre() -> None:
    error = token_error(load_fixture("zoho/oauth_error_invalid_client.json"), ACCOUNTS)
    assert isinstance(error, AuthError)
    assert str(error) == (
        "Zoho refused the client id/secret: check [zoho_v2] client_id, the client secret and "
        "the data centre (accounts_url https://accounts.zoho.eu)"
    )


def test_invalid_code_means_a_new_refresh_token_or_a_new_grant_code() -> None:
    body = load_fixture("zoho/oauth_error_invalid_code.json")
    refresh = token_error(body, ACCOUNTS)
    grant = token_error(body, ACCOUNTS, grant=True)
    assert isinstance(refresh, AuthError) and isinstance(grant, AuthError)
    assert str(refresh) == (
        "the Zoho refresh token is wrong or revoked: get a new one (authorize-zoho)"
    )
    assert str(grant) == (
        "the grant code is wrong, already used or expired (codes last 3 minutes by default): "
        "generate a new one in the Zoho API console"
    )


@pytest.mark.parametrize(
    "fixture",
    [
        "oauth_error_access_denied_throttle_limit.json",
        "oauth_error_access_denied_too_many_requests.json",
    ],
)
def test_access_denied_is_throttling(fixture: str) -> None:
    error = token_error(load_fixture(f"zoho/{fixture}"), ACCOUNTS)
    assert isinstance(error, ServiceError)
    assert "throttling" in str(error) and ACCOUNTS in str(error)


def test_lifetime_rules() -> None:
    assert lifetime_seconds(load_fixture("zoho/oauth_refresh_success.json")) == 3600
    # legacy shape: expires_in is in milliseconds, expires_in_sec wins
    assert lifetime_seconds(load_fixture("zoho/oauth_refresh_success_legacy_shape.json")) == 3600
    assert lifetime_seconds({}) == 3600


def test_data_centres_are_complete_and_valid() -> None:
    assert set(DATA_CENTRES) == {"US", "EU", "IN", "AU", "CN", "JP", "CA", "SA", "UK"}
    assert data_centre_for("https://accounts.zoho.uk") == "UK"
    for dc in DATA_CENTRES.values():
        for url in (dc.server, dc.accounts_url, dc.web_url):
            assert check_server_url(url) is None and url.startswith("https://")
        assert data_centre_for(dc.accounts_url) == dc.code
    assert DATA_CENTRES["EU"].v1_server == "https://crm.zoho.eu"
    assert data_centre_for("https://www.zohoapis.com.au") == "AU"
    assert data_centre_for("http://127.0.0.1:1") == ""


async def test_grant_code_exchange_returns_the_refresh_token_once(zoho: DemoZoho) -> None:
    code = zoho.sim.issue_grant_code()
    grant = await exchange_grant_code(zoho.settings, zoho.client_secret, code)
    assert grant.refresh_token in zoho.sim.refresh_tokens
    assert grant.api_domain == zoho.sim.base_url
    assert "ZohoCRM.coql.READ" in grant.scopes
    assert zoho.sim.token_paths == ["/oauth/v2/token"]  # code and secret in the body
    with pytest.raises(AuthError, match="already used or expired"):
        await exchange_grant_code(zoho.settings, zoho.client_secret, code)


async def test_expired_grant_code_is_refused(zoho: DemoZoho) -> None:
    code = zoho.sim.issue_grant_code(lifetime=-1)
    with pytest.raises(AuthError, match="already used or expired"):
        await exchange_grant_code(zoho.settings, zoho.client_secret, code)


async def test_grant_with_the_wrong_secret_or_data_centre(zoho: DemoZoho) -> None:
    code = zoho.sim.issue_grant_code()
    with pytest.raises(AuthError, match="client id/secret"):
        await exchange_grant_code(zoho.settings, "wrong", code)
    assert code in zoho.sim.grant_codes  # an invalid_client answer does not burn the code


async def test_grant_without_client_id_is_a_settings_error(zoho: DemoZoho) -> None:
    with pytest.raises(SettingsError, match=r"\[zoho_v2\] client_id"):
        await exchange_grant_code(replace(zoho.settings, client_id=""), zoho.client_secret, "x")


async def test_accounts_server_outage_and_unreachable(zoho: DemoZoho) -> None:
    zoho.sim.token_failure = "500"
    with pytest.raises(ServiceError, match=r"accounts server .* failed \(HTTP 500\)"):
        await exchange_grant_code(zoho.settings, zoho.client_secret, "x")
    zoho.sim.token_failure = "garbage"
    with pytest.raises(ServiceError, match="not JSON"):
        await exchange_grant_code(zoho.settings, zoho.client_secret, "x")
    await zoho.aclose()
    with pytest.raises(ServiceError, match="cannot reach"):
        await exchange_grant_code(zoho.settings, zoho.client_secret, "x")


async def test_query_parameters_are_accepted_by_the_simulator_too(zoho: DemoZoho) -> None:
    code = zoho.sim.issue_grant_code()
    params = {"grant_type": "authorization_code", "client_id": zoho.settings.client_id,
              "client_secret": zoho.client_secret, "code": code}
    async with httpx.AsyncClient() as client:  # Zoho's documented (query string) form
        answer = (await client.post(zoho.sim.base_url + "/oauth/v2/token", params=params)).json()
    assert answer["refresh_token"] in zoho.sim.refresh_tokens


async def test_the_scopes_asked_for_are_exactly_enough(zoho: DemoZoho) -> None:
    from zoho_support import v2_service

    from ucm_popup.crm.zoho_oauth import SCOPES

    granted = SCOPES.split(",")
    service = v2_service(zoho, refresh_token=zoho.sim.add_refresh_token(granted))
    result = await service.lookup("0612345678")
    await service.aclose()
    assert "/org808232144/" in result.matches[0].url  # the org was readable too
    for scope in granted:  # and none of them is unused
        narrower = [s for s in granted if s != scope]
        service = v2_service(zoho, refresh_token=zoho.sim.add_refresh_token(narrower))
        try:
            result = await service.lookup("0612345678")
        except AuthError:
            continue
        finally:
            await service.aclose()
        assert "/org808232144/" not in result.matches[0].url, scope  # only the org was lost


def test_lifetimes_from_a_hostile_server_stay_within_a_day() -> None:
    for value in (10**400, 1e308, float("inf"), "9" * 5000, 86401):
        assert lifetime_seconds({"expires_in": value}) == 86400.0
    for value in (float("nan"), -5, "²", "١٢", True, None, [], "12.5"):
        assert lifetime_seconds({"expires_in": value}) == 3600.0


def test_malformed_addresses_belong_to_no_data_centre() -> None:
    from ucm_popup.crm.datacentres import host_of

    assert host_of("https://[::1") == ""
    assert host_of("https://Accounts.Zoho.EU/") == "accounts.zoho.eu"
    assert data_centre_for("https://[::1", "") == ""
    assert data_centre_for("https://[::1", "https://www.zohoapis.eu") == "EU"


# -- where the access token may go ---------------------------------------------------------------

EU = ZohoV2Settings(server="https://www.zohoapis.eu", accounts_url=ACCOUNTS,
                    web_url="https://crm.zoho.eu", client_id="1000.ID")


@pytest.fixture(autouse=True)
def _forget_registered_secrets() -> Iterator[None]:
    """Tokens made up here are registered to be masked in logs ("secret" among them): a log
    test that runs later in the same worker must not find its words masked."""
    known = set(logs._known_secrets)
    yield
    logs._known_secrets.intersection_update(known)


def recording_client(api_domain: object) -> tuple[httpx.AsyncClient, list[httpx.Request]]:
    """A Zoho whose token reply names ``api_domain``; every request is recorded."""
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/oauth/v2/token":
            return httpx.Response(200, json={"access_token": "1000.tok", "expires_in": 3600,
                                             "api_domain": api_domain})
        return httpx.Response(200, json={"data": [{"Full_Name": "Jane"}]})

    return httpx.AsyncClient(transport=httpx.MockTransport(handle)), seen


async def get_with_token(api_domain: object, v2: ZohoV2Settings = EU
                         ) -> tuple[str | Exception, list[str]]:
    """(the API domain used, or the error) and the hosts that got the access token."""
    client, seen = recording_client(api_domain)
    try:
        token = await TokenSource(client, v2, "secret", "1000.refresh").get()
        await client.get(token.api_domain + "/crm/v2/org",
                         headers={"Authorization": f"Zoho-oauthtoken {token.value}"})
        outcome: str | Exception = token.api_domain
    except ServiceError as exc:
        outcome = exc
    finally:
        await client.aclose()
    carried = [r.url.host for r in seen if "1000.tok" in r.headers.get("Authorization", "")]
    return outcome, carried


@pytest.mark.parametrize("domain", [
    "https://www.zohoapis.com", "https://www.zohoapis.uk", "https://zohoapis.com.au",
    "https://WWW.ZOHOAPIS.JP/", "https://www.zohoapis.ca:443", "https://www.zohoapis.eu",
])
async def test_zoho_api_hosts_win_over_the_settings_server(domain: str) -> None:
    outcome, carried = await get_with_token(domain)
    assert outcome == domain.rstrip("/")
    assert carried == [urlsplit(domain).hostname.lower()]  # type: ignore[union-attr]


@pytest.mark.parametrize("domain", [
    "https://evil.example", "https://www.zohoapis.com.evil.example", "https://zohoapis.example",
    "http://www.zohoapis.com", "https://www.zohoapis.com:8443", "https://www.zohoapis.com/x",
    "http://127.0.0.1:9", "https://www.zohoapis.eu.", "https://crm.zoho.com",
])
async def test_any_other_api_domain_is_one_clear_error_and_no_token_leaves(domain: str) -> None:
    outcome, carried = await get_with_token(domain)
    assert isinstance(outcome, ServiceError)
    assert "named an unusable API domain" in str(outcome)
    assert carried == []


async def test_a_stranger_api_domain_is_named_in_the_error() -> None:
    outcome, _ = await get_with_token("https://evil.example")
    assert str(outcome) == (
        "Zoho's accounts server https://accounts.zoho.eu named an unusable API domain: "
        "'https://evil.example' is not one of Zoho's API hosts (www.zohoapis.com, .eu, .in, "
        ".com.au, .jp, .com.cn, .ca, .sa, .uk) nor [zoho_v2] server 'https://www.zohoapis.eu'; "
        "the access token was not sent there")


async def test_the_settings_server_itself_is_accepted() -> None:
    local = replace(EU, server="http://127.0.0.1:8089")
    assert await get_with_token("http://127.0.0.1:8089/", local) == (
        "http://127.0.0.1:8089", ["127.0.0.1"])
    outcome, carried = await get_with_token("http://127.0.0.1:8090", local)  # another port
    assert isinstance(outcome, ServiceError) and carried == []


@settings(max_examples=200, deadline=None)
@given(st.one_of(
    st.text(max_size=60),
    st.builds(lambda scheme, host, tail: f"{scheme}://{host}{tail}",
              st.sampled_from(["https", "http", "HTTPS"]),
              st.sampled_from([*sorted(ZOHO_API_HOSTS), "127.0.0.1", "evil.example", "[::1]",
                               "zohoapis.com@evil.example", "www.zohoapis.com%2e"]),
              st.sampled_from(["", "/", ":443", ":8443", "/crm", "?x=1", "#f", ".", "\\x"])),
    st.integers(), st.none(), st.lists(st.text(max_size=5), max_size=2),
))
def test_fuzzed_api_domains_never_carry_the_token_elsewhere(domain: object) -> None:
    outcome, carried = asyncio.run(get_with_token(domain))
    for host in carried:
        assert host in ZOHO_API_HOSTS or host == "www.zohoapis.eu"
    assert isinstance(outcome, ServiceError) or urlsplit(outcome).hostname in ZOHO_API_HOSTS


@pytest.mark.parametrize("token", ["\u0080", "1000.a\nX-Evil: 1", "1000 a", "é"])
async def test_an_access_token_that_cannot_be_a_header_is_a_clear_error(token: str) -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"access_token": token, "expires_in": 3600})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handle)) as client:
        with pytest.raises(ServiceError, match="answered an access token that is not a token"):
            await TokenSource(client, EU, "secret", "1000.refresh").get()

"""Hostile Zoho answers for token, COQL, org and v1: always a result or a one-line error.

The answers come from httpx's MockTransport (hundreds of examples in seconds); the same code
paths meet a real loopback server in test_zoho_v2.py and test_zoho_v1.py (huge, dripping and
deep answers from the simulator).  Every example runs under a hang guard, and bodies up to
8 MiB are offered while the client reads at most 2 MiB.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from ucm_popup import logs
from ucm_popup.crm.http import MAX_BODY_BYTES
from ucm_popup.crm.model import MAX_MATCHES, LookupResult, Match
from ucm_popup.crm.service import LookupService
from ucm_popup.crm.zoho_oauth import TokenSource, exchange_grant_code
from ucm_popup.crm.zoho_v1 import ZohoV1
from ucm_popup.crm.zoho_v1 import row_to_match as v1_row_to_match
from ucm_popup.crm.zoho_v2 import ZohoV2
from ucm_popup.errors import ServiceError, UcmPopupError
from ucm_popup.settings import ZohoV1Settings, ZohoV2Settings

API = "https://www.zohoapis.eu"
WEB = "https://crm.zoho.eu"
V2 = ZohoV2Settings(server=API, accounts_url="https://accounts.zoho.eu", web_url=WEB,
                    client_id="1000.FUZZ")
GOOD_TOKEN = {"access_token": "1000.a", "api_domain": API, "expires_in": 3600}
CLIENT_SECRET, REFRESH_TOKEN = "fuzz-client-secret-5c1d", "1000.fuzz.refresh.token"
HANG_GUARD_S = 20.0  # far above any real example: only a hang reaches it

# -- strategies --------------------------------------------------------------------------------

odd_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40) | st.sampled_from(
    ["", "null", "\x1b[31mred", "a\nb", "\u202e", "\ud800", "x/../../..//host/p", "%2e%2e/",
     "https://[::1", "https://h:99999", "http://evil.example", "9" * 500, "Ω" * 300]
)
scalars = (st.none() | st.booleans() | st.integers(-(2**70), 2**70)
           | st.sampled_from([10**400, -(10**400), 1e308, 0, -1])
           | st.floats(allow_nan=True, allow_infinity=True) | odd_text)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(odd_text | st.sampled_from(["id", "data", "Owner", "name"]), inner,
                      max_size=4),
    max_leaves=20,
)


lifetimes = st.sampled_from(
    [10**400, 1e308, -1, 0, "9" * 5000, "\u00b2", "\u0661\u0662", "12.5", True, [3600]]
) | json_values


def shaped(keys: list[str]) -> st.SearchStrategy[Any]:
    """Objects with the keys the client reads, each holding anything."""
    return st.dictionaries(st.sampled_from(keys), json_values, max_size=len(keys))


rows = st.lists(shaped(["id", "Full_Name", "First_Name", "Last_Name", "Account_Name",
                        "Account_Name.Account_Name", "Company", "Phone", "Mobile", "Email",
                        "Owner", "Owner.first_name", "Owner.last_name", "Owner.email"])
                | json_values, max_size=6)
coql_bodies = (shaped(["data", "info", "code", "message", "details"])
               | st.builds(lambda r: {"data": r}, rows) | json_values)
token_bodies = st.fixed_dictionaries(
    {"access_token": st.just("1000.fuzz.access.token") | json_values},
    optional={key: json_values for key in ("refresh_token", "api_domain", "expires_in",
                                           "expires_in_sec", "scope", "error")},
) | json_values
org_bodies = st.builds(lambda v: {"org": v}, json_values | st.lists(shaped(["domain_name"])))
v1_bodies = st.builds(
    lambda r, kind: {"response": {kind: r}},
    json_values | st.builds(lambda rs: {"Contacts": {"row": rs}},
                            st.lists(st.builds(lambda fl: {"FL": fl}, json_values | st.lists(
                                shaped(["val", "content"]))), max_size=4)),
    st.sampled_from(["result", "error", "nodata"]),
) | json_values


OFFLINE = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: httpx.Response(500)))


def encoded(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=True).encode()  # lone surrogates as \ud800 escapes


@st.composite
def answers(draw: st.DrawFn, bodies: st.SearchStrategy[Any]) -> tuple[int, Any]:
    """(status, body): JSON, raw bytes, deep nesting, a stream of several MiB, or a redirect."""
    status = draw(st.sampled_from([200, 200, 200, 204, 301, 400, 401, 404, 429, 500]))
    form = draw(st.sampled_from(["json", "json", "json", "bytes", "deep", "huge"]))
    if form == "bytes":
        return status, draw(st.binary(max_size=200))
    if form == "deep":
        depth = draw(st.integers(900, 60_000))
        return status, b'{"data": ' + b"[" * depth + b"]" * depth + b"}"
    if form == "huge":
        return status, draw(st.integers(1, 8)) * 2**20
    return status, encoded(draw(bodies))


def reply(answer: tuple[int, Any]) -> httpx.Response:
    status, body = answer
    headers = {"Location": "https://elsewhere.example/"} if 300 <= status < 400 else {}
    if isinstance(body, int):  # a streamed body of that many bytes
        async def stream() -> AsyncIterator[bytes]:
            chunk = b'{"data": [' + b'{"id": "1"}, ' * 5000
            for _ in range(body // len(chunk) + 1):
                yield chunk

        return httpx.Response(status, headers=headers, content=stream())
    return httpx.Response(status, headers=headers, content=body)


def client_for(routes: dict[str, tuple[int, Any]]) -> httpx.AsyncClient:
    def handle(request: httpx.Request) -> httpx.Response:
        for suffix, answer in routes.items():
            if request.url.path.endswith(suffix):
                return reply(answer)
        return httpx.Response(200, content=encoded(GOOD_TOKEN))

    return httpx.AsyncClient(transport=httpx.MockTransport(handle), follow_redirects=False)


def run(make: Callable[[], Any]) -> Any:
    async def guarded() -> Any:
        async with asyncio.timeout(HANG_GUARD_S):
            return await make()

    # Fuzzed tokens are registered as secrets to mask in logs: words like "data" must not
    # stay masked for the tests that run after these.
    known = set(logs._known_secrets)
    try:
        return asyncio.run(guarded())
    finally:
        logs._known_secrets.intersection_update(known)


def assert_usable(outcome: LookupResult | BaseException) -> None:
    """What a user may meet: matches with text fields and links on the CRM's web host, or
    one printable line with its documented exit code."""
    if isinstance(outcome, BaseException):
        assert isinstance(outcome, UcmPopupError), repr(outcome)
        message = str(outcome)
        assert outcome.exit_code in (2, 3, 4) and "failed unexpectedly" not in message
        assert "\n" not in message and "\r" not in message and len(message) < 1000
        message.encode("utf-8")  # printable: no lone surrogate
        return
    assert len(outcome.matches) <= MAX_MATCHES
    for match in outcome.matches:
        assert all(isinstance(getattr(match, f), str) for f in Match.__dataclass_fields__)
        assert match.id and urlsplit(match.url).hostname == urlsplit(WEB).hostname


async def v2_lookup(routes: dict[str, tuple[int, Any]]) -> LookupResult | BaseException:
    client = client_for(routes)
    tokens = TokenSource(client, V2, CLIENT_SECRET, REFRESH_TOKEN)
    v2 = ZohoV2(client, tokens, V2)
    service = LookupService("zoho-v2", ("Contacts", "Leads", "Accounts"), "FR", v2.lookup,
                            v2.crm_base, client.aclose)
    try:
        return await service.lookup("0612345678")
    except Exception as exc:  # judged by assert_usable
        return exc
    finally:
        await service.aclose()


# -- the tests ---------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(answers(coql_bodies))
def test_coql_answers(answer: tuple[int, Any]) -> None:
    outcome = run(lambda: v2_lookup({"/coql": answer}))
    assert_usable(outcome)
    if answer[0] == 200 and isinstance(answer[1], int) and answer[1] > MAX_BODY_BYTES:
        assert isinstance(outcome, ServiceError) and "larger than 2 MiB" in str(outcome)


@settings(max_examples=100, deadline=None)
@given(answers(token_bodies))
def test_token_answers(answer: tuple[int, Any]) -> None:
    assert_usable(run(lambda: v2_lookup({"/token": answer})))


@settings(max_examples=100, deadline=None)
@given(st.fixed_dictionaries({}, optional={"expires_in": lifetimes, "expires_in_sec": lifetimes,
                                           "api_domain": json_values}))
def test_token_lifetimes_and_domains(fields: dict[str, Any]) -> None:
    """A token that works, with whatever Zoho says about its lifetime and API domain."""
    body = {"access_token": "1000.fuzz.access.token", **fields}
    assert_usable(run(lambda: v2_lookup({"/token": (200, encoded(body))})))


@settings(max_examples=60, deadline=None)
@given(answers(org_bodies))
def test_org_answers_never_stop_a_lookup(answer: tuple[int, Any]) -> None:
    outcome = run(lambda: v2_lookup({"/org": answer}))
    assert isinstance(outcome, LookupResult)  # the org only shortens links


@settings(max_examples=100, deadline=None)
@given(answers(token_bodies))
def test_grant_exchange_answers(answer: tuple[int, Any]) -> None:
    async def exchange() -> Any:
        client = client_for({"/token": answer})
        try:
            return await exchange_grant_code(V2, CLIENT_SECRET, "1000.fuzz.grant.code", client)
        except Exception as exc:
            return exc
        finally:
            await client.aclose()

    outcome = run(exchange)
    if isinstance(outcome, BaseException):
        assert_usable(outcome)
    else:
        assert all(isinstance(s, str) for s in outcome.scopes)
        assert urlsplit(outcome.api_domain).hostname


@settings(max_examples=100, deadline=None)
@given(answers(v1_bodies))
def test_v1_answers(answer: tuple[int, Any]) -> None:
    async def lookup() -> LookupResult | BaseException:
        client = client_for({"/searchRecords": answer})
        v1 = ZohoV1(client, ZohoV1Settings(server=WEB), "authtoken")
        service = LookupService("zoho-v1", ("Contacts", "Leads", "Accounts"), "FR",
                                v1.lookup, lambda: WEB + "/crm", client.aclose)
        try:
            return await service.lookup("0612345678")
        except Exception as exc:
            return exc
        finally:
            await service.aclose()

    assert_usable(run(lookup))


@settings(max_examples=5, deadline=None)
@given(st.floats(0.01, 0.1))
def test_a_dripping_answer_ends_at_the_lookup_deadline(interval: float) -> None:
    async def drip() -> AsyncIterator[bytes]:
        for byte in b'{"data": []}' * 100:
            await asyncio.sleep(interval)
            yield bytes([byte])

    async def lookup() -> LookupResult | BaseException:
        def handle(request: httpx.Request) -> httpx.Response:
            if request.url.path.endswith("/coql"):
                return httpx.Response(200, content=drip())
            return httpx.Response(200, content=encoded(GOOD_TOKEN))

        client = httpx.AsyncClient(transport=httpx.MockTransport(handle))
        v2 = ZohoV2(client, TokenSource(client, V2, CLIENT_SECRET, REFRESH_TOKEN), V2)
        service = LookupService("zoho-v2", ("Contacts",), "FR", v2.lookup, v2.crm_base,
                                client.aclose, timeout=0.3)
        try:
            return await service.lookup("0612345678")
        except Exception as exc:
            return exc
        finally:
            await service.aclose()

    outcome = run(lookup)
    assert isinstance(outcome, ServiceError) and "did not answer within 0.3 s" in str(outcome)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=60))
def test_any_record_id_links_to_its_record_page_on_the_crm_host(record_id: str) -> None:
    v2 = ZohoV2(OFFLINE, TokenSource(OFFLINE, V2, CLIENT_SECRET, REFRESH_TOKEN), V2)
    v1 = v1_row_to_match("Leads", {"LEADID": record_id}, WEB)
    for url, page in ((v2.record_url("Contacts", record_id), f"{WEB}/crm/tab/Contacts/"),
                      (v1.url, f"{WEB}/crm/tab/Leads/")):
        assert url.startswith(page)
        tail = url[len(page):]
        assert not any(c in tail for c in "/?#\\") and tail.isascii() and tail.isprintable()
        assert unquote(tail, errors="surrogatepass") == record_id
        assert httpx.URL(url).host == "crm.zoho.eu"

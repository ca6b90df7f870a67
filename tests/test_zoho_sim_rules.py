"""The Zoho simulator refuses what Zoho refuses and serves what Zoho serves: search by
``phone``/``criteria``/``word`` on every readable module (with its scope and its index lag),
``ZohoCRM.users.ALL`` for ``/users``, a call linked the way Zoho links it, an upsert on a
field that is not unique inserting, COQL limits, a disabled module, the token caps."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zoho_support import zoho_fixture  # noqa: F401

from ucm_popup.sim.zoho import (
    FULL_SCOPES,
    MAX_LIVE_ACCESS_TOKENS,
    MAX_REFRESH_TOKENS_PER_USER,
    DemoZoho,
    start_demo_zoho,
)

SEARCH = "ZohoSearch.securesearch.READ"
WRITE = ("ZohoCRM.modules.calls.CREATE", "ZohoCRM.modules.calls.READ",
         "ZohoCRM.modules.leads.CREATE", "ZohoCRM.modules.notes.CREATE")
JANE, MARC, LYON = "3477061000000419001", "3477061000000520001", "3477061000000300004"


async def token(zoho: DemoZoho, *scopes: str, refresh: str = "") -> str:
    refresh = refresh or zoho.sim.add_refresh_token((*FULL_SCOPES, *scopes))
    async with httpx.AsyncClient() as client:
        answer = await client.post(f"{zoho.settings.accounts_url}/oauth/v2/token", data={
            "grant_type": "refresh_token", "client_id": zoho.settings.client_id,
            "client_secret": zoho.client_secret, "refresh_token": refresh})
    return str(answer.json().get("access_token", ""))


async def call(zoho: DemoZoho, method: str, path: str, access: str, **kwargs: Any
               ) -> httpx.Response:
    async with httpx.AsyncClient() as client:
        return await client.request(method, f"{zoho.settings.server}{path}",
                                    headers={"Authorization": f"Zoho-oauthtoken {access}"},
                                    **kwargs)


@pytest.mark.parametrize(("module", "params", "found"), [
    ("Contacts", {"phone": "+33 6 12 34 56 78"}, JANE),
    ("Leads", {"phone": "0033698765432"}, MARC),
    ("Accounts", {"phone": "04.78.12.34.56"}, LYON),
    ("Contacts", {"criteria": "((Phone:equals:+33 6 12 34 56 78) or (Mobile:equals:x))"}, JANE),
    ("Leads", {"criteria": "(Company:starts_with:Dubois)"}, MARC),
    ("Accounts", {"criteria": r"(Account_Name:equals:Lyon Logistique SARL)"}, LYON),
    ("Contacts", {"word": "Jane"}, JANE),
])
async def test_search_by_phone_criteria_and_word_on_every_readable_module(
    zoho: DemoZoho, module: str, params: dict[str, str], found: str,
) -> None:
    """As Grandstream's Wave plugin asks (``/Contacts/search?phone=``, also Accounts, Leads)."""
    access = await token(zoho, SEARCH)
    answer = await call(zoho, "GET", f"/crm/v2/{module}/search", access, params=params)
    assert answer.status_code == 200, answer.text
    assert [r["id"] for r in answer.json()["data"]] == [found]
    nothing = await call(zoho, "GET", f"/crm/v2/{module}/search", access,
                         params={"phone": "+44 20 7946 0000"})
    assert nothing.status_code == 204 and nothing.content == b""


async def test_search_needs_its_scope_and_finds_a_new_record_only_after_the_lag(
    zoho: DemoZoho,
) -> None:
    without = await call(zoho, "GET", "/crm/v2/Contacts/search", await token(zoho),
                         params={"phone": "+33 6 12 34 56 78"})
    assert (without.status_code, without.json()["code"]) == (401, "OAUTH_SCOPE_MISMATCH")
    zoho.sim.search_lag_s = 0.5
    access = await token(zoho, SEARCH, *WRITE)
    made = await call(zoho, "POST", "/crm/v2/Leads", access,
                      json={"data": [{"Last_Name": "Fresh", "Phone": "+33145678900"}]})
    lead_id = made.json()["data"][0]["details"]["id"]
    early = await call(zoho, "GET", "/crm/v2/Leads/search", access,
                       params={"phone": "+33145678900"})
    assert early.status_code == 204  # Zoho's search index does not have it yet
    coql = await call(zoho, "POST", "/crm/v2/coql", access, json={
        "select_query": "select Last_Name from Leads where Phone = '+33145678900'"})
    assert [r["id"] for r in coql.json()["data"]] == [lead_id]  # COQL reads it at once
    deadline = asyncio.get_running_loop().time() + 10
    while True:
        later = await call(zoho, "GET", "/crm/v2/Leads/search", access,
                           params={"phone": "+33145678900"})
        if later.status_code == 200 or asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(0.05)
    assert [r["id"] for r in later.json()["data"]] == [lead_id]


async def test_users_all_serves_the_current_user(zoho: DemoZoho) -> None:
    access = await token(zoho, "ZohoCRM.users.ALL")  # what Grandstream's plugin asks for
    me = await call(zoho, "GET", "/crm/v2/users", access, params={"type": "CurrentUser"})
    assert me.status_code == 200, me.text
    assert me.json()["users"][0]["email"] == "sam@example.com"


async def test_a_call_is_linked_the_way_zoho_links_it(zoho: DemoZoho) -> None:
    access = await token(zoho, *WRITE)
    base = {"Subject": "s", "Call_Type": "Inbound", "Call_Start_Time": "2026-01-01T10:00:00+01:00",
            "Call_Duration": "01:00"}

    async def write(link: dict[str, Any]) -> dict[str, Any]:
        answer = await call(zoho, "POST", "/crm/v2/Calls", access, json={"data": [
            {**base, **link}]})
        return dict(answer.json()["data"][0])

    assert (await write({"Who_Id": {"id": JANE}}))["code"] == "SUCCESS"
    assert (await write({"What_Id": {"id": MARC}, "$se_module": "Leads"}))["code"] == "SUCCESS"
    assert (await write({"What_Id": {"id": LYON}, "$se_module": "Accounts"}))["code"] == "SUCCESS"
    lead_as_who = await write({"Who_Id": {"id": MARC}})
    assert (lead_as_who["code"], lead_as_who["details"]["api_name"]) == ("INVALID_DATA", "Who_Id")
    no_module = await write({"What_Id": {"id": MARC}})
    assert no_module["details"]["api_name"] == "$se_module"
    wrong_module = await write({"What_Id": {"id": MARC}, "$se_module": "Accounts"})
    assert (wrong_module["code"], wrong_module["details"]["api_name"]) == (
        "INVALID_DATA", "What_Id")


async def test_an_upsert_on_a_field_that_is_not_unique_inserts(zoho: DemoZoho) -> None:
    access = await token(zoho, *WRITE)
    ids = []
    for name in ("A", "B"):
        answer = await call(zoho, "POST", "/crm/v2/Leads/upsert", access, json={
            "data": [{"Last_Name": name, "Phone": "+33145678900", "Email": "a@example.com"}],
            "duplicate_check_fields": ["Phone"]})
        ids.append(answer.json()["data"][0]["details"]["id"])
    assert ids[0] != ids[1]  # Phone is no duplicate check: two Leads
    again = await call(zoho, "POST", "/crm/v2/Leads/upsert", access, json={
        "data": [{"Last_Name": "C", "Email": "a@example.com"}],
        "duplicate_check_fields": ["Email"]})
    assert again.json()["data"][0]["action"] == "update"  # Email is one


async def test_coql_refuses_a_multi_line_criterion_and_a_limit_over_200(zoho: DemoZoho) -> None:
    access = await token(zoho, "ZohoCRM.modules.calls.READ")
    for query in ("select Subject from Calls where Description = 'x'",
                  "select Full_Name from Contacts where Phone = '1' limit 201"):
        answer = await call(zoho, "POST", "/crm/v2/coql", access, json={"select_query": query})
        assert (answer.status_code, answer.json()["code"]) == (400, "INVALID_QUERY"), query
    selected = await call(zoho, "POST", "/crm/v2/coql", access, json={
        "select_query": "select Description from Calls where Call_Type = 'Inbound'"})
    assert selected.status_code == 204  # a multi-line field may be selected


async def test_a_disabled_module_is_invalid_module_with_http_400(zoho: DemoZoho) -> None:
    zoho.sim.disabled_modules.add("Leads")
    access = await token(zoho, SEARCH)
    for method, path, kwargs in (
        ("POST", "/crm/v2/coql", {"json": {"select_query":
                                           "select Full_Name from Leads where Phone = '1'"}}),
        ("GET", "/crm/v2/Leads", {}),
        ("GET", "/crm/v2/Leads/search", {"params": {"phone": "0033698765432"}}),
    ):
        answer = await call(zoho, method, path, access, **kwargs)
        assert (answer.status_code, answer.json()["code"]) == (400, "INVALID_MODULE"), path


async def test_the_token_caps(zoho: DemoZoho) -> None:
    """30 live access tokens per refresh token (the next ends the oldest); 20 refresh tokens
    per user (the 21st silently deletes the oldest)."""
    zoho.sim.token_paths.clear()
    first_refresh = zoho.sim.add_refresh_token(FULL_SCOPES, user="ann")
    oldest = await token(zoho, refresh=first_refresh)
    for _ in range(MAX_REFRESH_TOKENS_PER_USER):
        zoho.sim.add_refresh_token(FULL_SCOPES, user="ann")
    assert first_refresh not in zoho.sim.refresh_tokens
    assert oldest not in zoho.sim.access_tokens
    refresh = zoho.sim.add_refresh_token(FULL_SCOPES, user="bob")
    values = []
    for _ in range(MAX_LIVE_ACCESS_TOKENS + 1):
        zoho.sim._issued.clear()  # past the 10-in-10-minutes throttle, for this test only
        values.append(await token(zoho, refresh=refresh))
    answer = await call(zoho, "GET", "/crm/v2/org", values[0])
    assert answer.json()["code"] == "INVALID_TOKEN"
    assert (await call(zoho, "GET", "/crm/v2/org", values[-1])).status_code == 200


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=60))
def test_any_search_criteria_gets_data_nothing_or_invalid_query(text: str) -> None:
    async def ask() -> int:
        demo = await start_demo_zoho()
        try:
            access = await token(demo, SEARCH)
            answer = await call(demo, "GET", "/crm/v2/Contacts/search", access,
                                params={"criteria": text})
            if answer.status_code == 400:
                assert answer.json()["code"] == "INVALID_QUERY"
            return answer.status_code
        finally:
            await demo.aclose()

    assert asyncio.run(ask()) in (200, 204, 400)

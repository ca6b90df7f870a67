"""The Zoho simulator as real Zoho answers: every standard field of a module is selectable
in COQL, ``/crm/v2/users?type=CurrentUser`` names the token's user, and COQL refusals carry
Zoho's ``details`` (``column_name``, ``reason``)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zoho_support import zoho_fixture  # noqa: F401

from ucm_popup.sim.zoho import FULL_SCOPES, DemoZoho


async def token(zoho: DemoZoho, *scopes: str) -> str:
    refresh = zoho.sim.add_refresh_token((*FULL_SCOPES, *scopes))
    async with httpx.AsyncClient() as client:
        answer = await client.post(f"{zoho.settings.accounts_url}/oauth/v2/token", data={
            "grant_type": "refresh_token", "client_id": zoho.settings.client_id,
            "client_secret": zoho.client_secret, "refresh_token": refresh})
    return str(answer.json()["access_token"])


async def coql(zoho: DemoZoho, query: str, access: str = "") -> httpx.Response:
    access = access or await token(zoho)
    async with httpx.AsyncClient() as client:
        return await client.post(f"{zoho.settings.server}/crm/v2/coql",
                                 json={"select_query": query},
                                 headers={"Authorization": f"Zoho-oauthtoken {access}"})


async def test_standard_fields_can_be_selected(zoho: DemoZoho) -> None:
    answer = await coql(zoho, "select Full_Name, Description, Created_Time, Modified_Time, "
                              "Owner, Lead_Source from Contacts where Phone = '+33 6 12 34 56 78'")
    assert answer.status_code == 200, answer.text
    (jane,) = answer.json()["data"]
    assert jane["Full_Name"] == "Jane Doe" and jane["Description"] is None
    assert jane["Created_Time"].startswith("2026-") and jane["Owner"] == {
        "id": "3477061000000200001"}
    for module, field in (("Leads", "Lead_Status"), ("Accounts", "Billing_City")):
        answer = await coql(zoho, f"select {field}, Modified_Time from {module} "
                                  "where Phone is not null limit 1")
        assert answer.status_code == 200, (module, answer.text)


async def test_an_unknown_column_is_refused_with_zohos_details(zoho: DemoZoho) -> None:
    answer = await coql(zoho, "select Full_Name, Shoe_Size from Contacts where Phone = '1'")
    assert answer.status_code == 400
    body = answer.json()
    assert (body["code"], body["status"]) == ("INVALID_QUERY", "error")
    assert body["details"] == {"column_name": "Shoe_Size",
                               "reason": "column given seems to be invalid"}


async def test_the_current_user(zoho: DemoZoho) -> None:
    access = await token(zoho, "ZohoCRM.users.READ")
    async with httpx.AsyncClient() as client:
        url = f"{zoho.settings.server}/crm/v2/users"
        auth = {"Authorization": f"Zoho-oauthtoken {access}"}
        me = await client.get(url, params={"type": "CurrentUser"}, headers=auth)
        assert me.status_code == 200
        (user,) = me.json()["users"]
        assert (user["full_name"], user["email"], user["status"]) == (
            "Sam Agent", "sam@example.com", "active")
        without_scope = await client.get(url, params={"type": "CurrentUser"}, headers={
            "Authorization": f"Zoho-oauthtoken {await token(zoho)}"})
        assert without_scope.status_code == 401
        assert without_scope.json()["code"] == "OAUTH_SCOPE_MISMATCH"


@pytest.mark.parametrize("query", ["select", "select Full_Name from", "update Contacts"])
async def test_a_malformed_query_says_why_in_details(zoho: DemoZoho, query: str) -> None:
    answer = await coql(zoho, query)
    assert answer.status_code == 400
    assert answer.json()["details"]["reason"].startswith("invalid query")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_any_query_text_gets_data_nothing_or_one_error_with_details(text: str) -> None:
    """Hostile query text never breaks the simulator: an answer, or an error with details."""
    import asyncio

    from ucm_popup.sim.zoho import start_demo_zoho

    async def ask() -> tuple[int, Any]:
        demo = await start_demo_zoho()
        try:
            answer = await coql(demo, text)
            return answer.status_code, answer.json() if answer.content else None
        finally:
            await demo.aclose()

    status, body = asyncio.run(ask())
    assert status in (200, 204, 400)
    if status == 400:
        assert body["code"] == "INVALID_QUERY" and body["details"]["reason"]

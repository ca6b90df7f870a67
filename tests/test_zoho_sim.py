"""The Zoho simulator itself: the rules a client must respect are enforced, quirks reproduced."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from zoho_support import zoho_fixture  # noqa: F401

from ucm_popup.sim.demo_data import DEMO_RECORDS
from ucm_popup.sim.zoho import DemoZoho
from ucm_popup.sim.zoho_coql import CoqlError, parse_coql


@pytest.fixture
async def api(zoho: DemoZoho) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=zoho.sim.base_url) as client:
        answer = await client.post("/oauth/v2/token", data={
            "grant_type": "refresh_token", "refresh_token": zoho.refresh_token,
            "client_id": zoho.settings.client_id, "client_secret": zoho.client_secret})
        client.headers["Authorization"] = f"Zoho-oauthtoken {answer.json()['access_token']}"
        yield client


def test_coql_subset() -> None:
    query = parse_coql(
        "select Full_Name, Owner.first_name from Contacts "
        "where (Phone in ('1', '2') or (Mobile = '3' or Fax is not null)) limit 5"
    )
    assert query.fields == ("Full_Name", "Owner.first_name") and query.module == "Contacts"
    assert query.where_fields == ("Phone", "Mobile", "Fax") and query.limit == 5
    assert query.where is not None
    assert query.where({"Phone": "2", "Mobile": None, "Fax": None}.get)
    assert not query.where({"Phone": "+2", "Mobile": "3 ", "Fax": ""}.get)  # exact equality


@pytest.mark.parametrize(
    "text",
    [
        "select id from Contacts where Phone = '1' or Mobile = '1' or Fax = '1'",  # no brackets
        "select id from Contacts where Phone like '%1'",
        "delete from Contacts",
        "select id from Contacts where Phone = 1",
        "select id from Contacts where " + " or ".join(["(Phone = '1'"] * 26) + ")" * 26,
        "select id from Contacts where Phone in (" + ",".join(f"'{n}'" for n in range(51)) + ")",
    ],
)
def test_coql_rules_are_enforced(text: str) -> None:
    with pytest.raises(CoqlError):
        parse_coql(text)


async def test_coql_returns_lookups_as_id_only_and_joins_flat(api: httpx.AsyncClient) -> None:
    answer = await api.post("/crm/v2/coql", json={"select_query": (
        "select Full_Name, Account_Name, Account_Name.Account_Name, Owner, Owner.last_name "
        "from Contacts where Phone = '+33 6 12 34 56 78'")})
    row = answer.json()["data"][0]
    assert row["Account_Name"] == {"id": "3477061000000300001"}
    assert row["Account_Name.Account_Name"] == "ACME Corp"
    assert row["Owner"] == {"id": "3477061000000200001"}
    assert row["Owner.last_name"] == "Agent"


async def test_no_match_is_204_with_an_empty_body(api: httpx.AsyncClient) -> None:
    coql = await api.post("/crm/v2/coql", json={
        "select_query": "select id from Leads where Phone = '0612345678'"})
    assert (coql.status_code, coql.content) == (204, b"")


async def test_authorization_header_and_scopes(zoho: DemoZoho, api: httpx.AsyncClient) -> None:
    token = api.headers["Authorization"].split()[1]
    bearer = await api.get("/crm/v2/org", headers={"Authorization": f"Bearer {token}"})
    assert (bearer.status_code, bearer.json()["code"]) == (401, "INVALID_TOKEN")
    narrow = zoho.sim.add_refresh_token(["ZohoCRM.modules.contacts.READ"])
    answer = await api.post("/oauth/v2/token", params={
        "grant_type": "refresh_token", "refresh_token": narrow,
        "client_id": zoho.settings.client_id, "client_secret": zoho.client_secret})
    headers = {"Authorization": f"Zoho-oauthtoken {answer.json()['access_token']}"}
    coql = await api.post("/crm/v2/coql", headers=headers, json={
        "select_query": "select id from Contacts where Phone = '1'"})
    assert (coql.status_code, coql.json()["code"]) == (401, "OAUTH_SCOPE_MISMATCH")
    zoho.sim.expire_access_tokens()
    expired = await api.get("/crm/v2/org")
    assert (expired.status_code, expired.json()["code"]) == (401, "INVALID_TOKEN")


async def test_org(api: httpx.AsyncClient) -> None:
    org = (await api.get("/crm/v2/org")).json()["org"][0]
    assert org["domain_name"] == "org808232144" and org["zgid"] == "808232144"


async def test_v1_quirks(zoho: DemoZoho) -> None:
    base = {"authtoken": zoho.authtoken, "scope": "crmapi"}
    async with httpx.AsyncClient(base_url=zoho.sim.base_url) as client:
        async def v1(module: str, **params: str) -> Any:
            path = f"/crm/private/json/{module}/searchRecords"
            return (await client.get(path, params={**base, **params})).json()["response"]

        one = await v1("Contacts", criteria="(Phone:+33 6 12 34 56 78)")
        assert isinstance(one["result"]["Contacts"]["row"], dict)  # one hit: an object
        labels = {fl["val"]: fl["content"] for fl in one["result"]["Contacts"]["row"]["FL"]}
        assert labels["CONTACTID"] == "3477061000000419001" and labels["Mobile"] == "null"
        two = await v1("Contacts", criteria="((Phone:01 44 55 66 77)OR(Phone:+33 6 12 34 56 78))")
        assert isinstance(two["result"]["Contacts"]["row"], list)
        single_field = await v1("Leads", criteria="(Phone:0033698765432)",
                                selectColumns="Leads(LEADID)")
        assert single_field["result"]["Leads"]["row"]["FL"] == {
            "val": "LEADID", "content": "3477061000000520001"}
        assert (await v1("Leads", criteria="(Phone:1)"))["nodata"]["code"] == "4422"
        base["authtoken"] = "wrong"
        assert (await v1("Leads", criteria="(Phone:1)"))["error"]["code"] == "4834"


async def test_web_record_page_escapes_crm_text(zoho: DemoZoho) -> None:
    zoe = DEMO_RECORDS["Contacts"][2]
    async with httpx.AsyncClient() as client:
        page = await client.get(f"{zoho.sim.base_url}/crm/org808232144/tab/Contacts/{zoe['id']}")
    assert page.status_code == 200
    assert "&lt;b&gt;Nordic&lt;/b&gt; &amp; Co" in page.text and "<b>Nordic" not in page.text

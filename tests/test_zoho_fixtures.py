"""Every recorded Zoho answer, served on loopback, read by the client as a user would see it.

The OAuth error bodies and the v1 answers are read in test_zoho_oauth.py and test_zoho_v1.py;
here the v2 answers and the grant-code exchange go through a real lookup or exchange.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, load_fixture
from zoho_support import v2_secrets, v2_settings, zoho_fixture  # noqa: F401

from ucm_popup.crm.model import LookupResult
from ucm_popup.crm.service import build_lookup_service
from ucm_popup.crm.zoho_oauth import exchange_grant_code
from ucm_popup.crm.zoho_v2 import PHONE_FIELDS, coql_query
from ucm_popup.errors import AuthError, ServiceError
from ucm_popup.sim.zoho import DemoZoho
from ucm_popup.sim.zoho_coql import parse_coql


def recorded(name: str) -> bytes:
    return (FIXTURES / "zoho" / name).read_bytes()


async def lookup(zoho: DemoZoho, *modules: str, number: str = "0612345678") -> LookupResult:
    service = build_lookup_service(v2_settings(zoho, modules=modules), v2_secrets(zoho))
    assert service is not None
    try:
        return await service.lookup(number)
    finally:
        await service.aclose()


async def test_a_recorded_lead_as_the_popup_shows_it(zoho: DemoZoho) -> None:
    zoho.sim.replies["coql"] = (200, recorded("v2_search_phone_Leads.json"))
    result = await lookup(zoho, "Leads")
    [lead] = result.matches
    assert (lead.module, lead.name, lead.company, lead.owner) == (
        "Leads", "Mr. First_Name Last_Name", "", "Patricia Boyle")
    assert (lead.phone, lead.mobile, lead.email) == (
        "98883434559", "98883434559", "newcrmapi@zoho.com")
    assert lead.url.endswith("/tab/Leads/3652397000000415002")


async def test_a_recorded_contact_names_its_account(zoho: DemoZoho) -> None:
    zoho.sim.replies["coql"] = (200, recorded("v2_record_Contacts_Account_Name_lookup.json"))
    [contact] = (await lookup(zoho, "Contacts")).matches
    assert (contact.name, contact.company) == ("Test Contact 1", "Test Account1")


async def test_the_recorded_org_goes_into_record_links(zoho: DemoZoho) -> None:
    zoho.sim.org_domain = "org1"  # the recorded answer, not the simulator's, must be used
    zoho.sim.replies["org"] = (200, recorded("v2_org.json"))
    [jane] = (await lookup(zoho, "Contacts")).matches
    assert jane.url == (
        f"{zoho.settings.web_url}/crm/org808232144/tab/Contacts/3477061000000419001"
    )


async def test_a_recorded_no_match_is_an_empty_result(zoho: DemoZoho) -> None:
    exchange: dict[str, Any] = load_fixture("zoho/v2_search_no_match_http204.json")
    answer = exchange["response"]
    zoho.sim.replies["coql"] = (answer["status"], answer["body"].encode())
    result = await lookup(zoho, "Contacts", "Leads", "Accounts")
    assert result.matches == () and result.normalized == "+33612345678"


async def test_a_recorded_invalid_query_without_message_gives_its_reason(
    zoho: DemoZoho,
) -> None:
    zoho.sim.replies["coql"] = (400, recorded("v2_error_INVALID_QUERY_partial.json"))
    with pytest.raises(ServiceError) as caught:
        await lookup(zoho, "Leads")
    assert str(caught.value) == (
        f"Zoho CRM ({zoho.sim.base_url}) refused the Leads query: invalid operator found"
    )


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("v2_error_INVALID_TOKEN.json", "rejected a fresh access token (INVALID_TOKEN)"),
        ("v2_error_OAUTH_SCOPE_MISMATCH.json", "the refresh token lacks a scope"),
    ],
)
async def test_recorded_token_refusals_are_auth_errors(
    zoho: DemoZoho, name: str, says: str
) -> None:
    zoho.sim.replies["coql"] = (401, recorded(name))
    with pytest.raises(AuthError, match=re.escape(says)) as caught:
        await lookup(zoho, "Contacts")
    assert caught.value.exit_code == 3


async def test_a_recorded_grant_exchange_names_the_data_centre(zoho: DemoZoho) -> None:
    zoho.sim.replies["token"] = (200, recorded("oauth_grant_code_exchange_success.json"))
    grant = await exchange_grant_code(zoho.settings, zoho.client_secret, "1000.any")
    assert (grant.refresh_token, grant.api_domain, grant.data_centre, grant.scopes) == (
        "{refresh_token}", "https://www.zohoapis.com", "US", ())


def test_a_recorded_coql_request_keeps_the_rules_our_queries_keep() -> None:
    """A query another client sent to Zoho passes the simulator's COQL rules, like ours."""
    sent = json.loads(recorded("v2_coql_request_Contacts_by_phone.json"))["select_query"]
    theirs = parse_coql(sent.replace("<n>", "0612345678"))
    ours = parse_coql(coql_query("Contacts", ("0612345678", "+33612345678")))
    assert set(theirs.where_fields) <= set(PHONE_FIELDS["Contacts"])
    assert set(ours.where_fields) == set(PHONE_FIELDS["Contacts"])
    assert theirs.module == ours.module == "Contacts"


def test_every_recorded_zoho_answer_is_read_by_some_test() -> None:
    tests = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("*.py"))
    unread = [p.name for p in (FIXTURES / "zoho").glob("*.json") if p.name not in tests
              and p.stem not in tests]
    assert unread == []

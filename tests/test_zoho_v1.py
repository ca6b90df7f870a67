"""Zoho v1 (legacy): the searchRecords parser on real-shaped fixtures, and lookups end to end."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from conftest import load_fixture
from zoho_support import CONTRACT_KEYS, v1_service, zoho_fixture  # noqa: F401

from ucm_popup.crm.zoho_v1 import parse_search_response, row_to_match
from ucm_popup.errors import AuthError, ServiceError
from ucm_popup.sim.zoho import DemoZoho

SERVER = "https://crm.zoho.eu"


def test_single_row_object_is_read() -> None:
    body = load_fixture("zoho/v1_getSearchRecordsByPDC_Contacts_single_row.json")
    rows = parse_search_response(body, "Contacts", SERVER)
    assert rows == [{"CONTACTID": "1921877000001222001", "Email": "contact@example.com"}]
    match = row_to_match("Contacts", rows[0], SERVER)
    assert match.id == "1921877000001222001"
    assert match.url == "https://crm.zoho.eu/crm/tab/Contacts/1921877000001222001"


def test_row_list_is_read_in_order() -> None:
    body = load_fixture("zoho/v1_getRecords_Contacts_two_rows.json")
    matches = [row_to_match("Contacts", r, SERVER)
               for r in parse_search_response(body, "Contacts", SERVER)]
    assert [(m.id, m.name, m.email) for m in matches] == [
        ("123", "Test2 Tester2", "test2@test.de"),
        ("234", "Test Tester", "test@test.de"),
    ]


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        ("one_row_one_field_FL_is_object", [{"店舗名": "スターバックス"}]),
        ("one_row_two_fields", [{"店舗名": "スターバックス", "Store Name": "Starbucks"}]),
        ("two_rows_one_field_each", [{"店舗名": "スターバックス"}, {"店舗名": "ドトール"}]),
        ("content_null_string", [{"店舗名": ""}]),
    ],
)
def test_row_and_fl_shape_variants(variant: str, expected: list[dict[str, str]]) -> None:
    body = load_fixture("zoho/v1_row_and_FL_shape_variants.json")[variant]
    assert parse_search_response(body, "BlackCoffees", SERVER) == expected


def test_nodata_4422_is_no_match() -> None:
    assert parse_search_response(load_fixture("zoho/v1_nodata_4422.json"), "Contacts", SERVER) == []


def test_invalid_ticket_4834_is_an_auth_error_naming_the_token() -> None:
    body = load_fixture("zoho/v1_error_4834_invalid_ticket.json")
    with pytest.raises(AuthError, match=r"4834: Invalid Ticket Id.*Zoho v1 auth token"):
        parse_search_response(body, "Contacts", SERVER)


@pytest.mark.parametrize(
    ("code", "error", "pattern"),
    [
        ("4820", ServiceError, "rate limit"),
        ("4421", ServiceError, "rate limit"),
        ("4500", ServiceError, "failed for Contacts"),
        ("4890", AuthError, "auth token"),
        ("4102", AuthError, "auth token"),
    ],
)
def test_error_codes_map_to_the_contract(code: str, error: type[Exception], pattern: str) -> None:
    body = {"response": {"error": {"code": code, "message": "x"}, "uri": "/"}}
    with pytest.raises(error, match=pattern):
        parse_search_response(body, "Contacts", SERVER)


@pytest.mark.parametrize("body", [{"response": {"error": {"code": "4502"}}}, {"response": {
    "error": {"code": "401", "message": "no module permission"}}}])
def test_module_errors_skip_the_module(body: dict[str, Any]) -> None:
    assert parse_search_response(body, "Accounts", SERVER) == []


@pytest.mark.parametrize("body", [[], {"response": "x"}, {"response": {"result": []}}, None])
def test_garbage_is_a_service_error(body: Any) -> None:
    with pytest.raises(ServiceError, match="unusable"):
        parse_search_response(body, "Contacts", SERVER)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("0612345678", [("Contacts", "3477061000000419001")]),  # "+33 6 12 34 56 78"
        ("0033698765432", [("Contacts", "3477061000000419002"), ("Leads", "3477061000000520001")]),
        ("0478123456", [("Accounts", "3477061000000300004")]),  # "04.78.12.34.56"
        ("0145678900", []),
    ],
)
async def test_v1_lookups_against_the_simulator(
    zoho: DemoZoho, number: str, expected: list[tuple[str, str]]
) -> None:
    service = v1_service(zoho)
    result = await service.lookup(number)
    await service.aclose()
    assert [(m.module, m.id) for m in result.matches] == expected
    assert result.provider == "zoho-v1"
    for match in result.to_json()["matches"]:
        assert list(match) == CONTRACT_KEYS
        assert match["url"] == f"{zoho.sim.base_url}/crm/tab/{match['module']}/{match['id']}"


async def test_v1_contract_fields(zoho: DemoZoho) -> None:
    service = v1_service(zoho)
    result = await service.lookup("0612345678")
    await service.aclose()
    match = result.matches[0]
    assert (match.name, match.company, match.phone, match.mobile, match.email, match.owner) == (
        "Jane Doe", "ACME Corp", "+33 6 12 34 56 78", "", "jane@acme.example", "Sam Agent")


async def test_v1_costs_at_most_two_requests_per_module(zoho: DemoZoho) -> None:
    service = v1_service(zoho)
    await service.lookup("0145678900")  # a miss: every module asks its two requests
    await service.aclose()
    assert zoho.sim.counts["v1:searchRecords"] == 6


async def test_v1_bad_token_is_an_auth_error_and_never_logged(
    zoho: DemoZoho, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    service = v1_service(zoho, authtoken="0123456789abcdef-wrong")
    with pytest.raises(AuthError, match="v1 auth token") as caught:
        await service.lookup("0612345678")
    await service.aclose()
    assert "0123456789abcdef-wrong" not in str(caught.value)
    assert "0123456789abcdef-wrong" not in caplog.text
    assert "authtoken=" not in caplog.text


async def test_v1_outage_is_a_service_error(zoho: DemoZoho) -> None:
    zoho.sim.failure = "500"
    service = v1_service(zoho)
    with pytest.raises(ServiceError, match=r"Zoho CRM v1 .* failed \(HTTP 500\)"):
        await service.lookup("0612345678")
    await service.aclose()


def v1_rows(*rows: dict[str, str]) -> bytes:
    body = {"response": {"result": {"Contacts": {"row": [
        {"no": str(n), "FL": [{"val": k, "content": v} for k, v in row.items()]}
        for n, row in enumerate(rows, 1)]}}}}
    return json.dumps(body).encode()


async def test_v1_rows_without_an_id_are_no_match(zoho: DemoZoho) -> None:
    zoho.sim.replies["v1"] = (200, v1_rows({"Full Name": "No Id", "Phone": "0612345678"}))
    service = v1_service(zoho)
    result = await service.lookup("0612345678")
    await service.aclose()
    assert result.matches == ()


async def test_v1_ids_are_percent_encoded_in_links(zoho: DemoZoho) -> None:
    zoho.sim.replies["v1"] = (200, v1_rows({"CONTACTID": "x/../../..//host/path"}))
    service = v1_service(zoho)
    result = await service.lookup("0612345678")
    await service.aclose()
    assert [m.url for m in result.matches] == [
        f"{zoho.sim.base_url}/crm/tab/Contacts/x%2F..%2F..%2F..%2F%2Fhost%2Fpath"
    ]


@pytest.mark.parametrize(("failure", "says"), [("deep", "nested too deeply"),
                                               ("huge", "larger than 2 MiB")])
async def test_v1_hostile_answers_are_service_errors(
    zoho: DemoZoho, failure: str, says: str
) -> None:
    zoho.sim.failure = failure
    service = v1_service(zoho)
    with pytest.raises(ServiceError, match=says):
        await service.lookup("0612345678")
    await service.aclose()

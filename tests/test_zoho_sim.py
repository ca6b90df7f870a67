"""The Zoho simulator's own rules (COQL as Zoho documents it), and what a user meets through it.

What the client does against the simulator is tested in test_zoho_v2.py, test_zoho_v1.py and
test_zoho_fixtures.py; here only the COQL subset the simulator enforces, and the page that
"Open in CRM" leads to.
"""

from __future__ import annotations

import httpx
import pytest
from zoho_support import v2_service, zoho_fixture  # noqa: F401

from ucm_popup.sim.zoho import DemoZoho
from ucm_popup.sim.zoho_coql import CoqlError, parse_coql


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


async def test_open_in_crm_leads_to_the_record_with_its_text_escaped(zoho: DemoZoho) -> None:
    service = v2_service(zoho)
    result = await service.lookup("+33711223344")  # Zoë, whose account is "<b>Nordic</b> & Co"
    await service.aclose()
    [zoe] = result.matches
    async with httpx.AsyncClient() as client:
        page = await client.get(zoe.url)
    assert page.status_code == 200
    assert "&lt;b&gt;Nordic&lt;/b&gt; &amp; Co" in page.text and "<b>Nordic" not in page.text

"""The demo's sample data, shared by both simulators so that the calls the simulated UCM
rings with find (or, on purpose, do not find) their records in the simulated Zoho.

Records are in Zoho v2 API shape (API field names, lookups as ``{"name", "id"}``); the Zoho
simulator derives the v1 and COQL views from them.  The README lists the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEMO_EXTENSION = "1002"
DEMO_REGION = "FR"
DEMO_ORG_DOMAIN = "org808232144"
DEMO_ORG_ZGID = "808232144"
OWNER_SAM = {"name": "Sam Agent", "id": "3477061000000200001", "email": "sam@example.com"}
OWNER_LEA = {"name": "Léa Moreau", "id": "3477061000000200002", "email": "lea@example.com"}

# module -> records; numbers typed in several formats on purpose.
DEMO_RECORDS: dict[str, list[dict[str, Any]]] = {
    "Contacts": [
        {
            "id": "3477061000000419001",
            "First_Name": "Jane",
            "Last_Name": "Doe",
            "Full_Name": "Jane Doe",
            "Account_Name": {"name": "ACME Corp", "id": "3477061000000300001"},
            "Phone": "+33 6 12 34 56 78",
            "Mobile": None,
            "Email": "jane@acme.example",
            "Owner": OWNER_SAM,
        },
        {
            "id": "3477061000000419002",
            "First_Name": "Marc",
            "Last_Name": "Dubois",
            "Full_Name": "Marc Dubois",
            "Account_Name": {"name": "Dubois & Fils", "id": "3477061000000300002"},
            "Phone": "01 44 55 66 77",
            "Mobile": "06 98 76 54 32",
            "Email": "marc@dubois-fils.example",
            "Owner": OWNER_LEA,
        },
        {
            "id": "3477061000000419003",
            "First_Name": "Zoë",
            "Last_Name": "Ångström-Øster",
            "Full_Name": "Zoë Ångström-Øster",
            "Account_Name": {"name": "<b>Nordic</b> & Co", "id": "3477061000000300003"},
            "Phone": "0033 7 11 22 33 44",
            "Mobile": "",
            "Email": "zoe@nordic.example",
            "Owner": OWNER_SAM,
        },
        {
            "id": "3477061000000419004",
            "First_Name": "Robert",
            "Last_Name": "Miller",
            "Full_Name": "Robert Miller",
            "Account_Name": None,
            "Phone": "(212) 555-0142",
            "Home_Phone": "+1 212 555 0199",
            "Email": "bob@miller.example",
            "Owner": OWNER_LEA,
        },
    ],
    "Leads": [
        {
            "id": "3477061000000520001",
            "First_Name": "Marc",
            "Last_Name": "Dubois",
            "Full_Name": "Marc Dubois",
            "Company": "Dubois Consulting",
            "Phone": "0033698765432",
            "Mobile": None,
            "Email": "marc@dubois-consulting.example",
            "Owner": OWNER_SAM,
        },
    ],
    "Accounts": [
        {
            "id": "3477061000000300004",
            "Account_Name": "Lyon Logistique SARL",
            "Phone": "04.78.12.34.56",
            "Fax": None,
            "Website": "https://lyon-logistique.example",
            "Owner": OWNER_LEA,
        },
    ],
}


@dataclass(frozen=True)
class DemoCall:
    """One call in the demo cycle, as the simulated UCM rings it."""

    kind: str  # known | several | unknown | ring_group_elsewhere | internal
    caller_number: str
    caller_name: str
    trunk: str = "Orange SIP"
    # extensions rung (a ring group rings several); the first one that answers, or "" for none
    rings: tuple[str, ...] = (DEMO_EXTENSION,)
    answered_by: str = DEMO_EXTENSION
    ring_seconds: float = 6.0
    talk_seconds: float = 8.0
    queue: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


DEMO_CALLS: tuple[DemoCall, ...] = (
    DemoCall("known", "0612345678", "ACME Corp"),
    DemoCall("several", "+33698765432", "DUBOIS M"),
    DemoCall("unknown", "0145678900", "", answered_by=""),
    DemoCall(
        "ring_group_elsewhere",
        "0478123456",
        "LYON LOGISTIQUE",
        rings=(DEMO_EXTENSION, "1003"),
        answered_by="1003",
        queue="6300",
    ),
    DemoCall("internal", "1001", "Alice Martin", trunk="", ring_seconds=5.0),
)

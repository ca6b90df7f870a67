"""The simulator's v1 (legacy) ``searchRecords``: display labels, and every response quirk.

All answers are HTTP 200: ``result`` (``row`` an object for one hit and a list for several;
``FL`` an object when a row has one field; empty values as the string ``"null"``), ``nodata``
4422, or ``error`` (4834 for a bad auth token).  Criteria ``(Label:value)`` joined by OR/AND,
at most 5, compared as exact strings.
"""

from __future__ import annotations

import re
from typing import Any

V1_LABELS = {  # v1 uses display labels
    "First_Name": "First Name", "Last_Name": "Last Name", "Full_Name": "Full Name",
    "Account_Name": "Account Name", "Company": "Company", "Phone": "Phone", "Mobile": "Mobile",
    "Home_Phone": "Home Phone", "Other_Phone": "Other Phone", "Asst_Phone": "Asst Phone",
    "Fax": "Fax", "Email": "Email", "Website": "Website",
}
V1_ID = {"Contacts": "CONTACTID", "Leads": "LEADID", "Accounts": "ACCOUNTID"}


def search_records(
    module: str, rows: list[dict[str, Any]] | None, query: dict[str, str], authtoken: str
) -> dict[str, Any]:
    """The JSON body v1 answers for ``query`` over the v2-shaped ``rows`` of ``module``."""
    uri = f"/crm/private/json/{module}/searchRecords"
    if query.get("authtoken") != authtoken or query.get("scope") != "crmapi":
        return _v1(uri, "error", {"message": "Invalid Ticket Id", "code": "4834"})
    if rows is None:
        return _v1(uri, "error", {"message": "Module not supported", "code": "4502"})
    pairs = re.findall(r"\(([^():]+):([^()]*)\)", query.get("criteria", ""))
    if not pairs or len(pairs) > 5:
        return _v1(uri, "error", {"message": "Invalid search criteria", "code": "4420"})
    by_label = {v: k for k, v in V1_LABELS.items()}
    hits = [r for r in rows if any(r.get(by_label.get(label, "")) == value
                                   for label, value in pairs)]
    if not hits:
        return _v1(uri, "nodata", {"code": "4422", "message": "There is no data to show"})
    columns = _v1_columns(query.get("selectColumns", "All"))
    out_rows = [{"no": str(i), "FL": _v1_fields(module, r, columns)}
                for i, r in enumerate(hits, 1)]
    row: Any = out_rows[0] if len(out_rows) == 1 else out_rows  # one hit: an object
    return _v1(uri, "result", {module: {"row": row}})


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("name", ""))
    return "" if value is None else str(value)


def _v1(uri: str, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {"response": {kind: payload, "uri": uri}}


def _v1_columns(select: str) -> set[str] | None:
    found = re.match(r"^\w+\((.*)\)$", select)
    return {c.strip() for c in found.group(1).split(",")} if found else None


def _v1_fields(module: str, record: dict[str, Any], columns: set[str] | None) -> Any:
    fields = [{"val": V1_ID[module], "content": record["id"]}]
    owner = record.get("Owner") or {}
    fields.append({"val": "SMOWNERID", "content": owner.get("id", "null")})
    fields.append({"val": f"{module[:-1]} Owner", "content": owner.get("name", "null")})
    for key, label in V1_LABELS.items():
        if key in record:
            fields.append({"val": label, "content": _text(record[key]) or "null"})
    if columns is not None:
        fields = [f for f in fields if f["val"] in columns]
    return fields[0] if len(fields) == 1 else fields  # one field: FL is an object

"""What the Zoho simulator needs for the phone index: record lists paged with
``more_records`` (plain pages stop at 2,000 records, as Zoho's do), ``If-Modified-Since``
(304 when nothing changed), the deleted-records list, and a large generated organisation.

``large_org(100_000)`` takes about a second and is the same on every run: contact ``n`` has a
mobile ``+33 6 {n:08d}`` and a landline ``+33 1 {n:08d}`` (every third one a home number
``+33 2 …`` too), each stored in one of several spellings people type, and its id grows with
``n``, so tests can say which number belongs to whom.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

SIM_EPOCH = "2026-01-01T00:00:00+00:00"  # Modified_Time of records nobody changed
PLAIN_PAGING_LIMIT = 2000
MAX_PER_PAGE = 200
LARGE_ORG_FIRST_ID = 4_000_000_000_000_000_000
_FIRST = ("Anna", "Bruno", "Chloé", "David", "Emma", "François", "Giulia", "Hugo", "Inès",
          "Jonas", "Karim", "Léa", "Maël", "Nora", "Oscar", "Paula")
_LAST = ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
         "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "García", "O'Brien")
_OWNERS = (
    {"name": "Sam Agent", "id": "3477061000000200001", "email": "sam@example.com"},
    {"name": "Léa Moreau", "id": "3477061000000200002", "email": "lea@example.com"},
)


def spell(prefix: str, n: int, style: int) -> str:
    """French number ``+33 {prefix}{n:08d}`` in one of six spellings people type."""
    d = f"{prefix}{n:08d}"
    pairs = [d[1:3], d[3:5], d[5:7], d[7:9]]
    return (
        f"+33 {d[0]} {' '.join(pairs)}",
        f"0{d[0]} {' '.join(pairs)}",
        f"0{d}",
        f"+33{d}",
        f"0{d[0]}.{'.'.join(pairs)}",
        f"0033 {d[0]} {' '.join(pairs)}",
    )[style % 6]


def large_org_contact(n: int) -> dict[str, Any]:
    first, last = _FIRST[n % len(_FIRST)], _LAST[(n // len(_FIRST)) % len(_LAST)]
    record: dict[str, Any] = {
        "id": str(LARGE_ORG_FIRST_ID + n),
        "First_Name": first,
        "Last_Name": f"{last} {n}",
        "Full_Name": f"{first} {last} {n}",
        "Account_Name": {"name": f"Company {n // 7}", "id": str(LARGE_ORG_FIRST_ID - 1 - n // 7)},
        "Phone": spell("1", n, n),
        "Mobile": spell("6", n, n + 1),
        "Email": f"contact{n}@example.com",
        "Owner": _OWNERS[n % 2],
        "Modified_Time": SIM_EPOCH,
    }
    if n % 3 == 0:
        record["Home_Phone"] = spell("2", n, n + 2)
    return record


def large_org(contacts: int = 100_000) -> dict[str, list[dict[str, Any]]]:
    """``contacts`` generated contacts (ids in ascending order), no leads or accounts."""
    return {"Contacts": [large_org_contact(n) for n in range(contacts)], "Leads": [],
            "Accounts": []}


@lru_cache(maxsize=4096)
def zoho_time(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def tick(previous: str) -> str:
    """The next change's Modified_Time: one second after ``previous`` (a simulated clock, so
    that every change is distinct and ordered, however fast a test makes them)."""
    start = zoho_time(previous) or datetime.fromisoformat(SIM_EPOCH)
    return (start + timedelta(seconds=1)).isoformat()


def modified_after(rows: list[dict[str, Any]], since: str, key: str) -> list[dict[str, Any]]:
    cutoff = zoho_time(since) if since else None
    if cutoff is None:
        return rows
    return [r for r in rows if (zoho_time(str(r.get(key) or SIM_EPOCH)) or cutoff) > cutoff]


def record_page(
    rows: list[dict[str, Any]], query: dict[str, str], since: str, fields: tuple[str, ...]
) -> tuple[int, dict[str, Any] | None]:
    """``GET /crm/v2/{module}``: (status, body); 304 with ``since`` and nothing newer, 204
    for nothing at all, 400 past the plain paging limit."""
    try:
        page = max(1, int(query.get("page", "1")))
        per_page = min(MAX_PER_PAGE, max(1, int(query.get("per_page", str(MAX_PER_PAGE)))))
    except ValueError:
        return 400, _error("INVALID_DATA", "page and per_page must be numbers")
    if (page - 1) * per_page >= PLAIN_PAGING_LIMIT:
        return 400, _error("DISCRETE_PAGINATION_LIMIT_EXCEEDED",
                           f"cannot fetch more than {PLAIN_PAGING_LIMIT} records")
    wanted = [f for f in query.get("fields", "").split(",") if f]
    unknown = [f for f in wanted if f not in fields and f not in ("id", "Modified_Time")]
    if unknown:
        return 400, _error("INVALID_DATA", f"invalid field {unknown[0]}")
    chosen = modified_after(rows, since, "Modified_Time")
    if since and not chosen:
        return 304, None
    sort_by = query.get("sort_by", "id")
    if sort_by == "Modified_Time":
        chosen = sorted(chosen, key=lambda r: (zoho_time(str(r.get("Modified_Time") or SIM_EPOCH)),
                                               int(r["id"])))
    elif sort_by == "id":
        chosen = sorted(chosen, key=lambda r: int(r["id"]))
    if query.get("sort_order") == "desc":
        chosen.reverse()
    start = (page - 1) * per_page
    hits = chosen[start : start + per_page]
    if not hits:
        return 204, None
    data = [{"id": r["id"], **{f: r.get(f, SIM_EPOCH if f == "Modified_Time" else None)
                              for f in (wanted or fields)}} for r in hits]
    return 200, {"data": data, "info": {"per_page": per_page, "count": len(data), "page": page,
                                        "more_records": start + per_page < len(chosen)}}


def deleted_page(
    deleted: list[dict[str, Any]], query: dict[str, str], since: str
) -> tuple[int, dict[str, Any] | None]:
    """``GET /crm/v2/{module}/deleted``: the same paging and 304 rules."""
    try:
        page = max(1, int(query.get("page", "1")))
        per_page = min(MAX_PER_PAGE, max(1, int(query.get("per_page", str(MAX_PER_PAGE)))))
    except ValueError:
        return 400, _error("INVALID_DATA", "page and per_page must be numbers")
    chosen = modified_after(deleted, since, "deleted_time")
    if since and not chosen:
        return 304, None
    start = (page - 1) * per_page
    hits = chosen[start : start + per_page]
    if not hits:
        return 204, None
    return 200, {"data": hits, "info": {"per_page": per_page, "count": len(hits), "page": page,
                                        "more_records": start + per_page < len(chosen)}}


def _error(code: str, message: str) -> dict[str, Any]:
    return {"code": code, "details": {}, "message": message, "status": "error"}

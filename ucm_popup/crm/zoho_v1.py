"""Zoho CRM v1 (legacy, auth token): ``searchRecords`` by phone.

Zoho ended v1 on 31 Dec 2019 and stopped issuing auth tokens in 2020; this mode is kept for
old set-ups and built exactly to the documented shapes.  v1 allows at most 5 criteria per
request and 60 requests a minute, so each module gets at most two requests of 5 criteria
(the most common spellings of the number over Phone/Mobile), stopping at the first that finds
someone.  The auth token travels in the URL: v1 URLs are never logged.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import quote

import httpx

from ucm_popup.crm.http import fetch, parse_json
from ucm_popup.crm.model import MAX_MATCHES, Match, text
from ucm_popup.errors import AuthError, ServiceError
from ucm_popup.settings import ZohoV1Settings
from ucm_popup.text import one_line

log = logging.getLogger(__name__)

V1_FIELDS = {"Contacts": ("Phone", "Mobile"), "Leads": ("Phone", "Mobile"), "Accounts": ("Phone",)}
V1_ID = {"Contacts": "CONTACTID", "Leads": "LEADID", "Accounts": "ACCOUNTID"}
CRITERIA_PER_REQUEST = 5
REQUESTS_PER_MODULE = 2

_AUTH = {"4834", "4501", "4890", "4000", "4001", "4101", "4102"}
_NO_MATCH = {"4422", "4103"}
_SKIP_MODULE = {"401", "4502"}
_RATE = {"4820", "4421", "4423"}


def _as_list(value: Any) -> list[Any]:
    """v1 sends one item as an object and several as a list."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _content(value: Any) -> str:
    content = text(value)
    return "" if content == "null" else content


def parse_search_response(body: Any, module: str, server: str) -> list[dict[str, str]]:
    """Rows as {label: content}; [] for "no data"; errors raised per Zoho's code table."""
    response = body.get("response") if isinstance(body, dict) else None
    if not isinstance(response, dict):
        raise ServiceError(f"Zoho CRM v1 ({server}) answered something unusable for {module}")
    if "error" in response or "nodata" in response:
        detail = response.get("error") or response.get("nodata")
        code = one_line(text(detail.get("code")), 40) if isinstance(detail, dict) else ""
        message = one_line(text(detail.get("message")), 200) if isinstance(detail, dict) else ""
        if code in _NO_MATCH or ("nodata" in response and not code):
            return []
        if code in _SKIP_MODULE:
            log.warning("Zoho v1: %s skipped (code %s: %s)", module, code, message)
            return []
        said = f"code {code}: {message}" if message else f"code {code}"
        if code in _AUTH:
            raise AuthError(
                f"Zoho CRM v1 ({server}) refused the auth token ({said}): check the Zoho v1 auth "
                "token and [zoho_v1] server (v1 is end-of-life; consider provider zoho-v2)"
            )
        if code in _RATE:
            raise ServiceError(f"Zoho CRM v1 ({server}) refused for load: rate limit ({said})")
        raise ServiceError(f"Zoho CRM v1 ({server}) failed for {module} ({said})")
    result = response.get("result")
    if not isinstance(result, dict):
        raise ServiceError(f"Zoho CRM v1 ({server}) answered something unusable for {module}")
    part = result.get(module)
    if part is None and len(result) == 1:
        part = next(iter(result.values()))
    rows: list[dict[str, str]] = []
    for row in _as_list(part.get("row") if isinstance(part, dict) else None)[:MAX_MATCHES]:
        if not isinstance(row, dict):
            continue
        fields: dict[str, str] = {}
        for fl in _as_list(row.get("FL")):
            if isinstance(fl, dict) and isinstance(fl.get("val"), str):
                fields[fl["val"]] = _content(fl.get("content"))
        rows.append(fields)
    return rows


def record_id(module: str, row: dict[str, str]) -> str:
    return row.get(V1_ID.get(module, ""), "") or row.get("Id", "")


def row_to_match(module: str, row: dict[str, str], server: str) -> Match:
    """A v1 row as a Match; the id is percent-encoded in the link so that it stays a record
    page on the CRM's web host whatever the id holds."""
    found_id = record_id(module, row)
    quoted = quote(found_id, safe="", errors="surrogatepass")
    account = row.get("Account Name", "")
    if module == "Accounts":
        name = company = account
    else:
        name = row.get("Full Name", "") or " ".join(
            t for t in (row.get("First Name", ""), row.get("Last Name", "")) if t
        )
        company = account if module == "Contacts" else row.get("Company", "")
    owner = row.get(f"{module[:-1]} Owner", "") or next(
        (v for k, v in row.items() if k.endswith(" Owner") and v), ""
    )
    return Match(
        module=module, id=found_id, name=name, company=company, phone=row.get("Phone", ""),
        mobile=row.get("Mobile", ""), email=row.get("Email", ""), owner=owner,
        url=f"{server.rstrip('/')}/crm/tab/{module}/{quoted}",
    )


class ZohoV1:
    def __init__(self, client: httpx.AsyncClient, v1: ZohoV1Settings, authtoken: str) -> None:
        self._client = client
        self._server = v1.server.rstrip("/")
        self._authtoken = authtoken

    async def lookup(self, modules: tuple[str, ...], variants: tuple[str, ...]) -> list[Match]:
        # v1 criteria are "(Label:value)": brackets inside a value would break them.
        usable = tuple(v for v in variants if "(" not in v and ")" not in v)
        if not usable:
            return []
        outcomes = await asyncio.gather(
            *(self._module(m, usable) for m in modules), return_exceptions=True
        )
        matches: list[Match] = []
        for outcome in outcomes:
            if isinstance(outcome, BaseException):
                raise outcome
            matches += outcome
        return matches

    async def _module(self, module: str, variants: tuple[str, ...]) -> list[Match]:
        fields = V1_FIELDS.get(module, ("Phone",))
        pairs = [(f, v) for v in variants for f in fields]
        pairs = pairs[: CRITERIA_PER_REQUEST * REQUESTS_PER_MODULE]
        for start in range(0, len(pairs), CRITERIA_PER_REQUEST):
            chunk = pairs[start : start + CRITERIA_PER_REQUEST]
            criteria = "".join(f"({label}:{value})" for label, value in chunk)
            criteria = criteria if len(chunk) == 1 else "(" + "OR".join(
                f"({label}:{value})" for label, value in chunk) + ")"
            rows = [row for row in await self._search(module, criteria) if record_id(module, row)]
            if rows:  # a row without an id cannot be opened: it is no match
                return [row_to_match(module, row, self._server) for row in rows]
        return []

    async def _search(self, module: str, criteria: str) -> list[dict[str, str]]:
        params = {
            "authtoken": self._authtoken,
            "scope": "crmapi",
            "selectColumns": "All",
            "newFormat": "2",
            "criteria": criteria,
        }
        where = f"Zoho CRM v1 ({self._server})"
        log.debug("zoho v1 searchRecords %s (%d characters of criteria)", module, len(criteria))
        reply = await fetch(
            self._client, "GET", f"{self._server}/crm/private/json/{module}/searchRecords",
            where, params=params,
        )
        if reply.status == 429:
            raise ServiceError(f"{where} refused for load (HTTP 429): rate limit reached")
        if reply.status >= 500:
            raise ServiceError(f"{where} failed (HTTP {reply.status})")
        return parse_search_response(parse_json(reply, where), module, self._server)

"""Zoho CRM v2 (OAuth): one COQL query per module finds the caller in every phone field.

Why COQL and not ``search?phone=``: Zoho does not document how search normalises numbers,
and ``search`` takes one value per request.  One COQL query asks ``Phone in (...) or (Mobile in
(...) or ...)`` with every spelling of the number (``phone.read_number``) over all the
module's phone fields: one API call per module, and the modules are queried in parallel.
COQL returns lookups (``Account_Name``, ``Owner``) as ``{"id"}`` only, so their names are
selected through joins.  Which user fields COQL exposes varies between Zoho versions, so if
a query is refused (INVALID_QUERY) the module steps down, once per session: first without the
owner's name, then without any join (company and owner then stay empty).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable
from typing import Any
from urllib.parse import quote

import httpx

from ucm_popup.crm.http import Reply, fetch, parse_json
from ucm_popup.crm.model import MAX_MATCHES, Match, text
from ucm_popup.crm.zoho_oauth import SCOPES, AccessToken, TokenSource
from ucm_popup.errors import AuthError, Problem, ServiceError, SettingsError, UcmPopupError
from ucm_popup.settings import ZohoV2Settings
from ucm_popup.text import one_line

log = logging.getLogger(__name__)

PHONE_FIELDS = {
    "Contacts": ("Phone", "Mobile", "Home_Phone", "Other_Phone", "Asst_Phone", "Fax"),
    "Leads": ("Phone", "Mobile", "Fax"),
    "Accounts": ("Phone", "Fax"),
}
_OWNER = ("Owner.first_name", "Owner.last_name", "Owner.email")
SELECT = {
    "Contacts": ("Full_Name", "First_Name", "Last_Name", "Account_Name.Account_Name", "Phone",
                 "Mobile", "Email", *_OWNER),
    "Leads": ("Full_Name", "First_Name", "Last_Name", "Company", "Phone", "Mobile", "Email",
              *_OWNER),
    "Accounts": ("Account_Name", "Phone", *_OWNER),
}
ORG_RETRY_S = 600.0  # after /org failed, build org-less URLs for this long before asking again
MAX_ROWS = 50
COQL_AT_ONCE = 2  # per desk: five desks ringing together stay within Zoho's ten heavy calls


class _InvalidQuery(Exception):
    pass


class ModuleUnavailable(ServiceError):
    """Zoho answered ``INVALID_MODULE`` (HTTP 400): the module does not exist in this org or
    an admin disabled it.  One such module must not take the other lookups down."""

    def __init__(self, module: str, server: str) -> None:
        super().__init__(f"{server}: the module {module} is not available in this Zoho org "
                         "(INVALID_MODULE: disabled or renamed); remove it from [crm] modules")
        self.module = module


def select_fields(module: str, level: int) -> tuple[str, ...]:
    """Level 0 selects every join, 1 drops the owner's name, 2 drops all joins."""
    fields = list(SELECT[module])
    if level >= 1:
        fields = [f for f in fields if not f.startswith("Owner.")] + ["Owner"]
    if level >= 2:
        fields = [f for f in fields if "." not in f] + ["Account_Name"]
    return tuple(dict.fromkeys(fields))


def phone_condition(module: str, variants: tuple[str, ...]) -> str:
    """``(Phone in (...) or (Mobile in (...) or ...))`` over the module's phone fields.

    Only digits, spaces, ``+ . - ( )`` reach the quotes (``phone.SAFE_VARIANT``)."""
    values = ", ".join(f"'{v}'" for v in variants)
    conditions = [f"{field} in ({values})" for field in PHONE_FIELDS[module]]
    where = conditions[-1]
    for condition in reversed(conditions[:-1]):  # Zoho wants pairs: (A or (B or C))
        where = f"({condition} or {where})"
    return where


def coql_query(module: str, variants: tuple[str, ...], level: int = 0) -> str:
    """``select ... from Module where (Phone in (...) or (Mobile in (...) or ...)) limit 50``."""
    fields = select_fields(module, level)
    where = phone_condition(module, variants)
    return f"select {', '.join(fields)} from {module} where {where} limit {MAX_ROWS}"


def _field(row: dict[str, Any], name: str) -> Any:
    """``row[name]``, reading ``Lookup.field`` flat or nested and ``{"name"}`` lookups alike."""
    if name in row:
        return row[name]
    base, _, sub = name.partition(".")
    value = row.get(base)
    if isinstance(value, dict):
        if sub in value:
            return value[sub]
        if sub in (base, "name", "full_name") or not sub:
            return value.get("name")
    return None


def _join(*parts: Any) -> str:
    return " ".join(t for t in (text(p) for p in parts) if t)


def _owner(row: dict[str, Any]) -> str:
    owner = row.get("Owner")
    if isinstance(owner, dict) and text(owner.get("name")):
        return text(owner.get("name"))
    return (
        _join(_field(row, "Owner.first_name"), _field(row, "Owner.last_name"))
        or text(_field(row, "Owner.full_name"))
        or text(_field(row, "Owner.email"))
    )


def row_to_match(module: str, row: dict[str, Any], url: str) -> Match:
    """A v2 record (search or COQL shape) as a Match; text kept exactly as stored."""
    account = text(_field(row, "Account_Name.Account_Name") if module == "Contacts"
                   else _field(row, "Account_Name"))
    if module == "Accounts":
        name = company = account
    else:
        name = text(row.get("Full_Name")) or _join(row.get("First_Name"), row.get("Last_Name"))
        company = account if module == "Contacts" else text(row.get("Company"))
    return Match(
        module=module,
        id=text(row.get("id")),
        name=name,
        company=company,
        phone=text(row.get("Phone")),
        mobile=text(row.get("Mobile")),
        email=text(row.get("Email")),
        owner=_owner(row),
        url=url,
    )


class ZohoV2:
    def __init__(self, client: httpx.AsyncClient, tokens: TokenSource, v2: ZohoV2Settings) -> None:
        self._client = client
        self._tokens = tokens
        self._v2 = v2
        self._org: str | None = None
        self._org_failed_at = -ORG_RETRY_S
        self._select_level: dict[str, int] = {}
        self.server = v2.server
        self.unavailable: dict[str, str] = {}  # module -> why (INVALID_MODULE), for the views
        self._heavy = asyncio.Semaphore(COQL_AT_ONCE)
        self._auth_failed: AuthError | None = None

    def crm_base(self) -> str:
        """``{web_url}/crm/{org}``, or ``{web_url}/crm`` while the org is unknown."""
        org = f"/{self._org}" if self._org else ""
        return f"{self._v2.web_url.rstrip('/')}/crm{org}"

    def use_org(self, domain: str) -> None:
        """The org id learnt elsewhere (the index sync keeps it), for record links."""
        if domain.isascii() and domain.isalnum() and self._org is None:
            self._org = domain

    async def org_domain(self) -> str:
        """The org id (``org808232144``), asked of Zoho once; "" while unknown."""
        if self._org is None:
            await self._fetch_org()
        return self._org or ""

    def record_url(self, module: str, record_id: str) -> str:
        """The record's page; the id is percent-encoded, so that whatever Zoho sends as an
        id the link stays on the CRM's web host, under the record path."""
        quoted = quote(record_id, safe="", errors="surrogatepass")
        return f"{self.crm_base()}/tab/{module}/{quoted}"

    async def warm_up(self) -> None:
        """What the first lookup would do before its searches, done at start-up instead: the
        access token, and the org (whose request also opens the TLS connection the searches
        reuse).  No extra request: the first lookup then needs neither."""
        await self._tokens.get()
        if self._org is None:
            await self._fetch_org()

    async def lookup(self, modules: tuple[str, ...], variants: tuple[str, ...]) -> list[Match]:
        if not variants:
            return []
        await self._tokens.get()  # one refresh before the parallel requests, not N
        self._auth_failed = None
        wants_org = self._org is None and time.monotonic() - self._org_failed_at >= ORG_RETRY_S
        jobs: list[Awaitable[Any]] = [self._fetch_org()] if wants_org else []
        jobs += [self._search(module, variants) for module in modules]
        outcomes = await asyncio.gather(*jobs, return_exceptions=True)
        if wants_org and isinstance(outcomes[0], BaseException):
            raise outcomes[0]  # a bug: _fetch_org keeps its own failures
        rows_per_module: list[Any] = []
        for module, outcome in zip(modules, outcomes[1:] if wants_org else outcomes,
                                   strict=True):
            if isinstance(outcome, ModuleUnavailable):  # the other modules still answer
                self.unavailable[module] = str(outcome)
                log.warning("%s", outcome)
                outcome = []
            elif isinstance(outcome, BaseException):  # the first failure, in module order
                raise outcome
            else:
                self.unavailable.pop(module, None)
            rows_per_module.append(outcome)
        if modules and all(m in self.unavailable for m in modules):
            raise ServiceError(self.unavailable[modules[0]])
        matches: list[Match] = []
        for module, rows in zip(modules, rows_per_module, strict=True):
            assert isinstance(rows, list)
            for row in rows:  # a row without an id cannot be opened: it is no match
                if isinstance(row, dict) and (record_id := text(row.get("id"))):
                    matches.append(row_to_match(module, row, self.record_url(module, record_id)))
        return matches

    async def _fetch_org(self) -> None:
        try:
            body = await self._request("GET", "/crm/v2/org")
            org = body.get("org") if isinstance(body, dict) else None
            first = org[0] if isinstance(org, list) and org else None
            domain = first.get("domain_name") if isinstance(first, dict) else None
            if not isinstance(domain, str) or not (domain.isascii() and domain.isalnum()):
                raise ServiceError("no domain_name in /crm/v2/org")
            self._org = domain
        except (UcmPopupError, _InvalidQuery) as exc:  # links still work without the org part
            log.debug("org id unavailable, record links go without it: %s", exc)
            self._org_failed_at = time.monotonic()

    async def _search(self, module: str, variants: tuple[str, ...]) -> list[Any]:
        if module not in PHONE_FIELDS:
            raise SettingsError(f"[crm] modules: {module!r} cannot be searched by phone")
        level = self._select_level.get(module, 0)
        try:
            body = await self._coql(module, coql_query(module, variants, level))
        except _InvalidQuery as exc:
            simpler = level + 1
            while simpler <= 2 and select_fields(module, simpler) == select_fields(module, level):
                simpler += 1
            if simpler > 2:
                raise ServiceError(
                    f"Zoho CRM ({self.server}) refused the {module} query: {exc}"
                ) from None
            log.debug("COQL refused for %s (%s); selecting with fewer joins", module, exc)
            self._select_level[module] = simpler
            return await self._search(module, variants)
        if body is not None and not isinstance(body, dict):
            raise ServiceError(f"Zoho CRM ({self.server}) answered something unusable for {module}")
        data = body.get("data") if body is not None else None
        if data is not None and not isinstance(data, list):
            raise ServiceError(f"Zoho CRM ({self.server}) answered something unusable for {module}")
        return data[:MAX_MATCHES] if data else []  # (the query's limit, if Zoho ignores it)

    async def _coql(self, module: str, query: str) -> Any:
        """One COQL query, at most ``COQL_AT_ONCE`` of this process at a time: Zoho allows
        about ten heavy requests (COQL) at once per org and answers 429 past that, so five
        desks of a ring group looking one caller up must not send fifteen.  A 429 is tried
        once more after a short random pause (another desk's queries are over by then)."""
        for attempt in (1, 2):
            async with self._heavy:
                if self._auth_failed is not None:  # another module's query of this lookup
                    raise self._auth_failed  # was refused: no more token refreshes for it
                try:
                    return await self._request("POST", "/crm/v2/coql", module=module,
                                               json={"select_query": query})
                except AuthError as exc:
                    self._auth_failed = exc
                    raise
                except ServiceError as exc:
                    if exc.kind is not Problem.RATE_LIMITED or attempt == 2:
                        raise
            await asyncio.sleep(random.uniform(0.3, 1.0))
        raise AssertionError("unreachable")

    async def api(
        self, method: str, path: str, *, json: Any = None, headers: dict[str, str] | None = None
    ) -> Any:
        """One v2 request for the rest of the app (the index sync): the JSON body, or None
        for "no content" and "not modified"; a refused COQL query is a ServiceError."""
        try:
            return await self._request(method, path, json=json, headers=headers, strict=True)
        except _InvalidQuery as exc:
            raise ServiceError(f"Zoho CRM ({self.server}) refused a query: {exc}") from None

    async def _request(
        self, method: str, path: str, *, module: str = "", json: Any = None,
        headers: dict[str, str] | None = None, strict: bool = False,
    ) -> Any:
        """JSON body, or None for "no content"; one refresh-and-retry on INVALID_TOKEN."""
        for attempt in (1, 2):
            token = await self._tokens.get()
            self.server = token.api_domain
            reply = await fetch(
                self._client, method, token.api_domain + path, f"Zoho CRM ({token.api_domain})",
                json=json,
                headers={**(headers or {}), "Authorization": f"Zoho-oauthtoken {token.value}"},
            )
            log.debug("zoho %s %s%s -> %s", method, path, f" ({module})" if module else "",
                      reply.status)
            result = self._answer(reply, token, module or path, strict=strict,
                                  module=module or _module_of(path))
            if result is not _RETRY:
                return result
            self._tokens.invalidate(token)
            if attempt == 2:
                raise AuthError(
                    f"Zoho CRM ({token.api_domain}) rejected a fresh access token (INVALID_TOKEN): "
                    "check that [zoho_v2] server and accounts_url are the same data centre"
                )
        raise AssertionError("unreachable")

    def _answer(self, reply: Reply, token: AccessToken, what: str, *, strict: bool = False,
                module: str = "") -> Any:
        """The body; ``strict`` (the index sync): INVALID_DATA is an error, not "no match",
        so that a sync never takes a refusal for an empty module."""
        status, server = reply.status, f"Zoho CRM ({token.api_domain})"
        if status in (204, 304):
            return None
        body = None
        if reply.content:
            try:
                body = parse_json(reply, server)
            except ServiceError:
                if 200 <= status < 300:
                    raise
                # an error page from a proxy: the status code below says enough
        code = one_line(text(body.get("code")), 60) if isinstance(body, dict) else ""
        if code == "INVALID_TOKEN" or (status == 401 and not code):
            return _RETRY
        if 200 <= status < 300:
            return body
        if code == "OAUTH_SCOPE_MISMATCH":
            raise AuthError(
                f"{server} refused {what}: the refresh token lacks a scope (OAUTH_SCOPE_MISMATCH); "
                f"run authorize-zoho with a code generated for the scopes {SCOPES}"
            )
        if status == 429 or code == "TOO_MANY_REQUESTS":
            raise ServiceError(
                f"{server} refused for load (HTTP 429): the API rate limit or concurrency "
                "limit was reached; try again in a minute", Problem.RATE_LIMITED,
            )
        if code == "INVALID_MODULE" and module:
            raise ModuleUnavailable(module, server)
        if code == "INVALID_DATA":
            if strict:
                raise ServiceError(f"{server} refused {what}: INVALID_DATA ({_reason(body)})")
            return None  # Zoho's answer to a number too short to search: no match
        if code == "NO_PERMISSION":
            log.warning("%s: no permission to read %s; skipped", server, what)
            return None
        if code == "INVALID_QUERY":
            raise _InvalidQuery(_reason(body))
        if status == 404 or code == "INVALID_URL_PATTERN":
            raise SettingsError(
                f"{server} does not know {what} (HTTP 404): "
                "check [zoho_v2] server and [crm] modules"
            )
        detail = f" {code}" if code else ""
        raise ServiceError(f"{server} failed for {what}: HTTP {status}{detail}")


_RETRY = object()


def _module_of(path: str) -> str:
    """``Leads`` of ``/crm/v2/Leads?…`` or ``/crm/v2/Leads/deleted``; "" for coql, org."""
    parts = path.split("?", 1)[0].split("/")
    name = parts[3] if len(parts) > 3 else ""
    return name if name.isalnum() and name not in ("coql", "org", "users") else ""


def _reason(body: Any) -> str:
    """Zoho's words for a refusal: ``message``, else ``details.reason``, else the code."""
    if not isinstance(body, dict):
        return "no reason given"
    details = body.get("details")
    for said in (body.get("message"), details.get("reason") if isinstance(details, dict) else None):
        if isinstance(said, str) and said.strip():
            return one_line(said.strip(), 200)
    return text(body.get("code")) or "no reason given"

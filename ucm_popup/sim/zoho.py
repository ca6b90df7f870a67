"""A Zoho CRM simulator on loopback (plain HTTP): accounts, the v2 API, v1 and the web UI.

It reproduces what the client must cope with, per the protocol notes: token errors as HTTP
200 bodies, the token-creation throttle (10 per refresh token in 10 minutes), single-use
expiring grant codes, 204 with an empty body on no match, INVALID_TOKEN / OAUTH_SCOPE_MISMATCH
401s, and v1's quirks (row and FL as object or list, "null" strings, nodata 4422, 4834).
Matching is exact string equality on the stored value, for COQL and v1 alike.
Switches (``failure``, ``token_failure``) force 401/429/500/garbage/slow answers and hostile
ones (a huge body, a slow drip, JSON nested 100,000 deep, a redirect); ``replies`` serves a
canned body per endpoint (recorded answers, fuzzed ones); ``counts`` records every request
per endpoint so tests can assert the API calls a lookup costs, and ``open_answers`` how many
streamed answers are still being sent (an abandoned request must not stay open).
"""

from __future__ import annotations

import asyncio
import bisect
import copy
import functools
import html
import secrets
import time
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any

from aiohttp import web

from ucm_popup.settings import ZohoV1Settings, ZohoV2Settings
from ucm_popup.sim.demo_data import DEMO_ORG_DOMAIN, DEMO_ORG_ZGID, DEMO_RECORDS
from ucm_popup.sim.zoho_coql import CoqlError, parse_coql
from ucm_popup.sim.zoho_org import SIM_EPOCH, deleted_page, record_page, tick
from ucm_popup.sim.zoho_search import SearchError
from ucm_popup.sim.zoho_search import matcher as search_matcher
from ucm_popup.sim.zoho_v1 import search_records
from ucm_popup.sim.zoho_writes import add_write_routes

FULL_SCOPES = (
    "ZohoCRM.modules.contacts.READ",
    "ZohoCRM.modules.leads.READ",
    "ZohoCRM.modules.accounts.READ",
    "ZohoCRM.org.READ",
    "ZohoCRM.coql.READ",
)
DEMO_GRANT_CODE = "1000.demo.grantcode"  # `authorize-zoho --demo 1000.demo.grantcode`
THROTTLE_TOKENS, THROTTLE_WINDOW_S = 10, 600.0
MODULE_FIELDS = {
    "Contacts": ("First_Name", "Last_Name", "Full_Name", "Account_Name", "Phone", "Mobile",
                 "Home_Phone", "Other_Phone", "Asst_Phone", "Fax", "Email", "Owner", "Title",
                 "Department"),
    "Leads": ("First_Name", "Last_Name", "Full_Name", "Company", "Phone", "Mobile", "Fax",
              "Email", "Owner", "Designation"),
    "Accounts": ("Account_Name", "Phone", "Fax", "Website", "Owner", "Industry"),
}
# Activities: readable and writable (sim/zoho_writes.py).  Notes are not a COQL module in v2.
ACTIVITY_FIELDS = {
    "Calls": ("Subject", "Call_Type", "Call_Start_Time", "Call_Duration",
              "Call_Duration_in_seconds", "Who_Id", "What_Id", "$se_module", "Description",
              "Owner", "Call_Purpose", "Dialled_Number"),
    "Notes": ("Note_Title", "Note_Content", "Parent_Id", "se_module", "Owner"),
}
COQL_MODULES = (*MODULE_FIELDS, "Calls")
MULTI_LINE_FIELDS = ("Description", "Note_Content")  # never a COQL criterion
USER_FIELDS = ("id", "first_name", "last_name", "full_name", "email")
# Zoho's token limits: 30 live access tokens per refresh token (the 31st ends the oldest;
# older pages say 15), 20 refresh tokens per user (the 21st silently deletes the oldest).
MAX_LIVE_ACCESS_TOKENS = 30
MAX_REFRESH_TOKENS_PER_USER = 20
# Fields every record of these modules has in Zoho (selectable in COQL even where the demo
# records leave them out), beyond the ones the popup reads.
STANDARD_FIELDS = ("Description", "Created_Time", "Modified_Time", "Created_By", "Modified_By",
                   "Last_Activity_Time", "Tag", "Record_Image", "Owner", "Currency",
                   "Exchange_Rate")
MODULE_STANDARD_FIELDS = {
    "Contacts": ("Salutation", "Lead_Source", "Date_of_Birth", "Secondary_Email", "Skype_ID",
                 "Twitter", "Assistant", "Reports_To", "Email_Opt_Out", "Mailing_Street",
                 "Mailing_City", "Mailing_State", "Mailing_Zip", "Mailing_Country",
                 "Other_Street", "Other_City", "Other_State", "Other_Zip", "Other_Country",
                 "Vendor_Name"),
    "Leads": ("Salutation", "Lead_Source", "Lead_Status", "Industry", "Annual_Revenue",
              "No_of_Employees", "Rating", "Website", "Secondary_Email", "Skype_ID", "Twitter",
              "Email_Opt_Out", "Street", "City", "State", "Zip_Code", "Country"),
    "Accounts": ("Account_Number", "Account_Type", "Account_Site", "Ownership",
                 "Annual_Revenue", "Employees", "Rating", "SIC_Code", "Ticker_Symbol",
                 "Parent_Account", "Billing_Street", "Billing_City", "Billing_State",
                 "Billing_Code", "Billing_Country", "Shipping_Street", "Shipping_City",
                 "Shipping_State", "Shipping_Code", "Shipping_Country"),
}
RECORD_TIME = "2026-01-05T09:15:00+01:00"  # Created_Time / Modified_Time of the demo records
CURRENT_USER = {"id": "3477061000000200001", "first_name": "Sam", "last_name": "Agent",
                "full_name": "Sam Agent", "email": "sam@example.com", "status": "active",
                "role": {"name": "CEO", "id": "3477061000000026005"},
                "profile": {"name": "Administrator", "id": "3477061000000026011"},
                "time_zone": "Europe/Paris", "locale": "en_GB", "confirm": True}


@dataclass
class _Token:
    refresh_token: str
    expires_at: float
    scopes: tuple[str, ...]
    issued_at: float = 0.0


@dataclass
class ZohoSimulator:
    records: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: copy.deepcopy(DEMO_RECORDS)  # writes must not leak between runs
    )
    client_id: str = "1000.SIMCLIENT" + "0" * 20
    client_secret: str = field(default_factory=lambda: secrets.token_hex(20))
    v1_authtoken: str = field(default_factory=lambda: secrets.token_hex(16))
    org_domain: str = DEMO_ORG_DOMAIN
    access_token_lifetime: int = 3600
    legacy_token_shape: bool = False
    # API: "" | "401" | "scope" | "429" | "500" | "garbage" | "slow" | "org" | a hostile one;
    # hostile: "huge" | "drip" | "deep" | "redirect" (also for token_failure)
    failure: str = ""
    token_failure: str = ""  # accounts: "" | "500" | "garbage" | "slow" | a hostile one
    slow_seconds: float = 30.0
    huge_bytes: int = 100 * 1024 * 1024
    drip_interval: float = 2.0  # "drip": one byte of a valid answer this often
    replies: dict[str, tuple[int, bytes]] = field(default_factory=dict)  # "token", "coql", ...
    open_answers: int = 0
    invalid_token_status: int = 401  # one PhoneBridge log shows INVALID_TOKEN with HTTP 400
    coql_joins: str = "all"  # "account": refuse Owner.x joins; "none": refuse every join
    base_url: str = ""
    counts: Counter[str] = field(default_factory=Counter)
    token_paths: list[str] = field(default_factory=list)  # path and query of token requests
    access_tokens: dict[str, _Token] = field(default_factory=dict)
    refresh_tokens: dict[str, tuple[str, ...]] = field(default_factory=dict)
    grant_codes: dict[str, tuple[float, tuple[str, ...]]] = field(default_factory=dict)
    _issued: dict[str, deque[float]] = field(default_factory=dict)
    # Writes (sim/zoho_writes.py): faults to play on the next write requests, in order, then
    # ``write_fault_rate`` of them drawn from ``write_fault_kinds`` with a seeded random.
    write_faults: deque[str] = field(default_factory=deque)
    write_fault_rate: float = 0.0
    write_fault_kinds: tuple[str, ...] = ("429", "drop-before", "drop-after")
    write_fault_seed: int = 0
    _runner: web.AppRunner | None = None
    # The phone index's side: deleted records per module, the simulated change clock, and
    # a delay before each API answer (a real internet round trip, for benchmarks).
    deleted: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    last_change: str = SIM_EPOCH
    answer_delay_s: float = 0.0
    stall_after_pages: int = -1  # record-list pages answered before the rest hang ("slow")
    # Search: a new record is found this long after it was written (Zoho's index lags).
    search_lag_s: float = 10.0
    indexed_at: dict[str, float] = field(default_factory=dict)
    disabled_modules: set[str] = field(default_factory=set)  # answered INVALID_MODULE
    clock_behind_s: float = 0.0  # Zoho's clock behind this machine's (its Date headers too)
    converted: list[dict[str, Any]] = field(default_factory=list)  # Leads?converted=true
    notes_forbidden: bool = False  # a user whose profile may not read Notes (not an admin)
    # What an admin set in the org's layouts: fields made mandatory or unique, per module.
    mandatory: dict[str, tuple[str, ...]] = field(default_factory=dict)
    unique_fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    refresh_token_users: dict[str, str] = field(default_factory=dict)
    coql_concurrency: int = 10  # heavy requests at once; more answer 429
    coql_running: int = 0
    coql_peak: int = 0

    # -- set-up helpers for tests and the demo -------------------------------------------
    def add_refresh_token(self, scopes: Iterable[str] = FULL_SCOPES, user: str = "sam") -> str:
        """A refresh token of ``user``; the user's 21st silently deletes their oldest."""
        token = f"1000.{secrets.token_hex(16)}.{secrets.token_hex(16)}"
        self.refresh_tokens[token] = tuple(scopes)
        self.refresh_token_users[token] = user
        mine = [t for t, u in self.refresh_token_users.items() if u == user]
        for oldest in mine[: max(0, len(mine) - MAX_REFRESH_TOKENS_PER_USER)]:
            self.refresh_tokens.pop(oldest, None)
            self.refresh_token_users.pop(oldest, None)
            for value in [v for v, t in self.access_tokens.items() if t.refresh_token == oldest]:
                del self.access_tokens[value]
        return token

    def issue_grant_code(
        self, scopes: Iterable[str] = FULL_SCOPES, lifetime: float = 180.0, code: str = ""
    ) -> str:
        code = code or f"1000.{secrets.token_hex(16)}.{secrets.token_hex(16)}"
        self.grant_codes[code] = (time.monotonic() + lifetime, tuple(scopes))
        return code

    def expire_access_tokens(self) -> None:
        for token in self.access_tokens.values():
            token.expires_at = 0.0

    def count(self, module: str) -> int:
        """How many records ``module`` holds (writes included): what tests assert."""
        return len(self.records.get(module, []))

    def api_requests(self) -> int:
        return sum(n for name, n in self.counts.items() if name.startswith("api:"))

    def v2_settings(self) -> ZohoV2Settings:
        return ZohoV2Settings(
            server=self.base_url, accounts_url=self.base_url, web_url=self.base_url,
            client_id=self.client_id,
        )

    # -- changes, for the phone index's incremental sync ----------------------------------
    def put_record(self, module: str, record: dict[str, Any]) -> dict[str, Any]:
        """Add or edit a record (by id); it gets the next Modified_Time."""
        self.last_change = tick(self.last_change)
        self.indexed_at[str(record["id"])] = time.monotonic() + self.search_lag_s
        record = {**record, "Modified_Time": self.last_change}
        rows = [r for r in self.records.get(module, []) if r["id"] != record["id"]]
        self.records = {**self.records, module: [*rows, record]}  # never the shared demo lists
        return record

    def delete_record(self, module: str, record_id: str) -> None:
        self.last_change = tick(self.last_change)
        rows = self.records.get(module, [])
        gone = [r for r in rows if r["id"] == record_id]
        self.records = {**self.records, module: [r for r in rows if r["id"] != record_id]}
        for record in gone:
            self.deleted.setdefault(module, []).append({
                "id": record_id, "display_name": _text(record.get("Full_Name")), "type": "recycle",
                "deleted_time": self.last_change,
            })

    def convert_lead(self, lead_id: str, contact_id: str) -> dict[str, Any]:
        """Lead -> Contact, as Zoho's conversion: the lead leaves the Leads lists (it is not
        in ``/deleted``: it was converted, not deleted), a contact with its data comes."""
        lead = next(r for r in self.records["Leads"] if r["id"] == lead_id)
        self.last_change = tick(self.last_change)
        self.records = {**self.records,
                        "Leads": [r for r in self.records["Leads"] if r["id"] != lead_id]}
        self.converted.append({**lead, "Modified_Time": self.last_change,
                               "Converted__s": True})
        contact = {k: v for k, v in lead.items() if k in MODULE_FIELDS["Contacts"]}
        company = lead.get("Company")
        contact.update(id=contact_id, Account_Name={"name": company, "id": contact_id + "9"}
                       if company else None)
        return self.put_record("Contacts", contact)

    def v1_settings(self) -> ZohoV1Settings:
        return ZohoV1Settings(server=self.base_url)

    def now(self) -> float:
        """Zoho's clock: this machine's, less ``clock_behind_s``."""
        return time.time() - self.clock_behind_s

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        @web.middleware
        async def zoho_clock(request: web.Request, handler: Any) -> web.StreamResponse:
            response: web.StreamResponse = await handler(request)
            if self.clock_behind_s and not response.prepared:
                response.headers["Date"] = formatdate(self.now(), usegmt=True)
            return response

        app = web.Application(middlewares=[zoho_clock])
        app.router.add_route("*", "/oauth/v2/token", self._token)
        app.router.add_post("/crm/v2/coql", self._coql)
        app.router.add_get("/crm/v2/org", self._org)
        app.router.add_get("/crm/v2/users", self._users)
        app.router.add_get("/crm/v2/{module}", self._list_records)
        app.router.add_get("/crm/v2/{module}/deleted", self._list_deleted)
        app.router.add_get("/crm/v2/{module}/search", self._search)
        app.router.add_get("/crm/v2/{module}/{id}/Notes", self._related_notes)
        app.router.add_route("*", "/crm/private/json/{module}/searchRecords", self._v1_search)
        add_write_routes(self, app)
        app.router.add_get("/crm/v2/{module}/{id}", self._get_record)
        app.router.add_route("DELETE", "/crm/v2/{module}/{id}", self._delete_record)
        app.router.add_get("/crm/{org}/tab/{module}/{id}", self._web_record)
        app.router.add_get("/crm/tab/{module}/{id}", self._web_record)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound_port = self._runner.addresses[0][1]
        self.base_url = f"http://{host}:{bound_port}"
        return self.base_url

    async def aclose(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- accounts ---------------------------------------------------------------------------
    async def _token(self, request: web.Request) -> web.StreamResponse:
        params: dict[str, str] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            params.update({k: str(v) for k, v in (await request.post()).items()})
        grant = params.get("grant_type", "")
        self.token_paths.append(request.path_qs)
        self.counts["token"] += 1
        self.counts[f"token:{grant}"] += 1
        forced = await self._forced(self.token_failure, request, "token")
        if forced is not None:
            return forced
        if params.get("client_id") != self.client_id or params.get(
            "client_secret"
        ) != self.client_secret:
            return web.json_response({"error": "invalid_client"})
        now = time.monotonic()
        if grant == "authorization_code":
            entry = self.grant_codes.pop(params.get("code", ""), None)  # single use
            if entry is None or entry[0] < now:
                return web.json_response({"error": "invalid_code"})
            refresh_token = self.add_refresh_token(entry[1])
            body = self._new_access_token(refresh_token)
            body["refresh_token"] = refresh_token
            body["scope"] = " ".join(entry[1])
            return web.json_response(body)
        if grant == "refresh_token":
            refresh_token = params.get("refresh_token", "")
            if refresh_token not in self.refresh_tokens:
                return web.json_response({"error": "invalid_code"})
            issued = self._issued.setdefault(refresh_token, deque())
            while issued and issued[0] < now - THROTTLE_WINDOW_S:
                issued.popleft()
            if len(issued) >= THROTTLE_TOKENS:
                return web.json_response({
                    "error_description": "You have made too many requests continuously. "
                    "Please try again after some time.",
                    "error": "Access Denied",
                    "status": "failure",
                })
            issued.append(now)
            return web.json_response(self._new_access_token(refresh_token))
        return web.json_response({"error": "unsupported_grant_type"})

    def _new_access_token(self, refresh_token: str) -> dict[str, Any]:
        token = f"1000.{secrets.token_hex(16)}.{secrets.token_hex(16)}"
        scopes = self.refresh_tokens[refresh_token]
        now = time.monotonic()
        self.access_tokens[token] = _Token(
            refresh_token, now + self.access_token_lifetime, scopes, now
        )
        live = sorted((t.issued_at, value) for value, t in self.access_tokens.items()
                      if t.refresh_token == refresh_token and t.expires_at > now)
        for _issued, value in live[: max(0, len(live) - MAX_LIVE_ACCESS_TOKENS)]:
            del self.access_tokens[value]  # the oldest live token ends
        body: dict[str, Any] = {
            "access_token": token,
            "api_domain": self.base_url,
            "token_type": "Bearer",
            "expires_in": self.access_token_lifetime,
        }
        if self.legacy_token_shape:  # expires_in in milliseconds beside expires_in_sec
            body["expires_in_sec"] = self.access_token_lifetime
            body["expires_in"] = self.access_token_lifetime * 1000
        return body

    # -- v2 API -----------------------------------------------------------------------------
    async def _forced(
        self, failure: str, request: web.Request, endpoint: str
    ) -> web.StreamResponse | None:
        canned = self.replies.get(endpoint)
        if canned is not None:
            return web.Response(
                status=canned[0], body=canned[1], content_type="application/json"
            )
        if failure in ("huge", "drip"):
            return await self._stream_hostile(failure, request)
        if failure == "deep":
            depth = 100_000
            return web.Response(text='{"data": ' + "[" * depth + "]" * depth + "}",
                                content_type="application/json")
        if failure == "redirect":
            raise web.HTTPFound("https://example.invalid/elsewhere")
        if failure == "slow":
            await asyncio.sleep(self.slow_seconds)
        if failure == "429":
            return _error(429, "TOO_MANY_REQUESTS", "too many requests")
        if failure == "500":
            return _error(500, "INTERNAL_ERROR", "Internal Server Error")
        if failure == "garbage":
            return web.Response(text='{"data": [{"id": ', content_type="application/json")
        return None

    async def _stream_hostile(self, failure: str, request: web.Request) -> web.StreamResponse:
        """"huge": valid JSON rows until ``huge_bytes`` are sent; "drip": a small valid
        answer one byte every ``drip_interval`` seconds.  Ends early when the client leaves."""
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        await response.prepare(request)
        self.open_answers += 1
        try:
            if failure == "drip":
                for byte in b'{"data": [], "error": "access_denied"}':
                    await response.write(bytes([byte]))
                    await asyncio.sleep(self.drip_interval)
            else:
                row = b'{"id": "1", "Full_Name": "' + b"x" * 1000 + b'"}, '
                chunk = row * 64
                await response.write(b'{"data": [')
                for _ in range(self.huge_bytes // len(chunk)):
                    await response.write(chunk)
                await response.write(row[:-2] + b"]}")
            await response.write_eof()
        except ConnectionError:
            pass  # the client gave up: what this answer is for
        finally:
            self.open_answers -= 1
        return response

    async def _authorize(
        self, request: web.Request, endpoint: str, *scopes: str
    ) -> web.StreamResponse | None:
        """None when the request may proceed, else the error reply (or a forced failure)."""
        forced = await self._forced(self.failure, request, endpoint)
        if forced is not None:
            return forced
        header = request.headers.get("Authorization", "")
        value = header.removeprefix("Zoho-oauthtoken ")
        token = self.access_tokens.get(value) if header.startswith("Zoho-oauthtoken ") else None
        if self.failure == "401" or token is None or token.expires_at < time.monotonic():
            return _error(self.invalid_token_status, "INVALID_TOKEN", "invalid oauth token")
        granted = set(token.scopes)
        for scope in scopes:
            module_scope = scope.startswith("ZohoCRM.modules.")
            # ``X.ALL`` covers every operation of X (``ZohoCRM.users.ALL``, as Grandstream's
            # plugin asks for, serves ``/users``), ``ZohoCRM.modules.ALL`` every module.
            ok = scope in granted or scope.rsplit(".", 1)[0] + ".ALL" in granted or (
                module_scope and "ZohoCRM.modules.ALL" in granted
            )
            if not ok or self.failure == "scope":
                return _error(401, "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL")
        return None

    def _module(self, name: str) -> list[dict[str, Any]] | None:
        if name in self.disabled_modules:
            return None
        if name in MODULE_FIELDS or name in ACTIVITY_FIELDS:
            return self.records.get(name, [])
        return None

    def _module_refused(self, module: str) -> web.Response | None:
        """Zoho's answer for a module that does not exist or an admin disabled: HTTP 400
        ``INVALID_MODULE`` (not a 404)."""
        if self._module(module) is None:
            return _error(400, "INVALID_MODULE", "the module name given seems to be invalid",
                          {"module_name": module})
        return None

    async def _org(self, request: web.Request) -> web.StreamResponse:
        self.counts["api:org"] += 1
        refused = await self._authorize(request, "org", "ZohoCRM.org.READ")
        if refused is not None:
            return refused
        if self.failure == "org":
            return _error(500, "INTERNAL_ERROR", "Internal Server Error")
        zgid = self.org_domain.removeprefix("org") or DEMO_ORG_ZGID
        return web.json_response(
            {"org": [{"domain_name": self.org_domain, "zgid": zgid, "company_name": "Demo Org"}]}
        )

    async def _users(self, request: web.Request) -> web.StreamResponse:
        """``/crm/v2/users?type=CurrentUser``: the user the token belongs to."""
        self.counts["api:users"] += 1
        refused = await self._authorize(request, "users", "ZohoCRM.users.READ")
        if refused is not None:
            return refused
        if request.query.get("type") != "CurrentUser":
            return _error(400, "INVALID_DATA", "the simulator serves type=CurrentUser only",
                          {"param_name": "type"})
        return web.json_response({"users": [CURRENT_USER], "info": {
            "per_page": 200, "count": 1, "page": 1, "more_records": False}})

    async def _coql(self, request: web.Request) -> web.StreamResponse:
        self.counts["api:coql"] += 1
        if self.coql_running >= self.coql_concurrency:  # Zoho's sub-concurrency of heavy APIs
            self.counts["coql:429"] += 1
            return _error(429, "TOO_MANY_REQUESTS", "concurrency limit exceeded")
        self.coql_running += 1
        self.coql_peak = max(self.coql_peak, self.coql_running)
        try:
            return await self._coql_answer(request)
        finally:
            self.coql_running -= 1

    async def _coql_answer(self, request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(self.answer_delay_s)
        try:
            body = await request.json()
            query = parse_coql(str(body["select_query"]))
        except (ValueError, KeyError, TypeError, CoqlError) as exc:
            return _error(400, "INVALID_QUERY", f"invalid query: {exc}",
                          {"reason": f"invalid query: {exc}"})
        self.counts[f"coql:{query.module}"] += 1
        refused = await self._authorize(
            request, "coql", f"ZohoCRM.modules.{query.module.lower()}.READ", "ZohoCRM.coql.READ"
        )
        if refused is not None:
            return refused
        rows = self._module(query.module)
        if query.module in self.disabled_modules:
            return self._module_refused(query.module) or _error(400, "INVALID_MODULE", "")
        if rows is None or query.module not in COQL_MODULES:
            return _error(400, "INVALID_QUERY", f"invalid module {query.module}",
                          {"module_name": query.module, "reason": "invalid module"})
        known = {*MODULE_FIELDS.get(query.module, ()), *ACTIVITY_FIELDS.get(query.module, ()),
                 *STANDARD_FIELDS, *MODULE_STANDARD_FIELDS.get(query.module, ()), "id"}
        for name in query.where_fields:
            if name in MULTI_LINE_FIELDS:
                return _error(400, "INVALID_QUERY", f"multi-line field {name} in the criteria",
                              {"column_name": name, "reason": "a multi-line field cannot be "
                               "used in the criteria"})
        for name in (*query.fields, *query.where_fields):
            base, _, sub = name.partition(".")
            join_ok = _join_ok(query.module, base, sub) and (
                self.coql_joins == "all" or (self.coql_joins == "account" and base != "Owner")
            )
            if base not in known or (sub and not join_ok):
                return _error(400, "INVALID_QUERY", f"column given seems to be invalid: {name}",
                              {"column_name": name, "reason": "column given seems to be invalid"})
        where = query.where
        if query.id_after is not None:  # id ranges of a large org: no scan of every record
            hits = _after_id(rows, query.id_after)
        else:
            hits = [r for r in rows if where is None or where(functools.partial(_coql_value, r))]
        if query.order_by is not None:
            name, descending = query.order_by
            hits = sorted(hits, key=lambda r: _sort_key(_coql_value(r, name)), reverse=descending)
        hits = hits[query.offset : query.offset + query.limit]
        data = [{"id": r["id"], **{f: _coql_value(r, f) for f in query.fields}} for r in hits]
        return _data_or_204(data)

    async def _list_records(self, request: web.Request) -> web.StreamResponse:
        self.counts["api:records"] += 1
        module = request.match_info["module"]
        scope = f"ZohoCRM.modules.{module.lower()}.READ"
        refused = await self._authorize(request, "records", scope)
        if refused is not None:
            return refused
        if module in self.disabled_modules:
            return self._module_refused(module) or _error(400, "INVALID_MODULE", "")
        rows = self._module(module)
        if rows is None:
            return _error(404, "INVALID_URL_PATTERN", "Please check if the URL trying to access "
                          "is a correct one")
        if self.stall_after_pages == 0:
            await asyncio.sleep(self.slow_seconds)
        self.stall_after_pages -= 1
        await asyncio.sleep(self.answer_delay_s)
        since = request.headers.get("If-Modified-Since", "")
        fields = MODULE_FIELDS.get(module) or ACTIVITY_FIELDS[module]
        converted = request.query.get("converted", "false")
        if module == "Leads" and converted in ("true", "both"):  # converted Leads only here
            rows = self.converted if converted == "true" else [*rows, *self.converted]
        status, body = record_page(rows, dict(request.query), since, fields)
        return _json_or_empty(status, body)

    async def _list_deleted(self, request: web.Request) -> web.StreamResponse:
        self.counts["api:deleted"] += 1
        await asyncio.sleep(self.answer_delay_s)
        module = request.match_info["module"]
        scope = f"ZohoCRM.modules.{module.lower()}.READ"
        refused = await self._authorize(request, "deleted", scope)
        if refused is not None:
            return refused
        if module in self.disabled_modules:
            return self._module_refused(module) or _error(400, "INVALID_MODULE", "")
        if self._module(module) is None:
            return _error(404, "INVALID_URL_PATTERN", "Please check if the URL trying to access "
                          "is a correct one")
        since = request.headers.get("If-Modified-Since", "")
        status, body = deleted_page(self.deleted.get(module, []), dict(request.query), since)
        return _json_or_empty(status, body)

    async def _search(self, request: web.Request) -> web.StreamResponse:
        """``search?criteria=|email=|phone=|word=`` on any readable module: module READ and
        ``ZohoSearch.securesearch.READ``; a record is found once the index has it."""
        module = request.match_info["module"]
        self.counts[f"api:search:{module}"] += 1
        refused = await self._authorize(request, "search", f"ZohoCRM.modules.{module.lower()}.READ",
                                        "ZohoSearch.securesearch.READ")
        if refused is not None:
            return refused
        rows = self._module(module)
        if rows is None:
            return self._module_refused(module) or _error(400, "INVALID_MODULE", "")
        try:
            test = search_matcher(module, dict(request.query))
        except SearchError as exc:
            return _error(400, "INVALID_QUERY", str(exc))
        now = time.monotonic()
        hits = [r for r in rows if self.indexed_at.get(str(r.get("id")), 0.0) <= now and test(r)]
        if not hits:
            return web.Response(status=204)
        return web.json_response({"data": hits[:200], "info": {
            "per_page": 200, "count": min(len(hits), 200), "page": 1,
            "more_records": len(hits) > 200}})

    async def _get_record(self, request: web.Request) -> web.StreamResponse:
        """``GET /crm/v2/{Module}/{id}``: one record, lookups as ``{"name", "id"}``."""
        module, record_id = request.match_info["module"], request.match_info["id"]
        self.counts["api:record"] += 1
        refused = await self._authorize(request, "record", f"ZohoCRM.modules.{module.lower()}.READ")
        if refused is not None:
            return refused
        rows = self._module(module)
        if rows is None:
            return self._module_refused(module) or _error(400, "INVALID_MODULE", "")
        found = [r for r in rows if r.get("id") == record_id]
        return _data_or_204(found)

    async def _delete_record(self, request: web.Request) -> web.StreamResponse:
        """``DELETE /crm/v2/{Module}/{id}`` with the module's DELETE scope."""
        module, record_id = request.match_info["module"], request.match_info["id"]
        self.counts["api:delete"] += 1
        refused = await self._authorize(request, "delete",
                                        f"ZohoCRM.modules.{module.lower()}.DELETE")
        if refused is not None:
            return refused
        rows = self._module(module)
        if rows is None:
            return self._module_refused(module) or _error(400, "INVALID_MODULE", "")
        if not any(r.get("id") == record_id for r in rows):
            return web.json_response({"data": [{"code": "INVALID_DATA", "details": {"id":
                                     record_id}, "message": "the related id given seems to be "
                                     "invalid", "status": "error"}]}, status=400)
        self.records = {**self.records, module: [r for r in rows if r.get("id") != record_id]}
        return web.json_response({"data": [{"code": "SUCCESS", "details": {"id": record_id},
                                            "message": "record deleted", "status": "success"}]})

    async def _related_notes(self, request: web.Request) -> web.StreamResponse:
        """``GET /crm/v2/{Module}/{id}/Notes``: the record's notes, read at once (no index)."""
        module, parent = request.match_info["module"], request.match_info["id"]
        self.counts["api:related:Notes"] += 1
        refused = await self._authorize(request, "notes", "ZohoCRM.modules.notes.READ",
                                        f"ZohoCRM.modules.{module.lower()}.READ")
        if refused is not None:
            return refused
        if self._module(module) is None:
            return self._module_refused(module) or _error(400, "INVALID_MODULE", "")
        if "Notes" in self.disabled_modules or self.notes_forbidden:
            return _error(403, "NO_PERMISSION", "permission denied to read Notes",
                          {"permissions": ["Crm_Implied_View_Notes"]})
        notes = [n for n in self.records.get("Notes", []) if n.get("Parent_Id") == parent]
        return _data_or_204(notes)

    # -- v1 (legacy) ------------------------------------------------------------------------
    async def _v1_search(self, request: web.Request) -> web.StreamResponse:
        self.counts["v1:searchRecords"] += 1
        forced = await self._forced(self.failure, request, "v1")
        if forced is not None:
            return forced
        module = request.match_info["module"]
        rows = self._module(module)
        body = search_records(module, rows, dict(request.query), self.v1_authtoken)
        return web.json_response(body)

    # -- web UI: "Open in CRM" lands on a plain page in the demo ---------------------------------
    async def _web_record(self, request: web.Request) -> web.StreamResponse:
        module, record_id = request.match_info["module"], request.match_info["id"]
        record = next((r for r in self.records.get(module, []) if r["id"] == record_id), None)
        if record is None:
            return web.Response(status=404, text="no such record")
        rows = "".join(
            f"<tr><th>{html.escape(k)}</th><td>{html.escape(_text(v))}</td></tr>"
            for k, v in record.items()
        )
        page = f"<!doctype html><title>{html.escape(module)}</title><table>{rows}</table>"
        return web.Response(text=page, content_type="text/html")


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("name", ""))
    return "" if value is None else str(value)


def _error(status: int, code: str, message: str, details: dict[str, Any] | None = None
           ) -> web.Response:
    body = {"code": code, "details": details or {}, "message": message, "status": "error"}
    return web.json_response(body, status=status)


def _json_or_empty(status: int, body: dict[str, Any] | None) -> web.Response:
    return web.Response(status=status) if body is None else web.json_response(body, status=status)


def _data_or_204(rows: list[dict[str, Any]]) -> web.Response:
    if not rows:
        return web.Response(status=204)
    info = {"per_page": 200, "count": len(rows), "page": 1, "more_records": False}
    return web.json_response({"data": rows, "info": info})


# One list of records sorted by id, kept while the simulator's list object is the same one
# (every change makes a new list).
_BY_ID: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]], list[int]]] = {}


def _after_id(rows: list[dict[str, Any]], after: int) -> list[dict[str, Any]]:
    """Records with an id above ``after``, in id order."""
    cached = _BY_ID.get("last")
    if cached is None or cached[0] is not rows:
        ordered = sorted(rows, key=lambda r: int(r["id"]))
        cached = _BY_ID["last"] = (rows, ordered, [int(r["id"]) for r in ordered])
    return cached[1][bisect.bisect_right(cached[2], after):]


def _sort_key(value: Any) -> tuple[int, Any]:
    text = str(value or "")
    return (0, int(text)) if text.isdigit() else (1, text)


def _join_ok(module: str, base: str, sub: str) -> bool:
    if base == "Owner":
        return sub in USER_FIELDS
    return module == "Contacts" and base == "Account_Name" and sub in ("Account_Name", "id")


def _coql_value(record: dict[str, Any], name: str) -> Any:
    """A field as COQL returns it: lookups as {"id"} only, joined fields as flat values."""
    base, _, sub = name.partition(".")
    value = record.get(base)
    if value is None and base in ("Created_Time", "Modified_Time"):
        value = RECORD_TIME
    if not sub:
        return {"id": value["id"]} if isinstance(value, dict) else value
    if not isinstance(value, dict):
        return None
    if base == "Owner":
        first, _, last = str(value.get("name", "")).partition(" ")
        user = {"first_name": first, "last_name": last, "full_name": value.get("name"),
                "email": value.get("email"), "id": value.get("id")}
        return user.get(sub)
    return value.get("name") if sub == "Account_Name" else value.get(sub)


@dataclass
class DemoZoho:
    """The simulator as ``--demo`` and the tests use it, with matching settings and secrets."""

    sim: ZohoSimulator
    settings: ZohoV2Settings
    v1_settings: ZohoV1Settings
    client_secret: str
    refresh_token: str
    authtoken: str

    async def aclose(self) -> None:
        await self.sim.aclose()


async def start_demo_zoho(sim: ZohoSimulator | None = None) -> DemoZoho:
    """Start a simulator with the demo records, a refresh token and the demo grant code."""
    sim = sim or ZohoSimulator()
    await sim.start()
    refresh_token = sim.add_refresh_token()
    sim.issue_grant_code(code=DEMO_GRANT_CODE, lifetime=24 * 3600)
    return DemoZoho(
        sim, sim.v2_settings(), sim.v1_settings(), sim.client_secret, refresh_token,
        sim.v1_authtoken,
    )

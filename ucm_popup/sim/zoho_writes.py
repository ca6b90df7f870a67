"""The Zoho simulator's write endpoints: records created in Calls, Notes, Leads and Contacts.

What the client must cope with, as Zoho answers it: ``{"data": [...]}`` of at most 100
records, one result per record (``SUCCESS`` with the new id, or an error code such as
``MANDATORY_NOT_FOUND`` or ``DEPENDENT_MISMATCH`` for an Inbound/Outbound call of zero
duration), ``OAUTH_SCOPE_MISMATCH`` without the module's CREATE scope (a note also needs its
parent module's scope), a call linked the way Zoho links it (a Contact in ``Who_Id``; anything
else in ``What_Id`` with ``$se_module`` naming its module; else ``INVALID_DATA`` naming the
field), and ``/upsert``, which updates the record whose ``duplicate_check_fields`` match only
when those fields are unique (Email for Leads and Contacts, or one an admin made unique):
on any other field, such as Phone, it inserts a new record every time.  Tests inject faults
per request (``write_faults``, then ``write_fault_rate``): "429", "drop-before" (the
connection closes before anything is written) and "drop-after" (the record is written,
then the connection closes: an unknown outcome for the client), "slow-after" (written, then
answered after ``slow_seconds``).
"""

from __future__ import annotations

import asyncio
import itertools
import random
import re
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    from ucm_popup.sim.zoho import ZohoSimulator

WRITABLE = ("Calls", "Notes", "Leads", "Contacts")
MAX_RECORDS = 100
# Fields an upsert may deduplicate on: Zoho's system duplicate check fields (and fields an
# admin marked unique: ``ZohoSimulator.unique_fields`` adds them).
UNIQUE_FIELDS = {"Leads": ("Email",), "Contacts": ("Email",), "Accounts": ("Account_Name",),
                 "Calls": (), "Notes": ()}
MANDATORY = {
    "Calls": ("Subject", "Call_Type", "Call_Start_Time"),
    "Notes": ("Note_Content", "Parent_Id", "se_module"),
    "Leads": ("Last_Name",),
    "Contacts": ("Last_Name",),
}
CALL_TYPES = ("Inbound", "Outbound", "Missed")
_DURATION = re.compile(r"^\d{1,4}:[0-5]\d$")
_ids = itertools.count(3477061000001000001)


def add_write_routes(sim: ZohoSimulator, app: web.Application) -> None:
    writes = _Writes(sim)
    app.router.add_post("/crm/v2/{module}/upsert", writes.upsert)
    app.router.add_post("/crm/v2/{module}", writes.insert)


class _Writes:
    def __init__(self, sim: ZohoSimulator) -> None:
        self.sim = sim
        self._random = random.Random(sim.write_fault_seed)

    async def insert(self, request: web.Request) -> web.StreamResponse:
        return await self._write(request, upsert=False)

    async def upsert(self, request: web.Request) -> web.StreamResponse:
        return await self._write(request, upsert=True)

    async def _write(self, request: web.Request, *, upsert: bool) -> web.StreamResponse:
        module = request.match_info["module"]
        self.sim.counts[f"api:{'upsert' if upsert else 'insert'}:{module}"] += 1
        fault = self._next_fault()
        if fault == "429":
            return _error(429, "TOO_MANY_REQUESTS", "too many requests")
        if fault == "drop-before":
            return _drop(request)
        refused = await self._check(request, module, "CREATE")
        if refused is not None:
            return refused
        try:
            body = await request.json()
            rows = body["data"]
            assert isinstance(rows, list) and 0 < len(rows) <= MAX_RECORDS
        except (ValueError, KeyError, TypeError, AssertionError):
            return _error(400, "INVALID_DATA", "invalid data")
        if module == "Notes":  # Zoho: the notes scope *and* the parent module's
            for row in rows:
                parent = row.get("se_module") if isinstance(row, dict) else None
                if isinstance(parent, str) and parent.isalnum():
                    refused = await self._check(request, parent, "CREATE", parent_of_note=True)
                    if refused is not None:
                        return refused
        check = body.get("duplicate_check_fields") if upsert else None
        results = [self._one(module, row, check) for row in rows]
        if fault == "drop-after":
            return _drop(request)  # written, but the client never hears it
        if fault == "slow-after":  # written, the answer comes after the client gave up
            await asyncio.sleep(self.sim.slow_seconds)
        ok = any(r["status"] == "success" for r in results)
        return web.json_response({"data": results}, status=201 if ok else 400)

    def _next_fault(self) -> str:
        if self.sim.write_faults:
            return self.sim.write_faults.popleft()
        if self.sim.write_fault_rate and self._random.random() < self.sim.write_fault_rate:
            return self._random.choice(self.sim.write_fault_kinds)
        return ""

    async def _check(
        self, request: web.Request, module: str, operation: str, *, parent_of_note: bool = False
    ) -> web.StreamResponse | None:
        if not parent_of_note:
            refused = await self.sim._authorize(request, f"write:{module}")
            if refused is not None:
                return refused
        if module in self.sim.disabled_modules or (
                module not in WRITABLE and not (parent_of_note and self.sim._module(module)
                                                is not None)):
            return _error(400, "INVALID_MODULE", "the module name given seems to be invalid")
        header = request.headers.get("Authorization", "").removeprefix("Zoho-oauthtoken ")
        granted = set(self.sim.access_tokens[header].scopes)
        base = f"ZohoCRM.modules.{module.lower()}"
        wanted = {f"{base}.{operation}", f"{base}.ALL", "ZohoCRM.modules.ALL"}
        if operation == "CREATE":
            wanted.add(f"{base}.WRITE")
        if not granted & wanted:
            return _error(401, "OAUTH_SCOPE_MISMATCH", "invalid oauth scope to access this URL")
        return None

    def _one(self, module: str, row: Any, check: Any) -> dict[str, Any]:
        if not isinstance(row, dict):
            return _result_error("INVALID_DATA", "invalid data", {})
        for name in MANDATORY[module]:
            if row.get(name) in (None, ""):
                return _result_error("MANDATORY_NOT_FOUND", "required field not found",
                                     {"api_name": name})
        for name in self.sim.mandatory.get(module, ()):  # made mandatory by an admin
            if row.get(name) in (None, ""):
                return _result_error("MANDATORY_NOT_FOUND", "required field not found",
                                     {"api_name": name})
        if module == "Calls":
            problem = _call_problem(row, self.sim.now()) or self._link_problem(row)
            if problem is not None:
                return problem
        records = self.sim.records.setdefault(module, [])
        if isinstance(check, list):
            unique = (*UNIQUE_FIELDS.get(module, ()), *self.sim.unique_fields.get(module, ()))
            for record in records:  # a field that is not unique is no duplicate check
                same = [f for f in check if f in unique and row.get(f)
                        and record.get(f) == row.get(f)]
                if same:
                    record.update({k: v for k, v in row.items() if k != "id"})
                    return _success(record["id"], action="update", duplicate_field=same[0])
        record_id = str(next(_ids))
        now = datetime.now(UTC).isoformat(timespec="seconds")
        records.append({**row, "id": record_id, "Created_Time": now})
        self.sim.indexed_at[record_id] = time.monotonic() + self.sim.search_lag_s
        return _success(record_id, action="insert") if isinstance(check, list) else _success(
            record_id)


    def _link_problem(self, row: dict[str, Any]) -> dict[str, Any] | None:
        """``Who_Id`` takes a Contact only; ``What_Id`` any other record, with ``$se_module``
        naming the module it is in."""
        who, what, se_module = row.get("Who_Id"), row.get("What_Id"), row.get("$se_module")
        if who is not None and not self._exists("Contacts", who):
            return _result_error("INVALID_DATA", "invalid data",
                                 {"api_name": "Who_Id", "expected_data_type": "lookup"})
        if what is not None:
            if not isinstance(se_module, str) or not se_module:
                return _result_error("MANDATORY_NOT_FOUND", "required field not found",
                                     {"api_name": "$se_module"})
            if se_module == "Contacts" or not self._exists(se_module, what):
                return _result_error("INVALID_DATA", "invalid data",
                                     {"api_name": "What_Id", "expected_data_type": "lookup"})
        return None

    def _exists(self, module: str, link: Any) -> bool:
        record_id = link.get("id") if isinstance(link, dict) else None
        rows = self.sim._module(module)
        return rows is not None and any(r.get("id") == record_id for r in rows)


def _call_problem(row: dict[str, Any], now: float) -> dict[str, Any] | None:
    call_type = row.get("Call_Type")
    if call_type not in CALL_TYPES:
        return _result_error("INVALID_DATA", "invalid data", {"api_name": "Call_Type"})
    try:
        start = datetime.fromisoformat(str(row["Call_Start_Time"]))
    except ValueError:
        return _result_error("INVALID_DATA", "invalid data", {"api_name": "Call_Start_Time"})
    if call_type != "Missed" and start.tzinfo is not None and start.timestamp() > now:
        return _result_error("INVALID_DATA", "a completed call cannot start in the future",
                             {"api_name": "Call_Start_Time"})
    duration = row.get("Call_Duration")
    if call_type == "Missed" and duration in (None, ""):
        return None
    if not isinstance(duration, str) or not _DURATION.match(duration):
        if call_type == "Missed":
            return _result_error("INVALID_DATA", "invalid data", {"api_name": "Call_Duration"})
        return _result_error("MANDATORY_NOT_FOUND", "required field not found",
                             {"api_name": "Call_Duration"})
    minutes, seconds = duration.split(":")
    if call_type != "Missed" and int(minutes) * 60 + int(seconds) == 0:
        return _result_error(
            "DEPENDENT_MISMATCH", "dependent field values mismatch",
            {"api_name": "Call_Duration", "dependee": {"api_name": "Call_Type"}},
        )
    return None


def _success(record_id: str, **extra: str) -> dict[str, Any]:
    details = {"id": record_id, "Created_Time": datetime.now(UTC).isoformat(timespec="seconds")}
    return {"code": "SUCCESS", "details": details, "message": "record added",
            "status": "success", **extra}


def _result_error(code: str, message: str, details: dict[str, Any]) -> dict[str, Any]:
    return {"code": code, "details": details, "message": message, "status": "error"}


def _error(status: int, code: str, message: str) -> web.Response:
    body = {"code": code, "details": {}, "message": message, "status": "error"}
    return web.json_response(body, status=status)


def _drop(request: web.Request) -> web.Response:
    """Close the connection without an answer: the client sees it cut (outcome unknown)."""
    if request.transport is not None:
        request.transport.abort()
    return web.Response(status=500)

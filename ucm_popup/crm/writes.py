"""Calls written to Zoho CRM, the agent's notes, and unknown callers added as records.

``CallWriter`` turns call events and lookup results into outbox entries (one Calls record
per call and extension; one Lead or Contact per unknown number; a Note on the record when
the call log is off); ``ZohoWrites`` sends them to Zoho's v2 API.  Which calls a desk writes:
those its own extension answered or made, and those that rang it alone.  A call that rang
through a ring group or queue (``Ringing.queue``) and that this desk did not answer belongs
to whoever answered it, or, missed by everyone, to the site relay: five desks ringing make
one record, not five.  Internal calls (extension to extension) are not written: Zoho's call
log is for customers.

No Qt and no view here: the desk and the relay build the writer from settings, a Zoho token
source and a path (``build_call_writer``).
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from ucm_popup.crm.http import fetch, parse_json
from ucm_popup.crm.model import Match, text
from ucm_popup.crm.outbox import (
    Entry,
    Outbox,
    OutboxStatus,
    OutboxWorker,
    WriteFailed,
    WriteRefused,
    WriteThrottled,
    WriteUnknown,
    call_link,
)
from ucm_popup.crm.phone import SAFE_VARIANT, read_number
from ucm_popup.crm.zoho_oauth import TokenSource
from ucm_popup.errors import AuthError, ServiceError
from ucm_popup.secrets import SecretStore
from ucm_popup.settings import Settings
from ucm_popup.text import encodable, one_line
from ucm_popup.ucm.events import (
    Answered,
    CallEvent,
    Dialing,
    Ended,
    Ringing,
    Transferred,
    now,
)

log = logging.getLogger(__name__)

UNKNOWN_CALLER = "Unknown caller"
NOTE_HOLD_S = 600.0  # while the agent types a note, the call's record waits this long at most
MAX_NOTE_CHARS = 30_000  # Zoho's Description holds 32,000
# A queue that gives up on the desk may ring it again a few seconds later: a missed call is
# written after this grace, and a new ring of the same call within it withdraws it.
MISSED_GRACE_S = 60.0
LOOKUP_WAIT_S = 10.0  # an answered call's record waits this long at most for a slow lookup
KEEP_ENDED_CALLS = 50  # for notes typed after the end (the popup stacks four calls)
def marker_for(call_id: str, extension: str) -> str:
    """One word that names the call in its description (or note): how a write whose answer
    was lost is recognised when Zoho is read back (``settle_by_reading``)."""
    digest = hashlib.sha256(f"{call_id}/{extension}".encode(errors="surrogatepass"))
    return "ucmpopup" + digest.hexdigest()[:20]


def duration_text(seconds: int) -> str:
    """Zoho's "mm:ss" (minutes may pass 59)."""
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def zoho_time(moment: datetime) -> str:
    return moment.astimezone().isoformat(timespec="seconds")


@dataclass
class _Call:
    event: Ringing | Dialing
    answered_at: datetime | None = None
    matches: tuple[Match, ...] = ()
    picked: Match | None = None
    note: str = ""
    typing: bool = False  # the agent is typing a note: the record waits for it
    unknown: bool = False  # looked up: the CRM does not know the caller
    unknown_key: str = ""  # the outbox key of the record made for this unknown caller
    ended: bool = False
    looked_up: bool = False  # the lookup answered (with matches, none, or an error)

    @property
    def linked(self) -> Match | None:
        """The record the agent picked, else the only match, else none."""
        if self.picked is not None:
            return self.picked
        return self.matches[0] if len(self.matches) == 1 else None


@dataclass
class CallWriter:
    """Call events and lookups in, outbox entries out."""

    settings: Settings
    outbox: Outbox
    extension: str
    on_unknown_added: Callable[[str, Match], None] = lambda call_id, match: None
    record_url: Callable[[str, str], str] = lambda module, record_id: ""
    missed_grace_s: float = MISSED_GRACE_S
    # On the site relay: calls nobody answered are written by the site (one Missed for a
    # ring group, not one per desk), and an unknown caller is added at the first ring.
    for_site: bool = False
    # Inbound callers are looked up (a desk always; the relay with crm_lookup): an answered
    # call's record waits a little for a lookup still under way, to be linked.
    expects_lookups: bool = True
    _calls: dict[str, _Call] = field(default_factory=dict)
    _waiting_for_record: dict[str, list[str]] = field(default_factory=dict)

    # -- what the core feeds in ------------------------------------------------------------

    def on_event(self, event: CallEvent) -> None:
        if isinstance(event, Ringing | Dialing):
            if event.extension != self.extension or event.direction == "internal":
                return
            call = self._calls.get(event.call_id)
            if call is None:
                self._calls[event.call_id] = _Call(event)
            elif call.ended:
                # A queue rings the desk again after a pause: the call goes on, and the
                # "missed" it gave is not final.  A Missed still waiting is withdrawn; one
                # already written stays (hence the grace), and as the record's key is the
                # call's, nothing is written twice.
                self.outbox.withdraw(self._call_key(call))
                self._calls[event.call_id] = _Call(event, matches=call.matches,
                                                   picked=call.picked, unknown=call.unknown,
                                                   looked_up=call.looked_up)
            return
        call = self._calls.get(getattr(event, "call_id", ""))
        if call is None:
            return
        if isinstance(event, Transferred):
            # Another extension transferred the caller here: the record is about the new
            # party, whose lookup follows under the same call id.
            call.event = replace(call.event, number=event.number, name=event.name,
                                 trunk=event.trunk)
            call.matches, call.picked, call.unknown = (), None, False
            call.looked_up = False
        elif isinstance(event, Answered):
            call.answered_at = call.answered_at or event.time
            self._maybe_add_unknown(event.call_id, call)
        elif isinstance(event, Ended):
            if call.ended:
                return  # a late repeat
            call.ended = True
            if self._missed_here(event, call):
                self._maybe_add_unknown(event.call_id, call, missed=True)
            self._write_call(event, call)
            self._forget_old_calls()

    def on_lookup(self, call_id: str, matches: tuple[Match, ...], error: str) -> None:
        call = self._calls.get(call_id)
        if call is None:
            return
        call.matches = matches
        call.looked_up = True
        call.unknown = not matches and not error and bool(call.event.number)
        self._maybe_add_unknown(call_id, call)
        if call.ended:
            self._link_late(call, call.linked)

    def _link_late(self, call: _Call, linked: Match | None) -> None:
        """The lookup came after the call ended (a slow Zoho, a short call): its record,
        while not sent yet (it waits for the lookup a little; a missed call its grace), is
        linked and named after all, and an answered call's record goes now."""
        key = self._call_key(call)
        entry = self.outbox.get(key)
        if entry is None or "Who_Id" in entry.record or "What_Id" in entry.record:
            return
        call_type = text(entry.record.get("Call_Type"))
        if linked is not None:
            record = {**entry.record, **_link(linked),
                      "Subject": self._subject(call_type, call)}
            self.outbox.replace_record(key, record)
        if call_type != "Missed" and not call.typing:
            self.outbox.release(key)

    def pick(self, call_id: str, match: Match) -> None:
        call = self._calls.get(call_id)
        if call is not None:
            call.picked = match

    def note_started(self, call_id: str) -> None:
        call = self._calls.get(call_id)
        if call is not None:
            call.typing = True

    def finish_note(self, call_id: str, note: str | None) -> None:
        """The agent saved ``note`` (None: dismissed).  Goes into the call's description, or
        as a Note on the record when the call log is off."""
        call = self._calls.get(call_id)
        if call is None:
            return
        call.typing = False
        call.note = encodable((note or "").strip()[:MAX_NOTE_CHARS])
        key = self._call_key(call)
        entry = self.outbox.get(key)
        if entry is not None:  # the call has ended and its record waits for this note
            if call.note:
                record = {**entry.record, "Description": self._description(call)}
                if not self.outbox.replace_record(key, record):
                    self._add_note(call, on_call=entry)
            self.outbox.release(key)
        elif call.note and not self.settings.crm.log_calls:
            self._add_note(call)

    def _forget_old_calls(self) -> None:
        """Ended calls are kept a while for a note typed after the end; not for ever."""
        ended = [call_id for call_id, call in self._calls.items() if call.ended and not call.typing]
        for call_id in ended[: max(0, len(ended) - KEEP_ENDED_CALLS)]:
            del self._calls[call_id]

    # -- what goes into the outbox -----------------------------------------------------------

    def _call_key(self, call: _Call) -> str:
        return f"call:{call.event.call_id}:{self.extension}"

    def _write_call(self, ended: Ended, call: _Call) -> None:
        if not self.settings.crm.log_calls:
            return
        ringing = isinstance(call.event, Ringing)
        answered = call.answered_at is not None or ended.answered
        if answered:
            call_type = "Inbound" if ringing else "Outbound"
        elif self.for_site:
            return
        elif isinstance(call.event, Ringing) and not (
            ended.answered_elsewhere or ended.rang_others or call.event.queue
        ):
            call_type = "Missed"
        else:
            # Answered elsewhere, a ring group nobody here took, or nobody picked up the
            # outgoing call (Zoho refuses an Outbound call without a duration): not ours.
            return
        start = call.answered_at or call.event.time if answered else call.event.time
        record: dict[str, Any] = {
            "Subject": self._subject(call_type, call),
            "Call_Type": call_type,
            "Call_Start_Time": zoho_time(start),
            "Description": self._description(call),
        }
        if answered:
            seconds = max(1, round((ended.time - start).total_seconds()))
            record["Call_Duration"] = duration_text(seconds)
            record["Call_Duration_in_seconds"] = seconds
        hold = NOTE_HOLD_S if call.typing else 0.0 if answered else self.missed_grace_s
        if (self.expects_lookups and not call.looked_up and isinstance(call.event, Ringing)
                and call.event.number and not hold):
            hold = LOOKUP_WAIT_S  # the record waits a little for the caller's lookup
        linked = call.linked
        depends_on = ""
        if linked is not None:
            record.update(_link(linked))
        elif call.unknown_key:
            depends_on = call.unknown_key  # linked once Zoho has made the record
        self.outbox.add(
            self._call_key(call), "Calls", record, marker=self._marker(call),
            depends_on=depends_on, link_field="link",
            not_before=now().timestamp() + hold if hold else 0.0,
        )

    def _add_note(self, call: _Call, on_call: Entry | None = None) -> None:
        if on_call is not None and on_call.record_id:
            parent, module = on_call.record_id, "Calls"
        elif (linked := call.linked) is not None:
            parent, module = linked.id, linked.module
        else:
            log.info("a note for call %s has no record to go on; not written", call.event.call_id)
            return
        record = {
            "Note_Title": one_line(self._subject(self._call_type_for_note(call), call), 120),
            "Note_Content": f"{call.note}\n\n{self._marker(call)}",
            "Parent_Id": parent,
            "se_module": module,
        }
        self.outbox.add(f"note:{call.event.call_id}:{self.extension}", "Notes", record,
                        marker=self._marker(call))

    @staticmethod
    def _missed_here(ended: Ended, call: _Call) -> bool:
        """The call rang this desk alone and nobody answered it: its Missed is ours."""
        return (isinstance(call.event, Ringing) and call.answered_at is None
                and not ended.answered and not (
                    ended.answered_elsewhere or ended.rang_others or call.event.queue))

    def _maybe_add_unknown(self, call_id: str, call: _Call, *, missed: bool = False) -> None:
        """A new Lead or Contact for an inbound outside caller the CRM does not know.

        A desk adds it once it answered the call, or when the call that rang it alone ends
        missed: never at the ring, since the UCM does not always say a ring group rang others
        too, and desks ringing at once would each add one (Zoho has no duplicate check on
        phone numbers).  The site relay adds it at the first ring, once for the site."""
        module = self.settings.crm.add_unknown
        event = call.event
        if not module or not call.unknown or call.unknown_key or not isinstance(event, Ringing):
            return
        if call.answered_at is None and not missed and not self.for_site:
            return
        read = read_number(event.number, self.settings.crm.default_region)
        if not read.valid:
            return  # a short or unreadable number is no customer's phone
        key = f"unknown:{module}:{read.normalized}"
        call.unknown_key = key
        self._waiting_for_record.setdefault(key, []).append(call_id)
        entry = self.outbox.get(key)
        if entry is not None and entry.record_id:  # made before (another call, a restart)
            self.created(entry, entry.record_id)
            return
        record = {"Last_Name": one_line(event.name, 80).strip() or UNKNOWN_CALLER,
                  "Phone": read.normalized}
        # Zoho's upsert does not deduplicate on Phone (not a unique field): the outbox reads
        # Zoho for this number before it creates the record (another desk, the relay).
        self.outbox.add(key, module, record, find_by=("Phone",))

    def created(self, entry: Entry, record_id: str) -> None:
        """The outbox wrote ``entry``: a new record for an unknown caller goes to the popups
        of the calls that wait for it."""
        if not entry.key.startswith("unknown:"):
            return
        match = Match(
            module=entry.module, id=record_id, name=text(entry.record.get("Last_Name")),
            company="", phone=text(entry.record.get("Phone")), mobile="", email="", owner="",
            url=self.record_url(entry.module, record_id),
        )
        for call_id in self._waiting_for_record.pop(entry.key, []):
            call = self._calls.get(call_id)
            if call is not None:
                call.matches = (match,)
            self.on_unknown_added(call_id, match)

    # -- words -------------------------------------------------------------------------------

    def _party(self, call: _Call) -> str:
        linked = call.linked
        name = linked.name if linked is not None else call.event.name
        number = call.event.number
        name = one_line(name, 80).strip()
        return f"{name} ({number})" if name and number else name or number or "an unknown number"

    def _subject(self, call_type: str, call: _Call) -> str:
        party = one_line(self._party(call), 160)
        if call_type == "Outbound":
            return f"Outbound call from {self.extension} to {party}"
        return f"{call_type} call from {party} to {self.extension}"

    @staticmethod
    def _call_type_for_note(call: _Call) -> str:
        return "Inbound" if isinstance(call.event, Ringing) else "Outbound"

    def _marker(self, call: _Call) -> str:
        return marker_for(call.event.call_id, self.extension)

    def _description(self, call: _Call) -> str:
        trail = f"[{self._marker(call)}]"
        return f"{call.note}\n\n{trail}" if call.note else trail


def _link(match: Match) -> dict[str, Any]:
    return call_link(match.module, match.id)


CALL_TYPES = ("Inbound", "Outbound", "Missed")
_ZOHO_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
_RECORD_ID = re.compile(r"^\d{1,30}$")
READ_LIMIT = 200  # COQL's most rows a request (v2), one API credit
START_SLACK = timedelta(seconds=15)  # how far another writer's start of one call may lie


class ZohoWrites:
    """The ``Sender`` for Zoho CRM v2: creates a record; finds one already written by
    reading Zoho at once (COQL, the Notes related list), never through ``/search``, whose
    index lags behind new records and which needs a scope of its own."""

    def __init__(self, client: httpx.AsyncClient, tokens: TokenSource,
                 default_region: str = "") -> None:
        self._client = client
        self._tokens = tokens
        self._region = default_region
        self.zoho_ahead_s = 0.0  # Zoho's clock minus this computer's, from its Date headers

    def prepare(self, module: str, record: dict[str, Any]) -> dict[str, Any]:
        """A completed call must not start in Zoho's future: a desk clock ahead of Zoho's
        (or of the UCM's) would make its start later than Zoho's now.  Its start moves back
        to Zoho's now less its duration; the duration stays."""
        if module != "Calls" or record.get("Call_Type") not in ("Inbound", "Outbound"):
            return record
        try:
            start = datetime.fromisoformat(text(record.get("Call_Start_Time")))
            seconds = int(record.get("Call_Duration_in_seconds") or 0)
        except (ValueError, TypeError):
            return record
        if start.tzinfo is None:
            return record
        latest = datetime.fromtimestamp(time.time() + self.zoho_ahead_s - 1.0 - seconds,
                                        start.tzinfo)
        if start <= latest:
            return record
        return {**record, "Call_Start_Time": latest.isoformat(timespec="seconds")}
    async def create(self, module: str, record: dict[str, Any]) -> str:
        outcome = (await self.create_many(module, [record]))[0]
        if isinstance(outcome, WriteRefused):
            raise outcome
        return outcome

    async def create_many(self, module: str, records: list[dict[str, Any]]
                          ) -> list[str | WriteRefused]:
        """Up to 100 records in one request (Zoho's most); each gets its own outcome, in
        order: the new id, or the refusal of that record."""
        body: dict[str, Any] = {"data": records}
        path = f"/crm/v2/{module}"
        # Serialised here, ASCII only: any text, even a lone surrogate, goes as valid JSON.
        status, answer = await self._request(
            "POST", path, module, content=json.dumps(body).encode("ascii"),
            extra_headers={"Content-Type": "application/json"},
        )
        rows = answer.get("data") if isinstance(answer, dict) else None
        if not isinstance(rows, list) or not rows:
            if status >= 500:
                raise WriteUnknown(f"Zoho CRM failed while writing to {module} (HTTP {status})")
            raise WriteRefused(_refusal(module, answer, status))
        if len(rows) != len(records):  # which row is whose cannot be told: read them back
            raise WriteUnknown(f"Zoho CRM answered {len(rows)} results for {len(records)} "
                               f"{module} records")
        outcomes: list[str | WriteRefused] = []
        for row in rows:
            details = row.get("details") if isinstance(row, dict) else None
            record_id = text(details.get("id")) if isinstance(details, dict) else ""
            if isinstance(row, dict) and row.get("code") == "SUCCESS" and record_id:
                outcomes.append(record_id)
            else:
                outcomes.append(WriteRefused(_refusal(module, row, status),
                                             missing_field=_mandatory_field(row)))
        return outcomes

    async def read(self, module: str, record_id: str) -> dict[str, Any]:
        """One record as Zoho stored it (``GET /crm/v2/{module}/{id}``); {} when gone."""
        if not _RECORD_ID.match(record_id):
            raise WriteFailed(f"Zoho CRM gave an unusable {module} id")
        status, answer = await self._request("GET", f"/crm/v2/{module}/{record_id}", module)
        if status >= 300 and status != 304:
            raise WriteFailed(f"Zoho CRM could not read the {module} record (HTTP {status})")
        rows = _rows(answer)
        return rows[0] if rows else {}

    async def delete(self, module: str, record_id: str) -> None:
        """``DELETE /crm/v2/{module}/{id}`` (scope ``ZohoCRM.modules.{module}.DELETE``)."""
        if not _RECORD_ID.match(record_id):
            raise WriteFailed(f"Zoho CRM gave an unusable {module} id")
        status, answer = await self._request("DELETE", f"/crm/v2/{module}/{record_id}", module,
                                             operation="DELETE")
        row = _rows(answer)[0] if _rows(answer) else {}
        if status >= 300 or row.get("code") not in (None, "SUCCESS"):
            raise WriteRefused(_refusal(module, row or answer, status))

    def _learn_clock(self, date: str) -> None:
        with contextlib.suppress(TypeError, ValueError, IndexError, OverflowError):
            said = email.utils.parsedate_to_datetime(date)
            if said.tzinfo is not None:  # whole seconds: off by up to one, hence the margin
                self.zoho_ahead_s = max(-86400.0, min(86400.0, said.timestamp() - time.time()))

    async def find(self, entry: Entry) -> str | None:
        record = entry.record
        if entry.find_by:
            return await self._find_by_phone(entry.module, text(record.get("Phone")))
        if entry.module == "Calls":
            return await self._find_call(record, entry.marker)
        if entry.module == "Notes":
            return await self._find_note(record, entry.marker)
        return None

    async def _find_call(self, record: dict[str, Any], marker: str) -> str | None:
        """Our call among those of the same start and type (Description, a multi-line
        field, cannot be a COQL criterion, but it can be selected and compared here)."""
        start, call_type = text(record.get("Call_Start_Time")), text(record.get("Call_Type"))
        if not _ZOHO_TIME.match(start) or call_type not in CALL_TYPES or not marker:
            return None
        # A window, not one instant: another writer of the same call (a second relay, which
        # heard the UCM's frame some milliseconds apart) may have rounded to the next second,
        # and a clock ahead of Zoho's moved the start back when it was sent (``prepare``).
        moments = (datetime.fromisoformat(start),
                   datetime.fromisoformat(text(self.prepare("Calls", record)["Call_Start_Time"])))
        low = zoho_time(min(moments) - START_SLACK)
        high = zoho_time(max(moments) + START_SLACK)
        query = (f"select Description from Calls where (Call_Start_Time between '{low}' and "
                 f"'{high}' and Call_Type = '{call_type}') limit {READ_LIMIT}")
        for row in await self._coql("Calls", query):
            if marker in text(row.get("Description")):
                return text(row.get("id")) or None
        return None

    async def _find_by_phone(self, module: str, number: str) -> str | None:
        """The oldest record of ``module`` with ``number`` in a phone field: an unknown
        caller another desk or the relay added first."""
        from ucm_popup.crm.zoho_v2 import PHONE_FIELDS, phone_condition

        read = read_number(number, self._region or "US")
        variants = tuple(v for v in (number, *read.variants) if SAFE_VARIANT.match(v))
        if module not in PHONE_FIELDS or not variants:
            return None
        where = phone_condition(module, tuple(dict.fromkeys(variants))[:48])
        query = f"select Last_Name from {module} where {where} order by id asc limit 1"
        rows = await self._coql(module, query)
        return text(rows[0].get("id")) or None if rows else None

    async def _find_note(self, record: dict[str, Any], marker: str) -> str | None:
        """Our note among the parent's notes (the Notes related list: read at once).  A user
        who may not read Notes gets a refusal: then the note is written again rather than
        wait for ever (a second copy of a note beats a lost one), and the log says so."""
        parent, module = text(record.get("Parent_Id")), text(record.get("se_module"))
        if not _RECORD_ID.match(parent) or not module.isalnum() or not marker:
            return None
        try:
            status, answer = await self._request(
                "GET", f"/crm/v2/{module}/{parent}/Notes", "Notes",
                params={"fields": "Note_Content", "per_page": str(READ_LIMIT)})
        except WriteRefused as exc:
            log.warning("cannot read the notes of a %s record to settle a note (%s); "
                        "writing it again", module, exc)
            return None
        if status in (401, 403) or (status >= 400 and _code(answer) == "NO_PERMISSION"):
            log.warning("no permission to read Notes (HTTP %s); writing the note again", status)
            return None
        if status >= 300 and status != 304:
            raise WriteFailed(f"Zoho CRM could not read the notes of a {module} record "
                              f"(HTTP {status})")
        for row in _rows(answer):
            if marker in text(row.get("Note_Content")):
                return text(row.get("id")) or None
        return None

    async def _coql(self, module: str, query: str) -> list[dict[str, Any]]:
        status, answer = await self._request("POST", "/crm/v2/coql", module, operation="READ",
                                             json={"select_query": query})
        if status >= 300 and status != 304:
            code = _code(answer)
            raise WriteFailed(f"Zoho CRM could not read {module} to settle a write "
                              f"(HTTP {status}{' ' + code if code else ''})")
        return _rows(answer)

    async def _request(self, method: str, path: str, module: str, *,
                       extra_headers: dict[str, str] | None = None, operation: str = "",
                       **kwargs: Any) -> tuple[int, Any]:
        for attempt in (1, 2):
            try:
                token = await self._tokens.get()
            except AuthError as exc:
                raise WriteRefused(str(exc)) from None
            except ServiceError as exc:
                raise WriteThrottled(str(exc)) from None
            server = f"Zoho CRM ({token.api_domain})"
            try:
                reply = await fetch(
                    self._client, method, token.api_domain + path, server,
                    headers={"Authorization": f"Zoho-oauthtoken {token.value}",
                             **(extra_headers or {})}, **kwargs,
                )
            except ServiceError as exc:
                if method in ("GET", "DELETE") or operation == "READ" or str(exc).startswith(
                        "cannot reach"):
                    raise WriteFailed(str(exc)) from None  # nothing was written
                raise WriteUnknown(str(exc)) from None  # it may have been done
            log.debug("zoho %s %s -> %s", method, path, reply.status)
            self._learn_clock(reply.date)
            if reply.status == 204:
                return reply.status, None
            try:
                answer = parse_json(reply, server) if reply.content else None
            except ServiceError as exc:
                if reply.status >= 500 or 200 <= reply.status < 300:
                    raise WriteUnknown(str(exc)) from None
                answer = None
            code = text(answer.get("code")) if isinstance(answer, dict) else ""
            if reply.status == 429 or code == "TOO_MANY_REQUESTS":
                raise WriteThrottled(f"{server} refused for load (HTTP 429)")
            if code == "INVALID_TOKEN" or (reply.status == 401 and not code):
                self._tokens.invalidate(token)
                if attempt == 1:
                    continue
            if code == "OAUTH_SCOPE_MISMATCH":
                operation = operation or ("READ" if method == "GET" else "CREATE")
                scope = f"ZohoCRM.modules.{module.lower()}.{operation}"
                verb = {"READ": "read", "DELETE": "delete from"}.get(operation, "write to")
                raise WriteRefused(
                    f"{server} refused to {verb} {module}: the refresh token lacks the scope "
                    f"{scope}; get a new one (authorize-zoho) with the scopes Settings lists",
                    scope,
                )
            return reply.status, answer
        raise WriteRefused("Zoho CRM rejected a fresh access token (INVALID_TOKEN)")


def _mandatory_field(row: Any) -> str:
    """The field of a MANDATORY_NOT_FOUND refusal (one an admin made mandatory, or one the
    app should have sent), for the tray: "" for any other refusal."""
    if not isinstance(row, dict) or row.get("code") != "MANDATORY_NOT_FOUND":
        return ""
    details = row.get("details")
    name = text(details.get("api_name")) if isinstance(details, dict) else ""
    return one_line(name, 60) if name.replace("_", "").replace("$", "").isalnum() else ""


def _code(answer: Any) -> str:
    return text(answer.get("code")) if isinstance(answer, dict) else ""


def _rows(answer: Any) -> list[dict[str, Any]]:
    rows = answer.get("data") if isinstance(answer, dict) else None
    return [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []


def _refusal(module: str, answer: Any, status: int) -> str:
    """Zoho's refusal of a record in one line that names the field."""
    if not isinstance(answer, dict):
        return f"Zoho CRM refused the {module} record (HTTP {status})"
    code = one_line(text(answer.get("code")), 60) or f"HTTP {status}"
    details = answer.get("details")
    field_name = one_line(text(details.get("api_name")), 60) if isinstance(details, dict) else ""
    about = f" (field {field_name})" if field_name else ""
    message = one_line(text(answer.get("message")), 120)
    return f"Zoho CRM refused the {module} record: {code}{about}" + (
        f": {message}" if message else "")


V1_READ_ONLY = ("Zoho CRM v1 is read-only (Zoho ended its write API in 2019): "
                "calls and new records are written with zoho-v2 only")


def desk_writes(settings: Settings) -> bool:
    """Whether this desk writes to the CRM: the options ask for it, the CRM is Zoho v2, and
    the desk follows the UCM itself (with a site relay, the relay writes)."""
    crm = settings.crm
    return (crm.log_calls or bool(crm.add_unknown)) and crm.provider == "zoho-v2" and (
        settings.source.kind == "ucm")


@dataclass
class Writing:
    """A writer and the worker that drains its outbox, built together."""

    writer: CallWriter
    worker: OutboxWorker
    client: httpx.AsyncClient

    async def aclose(self) -> None:
        self.worker.outbox.close()
        await self.client.aclose()


def build_writing(
    settings: Settings,
    client_secret: str,
    refresh_token: str,
    path: Path,
    *,
    on_status: Callable[[OutboxStatus], None] = lambda status: None,
    **worker_options: Any,
) -> Writing:
    """The writer and its outbox for ``settings`` (zoho-v2 only: v1 is read-only)."""
    from ucm_popup.crm.http import new_client

    client = new_client()
    tokens = TokenSource(client, settings.zoho_v2, client_secret, refresh_token)
    outbox = Outbox(path)
    writer = CallWriter(settings, outbox, settings.ucm.extension,
                        missed_grace_s=worker_options.pop("missed_grace_s", MISSED_GRACE_S))

    def written(entry: Entry, record_id: str) -> None:
        writer.created(entry, record_id)

    worker = OutboxWorker(outbox, ZohoWrites(client, tokens, settings.crm.default_region),
                          on_status=on_status,
                          on_written=written, **worker_options)
    return Writing(writer, worker, client)


def build_desk_writing(
    settings: Settings, secrets: SecretStore, path: Path,
    *, on_status: Callable[[OutboxStatus], None] = lambda status: None, **worker_options: Any,
) -> Writing:
    """``build_writing`` with the Zoho secrets from the keyring (or the environment)."""
    from ucm_popup.secrets import ZOHO_V2_CLIENT_SECRET, ZOHO_V2_REFRESH_TOKEN, require_secret

    return build_writing(
        settings, require_secret(secrets, ZOHO_V2_CLIENT_SECRET),
        require_secret(secrets, ZOHO_V2_REFRESH_TOKEN), path, on_status=on_status,
        **worker_options,
    )

"""What the site view shows, computed from the relay's call events: no Qt, no web, no I/O.

``SiteView`` is fed what the relay already has (the call events of every extension, the CRM
lookups it publishes, the desks' presence, its own links) and keeps:

- one row per extension: the desk online or not, idle / ringing / talking / dialling, with
  whom (the CRM name when the relay looked the caller up, else the UCM's name and number) and
  since when, and today's answered, missed and outgoing calls;
- the site's calls waiting now: inbound calls ringing somewhere and answered nowhere yet;
- today's inbound calls per hour, answered and missed (a call counts once, whoever took it);
- the missed callers nobody called back: an inbound call that rang and ended with nobody
  answering; a later answered call from or to the same number, by anyone, clears it.

A queue that rings again after a pause (same call) and is then answered moves the call from
missed to answered. Times are epoch seconds (the page computes durations with its clock).
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import Any

from ucm_popup.crm.model import Match
from ucm_popup.ucm.events import (
    Answered,
    CallEvent,
    Dialing,
    Ended,
    Ringing,
    Transferred,
)

IDLE, RINGING, TALKING, DIALLING = "idle", "ringing", "talking", "dialling"
# What a row shows when an extension has several calls: the one that matters most.
_WEIGHT = {TALKING: 3, DIALLING: 2, RINGING: 1}
MAX_EXTENSIONS = 10_000
MAX_CALLS = 20_000  # site calls followed at once (the oldest are forgotten first)
MAX_LEGS = 20  # calls of one extension at once
MAX_MISSED = 500  # missed callers kept (the oldest go first)
MAX_LOOKUPS = 5_000
MAX_RELAYS = 16  # relays of one site shown (a site runs two, rarely more)
TEXT_CHARS = 200  # a name or number is cut to this for the page
SHOWN = 200  # entries of the waiting and missed lists sent to the page (the counts are whole)


def _cut(text: str) -> str:
    return text[:TEXT_CHARS]


def number_key(number: str, default_region: str) -> str:
    """The key that makes "0612345678" and "+33 6 12 34 56 78" the same caller."""
    if not number:
        return ""
    from ucm_popup.crm.phone import read_number

    read = read_number(number[:64], default_region)
    if read.valid:
        return read.normalized
    return re.sub(r"[^\d+]", "", number) or number


@dataclass
class _Leg:
    """One call of one extension."""

    state: str
    number: str
    name: str
    since: float
    outgoing: bool


@dataclass
class _Extension:
    legs: OrderedDict[str, _Leg] = field(default_factory=OrderedDict)
    online: bool | None = None  # None: this desk never said (not in relay mode)
    online_since: float | None = None
    answered: int = 0
    missed: int = 0
    outgoing: int = 0


@dataclass
class _SiteCall:
    """One inbound call as the site sees it (all the extensions it rang)."""

    number: str
    name: str
    queue: str
    since: float
    ringing: set[str] = field(default_factory=set)
    rang: set[str] = field(default_factory=set)
    answered: bool = False
    counted: str = ""  # "answered" or "missed" once counted in the hours
    hour: int = 0


@dataclass
class _Missed:
    number: str
    name: str
    url: str
    first: float
    last: float
    calls: int
    extensions: list[str]


@dataclass
class _Lookup:
    number: str
    name: str
    url: str


class SiteView:
    """The state of the whole site, as the page shows it."""

    def __init__(self, *, default_region: str = "US", extensions: Iterable[str] = (),
                 clock: Callable[[], float] = time.time) -> None:
        self._region = default_region
        self._clock = clock
        self.extensions: dict[str, _Extension] = {}
        self._calls: OrderedDict[str, _SiteCall] = OrderedDict()
        self._waiting: dict[str, None] = {}  # calls ringing and answered nowhere, first first
        self._lookups: OrderedDict[str, _Lookup] = OrderedDict()
        self.missed: OrderedDict[str, _Missed] = OrderedDict()  # number key -> entry
        self.hours = [[0, 0] for _ in range(24)]  # [answered, missed] per local hour
        self._day = self._today(clock())
        self.relay: dict[str, Any] = {"ucm": "connecting", "detail": "", "nodes": {}}
        self.crm: dict[str, Any] = {"lookup": False, "waiting": 0, "last_error": "",
                                    "index": ""}
        self.changed_rows: set[str] = set()
        self.site_changed = True
        self.version = 0  # bumped on every change: a view knows when to send
        for extension in extensions:
            self._extension(extension)

    # -- what the relay feeds in ------------------------------------------------------------

    def on_event(self, event: CallEvent) -> None:
        if not isinstance(event, Ringing | Dialing | Transferred | Answered | Ended):
            return
        at = event.time.timestamp()
        self._roll_day(at)
        row = self._extension(event.extension)
        if row is None:
            return
        call_id = event.call_id
        if isinstance(event, Ringing | Dialing):
            if call_id not in row.legs and len(row.legs) >= MAX_LEGS:
                return
            outgoing = isinstance(event, Dialing)
            row.legs[call_id] = _Leg(DIALLING if outgoing else RINGING, _cut(event.number),
                                     _cut(event.name), at, outgoing)
            if isinstance(event, Ringing) and event.direction == "inbound":
                self._ringing(event, at)
        elif isinstance(event, Transferred):
            leg = row.legs.get(call_id)
            if leg is not None:
                leg.number, leg.name = _cut(event.number), _cut(event.name)
        elif isinstance(event, Answered):
            leg = row.legs.get(call_id)
            if leg is not None and leg.state != TALKING:
                leg.state, leg.since = TALKING, at
                self._answered(call_id, leg, at)
        else:
            self._ended(row, event)
        self._touch(event.extension)

    def on_lookup(self, call_id: str, number: str, matches: Iterable[Match]) -> None:
        """The relay's CRM lookup for a call's caller: its first record names the caller."""
        first = next(iter(matches), None)
        if first is None or not first.name:
            return
        url = first.url if first.url.startswith(("https://", "http://")) else ""
        self._lookups[call_id] = _Lookup(_cut(number), _cut(first.name), url)
        self._lookups.move_to_end(call_id)
        while len(self._lookups) > MAX_LOOKUPS:
            self._lookups.popitem(last=False)
        for extension, row in self.extensions.items():
            if call_id in row.legs:
                self._touch(extension)
        key = number_key(number, self._region)
        missed = self.missed.get(key)
        if missed is not None and not missed.url:
            missed.name, missed.url = _cut(first.name), url
        self._touch_site()

    def on_presence(self, extension: str, data: dict[str, Any]) -> None:
        row = self._extension(extension)
        if row is None:
            return
        state = data.get("state")
        if state == "online":
            since = data.get("since")
            row.online = True
            row.online_since = _epoch(since) if type(since) is str else self._clock()
        elif state == "offline" or not data:  # an empty retained message clears it
            row.online, row.online_since = False, None
        else:
            return
        self._touch(extension)

    def on_relay(self, ucm: str, detail: str) -> None:
        self.relay = {**self.relay, "ucm": ucm, "detail": _cut(detail)}
        self._touch_site()

    def on_relays(self, roles: dict[str, str]) -> None:
        """The site's relays when it runs two or more (``[relay] node``): node → ``active``,
        ``standby`` or ``offline``, as the broker's retained statuses say."""
        nodes = {_cut(node): _cut(role) for node, role in sorted(roles.items())[:MAX_RELAYS]}
        if nodes != self.relay.get("nodes"):
            self.relay = {**self.relay, "nodes": nodes}
            self._touch_site()

    def on_crm(self, *, lookup: bool, waiting: int, last_error: str, index: str) -> None:
        crm = {"lookup": lookup, "waiting": waiting, "last_error": _cut(last_error),
               "index": _cut(index)}
        if crm != self.crm:
            self.crm = crm
            self._touch_site()

    def tick(self) -> None:
        """Called now and then: a new day starts with empty counts even when no call came."""
        self._roll_day(self._clock())

    # -- what the page gets -----------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        return {"now": self._clock(), "full": True,
                "rows": [self.row(e) for e in sorted(self.extensions, key=_order)],
                "site": self.site()}

    def delta(self) -> dict[str, Any] | None:
        """What changed since the last delta (None: nothing), for views already open."""
        if not self.changed_rows and not self.site_changed:
            return None
        out: dict[str, Any] = {"now": self._clock(), "full": False,
                               "rows": [self.row(e) for e in sorted(self.changed_rows,
                                                                     key=_order)
                                        if e in self.extensions]}
        if self.site_changed:
            out["site"] = self.site()
        self.changed_rows.clear()
        self.site_changed = False
        return out

    def row(self, extension: str) -> dict[str, Any]:
        row = self.extensions[extension]
        out: dict[str, Any] = {"extension": extension, "online": row.online,
                               "online_since": row.online_since, "state": IDLE,
                               "number": "", "name": "", "crm_name": "", "since": None,
                               "answered": row.answered, "missed": row.missed,
                               "outgoing": row.outgoing, "calls": len(row.legs)}
        if row.legs:
            call_id, leg = max(row.legs.items(), key=lambda item: _WEIGHT[item[1].state])
            out.update(state=leg.state, number=leg.number, name=leg.name, since=leg.since,
                       crm_name=self._crm_name(call_id, leg.number))
        return out

    def site(self) -> dict[str, Any]:
        calls = sorted(((call_id, self._calls[call_id]) for call_id in self._waiting
                        if call_id in self._calls), key=lambda item: item[1].since)
        waiting = [{"number": c.number, "name": c.name,
                    "crm_name": self._crm_name(call_id, c.number), "since": c.since,
                    "queue": c.queue, "ringing": sorted(c.ringing, key=_order)}
                   for call_id, c in calls]
        missed = [{"number": m.number, "name": m.name, "url": m.url, "first": m.first,
                   "last": m.last, "calls": m.calls, "extensions": m.extensions}
                  for m in islice(reversed(self.missed.values()), SHOWN)]
        answered = sum(h[0] for h in self.hours)
        missed_calls = sum(h[1] for h in self.hours)
        return {"waiting": waiting[:SHOWN], "waiting_count": len(waiting),
                "missed": missed, "missed_count": len(self.missed),
                "hours": [list(h) for h in self.hours], "answered_today": answered,
                "missed_today": missed_calls, "relay": dict(self.relay),
                "crm": dict(self.crm),
                "online": sum(1 for r in self.extensions.values() if r.online),
                "talking": sum(1 for r in self.extensions.values()
                               if any(leg.state == TALKING for leg in r.legs.values()))}

    # -- the site's calls -------------------------------------------------------------------

    def _ringing(self, event: Ringing, at: float) -> None:
        call = self._calls.get(event.call_id)
        if call is None:
            call = self._calls[event.call_id] = _SiteCall(
                _cut(event.number), _cut(event.name), _cut(event.queue), at)
            while len(self._calls) > MAX_CALLS:
                self._waiting.pop(self._calls.popitem(last=False)[0], None)
        call.ringing.add(event.extension)
        call.rang.add(event.extension)
        if not call.answered:
            self._waiting[event.call_id] = None
        self._touch_site()

    def _answered(self, call_id: str, leg: _Leg, at: float) -> None:
        """An answered call from or to a number clears it from the missed callers."""
        if self.missed:  # reading the number costs a parse: only when someone waits for it
            key = number_key(leg.number, self._region)
            if key and self.missed.pop(key, None) is not None:
                self._touch_site()
        call = self._calls.get(call_id)
        if call is None or call.answered:
            return
        call.answered = True
        self._waiting.pop(call_id, None)
        if call.counted == "missed":  # a queue's second round was answered: not missed
            self.hours[call.hour][1] -= 1
        if call.counted != "answered":
            call.counted, call.hour = "answered", self._hour(at)
            self.hours[call.hour][0] += 1
        self._touch_site()

    def _ended(self, row: _Extension, event: Ended) -> None:
        leg = row.legs.pop(event.call_id, None)
        if leg is None:
            return
        if leg.outgoing:
            row.outgoing += 1
        elif event.answered:
            row.answered += 1
        elif not event.answered_elsewhere:
            row.missed += 1
        call = self._calls.get(event.call_id)
        if call is None:
            return
        call.ringing.discard(event.extension)
        self._touch_site()
        if call.ringing:
            return
        self._waiting.pop(event.call_id, None)
        if not call.answered and not event.answered_elsewhere and not call.counted:
            at = event.time.timestamp()
            call.counted, call.hour = "missed", self._hour(at)
            self.hours[call.hour][1] += 1
            self._add_missed(event.call_id, call, at)
        if call.answered or call.counted:
            # Kept a while for a queue's next round; forgotten in order after MAX_CALLS.
            self._calls.move_to_end(event.call_id)

    def _add_missed(self, call_id: str, call: _SiteCall, at: float) -> None:
        key = number_key(call.number, self._region)
        if not key:
            return
        lookup = self._lookups.get(call_id)
        name, url = (lookup.name, lookup.url) if lookup is not None else (call.name, "")
        entry = self.missed.pop(key, None)
        if entry is None:
            entry = _Missed(call.number, name, url, call.since, at, 0, [])
        entry.calls += 1
        entry.last = at
        if lookup is not None:
            entry.name, entry.url = name, url
        for extension in sorted(call.rang, key=_order):
            if extension not in entry.extensions and len(entry.extensions) < 20:
                entry.extensions.append(extension)
        self.missed[key] = entry  # the latest last
        while len(self.missed) > MAX_MISSED:
            self.missed.popitem(last=False)

    # -- helpers ----------------------------------------------------------------------------

    def _crm_name(self, call_id: str, number: str) -> str:
        lookup = self._lookups.get(call_id)
        return lookup.name if lookup is not None and lookup.number == number else ""

    def _extension(self, extension: str) -> _Extension | None:
        row = self.extensions.get(extension)
        if row is None:
            if len(self.extensions) >= MAX_EXTENSIONS or not extension.isdigit():
                return None
            row = self.extensions[extension] = _Extension()
            self.changed_rows.add(extension)
            self.version += 1
        return row

    def _touch(self, extension: str) -> None:
        self.changed_rows.add(extension)
        self.version += 1

    def _touch_site(self) -> None:
        self.site_changed = True
        self.version += 1

    @staticmethod
    def _today(at: float) -> str:
        return datetime.fromtimestamp(at).astimezone().date().isoformat()

    @staticmethod
    def _hour(at: float) -> int:
        return datetime.fromtimestamp(at).astimezone().hour

    def _roll_day(self, at: float) -> None:
        day = self._today(at)
        if day <= self._day:
            return
        self._day = day
        self.hours = [[0, 0] for _ in range(24)]
        self.missed.clear()
        for call in self._calls.values():
            call.counted = "answered" if call.answered else ""
        for extension, row in self.extensions.items():
            row.answered = row.missed = row.outgoing = 0
            self.changed_rows.add(extension)
        self._touch_site()


def _order(extension: str) -> tuple[int, str]:
    return (len(extension), extension)


def _epoch(value: str) -> float | None:
    if len(value) > 64:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.timestamp() if parsed.tzinfo is not None else None

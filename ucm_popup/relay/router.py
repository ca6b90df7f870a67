"""One UCM session, many extensions: each row goes to the call trackers it concerns.

``SiteRouter`` has the call tracker's entry points (``feed_message``, ``expire``,
``connection_lost``) and returns the call events of every followed extension, so the UCM
stream drives it exactly as it drives one ``CallTracker``. Behind it sits one unchanged
``CallTracker`` per extension; following N extensions costs a dictionary look-up per row and
the trackers of that row's call, not N trackers per row:

- an extension's own leg (``PJSIP/1002-…``) goes to that extension's tracker, and to the
  trackers of every other extension already in the same call (``linkedid``), which need it
  to tell "answered elsewhere" and who is calling;
- any other leg (a trunk, ``Local/…``) goes to the trackers of the extensions in its call;
  until an extension leg of that call appears, its rows wait in a small buffer, then are
  given to each extension that joins the call first, in their order;
- a bridge row goes where its ``channel1``/``channel2`` legs went; a delete row, which names
  only its channel, where that channel's rows went; ExtensionStatus rows to their extension.
"""

from __future__ import annotations

import re
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from ucm_popup.ucm.events import CallEvent, Ended
from ucm_popup.ucm.tracker import CallTracker

EXTENSION_CHANNEL = re.compile(r"(?:PJSIP|SIP)/(\d+)-")
MAX_CALLS = 20_000  # calls whose routing is kept at most (the least recently active go first)
MAX_ROWS_PER_CALL = 64  # rows of one call kept for extensions that join it later
MAX_TRACKERS = 10_000  # extensions followed at most when following "every extension"
CALL_TTL_S = 8 * 3600.0  # a call with no row for this long lost its delete rows: forgotten

_STATUS = "ExtensionStatus"
_CALLS = "ActiveCallStatus"


class _Route:
    """Where the rows of one call (one linkedid) go."""

    __slots__ = ("channels", "extensions", "key", "rows", "seen")

    def __init__(self, key: str, now: float) -> None:
        self.key = key
        self.extensions: dict[str, None] = {}  # in order of joining
        self.rows: list[dict[str, Any]] = []  # the call's rows so far, for late joiners
        self.channels: set[str] = set()  # legs not yet deleted
        self.seen = now


class SiteRouter:
    """The call events of ``extensions`` (empty: every extension whose rows appear)."""

    def __init__(
        self,
        extensions: Iterable[str] = (),
        *,
        clock: Callable[[], float] = time.monotonic,
        max_calls: int = MAX_CALLS,
        max_trackers: int = MAX_TRACKERS,
    ) -> None:
        self._clock = clock
        self._only = frozenset(extensions)
        self._max_calls = max_calls
        self._max_trackers = max_trackers
        self.trackers: dict[str, CallTracker] = {}
        for extension in sorted(self._only):
            self.trackers[extension] = CallTracker(extension, clock=clock)
        self._routes: OrderedDict[str, _Route] = OrderedDict()  # least recently active first
        self._channel_route: dict[str, _Route] = {}
        self._next_sweep = clock() + 60.0

    # -- the tracker's entry points ---------------------------------------------------------

    def feed_message(self, message: object) -> list[CallEvent]:
        """A whole notify ``message``: its rows, split by tracker, fed to each tracker once
        (so that each sees the rows of one frame together, as a tracker of its own would)."""
        items: Any = message if type(message) is list else (message,)
        per_tracker: dict[str, list[dict[str, Any]]] = {}
        status: dict[str, list[dict[str, Any]]] = {}
        for item in items:
            if type(item) is not dict or item.get("action") != "notify":
                continue
            name = item.get("eventname")
            if type(name) is not str:
                continue
            name = name.partition("/")[0]  # a tiered subscription's "ActiveCallStatus/1002"
            body = item.get("eventbody")
            rows: Any = body if type(body) is list else (body,) if type(body) is dict else ()
            if name == _CALLS:
                for row in rows:
                    if type(row) is dict:
                        self._route_call_row(row, per_tracker)
            elif name == _STATUS:
                for row in rows:
                    extension = row.get("extension") if type(row) is dict else None
                    if type(extension) is str and self._tracker(extension) is not None:
                        status.setdefault(extension, []).append(row)
        out: list[CallEvent] = []
        for extension in {**per_tracker, **status}:
            notes = []
            if extension in per_tracker:
                notes.append(_notify(_CALLS, per_tracker[extension]))
            if extension in status:
                notes.append(_notify(_STATUS, status[extension]))
            out += self.trackers[extension].feed_message(notes)
        return out

    def expire(self) -> list[CallEvent]:
        out: list[CallEvent] = []
        for tracker in self.trackers.values():
            out += tracker.expire()
        now = self._clock()
        if now >= self._next_sweep:
            self._next_sweep = now + 60.0
            while self._routes and now - next(iter(self._routes.values())).seen > CALL_TTL_S:
                self._forget(next(iter(self._routes)))
        return out

    def connection_lost(self) -> list[Ended]:
        out: list[Ended] = []
        for tracker in self.trackers.values():
            out += tracker.connection_lost()
        self._routes.clear()
        self._channel_route.clear()
        return out

    def state_sizes(self) -> dict[str, int]:
        """What the router holds (tests and the benchmark check that it stays bounded)."""
        return {"trackers": len(self.trackers), "calls": len(self._routes),
                "channels": len(self._channel_route),
                "buffered_rows": sum(len(r.rows) for r in self._routes.values())}

    # -- routing ----------------------------------------------------------------------------

    def _tracker(self, extension: str) -> CallTracker | None:
        tracker = self.trackers.get(extension)
        if tracker is None and not self._only and len(self.trackers) < self._max_trackers:
            tracker = self.trackers[extension] = CallTracker(extension, clock=self._clock)
        return tracker

    def _route_call_row(self, row: dict[str, Any], out: dict[str, list[dict[str, Any]]]) -> None:
        channel = row.get("channel")
        channel = channel if type(channel) is str else ""
        if row.get("chantype") == "bridge":
            if row.get("action") == "delete":
                return  # a tracker ignores bridge deletes: legs end with their own deletes
            targets: dict[str, None] = {}
            for field in ("channel1", "channel2", "channel"):
                bridged = row.get(field)
                route = self._channel_route.get(bridged) if type(bridged) is str else None
                if route is not None:
                    targets.update(route.extensions)
            for extension in targets:
                out.setdefault(extension, []).append(row)
            return
        if row.get("action") == "delete":
            route = self._channel_route.pop(channel, None)
            if route is None:
                own = EXTENSION_CHANNEL.match(channel)
                if own and own.group(1) in self.trackers:
                    out.setdefault(own.group(1), []).append(row)
                return
            for extension in route.extensions:
                out.setdefault(extension, []).append(row)
            if len(route.rows) < MAX_ROWS_PER_CALL:
                route.rows.append(row)  # a later joiner must know this leg has gone
            route.channels.discard(channel)
            if not route.channels and self._routes.get(route.key) is route:
                del self._routes[route.key]
            return
        key = _text(row.get("linkedid")) or _text(row.get("uniqueid"))
        own = EXTENSION_CHANNEL.match(channel)
        extension = own.group(1) if own else ""
        if not key:  # the tracker keys such a leg by its channel: only its own tracker needs it
            if extension and self._tracker(extension) is not None:
                out.setdefault(extension, []).append(row)
            return
        now = self._clock()
        route = self._routes.get(key)
        if route is None:
            route = self._routes[key] = _Route(key, now)
            if len(self._routes) > self._max_calls:
                self._forget(next(iter(self._routes)))
        else:
            self._routes.move_to_end(key)
            route.seen = now
        if channel and channel not in route.channels:
            route.channels.add(channel)
            self._channel_route[channel] = route
        kept = len(route.rows) < MAX_ROWS_PER_CALL
        if kept:
            route.rows.append(row)
        if extension and extension not in route.extensions and self._tracker(extension):
            route.extensions[extension] = None
            # The newcomer first sees what came before it, this row included.
            out.setdefault(extension, []).extend(route.rows if kept else [*route.rows, row])
            for other in route.extensions:
                if other != extension:
                    out.setdefault(other, []).append(row)
            return
        for target in route.extensions:
            out.setdefault(target, []).append(row)

    def _forget(self, key: str) -> None:
        route = self._routes.pop(key)
        for channel in route.channels:
            if self._channel_route.get(channel) is route:
                del self._channel_route[channel]


def _notify(eventname: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"action": "notify", "eventname": eventname, "eventbody": rows}


def _text(value: object) -> str:
    if type(value) is str:
        return value
    if type(value) is int:
        return str(value) if abs(value) < 10**30 else ""
    return ""

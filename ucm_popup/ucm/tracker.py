"""Turns the UCM's ActiveCallStatus and ExtensionStatus rows into the call events of one extension.

Pure logic (no I/O, no Qt, no asyncio), driven by the stream: ``feed_message`` for each notify
frame, ``expire`` about once a second, ``connection_lost`` when the socket drops.

The UCM reports channels (call legs), not calls: one row per leg, keyed by ``channel``; all
legs of a call share a ``linkedid``; ``delete`` rows carry only the channel name. So the
tracker keeps a map channel -> leg -> call, and for the configured extension X a *session*
per ringing of X (one or more of X's channels in one call) and per call X makes. A session
gives exactly one Ringing (or Dialing), at most one Answered and exactly one Ended, with a
Transferred each time another extension's transfer changes the party X talks to. Channels
that ended are remembered for some minutes so that repeated or late rows never reopen
anything. See docs/ucm-event-stream.md.

Memory is bounded whatever the UCM sends, and every bound costs O(1) per row: legs outside
X's ringings are kept least recently seen first and the oldest is forgotten when there are
too many; X's open ringings are kept oldest first and the oldest is ended (with its Ended, so
that no popup stays open) when there are too many. A new leg is never the one forgotten, so a
call that starts while the tables are full still works.
"""

from __future__ import annotations

import logging
import re
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from ucm_popup.text import one_line
from ucm_popup.ucm.events import Answered, CallEvent, Dialing, Ended, Ringing, Transferred

log = logging.getLogger(__name__)

IDLE_GRACE_S = 2.0  # ExtensionStatus Idle may come before the delete rows: wait for them
REMEMBER_S = 600.0  # how long ended channels and calls closed by a lost link are remembered
LEG_TTL_S = 8 * 3600.0  # a leg with no row for this long lost its delete row: forget it
MAX_LEGS = 20_000  # live legs outside X's ringings kept at most (the oldest are forgotten)
# Open ringings of X kept at most (the oldest is ended): far more than one phone can ring at
# once, so only calls whose delete rows were lost get ended this way.
MAX_OPEN_CALLS = 100
MAX_CHANNELS_PER_RINGING = 16  # X's devices ringing in one call; more stay outside the ringing
MAX_REMEMBERED = 50_000  # ended channels (and call ids closed by a lost link) remembered at most
SWEEP_EVERY_S = 60.0

_EXTENSION_CHANNEL = re.compile(r"(?:PJSIP|SIP)/\d+-")
# What the UCM puts where it has no number (the trunk leg's "s"; never a caller's number).
_NO_NUMBER = frozenset({"", "s", "unknown", "<unknown>"})
_ONLY_DIGITS = re.compile(r"\+?\d+")
# A number or call id sent as a JSON integer is read as text up to this many digits: E.164
# numbers have at most 15, dialling prefixes and ids add a few.  A longer integer, a
# fraction, 1e400 (inf) or NaN is no number a UCM sends: its row is skipped as malformed.
MAX_NUMBER_DIGITS = 40
_NUMBER_LIMIT = 10**MAX_NUMBER_DIGITS
_NUMBER_FIELDS = ("linkedid", "uniqueid", "callernum", "connectednum")

# Leg kinds
_X, _EXTENSION, _TRUNK, _OTHER = 0, 1, 2, 3


class _Call:
    """The legs of one call (one linkedid) as far as X's ringing needs them."""

    __slots__ = ("answered_by", "handed_to", "key", "live", "origin", "queue", "rang_others",
                 "sessions", "trunk")

    def __init__(self, key: str) -> None:
        self.key = key
        self.live = 0  # legs not yet deleted
        self.trunk: _Leg | None = None  # the inbound trunk leg
        self.origin: _Leg | None = None  # the calling extension's leg (internal calls)
        self.queue = False  # some leg has service "queue"
        self.rang_others = False  # another extension rang too (ring group, queue)
        self.sessions: list[_Session] = []  # X's open sessions in this call
        # The extension that answered the call before X rang in it (say it then transferred
        # the call to X): the Ringing's ``transferred_by``.
        self.answered_by = ""
        self.handed_to = ""  # the extension X transferred the call to (a leg after X's answer)


class _Leg:
    __slots__ = ("call", "channel", "first", "kind", "origin", "row", "seen", "session", "up")

    def __init__(self, channel: str, kind: int, row: dict[str, Any], call: _Call,
                 now: float) -> None:
        self.channel = channel
        self.kind = kind
        self.row = row  # the merged add/update rows
        self.call = call
        self.origin = False  # the calling side: never "answered elsewhere"
        self.first = False  # the first channel of its call (uniqueid == linkedid)
        # Answered (Up or bridged) before: X's leg with no ringing first (X dialling out);
        # another extension's leg that answered earlier (say it transferred the call to X).
        self.up = False
        self.session: _Session | None = None
        self.seen = now  # when its last row came


class _Session:
    """One ringing of X: from its first ringing channel until its last channel ends."""

    __slots__ = ("announced", "answered", "call", "channels", "elsewhere", "far", "leg",
                 "new_party", "outgoing", "party", "ring_row", "ringing_pending",
                 "transferred_by")

    def __init__(self, call: _Call, leg: _Leg, *, outgoing: bool = False) -> None:
        self.call = call
        self.leg = leg  # the leg that rang first: where the caller is read
        self.channels = [leg]
        self.answered = False
        self.elsewhere = False
        self.outgoing = outgoing  # X calls out: a Dialing, answered when the far end is
        self.announced = not outgoing  # its Ringing or Dialing is (being) emitted
        self.far: _Leg | None = None  # an outgoing call's called leg
        self.party = ""  # the number X talks to, as last reported
        # (number, name, trunk, transferred_by) of a transfer seen in this message
        self.new_party: tuple[str, str, str, str] | None = None
        self.ringing_pending = False  # its Ringing is built at the end of this message
        # Who had answered the call before X rang (a colleague who transferred it to X)
        self.transferred_by = call.answered_by
        # X's row as it rang, when a transfer changed it later in the same message
        self.ring_row: dict[str, Any] | None = None


class _Pending:
    """An event whose fields are read once the whole message is applied (a later row of the
    same frame may name the trunk or the party)."""

    __slots__ = ("kind", "session")

    def __init__(self, kind: str, session: _Session) -> None:
        self.kind = kind  # "ringing", "dialing", "transferred", "ended"
        self.session = session


def _text(value: object) -> str:
    """A name or number field as text: ``null`` (and anything odd) is ""."""
    if type(value) is str:
        return value
    if _sane_integer(value):
        return str(value)
    return ""


def _sane_integer(value: object) -> bool:
    """An integer (never a bool) of at most MAX_NUMBER_DIGITS digits."""
    return type(value) is int and -_NUMBER_LIMIT < value < _NUMBER_LIMIT


def _malformed_number(row: dict[str, Any]) -> str:
    """The first number or id field of ``row`` that is neither text, null nor a sane integer."""
    for field in _NUMBER_FIELDS:
        value = row.get(field)
        if value is not None and type(value) is not str and not _sane_integer(value):
            return field
    return ""


class CallTracker:
    def __init__(self, extension: str, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.extension = extension
        self._clock = clock
        self._x_prefixes = (f"PJSIP/{extension}-", f"SIP/{extension}-")
        self._legs: dict[str, _Leg] = {}  # every live leg
        # The legs of _legs not in an open ringing of X, least recently seen first.
        self._loose: OrderedDict[str, _Leg] = OrderedDict()
        self._calls: dict[str, _Call] = {}
        self._sessions: dict[_Session, None] = {}  # open, oldest first
        # channel -> when it ended; call keys closed by connection_lost -> when. Ordered by
        # time; OrderedDict because a plain dict gets slow when emptied from the front.
        self._ended: OrderedDict[str, float] = OrderedDict()
        self._closed_keys: OrderedDict[str, float] = OrderedDict()
        self._idle_marked: dict[_Session, float] = {}  # X went Idle: end these at deadline
        self._unknown_events: set[str] = set()
        self._now = clock()
        self._next_sweep = self._now + SWEEP_EVERY_S
        self._pending = False  # out holds sessions whose Ringing is built after the message
        self._emptied: list[_Call] = []  # calls whose legs all ended in this message
        self._closing: list[_Pending] = []  # sessions ended in this message

    # -- the stream's entry points -------------------------------------------------------

    def feed_message(self, message: object) -> list[CallEvent]:
        """A whole notify ``message`` (one item or a list of items); non-notify items ignored."""
        items: Any = message if type(message) is list else (message,)
        self._now = self._clock()
        out: list[Any] = []
        for item in items:
            if type(item) is dict and item.get("action") == "notify":
                self._feed(item.get("eventname"), item.get("eventbody"), out)
        return self._finish(out)

    def feed(self, eventname: str, eventbody: object) -> list[CallEvent]:
        """One notify item; returns the events it caused, in order. Never raises on bad input."""
        self._now = self._clock()
        out: list[Any] = []
        self._feed(eventname, eventbody, out)
        return self._finish(out)

    def expire(self) -> list[CallEvent]:
        """Time-based decisions: the Idle fallback, forgetting old state. About once a second."""
        now = self._now = self._clock()
        out: list[Any] = []
        for session in [s for s, deadline in self._idle_marked.items() if now >= deadline]:
            log.debug("extension %s went idle: ending call %s", self.extension,
                      one_line(session.call.key, 80))
            self._end_by_fallback(session, out)
        for remembered in (self._ended, self._closed_keys):
            while remembered and now - remembered[next(iter(remembered))] >= REMEMBER_S:
                remembered.popitem(last=False)
        if now >= self._next_sweep:
            self._next_sweep = now + SWEEP_EVERY_S
            self._sweep_legs(now, out)
        return self._finish(out)

    def connection_lost(self) -> list[Ended]:
        """Ends every open call (answered as last known) and drops all channel state."""
        now = self._now = self._clock()
        out: list[Ended] = []
        for session in self._sessions:
            key = session.call.key
            if session.announced:  # an outgoing call not yet reported is dropped silently
                out.append(Ended(key, self.extension, session.answered, False))
            self._closed_keys.pop(key, None)  # keep the time order
            self._closed_keys[key] = now
            if len(self._closed_keys) > MAX_REMEMBERED:
                self._closed_keys.popitem(last=False)
            for leg in session.channels:
                self._remember(leg.channel)
        self._legs.clear()
        self._loose.clear()
        self._calls.clear()
        self._sessions.clear()
        self._idle_marked.clear()
        self._emptied.clear()
        self._closing.clear()
        return out

    def state_sizes(self) -> dict[str, int]:
        """What the tracker holds (tests and the benchmark check that it stays bounded)."""
        return {"legs": len(self._legs), "calls": len(self._calls),
                "open_calls": len(self._sessions),
                "remembered": len(self._ended) + len(self._closed_keys)}

    # -- rows --------------------------------------------------------------------------

    def _feed(self, eventname: object, body: object, out: list[Any]) -> None:
        if eventname == "ActiveCallStatus":
            for row in self._rows(body, eventname):
                self._call_row(row, out)
        elif eventname == "ExtensionStatus":
            for row in self._rows(body, eventname):
                self._status_row(row)
        elif type(eventname) is str and "/" in eventname:
            # A tiered subscription's name ("ActiveCallStatus/1002"), should one come back.
            self._feed(eventname.partition("/")[0], body, out)
        else:
            name = repr(eventname[:60]) if type(eventname) is str else type(eventname).__name__
            if name not in self._unknown_events and len(self._unknown_events) < 100:
                self._unknown_events.add(name)  # said once per name
                log.debug("ignoring notify events named %s", name)

    def _rows(self, body: object, eventname: object) -> Any:
        if body.__class__ is list:
            return body
        if body.__class__ is dict:  # one row, not in a list: read it all the same
            return (body,)
        log.debug("skipped a %s body that is %s, not a list", eventname, type(body).__name__)
        return ()

    def _call_row(self, row: Any, out: list[Any]) -> None:
        if row.__class__ is not dict:
            log.debug("skipped an ActiveCallStatus row that is %s", type(row).__name__)
            return
        action = row.get("action")
        chantype = row.get("chantype")
        if action == "delete":
            if chantype != "bridge":
                self._delete(row.get("channel"), out)
            # A bridge delete (naming channel, channel1 or channel2) only ends the bridge;
            # the legs end with their own unbridge deletes.
        elif action == "add" or action == "update":
            if chantype == "bridge":
                self._bridge(row, out)
            else:
                self._leg_row(row, out)
        else:
            what = one_line(action, 40) if type(action) is str else type(action).__name__
            log.debug("skipped an ActiveCallStatus row with action %s", what)

    def _leg_row(self, row: dict[str, Any], out: list[Any]) -> None:
        channel = row.get("channel")
        if type(channel) is not str or not channel:
            log.debug("skipped an ActiveCallStatus row without a channel")
            return
        if bad := _malformed_number(row):
            log.debug("skipped an ActiveCallStatus row whose %s is not a number or id", bad)
            return
        if channel in self._ended:
            return  # a repeated or late row of a leg that has ended
        state = row.get("state")
        state = state.lower() if type(state) is str else None
        leg = self._legs.get(channel)
        if leg is None:  # "update" for an unknown channel counts as "add"
            leg = self._new_leg(channel, row, state, out)
            if leg is None:
                return
        else:
            before = _text(leg.row.get("connectednum"))
            ringing = leg.session is not None and leg.session.ringing_pending
            as_rung = dict(leg.row) if ringing else None  # (few: X's ringings of this message)
            leg.row.update(row)  # update rows may be partial: merge
            leg.seen = self._now
            if leg.session is None:
                self._loose.move_to_end(channel)
            linkedid = _text(row.get("linkedid"))
            if (linkedid and linkedid != leg.call.key and linkedid in self._calls
                    and (state == "up" or leg.up)):
                # An answered leg joined another call (a pickup or a transfer re-links
                # channels; a leg whose first row had no linkedid only learns its call).
                self._joined(leg, self._calls[linkedid], out)
            session = leg.session
            if session is not None and _text(leg.row.get("connectednum")) != before:
                if as_rung is not None and session.ring_row is None and not _no_number(before):
                    # The party changed after X rang, in the same message: the Ringing
                    # names the first, a Transferred the new one.
                    session.ring_row = as_rung
                    session.party = before
                self._party_changed(session, leg.row, out)
        if row.get("service") == "queue":
            leg.call.queue = True
        kind = leg.kind
        if kind == _X:
            if state == "ringing" or state == "ring":
                self._x_ringing(leg, state, out)
            elif state == "up":
                self._x_answered(leg, out)
        elif state == "up":
            self._other_answered(leg, out)
        elif kind == _EXTENSION and state == "ringing" and not leg.origin:
            leg.call.rang_others = True
        # "down" is set-up, not hang-up; late "ring" rows come during teardown: both ignored.

    def _new_leg(self, channel: str, row: dict[str, Any], state: str | None,
                 out: list[Any]) -> _Leg | None:
        if channel.startswith(self._x_prefixes):
            kind = _X
        elif _EXTENSION_CHANNEL.match(channel):
            kind = _EXTENSION
        elif channel.startswith("Local/"):
            kind = _OTHER
        else:
            kind = _TRUNK
        linkedid = _text(row.get("linkedid"))
        uniqueid = _text(row.get("uniqueid"))
        key = linkedid or uniqueid
        if not key:
            if kind != _X:
                log.debug("skipped a row for %s without linkedid or uniqueid",
                          one_line(channel, 80))
                return None
            key = channel  # better a call id of our own than no popup
        call = self._calls.get(key)
        if call is None:
            call = self._calls[key] = _Call(key)
        leg = _Leg(channel, kind, dict(row), call, self._now)
        call.live += 1
        self._legs[channel] = self._loose[channel] = leg
        is_origin = uniqueid == linkedid != ""
        leg.first = is_origin
        if kind != _X and kind != _OTHER:
            for session in call.sessions:
                if session.outgoing and session.far is None:
                    session.far = leg  # the called party's leg of X's outgoing call
                    self._announce(session, out)
        if kind == _TRUNK and (call.trunk is None or is_origin):
            call.trunk = leg
        elif kind == _EXTENSION and (is_origin or state == "ring"):
            leg.origin = True
            if call.origin is None or is_origin:
                call.origin = leg
        elif kind == _EXTENSION:  # (a calling leg is never where X handed the call)
            self._handed(call, channel)
        if len(self._loose) > MAX_LEGS:  # the new leg is the newest: never the one forgotten
            log.debug("too many call legs: forgetting the least recently seen")
            self._forget(next(iter(self._loose.values())), out)
        return leg

    def _bridge(self, row: dict[str, Any], out: list[Any]) -> None:
        # linkedid is often empty on bridge rows: find the call through the bridged channels.
        legs: list[_Leg] = []
        for field in ("channel1", "channel2", "channel"):
            channel = row.get(field)
            leg = self._legs.get(channel) if type(channel) is str else None
            if leg is not None and leg not in legs:
                legs.append(leg)
        if not legs:
            log.debug("could not place a bridge row: none of its channels is known")
            return
        if len(legs) >= 2 and legs[0].call is not legs[1].call:
            # Legs of two calls bridged: a transfer or a pickup joined them.
            a, b = legs[0], legs[1]
            if b.kind == _X:
                a, b = b, a
            if a.kind == _X:
                self._joined(a, b.call, out)
            else:
                self._joined(a, b.call, out)
                self._joined(b, a.call, out)
        for leg in legs:
            if leg.kind == _X:
                session = leg.session
                if session is None or not session.outgoing:
                    self._x_answered(leg, out)
                elif any(other is not leg and other.kind != _X for other in legs):
                    self._answer(session, out)  # bridged to the far end: it picked up
            else:
                self._other_answered(leg, out)

    def _delete(self, channel: object, out: list[Any]) -> None:
        if type(channel) is not str or not channel:
            log.debug("skipped a delete row without a channel")
            return
        leg = self._legs.get(channel)
        if leg is None:
            self._remember(channel)
        else:
            self._forget(leg, out)

    def _status_row(self, row: Any) -> None:
        if row.__class__ is not dict:
            log.debug("skipped an ExtensionStatus row that is %s", type(row).__name__)
            return
        if _text(row.get("extension")) != self.extension:
            return
        status = row.get("status")
        if type(status) is not str:
            return
        if status.lower() == "idle":
            # X's calls may be over; the delete rows usually follow: end them after a grace.
            deadline = self._now + IDLE_GRACE_S
            for session in self._sessions:
                self._idle_marked.setdefault(session, deadline)
        else:
            # Ringing with no row yet: nothing to do (the rows follow). Any non-idle status
            # means X is still busy with its calls.
            self._idle_marked.clear()

    # -- X's sessions -------------------------------------------------------------------

    def _x_ringing(self, leg: _Leg, state: str, out: list[Any]) -> None:
        if leg.session is not None:
            return  # repeated row
        call = leg.call
        # X's channel is the first of its call: X calls out (from the phone, state Ring), or
        # the UCM rings X for click-to-dial (Ringing) before it dials the number. Never on a
        # leg first seen Up: the tracker never saw that call start.
        outgoing = leg.first and not leg.up and call.trunk is None and call.origin is None
        if state == "ring" and not outgoing:
            return  # a late Ring row during tear-down
        if call.sessions:  # X rings on a second channel of the same call: same ringing
            session = call.sessions[0]
            if len(session.channels) < MAX_CHANNELS_PER_RINGING:
                session.channels.append(leg)
                leg.session = session
                del self._loose[leg.channel]
            return
        if call.key in self._closed_keys:
            return  # closed when the connection dropped: never a second Ringing
        session = _Session(call, leg, outgoing=outgoing)
        leg.session = session
        del self._loose[leg.channel]
        call.sessions.append(session)
        self._sessions[session] = None
        if outgoing:
            session.party = _text(leg.row.get("connectednum"))  # what X dialled
            # Dialing waits for the called leg (it names the trunk) or for the call's end.
            far = next((other for other in self._legs_of(call)
                        if other.kind in (_TRUNK, _EXTENSION)), None)
            if far is not None:
                session.far = far
                self._announce(session, out)
        else:
            out.append(_Pending("ringing", session))
            session.ringing_pending = self._pending = True
            if leg.up:  # rows came reordered: the leg was Up before its Ringing row
                self._x_answered(leg, out)
        if len(self._sessions) > MAX_OPEN_CALLS:
            oldest = next(iter(self._sessions))
            log.debug("too many open calls of %s: ending the oldest", self.extension)
            self._end_by_fallback(oldest, out)

    def _legs_of(self, call: _Call) -> list[_Leg]:
        """The live legs of ``call`` outside X's sessions (few: searched only when X calls)."""
        return [leg for leg in self._loose.values() if leg.call is call]

    def _announce(self, session: _Session, out: list[Any]) -> None:
        if not session.announced:
            session.announced = True
            out.append(_Pending("dialing", session))
            self._pending = True

    def _x_answered(self, leg: _Leg, out: list[Any]) -> None:
        session = leg.session
        if session is None:
            leg.up = True  # X's own outgoing leg (or Up before Ringing): no events
        elif not session.outgoing:  # X picking up its own click-to-dial call is no answer
            self._answer(session, out)

    def _answer(self, session: _Session, out: list[Any]) -> None:
        if not session.answered:
            self._announce(session, out)
            session.answered = True
            out.append(Answered(session.call.key, self.extension))

    def _other_answered(self, leg: _Leg, out: list[Any]) -> None:
        if leg.up:
            return  # answered before X rang (a repeated Up)
        leg.up = True
        call = leg.call
        for session in call.sessions:
            if session.outgoing:
                if leg.kind != _OTHER and not leg.origin:
                    self._answer(session, out)  # the called party picked up
            elif not session.answered and not leg.origin and leg.kind == _EXTENSION:
                session.elsewhere = True
        if leg.kind == _EXTENSION and not leg.origin and not call.sessions:
            call.answered_by = _extension_of(leg.channel)

    def _joined(self, leg: _Leg, other: _Call, out: list[Any]) -> None:
        """``leg`` was bridged to (or re-linked into) ``other``, a call it was not part of."""
        session = leg.session
        if leg.kind != _X:
            # Another extension picked up a call ringing X: X's ringing was answered elsewhere.
            # Or X transferred its answered call there.
            if leg.kind == _EXTENSION:
                for mine in other.sessions + self._closing_of(other):
                    if not mine.outgoing and not mine.answered:
                        mine.elsewhere = True
                self._handed(other, leg.channel)
            return
        if session is None:
            return
        if session.outgoing and not session.announced:
            # X dialled a pickup code (*8, **1003) and got a ringing colleague's call: X now
            # has that call, answered. Move X's leg and its session into it.
            old = leg.call
            old.sessions.remove(session)
            old.live -= 1
            if old.live <= 0:
                self._emptied.append(old)
            leg.call = session.call = other
            other.live += 1
            other.sessions.append(session)
            session.outgoing, session.announced = False, True
            session.transferred_by = other.answered_by
            out.append(_Pending("ringing", session))
            session.ringing_pending = self._pending = True
            self._answer(session, out)
            return
        if session.ringing_pending and session.ring_row is None:
            # X rang and is joined to another call in one message: the Ringing names the
            # party X's leg named until now, the Transferred the new one.
            session.ring_row = dict(leg.row)
            session.party = session.party or _text(leg.row.get("connectednum"))
        source = other.trunk or other.origin
        if source is None:
            source = next((x for x in self._legs_of(other) if x.kind in (_TRUNK, _EXTENSION)),
                          None)
        if source is not None:
            self._set_party(session, _text(source.row.get("callernum")),
                            _text(source.row.get("callername")),
                            _text(source.row.get("inbound_trunk_name"))
                            if source.kind == _TRUNK else "", out)

    def _party_changed(self, session: _Session, row: dict[str, Any], out: list[Any]) -> None:
        """X's leg reports a new connected party: a transfer, when that party is real."""
        number = _text(row.get("connectednum"))
        if _no_number(number) or number == self.extension or number == session.party:
            return
        if not session.announced or (session.outgoing and not session.answered):
            return  # still being set up: the Dialing or Ringing reads it
        name, trunk = _text(row.get("connectedname")), _text(row.get("inbound_trunk_name"))
        # The new party's own leg, where known (and only one), names its trunk (rare: a scan
        # is fine).
        callers = [leg for leg in self._legs.values() if leg.kind == _TRUNK
                   and _text(leg.row.get("callernum")) == number][:2]
        if len(callers) == 1:
            caller = callers[0]
            trunk = trunk or _text(caller.row.get("inbound_trunk_name"))
            name = name or _text(caller.row.get("callername"))
        self._set_party(session, number, name, trunk, out)

    def _set_party(self, session: _Session, number: str, name: str, trunk: str,
                   out: list[Any]) -> None:
        if _no_number(number) or number == self.extension or number == session.party:
            return
        if not is_extension_number(session.party):
            # Only a colleague X talks to can hand X another party; anything else is a
            # connected-line update (say a trunk's own number), not a transfer.
            log.debug("extension %s: a new party while talking to an outside number: ignored",
                      self.extension)
            return
        if session.new_party is None:
            out.append(_Pending("transferred", session))
            self._pending = True
        # Who transferred: the extension X talked to before, else the call's calling one.
        by = session.party if is_extension_number(session.party) else ""
        if not by and session.call.origin is not None:
            by = _text(session.call.origin.row.get("callernum"))
        previous = session.new_party
        if previous is not None:
            by = previous[3]
            name = name or (previous[1] if previous[0] == number else "")
            trunk = trunk or (previous[2] if previous[0] == number else "")
        session.new_party = (number, name, trunk, by)

    def _handed(self, call: _Call, channel: str) -> None:
        """Another extension's leg joined ``call`` after X answered it: X transferred it."""
        if any(s.answered for s in call.sessions + self._closing_of(call)):
            call.handed_to = _extension_of(channel)

    def _closing_of(self, call: _Call) -> list[_Session]:
        return [p.session for p in self._closing if p.session.call is call]

    def _end_session(self, session: _Session, out: list[Any]) -> None:
        session.call.sessions.remove(session)
        del self._sessions[session]
        self._idle_marked.pop(session, None)
        if not session.announced:  # X's outgoing call ended before the far leg came
            if session.party.startswith("*"):
                # A feature code (a pickup that found no call, parking...): no call to report.
                log.debug("extension %s dialled a feature code that joined no call",
                          self.extension)
                return
            self._announce(session, out)
        # Built once the message is read: a pickup elsewhere may follow in the same message.
        closing = _Pending("ended", session)
        self._closing.append(closing)
        out.append(closing)
        self._pending = True

    def _end_by_fallback(self, session: _Session, out: list[Any]) -> None:
        """Ends ``session`` as if the delete rows of its channels had come."""
        for leg in list(session.channels):
            self._forget(leg, out)

    def _forget(self, leg: _Leg, out: list[Any]) -> None:
        """``leg`` ended (or is given up): later rows of its channel are ignored."""
        del self._legs[leg.channel]
        self._loose.pop(leg.channel, None)
        self._remember(leg.channel)
        call = leg.call
        call.live -= 1
        session = leg.session
        if session is not None:
            leg.session = None
            session.channels.remove(leg)
            if not session.channels:
                self._end_session(session, out)
        if call.live <= 0:
            # Forgotten once the message is read: a leg of it may still come in this message.
            self._emptied.append(call)

    # -- memory -------------------------------------------------------------------------

    def _remember(self, channel: str) -> None:
        ended = self._ended
        if channel not in ended:
            if len(ended) >= MAX_REMEMBERED:
                ended.popitem(last=False)
            ended[channel] = self._now

    def _sweep_legs(self, now: float, out: list[Any]) -> None:
        """Forgets legs silent for hours: their delete rows never came."""
        stale = []
        for leg in self._loose.values():  # least recently seen first: stop at a fresh one
            if now - leg.seen <= LEG_TTL_S:
                break
            stale.append(leg)
        for session in self._sessions:  # few: at most MAX_OPEN_CALLS
            stale += [leg for leg in session.channels if now - leg.seen > LEG_TTL_S]
        if stale:
            log.debug("forgetting %d call legs whose delete rows never came", len(stale))
        for leg in stale:
            self._forget(leg, out)

    # -- Ringing ------------------------------------------------------------------------

    def _finish(self, out: list[Any]) -> list[CallEvent]:
        if self._emptied:
            for call in self._emptied:
                if call.live <= 0 and not call.sessions and self._calls.get(call.key) is call:
                    del self._calls[call.key]
            self._emptied.clear()
        if self._pending:
            self._pending = False
            self._closing.clear()
            return [e for e in map(self._build, out) if e is not None]
        return out

    def _build(self, item: Any) -> CallEvent | None:
        if item.__class__ is not _Pending:
            return item  # type: ignore[no-any-return]
        session = item.session
        kind = item.kind
        if kind == "ringing":
            return self._ringing(session)
        if kind == "dialing":
            return self._dialing(session)
        if kind == "ended":
            answered = session.answered
            return Ended(session.call.key, self.extension, answered,
                         session.elsewhere and not answered,
                         transferred_to=session.call.handed_to if answered else "",
                         rang_others=session.call.rang_others or session.call.queue)
        party = session.new_party
        session.new_party = None
        if party is None or party[0] == session.party:
            return None
        session.party = party[0]
        return Transferred(session.call.key, self.extension, *party)

    def _ringing(self, session: _Session) -> Ringing:
        """X's ringing, decided after the whole message (the trunk leg may come after X's)."""
        call = session.call
        session.ringing_pending = False
        row = session.ring_row or session.leg.row
        number = _text(row.get("connectednum"))  # inverted fields on the ringing leg
        name = _text(row.get("connectedname"))
        trunk_leg = call.trunk
        trunk = _text(row.get("inbound_trunk_name"))
        if trunk_leg is not None:
            trunk = _text(trunk_leg.row.get("inbound_trunk_name")) or trunk
        # Internal only when the calling leg is known to be an extension: when unsure, the
        # number is looked up (a missed CRM popup costs more than a needless lookup).
        inbound = trunk_leg is not None or trunk != "" or call.origin is None
        source = trunk_leg if trunk_leg is not None else call.origin
        transferred_by = session.transferred_by
        if source is not None:
            source_number = _text(source.row.get("callernum"))
            if (_no_number(number) or number == self.extension
                    or (transferred_by and number == transferred_by)):
                # X's leg names nobody, X itself, or the colleague who transferred the call.
                number = source_number
                name = _text(source.row.get("callername"))
            elif not name and source_number == number:
                name = _text(source.row.get("callername"))
        queue = ""
        if (call.queue or call.rang_others) and source is not None:
            # Best effort: the calling leg's connected number is the number it dialled.
            dialled = _text(source.row.get("connectednum"))
            if _ONLY_DIGITS.fullmatch(dialled) and dialled not in (self.extension, number):
                queue = dialled
        session.party = number
        return Ringing(call.key, self.extension, "inbound" if inbound else "internal",
                       number, name, trunk, queue, transferred_by=transferred_by)

    def _dialing(self, session: _Session) -> Dialing:
        """X's outgoing call: the number X's leg says it called, else the far leg's."""
        row = session.leg.row
        far = session.far
        number = _text(row.get("connectednum"))
        name = _text(row.get("connectedname"))
        if far is not None and (_no_number(number) or number == self.extension):
            number = _text(far.row.get("callernum" if far.kind == _EXTENSION
                                       else "connectednum"))
            name = ""
        if far is not None and far.kind == _EXTENSION and not name:
            name = _text(far.row.get("callername"))
        trunk = _text(row.get("outbound_trunk_name"))
        if far is not None and far.kind == _TRUNK:
            trunk = (_text(far.row.get("outbound_trunk_name"))
                     or _text(far.row.get("inbound_trunk_name")) or trunk)
        internal = far.kind == _EXTENSION if far is not None else (
            not trunk and is_extension_number(number))
        session.party = number
        return Dialing(session.call.key, self.extension, "internal" if internal else "outbound",
                       number, name, trunk)


def _no_number(number: str) -> bool:
    """No party: empty, the trunk's "s", or a feature code (*8 picks up, *… parks)."""
    return number.strip().lower() in _NO_NUMBER or number.startswith("*")


def is_extension_number(number: str) -> bool:
    """Looks like an extension (short, digits only) rather than an outside number."""
    return number.isdigit() and len(number) <= 6 and number.isascii()


def _extension_of(channel: str) -> str:
    """``PJSIP/1003-0000001a`` -> ``1003``."""
    return channel.partition("/")[2].rpartition("-")[0]

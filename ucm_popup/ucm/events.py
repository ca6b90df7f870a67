"""Call events of one extension: what the call tracker emits and everything downstream reads.

These are the only shapes that cross from the UCM side to ``watch``, the tray and the popup.
``to_json`` gives exactly the ``watch`` lines that docs/json-output.md describes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal


def now() -> datetime:
    """The current time, local, with its UTC offset (ISO 8601, as ``watch`` prints it)."""
    return datetime.now(UTC).astimezone()


@dataclass(frozen=True, slots=True)
class Connected:
    extension: str
    time: datetime = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class Disconnected:
    reason: str
    time: datetime = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class Ringing:
    call_id: str
    extension: str
    direction: Literal["inbound", "internal"]
    number: str
    name: str
    trunk: str
    queue: str = ""  # the queue or ring group the call came through, where known
    # The extension that transferred the call here (blind transfer).  Keyword-only, like
    # every field added after the first round, so that positional ``time`` keeps its place.
    transferred_by: str = field(default="", kw_only=True)
    time: datetime = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class Dialing:
    """The extension calls out, from its phone or by click-to-dial (where the UCM rings the
    agent's own phone first: that ringing is part of this call, never a ``Ringing``)."""

    call_id: str
    extension: str
    direction: Literal["outbound", "internal"]
    number: str  # the called party
    name: str
    trunk: str
    time: datetime = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class Transferred:
    """The party the extension talks to (or rings for) changed through another extension's
    transfer: ``number``/``name``/``trunk`` are the new party, never the colleague."""

    call_id: str
    extension: str
    number: str
    name: str
    trunk: str
    transferred_by: str
    time: datetime = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class Answered:
    call_id: str
    extension: str
    time: datetime = field(default_factory=now)


@dataclass(frozen=True, slots=True)
class Ended:
    call_id: str
    extension: str
    answered: bool
    answered_elsewhere: bool
    # the extension X handed the answered call to, where seen (keyword-only, as above)
    transferred_to: str = field(default="", kw_only=True)
    # Other extensions rang in the same call (a ring group or queue).  Not in the watch line:
    # it tells a desk that an unanswered call is not its alone to write to the CRM.
    rang_others: bool = field(default=False, kw_only=True, metadata={"watch": False})
    time: datetime = field(default_factory=now)


CallEvent = Connected | Disconnected | Ringing | Dialing | Transferred | Answered | Ended

_EVENT_NAMES: dict[type, str] = {
    Connected: "connected",
    Disconnected: "disconnected",
    Ringing: "ringing",
    Dialing: "dialing",
    Transferred: "transferred",
    Answered: "answered",
    Ended: "ended",
}


def to_json(event: CallEvent) -> dict[str, Any]:
    """The ``watch`` line for ``event``: ``event`` first, ``time`` last, as documented."""
    out: dict[str, Any] = {"event": _EVENT_NAMES[type(event)]}
    for name, spec in event.__dataclass_fields__.items():
        if name != "time" and spec.metadata.get("watch", True):
            out[name] = getattr(event, name)
    out["time"] = event.time.isoformat(timespec="milliseconds")
    return out

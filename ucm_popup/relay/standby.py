"""Two or more relays for one site, one of them active: the election, and what a standby keeps
so that its takeover loses no call (docs/standby-relay.md).

Every relay with a ``[relay] node`` keeps its own retained ``{prefix}/relay/{node}/status``
(its last will says ``offline``) and reads every relay's, and ``{prefix}/relay/status``, which
names the active node.  ``Election`` is the rule, without any I/O:

- After (re)connecting, a relay waits ``SETTLE_S`` for the retained statuses, then claims the
  lead only if no *live* relay leads: ``relay/status`` names no node, or names one whose own
  status is ``offline`` (its last will), or names this very node (its own previous life).
  A relay that comes back while another leads therefore joins as standby.
- A standby claims as soon as the leader is gone: ``relay/status`` says ``offline`` (a clean
  stop or the leader's last will) or the leader's own status does.
- The tie rule: a leader that sees another node claim the lead (two standbys claimed at once,
  a network split has healed) keeps it if its node name sorts first, and says so again;
  otherwise it steps down at once.  Every relay sees the same claims, so they agree; the
  overlap lasts one round trip through the broker, and desks drop what they had already.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from ucm_popup.relay.broker import ONLINE, UCM_DOWN

ACTIVE, STANDBY = "active", "standby"
SETTLE_S = 1.0  # retained messages come right after SUBACK; this is ample on any network
CLAIM, REASSERT, STEP_DOWN, ANNOUNCE = "claim", "reassert", "step-down", "announce"
RECENT_S = 120.0  # a standby remembers ends and the leader's messages this long
SILENCE_MARGIN_S = 2.0  # the leader's last message may have come this much after a frame
MAX_OPEN = 20_000


class Election:
    """One relay's view of who leads; each input returns what the relay must do ("" = nothing)."""

    def __init__(self, node: str) -> None:
        self.node = node
        self.role = STANDBY
        self.settled = False
        self.named = ""  # the node relay/status names while it is not offline
        self.alive: dict[str, bool] = {}  # node -> its own status says online

    def reset(self) -> None:
        """A new broker connection: nothing is known until the retained messages are in."""
        self.role, self.settled, self.named = STANDBY, False, ""
        self.alive.clear()

    def settle(self) -> str:
        self.settled = True
        leader = self.named
        if leader and leader != self.node and self.alive.get(leader, False):
            return ""
        return CLAIM

    def on_status(self, data: dict[str, Any]) -> str:
        """``relay/status`` (retained)."""
        node = data.get("node")
        if data.get("state") in (ONLINE, UCM_DOWN) and type(node) is str and node:
            self.named = node
            if node == self.node or self.role != ACTIVE:
                return ""
            return STEP_DOWN if node < self.node else REASSERT
        self.named = ""
        if self.role == ACTIVE:
            return REASSERT  # an old will of this relay's, or a rival's clean stop
        return CLAIM if self.settled else ""

    def on_node_status(self, node: str, data: dict[str, Any]) -> str:
        """``relay/{node}/status`` (retained, last will offline)."""
        alive = data.get("state") == ONLINE
        self.alive[node] = alive
        if node == self.node:
            return "" if alive else ANNOUNCE  # the will of this relay's previous connection
        if (not alive and node == self.named and self.role == STANDBY and self.settled):
            return CLAIM
        return ""


class Journal:
    """What a relay's own trackers said of each call, and which of it the leader published.

    At takeover the new leader publishes every call in progress as it is now, and each call
    that ended without the leader publishing its end: one the desks know (the leader published
    its ringing), or one that rang and ended while the leader was silent (a missed call the
    desk would otherwise never hear of).  Desks drop what they already had (same call id and
    event)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self.open: OrderedDict[tuple[str, str], list[dict[str, Any]]] = OrderedDict()
        self._ends: OrderedDict[tuple[str, str], tuple[float, list[dict[str, Any]]]] = \
            OrderedDict()
        self._echoed: OrderedDict[tuple[str, str, str], float] = OrderedDict()
        self._last_echo = 0.0  # when the leader last published a call event

    def add(self, message: dict[str, Any]) -> None:
        """A call event message this relay made (published or not)."""
        key = (str(message.get("extension")), str(message.get("call_id")))
        name = message.get("event")
        if name in ("ringing", "dialing"):
            self.open.setdefault(key, []).append(message)
            self.open.move_to_end(key)
            if len(self.open) > MAX_OPEN:
                self.open.popitem(last=False)
        elif name == "ended":
            self._ends[key] = (self._clock(), [*self.open.pop(key, []), message])
            self._ends.move_to_end(key)
        elif key in self.open:
            self.open[key].append(message)
        self._forget(self._ends)

    def echo(self, message: dict[str, Any]) -> None:
        """A call event message another relay published."""
        key = (str(message.get("extension")), str(message.get("call_id")),
               str(message.get("event")))
        self._echoed[key] = self._last_echo = self._clock()
        self._echoed.move_to_end(key)
        self._forget(self._echoed)

    def takeover(self) -> list[dict[str, Any]]:
        """The messages a new leader publishes, each marked ``"replay": true``."""
        out = [message for messages in self.open.values() for message in messages]
        silent_since = self._last_echo - SILENCE_MARGIN_S
        for (extension, call_id), (at, messages) in self._ends.items():
            if (extension, call_id, "ended") in self._echoed:
                continue
            known = any((extension, call_id, name) in self._echoed
                        for name in ("ringing", "dialing"))
            if known or at >= silent_since:
                out += messages
        self._ends.clear()
        return [{**message, "replay": True} for message in out]

    def _forget(self, table: OrderedDict[Any, Any]) -> None:
        oldest = self._clock() - RECENT_S
        while table:
            first = next(iter(table.values()))
            at = first[0] if isinstance(first, tuple) else first
            if at >= oldest and len(table) <= 4 * MAX_OPEN:
                break
            table.popitem(last=False)

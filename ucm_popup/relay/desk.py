"""A desk fed by the site relay: the same call events as ``UcmEventStream``, from the broker.

``RelayEventSource.events()`` subscribes to the relay's status and to this extension's events
and yields what a direct stream would: ``Connected`` while the broker link is up and the relay
has the UCM, and after that one ``Disconnected`` when either goes (the broker lost, the relay
offline, the relay lost the UCM) followed by an ``Ended`` for every call this desk saw ring
and not end.
A call ended that way is never popped up again when the relay's late rows for it come in, and
nothing is queued across a break, so a desk that comes back never rings for a call that
already ended.

When two relays serve the site (docs/standby-relay.md), the leader's going is not a break
while another relay is there to take over: the desk keeps its calls for up to
``SWITCH_WAIT_S``, the new leader publishes the calls in progress again, and the desk drops
an event it already had (same call id and event, replayed or from another relay).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import OrderedDict
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiomqtt

from ucm_popup.backoff import Backoff
from ucm_popup.crm.model import Match, text
from ucm_popup.relay.broker import (
    OFFLINE,
    ONLINE,
    UCM_DOWN,
    Topics,
    broker_error,
    broker_urls,
    dumps,
    make_client,
    payload_json,
)
from ucm_popup.settings import MqttSettings
from ucm_popup.text import one_line
from ucm_popup.ucm.events import (
    Answered,
    CallEvent,
    Connected,
    Dialing,
    Disconnected,
    Ended,
    Ringing,
    Transferred,
    now,
)

log = logging.getLogger(__name__)

REMEMBER_CLOSED = 1000  # calls ended by a break, remembered so they never ring again
MAX_OPEN = 100
LOOKUP_WAIT_S = 8.0  # the relay's lookup has its own 5 s deadline; then it says it failed
MAX_MATCHES = 20
MATCH_FIELDS = tuple(Match.__dataclass_fields__)
TEXT_CHARS = 2000  # a name or number from the broker is cut to this before it goes further
SWITCH_WAIT_S = 10.0  # a standby takes over within a second or two of the leader's will
CONFIRM_S = 3.0  # a new leader republishes the calls in progress at once; others have ended
REMEMBER_SEEN = 5000  # (call id, event) pairs kept to drop what a new leader publishes again


@dataclass(frozen=True)
class RelayState:
    """Where the relay stands, as a desk sees it: ``online``, ``ucm-down``, ``offline``, or
    ``broker-down`` when this desk cannot reach the broker."""

    state: str
    detail: str
    crm_lookup: bool = False  # the relay looks callers up and publishes what it found
    node: str = ""  # the relay that leads, when the site has two (``[relay] node``)


BROKER_DOWN = "broker-down"
OFFLINE_PRESENCE = b'{"state":"offline"}'
PRESENCE_STOP_S = 2.0


@contextlib.asynccontextmanager
async def _says_offline(client: aiomqtt.Client, topic: str) -> AsyncIterator[None]:
    """A clean stop (the tray quits, ``watch`` gets SIGTERM) says ``offline`` itself: the
    DISCONNECT that follows suppresses the last will."""
    try:
        yield
    finally:
        with contextlib.suppress(aiomqtt.MqttError, TimeoutError, asyncio.CancelledError):
            async with asyncio.timeout(PRESENCE_STOP_S):
                await client.publish(topic, OFFLINE_PRESENCE, qos=1, retain=True)


class RelayEventSource:
    def __init__(
        self,
        mqtt: MqttSettings,
        extension: str,
        password: str,
        *,
        retry_initial: bool = False,
        on_state: Callable[[RelayState], None] | None = None,
        backoff_initial_s: float = 1.0,
        backoff_max_s: float = 30.0,
        keepalive: int = 20,
    ) -> None:
        self.mqtt = mqtt
        self.extension = extension
        self.topics = Topics(mqtt.topic_prefix)
        self._password = password
        self.retry_initial = retry_initial
        self._on_state = on_state or (lambda state: None)
        self._backoff = Backoff(backoff_initial_s, backoff_max_s)
        self._keepalive = keepalive
        self._open: dict[str, bool] = {}  # call_id -> answered, of the calls that rang here
        self._closed: OrderedDict[str, None] = OrderedDict()
        self.relay = RelayState(OFFLINE, "")
        self._lookups: OrderedDict[str, dict[str, Any]] = OrderedDict()  # call_id -> message
        self._waiting: dict[str, asyncio.Future[dict[str, Any]]] = {}
        self._leader = ""  # the node relay/status names
        self._nodes: dict[str, bool] = {}  # node -> its own status says online
        self._switch_until: float | None = None  # the leader went; a standby is there
        self._led_by = ""  # the last leader that said online (stays through a switch)
        self._confirm_until: float | None = None  # a new leader: calls it names stay open
        self._confirmed: set[str] = set()
        self._seen: OrderedDict[tuple[str, str], str] = OrderedDict()  # -> node that sent it

    async def lookup_result(self, call_id: str, timeout: float = LOOKUP_WAIT_S
                            ) -> dict[str, Any] | None:
        """The relay's ``lookup`` message for this call, or None when none came in time."""
        if call_id in self._lookups:
            return self._lookups[call_id]
        waiter = self._waiting.setdefault(call_id,
                                          asyncio.get_running_loop().create_future())
        try:
            async with asyncio.timeout(timeout):
                return await asyncio.shield(waiter)
        except TimeoutError:
            return None
        finally:
            if self._waiting.get(call_id) is waiter and not waiter.done():
                del self._waiting[call_id]

    async def events(self) -> AsyncGenerator[CallEvent, None]:
        first = True
        up = False  # a Connected was said and no Disconnected since
        # As a direct stream: "disconnected" only after a "connected" (on_state reports the
        # relay's state from the start, for the tray).
        said_down = True
        urls = broker_urls(self.mqtt)
        turn = 0  # the broker tried is urls[turn % len(urls)]: the next one after a failure
        while True:
            url = urls[turn % len(urls)]
            presence = self.topics.presence(self.extension)
            client = make_client(self.mqtt, self._password, keepalive=self._keepalive, url=url,
                                 will=aiomqtt.Will(presence, OFFLINE_PRESENCE, qos=1,
                                                   retain=True))
            reason = "connection to the broker lost"
            following: asyncio.Task[aiomqtt.Message] | None = None
            try:
                async with client, _says_offline(client, presence):
                    first = False
                    self._backoff.reset()
                    self._nodes.clear()
                    await client.subscribe(self.topics.status, qos=1)
                    await client.subscribe(self.topics.every_node_status, qos=1)
                    await client.subscribe(self.topics.events(self.extension), qos=1)
                    # The site view's "desk online": retained, so a view opened later knows.
                    await client.publish(presence, dumps(
                        {"state": "online", "since": now().isoformat(timespec="seconds")}),
                        qos=1, retain=True)
                    messages = aiter(client.messages)
                    while True:
                        # Not cancelled on a time-out: a message it got is never lost.
                        following = following or asyncio.ensure_future(anext(messages))
                        deadlines = [t for t in (self._switch_until, self._confirm_until)
                                     if t is not None]
                        wait = (max(0.0, min(deadlines) - time.monotonic()) if deadlines
                                else None)
                        done, _ = await asyncio.wait([following], timeout=wait)
                        if done:
                            message, following = following.result(), None
                            events = self._read(str(message.topic), message.payload)
                        else:
                            events = self._deadline_passed(time.monotonic())
                        for event in events:
                            if isinstance(event, Connected):
                                if up:
                                    continue
                                up, said_down = True, False
                            elif isinstance(event, Disconnected):
                                if said_down:
                                    continue
                                up, said_down = False, True
                            yield event
            except aiomqtt.MqttError as exc:
                turn += 1
                if first and not self.retry_initial and turn >= len(urls):
                    raise broker_error(exc, self.mqtt, url) from None
                first = first and turn < len(urls)
                reason = f"broker: {broker_error(exc, self.mqtt, url)}"
            finally:
                if following is not None:
                    following.cancel()
            self._switch_until = self._confirm_until = None
            self._set_relay(RelayState(BROKER_DOWN, reason))
            if not said_down:
                up, said_down = False, True
                yield Disconnected(reason)
            for ended in self._end_open_calls():
                yield ended
            if turn % len(urls):
                log.info("broker link down: %s; trying the next broker", reason)
                continue  # a further broker first; the pause after each round
            wait = self._backoff.next()
            log.info("broker link down: %s; next try in about %.0f s", reason, wait)
            await asyncio.sleep(wait)

    # -- messages ---------------------------------------------------------------------------

    def _read(self, topic: str, payload: Any) -> list[CallEvent]:
        data = payload_json(payload)
        if data is None:
            log.debug("skipped a message on %s that is not a JSON object", one_line(topic, 100))
            return []
        if topic == self.topics.status:
            return self._status(data)
        node = self.topics.status_node(topic)
        if node:
            self._nodes[node] = data.get("state") == ONLINE
            if node == self._leader and not self._nodes[node]:
                return self._leader_gone(node, "the relay stopped answering")
            return []
        event = _event(data, self.extension)
        if event is not None and self._confirm_until is not None:
            self._confirmed.add(_text(data, "call_id"))
        if event is not None and self._repeated(_text(data, "call_id"), data):
            return []
        if event is None:
            call_id = data.get("call_id")
            if data.get("event") == "lookup" and type(call_id) is str and call_id in self._open:
                self._lookups[call_id] = data
                if len(self._lookups) > MAX_OPEN:
                    self._lookups.popitem(last=False)
                waiter = self._waiting.pop(call_id, None)
                if waiter is not None and not waiter.done():
                    waiter.set_result(data)
            return []
        return self._follow(event)

    def _status(self, data: dict[str, Any]) -> list[CallEvent]:
        state = data.get("state")
        detail = one_line(data["detail"], 300) if type(data.get("detail")) is str else ""
        node = data.get("node")
        self._leader = node if type(node) is str and state in (ONLINE, UCM_DOWN) else ""
        if state in (ONLINE, UCM_DOWN):
            self._switch_until = None
        if self._leader and self._leader != self._led_by:
            if self._led_by and self._open and self._confirm_until is None:
                # A new leader: it names at once the calls in progress it knows.
                self._confirm_until = time.monotonic() + CONFIRM_S
                self._confirmed = set()
            self._led_by = self._leader
        if state == ONLINE:
            self._set_relay(RelayState(ONLINE, "", data.get("crm_lookup") is True,
                                       self._leader[:64]))
            return [Connected(self.extension)]
        if state != UCM_DOWN and self._standby_there(node):
            return self._leader_gone(node, detail)
        if state == UCM_DOWN:
            reason = f"the relay lost the UCM: {detail}" if detail else "the relay lost the UCM"
            self._set_relay(RelayState(UCM_DOWN, detail))
        else:
            reason = "the relay is offline" + (f": {detail}" if detail else "")
            self._set_relay(RelayState(OFFLINE, detail))
        return [Disconnected(reason), *self._end_open_calls()]

    def _follow(self, event: CallEvent) -> list[CallEvent]:
        """The desk's own guard: one ringing and one ended per call it saw ring, never a call
        it already ended for a break, whatever order the messages come in."""
        call_id = getattr(event, "call_id", "")
        if isinstance(event, Ringing | Dialing):
            if call_id in self._open or call_id in self._closed or len(self._open) >= MAX_OPEN:
                return []
            self._open[call_id] = False
            return [event]
        if call_id not in self._open:
            return []
        if isinstance(event, Answered):
            if self._open[call_id]:
                return []
            self._open[call_id] = True
        elif isinstance(event, Ended):
            del self._open[call_id]
        return [event]

    # -- two relays: the switch ---------------------------------------------------------------

    def _standby_there(self, gone: object) -> bool:
        return any(alive and node != gone for node, alive in self._nodes.items())

    def _leader_gone(self, gone: object, detail: str) -> list[CallEvent]:
        """The leading relay went: while another is there, wait for it to take over."""
        self._leader = ""
        if self._standby_there(gone):
            if self._switch_until is None:
                log.info("relay %s went; waiting for a standby to take over", gone or "?")
                self._switch_until = time.monotonic() + SWITCH_WAIT_S
            return []
        self._set_relay(RelayState(OFFLINE, detail))
        return [Disconnected("the relay is offline" + (f": {detail}" if detail else "")),
                *self._end_open_calls()]

    def _deadline_passed(self, at: float) -> list[CallEvent]:
        if self._switch_until is not None and at >= self._switch_until:
            return self._no_takeover()
        if self._confirm_until is None or at < self._confirm_until:
            return []
        # The new leader republished every call in progress it knows: one it did not name
        # began before it reached the UCM, and its end will never come from it.
        self._confirm_until = None
        gone = [call_id for call_id in self._open if call_id not in self._confirmed]
        out: list[CallEvent] = [Ended(call_id, self.extension, self._open.pop(call_id), False)
                                for call_id in gone]
        for call_id in gone:
            self._closed[call_id] = None
            if len(self._closed) > REMEMBER_CLOSED:
                self._closed.popitem(last=False)
        if gone:
            log.info("relay %s did not know %d call(s) in progress: ended", self._led_by,
                     len(gone))
        return out

    def _no_takeover(self) -> list[CallEvent]:
        self._switch_until = None
        detail = f"no relay took over within {SWITCH_WAIT_S:g} s"
        self._set_relay(RelayState(OFFLINE, detail))
        return [Disconnected(f"the relay is offline: {detail}"), *self._end_open_calls()]

    def _repeated(self, call_id: str, data: dict[str, Any]) -> bool:
        """An event this desk already had, published again by a new leader (a replay) or by
        a second relay that led for a moment: same call id and event."""
        node = data.get("node")
        node = node if type(node) is str else ""
        key = (call_id, str(data.get("event")))
        before = self._seen.get(key)
        if before is not None and (data.get("replay") is True or before != node):
            return True
        self._seen[key] = node
        self._seen.move_to_end(key)
        if len(self._seen) > REMEMBER_SEEN:
            self._seen.popitem(last=False)
        return False

    def _end_open_calls(self) -> list[Ended]:
        out = [Ended(call_id, self.extension, answered, False)
               for call_id, answered in self._open.items()]
        for call_id in self._open:
            self._closed[call_id] = None
            if len(self._closed) > REMEMBER_CLOSED:
                self._closed.popitem(last=False)
        self._open.clear()
        return out

    def _set_relay(self, state: RelayState) -> None:
        if state != self.relay:
            self.relay = state
            self._on_state(state)


def relay_matches(message: dict[str, Any]) -> tuple[tuple[Match, ...], str]:
    """The records of a relay's ``lookup`` message (each field plain text, cut as the CRM's
    own are), and its one-line error, if the relay's lookup failed."""
    matches = message.get("matches")
    found = []
    for item in matches[:MAX_MATCHES] if type(matches) is list else ():
        if type(item) is dict:
            found.append(Match(**{name: text(item.get(name)) for name in MATCH_FIELDS}))
    error = message.get("error")
    return tuple(found), one_line(error, 300) if type(error) is str else ""


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value[:TEXT_CHARS] if type(value) is str else ""


def _time(data: dict[str, Any]) -> datetime:
    value = data.get("time")
    if type(value) is str and len(value) < 64:
        try:
            parsed = datetime.fromisoformat(value)
            if parsed.tzinfo is not None:
                return parsed
        except ValueError:
            pass
    return now()


def _event(data: dict[str, Any], extension: str) -> CallEvent | None:
    """A call event from one relay message for this extension, or None."""
    name = data.get("event")
    call_id = _text(data, "call_id")
    if not call_id or data.get("extension") != extension:
        return None
    at = _time(data)
    if name == "ringing":
        return Ringing(call_id, extension,
                       "internal" if data.get("direction") == "internal" else "inbound",
                       _text(data, "number"), _text(data, "name"),
                       _text(data, "trunk"), _text(data, "queue"),
                       transferred_by=_text(data, "transferred_by"), time=at)
    if name == "dialing":
        return Dialing(call_id, extension,
                       "internal" if data.get("direction") == "internal" else "outbound",
                       _text(data, "number"), _text(data, "name"),
                       _text(data, "trunk"), time=at)
    if name == "transferred":
        return Transferred(call_id, extension, _text(data, "number"), _text(data, "name"),
                           _text(data, "trunk"), _text(data, "transferred_by"), time=at)
    if name == "answered":
        return Answered(call_id, extension, time=at)
    if name == "ended":
        return Ended(call_id, extension, data.get("answered") is True,
                     data.get("answered_elsewhere") is True,
                     transferred_to=_text(data, "transferred_to"), time=at)
    return None


async def read_relay_status(mqtt: MqttSettings, extension: str, password: str,
                            wait_s: float = 3.0) -> dict[str, Any] | None:
    """Log in to the broker as this desk, subscribe as ``events()`` would, and return the
    relay's retained status (None when no relay published one within ``wait_s``). Raises
    the typed error of a refused or failed broker connection."""
    topics = Topics(mqtt.topic_prefix)
    try:
        async with make_client(mqtt, password) as client:
            await client.subscribe(topics.status, qos=1)
            await client.subscribe(topics.events(extension), qos=1)
            try:
                async with asyncio.timeout(wait_s):
                    async for message in client.messages:
                        if str(message.topic) == topics.status:
                            return payload_json(message.payload)
            except TimeoutError:
                return None
    except aiomqtt.MqttError as exc:
        raise broker_error(exc, mqtt) from None
    return None

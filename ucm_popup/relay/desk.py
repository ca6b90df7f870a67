"""A desk fed by the site relay: the same call events as ``UcmEventStream``, from the broker.

``RelayEventSource.events()`` subscribes to the relay's status and to this extension's events
and yields what a direct stream would: ``Connected`` while the broker link is up and the relay
has the UCM, and after that one ``Disconnected`` when either goes (the broker lost, the relay
offline, the relay lost the UCM) followed by an ``Ended`` for every call this desk saw ring
and not end.
A call ended that way is never popped up again when the relay's late rows for it come in, and
nothing is queued across a break, so a desk that comes back never rings for a call that
already ended.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
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


@dataclass(frozen=True)
class RelayState:
    """Where the relay stands, as a desk sees it: ``online``, ``ucm-down``, ``offline``, or
    ``broker-down`` when this desk cannot reach the broker."""

    state: str
    detail: str
    crm_lookup: bool = False  # the relay looks callers up and publishes what it found


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
        while True:
            presence = self.topics.presence(self.extension)
            client = make_client(self.mqtt, self._password, keepalive=self._keepalive,
                                 will=aiomqtt.Will(presence, OFFLINE_PRESENCE, qos=1,
                                                   retain=True))
            reason = "connection to the broker lost"
            try:
                async with client, _says_offline(client, presence):
                    first = False
                    self._backoff.reset()
                    await client.subscribe(self.topics.status, qos=1)
                    await client.subscribe(self.topics.events(self.extension), qos=1)
                    # The site view's "desk online": retained, so a view opened later knows.
                    await client.publish(presence, dumps(
                        {"state": "online", "since": now().isoformat(timespec="seconds")}),
                        qos=1, retain=True)
                    async for message in client.messages:
                        for event in self._read(str(message.topic), message.payload):
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
                if first and not self.retry_initial:
                    raise broker_error(exc, self.mqtt) from None
                first = False
                reason = f"broker: {broker_error(exc, self.mqtt)}"
            self._set_relay(RelayState(BROKER_DOWN, reason))
            if not said_down:
                up, said_down = False, True
                yield Disconnected(reason)
            for ended in self._end_open_calls():
                yield ended
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
        event = _event(data, self.extension)
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
        if state == ONLINE:
            self._set_relay(RelayState(ONLINE, "", data.get("crm_lookup") is True))
            return [Connected(self.extension)]
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

"""``ucm-popup relay``'s engine: one UCM session, every extension's events to the broker.

Two loops share one state: the UCM stream (through ``SiteRouter``) gives the call events of
every followed extension, each published to ``{prefix}/ext/{extension}/events``; the broker
link keeps ``{prefix}/relay/status`` retained (its last will says ``offline`` should the relay
die) and takes the desks' dial requests. Either link comes back by itself after a break; the
first connection's refusals (a wrong password, an untrusted certificate) are raised, so that
the command ends with the line and exit code that say what to fix.

With ``[relay] node`` set, two or more relays serve the site and one of them leads
(``standby.py``): every relay follows the UCM and feeds its CRM writer, only the leader
publishes desk events, looks callers up, dials and writes to the CRM.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import aiomqtt

from ucm_popup.backoff import Backoff
from ucm_popup.errors import UcmPopupError
from ucm_popup.relay.broker import (
    KEEPALIVE_S,
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
from ucm_popup.relay.router import SiteRouter
from ucm_popup.relay.standby import (
    ACTIVE,
    ANNOUNCE,
    CLAIM,
    REASSERT,
    SETTLE_S,
    STANDBY,
    STEP_DOWN,
    Election,
    Journal,
)
from ucm_popup.text import one_line
from ucm_popup.ucm.events import (
    CallEvent,
    Connected,
    Disconnected,
    Ended,
    Ringing,
    now,
    to_json,
)

if TYPE_CHECKING:
    from ucm_popup.crm.service import LookupService
    from ucm_popup.relay.site_crm import SiteCrm
    from ucm_popup.relay.view.state import SiteView
    from ucm_popup.settings import Settings

log = logging.getLogger(__name__)

Dial = Callable[[str, str], Awaitable[str]]  # (extension, number) -> what was sent to the UCM
DIAL_EVERY_S = 2.0  # one dial request per extension this often; the rest are refused
DIAL_TIMEOUT_S = 15.0
STOP_TIMEOUT_S = 3.0
MAX_REQUEST_ID = 100
MAX_NUMBER = 64
SWITCHING = "relay switching, try again"
NODE_KEEPALIVE_S = 5  # a leader cut off is replaced within 1.5 x this (plus the broker's check)
HANDOVER_S = 60.0  # a new leader settles (reads, then writes) what was queued this recently
NOT_SET_UP = ("click-to-dial is not set up on the relay: set [ucm] api_username and its "
              "password")


class SiteRelay:
    def __init__(
        self,
        settings: Settings,
        ucm_password: str,
        mqtt_password: str,
        *,
        lookup: LookupService | None = None,
        dial: Dial | None = None,
        stream_options: dict[str, Any] | None = None,
        keepalive: int | None = None,
        dial_every_s: float = DIAL_EVERY_S,
        backoff_initial_s: float = 1.0,
        backoff_max_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        crm: SiteCrm | None = None,
        view: SiteView | None = None,
    ) -> None:
        self.settings = settings
        self.crm = crm  # the site's phone index and call writing, fed with events and lookups
        self.view = view  # the supervisors' site view, fed the same (and the desks' presence)
        self.topics = Topics(settings.mqtt.topic_prefix)
        self._ucm_password = ucm_password
        self._mqtt_password = mqtt_password
        self._lookup = lookup
        self._dial = dial
        self._stream_options = stream_options or {}
        # Two relays: the keep-alive decides how soon a leader cut off the network is replaced.
        self._keepalive = keepalive or (NODE_KEEPALIVE_S if settings.relay.node else KEEPALIVE_S)
        self._dial_every_s = dial_every_s
        self._backoff = (backoff_initial_s, backoff_max_s)
        self._clock = clock
        self._only = frozenset(settings.relay.extensions)
        self.state, self.detail = UCM_DOWN, "connecting to the UCM"
        self._client: aiomqtt.Client | None = None
        self._broker_up = asyncio.Event()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._last_dial: dict[str, float] = {}
        self.router: SiteRouter | None = None
        self.published = 0  # call event messages handed to the broker
        self.unpublished = 0  # call event messages dropped while the broker was away
        # -- two relays (standby.py): None for the only relay of a site
        self.node = settings.relay.node
        self.election = Election(self.node) if self.node else None
        self.journal = Journal(clock)
        self._unanswered: dict[tuple[str, str], float] = {}  # dial requests seen as standby
        self._lead_tasks: set[asyncio.Task[Any]] = set()  # the leader's CRM work and lease
        self._ringing: dict[tuple[str, str], Ringing] = {}  # inbound calls ringing here now
        self._url = settings.mqtt.url  # the broker the relay is on (the lease goes there too)

    @property
    def leads(self) -> bool:
        """Whether this relay publishes, dials and writes (the only relay always does)."""
        return self.election is None or self.election.role == ACTIVE

    # -- life cycle -------------------------------------------------------------------------

    async def run(self) -> None:
        """Until cancelled. The broker first, then the UCM: a refusal of either on the first
        try is raised; later breaks are waited out."""
        loop = asyncio.get_running_loop()
        broker = loop.create_task(self._broker_loop(), name="broker")
        up = loop.create_task(self._broker_up.wait())
        ucm: asyncio.Task[None] | None = None
        if self.crm is not None and self.election is None:
            self._spawn(self.crm.run(), "site-crm")
        try:
            await asyncio.wait([broker, up], return_when=asyncio.FIRST_COMPLETED)
            if broker.done():
                broker.result()  # raises the broker's refusal
            ucm = loop.create_task(self._follow_ucm(), name="ucm")
            done, _ = await asyncio.wait([broker, ucm], return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()
        finally:
            up.cancel()
            if ucm is not None:
                ucm.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await asyncio.wait_for(ucm, STOP_TIMEOUT_S)
            await self._stop(broker)

    async def _stop(self, broker: asyncio.Task[None]) -> None:
        """A clean stop says ``offline`` itself (a DISCONNECT suppresses the last will)."""
        self.state, self.detail = OFFLINE, "the relay was stopped"
        client = self._client
        if client is not None:
            with contextlib.suppress(aiomqtt.MqttError, TimeoutError):
                async with asyncio.timeout(STOP_TIMEOUT_S):
                    if self.leads:  # a standby's stop leaves the leader's status alone
                        await client.publish(self.topics.status, self._status(), qos=1,
                                             retain=True)
                    if self.node:
                        await client.publish(self.topics.node_status(self.node),
                                             self._node_status(OFFLINE), qos=1, retain=True)
        for task in list(self._lead_tasks):
            task.cancel()  # the lease closes cleanly: its will must not follow the stop
        if self._lead_tasks:
            await asyncio.wait(self._lead_tasks, timeout=STOP_TIMEOUT_S)
        broker.cancel()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(broker, STOP_TIMEOUT_S)
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=STOP_TIMEOUT_S)

    # -- the broker side --------------------------------------------------------------------

    def _status(self, state: str | None = None) -> bytes:
        # crm_lookup: desks wait for this relay's lookup messages instead of asking the CRM.
        status = {"state": state or self.state, "detail": self.detail,
                  "time": now().isoformat(timespec="milliseconds"),
                  "crm_lookup": self._lookup is not None}
        if self.node:
            status["node"] = self.node
        return dumps(status)

    def _node_status(self, state: str = ONLINE) -> bytes:
        status: dict[str, Any] = {"state": state}
        if state == ONLINE and self.election is not None:
            status.update(role=self.election.role, ucm=self.state, detail=self.detail)
        return dumps(status)

    def _will(self) -> aiomqtt.Will:
        if self.node:  # the lead's own will goes on its lease connection (_lease)
            return aiomqtt.Will(self.topics.node_status(self.node),
                                dumps({"state": OFFLINE}), qos=1, retain=True)
        return aiomqtt.Will(self.topics.status, dumps(
            {"state": OFFLINE, "detail": "the relay stopped answering",
             "time": now().isoformat(timespec="milliseconds")}), qos=1, retain=True)

    async def _broker_loop(self) -> None:
        mqtt = self.settings.mqtt
        backoff = Backoff(*self._backoff)
        first = True
        urls = broker_urls(mqtt)
        turn = 0  # [mqtt] url, then each fallback_urls in turn after a failure
        while True:
            self._url = urls[turn % len(urls)]
            client = make_client(mqtt, self._mqtt_password, will=self._will(),
                                 keepalive=self._keepalive, url=self._url)
            try:
                async with client:
                    self._client = client
                    first = False
                    backoff.reset()
                    log.info("connected to the broker")
                    if self.election is None:
                        await client.publish(self.topics.status, self._status(), qos=1,
                                             retain=True)
                    else:
                        await self._join(client)
                    await client.subscribe(self.topics.every_dial, qos=1)
                    if self.view is not None:
                        await client.subscribe(self.topics.every_presence, qos=1)
                    self._broker_up.set()
                    async for message in client.messages:
                        self._on_message(message)
            except aiomqtt.MqttError as exc:
                turn += 1
                if first and turn >= len(urls):
                    raise broker_error(exc, mqtt, self._url) from None
                log.warning("broker link lost (%s): %s", self._url, one_line(str(exc), 200))
            finally:
                self._client = None
                if self.election is not None and self.election.role == ACTIVE:
                    self._act(STEP_DOWN)  # the next connection elects again
            if turn % len(urls) == 0:
                await asyncio.sleep(backoff.next())

    def _publish(self, topic: str, payload: bytes, *, retain: bool = False) -> bool:
        client = self._client
        if client is None:
            return False
        self._spawn(self._publish_now(client, topic, payload, retain), "publish")
        return True

    @staticmethod
    async def _publish_now(client: aiomqtt.Client, topic: str, payload: bytes,
                           retain: bool) -> None:
        try:
            await client.publish(topic, payload, qos=1, retain=retain)
        except aiomqtt.MqttError as exc:  # the link dropped: the loop reconnects
            log.debug("publish to %s failed: %s", topic, exc)

    def _spawn(self, coro: Any, name: str) -> None:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("relay task %s failed", task.get_name(), exc_info=task.exception())

    # -- the UCM side -----------------------------------------------------------------------

    async def _follow_ucm(self) -> None:
        from ucm_popup.ucm.stream import UcmEventStream

        def router() -> SiteRouter:
            self.router = SiteRouter(self._only, clock=self._clock)
            return self.router

        stream = UcmEventStream(self.settings.ucm, self._ucm_password,
                                tracker_factory=router, **self._stream_options)
        events = stream.events()
        try:
            async for event in events:
                self.on_event(event)
        finally:
            with contextlib.suppress(Exception):
                await events.aclose()

    def on_event(self, event: CallEvent) -> None:
        if isinstance(event, Connected | Disconnected):
            if isinstance(event, Disconnected):
                reason = event.reason or "the UCM link dropped"
                self.state, self.detail = UCM_DOWN, reason
            else:
                reason = ""
                self.state, self.detail = ONLINE, ""
            log.info("UCM %s", f"lost: {reason}" if reason else "connected")
            if self.view is not None:
                self.view.on_relay(self.state, self.detail)
            if self.leads:
                self._publish(self.topics.status, self._status(), retain=True)
            if self.node:
                self._publish(self.topics.node_status(self.node), self._node_status(),
                              retain=True)
            return
        extension = event.extension
        message = to_json(event)
        if self.node:
            message["node"] = self.node
            self.journal.add(message)
            self._follow_ringing(event)
        if not self.leads:
            pass  # a standby keeps its trackers and CRM writer warm, and says nothing
        elif self._publish(self.topics.events(extension), dumps(message)):
            self.published += 1
        else:
            self.unpublished += 1
        if self.crm is not None:
            self.crm.on_event(event)
        if self.view is not None:
            self.view.on_event(event)
        if (self.leads and isinstance(event, Ringing) and self._lookup is not None
                and event.direction == "inbound" and event.number):
            self._spawn(self._look_up(self._lookup, event), f"lookup-{event.call_id}")

    async def _look_up(self, lookup: LookupService, ringing: Ringing) -> None:
        message: dict[str, Any] = {"event": "lookup", "call_id": ringing.call_id,
                                   "extension": ringing.extension}
        try:
            result = await lookup.lookup(ringing.number)
            message.update(result.to_json())
        except UcmPopupError as exc:
            message.update(number=ringing.number, normalized=ringing.number,
                           provider=self.settings.crm.provider, matches=[],
                           error=one_line(str(exc), 300))
            if self.crm is not None:
                self.crm.on_lookup(ringing, (), message["error"])
        else:
            if self.crm is not None:
                self.crm.on_lookup(ringing, tuple(result.matches), "")
            if self.view is not None:
                self.view.on_lookup(ringing.call_id, ringing.number, result.matches)
        message["time"] = now().isoformat(timespec="milliseconds")
        self._publish(self.topics.events(ringing.extension), dumps(message))

    # -- dial requests ----------------------------------------------------------------------

    def _on_message(self, message: aiomqtt.Message) -> None:
        topic = str(message.topic)
        if self.view is not None:
            desk = self.topics.presence_extension(topic)
            if desk:
                # An empty payload is a cleared retained presence: the desk is gone.
                self.view.on_presence(desk, payload_json(message.payload) or {})
                return
        extension = self.topics.dial_extension(topic)
        if not extension:
            if self.election is not None:
                self._on_election_message(topic, payload_json(message.payload))
            return
        data = payload_json(message.payload) or {}
        request_id = data.get("request_id")
        number = data.get("number")
        if type(request_id) is not str or not 0 < len(request_id) <= MAX_REQUEST_ID:
            log.debug("skipped a dial request without a usable request_id for %s", extension)
            return
        if not self.leads:  # answered "switching" at takeover, unless the leader answers
            if len(self._unanswered) > 10_000:
                self._unanswered.clear()
            self._unanswered[(extension, request_id)] = self._clock()
            return
        if self._only and extension not in self._only:
            self._dial_result(extension, request_id,
                              f"the relay does not serve extension {extension}")
            return
        if type(number) is not str or not 0 < len(number) <= MAX_NUMBER:
            self._dial_result(extension, request_id, "the request names no number to dial")
            return
        at = self._clock()
        last = self._last_dial.get(extension)
        if last is not None and at - last < self._dial_every_s:
            self._dial_result(extension, request_id,
                              f"one dial request every {self._dial_every_s:g} s, please")
            return
        if len(self._last_dial) > 10_000:
            self._last_dial.clear()
        self._last_dial[extension] = at
        self._spawn(self._dial_one(extension, request_id, number), f"dial-{extension}")

    async def _dial_one(self, extension: str, request_id: str, number: str) -> None:
        if self._dial is None:
            self._dial_result(extension, request_id, NOT_SET_UP)
            return
        try:
            async with asyncio.timeout(DIAL_TIMEOUT_S):
                await self._dial(extension, number)
        except UcmPopupError as exc:
            # Whoever runs the relay sees a refused dial too: it is most often the UCM's setup.
            log.warning("dial for extension %s refused: %s", extension, one_line(str(exc), 300))
            self._dial_result(extension, request_id, one_line(str(exc), 300))
        except TimeoutError:
            self._dial_result(extension, request_id,
                              f"the UCM did not take the call within {DIAL_TIMEOUT_S:g} s")
        except Exception:
            log.error("dialling for %s failed", extension, exc_info=True)
            self._dial_result(extension, request_id, "the relay failed to dial (see its log)")
        else:
            self._dial_result(extension, request_id, "")

    def _dial_result(self, extension: str, request_id: str, error: str) -> None:
        result: dict[str, Any] = {"request_id": request_id, "ok": not error}
        if error:
            result["error"] = error
        self._publish(self.topics.dial_result(extension), dumps(result))

    # -- two relays: the election (standby.py) ----------------------------------------------

    async def _join(self, client: aiomqtt.Client) -> None:
        """A new broker connection of a relay with a node: as a standby until it settles."""
        assert self.election is not None
        self.election.reset()
        await client.publish(self.topics.node_status(self.node), self._node_status(), qos=1,
                             retain=True)
        for topic in (self.topics.status, self.topics.every_node_status,
                      self.topics.every_events, self.topics.every_dial_result):
            await client.subscribe(topic, qos=1)
        self._spawn(self._settle(client), "settle")

    async def _settle(self, client: aiomqtt.Client) -> None:
        await asyncio.sleep(SETTLE_S)
        if self._client is client and self.election is not None:
            self._act(self.election.settle())
        outbox = self.crm.worker.outbox if self.crm and self.crm.worker else None
        while outbox is not None and self._client is client:  # a standby's file stays small
            if not self.leads:
                outbox.forget_untried(time.time() - HANDOVER_S)
            await asyncio.sleep(HANDOVER_S)

    def _follow_ringing(self, event: CallEvent) -> None:
        if isinstance(event, Ringing) and event.direction == "inbound" and event.number:
            self._ringing[(event.extension, event.call_id)] = event
            if len(self._ringing) > 20_000:
                self._ringing.pop(next(iter(self._ringing)))
        elif isinstance(event, Ended):
            self._ringing.pop((event.extension, event.call_id), None)

    def _on_election_message(self, topic: str, data: dict[str, Any] | None) -> None:
        assert self.election is not None
        if data is None:
            return
        if topic == self.topics.status:
            self._act(self.election.on_status(data))
            log.debug("relay/status %s", data)
        elif node := self.topics.status_node(topic):
            self._act(self.election.on_node_status(node, data))
            log.debug("relay/%s/status %s", node, data)
        elif topic.endswith("/dial/result"):
            request_id = data.get("request_id")
            extension = topic.split("/")[-3]
            self._unanswered.pop((extension, str(request_id)), None)
        elif data.get("node") != self.node and not data.get("replay"):
            self.journal.echo(data)  # what the leader published: not replayed at takeover

    def _act(self, action: str) -> None:
        assert self.election is not None
        if action == CLAIM and self.election.role == ACTIVE:
            action = REASSERT
        if action == CLAIM:
            self.election.role = ACTIVE
            log.info("relay %s leads the site", self.node)
            self._publish(self.topics.node_status(self.node), self._node_status(), retain=True)
            self._publish(self.topics.status, self._status(), retain=True)
            self._take_over()
        elif action == REASSERT:
            self._publish(self.topics.status, self._status(), retain=True)
        elif action == STEP_DOWN:
            if self.election.role == ACTIVE:
                log.info("relay %s steps down to standby", self.node)
            self.election.role = STANDBY
            for task in list(self._lead_tasks):
                task.cancel()
            self._publish(self.topics.node_status(self.node), self._node_status(), retain=True)
        elif action == ANNOUNCE:
            self._publish(self.topics.node_status(self.node), self._node_status(), retain=True)
        self._show_relays()

    def _show_relays(self) -> None:
        """The site view's list of relays: who leads, who stands by, who is gone."""
        if self.view is None or self.election is None:
            return
        election = self.election
        roles = {node: (ACTIVE if node == election.named else STANDBY) if alive else "offline"
                 for node, alive in election.alive.items()}
        roles[self.node] = election.role
        self.view.on_relays(roles)

    def _take_over(self) -> None:
        """The calls in progress as they are now, an answer to every dial request nobody
        answered, and the CRM writes (settled by reading before any is written again)."""
        for message in self.journal.takeover():
            self._publish(self.topics.events(str(message["extension"])), dumps(message))
        oldest = self._clock() - DIAL_TIMEOUT_S
        for (extension, request_id), at in self._unanswered.items():
            if at >= oldest:
                self._dial_result(extension, request_id, SWITCHING)
        self._unanswered.clear()
        self._lead(self._lease(), "lease")
        if self._lookup is not None:  # desks and the CRM writer wait for these
            for ringing in self._ringing.values():
                self._spawn(self._look_up(self._lookup, ringing), f"lookup-{ringing.call_id}")
        if self.crm is not None:
            if self.crm.worker is not None:
                self.crm.worker.outbox.forget_untried(time.time() - HANDOVER_S)
                self.crm.worker.outbox.settle_all()
            self._lead(self.crm.run(), "site-crm")

    def _lead(self, coro: Any, name: str) -> None:
        """A task of the leader's only: cancelled when it steps down or stops."""
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._lead_tasks.add(task)
        task.add_done_callback(self._lead_finished)

    def _lead_finished(self, task: asyncio.Task[Any]) -> None:
        self._lead_tasks.discard(task)
        self._finished(task)

    async def _lease(self) -> None:
        """The leader's second broker connection, whose last will says ``relay/status``
        offline should the leader die; a step-down closes it cleanly (no will)."""
        will = aiomqtt.Will(self.topics.status, dumps(
            {"state": OFFLINE, "node": self.node, "detail": "the relay stopped answering",
             "time": now().isoformat(timespec="milliseconds")}), qos=1, retain=True)
        backoff = Backoff(*self._backoff)
        while True:
            try:
                async with make_client(self.settings.mqtt, self._mqtt_password, will=will,
                                       keepalive=self._keepalive, url=self._url) as lease:
                    backoff.reset()
                    async for _message in lease.messages:  # none: it ends when the link does
                        pass
            except aiomqtt.MqttError as exc:
                log.debug("the lead's lease connection dropped: %s", exc)
            await asyncio.sleep(backoff.next())

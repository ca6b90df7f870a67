"""Composition root of the tray app: builds the UCM stream and the CRM lookup, wires them to a
view, and owns shutdown.  No Qt here: the tray and popup see this module only through the
``AppView`` protocol (``ui/bridge.py`` turns its calls into Qt signals).

Data flows one way: UCM stream -> call events -> CRM lookup -> view.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from ucm_popup.backoff import Backoff
from ucm_popup.errors import AuthError, SettingsError, UcmPopupError
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
)
from ucm_popup.ucm.tracker import is_extension_number

if TYPE_CHECKING:
    from pathlib import Path

    from ucm_popup.crm.index import SyncState
    from ucm_popup.crm.index_lookup import LocalIndex
    from ucm_popup.crm.model import Match
    from ucm_popup.crm.outbox import OutboxStatus
    from ucm_popup.crm.service import LookupService
    from ucm_popup.crm.writes import Writing
    from ucm_popup.dial import Dialer, DialResult
    from ucm_popup.secrets import SecretStore
    from ucm_popup.settings import Settings

log = logging.getLogger(__name__)

CLOSE_TIMEOUT_S = 3.0
# A stream that failed on something unexpected is started again after 1 s, doubling to 60 s.
RESTART_INITIAL_S = 1.0
RESTART_MAX_S = 60.0
RECENT_CALLS = 20


class Connection(enum.Enum):
    """Where the link to the UCM stands; the tray shows one look per value."""

    NOT_CONFIGURED = "not configured"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    LOGIN_REFUSED = "UCM login refused"
    FAILED = "UCM unusable"  # certificate, subscription refused, settings
    RELAY_OFFLINE = "site relay offline"  # [source] kind = "relay": the relay is not running
    RELAY_LOST_UCM = "site relay lost the UCM"  # the relay runs but has no UCM session


@dataclass(frozen=True)
class Health:
    connection: Connection = Connection.CONNECTING
    detail: str = ""  # one line: why, for the degraded states
    crm_problem: str = ""  # one line, empty while the CRM answers
    crm_auth_failed: bool = False
    crm_index: SyncState | None = None  # the local phone index's records, age and trouble
    relay_node: str = ""  # the site relay that leads, when the site runs two (``[relay] node``)
    crm_modules_missing: str = ""  # one line: modules the CRM refused while the others answer


@dataclass(frozen=True)
class LookupOutcome:
    """What the CRM said about one caller; ``error`` is the one line shown when it failed."""

    number: str
    matches: tuple[Match, ...] = ()
    error: str = ""
    crm_enabled: bool = True


@dataclass
class RecentCall:
    call_id: str
    number: str
    caller_name: str
    started: datetime
    direction: str = "inbound"
    answered: bool = False
    answered_elsewhere: bool = False
    ended: bool = False
    matches: tuple[Match, ...] = ()
    outgoing: bool = False  # the agent called (from the phone or by click-to-dial)
    transferred_to: str = ""  # the extension the agent handed the call to

    @property
    def display_name(self) -> str:
        if self.matches:
            return self.matches[0].name
        return self.caller_name or self.number

    @property
    def url(self) -> str:
        return self.matches[0].url if len(self.matches) == 1 else ""

    @property
    def missed(self) -> bool:
        return (self.ended and not self.answered and not self.answered_elsewhere
                and not self.outgoing)


class AppView(Protocol):
    """What the core tells the user interface.  All calls happen on the event loop's thread."""

    def health_changed(self, health: Health) -> None: ...

    def call_event(self, event: CallEvent) -> None: ...

    def lookup_finished(self, call_id: str, outcome: LookupOutcome) -> None: ...

    def recent_calls_changed(self, calls: list[RecentCall]) -> None: ...


class Supervisor:
    """Owns every background task: keeps references, logs failures, cancels all on close."""

    def __init__(self, on_error: Callable[[BaseException], None]) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._on_error = on_error

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            self._on_error(task.exception())  # type: ignore[arg-type]

    @property
    def running(self) -> int:
        return len(self._tasks)

    async def close(self, timeout: float = CLOSE_TIMEOUT_S) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=timeout)


@dataclass
class _Services:
    settings: Settings
    secrets: SecretStore
    lookup: LookupService | None = None
    crm_setup_error: str = ""
    stream_task: asyncio.Task[Any] | None = None
    index_task: asyncio.Task[Any] | None = None
    open_calls: dict[str, Ringing | Dialing] = field(default_factory=dict)
    dialer: Dialer | None = None  # made on the first click-to-dial, kept for the next ones
    relay: Any = None  # the RelayEventSource in relay mode: its state and CRM lookups
    writing: Writing | None = None  # calls written to the CRM, when the settings ask for it
    writes_task: asyncio.Task[Any] | None = None


class PopupApp:
    """The running app minus its windows: connection, lookups, recent calls, shutdown."""

    def __init__(
        self,
        view: AppView,
        settings: Settings,
        secrets: SecretStore,
        *,
        on_error: Callable[[BaseException], None] | None = None,
        stream_factory: Callable[..., Any] | None = None,
        settings_problem: str = "",
        restart_initial_s: float = RESTART_INITIAL_S,
        restart_max_s: float = RESTART_MAX_S,
        demo: bool = False,
        outbox_path: Path | None = None,
        outbox_options: dict[str, float] | None = None,
    ) -> None:
        self.view = view
        self.stopping = asyncio.Event()
        self._report = on_error or self._log_error  # log with traceback (and, in the tray, show)
        self.supervisor = Supervisor(self._report)
        self._restart_initial_s = restart_initial_s
        self._restart_max_s = restart_max_s
        self.health = Health()
        self.recent: deque[RecentCall] = deque(maxlen=RECENT_CALLS)
        self._stream_factory = stream_factory
        self._settings_problem = settings_problem  # why the settings file could not be used
        self._services = _Services(settings, secrets)
        self._demo = demo  # the demo's settings are not the user's: their index stays
        self._outbox_path = outbox_path  # None: the user state folder
        self._outbox_options = outbox_options or {}
        self.writes_status: OutboxStatus | None = None  # None: this desk writes nothing

    @property
    def settings(self) -> Settings:
        return self._services.settings

    @staticmethod
    def _log_error(exc: BaseException) -> None:
        log.error("background task failed", exc_info=exc)

    # -- life cycle -------------------------------------------------------------------------

    async def start(self) -> None:
        await self._build(self._services)

    def request_stop(self) -> None:
        """Every quit path ends here (tray Quit, signals, aboutToQuit)."""
        self.stopping.set()

    async def shutdown(self) -> None:
        await self._teardown(self._services)
        await self.supervisor.close()

    async def reload(self, settings: Settings, secrets: SecretStore) -> None:
        """New settings or secrets: reconnect without a restart."""
        await self._teardown(self._services)
        self._settings_problem = ""
        self._services = _Services(settings, secrets)
        self._set_health(Health())
        await self._build(self._services)

    async def _build(self, services: _Services) -> None:
        settings = services.settings
        await self._build_lookup(services)
        if services.lookup is not None:  # the first call as quick as the next ones
            self.supervisor.spawn(services.lookup.warm_up(), "crm-warm-up")
        if services.lookup is not None and services.lookup.index is not None:
            services.index_task = self.supervisor.spawn(
                self._follow_index_sync(services, services.lookup.index), "crm-index-sync"
            )
        await self._build_writing(services)
        if not source_configured(settings):
            self._set_health(
                replace(
                    self.health,
                    connection=Connection.NOT_CONFIGURED,
                    detail=self._settings_problem
                    or "no UCM is set up: open Settings, or try ucm-popup --demo",
                )
            )
            return
        services.stream_task = self.supervisor.spawn(self._follow_stream(services), "ucm-stream")

    async def _build_lookup(self, services: _Services) -> None:
        if services.settings.crm.provider == "none":
            return
        try:
            from ucm_popup.crm.service import build_lookup_service

            services.lookup = await asyncio.to_thread(
                build_lookup_service, services.settings, services.secrets, demo=self._demo
            )
        except UcmPopupError as exc:
            services.crm_setup_error = str(exc)
            auth = isinstance(exc, AuthError)
            self._set_health(replace(self.health, crm_problem=str(exc), crm_auth_failed=auth))

    async def _teardown(self, services: _Services) -> None:
        task, services.stream_task = services.stream_task, None
        if task is not None:
            task.cancel()
            await asyncio.wait([task], timeout=CLOSE_TIMEOUT_S)
        index_task, services.index_task = services.index_task, None
        if index_task is not None:
            index_task.cancel()
            await asyncio.wait([index_task], timeout=CLOSE_TIMEOUT_S)
        self._end_open_calls(services, "the connection was closed")
        if services.dialer is not None:
            dialer, services.dialer = services.dialer, None
            with contextlib.suppress(Exception):
                await asyncio.wait_for(dialer.aclose(), CLOSE_TIMEOUT_S)
        await self._teardown_writing(services)
        if services.lookup is not None:
            lookup, services.lookup = services.lookup, None
            try:
                await asyncio.wait_for(lookup.aclose(), CLOSE_TIMEOUT_S)
            except (TimeoutError, Exception):
                log.warning("closing the CRM client failed", exc_info=True)

    # -- the UCM side ------------------------------------------------------------------------

    def _make_stream(self, services: _Services, password: str) -> Any:
        if self._stream_factory is not None:
            return self._stream_factory(services.settings.ucm, password)
        if services.settings.source.kind == "relay":
            from ucm_popup.relay.desk import RelayEventSource

            services.relay = RelayEventSource(
                services.settings.mqtt, services.settings.ucm.extension, password,
                retry_initial=True, on_state=lambda state: self._relay_state(services, state),
            )
            return services.relay
        from ucm_popup.ucm.stream import UcmEventStream

        return UcmEventStream(services.settings.ucm, password, retry_initial=True)

    async def _follow_stream(self, services: _Services) -> None:
        """Follow the UCM until a typed error says what the user must fix.  Anything else (a
        bug, a surprise from a library) is logged with its traceback, shown, and the stream is
        started again after a backoff: the app never just stops popping up."""
        from ucm_popup.logs import register_secret
        from ucm_popup.secrets import MQTT_PASSWORD, UCM_PASSWORD, optional_secret, require_secret

        self._set_health(replace(self.health, connection=Connection.CONNECTING, detail=""))
        backoff = Backoff(self._restart_initial_s, self._restart_max_s)
        try:
            if services.settings.source.kind == "relay":  # a desk of the relay: no UCM password
                password = await asyncio.to_thread(optional_secret, services.secrets, MQTT_PASSWORD)
            else:
                password = await asyncio.to_thread(require_secret, services.secrets, UCM_PASSWORD)
            register_secret(password)
            while True:
                started = time.monotonic()
                try:
                    await self._stream_once(services, password)
                    failure: Exception = RuntimeError("the UCM event stream ended")
                except UcmPopupError:
                    raise  # it names what the user must fix: shown below, not retried
                except Exception as exc:
                    failure = exc
                self._report(failure)
                self._end_open_calls(services, "the stream failed")
                if time.monotonic() - started > self._restart_max_s:
                    backoff.reset()  # it ran a good while: a fresh start, not a long wait
                wait = backoff.next()
                self._set_connection(
                    Connection.RECONNECTING,
                    f"{internal_error(failure)}; retrying in {wait:.0f} s",
                )
                await asyncio.sleep(wait)
        except AuthError as exc:
            self._set_connection(Connection.LOGIN_REFUSED, str(exc))
        except SettingsError as exc:
            self._set_connection(Connection.NOT_CONFIGURED, str(exc))
        except UcmPopupError as exc:  # certificate, subscription refused, unusable answers
            self._set_connection(Connection.FAILED, str(exc))
        finally:
            self._end_open_calls(services, "the connection ended")

    async def _stream_once(self, services: _Services, password: str) -> None:
        events = self._make_stream(services, password).events()
        try:
            async for event in events:
                self._on_event(services, event)
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(events.aclose(), CLOSE_TIMEOUT_S)

    def _on_event(self, services: _Services, event: CallEvent) -> None:
        if services.writing is not None and isinstance(
            event, Ringing | Dialing | Transferred | Answered | Ended
        ):
            services.writing.writer.on_event(event)
        if isinstance(event, Connected):
            self._set_health(replace(self.health, connection=Connection.CONNECTED, detail=""))
            return
        if isinstance(event, Disconnected):
            if self.health.connection in (Connection.RELAY_OFFLINE, Connection.RELAY_LOST_UCM):
                return  # the relay's own state, already shown, says more than "reconnecting"
            self._set_health(
                replace(self.health, connection=Connection.RECONNECTING, detail=event.reason)
            )
            return
        if isinstance(event, Ringing):
            services.open_calls[event.call_id] = event
            self._remember(event)
            self.view.call_event(event)
            self.supervisor.spawn(self._lookup(services, event), f"lookup-{event.call_id}")
            return
        if isinstance(event, Dialing | Transferred):
            self._on_outgoing_or_transfer(services, event)
            return
        if isinstance(event, Answered | Ended):
            self._update_recent(event)
            if isinstance(event, Ended):
                services.open_calls.pop(event.call_id, None)
            self.view.call_event(event)

    def _on_outgoing_or_transfer(self, services: _Services, event: Dialing | Transferred) -> None:
        """A call the agent makes opens like a ringing one; a transfer changes the party of
        an open call. Both look the (new) party up when it is not a colleague's extension."""
        if isinstance(event, Dialing):
            services.open_calls[event.call_id] = event
            self._remember(event)
            look_up = event.direction == "outbound" and services.settings.popup.outbound_calls
        else:
            self._update_party(event)
            look_up = bool(event.trunk) or not is_extension_number(event.number)
        self.view.call_event(event)
        # "internal": a colleague, or an outgoing popup that is off: nothing to look up
        party = Ringing(event.call_id, event.extension, "inbound" if look_up else "internal",
                        event.number, event.name, event.trunk)
        self.supervisor.spawn(self._lookup(services, party), f"lookup-{event.call_id}")

    def _update_party(self, event: Transferred) -> None:
        for call in self.recent:
            if call.call_id == event.call_id:
                call.number, call.caller_name, call.matches = event.number, event.name, ()
                self.view.recent_calls_changed(list(self.recent))
                return

    def _end_open_calls(self, services: _Services, why: str) -> None:
        """Nothing stale: every call still open when the stream stops ends for the view."""
        for call_id, ringing in list(services.open_calls.items()):
            log.debug("ending call %s: %s", call_id, why)
            known = next((c for c in self.recent if c.call_id == call_id), None)
            answered = known.answered if known else False
            self._on_event(services, Ended(call_id, ringing.extension, answered, False))

    # -- the CRM side ------------------------------------------------------------------------

    async def _follow_index_sync(self, services: _Services, index: LocalIndex) -> None:
        """Keep the local phone index in step with the CRM.  The sync retries the CRM's
        failures itself; anything else (a bug) is logged, shown, and the sync is started
        again after a backoff, as the stream is."""
        backoff = Backoff(self._restart_initial_s, self._restart_max_s)

        def reported(state: SyncState) -> None:
            index.sync_reported(state)
            if services is self._services:
                self._set_health(replace(self.health, crm_index=state))

        while True:
            try:
                await index.make_sync().run(reported)
            except Exception as exc:
                self._report(exc)
                wait = backoff.next()
                previous = index.state
                reported(replace(previous, problem=internal_error(exc),
                                 retry_at=time.time() + wait))
                await asyncio.sleep(wait)

    async def _lookup(self, services: _Services, ringing: Ringing) -> None:
        if ringing.direction == "internal":  # a colleague's extension: nothing to find in a CRM
            outcome = LookupOutcome(ringing.number, crm_enabled=False)
            self.view.lookup_finished(ringing.call_id, outcome)
            return
        try:
            if services.relay is not None and services.relay.relay.crm_lookup:
                outcome = await self._relay_lookup(services, ringing)
            else:
                outcome = await self.look_up(services, ringing.number)
        except Exception as exc:  # a bug: the popup must not stay on "Looking up..." for ever
            self._report(exc)
            outcome = self._crm_failed(ringing.number, internal_error(exc), auth=False)
        if services is not self._services:
            return  # settings were reloaded meanwhile
        if services.writing is not None:
            services.writing.writer.on_lookup(ringing.call_id, outcome.matches, outcome.error)
        if outcome.matches:
            for call in self.recent:
                # (a lookup of the party before a transfer does not name the new one)
                if call.call_id == ringing.call_id and call.number == ringing.number:
                    call.matches = outcome.matches
            self.view.recent_calls_changed(list(self.recent))
        self.view.lookup_finished(ringing.call_id, outcome)

    async def look_up(self, services: _Services, number: str) -> LookupOutcome:
        """The CRM's answer; its time limit is the lookup service's own."""
        if services.lookup is None:
            if services.crm_setup_error:
                return LookupOutcome(number, error=f"CRM not set up: {services.crm_setup_error}")
            return LookupOutcome(number, crm_enabled=False)
        if not number:
            return LookupOutcome(number, error="the UCM gave no caller number")
        try:
            result = await services.lookup.lookup(number)
        except AuthError as exc:
            return self._crm_failed(number, str(exc), auth=True)
        except UcmPopupError as exc:
            return self._crm_failed(number, str(exc), auth=False)
        if self.health.crm_problem and not services.crm_setup_error:
            self._set_health(replace(self.health, crm_problem="", crm_auth_failed=False))
        missing = services.lookup.unavailable_modules()
        self._set_health(replace(self.health, crm_modules_missing="; ".join(
            missing[module] for module in sorted(missing))))
        return LookupOutcome(number, tuple(result.matches))

    def _crm_failed(self, number: str, why: str, *, auth: bool) -> LookupOutcome:
        self._set_health(replace(self.health, crm_problem=why, crm_auth_failed=auth))
        return LookupOutcome(number, error=why)

    async def dial(self, text: str) -> DialResult:
        """Click-to-dial ``text`` for the configured extension; one API login serves every
        dial until the settings change.  Raises the typed errors of ``ucm_popup.dial``."""
        from ucm_popup.dial import Dialer

        services = self._services
        if services.dialer is None:
            services.dialer = Dialer(services.settings, services.secrets)
        return await services.dialer.dial(text)

    async def _relay_lookup(self, services: _Services, ringing: Ringing) -> LookupOutcome:
        """The relay looks callers up for the site: its answer, not a lookup of our own."""
        from ucm_popup.relay.desk import relay_matches

        message = await services.relay.lookup_result(ringing.call_id)
        if message is None:
            return LookupOutcome(ringing.number, error="the site relay sent no CRM record")
        matches, error = relay_matches(message)
        return LookupOutcome(ringing.number, matches, error)

    def _relay_state(self, services: _Services, state: Any) -> None:
        """The site relay's state, told apart from a plain reconnect on the tray."""
        if services is not self._services:
            return
        self._set_health(replace(self.health, relay_node=state.node))
        if state.state == "offline":
            self._set_connection(Connection.RELAY_OFFLINE, state.detail)
        elif state.state == "ucm-down":
            self._set_connection(Connection.RELAY_LOST_UCM, state.detail)
        elif state.state == "broker-down":
            self._set_connection(Connection.RECONNECTING, state.detail)

    def create_record_url(self, module: str, number: str) -> str:
        lookup = self._services.lookup
        return lookup.create_record_url(module, number) if lookup is not None else ""

    # -- writing calls to the CRM -----------------------------------------------------------

    async def _build_writing(self, services: _Services) -> None:
        """The call writer and its outbox, when ``[crm] log_calls`` or ``add_unknown`` ask for
        it; in relay mode the relay writes, and Zoho v1 is read-only."""
        from ucm_popup.crm.writes import V1_READ_ONLY, desk_writes

        settings = services.settings
        if settings.crm.provider == "zoho-v1" and (settings.crm.log_calls
                                                    or settings.crm.add_unknown):
            self._writes_changed_error(V1_READ_ONLY)
            return
        if not desk_writes(settings) or services.lookup is None:
            return
        try:
            from ucm_popup.crm.outbox import default_outbox_path
            from ucm_popup.crm.writes import build_desk_writing

            path = self._outbox_path or default_outbox_path()
            writing = await asyncio.to_thread(
                build_desk_writing, settings, services.secrets, path,
                on_status=self._writes_changed, **self._outbox_options,
            )
        except Exception as exc:  # a broken outbox file or keyring must not stop the popups
            self._report(exc)
            self._writes_changed_error(f"calls cannot be written: {internal_error(exc)}")
            return
        lookup = services.lookup
        writing.writer.record_url = lookup.record_url
        writing.writer.on_unknown_added = lambda call_id, match: self._unknown_added(
            services, call_id, match)
        services.writing = writing
        services.writes_task = self.supervisor.spawn(self._run_writes(writing), "crm-writes")

    async def _run_writes(self, writing: Writing) -> None:
        """Drain the outbox; a fault of the app itself is shown and the worker restarted."""
        backoff = Backoff(self._restart_initial_s, self._restart_max_s)
        while True:
            try:
                await writing.worker.run()
            except Exception as exc:
                self._report(exc)
                self._writes_changed_error(internal_error(exc))
            await asyncio.sleep(backoff.next())

    async def _teardown_writing(self, services: _Services) -> None:
        task, services.writes_task = services.writes_task, None
        if task is not None:
            task.cancel()
            await asyncio.wait([task], timeout=CLOSE_TIMEOUT_S)
        writing, services.writing = services.writing, None
        if writing is not None:
            try:
                await asyncio.wait_for(writing.aclose(), CLOSE_TIMEOUT_S)
            except (TimeoutError, Exception):
                log.warning("closing the CRM writer failed", exc_info=True)

    def _writes_changed(self, status: OutboxStatus) -> None:
        if status == self.writes_status:
            return
        if status.last_error and (self.writes_status is None
                                  or status.last_error != self.writes_status.last_error):
            log.info("CRM write problem: %s", status.last_error)
        self.writes_status = status
        notify = getattr(self.view, "writes_changed", None)
        if notify is not None:
            notify(status)

    def _writes_changed_error(self, error: str) -> None:
        from ucm_popup.crm.outbox import OutboxStatus

        waiting = self.writes_status.waiting if self.writes_status else 0
        self._writes_changed(OutboxStatus(waiting, error))

    def _unknown_added(self, services: _Services, call_id: str, match: Match) -> None:
        """A record made for an unknown caller: lookups know it at once, the popup shows it."""
        if services is not self._services:
            return
        number = next((c.number for c in self.recent if c.call_id == call_id), "")
        if services.lookup is not None and number:
            services.lookup.learn(number, match)
        for call in self.recent:
            if call.call_id == call_id:
                call.matches = (match,)
        self.view.recent_calls_changed(list(self.recent))
        self.view.lookup_finished(call_id, LookupOutcome(number, (match,)))

    def pick_record(self, call_id: str, match: Match) -> None:
        """The agent picked one of several matches: the call's record links to it."""
        if self._services.writing is not None:
            self._services.writing.writer.pick(call_id, match)

    def note_started(self, call_id: str) -> None:
        """The agent began typing a note: the call's record waits for it."""
        if self._services.writing is not None:
            self._services.writing.writer.note_started(call_id)

    def finish_note(self, call_id: str, note: str | None) -> None:
        """The agent saved the note (None: dismissed the popup without saving)."""
        if self._services.writing is not None:
            self._services.writing.writer.finish_note(call_id, note)

    # -- recent calls and health -------------------------------------------------------------

    def _remember(self, ringing: Ringing | Dialing) -> None:
        for call in self.recent:
            if call.call_id == ringing.call_id:  # a queue ringing again: one entry per call
                call.ended = False
                break
        else:
            self.recent.appendleft(
                RecentCall(
                    ringing.call_id, ringing.number, ringing.name, ringing.time, ringing.direction,
                    outgoing=isinstance(ringing, Dialing),
                )
            )
        self.view.recent_calls_changed(list(self.recent))

    def _update_recent(self, event: Answered | Ended) -> None:
        for call in self.recent:
            if call.call_id == event.call_id:
                if isinstance(event, Answered):
                    call.answered = True
                else:
                    call.ended = True
                    call.answered = call.answered or event.answered
                    call.answered_elsewhere = event.answered_elsewhere
                    call.transferred_to = event.transferred_to
                self.view.recent_calls_changed(list(self.recent))
                return

    def _set_connection(self, connection: Connection, detail: str) -> None:
        self._set_health(replace(self.health, connection=connection, detail=detail))

    def _set_health(self, health: Health) -> None:
        if health == self.health:
            return
        # The log file's story of a desk: when the link or the CRM came and went, and why.
        if (health.connection, health.detail) != (self.health.connection, self.health.detail):
            why = f": {health.detail}" if health.detail else ""
            log.info("UCM %s%s", health.connection.value.removeprefix("UCM "), why)
        if health.crm_problem != self.health.crm_problem:
            log.info("CRM %s", f"problem: {health.crm_problem}" if health.crm_problem
                     else "answering again")
        self.health = health
        self.view.health_changed(health)


def source_configured(settings: Settings) -> bool:
    """Whether calls can come: the UCM is set up, or (a desk fed by the site relay) the
    extension and the broker, without any UCM login."""
    if settings.source.kind == "relay":
        return bool(settings.ucm.extension and settings.mqtt.url)
    return settings.ucm_configured


def internal_error(exc: BaseException) -> str:
    """The one line the tray shows for a fault of the app itself; the details are logged."""
    return f"internal error: {one_line(f'{type(exc).__name__}: {exc}', 160)} (see the log file)"

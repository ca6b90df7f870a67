"""The UCM's WebSocket event stream as call events of one extension (docs/ucm-event-stream.md).

``UcmEventStream.events()`` connects to ``wss://host:port/websockify``, logs in (challenge ->
md5 token -> login), subscribes to the call events, feeds every notify frame to the call
tracker and yields what it says. It keeps the link alive with heartbeats, reconnects by itself
after any drop and says so (``Disconnected``, an ``Ended`` per open call, ``Connected``).
What cannot get better by retrying (a refused login, an untrusted certificate, a refused
subscription, bad settings) is raised as the typed error whose line tells the user what to fix.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import ssl
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Sequence
from typing import Any, Protocol

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus, WebSocketException

from ucm_popup.backoff import Backoff
from ucm_popup.errors import AuthError, ServiceError, SubscriptionRefused
from ucm_popup.logs import register_secret
from ucm_popup.settings import UcmSettings
from ucm_popup.text import one_line
from ucm_popup.ucm import protocol
from ucm_popup.ucm.events import CallEvent, Connected, Disconnected
from ucm_popup.ucm.tls import (
    PinMismatch,
    fetch_fingerprint,
    make_ssl_context,
    tls_failure,
    untrusted,
)
from ucm_popup.ucm.tracker import CallTracker

log = logging.getLogger(__name__)

MAX_FRAME_BYTES = 8 * 2**20  # far above any real frame; a larger one drops the link
HEARTBEAT_S = 15.0  # watch promises a request at least every 20 s (one UCM cuts at ~25 s idle)
SILENCE_S = 45.0  # no frame at all for this long: the link is dead
UNANSWERED_HEARTBEATS = 2  # this many heartbeats without a reply: the link is dead
BACKOFF_INITIAL_S = 1.0
BACKOFF_MAX_S = 60.0
OPEN_TIMEOUT_S = 10.0  # TCP + TLS + WebSocket upgrade + login + subscribe
EXPIRE_EVERY_S = 1.0
# A 1 s tick that shows this much time gone missing means the computer slept, and the link is
# probably dead without knowing it: reconnect at once rather than wait up to SILENCE_S with no
# popups after the lid opens.  See _slept for the two ways the clocks show it.
SLEEP_GAP_S = 10.0
LOG_FRAME_CHARS = 300


class Unreachable(ServiceError):
    """The UCM could not be reached or did not answer; retried after the first connection."""

    def __init__(self, ucm: UcmSettings, reason: str) -> None:
        super().__init__(
            f"cannot reach the UCM at {ucm.host}:{ucm.port}: {reason}; check [ucm] host and port"
        )
        self.reason = reason


def _uri(ucm: UcmSettings) -> str:
    host = f"[{ucm.host}]" if ":" in ucm.host else ucm.host
    return f"wss://{host}:{ucm.port}/websockify"


def _reason(exc: BaseException) -> str:
    """An OS, TLS or protocol error in a few words (no class names where avoidable)."""
    if isinstance(exc, ssl.SSLError):
        return f"TLS failed ({exc.reason or exc})"
    if isinstance(exc, socket.gaierror) and exc.strerror:
        return f"the host name was not found ({exc.strerror.lower()})"
    if isinstance(exc, OSError) and getattr(exc, "winerror", None) and exc.strerror:
        # Windows' own words: the errno it maps a socket error to is often EINVAL, whose
        # os.strerror would say "invalid argument".
        return exc.strerror.lower()
    if isinstance(exc, OSError) and exc.errno and exc.errno > 0:
        return os.strerror(exc.errno).lower()  # "connection refused", "no route to host"
    if isinstance(exc, InvalidStatus):
        return (f"it answered HTTP {exc.response.status_code} at /websockify instead of "
                "a WebSocket (is this the UCM's web port?)")
    if isinstance(exc, ConnectionClosed | EOFError):
        return "the connection was closed during the handshake"
    return one_line(str(exc), 200) or type(exc).__name__  # may quote what the server sent


def drop_reason(exc: BaseException, max_size: int = MAX_FRAME_BYTES) -> str:
    """Why an established link dropped, in words."""
    if isinstance(exc, ConnectionClosed):
        if exc.sent is not None and exc.sent.code == 1009:
            limit = f"{max_size // 2**20} MiB" if max_size >= 2**20 else f"{max_size} bytes"
            return f"a frame from the UCM was larger than {limit}"
        if exc.rcvd is not None:
            return "connection closed by the UCM"
        return "connection to the UCM lost"
    return f"connection to the UCM lost: {_reason(exc)}"


def _log_frame(what: str, data: str | bytes) -> None:
    """A frame in the debug log: the start of it, on one line, escape codes escaped."""
    if log.isEnabledFor(logging.DEBUG):
        start = data[: LOG_FRAME_CHARS * 2]  # before repr: a frame may be megabytes
        text = start if isinstance(start, str) else repr(start)
        log.debug("%s: %s", what, one_line(text, LOG_FRAME_CHARS))


class RowTracker(Protocol):
    """What turns the UCM's rows into call events: a ``CallTracker`` for one extension, or
    the site relay's router for many."""

    def feed_message(self, message: object) -> Sequence[CallEvent]: ...

    def expire(self) -> Sequence[CallEvent]: ...

    def connection_lost(self) -> Sequence[CallEvent]: ...


class UcmEventStream:
    """The call events of ``ucm.extension``; see the module docstring."""

    def __init__(
        self,
        ucm: UcmSettings,
        password: str,
        *,
        retry_initial: bool = False,
        heartbeat_s: float = HEARTBEAT_S,
        silence_s: float = SILENCE_S,
        backoff_initial_s: float = BACKOFF_INITIAL_S,
        backoff_max_s: float = BACKOFF_MAX_S,
        open_timeout_s: float = OPEN_TIMEOUT_S,
        max_size: int = MAX_FRAME_BYTES,
        event_names: tuple[str, ...] = protocol.EVENT_NAMES,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
        tracker_factory: Callable[[], RowTracker] | None = None,
    ) -> None:
        register_secret(password)
        self.ucm = ucm
        self._password = password
        self.retry_initial = retry_initial
        self.heartbeat_s = heartbeat_s
        self.silence_s = silence_s
        self.backoff_initial_s = backoff_initial_s
        self.backoff_max_s = backoff_max_s
        self.open_timeout_s = open_timeout_s
        self.max_size = max_size
        self.event_names = event_names
        self._clock = clock
        self._wall_clock = wall_clock
        self._tracker_factory = tracker_factory

    async def events(self) -> AsyncGenerator[CallEvent, None]:
        tracker: RowTracker = (
            self._tracker_factory() if self._tracker_factory is not None
            else CallTracker(self.ucm.extension, clock=self._clock)
        )
        backoff = Backoff(self.backoff_initial_s, self.backoff_max_s)
        first = True
        down = False  # a Disconnected was said since the last Connected
        while True:
            try:
                ws, early = await self.open()
            except Unreachable as exc:
                if first and not self.retry_initial:
                    raise
                wait = backoff.next()
                log.info("UCM not reachable: %s; next try in about %.0f s", exc.reason, wait)
                if not down:
                    down = True
                    yield Disconnected(exc.reason)
                first = False
                await asyncio.sleep(wait)
                continue
            first = False
            down = False
            opened = self._clock()
            reason = ""
            try:
                yield Connected(self.ucm.extension)
                try:
                    async for event in self._follow(ws, tracker, early):
                        yield event
                except (ConnectionClosed, OSError) as exc:
                    reason = drop_reason(exc, self.max_size)
                except _Dead as exc:
                    reason = str(exc)
                    if exc.woke:
                        backoff.reset()  # the network may need a moment, not a minute
            finally:
                await self._close(ws)
            log.info("UCM link dropped: %s", reason)
            down = True
            yield Disconnected(reason)
            for ended in tracker.connection_lost():
                yield ended
            if self._clock() - opened > self.backoff_max_s:
                backoff.reset()  # it was up a good while: start again at the first delay
            await asyncio.sleep(backoff.next())

    async def _follow(
        self, ws: ClientConnection, tracker: RowTracker, early: list[dict[str, Any]]
    ) -> AsyncIterator[CallEvent]:
        """Frames -> tracker -> events, with heartbeats and the 1 s tick, until the link dies."""
        for early_frame in early:
            for event in tracker.feed_message(early_frame["message"]):
                yield event
        now = self._clock()
        heartbeat_due = now + self.heartbeat_s
        tick_due = now + EXPIRE_EVERY_S
        last_frame = now
        unanswered = 0
        last_tick, last_tick_wall = now, self._wall_clock()
        while True:
            now = self._clock()
            if now >= tick_due:
                # First, before a heartbeat or the silence could name another reason.
                wall = self._wall_clock()
                if _slept(now - last_tick, wall - last_tick_wall, now - tick_due):
                    raise _Dead("the computer was asleep", woke=True)
                tick_due = now + EXPIRE_EVERY_S
                last_tick, last_tick_wall = now, wall
                for event in tracker.expire():
                    yield event
            if now >= heartbeat_due:
                if unanswered >= UNANSWERED_HEARTBEATS:
                    raise _Dead(f"the UCM did not answer {unanswered} heartbeats")
                await ws.send(protocol.request("heartbeat"))
                unanswered += 1
                heartbeat_due = now + self.heartbeat_s
            if now - last_frame >= self.silence_s:
                raise _Dead(f"no frame from the UCM for {self.silence_s:g} s")
            wait = min(heartbeat_due, tick_due, last_frame + self.silence_s) - now
            try:
                async with asyncio.timeout(max(wait, 0.0)):
                    data = await ws.recv()
            except TimeoutError:
                continue
            last_frame = self._clock()
            frame = protocol.parse_frame(data)
            if frame is None:
                _log_frame("skipped a frame that is not a JSON object", data)
            elif protocol.is_notify(frame):
                _log_frame("notify", data)
                for event in tracker.feed_message(frame["message"]):
                    yield event
            elif protocol.is_reply(frame) and protocol.reply_action(frame) in ("heartbeat", ""):
                unanswered = 0
            else:
                _log_frame("skipped a frame", data)

    async def open(self) -> tuple[ClientConnection, list[dict[str, Any]]]:
        """Connect, log in and subscribe; returns the link and notify frames that came early."""
        ucm = self.ucm
        context = make_ssl_context(ucm)  # with a pin, the handshake itself checks it
        ws: ClientConnection | None = None
        try:
            async with asyncio.timeout(self.open_timeout_s):
                ws = await connect(
                    _uri(ucm),
                    ssl=context,
                    ping_interval=None,  # the UCM's own heartbeat keeps the link alive
                    max_size=self.max_size,
                    open_timeout=None,  # covered by the timeout around the whole handshake
                    close_timeout=2,
                    compression=None,
                )
                early = await self._handshake(ws)
                return ws, early
        except (AuthError, ServiceError):  # refused: retrying would not help
            await self._close(ws)
            raise
        except PinMismatch as exc:
            raise untrusted(ucm, exc.presented, exc.verify_message) from None
        except ssl.SSLCertVerificationError as exc:
            raise await self._untrusted(exc.verify_message or "") from None
        except ssl.SSLError as exc:
            raise (tls_failure(ucm, exc) or Unreachable(ucm, _reason(exc))) from None
        except TimeoutError:
            await self._close(ws)
            raise Unreachable(
                ucm, f"no answer within {self.open_timeout_s:.0f} s"
            ) from None
        except (OSError, EOFError, WebSocketException) as exc:  # the network or the handshake
            # Anything else is a bug: it goes to the caller's error policy rather than being
            # retried forever as "check [ucm] host and port".
            await self._close(ws)
            raise Unreachable(ucm, _reason(exc)) from None
        except BaseException:  # a bug, or cancelled: raised as it is, without a socket left open
            await self._close(ws)
            raise

    async def _untrusted(self, why: str) -> ServiceError:
        """The certificate error with the fingerprint the UCM presents (read anew)."""
        try:
            async with asyncio.timeout(self.open_timeout_s):
                presented = await fetch_fingerprint(
                    self.ucm.host, self.ucm.port, legacy_tls=self.ucm.legacy_tls
                )
        except (OSError, ServiceError, TimeoutError, ssl.SSLError):
            presented = ""
        return untrusted(self.ucm, presented, why)

    async def _handshake(self, ws: ClientConnection) -> list[dict[str, Any]]:
        ucm, where = self.ucm, f"{self.ucm.host}:{self.ucm.port}"
        early: list[dict[str, Any]] = []
        reply = await _ask(ws, early, "challenge", username=ucm.username, version="1")
        challenge = protocol.reply_challenge(reply)
        status = protocol.reply_status(reply)
        if status != 0 or challenge is None:
            raise AuthError(
                f"the UCM at {where} refused user {ucm.username!r} (challenge status "
                f"{status}): check [ucm] username"
            )
        token = protocol.login_token(challenge, self._password)
        reply = await _ask(ws, early, "login", username=ucm.username, token=token)
        status = protocol.reply_status(reply)
        if status != 0:
            raise AuthError(
                f"the UCM at {where} refused user {ucm.username!r} (login status {status}): "
                "check [ucm] username and the UCM password"
            )
        names = list(self.event_names)
        reply = await _ask(ws, early, "subscribe", eventnames=names)
        status = protocol.reply_status(reply)
        if status == -9:
            raise SubscriptionRefused(
                f"the UCM at {where} refused the subscription to {', '.join(names)} "
                f"(status -9): [ucm] username {ucm.username!r} must be a web-GUI user allowed "
                "to see call status (the HTTPS API user does not work there), and the "
                "firmware must know these event names",
                names,
            )
        if status != 0:
            raise ServiceError(
                f"the UCM at {where} answered status {status} to the subscription to "
                f"{', '.join(names)}: check [ucm] username's permissions"
            )
        return early

    @staticmethod
    async def _close(ws: ClientConnection | None) -> None:
        if ws is None:
            return
        try:
            async with asyncio.timeout(2):
                await ws.close()
        except Exception:
            ws.transport.abort()


def _slept(monotonic_gap: float, wall_gap: float, lateness: float) -> bool:
    """Whether the computer slept between two ticks.

    On Linux and macOS the monotonic clock stands still during a suspend while the wall clock
    runs on, so the wall clock gets ahead.  On Windows the monotonic clock counts through sleep,
    so both moved alike, but the tick came far later than it was scheduled.
    """
    return wall_gap - monotonic_gap > SLEEP_GAP_S or lateness > SLEEP_GAP_S


class _Dead(Exception):
    """The link is up as far as TCP knows but the UCM stopped answering (or we slept)."""

    def __init__(self, reason: str, *, woke: bool = False) -> None:
        super().__init__(reason)
        self.woke = woke


async def _ask(
    ws: ClientConnection, early: list[dict[str, Any]], action: str, **fields: Any
) -> dict[str, Any]:
    """Send a request and wait for its reply; notify frames meanwhile go to ``early``."""
    await ws.send(protocol.request(action, **fields))
    while True:
        data = await ws.recv()
        frame = protocol.parse_frame(data)
        if frame is None:
            _log_frame("skipped a frame that is not a JSON object", data)
        elif protocol.is_notify(frame):
            early.append(frame)
        elif protocol.is_reply(frame) and protocol.reply_action(frame) in (action, ""):
            _log_frame(f"{action} reply", data)
            return frame
        else:
            _log_frame(f"skipped a frame while waiting for the {action} reply", data)


async def check_connection(ucm: UcmSettings, password: str, timeout: float = 10) -> None:
    """Log in, subscribe and log out once (the settings dialog's Test): raises what
    ``events()`` would raise, or returns when the UCM accepted everything."""
    stream = UcmEventStream(ucm, password, open_timeout_s=timeout)
    ws, _early = await stream.open()
    try:
        await ws.send(protocol.request("logout"))
        async with asyncio.timeout(2):
            while True:  # wait for the logout reply, politely, but not for long
                reply = protocol.parse_frame(await ws.recv())
                if reply and protocol.reply_action(reply) == "logout":
                    break
    except (TimeoutError, ConnectionClosed, OSError):
        pass  # logged in and subscribed: that was the test
    finally:
        await stream._close(ws)

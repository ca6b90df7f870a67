"""The site view's web server (aiohttp, on the relay's own asyncio loop).

Routes: ``GET /`` the page (else a redirect to the login page), ``GET /login`` and
``POST /login`` (form fields ``username``, ``password``), ``POST /logout``; with a session
only: ``GET /api/state`` (the whole state, JSON), ``GET /api/events`` (Server-Sent Events: the
whole state, then what changed, at most every ``PUSH_EVERY_S``) and ``GET /chart.svg``
(today's calls per hour, drawn here). ``/static/`` holds the page's script and styles, which
carry no site data. Every answer has a Content-Security-Policy without inline script, and
every piece of site text reaches the page as JSON that the script sets with ``textContent``.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import logging
import ssl
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any

from aiohttp import web

from ucm_popup.errors import SettingsError
from ucm_popup.relay.view.auth import Sessions, Throttle
from ucm_popup.relay.view.chart import hours_svg
from ucm_popup.relay.view.state import SiteView
from ucm_popup.relay.view.users import MAX_PASSWORD, check_name, read_users, verify_password
from ucm_popup.settings import ViewSettings, is_loopback_host, split_listen

log = logging.getLogger(__name__)

COOKIE = "ucm_view_session"
PUSH_EVERY_S = 0.5  # changes are sent at most this often (within the second promised)
PING_EVERY_S = 15.0  # an SSE comment keeps proxies and the browser from dropping a quiet line
RECHECK_S = 10.0  # an open stream checks this often that its session and user still exist
CLIENT_QUEUE = 64  # pushes waiting for a slow view; beyond, it is dropped and reconnects
MAX_VIEWS = 200
MAX_BODY = 16 * 1024
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
Poll = Callable[[SiteView], None]


def _static(name: str) -> bytes:
    return resources.files("ucm_popup.relay.view").joinpath("static", name).read_bytes()


STATIC_TYPES = {"view.js": "text/javascript", "view.css": "text/css"}


class ViewServer:
    def __init__(self, view: SiteView, settings: ViewSettings, users_file: Path,
                 sessions_file: Path | None, *, poll: Poll | None = None,
                 session_s: float | None = None, throttle: Throttle | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.view = view
        self.settings = settings
        self.users_file = users_file
        self.tls = bool(settings.cert_file)
        self.sessions = (Sessions(sessions_file, clock=clock) if session_s is None
                         else Sessions(sessions_file, lifetime_s=session_s, clock=clock))
        self.throttle = throttle or Throttle()
        self.poll = poll  # called before each push (the relay's CRM state)
        self._users: tuple[tuple[float, int], dict[str, str]] | None = None
        self._views: set[asyncio.Queue[bytes | None]] = set()
        # Two scrypt checks at most at once, on threads of their own: the relay's loop stays
        # quick, and the memory each check takes (16 MiB) is kept by two threads, not more.
        self._checking = ThreadPoolExecutor(2, thread_name_prefix="view-login")
        self._runner: web.AppRunner | None = None
        self._pusher: asyncio.Task[None] | None = None
        self.url = ""
        self.pushes = 0

    # -- life cycle -------------------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[_headers])
        app.router.add_get("/", self._page)
        app.router.add_get("/login", self._login_page)
        app.router.add_post("/login", self._login)
        app.router.add_post("/logout", self._logout)
        app.router.add_get("/api/state", self._state)
        app.router.add_get("/api/events", self._events)
        app.router.add_get("/chart.svg", self._chart)
        app.router.add_get("/static/{name}", self._static)
        return app

    async def start(self) -> None:
        where = split_listen(self.settings.listen)
        if where is None:
            raise SettingsError(f"[view] listen: {self.settings.listen!r} is not host:port")
        host, port = where
        context = self._tls_context()
        if context is None and not is_loopback_host(host):
            raise SettingsError("[view] cert_file: must be set (with key_file) to serve the "
                                f"view on {host}; plain HTTP is only for loopback addresses")
        self._runner = web.AppRunner(self.app(), access_log=None, handle_signals=False,
                                     shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port, ssl_context=context)
        try:
            await site.start()
        except OSError as exc:
            await self._runner.cleanup()
            raise SettingsError(f"[view] listen: cannot serve the view on {host}:{port}: "
                                f"{exc.strerror or exc}") from None
        bound = self._runner.addresses[0]  # the real port when listen asked for port 0
        shown = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
        self.url = f"{'https' if context else 'http'}://{shown}:{bound[1]}/"
        self._pusher = asyncio.get_running_loop().create_task(self._push_loop(),
                                                               name="view-push")
        log.info("site view at %s", self.url)

    async def stop(self) -> None:
        if self._pusher is not None:
            self._pusher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pusher
        for queue in list(self._views):
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(None)
        if self._runner is not None:
            await self._runner.cleanup()
        self._checking.shutdown(wait=False, cancel_futures=True)

    def _tls_context(self) -> ssl.SSLContext | None:
        if not self.settings.cert_file:
            return None
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        try:
            context.load_cert_chain(self.settings.cert_file, self.settings.key_file)
        except (OSError, ssl.SSLError) as exc:
            what = getattr(exc, "strerror", None) or str(exc)
            raise SettingsError(f"[view] cert_file/key_file: cannot load "
                                f"{self.settings.cert_file} with {self.settings.key_file}: "
                                f"{what}") from None
        return context

    # -- pushing ----------------------------------------------------------------------------

    async def _push_loop(self) -> None:
        while True:
            await asyncio.sleep(PUSH_EVERY_S)
            try:
                self.push_now()
            except Exception:  # a bug must not end the pushes: say it, go on
                log.error("site view: push failed", exc_info=True)

    def push_now(self) -> None:
        if self.poll is not None:
            self.poll(self.view)
        self.view.tick()
        delta = self.view.delta()
        if delta is None:
            return
        self.pushes += 1
        frame = _sse(delta)
        for queue in list(self._views):
            try:
                queue.put_nowait(frame)
            except asyncio.QueueFull:  # too slow: dropped; it reconnects and starts afresh
                self._views.discard(queue)
                with contextlib.suppress(asyncio.QueueEmpty):
                    queue.get_nowait()
                queue.put_nowait(None)

    # -- sessions ---------------------------------------------------------------------------

    def _user_hashes(self) -> dict[str, str]:
        """The users file, read again when it changed (``view-user`` needs no restart)."""
        try:
            stat = self.users_file.stat()
            key = (stat.st_mtime, stat.st_size)
        except OSError:
            key = (0.0, -1)
        if self._users is None or self._users[0] != key:
            try:
                self._users = (key, read_users(self.users_file))
            except SettingsError as exc:
                log.warning("site view: %s", exc)
                self._users = (key, {})
        return self._users[1]

    def _session_user(self, request: web.Request) -> str | None:
        token = request.cookies.get(COOKIE)
        name = self.sessions.user(token)
        if name is not None and name not in self._user_hashes():
            self.sessions.end(token)  # the user was deleted: the session goes with it
            return None
        return name

    def _require(self, request: web.Request) -> str:
        name = self._session_user(request)
        if name is None:
            raise web.HTTPUnauthorized(text="log in first: /login",
                                       headers={"Cache-Control": "no-store"})
        return name

    # -- handlers ---------------------------------------------------------------------------

    async def _page(self, request: web.Request) -> web.StreamResponse:
        if self._session_user(request) is None:
            raise web.HTTPSeeOther("/login")
        return _html(_static("index.html"))

    async def _login_page(self, request: web.Request) -> web.StreamResponse:
        if self._session_user(request) is not None:
            raise web.HTTPSeeOther("/")
        return _html(_login_html(""))

    async def _login(self, request: web.Request) -> web.StreamResponse:
        _same_origin(request)
        try:
            form = await request.post()
        except web.HTTPRequestEntityTooLarge:
            raise
        except Exception:  # a malformed body, whatever the parser makes of it: refused
            return _html(_login_html("The form could not be read."), 400)
        name, password = form.get("username"), form.get("password")
        if not isinstance(name, str) or not isinstance(password, str):
            return _html(_login_html("Give a user name and a password."), 400)
        name = name.strip()
        address = f"address:{request.remote or '?'}"
        keys = (address, f"name:{name.lower()[:64]}")
        wait = self.throttle.wait_s(*keys)
        if wait > 0:
            return _html(_login_html(f"Too many failed logins: try again in {wait:.0f} s."),
                         429, {"Retry-After": str(max(1, round(wait)))})
        stored = self._user_hashes().get(name) if check_name(name) is None else None
        ok = bool(password) and len(password) <= MAX_PASSWORD and await asyncio.get_running_loop(
        ).run_in_executor(self._checking, verify_password, password, stored)
        if not ok:
            self.throttle.failed(*keys)
            log.info("site view: failed login for %r from %s", name[:64], request.remote)
            return _html(_login_html("Wrong user name or password."), 401)
        self.throttle.succeeded(*keys)
        token, expires = self.sessions.create(name)
        log.info("site view: %s logged in from %s", name, request.remote)
        response = _see_other("/")
        response.set_cookie(COOKIE, token, max_age=max(1, round(expires - time.time())),
                            path="/", httponly=True, samesite="Strict", secure=self.tls)
        return response

    async def _logout(self, request: web.Request) -> web.StreamResponse:
        _same_origin(request)
        self.sessions.end(request.cookies.get(COOKIE))
        response = _see_other("/login")
        response.del_cookie(COOKIE, path="/")
        return response

    async def _state(self, request: web.Request) -> web.StreamResponse:
        self._require(request)
        return web.json_response(self.view.snapshot(), headers={"Cache-Control": "no-store"})

    async def _chart(self, request: web.Request) -> web.StreamResponse:
        self._require(request)
        return web.Response(body=hours_svg(self.view.hours, time.localtime().tm_hour),
                            content_type="image/svg+xml",
                            headers={"Cache-Control": "no-store"})

    async def _static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        kind = STATIC_TYPES.get(name)
        if kind is None:
            raise web.HTTPNotFound()
        return web.Response(body=_static(name), content_type=kind,
                            headers={"Cache-Control": "no-cache"})

    async def _events(self, request: web.Request) -> web.StreamResponse:
        self._require(request)
        if len(self._views) >= MAX_VIEWS:
            raise web.HTTPServiceUnavailable(text="too many views open")
        token = request.cookies.get(COOKIE)
        response = web.StreamResponse(headers={
            "Content-Type": "text/event-stream", "Cache-Control": "no-store",
            "X-Accel-Buffering": "no"})
        await response.prepare(request)
        queue: asyncio.Queue[bytes | None] = asyncio.Queue(CLIENT_QUEUE)
        self._views.add(queue)
        loop = asyncio.get_running_loop()
        recheck = loop.time() + RECHECK_S
        try:
            await response.write(b"retry: 3000\n\n" + _sse(self.view.snapshot()))
            while True:
                try:
                    async with asyncio.timeout(PING_EVERY_S):  # no task per frame, as wait_for
                        frame = await queue.get()
                except TimeoutError:
                    frame = b": ping\n\n"
                if frame is None:
                    break
                if loop.time() >= recheck:
                    recheck = loop.time() + RECHECK_S
                    name = self.sessions.user(token)
                    if name is None or name not in self._user_hashes():
                        break  # expired or deleted: the page's next try gets the login
                await response.write(frame)
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self._views.discard(queue)
        return response


@web.middleware
async def _headers(request: web.Request,
                   handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                   ) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        _secure(exc.headers)
        raise
    _secure(response.headers)
    return response


def _secure(headers: Any) -> None:
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("X-Frame-Options", "DENY")


def _same_origin(request: web.Request) -> None:
    """A form posted from another site is refused (the cookie's SameSite=Strict aside)."""
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        host = origin.partition("://")[2]
        if host != request.host:
            raise web.HTTPForbidden(text="cross-site form refused")


def _see_other(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location, "Cache-Control": "no-store"})


def _sse(data: dict[str, Any]) -> bytes:
    return b"event: state\ndata: " + json.dumps(data, separators=(",", ":")).encode() + b"\n\n"


def _html(body: bytes, status: int = 200, headers: dict[str, str] | None = None
          ) -> web.Response:
    return web.Response(body=body, status=status, content_type="text/html", charset="utf-8",
                        headers={"Cache-Control": "no-store", **(headers or {})})


def _login_html(error: str) -> bytes:
    page = _static("login.html").decode()
    return page.replace("{{error}}", html.escape(error)).encode()

"""A UCM on loopback, faithful to docs/ucm-event-stream.md, for the tests and ``--demo``.

One TLS port (certificate made at start, pinned by its SHA-256 fingerprint) serves the event
WebSocket at ``GET /websockify`` (challenge -> md5 login -> all-or-nothing subscribe ->
notify frames, heartbeat, anything else -19) and the HTTPS API at ``POST /api`` (cookie in the
body). Calls are played from ``sim/ucm_scenarios.py``. ``DemoUcm`` rings the demo agent's
extension now and again.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import random
import secrets
import socket
import ssl
import time
from collections.abc import Iterable
from typing import Any

from aiohttp import WSMsgType, web

from ucm_popup.settings import UcmSettings
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.demo_data import DEMO_CALLS, DEMO_EXTENSION
from ucm_popup.sim.ucm_certificate import make_certificate
from ucm_popup.ucm.protocol import login_token
from ucm_popup.ucm.tls import certificate_fingerprint

log = logging.getLogger(__name__)

KNOWN_EVENTS = frozenset({
    "ActiveCallStatus", "ExtensionStatus", "PbxStatus", "TrunkStatus", "InterfaceStatus",
    "EquipmentCapacityStatus", "VoiceMailStatus", "PresenceStatus", "ResourceUsageStatus",
    "CallQueueStatus", "ConferenceStatus",
})
MAX_ENDED = 10_000  # deleted channels remembered, so their late rows are not listed
WRONG_PASSWORD = -37  # the HTTPS API's code; the WS code is not documented
# End-to-end tests run the demo in another process: there it writes the dial requests it
# received to this folder, for the test to read.
TEST_HOOK_ENV = "UCM_POPUP_TEST_HOOK_DIR"


class UcmSimulator:
    """The simulated UCM. ``start()`` it, point a client at ``settings()``, play calls."""

    def __init__(
        self,
        *,
        username: str = "popup",
        password: str = "",
        api_username: str = "cdrapi",
        known_events: Iterable[str] = KNOWN_EVENTS,
        form_b: bool = False,
        single_notify: bool = False,
        certificate: tuple[bytes, bytes] | None = None,
        port: int = 0,
        sock: socket.socket | None = None,
    ) -> None:
        self.username = username
        self.password = password or secrets.token_urlsafe(12)
        self.api_username = api_username
        self.known_events = set(known_events)
        self.form_b = form_b  # replies as {"response":{...},"status":0}
        self.single_notify = single_notify  # notify "message" as one object per frame
        self.refuse_logins = False
        self.answer_heartbeats = True
        self.down = False  # restarting: /websockify answers 503
        self.received: list[tuple[float, dict[str, Any]]] = []  # (monotonic, request message)
        self.api_requests = 0  # HTTP requests that reached POST /api
        self.api_received: list[dict[str, Any]] = []  # every /api request, as received
        # Click-to-dial: the extensions that exist, whether the API user may dial, and how
        # the simulated phones behave (the agent's picks up, the far end answers, both talk).
        self.extensions = {DEMO_EXTENSION, "1000", "1001", "1003", "1004", "1005"}
        self.api_may_dial = True
        self.dial_actions = {"dialOutbound", "dialExtension"}  # older firmware: none
        # Actions the API user has no permission for: -47, as a UCM630x answers them.
        self.denied_actions: set[str] = set()
        self.cdrs: list[dict[str, Any]] = []  # one per ended leg, as cdrapi serves them
        self.pickup_s = 1.0
        self.far_answer_s = 1.0
        self.talk_s = 5.0
        self._dial_tasks: set[asyncio.Task[None]] = set()
        self.connections = 0
        self.rows = sc.CallRows()
        self.unbridged: dict[str, dict[str, Any]] = {}
        self.bridged: dict[str, dict[str, Any]] = {}
        # Channels deleted, oldest first (at most MAX_ENDED): their late rows are sent but
        # never listed again, as a real UCM lists only live channels.
        self._ended: dict[str, None] = {}
        self._certificate = certificate
        self._subscribed: dict[web.WebSocketResponse, web.BaseRequest] = {}
        self._sockets: dict[web.WebSocketResponse, web.BaseRequest] = {}
        self._cookies: set[str] = set()
        self._api_challenges: dict[str, str] = {}
        self._cookie_ids = itertools.count(100000001)
        self._runner: web.AppRunner | None = None
        self._started_at = time.time()
        self._subscribers_changed = asyncio.Event()
        self.port = port  # 0: any free port
        # A socket bound already, by a test that held the port while the "UCM" was away: no
        # other program can take it in between (bound but not listening refuses connections).
        self._sock = sock
        self.fingerprint = ""

    # -- life cycle ----------------------------------------------------------------------

    async def start(self) -> UcmSimulator:
        cert_pem, key_pem = self._certificate or make_certificate()
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        _load_chain(context, cert_pem, key_pem)
        self.fingerprint = certificate_fingerprint(
            ssl.PEM_cert_to_DER_cert(cert_pem.decode("ascii").split("-----END CERTIFICATE-----")[0]
                                     + "-----END CERTIFICATE-----\n")
        )
        app = web.Application(client_max_size=1 << 20)
        app.router.add_get("/websockify", self._websockify)
        app.router.add_post("/api", self._api)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        sock, self._sock = self._sock, None
        if sock is None:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("127.0.0.1", self.port))  # loopback only, always
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock, ssl_context=context).start()
        return self

    async def aclose(self) -> None:
        for task in list(self._dial_tasks):
            task.cancel()
        await self.drop_clients()
        if self._runner is not None:
            runner, self._runner = self._runner, None
            await runner.cleanup()

    def settings(self, extension: str = DEMO_EXTENSION, *, pinned: bool = True) -> UcmSettings:
        return UcmSettings(host="127.0.0.1", port=self.port, username=self.username,
                           extension=extension, fingerprint=self.fingerprint if pinned else "",
                           api_username=self.api_username)

    # -- what tests and the demo drive ---------------------------------------------------

    @property
    def subscribers(self) -> int:
        return len(self._subscribed)

    async def wait_subscribed(self, count: int = 1, timeout: float = 10.0) -> None:
        async with asyncio.timeout(timeout):
            while len(self._subscribed) < count:
                self._subscribers_changed.clear()
                await self._subscribers_changed.wait()

    def requests(self, action: str) -> list[tuple[float, dict[str, Any]]]:
        return [(at, m) for at, m in self.received if m.get("action") == action]

    async def notify(self, items: list[sc.Item]) -> float:
        """Send these notify items to every subscribed client; the ``perf_counter`` time."""
        self._apply(items)
        notes = [{"transactionid": "", "action": "notify", "eventname": name, "eventbody": body}
                 for name, body in items]
        if self.single_notify:
            texts = [json.dumps({"type": "request", "message": note}) for note in notes]
        else:
            texts = [json.dumps({"type": "request", "message": notes})]
        sent = time.perf_counter()
        for ws in list(self._subscribed):
            for text in texts:
                await self._send(ws, text)
        return sent

    async def send_raw(self, data: str | bytes, *, text: bool = False) -> None:
        """Any frame at all, to every subscribed client (malformed and oversized ones).  Bytes
        go as a binary frame, or with ``text`` as a text frame that need not even be UTF-8."""
        for ws in list(self._subscribed):
            if isinstance(data, bytes):
                await ws.send_frame(data, WSMsgType.TEXT if text else WSMsgType.BINARY)
            else:
                await self._send(ws, data)

    async def play(self, steps: list[sc.Step], speed: float = 1.0,
                   ringing: asyncio.Future[float] | None = None) -> None:
        """Play a call: each step's delay (times ``speed``), then its frame."""
        for step in steps:
            if step.delay_s * speed > 0:
                await asyncio.sleep(step.delay_s * speed)
            sent = await self.notify(step.items)
            if step.ringing and ringing is not None and not ringing.done():
                ringing.set_result(sent)

    def expire_api_sessions(self) -> None:
        """Every API cookie forgotten, as after the UCM's session lifetime: -6 next time."""
        self._cookies.clear()

    def dial_requests(self) -> list[dict[str, Any]]:
        """The dialOutbound/dialExtension requests received, accepted or not."""
        return [r for r in self.api_received
                if r.get("action") in ("dialOutbound", "dialExtension")]

    async def drop_clients(self) -> None:
        """Every WebSocket cut without a close frame (a network failure, a crash)."""
        for ws, request in list(self._sockets.items()):
            if request.transport is not None:
                request.transport.abort()
            self._forget(ws)

    async def close_clients(self, code: int = 1001) -> None:
        """Every WebSocket closed properly by the UCM."""
        for ws in list(self._sockets):
            await ws.close(code=code, message=b"going away")
            self._forget(ws)

    async def restart(self, down_s: float = 1.0) -> None:
        """A PBX restart: links closed, no WebSocket for ``down_s``, state forgotten."""
        self.down = True
        await self.close_clients()
        self.unbridged.clear()
        self.bridged.clear()
        self._ended.clear()
        await asyncio.sleep(down_s)
        self.down = False

    # -- /websockify -------------------------------------------------------------------

    async def _websockify(self, request: web.Request) -> web.StreamResponse:
        if self.down:
            return web.Response(status=503, text="restarting")
        ws = web.WebSocketResponse(compress=False, max_msg_size=1 << 20, autoping=True)
        await ws.prepare(request)
        self.connections += 1
        self._sockets[ws] = request
        challenge = ""
        logged_in = False
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                try:
                    message = json.loads(msg.data)["message"]
                    action = message["action"]
                except (ValueError, KeyError, TypeError):
                    continue
                self.received.append((time.monotonic(), message))
                tx = message.get("transactionid", "")
                if action == "challenge":
                    challenge = f"{random.randrange(10**10):016d}"
                    await self._reply(ws, tx, action, 0, challenge=challenge)
                elif action == "login":
                    logged_in = (not self.refuse_logins and bool(challenge)
                                 and message.get("username") == self.username
                                 and message.get("token") == login_token(challenge, self.password))
                    await self._reply(ws, tx, action, 0 if logged_in else WRONG_PASSWORD)
                elif action == "subscribe":
                    names = message.get("eventnames")
                    ok = (logged_in and isinstance(names, list) and bool(names)
                          and all(isinstance(n, str) and n.partition("/")[0] in self.known_events
                                  for n in names))
                    await self._reply(ws, tx, action, 0 if ok else -9)
                    if ok:
                        self._subscribed[ws] = request
                        self._subscribers_changed.set()
                elif action == "heartbeat":
                    if self.answer_heartbeats:
                        await self._reply(ws, tx, action, "0")
                elif action == "logout":
                    await self._reply(ws, tx, action, 0)
                    await ws.close()
                else:
                    await self._reply(ws, tx, action, -19)
        finally:
            self._forget(ws)
        return ws

    async def _reply(self, ws: web.WebSocketResponse, tx: str, action: str, status: int | str,
                     **fields: Any) -> None:
        if self.form_b:
            frame: dict[str, Any] = {"response": fields, "status": status}
        else:
            frame = {"type": "response", "message": {"transactionid": tx, "action": action,
                                                       "status": status, **fields}}
        await self._send(ws, json.dumps(frame))

    async def _send(self, ws: web.WebSocketResponse, text: str) -> None:
        try:
            await ws.send_str(text)
        except (ConnectionError, RuntimeError):
            self._forget(ws)

    def _forget(self, ws: web.WebSocketResponse) -> None:
        self._sockets.pop(ws, None)
        if self._subscribed.pop(ws, None) is not None:
            self._subscribers_changed.set()

    def _apply(self, items: list[sc.Item]) -> None:
        """Keep the channel lists that /api serves in step with the rows sent: live channels
        only, so a late or phantom row of a deleted channel never lists it again."""
        for name, body in items:
            if name != "ActiveCallStatus" or not isinstance(body, list):
                continue
            for row in body:
                table = self.bridged if row.get("chantype") == "bridge" else self.unbridged
                key = row.get("channel") or row.get("channel1") or ""
                if row.get("action") == "delete":
                    ended = table.pop(key, None)
                    if table is self.unbridged:
                        self._remember_ended(key)
                        if ended is not None:
                            self._record_cdr(ended)
                elif not {key, row.get("channel1"), row.get("channel2")} & self._ended.keys():
                    merged = {**table.get(key, {}), **row}
                    merged.pop("action", None)
                    table[key] = merged

    def _remember_ended(self, channel: str) -> None:
        self._ended.pop(channel, None)
        self._ended[channel] = None
        if len(self._ended) > MAX_ENDED:
            del self._ended[next(iter(self._ended))]

    # -- /api ----------------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        self.api_requests += 1
        try:
            req = (await request.json())["request"]
            action = req["action"]
        except (ValueError, KeyError, TypeError):
            return _api_reply(-1, error_msg="Invalid parameters!")
        if isinstance(req, dict):
            self.api_received.append(req)
        if action == "challenge":
            user = str(req.get("user", ""))
            challenge = f"{random.randrange(10**10):016d}"
            self._api_challenges[user] = challenge
            return _api_reply(0, challenge=challenge)
        if action == "login":
            user = str(req.get("user", ""))
            challenge = self._api_challenges.pop(user, "")
            if (self.refuse_logins or user != self.api_username or not challenge
                    or req.get("token") != login_token(challenge, self.password)):
                return _api_reply(WRONG_PASSWORD)
            cookie = f"sid{next(self._cookie_ids)}-{int(time.time())}"
            self._cookies.add(cookie)
            return _api_reply(0, cookie=cookie)
        if req.get("cookie") not in self._cookies:
            return _api_reply(-6)
        if action in self.denied_actions:
            return _api_reply(-47)
        if action == "listUnBridgedChannels":
            return _api_reply(0, **_page(list(self.unbridged.values()), req))
        if action == "listBridgedChannels":
            return _api_reply(0, **_page(list(self.bridged.values()), req))
        if action == "getSystemStatus":
            return _api_reply(0, **{"up-time": f"{int(time.time() - self._started_at)}",
                                    "system-time": time.strftime("%Y-%m-%d %H:%M:%S UTC%z")})
        if action == "getSystemGeneralStatus":
            return _api_reply(0, **{"product-model": "UCM6304  V1.6A",
                                    "prog-version": "1.0.33.30"})
        if action == "listAccount":
            return _api_reply(0, **_page(self._accounts(), req, "account"))
        if action == "cdrapi":
            return self._cdrapi(req)
        if action == "logout":
            self._cookies.discard(req.get("cookie"))
            return _api_reply(0)
        if action in self.dial_actions:
            return self._dial(action, req)
        return _api_reply(-1, error_msg="Invalid parameters!")

    def _dial(self, action: str, req: dict[str, Any]) -> web.Response:
        """Ring the caller's phone; when it picks up, call the number (played as rows)."""
        self._write_test_hook()
        if not self.api_may_dial:
            return _api_reply(-47)
        caller = req.get("caller")
        number = req.get("callee" if action == "dialExtension" else "outbound")
        if not isinstance(number, str) or not isinstance(caller, str):
            return _api_reply(-1, error_msg="Invalid parameters!")
        if caller not in self.extensions or not number or not all(
                c.isascii() and (c.isdigit() or c in "*#") for c in number):
            return _api_reply(-15)
        internal = action == "dialExtension"
        if internal and number not in self.extensions:
            return _api_reply(-15)
        steps = sc.click_to_dial_call(self.rows, extension=caller, number=number,
                                      callee_extension=internal, pickup_s=self.pickup_s,
                                      answer_s=self.far_answer_s, talk_s=self.talk_s)
        task = asyncio.get_running_loop().create_task(self.play(steps))
        self._dial_tasks.add(task)
        task.add_done_callback(self._dial_tasks.discard)
        return _api_reply(0, need_apply="no")


    def _accounts(self) -> list[dict[str, Any]]:
        busy = {str(row.get("callernum")) for row in self.unbridged.values()}
        return [{"extension": ext, "account_type": "SIP", "fullname": f"Desk {ext}",
                 "status": "InUse" if ext in busy else "Idle",
                 "addr": f"127.0.0.1:{5060 + n} (GXP1615)", "out_of_service": "no",
                 "department_name": ""}
                for n, ext in enumerate(sorted(self.extensions))]

    def _record_cdr(self, leg: dict[str, Any]) -> None:
        start = str(leg.get("alloc_time") or time.strftime("%Y-%m-%d %H:%M:%S"))
        src, dst = str(leg.get("callernum", "")), str(leg.get("connectednum", ""))
        answered = str(leg.get("state", "")).lower() == "up"
        self.cdrs.append({"main_cdr": {
            "start": start, "src": src, "dst": dst,
            "disposition": "ANSWERED" if answered else "NO ANSWER",
            "billsec": "0", "duration": "0", "clid": f'"{leg.get("callername", "")}" <{src}>',
            "AcctId": f"{start}-{src}", "channel": str(leg.get("channel", "")),
            "uniqueid": str(leg.get("uniqueid", "")), "linkedid": str(leg.get("linkedid", "")),
        }})
        del self.cdrs[:-1000]  # the newest thousand

    def _cdrapi(self, req: dict[str, Any]) -> web.Response:
        """CDRs as ``cdrapi`` gives them: ``{"cdr_root": [...]}``, with no ``status``."""
        rows = [cdr for cdr in self.cdrs
                if req.get("caller") in (None, "", cdr["main_cdr"]["src"])
                and req.get("callee") in (None, "", cdr["main_cdr"]["dst"])]
        try:
            count = min(1000, max(0, int(req.get("numRecords", 1000))))
            offset = max(0, int(req.get("offset", 0)))
        except (TypeError, ValueError):
            return _api_reply(-1, error_msg="Invalid parameters!")
        return web.json_response({"cdr_root": rows[offset : offset + count]})

    def _write_test_hook(self) -> None:
        import os
        from pathlib import Path

        directory = os.environ.get(TEST_HOOK_ENV)
        if not directory:
            return
        seen = [{k: v for k, v in r.items() if k != "cookie"} for r in self.dial_requests()]
        hook = {"pid": os.getpid(), "port": self.port, "dials": seen}
        Path(directory).mkdir(parents=True, exist_ok=True)
        tmp = Path(directory, "ucm-dials.json.tmp")
        tmp.write_text(json.dumps(hook), encoding="utf-8")
        tmp.replace(Path(directory, "ucm-dials.json"))


def _api_reply(status: int, **response: Any) -> web.Response:
    return web.json_response({"response": response, "status": status})


def _page(rows: list[dict[str, Any]], req: dict[str, Any], key: str = "channel"
          ) -> dict[str, Any]:
    try:
        size = max(1, int(req.get("item_num", 30)))
        page = max(1, int(req.get("page", 1)))
    except (TypeError, ValueError):
        size, page = 30, 1
    return {key: rows[(page - 1) * size : page * size], "total_item": len(rows),
            "total_page": max(1, -(-len(rows) // size)), "page": page}


def _load_chain(context: ssl.SSLContext, cert_pem: bytes, key_pem: bytes) -> None:
    """ssl wants files: write them to a private temporary directory for a moment."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="ucm-sim-") as folder:
        cert, key = Path(folder, "cert.pem"), Path(folder, "key.pem")
        cert.write_bytes(cert_pem)
        key.touch(0o600)
        key.write_bytes(key_pem)
        context.load_cert_chain(cert, key)


class DemoUcm:
    """The ``--demo`` UCM: extension 1002 rings ~3 s after start, then every 20-40 s."""

    def __init__(self, simulator: UcmSimulator) -> None:
        self.simulator = simulator
        self.settings = simulator.settings(DEMO_EXTENSION)
        self.password = simulator.password
        self._cycle = itertools.cycle(DEMO_CALLS)
        self._tasks: set[asyncio.Task[Any]] = set()

    def _spawn(self, coro: Any) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def ring_now(self) -> float:
        """Ring the next call of the cycle; the ``perf_counter`` time its ringing frame left."""
        call = next(self._cycle)
        ringing: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        steps = sc.demo_call(self.simulator.rows, call)
        self._spawn(self.simulator.play(steps, ringing=ringing))
        return await ringing

    def schedule(self, first_s: float = 3.0, every_s: tuple[float, float] = (20.0, 40.0)) -> None:
        async def ring_now_and_again() -> None:
            await asyncio.sleep(first_s)
            while True:
                await self.ring_now()
                await asyncio.sleep(random.uniform(*every_s))

        self._spawn(ring_now_and_again())

    async def aclose(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.wait(list(self._tasks), timeout=2)
        await self.simulator.aclose()


async def start_demo_ucm(schedule: bool = True) -> DemoUcm:
    simulator = await UcmSimulator(username="demo").start()
    demo = DemoUcm(simulator)
    if schedule:
        demo.schedule()
    return demo

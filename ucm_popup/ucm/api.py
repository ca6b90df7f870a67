"""A small client of the UCM's HTTPS API (``POST /api``, docs/ucm-event-stream.md).

Not needed to follow calls (the WebSocket does that); useful to read the channels the UCM
has now, and to dial (``dialOutbound``/``dialExtension``: click-to-dial). The API has its own
user (e.g. ``cdrapi``); the cookie goes in the JSON body, and on
``-6``/``-8`` (cookie expired) the client logs in again and retries once.
"""

from __future__ import annotations

import re
import ssl
from typing import Any

import httpx

from ucm_popup.errors import AuthError, ServiceError, UcmPopupError
from ucm_popup.logs import register_secret
from ucm_popup.settings import UcmSettings
from ucm_popup.text import one_line
from ucm_popup.ucm.protocol import login_token, parse_frame
from ucm_popup.ucm.tls import PinMismatch, make_ssl_context, untrusted

_COOKIE_EXPIRED = (-6, -8)
INVALID_VALUE = -15
NO_SUCH_ITEM = -16
NO_PERMISSION = -47


class UcmApiClient:
    def __init__(self, ucm: UcmSettings, username: str, password: str, *,
                 timeout: float = 10.0) -> None:
        register_secret(password)
        self.ucm = ucm
        self.username = username
        self._password = password
        self._cookie = ""
        host = f"[{ucm.host}]" if ":" in ucm.host else ucm.host
        self.url = f"https://{host}:{ucm.port}/api"
        self._client = httpx.AsyncClient(verify=make_ssl_context(ucm), timeout=timeout)

    async def __aenter__(self) -> UcmApiClient:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._cookie:
            try:
                await self._post({"action": "logout", "cookie": self._cookie})
            except ServiceError:
                pass
            self._cookie = ""
        await self._client.aclose()

    async def call(self, action: str, **params: Any) -> dict[str, Any]:
        """``response`` of an action; ServiceError on a negative status."""
        status, response = await self._request(action, **params)
        if status != 0:
            raise ServiceError(
                f"the UCM API at {self.ucm.host}:{self.ucm.port} answered status {status} "
                f"to {action}"
            )
        return response

    async def dial(self, extension: str, number: str, *, internal: bool = False) -> None:
        """Ring ``extension`` and, once it picks up, call ``number`` (digits, ``*``, ``#``:
        see ``ucm_popup.dial``); ``internal`` numbers are other extensions.  A refusal is one
        line that names the UCM setting to check."""
        if internal:
            status, _ = await self._request("dialExtension", caller=extension, callee=number)
        else:
            status, _ = await self._request("dialOutbound", caller=extension, outbound=number)
        if status != 0:
            raise dial_refused(self.ucm.host, self.username, extension, number, status,
                               internal=internal)

    async def _request(self, action: str, **params: Any) -> tuple[Any, dict[str, Any]]:
        """(status, response) of an action, logged in; after an expired cookie, once again."""
        for attempt in range(2):
            if not self._cookie:
                await self.login()
            reply = await self._post({"action": action, "cookie": self._cookie, **params})
            status = _status(reply.get("status"))
            if status in _COOKIE_EXPIRED and attempt == 0:
                self._cookie = ""
                continue
            response = reply.get("response")
            return status, response if isinstance(response, dict) else {}
        raise AssertionError("unreachable")

    async def login(self) -> None:
        reply = await self._post({"action": "challenge", "user": self.username, "version": "1.0"})
        response = reply.get("response")
        challenge = response.get("challenge") if isinstance(response, dict) else None
        if _status(reply.get("status")) == 0 and isinstance(challenge, str):
            reply = await self._post({"action": "login", "user": self.username,
                                      "token": login_token(challenge, self._password)})
            response = reply.get("response")
            cookie = response.get("cookie") if isinstance(response, dict) else None
            if _status(reply.get("status")) == 0 and isinstance(cookie, str) and cookie:
                register_secret(cookie)
                self._cookie = cookie
                return
        status = _status(reply.get("status"))
        advice = ("check that this computer's address is in the API's Permitted IP(s)"
                  if status == NO_PERMISSION else "check the API user and password")
        raise AuthError(
            f"the UCM API at {self.ucm.host}:{self.ucm.port} refused user {self.username!r} "
            f"(status {one_line(str(status), 40)}): {advice}"
        )

    async def list_channels(self, bridged: bool = False) -> list[dict[str, Any]]:
        action = "listBridgedChannels" if bridged else "listUnBridgedChannels"
        rows: list[dict[str, Any]] = []
        page = 1
        while True:
            response = await self.call(action, page=page, item_num=100)
            channels = response.get("channel")
            rows.extend(row for row in channels or [] if isinstance(row, dict))
            if page >= int(response.get("total_page") or 1):
                return rows
            page += 1

    async def _post(self, request: dict[str, Any]) -> dict[str, Any]:
        try:
            # With a pin, the TLS handshake checks it: a wrong certificate fails here, before
            # the request (and the user name in it) is sent.
            answer = await self._client.post(self.url, json={"request": request})
        except httpx.ConnectError as exc:
            cause = _certificate_error(exc)
            if isinstance(cause, PinMismatch):
                raise untrusted(self.ucm, cause.presented, cause.verify_message) from None
            if cause is not None:
                raise untrusted(self.ucm, "", cause.verify_message or "") from None
            raise ServiceError(
                f"cannot reach the UCM API at {self.ucm.host}:{self.ucm.port}: {exc}"
            ) from None
        except httpx.HTTPError as exc:
            raise ServiceError(
                f"the UCM API at {self.ucm.host}:{self.ucm.port} failed: {exc}"
            ) from None
        reply = parse_frame(answer.content)
        if reply is None:
            raise ServiceError(f"the UCM API at {self.ucm.host}:{self.ucm.port} answered "
                               "something that is not a JSON object")
        return reply


def _status(value: Any) -> Any:
    """Firmware sends the status as a number or as a string: compare them as numbers."""
    if isinstance(value, str) and re.fullmatch(r"-?[0-9]{1,6}", value.strip()):
        return int(value)
    return value


def dial_refused(host: str, api_user: str, extension: str, number: str, status: Any, *,
                 internal: bool = False) -> UcmPopupError:
    """The one line for a dial the UCM refused, naming the setting on the UCM to check."""
    shown = one_line(str(status), 40)
    what = f"the UCM at {host} refused to dial {number} for extension {extension} (status {shown}"
    if status == NO_PERMISSION:
        return AuthError(
            f"{what}, no permission): allow API user {api_user!r} to dial on the UCM (HTTPS API "
            "settings: the user's permissions, and this computer's address in Permitted IP(s))"
        )
    if status in (INVALID_VALUE, NO_SUCH_ITEM) and internal:
        return ServiceError(f"{what}, invalid value): check that extensions {extension} and "
                            f"{number} both exist on the UCM")
    if status in (INVALID_VALUE, NO_SUCH_ITEM):
        return ServiceError(
            f"{what}, invalid value): check that extension {extension} exists and that its "
            "outbound permission (the extension's Permission and the outbound route's "
            "privilege level) allows this number"
        )
    return ServiceError(
        f"{what}): this UCM firmware may lack click-to-dial; check that the UCM's HTTPS API "
        "(New) is enabled and its firmware is up to date"
    )


def _certificate_error(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate error under httpx's and httpcore's wrappers, if that is what failed."""
    cause: BaseException | None = exc
    for _depth in range(8):  # a few wrappers deep; never round a cycle for ever
        if cause is None or isinstance(cause, ssl.SSLCertVerificationError):
            return cause
        cause = cause.__cause__ or cause.__context__
    return None

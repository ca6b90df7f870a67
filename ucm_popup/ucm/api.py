"""A small client of the UCM's HTTPS API (``POST /api``, docs/ucm-event-stream.md).

Not needed to follow calls (the WebSocket does that); useful to read the channels the UCM
has now. The API has its own user (e.g. ``cdrapi``); the cookie goes in the JSON body, and on
``-6``/``-8`` (cookie expired) the client logs in again and retries once.
"""

from __future__ import annotations

import ssl
from typing import Any

import httpx

from ucm_popup.errors import AuthError, ServiceError
from ucm_popup.logs import register_secret
from ucm_popup.settings import UcmSettings
from ucm_popup.ucm.protocol import login_token, parse_frame
from ucm_popup.ucm.tls import PinMismatch, make_ssl_context, untrusted

_COOKIE_EXPIRED = (-6, -8)


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
        for attempt in range(2):
            if not self._cookie:
                await self.login()
            reply = await self._post({"action": action, "cookie": self._cookie, **params})
            status = reply.get("status")
            if status in _COOKIE_EXPIRED and attempt == 0:
                self._cookie = ""
                continue
            if status != 0:
                raise ServiceError(
                    f"the UCM API at {self.ucm.host}:{self.ucm.port} answered status {status} "
                    f"to {action}"
                )
            response = reply.get("response")
            return response if isinstance(response, dict) else {}
        raise AssertionError("unreachable")

    async def login(self) -> None:
        reply = await self._post({"action": "challenge", "user": self.username, "version": "1.0"})
        response = reply.get("response")
        challenge = response.get("challenge") if isinstance(response, dict) else None
        if reply.get("status") == 0 and isinstance(challenge, str):
            reply = await self._post({"action": "login", "user": self.username,
                                      "token": login_token(challenge, self._password)})
            response = reply.get("response")
            cookie = response.get("cookie") if isinstance(response, dict) else None
            if reply.get("status") == 0 and isinstance(cookie, str) and cookie:
                register_secret(cookie)
                self._cookie = cookie
                return
        raise AuthError(
            f"the UCM API at {self.ucm.host}:{self.ucm.port} refused user {self.username!r} "
            f"(status {reply.get('status')}): check the API user and password"
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


def _certificate_error(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate error under httpx's and httpcore's wrappers, if that is what failed."""
    cause: BaseException | None = exc
    for _depth in range(8):  # a few wrappers deep; never round a cycle for ever
        if cause is None or isinstance(cause, ssl.SSLCertVerificationError):
            return cause
        cause = cause.__cause__ or cause.__context__
    return None

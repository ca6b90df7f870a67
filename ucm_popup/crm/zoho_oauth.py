"""Zoho OAuth: one cached access token per refresh token, and the grant-code exchange.

Zoho lets a refresh token mint about 10 access tokens per 10 minutes and answers errors with
HTTP 200 bodies, so: the token is kept until a minute before it expires, one request refreshes
it however many lookups wait (an asyncio lock), an ``Access Denied`` throttle stops all token
requests for the rest of the window, and a reply without ``access_token`` is always an error.
Secrets go in the form body, never in the URL (URLs end up in logs).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from ucm_popup.crm.datacentres import ZOHO_API_HOSTS, data_centre_for, host_of
from ucm_popup.crm.http import fetch, new_client, parse_json
from ucm_popup.errors import AuthError, Problem, ServiceError, SettingsError
from ucm_popup.logs import register_secret
from ucm_popup.settings import ZohoV2Settings, check_server_url
from ucm_popup.text import one_line

log = logging.getLogger(__name__)

EXPIRY_MARGIN_S = 60.0  # refresh this long before Zoho's expiry, so no request races it
THROTTLE_WINDOW_S = 600.0  # Zoho: 10 access tokens per refresh token per 10 minutes
MAX_LIFETIME_S = 86400.0  # Zoho's tokens last an hour; a longer claim is not believed
# One deadline for the whole grant-code exchange: httpx's timeouts are per read, and a server
# sending a byte every two seconds would otherwise keep the command waiting indefinitely.
GRANT_TIMEOUT_S = 15.0
SCOPES = (
    "ZohoCRM.modules.contacts.READ,ZohoCRM.modules.leads.READ,ZohoCRM.modules.accounts.READ,"
    "ZohoCRM.coql.READ,ZohoCRM.org.READ"
)
# What writing to the CRM adds (``[crm] log_calls``, ``add_unknown``).  Reading Calls and
# Notes lets a write whose answer never came (a time-out) be looked for before writing again.
LOG_CALLS_SCOPES = ("ZohoCRM.modules.calls.CREATE", "ZohoCRM.modules.calls.READ")
NOTES_SCOPES = ("ZohoCRM.modules.notes.CREATE", "ZohoCRM.modules.notes.READ")
# Zoho's Notes API wants the parent module's scope as well as the notes scope: with the call
# log on, notes go on the Calls record (calls.CREATE above); else on the caller's record.
NOTE_PARENT_SCOPES = ("ZohoCRM.modules.contacts.CREATE", "ZohoCRM.modules.leads.CREATE",
                      "ZohoCRM.modules.accounts.CREATE")


def write_scopes(log_calls: bool, add_unknown: str) -> tuple[str, ...]:
    """The write scopes the chosen options need; notes come with either option."""
    if not log_calls and not add_unknown:
        return ()
    scopes = list(LOG_CALLS_SCOPES) if log_calls else []
    scopes += NOTES_SCOPES
    if add_unknown:
        scopes.append(f"ZohoCRM.modules.{add_unknown.lower()}.CREATE")
    if not log_calls:  # notes go on the caller's record: Zoho asks for its module's scope too
        scopes += NOTE_PARENT_SCOPES
    return tuple(dict.fromkeys(scopes))


def scopes_for(log_calls: bool, add_unknown: str) -> str:
    """The scopes to generate a grant code for: reading, plus what the options write."""
    return ",".join((SCOPES, *write_scopes(log_calls, add_unknown)))


def missing_scopes(granted: tuple[str, ...], log_calls: bool, add_unknown: str
                   ) -> tuple[str, ...]:
    """The write scopes the options need that ``granted`` lacks (``modules.ALL`` and
    ``modules.{module}.ALL`` cover their module's operations)."""
    have = set(granted)
    missing = []
    for scope in write_scopes(log_calls, add_unknown):
        module = scope.rsplit(".", 1)[0]
        if not have & {scope, f"{module}.ALL", "ZohoCRM.modules.ALL"}:
            missing.append(scope)
    return tuple(missing)


@dataclass(frozen=True)
class AccessToken:
    value: str
    api_domain: str
    expires_at: float  # monotonic clock


@dataclass(frozen=True)
class GrantResult:
    refresh_token: str
    api_domain: str
    scopes: tuple[str, ...]
    data_centre: str


def lifetime_seconds(body: dict[str, Any]) -> float:
    """``expires_in_sec`` where present (legacy shape, ``expires_in`` is then in ms), else
    ``expires_in`` in seconds; one hour when neither is usable; never more than a day."""
    for key in ("expires_in_sec", "expires_in"):
        value = body.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
            # min() before float(): an integer of 400 digits does not fit a float (and NaN is
            # not > 0: it falls through)
            return float(min(value, MAX_LIFETIME_S))
        if isinstance(value, str) and value.isascii() and value.isdigit():
            return min(float(value[:12]), MAX_LIFETIME_S)
    return 3600.0


def token_error(body: dict[str, Any], accounts_url: str, *, grant: bool = False) -> Exception:
    """The one-line error for a token reply without ``access_token`` (Zoho answers HTTP 200)."""
    raw = body.get("error")
    error = one_line(raw, 120).strip() if isinstance(raw, str) else ""
    if error == "invalid_client":
        return AuthError(
            "Zoho refused the client id/secret: check [zoho_v2] client_id, the client secret "
            f"and the data centre (accounts_url {accounts_url})",
            Problem.CLIENT_REFUSED,
        )
    if error == "invalid_code":
        if grant:
            return AuthError(
                "the grant code is wrong, already used or expired (codes last 3 minutes by "
                "default): generate a new one in the Zoho API console",
                Problem.GRANT_CODE_REFUSED,
            )
        return AuthError(
            "the Zoho refresh token is wrong or revoked: get a new one (authorize-zoho)",
            Problem.REFRESH_TOKEN_REFUSED,
        )
    if error.lower() == "access denied":
        return ServiceError(
            f"Zoho ({accounts_url}) is throttling token requests (over 10 access tokens in 10 "
            "minutes for this refresh token): lookups resume within 10 minutes"
        )
    if error:
        return AuthError(
            f"Zoho's accounts server {accounts_url} refused the token request: {error}"
        )
    return ServiceError(f"Zoho's accounts server {accounts_url} answered without an access token")


async def _token_request(
    client: httpx.AsyncClient, accounts_url: str, form: dict[str, str]
) -> dict[str, Any]:
    url = accounts_url.rstrip("/") + "/oauth/v2/token"
    server = f"Zoho's accounts server {accounts_url}"
    reply = await fetch(client, "POST", url, server, data=form)
    if reply.status == 429:
        raise ServiceError(f"{server} refused for load (HTTP 429)")
    if reply.status >= 500:
        raise ServiceError(f"{server} failed (HTTP {reply.status})")
    body = parse_json(reply, server)
    if not isinstance(body, dict):
        raise ServiceError(f"{server} answered something unusable")
    return body


def _api_domain(body: dict[str, Any], fallback: str, accounts_url: str) -> str:
    """The token reply's ``api_domain`` wins (it names the right data centre); without one,
    the settings' server.  Every later request carries the access token to this domain, so
    it must be one of Zoho's API hosts (https, default port, no path) or the very server the
    settings name: anything else is an error, and the token goes nowhere."""
    domain = body.get("api_domain")
    if domain is None or domain == "":
        return fallback.rstrip("/")
    if not isinstance(domain, str):
        problem = "it is not text"
    elif (bad_url := check_server_url(domain)) is not None:
        problem = bad_url
    elif _is_zoho_api(domain) or _same_server(domain, fallback):
        return domain.rstrip("/")
    else:
        problem = (f"{_shown(domain)} is not one of Zoho's API hosts (www.zohoapis.com, .eu, "
                   f".in, .com.au, .jp, .com.cn, .ca, .sa, .uk) nor [zoho_v2] server "
                   f"{_shown(fallback)}; the access token was not sent there")
    raise ServiceError(
        f"Zoho's accounts server {accounts_url} named an unusable API domain: "
        + one_line(problem, 300)
    )


def _shown(url: str) -> str:
    return repr(one_line(url, 80))


def _is_zoho_api(url: str) -> bool:
    parts = urlsplit(url)
    return (parts.scheme == "https" and parts.port in (None, 443)
            and parts.path in ("", "/") and host_of(url) in ZOHO_API_HOSTS)


def _same_server(url: str, server: str) -> bool:
    """``url`` names the settings' server: same scheme, host, port and path."""
    if not server:
        return False
    try:
        a, b = urlsplit(url), urlsplit(server)
        return ((a.scheme, host_of(url), a.port, a.path.rstrip("/"))
                == (b.scheme, host_of(server), b.port, b.path.rstrip("/")))
    except ValueError:  # the settings' server is checked elsewhere; never a match here
        return False


class TokenSource:
    """Hands out a valid access token; refreshes it with one request at a time."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        v2: ZohoV2Settings,
        client_secret: str,
        refresh_token: str,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        register_secret(client_secret)
        register_secret(refresh_token)
        self._client = client
        self._v2 = v2
        self._secret = client_secret
        self._refresh_token = refresh_token
        self._clock = clock
        self._token: AccessToken | None = None
        self._lock = asyncio.Lock()
        self._blocked_until = 0.0
        self._blocked_error: Exception | None = None

    async def get(self) -> AccessToken:
        token = self._token
        if token is not None and self._clock() < token.expires_at:
            return token
        async with self._lock:  # the first waiter refreshes; the others find its token
            token = self._token
            if token is not None and self._clock() < token.expires_at:
                return token
            return await self._refresh()

    def invalidate(self, rejected: AccessToken) -> None:
        """Zoho said INVALID_TOKEN for ``rejected``: drop it, unless a newer one replaced it."""
        if self._token is rejected:
            self._token = None

    async def _refresh(self) -> AccessToken:
        if self._blocked_error is not None and self._clock() < self._blocked_until:
            raise self._blocked_error  # never ask again inside the throttle window
        accounts = self._v2.accounts_url
        log.debug("refreshing the Zoho access token at %s", accounts)
        body = await _token_request(self._client, accounts, {
            "grant_type": "refresh_token",
            "client_id": self._v2.client_id,
            "client_secret": self._secret,
            "refresh_token": self._refresh_token,
        })
        value = body.get("access_token")
        if not isinstance(value, str) or not value:
            error = token_error(body, accounts)
            if isinstance(error, ServiceError):
                self._blocked_until = self._clock() + THROTTLE_WINDOW_S
                self._blocked_error = error
            raise error
        if not (value.isascii() and value.isprintable()) or " " in value:
            # It goes into an HTTP header: Zoho's are "1000.<hex>.<hex>"
            raise ServiceError(f"Zoho's accounts server {accounts} answered an access token "
                               "that is not a token (not printable ASCII)")
        register_secret(value)
        lifetime = lifetime_seconds(body)
        margin = min(EXPIRY_MARGIN_S, lifetime / 10)
        self._token = AccessToken(
            value, _api_domain(body, self._v2.server, accounts),
            self._clock() + lifetime - margin,
        )
        return self._token


async def exchange_grant_code(
    v2: ZohoV2Settings,
    client_secret: str,
    code: str,
    client: httpx.AsyncClient | None = None,
    timeout: float = GRANT_TIMEOUT_S,
) -> GrantResult:
    """Turn a self-client grant code into a refresh token at ``v2.accounts_url``, within
    ``timeout`` seconds for the whole exchange."""
    register_secret(client_secret)
    register_secret(code)
    if not v2.client_id:
        raise SettingsError("[zoho_v2] client_id is not set: copy it from the Zoho API console")
    owned = client is None
    http = client or new_client()
    try:
        async with asyncio.timeout(timeout):
            body = await _token_request(http, v2.accounts_url, {
                "grant_type": "authorization_code",
                "client_id": v2.client_id,
                "client_secret": client_secret,
                "code": code,
            })
    except TimeoutError:
        raise ServiceError(
            f"Zoho's accounts server {v2.accounts_url} did not answer within {timeout:g} s",
            Problem.TIMED_OUT,
        ) from None
    finally:
        if owned:
            await http.aclose()
    refresh_token = body.get("refresh_token")
    if not isinstance(refresh_token, str) or not refresh_token:
        if body.get("access_token"):
            raise AuthError(
                f"Zoho ({v2.accounts_url}) answered without a refresh token: generate the code "
                "for a Self Client with the access type 'offline' and try again"
            )
        raise token_error(body, v2.accounts_url, grant=True)
    register_secret(refresh_token)
    access_token = body.get("access_token")
    if isinstance(access_token, str):
        register_secret(access_token)
    api_domain = _api_domain(body, v2.server, v2.accounts_url)
    raw_scope = body.get("scope")
    scopes = tuple(raw_scope.replace(",", " ").split()) if isinstance(raw_scope, str) else ()
    return GrantResult(
        refresh_token, api_domain, scopes, data_centre_for(v2.accounts_url, api_domain)
    )

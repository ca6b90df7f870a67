"""The lookup service: number -> LookupResult, with caches so repeat callers cost nothing.

Result cache: 500 numbers for 10 minutes; numbers with no match for 60 seconds (a new contact
shows up quickly).  Errors are never cached.  The cache is checked with the number exactly as
the UCM gave it first (no parsing: a hit costs microseconds), then by its E.164 form.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ucm_popup.crm.model import LookupResult, Match, unique_matches
from ucm_popup.crm.phone import ReadNumber, read_number
from ucm_popup.errors import Problem, ServiceError, SettingsError, UcmPopupError
from ucm_popup.secrets import SecretStore
from ucm_popup.settings import Settings

if TYPE_CHECKING:
    from ucm_popup.crm.index_lookup import LocalIndex

log = logging.getLogger(__name__)

CACHE_SIZE = 500
HIT_TTL_S = 600.0
MISS_TTL_S = 60.0
LOOKUP_TIMEOUT_S = 5.0

Searcher = Callable[[tuple[str, ...], tuple[str, ...]], Awaitable[list[Match]]]


class ResultCache:
    """A small LRU with a lifetime per entry."""

    def __init__(self, size: int = CACHE_SIZE, clock: Callable[[], float] = time.monotonic) -> None:
        self._size = size
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, LookupResult]] = OrderedDict()

    def get(self, key: str) -> LookupResult | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[0] <= self._clock():
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return entry[1]

    def put(self, key: str, result: LookupResult, ttl: float) -> None:
        self._entries[key] = (self._clock() + ttl, result)
        self._entries.move_to_end(key)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


class LookupService:
    """Finds callers in one CRM; ``lookup`` raises AuthError/ServiceError/SettingsError."""

    def __init__(
        self,
        provider: str,
        modules: tuple[str, ...],
        default_region: str,
        search: Searcher,
        record_base: Callable[[], str],
        close: Callable[[], Awaitable[None]],
        *,
        timeout: float = LOOKUP_TIMEOUT_S,
        server: Callable[[], str] = lambda: "the CRM",
        index: LocalIndex | None = None,
        unavailable: Callable[[], dict[str, str]] = dict,
        warm: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self._warm = warm
        self.provider = provider
        # The modules the CRM refused (INVALID_MODULE: disabled or renamed) at the last lookup,
        # module -> why: the others still answer, and the tray and Settings name these.
        self.unavailable_modules = unavailable
        self.modules = modules
        self.default_region = default_region
        self.timeout = timeout
        self.cache = ResultCache()
        self._search = search
        self._record_base = record_base
        self._close = close
        self._server = server
        self._inflight: dict[str, asyncio.Future[LookupResult]] = {}
        self.index = index

    async def warm_up(self) -> None:
        """At start-up, what the first call would otherwise wait for: phone-number metadata
        (70-100 ms to load), the access token and the TLS connection.  A failure here is the
        first lookup's to report."""
        try:
            await asyncio.to_thread(read_number, "+14155550100", self.default_region)
            if self._warm is not None and self.index is None:
                await asyncio.wait_for(self._warm(), self.timeout)
        except Exception as exc:  # the real lookup says what is wrong
            log.debug("CRM warm-up: %s", exc)

    async def lookup(self, number: str) -> LookupResult:
        if self.index is not None:
            return await self.index.lookup(number, self._lookup_in_crm)
        return await self._lookup_in_crm(number)

    async def _lookup_in_crm(self, number: str) -> LookupResult:
        cached = self.cache.get(number)
        if cached is not None:
            return cached if cached.number == number else replace(cached, number=number)
        read = read_number(number, self.default_region)
        cached = self.cache.get(read.normalized)
        if cached is not None:
            return replace(cached, number=number)
        # The same number asked again while its lookup runs (a queue ringing twice, the popup
        # and a retry) shares the one request; shield() keeps one caller giving up from
        # cancelling it for the others.  The lookup's own deadline (in _fetch) ends it.
        task = self._inflight.get(read.normalized)
        if task is None:
            task = asyncio.ensure_future(self._fetch(number, read))
            self._inflight[read.normalized] = task
            task.add_done_callback(self._forget)
        result = await asyncio.shield(task)
        return result if result.number == number else replace(result, number=number)

    async def _fetch(self, number: str, read: ReadNumber) -> LookupResult:
        """One deadline for the whole lookup (token, org and every module): httpx's timeouts
        are per read, and a server dripping a byte a second never trips them.  When it
        passes, the requests are cancelled, which closes their connections: nothing keeps
        working, or holds the connection pool, for an answer nobody waits for."""
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self.timeout):
                found = await self._search(self.modules, read.variants)
        except TimeoutError:
            raise ServiceError(
                f"{self._server()} did not answer within {self.timeout:g} s", Problem.TIMED_OUT
            ) from None
        except UcmPopupError:
            raise
        except Exception as exc:  # a bug, not the CRM: still one line for the popup, not silence
            log.error("the CRM lookup failed unexpectedly", exc_info=True)
            raise ServiceError(
                f"the lookup in {self._server()} failed unexpectedly ({type(exc).__name__})"
            ) from None
        result = LookupResult(number, read.normalized, self.provider, unique_matches(found))
        log.debug(
            "lookup %s (%s, %d spellings): %d match(es) in %.0f ms", number, read.normalized,
            len(read.variants), len(result.matches), (time.perf_counter() - started) * 1000,
        )
        ttl = HIT_TTL_S if result.matches else MISS_TTL_S
        self.cache.put(number, result, ttl)
        self.cache.put(read.normalized, result, ttl)
        return result

    def _forget(self, task: asyncio.Future[LookupResult]) -> None:
        self._inflight = {k: t for k, t in self._inflight.items() if t is not task}
        if not task.cancelled():
            task.exception()  # retrieved here: a caller that timed out no longer waits for it

    def create_record_url(self, module: str, number: str) -> str:
        """The CRM's "new record" form for ``module``.  Zoho's web UI has no documented way
        to pre-fill a field from the URL, so the popup shows ``number`` to paste."""
        return f"{self._record_base()}/tab/{module}/create"

    def record_url(self, module: str, record_id: str) -> str:
        """The record's page in the CRM (its id percent-encoded: it stays under the path)."""
        from urllib.parse import quote

        return f"{self._record_base()}/tab/{module}/{quote(record_id, safe='')}"

    def learn(self, number: str, match: Match) -> None:
        """A record was just made for ``number``: the next lookup finds it, not the cached
        "no match" of a moment ago."""
        read = read_number(number, self.default_region)
        result = LookupResult(number, read.normalized, self.provider, (match,))
        self.cache.put(number, result, HIT_TTL_S)
        self.cache.put(read.normalized, result, HIT_TTL_S)

    async def aclose(self) -> None:
        for task in list(self._inflight.values()):
            task.cancel()
        if self.index is not None:
            self.index.close()
        await self._close()


def build_lookup_service(
    settings: Settings, secrets: SecretStore, *, demo: bool = False,
    relay_index: Path | None = None,
) -> LookupService | None:
    """The service for ``[crm] provider``, or None when the provider is "none".

    A desk keeps an index with ``[crm] index = "desk"``; the site relay (``relay_index``: its
    file) with "relay" (or "desk": the relay is that computer).  An index this process does
    not keep is deleted, except by the demo (its settings are not the user's): a desk whose
    relay keeps the index holds no copy of its own."""
    provider = settings.crm.provider
    keep_index = settings.crm.index in (("relay", "desk") if relay_index else ("desk",))
    if not keep_index and not demo:
        from ucm_popup.crm.index import default_index_path, delete_index

        try:
            if delete_index(relay_index or default_index_path()):  # personal data: none unasked
                log.info("CRM index deleted ([crm] index = \"%s\")", settings.crm.index)
        except OSError as exc:
            log.warning("the CRM index cannot be deleted: %s", exc)
    if provider == "none":
        return None
    from ucm_popup.crm.http import new_client
    from ucm_popup.logs import register_secret
    from ucm_popup.secrets import (
        ZOHO_V1_AUTHTOKEN,
        ZOHO_V2_CLIENT_SECRET,
        ZOHO_V2_REFRESH_TOKEN,
        require_secret,
    )

    crm = settings.crm
    if provider == "zoho-v1":
        from ucm_popup.crm.zoho_v1 import ZohoV1

        if keep_index:
            log.warning("[crm] index: the local phone index needs zoho-v2; Zoho v1 is asked "
                        "on every call")
        authtoken = require_secret(secrets, ZOHO_V1_AUTHTOKEN)
        register_secret(authtoken)
        client = new_client()
        v1 = ZohoV1(client, settings.zoho_v1, authtoken)
        return LookupService(
            provider, crm.modules, crm.default_region, v1.lookup,
            lambda: settings.zoho_v1.server.rstrip("/") + "/crm", client.aclose,
            server=lambda: f"Zoho CRM v1 ({settings.zoho_v1.server})",
        )
    from ucm_popup.crm.zoho_oauth import TokenSource
    from ucm_popup.crm.zoho_v2 import ZohoV2

    v2_settings = settings.zoho_v2
    if not v2_settings.client_id:
        raise SettingsError("[zoho_v2] client_id is not set: copy it from the Zoho API console")
    client_secret = require_secret(secrets, ZOHO_V2_CLIENT_SECRET)
    refresh_token = require_secret(secrets, ZOHO_V2_REFRESH_TOKEN)
    client = new_client()
    tokens = TokenSource(client, v2_settings, client_secret, refresh_token)
    v2 = ZohoV2(client, tokens, v2_settings)
    index = None
    if keep_index:
        from ucm_popup.crm.index import default_index_path
        from ucm_popup.crm.index_lookup import LocalIndex

        try:
            index = LocalIndex(relay_index or default_index_path(), crm, v2)
        except (sqlite3.Error, OSError) as exc:  # a lookup still works, from Zoho
            log.warning("the CRM index cannot be opened (%s); asking Zoho CRM on every call",
                        exc)
    return LookupService(
        provider, crm.modules, crm.default_region, v2.lookup, v2.crm_base, client.aclose,
        server=lambda: f"Zoho CRM ({v2.server})", index=index,
        unavailable=lambda: dict(v2.unavailable), warm=v2.warm_up,
    )

"""Keeping the local phone index in step with Zoho CRM (v2), for a handful of API requests per
sync whatever the number of calls.

- **Full sync** (the first one, once a day after that, and when the modules change): per module,
  ``GET /crm/v2/{module}?fields=…&per_page=200&page=N`` sorted by id while Zoho says
  ``more_records``.  Zoho serves plain pages for the first 2,000 records only, so past that
  the sync goes on with COQL over id ranges (``where id > {last id} order by id limit 200``):
  each page starts after the last id seen, which needs no offset (COQL caps offsets too) and
  no Bulk Read job to create, poll and unzip.
- **Incremental sync** (every few minutes): the same list with ``If-Modified-Since`` set to the
  newest ``Modified_Time`` seen (Zoho answers 304 when nothing changed), then
  ``GET /crm/v2/{module}/deleted`` since the newest deletion seen.  A Lead converted to a
  Contact leaves the Leads list but is not in ``/deleted``: the Leads list with
  ``converted=true`` since the last sync names it, and it leaves the index.  More than 2,000
  changes since the last sync make it a full sync of that module.
- ``INVALID_DATA`` during a sync is a failed sync (the index stays as it was), never an empty
  answer; a module an admin disabled (``INVALID_MODULE``) is skipped and keeps its rows.

A whole sync is one index transaction: one that fails (Zoho down, HTTP 429, a killed process)
leaves the index as it was, and ``run`` tries again after a backoff (at least a minute after
a 429).  What the sync last did is in ``state`` for the tray and ``lookup -v``.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import urlencode

from ucm_popup.backoff import Backoff
from ucm_popup.crm.index import PhoneIndex, SyncState
from ucm_popup.crm.model import text
from ucm_popup.crm.zoho_v2 import (
    PHONE_FIELDS,
    ModuleUnavailable,
    row_to_match,
    select_fields,
)
from ucm_popup.errors import Problem, ServiceError, UcmPopupError

log = logging.getLogger(__name__)

PAGE_SIZE = 200
PLAIN_PAGES = 10  # Zoho pages plain record lists up to 2,000 records
INTERVAL_S = 300.0  # an incremental sync every 5 minutes while records change,
IDLE_INTERVAL_S = 600.0  # doubling to 10 minutes while nothing does (under index_max_age_s)
DELETED_EVERY_S = 1800.0  # deleted and converted records are asked for every 30 minutes
FULL_EVERY_S = 86400.0  # and a full one a day: it also catches what no list of changes shows
RETRY_INITIAL_S = 60.0
RETRY_MAX_S = 1800.0
RATE_LIMITED_WAIT_S = 60.0
YIELD_EVERY = 40  # Zoho's credits and concurrency recover within the minute
_DISPLAY_FIELDS = {
    "Contacts": ("Full_Name", "First_Name", "Last_Name", "Account_Name", "Email", "Owner"),
    "Leads": ("Full_Name", "First_Name", "Last_Name", "Company", "Email", "Owner"),
    "Accounts": ("Account_Name", "Owner"),
}


class ZohoApi(Protocol):
    """What the sync needs of ``ZohoV2``."""

    async def api(
        self, method: str, path: str, *, json: Any = None, headers: dict[str, str] | None = None
    ) -> Any: ...

    async def org_domain(self) -> str: ...


class _TooManyChanges(Exception):
    pass


def _later(a: str, b: str) -> str:
    """The later of two Zoho times, each made ISO 8601 with an offset; "" (or a value that is
    no time) is earliest."""
    a, b = _zoho_time(a), _zoho_time(b)
    if not a or not b:
        return a or b
    return a if datetime.fromisoformat(a) >= datetime.fromisoformat(b) else b


def _id_after(new: str, old: str) -> bool:
    """A page of an id range must end past the one before; else (a server repeating a page)
    the sync would never end."""
    return new.isdigit() and (not old.isdigit() or int(new) > int(old))


def _zoho_time(value: str) -> str:
    """A Zoho time as ISO 8601 with an offset (UTC when it has none), "" if it is none: it
    goes back to Zoho in a header, and naive and aware times cannot be compared."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return ""
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).isoformat()


def _rows(body: Any, what: str) -> tuple[list[dict[str, Any]], bool]:
    """``data`` (only rows with an id) and ``info.more_records`` of a list answer."""
    if body is None:
        return [], False
    data = body.get("data") if isinstance(body, dict) else None
    if not isinstance(data, list):
        raise ServiceError(f"Zoho CRM answered something unusable for {what}")
    info = body.get("info")
    more = isinstance(info, dict) and info.get("more_records") is True
    return [r for r in data if isinstance(r, dict) and text(r.get("id"))], more


class IndexSync:
    """Fills ``index`` from Zoho; ``run`` keeps it in step until cancelled."""

    def __init__(
        self,
        zoho: ZohoApi,
        index: PhoneIndex,
        modules: tuple[str, ...],
        *,
        interval_s: float = INTERVAL_S,
        idle_interval_s: float = IDLE_INTERVAL_S,
        deleted_every_s: float = DELETED_EVERY_S,
        full_every_s: float = FULL_EVERY_S,
        retry_initial_s: float = RETRY_INITIAL_S,
        retry_max_s: float = RETRY_MAX_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.zoho = zoho
        self.index = index
        self.modules = tuple(m for m in modules if m in PHONE_FIELDS)
        self.interval_s = interval_s
        self.idle_interval_s = max(interval_s, idle_interval_s)
        self.deleted_every_s = deleted_every_s
        self.changed = False  # the last sync stored or removed a record
        self._check_deleted = True
        self.full_every_s = full_every_s
        self.backoff = Backoff(retry_initial_s, retry_max_s)
        self.clock = clock
        self.requests = 0
        status = index.status()
        self.state = SyncState(status.records, status.synced_at)

    # -- the loop ----------------------------------------------------------------------------

    async def run(self, report: Callable[[SyncState], None]) -> None:
        """Sync now, then every ``interval_s``; a failure keeps the old index and is retried
        after a backoff.  Errors other than the app's own (bugs) end it, for the supervisor."""
        report(self.state)
        try:
            await self._loop(report)
        finally:
            self.index.close()

    async def _loop(self, report: Callable[[SyncState], None]) -> None:
        wait = self.interval_s
        while True:
            try:
                await self.sync_once()
                self.backoff.reset()
                # Nothing changed: the next sync waits longer (each costs API credits even
                # when Zoho answers 304); a change brings the interval back.
                wait = self.interval_s if self.changed else min(wait * 2, self.idle_interval_s)
            except UcmPopupError as exc:
                wait = self.backoff.next()
                if exc.kind is Problem.RATE_LIMITED:
                    wait = max(wait, RATE_LIMITED_WAIT_S)
                log.warning("CRM index sync failed, retrying in %.0f s: %s", wait, exc)
                self.state = SyncState(
                    self.state.records, self.state.synced_at, str(exc), self.clock() + wait
                )
            report(self.state)
            await asyncio.sleep(wait)

    async def sync_once(self) -> SyncState:
        """One full or incremental sync of every module, committed at once or not at all."""
        try:
            return await self._sync_once()
        except sqlite3.Error as exc:  # a full disk, a file another program holds
            raise ServiceError(f"cannot write the CRM index {self.index.path}: {exc}") from None

    async def _sync_once(self) -> SyncState:
        started = time.perf_counter()
        requests_before = self.requests
        index = self.index
        wanted = ",".join(self.modules)
        last_full = float(index.get("full_at") or 0)
        full = index.get("modules") != wanted or self.clock() - last_full >= self.full_every_s
        self.changed = False
        checked = float(index.get("deleted_checked_at") or 0)
        self._check_deleted = full or self.clock() - checked >= self.deleted_every_s
        with index.transaction():
            index.drop_modules_except(self.modules)
            for module in self.modules:
                try:
                    if full or not index.get(f"since:{module}"):
                        await self._full(module)
                        continue
                    try:
                        await self._incremental(module)
                    except _TooManyChanges:
                        await self._full(module)
                except ModuleUnavailable as exc:  # one module disabled: the others go on
                    log.warning("CRM index: %s", exc)
            if self._check_deleted:
                index.set("deleted_checked_at", repr(self.clock()))
            if full:
                index.set("org", await self.zoho.org_domain())  # for record links
                index.set("modules", wanted)
                index.set("full_at", repr(self.clock()))
            index.mark_synced(self.clock())
        index.checkpoint()
        status = index.status()
        self.state = SyncState(status.records, status.synced_at)
        log.info(
            "CRM index %s sync: %d records, %d requests, %.1f s", "full" if full else "incremental",
            status.records, self.requests - requests_before, time.perf_counter() - started,
        )
        return self.state

    # -- one module --------------------------------------------------------------------------

    async def _full(self, module: str) -> None:
        self.index.clear_module(module)
        newest = ""
        last_id = ""
        page = 1
        while True:
            if page <= PLAIN_PAGES:
                body = await self._list(module, page, "id")
            else:
                body = await self._coql_after(module, last_id)
            rows, more = _rows(body, module)
            newest = _later(newest, await self._store(module, rows))
            previous, last_id = last_id, text(rows[-1].get("id")) if rows else last_id
            if page > PLAIN_PAGES:  # id ranges go on while pages are full and ids grow
                more = len(rows) == PAGE_SIZE and _id_after(last_id, previous)
            if not rows or not more:
                break
            page += 1
        # Changes and deletions from now on; deletions dated before the newest record seen
        # are of records this sync did not get anyway.
        self.index.set(f"since:{module}", newest or "1970-01-01T00:00:00+00:00")
        self.index.set(f"deleted_since:{module}", newest or "1970-01-01T00:00:00+00:00")

    async def _incremental(self, module: str) -> None:
        since = self.index.get(f"since:{module}") or ""
        newest = since
        for page in range(1, PLAIN_PAGES + 1):
            body = await self._list(module, page, "Modified_Time", since)
            rows, more = _rows(body, module)
            newest = _later(newest, await self._store(module, rows))
            if not more:
                break
        else:
            raise _TooManyChanges(module)
        self.index.set(f"since:{module}", newest)
        if not self._check_deleted:
            return
        deleted_since = self.index.get(f"deleted_since:{module}") or since
        for page in range(1, PLAIN_PAGES + 1):
            query = urlencode({"type": "all", "per_page": PAGE_SIZE, "page": page})
            body = await self._get(f"/crm/v2/{module}/deleted?{query}", deleted_since)
            rows, more = _rows(body, f"{module}/deleted")
            for row in rows:
                self.index.remove(module, text(row.get("id")))
                self.changed = True
                deleted_since = _later(deleted_since, text(row.get("deleted_time")))
            if not more:
                break
        else:
            raise _TooManyChanges(module)
        if module == "Leads":
            await self._drop_converted(since)
        self.index.set(f"deleted_since:{module}", deleted_since)

    async def _drop_converted(self, since: str) -> None:
        """Leads converted since ``since`` (Zoho answers 304 when none): out of the index."""
        for page in range(1, PLAIN_PAGES + 1):
            query = urlencode({"fields": "Last_Name", "converted": "true", "per_page": PAGE_SIZE,
                               "page": page, "sort_by": "Modified_Time", "sort_order": "asc"})
            body = await self._get(f"/crm/v2/Leads?{query}", since)
            rows, more = _rows(body, "converted Leads")
            for row in rows:
                self.index.remove("Leads", text(row.get("id")))
                self.changed = True
            if not more:
                return
        raise _TooManyChanges("Leads")

    async def _store(self, module: str, rows: list[dict[str, Any]]) -> str:
        """Put rows in the index; the newest ``Modified_Time`` among them.  A page of 200
        takes about 30 ms (reading each number): the event loop gets a turn every
        ``YIELD_EVERY`` rows, so that a ring during a full sync is not held up."""
        newest = ""
        for n, row in enumerate(rows, 1):
            if n % YIELD_EVERY == 0:
                await asyncio.sleep(0)
            self.changed = True
            match = row_to_match(module, row, "")
            self.index.put(match, (text(row.get(f)) for f in PHONE_FIELDS[module]))
            newest = _later(newest, text(row.get("Modified_Time")))
        return newest

    # -- requests ----------------------------------------------------------------------------

    async def _list(self, module: str, page: int, sort_by: str, since: str = "") -> Any:
        fields = ",".join((*_DISPLAY_FIELDS[module], *PHONE_FIELDS[module], "Modified_Time"))
        query = urlencode({"fields": fields, "per_page": PAGE_SIZE, "page": page,
                           "sort_by": sort_by, "sort_order": "asc"})
        return await self._get(f"/crm/v2/{module}?{query}", since)

    async def _get(self, path: str, since: str) -> Any:
        self.requests += 1
        headers = {"If-Modified-Since": since} if since else None
        return await self.zoho.api("GET", path, headers=headers)

    async def _coql_after(self, module: str, last_id: str) -> Any:
        if not last_id.isdigit():  # the only thing that goes into the query
            raise ServiceError(f"Zoho CRM sent a {module} id that is not a number")
        fields = dict.fromkeys((*select_fields(module, 0), *PHONE_FIELDS[module], "Modified_Time"))
        query = (f"select {', '.join(fields)} from {module} where id > {last_id} "
                 f"order by id asc limit {PAGE_SIZE}")
        self.requests += 1
        return await self.zoho.api("POST", "/crm/v2/coql", json={"select_query": query})

"""The lookup service's use of the local phone index.

- Index synced within ``crm.index_max_age_s``: it answers, found or not, with no API call.
- Older (the sync has been failing), or never synced: Zoho is asked as before, so a stale
  index never hides a new customer; if Zoho then fails (down, HTTP 429), the index's match, if
  it has one, is shown rather than nothing.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from ucm_popup.crm.index import PhoneIndex, SyncState, describe, lookup_keys
from ucm_popup.crm.index_sync import IndexSync
from ucm_popup.crm.model import LookupResult, Match, unique_matches
from ucm_popup.crm.phone import read_number
from ucm_popup.crm.zoho_v2 import ZohoV2
from ucm_popup.errors import ServiceError
from ucm_popup.settings import CrmSettings

log = logging.getLogger(__name__)

CrmLookup = Callable[[str], Awaitable[LookupResult]]


class LocalIndex:
    def __init__(
        self, path: Path, crm: CrmSettings, zoho: ZohoV2, clock: Callable[[], float] = time.time
    ) -> None:
        self.path = path
        self.crm = crm
        self.zoho = zoho
        self.clock = clock
        self.reader = PhoneIndex(path, crm.default_region)
        status = self.reader.status()
        self.state = SyncState(status.records, status.synced_at)
        org = self.reader.get("org")
        if org:
            zoho.use_org(org)

    def make_sync(self, **options: float) -> IndexSync:
        """The sync, on its own connection (readers never wait for its transaction)."""
        sync = IndexSync(self.zoho, PhoneIndex(self.path, self.crm.default_region),
                         self.crm.modules, clock=self.clock, **options)
        return sync

    def sync_reported(self, state: SyncState) -> None:
        self.state = state

    def status_line(self) -> str:
        status = self.reader.status()
        self.state = SyncState(status.records, status.synced_at, self.state.problem,
                               self.state.retry_at)
        return describe(self.state, self.clock())

    async def lookup(self, number: str, crm_lookup: CrmLookup) -> LookupResult:
        try:
            return await self._lookup(number, crm_lookup)
        except sqlite3.Error as exc:  # a damaged or vanished file: the CRM still answers
            log.warning("the CRM index %s cannot be read (%s); asking Zoho CRM", self.path, exc)
            return await crm_lookup(number)

    async def _lookup(self, number: str, crm_lookup: CrmLookup) -> LookupResult:
        status = self.reader.status()
        age = status.age_s(self.clock())
        if age is None:
            log.info("CRM index: not synced yet; asking Zoho CRM")
            return await crm_lookup(number)
        read = read_number(number, self.crm.default_region)
        result = LookupResult(number, read.normalized, "zoho-v2",
                              self._ordered(self.reader.find(lookup_keys(read))))
        if age <= self.crm.index_max_age_s:
            log.info("%s; %d match(es) from the index", self.status_line(), len(result.matches))
            return result
        log.info("%s: older than [crm] index_max_age_s (%d s), asking Zoho CRM",
                 self.status_line(), self.crm.index_max_age_s)
        try:
            return await crm_lookup(number)
        except ServiceError as exc:
            if not result.matches:
                raise
            log.warning("Zoho CRM failed (%s); showing the CRM index's match", exc)
            return result

    def _ordered(self, found: list[Match]) -> tuple[Match, ...]:
        """In the configured module order, each with its link."""
        order = {module: n for n, module in enumerate(self.crm.modules)}
        kept = sorted((m for m in found if m.module in order), key=lambda m: order[m.module])
        return unique_matches([
            Match(m.module, m.id, m.name, m.company, m.phone, m.mobile, m.email, m.owner,
                  self.zoho.record_url(m.module, m.id))
            for m in kept
        ])

    def close(self) -> None:
        self.reader.close()

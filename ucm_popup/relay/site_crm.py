"""The site relay's CRM work: the phone index it keeps and the calls it writes for the site.

The relay is the one place that sees every extension's calls, so it writes each call once:

- each extension's answered and outgoing calls, by that extension's ``CallWriter``;
- a call nobody answered, once for the whole call, by the site: when the last extension it
  rang has ended without anyone answering, one Missed record "to" the ring group or queue the
  UCM named (else the first extension it rang).  A ring group ringing five desks that nobody
  takes is one Missed record, not five; a queue that rings another desk after a pause within
  the missed grace withdraws it;
- one Lead or Contact per unknown number for the site (the shared outbox holds one entry per
  number, whichever extension's writer adds it).

All the writers share one outbox file in the relay's state directory and one worker, so a
restart (even after SIGKILL) neither loses nor repeats a write.  No Qt here.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ucm_popup.backoff import Backoff
from ucm_popup.crm.index import SyncState, describe
from ucm_popup.crm.model import Match
from ucm_popup.crm.outbox import Entry, Outbox, OutboxStatus, OutboxWorker
from ucm_popup.crm.writes import MISSED_GRACE_S, CallWriter
from ucm_popup.errors import SettingsError
from ucm_popup.settings import Settings
from ucm_popup.text import one_line
from ucm_popup.ucm.events import Answered, CallEvent, Dialing, Ended, Ringing, Transferred

if TYPE_CHECKING:
    import httpx

    from ucm_popup.crm.index_lookup import LocalIndex
    from ucm_popup.crm.service import LookupService
    from ucm_popup.secrets import SecretStore

log = logging.getLogger(__name__)

INDEX_FILE = "crm-index.sqlite3"
OUTBOX_FILE = "outbox.sqlite3"
MAX_OPEN_CALLS = 20_000  # calls the site follows at most (the oldest are dropped first)


def relay_state_dir() -> Path:
    """Where the relay keeps its index and outbox: systemd's ``StateDirectory`` (the unit
    sets it), else a ``relay`` folder in the user state folder, apart from a desk's own files
    (a desk with ``index = "off"`` deletes its index; it must not delete the relay's)."""
    given = os.environ.get("STATE_DIRECTORY", "").split(":")[0]
    if given:
        return Path(given)
    from platformdirs import user_state_dir

    return Path(user_state_dir("ucm-popup", appauthor=False)) / "relay"


def relay_writes(settings: Settings) -> bool:
    """Whether the relay writes calls for the site (Zoho v1 is read-only)."""
    crm = settings.crm
    return (crm.log_calls or bool(crm.add_unknown)) and crm.provider == "zoho-v2"


@dataclass
class _SiteCall:
    label: str  # whom a Missed record is "to": the ring group or queue, else the first desk
    ringing: set[str] = field(default_factory=set)  # extensions still ringing or talking
    answered: bool = False


class SiteWriter:
    """Every extension's call events and the relay's lookups in, outbox entries out."""

    def __init__(self, settings: Settings, outbox: Outbox, *,
                 missed_grace_s: float = MISSED_GRACE_S,
                 record_url: Callable[[str, str], str] = lambda module, record_id: "",
                 on_unknown_added: Callable[[str, Match], None] = lambda call_id, match: None,
                 ) -> None:
        self.settings = settings
        self.outbox = outbox
        self._missed_grace_s = missed_grace_s
        self._record_url = record_url
        self._on_unknown_added = on_unknown_added
        self.writers: dict[str, CallWriter] = {}  # per extension: answered and outgoing calls
        self.missed: dict[str, CallWriter] = {}  # per ring group (or desk): calls nobody took
        self._calls: OrderedDict[str, _SiteCall] = OrderedDict()
        # A call's label outlives its ringing: a queue ringing again later is the same call.
        self._labels: OrderedDict[str, str] = OrderedDict()

    def _writer(self, table: dict[str, CallWriter], extension: str, *,
                for_site: bool) -> CallWriter:
        writer = table.get(extension)
        if writer is None:
            writer = CallWriter(self.settings, self.outbox, extension,
                                on_unknown_added=self._on_unknown_added,
                                record_url=self._record_url,
                                missed_grace_s=self._missed_grace_s, for_site=for_site,
                                expects_lookups=self.settings.relay.crm_lookup)
            table[extension] = writer
        return writer

    def on_event(self, event: CallEvent) -> None:
        if not isinstance(event, Ringing | Dialing | Transferred | Answered | Ended):
            return
        self._writer(self.writers, event.extension, for_site=True).on_event(event)
        if isinstance(event, Ringing) and event.direction == "inbound":
            call = self._calls.get(event.call_id)
            if call is None:
                label = self._labels.pop(event.call_id, "") or event.queue or event.extension
                self._labels[event.call_id] = label
                call = _SiteCall(label)
                self._calls[event.call_id] = call
                for table in (self._calls, self._labels):
                    while len(table) > MAX_OPEN_CALLS:
                        table.popitem(last=False)
                # The site's view of the call: rung as one, ended when the last desk ends.
                # (Ringing again after the site ended it withdraws a Missed not yet sent.)
                missed = self._writer(self.missed, call.label, for_site=False)
                missed.on_event(replace(event, extension=call.label, queue=""))
            call.ringing.add(event.extension)
            return
        call = self._calls.get(event.call_id)
        if call is None:
            return
        if isinstance(event, Answered):
            call.answered = True
        elif isinstance(event, Ended):
            call.answered = call.answered or event.answered
            call.ringing.discard(event.extension)
            if not call.ringing:
                del self._calls[event.call_id]
                self.missed[call.label].on_event(Ended(
                    event.call_id, call.label, answered=False,
                    answered_elsewhere=call.answered, time=event.time))

    def on_lookup(self, call_id: str, extension: str, matches: tuple[Match, ...],
                  error: str) -> None:
        writer = self.writers.get(extension)
        if writer is not None:
            writer.on_lookup(call_id, matches, error)
        call = self._calls.get(call_id)
        if call is not None and call.label in self.missed:
            self.missed[call.label].on_lookup(call_id, matches, error)

    def created(self, entry: Entry, record_id: str) -> None:
        for writer in (*self.writers.values(), *self.missed.values()):
            writer.created(entry, record_id)


class SiteCrm:
    """The relay's index sync and call writing, each a supervised task of its own."""

    def __init__(self, lookup: LookupService | None, writer: SiteWriter | None,
                 worker: OutboxWorker | None, client: httpx.AsyncClient | None = None, *,
                 restart_initial_s: float = 1.0, restart_max_s: float = 60.0) -> None:
        self.lookup = lookup
        self.writer = writer
        self.worker = worker
        self._client = client
        self._restart = (restart_initial_s, restart_max_s)
        self.index_state: SyncState | None = None
        self.writes_status: OutboxStatus | None = None

    @property
    def index(self) -> LocalIndex | None:
        return self.lookup.index if self.lookup is not None else None

    async def run(self) -> None:
        """Until cancelled: the index sync and the outbox worker, restarted after a fault."""
        tasks = []
        if self.index is not None:
            tasks.append(self._supervise("CRM index sync", self._sync_index))
        if self.worker is not None:
            tasks.append(self._supervise("CRM writes", self.worker.run))
        if tasks:
            await asyncio.gather(*tasks)

    async def _supervise(self, what: str, job: Callable[[], Awaitable[None]]) -> None:
        backoff = Backoff(*self._restart)
        while True:
            try:
                await job()
            except Exception as exc:  # a bug, not the CRM (the jobs retry the CRM's faults)
                wait = backoff.next()
                log.error("%s failed (%s); restarting it in %.0f s", what,
                          one_line(f"{type(exc).__name__}: {exc}", 200), wait, exc_info=True)
                if what.startswith("CRM index") and self.index is not None:
                    self._index_reported(replace(
                        self.index.state, problem=f"internal error: {type(exc).__name__}",
                        retry_at=time.time() + wait))
                await asyncio.sleep(wait)
            else:
                return

    async def _sync_index(self) -> None:
        assert self.index is not None
        await self.index.make_sync().run(self._index_reported)

    def _index_reported(self, state: SyncState) -> None:
        previous, self.index_state = self.index_state, state
        if self.index is not None:
            self.index.sync_reported(state)
        changed = (previous is None or previous.problem != state.problem
                   or (previous.synced_at is None and state.synced_at is not None))
        (log.warning if state.problem else log.info if changed else log.debug)(
            "%s", describe(state))

    def writes_changed(self, status: OutboxStatus) -> None:
        if status.last_error and (self.writes_status is None
                                  or status.last_error != self.writes_status.last_error):
            log.warning("CRM write problem (%d waiting): %s", status.waiting, status.last_error)
        self.writes_status = status

    # -- what the relay feeds in -------------------------------------------------------------

    def on_event(self, event: CallEvent) -> None:
        if self.writer is not None:
            self.writer.on_event(event)

    def on_lookup(self, ringing: Ringing, matches: tuple[Match, ...], error: str) -> None:
        if self.writer is not None:
            self.writer.on_lookup(ringing.call_id, ringing.extension, matches, error)

    async def aclose(self) -> None:
        if self.worker is not None:
            self.worker.outbox.close()
        if self._client is not None:
            await self._client.aclose()


def build_site_crm(settings: Settings, secrets: SecretStore, lookup: LookupService | None,
                   state_dir: Path, **worker_options: Any) -> SiteCrm:
    """The relay's writer, outbox and worker when ``[crm] log_calls``/``add_unknown`` ask
    for them (the index, if any, is the lookup service's)."""
    if not relay_writes(settings) or lookup is None:
        return SiteCrm(lookup, None, None)
    from ucm_popup.crm.http import new_client
    from ucm_popup.crm.writes import ZohoWrites
    from ucm_popup.crm.zoho_oauth import TokenSource
    from ucm_popup.secrets import ZOHO_V2_CLIENT_SECRET, ZOHO_V2_REFRESH_TOKEN, require_secret

    client_secret = require_secret(secrets, ZOHO_V2_CLIENT_SECRET)
    refresh_token = require_secret(secrets, ZOHO_V2_REFRESH_TOKEN)
    missed_grace_s = worker_options.pop("missed_grace_s", MISSED_GRACE_S)
    try:
        outbox = Outbox(state_dir / OUTBOX_FILE)
    except (sqlite3.Error, OSError) as exc:  # a server must not run on, losing the writes
        raise SettingsError(
            f"the relay cannot keep its CRM outbox {state_dir / OUTBOX_FILE} "
            f"({one_line(str(exc), 120)}): fix the folder's permissions or set "
            "STATE_DIRECTORY") from None
    client = new_client()
    tokens = TokenSource(client, settings.zoho_v2, client_secret, refresh_token)

    def added(call_id: str, match: Match) -> None:  # the site's next lookup finds it at once
        lookup.learn(match.phone, match)

    writer = SiteWriter(settings, outbox, missed_grace_s=missed_grace_s,
                        record_url=lookup.record_url, on_unknown_added=added)
    crm = SiteCrm(lookup, writer, None, client)
    crm.worker = OutboxWorker(outbox, ZohoWrites(client, tokens, settings.crm.default_region),
                              on_status=crm.writes_changed,
                              on_written=writer.created, **worker_options)
    return crm

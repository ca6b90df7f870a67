"""The outbox: every CRM write waits in a local SQLite file until Zoho confirms it.

Exactly once, nothing lost:

- Each write has a key (``call:{call_id}:{extension}``, ``unknown:Leads:+33…``); adding a key
  that is already there does nothing, so a queue ringing again, a second desk of the same
  extension's events replayed, or a restart never gives a second record.
- A row is marked *sending* (and committed) before its request leaves.  If the answer never
  comes (time-out, a dropped connection, the app killed), the outcome is unknown: before it
  is written again it is settled by reading Zoho (``settle_by_reading``: COQL, which sees a
  record at once, not ``/search``, whose index lags); found means done.  A row with
  ``find_by`` fields (a new Lead or Contact for a number) is read for before its *first*
  write too: another desk or the relay may have added the caller, and Zoho's upsert does not
  deduplicate on a phone field.
- An HTTP 429 or Zoho's token throttle pauses every write (30 s, doubling to 10 minutes);
  other failures retry the row alone with its own backoff.  A write Zoho refuses for good
  (a missing scope, a mandatory field) is kept, with the one line that names what to fix, and
  tried again when the writer starts (after the fix, settings are saved and it restarts) or
  after an hour.
- Confirmed rows stay a week (their keys keep late repeats out), then are dropped.

The file is ``outbox.sqlite3`` in the user state folder (0600).  No Qt, no view: the desk and
the relay build it from a path.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import random
import sqlite3
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ucm_popup.text import one_line

log = logging.getLogger(__name__)

BATCH_RECORDS = 100  # Zoho takes up to 100 records in one request
REGROUP_S = 1.0  # a write found not done waits this long for the others of its request
RETRY_INITIAL_S = 5.0
RETRY_MAX_S = 900.0
THROTTLE_INITIAL_S = 30.0
THROTTLE_MAX_S = 600.0
REFUSED_RETRY_S = 3600.0
KEEP_DONE_S = 7 * 86400.0
DEPENDENCY_WAIT_S = 2.0  # a call waiting for its new Lead looks again this soon

PENDING, SENDING, REFUSED, DONE = "pending", "sending", "refused", "done"

_SCHEMA = """
create table if not exists writes (
    id integer primary key,
    key text not null unique,
    module text not null,
    record text not null,          -- JSON of the record as sent
    marker text not null default '',
    upsert_on text not null default '',  -- fields read for before creating (find_by)
    depends_on text not null default '', -- key of a write whose record this one links to
    link_field text not null default '',
    state text not null default 'pending',
    attempts integer not null default 0,
    next_at real not null default 0,
    last_error text not null default '',
    record_id text not null default '',
    created real not null
)
"""


def default_outbox_path() -> Path:
    from platformdirs import user_state_dir  # imported late: only writers need it

    return Path(user_state_dir("ucm-popup", appauthor=False)) / "outbox.sqlite3"


@dataclass(frozen=True)
class Entry:
    id: int
    key: str
    module: str
    record: dict[str, Any]
    marker: str
    find_by: tuple[str, ...]  # read Zoho for a record with these fields before creating
    depends_on: str
    link_field: str
    state: str
    attempts: int
    record_id: str


@dataclass(frozen=True)
class OutboxStatus:
    waiting: int = 0
    last_error: str = ""  # one line, empty once writes go through again
    missing_scope: str = ""  # the Zoho scope the last refusal named, if it was one
    missing_field: str = ""  # the field Zoho required (made mandatory by an admin), if one


class WriteRefused(Exception):
    """Zoho refused this record for good until something is fixed; the message says what."""

    def __init__(self, message: str, missing_scope: str = "", missing_field: str = "") -> None:
        super().__init__(message)
        self.missing_scope = missing_scope
        self.missing_field = missing_field


class WriteThrottled(Exception):
    """HTTP 429 or Zoho's throttle: nothing was written; every write waits."""


class WriteUnknown(Exception):
    """The request may or may not have been done (time-out, dropped connection, 5xx)."""


class WriteFailed(Exception):
    """Nothing was written (e.g. the server could not be reached); retry later."""


class Sender(Protocol):
    def prepare(self, module: str, record: dict[str, Any]) -> dict[str, Any]:
        """The record as it must leave now (e.g. a call start moved out of the server's
        future); the outbox keeps it before sending, so that reading finds it as sent."""
        ...

    async def create(self, module: str, record: dict[str, Any]) -> str: ...

    async def create_many(self, module: str, records: list[dict[str, Any]]
                          ) -> list[str | WriteRefused]:
        """One request for several records; one outcome per record, in order."""
        ...

    async def find(self, entry: Entry) -> str | None:
        """The id of a record in Zoho that is ``entry``'s write already done, read at once
        (never through a lagging search index); None when there is none.  WriteFailed (or
        WriteThrottled) when Zoho could not be read."""
        ...


async def settle_by_reading(sender: Sender, entry: Entry) -> str | None:
    """Settle ``entry`` before (re)writing it: the record it already made, if any.

    Needed whenever the write may already be in Zoho: its answer was lost (``SENDING``), or
    it creates a record another writer (a second desk, the relay, a standby relay) may have
    created for the same thing (``find_by``).  None means: write it now.  A write that
    nothing identifies (no marker, no ``find_by``) is not read for."""
    if entry.state != SENDING and not entry.find_by:
        return None
    if not entry.marker and not entry.find_by:
        return None
    return await sender.find(entry)


def call_link(module: str, record_id: str) -> dict[str, Any]:
    """How Zoho links a call (or any activity) to a record: a Contact in ``Who_Id``; a Lead,
    an Account or any other module in ``What_Id`` with ``$se_module`` naming the module."""
    if module == "Contacts":
        return {"Who_Id": {"id": record_id}}
    return {"What_Id": {"id": record_id}, "$se_module": module}


class Outbox:
    """The SQLite file.  Every method is one short transaction, safe to call on the loop."""

    def __init__(self, path: Path, clock: Callable[[], float] = time.time) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():  # created 0600 before SQLite writes a byte into it
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
        self.path = path
        self._clock = clock
        self._db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._db.execute("pragma journal_mode=wal")
        self._db.execute("pragma synchronous=full")  # a confirmed add survives a power cut
        self._db.execute(_SCHEMA)
        self.changed = asyncio.Event() if _has_loop() else None

    def close(self) -> None:
        self._db.close()

    def add(
        self, key: str, module: str, record: dict[str, Any], *, marker: str = "",
        find_by: tuple[str, ...] = (), depends_on: str = "", link_field: str = "",
        not_before: float = 0.0,
    ) -> bool:
        """Queue a write; False when ``key`` was queued before (then nothing changes)."""
        cursor = self._db.execute(
            "insert or ignore into writes (key, module, record, marker, upsert_on, depends_on,"
            " link_field, next_at, created) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, module, json.dumps(record), marker, ",".join(find_by), depends_on,
             link_field, not_before, self._clock()),
        )
        self._wake()
        return cursor.rowcount == 1

    def get(self, key: str) -> Entry | None:
        row = self._db.execute(f"select {_COLUMNS} from writes where key = ?", (key,)).fetchone()
        return _entry(row) if row else None

    def replace_record(self, key: str, record: dict[str, Any]) -> bool:
        """Change a record not sent yet (e.g. the agent's note); False once it may be sent."""
        cursor = self._db.execute(
            "update writes set record = ? where key = ? and state = ? and attempts = 0",
            (json.dumps(record), key, PENDING),
        )
        return cursor.rowcount == 1

    def withdraw(self, key: str) -> bool:
        """Drop a write not sent yet; False once it may have been sent (or never was)."""
        cursor = self._db.execute(
            "delete from writes where key = ? and state = ? and attempts = 0", (key, PENDING))
        return cursor.rowcount == 1

    def release(self, key: str) -> None:
        """A held write (waiting for the agent's note) may go now."""
        self._db.execute("update writes set next_at = 0 where key = ? and state = ?",
                         (key, PENDING))
        self._wake()

    def due_together(self, first: Entry, now: float, limit: int) -> list[Entry]:
        """``first`` and other new writes of its module due now that can share its request:
        never sent, nothing to read for first, nothing to wait for."""
        if not _batchable(first):
            return [first]
        rows = self._db.execute(
            f"select {_COLUMNS} from writes where state = ? and module = ? and next_at <= ? "
            "and upsert_on = '' and depends_on = '' and id != ? order by next_at, id limit ?",
            (PENDING, first.module, now, first.id, limit - 1),
        ).fetchall()
        return [first, *(_entry(row) for row in rows)]

    def due(self, now: float) -> Entry | None:
        row = self._db.execute(
            f"select {_COLUMNS} from writes where state != ? and next_at <= ? "
            "order by next_at, id limit 1", (DONE, now),
        ).fetchone()
        return _entry(row) if row else None

    def next_time(self) -> float | None:
        row = self._db.execute("select min(next_at) from writes where state != ?",
                               (DONE,)).fetchone()
        return float(row[0]) if row and row[0] is not None else None

    def waiting(self) -> int:
        return int(self._db.execute("select count(*) from writes where state != ?",
                                    (DONE,)).fetchone()[0])

    def retry_refused(self) -> None:
        self._db.execute("update writes set next_at = 0 where state = ?", (REFUSED,))

    def set_record(self, entry: Entry, record: dict[str, Any]) -> None:
        """The record as it is about to be sent (``Sender.prepare``), kept before it leaves."""
        self._db.execute("update writes set record = ? where id = ?",
                         (json.dumps(record), entry.id))

    def mark_sending(self, entry: Entry) -> None:
        self._db.execute("update writes set state = ?, attempts = attempts + 1 where id = ?",
                         (SENDING, entry.id))

    def mark_unsent(self, entry: Entry, delay: float) -> None:
        """Reading Zoho showed that this write was not done: it is new again (after
        ``delay``, so that the other rows of a cut request, read meanwhile, go with it)."""
        self._db.execute("update writes set state = ?, next_at = ? where id = ?",
                         (PENDING, self._clock() + delay, entry.id))

    def mark_done(self, entry: Entry, record_id: str) -> None:
        self._db.execute(
            "update writes set state = ?, record_id = ?, last_error = '', next_at = ? "
            "where id = ?", (DONE, record_id, self._clock(), entry.id),
        )
        self._db.execute("delete from writes where state = ? and next_at < ?",
                         (DONE, self._clock() - KEEP_DONE_S))

    def mark_retry(self, entry: Entry, error: str, delay: float, *, state: str) -> None:
        self._db.execute(
            "update writes set state = ?, last_error = ?, next_at = ? where id = ?",
            (state, one_line(error, 300), self._clock() + delay, entry.id),
        )

    def postpone(self, entry: Entry, delay: float) -> None:
        self._db.execute("update writes set next_at = ? where id = ?",
                         (self._clock() + delay, entry.id))

    def forget_untried(self, before: float) -> None:
        """Drop the writes queued before ``before`` and never tried: a standby relay's, which
        the site's lead relay has written meanwhile."""
        self._db.execute("delete from writes where state = ? and attempts = 0 and created < ?",
                         (PENDING, before))

    def settle_all(self) -> None:
        """Another writer (the site's previous lead relay) may have sent what waits here:
        look for each in the CRM before writing it, as after an unknown outcome."""
        self._db.execute("update writes set state = ? where state = ?", (SENDING, PENDING))
        self._wake()

    def _wake(self) -> None:
        if self.changed is not None:
            self.changed.set()


_COLUMNS = ("id, key, module, record, marker, upsert_on, depends_on, link_field, state, "
            "attempts, record_id")


def _entry(row: tuple[Any, ...]) -> Entry:
    record = json.loads(row[3])
    find_by = tuple(f for f in str(row[5]).split(",") if f)
    return Entry(row[0], row[1], row[2], record, row[4], find_by, row[6], row[7], row[8],
                 row[9], row[10])


def _batchable(entry: Entry) -> bool:
    return entry.state == PENDING and not entry.find_by and not entry.depends_on


def _has_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class OutboxWorker:
    """Drains the outbox through a ``Sender`` until cancelled; reports its status."""

    def __init__(
        self,
        outbox: Outbox,
        sender: Sender,
        *,
        on_status: Callable[[OutboxStatus], None] = lambda status: None,
        on_written: Callable[[Entry, str], Awaitable[None] | None] = lambda entry, rid: None,
        retry_initial_s: float = RETRY_INITIAL_S,
        retry_max_s: float = RETRY_MAX_S,
        throttle_initial_s: float = THROTTLE_INITIAL_S,
        throttle_max_s: float = THROTTLE_MAX_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.outbox = outbox
        self.sender = sender
        self._on_status = on_status
        self._on_written = on_written
        self._retry = (retry_initial_s, retry_max_s)
        self._throttle = (throttle_initial_s, throttle_max_s)
        self._throttle_wait = throttle_initial_s
        self._clock = clock
        self.status = OutboxStatus(outbox.waiting())

    async def run(self) -> None:
        if self.outbox.changed is None:
            self.outbox.changed = asyncio.Event()
        self.outbox.retry_refused()  # a restart (after the fix) tries refused writes again
        self._report()
        while True:
            self.outbox.changed.clear()
            entry = self.outbox.due(self._clock())
            if entry is None:
                await self._sleep_until(self.outbox.next_time())
                continue
            batch = self.outbox.due_together(entry, self._clock(), BATCH_RECORDS)
            pause = await (self._handle_batch(batch) if len(batch) > 1 else self._handle(entry))
            self._report()
            if pause:
                await asyncio.sleep(pause)

    async def _sleep_until(self, when: float | None) -> None:
        assert self.outbox.changed is not None
        timeout = None if when is None else max(0.0, when - self._clock())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.outbox.changed.wait(), timeout)

    async def _handle(self, entry: Entry) -> float:
        """One step for ``entry``; the seconds every write must pause (after a 429), or 0."""
        record = entry.record
        if entry.depends_on:
            linked = self.outbox.get(entry.depends_on)
            if linked is not None and linked.state != DONE and linked.state != REFUSED:
                self.outbox.postpone(entry, DEPENDENCY_WAIT_S)
                return 0.0
            if linked is not None and linked.record_id:
                record = {**record, **call_link(linked.module, linked.record_id)}
        try:
            found = await settle_by_reading(self.sender, entry)
            if found is not None:  # written before (an answer lost, or another writer)
                await self._done(entry, found)
                return 0.0
            if entry.state == SENDING and not entry.find_by and not entry.depends_on:
                self.outbox.mark_unsent(entry, REGROUP_S)  # not written: new again
                return 0.0
            record = self._prepared(entry, record)
            self.outbox.mark_sending(entry)
            record_id = await self.sender.create(entry.module, record)
        except WriteThrottled as exc:
            self._fail(entry, exc, PENDING if entry.state != SENDING else SENDING, 0.0)
            wait = random.uniform(0.75, 1.25) * self._throttle_wait
            self._throttle_wait = min(self._throttle_wait * 2, self._throttle[1])
            return wait
        except WriteRefused as exc:
            self._refused(entry, exc)
            return 0.0
        except WriteUnknown as exc:
            self._fail(entry, exc, SENDING, self._backoff(entry))
            return 0.0
        except WriteFailed as exc:
            self._fail(entry, exc, PENDING if entry.state != SENDING else SENDING,
                       self._backoff(entry))
            return 0.0
        except Exception as exc:  # a bug: logged, and this write waits, not every other one
            log.error("writing %s to the CRM failed unexpectedly", entry.module, exc_info=True)
            error = WriteFailed(f"internal error: {type(exc).__name__} (see the log file)")
            self._fail(entry, error, SENDING, REFUSED_RETRY_S)
            return 0.0
        await self._done(entry, record_id)
        return 0.0

    async def _handle_batch(self, batch: list[Entry]) -> float:
        """New writes of one module in one request (after a backlog: a relay back online,
        a busy hour); each row then settles alone.  A request whose answer is lost leaves
        every row unknown: each is read for before it is sent again."""
        records = [self._prepared(entry, entry.record) for entry in batch]
        for entry in batch:
            self.outbox.mark_sending(entry)
        try:
            outcomes = await self.sender.create_many(batch[0].module, records)
        except WriteThrottled as exc:  # nothing written: every write pauses
            for entry in batch:
                self._fail(entry, exc, PENDING, 0.0)
            wait = random.uniform(0.75, 1.25) * self._throttle_wait
            self._throttle_wait = min(self._throttle_wait * 2, self._throttle[1])
            return wait
        except WriteRefused as exc:  # refused as a whole (a scope): kept, as one row would be
            for entry in batch:
                self._fail(entry, exc, REFUSED, REFUSED_RETRY_S)
            log.warning("Zoho CRM refused a write (%s): %s", batch[0].module, exc)
            return 0.0
        except (WriteUnknown, WriteFailed) as exc:
            state = SENDING if isinstance(exc, WriteUnknown) else PENDING
            for entry in batch:
                self._fail(entry, exc, state, self._backoff(entry))
            return 0.0
        except Exception as exc:  # a bug: logged; these writes wait, not every other one
            log.error("writing %s to the CRM failed unexpectedly", batch[0].module,
                      exc_info=True)
            error = WriteFailed(f"internal error: {type(exc).__name__} (see the log file)")
            for entry in batch:
                self._fail(entry, error, SENDING, REFUSED_RETRY_S)
            return 0.0
        for entry, outcome in zip(batch, outcomes, strict=True):
            if isinstance(outcome, WriteRefused):
                self._refused(entry, outcome)
            else:
                await self._done(entry, outcome)
        return 0.0

    def _refused(self, entry: Entry, exc: WriteRefused) -> None:
        """Kept for a retry after the fix; at once if what Zoho's answer taught (its clock)
        now changes the record."""
        current = self.outbox.get(entry.key) or entry
        if self.sender.prepare(entry.module, current.record) != current.record:
            self._fail(entry, exc, PENDING, 0.0)
            return
        self._fail(entry, exc, REFUSED, REFUSED_RETRY_S)
        log.warning("Zoho CRM refused a write (%s): %s", entry.module, exc)

    def _prepared(self, entry: Entry, record: dict[str, Any]) -> dict[str, Any]:
        """``record`` as the sender will send it; a change is kept in the row first (a link
        added from a dependency is not: it is added again on every try)."""
        ready = self.sender.prepare(entry.module, record)
        if ready != record:
            changed = {k: v for k, v in ready.items() if record.get(k) != v}
            self.outbox.set_record(entry, {**entry.record, **changed})
        return ready

    async def _done(self, entry: Entry, record_id: str) -> None:
        self.outbox.mark_done(entry, record_id)
        self._throttle_wait = self._throttle[0]
        self.status = OutboxStatus(self.status.waiting, "")
        log.debug("written to Zoho CRM: %s (%s)", entry.key, entry.module)
        try:
            result = self._on_written(entry, record_id)
            if result is not None:
                await result
        except Exception:  # the record is written; a failing listener must not undo that
            log.error("after a CRM write", exc_info=True)

    def _fail(self, entry: Entry, exc: Exception, state: str, delay: float) -> None:
        # A throttled write was not sent: back to where it was (pending or still unknown).
        self.outbox.mark_retry(entry, str(exc), delay, state=state)
        scope = exc.missing_scope if isinstance(exc, WriteRefused) else ""
        field = exc.missing_field if isinstance(exc, WriteRefused) else ""
        self.status = OutboxStatus(self.status.waiting, one_line(str(exc), 200), scope, field)

    def _backoff(self, entry: Entry) -> float:
        initial, maximum = self._retry
        return random.uniform(0.75, 1.25) * min(initial * 2.0 ** min(entry.attempts, 20), maximum)

    def _report(self) -> None:
        status = OutboxStatus(self.outbox.waiting(), self.status.last_error,
                              self.status.missing_scope, self.status.missing_field)
        self.status = status
        self._on_status(status)

"""The local phone index: every CRM record's phone numbers in one SQLite file, so that a
caller's record is found in well under a millisecond, with no API call.

A record is stored once (``records``) with what a popup shows; each of its phone fields gives
two keys in ``numbers``: the E.164 form (read with the lookup's own ``read_number``) and the
bare digits as stored.  A lookup asks for the caller's E.164 form and the digits of every
spelling the lookup would send to the CRM, so the index finds exactly what a CRM query for
those spellings finds, plus numbers stored in any other format of the same E.164 number.
That is one indexed query (``numbers``' primary key starts with the key).

The file holds personal data: it is created readable by its user only.  A sync writes in one
transaction (``transaction()``), so a sync that fails or a process killed half-way leaves the
index as it was; readers (WAL mode) never wait for a sync.  The class takes a plain path and
knows nothing of settings, so a relay can keep one in its own state folder.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ucm_popup.crm.model import Match
from ucm_popup.crm.phone import ReadNumber, read_number
from ucm_popup.text import encodable, one_line

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
INDEX_FILE = "crm-index.sqlite3"
_SCHEMA = """
create table if not exists records (
    module text not null, id text not null, name text not null, company text not null,
    phone text not null, mobile text not null, email text not null, owner text not null,
    primary key (module, id)
) without rowid;
create table if not exists numbers (
    key text not null, module text not null, id text not null,
    primary key (key, module, id)
) without rowid;
create index if not exists numbers_by_record on numbers (module, id);
create table if not exists meta (name text primary key, value text not null) without rowid;
"""
_RECORD_COLUMNS = "module, id, name, company, phone, mobile, email, owner"


def default_index_path() -> Path:
    """``crm-index.sqlite3`` in the user state folder (``~/.local/state/ucm-popup`` on Linux)."""
    from platformdirs import user_state_dir  # imported late: only a desk with an index needs it

    return Path(user_state_dir("ucm-popup", appauthor=False)) / INDEX_FILE


def delete_index(path: Path) -> bool:
    """Remove the index and SQLite's side files; True when there was one."""
    removed = False
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()
            removed = removed or suffix == ""
    return removed


def stored_keys(stored: str, region: str) -> set[str]:
    """The keys one stored phone value is found by: its E.164 form and its bare digits."""
    keys: set[str] = set()
    if not stored.strip():
        return keys
    read = read_number(stored, region)
    if read.valid:
        keys.add(read.normalized)
    digits = ascii_digits(stored)
    if len(digits) >= 2:
        keys.add(digits)
    return keys


def lookup_keys(read: ReadNumber) -> tuple[str, ...]:
    """The keys a caller's number is looked up by: its E.164 form and the digits of each
    spelling a CRM query would ask for."""
    keys = [read.normalized] if read.valid else []
    keys += [d for d in map(ascii_digits, (*read.variants, read.given)) if len(d) >= 2]
    return tuple(dict.fromkeys(keys))


def ascii_digits(text: str) -> str:
    """0-9 only (``\\d`` would keep other scripts' digits, which no spelling searched has)."""
    return re.sub(r"[^0-9]", "", text)


@dataclass(frozen=True)
class IndexStatus:
    records: int
    synced_at: float | None  # wall-clock time of the last complete sync; None = never

    def age_s(self, now: float | None = None) -> float | None:
        if self.synced_at is None:
            return None
        return max(0.0, (time.time() if now is None else now) - self.synced_at)


@dataclass(frozen=True)
class SyncState:
    """What the tray and ``lookup -v`` say about the index."""

    records: int
    synced_at: float | None  # wall-clock time of the last complete sync
    problem: str = ""  # one line while syncs fail
    retry_at: float | None = None  # wall-clock time of the next try after a failure


def describe(state: SyncState, now: float | None = None) -> str:
    """``CRM index: 12,345 records, synced 3 min ago`` (and why it is not syncing)."""
    now = time.time() if now is None else now
    if state.synced_at is None:
        line = "CRM index: not synced yet"
    else:
        line = f"CRM index: {state.records:,} records, synced {ago(now - state.synced_at)}"
    if state.problem:
        line += f"; sync failing: {one_line(state.problem, 160)}"
        if state.retry_at is not None:
            line += f" (retry in {ago(state.retry_at - now, suffix='')})"
    return line


def ago(seconds: float, suffix: str = " ago") -> str:
    seconds = max(0.0, seconds)
    if seconds < 60:
        return "just now" if suffix else f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds // 60:.0f} min{suffix}"
    if seconds < 2 * 86400:
        return f"{seconds // 3600:.0f} h{suffix}"
    return f"{seconds // 86400:.0f} days{suffix}"


class PhoneIndex:
    """One index file.  Use from one thread (the event loop's); a sync uses its own instance."""

    def __init__(self, path: Path, region: str) -> None:
        self.path = path
        self.region = region
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._db = self._connect()
        try:
            self._prepare()
        except sqlite3.DatabaseError as exc:
            if getattr(exc, "sqlite_errorname", "") not in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
                self._db.close()
                raise
            # Not an index any more (a damaged disk, a file put there): it is only a copy
            # of the CRM, so it is made again.
            log.warning("the CRM index %s was unreadable (%s); starting a new one", path, exc)
            self._db.close()
            delete_index(path)
            self._db = self._connect()
            self._prepare()

    def _connect(self) -> sqlite3.Connection:
        # Created 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)  # a file left by an older run with a wider mode
        # Built on a worker thread by the tray, used on the event loop's: one at a time.
        return sqlite3.connect(
            self.path, isolation_level=None, timeout=5.0, check_same_thread=False
        )

    def _prepare(self) -> None:
        """WAL mode and the tables.  Writes only when something is missing, so that opening
        an index to read (``lookup``) never waits for a sync's transaction."""
        if self._db.execute("pragma journal_mode").fetchone()[0] != "wal":
            self._db.execute("pragma journal_mode=wal")
        self._db.execute("pragma synchronous=normal")
        # Keys depend on the region numbers are read in: another region, another index.
        if (self._meta("schema"), self._meta("region")) == (SCHEMA_VERSION, self.region):
            return
        with self.transaction():
            self._db.execute("drop table if exists records")
            self._db.execute("drop table if exists numbers")
            self._db.execute("drop table if exists meta")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            self.set("schema", SCHEMA_VERSION)
            self.set("region", self.region)

    def close(self) -> None:
        self._db.close()

    # -- reading ----------------------------------------------------------------------------

    def find(self, keys: Iterable[str]) -> list[Match]:
        """The records carrying any of ``keys``, with an empty ``url`` (the caller builds it)."""
        wanted = tuple(keys)
        if not wanted:
            return []
        marks = ", ".join("?" * len(wanted))
        rows = self._db.execute(
            f"select distinct {', '.join('r.' + c for c in _RECORD_COLUMNS.split(', '))} "
            f"from numbers n join records r on r.module = n.module and r.id = n.id "
            f"where n.key in ({marks}) order by r.module, r.id",
            wanted,
        ).fetchall()
        return [Match(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], url="")
                for row in rows]

    def status(self) -> IndexStatus:
        """Two point reads (counting 100,000 rows on every call would cost milliseconds)."""
        synced = self._meta("synced_at")
        return IndexStatus(int(self._meta("records") or 0), float(synced) if synced else None)

    def get(self, name: str) -> str | None:
        """A value the sync keeps between runs (``since:Contacts`` and such)."""
        return self._meta(name)

    def _meta(self, name: str) -> str | None:
        try:
            row = self._db.execute("select value from meta where name = ?", (name,)).fetchone()
        except sqlite3.OperationalError:  # no meta table yet
            return None
        return None if row is None else str(row[0])

    # -- writing (inside ``transaction()``) --------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: an exception (or a killed process) leaves the index as it was."""
        self._db.execute("begin immediate")
        try:
            yield
        except BaseException:
            self._db.execute("rollback")
            raise
        self._db.execute("commit")

    def put(self, match: Match, phones: Iterable[str]) -> None:
        """Add or replace one record and the keys of its phone values."""
        # SQLite stores UTF-8: a lone surrogate from Zoho (valid JSON) is kept as its escape.
        values = [encodable(v) for v in (match.module, match.id, match.name, match.company,
                                           match.phone, match.mobile, match.email, match.owner)]
        self.remove(values[0], values[1])
        self._db.execute(
            f"insert into records ({_RECORD_COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?)", values
        )
        keys = set().union(*(stored_keys(p, self.region) for p in phones))
        self._db.executemany(
            "insert or ignore into numbers values (?, ?, ?)",
            [(key, values[0], values[1]) for key in keys],
        )

    def remove(self, module: str, record_id: str) -> None:
        module, record_id = encodable(module), encodable(record_id)
        self._db.execute("delete from numbers where module = ? and id = ?", (module, record_id))
        self._db.execute("delete from records where module = ? and id = ?", (module, record_id))

    def clear_module(self, module: str) -> None:
        self._db.execute("delete from numbers where module = ?", (module,))
        self._db.execute("delete from records where module = ?", (module,))

    def drop_modules_except(self, modules: Iterable[str]) -> None:
        """Records of modules no longer configured go (a module taken out of the settings)."""
        kept = tuple(modules)
        marks = ", ".join("?" * len(kept)) or "''"
        self._db.execute(f"delete from numbers where module not in ({marks})", kept)
        self._db.execute(f"delete from records where module not in ({marks})", kept)

    def set(self, name: str, value: str) -> None:
        self._db.execute("insert or replace into meta values (?, ?)", (name, value))

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file and empty it: a full sync would otherwise
        leave a log as large as the index beside it until the next checkpoint."""
        self._db.execute("pragma wal_checkpoint(truncate)")

    def mark_synced(self, when: float | None = None) -> None:
        (count,) = self._db.execute("select count(*) from records").fetchone()
        self.set("records", str(count))
        self.set("synced_at", repr(time.time() if when is None else when))

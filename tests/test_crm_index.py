"""The local phone index against the Zoho simulator: a full sync, lookups answered from the
index (the same JSON as Zoho's, no API request), incremental changes, failures mid-sync."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sqlite3
import stat
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from conftest import app_dir
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.writes_support import wait_for
from tests.zoho_support import (  # noqa: F401
    run_cli,
    v2_env,
    v2_secrets,
    v2_settings,
    write_settings,
    zoho_fixture,
)
from ucm_popup.crm.index import PhoneIndex, SyncState, default_index_path, describe
from ucm_popup.crm.index_lookup import LocalIndex
from ucm_popup.crm.index_sync import IndexSync
from ucm_popup.crm.service import LookupService, build_lookup_service
from ucm_popup.errors import Problem, ServiceError
from ucm_popup.settings_checks import check_lookup
from ucm_popup.sim.zoho import DemoZoho
from ucm_popup.sim.zoho_org import large_org, spell

DEMO_NUMBERS = ["0612345678", "+33698765432", "0144556677", "0478123456", "+33711223344",
                "0012125550142", "0145678900"]


def desk_service(zoho: DemoZoho, **crm: Any) -> LookupService:
    service = build_lookup_service(v2_settings(zoho, index="desk", **crm), v2_secrets(zoho))
    assert service is not None and service.index is not None
    return service


@pytest.fixture(name="desk")
async def desk_fixture(zoho: DemoZoho) -> AsyncIterator[LookupService]:
    service = desk_service(zoho)
    yield service
    await service.aclose()


def local(service: LookupService) -> LocalIndex:
    assert service.index is not None
    return service.index


async def synced(service: LookupService) -> IndexSync:
    sync = local(service).make_sync()
    await sync.sync_once()
    return sync


async def test_the_index_answers_as_zoho_does_without_an_api_request(zoho: DemoZoho) -> None:
    plain = build_lookup_service(v2_settings(zoho), v2_secrets(zoho))
    assert plain is not None
    expected = [(await plain.lookup(n)).to_json() for n in DEMO_NUMBERS]
    await plain.aclose()
    desk = desk_service(zoho)
    sync = await synced(desk)
    assert sync.state.records == sum(len(rows) for rows in zoho.sim.records.values())
    before = zoho.sim.api_requests()
    found = [(await desk.lookup(n)).to_json() for n in DEMO_NUMBERS]
    assert found == expected  # names, modules, order, links with the org id: all the same
    assert any(r["matches"] for r in found) and not found[-1]["matches"]
    assert zoho.sim.api_requests() == before  # not one request per call
    await desk.aclose()


async def test_the_index_file_is_the_users_alone_and_off_deletes_it(
    zoho: DemoZoho, desk: LookupService
) -> None:
    await synced(desk)
    path = default_index_path()
    assert path.exists() and app_dir("state") in path.parents
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    off = build_lookup_service(v2_settings(zoho, index="off"), v2_secrets(zoho))
    assert off is not None and off.index is None
    await off.aclose()
    assert not path.exists()
    assert not Path(str(path) + "-wal").exists()


async def test_incremental_sync_picks_up_new_edited_deleted_and_converted_records(
    zoho: DemoZoho, desk: LookupService
) -> None:
    sim = zoho.sim
    sim.records = {**sim.records, "Leads": [*sim.records["Leads"], {
        "id": "3477061000000500077", "First_Name": "Nina", "Last_Name": "Lead",
        "Full_Name": "Nina Lead", "Company": "Lead & Co", "Phone": "04 91 00 00 01",
        "Email": "nina@lead.example", "Owner": {"name": "Sam Agent", "id": "1"}}]}
    sync = await synced(desk)
    sync.deleted_every_s = 0.0  # deletions and conversions asked for at every sync here
    jane = (await desk.lookup("0612345678")).matches[0]
    sim.put_record("Contacts", {"id": "3477061000000419099", "Full_Name": "New Customer",
                                "Phone": "06 55 44 33 22", "Owner": {"name": "Sam", "id": "1"}})
    marc = next(r for r in sim.records["Contacts"] if r["Full_Name"] == "Marc Dubois")
    sim.put_record("Contacts", {**marc, "Phone": "+33 1 99 88 77 66"})  # edited number
    sim.delete_record("Contacts", jane.id)
    sim.convert_lead("3477061000000500077", "3477061000000419100")
    sim.counts.clear()
    await sync.sync_once()
    # one list and one deleted list per module, and the Leads converted since: a handful of
    # requests, whatever happened (a converted Lead is not in /deleted)
    assert sim.counts["api:records"] == 4 and sim.counts["api:deleted"] == 3
    assert (await desk.lookup("0655443322")).matches[0].name == "New Customer"
    assert [m.name for m in (await desk.lookup("0199887766")).matches] == ["Marc Dubois"]
    assert all(m.module != "Contacts" for m in (await desk.lookup("0144556677")).matches)
    assert (await desk.lookup("0612345678")).matches == ()
    nina = (await desk.lookup("+33491000001")).matches
    assert [(m.module, m.name, m.company) for m in nina] == [("Contacts", "Nina Lead", "Lead & Co")]
    sim.counts.clear()
    state = await sync.sync_once()  # nothing changed: Zoho answers 304 everywhere
    assert state.records == sync.index.status().records
    assert sim.counts["api:records"] == 4 and sim.counts["api:coql"] == 0


async def test_past_2000_records_the_sync_goes_on_by_id_ranges(zoho: DemoZoho) -> None:
    zoho.sim.records = large_org(2_450)
    service = desk_service(zoho, modules=("Contacts",))
    try:
        sync = await synced(service)
        assert sync.state.records == 2_450
        assert zoho.sim.counts["api:records"] == 10  # the 2,000 plain paging allows
        assert zoho.sim.counts["api:coql"] == 3  # 200 + 200 + 50 by id > last id
        for n in (0, 1_999, 2_000, 2_449):  # each spelling stored is found by the E.164 number
            for prefix in ("1", "6"):
                found = (await service.lookup(f"+33{prefix}{n:08d}")).matches
                assert [m.name for m in found] == [large_org(n + 1)["Contacts"][n]["Full_Name"]]
    finally:
        await service.aclose()


class FailingAfter:
    """The real Zoho client, with the simulator switched to ``failure`` after ``n`` requests."""

    def __init__(self, zoho: DemoZoho, api: Any, n: int, failure: str) -> None:
        self.zoho, self.api_, self.left, self.failure = zoho, api, n, failure

    async def api(self, *args: Any, **kwargs: Any) -> Any:
        if self.left == 0:
            self.zoho.sim.failure = self.failure
        self.left -= 1
        return await self.api_(*args, **kwargs)

    async def org_domain(self) -> str:
        return ""


@pytest.mark.parametrize("failure", ["429", "500", "down"])
async def test_zoho_failing_mid_sync_keeps_the_old_index_and_retries(
    zoho: DemoZoho, failure: str
) -> None:
    zoho.sim.records = large_org(900)
    service = desk_service(zoho, modules=("Contacts",))
    try:
        sync = await synced(service)
        for n in range(900, 1_000):
            zoho.sim.put_record("Contacts", large_org(1_000)["Contacts"][n])
        sync.full_every_s = 0  # a full sync, five pages: it fails on the third
        sync.zoho = FailingAfter(zoho, local(service).zoho.api, 3,
                                 "500" if failure == "down" else failure)
        if failure == "down":
            await zoho.sim.aclose()
        with pytest.raises(ServiceError) as raised:
            await sync.sync_once()
        assert (raised.value.kind is Problem.RATE_LIMITED) == (failure == "429")
        assert sync.index.status().records == 900
        assert (await service.lookup("+33600000899")).matches  # the old index still answers
        assert not (await service.lookup("+33600000950")).matches
        reports: list[SyncState] = []
        sync.backoff.initial_s = sync.backoff._current = 0.01
        task = asyncio.create_task(sync.run(reports.append))
        try:
            await wait_for(lambda: any(r.problem for r in reports), 30, lambda: f"{reports}")
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        failed = next(r for r in reports if r.problem)
        assert failed.problem and failed.retry_at is not None
        wait = failed.retry_at - sync.clock()
        assert wait > 50 if failure == "429" else wait < 1  # a 429 waits a minute
        assert "sync failing" in describe(failed)
    finally:
        await service.aclose()


async def test_a_stale_index_asks_zoho_and_falls_back_to_its_match_when_zoho_fails(
    zoho: DemoZoho, desk: LookupService
) -> None:
    await synced(desk)
    index = local(desk)
    index.crm = replace(index.crm, index_max_age_s=60)
    index.clock = lambda: __import__("time").time() + 120
    zoho.sim.put_record("Contacts", {"id": "3477061000000419099", "Full_Name": "Brand New",
                                     "Phone": "06 55 44 33 22", "Owner": {"name": "S", "id": "1"}})
    before = zoho.sim.counts["api:coql"]
    assert (await desk.lookup("0655443322")).matches[0].name == "Brand New"
    assert zoho.sim.counts["api:coql"] > before  # a stale index never hides a new customer
    zoho.sim.failure = "500"
    assert (await desk.lookup("0612345678")).matches[0].name == "Jane Doe"
    with pytest.raises(ServiceError):
        await desk.lookup("0145678900")  # not in the index, Zoho down: the error shows


async def test_describe_says_records_and_age() -> None:
    now = 1_000_000.0
    assert describe(SyncState(12_345, now - 185), now) == \
        "CRM index: 12,345 records, synced 3 min ago"
    assert describe(SyncState(0, None), now) == "CRM index: not synced yet"
    line = describe(SyncState(5, now - 7200, "Zoho\nhas <b>trouble</b>", now + 300), now)
    assert line.startswith("CRM index: 5 records, synced 2 h ago; sync failing: Zoho")
    assert line.endswith("has <b>trouble</b> (retry in 5 min)") and "\n" not in line


def test_a_stored_number_in_any_spelling_is_found(tmp_path: Path) -> None:
    from ucm_popup.crm.index import lookup_keys
    from ucm_popup.crm.model import Match
    from ucm_popup.crm.phone import read_number

    index = PhoneIndex(tmp_path / "i.sqlite3", "FR")
    with index.transaction():
        for style in range(6):
            match = Match("Contacts", str(style), f"n{style}", "", "", "", "", "", "")
            index.put(match, [spell("6", 12345678, style), None or ""])
        index.mark_synced()
    keys = lookup_keys(read_number("0612345678", "FR"))
    assert sorted(m.id for m in index.find(keys)) == [str(s) for s in range(6)]
    assert index.status().records == 6
    index.close()


def test_a_record_with_lone_surrogates_is_kept_escaped_not_a_failed_sync(tmp_path: Path) -> None:
    from ucm_popup.crm.index import lookup_keys
    from ucm_popup.crm.model import Match
    from ucm_popup.crm.phone import read_number

    index = PhoneIndex(tmp_path / "i.sqlite3", "FR")
    with index.transaction():
        index.put(Match("Contacts", "7\ud800", "Jane \udfff Doe", "", "", "", "", "", ""),
                  ["0612345678"])
        index.remove("Leads", "\ud800")
        index.mark_synced()
    [found] = index.find(lookup_keys(read_number("0612345678", "FR")))
    assert (found.id, found.name) == ("7\\ud800", "Jane \\udfff Doe")
    index.close()


async def test_lookup_command_answers_from_the_index_and_says_its_age_with_v(
    zoho: DemoZoho, desk: LookupService, tmp_path: Path
) -> None:
    config = write_settings(tmp_path / "config.toml", zoho)
    config.write_text(config.read_text().replace("[crm]\n", '[crm]\nindex = "desk"\n'))
    await synced(desk)
    before = zoho.sim.api_requests()
    code, out, err = await run_cli("lookup", "-v", "--config", str(config), "0612345678",
                                   env=v2_env(zoho))
    assert code == 0, err
    assert json.loads(out)["matches"][0]["name"] == "Jane Doe"
    assert "CRM index: 6 records, synced just now; 1 match(es) from the index" in err
    assert zoho.sim.counts["api:coql"] == 0 and zoho.sim.api_requests() - before <= 2  # token
    code, out, err = await run_cli("lookup", "--config", str(config), "0612345678",
                                   env=v2_env(zoho))
    assert code == 0 and err == ""  # without -v, nothing on stderr


SYNC_SCRIPT = """
import asyncio, sys
from pathlib import Path
from ucm_popup.crm.service import build_lookup_service
from ucm_popup.secrets import default_secret_store
from ucm_popup.settings import load_settings

async def main():
    settings, _ = load_settings(Path(sys.argv[1]))
    service = build_lookup_service(settings, default_secret_store())
    sync = service.index.make_sync()
    sync.full_every_s = 0
    print("syncing", flush=True)
    await sync.sync_once()

asyncio.run(main())
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
async def test_a_process_killed_mid_sync_leaves_the_index_usable(
    zoho: DemoZoho, tmp_path: Path
) -> None:
    zoho.sim.records = large_org(1_000)
    config = write_settings(tmp_path / "config.toml", zoho)
    config.write_text(config.read_text().replace(
        "[crm]\n", '[crm]\nindex = "desk"\nmodules = ["Contacts"]\n'))
    service = desk_service(zoho, modules=("Contacts",))
    await synced(service)
    for n in range(1_000):  # every number changes: a new sync would rewrite the whole index
        zoho.sim.put_record("Contacts", {**large_org(n + 1)["Contacts"][n],
                                         "Mobile": f"07 00 00 {n // 100:02d} {n % 100:02d}"})
    zoho.sim.stall_after_pages = 3
    zoho.sim.slow_seconds = 60
    zoho.sim.counts.clear()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", SYNC_SCRIPT, str(config), stdout=asyncio.subprocess.PIPE,
        env={**os.environ, **v2_env(zoho)},
    )
    try:
        await wait_until(lambda: zoho.sim.counts["api:records"] >= 4  # three pages written
                         or process.returncode is not None)
        await asyncio.sleep(0.2)
        assert process.returncode is None  # still syncing, its transaction open
    finally:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()
    zoho.sim.stall_after_pages = -1
    again = desk_service(zoho, modules=("Contacts",))
    try:
        assert (await again.lookup("+33600000042")).matches  # the old numbers, all of them
        assert (await again.lookup("+33600000999")).matches
        assert not (await again.lookup("0700000042")).matches
        assert again.index is not None and again.index.reader.status().records == 1_000
        db = sqlite3.connect(default_index_path())
        assert db.execute("pragma integrity_check").fetchone() == ("ok",)
        db.close()
        await again.index.make_sync().sync_once()  # and the next sync completes
        assert [m.name for m in (await again.lookup("0700000042")).matches] == [
            large_org(43)["Contacts"][42]["Full_Name"]]
    finally:
        await again.aclose()
        await service.aclose()


async def wait_until(condition: Any, timeout: float = 30.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.02)


@settings(max_examples=150, deadline=None)
@given(
    phones=st.lists(st.text(max_size=60), max_size=6),
    name=st.text(max_size=200),
    record_id=st.text(min_size=1, max_size=40),
    asked=st.text(max_size=60),
)
def test_hostile_record_values_are_stored_and_read_back_as_text(
    tmp_path_factory: pytest.TempPathFactory, phones: list[str], name: str, record_id: str,
    asked: str,
) -> None:
    """Odd Unicode, lone surrogates, NULs, quotes in phones, names and ids: stored as data,
    never a crash or a changed query; a stored number is found by its own spelling."""
    from ucm_popup.crm.index import lookup_keys
    from ucm_popup.crm.model import Match
    from ucm_popup.crm.phone import read_number

    index = PhoneIndex(tmp_path_factory.mktemp("fuzz") / "i.sqlite3", "FR")
    try:
        match = Match("Contacts", record_id, name, "", "", "", "", "", "")
        with index.transaction():
            index.put(match, phones)
            index.mark_synced()
        for phone in phones:
            keys = lookup_keys(read_number(phone, "FR"))
            if len(digits(phone)) >= 2:
                assert [m.name for m in index.find(keys)] == [name]
        index.find(lookup_keys(read_number(asked, "FR")))
        assert index.status().records == 1
    finally:
        index.close()


def digits(text: str) -> str:
    return "".join(c for c in text if c in "0123456789")


async def test_the_demo_never_deletes_the_users_index(zoho: DemoZoho, desk: LookupService) -> None:
    await synced(desk)
    code, out, err = await run_cli("lookup", "--demo", "0612345678")
    assert "Jane Doe" in out
    assert code == 0, err
    assert default_index_path().exists()


async def test_a_damaged_index_is_made_again_and_a_sync_in_progress_never_blocks_lookup(
    zoho: DemoZoho, tmp_path: Path
) -> None:
    path = default_index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database, but a damaged file " * 100)
    config = write_settings(tmp_path / "config.toml", zoho)
    config.write_text(config.read_text().replace("[crm]\n", '[crm]\nindex = "desk"\n'))
    code, out, err = await run_cli("lookup", "-v", "--config", str(config), "0612345678",
                                   env=v2_env(zoho))
    assert code == 0, err
    assert "unreadable" in err and "CRM index: not synced yet; asking Zoho CRM" in err
    assert json.loads(out)["matches"][0]["name"] == "Jane Doe"  # from Zoho
    service = desk_service(zoho)
    try:
        await synced(service)
        writer = PhoneIndex(path, "FR")
        with writer.transaction():  # a sync holding the write lock for as long as it takes
            writer.remove("Contacts", "3477061000000419001")
            code, out, err = await run_cli("lookup", "--config", str(config), "0612345678",
                                           env=v2_env(zoho))
            assert code == 0 and err == "", err
            assert json.loads(out)["matches"][0]["name"] == "Jane Doe"  # the committed index
        writer.close()
    finally:
        await service.aclose()


async def test_invalid_data_during_a_sync_never_empties_the_index(
    zoho: DemoZoho, desk: LookupService
) -> None:
    """Zoho refusing a list (INVALID_DATA) is a failed sync: the index keeps every record,
    never an empty module."""
    sync = await synced(desk)
    before = sync.index.status().records
    sync.full_every_s = 0.0  # the next sync is a full one, which clears a module first
    zoho.sim.replies["records"] = (400, json.dumps({
        "code": "INVALID_DATA", "details": {}, "message": "invalid data",
        "status": "error"}).encode())
    with pytest.raises(ServiceError, match="INVALID_DATA"):
        await sync.sync_once()
    assert sync.index.status().records == before
    assert [m.name for m in (await desk.lookup("0612345678")).matches] == ["Jane Doe"]


async def test_a_disabled_module_does_not_take_the_other_lookups_or_the_index_down(
    zoho: DemoZoho,
) -> None:
    zoho.sim.disabled_modules.add("Leads")  # INVALID_MODULE (HTTP 400), as Zoho answers
    plain = build_lookup_service(v2_settings(zoho), v2_secrets(zoho))
    assert plain is not None
    try:
        found = await plain.lookup("0612345678")
        assert [m.name for m in found.matches] == ["Jane Doe"]
        assert list(plain.unavailable_modules()) == ["Leads"]  # named in the tray's tooltip
    finally:
        await plain.aclose()
    # The Settings dialog's Test names it too, beside the record it found.
    outcome = await check_lookup(v2_settings(zoho), v2_secrets(zoho), "0612345678")
    assert outcome.ok and "Jane Doe" in outcome.text
    assert "Not searched: Leads (not available in this Zoho org" in outcome.text
    assert "INVALID_MODULE" in outcome.details
    desk = desk_service(zoho)
    try:
        sync = await synced(desk)
        assert sync.state.records == zoho.sim.count("Contacts") + zoho.sim.count("Accounts")
    finally:
        await desk.aclose()
    zoho.sim.disabled_modules.clear()  # the admin enabled it again: nothing is said
    outcome = await check_lookup(v2_settings(zoho), v2_secrets(zoho), "0612345678")
    assert outcome.ok and "Not searched" not in outcome.text


async def test_an_idle_org_costs_three_requests_a_sync_and_deletions_every_half_hour(
    zoho: DemoZoho, desk: LookupService
) -> None:
    """Each sync costs API credits even when Zoho answers 304: while nothing changes, a sync
    asks only for changed records (one list per module); deleted and converted records are
    asked for every 30 minutes, and the loop waits longer between syncs."""
    sync = await synced(desk)
    now = [sync.clock()]
    sync.clock = lambda: now[0]
    zoho.sim.counts.clear()
    await sync.sync_once()
    assert (zoho.sim.counts["api:records"], zoho.sim.counts["api:deleted"]) == (3, 0)
    assert not sync.changed
    now[0] += 1800
    zoho.sim.counts.clear()
    await sync.sync_once()  # Leads?converted=true beside the three lists
    assert (zoho.sim.counts["api:records"], zoho.sim.counts["api:deleted"]) == (4, 3)
    zoho.sim.put_record("Contacts", {"id": "3477061000000419099", "Full_Name": "New",
                                     "Phone": "06 55 44 33 22"})
    await sync.sync_once()
    assert sync.changed

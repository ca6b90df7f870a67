"""Calls written to Zoho CRM: the writer's choices, the outbox's exactly-once, and the
simulator's validation, counted in the Zoho simulator."""

from __future__ import annotations

import asyncio
import json
import stat
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.writes_support import WRITE_SCOPES, Desk, wait_for, zsim  # noqa: F401  (fixture)
from ucm_popup.crm.model import Match
from ucm_popup.crm.outbox import Outbox, WriteRefused, WriteThrottled, WriteUnknown
from ucm_popup.crm.writes import duration_text, marker_for
from ucm_popup.crm.zoho_oauth import SCOPES, missing_scopes, scopes_for, write_scopes
from ucm_popup.sim.zoho import FULL_SCOPES, ZohoSimulator
from ucm_popup.ucm.events import Answered, Dialing, Ended, Ringing, Transferred, now

JANE = Match("Contacts", "3477061000000419001", "Jane Doe", "ACME Corp", "+33 6 12 34 56 78",
             "", "", "Sam", "")
LYON = Match("Accounts", "3477061000000300004", "Lyon Logistique SARL", "", "", "", "", "", "")
DUBOIS_LEAD = Match("Leads", "3477061000000520001", "Marc Dubois", "", "", "", "", "", "")


def ring(call_id: str, number: str = "0612345678", name: str = "", queue: str = "",
         extension: str = "1002") -> Ringing:
    return Ringing(call_id, extension, "inbound", number, name, "MyTrunk", queue)


def answered_call(desk: Desk, call_id: str, *, seconds: int = 75,
                  matches: tuple[Match, ...] = (JANE,), queue: str = "",
                  number: str = "0612345678") -> None:
    start = now()
    desk.writer.on_event(ring(call_id, number=number, queue=queue))
    desk.writer.on_lookup(call_id, matches, "")
    desk.writer.on_event(Answered(call_id, "1002", start))
    desk.writer.on_event(Ended(call_id, "1002", True, False, start + timedelta(seconds=seconds)))


def calls(sim: ZohoSimulator) -> list[dict[str, object]]:
    return sim.records.get("Calls", [])


@pytest.fixture
async def desk(zsim: ZohoSimulator, tmp_path: Path):  # noqa: F811
    desk = Desk(zsim, tmp_path / "outbox.sqlite3").start()
    yield desk
    await desk.aclose()


# -- what is written ----------------------------------------------------------------------


async def test_an_answered_call_becomes_one_inbound_call_linked_to_the_contact(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    answered_call(desk, "c1", seconds=75)
    await desk.drained()
    [call] = calls(zsim)
    assert call["Subject"] == "Inbound call from Jane Doe (0612345678) to 1002"
    assert call["Call_Type"] == "Inbound"
    assert call["Call_Duration"] == "01:15"
    assert call["Call_Duration_in_seconds"] == 75
    assert call["Who_Id"] == {"id": JANE.id}
    assert marker_for("c1", "1002") in str(call["Description"])


async def test_missed_outbound_account_and_picked_records(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    desk.writer.on_event(ring("missed", name="Someone"))
    desk.writer.on_lookup("missed", (), "")
    desk.writer.on_event(Ended("missed", "1002", False, False))
    answered_call(desk, "account", matches=(LYON,))
    desk.writer.on_event(ring("several"))
    desk.writer.on_lookup("several", (JANE, DUBOIS_LEAD), "")
    desk.writer.pick("several", DUBOIS_LEAD)
    desk.writer.on_event(Answered("several", "1002"))
    desk.writer.on_event(Ended("several", "1002", True, False))
    started = now()
    desk.writer.on_event(Dialing("out", "1002", "outbound", "0612345678", "", "MyTrunk", started))
    desk.writer.on_lookup("out", (JANE,), "")
    desk.writer.on_event(Answered("out", "1002", started + timedelta(seconds=5)))
    desk.writer.on_event(Ended("out", "1002", True, False, started + timedelta(seconds=65)))
    await desk.drained()
    by_subject = {c["Subject"]: c for c in calls(zsim)}
    assert set(by_subject) == {
        "Missed call from Someone (0612345678) to 1002",
        "Inbound call from Lyon Logistique SARL (0612345678) to 1002",
        "Inbound call from Marc Dubois (0612345678) to 1002",
        "Outbound call from 1002 to Jane Doe (0612345678)",
    }
    missed = by_subject["Missed call from Someone (0612345678) to 1002"]
    assert missed["Call_Type"] == "Missed" and "Call_Duration" not in missed
    account = by_subject["Inbound call from Lyon Logistique SARL (0612345678) to 1002"]
    assert account["What_Id"] == {"id": LYON.id} and account["$se_module"] == "Accounts"
    lead_call = by_subject["Inbound call from Marc Dubois (0612345678) to 1002"]
    assert (lead_call["What_Id"], lead_call["$se_module"]) == ({"id": DUBOIS_LEAD.id}, "Leads")
    assert "Who_Id" not in lead_call  # Zoho refuses a Lead in Who_Id
    outbound = by_subject["Outbound call from 1002 to Jane Doe (0612345678)"]
    assert (outbound["Call_Type"], outbound["Call_Duration"]) == ("Outbound", "01:00")


async def test_calls_this_desk_does_not_own_are_not_written(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    # a ring group nobody here answered; answered by a colleague; an internal call; an
    # outgoing call nobody picked up (Zoho refuses an Outbound call of no duration)
    desk.writer.on_event(ring("group", queue="6500"))
    desk.writer.on_event(Ended("group", "1002", False, False))
    # the same when the UCM named no group: the tracker saw other extensions ring
    desk.writer.on_event(ring("unnamed-group"))
    desk.writer.on_event(Ended("unnamed-group", "1002", False, False, rang_others=True))
    desk.writer.on_event(ring("elsewhere"))
    desk.writer.on_event(Ended("elsewhere", "1002", False, True))
    desk.writer.on_event(Ringing("internal", "1002", "internal", "1003", "Bob", ""))
    desk.writer.on_event(Answered("internal", "1002"))
    desk.writer.on_event(Ended("internal", "1002", True, False))
    desk.writer.on_event(Dialing("nobody", "1002", "outbound", "0612345678", "", "MyTrunk"))
    desk.writer.on_event(Ended("nobody", "1002", False, False))
    # another extension's events never reach this desk's log
    desk.writer.on_event(ring("other", extension="1003"))
    desk.writer.on_event(Ended("other", "1003", True, False))
    await asyncio.sleep(0.2)
    assert calls(zsim) == []
    assert desk.outbox.waiting() == 0


async def test_a_queue_ringing_again_and_a_zero_second_call_give_one_valid_record(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    start = now()
    for _ in range(3):  # the queue rings the desk three times before it answers
        desk.writer.on_event(ring("q", queue="6500"))
        desk.writer.on_lookup("q", (JANE,), "")
    desk.writer.on_event(Answered("q", "1002", start))
    desk.writer.on_event(Ended("q", "1002", True, False, start))  # hung up at once
    desk.writer.on_event(Ended("q", "1002", True, False, start))  # a late repeat
    await desk.drained()
    [call] = calls(zsim)
    assert call["Call_Duration"] == "00:01"  # never 00:00: Zoho refuses it


async def test_a_queue_giving_up_and_ringing_again_gives_one_inbound_not_a_missed(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    desk.writer.on_event(ring("rr"))
    desk.writer.on_lookup("rr", (JANE,), "")
    desk.writer.on_event(Ended("rr", "1002", False, False))  # the queue gives up on the desk
    desk.writer.on_event(ring("rr"))  # ... and rings it again
    desk.writer.on_event(Answered("rr", "1002"))
    desk.writer.on_event(Ended("rr", "1002", True, False))
    await desk.drained()
    await asyncio.sleep(0.4)  # past the missed call's grace
    assert [(c["Call_Type"], c["Who_Id"]) for c in calls(zsim)] == [("Inbound", {"id": JANE.id})]


async def test_a_transferred_call_is_written_about_the_new_party(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    desk.writer.on_event(ring("t", number="0478123456", name="LYON"))
    desk.writer.on_lookup("t", (LYON,), "")
    desk.writer.on_event(Transferred("t", "1002", "0612345678", "", "MyTrunk", "1003"))
    desk.writer.on_lookup("t", (JANE,), "")
    desk.writer.on_event(Answered("t", "1002"))
    desk.writer.on_event(Ended("t", "1002", True, False))
    await desk.drained()
    [call] = calls(zsim)
    assert call["Subject"] == "Inbound call from Jane Doe (0612345678) to 1002"
    assert call["Who_Id"] == {"id": JANE.id} and "What_Id" not in call


async def test_the_agents_note_waits_for_save_and_goes_into_the_description(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    desk.writer.on_event(ring("n"))
    desk.writer.on_lookup("n", (JANE,), "")
    desk.writer.on_event(Answered("n", "1002"))
    desk.writer.note_started("n")
    desk.writer.on_event(Ended("n", "1002", True, False))
    await asyncio.sleep(0.2)
    assert calls(zsim) == [] and desk.outbox.waiting() == 1  # held while the agent types
    desk.writer.finish_note("n", "Wants a quote <b>tomorrow</b>")
    await desk.drained()
    [call] = calls(zsim)
    assert str(call["Description"]).startswith("Wants a quote <b>tomorrow</b>\n\n[ucmpopup")


async def test_without_the_call_log_a_note_goes_on_the_record(
    zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
) -> None:
    desk = Desk(zsim, tmp_path / "o.sqlite3", log_calls=False).start()
    try:
        answered_call(desk, "n2")
        desk.writer.note_started("n2")
        desk.writer.finish_note("n2", "Call back on Monday")
        await desk.drained()
        assert calls(zsim) == []
        [note] = zsim.records["Notes"]
        assert (note["Parent_Id"], note["se_module"]) == (JANE.id, "Contacts")
        assert str(note["Note_Content"]).startswith("Call back on Monday")
    finally:
        await desk.aclose()


async def test_an_unknown_caller_becomes_one_lead_that_the_call_links_to(
    zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
) -> None:
    desk = Desk(zsim, tmp_path / "o.sqlite3", add_unknown="Leads").start()
    leads_before = zsim.count("Leads")
    try:
        answered_call(desk, "u1", matches=())
        answered_call(desk, "u2", matches=())  # the same number again before the lead exists
        await desk.drained()
        assert zsim.count("Leads") == leads_before + 1
        lead = zsim.records["Leads"][-1]
        assert (lead["Last_Name"], lead["Phone"]) == ("Unknown caller", "+33612345678")
        assert [(c["What_Id"], c["$se_module"]) for c in calls(zsim)] == [
            ({"id": lead["id"]}, "Leads")] * 2
        assert all("Who_Id" not in c for c in calls(zsim))
        assert [(call_id, m.id, m.module) for call_id, m in desk.added] == [
            ("u1", lead["id"], "Leads"), ("u2", lead["id"], "Leads")]
    finally:
        await desk.aclose()


async def test_an_unknown_caller_in_a_ring_group_is_added_by_the_desk_that_answers(
    zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
) -> None:
    desk = Desk(zsim, tmp_path / "o.sqlite3", add_unknown="Contacts", log_calls=False).start()
    before = zsim.count("Contacts")
    try:
        desk.writer.on_event(ring("g", number="+33145678900", name="ACME Desk", queue="6500"))
        desk.writer.on_lookup("g", (), "")
        await asyncio.sleep(0.2)
        assert zsim.count("Contacts") == before  # only ringing here, among others
        desk.writer.on_event(Answered("g", "1002"))
        await desk.drained()
        assert zsim.count("Contacts") == before + 1
        assert zsim.records["Contacts"][-1]["Last_Name"] == "ACME Desk"
    finally:
        await desk.aclose()


# -- exactly once ---------------------------------------------------------------------------


async def test_one_hundred_calls_under_429s_and_dropped_connections_give_one_record_each(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    """A backlog of 150 calls goes up to 100 records a request; a 429, a request cut after
    Zoho wrote its records, and a tenth of the later requests faulty: one record each."""
    zsim.write_faults.extend(["429", "drop-after", "drop-before"])
    zsim.write_fault_rate = 0.1  # 429, dropped before the write, dropped after the write
    for i in range(150):
        answered_call(desk, f"call-{i}", seconds=i + 1)
    await desk.drained(timeout=60)
    markers = [str(c["Description"]) for c in calls(zsim)]
    assert sorted(markers) == sorted(f"[{marker_for(f'call-{i}', '1002')}]" for i in range(150))
    assert zsim.counts["api:insert:Calls"] < 75  # batched (one by one: over 150)
    assert zsim.counts["coql:Calls"] >= 100  # the cut request's records were read for
    assert zsim.counts["api:search:Calls"] == 0  # never by /search (lagging index, scope)


async def test_a_time_out_after_zoho_wrote_is_settled_by_reading_not_by_writing_again(
    zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
) -> None:
    desk = Desk(zsim, tmp_path / "o.sqlite3", timeout=0.3).start()
    zsim.slow_seconds = 1.0
    zsim.search_lag_s = 30.0  # Zoho's search would not find it yet: reading must
    zsim.write_faults.append("slow-after")
    try:
        answered_call(desk, "slow")
        await desk.drained()
        assert len(calls(zsim)) == 1
        assert zsim.counts["api:coql"] >= 1 and zsim.counts["api:search:Calls"] == 0
        assert zsim.counts["api:insert:Calls"] == 1
    finally:
        await desk.aclose()


@pytest.mark.parametrize("module", ["Calls", "Leads", "Contacts", "Notes"])
async def test_an_answer_lost_while_the_record_exists_is_never_written_twice(
    zsim: ZohoSimulator, tmp_path: Path, module: str,  # noqa: F811
) -> None:
    """Zoho writes the record, then the connection hangs past the client's time-out; Zoho's
    search would not see the record for 30 s.  The write is settled by reading: one record."""
    options = {"Calls": {}, "Leads": {"add_unknown": "Leads", "log_calls": False},
               "Contacts": {"add_unknown": "Contacts", "log_calls": False},
               "Notes": {"log_calls": False}}[module]
    desk = Desk(zsim, tmp_path / "o.sqlite3", timeout=0.3, **options).start()
    zsim.search_lag_s = 30.0
    zsim.slow_seconds = 2.0
    zsim.write_faults.append("slow-after")
    before = zsim.count(module)
    try:
        if module == "Notes":
            desk.writer.on_event(ring("n"))
            desk.writer.on_lookup("n", (JANE,), "")
            desk.writer.note_started("n")
            desk.writer.finish_note("n", "Wants a call back")
        else:
            answered_call(desk, "lost", matches=() if module != "Calls" else (JANE,),
                          number="0145678900")
        await desk.drained(timeout=15)
        assert zsim.count(module) == before + 1
        assert zsim.counts[f"api:insert:{module}"] == 1
        assert sum(n for k, n in zsim.counts.items() if k.startswith("api:search")) == 0
        assert desk.outbox.waiting() == 0 and not desk.statuses[-1].last_error
    finally:
        await desk.aclose()


async def test_a_note_whose_answer_was_lost_is_written_again_when_notes_cannot_be_read(
    zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
) -> None:
    """A user who may not read Notes (not an admin): the lost note is not left waiting for
    ever on a read it cannot do; it is written again (a second copy beats a lost note)."""
    desk = Desk(zsim, tmp_path / "o.sqlite3", timeout=0.3, log_calls=False).start()
    zsim.notes_forbidden = True
    zsim.slow_seconds = 1.0
    zsim.write_faults.append("slow-after")
    try:
        desk.writer.on_event(ring("n"))
        desk.writer.on_lookup("n", (JANE,), "")
        desk.writer.note_started("n")
        desk.writer.finish_note("n", "Wants a call back")
        await desk.drained(timeout=15)
        assert zsim.counts["api:related:Notes"] >= 1
        assert zsim.counts["api:insert:Notes"] == 2
    finally:
        await desk.aclose()


async def test_a_write_sent_before_a_crash_is_found_after_the_restart(
    zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
) -> None:
    path = tmp_path / "o.sqlite3"
    first = Desk(zsim, path)
    answered_call(first, "crash")
    entry = first.outbox.due(now().timestamp())
    assert entry is not None
    first.outbox.mark_sending(entry)  # the request left ...
    await first.worker.sender.create("Calls", entry.record)  # ... and Zoho wrote it
    await first.aclose()  # ... and the app died before it heard back
    second = Desk(zsim, path).start()
    try:
        await second.drained()
        assert len(calls(zsim)) == 1
        assert second.outbox.get("call:crash:1002") is not None
    finally:
        await second.aclose()


async def test_a_desk_that_does_not_know_yet_the_lead_another_desk_made_adds_none(
    zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
) -> None:
    """The same unknown number calls two desks one after the other; the second desk's lookup
    (an index not synced yet) still says unknown: it reads Zoho for the number (COQL, no
    index lag) and links the call to the first desk's Lead instead of adding a second."""
    desks = [Desk(zsim, tmp_path / f"{n}.sqlite3", extension=n, add_unknown="Leads").start()
             for n in ("1002", "1003")]
    before = zsim.count("Leads")
    zsim.search_lag_s = 30.0
    try:
        for n, desk in enumerate(desks):
            ext = desk.writer.extension
            desk.writer.on_event(ring(f"c{n}", number="0145678900", extension=ext))
            desk.writer.on_lookup(f"c{n}", (), "")
            desk.writer.on_event(Answered(f"c{n}", ext))
            await desk.drained()
        assert zsim.count("Leads") == before + 1
        assert zsim.counts["api:insert:Leads"] == 1 and zsim.counts["api:upsert:Leads"] == 0
        assert {m.id for d in desks for _, m in d.added} == {zsim.records["Leads"][-1]["id"]}
    finally:
        for desk in desks:
            await desk.aclose()


# -- refusals, scopes and the simulator's validation ---------------------------------------


async def test_a_missing_scope_is_named_and_the_write_kept_until_the_fix(
    zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
) -> None:
    path = tmp_path / "o.sqlite3"
    read_only = Desk(zsim, path, scopes=FULL_SCOPES).start()
    answered_call(read_only, "scope")
    await wait_for(lambda: any(s.missing_scope for s in read_only.statuses), 30,
                   lambda: f"{read_only.statuses[-1:]}")
    await read_only.aclose()
    assert calls(zsim) == []
    assert "ZohoCRM.modules.calls.CREATE" in read_only.statuses[-1].last_error
    assert read_only.statuses[-1].missing_scope == "ZohoCRM.modules.calls.CREATE"
    assert read_only.statuses[-1].waiting == 1
    fixed = Desk(zsim, path).start()  # a new token with the scope: the writer restarts
    try:
        await fixed.drained()
        assert len(calls(zsim)) == 1
    finally:
        await fixed.aclose()


async def test_the_simulator_refuses_what_zoho_refuses(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    sender = desk.worker.sender
    base = {"Subject": "s", "Call_Type": "Inbound", "Call_Start_Time": "2026-01-01T10:00:00+01:00"}
    with pytest.raises(WriteRefused, match="DEPENDENT_MISMATCH"):
        await sender.create("Calls", {**base, "Call_Duration": "00:00"})
    with pytest.raises(WriteRefused, match=r"MANDATORY_NOT_FOUND.*Call_Duration"):
        await sender.create("Calls", base)
    with pytest.raises(WriteRefused, match=r"MANDATORY_NOT_FOUND.*Last_Name"):
        await sender.create("Leads", {"Phone": "+33612345678"})
    zsim.write_faults.append("429")
    with pytest.raises(WriteThrottled):
        await sender.create("Leads", {"Last_Name": "x"})
    zsim.write_faults.append("drop-after")
    with pytest.raises(WriteUnknown):
        await sender.create("Leads", {"Last_Name": "Dropped"})
    assert zsim.records["Leads"][-1]["Last_Name"] == "Dropped"
    assert calls(zsim) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes (on Windows the profile "
                    "folder's ACL keeps it private)")
async def test_the_outbox_file_is_private(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "state" / "outbox.sqlite3")
    outbox.add("k", "Calls", {"Subject": "x"})
    assert stat.S_IMODE((tmp_path / "state" / "outbox.sqlite3").stat().st_mode) == 0o600
    assert not outbox.add("k", "Calls", {"Subject": "y"})  # one key, one write
    outbox.close()


def test_durations_and_scopes() -> None:
    assert [duration_text(s) for s in (1, 75, 6000)] == ["00:01", "01:15", "100:00"]
    assert scopes_for(False, "") == SCOPES  # a read-only token keeps working for lookups
    assert write_scopes(False, "Leads") == ("ZohoCRM.modules.notes.CREATE",
                                            "ZohoCRM.modules.notes.READ",
                                            "ZohoCRM.modules.leads.CREATE",
                                            "ZohoCRM.modules.contacts.CREATE",
                                            "ZohoCRM.modules.accounts.CREATE")
    assert set(write_scopes(True, "Contacts")) <= set(WRITE_SCOPES)
    assert scopes_for(True, "").endswith(",ZohoCRM.modules.calls.CREATE,"
                                         "ZohoCRM.modules.calls.READ,"
                                         "ZohoCRM.modules.notes.CREATE,ZohoCRM.modules.notes.READ")
    assert missing_scopes(FULL_SCOPES, True, "") == ("ZohoCRM.modules.calls.CREATE",
                                                     "ZohoCRM.modules.calls.READ",
                                                     "ZohoCRM.modules.notes.CREATE",
                                                     "ZohoCRM.modules.notes.READ")
    assert missing_scopes(("ZohoCRM.modules.ALL",), True, "Leads") == ()


# -- hostile answers ------------------------------------------------------------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                  max_size=4),
    max_leaves=20,
)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(status=st.sampled_from([200, 201, 202, 400, 401, 404, 429, 500, 503]), body=_json,
       wrap=st.booleans())
async def test_any_answer_to_a_write_is_a_record_id_or_a_typed_outcome(
    zsim: ZohoSimulator, desk: Desk, status: int, body: object, wrap: bool,  # noqa: F811
) -> None:
    payload = {"data": [body]} if wrap else body
    zsim.replies["write:Calls"] = (status, json.dumps(payload).encode())
    try:
        record_id = await desk.worker.sender.create("Calls", {"Subject": "x"})
    except (WriteRefused, WriteThrottled, WriteUnknown) as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(record_id, str) and record_id


# -- scopes asked for ------------------------------------------------------------------------


async def test_authorize_zoho_names_the_write_scopes_a_read_only_code_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    from zoho_support import write_settings

    from ucm_popup import secrets
    from ucm_popup.cli import parse_options
    from ucm_popup.commands import authorize, common
    from ucm_popup.secrets import EnvOverlay, MemorySecretStore
    from ucm_popup.sim.zoho import start_demo_zoho

    demo = await start_demo_zoho()
    try:
        store = MemorySecretStore({secrets.ZOHO_V2_CLIENT_SECRET: demo.client_secret})
        monkeypatch.setattr(common, "default_secret_store", lambda: EnvOverlay(store, {}))
        monkeypatch.setattr(authorize, "keyring_backend_problem", lambda: None)
        config = write_settings(tmp_path / "config.toml", demo)
        config.write_text(config.read_text().replace(
            'default_region = "FR"\n', 'default_region = "FR"\nlog_calls = true\n'))
        for scopes, warned in ((FULL_SCOPES, True), (FULL_SCOPES + WRITE_SCOPES, False)):
            options = parse_options(["authorize-zoho", demo.sim.issue_grant_code(scopes=scopes),
                                     "--config", str(config)])
            assert await authorize.run_authorize(options) == 0  # reading works either way
            out = capsys.readouterr().out
            assert ("need ZohoCRM.modules.calls.CREATE, ZohoCRM.modules.calls.READ" in out) \
                is warned
    finally:
        await demo.aclose()


# -- hostile text ---------------------------------------------------------------------------

_odd_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=40) | (
    st.sampled_from(["\udc80lone", "A\nB\r\x1b[31m", "\u2028", "<b>x</b> & y", "x" * 5000, ""]))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=_odd_text, number=_odd_text, note=_odd_text)
async def test_any_caller_name_number_or_note_is_written_once_as_one_line_subject(
    zsim: ZohoSimulator, desk: Desk, name: str, number: str, note: str,  # noqa: F811
) -> None:
    before = len(calls(zsim))
    call_id = f"odd-{before}"
    desk.writer.on_event(ring(call_id, number=number, name=name))
    desk.writer.on_lookup(call_id, (), "")
    desk.writer.on_event(Answered(call_id, "1002"))
    desk.writer.note_started(call_id)
    desk.writer.on_event(Ended(call_id, "1002", True, False))
    desk.writer.finish_note(call_id, note)
    await desk.drained()
    assert len(calls(zsim)) == before + 1
    subject = str(calls(zsim)[-1]["Subject"])
    assert "\n" not in subject and "\r" not in subject and len(subject) < 300


def test_which_desks_write() -> None:
    from ucm_popup.crm.writes import desk_writes
    from ucm_popup.settings import CrmSettings, Settings, SourceSettings

    writing = CrmSettings(log_calls=True)
    assert desk_writes(Settings(crm=writing))
    assert desk_writes(Settings(crm=CrmSettings(add_unknown="Contacts")))
    assert not desk_writes(Settings(crm=CrmSettings()))  # nothing asked for: no outbox at all
    assert not desk_writes(Settings(crm=writing, source=SourceSettings(kind="relay")))
    assert not desk_writes(Settings(crm=CrmSettings(provider="zoho-v1", log_calls=True)))


async def test_a_desk_clock_ahead_of_zoho_does_not_make_a_completed_call_in_the_future(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    """Zoho refuses a completed call that starts in its future; a desk clock two minutes
    ahead of Zoho's would do that with every short call.  The start moves back (Zoho's Date
    header says its time), the duration stays, and the call is written at once."""
    zsim.clock_behind_s = 120.0
    answered_call(desk, "ahead", seconds=30)
    await desk.drained()
    [call] = calls(zsim)
    start = datetime.fromisoformat(str(call["Call_Start_Time"]))
    assert start.timestamp() <= zsim.now() - 30
    assert (call["Call_Duration"], call["Call_Duration_in_seconds"]) == ("00:30", 30)
    assert desk.outbox.get("call:ahead:1002").record["Call_Start_Time"] == (
        call["Call_Start_Time"])  # kept as sent: a lost answer is read for with it


async def test_a_field_an_admin_made_mandatory_is_named_in_the_status(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    zsim.mandatory["Calls"] = ("Call_Purpose",)
    answered_call(desk, "mandatory")
    await wait_for(lambda: bool(desk.statuses) and bool(desk.statuses[-1].last_error), 10)
    status = desk.statuses[-1]
    assert "MANDATORY_NOT_FOUND" in status.last_error and "Call_Purpose" in status.last_error
    assert status.missing_field == "Call_Purpose" and status.waiting == 1


async def test_an_unknown_caller_added_as_a_contact_is_linked_through_who_id(
    zsim: ZohoSimulator, tmp_path: Path,  # noqa: F811
) -> None:
    desk = Desk(zsim, tmp_path / "o.sqlite3", add_unknown="Contacts").start()
    try:
        answered_call(desk, "c1", matches=(), number="0145678900")
        await desk.drained()
        contact = zsim.records["Contacts"][-1]
        assert contact["Phone"] == "+33145678900"
        [call] = calls(zsim)
        assert call["Who_Id"] == {"id": contact["id"]} and "What_Id" not in call
    finally:
        await desk.aclose()


async def test_a_lookup_that_comes_after_the_end_still_links_a_missed_call(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    desk.writer.on_event(ring("late", name="Someone"))
    desk.writer.on_event(Ended("late", "1002", False, False))
    desk.writer.on_lookup("late", (JANE,), "")  # Zoho was slow: the call had ended
    await desk.drained()
    [call] = calls(zsim)
    assert call["Who_Id"] == {"id": JANE.id}
    assert call["Subject"] == "Missed call from Jane Doe (0612345678) to 1002"


async def test_a_call_another_writer_started_a_second_apart_is_found_by_reading(
    zsim: ZohoSimulator, desk: Desk,  # noqa: F811
) -> None:
    """Two relays hear the UCM's frame some milliseconds apart, and each rounds the start to
    its second: reading for the other's record must look around the start, not at it alone
    (else the standby relay writes the call a second time after a takeover)."""
    answered_call(desk, "apart")
    await desk.drained()
    [written] = calls(zsim)
    entry = desk.outbox.get("call:apart:1002")
    assert entry is not None
    sender = desk.worker.sender
    for shift in (-1, 1, 10):
        start = datetime.fromisoformat(str(entry.record["Call_Start_Time"]))
        moved = (start + timedelta(seconds=shift)).isoformat(timespec="seconds")
        other = replace(entry, state="sending",
                        record={**entry.record, "Call_Start_Time": moved})
        assert await sender.find(other) == written["id"], shift
    far = (datetime.fromisoformat(str(entry.record["Call_Start_Time"]))
           - timedelta(minutes=5)).isoformat(timespec="seconds")
    assert await sender.find(replace(entry, state="sending",
                                     record={**entry.record, "Call_Start_Time": far})) is None

"""The site relay's call writing rule: one record per call and extension, one Missed for a
ring group nobody took, one Lead per unknown number for the site; counted in the Zoho
simulator through the real outbox and worker."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.writes_support import (  # noqa: F401  (zsim: a fixture)
    FAST,
    WRITE_SCOPES,
    Desk,
    settings_for,
    wait_for,
    zsim,
)
from ucm_popup.crm.model import Match
from ucm_popup.crm.outbox import Outbox, OutboxWorker
from ucm_popup.crm.writes import ZohoWrites, desk_writes, marker_for
from ucm_popup.crm.zoho_oauth import TokenSource
from ucm_popup.relay.site_crm import SiteWriter, relay_state_dir
from ucm_popup.settings import SourceSettings
from ucm_popup.sim.zoho import FULL_SCOPES, ZohoSimulator
from ucm_popup.ucm.events import Answered, Dialing, Ended, Ringing, now

JANE = Match("Contacts", "3477061000000419001", "Jane Doe", "ACME Corp", "+33 6 12 34 56 78",
             "", "", "Sam", "")
GROUP = ("1001", "1002", "1003")


class Site:
    def __init__(self, zsim: ZohoSimulator, path: Path,  # noqa: F811
                 missed_grace_s: float = FAST["missed_grace_s"], **crm: object) -> None:
        self.client = httpx.AsyncClient()
        settings = settings_for(zsim, "", **crm)
        tokens = TokenSource(self.client, settings.zoho_v2, zsim.client_secret,
                             zsim.add_refresh_token(FULL_SCOPES + WRITE_SCOPES))
        self.outbox = Outbox(path)
        self.writer = SiteWriter(settings, self.outbox, missed_grace_s=missed_grace_s)
        self.worker = OutboxWorker(self.outbox, ZohoWrites(self.client, tokens, "FR"),
                                   on_written=self.writer.created,
                                   **{k: v for k, v in FAST.items() if k != "missed_grace_s"})
        self.task = asyncio.get_running_loop().create_task(self.worker.run())

    def ring(self, call_id: str, extensions: tuple[str, ...], *, queue: str = "600",
             number: str = "0612345678", matches: tuple[Match, ...] = (JANE,)) -> None:
        for extension in extensions:
            self.writer.on_event(Ringing(call_id, extension, "inbound", number, "", "MyTrunk",
                                         queue))
            self.writer.on_lookup(call_id, extension, matches, "")

    def end(self, call_id: str, extensions: tuple[str, ...], *, answered_by: str = "",
            seconds: int = 30) -> None:
        start = now()
        if answered_by:
            self.writer.on_event(Answered(call_id, answered_by, start))
        for extension in extensions:
            self.writer.on_event(Ended(call_id, extension, extension == answered_by,
                                       bool(answered_by) and extension != answered_by,
                                       start + timedelta(seconds=seconds)))

    async def drained(self) -> None:
        await wait_for(lambda: self.outbox.waiting() == 0, 10)

    async def aclose(self) -> None:
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task
        self.outbox.close()
        await self.client.aclose()


@pytest.fixture
async def site(zsim: ZohoSimulator, tmp_path: Path) -> AsyncIterator[Site]:  # noqa: F811
    running = Site(zsim, tmp_path / "outbox.sqlite3", add_unknown="Leads")
    yield running
    await running.aclose()


def calls(sim: ZohoSimulator) -> list[tuple[str, str]]:  # (type, subject)
    return [(str(c["Call_Type"]), str(c["Subject"])) for c in sim.records.get("Calls", [])]


async def test_a_ring_group_gives_one_inbound_when_answered_and_one_missed_when_not(
    zsim: ZohoSimulator, site: Site,  # noqa: F811
) -> None:
    site.ring("answered", GROUP)
    site.end("answered", GROUP, answered_by="1002")
    site.ring("nobody", GROUP)
    site.end("nobody", GROUP)
    site.ring("alone", ("1003",), queue="")
    site.end("alone", ("1003",))
    await site.drained()
    await asyncio.sleep(0.5)  # longer than the missed grace: nothing more comes
    assert sorted(calls(zsim)) == [
        ("Inbound", "Inbound call from Jane Doe (0612345678) to 1002"),
        ("Missed", "Missed call from Jane Doe (0612345678) to 1003"),
        ("Missed", "Missed call from Jane Doe (0612345678) to 600"),
    ]
    assert all(c["Who_Id"] == {"id": JANE.id} for c in zsim.records["Calls"])


async def test_a_queue_ringing_the_next_desk_after_a_pause_withdraws_the_missed(
    zsim: ZohoSimulator, site: Site,  # noqa: F811
) -> None:
    site.ring("queue", ("1001",))
    site.end("queue", ("1001",))  # the queue gave up on 1001: the site ended, for now
    site.ring("queue", ("1002",))
    site.end("queue", ("1002",), answered_by="1002")
    site.writer.on_event(Dialing("out", "1003", "outbound", "0612345678", "", "MyTrunk"))
    site.writer.on_lookup("out", "1003", (JANE,), "")
    site.end("out", ("1003",), answered_by="1003")
    await site.drained()
    await asyncio.sleep(0.5)
    assert sorted(calls(zsim)) == [
        ("Inbound", "Inbound call from Jane Doe (0612345678) to 1002"),
        ("Outbound", "Outbound call from 1003 to Jane Doe (0612345678)"),
    ]


async def test_an_unknown_number_ringing_three_desks_becomes_one_lead_for_the_site(
    zsim: ZohoSimulator, site: Site,  # noqa: F811
) -> None:
    leads = zsim.count("Leads")
    site.ring("new", GROUP, number="0145678900", matches=())
    site.end("new", GROUP)
    site.ring("again", GROUP, number="0145678900", matches=())
    site.end("again", GROUP, answered_by="1001")
    await site.drained()
    await asyncio.sleep(0.5)
    await site.drained()
    assert zsim.count("Leads") == leads + 1
    lead = zsim.records["Leads"][-1]
    assert sorted(c["Call_Type"] for c in zsim.records["Calls"]) == ["Inbound", "Missed"]
    assert all((c["What_Id"], c["$se_module"]) == ({"id": lead["id"]}, "Leads")
               for c in zsim.records["Calls"])


async def test_two_desks_and_the_relay_told_of_one_unknown_caller_make_one_lead(
    zsim: ZohoSimulator, site: Site, tmp_path: Path,  # noqa: F811
) -> None:
    """A site where desks write for themselves beside a relay: the relay adds the caller at
    the first ring; the desk that answers reads Zoho for the number before it adds (Zoho's
    upsert on Phone would insert a second Lead), and the desk that did not answer adds
    nothing.  The desks' lookups ran before the relay's Lead existed: they said unknown."""
    desks = [Desk(zsim, tmp_path / f"{n}.sqlite3", extension=n, add_unknown="Leads").start()
             for n in ("1001", "1002")]
    leads = zsim.count("Leads")
    try:
        site.ring("new", ("1001", "1002"), number="0145678900", matches=())
        for desk in desks:
            desk.writer.on_event(Ringing("new", desk.writer.extension, "inbound", "0145678900",
                                         "", "MyTrunk", "600"))
            desk.writer.on_lookup("new", (), "")
        await site.drained()
        start = now()
        desks[1].writer.on_event(Answered("new", "1002", start))
        for desk in desks:
            desk.writer.on_event(Ended("new", desk.writer.extension, desk is desks[1],
                                       desk is desks[0], start + timedelta(seconds=20)))
        site.end("new", ("1001", "1002"), answered_by="1002", seconds=20)
        for desk in desks:
            await desk.drained()
        await site.drained()
        assert zsim.count("Leads") == leads + 1
        assert zsim.counts["api:insert:Leads"] == 1 and zsim.counts["api:upsert:Leads"] == 0
        lead = zsim.records["Leads"][-1]
        assert [m.id for _, m in desks[1].added] == [lead["id"]]
        linked = {(c["What_Id"]["id"], c["$se_module"]) for c in zsim.records["Calls"]}
        assert linked == {(lead["id"], "Leads")}
    finally:
        for desk in desks:
            await desk.aclose()


def test_desks_in_relay_mode_write_nothing_and_the_relay_keeps_its_files_apart(
    zsim: ZohoSimulator, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,  # noqa: F811
) -> None:
    settings = settings_for(zsim, "1002", add_unknown="Leads")
    assert desk_writes(settings)
    relay_desk = replace(settings, source=SourceSettings(kind="relay"))
    assert not desk_writes(relay_desk)
    monkeypatch.setenv("STATE_DIRECTORY", f"{tmp_path}/unit:{tmp_path}/other")
    assert relay_state_dir() == tmp_path / "unit"  # systemd's StateDirectory
    monkeypatch.delenv("STATE_DIRECTORY")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert relay_state_dir() == tmp_path / "state" / "ucm-popup" / "relay"


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["ring", "answer", "end"]),
                          st.sampled_from(["a", "b"]), st.sampled_from(GROUP),
                          st.text(max_size=12), st.sampled_from(["600", ""])), max_size=40))
@example(events=[("ring", "a", "1001", "", ""), ("end", "a", "1001", "", ""),
                 ("ring", "a", "1002", "", "600"), ("end", "a", "1002", "", "600")])
def test_any_order_of_group_events_gives_at_most_one_missed_and_one_record_per_answer(
    tmp_path_factory: pytest.TempPathFactory, events: list[tuple[str, str, str, str, str]],
) -> None:
    """Whatever the UCM sends (repeats, ends before rings, odd caller names), counted in Zoho
    (the simulator) once the outbox is written: one Missed per call at most (also when the UCM
    names the group only at times), one record per desk's answer, subjects on one line."""
    path = tmp_path_factory.mktemp("fuzz") / "outbox.sqlite3"
    answered: dict[str, set[str]] = {"a": set(), "b": set()}

    async def scenario() -> list[dict[str, Any]]:
        zoho = ZohoSimulator()
        await zoho.start()
        site = Site(zoho, path, missed_grace_s=0.0)
        try:
            for kind, call_id, extension, name, queue in events:
                if kind == "ring":
                    site.writer.on_event(Ringing(call_id, extension, "inbound", "0612345678",
                                                 name, "MyTrunk", queue))
                elif kind == "answer":
                    site.writer.on_event(Answered(call_id, extension))
                    answered[call_id].add(extension)
                else:
                    site.writer.on_event(Ended(call_id, extension,
                                               extension in answered[call_id], False))
            await wait_for(lambda: site.outbox.waiting() == 0, 60)
            return list(zoho.records.get("Calls", []))
        finally:
            await site.aclose()
            await zoho.aclose()

    records = asyncio.run(scenario())
    for call_id in ("a", "b"):
        missed = [r for r in records if r["Call_Type"] == "Missed"
                  and any(marker_for(call_id, label) in str(r.get("Description"))
                          for label in ("600", *GROUP))]
        assert len(missed) <= 1, missed
    inbound = [r for r in records if r["Call_Type"] == "Inbound"]
    for call_id in ("a", "b"):
        for extension in GROUP:
            marker = marker_for(call_id, extension)
            written = [r for r in inbound if marker in str(r.get("Description"))]
            assert len(written) <= (1 if extension in answered[call_id] else 0), written
    assert len(inbound) <= sum(len(desks) for desks in answered.values())
    assert all("\n" not in str(r["Subject"]) for r in records)

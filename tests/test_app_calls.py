"""The core (no Qt) with every kind of call: outgoing calls open like ringing ones and are
listed as outgoing, a transfer changes the call's party and looks it up, a call handed away
ends with where it went."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import Any

from test_app_composition import JANE, SETTINGS, FakeLookup, FakeStream, View, started

from ucm_popup.app import LookupOutcome, PopupApp
from ucm_popup.crm.model import LookupResult, Match
from ucm_popup.secrets import UCM_PASSWORD, MemorySecretStore
from ucm_popup.settings import PopupSettings
from ucm_popup.ucm.events import Answered, Connected, Dialing, Ended, Ringing, Transferred

MARC = Match("Contacts", "2", "Marc Dubois", "Dubois & Fils", "01 44 55 66 77", "", "", "Léa",
             "https://x/2")


class SlowLookup(FakeLookup):
    """Answers each number with its own record; the first number's answer comes last."""

    def __init__(self, records: dict[str, Match], slow: str) -> None:
        super().__init__(())
        self.records, self.slow, self.asked = records, slow, []
        self.release = asyncio.Event()

    async def lookup(self, number: str) -> LookupResult:
        self.asked.append(number)
        if number == self.slow:
            await self.release.wait()
        return LookupResult(number, number, "zoho-v2", (self.records[number],))


async def settle() -> None:
    for _ in range(50):
        await asyncio.sleep(0)


async def outbound_app(outbound_calls: bool, lookup: Any) -> tuple[PopupApp, View]:
    settings = replace(SETTINGS, popup=PopupSettings(outbound_calls=outbound_calls))
    view = View()
    app = PopupApp(view, settings, MemorySecretStore({UCM_PASSWORD: "pw"}),
                   stream_factory=lambda _u, _p: FakeStream([Connected("1002")]))
    await app.start()
    app._services.lookup = lookup
    await settle()
    return app, view


async def test_an_outgoing_call_is_listed_as_outgoing_and_looked_up_when_popups_want_it(
) -> None:
    app, view = await outbound_app(True, FakeLookup((JANE,)))
    for event in (Dialing("d1", "1002", "outbound", "0612345678", "", "MyTrunk"),
                  Answered("d1", "1002"), Ended("d1", "1002", True, False)):
        app._on_event(app._services, event)
    await settle()
    assert [type(e).__name__ for e in view.events] == ["Dialing", "Answered", "Ended"]
    assert view.lookups == [("d1", LookupOutcome("0612345678", (JANE,)))]
    call = view.recent[-1][0]
    assert (call.outgoing, call.display_name, call.answered, call.missed) == (
        True, "Jane Doe", True, False)
    assert app._services.open_calls == {}
    await app.shutdown()


async def test_an_unanswered_outgoing_call_is_not_a_missed_call_and_needs_no_lookup() -> None:
    app, view = await outbound_app(False, FakeLookup(AssertionError("must not be asked")))
    app._on_event(app._services, Dialing("d2", "1002", "outbound", "0612345678", "", "T"))
    app._on_event(app._services, Ended("d2", "1002", False, False))
    await settle()
    assert view.lookups == [("d2", LookupOutcome("0612345678", crm_enabled=False))]
    call = view.recent[-1][0]
    assert (call.outgoing, call.missed, call.ended) == (True, False, True)
    await app.shutdown()


async def test_an_outgoing_call_open_when_the_link_drops_is_ended() -> None:
    app, view, _ = await started([Connected("1002"),
                                  Dialing("d3", "1002", "internal", "1003", "", "")],
                                 end=RuntimeError("link gone"))
    ended = [e for e in view.events if isinstance(e, Ended)]
    assert [(e.call_id, e.answered) for e in ended][:1] == [("d3", False)]
    await app.shutdown()


async def test_a_transfer_shows_the_new_party_and_a_late_answer_for_the_old_one_is_dropped(
) -> None:
    lookup = SlowLookup({"1003": JANE, "0144556677": MARC}, slow="1003")
    app, view = await outbound_app(False, lookup)
    app._on_event(app._services, Ringing("t1", "1002", "inbound", "1003", "", ""))
    await settle()
    app._on_event(app._services, Answered("t1", "1002"))
    app._on_event(app._services, Transferred("t1", "1002", "0144556677", "", "MyTrunk", "1003"))
    await settle()
    lookup.release.set()  # the lookup for the colleague's number answers last
    await settle()
    assert lookup.asked == ["1003", "0144556677"]
    call = view.recent[-1][0]
    assert (call.number, call.display_name) == ("0144556677", "Marc Dubois")
    assert isinstance(view.events[-1], Transferred)
    await app.shutdown()


async def test_a_transfer_to_a_colleague_is_not_looked_up() -> None:
    app, view = await outbound_app(False, FakeLookup(AssertionError("must not be asked")))
    app._on_event(app._services, Dialing("d4", "1002", "outbound", "0612345678", "", "T"))
    app._on_event(app._services, Transferred("d4", "1002", "1005", "Bob", "", "1003"))
    await settle()
    assert view.lookups[-1] == ("d4", LookupOutcome("1005", crm_enabled=False))
    await app.shutdown()


async def test_a_call_handed_away_keeps_where_it_went() -> None:
    app, view = await outbound_app(False, FakeLookup(()))
    app._on_event(app._services, Ringing("a1", "1002", "inbound", "0612345678", "", "T"))
    app._on_event(app._services, Answered("a1", "1002"))
    app._on_event(app._services, Ended("a1", "1002", True, False, transferred_to="1003"))
    await settle()
    call = view.recent[-1][0]
    assert (call.transferred_to, call.answered, call.missed) == ("1003", True, False)
    await app.shutdown()

"""The tray app's core (``ucm_popup.app``, no Qt): stream -> lookup -> view, health, shutdown."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import pytest

from ucm_popup.app import Connection, Health, LookupOutcome, PopupApp, RecentCall
from ucm_popup.crm.model import LookupResult, Match
from ucm_popup.errors import AuthError, ServiceError
from ucm_popup.secrets import UCM_PASSWORD, MemorySecretStore
from ucm_popup.settings import CrmSettings, Settings, UcmSettings
from ucm_popup.ucm.events import Answered, CallEvent, Connected, Disconnected, Ended, Ringing

JANE = Match("Contacts", "1", "Jane Doe", "ACME Corp", "+33 6 12 34 56 78", "", "", "Sam", "https://x/1")
SETTINGS = Settings(
    ucm=UcmSettings(host="127.0.0.1", username="popup", extension="1002"),
    crm=CrmSettings(provider="none"),
)


class View:
    def __init__(self) -> None:
        self.health: list[Health] = []
        self.events: list[CallEvent] = []
        self.lookups: list[tuple[str, LookupOutcome]] = []
        self.recent: list[list[RecentCall]] = []

    def health_changed(self, health: Health) -> None:
        self.health.append(health)

    def call_event(self, event: CallEvent) -> None:
        self.events.append(event)

    def lookup_finished(self, call_id: str, outcome: LookupOutcome) -> None:
        self.lookups.append((call_id, outcome))

    def recent_calls_changed(self, calls: list[RecentCall]) -> None:
        self.recent.append(calls)


class FakeStream:
    """Yields the scripted events, then raises ``end`` (or waits forever)."""

    def __init__(self, events: list[CallEvent], end: BaseException | None = None) -> None:
        self.script, self.end, self.closed = events, end, False
        self.played = False  # every scripted event was taken (and so handled) by the app

    async def events(self) -> AsyncIterator[CallEvent]:
        try:
            for event in self.script:
                await asyncio.sleep(0)
                yield event
            self.played = True
            if self.end is not None:
                raise self.end
            await asyncio.Event().wait()
        finally:
            self.closed = True


class FakeLookup:
    def __init__(self, answer: Any, unavailable: dict[str, str] | None = None) -> None:
        self.answer, self.closed = answer, False
        self.unavailable = unavailable or {}

    def unavailable_modules(self) -> dict[str, str]:
        return dict(self.unavailable)

    async def warm_up(self) -> None:
        pass

    async def lookup(self, number: str) -> LookupResult:
        if isinstance(self.answer, BaseException):
            raise self.answer
        return LookupResult(number, number, "zoho-v2", self.answer)

    def create_record_url(self, module: str, number: str) -> str:
        return f"https://crm.example/new/{module}?phone={number}"

    async def aclose(self) -> None:
        self.closed = True


def ring(call_id: str = "c1", number: str = "0612345678") -> Ringing:
    return Ringing(call_id, "1002", "inbound", number, "ACME Corp", "Orange SIP")


async def started(events: list[CallEvent], end: BaseException | None = None, lookup: Any = None):
    view, stream = View(), FakeStream(events, end)
    store = MemorySecretStore({UCM_PASSWORD: "pw"})
    app = PopupApp(view, SETTINGS, store, stream_factory=lambda _ucm, _pw: stream)
    await app.start()
    if lookup is not None:
        app._services.lookup = lookup
    await wait_for(lambda: stream.played)  # the password is read in a thread first
    for _ in range(50):  # and what the end of the script causes is handled
        await asyncio.sleep(0)
    return app, view, stream


async def wait_for(condition: Any, timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


async def test_a_call_flows_to_the_view_with_its_lookup_and_recent_entry() -> None:
    lookup = FakeLookup((JANE,))
    view, stream = View(), FakeStream([Connected("1002"), ring(), Answered("c1", "1002"),
                                       Ended("c1", "1002", True, False)])
    app = PopupApp(view, SETTINGS, MemorySecretStore({UCM_PASSWORD: "pw"}),
                   stream_factory=lambda _u, _p: stream)
    app._services.lookup = lookup  # as build_lookup_service would have made it
    app._services.stream_task = app.supervisor.spawn(app._follow_stream(app._services), "s")
    for _ in range(50):
        await asyncio.sleep(0)
    assert [type(e).__name__ for e in view.events] == ["Ringing", "Answered", "Ended"]
    assert view.lookups == [("c1", LookupOutcome("0612345678", (JANE,)))]
    assert view.health[-1].connection is Connection.CONNECTED
    recent = view.recent[-1][0]
    assert (recent.display_name, recent.answered, recent.missed, recent.url) == (
        "Jane Doe", True, False, "https://x/1")
    assert app.create_record_url("Leads", "0145") == "https://crm.example/new/Leads?phone=0145"
    app.request_stop()
    await app.shutdown()
    assert stream.closed and lookup.closed and app.supervisor.running == 0


async def test_disconnect_reports_reconnecting_and_open_calls_end_when_the_stream_stops() -> None:
    app, view, _ = await started([Connected("1002"), ring(), Disconnected("connection closed")],
                                 end=AuthError("UCM refused the login of popup"))
    assert [h.connection for h in view.health][-2:] == [Connection.RECONNECTING,
                                                       Connection.LOGIN_REFUSED]
    assert "refused the login" in view.health[-1].detail
    ended = [e for e in view.events if isinstance(e, Ended)]
    assert len(ended) == 1 and ended[0].call_id == "c1" and not ended[0].answered
    assert view.recent[-1][0].missed
    await app.shutdown()


async def test_missing_password_is_not_configured_and_names_the_secret() -> None:
    view = View()
    app = PopupApp(view, SETTINGS, MemorySecretStore(),
                   stream_factory=lambda _u, _p: FakeStream([]))
    await app.start()
    await wait_for(lambda: view.health and view.health[-1].connection is Connection.NOT_CONFIGURED)
    assert "UCM_POPUP_UCM_PASSWORD" in view.health[-1].detail
    await app.shutdown()


async def test_no_ucm_settings_is_not_configured_and_points_to_the_demo() -> None:
    view = View()
    app = PopupApp(view, Settings(crm=CrmSettings(provider="none")), MemorySecretStore())
    await app.start()
    assert view.health[-1].connection is Connection.NOT_CONFIGURED
    assert "--demo" in view.health[-1].detail
    await app.shutdown()


@pytest.mark.parametrize(
    ("error", "auth"),
    [
        (AuthError("Zoho refused the refresh token"), True),
        (ServiceError("Zoho answered 503"), False),
    ],
)
async def test_crm_trouble_keeps_the_call_and_marks_the_crm(error: Exception, auth: bool) -> None:
    app, view, _ = await started([Connected("1002"), ring()], lookup=FakeLookup(error))
    # the lookup of the first ring ran before the fake service was in place: ring again
    app._on_event(app._services, ring("c2"))
    for _ in range(20):
        await asyncio.sleep(0)
    call_id, outcome = view.lookups[-1]
    assert call_id == "c2" and outcome.error == str(error) and outcome.number == "0612345678"
    assert view.health[-1].crm_problem == str(error)
    assert view.health[-1].crm_auth_failed is auth
    app._services.lookup = FakeLookup((JANE,))
    app._on_event(app._services, ring("c3"))
    for _ in range(20):
        await asyncio.sleep(0)
    assert view.health[-1].crm_problem == ""
    await app.shutdown()


async def test_a_module_the_crm_refused_is_named_while_the_popup_gets_its_record() -> None:
    why = "the module Leads is not available in this Zoho org (INVALID_MODULE)"
    app, view, _ = await started([Connected("1002")],
                                 lookup=FakeLookup((JANE,), {"Leads": why}))
    app._services.lookup = FakeLookup((JANE,), {"Leads": why})
    app._on_event(app._services, ring("c2"))
    for _ in range(20):
        await asyncio.sleep(0)
    assert view.lookups[-1][1].matches == (JANE,)  # the popup's record, as before
    assert view.health[-1].crm_modules_missing == why and view.health[-1].crm_problem == ""
    app._services.lookup = FakeLookup((JANE,))  # the admin enabled the module again
    app._on_event(app._services, ring("c3"))
    for _ in range(20):
        await asyncio.sleep(0)
    assert view.health[-1].crm_modules_missing == ""
    await app.shutdown()


async def test_reload_reconnects_with_new_settings() -> None:
    streams: list[FakeStream] = []

    def factory(ucm: UcmSettings, _pw: str) -> FakeStream:
        streams.append(FakeStream([Connected(ucm.extension)]))
        return streams[-1]

    view = View()
    app = PopupApp(view, SETTINGS, MemorySecretStore({UCM_PASSWORD: "pw"}), stream_factory=factory)
    await app.start()
    await wait_for(lambda: streams and streams[0].played)
    new = replace(SETTINGS, ucm=replace(SETTINGS.ucm, extension="1003"))
    await app.reload(new, MemorySecretStore({UCM_PASSWORD: "pw2"}))
    await wait_for(lambda: len(streams) == 2 and streams[1].played)
    assert len(streams) == 2 and streams[0].closed and not streams[1].closed
    assert app.settings.ucm.extension == "1003"
    assert view.health[-1].connection is Connection.CONNECTED
    await app.shutdown()
    assert streams[1].closed


async def test_internal_calls_are_not_looked_up() -> None:
    lookup = FakeLookup(ServiceError("must not be asked"))
    app, view, _ = await started([Connected("1002")], lookup=lookup)
    internal = Ringing("i1", "1002", "internal", "1001", "Alice Martin", "")
    app._on_event(app._services, internal)
    for _ in range(20):
        await asyncio.sleep(0)
    assert view.lookups == [("i1", LookupOutcome("1001", crm_enabled=False))]
    assert view.health[-1].crm_problem == ""
    await app.shutdown()


async def test_a_stream_that_dies_of_a_bug_is_shown_logged_and_started_again(
    caplog: pytest.LogCaptureFixture,
) -> None:
    streams: list[FakeStream] = []

    def factory(_ucm: UcmSettings, _pw: str) -> FakeStream:
        if not streams:  # the first dies of a bug in the middle of a call
            streams.append(FakeStream([Connected("1002"), ring("c0")], end=KeyError("channel")))
        elif len(streams) == 1:  # the second cannot even be made
            streams.append(FakeStream([]))
            raise ValueError("bad\nsettings \x1b[31m")
        else:
            streams.append(FakeStream([Connected("1002"), ring("c-after")]))
        return streams[-1]

    view, errors = View(), []
    app = PopupApp(view, SETTINGS, MemorySecretStore({UCM_PASSWORD: "pw"}),
                   stream_factory=factory, on_error=errors.append,
                   restart_initial_s=0.05, restart_max_s=0.1)
    await app.start()
    await wait_for(lambda: any(getattr(e, "call_id", "") == "c-after" for e in view.events))
    shown = [h for h in view.health if h.connection is Connection.RECONNECTING]
    assert len(shown) == 2  # the tray said so each time, with the error and what happens next
    assert shown[0].detail.startswith("internal error: KeyError: 'channel' (see the log file)")
    assert "retrying" in shown[0].detail
    assert shown[1].detail.startswith("internal error: ValueError: bad\\nsettings \\x1b[31m")
    assert view.health[-1].connection is Connection.CONNECTED
    assert [type(e) for e in errors] == [KeyError, ValueError]  # the tray logs and shows these
    ended = [e.call_id for e in view.events if isinstance(e, Ended)]
    assert ended == ["c0"]  # the call open when it died does not stay open
    await app.shutdown()


async def test_a_stream_that_ends_by_itself_is_started_again(
    caplog: pytest.LogCaptureFixture,
) -> None:
    streams: list[FakeStream] = []

    class EndingStream(FakeStream):
        async def events(self) -> AsyncIterator[CallEvent]:
            yield Connected("1002")

    def factory(_ucm: UcmSettings, _pw: str) -> FakeStream:
        streams.append(EndingStream([]) if not streams else FakeStream([Connected("1002")]))
        return streams[-1]

    view = View()
    app = PopupApp(view, SETTINGS, MemorySecretStore({UCM_PASSWORD: "pw"}),
                   stream_factory=factory, restart_initial_s=0.01)
    await app.start()
    await wait_for(lambda: len(streams) == 2 and view.health[-1].connection is Connection.CONNECTED)
    assert any("the UCM event stream ended" in h.detail for h in view.health)
    # without the tray's handler, the core logs the error with its traceback
    failure = next(r for r in caplog.records if r.exc_info)
    assert "the UCM event stream ended" in str(failure.exc_info[1])
    await app.shutdown()


async def test_a_lookup_that_dies_of_a_bug_still_finishes_the_popup() -> None:
    errors: list[BaseException] = []
    app, view, _ = await started([Connected("1002")], lookup=FakeLookup(TypeError("None")))
    app._report = errors.append
    app._on_event(app._services, ring("c9"))
    await wait_for(lambda: view.lookups)
    call_id, outcome = view.lookups[-1]
    assert call_id == "c9" and outcome.number == "0612345678" and not outcome.matches
    assert outcome.error.startswith("internal error: TypeError: None")
    assert view.health[-1].crm_problem == outcome.error  # the tray shows the CRM problem
    assert [type(e) for e in errors] == [TypeError]
    await app.shutdown()


def test_the_composition_root_imports_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ucm_popup.app\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'qasync', 'shiboken6')]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

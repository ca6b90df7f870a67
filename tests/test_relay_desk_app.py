"""The tray app's core in relay mode: a desk with no UCM password and no CRM credentials gets
its calls and the relay's CRM records through a real mosquitto, and shows the relay's state."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from mqtt_support import running_broker
from test_app_composition import View
from test_relay_faults import in_process_relay, mqtt_of, ring, stop
from test_relay_site import passwords
from zoho_support import v2_secrets, v2_settings, zoho_fixture  # noqa: F401

from ucm_popup.app import Connection, PopupApp
from ucm_popup.crm.service import build_lookup_service
from ucm_popup.relay.desk import RelayEventSource, relay_matches
from ucm_popup.secrets import MQTT_PASSWORD, MemorySecretStore
from ucm_popup.settings import CrmSettings, Settings, SourceSettings, UcmSettings
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.sim.zoho import DemoZoho
from ucm_popup.ucm.events import Ended, Ringing


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.02)


async def test_a_desk_in_relay_mode_pops_up_the_relays_record_and_shows_its_state(
        tmp_path: Path, sim: UcmSimulator, zoho: DemoZoho) -> None:
    users = passwords()
    lookup = build_lookup_service(v2_settings(zoho), v2_secrets(zoho))
    async with running_broker(tmp_path / "broker", users) as broker:
        _, task = await in_process_relay(tmp_path, sim, broker, users, lookup=lookup)
        desk_settings = Settings(ucm=UcmSettings(extension="1002"),
                                 crm=CrmSettings(provider="none"),
                                 source=SourceSettings(kind="relay"),
                                 mqtt=mqtt_of(broker, "1002"))
        view = View()
        app = PopupApp(view, desk_settings, MemorySecretStore({MQTT_PASSWORD: users["1002"]}))
        await app.start()
        try:
            await until(lambda: app.health.connection is Connection.CONNECTED)
            _, call = await ring(sim)
            await until(lambda: bool(view.lookups))
            assert isinstance(view.events[0], Ringing) and view.events[0].number == "0612345678"
            call_id, outcome = view.lookups[0]
            assert call_id == call and outcome.error == ""
            assert [m.name for m in outcome.matches] == ["Jane Doe"]

            await stop(task)  # the relay stops cleanly: it says "offline" itself
            await until(lambda: app.health.connection is Connection.RELAY_OFFLINE)
            assert app.health.detail == "the relay was stopped"
            assert view.events[-1] == Ended(call, "1002", False, False, view.events[-1].time)
        finally:
            await app.shutdown()
            await stop(task)
            if lookup is not None:
                await lookup.aclose()


@settings(max_examples=200, deadline=None)
@given(st.one_of(
    st.binary(max_size=300),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                 lambda inner: st.lists(inner, max_size=4)
                 | st.dictionaries(st.sampled_from(
                     ["event", "call_id", "extension", "number", "matches", "state", "time",
                      "answered", "name", "direction", "error", "detail"]), inner, max_size=6),
                 max_leaves=20).map(lambda value: repr(value).encode()),
    st.fixed_dictionaries({
        "event": st.sampled_from(["ringing", "answered", "ended", "dialing", "transferred",
                                  "lookup", "x"]),
        "call_id": st.sampled_from(["1.1", "", 5]), "extension": st.sampled_from(["1002", 1002]),
        "time": st.text(max_size=40), "number": st.text(max_size=10),
        "matches": st.lists(st.dictionaries(st.text(max_size=5), st.text(max_size=5)))}
    ).map(lambda value: __import__("json").dumps(value).encode()),
    st.just(b"[" * 100_000),
))
def test_hostile_broker_messages_never_break_a_desk(payload: bytes) -> None:
    source = RelayEventSource(mqtt_of_any(), "1002", "")
    for topic in ("ucm-popup/ext/1002/events", "ucm-popup/relay/status"):
        for event in source._read(topic, payload):
            assert getattr(event, "extension", "1002") == "1002"
    matches, error = relay_matches({"matches": [{"name": "x" * 10_000, "id": 3}], "error": 7})
    assert len(matches[0].name) < 10_000 and error == ""


def mqtt_of_any():  # type: ignore[no-untyped-def]
    from ucm_popup.settings import MqttSettings

    return MqttSettings(url="mqtt://127.0.0.1:1", username="1002")

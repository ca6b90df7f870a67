"""Click-to-dial through the site relay: desks with no UCM API password ask the relay, which
alone logs in to the UCM's API.  A real mosquitto (TLS, passwords, the documented ACL), the
real ``relay`` and ``dial`` commands, and the UCM simulator, which records every API request."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mqtt_support import RELAY_USER, Broker, Command, mosquitto_available, running_broker
from test_app_composition import View
from test_relay_faults import mqtt_of
from test_relay_site import passwords, ucm_toml

from ucm_popup.app import Connection, PopupApp
from ucm_popup.dial import dial_target, target_for_sendable
from ucm_popup.errors import ServiceError, SettingsError
from ucm_popup.relay.broker import Topics, make_client
from ucm_popup.relay.dial import answered, dial_through_relay
from ucm_popup.secrets import MQTT_PASSWORD, MemorySecretStore
from ucm_popup.settings import (
    CrmSettings,
    DialSettings,
    Settings,
    SourceSettings,
    UcmSettings,
)
from ucm_popup.sim.ucm import UcmSimulator

TOPICS = Topics("ucm-popup")
# The relay's own dial rules differ from the desks' on purpose: were it to apply them a second
# time, the UCM would get a doubled prefix.
RELAY_DIAL = '[crm]\nprovider = "none"\ndefault_region = "FR"\n\n[dial]\noutside_prefix = "9"\n'


def relay_config(folder: Path, sim: UcmSimulator, broker: Broker, *, api_user: bool = True
                 ) -> Path:
    path = folder / "relay.toml"
    ucm = ucm_toml(sim) + (f'api_username = "{sim.api_username}"\n' if api_user else "")
    path.write_text(ucm + "\n" + RELAY_DIAL + "\n" + broker.mqtt_toml(RELAY_USER)
                    + "\n[relay]\ncrm_lookup = false\n")
    return path


def desk_config(folder: Path, broker: Broker, extension: str) -> Path:
    """A desk fed by the relay: no UCM host, user or API user; region FR, outside prefix 0."""
    path = folder / f"desk-{extension}.toml"
    path.write_text(f'[ucm]\nextension = "{extension}"\n\n[source]\nkind = "relay"\n\n'
                    '[crm]\nprovider = "none"\ndefault_region = "FR"\n\n'
                    '[dial]\noutside_prefix = "0"\n\n' + broker.mqtt_toml(extension))
    return path


async def start_relay(folder: Path, sim: UcmSimulator, broker: Broker, users: dict[str, str],
                      *, api_user: bool = True) -> Command:
    relay = await Command.start("relay", "--config", str(relay_config(
        folder, sim, broker, api_user=api_user)), env={
            "UCM_POPUP_UCM_PASSWORD": sim.password,
            "UCM_POPUP_UCM_API_PASSWORD": sim.password,
            "UCM_POPUP_MQTT_PASSWORD": users[RELAY_USER]})
    await relay_online(broker, users)
    return relay


async def relay_online(broker: Broker, users: dict[str, str]) -> None:
    """Until the relay's retained status says it is up, read as a desk would."""
    async with asyncio.timeout(20):
        while True:
            async with make_client(mqtt_of(broker, "1001"), users["1001"]) as client:
                await client.subscribe(TOPICS.status, qos=1)
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(0.5):
                        async for message in client.messages:
                            if json.loads(message.payload)["state"] == "online":  # type: ignore[arg-type]
                                return
            await asyncio.sleep(0.1)


async def desk_dial(folder: Path, broker: Broker, users: dict[str, str], extension: str,
                    number: str) -> tuple[int, str, str]:
    command = await Command.start("dial", "--config", str(desk_config(folder, broker, extension)),
                                  number, env={"UCM_POPUP_MQTT_PASSWORD": users[extension]})
    return await command.finish(timeout=30)


def dialled(sim: UcmSimulator) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "cookie"} for r in sim.dial_requests()]


async def test_a_relay_desk_dials_through_the_relay(tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        relay = await start_relay(tmp_path, sim, broker, users)
        try:
            code, out, err = await desk_dial(tmp_path, broker, users, "1002",
                                             "+33 6 12 34 56 78")
            assert (code, err) == (0, "")
            assert json.loads(out) == {"extension": "1002", "number": "00612345678",
                                       "via": "relay"}
            code, out, err = await desk_dial(tmp_path, broker, users, "1001", "1003")
            assert (code, err) == (0, "")
            assert json.loads(out)["number"] == "1003"
            code, out, err = await desk_dial(tmp_path, broker, users, "1003", "112")
            assert (code, err) == (0, "")
        finally:
            rc, _out, relay_err = await relay.stop()
    # The desk's rules (FR, outside prefix 0) and only once; the relay chose the action.
    assert dialled(sim) == [
        {"action": "dialOutbound", "caller": "1002", "outbound": "00612345678"},
        {"action": "dialExtension", "caller": "1001", "callee": "1003"},
        {"action": "dialOutbound", "caller": "1003", "outbound": "112"},
    ]
    assert [r["action"] for r in sim.api_received].count("login") == 1  # one for the site
    assert (rc, relay_err) == (0, "")


async def test_a_number_the_rules_refuse_never_reaches_the_broker(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        async with make_client(mqtt_of(broker, RELAY_USER), users[RELAY_USER]) as spy:
            await spy.subscribe(TOPICS.dial("+"), qos=1)
            code, out, err = await desk_dial(tmp_path, broker, users, "1002", "06 CALL ME")
            assert (code, out) == (2, "")
            assert err.count("\n") == 1 and "only digits, * and # can be dialled" in err
            with pytest.raises(TimeoutError):
                async with asyncio.timeout(0.5):
                    message = await anext(aiter(spy.messages))
                    pytest.fail(f"published: {message.payload!r}")


async def test_the_relay_checks_what_desks_send_and_keeps_to_the_rate_and_the_acl(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()

    async def ask(client: Any, extension: str, request_id: str, number: Any) -> None:
        await client.publish(TOPICS.dial(extension), json.dumps(
            {"request_id": request_id, "number": number}), qos=1)

    async with running_broker(tmp_path / "broker", users) as broker:
        relay = await start_relay(tmp_path, sim, broker, users)
        try:
            async with make_client(mqtt_of(broker, "1002"), users["1002"]) as hostile, \
                    make_client(mqtt_of(broker, "1003"), users["1003"]) as burst, \
                    make_client(mqtt_of(broker, "1004"), users["1004"]) as nosy:
                answers: dict[str, dict[str, Any]] = {}
                for client, extension in ((hostile, "1002"), (burst, "1003")):
                    await client.subscribe(TOPICS.dial_result(extension), qos=1)
                # A desk client that skips the rules: letters never reach the UCM.
                await ask(hostile, "1002", "letters", "0612345678 OR 1=1")
                # Another desk's topic: the broker drops it (the ACL), the relay never sees it.
                await ask(nosy, "1002", "nosy", "0899999999")
                # Two at once from one desk: the second is refused.
                await ask(burst, "1003", "first", "00612345678")
                await ask(burst, "1003", "second", "00612345678")
                async with asyncio.timeout(30):
                    for _ in range(2):
                        message = await anext(aiter(burst.messages))
                        data = json.loads(message.payload)  # type: ignore[arg-type]
                        answers[data["request_id"]] = data
                await asyncio.sleep(2.1)  # the rate's interval: 1002 may ask again
                await ask(hostile, "1002", "long", "0" * 41)
                # Every answer on 1002's topic up to the last request's: a "nosy" one, had the
                # broker let it through, would come before it.
                replies_to_1002: list[str] = []
                async with asyncio.timeout(30):
                    async for message in hostile.messages:
                        data = json.loads(message.payload)  # type: ignore[arg-type]
                        replies_to_1002.append(data["request_id"])
                        answers[data["request_id"]] = data
                        if data["request_id"] == "long":
                            break
        finally:
            await relay.stop()
    assert replies_to_1002 == ["letters", "long"]
    assert answers["letters"]["ok"] is False
    assert "not a number the UCM can dial: only 1-40 digits, * and #" in answers["letters"]["error"]
    assert answers["long"]["ok"] is False and "1-40 digits" in answers["long"]["error"]
    assert answers["first"] == {"request_id": "first", "ok": True}
    assert answers["second"]["ok"] is False and "every 2 s" in answers["second"]["error"]
    # As sent, never the relay's own prefix 9 in front.
    assert dialled(sim) == [{"action": "dialOutbound", "caller": "1003", "outbound": "00612345678"}]


async def test_a_relay_without_an_api_user_says_so_to_the_desk(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        relay = await start_relay(tmp_path, sim, broker, users, api_user=False)
        try:
            code, out, err = await desk_dial(tmp_path, broker, users, "1002", "0612345678")
        finally:
            await relay.stop()
    assert (code, out) == (4, "")
    assert err == ("ucm-popup: the site relay could not dial 00612345678: click-to-dial is not "
                   "set up on the relay: set [ucm] api_username and its password\n")
    assert sim.api_requests == 0


async def test_a_relay_without_its_api_password_stops_at_once(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        relay = await Command.start("relay", "--config", str(relay_config(tmp_path, sim, broker)),
                                    env={"UCM_POPUP_UCM_PASSWORD": sim.password,
                                         "UCM_POPUP_MQTT_PASSWORD": users[RELAY_USER]})
        code, out, err = await relay.finish()
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "UCM_POPUP_UCM_API_PASSWORD" in err


async def test_no_relay_is_one_line_within_the_time_out(tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        # No relay ever ran: nobody answers.
        # It waits its time-out (at least 1 s), then ends on its own: a generous deadline on a
        # busy machine, not a wall-clock limit that TLS set-up could break.
        started = time.monotonic()
        with pytest.raises(ServiceError, match=r"^the site relay did not answer a dial request "
                                               r"within 1 s: check that ucm-popup relay runs"):
            async with asyncio.timeout(30):
                await dial_through_relay(mqtt_of(broker, "1002"), "1002", users["1002"],
                                         "0612345678", timeout=1.0)
        assert time.monotonic() - started >= 1.0
        # A relay that stopped left "offline": the desk says so at once, as the command.
        relay = await start_relay(tmp_path, sim, broker, users)
        await relay.stop()
        # "offline" read from the retained status, not a time-out: the message says which.
        code, out, err = await desk_dial(tmp_path, broker, users, "1002", "0612345678")
        assert (code, out) == (4, "")
        assert err == ("ucm-popup: the site relay is offline (the relay was stopped): it could "
                       "not dial 00612345678\n")
        # A wrong broker password for the desk: exit 3, one line.
        users["1002"] = "wrong"
        code, out, err = await desk_dial(tmp_path, broker, users, "1002", "0612345678")
        assert (code, out) == (3, "") and err.count("\n") == 1 and "[mqtt] username" in err
        port = broker.port
    users["1002"] = "x"
    code, out, err = await desk_dial(tmp_path, broker, users, "1002", "0612345678")
    assert (code, out) == (4, "") and err.count("\n") == 1
    assert f"cannot reach the broker at 127.0.0.1:{port}" in err
    assert sim.api_requests == 0


async def test_the_tray_core_in_relay_mode_dials_through_the_relay(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        relay = await start_relay(tmp_path, sim, broker, users)
        desk = Settings(ucm=UcmSettings(extension="1002"),
                        crm=CrmSettings(provider="none", default_region="FR"),
                        dial=DialSettings(outside_prefix="0"),
                        source=SourceSettings(kind="relay"), mqtt=mqtt_of(broker, "1002"))
        app = PopupApp(View(), desk, MemorySecretStore({MQTT_PASSWORD: users["1002"]}))
        await app.start()
        try:
            async with asyncio.timeout(15):
                while app.health.connection is not Connection.CONNECTED:
                    await asyncio.sleep(0.05)
            result = await app.dial("tel:+33-6-12-34-56-78")  # Dial…, Call back, a tel: link
            assert result.to_json() == {"extension": "1002", "number": "00612345678",
                                        "via": "relay"}
            with pytest.raises(ServiceError, match="one dial request every 2 s"):
                await app.dial("0698765432")
            with pytest.raises(SettingsError):
                await app.dial("not a number")
        finally:
            await app.shutdown()
            await relay.stop()
    assert dialled(sim) == [{"action": "dialOutbound", "caller": "1002", "outbound": "00612345678"}]


async def test_a_demo_desk_dials_through_the_demo_relay() -> None:
    mosquitto_available()
    relay = await Command.start("relay", "--demo", env={})
    try:
        assert relay.process.stderr is not None
        hint = (await asyncio.wait_for(relay.process.stderr.readline(), 20)).decode()
        found = re.search(r"broker (mqtt://\S+), desk user 1002 password (\S+);", hint)
        assert found, hint
        mqtt = mqtt_of_url(found.group(1))
        async with asyncio.timeout(20):
            while True:  # the relay's broker link is up once it serves dial requests
                try:
                    await dial_through_relay(mqtt, "1002", found.group(2), "0612345678",
                                             timeout=1.0)
                    break
                except ServiceError as exc:
                    assert "did not answer" in str(exc)
    finally:
        code, out, err = await relay.stop()
    assert (code, out) == (0, "") and "Traceback" not in err


def mqtt_of_url(url: str) -> Any:
    from ucm_popup.settings import MqttSettings

    return MqttSettings(url=url, username="1002")


# -- the relay's decision, and hostile numbers -------------------------------------------------


@pytest.mark.parametrize(("number", "internal"), [
    ("1003", True), ("00612345678", False), ("0612345678", False), ("*97", False),
    ("#31#0612345678", False), ("112", False), ("911", False), ("0800", False),
    ("9" * 40, False),
])
def test_the_relay_dials_an_extension_or_out_as_the_desk_would(number: str,
                                                                internal: bool) -> None:
    assert target_for_sendable(number, "FR").internal is internal
    assert target_for_sendable(number, "FR").number == number


@pytest.mark.parametrize("number", ["", "9" * 41, "+33612345678", "06 12", "٠٦١٢", "06\n12",
                                    "0612\u202e345678", "1003;", "x"])
def test_the_relay_refuses_anything_but_digits_star_and_hash(number: str) -> None:
    with pytest.raises(SettingsError, match="not a number the UCM can dial"):
        target_for_sendable(number, "FR")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789*#+ -().", max_size=20)
       | st.sampled_from(["+33 6 12 34 56 78", "+1 212 555 0142", "1003", "112", "*97",
                          "tel:+44 20 7946 0958", "+683 4002"]))
def test_the_relay_takes_what_a_desk_sends_and_dials_it_the_same_way(text: str) -> None:
    desk = Settings(crm=CrmSettings(default_region="FR"), dial=DialSettings(outside_prefix="0"))
    try:
        target = dial_target(desk, text)
    except SettingsError:
        return
    assert target_for_sendable(target.number, "FR") == target


# -- what a desk makes of the relay's answers (a broken or hostile relay included) ------------

ANSWER_KEYS = st.sampled_from(["request_id", "ok", "error", "state", "detail", "x"])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30)
    | st.sampled_from(["r1", "offline", "line\nbreak\x1b[31m", "\ud800", "<b>bold</b>"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANSWER_KEYS, inner, max_size=4),
    max_leaves=15,
)


@settings(max_examples=400, deadline=None)
@given(is_status=st.booleans(), data=st.dictionaries(ANSWER_KEYS, JSON, max_size=5)
       | st.fixed_dictionaries({"request_id": st.just("r1"), "ok": JSON,
                                "error": JSON | st.text(min_size=500, max_size=5000)}))
def test_any_answer_is_ours_or_not_or_one_short_line(is_status: bool,
                                                      data: dict[str, Any]) -> None:
    try:
        done = answered(is_status, data, "r1", "0612345678")
    except ServiceError as exc:
        text = str(exc)
        assert "\n" not in text and "\x1b" not in text and len(text) < 400
        text.encode("utf-8")  # printable on any terminal: no lone surrogate
        assert exc.exit_code == 4
    else:
        # Only the relay's own yes for this very request ends the wait as dialled.
        assert done is (not is_status and data.get("request_id") == "r1"
                        and data.get("ok") is True)


async def test_a_hostile_relays_answers_are_one_line_each(tmp_path: Path) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        answers = iter([
            b"[" * 60_000,  # too deep (under the size limit): skipped, the wait goes on
            json.dumps({"request_id": "someone else's", "ok": True}).encode(),
            b"x" * 200_000,  # too big: skipped
            None,  # then the answer: a refusal in many lines, with escape codes
        ])
        async with make_client(mqtt_of(broker, RELAY_USER), users[RELAY_USER]) as fake:
            await fake.subscribe(TOPICS.dial("+"), qos=1)

            async def answer() -> None:
                message = await anext(aiter(fake.messages))
                request = json.loads(message.payload)  # type: ignore[arg-type]
                for payload in answers:
                    await fake.publish(TOPICS.dial_result("1002"), payload or json.dumps({
                        "request_id": request["request_id"], "ok": "true",
                        "error": "no\nway\x1b[2J" + "!" * 5000}).encode(), qos=1)

            task = asyncio.get_running_loop().create_task(answer())
            with pytest.raises(ServiceError) as refused:
                await dial_through_relay(mqtt_of(broker, "1002"), "1002", users["1002"],
                                         "0612345678", timeout=5)
            await task
    text = str(refused.value)
    assert text.startswith("the site relay could not dial 0612345678: no\\nway\\x1b[2J!!!")
    assert "\n" not in text and len(text) < 400


def test_a_relay_desk_offers_dialling_without_an_api_user() -> None:
    from ucm_popup.dial import dial_available

    assert dial_available(Settings(source=SourceSettings(kind="relay")))  # Call buttons shown
    assert not dial_available(Settings())
    assert dial_available(Settings(ucm=UcmSettings(api_username="cdrapi")))

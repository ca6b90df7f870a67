"""The site relay when things break, and the broker's ACL: a real mosquitto, the UCM
simulator, the relay and desks (in this process where a test needs their state, in a process
of their own where a test kills them)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

import pytest
from mqtt_support import RELAY_USER, Broker, Command, running_broker
from test_relay_site import desk_config, passwords, relay_config
from ucm_support import FAST, Follower, ended, ringing

from ucm_popup.relay.broker import Topics, make_client
from ucm_popup.relay.desk import RelayEventSource, RelayState
from ucm_popup.relay.site import SiteRelay
from ucm_popup.settings import MqttSettings, load_settings
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator

DESK_FAST = {"backoff_initial_s": 0.1, "backoff_max_s": 0.5}



def mqtt_of(broker: Broker, user: str) -> MqttSettings:
    return MqttSettings(url=broker.url, username=user, topic_prefix="ucm-popup",
                        ca_file=broker.ca_file)


def desk(broker: Broker, users: dict[str, str], extension: str,
         states: list[RelayState] | None = None) -> Follower:
    source = RelayEventSource(mqtt_of(broker, extension), extension, users[extension],
                              on_state=(states.append if states is not None else None),
                              **DESK_FAST)
    return Follower(source)  # type: ignore[arg-type]


async def in_process_relay(tmp_path: Path, sim: UcmSimulator, broker: Broker,
                           users: dict[str, str], **options: Any) -> tuple[SiteRelay, Any]:
    settings, _ = load_settings(relay_config(tmp_path, sim, broker))
    relay = SiteRelay(settings, sim.password, users[RELAY_USER],
                      stream_options=dict(FAST), backoff_initial_s=0.1, backoff_max_s=0.5,
                      **options)
    task = asyncio.get_running_loop().create_task(relay.run())
    await sim.wait_subscribed(1, timeout=20)
    return relay, task


async def stop(task: Any) -> None:
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def ring(sim: UcmSimulator, extension: str = "1002") -> tuple[list[sc.Step], str]:
    steps = sc.ring_call(sim.rows, caller="0612345678", name="ACME", rings=(extension,),
                         answered_by=extension)
    await sim.play(steps[:1])
    return steps, str(steps[0].items[0][1][0]["linkedid"])


def connected(extension: str = "1002") -> dict[str, Any]:
    return {"event": "connected", "extension": extension}


async def test_broker_restart_while_a_call_rings(tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        relay = await Command.start("relay", "--config", str(relay_config(tmp_path, sim, broker)),
                                    env={"UCM_POPUP_UCM_PASSWORD": sim.password,
                                         "UCM_POPUP_MQTT_PASSWORD": users[RELAY_USER]})
        follower = desk(broker, users, "1002")
        try:
            await sim.wait_subscribed(1, timeout=20)
            assert await follower.lines(1, timeout=15) == [connected()]
            steps, call = await ring(sim)
            assert await follower.lines(1) == [ringing(call, "0612345678", "ACME")]

            await broker.restart(down_s=0.3)
            down = await follower.next(timeout=10)
            assert type(down).__name__ == "Disconnected"
            assert await follower.lines(1) == [ended(call, False)]
            assert await follower.lines(1, timeout=20) == [connected()]

            await sim.play(steps[1:], speed=0.05)  # the call goes on: answered, hung up
            await follower.quiet(0.5)  # never popped up again, never ended twice
            _, second = await ring(sim)
            assert await follower.lines(1) == [ringing(second, "0612345678", "ACME")]
        finally:
            await follower.aclose()
            code, _out, err = await relay.stop()
        assert (code, err) == (0, "")


async def test_relay_killed_desks_see_offline_through_the_last_will(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        config = relay_config(tmp_path, sim, broker)
        process = await asyncio.create_subprocess_exec(
            sys.executable, str(Path(__file__).parent / "relay_process.py"), str(config), "1",
            env={**os.environ, "UCM_POPUP_UCM_PASSWORD": sim.password,
                 "UCM_POPUP_MQTT_PASSWORD": users[RELAY_USER]})
        states: list[RelayState] = []
        follower = desk(broker, users, "1002", states)
        try:
            await sim.wait_subscribed(1, timeout=20)
            assert await follower.lines(1, timeout=15) == [connected()]
            _, call = await ring(sim)
            assert await follower.lines(1) == [ringing(call, "0612345678", "ACME")]
            process.send_signal(signal.SIGKILL)
            await process.wait()
            # keep-alive 1 s: the broker gives up on it after 1.5 s and publishes its will
            down = await follower.next(timeout=5)
            assert down.reason == "the relay is offline: the relay stopped answering"  # type: ignore[union-attr]
            assert await follower.lines(1) == [ended(call, False)]
            assert states[-1].state == "offline"
        finally:
            await follower.aclose()
            if process.returncode is None:
                process.kill()
                await process.wait()


async def test_ucm_dropped_every_open_call_ends(tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        relay, task = await in_process_relay(tmp_path, sim, broker, users)
        states: list[RelayState] = []
        desk_1002 = desk(broker, users, "1002", states)
        desk_1003 = desk(broker, users, "1003")
        try:
            assert await desk_1002.lines(1, timeout=15) == [connected()]
            assert await desk_1003.lines(1, timeout=15) == [connected("1003")]
            _, first = await ring(sim, "1002")
            _, second = await ring(sim, "1003")
            assert await desk_1002.lines(1) == [ringing(first, "0612345678", "ACME")]
            assert await desk_1003.lines(1) == [
                ringing(second, "0612345678", "ACME", extension="1003")]

            sim.down = True  # the UCM stays away for a moment
            await sim.drop_clients()
            for follower, call, extension in ((desk_1002, first, "1002"),
                                              (desk_1003, second, "1003")):
                down = await follower.next()
                assert down.reason.startswith("the relay lost the UCM: ")  # type: ignore[union-attr]
                assert await follower.lines(1) == [ended(call, False, extension=extension)]
            assert states[-1].state == "ucm-down"
            assert relay.state == "ucm-down"
            async with make_client(mqtt_of(broker, "1003"), users["1003"]) as watcher:
                await watcher.subscribe(Topics("ucm-popup").status, qos=1)
                async for message in watcher.messages:  # retained for desks that come later
                    assert json.loads(message.payload)["state"] == "ucm-down"  # type: ignore[arg-type]
                    break

            sim.down = False
            assert await desk_1002.lines(1, timeout=10) == [connected()]
            _, third = await ring(sim, "1002")
            assert await desk_1002.lines(1) == [ringing(third, "0612345678", "ACME")]
        finally:
            await desk_1002.aclose()
            await desk_1003.aclose()
            await stop(task)


async def test_the_acl_keeps_each_desk_to_its_own_extension(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    dialled: list[tuple[str, str]] = []

    async def dial(extension: str, number: str) -> str:
        dialled.append((extension, number))
        return number

    topics = Topics("ucm-popup")
    async with running_broker(tmp_path / "broker", users) as broker:
        _, task = await in_process_relay(tmp_path, sim, broker, users, dial=dial)
        try:
            async with make_client(mqtt_of(broker, "1004"), users["1004"]) as nosy, \
                    make_client(mqtt_of(broker, "1001"), users["1001"]) as own:
                await nosy.subscribe(topics.events("1001"), qos=1)
                await nosy.subscribe(topics.dial_result("1001"), qos=1)
                await own.subscribe(topics.events("1001"), qos=1)
                await own.subscribe(topics.dial_result("1001"), qos=1)
                await ring(sim, "1001")
                await nosy.publish(topics.dial("1001"), json.dumps(
                    {"request_id": "evil", "number": "0899999999"}), qos=1)
                await own.publish(topics.dial("1001"), json.dumps(
                    {"request_id": "r1", "number": "0612345678"}), qos=1)
                await own.publish(topics.dial("1001"), json.dumps(
                    {"request_id": "r2", "number": "0612345678"}), qos=1)
                seen: list[dict[str, Any]] = []
                async with asyncio.timeout(10):
                    async for message in own.messages:
                        seen.append(json.loads(message.payload))  # type: ignore[arg-type]
                        if len(seen) == 3:
                            break
                assert seen[0]["event"] == "ringing"
                assert {"request_id": "r1", "ok": True} in seen
                refused = next(m for m in seen if m.get("request_id") == "r2")
                assert refused["ok"] is False and "every 2 s" in refused["error"]
                with pytest.raises(TimeoutError):
                    async with asyncio.timeout(1):
                        message = await anext(aiter(nosy.messages))
                        pytest.fail(f"1004 read 1001's topic: {message.payload!r}")
            assert dialled == [("1001", "0612345678")]
        finally:
            await stop(task)


async def test_a_refused_login_or_an_untrusted_broker_is_one_line(
        tmp_path: Path, sim: UcmSimulator) -> None:
    users = passwords()
    async with running_broker(tmp_path / "broker", users) as broker:
        config = relay_config(tmp_path, sim, broker)
        relay = await Command.start("relay", "--config", str(config), env={
            "UCM_POPUP_UCM_PASSWORD": sim.password, "UCM_POPUP_MQTT_PASSWORD": "wrong"})
        code, out, err = await relay.finish()
        assert (code, out) == (3, "")
        assert err.count("\n") == 1 and "refused user 'relay'" in err and "[mqtt]" in err
        config.write_text(config.read_text().replace(f'ca_file = "{broker.ca_file}"',
                                                     'ca_file = ""'))
        relay = await Command.start("relay", "--config", str(config), env={
            "UCM_POPUP_UCM_PASSWORD": sim.password,
            "UCM_POPUP_MQTT_PASSWORD": users[RELAY_USER]})
        code, out, err = await relay.finish()
        assert (code, out) == (4, "")
        assert err.count("\n") == 1 and "certificate" in err and "[mqtt] ca_file" in err
        config.write_text(relay_config(tmp_path, sim, broker).read_text())
        relay = await Command.start("relay", "--config", str(config), env={
            "UCM_POPUP_UCM_PASSWORD": "wrong", "UCM_POPUP_MQTT_PASSWORD": users[RELAY_USER]})
        code, out, err = await relay.finish()
        assert (code, out) == (3, "")
        assert err.count("\n") == 1 and "[ucm] username and the UCM password" in err
        async with make_client(mqtt_of(broker, "1002"), users["1002"]) as desk_client:
            await desk_client.subscribe(Topics("ucm-popup").status, qos=1)
            async for message in desk_client.messages:  # the relay said it stopped
                assert json.loads(message.payload)["state"] == "offline"  # type: ignore[arg-type]
                break
        desk_watch = await Command.start(
            "watch", "--config", str(desk_config(tmp_path, broker, "1002")),
            env={"UCM_POPUP_MQTT_PASSWORD": "wrong"})
        code, out, err = await desk_watch.finish()
        assert (code, out) == (3, "") and err.count("\n") == 1

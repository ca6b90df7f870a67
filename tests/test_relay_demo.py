"""``ucm-popup relay --demo``: the demo UCM and Zoho and a mosquitto of its own, end to end,
and one line naming the package where mosquitto is missing."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from typing import Any

import pytest
from mqtt_support import Command, mosquitto_available

from ucm_popup.cli import main
from ucm_popup.relay import demo_broker
from ucm_popup.relay.broker import Topics, make_client
from ucm_popup.settings import MqttSettings


async def test_the_demo_relay_publishes_the_demo_desks_calls_and_records() -> None:
    mosquitto_available()
    relay = await Command.start("relay", "--demo", env={})
    try:
        assert relay.process.stderr is not None
        hint = (await asyncio.wait_for(relay.process.stderr.readline(), 20)).decode()
        found = re.search(r"broker (mqtt://127\.0\.0\.1:\d+), desk user 1002 password (\S+);",
                          hint)
        assert found, hint
        desk = MqttSettings(url=found.group(1), username="1002")
        topics = Topics(desk.topic_prefix)
        seen: list[dict[str, Any]] = []
        async with make_client(desk, found.group(2)) as client:
            await client.subscribe(topics.status, qos=1)
            await client.subscribe(topics.events("1002"), qos=1)
            async with asyncio.timeout(30):  # the demo rings about 3 s after start
                async for message in client.messages:
                    seen.append(json.loads(message.payload))  # type: ignore[arg-type]
                    if seen[-1].get("event") == "lookup":
                        break
        assert seen[0]["state"] in ("online", "ucm-down")
        ringing = next(m for m in seen if m.get("event") == "ringing")
        assert ringing["extension"] == "1002"
        assert [m["name"] for m in seen[-1]["matches"]] == ["Jane Doe"]
    finally:
        code, out, err = await relay.stop()
    assert (code, out) == (0, "")
    assert "Traceback" not in err


def test_without_mosquitto_the_demo_relay_names_the_package(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(demo_broker, "SBIN", ())
    real_which = shutil.which
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None if "mosquitto" in name
                        else real_which(name, *a, **k))
    assert main(["relay", "--demo"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "install the package mosquitto" in captured.err


async def test_the_demo_broker_takes_another_port_when_its_first_was_taken(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Between choosing a free port and mosquitto binding it, another program may take it."""
    import socket

    mosquitto_available()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        ports = iter([taken.getsockname()[1]])
        real_free_port = demo_broker._free_port
        monkeypatch.setattr(demo_broker, "_free_port", lambda: next(ports, None)
                            or real_free_port())
        async with demo_broker.demo_broker(("relay", "1002"), "ucm-popup", "relay") as broker:
            assert broker.port != taken.getsockname()[1]
            async with make_client(MqttSettings(url=broker.url, username="1002"),
                                   broker.passwords["1002"]) as client:
                await client.subscribe(Topics("ucm-popup").status, qos=1)

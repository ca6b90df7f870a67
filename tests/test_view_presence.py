"""Desk presence on a real mosquitto with the documented ACL: a desk in relay mode says it is
online (retained), and offline when it dies without a word (its MQTT last will)."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import signal
import sys
from pathlib import Path

from mqtt_support import PREFIX, RELAY_USER, running_broker

from ucm_popup.relay.broker import Topics, make_client
from ucm_popup.settings import MqttSettings

# A desk's event source with a 1 s keep-alive (the broker gives up on it after 1.5 s).
DESK = """
import asyncio, sys
from ucm_popup.relay.desk import RelayEventSource
from ucm_popup.settings import MqttSettings

async def main():
    mqtt = MqttSettings(url=sys.argv[1], username="1002", topic_prefix=sys.argv[2],
                        ca_file=sys.argv[3])
    async for _event in RelayEventSource(mqtt, "1002", sys.argv[4], keepalive=1).events():
        pass

asyncio.run(main())
"""


async def test_a_desk_that_dies_is_offline_by_its_last_will(tmp_path: Path) -> None:
    users = {user: secrets.token_urlsafe(8) for user in (RELAY_USER, "1002")}
    async with running_broker(tmp_path / "broker", users) as broker:
        relay = MqttSettings(url=broker.url, username=RELAY_USER, topic_prefix=PREFIX,
                             ca_file=broker.ca_file)
        topic = Topics(PREFIX).presence("1002")
        desk = await asyncio.create_subprocess_exec(
            sys.executable, "-c", DESK, broker.url, PREFIX, broker.ca_file, users["1002"],
            env={**os.environ})
        try:
            async with make_client(relay, users[RELAY_USER]) as client:
                await client.subscribe(Topics(PREFIX).every_presence, qos=1)
                states = []
                async with asyncio.timeout(30):
                    async for message in client.messages:
                        assert str(message.topic) == topic
                        data = json.loads(message.payload)  # type: ignore[arg-type]
                        states.append(data["state"])
                        if data["state"] == "online":
                            assert "since" in data
                            desk.send_signal(signal.SIGKILL)
                        elif states[-2:] == ["online", "offline"]:
                            break
            # Retained: a relay that starts now learns the desk is offline.
            async with make_client(relay, users[RELAY_USER]) as client:
                await client.subscribe(topic, qos=1)
                async with asyncio.timeout(10):
                    message = await anext(aiter(client.messages))
                assert json.loads(message.payload) == {"state": "offline"}  # type: ignore[arg-type]
                assert message.retain
        finally:
            if desk.returncode is None:
                desk.kill()
            await desk.wait()

"""The broker ACL that ships: the one ``relay --demo`` writes (through ``demo_broker``), enforced
by a real mosquitto, and the README's copy for administrators, which must be the same text.

A broker drops what the ACL forbids without telling the client, so "nothing arrived" is proved
by order, not by waiting: a marker the same subscriber may receive is sent after the forbidden
message, and the subscriber reads until the marker. mosquitto delivers in the order it accepts."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from mqtt_support import mosquitto_available

from ucm_popup.relay.acl import render_acl
from ucm_popup.relay.broker import Topics, make_client
from ucm_popup.relay.demo_broker import DemoBroker, demo_broker
from ucm_popup.settings import MqttSettings

README = Path(__file__).resolve().parent.parent / "README.md"
PREFIX = "site-a"
TOPICS = Topics(PREFIX)
DEADLINE_S = 30.0


def test_the_readmes_acl_is_the_one_that_ships() -> None:
    block = re.search(r"```\n# /etc/mosquitto/acl\n(.*?)```", README.read_text(), re.S)
    assert block, "the README's '# /etc/mosquitto/acl' block is gone"
    assert block.group(1) == render_acl("ucm-popup", "relay")


def test_every_desk_line_is_confined_to_the_prefix() -> None:
    acl = render_acl(PREFIX, "relay")
    for line in acl.splitlines()[3:]:
        kind, access, topic = line.split(" ")
        assert (kind, access in ("read", "write")) == ("pattern", True), line
        assert topic.startswith(f"{PREFIX}/") and "#" not in topic, line
        # a desk's extension topics are its own: never ext/+ or ext/# for a desk
        assert "/ext/" not in topic or f"{PREFIX}/ext/%u/" in topic, line


@pytest.fixture
async def broker() -> AsyncIterator[DemoBroker]:
    mosquitto_available()
    async with demo_broker(("relay", "1002", "1003"), PREFIX, "relay") as running:
        yield running


def client(broker: DemoBroker, user: str) -> Any:
    return make_client(MqttSettings(url=broker.url, username=user, topic_prefix=PREFIX),
                       broker.passwords[user])


async def read_until(subscriber: Any, marker: str) -> list[tuple[str, str]]:
    """Every (topic, payload) the subscriber receives up to and including ``marker``."""
    seen: list[tuple[str, str]] = []
    async with asyncio.timeout(DEADLINE_S):
        async for message in subscriber.messages:
            seen.append((str(message.topic), bytes(message.payload).decode()))
            if seen[-1][1] == marker:
                return seen
    raise AssertionError("unreachable")


async def test_a_desk_reads_only_its_own_extensions_topics(broker: DemoBroker) -> None:
    async with client(broker, "relay") as relay, client(broker, "1003") as nosy:
        for topic in (TOPICS.events("1002"), TOPICS.dial_result("1002"),
                      TOPICS.events("1003"), TOPICS.status):
            await nosy.subscribe(topic, qos=1)
        await relay.publish(TOPICS.status, "online", qos=1, retain=True)
        await relay.publish(TOPICS.events("1002"), "1002's caller", qos=1)
        await relay.publish(TOPICS.dial_result("1002"), "1002's dial", qos=1)
        await relay.publish(TOPICS.events("1003"), "marker", qos=1)
        seen = await read_until(nosy, "marker")
    assert seen == [(TOPICS.status, "online"), (TOPICS.events("1003"), "marker")]


async def test_a_desk_dials_only_for_its_own_extension(broker: DemoBroker) -> None:
    async with client(broker, "relay") as relay, client(broker, "1002") as own, \
            client(broker, "1003") as nosy:
        await relay.subscribe(TOPICS.every_dial, qos=1)
        await relay.subscribe(TOPICS.events("+"), qos=1)
        await relay.subscribe(TOPICS.dial_result("+"), qos=1)
        await nosy.publish(TOPICS.dial("1002"), json.dumps({"number": "0899999999"}), qos=1)
        await nosy.publish(TOPICS.events("1003"), "a desk faking its own calls", qos=1)
        await nosy.publish(TOPICS.dial_result("1003"), "a desk faking the relay", qos=1)
        await nosy.publish(TOPICS.dial("1003"), "1003's own", qos=1)
        await own.publish(TOPICS.dial("1002"), "marker", qos=1)
        seen = await read_until(relay, "marker")
    assert seen == [(TOPICS.dial("1003"), "1003's own"), (TOPICS.dial("1002"), "marker")]

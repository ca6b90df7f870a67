"""A desk's click-to-dial through the site relay: the relay alone holds the UCM's API user.

The desk publishes ``{"request_id", "number"}`` to its own extension's dial topic (the broker's
ACL lets it write no other) and waits for the relay's ``dial/result`` with that request id.
It subscribes before it publishes, so the answer cannot slip past; and it reads the relay's
retained status too, so that a relay known to be offline is said at once instead of after
the time-out.

Each dial opens its own broker connection rather than keeping one: dials are a few a day per
agent, a connection costs milliseconds on the site's network, and a fresh one can never be a
half-dead link that swallows the request; the tray app's event connection stays untouched.
Nothing is queued across connections (clean session), so a request a relay did not get never
rings the phone later.

With two relays (docs/standby-relay.md), a request that meets the switch from one to the
other gets an answer all the same: the new leader answers every request it saw unanswered
with "relay switching, try again", and a desk that saw the leader go while a standby was
there says so rather than "no answer".
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from typing import Any

import aiomqtt

from ucm_popup.errors import ServiceError
from ucm_popup.relay.broker import (
    OFFLINE,
    ONLINE,
    Topics,
    broker_error,
    connect_first,
    dumps,
    payload_json,
)
from ucm_popup.settings import MqttSettings
from ucm_popup.text import one_line

DIAL_ANSWER_TIMEOUT_S = 10.0  # the broker connection, the request and the relay's answer
SWITCHING = "relay switching, try again"


async def dial_through_relay(mqtt: MqttSettings, extension: str, password: str, number: str,
                             *, timeout: float = DIAL_ANSWER_TIMEOUT_S) -> None:
    """Ask the site relay to ring ``extension`` and call ``number`` (what the UCM is to get:
    the dial rules already applied).  Returns once the relay says the UCM took it; otherwise
    raises a typed error of one line: the relay's refusal, no answer, a broker problem."""
    topics = Topics(mqtt.topic_prefix)
    request_id = uuid.uuid4().hex
    switch = Switch()
    try:
        async with asyncio.timeout(timeout):
            async with contextlib.AsyncExitStack() as stack:
                client = await connect_first(stack, mqtt, password)
                await client.subscribe(topics.dial_result(extension), qos=1)
                await client.subscribe(topics.status, qos=1)
                await client.subscribe(topics.every_node_status, qos=1)
                await client.publish(topics.dial(extension), dumps(
                    {"request_id": request_id, "number": number}), qos=1)
                async for message in client.messages:
                    topic = str(message.topic)
                    data = payload_json(message.payload) or {}
                    if switch.read(topics, topic, data):
                        continue
                    if answered(topic == topics.status, data, request_id, number):
                        return
    except TimeoutError:
        if switch.switching:
            raise ServiceError(f"the site relay could not dial {number}: {SWITCHING}") from None
        raise ServiceError(
            f"the site relay did not answer a dial request within {timeout:g} s: check that "
            "ucm-popup relay runs and reaches the broker"
        ) from None
    except aiomqtt.MqttError as exc:
        raise broker_error(exc, mqtt) from None
    raise ServiceError("the broker closed the connection before the site relay answered")


class Switch:
    """Whether the leading relay went while a standby was there to take over (then an
    ``offline`` is no reason to give up: the new leader answers)."""

    def __init__(self) -> None:
        self.nodes: dict[str, bool] = {}
        self.switching = False

    def read(self, topics: Topics, topic: str, data: dict[str, Any]) -> bool:
        """True when the message was about the relays and is dealt with here."""
        node = topics.status_node(topic)
        if node:
            self.nodes[node] = data.get("state") == ONLINE
            return True
        if topic != topics.status:
            return False
        if data.get("state") == OFFLINE and any(
                alive for name, alive in self.nodes.items() if name != data.get("node")):
            self.switching = True
            return True
        if data.get("state") == ONLINE:
            self.switching = False
        return False


def answered(is_status: bool, data: dict[str, Any], request_id: str, number: str) -> bool:
    """Whether one message says the relay dialled this request: True; False for a message
    that is not the answer; ServiceError (one line) for a refusal or an offline relay."""
    if is_status:
        if data.get("state") == OFFLINE:
            detail = data.get("detail")
            why = f" ({one_line(detail, 200)})" if type(detail) is str and detail else ""
            raise ServiceError(f"the site relay is offline{why}: it could not dial {number}")
        return False
    if data.get("request_id") != request_id:
        return False  # another dial of this extension (another window, a script)
    if data.get("ok") is True:
        return True
    error = data.get("error")
    why = one_line(error, 300) if type(error) is str and error.strip() else "no reason given"
    raise ServiceError(f"the site relay could not dial {number}: {why}")

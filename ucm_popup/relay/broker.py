"""The MQTT broker, as the relay and the desks meet on it: address, topics, client, errors.

The client is aiomqtt (asyncio, on the paho-mqtt protocol implementation); nothing here
speaks MQTT by hand.
"""

from __future__ import annotations

import contextlib
import json
import socket
import ssl
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiomqtt

from ucm_popup.errors import AuthError, ServiceError, SettingsError, UcmPopupError
from ucm_popup.settings import MqttSettings, check_broker_url
from ucm_popup.text import encodable, one_line
from ucm_popup.trust import client_context

KEEPALIVE_S = 20  # the broker publishes a dead relay's last will within 1.5 x this
CONNECT_TIMEOUT_S = 10.0
MAX_PAYLOAD_BYTES = 64 * 1024  # far above any event or dial request: larger ones are skipped
# MQTT 3.1.1 CONNACK codes and MQTT 5 reason codes that mean "wrong user or password".
_REFUSED_CODES = {4, 5, 134, 135}

ONLINE, UCM_DOWN, OFFLINE = "online", "ucm-down", "offline"


@dataclass(frozen=True)
class Topics:
    prefix: str

    @property
    def status(self) -> str:
        return f"{self.prefix}/relay/status"

    def node_status(self, node: str) -> str:
        """One relay's own status when two or more serve a site (``[relay] node``)."""
        return f"{self.prefix}/relay/{node}/status"

    @property
    def every_node_status(self) -> str:
        return f"{self.prefix}/relay/+/status"

    def status_node(self, topic: str) -> str:
        """The node a ``relay/{node}/status`` topic names, or "" for any other topic."""
        head = f"{self.prefix}/relay/"
        if topic.startswith(head) and topic.endswith("/status"):
            node = topic[len(head):-len("/status")]
            return node if node and "/" not in node else ""
        return ""

    @property
    def every_events(self) -> str:
        return f"{self.prefix}/ext/+/events"

    def events(self, extension: str) -> str:
        return f"{self.prefix}/ext/{extension}/events"

    def dial(self, extension: str) -> str:
        return f"{self.prefix}/ext/{extension}/dial"

    def dial_result(self, extension: str) -> str:
        return f"{self.prefix}/ext/{extension}/dial/result"

    def presence(self, extension: str) -> str:
        """A desk's retained ``online``/``offline`` (its last will says ``offline``)."""
        return f"{self.prefix}/ext/{extension}/presence"

    @property
    def every_presence(self) -> str:
        return f"{self.prefix}/ext/+/presence"

    def presence_extension(self, topic: str) -> str:
        """The extension a presence topic names, or "" for any other topic."""
        return self._extension_of(topic, "presence")

    @property
    def every_dial_result(self) -> str:
        return f"{self.prefix}/ext/+/dial/result"

    @property
    def every_dial(self) -> str:
        return f"{self.prefix}/ext/+/dial"

    def dial_extension(self, topic: str) -> str:
        """The extension a dial request's topic names, or "" for any other topic."""
        return self._extension_of(topic, "dial")

    def _extension_of(self, topic: str, leaf: str) -> str:
        parts = topic.split("/")
        head = self.prefix.split("/")
        if (len(parts) == len(head) + 3 and parts[: len(head)] == head
                and parts[-3] == "ext" and parts[-1] == leaf and parts[-2].isascii()
                and parts[-2].isdigit()):
            return parts[-2]
        return ""


def broker_urls(mqtt: MqttSettings) -> tuple[str, ...]:
    """``[mqtt] url`` then ``fallback_urls``: the brokers tried in turn when one fails."""
    return tuple(dict.fromkeys(u for u in (mqtt.url, *mqtt.fallback_urls) if u))


def where(mqtt: MqttSettings, url: str = "") -> str:
    parts = urlsplit(url or mqtt.url)
    host = parts.hostname or ""
    return f"{host}:{parts.port or (8883 if parts.scheme == 'mqtts' else 1883)}"


def make_client(
    mqtt: MqttSettings,
    password: str,
    *,
    will: aiomqtt.Will | None = None,
    keepalive: int = KEEPALIVE_S,
    max_inflight: int = 1000,
    url: str = "",
) -> aiomqtt.Client:
    """A client for ``url`` (default ``[mqtt] url``; a fallback broker's when given)."""
    url = url or mqtt.url
    problem = check_broker_url(url) if url else "is not set"
    if problem:
        raise SettingsError(f"[mqtt] url: {problem}")
    parts = urlsplit(url)
    tls: ssl.SSLContext | None = None
    if parts.scheme == "mqtts":
        tls = client_context(mqtt.ca_file)
    return aiomqtt.Client(
        parts.hostname or "",
        parts.port or (8883 if tls else 1883),
        username=mqtt.username or None,
        password=password or None,
        identifier=f"ucm-popup-{mqtt.username or 'anonymous'}-{uuid.uuid4().hex[:8]}",
        will=will,
        clean_session=True,  # nothing queued across a break: a desk never sees stale calls
        keepalive=keepalive,
        timeout=CONNECT_TIMEOUT_S,
        tls_context=tls,
        max_inflight_messages=max_inflight,
        max_queued_incoming_messages=10_000,
        # paho leaves Nagle's algorithm on: a small write right after another (the relay's
        # dial answer after its PUBACK) then waits for the broker's delayed ACK, about 40 ms.
        socket_options=((socket.IPPROTO_TCP, socket.TCP_NODELAY, 1),),
    )


async def connect_first(stack: contextlib.AsyncExitStack, mqtt: MqttSettings, password: str,
                        **options: Any) -> aiomqtt.Client:
    """A client connected to the first broker of ``[mqtt] url`` and ``fallback_urls`` that
    takes it (left by ``stack``); the last broker's refusal is raised as a typed error."""
    urls = broker_urls(mqtt)
    for turn, url in enumerate(urls):
        try:
            return await stack.enter_async_context(
                make_client(mqtt, password, url=url, **options))
        except aiomqtt.MqttError as exc:
            if turn + 1 == len(urls):
                raise broker_error(exc, mqtt, url) from None
    raise SettingsError("[mqtt] url: is not set")


def broker_error(exc: Exception, mqtt: MqttSettings, url: str = "") -> UcmPopupError:
    """What a failed broker connection means for the user, with the setting to fix."""
    at = where(mqtt, url)
    rc = getattr(exc, "rc", None)
    code = getattr(rc, "value", rc)
    if isinstance(exc, aiomqtt.MqttCodeError) and code in _REFUSED_CODES:
        return AuthError(
            f"the broker at {at} refused user {mqtt.username!r}: check [mqtt] username and "
            "the broker password"
        )
    text = one_line(str(exc), 200)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        return ServiceError(
            f"cannot trust the broker's certificate at {at} ({text}): set [mqtt] ca_file to "
            "the CA that signed it"
        )
    return ServiceError(f"cannot reach the broker at {at}: {text or 'no answer'}; "
                        "check [mqtt] url")


def payload_json(payload: Any) -> dict[str, Any] | None:
    """A message's payload as a JSON object, or None (too big, not JSON, too deep)."""
    if not isinstance(payload, bytes | bytearray) or len(payload) > MAX_PAYLOAD_BYTES:
        return None
    try:
        data = json.loads(payload)
    except (ValueError, RecursionError):
        return None
    return data if type(data) is dict else None


def dumps(data: dict[str, Any]) -> bytes:
    """One message's payload; a lone surrogate (a UCM can send one) stays a JSON escape."""
    return encodable(json.dumps(data, ensure_ascii=False, separators=(",", ":"))).encode()

"""What the relay does with whatever arrives on its dial topics (hostile input included)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiomqtt
from hypothesis import given, settings
from hypothesis import strategies as st

from ucm_popup.relay.site import MAX_NUMBER, MAX_REQUEST_ID, SiteRelay
from ucm_popup.settings import MqttSettings, RelaySettings, Settings


def relay(dialled: list[tuple[str, str]], extensions: tuple[str, ...] = ()) -> SiteRelay:
    async def dial(extension: str, number: str) -> str:
        dialled.append((extension, number))
        return number

    return SiteRelay(Settings(mqtt=MqttSettings(url="mqtt://127.0.0.1:1"),
                              relay=RelaySettings(extensions=extensions)), "", "", dial=dial)


def deliver(site: SiteRelay, topic: str, payload: bytes) -> list[dict[str, Any]]:
    """Feed one message; what the relay would publish (as JSON objects)."""
    published: list[dict[str, Any]] = []

    async def run() -> None:
        site._publish = lambda topic, data, retain=False: bool(  # type: ignore[method-assign]
            published.append(json.loads(data)) or True)
        site._on_message(aiomqtt.Message(topic, payload, 1, False, 1, None))
        while site._tasks:
            await asyncio.sleep(0)

    asyncio.run(run())
    return published


def test_dial_requests_only_for_the_topics_extension_and_not_too_often() -> None:
    dialled: list[tuple[str, str]] = []
    site = relay(dialled)
    request = json.dumps({"request_id": "a", "number": "0612345678"}).encode()
    assert deliver(site, "ucm-popup/ext/1002/dial", request) == [{"request_id": "a", "ok": True}]
    again = deliver(site, "ucm-popup/ext/1002/dial", request)
    assert again[0]["ok"] is False and "every 2 s" in again[0]["error"]
    assert deliver(site, "ucm-popup/ext/1003/dial", request) == [{"request_id": "a", "ok": True}]
    assert dialled == [("1002", "0612345678"), ("1003", "0612345678")]
    limited = relay(dialled, ("1002",))
    answer = deliver(limited, "ucm-popup/ext/1004/dial", request)
    assert answer[0]["error"] == "the relay does not serve extension 1004"


# Well-formed requests (a number the UCM can dial, or not) on an extension's topic, and the rest
# of what a broker may deliver: the relay must dial only the first and answer every request.
REQUEST = st.builds(lambda request_id, number: json.dumps(
    {"request_id": request_id, "number": number}).encode(),
    st.text(max_size=20), st.one_of(st.from_regex(r"\A[0-9*#]{1,40}\Z"), st.text(max_size=50)))
TOPIC = st.one_of(st.just("ucm-popup/ext/1002/dial"),
                  st.sampled_from(["ucm-popup/ext/x/dial", "ucm-popup/ext/1002/dial/result",
                                   "other/ext/1/dial"]),
                  # what a broker can deliver: a topic name, never empty or a filter
                  st.text(min_size=1, max_size=40).filter(
                      lambda t: "+" not in t and "#" not in t and "\0" not in t))
PAYLOAD = st.one_of(REQUEST, st.one_of(  # half well-formed, half anything
    st.binary(max_size=200), st.just(b"[" * 3_000),
    st.dictionaries(st.sampled_from(["request_id", "number", "x"]),
                    st.one_of(st.text(max_size=80), st.integers(), st.none()),
                    max_size=3).map(lambda d: json.dumps(d).encode())))


@settings(max_examples=150, deadline=None)
@given(topic=TOPIC, payload=PAYLOAD)
def test_hostile_dial_messages_never_break_the_relay(topic: str, payload: bytes) -> None:
    dialled: list[tuple[str, str]] = []
    published = deliver(relay(dialled), topic, payload)
    for extension, number in dialled:
        assert topic == f"ucm-popup/ext/{extension}/dial" and 0 < len(number) <= MAX_NUMBER
    for result in published:
        assert type(result["request_id"]) is str and type(result["ok"]) is bool


@settings(max_examples=150, deadline=None)
@given(extension=st.from_regex(r"\A[0-9]{1,6}\Z"),
       request_id=st.one_of(st.text(max_size=MAX_REQUEST_ID + 2), st.integers(), st.none(),
                            st.integers(0, MAX_REQUEST_ID + 2).map(lambda n: "r" * n)),
       number=st.one_of(st.from_regex(r"\A[0-9*#]{1,40}\Z"), st.text(max_size=MAX_NUMBER + 2),
                        st.integers(), st.none(),
                        st.integers(0, MAX_NUMBER + 2).map(lambda n: "1" * n)))  # the limits
def test_each_request_on_a_desks_topic_is_answered_once_and_dialled_as_sent(
        extension: str, request_id: Any, number: Any) -> None:
    dialled: list[tuple[str, str]] = []
    published = deliver(relay(dialled), f"ucm-popup/ext/{extension}/dial",
                        json.dumps({"request_id": request_id, "number": number}).encode())
    if not (type(request_id) is str and 0 < len(request_id) <= MAX_REQUEST_ID):
        assert (published, dialled) == ([], [])  # nobody to answer
        return
    [answer] = published
    assert answer["request_id"] == request_id
    if type(number) is str and 0 < len(number) <= MAX_NUMBER:
        assert answer == {"request_id": request_id, "ok": True}
        assert dialled == [(extension, number)]  # as sent: the UCM client judges the number
    else:
        assert answer["ok"] is False and answer["error"] == "the request names no number to dial"
        assert dialled == []

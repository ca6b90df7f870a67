"""Whatever a UCM (or something pretending to be one) sends, the next real call still pops up.

Hypothesis makes hostile frames: nesting far deeper than the JSON parser's recursion limit,
lone surrogates, values of every wrong type where the call rows have strings, huge strings
(inside the frame limit), binary frames and text frames that are not UTF-8.  Each batch goes
to the stream over the real loopback TLS simulator, followed by a real ringing call that must
arrive.  One simulator and one stream serve every example, as one PBX link serves a day.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ucm_support import CONNECTED, FAST, Follower, line

from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator
from ucm_popup.ucm.events import Connected, Disconnected, Ended, Ringing
from ucm_popup.ucm.stream import UcmEventStream

EXAMPLES = 40
CALL_TIMEOUT_S = 10.0  # per example, generous for a busy machine; a healthy one takes ~20 ms

lone_surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
odd_text = st.text(st.characters() | lone_surrogates, max_size=40)
utf8_text = st.text(st.characters(), max_size=200)  # what a text frame can carry
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | odd_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(odd_text, inner, max_size=4),
    max_leaves=12,
)
ROW_KEYS = ("action", "chantype", "channel", "channel1", "channel2", "state", "linkedid",
            "uniqueid", "callernum", "callername", "connectednum", "connectedname", "service",
            "inbound_trunk_name", "extension", "status")
ROW_TEXT = st.sampled_from(["add", "update", "delete", "unbridge", "bridge", "Ringing", "Up",
                            "Idle", "PJSIP/1002-000000ff", "SIP/1002-1", "PJSIP/trunk_1-1"])
rows = st.dictionaries(st.sampled_from(ROW_KEYS), ROW_TEXT | json_values, max_size=10)


def notify(eventname: Any, eventbody: Any) -> str:
    """A notify frame as a UCM sends it: ``json.dumps`` writes lone surrogates as escapes."""
    return json.dumps({"type": "request", "message": [
        {"transactionid": "", "action": "notify", "eventname": eventname, "eventbody": eventbody}
    ]})


def deeply_nested(depth: int, shape: str) -> str:
    if shape == "list":
        return "[" * depth + "]" * depth
    if shape == "object":
        return '{"a":' * depth + "1" + "}" * depth
    # inside a real notify envelope, where the call rows go
    return notify("ActiveCallStatus", []).replace("[]", "[" * depth + "]" * depth)


skipped_frames = st.one_of(
    st.builds(deeply_nested, st.integers(500, 150_000),
              st.sampled_from(["list", "object", "notify"])),
    st.builds(notify, st.sampled_from(["ActiveCallStatus", "ExtensionStatus"]),
              st.lists(rows, max_size=5)),
    st.builds(notify, json_values, json_values),
    json_values.map(lambda value: json.dumps({"type": "request", "message": value})),
    json_values.map(json.dumps),
    st.builds(lambda size, caller: notify("ActiveCallStatus", [{
        "action": "add", "chantype": "unbridge", "channel": "PJSIP/1005-1", "state": "Ringing",
        "callernum": caller, "callername": "x" * size}]), st.integers(0, 3 * 2**20), odd_text),
    st.binary(max_size=2000),
    utf8_text,
)
# A text frame that is not UTF-8 breaks the WebSocket protocol itself: the link is closed,
# and must come back by itself.
broken_utf8 = st.binary(min_size=1, max_size=200).map(lambda junk: b"\xff" + junk)


async def send(sim: UcmSimulator, frame: str | bytes, *, text: bool = False) -> None:
    if isinstance(frame, str):  # only via send_raw's text path: lone surrogates are escaped
        await sim.send_raw(frame)
    else:
        await sim.send_raw(frame, text=text)


async def a_call_pops_up(sim: UcmSimulator, follower: Follower, *, link_may_drop: bool) -> None:
    """Play a real call; its ringing and its end must come.  Rows the junk made up may give
    calls of their own; they are let through, as long as the real one is there too."""
    steps = sc.ring_call(sim.rows, caller="0612345678", name="ACME", ring_s=0, talk_s=0)
    call_id = str(steps[0].items[0][1][0]["linkedid"])
    await sim.play(steps)
    seen: list[str] = []
    async with asyncio.timeout(CALL_TIMEOUT_S):
        while True:
            event = await follower.next(timeout=CALL_TIMEOUT_S)
            if isinstance(event, Disconnected | Connected):
                assert link_may_drop, f"the link dropped: {line(event)}"
                if isinstance(event, Connected):  # back, but the call went to the dead link
                    await sim.wait_subscribed()
                    steps = sc.ring_call(sim.rows, caller="0612345678", name="ACME",
                                         ring_s=0, talk_s=0)
                    call_id = str(steps[0].items[0][1][0]["linkedid"])
                    await sim.play(steps)
                continue
            if isinstance(event, Ringing) and event.call_id == call_id:
                assert (event.number, event.name) == ("0612345678", "ACME")
                seen.append("ringing")
            if isinstance(event, Ended) and event.call_id == call_id:
                seen.append("ended")
                break
    assert seen == ["ringing", "ended"]


def run_examples(check: Any) -> None:
    """``check(runner, sim, follower)`` with one simulator and one stream for all examples."""
    with asyncio.Runner() as runner:
        sim = runner.run(UcmSimulator().start())

        async def follow() -> Follower:
            follower = Follower(UcmEventStream(sim.settings(), sim.password, **FAST))
            assert await follower.lines(1) == [CONNECTED]
            return follower

        follower = runner.run(follow())
        try:
            check(runner, sim, follower)
        finally:
            runner.run(follower.aclose())
            runner.run(sim.aclose())


def test_hostile_frames_are_skipped_and_the_next_call_still_pops_up() -> None:
    def check(runner: asyncio.Runner, sim: UcmSimulator, follower: Follower) -> None:
        connections = sim.connections

        @settings(max_examples=EXAMPLES, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                         HealthCheck.large_base_example])
        @given(frames=st.lists(skipped_frames, min_size=1, max_size=4))
        def example(frames: list[str | bytes]) -> None:
            async def body() -> None:
                for frame in frames:
                    await send(sim, frame)
                await a_call_pops_up(sim, follower, link_may_drop=False)

            runner.run(body())

        example()
        assert sim.connections == connections  # not one of them cost a reconnection

    run_examples(check)


def test_a_text_frame_that_is_not_utf8_costs_a_reconnection_not_the_stream() -> None:
    def check(runner: asyncio.Runner, sim: UcmSimulator, follower: Follower) -> None:
        @settings(max_examples=5, deadline=None, database=None,
                  suppress_health_check=[HealthCheck.too_slow])
        @given(frame=broken_utf8)
        def example(frame: bytes) -> None:
            async def body() -> None:
                await send(sim, frame, text=True)
                await a_call_pops_up(sim, follower, link_may_drop=True)

            runner.run(body())

        example()

    run_examples(check)

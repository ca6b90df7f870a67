"""The UCM event stream against the simulator, over real TLS on loopback: every call
scenario gives exactly the documented lines (docs/json-output.md)."""

from __future__ import annotations

import json
import logging

import pytest
from ucm_support import (
    answered,
    dialing,
    ended,
    follow,
    ringing,
)

from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator


def call_id(steps: list[sc.Step]) -> str:
    return str(steps[0].items[0][1][0]["linkedid"])


async def test_inbound_call_answered(sim: UcmSimulator) -> None:
    f = await follow(sim)
    steps = sc.ring_call(sim.rows, caller="0612345678", name="ACME Corp", ring_s=0, talk_s=0)
    await sim.play(steps)
    key = call_id(steps)
    assert await f.lines(3) == [
        ringing(key, "0612345678", "ACME Corp"), answered(key), ended(key, answered=True)]
    await f.quiet()
    await f.aclose()


async def test_missed_call(sim: UcmSimulator) -> None:
    f = await follow(sim)
    steps = sc.ring_call(sim.rows, caller="0145678900", answered_by="", ring_s=0)
    await sim.play(steps)
    key = call_id(steps)
    assert await f.lines(2) == [ringing(key, "0145678900", ""), ended(key, answered=False)]
    await f.quiet()
    await f.aclose()


async def test_ring_group_answered_elsewhere(sim: UcmSimulator) -> None:
    f = await follow(sim)
    steps = sc.ring_call(sim.rows, caller="0478123456", name="LYON", rings=("1001", "1002", "1003"),
                         answered_by="1003", ring_s=0, talk_s=0)
    await sim.play(steps)
    key = call_id(steps)
    assert await f.lines(2) == [
        ringing(key, "0478123456", "LYON"), ended(key, answered=False, elsewhere=True)]
    await f.quiet()
    await f.aclose()


async def test_ring_group_answered_here(sim: UcmSimulator) -> None:
    f = await follow(sim)
    steps = sc.ring_call(sim.rows, caller="0478123456", rings=("1002", "1003"), ring_s=0,
                         talk_s=0, service="queue")
    await sim.play(steps)
    key = call_id(steps)
    assert await f.lines(3) == [
        ringing(key, "0478123456", ""), answered(key), ended(key, answered=True)]
    await f.aclose()


async def test_queue_rings_again_on_a_new_channel(sim: UcmSimulator) -> None:
    f = await follow(sim)
    steps = sc.queue_retry_call(sim.rows, caller="0611111111", name="Q", ring_s=0, talk_s=0)
    await sim.play(steps)
    key = call_id(steps)
    assert await f.lines(5) == [
        ringing(key, "0611111111", "Q"), ended(key, answered=False),
        ringing(key, "0611111111", "Q"), answered(key), ended(key, answered=True)]
    await f.quiet()
    await f.aclose()


async def test_internal_call(sim: UcmSimulator) -> None:
    f = await follow(sim)
    steps = sc.ring_call(sim.rows, caller="1001", name="Alice Martin", trunk="", ring_s=0,
                         talk_s=0)
    await sim.play(steps)
    key = call_id(steps)
    assert await f.lines(3) == [
        ringing(key, "1001", "Alice Martin", trunk="", direction="internal"),
        answered(key), ended(key, answered=True)]
    await f.aclose()


async def test_calls_of_other_extensions_are_never_reported(sim: UcmSimulator) -> None:
    f = await follow(sim)
    noise = [sc.ring_call(sim.rows, caller=f"06000000{n:02d}", rings=(ext,), answered_by=ext,
                          ring_s=0.01 * n, talk_s=0.01)
             for n, ext in enumerate(("1001", "1005", "2000"))]
    outgoing = sc.ring_call(sim.rows, caller="1002", trunk="", rings=("1003",),
                            answered_by="1003", ring_s=0.01, talk_s=0.01)
    mine = sc.ring_call(sim.rows, caller="0612345678", name="ACME", ring_s=0.02, talk_s=0.02)
    await sim.play(sc.merged(*noise, outgoing, mine))
    key, out = call_id(mine), call_id(outgoing)
    got = await f.lines(6)
    # X's own call to 1003 is reported as X's outgoing call; the others' calls never are.
    assert [x for x in got if x["call_id"] == key] == [
        ringing(key, "0612345678", "ACME"), answered(key), ended(key, answered=True)]
    assert [x for x in got if x["call_id"] == out] == [
        dialing(out, "1003", trunk="", direction="internal"), answered(out),
        ended(out, answered=True)]
    await f.quiet()
    await f.aclose()


async def test_repeated_and_late_rows_give_one_ringing_and_one_ended(sim: UcmSimulator) -> None:
    f = await follow(sim)
    steps = sc.ring_call(sim.rows, caller="0612345678", name="ACME", ring_s=0, talk_s=0)
    await sim.play(sc.with_repeats(steps))
    key = call_id(steps)
    assert await f.lines(3) == [
        ringing(key, "0612345678", "ACME"), answered(key), ended(key, answered=True)]
    await f.quiet(0.5)
    await f.aclose()


async def test_form_b_replies_and_single_object_notify() -> None:
    sim = await UcmSimulator(form_b=True, single_notify=True).start()
    try:
        f = await follow(sim, heartbeat_s=0.1)
        steps = sc.ring_call(sim.rows, caller="0612345678", name="ACME", ring_s=0, talk_s=0)
        await sim.play(steps)
        key = call_id(steps)
        assert await f.lines(3) == [
            ringing(key, "0612345678", "ACME"), answered(key), ended(key, answered=True)]
        await f.quiet(0.5)  # Form B heartbeat replies ("0" as a string) keep the link up
        assert len(sim.requests("heartbeat")) >= 3
        assert sim.connections == 1
        await f.aclose()
    finally:
        await sim.aclose()


async def test_malformed_frames_are_logged_and_skipped(
    sim: UcmSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="ucm_popup")
    f = await follow(sim)
    for junk in ("not json {\n\x1b[31mred", "[1, 2]", '"text"', "null", b"\xff\xfe binary",
                 json.dumps({"type": "request", "message": {"action": "surprise"}}),
                 json.dumps({"type": "request", "message": [{"action": "notify",
                            "eventname": "ActiveCallStatus", "eventbody": "oops"}, 7, None]}),
                 json.dumps({"type": "request", "message": {"action": "notify",
                            "eventname": "ActiveCallStatus", "eventbody": [
                                {"action": "add", "chantype": "unbridge", "channel": 5},
                                {"action": "add", "chantype": "unbridge",
                                 "channel": "PJSIP/1002-1", "state": ["Ringing"]}]}})):
        await sim.send_raw(junk)
    steps = sc.ring_call(sim.rows, caller="0612345678", name="ACME", ring_s=0, talk_s=0)
    await sim.play(steps)
    key = call_id(steps)
    assert await f.lines(3) == [
        ringing(key, "0612345678", "ACME"), answered(key), ended(key, answered=True)]
    assert sim.connections == 1  # nothing dropped the link
    assert "not a JSON object" in caplog.text
    for record in caplog.records:  # what the server sent, on one line, colour codes escaped
        assert "\n" not in record.getMessage() and "\x1b" not in record.getMessage()
    assert "not json {\\n\\x1b[31mred" in caplog.text
    await f.aclose()


async def test_deeply_nested_frames_are_skipped_and_the_next_call_pops_up(
    sim: UcmSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="ucm_popup")
    f = await follow(sim)
    deep_objects = '{"a":' * 50_000 + "1" + "}" * 50_000  # too deep for json on any Python
    deep_notify = json.dumps({"type": "request", "message": [{"action": "notify",
                              "eventname": "ActiveCallStatus", "eventbody": []}]})
    deep_notify = deep_notify.replace("[]", "[" * 50_000 + "]" * 50_000)
    for junk in ("[" * 100_000 + "]" * 100_000, deep_objects, deep_notify):
        await sim.send_raw(junk)
    steps = sc.ring_call(sim.rows, caller="0612345678", name="ACME", ring_s=0, talk_s=0)
    await sim.play(steps)
    key = call_id(steps)
    assert await f.lines(3) == [
        ringing(key, "0612345678", "ACME"), answered(key), ended(key, answered=True)]
    assert sim.connections == 1  # no reconnection either: the link was never dropped
    assert caplog.text.count("skipped a frame that is not a JSON object") == 3
    await f.aclose()


async def test_password_and_token_never_logged(
    sim: UcmSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    f = await follow(sim)
    await sim.play(sc.ring_call(sim.rows, caller="0612345678", ring_s=0, talk_s=0))
    await f.lines(3)
    await f.aclose()
    tokens = [m["token"] for _at, m in sim.requests("login")]
    logged = "\n".join(r.getMessage() for r in caplog.records)  # before any redaction
    assert "login reply" in logged  # the handshake was logged, without the secrets
    assert sim.password not in logged
    assert tokens and all(token not in logged for token in tokens)

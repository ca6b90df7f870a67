"""Every kind of call the agent meets, played by the UCM simulator over real TLS: outgoing
calls (from the phone and by click-to-dial), blind and attended transfers to the agent, the
agent transferring a call away, a transfer to a queue, pickups both ways. Each gives exactly
its documented lines, also with its frames repeated, late and phantom rows, and its rows
reordered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_watch_command import Watch, write_config
from ucm_support import answered, dialing, ended, follow, line, ringing, transferred

from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.sim.ucm import UcmSimulator

CALLER, NAME = "0612345678", "ACME Corp"
VARIANTS: dict[str, Callable[[list[sc.Step]], list[sc.Step]]] = {
    "as sent": lambda steps: steps,
    "repeated, late and phantom rows": sc.with_repeats,
    "rows reordered": sc.reordered,
}


def first_linkedid(steps: list[sc.Step], channel_prefix: str = "") -> str:
    """The linkedid of the first leg (of ``channel_prefix``) the steps add."""
    for step in steps:
        for name, body in step.items:
            for row in body if name == "ActiveCallStatus" else []:
                if row.get("action") == "add" and row.get("chantype") == "unbridge" and str(
                        row["channel"]).startswith(channel_prefix):
                    return str(row["linkedid"])
    raise AssertionError("no leg")


def calls_and_lines(rows: sc.CallRows) -> list[tuple[str, list[sc.Step], list[dict[str, Any]]]]:
    """(what, steps, the lines extension 1002 must get) for each kind of call."""
    out: list[tuple[str, list[sc.Step], list[dict[str, Any]]]] = []

    steps = sc.outgoing_call(rows, number=CALLER, ring_s=0, talk_s=0)
    key = first_linkedid(steps)
    out.append(("outgoing", steps, [dialing(key, CALLER), answered(key), ended(key, True)]))

    steps = sc.outgoing_call(rows, number="1003", to_extension=True, answered=False, ring_s=0)
    key = first_linkedid(steps)
    out.append(("outgoing to an extension, not answered", steps, [
        dialing(key, "1003", direction="internal", trunk=""), ended(key, False)]))

    steps = sc.click_to_dial_call(rows, extension="1002", number=CALLER, pickup_s=0,
                                  answer_s=0, talk_s=0)
    key = first_linkedid(steps)
    out.append(("click-to-dial", steps, [dialing(key, CALLER), answered(key), ended(key, True)]))

    steps = sc.blind_transfer_call(rows, caller=CALLER, name=NAME, talk_s=0, ring_s=0)
    key = first_linkedid(steps)
    out.append(("blind transfer to 1002", steps, [
        ringing(key, CALLER, NAME, transferred_by="1003"), answered(key), ended(key, True)]))

    steps = sc.blind_transfer_call(rows, caller=CALLER, name=NAME, queue="6500",
                                   others=("1004",), answered=False, talk_s=0, ring_s=0)
    key = first_linkedid(steps)
    out.append(("transfer to a queue, missed", steps, [
        ringing(key, CALLER, NAME, transferred_by="1003"), ended(key, False)]))

    steps = sc.attended_transfer_call(rows, caller=CALLER, name=NAME, talk_s=0, ring_s=0)
    key = first_linkedid(steps, "PJSIP/1002-")
    out.append(("attended transfer to 1002", steps, [
        ringing(key, "1003", "", trunk="", direction="internal"), answered(key),
        transferred(key, CALLER, NAME), ended(key, True)]))

    steps = sc.attended_transfer_call(rows, caller=CALLER, name=NAME, to="1004",
                                      colleague="1002", talk_s=0, ring_s=0)
    key, consult = first_linkedid(steps), first_linkedid(steps, "PJSIP/1004-")
    out.append(("attended transfer by 1002", steps, [
        ringing(key, CALLER, NAME), answered(key),
        # 1002 calls 1004 to announce the caller: a call of its own
        dialing(consult, "1004", direction="internal", trunk=""), answered(consult),
        ended(key, True, transferred_to="1004"), ended(consult, True)]))

    steps = sc.transfer_away_call(rows, caller=CALLER, name=NAME, talk_s=0, ring_s=0)
    key = first_linkedid(steps)
    out.append(("1002 transfers the call away", steps, [
        ringing(key, CALLER, NAME), answered(key), ended(key, True, transferred_to="1003")]))

    steps = sc.pickup_call(rows, caller=CALLER, name=NAME, ring_s=0, talk_s=0)
    key = first_linkedid(steps)
    out.append(("1002 picks up 1003's call", steps, [
        ringing(key, CALLER, NAME), answered(key), ended(key, True)]))

    steps = sc.pickup_call(rows, caller=CALLER, name=NAME, rings="1002", picker="1003",
                           code="*81002", ring_s=0, talk_s=0)
    key = first_linkedid(steps)
    out.append(("1003 picks up 1002's call", steps, [
        ringing(key, CALLER, NAME), ended(key, False, elsewhere=True)]))
    return out


def per_call(lines: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for one in lines:
        out.setdefault(one["call_id"], []).append(one)
    return out


KINDS = [what for what, _steps, _lines in calls_and_lines(sc.CallRows())]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("kind", KINDS)
async def test_each_kind_of_call_gives_exactly_its_lines(sim: UcmSimulator, kind: str,
                                                         variant: str) -> None:
    f = await follow(sim)
    _what, steps, want = next(c for c in calls_and_lines(sim.rows) if c[0] == kind)
    await sim.play(VARIANTS[variant](steps))
    got = await f.lines(len(want))
    if variant == "as sent":
        assert got == want
    else:  # two calls ending in one frame may end in either order
        assert per_call(got) == per_call(want)
    await f.quiet()
    await f.aclose()


async def test_watch_prints_each_kind_of_call_exactly(sim: UcmSimulator, tmp_path: Path) -> None:
    """The whole lines as a script reads them (every key but the time), one call after
    another in one ``watch`` run."""
    config = write_config(tmp_path / "c.toml", sim)
    watch = await Watch.start("--config", str(config),
                              env={"UCM_POPUP_UCM_PASSWORD": sim.password})
    try:
        assert (await watch.line())["event"] == "connected"
        await sim.wait_subscribed()
        for _what, steps, want in calls_and_lines(sim.rows):
            await sim.play(steps)
            got = [await watch.line() for _ in want]
            assert [{k: v for k, v in line.items() if k != "time"} for line in got] == [
                {**line, **({"queue": ""} if line["event"] == "ringing" else {})}
                for line in want]
            assert all(line["time"][-6] in "+-" for line in got)
    finally:
        code, out, err = await watch.stop()
    assert (code, out, err) == (0, "", "")


async def drain(f: Any, quiet_s: float = 0.3) -> list[dict[str, Any]]:
    """Every line until the stream has been quiet for ``quiet_s``."""
    lines = []
    while True:
        try:
            lines.append(line(await f.next(timeout=quiet_s)))
        except TimeoutError:
            return lines


def late_rows(steps: list[sc.Step]) -> list[sc.Step]:
    """Every leg row sent again after the call, as update and as a phantom (no linkedid)."""
    rows = [row for step in steps for name, body in step.items if name == "ActiveCallStatus"
            for row in body if row.get("chantype") == "unbridge" and "state" in row]
    return [sc.Step(0.0, [sc.calls(*(sc.update(r) for r in rows),
                                   *(sc.update(r, linkedid="") for r in rows))])]


@pytest.mark.parametrize("kind", KINDS)
async def test_a_reconnect_in_the_middle_of_each_kind_of_call(sim: UcmSimulator,
                                                              kind: str) -> None:
    """Cut after each frame: the calls open then end once (as last known), nothing of theirs
    comes after, and a call that starts after the reconnect is whole."""
    f = await follow(sim, backoff_initial_s=0.01)
    cuts = len(next(c for c in calls_and_lines(sc.CallRows()) if c[0] == kind)[1])
    for cut in range(1, cuts):
        _what, steps, _want = next(c for c in calls_and_lines(sim.rows) if c[0] == kind)
        await sim.play(steps[:cut])
        before = await drain(f)
        await sim.drop_clients()
        burst = await f.lines(1)
        assert burst == [{"event": "disconnected", "reason": "connection to the UCM lost"}]
        started = {x["call_id"] for x in before if x["event"] in ("ringing", "dialing")}
        ended_before = {x["call_id"] for x in before if x["event"] == "ended"}
        closing = []
        while (got := await f.lines(1))[0]["event"] != "connected":
            closing += got
        assert all(x["event"] == "ended" and not x["answered_elsewhere"] for x in closing)
        assert sorted(x["call_id"] for x in closing) == sorted(started - ended_before), (
            cut, before, closing)
        await sim.wait_subscribed()
        await sim.play(steps[cut:] + late_rows(steps))
        after = await drain(f)
        assert not any(x["call_id"] in started for x in after), (cut, after)
        for call_lines in per_call(after).values():  # a call first seen after the reconnect
            assert call_lines[0]["event"] in ("ringing", "dialing"), (cut, after)
            assert call_lines[-1]["event"] == "ended", (cut, after)
            assert sum(x["event"] in ("ringing", "dialing") for x in call_lines) == 1
    await f.aclose()

"""The call tracker fed hostile rows with real calls of the followed extension among them.

Random add/update/delete/bridge rows and ExtensionStatus rows, with wrong types, missing
fields, lone surrogates, control characters and huge strings, on channels and call ids that
the real calls of X also use, interleaved with those calls' own frames (some of which never
end). Whatever comes: nothing raises, every log line stays one encodable line, the events are
well-formed Ringing..Ended blocks of X, what the tracker holds stays within its bounds, and a
well-formed call of X that follows still rings, answers and ends exactly once.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_tracker_properties import blocks

from ucm_popup.ucm import tracker as tracker_module
from ucm_popup.ucm.events import Answered, CallEvent, Ended, Ringing
from ucm_popup.ucm.tracker import CallTracker

X = "1002"
BOUNDS = {"MAX_LEGS": 30, "MAX_OPEN_CALLS": 3, "MAX_REMEMBERED": 60}
MAX_HELD_LEGS = (BOUNDS["MAX_LEGS"]
                 + BOUNDS["MAX_OPEN_CALLS"] * tracker_module.MAX_CHANNELS_PER_RINGING)
REAL_CALLS = 12

HUGE = "9" * 300_000
odd_text = st.one_of(
    st.text(max_size=12),
    st.text(st.characters(categories=["Cs", "Cc", "Zl", "Zp", "Mn"]), max_size=6),
    st.sampled_from(["", "s", " ", "\u2028", "\x1b[31mred", "PJSIP/1002-", "١٠٠٢",
                     "\U0001d7d9\U0001d7d8\U0001d7d8\U0001d7da", "1002\n1003", "\ud800",
                     HUGE, "PJSIP/" + HUGE]),
)
anything = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(10**30, 10**40),
                     st.floats(), odd_text, st.lists(st.integers(), max_size=2),
                     st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))


def real_channels(n: int) -> tuple[str, str]:
    return f"PJSIP/trunk_9-{n:08x}", f"PJSIP/1002-9{n:07x}"


# The channels and call ids that junk rows use: the real calls' own among them.
channels = st.one_of(
    st.sampled_from([c for n in range(REAL_CALLS) for c in real_channels(n)]
                    + ["PJSIP/1002-00000001", "SIP/1002-00000002", "PJSIP/1003-00000003",
                       "Local/1002@from-internal-0001;1", "PJSIP/10020-00000004"]),
    anything)
linkedids = st.one_of(st.sampled_from([f"2000.{n}" for n in range(REAL_CALLS)] + ["1.1", ""]),
                      anything)
call_row = st.fixed_dictionaries({}, optional={
    "action": st.one_of(st.sampled_from(["add", "update", "delete"]), anything),
    "chantype": st.one_of(st.sampled_from(["unbridge", "bridge"]), anything),
    "channel": channels, "channel1": channels, "channel2": channels,
    "state": st.one_of(st.sampled_from(["Ringing", "Ring", "Up", "Down", "UP", "ringing"]),
                       anything),
    "linkedid": linkedids, "uniqueid": linkedids,
    "callernum": anything, "callername": anything,
    "connectednum": anything, "connectedname": anything,
    "inbound_trunk_name": anything, "service": st.one_of(st.just("queue"), anything),
})
status_row = st.fixed_dictionaries({}, optional={
    "extension": st.one_of(st.sampled_from([X, "1003", 1002]), anything),
    "status": st.one_of(st.sampled_from(["Idle", "InUse", "Ringing", "Busy"]), anything),
})
bodies = st.one_of(st.lists(st.one_of(call_row, status_row, anything), max_size=5),
                   call_row, status_row, anything)
junk_item = st.fixed_dictionaries({
    "action": st.one_of(st.just("notify"), anything),
    "eventname": st.one_of(st.sampled_from(["ActiveCallStatus", "ExtensionStatus",
                                            "ActiveCallStatus/1002"]), odd_text, anything),
    "eventbody": bodies,
})
junk_message = st.one_of(junk_item, st.lists(junk_item, max_size=3), anything)
junk_steps = st.lists(st.one_of(
    junk_message.map(lambda m: ("junk", m)),
    st.just(("tick", None)),  # 1.5 s pass: the Idle fallback and forgetting
), max_size=30)
# The order in which the real calls send their next frame: several calls ring at once.
call_steps = st.lists(st.integers(0, REAL_CALLS - 1).map(lambda n: ("call", n)),
                      min_size=REAL_CALLS // 2, max_size=3 * REAL_CALLS)


def interleave(a: list[Any], b: list[Any], rnd: random.Random) -> list[Any]:
    """``a`` and ``b`` merged at random, each in its own order."""
    a, b = a[::-1], b[::-1]
    out = []
    while a or b:
        source = a if b == [] or (a and rnd.random() < 0.5) else b
        out.append(source.pop())
    return out


def notify(eventname: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {"action": "notify", "eventname": eventname, "eventbody": rows}


def call_frames(linkedid: str, trunk: str, mine: str) -> list[list[dict[str, Any]]]:
    """The frames of an inbound call from 0612345678 that X answers, as the UCM sends them."""
    trunk_row = {"action": "add", "chantype": "unbridge", "channel": trunk, "state": "Ring",
                 "linkedid": linkedid, "uniqueid": linkedid, "callernum": "0612345678",
                 "callername": "ACME Corp", "connectednum": "s", "connectedname": "",
                 "inbound_trunk_name": "MyTrunk"}
    x_row = {"action": "add", "chantype": "unbridge", "channel": mine, "state": "Ringing",
             "linkedid": linkedid, "uniqueid": linkedid + "1", "callernum": X,
             "callername": "Reception", "connectednum": "0612345678",
             "connectedname": "ACME Corp", "inbound_trunk_name": ""}
    up = {"action": "update", "chantype": "unbridge", "channel": mine, "state": "Up",
          "linkedid": linkedid}
    deletes = [{"action": "delete", "chantype": "unbridge", "channel": c} for c in (trunk, mine)]
    return [[notify("ActiveCallStatus", [trunk_row, x_row]),
             notify("ExtensionStatus", [{"extension": X, "status": "Ringing"}])],
            [notify("ActiveCallStatus", [up])],
            [notify("ActiveCallStatus", deletes)]]


class Clock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@contextmanager
def debug_lines() -> Iterator[list[str]]:
    """The tracker's log lines at DEBUG; checked to be printable single lines afterwards."""
    lines = Lines()
    logger = logging.getLogger("ucm_popup.ucm.tracker")
    level = logger.level
    logger.addHandler(lines)
    logger.setLevel(logging.DEBUG)
    try:
        yield lines.lines
    finally:
        logger.removeHandler(lines)
        logger.setLevel(level)
    for line in lines.lines:
        assert "\n" not in line and "\u2028" not in line and "\x1b" not in line, line
        line.encode("utf-8")
        assert len(line) < 400


def assert_bounded(tracker: CallTracker) -> None:
    held = tracker.state_sizes()
    assert held["open_calls"] <= BOUNDS["MAX_OPEN_CALLS"], held
    assert held["legs"] <= MAX_HELD_LEGS, held
    assert held["calls"] <= held["legs"], held  # no call without a live leg
    assert held["remembered"] <= 2 * BOUNDS["MAX_REMEMBERED"], held


def run(plan: list[tuple[str, Any]], tracker: CallTracker, clock: Clock) -> list[CallEvent]:
    events: list[CallEvent] = []
    real = [call_frames(f"2000.{n}", *real_channels(n)) for n in range(REAL_CALLS)]
    for kind, value in plan:
        if kind == "junk":
            events += tracker.feed_message(value)
            if type(value) is dict:
                events += tracker.feed(value.get("eventname"), value.get("eventbody"))
        elif kind == "call" and real[value]:
            events += tracker.feed_message(real[value].pop(0))
        else:
            clock.now += 1.5
            events += tracker.expire()
        assert_bounded(tracker)
    return events


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(junk_steps, call_steps, st.randoms(use_true_random=False))
def test_hostile_rows_among_real_calls_never_break_the_tracker(
        junk: list[tuple[str, Any]], real: list[tuple[str, Any]], rnd: random.Random) -> None:
    plan = interleave(junk, real, rnd)
    with debug_lines(), mock.patch.multiple(tracker_module, **BOUNDS):
        clock = Clock()
        tracker = CallTracker(X, clock=clock)
        events = run(plan, tracker, clock)

        # A well-formed call of X that follows rings, answers and ends exactly once.
        fresh = "3000.1"
        call = call_frames(fresh, "PJSIP/trunk_9-ffff0001", "PJSIP/1002-ffff0002")
        got = [tracker.feed_message(frame) for frame in call]
        mine = [[e for e in frame if e.call_id == fresh] for frame in got]
        assert [[type(e) for e in frame] for frame in mine] == [[Ringing], [Answered],
                                                               [Ended]]
        ringing, ended = mine[0][0], mine[2][0]
        assert isinstance(ringing, Ringing) and isinstance(ended, Ended)
        assert (ringing.number, ringing.name, ringing.direction, ringing.trunk) == (
            "0612345678", "ACME Corp", "inbound", "MyTrunk")
        assert ended.answered and not ended.answered_elsewhere
        events += [e for frame in got for e in frame]
        assert_bounded(tracker)

        # Every ringing of X ends exactly once when the link drops; nothing stays open.
        events += tracker.connection_lost()
        for call_blocks in blocks(events).values():  # also checks the order in each call
            assert all(isinstance(block[-1], Ended) for block in call_blocks)
        assert tracker.state_sizes()["open_calls"] == 0
        assert tracker.state_sizes()["legs"] == 0


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 3), st.booleans())
def test_deep_and_huge_values_are_skipped(depth_thousands: int, as_action: bool) -> None:
    deep: Any = []
    for _ in range(depth_thousands * 1000):
        deep = [deep]
    row = {"action": deep if as_action else "add", "chantype": "unbridge",
           "channel": deep if not as_action else "PJSIP/1002-00000001", "linkedid": deep}
    tracker = CallTracker(X)
    with debug_lines():
        assert tracker.feed("ActiveCallStatus", [row, {"extension": deep, "status": deep}]) == []
        assert tracker.feed("ActiveCallStatus", [{"action": "add", "channel": HUGE * 3,
                                                  "state": "Ringing", "linkedid": ""}]) == []
    assert tracker.state_sizes()["open_calls"] == 0

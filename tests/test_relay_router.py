"""The relay's router: each extension gets exactly what a tracker of its own would give."""

from __future__ import annotations

import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ucm_popup.relay.router import SiteRouter
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.ucm.events import CallEvent, to_json
from ucm_popup.ucm.tracker import CallTracker

EXTENSIONS = ("1001", "1002", "1003", "1004", "1005")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def message(step: sc.Step) -> list[dict[str, Any]]:
    return [{"action": "notify", "eventname": name, "eventbody": body}
            for name, body in step.items]


def lines(events: list[CallEvent]) -> list[dict[str, Any]]:
    return [{k: v for k, v in to_json(e).items() if k != "time"} for e in events]


def site_calls(rng: random.Random, count: int) -> list[sc.Step]:
    """Calls of a site at once: ring groups, queue re-rings, internal calls, hang-ups."""
    rows = sc.CallRows()
    timelines = []
    for n in range(count):
        kind = rng.choice(("group", "single", "internal", "missed", "retry"))
        at = rng.uniform(0, 20)
        rings = tuple(rng.sample(EXTENSIONS, rng.randint(1, 3)))
        if kind == "retry":
            steps = sc.queue_retry_call(rows, caller=f"06000000{n:02d}",
                                        extension=rings[0])
        elif kind == "internal":
            caller = next(e for e in EXTENSIONS if e not in rings)
            steps = sc.ring_call(rows, caller=caller, trunk="", rings=rings,
                                 answered_by=rings[-1], followed=rings[0])
        else:
            steps = sc.ring_call(rows, caller=f"06100000{n:02d}", name=f"Caller {n}",
                                 rings=rings, answered_by="" if kind == "missed" else rings[0],
                                 service="queue" if len(rings) > 1 else "normal",
                                 followed=rings[0])
        if rng.random() < 0.3:
            steps = sc.with_repeats(steps)
        timelines.append([sc.Step(at, []), *steps])
    return sc.merged(*timelines)


def play(steps: list[sc.Step], followed: tuple[str, ...], lose_at: int = -1
         ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """The same frames through the router and through one tracker per extension."""
    clock = FakeClock()
    router = SiteRouter(followed, clock=clock)
    alone = {e: CallTracker(e, clock=clock) for e in EXTENSIONS}
    routed: dict[str, list[CallEvent]] = {e: [] for e in EXTENSIONS}
    direct: dict[str, list[CallEvent]] = {e: [] for e in EXTENSIONS}

    def collect(events: list[Any], into: dict[str, list[CallEvent]]) -> None:
        for event in events:
            into[event.extension].append(event)

    for index, step in enumerate(steps):
        clock.now += step.delay_s
        if index == lose_at:
            collect(router.connection_lost(), routed)
            for tracker in alone.values():
                collect(tracker.connection_lost(), direct)
        collect(router.feed_message(message(step)), routed)
        collect(router.expire(), routed)
        for tracker in alone.values():
            collect(tracker.feed_message(message(step)), direct)
            collect(tracker.expire(), direct)
    clock.now += 5
    collect(router.expire(), routed)
    for tracker in alone.values():
        collect(tracker.expire(), direct)
    wanted = followed or EXTENSIONS
    return ({e: lines(routed[e]) for e in wanted}, {e: lines(direct[e]) for e in wanted})


def test_a_ring_group_reaches_each_rung_extension_once() -> None:
    steps = sc.ring_call(sc.CallRows(), caller="0612345678", name="ACME",
                         rings=("1001", "1002", "1003"), answered_by="1003")
    routed, direct = play(steps, ())
    assert routed == direct
    assert [line["event"] for line in routed["1001"]] == ["ringing", "ended"]
    assert routed["1001"][1]["answered_elsewhere"] is True
    assert routed["1003"][-1] == {"event": "ended", "call_id": routed["1003"][0]["call_id"],
                                  "extension": "1003", "answered": True,
                                  "answered_elsewhere": False, "transferred_to": ""}
    assert routed["1004"] == []


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32), count=st.integers(1, 12),
       followed=st.sampled_from(((), ("1002",), ("1001", "1004"))),
       lose=st.integers(-1, 40))
def test_every_extension_gets_what_a_tracker_of_its_own_would(
        seed: int, count: int, followed: tuple[str, ...], lose: int) -> None:
    steps = site_calls(random.Random(seed), count)
    routed, direct = play(steps, followed, lose)
    assert routed == direct


def test_rows_of_calls_no_extension_joins_stay_bounded() -> None:
    router = SiteRouter(clock=FakeClock(), max_calls=100)
    rows = sc.CallRows()
    for n in range(1000):
        trunk = rows.leg("trunk", "Ring", callernum=f"0{n}")
        router.feed_message(message(sc.Step(0, [sc.calls(trunk)])))
    sizes = router.state_sizes()
    assert sizes["calls"] == 100 and sizes["channels"] == 100 and sizes["trackers"] == 0


def test_hostile_rows_are_skipped() -> None:
    router = SiteRouter(clock=FakeClock())
    junk: list[Any] = [None, 3, "x", [], {"action": "notify"},
                       {"action": "notify", "eventname": "ActiveCallStatus",
                        "eventbody": [None, {"channel": 5}, {"action": "delete"},
                                      {"chantype": "bridge", "channel1": []},
                                      {"action": "add", "channel": "PJSIP/7-1",
                                       "linkedid": 10**400}]},
                       {"action": "notify", "eventname": "ExtensionStatus",
                        "eventbody": [{"extension": None}, {"extension": "7", "status": 1}]}]
    assert router.feed_message(junk) == []

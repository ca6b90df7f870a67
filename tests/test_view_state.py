"""The site view's state, computed from the relay's own call events: the simulator's kinds of
call (ring groups, queues that ring again, missed calls, internal and outgoing calls, call
backs) played through the relay's router, against what each call plan says should show."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ucm_popup.crm.model import Match
from ucm_popup.relay.router import SiteRouter
from ucm_popup.relay.view.state import SiteView
from ucm_popup.sim import ucm_scenarios as sc
from ucm_popup.ucm.events import Answered, Dialing, Ended, Ringing, now

EXTENSIONS = ("1001", "1002", "1003", "1004", "1005", "1006")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def message(step: sc.Step) -> list[dict[str, Any]]:
    return [{"action": "notify", "eventname": name, "eventbody": body}
            for name, body in step.items]


@dataclass
class Plan:
    """What the calls of a site should leave on the view once they are all over."""

    answered: Counter[str] = field(default_factory=Counter)  # per extension
    missed: Counter[str] = field(default_factory=Counter)
    outgoing: Counter[str] = field(default_factory=Counter)
    site_answered: int = 0
    site_missed: int = 0
    # number key -> (time it was last missed, time it was last answered in or out)
    last_missed: dict[str, float] = field(default_factory=dict)
    last_answered: dict[str, float] = field(default_factory=dict)

    def still_missed(self) -> set[str]:
        return {key for key, at in self.last_missed.items()
                if at > self.last_answered.get(key, -1.0)}


def caller(n: int) -> tuple[str, str]:
    """The UCM's spelling of a French mobile, and its E.164 form (the view's key)."""
    return f"061000{n:04d}", f"+3361000{n:04d}"


def site(rng: random.Random, count: int) -> tuple[list[sc.Step], Plan]:
    rows = sc.CallRows()
    plan = Plan()
    busy = dict.fromkeys(EXTENSIONS, 0.0)
    timelines = []
    at = 0.0
    for _ in range(count):
        at += rng.uniform(0.3, 3.0)
        free = [e for e in EXTENSIONS if busy[e] <= at]
        if len(free) < 2:
            at = max(at, sorted(busy.values())[2]) + 0.1
            free = [e for e in EXTENSIONS if busy[e] <= at]
        kind = rng.choice(("single", "group", "missed", "missed", "retry", "internal",
                           "callback", "callback", "callin"))
        n = rng.randrange(6)
        number, key = caller(n)
        if kind in ("single", "group", "callin"):
            rings = tuple(rng.sample(free, 1 if kind != "group" else min(3, len(free))))
            steps = sc.ring_call(rows, caller=number, name=f"Caller {n}", rings=rings,
                                 answered_by=rings[0], ring_s=2.0, talk_s=3.0,
                                 service="queue" if len(rings) > 1 else "normal",
                                 followed=rings[0])
            plan.answered[rings[0]] += 1
            plan.site_answered += 1
            plan.last_answered[key] = at + 2.0
            busy.update(dict.fromkeys(rings, at + 2.0))
            busy[rings[0]] = at + 5.0
        elif kind == "missed":
            rings = tuple(rng.sample(free, rng.randint(1, min(3, len(free)))))
            steps = sc.ring_call(rows, caller=number, name=f"Caller {n}", rings=rings,
                                 answered_by="", ring_s=2.0, followed=rings[0],
                                 service="queue" if len(rings) > 1 else "normal")
            for extension in rings:
                plan.missed[extension] += 1
            plan.site_missed += 1
            plan.last_missed[key] = at + 2.0
            busy.update(dict.fromkeys(rings, at + 2.0))
        elif kind == "retry":
            extension = rng.choice(free)
            steps = sc.queue_retry_call(rows, caller=number, name=f"Caller {n}",
                                        extension=extension, ring_s=2.0, talk_s=3.0)
            plan.missed[extension] += 1  # the first round rang it for nothing
            plan.answered[extension] += 1
            plan.site_answered += 1
            plan.last_missed[key] = at + 2.0
            plan.last_answered[key] = at + 4.0
            busy[extension] = at + 7.0
        elif kind == "internal":
            colleague, rung = rng.sample(free, 2)
            steps = sc.ring_call(rows, caller=colleague, trunk="", rings=(rung,),
                                 answered_by=rung, ring_s=2.0, talk_s=3.0, followed=rung)
            plan.answered[rung] += 1
            plan.outgoing[colleague] += 1
            busy[colleague] = busy[rung] = at + 5.0
        else:  # an agent calls a caller back, in the E.164 spelling
            extension = rng.choice(free)
            answered = rng.random() < 0.7
            steps = sc.outgoing_call(rows, extension=extension, number=key, answered=answered,
                                     ring_s=2.0, talk_s=3.0)
            plan.outgoing[extension] += 1
            if answered:
                plan.last_answered[key] = at + 2.0
            busy[extension] = at + 5.0
        timelines.append([sc.Step(at, []), *steps])
    return sc.merged(*timelines), plan


def play(steps: list[sc.Step], view: SiteView, clock: FakeClock,
         check: Any = None) -> None:
    router = SiteRouter((), clock=clock)
    base = now()
    for step in steps:
        clock.now += step.delay_s
        at = base + timedelta(seconds=clock.now - 1000.0)
        for event in router.feed_message(message(step)) + router.expire():
            # Event times follow the played timeline, as the UCM's frames would.
            view.on_event(type(event)(**{**_fields(event), "time": at}))  # type: ignore[arg-type]
        if check is not None:
            check(view)


def _fields(event: Any) -> dict[str, Any]:
    return {name: getattr(event, name) for name in event.__dataclass_fields__}


def invariants(view: SiteView) -> None:
    snapshot = view.snapshot()
    for row in snapshot["rows"]:
        assert row["state"] in ("idle", "ringing", "talking", "dialling")
        assert (row["state"] == "idle") == (row["since"] is None)
        if row["state"] != "idle":
            assert row["number"], row
    for call in snapshot["site"]["waiting"]:
        assert call["ringing"], call
        ringing = {r["extension"] for r in snapshot["rows"] if r["state"] == "ringing"}
        assert set(call["ringing"]) <= ringing


def at_midday() -> float:
    return datetime.now().replace(hour=12, minute=0, second=0).timestamp()


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), count=st.integers(1, 25))
def test_a_site_of_calls_leaves_the_counts_and_missed_callers_its_plan_says(
        seed: int, count: int) -> None:
    steps, plan = site(random.Random(seed), count)
    clock = FakeClock()
    view = SiteView(default_region="FR", clock=clock)
    play(steps, view, clock, invariants)
    snapshot = view.snapshot()
    rows = {row["extension"]: row for row in snapshot["rows"]}
    for extension in EXTENSIONS:
        row = rows.get(extension, {"state": "idle", "answered": 0, "missed": 0, "outgoing": 0})
        assert row["state"] == "idle", row
        assert (row["answered"], row["missed"], row["outgoing"]) == (
            plan.answered[extension], plan.missed[extension], plan.outgoing[extension]), extension
    site_now = snapshot["site"]
    assert site_now["waiting"] == [] and site_now["talking"] == 0
    assert (site_now["answered_today"], site_now["missed_today"]) == (
        plan.site_answered, plan.site_missed)
    shown = {"+33" + m["number"][1:] for m in site_now["missed"]}
    assert shown == plan.still_missed()


def test_rows_follow_a_call_ringing_then_talking_with_the_crm_name() -> None:
    rows = sc.CallRows()
    steps = sc.ring_call(rows, caller="0612345678", name="UCM NAME", rings=("1002", "1003"),
                         answered_by="1002", service="queue")
    view = SiteView(default_region="FR")
    router = SiteRouter(())
    events = router.feed_message(message(steps[0]))
    for event in events:
        view.on_event(event)
    call_id = next(e.call_id for e in events if isinstance(e, Ringing))
    row = view.row("1002")
    assert (row["state"], row["number"], row["name"], row["crm_name"]) == (
        "ringing", "0612345678", "UCM NAME", "")
    waiting = view.site()["waiting"]
    assert [(w["number"], w["ringing"]) for w in waiting] == [("0612345678", ["1002", "1003"])]
    view.on_lookup(call_id, "0612345678", [Match("Contacts", "1", "Jane Doe", "", "", "", "",
                                                 "", "https://crm.example/1")])
    assert view.row("1003")["crm_name"] == "Jane Doe"
    assert view.site()["waiting"][0]["crm_name"] == "Jane Doe"
    for event in router.feed_message(message(steps[1])):
        view.on_event(event)
    assert view.row("1002")["state"] == "talking"
    assert view.row("1003")["state"] == "idle"
    assert view.site()["waiting"] == []
    assert view.site()["hours"][datetime.now().hour] == [1, 0]


def test_a_missed_caller_is_listed_with_the_crm_link_until_someone_calls_back() -> None:
    view = SiteView(default_region="FR")
    view.on_event(Ringing("c1", "1002", "inbound", "0612345678", "", "T", "Sales"))
    view.on_lookup("c1", "0612345678", [Match("Leads", "9", "<img src=x onerror=alert(1)>",
                                              "", "", "", "", "", "javascript:alert(1)")])
    view.on_event(Ended("c1", "1002", False, False))
    missed = view.site()["missed"]
    assert [(m["number"], m["name"], m["url"], m["extensions"]) for m in missed] == [
        ("0612345678", "<img src=x onerror=alert(1)>", "", ["1002"])]
    # An unanswered call back leaves it; an answered one, spelt another way, clears it.
    view.on_event(Dialing("c2", "1003", "outbound", "+33612345678", "", "T"))
    view.on_event(Ended("c2", "1003", False, False))
    assert len(view.site()["missed"]) == 1
    view.on_event(Dialing("c3", "1003", "outbound", "+33 6 12 34 56 78", "", "T"))
    view.on_event(Answered("c3", "1003"))
    assert view.site()["missed"] == []
    assert view.row("1003")["state"] == "talking"


def test_presence_and_deltas() -> None:
    clock = FakeClock()
    view = SiteView(extensions=("1001",), clock=clock)
    first = view.delta()
    assert first is not None and [r["extension"] for r in first["rows"]] == ["1001"]
    assert view.delta() is None  # nothing changed since
    view.on_presence("1002", {"state": "online", "since": "2026-01-01T08:00:00+00:00"})
    delta = view.delta()
    assert delta is not None
    assert [(r["extension"], r["online"]) for r in delta["rows"]] == [("1002", True)]
    assert delta["rows"][0]["online_since"] == datetime.fromisoformat(
        "2026-01-01T08:00:00+00:00").timestamp()
    view.on_presence("1002", {})  # the retained message cleared
    assert view.row("1002")["online"] is False
    view.on_presence("not-an-extension", {"state": "online"})
    assert "not-an-extension" not in view.extensions


def test_a_new_day_starts_with_empty_counts() -> None:
    clock = FakeClock()
    clock.now = at_midday()
    view = SiteView(clock=clock)
    view.on_event(Ringing("c1", "1002", "inbound", "0612345678", "", "T"))
    view.on_event(Ended("c1", "1002", False, False))
    assert view.site()["missed_today"] == 1 and view.row("1002")["missed"] == 1
    clock.now += 86400
    view.tick()
    assert view.site()["missed_today"] == 0 and view.site()["missed"] == []
    assert view.row("1002")["missed"] == 0


@pytest.mark.parametrize("size", [MAX := 20])
def test_an_extension_with_too_many_calls_keeps_its_first(size: int) -> None:
    view = SiteView()
    for n in range(size + 5):
        view.on_event(Ringing(f"c{n}", "1002", "inbound", f"06{n:08d}", "", "T"))
    assert view.row("1002")["calls"] == MAX


def test_the_view_reads_the_relays_crm_backlog_and_index_before_each_push(tmp_path: Any
                                                                          ) -> None:
    from types import SimpleNamespace

    from ucm_popup.crm.index import SyncState
    from ucm_popup.crm.outbox import OutboxStatus
    from ucm_popup.relay.view.server import ViewServer
    from ucm_popup.relay.view.service import feed_from
    from ucm_popup.settings import ViewSettings

    crm = SimpleNamespace(writes_status=OutboxStatus(3, "Zoho refused: missing scope"),
                          index_state=SyncState(records=1234, synced_at=None))
    relay: Any = SimpleNamespace(crm=crm)
    server = ViewServer(SiteView(), ViewSettings(), tmp_path / "users", None)
    feed_from(server, relay, looks_up=True)
    server.push_now()
    site_now = server.view.site()["crm"]
    assert site_now == {"lookup": True, "waiting": 3,
                        "last_error": "Zoho refused: missing scope",
                        "index": "CRM index: not synced yet"}
    crm.writes_status = OutboxStatus(0, "")
    server.push_now()
    assert server.view.site()["crm"]["waiting"] == 0


def test_the_view_lists_the_sites_relays_as_their_statuses_say() -> None:
    """Two relays (standby): the page names who leads and who waits, and a relay whose last
    will said offline shows as offline, as the broker's retained statuses tell the relay."""
    import json

    import aiomqtt

    from ucm_popup.relay.site import SiteRelay
    from ucm_popup.settings import MqttSettings, RelaySettings, Settings

    view = SiteView()
    site = SiteRelay(Settings(mqtt=MqttSettings(url="mqtt://127.0.0.1:1"),
                              relay=RelaySettings(node="b")), "", "", view=view)
    site._publish = lambda topic, data, retain=False: True  # type: ignore[method-assign]

    def hear(topic: str, data: dict[str, Any]) -> dict[str, str]:
        site._on_message(aiomqtt.Message(f"ucm-popup/{topic}", json.dumps(data).encode(),
                                         1, True, 1, None))
        return dict(view.snapshot()["site"]["relay"]["nodes"])

    assert hear("relay/a/status", {"state": "online", "role": "active"}) == {
        "a": "standby", "b": "standby"}  # a is alive; relay/status has not named it yet
    assert hear("relay/status", {"state": "online", "node": "a"}) == {
        "a": "active", "b": "standby"}
    assert hear("relay/a/status", {"state": "offline"}) == {"a": "offline", "b": "standby"}
